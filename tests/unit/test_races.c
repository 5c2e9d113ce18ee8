/* Two sessions acting on the same row at once. Each case opens two
 * connections to one file database, lets actor A run until one of its
 * transaction points (db_set_tx_hook_for_tests: before BEGIN IMMEDIATE, or
 * before COMMIT with the lock held), runs actor B to completion on the
 * other connection right there, then lets A finish. B must wait and give
 * up (ERR_BUSY) or be refused by the state A left; A and B must never both
 * succeed unless one after the other would have. The oracle is the code
 * itself run serially: the outcome of every pause point, both ways round,
 * must be one that A then B, B then A, or one of them alone produces. */
#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-host.h"
#include "db/db-internal.h"
#include "db/db-mentor.h"
#include "db/db-mentor-search.h"
#include "db/db-user.h"
#include "lib/log.h"
#include "rules/host.h"
#include "rules/mentor.h"

#define D0	20598		/* 2026-05-25, as in test_host.c */
#define NOW(d)	((int64_t)(d) * HOST_DAY_SECS + 3600)

/* The members and rows a case's actors work on. */
struct world {
	int64_t host, guest, guest2, r1, r2, mentor, mentee, ship, post, key1, key2;
};

typedef int (*setup_fn)(struct db *db, struct world *w);
typedef int (*actor_fn)(struct db *db, const struct world *w);

/* What one run left: who succeeded and the rows that matter. */
struct outcome {
	bool a_ok, b_ok;
	char rows[1024];
};

/* ---- the world ---- */

static int
make_host(struct db *db, int64_t id, int capacity)
{
	struct host_profile p;
	const char *why = NULL;

	host_profile_init(&p, id);
	p.status = HOST_HOSTING;
	p.offers = HOST_OFFER_HOUSING;
	snprintf(p.city, sizeof p.city, "Boston");
	snprintf(p.hospitals, sizeof p.hospitals, "MGH");
	snprintf(p.address, sizeof p.address, "12 Beacon St");
	p.capacity = capacity;
	p.max_nights = 5;
	return db_host_save(db, id, &p, &why);
}

static int
ask(struct db *db, int64_t guest, int64_t host, int64_t arrive, int64_t depart, int64_t *id)
{
	struct host_request r;
	const char *why = NULL;

	memset(&r, 0, sizeof r);
	r.host_id = host;
	r.arrive = arrive;
	r.depart = depart;
	r.travellers = 1;
	r.purpose = HP_RESIDENCY;
	snprintf(r.message, sizeof r.message, "Hello");
	return db_host_request_create(db, guest, &r, id, &why);
}

/* A host with room for one, two guests, and r1: g1's stay D0+20..D0+23. */
static int
base(struct db *db, struct world *w, int capacity)
{
	db_set_now_for_tests(NOW(D0));
	w->host = fx_member(db, "host", ROLE_ALUMNI);
	w->guest = fx_member(db, "gia", ROLE_STUDENT);
	w->guest2 = fx_member(db, "gus", ROLE_TRAINEE);
	if (!w->host || !w->guest || !w->guest2)
		return ERR_INTERNAL;
	int r = make_host(db, w->host, capacity);
	return r != 0 ? r : ask(db, w->guest, w->host, D0 + 20, D0 + 23, &w->r1);
}

static int
move(struct db *db, int64_t actor, int64_t id, enum host_state to, const char *note)
{
	const char *why = NULL;

	return db_host_request_move(db, actor, id, to, note, &why);
}

static int
s_requested(struct db *db, struct world *w)
{
	return base(db, w, 1);
}

static int
s_tentative(struct db *db, struct world *w)
{
	int r = base(db, w, 1);

	return r != 0 ? r : move(db, w->host, w->r1, HS_TENTATIVE, "");
}

static int
s_accepted(struct db *db, struct world *w)
{
	int r = base(db, w, 1);

	return r != 0 ? r : move(db, w->host, w->r1, HS_ACCEPTED, "");
}

static int
s_confirmed(struct db *db, struct world *w)
{
	int r = s_accepted(db, w);

	return r != 0 ? r : move(db, w->guest, w->r1, HS_CONFIRMED, "");
}

static int
propose(struct db *db, int64_t actor, int64_t id, int64_t a, int64_t d)
{
	const char *why = NULL;

	return db_host_request_propose(db, actor, id, a, d, 1, NULL, &why);
}

static int
s_host_proposed(struct db *db, struct world *w)
{
	int r = base(db, w, 1);

	return r != 0 ? r : propose(db, w->host, w->r1, D0 + 21, D0 + 23);
}

static int
s_guest_proposed(struct db *db, struct world *w)
{
	int r = base(db, w, 1);

	return r != 0 ? r : propose(db, w->guest, w->r1, D0 + 21, D0 + 24);
}

/* Room for one; g2's r2 overlaps r1 by two nights. */
static int
s_two_requests(struct db *db, struct world *w)
{
	int r = base(db, w, 1);

	return r != 0 ? r : ask(db, w->guest2, w->host, D0 + 21, D0 + 24, &w->r2);
}

/* The stay is over: references are open for both sides. */
static int
s_completed(struct db *db, struct world *w)
{
	int r = s_confirmed(db, w);

	db_set_now_for_tests(NOW(D0 + 25));
	return r;
}

/* The guest has listed HOST_INTERVIEWS_MAX - 1 interviews. */
static int
s_interviews(struct db *db, struct world *w)
{
	const char *why = NULL;
	int r = base(db, w, 1);

	for (int i = 0; r == 0 && i < HOST_INTERVIEWS_MAX - 1; i++)
		r = db_host_interview_add(db, w->guest, "MGH", D0 + 30 + i, &why);
	return r;
}

static int
s_mentorship(struct db *db, struct world *w)
{
	struct member m;
	int r;

	w->mentor = fx_member(db, "mia", ROLE_ALUMNI);
	w->mentee = fx_member(db, "max", ROLE_STUDENT);
	w->guest = fx_member(db, "mo", ROLE_STUDENT);
	if (!w->mentor || !w->mentee || !w->guest)
		return ERR_INTERNAL;
	if ((r = db_user_get(db, w->mentor, &m)) != 0)
		return r;
	m.open_to_mentoring = true;
	m.max_mentees = 1;	/* room for one mentee */
	if ((r = db_user_update_profile(db, w->mentor, &m)) != 0)
		return r;
	if ((r = db_mentor_request(db, w->mentee, w->mentor, "I want to apply to cardiology fellowships; please review my plan.", 3, &w->ship)) != 0)
		return r;
	return db_mentor_request(db, w->guest, w->mentor, "I want to apply to surgery residencies; please review my plan.", 3, &w->r2);
}

/* A mentorship under way (for check-ins against ending it). */
static int
s_active_mentorship(struct db *db, struct world *w)
{
	int r = s_mentorship(db, w);

	return r != 0 ? r : db_mentor_accept(db, w->mentor, w->ship, "");
}

static const struct board_limits board_lim = { .rate = { { 10, 600 }, { 10, 600 } } };

/* One thread in community 1 by w->guest, its first post w->post. */
static int
s_thread(struct db *db, struct world *w)
{
	int64_t tid = 0;

	w->guest = fx_member(db, "gia", ROLE_STUDENT);
	if (!w->guest)
		return ERR_INTERNAL;
	return db_board_thread_create(db, w->guest, 1, "Interview tips", "Ask away.",
	    &board_lim, &tid, &w->post);
}

/* A key-only member with two keys. */
static int
s_two_keys(struct db *db, struct world *w)
{
	int r;

	w->guest = fx_member(db, "gia", ROLE_STUDENT);
	if (!w->guest)
		return ERR_INTERNAL;
	if ((r = db_key_add(db, w->guest, w->guest, "ssh-ed25519", "AAAAkeyone", "SHA256:one",
	    "", &w->key1)) != 0)
		return r;
	return db_key_add(db, w->guest, w->guest, "ssh-ed25519", "AAAAkeytwo", "SHA256:two", "",
	    &w->key2);
}

static int
s_member(struct db *db, struct world *w)
{
	w->guest = fx_member(db, "gia", ROLE_STUDENT);
	return w->guest ? 0 : ERR_INTERNAL;
}

/* ---- the actors ---- */

static int host_accept(struct db *db, const struct world *w) { return move(db, w->host, w->r1, HS_ACCEPTED, ""); }
static int host_accept2(struct db *db, const struct world *w) { return move(db, w->host, w->r2, HS_ACCEPTED, ""); }
static int host_decline(struct db *db, const struct world *w) { return move(db, w->host, w->r1, HS_DECLINED, ""); }
static int host_maybe(struct db *db, const struct world *w) { return move(db, w->host, w->r1, HS_TENTATIVE, ""); }
static int host_cancel(struct db *db, const struct world *w) { return move(db, w->host, w->r1, HS_CANCELLED, "sorry"); }
static int guest_cancel(struct db *db, const struct world *w) { return move(db, w->guest, w->r1, HS_CANCELLED, "plans changed"); }
static int guest_confirm(struct db *db, const struct world *w) { return move(db, w->guest, w->r1, HS_CONFIRMED, ""); }
static int host_repropose(struct db *db, const struct world *w) { return propose(db, w->host, w->r1, D0 + 22, D0 + 24); }
static int guest_propose(struct db *db, const struct world *w) { return propose(db, w->guest, w->r1, D0 + 21, D0 + 24); }

static int
answer(struct db *db, int64_t actor, int64_t id, bool agree)
{
	const char *why = NULL;

	return db_host_request_answer(db, actor, id, agree, &why);
}

static int guest_agree(struct db *db, const struct world *w) { return answer(db, w->guest, w->r1, true); }
static int guest_refuse(struct db *db, const struct world *w) { return answer(db, w->guest, w->r1, false); }
static int host_agree(struct db *db, const struct world *w) { return answer(db, w->host, w->r1, true); }

/* Another guest asks for nights that overlap r1. */
static int
guest2_asks(struct db *db, const struct world *w)
{
	int64_t id = 0;

	return ask(db, w->guest2, w->host, D0 + 21, D0 + 24, &id);
}

/* Success means the guest saw the street address. */
static int
guest_reads_address(struct db *db, const struct world *w)
{
	struct host_private p;

	return db_host_private(db, w->guest, w->host, w->r1, &p);
}

static int
reference(struct db *db, int64_t actor, int64_t id)
{
	const char *why = NULL;

	return db_host_reference_write(db, actor, id, "A kind and easy stay.", true, &why);
}

static int host_refers(struct db *db, const struct world *w) { return reference(db, w->host, w->r1); }
static int guest_refers(struct db *db, const struct world *w) { return reference(db, w->guest, w->r1); }

static int
interview(struct db *db, const struct world *w)
{
	const char *why = NULL;

	return db_host_interview_add(db, w->guest, "BWH", D0 + 60, &why);
}

static int mentor_accept(struct db *db, const struct world *w) { return db_mentor_accept(db, w->mentor, w->ship, ""); }
static int mentor_accept2(struct db *db, const struct world *w) { return db_mentor_accept(db, w->mentor, w->r2, ""); }
static int mentee_withdraw(struct db *db, const struct world *w) { return db_mentor_withdraw(db, w->mentee, w->ship); }
static int mentor_decline(struct db *db, const struct world *w) { return db_mentor_decline(db, w->mentor, w->ship, "busy", ""); }

static int mentee_checks_in(struct db *db, const struct world *w) { return db_mentor_checkin_add(db, w->mentee, w->ship, true, "", "we met"); }
static int mentor_ends(struct db *db, const struct world *w) { return db_mentor_end(db, w->mentor, w->ship, mentor_end_reasons[0].code, 4); }
static int mentee_pauses(struct db *db, const struct world *w) { return db_mentor_pause(db, w->mentee, w->ship, true); }
static int author_edits(struct db *db, const struct world *w) { return db_board_post_edit(db, w->guest, w->post, "Ask away, kindly."); }
static int author_deletes(struct db *db, const struct world *w) { return db_board_post_delete(db, w->guest, w->post); }

static int
reply(struct db *db, const struct world *w)
{
	int64_t id = 0;

	return db_board_post_reply(db, w->guest, w->post, "Me too.", &board_lim, &id);
}

static int
asks_for_community(struct db *db, const struct world *w)
{
	int64_t id = 0;

	return db_board_request_create(db, w->guest, "Denver", "region", "Colorado", "many of us",
	    &id);
}

static int removes_key1(struct db *db, const struct world *w) { return db_key_remove(db, w->guest, w->key1); }
static int removes_key2(struct db *db, const struct world *w) { return db_key_remove(db, w->guest, w->key2); }

/* ---- the harness ---- */

/* Everything an actor here can change, as one line. */
static const char rows_sql[] =
    "SELECT coalesce((SELECT group_concat(x, ' ') FROM (SELECT id || ':' || state || ':' || "
    "arrive_day || '-' || depart_day || 'x' || travellers || ':p' || prop_by || '@' || "
    "prop_arrive || '-' || prop_depart AS x FROM host_requests ORDER BY id)), '') || "
    "' log' || (SELECT count(*) FROM host_access_log) || "
    "' iv' || (SELECT count(*) FROM host_interviews) || ' refs' || "
    "coalesce((SELECT group_concat(x, ',') FROM (SELECT author_id || '/' || "
    "(revealed_at IS NOT NULL) AS x FROM host_references ORDER BY author_id)), '') || "
    "' ships' || coalesce((SELECT group_concat(x, ',') FROM (SELECT id || ':' || state "
    "AS x FROM mentorships ORDER BY id)), '') || "
    "' checkins' || (SELECT count(*) FROM mentor_checkins) || ' posts' || "
    "coalesce((SELECT group_concat(x, ',') FROM (SELECT id || ':' || deleted || ':' || "
    "body AS x FROM posts ORDER BY id)), '') || "
    "' asks' || (SELECT count(*) FROM community_requests) || "
    "' keys' || (SELECT count(*) FROM ssh_keys)";

static void
read_rows(struct db *db, char *buf, size_t sz)
{
	sqlite3_stmt *st = NULL;

	snprintf(buf, sz, "(unreadable)");
	if (sqlite3_prepare_v2(db_sqlite(db), rows_sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The hook's orders: at the pause-th transaction point of connection a,
 * run actor b on connection other. */
struct pause {
	struct db *a, *other;
	const struct world *w;
	actor_fn b;
	int pause, seen;
	bool ran;
	int b_rc;
};

static void
pause_hook(struct db *db, const char *point, void *arg)
{
	struct pause *p = arg;

	(void)point;
	if (db != p->a || p->ran || ++p->seen != p->pause)
		return;
	p->ran = true;
	p->b_rc = p->b(p->other, p->w);
}

static int run_no;
static const char *race_dir;	/* the running test's (fx_tmpdir) */
static char race_template[512];	/* a migrated, seeded database in race_dir */

/* Migrating takes most of an open; each run copies this one instead. */
static bool
make_template(void)
{
	char err[256];
	struct db *db = NULL;

	if (race_dir == NULL)
		return false;
	snprintf(race_template, sizeof race_template, "%s/template.db", race_dir);
	if (db_open(race_template, &db, err, sizeof err) != 0)
		return false;
	db_close(db);	/* the last connection: the WAL is folded in */
	return true;
}

static bool
copy_file(const char *from, const char *to)
{
	char buf[65536];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;
	bool ok = in != NULL && out != NULL;

	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	if (in != NULL)
		fclose(in);
	if (out != NULL && fclose(out) != 0)
		ok = false;
	return ok;
}

/* One run on a new file database with two connections: setup, then a
 * (pausing at its pause-th point to run b, or b afterwards when serial;
 * b_first: b, then a). *fired says whether the pause point was reached. */
static int
run(setup_fn setup, actor_fn a, actor_fn b, int pause, bool b_first, struct outcome *o,
    bool *fired)
{
	char err[256], name[32];
	struct db *one = NULL, *two = NULL;
	struct world w;
	struct pause p;
	char path[512];
	int rc;

	if (race_dir == NULL)
		return ERR_INTERNAL;
	snprintf(name, sizeof name, "race-%d.db", run_no++);
	snprintf(path, sizeof path, "%s/%s", race_dir, name);
	if (!copy_file(race_template, path))
		return ERR_INTERNAL;
	if ((rc = db_open(path, &one, err, sizeof err)) != 0)
		return rc;
	if ((rc = db_open(path, &two, err, sizeof err)) != 0) {
		db_close(one);
		return rc;
	}
	/* The other connection gives up on the lock quickly: ERR_BUSY. A
	 * scratch file need not reach the disk. */
	sqlite3_busy_timeout(db_sqlite(two), 0);
	sqlite3_exec(db_sqlite(one), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	sqlite3_exec(db_sqlite(two), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	memset(&w, 0, sizeof w);
	memset(&p, 0, sizeof p);
	memset(o, 0, sizeof *o);
	if ((rc = setup(one, &w)) != 0)
		goto out;
	if (b_first)
		o->b_ok = b(two, &w) == 0;
	if (pause > 0) {
		p = (struct pause){ .a = one, .other = two, .w = &w, .b = b, .pause = pause };
		db_set_tx_hook_for_tests(pause_hook, &p);
	}
	o->a_ok = a(one, &w) == 0;
	db_set_tx_hook_for_tests(NULL, NULL);
	if (pause > 0) {
		*fired = p.ran;
		o->b_ok = p.b_rc == 0;
	} else if (!b_first && b != NULL) {
		o->b_ok = b(two, &w) == 0;
	}
	read_rows(one, o->rows, sizeof o->rows);
out:
	db_set_tx_hook_for_tests(NULL, NULL);
	db_close(two);
	db_close(one);
	unlink(path);
	snprintf(path + strlen(path), sizeof path - strlen(path), "-wal");
	unlink(path);
	path[strlen(path) - 4] = '\0';
	snprintf(path + strlen(path), sizeof path - strlen(path), "-shm");
	unlink(path);
	return rc;
}

static bool
same(const struct outcome *x, const struct outcome *y)
{
	return x->a_ok == y->a_ok && x->b_ok == y->b_ok && strcmp(x->rows, y->rows) == 0;
}

/* Pauses a at each of its transaction points in turn, running b there;
 * returns false (after saying why) when an outcome is not serial. */
static bool
race_one_way(setup_fn setup, actor_fn a, actor_fn b, const char *what)
{
	struct outcome serial[4], o;
	bool fired = true, dummy;

	/* a then b; b then a; a alone (b refused: busy); b alone. */
	if (run(setup, a, b, 0, false, &serial[0], &dummy) != 0 ||
	    run(setup, a, b, 0, true, &serial[1], &dummy) != 0 ||
	    run(setup, a, NULL, 0, false, &serial[2], &dummy) != 0 ||
	    run(setup, b, NULL, 0, false, &serial[3], &dummy) != 0) {
		test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
		return false;
	}
	/* b alone, seen from a's side: a refused, b succeeded. */
	serial[3].b_ok = serial[3].a_ok;
	serial[3].a_ok = false;
	for (int k = 1; fired && k < 64; k++) {
		fired = false;
		if (run(setup, a, b, k, false, &o, &fired) != 0) {
			test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
			return false;
		}
		if (!fired)
			break;
		if (!same(&o, &serial[0]) && !same(&o, &serial[1]) && !same(&o, &serial[2]) &&
		    !same(&o, &serial[3])) {
			test_fail(__FILE__, __LINE__, "%s, b at point %d: a %s, b %s, rows %s "
			    "(serially: a,b %d%d %s; b,a %d%d %s)", what, k,
			    o.a_ok ? "ok" : "refused", o.b_ok ? "ok" : "refused", o.rows,
			    serial[0].a_ok, serial[0].b_ok, serial[0].rows,
			    serial[1].a_ok, serial[1].b_ok, serial[1].rows);
			return false;
		}
	}
	return true;
}

/* Both ways round. */
static bool
race(setup_fn setup, actor_fn a, actor_fn b, const char *what)
{
	char back[128];

	/* B's ERR_BUSY is expected here; its warning is noise. */
	log_set_level(LOG_ERR);
	snprintf(back, sizeof back, "%s (reversed)", what);
	return race_one_way(setup, a, b, what) && race_one_way(setup, b, a, back);
}

/* Every test here starts with this: its databases live in one directory. */
/* One case: from the state setup makes, actor a against actor b. */
struct race_case {
	setup_fn setup;
	actor_fn a, b;
	const char *what;
};

#define RACE(setup, a, b) { setup, a, b, #a " vs " #b " from " #setup }

/* Runs every case in its own database directory (the running test's). */
static void
race_all(const struct race_case *cases, size_t n)
{
	race_dir = fx_tmpdir();
	if (!make_template()) {
		test_fail(__FILE__, __LINE__, "no template database");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (!race(cases[i].setup, cases[i].a, cases[i].b, cases[i].what))
			return;
}

#define RACE_ALL(cases) race_all(cases, sizeof cases / sizeof cases[0])

static const struct race_case host_moves_on_one_request_cases[] = {
	RACE(s_accepted, guest_confirm, host_cancel),
	RACE(s_accepted, guest_confirm, guest_cancel),
	RACE(s_requested, host_accept, guest_cancel),
	RACE(s_requested, host_decline, guest_cancel),
	RACE(s_requested, host_maybe, guest_cancel),
	RACE(s_requested, host_accept, host_decline),
	RACE(s_tentative, host_accept, guest_cancel),
	RACE(s_tentative, host_decline, guest_cancel),
	RACE(s_confirmed, host_cancel, guest_cancel),
};

TEST(races_host_moves_on_one_request)
{
	RACE_ALL(host_moves_on_one_request_cases);
}

static const struct race_case host_proposals_and_answers_cases[] = {
	RACE(s_requested, host_accept, guest_propose),
	RACE(s_host_proposed, guest_agree, host_cancel),
	RACE(s_host_proposed, guest_agree, guest_cancel),
	RACE(s_host_proposed, guest_refuse, host_repropose),
	RACE(s_host_proposed, guest_agree, host_decline),
	RACE(s_guest_proposed, host_agree, guest_cancel),
	RACE(s_guest_proposed, host_agree, host_decline),
};

TEST(races_host_proposals_and_answers)
{
	RACE_ALL(host_proposals_and_answers_cases);
}

static const struct race_case host_capacity_one_takes_one_stay_cases[] = {
	RACE(s_two_requests, host_accept, host_accept2),
	RACE(s_requested, host_accept, guest2_asks),
};

TEST(races_host_capacity_one_takes_one_stay)
{
	RACE_ALL(host_capacity_one_takes_one_stay_cases);
}

static const struct race_case host_address_references_interviews_cases[] = {
	RACE(s_accepted, guest_reads_address, host_cancel),
	RACE(s_completed, host_refers, guest_refers),
	RACE(s_interviews, interview, interview),
};

TEST(races_host_address_references_interviews)
{
	RACE_ALL(host_address_references_interviews_cases);
}

static const struct race_case mentorship_moves_cases[] = {
	RACE(s_mentorship, mentor_accept, mentee_withdraw),
	RACE(s_mentorship, mentor_accept, mentor_decline),
	RACE(s_mentorship, mentor_accept, mentor_accept2),	/* room for one mentee */
};

TEST(races_mentorship_moves)
{
	RACE_ALL(mentorship_moves_cases);
}

static const struct race_case mentorship_checkins_cases[] = {
	RACE(s_active_mentorship, mentee_checks_in, mentor_ends),
	RACE(s_active_mentorship, mentee_checks_in, mentee_pauses),
};

TEST(races_mentorship_checkins)
{
	RACE_ALL(mentorship_checkins_cases);
}

static const struct race_case board_posts_and_requests_cases[] = {
	RACE(s_thread, author_edits, author_deletes),
	RACE(s_thread, author_deletes, author_deletes),
	RACE(s_thread, reply, author_deletes),
	RACE(s_member, asks_for_community, asks_for_community),
};

TEST(races_board_posts_and_requests)
{
	RACE_ALL(board_posts_and_requests_cases);
}

static const struct race_case keys_keep_the_last_way_in_cases[] = {
	RACE(s_two_keys, removes_key1, removes_key2),
};

TEST(races_keys_keep_the_last_way_in)
{
	RACE_ALL(keys_keep_the_last_way_in_cases);
}
