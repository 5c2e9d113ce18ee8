/* Full-text search over posts and thread titles with FTS5; see
 * db-board.h. The member's words go to MATCH as a bound parameter;
 * author: and in: filters are taken out first (board_query_parse) and
 * become plain bound conditions. Without words, the filters alone list the
 * newest posts they allow, each an indexed read bounded by LIMIT. Every
 * search holds the member's search lock and runs within its time budget
 * (db-search.h): a query too broad to finish in it is ERR_TOOBROAD. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-search-internal.h"
#include "db/db-search.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* The communities an in: value names, ?4 the value as a LIKE prefix
 * pattern and ?6 as an exact LIKE pattern (LIKE is case-insensitive): the
 * one it names exactly if there is one, else every community whose name
 * or slug starts with it. */
#define IN_NAMED(v) "(name LIKE " v " ESCAPE '\\' OR slug LIKE " v " ESCAPE '\\')"
#define IN_COMMUNITIES "SELECT id FROM communities WHERE " IN_NAMED("?4") " AND " \
	"(NOT EXISTS (SELECT 1 FROM communities WHERE " IN_NAMED("?6") ") OR " \
	IN_NAMED("?6") ")"

#define HIT_COLUMNS "SELECT p.id, p.thread_id, p.community_id, t.title, c.name, " \
	"u.display_name, "
#define HIT_JOINS "JOIN threads t ON t.id = p.thread_id " \
	"JOIN communities c ON c.id = p.community_id JOIN users u ON u.id = p.author_id "

/* Words: body hits and title hits (a title stands for its thread's first
 * post), each post once at its best rank. The snippet is not made here:
 * snippet() over every match of a common word was two thirds of the
 * query's time, so the ?5 hits get theirs afterwards (SQL_SNIPPET). */
#define SQL_WORDS "WITH m(id, rank) AS (" \
	"SELECT rowid, rank FROM posts_fts WHERE posts_fts MATCH ?2 UNION ALL " \
	"SELECT (SELECT id FROM posts WHERE thread_id = threads_fts.rowid ORDER BY path " \
	"LIMIT 1), rank FROM threads_fts WHERE threads_fts MATCH ?2) " \
	HIT_COLUMNS "substr(p.body, 1, 160), p.created_at, min(m.rank) " \
	"FROM m JOIN posts p ON p.id = m.id " HIT_JOINS \
	"WHERE p.deleted = 0 AND p.hidden = 0 AND (?3 = '' OR u.login = ?3) AND (?4 = '' OR p.community_id " \
	"IN (" IN_COMMUNITIES ")) AND " DB_NOT_BLOCKED("p.author_id") \
	" GROUP BY p.id ORDER BY min(m.rank) LIMIT ?5"

/* One hit's snippet, when its body matches (a title hit keeps the start
 * of the body): an index seek by rowid within the match. */
#define SQL_SNIPPET "SELECT snippet(posts_fts, 0, '[', ']', '...', 10) FROM posts_fts " \
	"WHERE posts_fts MATCH ?2 AND rowid = ?1"

/* No words, an author: the author's newest posts (posts_author_time). */
#define SQL_AUTHOR HIT_COLUMNS "substr(p.body, 1, 160), p.created_at, 0 FROM posts p " \
	HIT_JOINS "WHERE p.author_id = (SELECT id FROM users WHERE login = ?3) " \
	"AND p.deleted = 0 AND p.hidden = 0 AND (?4 = '' OR p.community_id IN (" IN_COMMUNITIES ")) AND " \
	DB_NOT_BLOCKED("p.author_id") " ORDER BY p.created_at DESC, p.id DESC LIMIT ?5"

/* No words, no author: one community's newest posts (posts_community),
 * ?7 the community. */
#define SQL_COMMUNITY HIT_COLUMNS "substr(p.body, 1, 160), p.created_at, 0 FROM posts p " \
	HIT_JOINS "WHERE p.community_id = ?7 AND p.deleted = 0 AND p.hidden = 0 AND " DB_NOT_BLOCKED("p.author_id") " ORDER BY p.id DESC LIMIT ?5"

/* pat gets s with LIKE's wildcards escaped, and a trailing % if prefix. */
static void
like_pattern(const char *s, bool prefix, char *pat, size_t patsz)
{
	size_t n = 0;

	for (; *s != '\0' && n + 3 < patsz; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			pat[n++] = '\\';
		pat[n++] = *s;
	}
	if (prefix)
		pat[n++] = '%';
	pat[n] = '\0';
}

/* The communities q->in names (at most idsz; *n 0: none). */
static int
communities_named(struct db *db, const char *prefix, const char *exact, int64_t *ids,
    size_t idsz, size_t *n)
{
	sqlite3_stmt *st;
	int rc, r;

	*n = 0;
	if ((st = db_stmt(db, IN_COMMUNITIES " ORDER BY name")) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 4, prefix);
	db_bind_text(st, 6, exact);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < idsz)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	r = rc == SQLITE_ROW ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* Runs one search statement, appending its rows to list (room for max,
 * *len used). ERR_INVALID if FTS5 cannot read the words. */
static int
collect(struct db *db, const char *sql, int64_t actor_id, const struct board_query *q,
    const char *prefix, const char *exact, int64_t community_id, size_t max,
    struct board_hit *list, size_t *len)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, r;

	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	db_bind_text(st, 2, q->words);
	db_bind_text(st, 3, q->author);
	db_bind_text(st, 4, prefix);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)max);
	db_bind_text(st, 6, exact);
	/* Parameters a statement does not use are refused by SQLite, harmlessly. */
	sqlite3_bind_int64(st, 7, community_id);
	while (*len < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct board_hit *h = &list[(*len)++];

		h->post_id = sqlite3_column_int64(st, 0);
		h->thread_id = sqlite3_column_int64(st, 1);
		h->community_id = sqlite3_column_int64(st, 2);
		db_column_text(st, 3, h->title, sizeof h->title);
		db_column_text(st, 4, h->community, sizeof h->community);
		db_column_text(st, 5, h->author, sizeof h->author);
		db_column_text(st, 6, h->snippet, sizeof h->snippet);
		h->created_at = sqlite3_column_int64(st, 7);
	}
	/* A query FTS5 cannot parse is the member's typing, not our fault
	 * (board_query_parse quotes every word, so this is a safety net). */
	if (rc == SQLITE_ERROR)
		r = ERR_INVALID;
	else
		r = rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* Replaces each hit's snippet with the marked one where its body matches. */
static int
snippets(struct db *db, const char *words, struct board_hit *list, size_t len)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	for (size_t i = 0; i < len && (rc == SQLITE_DONE || rc == SQLITE_ROW); i++) {
		if ((st = db_stmt(db, SQL_SNIPPET)) == NULL)
			return ERR_INTERNAL;
		sqlite3_bind_int64(st, 1, list[i].post_id);
		db_bind_text(st, 2, words);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			db_column_text(st, 0, list[i].snippet, sizeof list[i].snippet);
		db_stmt_done(db, st);
	}
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : db_result(db, rc, __func__);
}

static int
newest_first(const void *a, const void *b)
{
	const struct board_hit *x = a, *y = b;

	return x->post_id < y->post_id ? 1 : x->post_id > y->post_id ? -1 : 0;
}

#define IN_MAX 64	/* communities one in: value may name */

int
db_board_search(struct db *db, int64_t actor_id, const char *query, size_t max,
    struct board_hit **out, size_t *n)
{
	struct board_query q;
	char prefix[sizeof q.in * 2 + 2] = "", exact[sizeof q.in * 2 + 2] = "";
	struct db_search g;
	struct board_hit *list;
	int64_t ids[IN_MAX];
	size_t len = 0, nids = 0;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if (text_check_line(query, BOARD_QUERY_MAX) != NULL)
		return ERR_INVALID;
	board_query_parse(query, &q);
	if (q.refused != NULL || (q.words[0] == '\0' && q.author[0] == '\0' &&
	    q.in[0] == '\0'))
		return ERR_INVALID;
	if ((r = db_search_begin(db, actor_id, &g)) != 0)
		return r;
	if (q.in[0] != '\0') {
		like_pattern(q.in, true, prefix, sizeof prefix);
		like_pattern(q.in, false, exact, sizeof exact);
		r = communities_named(db, prefix, exact, ids, IN_MAX, &nids);
		if (r == 0 && nids == 0)
			r = ERR_NOTFOUND;
		if (r != 0)
			return db_search_end(db, &g, r);
	}
	list = xcalloc(max > 0 ? max : 1, sizeof *list);
	if (q.words[0] != '\0') {
		r = collect(db, SQL_WORDS, actor_id, &q, prefix, exact, 0, max, list, &len);
		if (r == 0)
			r = snippets(db, q.words, list, len);
	}
	else if (q.author[0] != '\0')
		r = collect(db, SQL_AUTHOR, actor_id, &q, prefix, exact, 0, max, list, &len);
	else {
		/* Each community's newest, merged: every read is an index
		 * range that stops at max rows. */
		struct board_hit *each = xcalloc(max > 0 ? max : 1, sizeof *each);

		for (size_t i = 0; i < nids && r == 0; i++) {
			size_t got = 0;

			r = collect(db, SQL_COMMUNITY, actor_id, &q, prefix, exact, ids[i], max,
			    each, &got);
			for (size_t j = 0; j < got; j++) {
				if (len < max)
					list[len++] = each[j];
				else if (each[j].post_id > list[max - 1].post_id)
					list[max - 1] = each[j];
				else
					continue;
				qsort(list, len, sizeof *list, newest_first);
			}
		}
		free(each);
	}
	if ((r = db_search_end(db, &g, r)) != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

void
db_board_search_like(const char *in, char *prefix, char *exact, size_t sz)
{
	like_pattern(in, true, prefix, sz);
	like_pattern(in, false, exact, sz);
}
