/* Display settings in the users row; see db-display.h. */
#include <sqlite3.h>
#include "db/db-display.h"
#include "db/db-internal.h"
#include "db/db.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/tz.h"

int
db_display_get(struct db *db, int64_t actor_id, int64_t id, struct member_display *out)
{
	sqlite3_stmt *st;
	struct member_display d = { DISPLAY_PLAIN_AUTO, "" };
	int rc;

	if (actor_id <= 0 || actor_id != id)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT display_plain, time_zone FROM users WHERE id = ?", id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			d.plain = sqlite3_column_int(st, 0) ? DISPLAY_PLAIN_ON : DISPLAY_PLAIN_OFF;
		db_column_text(st, 1, d.time_zone, sizeof d.time_zone);
	}
	db_stmt_done(db, st);
	if (rc == SQLITE_DONE)
		return ERR_NOTFOUND;
	if (rc != SQLITE_ROW)
		return db_result(db, rc, __func__);
	*out = d;
	return 0;
}

int
db_display_set(struct db *db, int64_t actor_id, int64_t id, const struct member_display *d)
{
	sqlite3_stmt *st;
	int r;

	if (actor_id <= 0 || actor_id != id)
		return ERR_DENIED;
	if ((unsigned)d->plain > DISPLAY_PLAIN_OFF ||
	    (d->time_zone[0] != '\0' && !tz_known(d->time_zone)))
		return ERR_INVALID;
	st = DB_STMT(db, "UPDATE users SET display_plain = CASE ?1 WHEN 1 THEN 1 WHEN 2 "
	    "THEN 0 END, time_zone = ?3 WHERE id = ?2", (int64_t)d->plain, id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((r = db_bind_text(st, 3, d->time_zone[0] != '\0' ? d->time_zone : NULL)) != 0) {
		db_stmt_done(db, st);
		return db_result(db, r, __func__);
	}
	return db_step_changed(db, st, __func__);
}
