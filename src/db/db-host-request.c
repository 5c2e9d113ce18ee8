/* Stay requests: creation with the stay rules, the state machine with who
 * may move what, counter-proposals, lists for My HOST, and the sweep that
 * applies time-driven changes; see db-host.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "db/db-mail.h"
#include "db/db-notice.h"
#include "db/db-probation.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

#define REQ_COLS "r.id, r.host_id, r.guest_id, r.arrive_day, r.depart_day, r.flexible, " \
	"r.travellers, r.partner, r.pet_allergy, r.accessibility, r.purpose, r.programs, " \
	"r.message, r.state, r.note, r.note_by, r.prop_by, r.prop_arrive, r.prop_depart, " \
	"r.prop_travellers, r.created_at, r.updated_at, h.display_name, g.display_name, " \
	"r.prop_note " \
	"FROM host_requests r JOIN users h ON h.id = r.host_id JOIN users g ON g.id = r.guest_id "

static void
request_row(sqlite3_stmt *st, struct host_request *r)
{
	char buf[16];

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->host_id = sqlite3_column_int64(st, 1);
	r->guest_id = sqlite3_column_int64(st, 2);
	r->arrive = sqlite3_column_int64(st, 3);
	r->depart = sqlite3_column_int64(st, 4);
	r->flexible = sqlite3_column_int(st, 5) != 0;
	r->travellers = sqlite3_column_int(st, 6);
	r->partner = sqlite3_column_int(st, 7) != 0;
	r->pet_allergy = sqlite3_column_int(st, 8) != 0;
	db_column_text(st, 9, r->accessibility, sizeof r->accessibility);
	db_column_text(st, 10, buf, sizeof buf);
	r->purpose = HP_OTHER;
	(void)host_purpose_parse(buf, &r->purpose);
	db_column_text(st, 11, r->programs, sizeof r->programs);
	db_column_text(st, 12, r->message, sizeof r->message);
	db_column_text(st, 13, buf, sizeof buf);
	r->state = HS_EXPIRED;
	(void)host_state_parse(buf, &r->state);
	db_column_text(st, 14, r->note, sizeof r->note);
	r->note_by = sqlite3_column_int64(st, 15);
	r->prop_by = sqlite3_column_int64(st, 16);
	r->prop_arrive = sqlite3_column_int64(st, 17);
	r->prop_depart = sqlite3_column_int64(st, 18);
	r->prop_travellers = sqlite3_column_int(st, 19);
	r->created_at = sqlite3_column_int64(st, 20);
	r->updated_at = sqlite3_column_int64(st, 21);
	db_column_text(st, 22, r->host_name, sizeof r->host_name);
	db_column_text(st, 23, r->guest_name, sizeof r->guest_name);
	db_column_text(st, 24, r->prop_note, sizeof r->prop_note);
}

/* The request without an authorisation check. */
static int
load(struct db *db, int64_t id, struct host_request *out)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((st = db_stmt(db, "SELECT " REQ_COLS "WHERE r.id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		request_row(st, out);
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_host_request_get(struct db *db, int64_t actor_id, int64_t id, struct host_request *out)
{
	struct host_request req;
	struct host_actor a;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0 || (r = load(db, id, &req)) != 0)
		return r;
	if (req.host_id != actor_id && req.guest_id != actor_id) {
		if ((r = db_host_actor(db, actor_id, &a)) != 0)
			return r == ERR_NOTFOUND ? ERR_DENIED : r;
		if (!a.admin)
			return ERR_NOTFOUND;
	}
	*out = req;
	return 0;
}

/* Loads the request for one of its two sides (admins do not act here),
 * inside the caller's transaction: the caller has run the sweep first. */
static int
load_party(struct db *db, int64_t actor_id, int64_t id, struct host_request *req,
    enum host_side *side)
{
	int r;

	if ((r = load(db, id, req)) != 0)
		return r;
	if (req->host_id == actor_id)
		*side = HOST_SIDE_HOST;
	else if (req->guest_id == actor_id)
		*side = HOST_SIDE_GUEST;
	else
		return ERR_NOTFOUND;
	return 0;
}

/* Every change to a request is one transaction: the sweep first (it has
 * its own), then BEGIN IMMEDIATE, and only then the reads and checks the
 * write depends on, so no other session can move the request, fill the
 * host's nights or add a block between a check and its write. */
static int
begin_change(struct db *db, int64_t actor_id)
{
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0)
		return r;
	return db_begin(db);
}

/* db_step_changed for an UPDATE guarded by the state it was checked in:
 * no row means the request moved on meanwhile (it cannot inside BEGIN
 * IMMEDIATE; the guard says so if the transaction is ever loosened). */
static int
guarded_step(struct db *db, sqlite3_stmt *st, const char **why, const char *func)
{
	int r = db_step_changed(db, st, func);

	if (r == ERR_NOTFOUND) {
		*why = "this request has just changed; look at it again";
		return ERR_STATE;
	}
	return r;
}

/* The notice, and the mail of kind mail (MAIL_CODE: none, as no event
 * mails a code) when the member chose it, in the caller's transaction. */
static int
notify(struct db *db, int64_t to, const char *who, const char *what, const struct host_request *req,
    int64_t id, enum mail_kind mail)
{
	char a[16], z[16], text[NOTICE_TEXT_SZ];
	int r;

	host_format_day(a, sizeof a, req->arrive);
	host_format_day(z, sizeof z, req->depart);
	snprintf(text, sizeof text, "HOST: %s %s (%s to %s)", who, what, a, z);
	if ((r = db_notice_add_about(db, to, "host", text, NOTICE_ON_HOST_REQUEST, id)) != 0 ||
	    mail == MAIL_CODE)
		return r;
	return db_mail_queue(db, to, mail, text);
}

/* The mail a move to `to` sends the other side: a yes or a confirmation. */
static enum mail_kind
move_mail(enum host_state to)
{
	return to == HS_ACCEPTED || to == HS_CONFIRMED ? MAIL_HOST_STAY : MAIL_CODE;
}

static int
member_name(struct db *db, int64_t id, char *buf, size_t sz)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((st = db_stmt(db, "SELECT display_name FROM users WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, buf, sz);
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* Who may ask: active students and trainees, not the host, no block
 * between them, and a host who is active. */
static int
may_ask(struct db *db, int64_t actor_id, int64_t host_id, const char **why)
{
	struct host_actor a, h;
	bool blocked = false;
	int rc;

	if (actor_id <= 0 || host_id == actor_id)
		return ERR_DENIED;
	if ((rc = db_host_actor(db, actor_id, &a)) != 0)
		return rc == ERR_NOTFOUND ? ERR_DENIED : rc;
	if (!a.active || db_user_may_post(db, actor_id) != 0) {
		*why = "your account cannot send requests yet (awaiting approval, or the "
		    "code of conduct not accepted: A on the main menu)";
		return ERR_DENIED;
	}
	if (a.role == ROLE_ALUMNI) {
		*why = "stays are for students and trainees; alumni can host or message a host";
		return ERR_DENIED;
	}
	if ((rc = db_host_actor(db, host_id, &h)) != 0)
		return rc;
	if (!h.active)
		return ERR_NOTFOUND;
	if ((rc = db_block_between(db, actor_id, host_id, &blocked)) != 0)
		return rc;
	if (blocked) {
		*why = "you cannot send requests to this member";
		return ERR_DENIED;
	}
	return 0;
}

#define OPEN_STATES "('requested', 'tentative', 'accepted', 'confirmed')"
#define STR_(x) #x
#define STR(x) STR_(x)

/* The guest's open requests: none with this host for any of these nights,
 * and fewer than HOST_OPEN_MAX in all. Run inside the insert's
 * transaction, so two sessions cannot both pass. Uses host_requests_guest. */
static int
open_requests_ok(struct db *db, int64_t guest_id, const struct host_request *r,
    const char **why)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc;

	st = DB_STMT(db, "SELECT count(*) FROM host_requests WHERE guest_id = ?1 AND "
	    "state IN " OPEN_STATES " AND host_id = ?2 AND arrive_day < ?4 AND depart_day > ?3",
	    guest_id, r->host_id, r->arrive, r->depart);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = db_step_int(db, st, &n, NULL, __func__)) != 0)
		return rc;
	if (n > 0) {
		*why = "you already have a request with this host for those dates";
		return ERR_EXISTS;
	}
	st = DB_STMT(db, "SELECT count(*) FROM host_requests WHERE guest_id = ?1 AND "
	    "state IN " OPEN_STATES, guest_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = db_step_int(db, st, &n, NULL, __func__)) != 0)
		return rc;
	if (n >= HOST_OPEN_MAX) {
		*why = "you have " STR(HOST_OPEN_MAX) " open requests; withdraw one first";
		return ERR_INVALID;
	}
	return 0;
}

/* The host's side of a new request: the stay rules against the profile
 * and the nights already booked. Inside the insert's transaction. */
static int
host_takes(struct db *db, const struct host_request *r, const char **why)
{
	struct host_profile h;
	int booked = 0, rc;

	if ((rc = db_host_load(db, r->host_id, &h)) != 0)
		return rc;
	if ((rc = db_host_booked(db, r->host_id, r->arrive, r->depart, 0, &booked)) != 0)
		return rc;
	if ((rc = host_check_stay(&h, host_today(db_now()), r->arrive, r->depart, r->travellers,
	    booked, true, HOST_SIDE_GUEST, why)) != 0)
		return rc;
	if (r->partner && !h.partner_ok) {
		*why = "this host cannot take a partner";
		return ERR_INVALID;
	}
	if (r->pet_allergy && h.pets[0] != '\0') {
		*why = "this host has pets";
		return ERR_INVALID;
	}
	return 0;
}

/* Checks and inserts the request inside the caller's transaction; *newid
 * is its id. */
static int
create_in_tx(struct db *db, int64_t actor_id, const struct host_request *r, int64_t *newid,
    const char **why)
{
	char who[MEMBER_NAME_SZ];
	sqlite3_stmt *st;
	int rc;

	if ((rc = may_ask(db, actor_id, r->host_id, why)) != 0 ||
	    (rc = host_takes(db, r, why)) != 0 ||
	    (rc = open_requests_ok(db, actor_id, r, why)) != 0)
		return rc;
	if ((rc = db_probation_check(db, actor_id, PROBATION_REQUESTS)) != 0) {
		if (rc == ERR_TOO_FAST)
			*why = db_probation_why(db, actor_id, PROBATION_REQUESTS);
		return rc;
	}
	st = DB_STMT(db, "INSERT INTO host_requests (host_id, guest_id, arrive_day, depart_day, "
	    "flexible, travellers, partner, pet_allergy, accessibility, purpose, programs, "
	    "message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    r->host_id, actor_id, r->arrive, r->depart, r->flexible, r->travellers,
	    r->partner, r->pet_allergy);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 9, r->accessibility);
	db_bind_text(st, 10, host_purpose_name(r->purpose));
	db_bind_text(st, 11, r->programs);
	db_bind_text(st, 12, r->message);
	sqlite3_bind_int64(st, 13, db_now());
	sqlite3_bind_int64(st, 14, db_now());
	if ((rc = db_step_done(db, st, __func__)) != 0)
		return rc;
	*newid = sqlite3_last_insert_rowid(db_sqlite(db));
	if ((rc = member_name(db, actor_id, who, sizeof who)) != 0)
		return rc;
	return notify(db, r->host_id, who, "asks to stay with you", r, *newid, MAIL_HOST_REQUEST);
}

int
db_host_request_create(struct db *db, int64_t actor_id, const struct host_request *r,
    int64_t *id, const char **why)
{
	int64_t newid = 0;
	int rc;

	if (actor_id <= 0 || r->host_id == actor_id)
		return ERR_DENIED;
	if ((rc = host_check_request(r, why)) != 0)
		return rc;
	if ((rc = begin_change(db, actor_id)) != 0)
		return rc;
	if ((rc = db_host_end(db, create_in_tx(db, actor_id, r, &newid, why))) != 0)
		return rc;
	if (id != NULL)
		*id = newid;
	return 0;
}

/* ERR_DENIED with its sentence when a block stands between the two sides
 * of req, whoever made it: nothing that reaches the other side (a yes, a
 * counter-proposal, an answer to one) goes across a block. */
static int
block_stands(struct db *db, const struct host_request *req, const char **why)
{
	bool blocked = false;
	int r;

	if ((r = db_block_between(db, req->host_id, req->guest_id, &blocked)) != 0)
		return r;
	if (blocked) {
		*why = "a block stands between you and this member";
		return ERR_DENIED;
	}
	return 0;
}

/* After a change r the actor made: they have dealt with the request, so
 * their own notices about it are seen, in the same transaction. */
static int
dealt(struct db *db, int64_t actor_id, int64_t id, int r)
{
	return r != 0 ? r : db_notice_seen_about(db, actor_id, NOTICE_ON_HOST_REQUEST, id);
}

static const char *
move_news(enum host_state to)
{
	switch (to) {
	case HS_TENTATIVE: return "says maybe to your request";
	case HS_ACCEPTED: return "accepted your request";
	case HS_DECLINED: return "declined your request";
	case HS_CONFIRMED: return "confirmed the stay";
	case HS_CANCELLED: return "cancelled the stay";
	case HS_NOSHOW: return "reported a no-show";
	default: return "changed the request";
	}
}

/* The host's profile and the travellers already booked on the nights
 * [arrive, depart), req itself left out. */
static int
room_for(struct db *db, const struct host_request *req, int64_t arrive, int64_t depart,
    int *booked, struct host_profile *h)
{
	int r;

	if ((r = db_host_load(db, req->host_id, h)) != 0)
		return r;
	return db_host_booked(db, req->host_id, arrive, depart, req->id, booked);
}

static int
move_in_tx(struct db *db, int64_t actor_id, int64_t id, enum host_state to,
    const char *note, const char **why)
{
	struct host_request req;
	struct host_profile h;
	enum host_side side;
	sqlite3_stmt *st;
	int r, booked = 0;

	if ((r = load_party(db, actor_id, id, &req, &side)) != 0)
		return r;
	/* The data layer reports a move the state does not allow as
	 * ERR_INVALID, as it does for mentorships (db-host.h). */
	r = host_may_move(req.state, to, side, host_today(db_now()), req.arrive, req.depart, why);
	if (r != 0)
		return r == ERR_STATE ? ERR_INVALID : r;
	if ((*why = text_check_line(note, HOST_NOTE_MAX)) != NULL)
		return ERR_INVALID;
	if (host_move_needs_note(to) && note[0] == '\0') {
		*why = "please give a reason";
		return ERR_INVALID;
	}
	if (host_move_blocked(to) && (r = block_stands(db, &req, why)) != 0)
		return r;
	if (to == HS_ACCEPTED) {
		if (req.prop_by != 0) {
			*why = "answer the counter-proposal first";
			return ERR_INVALID;
		}
		if ((r = room_for(db, &req, req.arrive, req.depart, &booked, &h)) != 0)
			return r;
		if (booked + req.travellers > h.capacity) {
			*why = "you are already full on some of those nights";
			return ERR_INVALID;
		}
	}
	st = db_stmt(db, "UPDATE host_requests SET state = ?1, note = ?2, note_by = ?3, "
	    "prop_by = CASE WHEN ?5 THEN prop_by ELSE 0 END, "
	    "prop_note = CASE WHEN ?5 THEN prop_note ELSE '' END, updated_at = ?4 "
	    "WHERE id = ?6 AND state = ?7 AND prop_by = ?8");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, host_state_name(to));
	db_bind_text(st, 2, note);
	sqlite3_bind_int64(st, 3, actor_id);
	sqlite3_bind_int64(st, 4, db_now());
	sqlite3_bind_int(st, 5, to == HS_TENTATIVE);
	sqlite3_bind_int64(st, 6, id);
	db_bind_text(st, 7, host_state_name(req.state));
	sqlite3_bind_int64(st, 8, req.prop_by);
	if ((r = guarded_step(db, st, why, __func__)) != 0)
		return r;
	return notify(db, side == HOST_SIDE_HOST ? req.guest_id : req.host_id,
	    side == HOST_SIDE_HOST ? req.host_name : req.guest_name, move_news(to), &req, id,
	    move_mail(to));
}

int
db_host_request_move(struct db *db, int64_t actor_id, int64_t id, enum host_state to,
    const char *note, const char **why)
{
	int r;

	if (note == NULL)
		note = "";
	if ((r = begin_change(db, actor_id)) != 0)
		return r;
	return db_host_end(db, dealt(db, actor_id, id, move_in_tx(db, actor_id, id, to, note, why)));
}

static int
propose_in_tx(struct db *db, int64_t actor_id, int64_t id, int64_t arrive, int64_t depart,
    int travellers, const char *note, const char **why)
{
	struct host_request req;
	struct host_profile h;
	enum host_side side;
	sqlite3_stmt *st;
	int r, booked = 0;

	if ((r = load_party(db, actor_id, id, &req, &side)) != 0 ||
	    (r = block_stands(db, &req, why)) != 0)
		return r;
	if (host_may_propose(req.state, host_today(db_now()), req.arrive, why) != 0)
		return ERR_INVALID;	/* the state's refusal too, as for moves */
	if (req.prop_by != 0 && req.prop_by != actor_id) {
		*why = "answer the other side's proposal first";
		return ERR_INVALID;
	}
	/* The partner counts among the travellers, in capacity too. */
	if (host_check_party(travellers, req.partner, why) != 0 ||
	    host_check_proposal_note(note, why) != 0)
		return ERR_INVALID;
	if ((r = room_for(db, &req, arrive, depart, &booked, &h)) != 0)
		return r;
	if (host_check_stay(&h, host_today(db_now()), arrive, depart, travellers, booked,
	    side == HOST_SIDE_GUEST, side, why) != 0)
		return ERR_INVALID;
	st = DB_STMT(db, "UPDATE host_requests SET prop_by = ?1, prop_arrive = ?2, "
	    "prop_depart = ?3, prop_travellers = ?4, prop_note = ?9, updated_at = ?5 "
	    "WHERE id = ?6 AND prop_by = ?7 AND state = ?8",
	    actor_id, arrive, depart, travellers, db_now(), id, req.prop_by);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 8, host_state_name(req.state));
	db_bind_text(st, 9, note);
	if ((r = guarded_step(db, st, why, __func__)) != 0)
		return r;
	req.arrive = arrive;
	req.depart = depart;
	return notify(db, side == HOST_SIDE_HOST ? req.guest_id : req.host_id,
	    side == HOST_SIDE_HOST ? req.host_name : req.guest_name, "proposes other dates", &req,
	    id, MAIL_HOST_COUNTER);
}

int
db_host_request_propose(struct db *db, int64_t actor_id, int64_t id, int64_t arrive,
    int64_t depart, int travellers, const char *note, const char **why)
{
	int r;

	if (note == NULL)
		note = "";
	if ((r = begin_change(db, actor_id)) != 0)
		return r;
	return db_host_end(db, dealt(db, actor_id, id, propose_in_tx(db, actor_id, id, arrive, depart,
	    travellers, note, why)));
}

static int
answer_in_tx(struct db *db, int64_t actor_id, int64_t id, bool agree, const char **why)
{
	struct host_request req;
	struct host_profile h;
	enum host_side side;
	enum host_state to;
	sqlite3_stmt *st;
	int r, booked = 0;

	if ((r = load_party(db, actor_id, id, &req, &side)) != 0 ||
	    (r = block_stands(db, &req, why)) != 0)
		return r;
	if (req.prop_by == 0) {
		*why = "there is no counter-proposal to answer";
		return ERR_INVALID;
	}
	if (req.prop_by == actor_id) {
		*why = "the other side answers your proposal";
		return ERR_DENIED;
	}
	if (host_may_propose(req.state, host_today(db_now()), req.arrive, why) != 0)
		return ERR_INVALID;	/* the state's refusal too, as for moves */
	if (agree) {
		if ((r = room_for(db, &req, req.prop_arrive, req.prop_depart, &booked, &h)) != 0)
			return r;
		if (host_check_stay(&h, host_today(db_now()), req.prop_arrive, req.prop_depart,
		    req.prop_travellers, booked, false, side, why) != 0)
			return ERR_INVALID;
	}
	/* The host's proposal is an offer: the guest's yes accepts it. */
	to = host_after_answer(req.state, agree, req.prop_by == req.host_id);
	/* Guarded by the proposal that was checked (a yes is to those dates)
	 * and by the state it was read in. A yes makes the proposal's note
	 * the request's note; a no drops it with the proposal. */
	st = DB_STMT(db, "UPDATE host_requests SET "
	    "arrive_day = CASE WHEN ?1 THEN prop_arrive ELSE arrive_day END, "
	    "depart_day = CASE WHEN ?1 THEN prop_depart ELSE depart_day END, "
	    "travellers = CASE WHEN ?1 THEN prop_travellers ELSE travellers END, "
	    "note = CASE WHEN ?1 AND prop_note <> '' THEN prop_note ELSE note END, "
	    "note_by = CASE WHEN ?1 AND prop_note <> '' THEN prop_by ELSE note_by END, "
	    "state = ?9, prop_by = 0, prop_note = '', updated_at = ?2 WHERE id = ?3 AND "
	    "prop_by = ?4 AND prop_arrive = ?5 AND prop_depart = ?6 AND prop_travellers = ?7 "
	    "AND state = ?8",
	    agree, db_now(), id, req.prop_by, req.prop_arrive, req.prop_depart,
	    req.prop_travellers);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 8, host_state_name(req.state));
	db_bind_text(st, 9, host_state_name(to));
	if ((r = guarded_step(db, st, why, __func__)) != 0)
		return r;
	/* Either answer is about the proposal: the notice names its dates
	 * (which the request now has, when agreed). */
	req.arrive = req.prop_arrive;
	req.depart = req.prop_depart;
	return notify(db, req.prop_by, side == HOST_SIDE_HOST ? req.host_name : req.guest_name,
	    !agree ? "turned down your proposal" : to != req.state ?
	    "agreed to your proposal: the stay is accepted" : "agreed to your proposal", &req, id,
	    agree && to != req.state ? MAIL_HOST_STAY : MAIL_CODE);
}

int
db_host_request_answer(struct db *db, int64_t actor_id, int64_t id, bool agree,
    const char **why)
{
	int r;

	if ((r = begin_change(db, actor_id)) != 0)
		return r;
	return db_host_end(db, dealt(db, actor_id, id, answer_in_tx(db, actor_id, id, agree, why)));
}

static void
request_elem(sqlite3_stmt *st, void *elem)
{
	request_row(st, elem);
}

int
db_host_request_list(struct db *db, int64_t actor_id, enum host_list which, size_t max,
    struct host_request **out, size_t *n)
{
	sqlite3_stmt *st = NULL;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0)
		return r;
	switch (which) {
	case HL_UPCOMING:
		st = db_stmt(db, "SELECT " REQ_COLS "WHERE (r.host_id = ?1 OR r.guest_id = ?1) "
		    "AND r.state IN ('accepted', 'confirmed') ORDER BY r.arrive_day LIMIT ?2");
		break;
	case HL_IN:
		st = db_stmt(db, "SELECT " REQ_COLS "WHERE r.host_id = ?1 "
		    "AND r.state IN ('requested', 'tentative') ORDER BY r.arrive_day LIMIT ?2");
		break;
	case HL_OUT:
		st = db_stmt(db, "SELECT " REQ_COLS "WHERE r.guest_id = ?1 "
		    "AND r.state IN ('requested', 'tentative') ORDER BY r.arrive_day LIMIT ?2");
		break;
	case HL_PAST:
		st = db_stmt(db, "SELECT " REQ_COLS "WHERE (r.host_id = ?1 OR r.guest_id = ?1) "
		    "AND r.state NOT IN ('requested', 'tentative', 'accepted', 'confirmed') "
		    "ORDER BY r.depart_day DESC, r.id DESC LIMIT ?2");
		break;
	}
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_collect(db, st, sizeof(struct host_request), request_elem, (void **)out, n,
	    __func__);
}
