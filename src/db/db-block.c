/* Blocking between members; see db-block.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"

int
db_block_add(struct db *db, int64_t actor_id, int64_t other_id)
{
	sqlite3_stmt *st;

	if (actor_id <= 0 || other_id <= 0)
		return ERR_DENIED;
	if (actor_id == other_id)
		return ERR_INVALID;
	st = DB_STMT(db, "INSERT OR IGNORE INTO blocks (blocker_id, blocked_id, created_at) "
	    "VALUES (?, ?, ?)", actor_id, other_id, db_now());
	return db_step_done(db, st, __func__);
}

int
db_block_remove(struct db *db, int64_t actor_id, int64_t other_id)
{
	sqlite3_stmt *st;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?",
	    actor_id, other_id);
	return db_step_changed(db, st, __func__);
}

static int
block_query(struct db *db, const char *sql, int64_t a, int64_t b, bool *blocked)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	int r;

	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if ((r = db_step_int(db, st, &v, NULL, __func__)) == 0)
		*blocked = v != 0;
	return r;
}

int
db_block_between(struct db *db, int64_t a, int64_t b, bool *blocked)
{
	return block_query(db, "SELECT EXISTS (SELECT 1 FROM blocks WHERE "
	    "(blocker_id = ?1 AND blocked_id = ?2) OR (blocker_id = ?2 AND blocked_id = ?1))",
	    a, b, blocked);
}

int
db_block_by(struct db *db, int64_t actor_id, int64_t other_id, bool *blocked)
{
	return block_query(db, "SELECT EXISTS (SELECT 1 FROM blocks WHERE "
	    "blocker_id = ?1 AND blocked_id = ?2)", actor_id, other_id, blocked);
}
static void
block_row(sqlite3_stmt *st, void *elem)
{
	struct block_row *b = elem;

	b->user_id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, b->login, sizeof b->login);
	db_column_text(st, 2, b->name, sizeof b->name);
	b->created_at = sqlite3_column_int64(st, 3);
}

int
db_block_list(struct db *db, int64_t actor_id, struct block_row **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	st = DB_STMT(db, "SELECT b.blocked_id, u.login, u.display_name, b.created_at "
	    "FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ? "
	    "ORDER BY b.created_at DESC, b.blocked_id", actor_id);
	if ((r = db_collect(db, st, sizeof **out, block_row, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}
