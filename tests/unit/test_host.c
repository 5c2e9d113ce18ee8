/* HOST program: rules (host.c) and data layer (db-host*.c), with a pinned
 * clock so dates, expiry, completion and reference windows are exact. */
#include <stdlib.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-flag.h"
#include "db/db-user.h"
#include "rules/host.h"
#include "ui/screen.h"
#include "screens/screen-host-form.h"
#include "ui/screenfile.h"

#define D0	20598		/* 2026-05-25: "today" in these tests */
#define NOW(d)	((int64_t)(d) * HOST_DAY_SECS + 3600)

static int64_t
day(const char *s)
{
	const char *why = NULL;
	int64_t d = -1;

	(void)host_parse_day(s, &d, &why);
	return d;
}

/* An alumni host in Boston near MGH, hosting two guests, 5 nights, 14 days' notice. */
static int
make_host(struct db *db, int64_t id, const char *city, const char *hospitals)
{
	struct host_profile p;
	const char *why = NULL;

	host_profile_init(&p, id);
	p.status = HOST_HOSTING;
	p.offers = HOST_OFFER_HOUSING | HOST_OFFER_MEALS;
	snprintf(p.city, sizeof p.city, "%s", city);
	snprintf(p.hospitals, sizeof p.hospitals, "%s", hospitals);
	snprintf(p.address, sizeof p.address, "12 Beacon St");
	snprintf(p.phone, sizeof p.phone, "+1 617 555 0100");
	p.capacity = 2;
	p.max_nights = 5;
	p.blackouts[0].first = D0 + 40;
	p.blackouts[0].last = D0 + 45;
	p.nblackouts = 1;
	return db_host_save(db, id, &p, &why);
}

static struct host_request
stay(int64_t host, int64_t a, int64_t d, int travellers)
{
	struct host_request r;

	memset(&r, 0, sizeof r);
	r.host_id = host;
	r.arrive = a;
	r.depart = d;
	r.travellers = travellers;
	r.purpose = HP_RESIDENCY;
	snprintf(r.programs, sizeof r.programs, "MGH Internal Medicine");
	snprintf(r.message, sizeof r.message, "Hello!\nThank you.");
	return r;
}

TEST(host_dates_parse_strictly_and_round_trip)
{
	const char *why = NULL;
	int64_t d = 0;
	char buf[16];

	CHECK_INT(host_parse_day("1970-01-02", &d, &why), ERR_INVALID);	/* before 2000 */
	CHECK_INT(host_parse_day("2027-01-14", &d, &why), 0);
	host_format_day(buf, sizeof buf, d);
	CHECK_STR(buf, "2027-01-14");
	CHECK_INT(host_parse_day("2028-02-29", &d, &why), 0);
	CHECK_INT(host_parse_day("2027-02-29", &d, &why), ERR_INVALID);
	CHECK(why != NULL && strstr(why, "no such day") != NULL);
	CHECK_INT(host_parse_day("2027-13-01", &d, &why), ERR_INVALID);
	CHECK_INT(host_parse_day("2027-1-14", &d, &why), ERR_INVALID);
	CHECK_INT(host_parse_day("2027-01-14x", &d, &why), ERR_INVALID);
	CHECK_INT(host_parse_day("", &d, &why), ERR_INVALID);
	CHECK_INT(day("2026-05-25"), D0);
	CHECK_INT(host_today(NOW(D0)), D0);
}

TEST(host_blackouts_parse_and_format)
{
	struct host_blackout b[HOST_BLACKOUTS_MAX];
	const char *why = NULL;
	char buf[128];
	size_t n = 0;

	CHECK_INT(host_parse_blackouts("2026-12-20..2027-01-02, 2027-02-01", b, &n, &why), 0);
	CHECK_INT(n, 2);
	CHECK_INT(b[1].first, b[1].last);
	host_format_blackouts(buf, sizeof buf, b, n);
	CHECK_STR(buf, "2026-12-20..2027-01-02, 2027-02-01");
	CHECK_INT(host_parse_blackouts("2027-01-02..2026-12-20", b, &n, &why), ERR_INVALID);
	CHECK_INT(host_parse_blackouts("soon", b, &n, &why), ERR_INVALID);
	CHECK_INT(host_parse_blackouts("", b, &n, &why), 0);
	CHECK_INT(n, 0);
}

TEST(host_students_cannot_host_and_profiles_are_checked)
{
	struct db *db = fx_db();
	int64_t s = fx_member(db, "stu", ROLE_STUDENT), t = fx_member(db, "tra", ROLE_TRAINEE);
	struct host_profile p;
	const char *why = NULL;

	CHECK(db != NULL && s && t);
	db_set_now_for_tests(NOW(D0));	/* make_host's blackout is D0-based */
	CHECK_INT(make_host(db, s, "Boston", "MGH"), ERR_DENIED);
	CHECK_INT(db_host_get(db, t, s, &p), ERR_NOTFOUND);
	CHECK_INT(make_host(db, t, "Boston", "MGH"), ERR_OK);
	/* Someone else's profile cannot be saved. */
	CHECK_INT(db_host_get(db, t, t, &p), ERR_OK);
	CHECK_INT(db_host_save(db, s, &p, &why), ERR_DENIED);
	p.capacity = 11;
	CHECK_INT(db_host_save(db, t, &p, &why), ERR_INVALID);
	p.capacity = 2;
	p.city[0] = '\0';
	CHECK_INT(db_host_save(db, t, &p, &why), ERR_INVALID);
	CHECK(strstr(why, "city") != NULL);
	snprintf(p.city, sizeof p.city, "Bos\x1b[2Jton");
	CHECK_INT(db_host_save(db, t, &p, &why), ERR_INVALID);
	/* Opting out needs no city. */
	CHECK_INT(db_host_set_status(db, t, HOST_OFF, &why), ERR_OK);
	CHECK_INT(db_host_get(db, t, t, &p), ERR_OK);
	CHECK_INT(p.status, HOST_OFF);
	CHECK_STR(p.address, "12 Beacon St");
}

TEST(host_stay_rules_dates_notice_blackout_capacity)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g1 = fx_member(db, "g1", ROLE_STUDENT);
	int64_t g2 = fx_member(db, "g2", ROLE_TRAINEE), g3 = fx_member(db, "g3", ROLE_STUDENT);
	struct host_request r;
	const char *why = NULL;
	int64_t id1 = 0, id2 = 0, id3 = 0;

	CHECK(db != NULL && h && g1 && g2 && g3);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "Massachusetts General Hospital"), ERR_OK);
	r = stay(h, D0 - 1, D0 + 1, 1);
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "future") != NULL);
	r = stay(h, D0 + 30, D0 + 30, 1);
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "after the arrival") != NULL);
	r = stay(h, D0 + 30, D0 + 36, 1);
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "at most 5 nights") != NULL);
	r = stay(h, D0 + 13, D0 + 15, 1);
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "14 days' notice") != NULL);
	r = stay(h, D0 + 14, D0 + 15, 1);	/* exactly 14 days: fine */
	CHECK_INT(db_host_request_create(db, g1, &r, &id1, &why), ERR_OK);
	r = stay(h, D0 + 38, D0 + 41, 1);	/* last night D0+40 is blacked out */
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "blackout") != NULL);
	r = stay(h, D0 + 37, D0 + 40, 1);	/* leaves on the first blackout day */
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 3);
	CHECK_INT(db_host_request_create(db, g1, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "room for 2") != NULL);
	/* Capacity over overlapping accepted stays: 2 guests at once. */
	r = stay(h, D0 + 20, D0 + 23, 1);
	CHECK_INT(db_host_request_create(db, g1, &r, &id1, &why), ERR_OK);
	CHECK_INT(db_host_request_create(db, g2, &r, &id2, &why), ERR_OK);
	r = stay(h, D0 + 22, D0 + 24, 1);
	CHECK_INT(db_host_request_create(db, g3, &r, &id3, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id1, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id2, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id3, HS_ACCEPTED, "", &why), ERR_INVALID);
	CHECK(strstr(why, "full") != NULL);
	r = stay(h, D0 + 21, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g3, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "full") != NULL);
	/* g3 still has the refused request open for D0+23: one open request
	 * per host and night, so it goes first. */
	r = stay(h, D0 + 23, D0 + 25, 2);	/* both leave on D0+23: free again */
	CHECK_INT(db_host_request_create(db, g3, &r, NULL, &why), ERR_EXISTS);
	CHECK_INT(db_host_request_move(db, g3, id3, HS_CANCELLED, "full", &why), ERR_OK);
	CHECK_INT(db_host_request_create(db, g3, &r, NULL, &why), ERR_OK);
	/* Blocks refuse requests either way. */
	CHECK_INT(db_block_add(db, h, g3), ERR_OK);
	r = stay(h, D0 + 30, D0 + 31, 1);
	CHECK_INT(db_host_request_create(db, g3, &r, NULL, &why), ERR_DENIED);
	CHECK_INT(db_host_request_create(db, h, &r, NULL, &why), ERR_DENIED);	/* oneself */
	/* Stays are for students and trainees. */
	r.host_id = h;
	CHECK_INT(db_host_request_create(db, fx_member(db, "alf", ROLE_ALUMNI), &r, NULL, &why),
	    ERR_DENIED);
	CHECK_INT(db_host_request_create(db, g2, &r, NULL, &why), ERR_OK);
}

TEST(host_transitions_legal_and_illegal_by_role)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t x = fx_member(db, "xen", ROLE_STUDENT);
	struct host_request r, got;
	const char *why = NULL;
	int64_t id = 0, id2 = 0;

	CHECK(db != NULL && h && g && x);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	/* The guest cannot answer their own request; strangers see nothing. */
	CHECK_INT(db_host_request_move(db, g, id, HS_ACCEPTED, "", &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, g, id, HS_TENTATIVE, "", &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, g, id, HS_DECLINED, "", &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, x, id, HS_ACCEPTED, "", &why), ERR_NOTFOUND);
	CHECK_INT(db_host_request_get(db, x, id, &got), ERR_NOTFOUND);
	/* Host cannot confirm; confirm needs accepted. */
	CHECK_INT(db_host_request_move(db, h, id, HS_CONFIRMED, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, h, id, HS_TENTATIVE, "let me check", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_TENTATIVE, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_CONFIRMED, "", &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, h, id, HS_DECLINED, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, g, id, HS_NOSHOW, "x", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_get(db, g, id, &got), ERR_OK);
	CHECK_INT(got.state, HS_CONFIRMED);
	/* Cancel needs a reason; a no-show only from the arrival date. */
	CHECK_INT(db_host_request_move(db, h, id, HS_CANCELLED, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, h, id, HS_NOSHOW, "not there", &why), ERR_INVALID);
	db_set_now_for_tests(NOW(D0 + 20));
	CHECK_INT(db_host_request_move(db, h, id, HS_CANCELLED, "flood", &why), ERR_INVALID);
	CHECK(strstr(why, "before the arrival") != NULL);
	CHECK_INT(db_host_request_move(db, x, id, HS_NOSHOW, "?", &why), ERR_NOTFOUND);
	CHECK_INT(db_host_request_move(db, h, id, HS_NOSHOW, "never came", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id, HS_CANCELLED, "too late", &why), ERR_INVALID);
	/* Declined is final; the guest may cancel an open one with a reason. */
	db_set_now_for_tests(NOW(D0));
	r = stay(h, D0 + 25, D0 + 26, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id2, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id2, HS_CANCELLED, "changed plans", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id2, HS_ACCEPTED, "", &why), ERR_INVALID);
}

/* Issue 12 point 14: the host's other dates are an offer, so the guest's
 * yes accepts the request at once, and the proposal's short note becomes
 * the request's note; a guest's proposal that the host agrees to only
 * moves the dates (the host still decides); a no changes nothing but
 * drops the proposal and its note. Before, the request stayed Requested
 * after the guest's yes and the host had to accept again. */
TEST(host_counter_proposal_is_an_offer_the_guests_yes_accepts)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r, got;
	const char *why = NULL;
	int64_t id = 0, id2 = 0, count = 0;
	struct notice newest;
	char longnote[HOST_PROP_NOTE_MAX + 2];

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_notice_unseen(db, h, &count, &newest), ERR_OK);
	CHECK_INT(count, 1);
	CHECK(strstr(newest.text, "asks to stay") != NULL);
	/* A note longer than a short one is refused, with its limit. */
	memset(longnote, 'x', sizeof longnote - 1);
	longnote[sizeof longnote - 1] = '\0';
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 10, D0 + 12, 1, longnote, &why),
	    ERR_INVALID);
	CHECK(strstr(why, "the note") != NULL);
	/* The host proposes other dates; inside the notice period is fine for the host. */
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 10, D0 + 12, 1, "Come a day early",
	    &why), ERR_OK);
	CHECK_INT(db_host_request_get(db, g, id, &got), ERR_OK);
	CHECK_STR(got.prop_note, "Come a day early");
	CHECK_INT(db_host_request_propose(db, g, id, D0 + 21, D0 + 23, 1, NULL, &why), ERR_INVALID);
	CHECK_INT(db_host_request_answer(db, h, id, true, &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 41, D0 + 42, 1, NULL, &why), ERR_INVALID);
	CHECK_INT(db_notice_unseen(db, g, &count, &newest), ERR_OK);
	CHECK(strstr(newest.text, "proposes other dates") != NULL);
	/* The guest's yes: accepted, with the new dates and the note. */
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), ERR_OK);
	CHECK_INT(db_host_request_get(db, h, id, &got), ERR_OK);
	CHECK_INT(got.state, HS_ACCEPTED);
	CHECK_INT(got.arrive, D0 + 10);
	CHECK_INT(got.depart, D0 + 12);
	CHECK_INT(got.prop_by, 0);
	CHECK_STR(got.prop_note, "");
	CHECK_STR(got.note, "Come a day early");
	CHECK_INT(got.note_by, h);
	CHECK_INT(db_notice_unseen(db, h, &count, &newest), ERR_OK);
	CHECK(strstr(newest.text, "agreed to your proposal: the stay is accepted") != NULL);
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), ERR_INVALID);
	/* Nothing left for the host to accept; the guest confirms. */
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_INVALID);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_propose(db, g, id, D0 + 15, D0 + 16, 1, NULL, &why), ERR_INVALID);

	/* A guest's own proposal keeps the notice rule, and the host's yes to
	 * it moves the dates only: the host still accepts or declines. */
	r = stay(h, D0 + 25, D0 + 27, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id2, &why), ERR_OK);
	CHECK_INT(db_host_request_propose(db, g, id2, D0 + 5, D0 + 6, 1, NULL, &why), ERR_INVALID);
	CHECK_INT(db_host_request_propose(db, g, id2, D0 + 15, D0 + 16, 1, "A day less", &why),
	    ERR_OK);
	CHECK_INT(db_host_request_answer(db, h, id2, false, &why), ERR_OK);
	CHECK_INT(db_host_request_get(db, g, id2, &got), ERR_OK);
	CHECK_INT(got.arrive, D0 + 25);
	CHECK_INT(got.state, HS_REQUESTED);
	CHECK_STR(got.prop_note, "");
	CHECK_STR(got.note, "");
	CHECK_INT(db_host_request_propose(db, g, id2, D0 + 15, D0 + 16, 1, NULL, &why), ERR_OK);
	CHECK_INT(db_host_request_answer(db, h, id2, true, &why), ERR_OK);
	CHECK_INT(db_host_request_get(db, g, id2, &got), ERR_OK);
	CHECK_INT(got.arrive, D0 + 15);
	CHECK_INT(got.state, HS_REQUESTED);
	CHECK_INT(db_host_request_move(db, h, id2, HS_ACCEPTED, "", &why), ERR_OK);
}

/* The host's offer, answered yes, goes through the same capacity check as
 * an accept: a host who filled up meanwhile gets no second guest. */
TEST(host_offer_accepted_only_while_there_is_room)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t k = fx_member(db, "kim", ROLE_STUDENT);
	struct host_request r, got;
	const char *why = NULL;
	int64_t a = 0, b = 0;

	CHECK(db != NULL && h && g && k);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);	/* capacity 2 */
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &a, &why), ERR_OK);
	r = stay(h, D0 + 25, D0 + 27, 2);
	CHECK_INT(db_host_request_create(db, k, &r, &b, &why), ERR_OK);
	CHECK_INT(db_host_request_propose(db, h, a, D0 + 25, D0 + 26, 1, NULL, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, b, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_answer(db, g, a, true, &why), ERR_INVALID);
	CHECK_STR(why, "the host is already full on some of those nights");
	CHECK_INT(db_host_request_get(db, g, a, &got), ERR_OK);
	CHECK_INT(got.state, HS_REQUESTED);
	CHECK_INT(got.prop_by, h);
}

/* The partner counts among the travellers: a request with a partner has
 * at least 2, the host's capacity counts them, proposals keep the rule,
 * and a search with "partner coming" counts 2. */
TEST(host_partner_counts_among_the_travellers)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t k = fx_member(db, "kim", ROLE_STUDENT), s = fx_member(db, "stu", ROLE_STUDENT);
	struct host_request r;
	struct host_profile p;
	struct host_query q;
	struct host_hit *hits = NULL;
	const char *why = NULL;
	int64_t id = 0, other = 0;
	size_t n = 0;

	CHECK(db != NULL && h && g && k && s);
	CHECK_INT(host_party_size(1, true), 2);
	CHECK_INT(host_party_size(3, true), 3);
	CHECK_INT(host_party_size(0, false), 1);
	CHECK_INT(host_check_party(1, true, &why), ERR_INVALID);
	CHECK(strstr(why, "your partner too") != NULL);
	CHECK_INT(host_check_party(2, true, &why), 0);
	CHECK_INT(host_check_party(11, false, &why), ERR_INVALID);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);	/* capacity 2 */
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	p.partner_ok = true;
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	r.partner = true;
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_INVALID);
	CHECK(strstr(why, "at least 2 with a partner coming") != NULL);
	r.travellers = 2;
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	/* Other dates for one person only: not with the partner coming. */
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 21, D0 + 23, 1, NULL, &why),
	    ERR_INVALID);
	CHECK(strstr(why, "your partner too") != NULL);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	/* Guest and partner fill a host with room for two. */
	r = stay(h, D0 + 21, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, k, &r, &other, &why), ERR_INVALID);
	CHECK_STR(why, "the host is already full on some of those nights");
	/* A search for one traveller with a partner counts two: not on the
	 * nights the two fill... */
	memset(&q, 0, sizeof q);
	q.travellers = 1;
	q.partner = true;
	q.arrive = D0 + 20;
	q.depart = D0 + 22;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	/* ... but on free nights; and not at a host with room for one. */
	q.arrive = D0 + 30;
	q.depart = D0 + 32;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
	p.capacity = 1;
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_OK);
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	q.partner = false;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
}

/* The rule of the answer, alone. */
TEST(host_after_answer_accepts_only_the_hosts_offer)
{
	CHECK_INT(host_after_answer(HS_REQUESTED, true, true), HS_ACCEPTED);
	CHECK_INT(host_after_answer(HS_TENTATIVE, true, true), HS_ACCEPTED);
	CHECK_INT(host_after_answer(HS_REQUESTED, false, true), HS_REQUESTED);
	CHECK_INT(host_after_answer(HS_REQUESTED, true, false), HS_REQUESTED);
	CHECK_INT(host_after_answer(HS_TENTATIVE, true, false), HS_TENTATIVE);
	CHECK_INT(host_after_answer(HS_CONFIRMED, true, true), HS_CONFIRMED);
}

TEST(host_private_details_only_to_accepted_guest_and_logged)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t x = fx_member(db, "xen", ROLE_STUDENT);
	struct host_request r;
	struct host_private pv;
	struct host_profile p;
	struct host_access *log = NULL;
	const char *why = NULL;
	int64_t id = 0, idx = 0;
	size_t n = 9;

	CHECK(db != NULL && h && g && x);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	/* The public profile never carries them. */
	CHECK_INT(db_host_get(db, g, h, &p), ERR_OK);
	CHECK_STR(p.address, "");
	CHECK_STR(p.phone, "");
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_create(db, x, &r, &idx, &why), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_DENIED);	/* not accepted yet */
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_OK);
	CHECK_STR(pv.address, "12 Beacon St");
	CHECK_STR(pv.phone, "+1 617 555 0100");
	/* Another student: not through their own open request, nor through g's. */
	CHECK_INT(db_host_private(db, x, h, idx, &pv), ERR_DENIED);
	CHECK_INT(db_host_private(db, x, h, id, &pv), ERR_DENIED);
	CHECK_INT(db_host_private(db, x, h, 0, &pv), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_OK);
	CHECK_INT(db_host_private(db, h, h, 0, &pv), ERR_OK);	/* the host: not logged */
	CHECK_INT(db_host_access_log(db, h, h, 10, &log, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(log[0].guest_id, g);
	CHECK_INT(log[0].request_id, id);
	free(log);
	CHECK_INT(db_host_access_log(db, g, h, 10, &log, &n), ERR_DENIED);
	/* A student has no address to log: their own log is not theirs to ask. */
	CHECK_INT(db_host_access_log(db, g, g, 10, &log, &n), ERR_DENIED);
	/* After the stay the details are closed again. */
	db_set_now_for_tests(NOW(D0 + 23));
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_DENIED);
}

TEST(host_sweep_expires_completes_and_references_reveal)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t g2 = fx_member(db, "gil", ROLE_TRAINEE);
	struct host_request r, got;
	struct host_reference refs[2];
	const char *why = NULL;
	int64_t id = 0, id2 = 0, id3 = 0;
	size_t n = 0;

	CHECK(db != NULL && h && g && g2);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_create(db, g2, &r, &id2, &why), ERR_OK);
	r = stay(h, D0 + 30, D0 + 32, 1);
	CHECK_INT(db_host_request_create(db, g2, &r, &id3, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	CHECK_INT(db_host_reference_write(db, g, id, "Great host", true, &why), ERR_INVALID);
	/* Arrival day: the unanswered one expires, the confirmed stays. */
	db_set_now_for_tests(NOW(D0 + 20));
	CHECK_INT(db_host_sweep(db, NOW(D0 + 20)), ERR_OK);
	CHECK_INT(db_host_sweep(db, NOW(D0 + 20)), ERR_OK);	/* idempotent */
	CHECK_INT(db_host_request_get(db, g2, id2, &got), ERR_OK);
	CHECK_INT(got.state, HS_EXPIRED);
	CHECK_INT(db_host_request_get(db, g2, id3, &got), ERR_OK);
	CHECK_INT(got.state, HS_REQUESTED);
	CHECK_INT(db_host_request_get(db, g, id, &got), ERR_OK);
	CHECK_INT(got.state, HS_CONFIRMED);
	/* After departure: completed; references for 14 days. */
	db_set_now_for_tests(NOW(D0 + 23));
	CHECK_INT(db_host_request_get(db, g, id, &got), ERR_OK);
	CHECK_INT(got.state, HS_COMPLETED);
	CHECK_INT(db_host_request_move(db, h, id, HS_NOSHOW, "x", &why), ERR_INVALID);
	CHECK_INT(db_host_reference_write(db, g2, id, "not mine", true, &why), ERR_NOTFOUND);
	CHECK_INT(db_host_reference_write(db, g, id, "Great host", true, &why), ERR_OK);
	CHECK_INT(db_host_reference_write(db, g, id, "Great host, lovely dog", true, &why), ERR_OK);
	CHECK_INT(db_host_reference_list(db, h, id, refs, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(!refs[0].visible);
	CHECK_STR(refs[0].body, "");
	CHECK_INT(refs[0].felt_safe, -1);
	CHECK_INT(db_host_reference_list(db, g, id, refs, &n), ERR_OK);
	CHECK(refs[0].visible);
	CHECK_STR(refs[0].body, "Great host, lovely dog");
	/* The host writes: both show at once, and neither can change. */
	CHECK_INT(db_host_reference_write(db, h, id, "Lovely guest", false, &why), ERR_OK);
	CHECK_INT(db_host_reference_list(db, h, id, refs, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK(refs[0].visible && refs[1].visible);
	CHECK_STR(refs[0].body, "Great host, lovely dog");
	CHECK_INT(db_host_reference_write(db, g, id, "changed", true, &why), ERR_INVALID);
}

TEST(host_reference_alone_shows_when_window_closes)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r;
	struct host_reference refs[2];
	const char *why = NULL;
	int64_t id = 0;
	size_t n = 0;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	db_set_now_for_tests(NOW(D0 + 22 + HOST_REFERENCE_DAYS));
	CHECK_INT(db_host_reference_write(db, h, id, "Quiet and kind", true, &why), ERR_OK);
	CHECK_INT(db_host_reference_list(db, g, id, refs, &n), ERR_OK);
	CHECK(!refs[0].visible);
	db_set_now_for_tests(NOW(D0 + 23 + HOST_REFERENCE_DAYS));
	CHECK_INT(db_host_reference_write(db, g, id, "late", true, &why), ERR_INVALID);
	CHECK_INT(db_host_reference_list(db, g, id, refs, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(refs[0].visible && refs[0].revealed);
	CHECK_STR(refs[0].body, "Quiet and kind");
	CHECK_INT(db_host_reference_write(db, h, id, "edit", true, &why), ERR_INVALID);
}

TEST(host_search_ranks_program_matches_and_hides_blocked)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bea", ROLE_ALUMNI);
	int64_t c = fx_member(db, "cal", ROLE_TRAINEE), s = fx_member(db, "stu", ROLE_STUDENT);
	struct host_query q;
	struct host_hit *hits = NULL;
	size_t n = 0;

	CHECK(db != NULL && a && b && c && s);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, a, "Boston", "Beth Israel Deaconess Medical Center"), ERR_OK);
	CHECK_INT(make_host(db, b, "Boston", "Massachusetts General Hospital; Boston Children's"), ERR_OK);
	CHECK_INT(make_host(db, c, "Baltimore", "Johns Hopkins Hospital"), ERR_OK);
	memset(&q, 0, sizeof q);
	snprintf(q.programs, sizeof q.programs, "Mass General; Johns Hopkins; \"OR* (");
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 3);
	CHECK(hits[0].program_match && hits[1].program_match && !hits[2].program_match);
	CHECK_INT(hits[2].user_id, a);
	free(hits);
	/* Initials: "MGH Internal Medicine" finds Massachusetts General Hospital,
	 * and the generic words match nobody. */
	snprintf(q.programs, sizeof q.programs, "MGH Internal Medicine");
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(hits[0].user_id, b);
	CHECK(hits[0].program_match && !hits[1].program_match);
	free(hits);
	snprintf(q.where, sizeof q.where, "bost");
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(hits[0].user_id, b);
	free(hits);
	/* Dates inside a blackout hide housing hosts. */
	q.where[0] = '\0';
	q.programs[0] = '\0';
	q.arrive = D0 + 41;
	q.depart = D0 + 42;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	/* Too soon for the hosts' 14 days' notice, or too long a stay. */
	q.arrive = D0 + 10;
	q.depart = D0 + 11;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	q.arrive = D0 + 20;
	q.depart = D0 + 26;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	q.arrive = D0 + 30;
	q.depart = D0 + 31;
	CHECK_INT(db_block_add(db, s, c), ERR_OK);
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK(hits[0].user_id != c && hits[1].user_id != c);
	free(hits);
	/* The blocked host does not find the student's... and does not see itself. */
	CHECK_INT(db_host_search(db, c, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	free(hits);
}

TEST(host_screens_registered_with_help)
{
	static const char *const names[] = { "host", "host-edit", "host-interviews",
	    "host-find", "host-results", "host-view", "host-request", "host-req", "host-my",
	    "host-log" };
	const char *generic = screenfile_builtin("help-no-such-screen");
	char file[64];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct screen *s = screen_lookup(names[i]);

		CHECK(s != NULL);
		/* A list screen's engine (ui/list.h) is its enter, draw and key. */
		CHECK(s->section != NULL && (s->list != NULL ||
		    (s->enter != NULL && s->draw != NULL && s->key != NULL)));
		snprintf(file, sizeof file, "help-%s", names[i]);
		CHECK(screenfile_builtin(file) != generic);
	}
}

TEST(host_advice_only_hosts_show_whatever_the_dates)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), s = fx_member(db, "stu", ROLE_STUDENT);
	struct host_profile p;
	struct host_query q;
	struct host_hit *hits = NULL;
	struct host_request r;
	const char *why = NULL;
	size_t n = 0;

	CHECK(db != NULL && a && s);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, a, "Boston", "Massachusetts General Hospital"), ERR_OK);
	CHECK_INT(db_host_get(db, a, a, &p), ERR_OK);
	p.offers = HOST_OFFER_ADVICE;
	CHECK_INT(db_host_save(db, a, &p, &why), ERR_OK);
	memset(&q, 0, sizeof q);
	snprintf(q.programs, sizeof q.programs, "MGH");
	q.arrive = D0 + 41;	/* inside the blackout */
	q.depart = D0 + 42;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(hits[0].program_match);
	CHECK_INT(hits[0].offers, HOST_OFFER_ADVICE);
	free(hits);
	/* Wanting housing leaves them out; nobody can ask them for a stay. */
	q.offers = HOST_OFFER_HOUSING;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	r = stay(a, D0 + 20, D0 + 21, 1);
	CHECK_INT(db_host_request_create(db, s, &r, NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "not offering stays") != NULL);
	/* Opted out: gone from search. */
	CHECK_INT(db_host_set_status(db, a, HOST_OFF, &why), ERR_OK);
	q.offers = 0;
	CHECK_INT(db_host_search(db, s, &q, 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
}

TEST(host_interviews_are_private_and_checked)
{
	struct db *db = fx_db();
	int64_t s = fx_member(db, "stu", ROLE_STUDENT), x = fx_member(db, "xen", ROLE_STUDENT);
	struct host_interview *iv = NULL;
	const char *why = NULL;
	size_t n = 0;

	CHECK(db != NULL && s && x);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(db_host_interview_add(db, s, "MGH Internal Medicine", D0 + 40, &why), ERR_OK);
	CHECK_INT(db_host_interview_add(db, s, "Johns Hopkins", D0 + 30, &why), ERR_OK);
	CHECK_INT(db_host_interview_add(db, s, "Yesterday", D0 - 1, &why), ERR_INVALID);
	CHECK_INT(db_host_interview_add(db, s, "", D0 + 3, &why), ERR_INVALID);
	CHECK_INT(db_host_interview_add(db, s, "Bad\x07name", D0 + 3, &why), ERR_INVALID);
	CHECK_INT(db_host_interview_list(db, s, &iv, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_STR(iv[0].program, "Johns Hopkins");	/* soonest first */
	CHECK_INT(db_host_interview_remove(db, x, iv[0].id), ERR_NOTFOUND);
	CHECK_INT(db_host_interview_remove(db, s, iv[0].id), ERR_OK);
	free(iv);
	CHECK_INT(db_host_interview_list(db, x, &iv, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(iv);
}

/* Flags a host (as_host) or a guest with note, as the screens do. */
static int
host_flag(struct db *db, int64_t actor, int64_t member, bool as_host, const char *note,
    const char **why)
{
	return db_flag_add(db, actor, as_host ? FLAG_HOST : FLAG_GUEST, member, FLAG_OTHER, note,
	    3, NULL, why);
}

TEST(host_reports_need_a_relation_and_a_reason)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t x = fx_member(db, "xen", ROLE_STUDENT);
	struct host_request r;
	const char *why = NULL;
	int64_t count = 0;

	CHECK(db != NULL && h && g && x);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	CHECK_INT(host_flag(db, g, h, true, "bad\x1b[2J", &why), ERR_INVALID);
	CHECK_INT(host_flag(db, g, x, true, "not a host", &why), ERR_NOTFOUND);
	CHECK_INT(host_flag(db, h, g, false, "never asked me", &why), ERR_NOTFOUND);
	CHECK_INT(host_flag(db, g, g, true, "myself", &why), ERR_INVALID);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, NULL, &why), ERR_OK);
	CHECK_INT(host_flag(db, h, g, false, "rude messages", &why), ERR_OK);
	CHECK_INT(host_flag(db, g, h, true, "asked for money", &why), ERR_OK);
	CHECK_INT(db_flag_open_by(db, g, &count), ERR_OK);
	CHECK_INT(count, 1);
}

/* A block, made by either side, stops counter-proposals and answers to
 * them, as it stops accepting: the same sentence each time. */
TEST(host_block_stops_proposals_and_answers_both_ways)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r, got;
	const char *why = NULL;
	int64_t id = 0;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	/* The guest blocks the host: the host may not propose. */
	CHECK_INT(db_block_add(db, g, h), ERR_OK);
	why = NULL;
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 10, D0 + 12, 1, NULL, &why), ERR_DENIED);
	CHECK_STR(why, "a block stands between you and this member");
	CHECK_INT(db_block_remove(db, g, h), ERR_OK);
	/* A proposal made before the block cannot be answered across it. */
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 10, D0 + 12, 1, NULL, &why), ERR_OK);
	CHECK_INT(db_block_add(db, h, g), ERR_OK);
	why = NULL;
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), ERR_DENIED);
	CHECK_STR(why, "a block stands between you and this member");
	CHECK_INT(db_host_request_answer(db, g, id, false, &why), ERR_DENIED);
	/* Nor may the guest counter across it; the dates did not move. */
	CHECK_INT(db_host_request_propose(db, g, id, D0 + 21, D0 + 23, 1, NULL, &why), ERR_DENIED);
	CHECK_INT(db_host_request_get(db, g, id, &got), ERR_OK);
	CHECK_INT(got.arrive, D0 + 20);
	CHECK_INT(got.prop_by, h);
	/* Lifted, the answer goes through. */
	CHECK_INT(db_block_remove(db, h, g), ERR_OK);
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), ERR_OK);
}

/* One open request per host for any night, and at most HOST_OPEN_MAX open
 * requests at once: a guest cannot flood hosts, and cancelling frees a place. */
TEST(host_requests_no_duplicates_and_a_cap)
{
	struct db *db = fx_db();
	int64_t g = fx_member(db, "gus", ROLE_STUDENT), hosts[HOST_OPEN_MAX + 1];
	char login[16];
	struct host_request r;
	const char *why = NULL;
	int64_t id = 0, first = 0;

	CHECK(db != NULL && g);
	db_set_now_for_tests(NOW(D0));
	for (int i = 0; i <= HOST_OPEN_MAX; i++) {
		snprintf(login, sizeof login, "host%d", i);
		hosts[i] = fx_member(db, login, ROLE_ALUMNI);
		CHECK(hosts[i] != 0);
		CHECK_INT(make_host(db, hosts[i], "Boston", "MGH"), ERR_OK);
	}
	r = stay(hosts[0], D0 + 20, D0 + 23, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &first, &why), ERR_OK);
	/* Any night in common with the open request is a duplicate, ... */
	why = NULL;
	r = stay(hosts[0], D0 + 22, D0 + 24, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_EXISTS);
	CHECK_STR(why, "you already have a request with this host for those dates");
	r = stay(hosts[0], D0 + 18, D0 + 21, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_EXISTS);
	/* ... other nights with the same host are not, nor the same nights
	 * with another host. */
	r = stay(hosts[0], D0 + 23, D0 + 25, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	for (int i = 1; i < HOST_OPEN_MAX - 1; i++) {
		r = stay(hosts[i], D0 + 20, D0 + 23, 1);
		CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	}
	/* The cap. */
	why = NULL;
	r = stay(hosts[HOST_OPEN_MAX], D0 + 20, D0 + 23, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_INVALID);
	CHECK(why != NULL && strstr(why, "open requests; withdraw one first") != NULL);
	/* Cancelling one frees a place, and the dates with that host too. */
	CHECK_INT(db_host_request_move(db, g, first, HS_CANCELLED, "plans changed", &why), ERR_OK);
	r = stay(hosts[0], D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_EXISTS);
}

/* A block, either way, hides the host's address and phone from the guest
 * of an accepted stay, and nothing is logged; lifted, they show again. */
TEST(host_private_details_refused_across_a_block)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r;
	struct host_private pv;
	struct host_access *log = NULL;
	const char *why = NULL;
	int64_t id = 0;
	size_t n = 9;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_OK);
	/* The host blocks the guest. */
	CHECK_INT(db_block_add(db, h, g), ERR_OK);
	memset(&pv, 0, sizeof pv);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_DENIED);
	CHECK_STR(pv.address, "");
	CHECK_INT(db_host_access_log(db, h, h, 10, &log, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(log);
	CHECK_INT(db_block_remove(db, h, g), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	/* The guest blocks the host. */
	CHECK_INT(db_block_add(db, g, h), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_DENIED);
	CHECK_INT(db_host_access_log(db, h, h, 10, &log, &n), ERR_OK);
	CHECK_INT(n, 2);
	free(log);
	CHECK_INT(db_block_remove(db, g, h), ERR_OK);
	CHECK_INT(db_host_private(db, g, h, id, &pv), ERR_OK);
	CHECK_STR(pv.address, "12 Beacon St");
	CHECK_INT(db_host_access_log(db, h, h, 10, &log, &n), ERR_OK);
	CHECK_INT(n, 3);
	free(log);
}

/* A second open report of the same member, and a report past the open
 * cap, are refused each with its own sentence for the screen. */
TEST(host_report_twice_or_past_the_cap_says_why)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t h2 = fx_member(db, "hank", ROLE_ALUMNI), m;
	char login[16];
	const char *why = NULL;

	CHECK(db != NULL && h && g && h2);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	CHECK_INT(make_host(db, h2, "Boston", "MGH"), ERR_OK);
	CHECK_INT(host_flag(db, g, h, true, "asked for money", &why), ERR_OK);
	why = NULL;
	CHECK_INT(host_flag(db, g, h, true, "again", &why), ERR_EXISTS);
	CHECK_STR(why, "You already flagged this; the moderators will look at it.");
	for (int i = 0; i < FLAG_OPEN_MAX - 1; i++) {
		snprintf(login, sizeof login, "m%d", i);
		m = fx_member(db, login, ROLE_STUDENT);
		CHECK_INT(db_flag_add(db, g, FLAG_MEMBER, m, FLAG_SPAM, "", 3, NULL, &why), ERR_OK);
	}
	why = NULL;
	CHECK_INT(host_flag(db, g, h2, true, "one too many", &why), ERR_LIMIT);
	CHECK_STR(why, "You have many open flags; wait until the moderators have looked at them.");
}

/* The one rule for what a block stops, used by the data layer and by the
 * request view to leave those actions out: maybe, accept and confirm are
 * refused across a block; decline and cancel stay possible. */
TEST(host_block_stops_closer_moves_not_cancel)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r;
	const char *why = NULL;
	int64_t id = 0, id2 = 0;

	CHECK(host_move_blocked(HS_TENTATIVE));
	CHECK(host_move_blocked(HS_ACCEPTED));
	CHECK(host_move_blocked(HS_CONFIRMED));
	CHECK(!host_move_blocked(HS_DECLINED));
	CHECK(!host_move_blocked(HS_CANCELLED));
	CHECK(!host_move_blocked(HS_NOSHOW));
	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	r = stay(h, D0 + 25, D0 + 27, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id2, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id2, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_block_add(db, h, g), ERR_OK);
	why = NULL;
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_DENIED);
	CHECK_STR(why, "a block stands between you and this member");
	CHECK_INT(db_host_request_move(db, g, id2, HS_CONFIRMED, "", &why), ERR_DENIED);
	CHECK_INT(db_host_request_move(db, h, id, HS_DECLINED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id2, HS_CANCELLED, "blocked", &why), ERR_OK);
}

/* The host's public profile lists the references guests wrote about them,
 * once revealed, newest first: never hidden ones, never the host's own
 * about a guest, never the "felt safe" answer; a block hides them all. */
TEST(host_public_references_only_revealed_newest_first)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t g2 = fx_member(db, "gia", ROLE_STUDENT), x = fx_member(db, "xen", ROLE_STUDENT);
	struct host_request r;
	struct host_reference *refs = NULL;
	const char *why = NULL;
	int64_t id = 0, id2 = 0;
	size_t n = 9;

	CHECK(db != NULL && h && g && g2 && x);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	r = stay(h, D0 + 23, D0 + 25, 1);
	CHECK_INT(db_host_request_create(db, g2, &r, &id2, &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, h, id2, HS_ACCEPTED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g, id, HS_CONFIRMED, "", &why), ERR_OK);
	CHECK_INT(db_host_request_move(db, g2, id2, HS_CONFIRMED, "", &why), ERR_OK);
	db_set_now_for_tests(NOW(D0 + 26));
	CHECK_INT(db_host_reference_public(db, x, h, 20, &refs, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(refs);
	refs = NULL;
	CHECK_INT(db_host_reference_write(db, g, id, "Lovely host", false, &why), ERR_OK);
	CHECK_INT(db_host_reference_write(db, g2, id2, "Not yet shown", true, &why), ERR_OK);
	/* Hidden until the host writes too. */
	CHECK_INT(db_host_reference_public(db, x, h, 20, &refs, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(refs);
	refs = NULL;
	CHECK_INT(db_host_reference_write(db, h, id, "Tidy guest", true, &why), ERR_OK);
	CHECK_INT(db_host_reference_public(db, x, h, 20, &refs, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(refs[0].author_id, g);
	CHECK_STR(refs[0].author_name, "Gus");
	CHECK_STR(refs[0].body, "Lovely host");
	CHECK_INT(refs[0].felt_safe, -1);
	free(refs);
	refs = NULL;
	/* The second window closes: newest first, and the LIMIT holds. */
	db_set_now_for_tests(NOW(D0 + 26 + HOST_REFERENCE_DAYS));
	CHECK_INT(db_host_reference_public(db, x, h, 20, &refs, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_STR(refs[0].body, "Not yet shown");
	CHECK_STR(refs[1].body, "Lovely host");
	free(refs);
	refs = NULL;
	CHECK_INT(db_host_reference_public(db, x, h, 1, &refs, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(refs);
	refs = NULL;
	/* The guest's profile shows none of the host's words about them. */
	CHECK_INT(db_host_reference_public(db, x, g, 20, &refs, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(refs);
	refs = NULL;
	CHECK_INT(db_block_add(db, h, x), ERR_OK);
	CHECK_INT(db_host_reference_public(db, x, h, 20, &refs, &n), ERR_NOTFOUND);
	CHECK_INT(db_host_reference_public(db, 0, h, 20, &refs, &n), ERR_DENIED);
}

/* My HOST labels what is no longer open by state: a declined request for
 * dates to come is "Closed", not "Past"; stays that took place are "Past". */
TEST(host_closed_requests_labelled_by_state)
{
	CHECK_STR(host_closed_label(HS_DECLINED), "Closed");
	CHECK_STR(host_closed_label(HS_CANCELLED), "Closed");
	CHECK_STR(host_closed_label(HS_EXPIRED), "Closed");
	CHECK_STR(host_closed_label(HS_COMPLETED), "Past");
	CHECK_STR(host_closed_label(HS_NOSHOW), "Past");
}

/* "turned down your proposal" names the dates that were proposed, not
 * the request's, and so does "agreed to your proposal". */
TEST(host_answer_notice_names_the_proposed_dates)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r;
	struct notice newest;
	const char *why = NULL;
	char a[16], z[16], want[64];
	int64_t id = 0, count = 0;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 25, D0 + 27, 1, NULL, &why), ERR_OK);
	CHECK_INT(db_host_request_answer(db, g, id, false, &why), ERR_OK);
	CHECK_INT(db_notice_unseen(db, h, &count, &newest), ERR_OK);
	host_format_day(a, sizeof a, D0 + 25);
	host_format_day(z, sizeof z, D0 + 27);
	snprintf(want, sizeof want, "(%s to %s)", a, z);
	CHECK(strstr(newest.text, "turned down your proposal") != NULL);
	CHECK(strstr(newest.text, want) != NULL);
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 30, D0 + 31, 1, NULL, &why), ERR_OK);
	CHECK_INT(db_host_request_answer(db, g, id, true, &why), ERR_OK);
	CHECK_INT(db_notice_unseen(db, h, &count, &newest), ERR_OK);
	host_format_day(a, sizeof a, D0 + 30);
	host_format_day(z, sizeof z, D0 + 31);
	snprintf(want, sizeof want, "(%s to %s)", a, z);
	CHECK(strstr(newest.text, "agreed to your proposal") != NULL);
	CHECK(strstr(newest.text, want) != NULL);
}

/* The stay rules speak to whoever proposes: "you" to the host, "this
 * host" to a guest. */
TEST(host_stay_refusals_speak_to_the_host_as_you)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	struct host_request r;
	const char *why = NULL;
	int64_t id = 0;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 20, D0 + 26, 1, NULL, &why), ERR_INVALID);
	CHECK_STR(why, "you take stays of at most 5 nights");
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 41, D0 + 42, 1, NULL, &why), ERR_INVALID);
	CHECK_STR(why, "you are not available on some of those dates (blackout)");
	CHECK_INT(db_host_request_propose(db, h, id, D0 + 20, D0 + 22, 3, NULL, &why), ERR_INVALID);
	CHECK_STR(why, "you have room for 2 guests at once");
	CHECK_INT(db_host_request_propose(db, g, id, D0 + 20, D0 + 26, 1, NULL, &why), ERR_INVALID);
	CHECK_STR(why, "this host takes stays of at most 5 nights");
}

/* A blackout range that has already ended is refused with a sentence that
 * names it; one ending today is fine, and a stored range that has since
 * passed does not stop the host saving other changes. */
TEST(host_past_blackouts_refused)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI);
	struct host_profile p;
	const char *why = NULL;

	CHECK(db != NULL && h);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	p.blackouts[1].first = day("2025-01-01");
	p.blackouts[1].last = day("2025-01-03");
	p.nblackouts = 2;
	why = NULL;
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_INVALID);
	CHECK_STR(why, "the blackout 2025-01-01 to 2025-01-03 has already passed; "
	    "blackouts are for dates to come");
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	CHECK_INT(p.nblackouts, 1);
	p.blackouts[1].first = D0 - 2;
	p.blackouts[1].last = D0;
	p.nblackouts = 2;
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_OK);
	/* Later, both stored ranges have passed: other edits still save. */
	db_set_now_for_tests(NOW(D0 + 60));
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	CHECK_INT(p.nblackouts, 2);
	p.capacity = 1;
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_OK);
}

/* The host profile view wraps a long value under itself, never under the
 * label column, and each row fits the width. */
TEST(host_view_field_wraps_under_its_value)
{
	char buf[1024], *save = NULL, *ln;
	size_t len = 0, rows = 0;

	hf_field_line(buf, sizeof buf, &len, 50, "Offers",
	    "housing, meals, airport pickup, local advice, interview practice");
	for (ln = strtok_r(buf, "\n", &save); ln != NULL; ln = strtok_r(NULL, "\n", &save)) {
		CHECK(strlen(ln) <= 50);
		if (rows++ == 0)
			CHECK(strncmp(ln, "Offers                   housing,", 33) == 0);
		else
			CHECK(strncmp(ln, "                         ", HF_LABEL_W) == 0 &&
			    ln[HF_LABEL_W] != ' ');
	}
	CHECK(rows >= 3);
	len = 0;
	hf_field_line(buf, sizeof buf, &len, 50, "City", "");
	CHECK_STR(buf, "City                     -\n");
}

/* The request is inserted before its notice; when the notice fails the
 * whole request is gone and the caller's *id was never written. */
TEST(host_request_create_failing_late_leaves_id_alone)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gus", ROLE_STUDENT);
	int64_t id = 4242, n = -1;
	struct host_request r;
	struct host_request *rows = NULL;
	const char *why = NULL;
	size_t k = 0;

	CHECK(db != NULL && h && g);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "Massachusetts General Hospital"), ERR_OK);
	CHECK(sqlite3_exec(db_sqlite(db), "CREATE TEMP TRIGGER no_notice BEFORE INSERT ON "
	    "notices BEGIN SELECT RAISE(ABORT, 'injected'); END", NULL, NULL, NULL) == SQLITE_OK);
	r = stay(h, D0 + 20, D0 + 22, 1);
	CHECK(db_host_request_create(db, g, &r, &id, &why) != 0);
	CHECK_INT(id, 4242);
	CHECK_INT(db_host_request_list(db, g, HL_OUT, 10, &rows, &k), ERR_OK);
	free(rows);
	CHECK_INT(k, 0);
	CHECK(sqlite3_exec(db_sqlite(db), "DROP TRIGGER no_notice", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(db_host_request_create(db, g, &r, &id, &why), ERR_OK);
	CHECK(id != 4242);
	CHECK_INT(db_notice_unseen(db, h, &n, &(struct notice){ 0 }), ERR_OK);
	CHECK_INT(n, 1);
	db_set_now_for_tests(0);
}

/* host_may_move names why it refuses: the state, the side, or the rule
 * (a move nobody makes, or dates that have passed). */
TEST(host_may_move_speaks_the_error_vocabulary)
{
	const char *why = NULL;
	int64_t a = D0 + 10, d = D0 + 12;

	CHECK_INT(host_may_move(HS_REQUESTED, HS_ACCEPTED, HOST_SIDE_HOST, D0, a, d, &why), 0);
	CHECK_INT(host_may_move(HS_REQUESTED, HS_CONFIRMED, HOST_SIDE_GUEST, D0, a, d, &why),
	    ERR_STATE);
	CHECK(strstr(why, "in this state") != NULL);
	CHECK_INT(host_may_move(HS_REQUESTED, HS_ACCEPTED, HOST_SIDE_GUEST, D0, a, d, &why),
	    ERR_DENIED);
	CHECK(strstr(why, "only the host") != NULL);
	CHECK_INT(host_may_move(HS_CONFIRMED, HS_COMPLETED, HOST_SIDE_HOST, D0, a, d, &why),
	    ERR_INVALID);				/* the sweep's move, nobody's */
	CHECK_INT(host_may_move(HS_ACCEPTED, HS_CANCELLED, HOST_SIDE_HOST, a, a, d, &why),
	    ERR_INVALID);
	CHECK(strstr(why, "before the arrival") != NULL);
	CHECK_INT(host_may_move(HS_CONFIRMED, HS_NOSHOW, HOST_SIDE_GUEST, d + 1, a, d, &why),
	    ERR_INVALID);
	CHECK_INT(host_may_propose(HS_DECLINED, D0, a, &why), ERR_STATE);
	CHECK_INT(host_may_propose(HS_REQUESTED, a, a, &why), ERR_INVALID);
	CHECK_INT(host_check_profile(&(struct host_profile){ .capacity = 1 }, ROLE_STUDENT, &why),
	    ERR_DENIED);
}

/* Finding 8 of issue 11: a member who is not active (suspended, or
 * awaiting approval) can neither save a host profile nor list interviews,
 * and a profile its host turned off is not there for anyone else. */
TEST(host_inactive_members_cannot_save_and_off_profiles_are_hidden)
{
	struct db *db = fx_db();
	int64_t h = fx_member(db, "host", ROLE_ALUMNI), g = fx_member(db, "gia", ROLE_STUDENT);
	int64_t t = fx_member(db, "tra", ROLE_TRAINEE);
	struct host_profile p;
	const char *why = NULL;

	CHECK(db != NULL && h && g && t);
	db_set_now_for_tests(NOW(D0));
	CHECK_INT(make_host(db, h, "Boston", "MGH"), ERR_OK);
	CHECK_INT(db_host_get(db, g, h, &p), ERR_OK);
	CHECK_STR(p.address, "");
	/* Off: the host still sees it, nobody else does. */
	CHECK_INT(db_host_set_status(db, h, HOST_OFF, &why), ERR_OK);
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	CHECK_INT(db_host_get(db, g, h, &p), ERR_NOTFOUND);
	CHECK_INT(db_host_set_status(db, h, HOST_MAYBE, &why), ERR_OK);
	CHECK_INT(db_host_get(db, g, h, &p), ERR_OK);
	/* Suspended: no saves, no status changes, and the profile is gone
	 * for others. */
	CHECK_INT(db_user_set_status(db, 0, h, STATUS_SUSPENDED), ERR_OK);
	CHECK_INT(db_host_get(db, g, h, &p), ERR_NOTFOUND);
	CHECK_INT(db_host_get(db, h, h, &p), ERR_OK);
	CHECK_INT(db_host_save(db, h, &p, &why), ERR_DENIED);
	CHECK_INT(db_host_set_status(db, h, HOST_HOSTING, &why), ERR_DENIED);
	/* Awaiting approval: the same. */
	CHECK_INT(db_user_set_status(db, 0, t, STATUS_PENDING), ERR_OK);
	CHECK_INT(make_host(db, t, "Boston", "MGH"), ERR_DENIED);
	CHECK_INT(db_host_get(db, t, t, &p), ERR_NOTFOUND);
	/* Interviews: an active guest may list them, a suspended one not. */
	CHECK_INT(db_host_interview_add(db, g, "MGH", D0 + 30, &why), ERR_OK);
	CHECK_INT(db_user_set_status(db, 0, g, STATUS_SUSPENDED), ERR_OK);
	CHECK_INT(db_host_interview_add(db, g, "BWH", D0 + 31, &why), ERR_DENIED);
	CHECK_INT(db_user_set_status(db, 0, g, STATUS_PENDING), ERR_OK);
	CHECK_INT(db_host_interview_add(db, g, "BWH", D0 + 31, &why), ERR_DENIED);
}
