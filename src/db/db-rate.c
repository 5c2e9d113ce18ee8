/* The write rate limit; see db-rate.h. */
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-rate.h"
#include "lib/xmalloc.h"

int
db_rate_check(struct db *db, int64_t actor_id, enum rate_kind kind,
    const struct rate_limits *l, struct rate_verdict *v, const struct rate_bucket **bp)
{
	const struct rate_bucket *b;
	sqlite3_stmt *st;
	int64_t joined = 0, now = db_now(), *times;
	size_t n = 0;
	int rc, r;

	if ((st = db_stmt(db, "SELECT created_at FROM users WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	if ((r = db_step_int(db, st, &joined, NULL, __func__)) != 0)
		return r;
	b = rate_bucket_for(l, joined, now);
	if (bp != NULL)
		*bp = b;
	/* Newest first, at most per_hour of them: rate_check needs no more. */
	st = DB_STMT(db, kind == RATE_POSTS ?
	    "SELECT created_at FROM posts WHERE author_id = ?1 AND created_at > ?2 "
	    "AND created_at <= ?3 ORDER BY created_at DESC LIMIT ?4" :
	    "SELECT created_at FROM messages WHERE sender_id = ?1 AND created_at > ?2 "
	    "AND created_at <= ?3 ORDER BY created_at DESC LIMIT ?4",
	    actor_id, now - RATE_WINDOW, now, (int64_t)(b->per_hour > 0 ? b->per_hour : 1));
	if (st == NULL)
		return ERR_INTERNAL;
	times = xreallocarray(NULL, (size_t)(b->per_hour > 0 ? b->per_hour : 1), sizeof *times);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		times[n++] = sqlite3_column_int64(st, 0);
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0)
		rate_check(b, times, n, now, v);
	free(times);
	return r;
}

void
db_rate_why(struct db *db, int64_t actor_id, enum rate_kind kind,
    const struct rate_limits *l, char *buf, size_t sz)
{
	const struct rate_bucket *b = NULL;
	struct rate_verdict v;

	if (db_rate_check(db, actor_id, kind, l, &v, &b) != 0 || b == NULL || v.allowed) {
		/* Read in between: the limit has passed, or cannot be read. */
		snprintf(buf, sz, "You are writing faster than the limit allows; try again in a "
		    "minute. Your text is kept.");
		return;
	}
	rate_refusal_text(&v, b, kind == RATE_POSTS ? "posts" : "messages",
	    kind == RATE_POSTS ? "post" : "send messages", db_now(), buf, sz);
}
