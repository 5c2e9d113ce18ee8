/* Full-text search over posts with FTS5; see db-board.h. The member's
 * words go to MATCH as a bound parameter; author: and in: filters are
 * taken out first and become plain bound conditions. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db.h"
#include "db-block.h"
#include "db-board.h"
#include "db-internal.h"
#include "text.h"
#include "xmalloc.h"

#define QUERY_MAX 200

static bool
bare_char(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
}

/* Appends one word to fts at flen. A phrase or a plain word goes as it
 * is; a word with punctuation ("follow-up", "e.g.") is quoted so FTS5
 * reads it as words, keeping a trailing * for a prefix search. The caller
 * made room for twice the word plus quotes. */
static size_t
add_word(char *fts, size_t flen, const char *w, size_t n)
{
	bool star = n > 1 && w[n - 1] == '*', plain = true;
	size_t m = star ? n - 1 : n;

	for (size_t i = 0; i < m; i++)
		if (!bare_char((unsigned char)w[i]))
			plain = false;
	if (plain || w[0] == '"') {
		memcpy(fts + flen, w, n);
		flen += n;
	} else {
		fts[flen++] = '"';
		for (size_t i = 0; i < m; i++) {
			if (w[i] == '"')
				fts[flen++] = '"';
			fts[flen++] = w[i];
		}
		fts[flen++] = '"';
		if (star)
			fts[flen++] = '*';
	}
	fts[flen] = '\0';
	return flen;
}

/* Splits query into the FTS part and the filters. */
static void
split_query(const char *query, char *fts, size_t ftssz, char *author, size_t asz,
    char *slug, size_t ssz)
{
	const char *p = query;
	size_t flen = 0;

	fts[0] = author[0] = slug[0] = '\0';
	while (*p != '\0') {
		const char *start, *val;
		size_t n;

		while (*p == ' ')
			p++;
		start = p;
		/* A quoted phrase is one word, spaces and all. */
		if (*p == '"') {
			p++;
			while (*p != '\0' && *p != '"')
				p++;
			if (*p == '"')
				p++;
		} else
			while (*p != '\0' && *p != ' ')
				p++;
		n = (size_t)(p - start);
		if (n == 0)
			continue;
		if (n > 7 && strncmp(start, "author:", 7) == 0) {
			val = start + 7;
			if ((size_t)(p - val) < asz) {
				memcpy(author, val, (size_t)(p - val));
				author[p - val] = '\0';
			}
		} else if (n > 3 && strncmp(start, "in:", 3) == 0) {
			val = start + 3;
			if ((size_t)(p - val) < ssz) {
				memcpy(slug, val, (size_t)(p - val));
				slug[p - val] = '\0';
			}
		} else if (flen + 2 * n + 5 < ftssz) {
			if (flen > 0)
				fts[flen++] = ' ';
			flen = add_word(fts, flen, start, n);
		}
	}
}

int
db_board_search(struct db *db, int64_t actor_id, const char *query, size_t max,
    struct board_hit **out, size_t *n)
{
	char fts[QUERY_MAX * 4 + 1], author[64], slug[65];
	struct board_hit *list, *h;
	size_t len = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	if (text_check_line(query, QUERY_MAX) != NULL)
		return DB_INVALID;
	split_query(query, fts, sizeof fts, author, sizeof author, slug, sizeof slug);
	if (fts[0] == '\0')
		return DB_INVALID;
	st = db_stmt(db, "SELECT p.id, p.thread_id, p.community_id, t.title, c.name, "
	    "u.display_name, snippet(posts_fts, 0, '[', ']', '...', 10), p.created_at "
	    "FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid "
	    "JOIN threads t ON t.id = p.thread_id JOIN communities c ON c.id = p.community_id "
	    "JOIN users u ON u.id = p.author_id "
	    "WHERE posts_fts MATCH ?2 AND p.deleted = 0 "
	    "AND (?3 = '' OR u.login = ?3) AND (?4 = '' OR c.slug = ?4) "
	    "AND " DB_NOT_BLOCKED("p.author_id") " ORDER BY posts_fts.rank LIMIT ?5");
	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	db_bind_text(st, 2, fts);
	db_bind_text(st, 3, author);
	db_bind_text(st, 4, slug);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)max);
	list = xcalloc(max > 0 ? max : 1, sizeof *list);
	while (len < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		h = &list[len++];
		h->post_id = sqlite3_column_int64(st, 0);
		h->thread_id = sqlite3_column_int64(st, 1);
		h->community_id = sqlite3_column_int64(st, 2);
		db_column_text(st, 3, h->title, sizeof h->title);
		db_column_text(st, 4, h->community, sizeof h->community);
		db_column_text(st, 5, h->author, sizeof h->author);
		db_column_text(st, 6, h->snippet, sizeof h->snippet);
		h->created_at = sqlite3_column_int64(st, 7);
	}
	/* A query FTS5 cannot parse is the member's typing, not our fault. */
	if (len < max && rc == SQLITE_ERROR)
		r = DB_INVALID;
	else
		r = len == max ? DB_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != DB_OK) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return DB_OK;
}
