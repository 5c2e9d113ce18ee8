/* Staff powers, appointments and the audit log; see db-staff.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"

/* Has powers at all: active, and no global silence, suspension or ban. */
#define HAS_POWERS \
	"u.status = 'active' AND NOT EXISTS (SELECT 1 FROM sanctions s WHERE " \
	"s.user_id = u.id AND s.community_id IS NULL AND s.kind <> 'warn' AND " \
	SANCTION_IN_FORCE("?2") ")"

int
db_staff_power(struct db *db, int64_t actor_id, int64_t community_id, enum staff_power *out)
{
	sqlite3_stmt *st;
	int rc, r;

	if (actor_id == STAFF_SYSOP) {
		*out = STAFF_SYSOP_POWER;
		return ERR_OK;
	}
	if (actor_id < 0) {
		*out = STAFF_NONE;
		return ERR_OK;
	}
	st = DB_STMT(db, "SELECT u.is_admin = 1, EXISTS (SELECT 1 FROM community_moderators m "
	    "WHERE m.user_id = u.id AND m.community_id = ?3) FROM users u WHERE u.id = ?1 AND "
	    HAS_POWERS, actor_id, db_now(), community_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		enum staff_power p = STAFF_NONE;

		if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0)
			p = STAFF_ADMIN;
		else if (rc == SQLITE_ROW && sqlite3_column_int(st, 1) != 0)
			p = STAFF_MODERATOR;
		*out = p;
		r = ERR_OK;
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_staff_require_mod(struct db *db, int64_t actor_id, int64_t community_id)
{
	enum staff_power p;
	int r;

	if ((r = db_staff_power(db, actor_id, community_id, &p)) != 0)
		return r;
	return p >= STAFF_MODERATOR ? ERR_OK : ERR_DENIED;
}

int
db_staff_require_admin(struct db *db, int64_t actor_id)
{
	enum staff_power p;
	int r;

	if ((r = db_staff_power(db, actor_id, 0, &p)) != 0)
		return r;
	return p >= STAFF_ADMIN ? ERR_OK : ERR_DENIED;
}

int
db_staff_roles(struct db *db, int64_t actor_id, bool *moderator, bool *admin)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT u.is_admin = 1, EXISTS (SELECT 1 FROM community_moderators m "
	    "WHERE m.user_id = u.id) FROM users u WHERE u.id = ?1 AND " HAS_POWERS,
	    actor_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		*admin = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
		*moderator = rc == SQLITE_ROW && sqlite3_column_int(st, 1) != 0;
		r = ERR_OK;
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static void
id_row(sqlite3_stmt *st, void *elem)
{
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
}

int
db_staff_communities(struct db *db, int64_t actor_id, int64_t **ids, size_t *n)
{
	sqlite3_stmt *st = DB_STMT(db, "SELECT community_id FROM community_moderators "
	    "WHERE user_id = ? ORDER BY community_id", actor_id);

	return db_collect(db, st, sizeof **ids, id_row, (void **)ids, n, __func__);
}

/* Copies the login of id (or "sysop" for 0) into buf. */
static int
login_of(struct db *db, int64_t id, char *buf, size_t sz)
{
	if (id == STAFF_SYSOP) {
		snprintf(buf, sz, "sysop");
		return ERR_OK;
	}
	return db_staff_text(db, DB_STMT(db, "SELECT login FROM users WHERE id = ?", id), buf, sz,
	    __func__);
}

int
db_audit_record(struct db *db, int64_t actor_id, const struct audit_add *a)
{
	char actor[AUDIT_LABEL_SZ], target[AUDIT_LABEL_SZ] = "";
	sqlite3_stmt *st;
	int r;

	if (a->action == NULL || a->action[0] == '\0')
		return ERR_INVALID;
	if ((r = login_of(db, actor_id, actor, sizeof actor)) != 0)
		return r;
	if (a->target != NULL)
		snprintf(target, sizeof target, "%s", a->target);
	else if (a->target_kind != NULL && strcmp(a->target_kind, "member") == 0 &&
	    (r = login_of(db, a->target_id, target, sizeof target)) != 0 && r != ERR_NOTFOUND)
		return r;
	st = DB_STMT(db, "INSERT INTO audit_log (actor_id, actor, action, community_id, "
	    "target_kind, target_id, target, reason, before, after, created_at) VALUES "
	    "(nullif(?1, 0), ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, actor);
	db_bind_text(st, 3, a->action);
	sqlite3_bind_int64(st, 4, a->community_id);
	db_bind_text(st, 5, a->target_kind != NULL ? a->target_kind : "");
	sqlite3_bind_int64(st, 6, a->target_id);
	db_bind_text(st, 7, target);
	db_bind_text(st, 8, a->reason != NULL ? a->reason : "");
	db_bind_text(st, 9, a->before != NULL ? a->before : "");
	db_bind_text(st, 10, a->after != NULL ? a->after : "");
	sqlite3_bind_int64(st, 11, db_now());
	return db_step_done(db, st, __func__);
}

/* The appointment itself, its audit entry and the member's notice. */
int
db_staff_appoint_in_tx(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason, bool appoint)
{
	sqlite3_stmt *st;
	char name[AUDIT_LABEL_SZ] = "", text[NOTICE_TEXT_SZ];
	int64_t active = 0;
	bool found = false;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT status = 'active' FROM users WHERE id = ?", user_id);
	if ((r = db_step_int(db, st, &active, &found, __func__)) != 0)
		return r;
	if (!found)
		return ERR_NOTFOUND;
	/* 0 is no community here, not "none needed". */
	r = community_id != 0 ? db_staff_community_name(db, community_id, name, sizeof name) :
	    ERR_NOTFOUND;
	if (r != 0)
		return r;
	if (appoint && !active)
		return ERR_STATE;
	if (appoint)
		st = DB_STMT(db, "INSERT OR IGNORE INTO community_moderators (community_id, user_id) "
		    "VALUES (?, ?)", community_id, user_id);
	else
		st = DB_STMT(db, "DELETE FROM community_moderators WHERE community_id = ? AND "
		    "user_id = ?", community_id, user_id);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r == ERR_NOTFOUND ? (appoint ? ERR_EXISTS : ERR_NOTFOUND) : r;
	r = db_audit_record(db, actor_id, &(struct audit_add){
	    .action = appoint ? "moderator.appoint" : "moderator.remove",
	    .community_id = community_id, .target_kind = "member", .target_id = user_id,
	    .reason = reason, .before = appoint ? "member" : "moderator",
	    .after = appoint ? "moderator" : "member" });
	if (r != 0)
		return r;
	snprintf(text, sizeof text, appoint ? "You are now a moderator of %s: see Moderation "
	    "on the main menu" : "You are no longer a moderator of %s", name);
	return db_notice_add(db, user_id, "moderation", text);
}

static int
appointment(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason, bool appoint)
{
	const char *why;
	int r;

	if (user_id <= 0 || community_id <= 0 || staff_check_reason(reason, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, db_staff_appoint_in_tx(db, actor_id, user_id, community_id, reason, appoint));
}

int
db_staff_appoint(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason)
{
	return appointment(db, actor_id, user_id, community_id, reason, true);
}

int
db_staff_dismiss(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason)
{
	return appointment(db, actor_id, user_id, community_id, reason, false);
}
