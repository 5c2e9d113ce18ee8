/* Mentorships from request to close; see db-mentor.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "db/db-mentor.h"
#include "db/db-mail.h"
#include "db/db-notice.h"
#include "db/db-probation.h"
#include "rules/mentor.h"
#include "lib/xmalloc.h"

/* The parties and state of one mentorship. */
struct ship_head {
	int64_t mentee_id, mentor_id;
	enum mentor_state state;
};

static int
head_get(struct db *db, int64_t id, struct ship_head *h)
{
	sqlite3_stmt *st;
	char word[16];
	int rc, r;

	st = DB_STMT(db, "SELECT mentee_id, mentor_id, state FROM mentorships WHERE id = ?",
	    id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->mentee_id = sqlite3_column_int64(st, 0);
		h->mentor_id = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, word, sizeof word);
		if (mentor_state_parse(word, &h->state) != 0)
			h->state = MS_ENDED;
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* Display name of a member for notice text ("someone" if gone). */
static void
name_of(struct db *db, int64_t id, char *buf, size_t sz)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT display_name FROM users WHERE id = ?");

	snprintf(buf, sz, "someone");
	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_text(st, 0, buf, sz);
	db_stmt_done(db, st);
}

/* A notice to `to` that reads "<name of about> <what>", about mentorship id. */
static int
tell(struct db *db, int64_t to, int64_t about, const char *what, int64_t id)
{
	char name[MEMBER_NAME_SZ], text[NOTICE_TEXT_SZ];

	name_of(db, about, name, sizeof name);
	snprintf(text, sizeof text, "%s %s", name, what);
	return db_notice_add_about(db, to, "mentorship", text, NOTICE_ON_MENTORSHIP, id);
}

static int
count_one(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return db_step_int(db, st, out, NULL, __func__);
}

/* Is the requester allowed to ask at all: may post (active, rules
 * accepted), and not blocked. */
static int
request_parties_ok(struct db *db, int64_t actor_id, int64_t mentor_id)
{
	int64_t ok = 0;
	bool blocked = false;
	int r;

	if ((r = db_user_may_post(db, actor_id)) != 0)
		return r;
	if ((r = count_one(db, "SELECT count(*) FROM users WHERE id = ?1 AND ?2 = ?2",
	    mentor_id, 0, &ok)) != 0)
		return r;
	if (!ok)
		return ERR_NOTFOUND;
	if ((r = db_block_between(db, actor_id, mentor_id, &blocked)) != 0)
		return r;
	return blocked ? ERR_DENIED : ERR_OK;
}

/* Can mentor_id take one more mentee now? */
static int
mentor_room(struct db *db, int64_t mentor_id)
{
	struct mentor_avail a;
	int r;

	if ((r = db_mentor_avail(db, mentor_id, &a)) != 0)
		return r;
	if (!a.open)
		return ERR_NOT_OFFERED;
	if (a.paused)
		return ERR_PAUSED;
	if (a.active >= a.max_mentees)
		return ERR_FULL;
	return 0;
}

static int
request_checks(struct db *db, int64_t actor_id, int64_t mentor_id, int max_pending)
{
	int64_t n = 0;
	int r;

	if ((r = request_parties_ok(db, actor_id, mentor_id)) != 0)
		return r;
	if ((r = mentor_room(db, mentor_id)) != 0)
		return r;
	if ((r = count_one(db, "SELECT count(*) FROM mentorships WHERE mentee_id = ?1 "
	    "AND mentor_id = ?2 AND state IN ('requested', 'active', 'paused')",
	    actor_id, mentor_id, &n)) != 0)
		return r;
	if (n > 0)
		return ERR_EXISTS;
	if ((r = count_one(db, "SELECT count(*) FROM mentorships WHERE mentee_id = ?1 "
	    "AND state = 'requested' AND ?2 = ?2", actor_id, 0, &n)) != 0)
		return r;
	if (n >= max_pending)
		return ERR_LIMIT;
	/* A new member's daily cap on requests (ERR_TOO_FAST). */
	return db_probation_check(db, actor_id, PROBATION_REQUESTS);
}

int
db_mentor_may_request(struct db *db, int64_t actor_id, int64_t mentor_id, int max_pending)
{
	if (actor_id <= 0)
		return ERR_DENIED;
	if (actor_id == mentor_id)
		return ERR_INVALID;
	return request_checks(db, actor_id, mentor_id, max_pending);
}

int
db_mentor_request(struct db *db, int64_t actor_id, int64_t mentor_id,
    const char *message, int max_pending, int64_t *id)
{
	const char *why;
	sqlite3_stmt *st;
	int64_t newid = 0;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (actor_id == mentor_id || mentor_check_message(message, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = request_checks(db, actor_id, mentor_id, max_pending)) != 0)
		goto out;
	st = DB_STMT(db, "INSERT INTO mentorships (mentee_id, mentor_id, message, created_at) "
	    "VALUES (?, ?, ?, ?)", actor_id, mentor_id);
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	db_bind_text(st, 3, message);
	sqlite3_bind_int64(st, 4, db_now());
	if ((r = db_step_done(db, st, __func__)) != 0)
		goto out;
	newid = sqlite3_last_insert_rowid(db_sqlite(db));
	r = tell(db, mentor_id, actor_id, "asked you for mentorship (see My mentoring)", newid);
	if (r == 0) {
		char name[MEMBER_NAME_SZ], text[NOTICE_TEXT_SZ];

		name_of(db, actor_id, name, sizeof name);
		snprintf(text, sizeof text, "%s asked you for mentorship (see My mentoring)", name);
		r = db_mail_queue(db, mentor_id, MAIL_MENTOR_REQUEST, text);
	}
out:
	if (r == 0)
		r = db_commit(db);
	else
		db_rollback(db);
	if (r == 0 && id != NULL)
		*id = newid;
	return r;
}

/* Loads the mentorship, works out actor's side and checks the move. */
static int
may_move(struct db *db, int64_t actor_id, int64_t id, enum mentor_action a,
    struct ship_head *h, enum mentor_state *to)
{
	enum mentor_side side;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = head_get(db, id, h)) != 0)
		return r;
	if (actor_id == h->mentor_id)
		side = MSIDE_MENTOR;
	else if (actor_id == h->mentee_id)
		side = MSIDE_MENTEE;
	else
		return ERR_DENIED;
	if (!mentor_may(h->state, a, side)) {
		/* The other side's move (say, a mentee accepting) is a denial;
		 * a move nobody may make now is invalid. */
		enum mentor_side other = side == MSIDE_MENTOR ? MSIDE_MENTEE : MSIDE_MENTOR;

		return mentor_may(h->state, a, other) ? ERR_DENIED : ERR_INVALID;
	}
	return mentor_transition(h->state, a, side, to) == 0 ? ERR_OK : ERR_INTERNAL;
}

/* Moves id from `from` to `to` (guarded by the old state, so two
 * sessions racing cannot both win) and sets the answer/close fields. */
static int
move(struct db *db, int64_t id, enum mentor_state from, enum mentor_state to,
    int64_t actor_id, const char *note, const char *decline, const char *end, int fit)
{
	sqlite3_stmt *st;
	int64_t now = db_now();
	bool answer = from == MS_REQUESTED && (to == MS_ACTIVE || to == MS_DECLINED);

	st = db_stmt(db, "UPDATE mentorships SET state = ?1, "
	    "answered_at = CASE WHEN ?2 THEN ?3 ELSE answered_at END, "
	    "answer_note = coalesce(?4, answer_note), "
	    "decline_reason = coalesce(?5, decline_reason), "
	    "closed_at = CASE WHEN ?1 IN ('declined', 'withdrawn', 'expired', 'ended') "
	    "THEN ?3 ELSE closed_at END, "
	    "ended_by = CASE WHEN ?1 = 'ended' THEN ?6 ELSE ended_by END, "
	    "end_reason = coalesce(?7, end_reason), "
	    "fit_rating = CASE WHEN ?8 > 0 THEN ?8 ELSE fit_rating END "
	    "WHERE id = ?9 AND state = ?10");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, mentor_state_name(to));
	sqlite3_bind_int(st, 2, answer);
	sqlite3_bind_int64(st, 3, now);
	db_bind_text(st, 4, note);
	db_bind_text(st, 5, decline);
	sqlite3_bind_int64(st, 6, actor_id);
	db_bind_text(st, 7, end);
	sqlite3_bind_int(st, 8, fit);
	sqlite3_bind_int64(st, 9, id);
	db_bind_text(st, 10, mentor_state_name(from));
	return db_step_changed(db, st, __func__);
}

/* The median of the mentor's last 25 reply times, kept in mentor_stats so
 * lists need not compute it. */
static int
update_reply_time(struct db *db, int64_t mentor_id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "UPDATE mentor_stats SET reply_secs = (SELECT d FROM "
	    "(SELECT answered_at - created_at AS d FROM (SELECT answered_at, created_at "
	    "FROM mentorships WHERE mentor_id = ?1 AND answered_at IS NOT NULL "
	    "ORDER BY answered_at DESC LIMIT 25) ORDER BY d) LIMIT 1 OFFSET "
	    "(SELECT (count(*) - 1) / 2 FROM (SELECT 1 FROM mentorships WHERE mentor_id = ?1 "
	    "AND answered_at IS NOT NULL ORDER BY answered_at DESC LIMIT 25))), "
	    "confirmed_at = ?2 WHERE user_id = ?1", mentor_id, db_now());
	return db_step_done(db, st, __func__);
}

/* A block between the two members stops the mentorship going forward
 * (accept, pause, resume), whoever made it; leaving stays open to both, so
 * neither is held in a request or mentorship with someone they blocked. */
static int
block_allows(struct db *db, const struct ship_head *h, enum mentor_action a)
{
	bool blocked = false;
	int r;

	if (a == MA_WITHDRAW || a == MA_DECLINE || a == MA_END)
		return 0;
	if ((r = db_block_between(db, h->mentee_id, h->mentor_id, &blocked)) != 0)
		return r;
	return blocked ? ERR_DENIED : ERR_OK;
}

/* One state change with its notice, in one transaction. */
static int
change(struct db *db, int64_t actor_id, int64_t id, enum mentor_action a,
    const char *note, const char *decline, const char *end, int fit)
{
	static const char *const said[MA_COUNT] = {
		[MA_ACCEPT] = "accepted your mentorship request",
		[MA_DECLINE] = "could not take on your mentorship request",
		[MA_WITHDRAW] = "withdrew their mentorship request",
		[MA_PAUSE] = "paused your mentorship",
		[MA_RESUME] = "resumed your mentorship",
		[MA_END] = "ended your mentorship",
	};
	struct ship_head h;
	enum mentor_state to;
	int64_t other;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = may_move(db, actor_id, id, a, &h, &to)) != 0)
		goto out;
	if ((r = block_allows(db, &h, a)) != 0)
		goto out;
	if (a == MA_ACCEPT && (r = mentor_room(db, h.mentor_id)) != 0)
		goto out;
	if ((r = move(db, id, h.state, to, actor_id, note, decline, end, fit)) != 0)
		goto out;
	if ((a == MA_ACCEPT || a == MA_DECLINE) &&
	    (r = update_reply_time(db, h.mentor_id)) != 0)
		goto out;
	other = actor_id == h.mentor_id ? h.mentee_id : h.mentor_id;
	/* The actor has dealt with it: their own notices about it are seen. */
	if ((r = db_notice_seen_about(db, actor_id, NOTICE_ON_MENTORSHIP, id)) != 0)
		goto out;
	r = tell(db, other, actor_id, said[a], id);
out:
	if (r == 0)
		r = db_commit(db);
	else
		db_rollback(db);
	return r;
}

int
db_mentor_accept(struct db *db, int64_t actor_id, int64_t id, const char *note)
{
	const char *why;

	if (mentor_check_note(note, MENTOR_NOTE_MAX, &why) != 0)
		return ERR_INVALID;
	return change(db, actor_id, id, MA_ACCEPT, note != NULL ? note : "", NULL, NULL, 0);
}

int
db_mentor_decline(struct db *db, int64_t actor_id, int64_t id, const char *reason,
    const char *note)
{
	const char *why;

	if (!mentor_reason_valid(mentor_decline_reasons, mentor_decline_reasons_n, reason) ||
	    mentor_check_note(note, MENTOR_NOTE_MAX, &why) != 0)
		return ERR_INVALID;
	return change(db, actor_id, id, MA_DECLINE, note != NULL ? note : "", reason, NULL, 0);
}

int
db_mentor_withdraw(struct db *db, int64_t actor_id, int64_t id)
{
	return change(db, actor_id, id, MA_WITHDRAW, NULL, NULL, NULL, 0);
}

int
db_mentor_pause(struct db *db, int64_t actor_id, int64_t id, bool pause)
{
	return change(db, actor_id, id, pause ? MA_PAUSE : MA_RESUME, NULL, NULL, NULL, 0);
}

int
db_mentor_end(struct db *db, int64_t actor_id, int64_t id, const char *reason, int fit)
{
	if (!mentor_reason_valid(mentor_end_reasons, mentor_end_reasons_n, reason) ||
	    fit < 1 || fit > 5)
		return ERR_INVALID;
	return change(db, actor_id, id, MA_END, NULL, NULL, reason, fit);
}

const char *
db_mentor_refusal(int r)
{
	switch (r) {
	case ERR_OK: return "done";
	case ERR_FULL: return "this mentor just filled their last place";
	case ERR_PAUSED: return "this mentor has paused their availability";
	case ERR_LIMIT: return "you have the most requests waiting; withdraw one";
	case ERR_TOO_FAST: return "new members can make a few requests a day for their "
	    "first days; it lifts by itself, or when a moderator vouches for you";
	case ERR_NOT_OFFERED: return "this member is not open to mentoring";
	case ERR_EXISTS: return "you already asked or work with this member";
	case ERR_DENIED: return "that is not possible with this member";
	case ERR_INVALID: return "that is not possible in this state";
	case ERR_NOTFOUND: return "it is no longer there";
	case ERR_BUSY: return "the database is busy; please try again";
	default: return "something went wrong; please try again";
	}
}

const char *
db_mentor_refusal_in(struct db *db, int64_t actor_id, int64_t id, int r)
{
	struct ship_head h;
	bool blocked = false;

	if (r == ERR_DENIED && head_get(db, id, &h) == 0 &&
	    (actor_id == h.mentee_id || actor_id == h.mentor_id) &&
	    db_block_between(db, h.mentee_id, h.mentor_id, &blocked) == 0 && blocked)
		return "a block stands between you and this member; you can still end it";
	return db_mentor_refusal(r);
}
