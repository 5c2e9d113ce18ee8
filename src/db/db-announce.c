/* Announcements: text for everyone from the admins or the sysop, in force
 * until its end date or until ended, put away per member; see db-admin.h. */
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-admin.h"
#include "db/db-internal.h"
#include "db/db-staff-internal.h"
#include "rules/sanction.h"

#define ANN_COLS "a.id, a.text, coalesce(u.login, 'sysop'), a.created_at, " \
	"coalesce(a.ends_at, 0), coalesce(a.ended_at, 0)"
#define ANN_FROM " FROM announcements a LEFT JOIN users u ON u.id = a.created_by "
/* In force at ?NOW: begun, not ended early, not past its end date. */
#define ANN_IN_FORCE(now) "a.ended_at IS NULL AND a.created_at <= " now \
	" AND (a.ends_at IS NULL OR a.ends_at > " now ")"

static void
ann_row(sqlite3_stmt *st, void *elem)
{
	struct announcement *a = elem;

	a->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, a->text, sizeof a->text);
	db_column_text(st, 2, a->by, sizeof a->by);
	a->created_at = sqlite3_column_int64(st, 3);
	a->ends_at = sqlite3_column_int64(st, 4);
	a->ended_at = sqlite3_column_int64(st, 5);
}

static int
add_in_tx(struct db *db, int64_t actor_id, const char *text, int64_t ends_at, int64_t now,
    int64_t *id)
{
	char until[40] = "until ended";
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO announcements (text, created_by, created_at, ends_at) "
	    "VALUES (?1, nullif(?2, 0), ?3, nullif(?4, 0))", 0, actor_id, now, ends_at);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, text);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	db_wake_member(db, 0);	/* everyone online, when this commits */
	if (ends_at > 0)
		staff_time(until, sizeof until, ends_at);
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "announce.add",
	    .target_kind = "announcement", .target_id = *id, .target = text, .after = until });
}

int
db_announce_add(struct db *db, int64_t actor_id, const char *text, int64_t ends_at,
    int64_t *id, const char **why)
{
	const char *dummy;
	int64_t now = db_now(), newid = 0;
	int r;

	if (why == NULL)
		why = &dummy;
	if ((r = admin_check_announcement(text, why)) != 0)
		return r;
	if (ends_at != 0 && ends_at <= now) {
		*why = "The end date has passed.";
		return ERR_INVALID;
	}
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, add_in_tx(db, actor_id, text, ends_at, now, &newid));
	if (r == 0 && id != NULL)
		*id = newid;
	return r;
}

static int
end_in_tx(struct db *db, int64_t actor_id, int64_t id)
{
	char label[ANNOUNCE_TEXT_MAX * 4 + 1] = "";
	sqlite3_stmt *st;
	int64_t now = db_now();
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT text FROM announcements WHERE id = ?", id);
	if ((r = db_staff_text(db, st, label, sizeof label, __func__)) != 0)
		return r;
	/* Guarded by the old state: of two admins ending it, one does. */
	st = DB_STMT(db, "UPDATE announcements AS a SET ended_at = ?2, ended_by = nullif(?3, 0) "
	    "WHERE a.id = ?1 AND " ANN_IN_FORCE("?2"), id, now, actor_id);
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	db_wake_member(db, 0);	/* it leaves every status bar at once */
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "announce.end",
	    .target_kind = "announcement", .target_id = id, .target = label,
	    .before = "shown", .after = "ended" });
}

int
db_announce_end(struct db *db, int64_t actor_id, int64_t id)
{
	int r;

	if (id <= 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, end_in_tx(db, actor_id, id));
}

int
db_announce_list(struct db *db, int64_t actor_id, size_t max, struct announcement **out,
    size_t *n)
{
	return db_staff_admin_list(db, actor_id, "SELECT " ANN_COLS ANN_FROM "ORDER BY a.id DESC "
	    "LIMIT ?1", max, sizeof **out, ann_row, (void **)out, n, __func__);
}

int
db_announce_current(struct db *db, int64_t user_id, struct announcement *out, bool *found)
{
	struct announcement a;
	bool f = false;
	int r;

	r = db_staff_row(db, DB_STMT(db, "SELECT " ANN_COLS ANN_FROM "WHERE " ANN_IN_FORCE("?2")
	    " AND NOT EXISTS (SELECT 1 FROM announcement_dismissals d WHERE d.announcement_id = "
	    "a.id AND d.user_id = ?1) ORDER BY a.id DESC LIMIT 1", user_id, db_now()),
	    sizeof a, ann_row, &a, &f, __func__);
	if (r != 0)
		return r;
	*found = f;
	if (f && out != NULL)
		*out = a;
	return ERR_OK;
}

int
db_announce_dismiss(struct db *db, int64_t user_id, int64_t id)
{
	sqlite3_stmt *st;
	int r;

	if (user_id <= 0 || id <= 0)
		return ERR_INVALID;
	st = DB_STMT(db, "INSERT OR IGNORE INTO announcement_dismissals (announcement_id, "
	    "user_id, dismissed_at) VALUES (?, ?, ?)", id, user_id, db_now());
	r = db_step_done(db, st, __func__);
	return r;
}
