/* Role change requests: a member's role is verified by the admins, so a
 * change is asked for and decided; see db-admin.h. */
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
#include "lib/text.h"
#include "rules/sanction.h"

#define REQ_COLS "r.id, r.user_id, u.login, u.display_name, u.role, r.role, r.note, r.created_at"
#define REQ_FROM " FROM role_requests r JOIN users u ON u.id = r.user_id "

static void
req_row(sqlite3_stmt *st, void *elem)
{
	struct role_request *q = elem;
	char word[16];

	q->id = sqlite3_column_int64(st, 0);
	q->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, q->login, sizeof q->login);
	db_column_text(st, 3, q->name, sizeof q->name);
	db_column_text(st, 4, word, sizeof word);
	if (member_role_parse(word, &q->from) != 0)
		q->from = ROLE_STUDENT;
	db_column_text(st, 5, word, sizeof word);
	if (member_role_parse(word, &q->to) != 0)
		q->to = ROLE_STUDENT;
	db_column_text(st, 6, q->note, sizeof q->note);
	q->created_at = sqlite3_column_int64(st, 7);
}

static int
request_in_tx(struct db *db, int64_t actor_id, enum role to, const char *note, int64_t *id,
    const char **why)
{
	struct member *m;
	sqlite3_stmt *st;
	int r;

	/* Pending, silenced or suspended members make no requests. */
	if ((r = db_user_may_post(db, actor_id)) != 0)
		return r;
	if ((m = malloc(sizeof *m)) == NULL)
		return ERR_INTERNAL;
	r = db_user_get(db, actor_id, m);
	if (r == 0 && m->role == to) {
		*why = "That is your role already.";
		r = ERR_INVALID;
	}
	free(m);
	if (r != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO role_requests (user_id, role, note, created_at) "
	    "VALUES (?1, ?2, ?3, ?4)", actor_id, 0, 0, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, member_role_name(to));
	db_bind_text(st, 3, note);
	if ((r = db_step_done(db, st, __func__)) != 0) {
		if (r == ERR_EXISTS)
			*why = "You have a role change request open already: the admins will "
			    "answer it.";
		return r;
	}
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return ERR_OK;
}

int
db_role_request(struct db *db, int64_t actor_id, enum role to, const char *note,
    int64_t *id, const char **why)
{
	const char *dummy;
	int64_t newid = 0;
	int r;

	if (why == NULL)
		why = &dummy;
	if ((unsigned)to > ROLE_STUDENT) {
		*why = "Choose alumni, trainee or student.";
		return ERR_INVALID;
	}
	if (note == NULL)
		note = "";
	if (text_check_line(note, ROLE_NOTE_MAX) != NULL) {
		*why = "The note must be one line of at most 200 characters, without control "
		    "or invisible characters.";
		return ERR_INVALID;
	}
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, request_in_tx(db, actor_id, to, note, &newid, why));
	if (r == ERR_DENIED)
		*why = "You cannot make requests right now.";
	if (r == 0 && id != NULL)
		*id = newid;
	return r;
}

int
db_role_request_open(struct db *db, int64_t actor_id, struct role_request *out, bool *found)
{
	struct role_request q;
	bool f = false;
	int r;

	r = db_staff_row(db, DB_STMT(db, "SELECT " REQ_COLS REQ_FROM "WHERE r.user_id = ?1 AND "
	    "r.status = 'open'", actor_id), sizeof q, req_row, &q, &f, __func__);
	if (r != 0)
		return r;
	*found = f;
	if (f && out != NULL)
		*out = q;
	return ERR_OK;
}

int
db_role_request_list(struct db *db, int64_t actor_id, size_t max, struct role_request **out,
    size_t *n)
{
	return db_staff_admin_list(db, actor_id, "SELECT " REQ_COLS REQ_FROM "WHERE r.status = "
	    "'open' ORDER BY r.id LIMIT ?1", max, sizeof **out, req_row, (void **)out, n,
	    __func__);
}

static int
decide_in_tx(struct db *db, int64_t actor_id, int64_t request_id, bool approve,
    const char *reason)
{
	char text[NOTICE_TEXT_SZ + STAFF_REASON_MAX * 4 + 64];
	struct role_request q;
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	r = db_staff_row(db, DB_STMT(db, "SELECT " REQ_COLS REQ_FROM "WHERE r.id = ?1",
	    request_id), sizeof q, req_row, &q, NULL, __func__);
	if (r != 0)
		return r;
	/* Nobody decides their own request, not even an admin. */
	if (q.user_id == actor_id)
		return ERR_DENIED;
	st = DB_STMT(db, "UPDATE role_requests SET status = ?2, reason = ?3, decided_by = "
	    "nullif(?4, 0), decided_at = ?5 WHERE id = ?1 AND status = 'open'", request_id, 0, 0,
	    actor_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, approve ? "approved" : "declined");
	db_bind_text(st, 3, reason);
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	if (approve) {
		/* Students do not mentor: becoming one closes mentoring. */
		st = DB_STMT(db, "UPDATE users SET role = ?2, role_verified_at = ?3, "
		    "open_to_mentoring = (open_to_mentoring AND ?2 <> 'student') WHERE id = ?1",
		    q.user_id, 0, db_now());
		if (st == NULL)
			return ERR_INTERNAL;
		db_bind_text(st, 2, member_role_name(q.to));
		if ((r = db_step_changed(db, st, __func__)) != 0)
			return r;
	}
	if ((r = db_audit_record(db, actor_id, &(struct audit_add){
	    .action = approve ? "role.approve" : "role.decline", .target_kind = "member",
	    .target_id = q.user_id, .reason = reason, .before = member_role_name(q.from),
	    .after = approve ? member_role_name(q.to) : member_role_name(q.from) })) != 0)
		return r;
	snprintf(text, sizeof text, approve ? "Your role is now %s (verified): %s" :
	    "Your request to become %s was declined: %s", member_role_name(q.to), reason);
	return db_notice_add(db, q.user_id, "role", text);
}

int
db_role_request_decide(struct db *db, int64_t actor_id, int64_t request_id, bool approve,
    const char *reason)
{
	const char *why;
	int r;

	if (request_id <= 0 || staff_check_reason(reason, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, decide_in_tx(db, actor_id, request_id, approve, reason));
}
