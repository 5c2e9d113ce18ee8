/* Members' SSH public keys in SQLite; declared in db-user.h. Who may see or
 * change a key is decided here, through db_user_may. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "lib/xmalloc.h"

int
db_key_add(struct db *db, int64_t actor_id, int64_t user_id, const char *type,
    const char *blob_b64, const char *fingerprint, const char *comment, int64_t *key_id)
{
	sqlite3_stmt *st;
	int r;

	if (type == NULL || *type == '\0' || blob_b64 == NULL || *blob_b64 == '\0' ||
	    fingerprint == NULL)
		return ERR_INVALID;
	if ((r = db_user_may(db, actor_id, user_id, true)) != 0)
		return r;
	/* The cap is part of the insert, so two sessions adding at once
	 * cannot both pass it. */
	st = DB_STMT(db, "INSERT INTO ssh_keys (user_id, type, blob_b64, fingerprint, "
	    "comment, created_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE (SELECT count(*) "
	    "FROM ssh_keys WHERE user_id = ?1) < ?7", user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, type);
	db_bind_text(st, 3, blob_b64);
	db_bind_text(st, 4, fingerprint);
	db_bind_text(st, 5, comment != NULL ? comment : "");
	sqlite3_bind_int64(st, 6, db_now());
	sqlite3_bind_int(st, 7, DB_KEY_MAX);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return ERR_INVALID;
	if (key_id != NULL)
		*key_id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

void
db_key_list_free(struct member_key *keys, size_t n)
{
	if (keys == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(keys[i].blob_b64);
	free(keys);
}

int
db_key_list(struct db *db, int64_t actor_id, int64_t user_id, struct member_key **out,
    size_t *n)
{
	struct member_key *keys = NULL, *k;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	const char *blob;
	int rc, r;

	if ((r = db_user_may(db, actor_id, user_id, true)) != 0)
		return r;
	st = DB_STMT(db, "SELECT id, user_id, type, blob_b64, fingerprint, comment, "
	    "created_at FROM ssh_keys WHERE user_id = ? ORDER BY created_at, id", user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4;
			keys = xreallocarray(keys, cap, sizeof *keys);
		}
		k = &keys[len++];
		memset(k, 0, sizeof *k);
		k->id = sqlite3_column_int64(st, 0);
		k->user_id = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, k->type, sizeof k->type);
		blob = (const char *)sqlite3_column_text(st, 3);
		k->blob_b64 = xstrdup(blob != NULL ? blob : "");
		db_column_text(st, 4, k->fingerprint, sizeof k->fingerprint);
		db_column_text(st, 5, k->comment, sizeof k->comment);
		k->created_at = sqlite3_column_int64(st, 6);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		db_key_list_free(keys, len);
		return r;
	}
	*out = keys;
	*n = len;
	return 0;
}

/* Would removing one key leave owner with no way in: no password and
 * this the last key? */
static int
last_way_in(struct db *db, int64_t owner, bool *last)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	int r;

	st = DB_STMT(db, "SELECT coalesce(pw_hash, '') = '' AND (SELECT count(*) FROM "
	    "ssh_keys WHERE user_id = ?1) <= 1 FROM users WHERE id = ?1", owner);
	if ((r = db_step_int(db, st, &v, NULL, __func__)) == 0)
		*last = v != 0;
	return r;
}

static int
key_remove(struct db *db, int64_t actor_id, int64_t key_id)
{
	sqlite3_stmt *st;
	int64_t owner = 0;
	bool found = false, last = false;
	int r;

	if ((st = db_stmt(db, "SELECT user_id FROM ssh_keys WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, key_id);
	if ((r = db_step_int(db, st, &owner, &found, __func__)) != 0)
		return r;
	if (!found)
		return ERR_NOTFOUND;
	if ((r = db_user_may(db, actor_id, owner, false)) != 0)
		return r;
	/* A member does not lock themselves out; an admin may take a lost
	 * key away (the sysop then helps the member back in). */
	if (actor_id == owner) {
		if ((r = last_way_in(db, owner, &last)) != 0)
			return r;
		if (last)
			return ERR_DENIED;
	}
	st = DB_STMT(db, "DELETE FROM ssh_keys WHERE id = ? AND user_id = ?",
	    key_id, owner);
	return db_step_changed(db, st, __func__);
}

int
db_key_remove(struct db *db, int64_t actor_id, int64_t key_id)
{
	int r;

	/* One write transaction: two sessions cannot each remove one of the
	 * last two keys. */
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = key_remove(db, actor_id, key_id)) != 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

int
db_key_owner(struct db *db, const char *blob_b64, int64_t *user_id)
{
	sqlite3_stmt *st;
	int rc, r;

	if (blob_b64 == NULL)
		return ERR_NOTFOUND;
	if ((st = db_stmt(db, "SELECT user_id FROM ssh_keys WHERE blob_b64 = ?")) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, blob_b64);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*user_id = sqlite3_column_int64(st, 0);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}
