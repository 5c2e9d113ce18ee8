/* Thread moderation, Members and probation (issue 10): the permission
 * matrix of fx-staff.h for every action of the slice, on targets in X and
 * in Y, then what each action does, and the races. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-mod-members.h"
#include "db/db-probation.h"
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "db/db-thread-mod.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "lib/log.h"
#include "rules/moderation.h"
#include "test.h"

#define DAY	86400
static const struct board_limits lim = { .rate = RATE_LIMITS_NONE };

/* ---- the matrix ---- */

/* One action of the slice by actor on the target in X (in_y false) or Y.
 * prep (may be NULL) readies the world as the sysop first. */
struct action {
	const char *name;
	int (*prep)(struct fx_staff *w, bool in_y);
	int (*run)(struct fx_staff *w, int64_t actor, bool in_y);
	int expect[2][FX_ROWS];		/* [in_y][row] */
};

#define D ERR_DENIED
#define OK ERR_OK
#define STAFF_OF_X	{ D, OK, D, OK, D }
#define STAFF_OF_Y	{ D, D, OK, OK, D }
#define ADMIN_ONLY	{ D, D, D, OK, D }
#define ANY_STAFF	{ D, OK, OK, OK, D }

static int64_t
thread_of(const struct fx_staff *w, bool in_y)
{
	return in_y ? w->thread_y : w->thread_x;
}

static int64_t
author_of(const struct fx_staff *w, bool in_y)
{
	return in_y ? w->author_y : w->author_x;
}

static int64_t
community_of(const struct fx_staff *w, bool in_y)
{
	return in_y ? w->y : w->x;
}

static int
a_lock(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_lock(w->db, actor, thread_of(w, in_y), true, "Heated", NULL);
}

static int
p_locked(struct fx_staff *w, bool in_y)
{
	return db_thread_mod_lock(w->db, STAFF_SYSOP, thread_of(w, in_y), true, "Heated", NULL);
}

static int
a_unlock(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_lock(w->db, actor, thread_of(w, in_y), false, "Calm now", NULL);
}

static int
a_pin(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_pin(w->db, actor, thread_of(w, in_y), true, "Read first", NULL);
}

static int
p_pinned(struct fx_staff *w, bool in_y)
{
	return db_thread_mod_pin(w->db, STAFF_SYSOP, thread_of(w, in_y), true, "Read first", NULL);
}

static int
a_unpin(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_pin(w->db, actor, thread_of(w, in_y), false, "Old news", NULL);
}

static int
a_retitle(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_retitle(w->db, actor, thread_of(w, in_y), "A clearer title",
	    "Say what it is about", NULL);
}

static int
a_slow(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_slow(w->db, actor, thread_of(w, in_y), 60, "Cool down", NULL);
}

static int
a_move(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_move(w->db, actor, thread_of(w, in_y), community_of(w, !in_y),
	    "Belongs there", NULL);
}

/* A second thread in the target's community, merged into the target. */
static int64_t merge_into;

static int
p_second(struct fx_staff *w, bool in_y)
{
	int64_t pid;

	return db_board_thread_create(w->db, author_of(w, in_y), community_of(w, in_y),
	    "The same question", "Asked again.", &lim, &merge_into, &pid);
}

static int
a_merge(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_thread_mod_merge(w->db, actor, merge_into, thread_of(w, in_y), "Duplicate",
	    NULL);
}

static int
a_warn(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_sanction_add(w->db, actor, author_of(w, in_y), SANCTION_WARN,
	    community_of(w, in_y), 0, "Stay on topic", NULL, NULL);
}

static int
a_silence(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_sanction_add(w->db, actor, author_of(w, in_y), SANCTION_SILENCE,
	    community_of(w, in_y), db_now() + 3 * DAY, "Cool down", NULL, NULL);
}

static int64_t lift_id;

static int
p_silenced(struct fx_staff *w, bool in_y)
{
	return db_sanction_add(w->db, STAFF_SYSOP, author_of(w, in_y), SANCTION_SILENCE,
	    community_of(w, in_y), db_now() + DAY, "Cool down", NULL, &lift_id);
}

static int
a_lift(struct fx_staff *w, int64_t actor, bool in_y)
{
	(void)in_y;
	return db_sanction_lift(w->db, actor, lift_id, "Apologised");
}

/* Seeing the sanction in force: the list call, and the row in it. */
static int
a_see(struct fx_staff *w, int64_t actor, bool in_y)
{
	struct sanction *s = NULL;
	size_t n = 0;
	bool seen = false;
	int r;

	(void)in_y;
	if ((r = db_mod_members_sanctions(w->db, actor, 0, 50, &s, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++)
		seen = seen || s[i].id == lift_id;
	free(s);
	return seen ? ERR_OK : ERR_DENIED;
}

static int
a_vouch(struct fx_staff *w, int64_t actor, bool in_y)
{
	return db_probation_vouch(w->db, actor, author_of(w, in_y), "Known to me", NULL);
}

static const struct action actions[] = {
	{ "lock", NULL, a_lock, { STAFF_OF_X, STAFF_OF_Y } },
	{ "unlock", p_locked, a_unlock, { STAFF_OF_X, STAFF_OF_Y } },
	{ "pin", NULL, a_pin, { STAFF_OF_X, STAFF_OF_Y } },
	{ "unpin", p_pinned, a_unpin, { STAFF_OF_X, STAFF_OF_Y } },
	{ "retitle", NULL, a_retitle, { STAFF_OF_X, STAFF_OF_Y } },
	{ "slow mode", NULL, a_slow, { STAFF_OF_X, STAFF_OF_Y } },
	{ "move to the other community", NULL, a_move, { ADMIN_ONLY, ADMIN_ONLY } },
	{ "merge", p_second, a_merge, { STAFF_OF_X, STAFF_OF_Y } },
	{ "warn", NULL, a_warn, { STAFF_OF_X, STAFF_OF_Y } },
	{ "silence", NULL, a_silence, { STAFF_OF_X, STAFF_OF_Y } },
	{ "lift a silence", p_silenced, a_lift, { STAFF_OF_X, STAFF_OF_Y } },
	{ "see a silence in Members", p_silenced, a_see, { STAFF_OF_X, STAFF_OF_Y } },
	{ "vouch", NULL, a_vouch, { ANY_STAFF, ANY_STAFF } },
};

static int matrix_cases;

/* Every action, by every row, on each side: a fresh world per case, so
 * one case's success never changes the next one's target. */
TEST(thread_mod_matrix)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		for (int side = 0; side < 2; side++)
			for (int row = 0; row < FX_ROWS; row++) {
				const struct action *a = &actions[i];
				struct fx_staff w;
				int got;

				CHECK(fx_staff_world(&w));
				if (a->prep != NULL)
					CHECK_INT(a->prep(&w, side == 1), 0);
				got = a->run(&w, fx_staff_actor(&w, (enum fx_row)row), side == 1);
				matrix_cases++;
				if (got != a->expect[side][row]) {
					test_fail(__FILE__, __LINE__, "%s in %s by %s: %d, expected %d",
					    a->name, side ? "Y" : "X", fx_staff_row_name(row), got,
					    a->expect[side][row]);
					return;
				}
			}
	/* 13 actions x 2 sides x 5 rows. */
	CHECK_INT(matrix_cases, 130);
}

/* A refused staff action leaves no audit entry; an allowed one leaves one
 * with before and after. */
TEST(thread_mod_audited)
{
	struct fx_staff w;
	struct audit_entry *e = NULL;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_thread_mod_lock(w.db, w.mod_y, w.thread_x, true, "not mine", NULL),
	    ERR_DENIED);
	CHECK_INT(db_thread_mod_lock(w.db, w.mod_x, w.thread_x, true, "Heated", NULL), 0);
	CHECK_INT(db_thread_mod_lock(w.db, w.mod_x, w.thread_x, true, "twice", NULL), ERR_STATE);
	CHECK_INT(db_audit_list(w.db, w.admin, NULL, 0, 50, &e, &n), 0);
	CHECK(n >= 1);
	CHECK_STR(e[0].action, "thread.lock");
	CHECK_STR(e[0].actor, "modx");
	CHECK_STR(e[0].reason, "Heated");
	CHECK_STR(e[0].before, "unlocked");
	CHECK_STR(e[0].after, "locked");
	CHECK_INT(e[0].community_id, w.x);
	CHECK(n < 2 || strcmp(e[1].action, "thread.lock") != 0);
	free(e);
	/* A reason is required. */
	CHECK_INT(db_thread_mod_pin(w.db, w.mod_x, w.thread_x, true, "  ", NULL), ERR_INVALID);
}

/* ---- what the actions do ---- */

TEST(thread_mod_locked_refuses_replies)
{
	struct fx_staff w;
	struct board_thread t;
	char why[400];
	int64_t pid;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_thread_mod_lock(w.db, w.mod_x, w.thread_x, true, "Heated", NULL), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "One more", &lim, &pid),
	    ERR_STATE);
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, 0, w.post_x, why, sizeof why), 0);
	CHECK(strstr(why, "locked") != NULL);
	/* The moderators may still speak in it; the thread says it is locked. */
	CHECK_INT(db_board_post_reply(w.db, w.mod_x, w.post_x, "Closing note", &lim, &pid), 0);
	CHECK_INT(db_board_thread_get(w.db, w.member, w.thread_x, &t), 0);
	CHECK(t.locked);
	/* Other threads are untouched; unlocking opens it again. */
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_y, "Fine here", &lim, &pid), 0);
	CHECK_INT(db_thread_mod_lock(w.db, w.admin, w.thread_x, false, "Calm now", NULL), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "One more", &lim, &pid), 0);
}

TEST(thread_mod_pinned_first)
{
	struct fx_staff w;
	struct board_thread *t = NULL;
	size_t n = 0;
	int64_t tid, pid;

	CHECK(fx_staff_world(&w));
	db_set_now_for_tests(db_now() + 60);
	CHECK_INT(db_board_thread_create(w.db, w.author_x, w.x, "Newer", "Newer post", &lim, &tid,
	    &pid), 0);
	CHECK_INT(db_board_thread_page(w.db, w.member, w.x, NULL, false, 10, &t, &n), 0);
	CHECK(n == 2 && t[0].id == tid);
	free(t);
	CHECK_INT(db_thread_mod_pin(w.db, w.mod_x, w.thread_x, true, "Read first", NULL), 0);
	CHECK_INT(db_board_thread_page(w.db, w.member, w.x, NULL, false, 10, &t, &n), 0);
	CHECK(n == 2 && t[0].id == w.thread_x && t[0].pinned);
	free(t);
}

TEST(thread_mod_slow_mode)
{
	struct fx_staff w;
	char why[400];
	int64_t pid, now;

	CHECK(fx_staff_world(&w));
	now = db_now();
	db_set_now_for_tests(now);
	CHECK_INT(db_thread_mod_slow(w.db, w.mod_x, w.thread_x, 86401, "too long", NULL),
	    ERR_INVALID);
	CHECK_INT(db_thread_mod_slow(w.db, w.mod_x, w.thread_x, 120, "Cool down", NULL), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "First", &lim, &pid), 0);
	db_set_now_for_tests(now + 30);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Second", &lim, &pid),
	    ERR_TOO_FAST);
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, 0, w.post_x, why, sizeof why), 0);
	CHECK(strstr(why, "slow mode") != NULL && strstr(why, "90 seconds") != NULL);
	/* Another member, and the moderators, are not held by this one's wait. */
	CHECK_INT(db_board_post_reply(w.db, w.mod_y, w.post_x, "Mine", &lim, &pid), 0);
	CHECK_INT(db_board_post_reply(w.db, w.mod_x, w.post_x, "Note", &lim, &pid), 0);
	db_set_now_for_tests(now + 120);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Second", &lim, &pid), 0);
	CHECK_INT(db_thread_mod_slow(w.db, w.mod_x, w.thread_x, 0, "Off again", NULL), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Third", &lim, &pid), 0);
}

TEST(thread_mod_move_takes_the_posts)
{
	struct fx_staff w;
	struct board_post p;
	struct board_thread *t = NULL;
	size_t n = 0;
	int64_t pid;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "A reply", &lim, &pid), 0);
	/* A moderator of both communities may. */
	CHECK_INT(db_staff_appoint(w.db, w.admin, w.mod_x, w.y, "both"), 0);
	CHECK_INT(db_thread_mod_move(w.db, w.mod_x, w.thread_x, w.x, "same", NULL), ERR_STATE);
	CHECK_INT(db_thread_mod_move(w.db, w.mod_x, w.thread_x, w.y, "Belongs in Y", NULL), 0);
	CHECK_INT(db_board_post_get(w.db, w.member, pid, &p), 0);
	CHECK_INT(p.community_id, w.y);
	free(p.body);
	CHECK_INT(db_board_thread_page(w.db, w.member, w.y, NULL, false, 10, &t, &n), 0);
	CHECK_INT(n, 2);
	free(t);
	CHECK_INT(db_board_thread_page(w.db, w.member, w.x, NULL, false, 10, &t, &n), 0);
	CHECK_INT(n, 0);
	free(t);
}

/* The merged-away thread's posts come under the other's first post, in
 * their tree order after its own, and nothing of it is left. */
TEST(thread_mod_merge_keeps_tree_order)
{
	struct fx_staff w;
	struct board_post *p = NULL;
	struct board_thread t;
	size_t n = 0;
	int64_t from, root, r1, r2, r3, last;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Into reply", &lim, &r1), 0);
	CHECK_INT(db_board_thread_create(w.db, w.author_x, w.x, "Dup", "Dup root", &lim, &from,
	    &root), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, root, "Dup reply", &lim, &r2), 0);
	CHECK_INT(db_board_post_reply(w.db, w.author_x, r2, "Dup deeper", &lim, &r3), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, root, "Dup second reply", &lim, &last), 0);
	/* The member read the duplicate and follows it; never opened the other. */
	CHECK_INT(db_board_read_mark(w.db, w.member, from, last), 0);
	CHECK_INT(db_board_read_follow(w.db, w.member, from, 1), 0);
	CHECK_INT(db_thread_mod_merge(w.db, w.mod_x, from, from, "self", NULL), ERR_INVALID);
	CHECK_INT(db_thread_mod_merge(w.db, w.mod_x, from, w.thread_x, "Duplicate", NULL), 0);
	CHECK_INT(db_board_thread_get(w.db, w.member, from, &t), ERR_NOTFOUND);
	CHECK_INT(db_board_thread_get(w.db, w.member, w.thread_x, &t), 0);
	CHECK_INT(t.post_count, 6);
	CHECK_INT(t.last_post_id, last);
	CHECK_INT(t.follow, 1);
	CHECK_INT(db_board_post_page(w.db, w.member, w.thread_x, NULL, false, false, 20, &p, &n,
	    NULL), 0);
	CHECK_INT(n, 6);
	CHECK_INT(p[0].id, w.post_x);
	CHECK_INT(p[1].id, r1);
	CHECK_INT(p[2].id, root);
	CHECK_INT(p[2].parent_id, w.post_x);
	CHECK_INT(p[2].depth, 1);
	CHECK_INT(p[3].id, r2);
	CHECK_INT(p[4].id, r3);
	CHECK_INT(p[4].depth, 3);
	CHECK_INT(p[5].id, last);
	db_board_posts_free(p, n);
	/* A reply in the merged thread still takes the next free place. */
	CHECK_INT(db_board_post_reply(w.db, w.author_x, root, "After the merge", &lim, &r1), 0);
}

TEST(thread_mod_merge_path_rule)
{
	char out[BOARD_PATH_SZ];
	int depth = 0;

	CHECK(mod_merge_path("000001", "000001", 3, out, sizeof out, &depth));
	CHECK_STR(out, "000001000004");
	CHECK_INT(depth, 1);
	CHECK(mod_merge_path("000001", "00000100000z", 3, out, sizeof out, &depth));
	CHECK_STR(out, "000001000004000012");
	CHECK_INT(depth, 2);
	CHECK(!mod_merge_path("000001", "00000", 3, out, sizeof out, &depth));
	CHECK(!mod_merge_path("000001", "zzzzzz", 3, out, sizeof out, &depth));
}

/* ---- probation ---- */

static const struct probation_limits plim = { .days = 7, .cap = { 2, 3, 3, 2 } };

TEST(thread_mod_probation_caps_threads_and_replies)
{
	struct fx_staff w;
	char why[400];
	int64_t tid, pid, now;

	CHECK(fx_staff_world(&w));
	db_probation_set(&plim);
	now = db_now();
	db_set_now_for_tests(now);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "One", "Body", &lim, &tid, &pid), 0);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Two", "Body", &lim, &tid, &pid), 0);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Three", "Body", &lim, &tid, &pid),
	    ERR_TOO_FAST);
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, w.x, 0, why, sizeof why), 0);
	CHECK(strstr(why, "New members can start 2 threads a day for their first 7 days; this "
	    "lifts on ") == why);
	CHECK(strstr(why, "or when a moderator vouches for you.") != NULL);
	/* Replies have their own cap. */
	for (int i = 0; i < 3; i++)
		CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Reply", &lim, &pid), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Reply", &lim, &pid),
	    ERR_TOO_FAST);
	/* A day later the window has room again. */
	db_set_now_for_tests(now + DAY);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Four", "Body", &lim, &tid, &pid),
	    0);
	/* After the days, no cap at all. */
	db_set_now_for_tests(now + 8 * DAY);
	for (int i = 0; i < 4; i++)
		CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Reply", &lim, &pid), 0);
}

TEST(thread_mod_vouch_lifts_probation)
{
	struct fx_staff w;
	char why[400];
	int64_t tid, pid;

	CHECK(fx_staff_world(&w));
	db_probation_set(&plim);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "One", "Body", &lim, &tid, &pid), 0);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Two", "Body", &lim, &tid, &pid), 0);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Three", "Body", &lim, &tid, &pid),
	    ERR_TOO_FAST);
	/* A moderator of Y vouches for a member posting in X: vouching is global. */
	CHECK_INT(db_probation_vouch(w.db, w.mod_y, w.member, "Known to me", NULL), 0);
	CHECK_INT(db_probation_vouch(w.db, w.mod_x, w.member, "again", NULL), ERR_EXISTS);
	CHECK_INT(db_probation_vouch(w.db, w.mod_x, w.mod_x, "me", NULL), ERR_DENIED);
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, w.x, 0, why, sizeof why), ERR_NOTFOUND);
	CHECK_INT(db_board_thread_create(w.db, w.member, w.x, "Three", "Body", &lim, &tid, &pid),
	    0);
}

TEST(thread_mod_silence_sentence)
{
	struct fx_staff w;
	char why[400];
	int64_t pid;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.member, SANCTION_SILENCE, w.x,
	    db_now() + 2 * DAY, "Personal attacks", NULL, NULL), 0);
	CHECK_INT(db_board_post_reply(w.db, w.member, w.post_x, "Text", &lim, &pid), ERR_DENIED);
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, 0, w.post_x, why, sizeof why), 0);
	CHECK(strstr(why, "You are silenced in ") == why);
	CHECK(strstr(why, " until ") != NULL && strstr(why, ": Personal attacks") != NULL);
	/* Nothing to explain in Y. */
	CHECK_INT(db_thread_mod_refusal(w.db, w.member, 0, w.post_y, why, sizeof why),
	    ERR_NOTFOUND);
}

/* ---- races: two connections to one file ---- */

struct race {
	struct db *a, *b;
	int64_t thread, post, actor_b, into, to;
	int when;			/* the hook point of a to run b at */
	int seen, b_rc;
	bool ran;
	int (*b_fn)(struct race *r);
};

static void
race_hook(struct db *db, const char *point, void *arg)
{
	struct race *r = arg;

	(void)point;
	if (db != r->a || r->ran || ++r->seen != r->when)
		return;
	r->ran = true;
	r->b_rc = r->b_fn(r);
}

static int
b_lock(struct race *r)
{
	return db_thread_mod_lock(r->b, r->actor_b, r->thread, true, "Heated", NULL);
}

static int
b_move(struct race *r)
{
	return db_thread_mod_move(r->b, r->actor_b, r->into, r->to, "Belongs in Y", NULL);
}

static int64_t
count(struct db *db, const char *sql, int64_t id)
{
	int64_t n = -1;

	(void)db_step_int(db, DB_STMT(db, sql, id), &n, NULL, "test");
	return n;
}

/* Opens two connections on a copy of a world in a file. */
static bool
race_world(struct fx_staff *w, struct db **a, struct db **b)
{
	char err[256];
	const char *dir = fx_tmpdir(), *path;

	if (dir == NULL || !fx_staff_world(w))
		return false;
	path = fx_path(dir, "race.db");
	/* VACUUM INTO copies the in-memory world to the file. */
	{
		sqlite3_stmt *st = NULL;
		bool ok = sqlite3_prepare_v2(db_sqlite(w->db), "VACUUM INTO ?", -1, &st, NULL) ==
		    SQLITE_OK && sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_DONE;

		sqlite3_finalize(st);
		if (!ok)
			return false;
	}
	if (db_open(path, a, err, sizeof err) != 0)
		return false;
	if (db_open(path, b, err, sizeof err) != 0)
		return false;
	sqlite3_busy_timeout(db_sqlite(*b), 0);
	return true;
}

/* A member's reply racing a moderator's lock, at each transaction point
 * of the reply: either the lock comes first and the reply is refused, or
 * the reply holds the lock and the lock waits (busy, here), never a reply
 * written into a thread that was locked before it committed. */
TEST(thread_mod_race_reply_vs_lock)
{
	log_set_level(LOG_ERR);	/* the waits that give up are expected */
	for (int when = 1; when <= 3; when++) {
		struct fx_staff w;
		struct db *a = NULL, *b = NULL;
		struct race r;
		int64_t pid = 0, posts, locked;
		int ra;

		CHECK(race_world(&w, &a, &b));
		test_defer((void (*)(void *))db_close, a);
		test_defer((void (*)(void *))db_close, b);
		r = (struct race){ .a = a, .b = b, .thread = w.thread_x, .post = w.post_x,
		    .actor_b = w.mod_x, .when = when, .b_fn = b_lock };
		db_set_tx_hook_for_tests(race_hook, &r);
		ra = db_board_post_reply(a, w.member, w.post_x, "Racing", &lim, &pid);
		db_set_tx_hook_for_tests(NULL, NULL);
		posts = count(a, "SELECT count(*) FROM posts WHERE thread_id = ?", w.thread_x);
		locked = count(a, "SELECT locked FROM threads WHERE id = ?", w.thread_x);
		if (!r.ran)
			break;		/* fewer points than when: every one was tried */
		if (r.b_rc == 0 && ra == 0) {
			/* Both: only if the reply committed before the lock began. */
			test_fail(__FILE__, __LINE__, "point %d: reply and lock both won", when);
			return;
		}
		CHECK(ra == 0 || ra == ERR_STATE);
		CHECK(r.b_rc == 0 || r.b_rc == ERR_BUSY);
		CHECK_INT(posts, ra == 0 ? 2 : 1);
		CHECK_INT(locked, r.b_rc == 0 ? 1 : 0);
	}
}

/* A merge racing a move of the thread it merges into: the move is refused
 * or waits; the merge either sees the thread where it now is (a moderator
 * of X no longer moderates it there: refused) or wins the lock. */
TEST(thread_mod_race_merge_vs_move)
{
	log_set_level(LOG_ERR);
	for (int when = 1; when <= 3; when++) {
		struct fx_staff w;
		struct db *a = NULL, *b = NULL;
		struct race r;
		int64_t from = 0, pid = 0, in_y, gone;
		int ra;

		CHECK(race_world(&w, &a, &b));
		test_defer((void (*)(void *))db_close, a);
		test_defer((void (*)(void *))db_close, b);
		CHECK_INT(db_board_thread_create(a, w.author_x, w.x, "Dup", "Dup", &lim, &from,
		    &pid), 0);
		r = (struct race){ .a = a, .b = b, .into = w.thread_x, .to = w.y,
		    .actor_b = w.admin, .when = when };
		r.b_fn = b_move;
		db_set_tx_hook_for_tests(race_hook, &r);
		ra = db_thread_mod_merge(a, w.mod_x, from, w.thread_x, "Duplicate", NULL);
		db_set_tx_hook_for_tests(NULL, NULL);
		if (!r.ran)
			break;
		in_y = count(a, "SELECT count(*) FROM posts WHERE community_id = ?", w.y);
		gone = count(a, "SELECT count(*) FROM threads WHERE id = ?", from);
		if (ra == 0) {
			/* The merge won: both threads' posts in one thread, wherever it is. */
			CHECK_INT(gone, 0);
			CHECK_INT(count(a, "SELECT count(DISTINCT community_id) FROM posts WHERE "
			    "thread_id = ?", w.thread_x), 1);
		} else {
			CHECK_INT(ra, ERR_DENIED);	/* the thread is in Y now */
			CHECK_INT(r.b_rc, 0);
			CHECK_INT(gone, 1);
		}
		(void)in_y;
	}
}
