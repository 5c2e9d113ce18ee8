/* The time-driven changes of the HOST program, applied lazily: open
 * requests expire on their arrival date, confirmed stays complete after
 * departure, references show when their window closes. Every data function
 * that reads requests calls db_host_sweep first, so there is no timer and
 * a pinned clock drives it in tests. It writes only when something is due,
 * so calling it often does not wake other sessions (PRAGMA data_version). */
#include <stdbool.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-host.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "rules/host.h"

/* Is there anything to do? Each probe is one indexed lookup. */
static int
sweep_due(struct db *db, int64_t today, bool *due)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	bool found = false;
	int r;

	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM host_requests WHERE state IN "
	    "('requested', 'tentative', 'accepted') AND arrive_day <= ?1) "
	    "OR EXISTS (SELECT 1 FROM host_requests WHERE state = 'confirmed' AND depart_day < ?1) "
	    "OR EXISTS (SELECT 1 FROM host_references f JOIN host_requests q "
	    "ON q.id = f.request_id WHERE f.revealed_at IS NULL AND q.depart_day + ?2 < ?1)",
	    today, HOST_REFERENCE_DAYS);
	r = db_step_int(db, st, &n, &found, __func__);
	if (found)
		*due = n != 0;
	return r;
}

/* Notices for references about to show; before the UPDATE that shows them. */
static int
reveal_notices(struct db *db, int64_t today)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT f.subject_id, q.id FROM host_references f JOIN host_requests q "
	    "ON q.id = f.request_id WHERE f.revealed_at IS NULL AND q.depart_day + ? < ?",
	    HOST_REFERENCE_DAYS, today);
	if (st == NULL)
		return ERR_INTERNAL;
	r = ERR_OK;
	while (r == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		r = db_notice_add_about(db, sqlite3_column_int64(st, 0), "host",
		    "HOST: a reference about you is now visible", NOTICE_ON_HOST_REQUEST,
		    sqlite3_column_int64(st, 1));
	if (r == 0)
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
sweep_apply(struct db *db, int64_t now, int64_t today)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "UPDATE host_requests SET state = 'expired', prop_by = 0, prop_note = '', "
	    "updated_at = ? WHERE state IN ('requested', 'tentative', 'accepted') "
	    "AND arrive_day <= ?", now, today);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE host_requests SET state = 'completed', updated_at = ? "
	    "WHERE state = 'confirmed' AND depart_day < ?", now, today);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	if ((r = reveal_notices(db, today)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE host_references SET revealed_at = ?1 WHERE revealed_at IS NULL "
	    "AND request_id IN (SELECT id FROM host_requests WHERE depart_day + ?2 < ?3)",
	    now, HOST_REFERENCE_DAYS, today);
	return db_step_done(db, st, __func__);
}

int
db_host_sweep(struct db *db, int64_t now)
{
	int64_t today = host_today(now);
	bool due = false;
	int r;

	if ((r = sweep_due(db, today, &due)) != 0 || !due)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = sweep_apply(db, now, today)) != 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}
