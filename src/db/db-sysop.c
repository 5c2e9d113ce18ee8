/* The sysop's command-line changes to members; see db-sysop.h. Each
 * change runs in one BEGIN IMMEDIATE transaction with its audit entry. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-internal.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "db/db-sysop.h"
#include "db/db-user.h"
#include "lib/xmalloc.h"

/* The member exists and is not a former one: every change's first check,
 * inside its transaction. */
static int
require_member(struct db *db, int64_t user_id)
{
	int64_t n = 0;
	int r;

	r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM users WHERE id = ? AND "
	    "deleted_at IS NULL", user_id), &n, NULL, __func__);
	if (r == 0 && n == 0)
		r = ERR_NOTFOUND;
	return r;
}

static int
audit_member(struct db *db, const char *action, int64_t user_id, const char *after)
{
	return db_audit_record(db, STAFF_SYSOP, &(struct audit_add){ .action = action,
	    .target_kind = "member", .target_id = user_id, .after = after });
}

int
db_sysop_passwd(struct db *db, int64_t user_id, const char *hash, bool expire)
{
	int r;

	if (hash == NULL && !expire)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = require_member(db, user_id)) != 0)
		goto out;
	if (hash != NULL)
		r = db_user_set_password_hash(db, STAFF_SYSOP, user_id, hash, expire);
	else if ((r = db_step_changed(db, DB_STMT(db, "UPDATE users SET pw_expired = 1 "
	    "WHERE id = ? AND pw_hash IS NOT NULL", user_id), __func__)) == ERR_NOTFOUND)
		r = ERR_STATE;	/* key-only: there is no password to expire */
	if (r == 0)
		r = audit_member(db, "member.password", user_id, hash == NULL ? "expired" :
		    expire ? "set, expired" : "set");
out:
	return db_tx_end(db, r);
}

int
db_sysop_key_add(struct db *db, int64_t user_id, const struct authkey *k, int64_t *owner_id)
{
	int64_t owner = 0;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = require_member(db, user_id)) == 0)
		r = db_key_add(db, STAFF_SYSOP, user_id, k->type, k->blob_b64, k->fingerprint,
		    k->comment, NULL);
	if (r == ERR_EXISTS && owner_id != NULL && db_key_owner(db, k->blob_b64, &owner) == 0)
		*owner_id = owner;
	if (r == 0)
		r = audit_member(db, "member.key.add", user_id, k->fingerprint);
	return db_tx_end(db, r);
}

int
db_sysop_key_remove(struct db *db, int64_t user_id, const char *fingerprint,
    bool *locked_out)
{
	sqlite3_stmt *st;
	int64_t ways = 1;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = require_member(db, user_id)) != 0)
		goto out;
	st = DB_STMT(db, "DELETE FROM ssh_keys WHERE user_id = ? AND fingerprint = ?", user_id);
	if (st != NULL)
		db_bind_text(st, 2, fingerprint);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		goto out;
	if ((r = db_step_int(db, DB_STMT(db, "SELECT (pw_hash IS NOT NULL) + (setup_code_hash "
	    "IS NOT NULL) + (SELECT count(*) FROM ssh_keys WHERE user_id = ?1) FROM users "
	    "WHERE id = ?1", user_id), &ways, NULL, __func__)) != 0)
		goto out;
	r = audit_member(db, "member.key.remove", user_id, fingerprint);
out:
	if ((r = db_tx_end(db, r)) == 0)
		*locked_out = ways == 0;
	return r;
}

/* Deletes rows of one table; *count (if not NULL) gets how many. */
static int
purge(struct db *db, const char *sql, int64_t user_id, int64_t *count)
{
	int r;

	if ((r = db_step_done(db, DB_STMT(db, sql, user_id), __func__)) == 0 && count != NULL)
		*count = sqlite3_changes(db_sqlite(db));
	return r;
}

/* What goes, in an order the foreign keys accept. Conversations take their
 * messages, hides and members with them (ON DELETE CASCADE); host requests
 * their access log and references; mentorships their check-ins (and the
 * triggers keep the other side's counters). */
static const char *const purges[] = {
	"DELETE FROM presence WHERE user_id = ?1",
	"DELETE FROM host_fts WHERE rowid = ?1",
	"DELETE FROM host_references WHERE author_id = ?1 OR subject_id = ?1",
	"DELETE FROM host_access_log WHERE host_id = ?1 OR guest_id = ?1",
	"DELETE FROM host_interviews WHERE user_id = ?1",
	"DELETE FROM host_profiles WHERE user_id = ?1",
	"DELETE FROM mentor_bookmarks WHERE user_id = ?1 OR mentor_id = ?1",
	"DELETE FROM mentor_stats WHERE user_id = ?1",
	"DELETE FROM blocks WHERE blocker_id = ?1 OR blocked_id = ?1",
	"DELETE FROM drafts WHERE user_id = ?1",
	"DELETE FROM thread_reads WHERE user_id = ?1",
	"DELETE FROM community_members WHERE user_id = ?1",
	"DELETE FROM community_moderators WHERE user_id = ?1",
	"DELETE FROM community_request_supports WHERE user_id = ?1",
	"DELETE FROM role_requests WHERE user_id = ?1",
	"DELETE FROM announcement_dismissals WHERE user_id = ?1",
	"DELETE FROM auth_sources WHERE user_id = ?1",
	"DELETE FROM vouches WHERE user_id = ?1",
	"DELETE FROM signup_decisions WHERE user_id = ?1",
};

/* The row that stays: nothing of the person but the id their posts and
 * the moderation records point at. "~" starts no login anyone can type. */
static const char empty_row[] =
    "UPDATE users SET login = '~' || id, display_name = 'former member', is_admin = 0, "
    "status = 'suspended', pw_hash = NULL, pw_expired = 0, setup_code_hash = NULL, "
    "setup_code_until = NULL, email = '', programs = '', grad_year = 0, specialty = '', "
    "subspecialty = '', position = '', institution = '', city = '', region = '', "
    "country = '', topics = '', bio = '', open_to_mentoring = 0, seeking_mentor = 0, "
    "max_mentees = 0, role_verified_at = NULL, deleted_at = ?2 "
    "WHERE id = ?1 AND deleted_at IS NULL";

static int
delete_locked(struct db *db, int64_t user_id, struct db_delete_report *rep)
{
	sqlite3_stmt *st;
	int r;

	if ((r = require_member(db, user_id)) != 0 ||
	    (r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM threads WHERE author_id = ?",
	    user_id), &rep->threads_kept, NULL, __func__)) != 0 ||
	    (r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM posts WHERE author_id = ?",
	    user_id), &rep->posts_kept, NULL, __func__)) != 0 ||
	    (r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM messages m JOIN conversations "
	    "c ON c.id = m.conversation_id WHERE c.user_a = ?1 OR c.user_b = ?1", user_id),
	    &rep->messages, NULL, __func__)) != 0)
		return r;
	/* The audit entry first: it reads the login that is about to go. */
	if ((r = audit_member(db, "member.delete", user_id, "former member")) != 0 ||
	    (r = purge(db, "DELETE FROM ssh_keys WHERE user_id = ?1", user_id, &rep->keys)) ||
	    (r = purge(db, "DELETE FROM conversations WHERE user_a = ?1 OR user_b = ?1",
	    user_id, &rep->conversations)) != 0 ||
	    (r = purge(db, "DELETE FROM host_requests WHERE host_id = ?1 OR guest_id = ?1",
	    user_id, &rep->host_requests)) != 0 ||
	    (r = purge(db, "DELETE FROM mentorships WHERE mentee_id = ?1 OR mentor_id = ?1",
	    user_id, &rep->mentorships)) != 0 ||
	    (r = purge(db, "DELETE FROM notices WHERE user_id = ?1", user_id,
	    &rep->notices)) != 0)
		return r;
	for (size_t i = 0; i < sizeof purges / sizeof purges[0]; i++)
		if ((r = purge(db, purges[i], user_id, NULL)) != 0)
			return r;
	if ((st = DB_STMT(db, empty_row, user_id, db_now())) == NULL)
		return ERR_INTERNAL;
	if ((r = db_step_changed(db, st, __func__)) == 0)
		db_wake_member(db, user_id);	/* their sessions end now */
	return r;
}

int
db_sysop_delete(struct db *db, int64_t user_id, struct db_delete_report *rep)
{
	struct db_delete_report got;
	int r;

	memset(&got, 0, sizeof got);
	if ((r = db_begin(db)) != 0)
		return r;
	r = delete_locked(db, user_id, &got);
	if ((r = db_tx_end(db, r)) == 0)
		*rep = got;
	return r;
}

int
db_savepoint(struct db *db)
{
	return db_step_done(db, db_stmt(db, "SAVEPOINT import_row"), __func__);
}

int
db_savepoint_release(struct db *db)
{
	return db_step_done(db, db_stmt(db, "RELEASE import_row"), __func__);
}

void
db_savepoint_rollback(struct db *db)
{
	(void)db_step_done(db, db_stmt(db, "ROLLBACK TO import_row"), __func__);
	(void)db_step_done(db, db_stmt(db, "RELEASE import_row"), __func__);
}

int
db_sysop_import_row(struct db *db, const struct db_import_row *row, int64_t *id,
    const char **why)
{
	const struct authkey *k = row->key;
	sqlite3_stmt *st;
	int64_t newid = 0;
	int r;

	if ((r = db_account_register(db, row->m, NULL, &newid, why)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE users SET origin = 'import', email = ?2, setup_code_hash = ?3, "
	    "setup_code_until = ?4, pw_expired = (?3 IS NOT NULL) WHERE id = ?1", newid);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, row->email != NULL ? row->email : "");
	db_bind_text(st, 3, row->code_hash);
	if (row->code_hash != NULL)
		sqlite3_bind_int64(st, 4, row->code_until);
	if ((r = db_step_changed(db, st, __func__)) != 0) {
		*why = "database error";
		return r;
	}
	if (k != NULL && (r = db_key_add(db, STAFF_SYSOP, newid, k->type, k->blob_b64,
	    k->fingerprint, k->comment, NULL)) != 0) {
		*why = r == ERR_EXISTS ? "that key already belongs to another member" :
		    "could not store the key";
		return r;
	}
	if ((r = audit_member(db, "member.import", newid, member_role_name(row->m->role))) != 0) {
		*why = "database error";
		return r;
	}
	*id = newid;
	return 0;
}

int
db_sysop_kick(struct db *db, int64_t user_id, int64_t *sessions)
{
	int64_t n = 0;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = require_member(db, user_id)) == 0 &&
	    (r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM presence WHERE user_id = ?",
	    user_id), &n, NULL, __func__)) == 0 &&
	    (r = db_step_changed(db, DB_STMT(db, "UPDATE users SET kicked_at = ?2 WHERE id = ?1",
	    user_id, db_now()), __func__)) == 0 &&
	    (r = audit_member(db, "member.kick", user_id, "")) == 0)
		db_wake_member(db, user_id);
	if ((r = db_tx_end(db, r)) == 0)
		*sessions = n;
	return r;
}

int
db_sysop_real_members(struct db *db, int64_t *real)
{
	return db_step_int(db, db_stmt(db, "SELECT count(*) FROM users WHERE origin <> "
	    "'seed-demo' AND deleted_at IS NULL"), real, NULL, __func__);
}
