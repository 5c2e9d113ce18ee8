/* Reading the audit log; see db-staff.h (db-staff.c writes it). */
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"

#define AUDIT_PAGE_MAX	500

static void
entry_row(sqlite3_stmt *st, void *elem)
{
	struct audit_entry *e = elem;

	e->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, e->actor, sizeof e->actor);
	db_column_text(st, 2, e->action, sizeof e->action);
	e->community_id = sqlite3_column_int64(st, 3);
	db_column_text(st, 4, e->community, sizeof e->community);
	db_column_text(st, 5, e->target_kind, sizeof e->target_kind);
	e->target_id = sqlite3_column_int64(st, 6);
	db_column_text(st, 7, e->target, sizeof e->target);
	db_column_text(st, 8, e->reason, sizeof e->reason);
	db_column_text(st, 9, e->before, sizeof e->before);
	db_column_text(st, 10, e->after, sizeof e->after);
	e->created_at = sqlite3_column_int64(st, 11);
}

int
db_audit_list(struct db *db, int64_t actor_id, const struct audit_filter *f,
    int64_t before_id, size_t max, struct audit_entry **out, size_t *n)
{
	static const struct audit_filter none;
	sqlite3_stmt *st;
	bool admin = false;
	int r;

	if (f == NULL)
		f = &none;
	if ((r = db_staff_any(db, actor_id, &admin)) != 0)
		return r;
	if (max > AUDIT_PAGE_MAX)
		max = AUDIT_PAGE_MAX;
	/* A moderator reads only the entries of their own communities. */
	st = DB_STMT(db, "SELECT a.id, a.actor, a.action, coalesce(a.community_id, 0), "
	    "coalesce(c.name, ''), a.target_kind, a.target_id, a.target, a.reason, a.before, "
	    "a.after, a.created_at FROM audit_log a LEFT JOIN communities c ON "
	    "c.id = a.community_id WHERE (?1 = 0 OR a.id < ?1) AND a.created_at >= ?2 AND "
	    "(?3 = 0 OR a.community_id = ?3) AND (?4 = 1 OR a.community_id IN (SELECT "
	    "community_id FROM community_moderators WHERE user_id = ?5)) AND "
	    "(?6 IS NULL OR a.actor = ?6) ORDER BY a.id DESC LIMIT ?7",
	    before_id, f->since, f->community_id, admin, actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 6, f->actor != NULL && f->actor[0] != '\0' ? f->actor : NULL);
	sqlite3_bind_int64(st, 7, (int64_t)max);
	return db_collect(db, st, sizeof **out, entry_row, (void **)out, n, __func__);
}
