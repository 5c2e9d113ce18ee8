/* Reports to the moderators; see db-report.h. */
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-report.h"

static const char *const kind_names[] = {
	[REPORT_MESSAGE] = "message", [REPORT_POST] = "post", [REPORT_MEMBER] = "member",
	[REPORT_HOST] = "host", [REPORT_GUEST] = "guest",
};

/* Why a report was not stored: ERR_EXISTS (the same one is open) or
 * ERR_DENIED (too many open). */
static int
refusal(struct db *db, int64_t reporter_id, enum report_kind kind, int64_t target_id)
{
	sqlite3_stmt *st;
	int64_t dup = 0;
	int r;

	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM reports WHERE reporter_id = ? AND "
	    "status = 'open' AND kind = ? AND target_id = ?)", reporter_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, kind_names[kind]);
	sqlite3_bind_int64(st, 3, target_id);
	if ((r = db_step_int(db, st, &dup, NULL, __func__)) != 0)
		return r;
	return dup ? ERR_EXISTS : ERR_DENIED;
}

int
db_report_add(struct db *db, int64_t reporter_id, enum report_kind kind,
    int64_t target_id, int64_t community_id, const char *reason, int64_t *id)
{
	sqlite3_stmt *st;
	int r;

	if (reporter_id <= 0)
		return ERR_DENIED;
	if ((unsigned)kind >= sizeof kind_names / sizeof kind_names[0] ||
	    reason == NULL || reason[0] == '\0' || target_id <= 0)
		return ERR_INVALID;
	/* The checks are part of the insert: one statement, one write lock,
	 * so two sessions cannot both squeeze past them. reports_reporter_open
	 * serves both. */
	st = DB_STMT(db, "INSERT INTO reports (reporter_id, kind, target_id, community_id, "
	    "reason, created_at) SELECT ?1, ?2, ?3, nullif(?4, 0), ?5, ?6 "
	    "WHERE NOT EXISTS (SELECT 1 FROM reports WHERE reporter_id = ?1 AND "
	    "status = 'open' AND kind = ?2 AND target_id = ?3) AND (SELECT count(*) "
	    "FROM reports WHERE reporter_id = ?1 AND status = 'open') < ?7", reporter_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, kind_names[kind]);
	sqlite3_bind_int64(st, 3, target_id);
	sqlite3_bind_int64(st, 4, community_id);
	db_bind_text(st, 5, reason);
	sqlite3_bind_int64(st, 6, db_now());
	sqlite3_bind_int(st, 7, REPORT_OPEN_MAX);
	if ((r = db_step_changed(db, st, __func__)) == 0) {
		if (id != NULL)
			*id = sqlite3_last_insert_rowid(db_sqlite(db));
		return 0;
	}
	return r == ERR_NOTFOUND ? refusal(db, reporter_id, kind, target_id) : r;
}

int
db_report_open_by(struct db *db, int64_t reporter_id, int64_t *count)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "SELECT count(*) FROM reports WHERE reporter_id = ? AND status = 'open'",
	    reporter_id);
	return db_step_int(db, st, count, NULL, __func__);
}
