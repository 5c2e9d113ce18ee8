/* Password-failure buckets and known sources; see db-authfail.h.
 *
 * A turn is taken in one BEGIN IMMEDIATE transaction (read the bucket,
 * decide, push next_ms), so two monitors reserving at once queue one
 * behind the other instead of both verifying now. */
#include <stdbool.h>
#include <stdint.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-authfail.h"
#include "db/db-internal.h"

int
authfail_delay_ms(const struct authfail_policy *p, int failures)
{
	int64_t d = 1000;

	if (failures < p->free_failures)
		return 0;
	for (int i = p->free_failures; i < failures && d < p->delay_max_ms; i++)
		d *= 2;
	return d < p->delay_max_ms ? (int)d : p->delay_max_ms;
}

/* The bucket's row: found, and if so its failures (0 once quiet) and next turn. */
static int
bucket_read(struct db *db, const char *bucket, int64_t now_ms, const struct authfail_policy *p,
    bool *found, int *failures, int64_t *next_ms)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT failures, next_ms, last_ms FROM auth_throttle "
	    "WHERE bucket = ?1");
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, bucket);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*failures = 0;
	*next_ms = 0;
	if (*found && sqlite3_column_int64(st, 2) >= now_ms - p->quiet_ms) {
		*failures = sqlite3_column_int(st, 0);
		*next_ms = sqlite3_column_int64(st, 1);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_authfail_peek(struct db *db, const char *bucket, int64_t now_ms,
    const struct authfail_policy *p, int *wait_ms)
{
	int64_t next_ms;
	bool found;
	int failures, r;

	if ((r = bucket_read(db, bucket, now_ms, p, &found, &failures, &next_ms)) != 0)
		return r;
	*wait_ms = found && next_ms > now_ms ? (int)(next_ms - now_ms) : 0;
	return 0;
}

int
db_authfail_reserve(struct db *db, const char *bucket, int64_t now_ms,
    const struct authfail_policy *p, int *wait_ms)
{
	sqlite3_stmt *st;
	int64_t next_ms, slot;
	bool found;
	int failures, delay, r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = bucket_read(db, bucket, now_ms, p, &found, &failures, &next_ms)) != 0)
		goto fail;
	slot = next_ms > now_ms ? next_ms : now_ms;
	if (slot - now_ms > p->max_wait_ms) {
		r = ERR_DENIED;
		goto fail;
	}
	if (found && (delay = authfail_delay_ms(p, failures)) > 0) {
		st = db_stmt(db, "UPDATE auth_throttle SET next_ms = ?2 WHERE bucket = ?1");
		if (st == NULL) {
			r = ERR_INTERNAL;
			goto fail;
		}
		db_bind_text(st, 1, bucket);
		sqlite3_bind_int64(st, 2, slot + delay);
		if ((r = db_step_done(db, st, __func__)) != 0)
			goto fail;
	}
	if ((r = db_commit(db)) != 0)
		return r;
	*wait_ms = (int)(slot - now_ms);
	return 0;
fail:
	db_rollback(db);
	return r;
}

int
db_authfail_record(struct db *db, const char *bucket, bool ok, int64_t now_ms,
    const struct authfail_policy *p)
{
	sqlite3_stmt *st;
	int r;

	if (ok) {
		if ((st = db_stmt(db, "DELETE FROM auth_throttle WHERE bucket = ?1")) == NULL)
			return ERR_INTERNAL;
		db_bind_text(st, 1, bucket);
		return db_step_done(db, st, __func__);
	}
	st = db_stmt(db, "INSERT INTO auth_throttle (bucket, failures, next_ms, last_ms) "
	    "VALUES (?1, 1, 0, ?2) ON CONFLICT (bucket) DO UPDATE SET "
	    "failures = CASE WHEN last_ms < ?3 THEN 1 ELSE failures + 1 END, "
	    "next_ms = CASE WHEN last_ms < ?3 THEN 0 ELSE next_ms END, last_ms = ?2");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, bucket);
	sqlite3_bind_int64(st, 2, now_ms);
	sqlite3_bind_int64(st, 3, now_ms - p->quiet_ms);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	/* A flood of made-up logins leaves rows behind; they go once quiet. */
	st = DB_STMT(db, "DELETE FROM auth_throttle WHERE last_ms < ?1 AND next_ms < ?2",
	    now_ms - p->quiet_ms, now_ms);
	return db_step_done(db, st, __func__);
}

int
db_authfail_failures(struct db *db, const char *bucket, int *failures)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT failures FROM auth_throttle WHERE bucket = ?1");
	int64_t v = 0;
	int r;

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, bucket);
	if ((r = db_step_int(db, st, &v, NULL, __func__)) != 0)
		return r;
	*failures = (int)v;
	return 0;
}

int
db_authfail_source_known(struct db *db, int64_t user_id, const char *prefix, bool *known)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM auth_sources WHERE user_id = ?1 "
	    "AND prefix = ?2");
	int64_t v;

	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, prefix);
	return db_step_int(db, st, &v, known, __func__);
}

int
db_authfail_source_add(struct db *db, int64_t user_id, const char *prefix, int64_t now)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	st = db_stmt(db, "INSERT INTO auth_sources (user_id, prefix, last_at) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (user_id, prefix) DO UPDATE SET last_at = ?3");
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto fail;
	}
	sqlite3_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, prefix);
	sqlite3_bind_int64(st, 3, now);
	if ((r = db_step_done(db, st, __func__)) != 0)
		goto fail;
	st = DB_STMT(db, "DELETE FROM auth_sources WHERE user_id = ?1 AND prefix NOT IN "
	    "(SELECT prefix FROM auth_sources WHERE user_id = ?1 ORDER BY last_at DESC, "
	    "prefix LIMIT ?2)", user_id, AUTHFAIL_SOURCES_MAX);
	if ((r = db_step_done(db, st, __func__)) != 0)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return r;
}
