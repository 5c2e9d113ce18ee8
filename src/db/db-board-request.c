/* Requests for a new community and volunteers to moderate; see db-board.h.
 * They are stored for an admin to decide (the moderation work reads
 * community_requests); the member sees their status. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-community.h"
#include "db/db-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

static int
exists(struct db *db, sqlite3_stmt *st, bool *yes, const char *func)
{
	int rc = sqlite3_step(st), r = ERR_OK;

	if (rc == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0) != 0;
	else
		r = db_result(db, rc, func);
	db_stmt_done(db, st);
	return r;
}

/* The condition an insert carries so a member has at most
 * BOARD_REQUESTS_PENDING_MAX (bound at ?9) requests waiting: checked in
 * the insert itself, so two sessions cannot both pass it. */
#define PENDING_ROOM "(SELECT count(*) FROM community_requests WHERE user_id = ?1 " \
	"AND status = 'open') < ?9"

/* Steps an insert carrying PENDING_ROOM: *id, or ERR_DENIED when there was
 * no room. */
static int
inserted(struct db *db, sqlite3_stmt *st, int64_t *id, const char *func)
{
	int r;

	if ((r = db_step_done(db, st, func)) != 0)
		return r;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return ERR_DENIED;
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

/* Ends a request's transaction: commits after success and only then sets
 * *id; else rolls back and returns r. */
static int
finish(struct db *db, int r, int64_t newid, int64_t *id)
{
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	if ((r = db_commit(db)) == 0)
		*id = newid;
	return r;
}

/* The duplicate check and the insert (which carries the pending limit)
 * under one write lock: two sessions cannot both file the same request. */
static int
create_in_tx(struct db *db, int64_t actor_id, const char *name, const char *community_kind,
    const char *description, const char *why, int64_t *id)
{
	sqlite3_stmt *st;
	bool dup = false;
	int r;

	if ((r = db_board_may_post(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM communities WHERE name = ?2 "
	    "COLLATE NOCASE) OR EXISTS (SELECT 1 FROM community_requests WHERE user_id = ?1 "
	    "AND kind = 'create' AND name = ?2 COLLATE NOCASE AND status = 'open')",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, name);
	if ((r = exists(db, st, &dup, __func__)) != 0)
		return r;
	if (dup)
		return ERR_EXISTS;
	st = DB_STMT(db, "INSERT INTO community_requests (user_id, kind, name, community_kind, "
	    "description, why, created_at) SELECT ?1, 'create', ?2, ?3, ?4, ?5, ?6 "
	    "WHERE " PENDING_ROOM, actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, community_kind);
	db_bind_text(st, 4, description);
	db_bind_text(st, 5, why);
	sqlite3_bind_int64(st, 6, db_now());
	sqlite3_bind_int(st, 9, BOARD_REQUESTS_PENDING_MAX);
	return inserted(db, st, id, __func__);
}

int
db_board_request_create(struct db *db, int64_t actor_id, const char *name,
    const char *community_kind, const char *description, const char *why, int64_t *id)
{
	int64_t newid = 0;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (text_check_line(name, BOARD_NAME_MAX) != NULL || name[0] == '\0' ||
	    (strcmp(community_kind, "region") != 0 && strcmp(community_kind, "career") != 0) ||
	    text_check_line(description, BOARD_DESC_MAX) != NULL ||
	    text_check_line(why, BOARD_WHY_MAX) != NULL || why[0] == '\0')
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	r = create_in_tx(db, actor_id, name, community_kind, description, why, &newid);
	return finish(db, r, newid, id);
}

static int
moderate_in_tx(struct db *db, int64_t actor_id, int64_t community_id, const char *why,
    int64_t *id)
{
	sqlite3_stmt *st;
	bool dup = false;
	int r;

	if ((r = db_board_may_post(db, actor_id)) != 0)
		return r;
	/* An archived community takes no new moderators. */
	if ((r = db_community_open_for_posts(db, community_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM community_moderators WHERE "
	    "community_id = ?2 AND user_id = ?1) OR EXISTS (SELECT 1 FROM community_requests "
	    "WHERE user_id = ?1 AND kind = 'moderate' AND community_id = ?2 "
	    "AND status = 'open')", actor_id, community_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((r = exists(db, st, &dup, __func__)) != 0)
		return r;
	if (dup)
		return ERR_EXISTS;
	st = DB_STMT(db, "INSERT INTO community_requests (user_id, kind, community_id, why, "
	    "created_at, guidelines_at) SELECT ?1, 'moderate', ?2, ?3, ?4, ?4 WHERE " PENDING_ROOM,
	    actor_id, community_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, why);
	sqlite3_bind_int64(st, 4, db_now());
	sqlite3_bind_int(st, 9, BOARD_REQUESTS_PENDING_MAX);
	return inserted(db, st, id, __func__);
}

int
db_board_request_moderate(struct db *db, int64_t actor_id, int64_t community_id,
    const char *why, bool guidelines_read, int64_t *id)
{
	int64_t newid = 0;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (!guidelines_read || text_check_line(why, BOARD_WHY_MAX) != NULL || why[0] == '\0')
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	/* Two statements: the order in which arguments are evaluated is
	 * unspecified, so newid must be read after the insert has set it. */
	r = moderate_in_tx(db, actor_id, community_id, why, &newid);
	return finish(db, r, newid, id);
}

int
db_board_request_list(struct db *db, int64_t actor_id, struct board_request **out, size_t *n)
{
	struct board_request *list = NULL, *q;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT r.id, r.kind, CASE WHEN r.kind = 'create' THEN r.name "
	    "ELSE coalesce(c.name, '') END, r.status, r.created_at FROM community_requests r "
	    "LEFT JOIN communities c ON c.id = r.community_id WHERE r.user_id = ? "
	    "ORDER BY r.id DESC LIMIT ?", actor_id, BOARD_REQUESTS_LIST_MAX);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 8;
			list = xreallocarray(list, cap, sizeof *list);
		}
		q = &list[len++];
		memset(q, 0, sizeof *q);
		q->id = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, q->kind, sizeof q->kind);
		db_column_text(st, 2, q->name, sizeof q->name);
		db_column_text(st, 3, q->status, sizeof q->status);
		q->created_at = sqlite3_column_int64(st, 4);
	}
	return db_rows_done(db, st, rc, list, len, (void **)out, n, __func__);
}
