/* Reading mentorships, the lazy sweep and a mentor's availability; see
 * db-mentor.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-mentor.h"
#include "db/db-mail.h"
#include "db/db-notice.h"
#include "rules/mentor.h"
#include "lib/xmalloc.h"

/* ?1 is the actor; "other" is the member on the far side. */
#define SHIP_COLS "m.id, m.mentee_id, m.mentor_id, m.state, m.message, m.answer_note, " \
	"m.created_at, coalesce(m.answered_at, 0), coalesce(m.closed_at, 0), " \
	"coalesce(m.reminded_at, 0), m.decline_reason, m.end_reason, " \
	"coalesce(m.fit_rating, 0), o.id, o.login, o.display_name, " \
	"(SELECT count(*) FROM mentor_checkins c WHERE c.mentorship_id = m.id AND c.met = 1) "
#define SHIP_FROM "FROM mentorships m JOIN users o ON o.id = " \
	"CASE WHEN m.mentor_id = ?1 THEN m.mentee_id ELSE m.mentor_id END "

/* *admin: id is an active admin. A failed read is an error, not a "no":
 * an admin must not be told they may not see something because the
 * database was busy. */
static int
is_admin(struct db *db, int64_t id, bool *admin)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT is_admin FROM users WHERE id = ? "
	    "AND status = 'active'");
	int64_t yes = 0;
	int r;

	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	if ((r = db_step_int(db, st, &yes, NULL, __func__)) == 0)
		*admin = yes != 0;
	return r;
}

/* Fills s from a row; reasons and rating stay empty unless the viewer may
 * see them (a decline reason: the mentor who chose it; all: admins). */
static void
ship_row(sqlite3_stmt *st, int64_t actor_id, bool admin, struct mentorship *s)
{
	char word[16];

	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->mentee_id = sqlite3_column_int64(st, 1);
	s->mentor_id = sqlite3_column_int64(st, 2);
	db_column_text(st, 3, word, sizeof word);
	if (mentor_state_parse(word, &s->state) != 0)
		s->state = MS_ENDED;
	db_column_text(st, 4, s->message, sizeof s->message);
	db_column_text(st, 5, s->answer_note, sizeof s->answer_note);
	s->created_at = sqlite3_column_int64(st, 6);
	s->answered_at = sqlite3_column_int64(st, 7);
	s->closed_at = sqlite3_column_int64(st, 8);
	s->reminded_at = sqlite3_column_int64(st, 9);
	s->i_am_mentor = s->mentor_id == actor_id;
	if (admin || s->i_am_mentor)
		db_column_text(st, 10, s->decline_reason, sizeof s->decline_reason);
	if (admin) {
		db_column_text(st, 11, s->end_reason, sizeof s->end_reason);
		s->fit_rating = sqlite3_column_int(st, 12);
	}
	s->other_id = sqlite3_column_int64(st, 13);
	db_column_text(st, 14, s->other_login, sizeof s->other_login);
	db_column_text(st, 15, s->other_name, sizeof s->other_name);
	s->meetings = sqlite3_column_int(st, 16);
	/* A declined mentee sees a kind word, never the mentor's note. */
	if (!admin && !s->i_am_mentor && s->state == MS_DECLINED)
		s->answer_note[0] = '\0';
}

int
db_mentor_get(struct db *db, int64_t actor_id, int64_t id, struct mentorship *out)
{
	sqlite3_stmt *st;
	bool admin = false;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = is_admin(db, actor_id, &admin)) != 0)
		return r;
	st = db_stmt(db, "SELECT " SHIP_COLS SHIP_FROM "WHERE m.id = ?2");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	if (rc == SQLITE_ROW) {
		struct mentorship s;

		ship_row(st, actor_id, admin, &s);
		if (s.mentee_id != actor_id && s.mentor_id != actor_id && !admin)
			r = ERR_DENIED;
		else
			*out = s;
	}
	db_stmt_done(db, st);
	return r;
}

static int
list_query(struct db *db, sqlite3_stmt *st, int64_t actor_id, struct mentorship **list,
    size_t *len, size_t *cap)
{
	int rc, r;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*len == *cap) {
			*cap = *cap ? *cap * 2 : 8;
			*list = xreallocarray(*list, *cap, sizeof **list);
		}
		ship_row(st, actor_id, false, &(*list)[(*len)++]);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_mentor_list(struct db *db, int64_t actor_id, size_t history_max,
    struct mentorship **out, size_t *n)
{
	struct mentorship *list = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	/* A request from a member on the other side of a block is not the
	 * mentor's to answer (accepting is refused); it waits to expire. */
	st = db_stmt(db, "SELECT " SHIP_COLS SHIP_FROM "WHERE (m.mentee_id = ?1 OR "
	    "m.mentor_id = ?1) AND m.state IN ('requested', 'active', 'paused') "
	    "AND NOT (m.state = 'requested' AND m.mentor_id = ?1 AND NOT "
	    DB_NOT_BLOCKED("m.mentee_id") ") ORDER BY m.state = 'requested', m.created_at DESC, m.id DESC");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	if ((r = list_query(db, st, actor_id, &list, &len, &cap)) != 0)
		goto out;
	st = db_stmt(db, "SELECT " SHIP_COLS SHIP_FROM "WHERE (m.mentee_id = ?1 OR "
	    "m.mentor_id = ?1) AND m.state NOT IN ('requested', 'active', 'paused') "
	    "ORDER BY m.closed_at DESC, m.id DESC LIMIT ?2");
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)history_max);
	r = list_query(db, st, actor_id, &list, &len, &cap);
out:
	if (r != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

struct due {
	int64_t id, mentee_id, mentor_id;
};

/* Requests created before `before` (and, for reminders, not reminded). */
static int
due_list(struct db *db, const char *sql, int64_t before, struct due **out, size_t *n)
{
	struct due *list = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 8;
			list = xreallocarray(list, cap, sizeof *list);
		}
		list[len].id = sqlite3_column_int64(st, 0);
		list[len].mentee_id = sqlite3_column_int64(st, 1);
		list[len++].mentor_id = sqlite3_column_int64(st, 2);
	}
	return db_rows_done(db, st, rc, list, len, (void **)out, n, __func__);
}

/* Runs an UPDATE guarded on the request still waiting; *hit if it moved. */
static int
guarded(struct db *db, const char *sql, int64_t now, int64_t id, bool *hit)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int r;

	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, id);
	if ((r = db_step_changed(db, st, __func__)) == ERR_NOTFOUND || r == 0) {
		*hit = r == 0;
		return 0;
	}
	return r;
}

static int
sweep_expire(struct db *db, int64_t now, int64_t before, int *count)
{
	struct due *d = NULL;
	size_t n = 0;
	bool hit;
	int r;

	r = due_list(db, "SELECT id, mentee_id, mentor_id FROM mentorships "
	    "WHERE state = 'requested' AND created_at <= ?1", before, &d, &n);
	for (size_t i = 0; r == 0 && i < n; i++) {
		r = guarded(db, "UPDATE mentorships SET state = 'expired', closed_at = ?1 "
		    "WHERE id = ?2 AND state = 'requested'", now, d[i].id, &hit);
		if (r != 0 || !hit)
			continue;
		(*count)++;
		r = db_notice_add_about(db, d[i].mentee_id, "mentorship", "Your mentorship "
		    "request expired without an answer; you can ask another mentor",
		    NOTICE_ON_MENTORSHIP, d[i].id);
		if (r == 0)
			r = db_notice_add_about(db, d[i].mentor_id, "mentorship", "A mentorship "
			    "request to you expired unanswered", NOTICE_ON_MENTORSHIP, d[i].id);
	}
	free(d);
	return r;
}

static int
sweep_remind(struct db *db, int64_t now, int64_t before, int *count)
{
	struct due *d = NULL;
	size_t n = 0;
	bool hit;
	int r;

	r = due_list(db, "SELECT id, mentee_id, mentor_id FROM mentorships "
	    "WHERE state = 'requested' AND created_at <= ?1 AND reminded_at IS NULL",
	    before, &d, &n);
	for (size_t i = 0; r == 0 && i < n; i++) {
		r = guarded(db, "UPDATE mentorships SET reminded_at = ?1 WHERE id = ?2 "
		    "AND state = 'requested' AND reminded_at IS NULL", now, d[i].id, &hit);
		if (r != 0 || !hit)
			continue;
		(*count)++;
		r = db_notice_add_about(db, d[i].mentor_id, "mentorship", "Reminder: a "
		    "mentorship request is waiting for your answer (see My mentoring)",
		    NOTICE_ON_MENTORSHIP, d[i].id);
		if (r == 0)
			r = db_mail_queue(db, d[i].mentor_id, MAIL_MENTOR_REMINDER, "A mentorship "
			    "request is waiting for your answer (see My mentoring); it expires "
			    "unanswered if nobody answers it.");
	}
	free(d);
	return r;
}

int
db_mentor_sweep(struct db *db, int64_t now, int remind_days, int expire_days,
    int *reminded, int *expired)
{
	int nr = 0, ne = 0, r;

	if ((r = db_begin(db)) != 0)
		return r;
	/* Expire first: a request past both limits needs no reminder. */
	r = sweep_expire(db, now, now - (int64_t)expire_days * 86400, &ne);
	if (r == 0)
		r = sweep_remind(db, now, now - (int64_t)remind_days * 86400, &nr);
	if (r == 0)
		r = db_commit(db);
	else
		db_rollback(db);
	if (r == 0 && reminded != NULL)
		*reminded = nr;
	if (r == 0 && expired != NULL)
		*expired = ne;
	return r;
}

int
db_mentor_avail(struct db *db, int64_t mentor_id, struct mentor_avail *out)
{
	sqlite3_stmt *st;
	int rc, r;

	/* Waiting requests leave out those across a block: nobody can accept
	 * them, so they are not waiting for the mentor. */
	st = DB_STMT(db, "SELECT u.open_to_mentoring AND u.role <> 'student' AND "
	    "u.status = 'active', u.max_mentees, coalesce(u.last_login_at, 0), "
	    "coalesce(s.paused, 0), coalesce(s.active, 0), coalesce(s.pending, 0) - "
	    "(SELECT count(*) FROM mentorships m WHERE m.mentor_id = ?1 AND "
	    "m.state = 'requested' AND NOT " DB_NOT_BLOCKED("m.mentee_id") "), "
	    "coalesce(s.asked, 0), coalesce(s.reply_secs, -1) "
	    "FROM users u LEFT JOIN mentor_stats s ON s.user_id = u.id WHERE u.id = ?1",
	    mentor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->open = sqlite3_column_int(st, 0) != 0;
		out->max_mentees = sqlite3_column_int(st, 1);
		out->last_login_at = sqlite3_column_int64(st, 2);
		out->paused = sqlite3_column_int(st, 3) != 0;
		out->active = sqlite3_column_int(st, 4);
		out->pending = sqlite3_column_int(st, 5);
		out->asked = sqlite3_column_int64(st, 6);
		out->reply_secs = sqlite3_column_int64(st, 7);
		out->has_room = out->open && !out->paused && out->active < out->max_mentees;
	}
	db_stmt_done(db, st);
	return r;
}

static int
stats_set(struct db *db, int64_t actor_id, int paused)
{
	sqlite3_stmt *st;

	if (actor_id <= 0)
		return ERR_DENIED;
	/* paused < 0 keeps the current value: only the confirmation moves. */
	st = DB_STMT(db, "INSERT INTO mentor_stats (user_id, paused, confirmed_at) "
	    "VALUES (?1, max(?2, 0), ?3) ON CONFLICT (user_id) DO UPDATE SET "
	    "paused = CASE WHEN ?2 < 0 THEN paused ELSE ?2 END, confirmed_at = ?3",
	    actor_id, paused, db_now());
	return db_step_done(db, st, __func__);
}

int
db_mentor_set_paused(struct db *db, int64_t actor_id, bool paused)
{
	sqlite3_stmt *st;
	int64_t student = 0;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	/* Students cannot mentor: they have no availability to set. */
	if ((st = db_stmt(db, "SELECT role = 'student' FROM users WHERE id = ?1")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	if ((r = db_step_int(db, st, &student, NULL, __func__)) != 0)
		return r;
	return student ? ERR_DENIED : stats_set(db, actor_id, paused ? 1 : 0);
}

int
db_mentor_confirm(struct db *db, int64_t actor_id)
{
	return stats_set(db, actor_id, -1);
}

int
db_mentor_needs_confirm(struct db *db, int64_t actor_id, int64_t now, bool *ask)
{
	sqlite3_stmt *st;
	int64_t due = 0;
	int r;

	st = DB_STMT(db, "SELECT max(u.created_at, coalesce(s.confirmed_at, 0), "
	    "coalesce((SELECT max(answered_at) FROM mentorships WHERE mentor_id = u.id "
	    "AND answered_at IS NOT NULL), 0)) < ?2 FROM users u "
	    "LEFT JOIN mentor_stats s ON s.user_id = u.id WHERE u.id = ?1 AND "
	    "u.open_to_mentoring = 1 AND coalesce(s.paused, 0) = 0");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, now - (int64_t)MENTOR_SILENT_DAYS * 86400);
	if ((r = db_step_int(db, st, &due, NULL, __func__)) == 0)
		*ask = due != 0;
	return r;
}
