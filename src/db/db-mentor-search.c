/* Finding mentors: search and suggestions; see db-mentor-search.h.
 *
 * Text filters become one FTS5 MATCH expression over member_fts, the
 * index the 003 migration keeps in step with users (it already holds the
 * specialty, sub-specialty and program columns that free text also looks
 * at, so no new migration was needed). Member
 * text never reaches the expression as syntax: only its words do, each
 * quoted, so a stray quote, colon or NEAR( is just a word boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-search-internal.h"
#include "db/db-mentor-internal.h"
#include "db/db-mentor-search.h"
#include "db/db-search.h"
#include "db/db-user.h"
#include "rules/mentor.h"
#include "rules/search.h"
#include "lib/xmalloc.h"

#define MATCH_SZ	2048
#define WORDS_MAX	SEARCH_TERMS_MAX	/* per filter; ORed alternatives in all */
#define SUGGEST_POOL	600
#define SEARCH_POOL_S	"200"	/* MENTOR_SEARCH_POOL as text for the SQL */

void
mentor_query_init(struct mentor_query *q)
{
	memset(q, 0, sizeof *q);
	q->role = -1;
}

static int
queue_waiting(struct db *db, bool *any)
{
	int64_t n = 0;
	int r;

	r = db_step_int(db, db_stmt(db, "SELECT EXISTS (SELECT 1 FROM member_fts_queue)"),
	    &n, NULL, __func__);
	if (r == 0)
		*any = n != 0;
	return r;
}

int
db_mentor_index_sync(struct db *db)
{
	static const char *const steps[] = {
		"DELETE FROM member_fts WHERE rowid IN (SELECT user_id FROM member_fts_queue)",
		"INSERT INTO member_fts (rowid, display_name, position, institution, bio, "
		"topics, specialty, subspecialty, programs, city, region, country) "
		"SELECT id, display_name, position, institution, bio, topics, specialty, "
		"subspecialty, programs, city, region, country FROM users "
		"WHERE id IN (SELECT user_id FROM member_fts_queue) AND "
		"open_to_mentoring = 1 AND status = 'active'",
		"DELETE FROM member_fts_queue",
	};
	bool any = false;
	int r;

	/* Reading first keeps the common case (nothing queued) lock-free. */
	if ((r = queue_waiting(db, &any)) != 0 || !any)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	for (size_t i = 0; r == 0 && i < sizeof steps / sizeof steps[0]; i++)
		r = db_step_done(db, db_stmt(db, steps[i]), __func__);
	if (r == 0)
		return db_commit(db);
	db_rollback(db);
	return r;
}

static bool
word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

/* Appends s to the expression; false if it does not fit. */
static bool
put(char *out, size_t sz, const char *s, size_t n)
{
	size_t len = strlen(out);

	if (len + n + 1 > sz)
		return false;
	memcpy(out + len, s, n);
	out[len + n] = '\0';
	return true;
}

/* Appends up to max words of in as quoted FTS5 phrases joined by sep,
 * each a prefix query when it has SEARCH_PREFIX_MIN characters or more
 * (shorter prefixes expand to much of the dictionary; a short word is
 * matched whole). Returns the word count: 0 when in has no words or they
 * do not fit, and then the caller cuts out back to where it was. */
static size_t
put_words(char *out, size_t sz, const char *in, const char *sep, size_t max)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;

	while (*p != '\0' && n < max) {
		const unsigned char *w;
		size_t len;
		bool prefix;

		while (*p != '\0' && !word_byte(*p))
			p++;
		w = p;
		while (*p != '\0' && word_byte(*p))
			p++;
		if ((len = (size_t)(p - w)) == 0)
			break;
		prefix = search_chars((const char *)w, len) >= SEARCH_PREFIX_MIN;
		if ((n > 0 && !put(out, sz, sep, strlen(sep))) || !put(out, sz, "\"", 1) ||
		    !put(out, sz, (const char *)w, len) ||
		    !put(out, sz, prefix ? "\"*" : "\"", prefix ? 2 : 1))
			return 0;
		n++;
	}
	return n;
}

/* Adds "{cols} : (w1* w2*)" for a filter, ANDed to what is there (nothing
 * for an empty filter). ERR_INVALID, out as it was, when the filter has
 * no words or they do not fit. */
static int
put_filter(char *out, size_t sz, const char *cols, const char *in, const char *sep)
{
	size_t mark = strlen(out);

	if (in[0] == '\0')
		return 0;
	if ((mark > 0 && !put(out, sz, " AND ", 5)) || !put(out, sz, cols, strlen(cols)) ||
	    !put(out, sz, " : (", 4) || put_words(out, sz, in, sep, WORDS_MAX) == 0 ||
	    !put(out, sz, ")", 1)) {
		out[mark] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

/* The MATCH expression for q into out ("" when there are no text
 * filters). ERR_INVALID if a filter has no words. */
static int
build_match(const struct mentor_query *q, char *out, size_t sz)
{
	static const struct {
		size_t off;
		const char *cols;
	} filters[] = {
		{ offsetof(struct mentor_query, text),
		  "{display_name position institution bio topics specialty subspecialty "
		  "programs}" },
		{ offsetof(struct mentor_query, specialty), "{specialty subspecialty}" },
		{ offsetof(struct mentor_query, program), "{programs}" },
		{ offsetof(struct mentor_query, place), "{city region country}" },
		{ offsetof(struct mentor_query, topic), "{topics}" },
	};

	out[0] = '\0';
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		const char *in = (const char *)q + filters[i].off;

		if (put_filter(out, sz, filters[i].cols, in, " ") != 0)
			return ERR_INVALID;
	}
	return 0;
}

/* ?1 actor, ?3 role (-1 any), ?4/?5 years, ?6 accepting only. The block
 * condition is the one db-block.h spells out. */
#define HIT_WHERE "u.open_to_mentoring = 1 AND u.status = 'active' AND " \
	"u.role <> 'student' AND u.id <> ?1 AND " \
	"(?3 < 0 OR u.role = CASE ?3 WHEN 0 THEN 'alumni' ELSE 'trainee' END) AND " \
	"(?4 = 0 OR u.grad_year >= ?4) AND (?5 = 0 OR u.grad_year BETWEEN 1 AND ?5) AND " \
	"(?6 = 0 OR (coalesce(s.paused, 0) = 0 AND coalesce(s.active, 0) < u.max_mentees)) " \
	"AND " DB_NOT_BLOCKED("u.id") " "
#define FTS_FROM "FROM member_fts f JOIN users u ON u.id = f.rowid " \
	"LEFT JOIN mentor_stats s ON s.user_id = u.id WHERE member_fts MATCH ?2 AND "

/* Ranking every match of a common word with bm25() costs a pass over
 * the word's whole posting list (for its document frequency) plus a row
 * lookup per match, so a search takes the first MENTOR_SEARCH_POOL
 * matching mentors in index order and ranks or sorts those in C
 * (mentor_text_score, then name). Filters narrow the pool, and a search
 * that fills it says so. This keeps a search at a few milliseconds over
 * 100,000 members. */
static const char *const sql_pool_search =
    "SELECT " DB_MENTOR_HIT_COLS ", u.institution, u.topics, u.bio, u.subspecialty, "
    "u.programs " FTS_FROM HIT_WHERE "LIMIT " SEARCH_POOL_S;
static const char *const sql_browse =
    "SELECT " DB_MENTOR_HIT_COLS "FROM users u LEFT JOIN mentor_stats s ON s.user_id = u.id "
    "WHERE ?2 IS NULL AND " HIT_WHERE
    "ORDER BY u.display_name COLLATE NOCASE, u.id LIMIT ?7 OFFSET ?8";

void
db_mentor_hit_row(sqlite3_stmt *st, struct mentor_hit *h)
{
	char word[16];

	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, h->login, sizeof h->login);
	db_column_text(st, 2, h->name, sizeof h->name);
	db_column_text(st, 3, word, sizeof word);
	/* Mentors are alumni or trainees; the schema allows no other word. */
	if (member_role_parse(word, &h->role) != 0)
		h->role = ROLE_ALUMNI;
	db_column_text(st, 4, h->specialty, sizeof h->specialty);
	db_column_text(st, 5, h->position, sizeof h->position);
	db_column_text(st, 6, h->city, sizeof h->city);
	db_column_text(st, 7, h->region, sizeof h->region);
	db_column_text(st, 8, h->country, sizeof h->country);
	h->max_mentees = sqlite3_column_int(st, 9);
	h->active = sqlite3_column_int(st, 10);
	h->paused = sqlite3_column_int(st, 11) != 0;
	h->last_login_at = sqlite3_column_int64(st, 12);
	h->reply_secs = sqlite3_column_int64(st, 13);
	h->has_room = sqlite3_column_int(st, 16) != 0 && !h->paused &&
	    h->active < h->max_mentees;
}

static void
bind_query(sqlite3_stmt *st, int64_t actor_id, const struct mentor_query *q,
    const char *match, size_t offset, size_t limit)
{
	sqlite3_bind_int64(st, 1, actor_id);
	db_bind_text(st, 2, match);
	sqlite3_bind_int(st, 3, q->role == ROLE_ALUMNI || q->role == ROLE_TRAINEE ? q->role : -1);
	sqlite3_bind_int(st, 4, q->year_from);
	sqlite3_bind_int(st, 5, q->year_to);
	sqlite3_bind_int(st, 6, q->accepting);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)limit);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)offset);
}

/* Text search needs the score, name order needs nothing more. */
static int
by_rank(const void *a, const void *b)
{
	const struct mentor_hit *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((c = strcasecmp(x->name, y->name)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The pool of matches for match, scored when q has free text, sorted;
 * then the slice offset..offset+limit. */
static int
pool_search(struct db *db, int64_t actor_id, const struct mentor_query *q,
    const char *match, size_t offset, size_t limit, struct mentor_hit **out, size_t *n)
{
	struct mentor_hit *pool = xcalloc(MENTOR_SEARCH_POOL, sizeof *pool);
	char *inst = xmalloc(MEMBER_FIELD_SZ), *topics = xmalloc(MEMBER_TOPICS_SZ);
	char *bio = xmalloc(MEMBER_BIO_SZ), *sub = xmalloc(MEMBER_FIELD_SZ);
	char *progs = xmalloc(MEMBER_FIELD_SZ);
	size_t len = 0, take;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, r;

	if ((st = db_stmt(db, sql_pool_search)) == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	bind_query(st, actor_id, q, match, 0, 0);
	while (len < MENTOR_SEARCH_POOL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mentor_hit *h = &pool[len++];

		db_mentor_hit_row(st, h);
		if (q->text[0] == '\0')
			continue;
		db_column_text(st, DB_MENTOR_HIT_NCOLS, inst, MEMBER_FIELD_SZ);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 1, topics, MEMBER_TOPICS_SZ);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 2, bio, MEMBER_BIO_SZ);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 3, sub, MEMBER_FIELD_SZ);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 4, progs, MEMBER_FIELD_SZ);
		h->score = mentor_text_score(q->text, &(const struct mentor_text){ h->name,
		    h->position, inst, topics, bio, h->specialty, sub, progs });
	}
	r = len == MENTOR_SEARCH_POOL ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		goto out;
	qsort(pool, len, sizeof *pool, by_rank);
	take = offset < len ? len - offset : 0;
	take = take < limit ? take : limit;
	*out = xcalloc(take > 0 ? take : 1, sizeof **out);
	memcpy(*out, pool + (offset < len ? offset : 0), take * sizeof *pool);
	*n = take;
out:
	free(pool);
	free(inst);
	free(topics);
	free(bio);
	free(sub);
	free(progs);
	return r;
}

int
db_mentor_search(struct db *db, int64_t actor_id, const struct mentor_query *q,
    size_t offset, size_t limit, struct mentor_hit **out, size_t *n)
{
	struct mentor_hit *list = NULL;
	char match[MATCH_SZ];
	struct db_search g;
	size_t len = 0;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = build_match(q, match, sizeof match)) != 0)
		return r;
	if ((r = db_mentor_index_sync(db)) != 0 || (r = db_search_begin(db, actor_id, &g)) != 0)
		return r;
	if (match[0] != '\0')
		return db_search_end(db, &g,
		    pool_search(db, actor_id, q, match, offset, limit, out, n));
	if ((st = db_stmt(db, sql_browse)) == NULL)
		return db_search_end(db, &g, ERR_INTERNAL);
	bind_query(st, actor_id, q, NULL, offset, limit);
	list = xcalloc(limit > 0 ? limit : 1, sizeof *list);
	while (len < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		db_mentor_hit_row(st, &list[len++]);
	r = len == limit ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if ((r = db_search_end(db, &g, r)) != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

/* "w1"* OR "w2"* ... over what a mentor offers, from the mentee's own
 * specialty, sub-specialty, topics and place, in that order: at most
 * SEARCH_TERMS_MAX alternatives, since each one widens the pool the
 * query must read. */
static int
suggest_match(const struct member *me, char *out, size_t sz)
{
	const char *srcs[5] = { me->specialty, me->subspecialty, me->topics, me->city,
	    me->region };
	size_t words = 0, got;
	bool any = false;

	out[0] = '\0';
	if (!put(out, sz, "{specialty subspecialty topics position city region} : (", 57))
		return ERR_INTERNAL;
	for (int i = 0; i < 5; i++) {
		size_t mark = strlen(out);

		if (srcs[i][0] == '\0' || words >= SEARCH_TERMS_MAX)
			continue;
		if (any && !put(out, sz, " OR ", 4))
			break;
		if ((got = put_words(out, sz, srcs[i], " OR ", SEARCH_TERMS_MAX - words)) == 0) {
			out[mark] = '\0';
			continue;
		}
		words += got;
		any = true;
	}
	if (!any) {
		out[0] = '\0';
		return 0;
	}
	return put(out, sz, ")", 1) ? ERR_OK : ERR_INTERNAL;
}

static const char *const sql_pool =
    "SELECT " DB_MENTOR_HIT_COLS ", u.programs, u.subspecialty, u.topics " FTS_FROM HIT_WHERE
    "AND NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.mentee_id = ?1 AND "
    "m.mentor_id = u.id AND m.state IN ('requested', 'active', 'paused')) "
    "LIMIT ?7 OFFSET ?8";

static int
by_score(const void *a, const void *b)
{
	const struct mentor_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Scores each candidate of the pool query into list. */
static int
score_pool(struct db *db, sqlite3_stmt *st, const struct member *me,
    struct mentor_hit *list, size_t *len)
{
	struct member *m = xcalloc(1, sizeof *m);
	int rc, r;

	while (*len < SUGGEST_POOL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mentor_hit *h = &list[*len];

		db_mentor_hit_row(st, h);
		memset(m, 0, sizeof *m);
		db_column_text(st, 4, m->specialty, sizeof m->specialty);
		db_column_text(st, 5, m->position, sizeof m->position);
		db_column_text(st, 6, m->city, sizeof m->city);
		db_column_text(st, 7, m->region, sizeof m->region);
		db_column_text(st, 8, m->country, sizeof m->country);
		db_column_text(st, DB_MENTOR_HIT_NCOLS, m->programs, sizeof m->programs);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 1, m->subspecialty, sizeof m->subspecialty);
		db_column_text(st, DB_MENTOR_HIT_NCOLS + 2, m->topics, sizeof m->topics);
		h->score = mentor_score(me, m, sqlite3_column_int64(st, DB_MENTOR_HIT_PENDING),
		    sqlite3_column_int64(st, DB_MENTOR_HIT_ASKED), h->why, sizeof h->why);
		if (h->score > 0 && h->has_room)
			(*len)++;
	}
	r = *len == SUGGEST_POOL ? ERR_OK : db_result(db, rc, __func__);
	free(m);
	return r;
}

int
db_mentor_suggest(struct db *db, int64_t actor_id, size_t max,
    struct mentor_hit **out, size_t *n)
{
	struct mentor_hit *list = NULL;
	struct member *me = xcalloc(1, sizeof *me);
	struct mentor_query q;
	struct db_search g;
	char match[MATCH_SZ];
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	int r;

	if (actor_id <= 0) {
		r = ERR_DENIED;
		goto out;
	}
	if ((r = db_mentor_index_sync(db)) != 0 ||
	    (r = db_user_get(db, actor_id, me)) != 0 ||
	    (r = suggest_match(me, match, sizeof match)) != 0)
		goto out;
	list = xcalloc(SUGGEST_POOL, sizeof *list);
	if (match[0] == '\0')
		goto done;	/* nothing to go on: an empty list, the screen says why */
	if ((st = db_stmt(db, sql_pool)) == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	mentor_query_init(&q);
	q.accepting = true;
	bind_query(st, actor_id, &q, match, 0, SUGGEST_POOL);
	if ((r = db_search_begin(db, actor_id, &g)) == 0) {
		r = score_pool(db, st, me, list, &len);
		r = db_search_end(db, &g, r);
	}
	db_stmt_done(db, st);
	if (r != 0)
		goto out;
	qsort(list, len, sizeof *list, by_score);
done:
	*out = list;
	*n = len < max ? len : max;
	list = NULL;
out:
	free(list);
	free(me);
	return r;
}

int
db_mentor_search_match(const struct mentor_query *q, char *out, size_t sz)
{
	return build_match(q, out, sz);
}

int
db_mentor_suggest_match(const struct member *me, char *out, size_t sz)
{
	return suggest_match(me, out, sz);
}
