/* Mentorships in the data layer (db-mentor.c, db-mentor-list.c): the flow
 * from request to close, refusals for the wrong actor, capacity, limits,
 * blocks, the sweep and the 90-day question. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-mentor.h"
#include "db/db-mentor-search.h"
#include "db/db-notice.h"
#include "db/db-user.h"

#define GOALS "I want to apply to cardiology fellowships; please review my plan."

/* Makes login an open mentor with room for max mentees. */
static int64_t
mentor(struct db *db, const char *login, enum role role, int max)
{
	int64_t id = fx_member(db, login, role);
	struct member m;

	if (id == 0 || db_user_get(db, id, &m) != 0)
		return 0;
	m.open_to_mentoring = true;
	m.max_mentees = max;
	strcpy(m.specialty, "Cardiology");
	strcpy(m.city, "Boston");
	return db_user_update_profile(db, id, &m) == 0 ? id : 0;
}

static int64_t
unseen(struct db *db, int64_t who)
{
	struct notice n;
	int64_t c = -1;

	db_notice_unseen(db, who, &c, &n);
	return c;
}

TEST(mentor_db_request_accept_end_flow)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t other = fx_member(db, "olga", ROLE_TRAINEE), id = 0;
	struct mentorship s, *list = NULL;
	size_t n = 0;

	CHECK(db && mo && st && other);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK(id > 0);
	CHECK_INT(unseen(db, mo), 1);
	/* Only the receiver answers; the sender cannot accept their own. */
	CHECK_INT(db_mentor_accept(db, st, id, ""), ERR_DENIED);
	CHECK_INT(db_mentor_accept(db, other, id, ""), ERR_DENIED);
	CHECK_INT(db_mentor_withdraw(db, mo, id), ERR_DENIED);
	CHECK_INT(db_mentor_get(db, other, id, &s), ERR_DENIED);
	CHECK_INT(db_mentor_accept(db, mo, id, "Happy to help"), ERR_OK);
	CHECK_INT(unseen(db, st), 1);
	/* Illegal now: accept twice, withdraw an active one. */
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_INVALID);
	CHECK_INT(db_mentor_withdraw(db, st, id), ERR_INVALID);
	CHECK_INT(db_mentor_get(db, st, id, &s), ERR_OK);
	CHECK_INT(s.state, MS_ACTIVE);
	CHECK_STR(s.answer_note, "Happy to help");
	CHECK_STR(s.other_name, "Mona");
	CHECK(!s.i_am_mentor);
	/* Pause and resume by either side; a stranger cannot. */
	CHECK_INT(db_mentor_pause(db, other, id, true), ERR_DENIED);
	CHECK_INT(db_mentor_pause(db, st, id, true), ERR_OK);
	CHECK_INT(db_mentor_pause(db, st, id, true), ERR_INVALID);
	CHECK_INT(db_mentor_checkin_add(db, st, id, true, "", "paused"), ERR_INVALID);
	CHECK_INT(db_mentor_pause(db, mo, id, false), ERR_OK);
	CHECK_INT(db_mentor_checkin_add(db, st, id, true, "2099-12-03", "first call"), ERR_OK);
	/* A next date before today is refused by the data layer too. */
	CHECK_INT(db_mentor_checkin_add(db, st, id, true, "2001-01-01", "past"), ERR_INVALID);
	CHECK_INT(db_mentor_checkin_add(db, other, id, true, "", "not mine"), ERR_DENIED);
	CHECK_INT(db_mentor_checkin_add(db, mo, id, true, "2026-13-03", ""), ERR_INVALID);
	/* Ending needs a listed reason and a 1..5 rating. */
	CHECK_INT(db_mentor_end(db, mo, id, "because", 4), ERR_INVALID);
	CHECK_INT(db_mentor_end(db, mo, id, "goals", 9), ERR_INVALID);
	CHECK_INT(db_mentor_end(db, other, id, "goals", 4), ERR_DENIED);
	CHECK_INT(db_mentor_end(db, mo, id, "goals", 4), ERR_OK);
	CHECK_INT(db_mentor_end(db, st, id, "goals", 4), ERR_INVALID);
	CHECK_INT(db_mentor_list(db, st, 10, &list, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list[0].state, MS_ENDED);
	CHECK_INT(list[0].meetings, 1);
	/* The fit rating and reason are for admins only. */
	CHECK_INT(list[0].fit_rating, 0);
	CHECK_STR(list[0].end_reason, "");
	free(list);
	CHECK_INT(db_user_set_admin(db, 0, other, true), ERR_OK);
	CHECK_INT(db_mentor_get(db, other, id, &s), ERR_OK);
	CHECK_INT(s.fit_rating, 4);
	CHECK_STR(s.end_reason, "goals");
}

TEST(mentor_db_decline_reason_hidden_from_mentee)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t id = 0;
	struct mentorship s;

	CHECK(db && mo && st);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_decline(db, mo, id, "rude", ""), ERR_INVALID);
	CHECK_INT(db_mentor_decline(db, st, id, "busy", ""), ERR_DENIED);
	CHECK_INT(db_mentor_decline(db, mo, id, "busy", "too much on"), ERR_OK);
	CHECK_INT(db_mentor_get(db, st, id, &s), ERR_OK);
	CHECK_INT(s.state, MS_DECLINED);
	CHECK_STR(s.decline_reason, "");
	CHECK_STR(s.answer_note, "");
	CHECK_INT(db_mentor_get(db, mo, id, &s), ERR_OK);
	CHECK_STR(s.decline_reason, "busy");
	/* After a decline the pair may try again. */
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_withdraw(db, st, id), ERR_OK);
	CHECK_INT(db_mentor_get(db, st, id, &s), ERR_OK);
	CHECK_INT(s.state, MS_WITHDRAWN);
}

TEST(mentor_db_request_refusals)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 1), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t st2 = fx_member(db, "sue", ROLE_STUDENT), st3 = fx_member(db, "sid", ROLE_STUDENT);
	int64_t plain = fx_member(db, "pat", ROLE_ALUMNI), m2 = mentor(db, "max", ROLE_TRAINEE, 3);
	int64_t m3 = mentor(db, "meg", ROLE_ALUMNI, 3), id = 0, id2 = 0;

	CHECK(db && mo && st && st2 && st3 && plain && m2 && m3);
	CHECK_INT(db_mentor_request(db, st, st, GOALS, 2, NULL), ERR_INVALID);
	CHECK_INT(db_mentor_request(db, mo, mo, GOALS, 2, NULL), ERR_INVALID);
	CHECK_INT(db_mentor_request(db, st, mo, "hi", 2, NULL), ERR_INVALID);
	CHECK_INT(db_mentor_request(db, st, plain, GOALS, 2, NULL), ERR_NOT_OFFERED);
	CHECK_INT(db_mentor_request(db, st, st2, GOALS, 2, NULL), ERR_NOT_OFFERED);
	CHECK_INT(db_mentor_request(db, st, 9999, GOALS, 2, NULL), ERR_NOTFOUND);
	CHECK_INT(db_mentor_request(db, 0, mo, GOALS, 2, NULL), ERR_DENIED);
	/* Duplicate pending pair. */
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, NULL), ERR_EXISTS);
	/* Pending limit: two at once by default. */
	CHECK_INT(db_mentor_request(db, st, m2, GOALS, 2, NULL), ERR_OK);
	CHECK_INT(db_mentor_request(db, st, m3, GOALS, 2, NULL), ERR_LIMIT);
	CHECK_INT(db_mentor_request(db, st, m3, GOALS, 3, NULL), ERR_OK);
	/* Capacity: mona takes one; the next request finds her full, and an
	 * accept beyond capacity is refused too. */
	CHECK_INT(db_mentor_request(db, st2, mo, GOALS, 2, &id2), ERR_OK);
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_OK);
	CHECK_INT(db_mentor_request(db, st3, mo, GOALS, 2, NULL), ERR_FULL);
	CHECK_INT(db_mentor_accept(db, mo, id2, ""), ERR_FULL);
	CHECK(strstr(db_mentor_refusal(ERR_FULL), "filled") != NULL);
	/* Paused availability. */
	CHECK_INT(db_mentor_set_paused(db, m2, true), ERR_OK);
	CHECK_INT(db_mentor_request(db, st3, m2, GOALS, 2, NULL), ERR_PAUSED);
	CHECK_INT(db_mentor_set_paused(db, m2, false), ERR_OK);
	/* Students cannot mentor: no availability to pause or resume. */
	CHECK_INT(db_mentor_set_paused(db, st3, true), ERR_DENIED);
	CHECK_INT(db_mentor_set_paused(db, st3, false), ERR_DENIED);
	/* Blocks either way refuse the request. */
	CHECK_INT(db_block_add(db, m2, st3), ERR_OK);
	CHECK_INT(db_mentor_request(db, st3, m2, GOALS, 2, NULL), ERR_DENIED);
	CHECK_INT(db_block_remove(db, m2, st3), ERR_OK);
	CHECK_INT(db_block_add(db, st3, m2), ERR_OK);
	CHECK_INT(db_mentor_request(db, st3, m2, GOALS, 2, NULL), ERR_DENIED);
}

TEST(mentor_db_sweep_reminds_then_expires_once)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t t0 = 1800000000, id = 0;
	int rem = -1, exp = -1;
	struct mentorship s;

	CHECK(db && mo && st);
	db_set_now_for_tests(t0);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_sweep(db, t0 + 6 * 86400, 7, 14, &rem, &exp), ERR_OK);
	CHECK_INT(rem, 0);
	CHECK_INT(exp, 0);
	CHECK_INT(db_mentor_sweep(db, t0 + 8 * 86400, 7, 14, &rem, &exp), ERR_OK);
	CHECK_INT(rem, 1);
	CHECK_INT(unseen(db, mo), 2);
	CHECK_INT(db_mentor_sweep(db, t0 + 9 * 86400, 7, 14, &rem, &exp), ERR_OK);
	CHECK_INT(rem, 0);	/* idempotent */
	CHECK_INT(db_mentor_sweep(db, t0 + 15 * 86400, 7, 14, &rem, &exp), ERR_OK);
	CHECK_INT(exp, 1);
	CHECK_INT(db_mentor_sweep(db, t0 + 16 * 86400, 7, 14, &rem, &exp), ERR_OK);
	CHECK_INT(exp, 0);
	CHECK_INT(db_mentor_get(db, st, id, &s), ERR_OK);
	CHECK_INT(s.state, MS_EXPIRED);
	CHECK_INT(unseen(db, st), 1);
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_INVALID);
}

TEST(mentor_db_reply_time_and_availability_question)
{
	struct db *db = fx_db();
	int64_t t0, mo, st, id = 0;
	struct mentor_avail a;
	bool ask = true;

	CHECK(db != NULL);
	t0 = db_now();
	mo = mentor(db, "mona", ROLE_ALUMNI, 2);
	st = fx_member(db, "sam", ROLE_STUDENT);
	CHECK(mo && st);
	CHECK_INT(db_mentor_needs_confirm(db, mo, t0 + 10 * 86400, &ask), ERR_OK);
	CHECK(!ask);
	CHECK_INT(db_mentor_needs_confirm(db, mo, t0 + 91 * 86400, &ask), ERR_OK);
	CHECK(ask);
	CHECK_INT(db_mentor_needs_confirm(db, st, t0 + 91 * 86400, &ask), ERR_OK);
	CHECK(!ask);	/* students are never asked */
	CHECK_INT(db_mentor_avail(db, mo, &a), ERR_OK);
	CHECK_INT(a.reply_secs, -1);
	CHECK(a.has_room);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	db_set_now_for_tests(t0 + 2 * 3600);
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_OK);
	CHECK_INT(db_mentor_avail(db, mo, &a), ERR_OK);
	CHECK_INT(a.reply_secs, 2 * 3600);
	CHECK_INT(a.active, 1);
	CHECK_INT(db_mentor_needs_confirm(db, mo, t0 + 80 * 86400, &ask), ERR_OK);
	CHECK(!ask);
	db_set_now_for_tests(t0 + 100 * 86400);
	CHECK_INT(db_mentor_needs_confirm(db, mo, t0 + 100 * 86400, &ask), ERR_OK);
	CHECK(ask);
	CHECK_INT(db_mentor_confirm(db, mo), ERR_OK);
	CHECK_INT(db_mentor_needs_confirm(db, mo, t0 + 100 * 86400, &ask), ERR_OK);
	CHECK(!ask);
}

TEST(mentor_db_admin_reads_but_does_not_act)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t adm = fx_member(db, "ada", ROLE_ALUMNI), other = fx_member(db, "oz", ROLE_ALUMNI);
	int64_t id = 0;
	struct mentorship s, *list = NULL;
	struct mentor_checkin *ck = NULL;
	size_t n = 0;

	CHECK(db && mo && st && adm && other);
	CHECK_INT(db_user_set_admin(db, 0, adm, true), ERR_OK);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_get(db, adm, id, &s), ERR_OK);
	CHECK_INT(db_mentor_accept(db, adm, id, ""), ERR_DENIED);
	CHECK_INT(db_mentor_withdraw(db, adm, id), ERR_DENIED);
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_OK);
	CHECK_INT(db_mentor_checkin_add(db, adm, id, true, "", ""), ERR_DENIED);
	CHECK_INT(db_mentor_checkin_add(db, st, id, false, "", "next week"), ERR_OK);
	CHECK_INT(db_mentor_checkins(db, other, id, &ck, &n), ERR_DENIED);
	CHECK_INT(db_mentor_checkins(db, mo, id, &ck, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(!ck[0].met);
	CHECK_STR(ck[0].note, "next week");
	free(ck);
	/* Nobody else's list shows it. */
	CHECK_INT(db_mentor_list(db, other, 10, &list, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(list);
	CHECK_INT(db_mentor_list(db, 0, 10, &list, &n), ERR_DENIED);
	CHECK_INT(db_mentor_get(db, st, 9999, &s), ERR_NOTFOUND);
}

/* A member the sysop made has not accepted the rules, and a pending member
 * awaits approval: neither may ask for mentorship, whatever a screen shows. */
TEST(mentor_db_request_needs_a_member_who_may_post)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), pend;
	int64_t fresh = fx_member_with(db, "fresh", ROLE_STUDENT,
	    &(struct fx_who){ .rules_pending = true });

	CHECK(fresh > 0);
	CHECK_INT(db_user_may_post(db, fresh), ERR_DENIED);
	CHECK_INT(db_mentor_request(db, fresh, mo, GOALS, 2, NULL), ERR_DENIED);
	CHECK_INT(db_user_set_rules_accepted(db, fresh), ERR_OK);
	CHECK_INT(db_user_may_post(db, fresh), ERR_OK);
	CHECK_INT(db_mentor_request(db, fresh, mo, GOALS, 2, NULL), ERR_OK);

	pend = fx_member(db, "pat", ROLE_STUDENT);
	CHECK_INT(db_user_set_status(db, 0, pend, STATUS_PENDING), ERR_OK);
	CHECK_INT(db_user_may_post(db, pend), ERR_DENIED);
	CHECK_INT(db_mentor_request(db, pend, mo, GOALS, 2, NULL), ERR_DENIED);
	CHECK_INT(db_user_may_post(db, 0), ERR_DENIED);
	CHECK_INT(db_user_may_post(db, 9999), ERR_DENIED);
}

/* A block stops a mentorship from going forward, whoever made it: no
 * accept, resume, pause or check-in across it. Either member can still
 * leave cleanly (withdraw, decline, end), and the mentor no longer sees a
 * blocked requester's request as one to answer. */
TEST(mentor_db_block_stops_the_mentorship_both_ways)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 5), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t st2 = fx_member(db, "sue", ROLE_STUDENT), st3 = fx_member(db, "tim", ROLE_TRAINEE);
	int64_t id = 0, id2 = 0, id3 = 0;
	struct mentorship *list = NULL;
	struct mentor_avail av;
	size_t n = 0;

	CHECK(db && mo && st && st2 && st3);
	/* The mentor blocks a requester: no accept; the request leaves her
	 * list and her count of waiting requests; the requester withdraws. */
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_block_add(db, mo, st), ERR_OK);
	CHECK_INT(db_mentor_accept(db, mo, id, ""), ERR_DENIED);
	CHECK(strstr(db_mentor_refusal_in(db, mo, id, ERR_DENIED), "block") != NULL);
	CHECK(strstr(db_mentor_refusal_in(db, st2, id, ERR_DENIED), "block") == NULL);
	CHECK_INT(db_mentor_list(db, mo, 10, &list, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(list);
	CHECK_INT(db_mentor_avail(db, mo, &av), ERR_OK);
	CHECK_INT(av.pending, 0);
	CHECK_INT(db_mentor_list(db, st, 10, &list, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(list);
	CHECK_INT(db_mentor_withdraw(db, st, id), ERR_OK);
	/* The requester blocks the mentor: still no accept; decline works. */
	CHECK_INT(db_mentor_request(db, st2, mo, GOALS, 2, &id2), ERR_OK);
	CHECK_INT(db_block_add(db, st2, mo), ERR_OK);
	CHECK_INT(db_mentor_accept(db, mo, id2, ""), ERR_DENIED);
	CHECK_INT(db_mentor_decline(db, mo, id2, "busy", ""), ERR_OK);
	/* An active mentorship, then a block by the mentee: no check-in from
	 * either side, no pause; ending is still allowed. */
	CHECK_INT(db_mentor_request(db, st3, mo, GOALS, 2, &id3), ERR_OK);
	CHECK_INT(db_mentor_accept(db, mo, id3, ""), ERR_OK);
	CHECK_INT(db_mentor_checkin_add(db, st3, id3, true, "", "before"), ERR_OK);
	CHECK_INT(db_mentor_pause(db, st3, id3, true), ERR_OK);
	CHECK_INT(db_block_add(db, st3, mo), ERR_OK);
	CHECK_INT(db_mentor_pause(db, mo, id3, false), ERR_DENIED);
	CHECK_INT(db_mentor_pause(db, st3, id3, false), ERR_DENIED);
	CHECK_INT(db_block_remove(db, st3, mo), ERR_OK);
	CHECK_INT(db_mentor_pause(db, mo, id3, false), ERR_OK);
	CHECK_INT(db_block_add(db, mo, st3), ERR_OK);
	CHECK_INT(db_mentor_checkin_add(db, st3, id3, true, "", "after"), ERR_DENIED);
	CHECK_INT(db_mentor_checkin_add(db, mo, id3, true, "", "after"), ERR_DENIED);
	CHECK_INT(db_mentor_pause(db, mo, id3, true), ERR_DENIED);
	CHECK_INT(db_mentor_end(db, st3, id3, "goals", 3), ERR_OK);
}

/* A request whose notice cannot be written is not made, and *id stays as
 * the caller left it. */
TEST(mentor_db_request_failing_late_leaves_id_alone)
{
	struct db *db = fx_db();
	int64_t mo = mentor(db, "mona", ROLE_ALUMNI, 2), st = fx_member(db, "sam", ROLE_STUDENT);
	int64_t id = 4242;
	struct mentorship *list = NULL;
	size_t n = 9;

	CHECK(db && mo && st);
	CHECK(sqlite3_exec(db_sqlite(db), "CREATE TEMP TRIGGER no_notice BEFORE INSERT ON "
	    "notices BEGIN SELECT RAISE(ABORT, 'injected'); END", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(db_mentor_request(db, st, mo, GOALS, 2, &id) != 0);
	CHECK_INT(id, 4242);
	CHECK_INT(db_mentor_list(db, st, 10, &list, &n), ERR_OK);
	free(list);
	CHECK_INT(n, 0);
	CHECK(sqlite3_exec(db_sqlite(db), "DROP TRIGGER no_notice", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(db_mentor_request(db, st, mo, GOALS, 2, &id), ERR_OK);
	CHECK(id != 4242);
}

/* A busy database is told as such, so the member knows to try again. */
TEST(mentor_db_refusal_says_busy)
{
	CHECK(strstr(db_mentor_refusal(ERR_BUSY), "busy") != NULL);
	CHECK(strstr(db_mentor_refusal(ERR_INTERNAL), "went wrong") != NULL);
}
