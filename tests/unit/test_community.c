/* Community requests, support, the admins' decisions, applications to
 * moderate, archiving (issue 10): the permission matrix of fx-staff.h for
 * every data function of the slice, what each one does, and two admins
 * deciding one request at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db-board.h"
#include "db/db-community.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "lib/log.h"
#include "rules/community.h"
#include "test.h"

static const struct board_limits lim = { .rate = RATE_LIMITS_NONE };

/* ---- the matrix ---- */

/* Expected result per row of fx-staff.h. */
struct expect { int r[FX_ROWS]; };
#define ANY_MEMBER	{ { ERR_OK, ERR_OK, ERR_OK, ERR_OK, ERR_DENIED } }
#define ONLY_ADMIN	{ { ERR_DENIED, ERR_DENIED, ERR_DENIED, ERR_OK, ERR_DENIED } }
#define ONLY_X_STAFF	{ { ERR_DENIED, ERR_OK, ERR_DENIED, ERR_OK, ERR_DENIED } }
#define ONLY_Y_STAFF	{ { ERR_DENIED, ERR_DENIED, ERR_OK, ERR_OK, ERR_DENIED } }

/* One column of the matrix: an action on a target in community (X, Y, or
 * 0 where no community applies), run by each row; reset puts the target
 * back after a success so the next row meets the same state. */
struct column {
	const char *what;
	int (*act)(struct fx_staff *w, int64_t actor, int64_t community);
	int (*reset)(struct fx_staff *w, int64_t community);
	int64_t community;
	struct expect e;
};

static int matrix_cases;

static bool
run_column(struct fx_staff *w, const struct column *col)
{
	for (int r = 0; r < FX_ROWS; r++) {
		int got = col->act(w, fx_staff_actor(w, (enum fx_row)r), col->community);

		matrix_cases++;
		if (got != col->e.r[r]) {
			test_fail(__FILE__, __LINE__, "%s (%s) by %s: %d, expected %d", col->what,
			    col->community == w->x ? "X" : col->community == w->y ? "Y" : "-",
			    fx_staff_row_name(r), got, col->e.r[r]);
			return false;
		}
		if (got == 0 && col->reset != NULL && col->reset(w, col->community) != 0) {
			test_fail(__FILE__, __LINE__, "%s: reset failed", col->what);
			return false;
		}
	}
	return true;
}

static int
sql(struct fx_staff *w, const char *q)
{
	return sqlite3_exec(db_sqlite(w->db), q, NULL, NULL, NULL) == SQLITE_OK ? 0 : ERR_INTERNAL;
}

/* The open request for a new community the columns act on: author_x's. */
static int64_t matrix_req;
static int matrix_seq;

static int
new_request(struct fx_staff *w, int64_t community)
{
	char name[32];

	(void)community;
	snprintf(name, sizeof name, "Place %d", ++matrix_seq);
	return db_board_request_create(w->db, w->author_x, name, "region", "Somewhere",
	    "Many of us live there", &matrix_req);
}

/* An open application to moderate community c: author_x for X, author_y
 * for Y (each a member of the community they apply to). */
static int64_t app_x, app_y;

static int
new_application(struct fx_staff *w, int64_t c)
{
	int64_t *id = c == w->x ? &app_x : &app_y;
	int64_t who = c == w->x ? w->author_x : w->author_y;

	/* Appointed by a successful row: step down first. */
	(void)db_staff_dismiss(w->db, STAFF_SYSOP, who, c, "reset");
	return db_board_request_moderate(w->db, who, c, "I read every thread", true, id);
}

static int64_t
app_for(struct fx_staff *w, int64_t c)
{
	return c == w->x ? app_x : app_y;
}

static int
act_support(struct fx_staff *w, int64_t actor, int64_t c)
{
	int r = db_community_request_support(w->db, actor, matrix_req, true, NULL);

	(void)c;
	/* Withdrawing is the same power: every supporter may take it back. */
	if (r == 0)
		r = db_community_request_support(w->db, actor, matrix_req, false, NULL);
	return r;
}

static int
act_withdraw(struct fx_staff *w, int64_t actor, int64_t c)
{
	(void)c;
	return db_community_request_support(w->db, actor, matrix_req, false, NULL);
}

/* Before each withdraw row: every row that can support has. */
static int
support_all(struct fx_staff *w)
{
	int r = 0;

	for (int i = 0; r == 0 && i < FX_ROWS; i++)
		if (i != FX_SUSPENDED)
			r = db_community_request_support(w->db, fx_staff_actor(w, (enum fx_row)i),
			    matrix_req, true, NULL);
	return r;
}

static int
act_approve(struct fx_staff *w, int64_t actor, int64_t c)
{
	struct community_approval a = { .appoint_requester = true };

	(void)c;
	return db_community_request_approve(w->db, actor, matrix_req, &a, NULL, NULL);
}

static int
act_decline(struct fx_staff *w, int64_t actor, int64_t c)
{
	(void)c;
	return db_community_request_decline(w->db, actor, matrix_req, "Too small for now", NULL);
}

static int
act_merge(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_community_request_merge(w->db, actor, matrix_req, c, "Same place", NULL);
}

static int
act_recommend(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_community_application_recommend(w->db, actor, app_for(w, c), "Calm and fair",
	    NULL);
}

static int
reset_recommend(struct fx_staff *w, int64_t c)
{
	(void)c;
	return sql(w, "UPDATE community_requests SET recommended_at = NULL, recommended_by = NULL");
}

static int
act_app_appoint(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_community_application_appoint(w->db, actor, app_for(w, c), "Recommended", NULL);
}

static int
act_app_decline(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_community_application_decline(w->db, actor, app_for(w, c), "Not this time",
	    NULL);
}

static int
act_app_list(struct fx_staff *w, int64_t actor, int64_t c)
{
	struct community_application *a = NULL;
	size_t n = 0;
	int r = db_community_applications(w->db, actor, c, &a, &n);

	if (r == 0 && (n != 1 || a[0].community_id != c))
		r = ERR_INTERNAL;
	free(a);
	return r;
}

static int
act_dismiss(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_staff_dismiss(w->db, actor, c == w->x ? w->mod_x : w->mod_y, c, "Rotation");
}

static int
reset_dismiss(struct fx_staff *w, int64_t c)
{
	return db_staff_appoint(w->db, STAFF_SYSOP, c == w->x ? w->mod_x : w->mod_y, c, "back");
}

static int
act_archive(struct fx_staff *w, int64_t actor, int64_t c)
{
	return db_community_archive(w->db, actor, c, "Quiet for a year");
}

static int
reset_archive(struct fx_staff *w, int64_t c)
{
	(void)c;
	return sql(w, "UPDATE communities SET archived_at = NULL");
}

static int
act_add(struct fx_staff *w, int64_t actor, int64_t c)
{
	char name[32];
	int64_t id;

	(void)c;
	snprintf(name, sizeof name, "Added %d", ++matrix_seq);
	return db_community_add(w->db, actor, name, "career", "", &id, NULL, 0);
}

static int
act_admin_list(struct fx_staff *w, int64_t actor, int64_t c)
{
	struct community_request *q = NULL;
	struct community_moderator *m = NULL;
	struct community_info *ci = NULL;
	size_t n = 0;
	int r;

	(void)c;
	r = db_community_request_list(w->db, actor, true, &q, &n);
	free(q);
	if (r == 0) {
		r = db_community_moderators(w->db, actor, &m, &n);
		free(m);
	}
	if (r == 0) {
		r = db_community_list_all(w->db, actor, &ci, &n);
		free(ci);
	}
	return r;
}

static int
no_reset(struct fx_staff *w, int64_t c)
{
	(void)w, (void)c;
	return 0;
}

#define COL(act, reset, com, e)	{ #act, act, reset, com, e }

TEST(community_permission_matrix)
{
	struct fx_staff w;

	CHECK(fx_staff_world(&w));
	matrix_cases = 0;
	CHECK_INT(new_request(&w, 0), 0);
	CHECK_INT(new_application(&w, w.x), 0);
	CHECK_INT(new_application(&w, w.y), 0);
	{
		const struct column cols[] = {
			COL(act_support, NULL, 0, ANY_MEMBER),
			COL(act_recommend, reset_recommend, w.x, ONLY_X_STAFF),
			COL(act_recommend, reset_recommend, w.y, ONLY_Y_STAFF),
			COL(act_app_list, NULL, w.x, ONLY_X_STAFF),
			COL(act_app_list, NULL, w.y, ONLY_Y_STAFF),
			COL(act_app_appoint, new_application, w.x, ONLY_ADMIN),
			COL(act_app_appoint, new_application, w.y, ONLY_ADMIN),
			COL(act_app_decline, new_application, w.x, ONLY_ADMIN),
			COL(act_app_decline, new_application, w.y, ONLY_ADMIN),
			COL(act_dismiss, reset_dismiss, w.x, ONLY_ADMIN),
			COL(act_dismiss, reset_dismiss, w.y, ONLY_ADMIN),
			COL(act_archive, reset_archive, w.x, ONLY_ADMIN),
			COL(act_archive, reset_archive, w.y, ONLY_ADMIN),
			COL(act_approve, new_request, 0, ONLY_ADMIN),
			COL(act_decline, new_request, 0, ONLY_ADMIN),
			COL(act_merge, new_request, w.x, ONLY_ADMIN),
			COL(act_merge, new_request, w.y, ONLY_ADMIN),
			COL(act_add, no_reset, 0, ONLY_ADMIN),
			COL(act_admin_list, no_reset, 0, ONLY_ADMIN),
		};

		for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
			if (!run_column(&w, &cols[i]))
				return;
	}
	/* Withdrawing: each row that supported takes it back. */
	{
		static const struct expect e = ANY_MEMBER;

		CHECK_INT(support_all(&w), 0);
		for (int r = 0; r < FX_ROWS; r++) {
			int got = act_withdraw(&w, fx_staff_actor(&w, (enum fx_row)r), 0);

			matrix_cases++;
			if (got != e.r[r]) {
				test_fail(__FILE__, __LINE__, "withdraw by %s: %d",
				    fx_staff_row_name(r), got);
				return;
			}
		}
	}
	/* Reported in the closing note: 20 columns of 5 rows. */
	CHECK_INT(matrix_cases, 100);
}

/* ---- what each action does ---- */

static int64_t
count(struct db *db, const char *q)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static bool
has_notice(struct db *db, int64_t user, const char *part)
{
	struct notice *ns = NULL;
	size_t n = 0;
	bool found = false;

	if (db_notice_list(db, user, 50, &ns, &n) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		found = found || strstr(ns[i].text, part) != NULL;
	free(ns);
	return found;
}

TEST(community_support_rules_and_list)
{
	struct fx_staff w;
	struct community_request *q = NULL;
	const char *why = NULL;
	int64_t id, own;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_board_request_create(w.db, w.author_x, "Denver", "region", "Colorado",
	    "Several of us moved there", &id), 0);
	CHECK_INT(db_board_request_create(w.db, w.member, "Surgery", "career", "", "Surgeons",
	    &own), 0);
	CHECK_INT(db_community_request_support(w.db, w.author_x, id, true, &why), ERR_DENIED);
	CHECK(why != NULL && strstr(why, "own") != NULL);
	CHECK_INT(db_community_request_support(w.db, w.member, id, false, &why), ERR_NOTFOUND);
	CHECK_INT(db_community_request_support(w.db, w.member, id, true, &why), 0);
	CHECK_INT(db_community_request_support(w.db, w.member, id, true, &why), ERR_EXISTS);
	CHECK_INT(db_community_request_support(w.db, w.author_y, id, true, &why), 0);
	CHECK_INT(db_community_request_support(w.db, w.member, 9999, true, &why), ERR_NOTFOUND);
	/* The member sees others' open requests with the count, and their own. */
	CHECK_INT(db_community_request_list(w.db, w.member, false, &q, &n), 0);
	CHECK_INT(n, 2);
	CHECK_STR(q[0].name, "Surgery");
	CHECK(q[0].mine && !q[0].supported);
	CHECK_STR(q[1].name, "Denver");
	CHECK_INT(q[1].supporters, 2);
	CHECK(q[1].supported && !q[1].mine);
	CHECK_INT(q[1].status, CREQ_OPEN);
	CHECK_STR(q[1].requester, "Authorx");
	free(q);
	q = NULL;
	/* Applications are not supported. */
	CHECK_INT(db_board_request_moderate(w.db, w.author_x, w.x, "I can help", true, &own), 0);
	CHECK_INT(db_community_request_support(w.db, w.member, own, true, &why), ERR_NOTFOUND);
	/* Decided: support is closed; declined shows the reason. */
	CHECK_INT(db_community_request_decline(w.db, w.admin, id, "", &why), ERR_INVALID);
	CHECK_INT(db_community_request_decline(w.db, w.admin, id, "Too few of us yet", &why), 0);
	CHECK_INT(db_community_request_support(w.db, w.mod_x, id, true, &why), ERR_STATE);
	CHECK_INT(db_community_request_support(w.db, w.member, id, false, &why), ERR_STATE);
	CHECK_INT(db_community_request_list(w.db, w.author_x, false, &q, &n), 0);
	CHECK_INT(n, 3);		/* Surgery (open), then the decided and the application */
	for (size_t i = 0; i < n; i++)
		if (q[i].id == id) {
			CHECK_INT(q[i].status, CREQ_DECLINED);
			CHECK_STR(q[i].reason, "Too few of us yet");
		}
	free(q);
	CHECK(has_notice(w.db, w.author_x, "Denver was declined: Too few"));
	CHECK(has_notice(w.db, w.member, "Denver, which you supported, was declined"));
	CHECK(has_notice(w.db, w.author_y, "which you supported"));
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'community.decline' "
	    "AND reason = 'Too few of us yet' AND target = 'Denver'"), 1);
}

TEST(community_approve_creates_and_appoints)
{
	struct fx_staff w;
	struct board_community *cs = NULL;
	const char *why = NULL;
	int64_t id, cid = 0, extra[1];
	struct community_approval a = { .appoint_requester = true, .moderators = extra, .n = 1 };
	size_t n = 0;
	bool found = false;

	CHECK(fx_staff_world(&w));
	extra[0] = w.member;
	CHECK_INT(db_board_request_create(w.db, w.author_x, "Denver Área", "region", "Colorado",
	    "Several of us moved there", &id), 0);
	CHECK_INT(db_community_request_support(w.db, w.mod_y, id, true, NULL), 0);
	CHECK_INT(db_community_request_approve(w.db, w.mod_x, id, &a, &cid, &why), ERR_DENIED);
	CHECK_INT(db_community_request_approve(w.db, w.admin, id, &a, &cid, &why), 0);
	CHECK(cid > 0);
	CHECK_INT(db_community_request_approve(w.db, w.admin, id, &a, &cid, &why), ERR_STATE);
	CHECK_INT(db_community_request_decline(w.db, w.admin, id, "late", &why), ERR_STATE);
	CHECK_INT(db_community_request_merge(w.db, w.admin, id, w.x, NULL, &why), ERR_STATE);
	/* Everyone sees it in Communities, with its moderators. */
	CHECK_INT(db_board_community_list(w.db, w.author_y, false, &cs, &n), 0);
	for (size_t i = 0; i < n; i++)
		if (cs[i].id == cid) {
			found = true;
			CHECK_STR(cs[i].slug, "denver-rea");
			CHECK_STR(cs[i].kind, "region");
			CHECK_STR(cs[i].description, "Colorado");
			CHECK(strstr(cs[i].moderators, "Authorx") != NULL);
			CHECK(strstr(cs[i].moderators, "Member") != NULL);
		}
	free(cs);
	CHECK(found);
	CHECK_INT(db_staff_require_mod(w.db, w.author_x, cid), 0);
	CHECK(has_notice(w.db, w.author_x, "Your request was approved"));
	CHECK(has_notice(w.db, w.author_x, "You are now a moderator"));
	CHECK(has_notice(w.db, w.mod_y, "which you supported, is open"));
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'community.approve'"),
	    1);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'moderator.appoint' "
	    "AND actor = 'admin'"), 2);
	/* A name taken meanwhile: merge instead; an inactive member cannot be
	 * appointed and nothing is created. */
	CHECK_INT(db_board_request_create(w.db, w.author_y, "boston", "region", "", "x", &id),
	    ERR_EXISTS);
	CHECK_INT(db_board_request_create(w.db, w.author_y, "Ohio", "region", "", "x", &id), 0);
	extra[0] = w.suspended;
	CHECK_INT(db_community_request_approve(w.db, w.admin, id, &a, &cid, &why), ERR_STATE);
	CHECK(why != NULL && strstr(why, "not active") != NULL);
	CHECK_INT(count(w.db, "SELECT count(*) FROM communities WHERE name = 'Ohio'"), 0);
	CHECK_INT(count(w.db, "SELECT count(*) FROM community_requests WHERE name = 'Ohio' AND "
	    "status = 'open'"), 1);
}

TEST(community_merge_and_archive)
{
	struct fx_staff w;
	struct board_community *cs = NULL;
	struct community_request *q = NULL;
	const char *why = NULL;
	int64_t id, tid, pid;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_board_request_create(w.db, w.author_y, "Beantown", "region", "", "x", &id), 0);
	CHECK_INT(db_community_archive(w.db, w.admin, w.y, NULL), 0);
	CHECK_INT(db_community_archive(w.db, w.admin, w.y, NULL), ERR_STATE);
	CHECK_INT(db_community_request_merge(w.db, w.admin, id, w.y, NULL, &why), ERR_STATE);
	CHECK_INT(db_community_request_merge(w.db, w.admin, id, 9999, NULL, &why), ERR_NOTFOUND);
	CHECK_INT(db_community_request_merge(w.db, w.admin, id, w.x, NULL, &why), 0);
	CHECK_INT(db_community_request_list(w.db, w.author_y, false, &q, &n), 0);
	CHECK_INT(n, 1);
	CHECK_INT(q[0].status, CREQ_MERGED);
	CHECK_INT(q[0].community_id, w.x);
	CHECK(q[0].community[0] != '\0');
	free(q);
	CHECK(has_notice(w.db, w.author_y, "was merged into"));
	/* Archived: gone from the list, closed to posts and applications. */
	CHECK_INT(db_board_community_list(w.db, w.author_y, false, &cs, &n), 0);
	for (size_t i = 0; i < n; i++)
		CHECK(cs[i].id != w.y);
	free(cs);
	CHECK_INT(db_board_post_reply(w.db, w.author_y, w.post_y, "More", &lim, &pid), ERR_STATE);
	CHECK_INT(db_board_thread_create(w.db, w.author_y, w.y, "New", "Body", &lim, &tid, &pid),
	    ERR_STATE);
	CHECK_INT(db_board_request_moderate(w.db, w.member, w.y, "I can help", true, &pid),
	    ERR_STATE);
	CHECK_INT(db_board_post_reply(w.db, w.author_x, w.post_x, "Fine in X", &lim, &pid), 0);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'community.archive'"),
	    1);
}

TEST(community_applications_flow)
{
	struct fx_staff w;
	struct community_application *a = NULL;
	const char *why = NULL;
	int64_t ax, ay, id;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_board_request_moderate(w.db, w.author_x, w.x, "I read it all", false, &ax),
	    ERR_INVALID);
	CHECK_INT(db_board_request_moderate(w.db, w.author_x, w.x, "I read it all", true, &ax), 0);
	CHECK_INT(db_board_request_moderate(w.db, w.author_y, w.y, "Me too", true, &ay), 0);
	/* A moderator sees their community's only; an admin all. */
	CHECK_INT(db_community_applications(w.db, w.mod_x, 0, &a, &n), 0);
	CHECK_INT(n, 1);
	CHECK_INT(a[0].id, ax);
	CHECK(a[0].guidelines_at > 0);
	CHECK_STR(a[0].login, "authorx");
	free(a);
	a = NULL;
	CHECK_INT(db_community_applications(w.db, w.mod_x, w.y, &a, &n), ERR_DENIED);
	CHECK_INT(db_community_applications(w.db, w.member, 0, &a, &n), ERR_DENIED);
	CHECK_INT(db_community_application_recommend(w.db, w.mod_x, ax, " ", &why), ERR_INVALID);
	CHECK_INT(db_community_application_recommend(w.db, w.mod_x, ax, "Calm and fair", &why), 0);
	CHECK_INT(db_community_application_recommend(w.db, w.mod_x, ax, "again", &why), ERR_EXISTS);
	CHECK_INT(db_community_applications(w.db, w.admin, 0, &a, &n), 0);
	CHECK_INT(n, 2);
	CHECK_STR(a[0].recommended_by, "modx");
	CHECK_STR(a[0].recommend_note, "Calm and fair");
	CHECK_STR(a[1].recommended_by, "");
	free(a);
	/* Appointed: a moderator now, told; declined: told why. */
	CHECK_INT(db_community_application_appoint(w.db, w.admin, ax, "Recommended", &why), 0);
	CHECK_INT(db_community_application_appoint(w.db, w.admin, ax, "twice", &why), ERR_STATE);
	CHECK_INT(db_staff_require_mod(w.db, w.author_x, w.x), 0);
	CHECK(has_notice(w.db, w.author_x, "You are now a moderator"));
	CHECK_INT(db_community_application_decline(w.db, w.admin, ay, "Not this year", &why), 0);
	CHECK(has_notice(w.db, w.author_y, "was declined: Not this year"));
	CHECK_INT(db_staff_require_mod(w.db, w.author_y, w.y), ERR_DENIED);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action IN "
	    "('application.recommend', 'application.decline', 'moderator.appoint') AND "
	    "target IN ('authorx', 'authory') AND actor <> 'sysop'"), 3);
	/* Declined, they may apply again. */
	CHECK_INT(db_board_request_moderate(w.db, w.author_y, w.y, "Next year", true, &id), 0);
}

TEST(community_add_and_slugs)
{
	struct fx_staff w;
	char slug[COMMUNITY_SLUG_SZ], s[COMMUNITY_SLUG_MAX + 1];
	int64_t id;

	community_slug("  São Paulo & Rio!  ", s, sizeof s);
	CHECK_STR(s, "s-o-paulo-rio");
	community_slug("\xe6\x9d\xb1\xe4\xba\xac", s, sizeof s);
	CHECK_STR(s, "community");
	community_slug("a very long name that goes on and on past forty bytes", s, sizeof s);
	CHECK(strlen(s) <= COMMUNITY_SLUG_MAX && s[strlen(s) - 1] != '-');
	CHECK(community_slug_valid("dc-baltimore"));
	CHECK(!community_slug_valid("Boston") && !community_slug_valid("a--b") &&
	    !community_slug_valid("-a") && !community_slug_valid("a;drop"));
	CHECK(fx_staff_world(&w));
	CHECK_INT(db_community_add(w.db, STAFF_SYSOP, "Denver", "region", "", &id, slug,
	    sizeof slug), 0);
	CHECK_STR(slug, "denver");
	CHECK_INT(db_community_add(w.db, w.admin, "Denver!", "region", "", &id, slug, sizeof slug),
	    0);
	CHECK_STR(slug, "denver-2");
	CHECK_INT(db_community_add(w.db, w.admin, "DENVER", "region", "", &id, slug, sizeof slug),
	    ERR_EXISTS);
	CHECK_INT(db_community_add(w.db, w.admin, "Bad\033[2J", "region", "", &id, slug,
	    sizeof slug), ERR_INVALID);
	CHECK_INT(db_community_add(w.db, w.admin, "Mars", "planet", "", &id, slug, sizeof slug),
	    ERR_INVALID);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'community.add' AND "
	    "actor = 'sysop' AND target = 'Denver'"), 1);
}

/* ---- two admins deciding one request at once ---- */

struct race_world {
	int64_t admin1, admin2, requester, supporter, req;
};

typedef int (*race_fn)(struct db *db, const struct race_world *rw);

static int
race_approve(struct db *db, const struct race_world *rw)
{
	struct community_approval a = { .appoint_requester = true };

	return db_community_request_approve(db, rw->admin1, rw->req, &a, NULL, NULL);
}

static int
race_decline(struct db *db, const struct race_world *rw)
{
	return db_community_request_decline(db, rw->admin2, rw->req, "Not needed", NULL);
}

static int
race_merge(struct db *db, const struct race_world *rw)
{
	return db_community_request_merge(db, rw->admin2, rw->req, 1, NULL, NULL);
}

static int
race_withdraw(struct db *db, const struct race_world *rw)
{
	return db_community_request_support(db, rw->supporter, rw->req, false, NULL);
}

struct race_pause {
	struct db *a, *b;
	const struct race_world *rw;
	race_fn fn;
	int at, seen, rc;
	bool ran;
};

static void
race_hook(struct db *db, const char *point, void *arg)
{
	struct race_pause *p = arg;

	(void)point;
	if (db != p->a || p->ran || ++p->seen != p->at)
		return;
	p->ran = true;
	p->rc = p->fn(p->b, p->rw);
}

/* The rows a decision leaves, as one line: status, communities of that
 * name, moderators of them, decision audit entries and notices. */
static void
race_rows(struct db *db, char *buf, size_t sz)
{
	snprintf(buf, sz, "%lld c%lld m%lld a%lld n%lld s%lld",
	    (long long)count(db, "SELECT CASE status WHEN 'open' THEN 0 WHEN 'approved' THEN 1 "
	    "WHEN 'declined' THEN 2 ELSE 3 END FROM community_requests"),
	    (long long)count(db, "SELECT count(*) FROM communities WHERE name = 'Denver'"),
	    (long long)count(db, "SELECT count(*) FROM community_moderators m JOIN communities c "
	    "ON c.id = m.community_id WHERE c.name = 'Denver'"),
	    (long long)count(db, "SELECT count(*) FROM audit_log WHERE action LIKE 'community.%'"),
	    (long long)count(db, "SELECT count(*) FROM notices WHERE kind = 'community'"),
	    (long long)count(db, "SELECT count(*) FROM community_request_supports"));
}

/* One run on a fresh file database: a runs, pausing at its at-th
 * transaction point (0: never) to run b on the other connection. */
static bool
race_run(race_fn a, race_fn b, int at, bool *fired, bool *a_ok, bool *b_ok, char *rows,
    size_t rowsz)
{
	static int run_no;
	char err[256], path[512];
	struct db *one = NULL, *two = NULL;
	struct race_world rw;
	struct race_pause p = { 0 };
	bool ok = false;

	snprintf(path, sizeof path, "%s", fx_path(fx_tmpdir(), "race.db"));
	snprintf(path + strlen(path), sizeof path - strlen(path), "%d", run_no++);
	if (db_open(path, &one, err, sizeof err) != 0 || db_open(path, &two, err, sizeof err) != 0)
		goto out;
	sqlite3_busy_timeout(db_sqlite(two), 0);
	sqlite3_exec(db_sqlite(one), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	rw.admin1 = fx_member_with(one, "admin1", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	rw.admin2 = fx_member_with(one, "admin2", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	rw.requester = fx_member(one, "asker", ROLE_ALUMNI);
	rw.supporter = fx_member(one, "fan", ROLE_ALUMNI);
	if (db_board_request_create(one, rw.requester, "Denver", "region", "", "x", &rw.req) != 0 ||
	    db_community_request_support(one, rw.supporter, rw.req, true, NULL) != 0)
		goto out;
	p = (struct race_pause){ .a = one, .b = two, .rw = &rw, .fn = b, .at = at };
	if (at > 0)
		db_set_tx_hook_for_tests(race_hook, &p);
	*a_ok = a(one, &rw) == 0;
	db_set_tx_hook_for_tests(NULL, NULL);
	if (at > 0) {
		*fired = p.ran;
		*b_ok = p.ran && p.rc == 0;
	} else
		*b_ok = b != NULL && b(two, &rw) == 0;
	race_rows(one, rows, rowsz);
	ok = true;
out:
	db_set_tx_hook_for_tests(NULL, NULL);
	db_close(two);
	db_close(one);
	return ok;
}

/* Every pause point of a, b in the middle: the outcome must be one that a
 * then b, b then a, or a alone gives. */
static bool
race_check(race_fn a, race_fn b, const char *what)
{
	char serial[3][128], rows[128];
	bool fired = true, a_ok, b_ok, sa[3], sb[3], dummy;

	if (!race_run(a, b, 0, &dummy, &sa[0], &sb[0], serial[0], sizeof serial[0]) ||
	    !race_run(b, a, 0, &dummy, &sb[1], &sa[1], serial[1], sizeof serial[1]) ||
	    !race_run(a, NULL, 0, &dummy, &sa[2], &sb[2], serial[2], sizeof serial[2])) {
		test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
		return false;
	}
	for (int k = 1; fired && k < 64; k++) {
		bool match = false;

		fired = false;
		if (!race_run(a, b, k, &fired, &a_ok, &b_ok, rows, sizeof rows)) {
			test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
			return false;
		}
		if (!fired)
			break;
		for (int s = 0; s < 3; s++)
			match = match || (a_ok == sa[s] && b_ok == sb[s] &&
			    strcmp(rows, serial[s]) == 0);
		if (!match || (a_ok && b_ok && strcmp(what, "approve vs withdraw") != 0)) {
			test_fail(__FILE__, __LINE__, "%s, b at point %d: a %d b %d rows %s "
			    "(a,b: %s; b,a: %s; a: %s)", what, k, a_ok, b_ok, rows, serial[0],
			    serial[1], serial[2]);
			return false;
		}
	}
	return true;
}

TEST(community_races_two_admins_decide_one_request)
{
	log_set_level(LOG_ERR);		/* the other side's ERR_BUSY is expected */
	if (!race_check(race_approve, race_decline, "approve vs decline") ||
	    !race_check(race_decline, race_approve, "decline vs approve") ||
	    !race_check(race_approve, race_merge, "approve vs merge") ||
	    !race_check(race_merge, race_decline, "merge vs decline"))
		return;
	/* A supporter withdrawing while an admin approves: either the
	 * supporter is told of the approval or their support was gone first. */
	race_check(race_approve, race_withdraw, "approve vs withdraw");
}
