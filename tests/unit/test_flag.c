/* Flags, auto-hide, the review and safety queues (issue 10): the
 * permission matrix of every review action and of reading the queues,
 * what readers and the author see of a hidden or removed post, the stale
 * sweep, the safety sources, and two moderators acting at once. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db-board.h"
#include "db/db-flag.h"
#include "db/db-message.h"
#include "db/db-sanction.h"
#include "db/db-internal.h"
#include "db/db-mentor.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "db/db-user.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "rules/message.h"
#include "test.h"

static const struct board_limits lim = { .rate = RATE_LIMITS_NONE };

/* Expected result per matrix row. */
struct expect { int r[FX_ROWS]; };
#define ONLY_X_STAFF	{ { ERR_DENIED, ERR_OK, ERR_DENIED, ERR_OK, ERR_DENIED } }
#define ONLY_Y_STAFF	{ { ERR_DENIED, ERR_DENIED, ERR_OK, ERR_OK, ERR_DENIED } }
#define ONLY_ADMIN	{ { ERR_DENIED, ERR_DENIED, ERR_DENIED, ERR_OK, ERR_DENIED } }

static int matrix_cases;	/* counted by check_row; each matrix test checks its count */

static bool
check_row(const char *what, enum fx_row row, int got, int want, int line)
{
	matrix_cases++;
	if (got == want)
		return true;
	test_fail(__FILE__, line, "%s by %s: got %d, want %d", what, fx_staff_row_name(row), got,
	    want);
	return false;
}

/* A fresh post in the thread of X (or Y) and its open review item from one
 * flag by flagger: every row of the matrix acts on an item of its own. */
static int64_t
fresh_item(struct fx_staff *w, bool in_x, int64_t flagger, int64_t *post)
{
	struct flag_filed f = { 0 };
	const char *why = NULL;
	int64_t p = 0;

	if (db_board_post_reply(w->db, in_x ? w->author_x : w->author_y, in_x ? w->post_x :
	    w->post_y, "A reply someone finds rude.", &lim, &p) != 0 ||
	    db_flag_add(w->db, flagger, FLAG_POST, p, FLAG_INAPPROPRIATE, "rude", 3, &f,
	    &why) != 0)
		return 0;
	if (post != NULL)
		*post = p;
	return f.item_id;
}

static const enum review_action actions[] = {
	REVIEW_AGREE_HIDE, REVIEW_AGREE_REMOVE, REVIEW_DISAGREE, REVIEW_DISMISS, REVIEW_ESCALATE,
};
static const char *const action_names[] = {
	"agree/hide", "agree/remove", "disagree", "dismiss", "escalate",
};

TEST(flag_matrix_review_actions)
{
	static const struct expect in_x = ONLY_X_STAFF, in_y = ONLY_Y_STAFF;
	struct fx_staff w;
	int64_t flagger;

	matrix_cases = 0;
	CHECK(fx_staff_world(&w));
	flagger = fx_member(w.db, "flagger", ROLE_ALUMNI);
	CHECK(flagger != 0);
	for (size_t a = 0; a < sizeof actions / sizeof actions[0]; a++)
		for (int t = 0; t < 2; t++)
			for (int r = 0; r < FX_ROWS; r++) {
				const struct expect *e = t == 0 ? &in_x : &in_y;
				int64_t item = fresh_item(&w, t == 0, flagger, NULL);
				const char *why = NULL;
				char what[64];
				int got;

				CHECK(item != 0);
				got = db_review_act(w.db, fx_staff_actor(&w, (enum fx_row)r), item,
				    actions[a], "Checked against the rules", &why);
				snprintf(what, sizeof what, "%s in %s", action_names[a], t ? "Y" : "X");
				if (!check_row(what, (enum fx_row)r, got, e->r[r], __LINE__))
					return;
				/* An escalated item is the admins' now: clear it for the next row. */
				/* Refused, or escalated to the admins: the admin clears
				 * it, so the flagger's open flags stay under the cap. */
				if (got != 0 || actions[a] == REVIEW_ESCALATE)
					CHECK_INT(db_review_act(w.db, w.admin, item, REVIEW_DISMISS, "done",
					    &why), 0);
			}
	CHECK_INT(matrix_cases, 50);	/* 5 actions x 2 communities x 5 rows */
}

/* The thread view's removal by staff: the same powers as agree/remove. */
TEST(flag_matrix_remove_post)
{
	static const struct expect in_x = ONLY_X_STAFF, in_y = ONLY_Y_STAFF;
	struct fx_staff w;
	int64_t flagger;

	matrix_cases = 0;
	CHECK(fx_staff_world(&w));
	flagger = fx_member(w.db, "flagger", ROLE_ALUMNI);
	for (int t = 0; t < 2; t++)
		for (int r = 0; r < FX_ROWS; r++) {
			const struct expect *e = t == 0 ? &in_x : &in_y;
			const char *why = NULL;
			int64_t post = 0;
			int got;

			CHECK(fresh_item(&w, t == 0, flagger, &post) != 0);
			got = db_review_remove_post(w.db, fx_staff_actor(&w, (enum fx_row)r), post,
			    "Off topic here", &why);
			if (!check_row(t ? "remove post in Y" : "remove post in X", (enum fx_row)r, got,
			    e->r[r], __LINE__))
				return;
		}
	CHECK_INT(matrix_cases, 10);
}

/* Items without a community (a member flagged) and safety items are the
 * admins' alone. */
TEST(flag_matrix_admin_items)
{
	static const struct expect e = ONLY_ADMIN;
	struct fx_staff w;
	struct flag_filed f;
	const char *why = NULL;
	int64_t flagger;

	matrix_cases = 0;
	CHECK(fx_staff_world(&w));
	flagger = fx_member(w.db, "flagger", ROLE_ALUMNI);
	for (int r = 0; r < FX_ROWS; r++) {
		int got;

		CHECK_INT(db_flag_add(w.db, flagger, FLAG_MEMBER, w.author_x, FLAG_SPAM, "", 3, &f,
		    &why), 0);
		got = db_review_act(w.db, fx_staff_actor(&w, (enum fx_row)r), f.item_id,
		    REVIEW_AGREE_HIDE, "Spam account", &why);
		if (!check_row("agree on a member", (enum fx_row)r, got, e.r[r], __LINE__))
			return;
		if (got != 0)
			CHECK_INT(db_review_act(w.db, w.admin, f.item_id, REVIEW_DISMISS, "x", &why), 0);
		CHECK_INT(db_flag_add(w.db, flagger, FLAG_POST, w.post_x, FLAG_UNSAFE, "threat", 3, &f,
		    &why), 0);
		got = db_review_act(w.db, fx_staff_actor(&w, (enum fx_row)r), f.item_id,
		    REVIEW_RESOLVE, "Talked to both", &why);
		if (!check_row("resolve a safety item", (enum fx_row)r, got, e.r[r], __LINE__))
			return;
		if (got != 0)
			CHECK_INT(db_review_act(w.db, w.admin, f.item_id, REVIEW_RESOLVE, "x", &why), 0);
	}
	CHECK_INT(matrix_cases, 10);
}

static bool
has_item(const struct review_item *it, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (it[i].id == id)
			return true;
	return false;
}

/* Reading: each scope by each row, and what each one sees. */
TEST(flag_matrix_read_queues)
{
	static const struct expect mod = { { ERR_DENIED, ERR_OK, ERR_OK, ERR_OK, ERR_DENIED } };
	static const struct expect admin = ONLY_ADMIN, get_x = ONLY_X_STAFF, get_y = ONLY_Y_STAFF;
	static const enum review_scope scopes[] = { REVIEW_MODERATOR, REVIEW_ADMIN, REVIEW_SAFETY };
	struct fx_staff w;
	struct flag_filed f;
	const char *why = NULL;
	int64_t flagger, ix, iy, isafe;

	matrix_cases = 0;
	CHECK(fx_staff_world(&w));
	flagger = fx_member(w.db, "flagger", ROLE_ALUMNI);
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_POST, w.post_x, FLAG_SPAM, "", 3, &f, &why), 0);
	ix = f.item_id;
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_POST, w.post_y, FLAG_SPAM, "", 3, &f, &why), 0);
	iy = f.item_id;
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_HOST + 0, w.author_x, FLAG_OTHER, "", 3, &f,
	    &why), ERR_NOTFOUND);	/* no host profile */
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_MEMBER, w.author_y, FLAG_UNSAFE, "", 3, &f,
	    &why), 0);
	isafe = f.item_id;
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r);
		struct review_item one;

		for (size_t s = 0; s < 3; s++) {
			struct review_item *it = NULL;
			size_t n = 0;
			int got = db_review_list(w.db, actor, scopes[s], 48, 100, &it, &n);
			const struct expect *e = s == 0 ? &mod : &admin;

			if (!check_row(s == 0 ? "read own queue" : s == 1 ? "read all queues" :
			    "read safety queue", (enum fx_row)r, got, e->r[r], __LINE__))
				return;
			if (got == 0 && s == 0) {
				CHECK(has_item(it, n, ix) == (r == FX_MOD_X));
				CHECK(has_item(it, n, iy) == (r == FX_MOD_Y));
			}
			if (got == 0 && s == 1)
				CHECK(has_item(it, n, ix) && has_item(it, n, iy) && !has_item(it, n, isafe));
			if (got == 0 && s == 2)
				CHECK(has_item(it, n, isafe) && !has_item(it, n, ix));
			free(it);
		}
		if (!check_row("open an item in X", (enum fx_row)r,
		    db_review_get(w.db, actor, ix, 48, &one), get_x.r[r], __LINE__) ||
		    !check_row("open an item in Y", (enum fx_row)r,
		    db_review_get(w.db, actor, iy, 48, &one), get_y.r[r], __LINE__))
			return;
	}
	CHECK_INT(matrix_cases, 25);	/* 3 scopes and 2 items, 5 rows each */
}

/* Three distinct members hide a post; readers get no body (thread, scan,
 * search), the author does and is told; agree/remove shows the reason. */
TEST(flag_auto_hide_and_removal)
{
	struct fx_staff w;
	struct flag_filed f;
	struct board_post p;
	struct board_hit *hits = NULL;
	struct notice *ns = NULL;
	const char *why = NULL;
	int64_t fl[3], item;
	size_t n = 0;
	char *ctx = NULL;

	CHECK(fx_staff_world(&w));
	fl[0] = fx_member(w.db, "fa", ROLE_ALUMNI);
	fl[1] = fx_member(w.db, "fb", ROLE_ALUMNI);
	fl[2] = fx_member(w.db, "fc", ROLE_ALUMNI);
	CHECK_INT(db_flag_add(w.db, fl[0], FLAG_POST, w.post_x, FLAG_SPAM, "ad", 3, &f, &why), 0);
	CHECK(!f.hidden);
	item = f.item_id;
	CHECK_INT(db_flag_add(w.db, fl[0], FLAG_POST, w.post_x, FLAG_SPAM, "", 3, &f, &why),
	    ERR_EXISTS);
	CHECK_STR(why, "You already flagged this; the moderators will look at it.");
	CHECK_INT(db_flag_add(w.db, fl[1], FLAG_POST, w.post_x, FLAG_OFF_TOPIC, "", 3, &f, &why), 0);
	CHECK(!f.hidden && f.item_id == item);
	CHECK_INT(db_flag_add(w.db, w.author_x, FLAG_POST, w.post_x, FLAG_SPAM, "", 3, &f, &why),
	    ERR_INVALID);	/* one's own post */
	CHECK_INT(db_flag_add(w.db, fl[2], FLAG_POST, w.post_x, FLAG_SPAM, "", 3, &f, &why), 0);
	CHECK(f.hidden && f.item_id == item);
	/* A reader: the stub, no body. The author: the body. */
	CHECK_INT(db_board_post_get(w.db, w.member, w.post_x, &p), 0);
	CHECK(p.hidden == 1 && p.body[0] == '\0');
	free(p.body);
	CHECK_INT(db_board_post_get(w.db, w.author_x, w.post_x, &p), 0);
	CHECK(p.hidden == 1 && strcmp(p.body, "The first post of the thread.") == 0);
	free(p.body);
	/* Search finds Y's post of the same words, not the hidden one. */
	CHECK_INT(db_board_search(w.db, w.member, "first post", 10, &hits, &n), 0);
	CHECK_INT(n, 1);
	CHECK(hits[0].post_id == w.post_y);
	free(hits);
	CHECK_INT(db_notice_list(w.db, w.author_x, 5, &ns, &n), 0);
	CHECK(n >= 1 && strstr(ns[0].text, "is hidden until a moderator") != NULL);
	free(ns);
	/* The context shows the thread, the post and the flags. */
	CHECK_INT(db_review_context(w.db, w.mod_x, item, &ctx), 0);
	CHECK(strstr(ctx, "Thread: A thread to act on") != NULL);
	CHECK(strstr(ctx, "The first post of the thread.") != NULL);
	CHECK(strstr(ctx, "spam by fa") != NULL && strstr(ctx, ": ad") != NULL);
	free(ctx);
	/* A reason is required; then readers see it. */
	CHECK_INT(db_review_act(w.db, w.mod_x, item, REVIEW_AGREE_REMOVE, "", &why), ERR_INVALID);
	CHECK_INT(db_review_act(w.db, w.mod_x, item, REVIEW_AGREE_REMOVE, "Advertising", &why), 0);
	CHECK_INT(db_board_post_get(w.db, w.member, w.post_x, &p), 0);
	CHECK(p.deleted && p.removed);
	CHECK_STR(p.body, "[removed by a moderator: Advertising]");
	free(p.body);
	CHECK_INT(db_review_act(w.db, w.mod_x, item, REVIEW_DISAGREE, "oops", &why), ERR_STATE);
	/* The flags closed with the item: the flaggers' caps are free again. */
	CHECK_INT(db_flag_open_by(w.db, fl[0], &item), 0);
	CHECK_INT(item, 0);
}

/* Disagree shows the post again; an author's edit of a post a moderator
 * hid puts it back in the queue, still hidden. */
TEST(flag_disagree_restores_and_edit_requeues)
{
	struct fx_staff w;
	struct flag_filed f;
	struct board_post p;
	struct review_item *it = NULL;
	const char *why = NULL;
	int64_t fl[3];
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	for (int i = 0; i < 3; i++) {
		char login[8] = { 'f', (char)('a' + i), '\0' };

		fl[i] = fx_member(w.db, login, ROLE_ALUMNI);
		CHECK_INT(db_flag_add(w.db, fl[i], FLAG_POST, w.post_y, FLAG_SPAM, "", 3, &f, &why),
		    0);
	}
	CHECK(f.hidden);
	CHECK_INT(db_review_act(w.db, w.mod_y, f.item_id, REVIEW_DISAGREE, "Not spam", &why), 0);
	CHECK_INT(db_board_post_get(w.db, w.member, w.post_y, &p), 0);
	CHECK(p.hidden == 0 && p.body[0] != '\0');
	free(p.body);
	/* Flagged again, hidden by a moderator, edited: back in the queue. */
	for (int i = 0; i < 3; i++)
		CHECK_INT(db_flag_add(w.db, fl[i], FLAG_POST, w.post_y, FLAG_SPAM, "", 3, &f, &why),
		    0);
	CHECK_INT(db_review_act(w.db, w.mod_y, f.item_id, REVIEW_AGREE_HIDE, "Rude", &why), 0);
	CHECK_INT(db_review_list(w.db, w.mod_y, REVIEW_MODERATOR, 48, 10, &it, &n), 0);
	CHECK_INT(n, 0);
	free(it);
	CHECK_INT(db_board_post_edit(w.db, w.author_y, w.post_y, "Said more kindly."), 0);
	CHECK_INT(db_review_list(w.db, w.mod_y, REVIEW_MODERATOR, 48, 10, &it, &n), 0);
	CHECK_INT(n, 1);
	CHECK(it[0].hidden == 2 && strstr(it[0].detail, "edited") != NULL);
	free(it);
	CHECK_INT(db_board_post_get(w.db, w.member, w.post_y, &p), 0);
	CHECK(p.hidden == 2 && p.body[0] == '\0');
	free(p.body);
}

/* Items past the stale hours tell their community's moderators once. */
TEST(flag_stale_sweep_tells_moderators_once)
{
	struct fx_staff w;
	const char *why = NULL;
	int64_t now, before = 0, after = 0, again = 0, y_before = 0;
	struct notice newest;

	CHECK(fx_staff_world(&w));
	now = db_now();
	CHECK_INT(db_flag_add(w.db, w.member, FLAG_POST, w.post_x, FLAG_SPAM, "", 3, NULL, &why), 0);
	/* A second flagged post in X: still one notice for the community. */
	{
		static const struct board_limits bl = { .rate = RATE_LIMITS_NONE };
		int64_t reply = 0;

		CHECK_INT(db_board_post_reply(w.db, w.author_x, w.post_x, "And more.", &bl, &reply),
		    0);
		CHECK_INT(db_flag_add(w.db, w.member, FLAG_POST, reply, FLAG_OFF_TOPIC, "", 3, NULL,
		    &why), 0);
	}
	CHECK_INT(db_notice_unseen(w.db, w.mod_x, &before, &newest), 0);
	CHECK_INT(db_notice_unseen(w.db, w.mod_y, &y_before, &newest), 0);
	CHECK_INT(db_review_sweep(w.db, now + 47 * 3600, 48), 0);
	CHECK_INT(db_notice_unseen(w.db, w.mod_x, &after, &newest), 0);
	CHECK_INT(after, before);
	CHECK_INT(db_review_sweep(w.db, now + 49 * 3600, 48), 0);
	CHECK_INT(db_notice_unseen(w.db, w.mod_x, &after, &newest), 0);
	CHECK_INT(after, before + 1);
	CHECK(strstr(newest.text, "more than 48 hours") != NULL);
	CHECK_INT(db_review_sweep(w.db, now + 50 * 3600, 48), 0);
	CHECK_INT(db_notice_unseen(w.db, w.mod_x, &again, &newest), 0);
	CHECK_INT(again, after);
	/* Not the moderator of Y. */
	CHECK_INT(db_notice_unseen(w.db, w.mod_y, &again, &newest), 0);
	CHECK_INT(again, y_before);
}

/* A mentorship ended with a rating of 1 opens a safety item with the
 * history of the two members. */
TEST(flag_low_rating_opens_safety_item)
{
	struct fx_staff w;
	struct review_item *it = NULL;
	struct member m;
	int64_t ship = 0;
	size_t n = 0;
	char *ctx = NULL;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_user_get(w.db, w.member, &m), 0);
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	CHECK_INT(db_user_update_profile(w.db, w.member, &m), 0);
	CHECK_INT(db_mentor_request(w.db, w.author_x, w.member, "I want to apply to cardiology "
	    "fellowships; please review my plan.", 3, &ship), 0);
	CHECK_INT(db_mentor_accept(w.db, w.member, ship, ""), 0);
	CHECK_INT(db_mentor_end(w.db, w.author_x, ship, "other", 1), 0);
	CHECK_INT(db_review_list(w.db, w.admin, REVIEW_SAFETY, 48, 10, &it, &n), 0);
	CHECK_INT(n, 1);
	CHECK_STR(it[0].kind, "mentorship");
	CHECK_STR(it[0].detail, "rated 1 of 5");
	CHECK(it[0].subject_id == w.member && it[0].reporter_id == w.author_x);
	CHECK_INT(db_review_context(w.db, w.admin, it[0].id, &ctx), 0);
	CHECK(strstr(ctx, "1 mentorship(s)") != NULL);
	free(ctx);
	free(it);
}

/* ---- two moderators at once ---- */

struct race {
	struct db *a, *b;
	int64_t item, mod_b;
	const char *point;
	bool ran;
	int b_rc;
};

/* At A's transaction point, B (the other moderator) disagrees on the
 * other connection. */
static void
race_hook(struct db *db, const char *point, void *arg)
{
	struct race *r = arg;
	const char *why = NULL;

	if (db != r->a || r->ran || strcmp(point, r->point) != 0)
		return;
	r->ran = true;
	r->b_rc = db_review_act(r->b, r->mod_b, r->item, REVIEW_DISAGREE, "Not spam", &why);
}

static int64_t
count(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* One run: a file database, two connections, two moderators of one
 * community, a post hidden by three flags. A agrees (remove) and pauses
 * at point while B disagrees. */
static void
race_run(const char *point, int *a_rc, int *b_rc, struct db **keep)
{
	char err[256], path[512];
	struct board_community *cs = NULL;
	struct db *one = NULL, *two = NULL;
	struct race r = { .point = point };
	struct flag_filed f = { 0 };
	const char *why = NULL;
	int64_t m1, m2, au, t = 0, p = 0;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/race-%s.db", fx_tmpdir(), point);
	*a_rc = *b_rc = -100;
	if (db_open(path, &one, err, sizeof err) != 0 || db_open(path, &two, err, sizeof err) != 0)
		return;
	sqlite3_busy_timeout(db_sqlite(two), 0);
	m1 = fx_member(one, "moda", ROLE_ALUMNI);
	m2 = fx_member(one, "modb", ROLE_ALUMNI);
	au = fx_member(one, "author", ROLE_ALUMNI);
	if (db_board_community_list(one, au, false, &cs, &n) != 0 || n == 0 ||
	    db_staff_appoint(one, STAFF_SYSOP, m1, cs[0].id, "race") != 0 ||
	    db_staff_appoint(one, STAFF_SYSOP, m2, cs[0].id, "race") != 0 ||
	    db_board_community_join(one, au, cs[0].id, 0) != 0 ||
	    db_board_thread_create(one, au, cs[0].id, "Race", "Buy my course.", &lim, &t, &p) != 0)
		goto out;
	for (int i = 0; i < 3; i++) {
		char login[8] = { 'f', (char)('a' + i), '\0' };

		if (db_flag_add(one, fx_member(one, login, ROLE_ALUMNI), FLAG_POST, p, FLAG_SPAM, "",
		    3, &f, &why) != 0)
			goto out;
	}
	r.a = one;
	r.b = two;
	r.item = f.item_id;
	r.mod_b = m2;
	db_set_tx_hook_for_tests(race_hook, &r);
	*a_rc = db_review_act(one, m1, f.item_id, REVIEW_AGREE_REMOVE, "Advertising", &why);
	db_set_tx_hook_for_tests(NULL, NULL);
	*b_rc = r.ran ? r.b_rc : -200;
	*keep = one;
	one = NULL;
out:
	free(cs);
	if (one != NULL)
		db_close(one);
	db_close(two);
}

TEST(flag_race_agree_and_disagree)
{
	struct db *db = NULL;
	const char *why = NULL;
	int a, b;

	/* B commits before A begins: B wins, A finds the item closed. */
	race_run("begin", &a, &b, &db);
	CHECK(db != NULL);
	CHECK_INT(b, 0);
	CHECK_INT(a, ERR_STATE);
	CHECK_INT(count(db, "SELECT count(*) FROM review_items WHERE status = 'disagreed'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM posts WHERE deleted = 0 AND hidden = 0 AND "
	    "body = 'Buy my course.'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM audit_log WHERE action LIKE 'flag.%'"), 1);
	db_close(db);
	db = NULL;
	/* A holds the lock with its writes made: B cannot get in (busy), A
	 * wins, and B's retry finds the item closed. */
	race_run("commit", &a, &b, &db);
	CHECK(db != NULL);
	CHECK_INT(a, 0);
	CHECK_INT(b, ERR_BUSY);
	CHECK_INT(count(db, "SELECT count(*) FROM posts WHERE deleted = 1 AND removed_reason = "
	    "'Advertising'"), 1);
	CHECK_INT(db_review_act(db, count(db, "SELECT id FROM users WHERE login = 'modb'"),
	    count(db, "SELECT id FROM review_items"), REVIEW_DISAGREE, "late", &why), ERR_STATE);
	CHECK_INT(count(db, "SELECT count(*) FROM audit_log WHERE action LIKE 'flag.%'"), 1);
	db_close(db);
}

/* A safety item's sanction: the item closes and the sanction is given in
 * one transaction; a second admin acting on the same item changes nothing. */
TEST(flag_safety_sanction_is_one_step)
{
	struct fx_staff w;
	struct flag_filed f;
	struct sanction s;
	const char *why = NULL;
	int64_t flagger, admin2, n = 0;
	bool found = false;

	CHECK(fx_staff_world(&w));
	flagger = fx_member(w.db, "flagger", ROLE_ALUMNI);
	admin2 = fx_member_with(w.db, "admin2", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_POST, w.post_x, FLAG_UNSAFE, "a threat", 3, &f,
	    &why), 0);
	CHECK_INT(db_review_sanction(w.db, w.member, f.item_id, SANCTION_SUSPEND,
	    db_now() + 86400, "Threats", &why), ERR_DENIED);
	CHECK_INT(db_review_sanction(w.db, w.admin, f.item_id, SANCTION_SUSPEND,
	    db_now() + 86400, "Threats", &why), 0);
	CHECK_INT(db_sanction_in_force(w.db, w.author_x, 0, SANCTION_SUSPEND, &s, &found), 0);
	CHECK(found);
	CHECK_INT(db_review_sanction(w.db, admin2, f.item_id, SANCTION_BAN, 0, "Again", &why),
	    ERR_STATE);
	CHECK(why != NULL && strstr(why, "nothing was done") != NULL);
	CHECK_INT(db_sanction_in_force(w.db, w.author_x, 0, SANCTION_BAN, &s, &found), 0);
	CHECK(!found);
	/* A refused sanction leaves the item open: the rules say no first. */
	CHECK_INT(db_flag_add(w.db, flagger, FLAG_POST, w.post_y, FLAG_UNSAFE, "another", 3, &f,
	    &why), 0);
	CHECK_INT(db_review_sanction(w.db, w.admin, f.item_id, SANCTION_SUSPEND, 0, "No end",
	    &why), ERR_INVALID);
	CHECK_INT(db_review_act(w.db, w.admin, f.item_id, REVIEW_RESOLVE, "Handled", &why), 0);
	(void)n;
}

/* Agreeing on a flagged private message removes it: both members read the
 * stub with the reason, the inbox preview too, and the sender is told. */
TEST(flag_message_agree_removes_it)
{
	static const struct message_limits ml = { .rate = RATE_LIMITS_NONE, .max_chars = 1000 };
	struct fx_staff w;
	struct flag_filed f;
	struct message_row *rows = NULL;
	struct inbox_row *in = NULL;
	enum message_refusal mr;
	const char *why = NULL;
	int64_t msg = 0;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_message_send(w.db, w.author_x, w.member, "You are worthless.", &ml, &msg, &mr),
	    0);
	CHECK_INT(db_flag_add(w.db, w.member, FLAG_MESSAGE, msg, FLAG_HARASSMENT, "", 3, &f, &why),
	    0);
	/* A message has no community: the admins' to handle. */
	CHECK_INT(db_review_act(w.db, w.mod_x, f.item_id, REVIEW_AGREE_REMOVE, "Harassment",
	    &why), ERR_DENIED);
	CHECK_INT(db_review_act(w.db, w.admin, f.item_id, REVIEW_AGREE_REMOVE, "Harassment",
	    &why), 0);
	CHECK_INT(db_message_inbox(w.db, w.member, false, NULL, 10, &in, &n), 0);
	CHECK_INT(n, 1);
	CHECK_STR(in[0].preview, "[removed by a moderator: Harassment]");
	CHECK_INT(db_message_page(w.db, w.author_x, in[0].conversation_id, 0, INT64_MAX, 10,
	    &rows, &n), 0);
	CHECK_INT(n, 1);
	CHECK_STR(rows[0].body, "[removed by a moderator: Harassment]");
	db_message_rows_free(rows, n);
	free(in);
	/* Handled once: a second admin action is refused by the item's state. */
	CHECK_INT(db_review_act(w.db, w.admin, f.item_id, REVIEW_DISAGREE, "Changed my mind",
	    &why), ERR_STATE);
}
