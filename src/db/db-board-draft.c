/* Unsent editor text; see db-board.h. The editor saves a draft every few
 * seconds and when the connection drops; only the member who wrote it ever
 * reads it back. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

static int
check_key(int64_t actor_id, const char *key)
{
	if (actor_id <= 0)
		return ERR_DENIED;
	if (key == NULL || key[0] == '\0' || strlen(key) >= BOARD_DRAFT_KEY_SZ)
		return ERR_INVALID;
	return 0;
}

int
db_board_draft_save(struct db *db, int64_t actor_id, const char *key, const char *text)
{
	sqlite3_stmt *st;
	int r;

	if ((r = check_key(actor_id, key)) != 0)
		return r;
	if (!text_utf8_valid(text, strlen(text)))
		return ERR_INVALID;
	st = DB_STMT(db, "INSERT OR REPLACE INTO drafts (user_id, key, text, updated_at) "
	    "VALUES (?, ?, ?, ?)", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, key);
	db_bind_text(st, 3, text);
	sqlite3_bind_int64(st, 4, db_now());
	return db_step_done(db, st, __func__);
}

int
db_board_draft_get(struct db *db, int64_t actor_id, const char *key, char **text,
    int64_t *updated_at)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = check_key(actor_id, key)) != 0)
		return r;
	st = DB_STMT(db, "SELECT text, updated_at FROM drafts WHERE user_id = ? AND key = ?",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		*text = xstrdup(t != NULL ? (const char *)t : "");
		*updated_at = sqlite3_column_int64(st, 1);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_board_draft_delete(struct db *db, int64_t actor_id, const char *key)
{
	sqlite3_stmt *st;
	int r;

	if ((r = check_key(actor_id, key)) != 0)
		return r;
	if ((st = db_stmt(db, "DELETE FROM drafts WHERE user_id = ? AND key = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	db_bind_text(st, 2, key);
	return db_step_done(db, st, __func__);
}

int
db_board_draft_latest(struct db *db, int64_t actor_id, const char *prefix, char *key,
    size_t keysz, int64_t *updated_at)
{
	sqlite3_stmt *st;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT key, updated_at FROM drafts WHERE user_id = ?1 "
	    "AND substr(key, 1, length(?2)) = ?2 ORDER BY updated_at DESC LIMIT 1",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, prefix != NULL ? prefix : "");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, key, keysz);
		*updated_at = sqlite3_column_int64(st, 1);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}
