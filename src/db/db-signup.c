/* Approval-mode sign-ups and verified roles; see db-admin.h. A decision is
 * one row of signup_decisions (its primary key lets only the first
 * decision in), with the member's status moved from pending in the same
 * transaction, guarded by that old status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-admin.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-staff-internal.h"
#include "db/db-user.h"
#include "rules/sanction.h"

int
db_signup_notify_admins(struct db *db, int64_t user_id)
{
	char text[NOTICE_TEXT_SZ * 2 + MEMBER_NAME_SZ];
	struct member *m = malloc(sizeof *m);
	int r;

	if (m == NULL)
		return ERR_INTERNAL;
	if ((r = db_user_get(db, user_id, m)) != 0)
		goto out;
	snprintf(text, sizeof text, "New sign-up waiting for approval: %s (%s, %s)", m->login,
	    m->name, member_role_name(m->role));
	/* Admins with powers: active and not silenced or worse everywhere. */
	r = db_staff_notice_each(db, DB_STMT(db, "SELECT u.id FROM users u WHERE u.is_admin = 1 "
	    "AND u.status = 'active' AND NOT EXISTS (SELECT 1 FROM sanctions s WHERE s.user_id = "
	    "u.id AND s.community_id IS NULL AND s.kind <> 'warn' AND " SANCTION_IN_FORCE("?1")
	    ") ORDER BY u.id", db_now()), "signup", text, __func__);
out:
	free(m);
	return r;
}

static void
signup_row(sqlite3_stmt *st, void *elem)
{
	struct signup *s = elem;
	char word[16];

	s->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, s->login, sizeof s->login);
	db_column_text(st, 2, s->name, sizeof s->name);
	db_column_text(st, 3, word, sizeof word);
	if (member_role_parse(word, &s->role) != 0)
		s->role = ROLE_STUDENT;
	db_column_text(st, 4, s->programs, sizeof s->programs);
	s->grad_year = sqlite3_column_int(st, 5);
	db_column_text(st, 6, s->specialty, sizeof s->specialty);
	db_column_text(st, 7, s->institution, sizeof s->institution);
	db_column_text(st, 8, s->city, sizeof s->city);
	s->created_at = sqlite3_column_int64(st, 9);
}

int
db_signup_list(struct db *db, int64_t actor_id, size_t max, struct signup **out, size_t *n)
{
	return db_staff_admin_list(db, actor_id, "SELECT u.id, u.login, u.display_name, u.role, "
	    "u.programs, u.grad_year, u.specialty, u.institution, u.city, u.created_at FROM users u "
	    "WHERE u.status = 'pending' AND NOT EXISTS (SELECT 1 FROM signup_decisions d WHERE "
	    "d.user_id = u.id) ORDER BY u.created_at, u.id LIMIT ?1", max,
	    sizeof **out, signup_row, (void **)out, n, __func__);
}

/* The decision's row: the first one in wins, a second is ERR_STATE. */
static int
decide_row(struct db *db, int64_t actor_id, int64_t user_id, const char *decision,
    const char *reason)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "INSERT INTO signup_decisions (user_id, decision, reason, decided_by, "
	    "decided_at) SELECT ?1, ?2, ?3, nullif(?4, 0), ?5 FROM users WHERE id = ?1 AND "
	    "status = 'pending' AND NOT EXISTS (SELECT 1 FROM signup_decisions WHERE "
	    "user_id = ?1)", user_id, 0, 0, actor_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, decision);
	db_bind_text(st, 3, reason);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r == ERR_EXISTS ? ERR_STATE : r;
	if (sqlite3_changes(db_sqlite(db)) == 1)
		return ERR_OK;
	/* Nothing inserted: no such member, or not (or no longer) pending. */
	r = db_staff_member(db, user_id);
	return r == ERR_OK ? ERR_STATE : r;
}

static int
approve_in_tx(struct db *db, int64_t actor_id, int64_t user_id, bool verify_role,
    const char *reason)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0 ||
	    (r = decide_row(db, actor_id, user_id, "approved", reason)) != 0)
		return r;
	/* Guarded by the old status: the decision above saw it pending. */
	st = DB_STMT(db, "UPDATE users SET status = 'active', role_verified_at = CASE WHEN ?3 "
	    "THEN ?2 ELSE role_verified_at END WHERE id = ?1 AND status = 'pending'",
	    user_id, db_now(), verify_role);
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	if ((r = db_audit_record(db, actor_id, &(struct audit_add){ .action = "signup.approve",
	    .target_kind = "member", .target_id = user_id, .reason = reason,
	    .before = "pending", .after = verify_role ? "active, role verified" : "active" })) != 0)
		return r;
	return db_notice_add(db, user_id, "signup", "Your sign-up was approved: welcome! "
	    "You can now post, send messages and make requests.");
}

static int
reject_in_tx(struct db *db, int64_t actor_id, int64_t user_id, const char *reason)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0 ||
	    (r = decide_row(db, actor_id, user_id, "rejected", reason)) != 0)
		return r;
	/* The account stays pending (nothing it could do changes) and a ban
	 * carries the reason to the login refusal and ends a live session. */
	st = DB_STMT(db, "INSERT INTO sanctions (user_id, kind, reason, created_by, created_at) "
	    "VALUES (?1, 'ban', ?2, nullif(?3, 0), ?4)", user_id, 0, actor_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, reason);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "signup.reject",
	    .target_kind = "member", .target_id = user_id, .reason = reason,
	    .before = "pending", .after = "rejected" });
}


static int
verify_in_tx(struct db *db, int64_t actor_id, int64_t user_id, const char *reason)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE users SET role_verified_at = ?2 WHERE id = ?1 AND "
	    "role_verified_at IS NULL", user_id, db_now());
	if ((r = db_step_changed(db, st, __func__)) == ERR_NOTFOUND) {
		r = db_staff_member(db, user_id);
		return r == ERR_OK ? ERR_STATE : r;
	}
	if (r != 0)
		return r;
	if ((r = db_audit_record(db, actor_id, &(struct audit_add){ .action = "role.verify",
	    .target_kind = "member", .target_id = user_id, .reason = reason,
	    .before = "declared", .after = "verified" })) != 0)
		return r;
	return db_notice_add(db, user_id, "role", "An admin verified your role.");
}

/* What an admin decides about a member, each with a reason. */
enum decision { APPROVE, APPROVE_VERIFIED, REJECT, VERIFY };

static int
decide(struct db *db, int64_t actor_id, int64_t user_id, enum decision d, const char *reason)
{
	const char *why;
	int r;

	if (user_id <= 0 || staff_check_reason(reason, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	if (d == REJECT)
		r = reject_in_tx(db, actor_id, user_id, reason);
	else if (d == VERIFY)
		r = verify_in_tx(db, actor_id, user_id, reason);
	else
		r = approve_in_tx(db, actor_id, user_id, d == APPROVE_VERIFIED, reason);
	return db_tx_end(db, r);
}

int
db_signup_approve(struct db *db, int64_t actor_id, int64_t user_id, bool verify_role,
    const char *reason)
{
	return decide(db, actor_id, user_id, verify_role ? APPROVE_VERIFIED : APPROVE, reason);
}

int
db_signup_reject(struct db *db, int64_t actor_id, int64_t user_id, const char *reason)
{
	return decide(db, actor_id, user_id, REJECT, reason);
}

int
db_role_verify(struct db *db, int64_t actor_id, int64_t user_id, const char *reason)
{
	return decide(db, actor_id, user_id, VERIFY, reason);
}

int
db_role_verified_at(struct db *db, int64_t user_id, int64_t *verified_at)
{
	sqlite3_stmt *st = DB_STMT(db, "SELECT coalesce(role_verified_at, 0) FROM users "
	    "WHERE id = ?", user_id);
	bool found = false;
	int64_t v = 0;
	int r;

	if ((r = db_step_int(db, st, &v, &found, __func__)) != 0)
		return r;
	if (!found)
		return ERR_NOTFOUND;
	*verified_at = v;
	return ERR_OK;
}
