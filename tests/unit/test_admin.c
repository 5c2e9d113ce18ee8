/* The admin menu's data functions (issue 10): sign-ups, verified roles and
 * their requests, announcements and the sanctions the Members screen gives,
 * run as every row of the permission matrix (fx-staff.h); what each one
 * writes and tells; the end-date rules; and two admins deciding at once. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db-account.h"
#include "db/db-admin.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-sanction.h"
#include "db/db-user.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "lib/log.h"
#include "rules/admin.h"
#include "test.h"

#define DAY	86400
#define ONLY_ADMIN	{ ERR_DENIED, ERR_DENIED, ERR_DENIED, ERR_OK, ERR_DENIED }

/* Matrix cases run in this file, counted for the report. */
static int matrix_cases;

static bool
expect_row(const char *what, enum fx_row r, int got, int want)
{
	matrix_cases++;
	if (got == want)
		return true;
	test_fail(__FILE__, __LINE__, "%s by %s: %d, expected %d", what, fx_staff_row_name(r),
	    got, want);
	return false;
}

/* A pending sign-up, as registration in approval mode makes it. */
static int64_t
pending(struct db *db, const char *login)
{
	struct member *m = calloc(1, sizeof *m);
	int64_t id = 0;

	if (m == NULL)
		return 0;
	fx_member_fill(m, login, NULL, ROLE_STUDENT);
	m->status = STATUS_PENDING;
	m->rules_accepted = true;
	if (db_user_create(db, m, NULL, &id) != 0)
		id = 0;
	free(m);
	return id;
}

static int64_t
count(struct db *db, const char *sql, int64_t id)
{
	int64_t v = -1;

	if (db_step_int(db, DB_STMT(db, sql, id), &v, NULL, "count") != 0)
		return -1;
	return v;
}

TEST(admin_matrix_signups)
{
	static const int e[FX_ROWS] = ONLY_ADMIN;
	struct signup *s = NULL;
	struct fx_staff w;
	char login[16];
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r), a, b;

		snprintf(login, sizeof login, "newa%d", r);
		CHECK((a = pending(w.db, login)) > 0);
		snprintf(login, sizeof login, "newb%d", r);
		CHECK((b = pending(w.db, login)) > 0);
		CHECK(expect_row("approve", r, db_signup_approve(w.db, actor, a, true,
		    "Known to the alumni office"), e[r]));
		CHECK(expect_row("reject", r, db_signup_reject(w.db, actor, b, "Not an alumna"),
		    e[r]));
		CHECK(expect_row("list sign-ups", r, db_signup_list(w.db, actor, 50, &s, &n),
		    e[r]));
		free(s);
		s = NULL;
		/* Refused: nothing changed. */
		if (e[r] != 0) {
			CHECK_INT(count(w.db, "SELECT count(*) FROM users WHERE id = ? AND "
			    "status = 'pending'", a), 1);
			CHECK_INT(count(w.db, "SELECT count(*) FROM signup_decisions WHERE "
			    "user_id = ?", b), 0);
		}
	}
}

TEST(admin_signup_effects)
{
	struct fx_staff w;
	struct signup *s = NULL;
	struct notice *ns = NULL;
	struct sanction ban;
	struct member m;
	int64_t a, b, cnt;
	bool found = false;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	CHECK((a = pending(w.db, "newa")) > 0);
	CHECK((b = pending(w.db, "newb")) > 0);
	CHECK_INT(db_signup_list(w.db, w.admin, 50, &s, &n), 0);
	CHECK_INT(n, 2);
	CHECK_STR(s[0].login, "newa");
	CHECK_INT(s[0].role, ROLE_STUDENT);
	free(s);
	s = NULL;
	/* Pending members cannot post; approved they can, role verified. */
	CHECK_INT(db_user_may_post(w.db, a), ERR_DENIED);
	CHECK_INT(db_signup_approve(w.db, w.admin, a, true, "Checked"), 0);
	CHECK_INT(db_user_may_post(w.db, a), 0);
	CHECK_INT(db_user_get(w.db, a, &m), 0);
	CHECK_INT(m.status, STATUS_ACTIVE);
	CHECK(count(w.db, "SELECT coalesce(role_verified_at, 0) FROM users WHERE id = ?", a) > 0);
	CHECK_INT(db_notice_list(w.db, a, 10, &ns, &n), 0);
	CHECK(n == 1 && strstr(ns[0].text, "approved") != NULL);
	free(ns);
	/* Decided once: a second decision is a state error. */
	CHECK_INT(db_signup_approve(w.db, w.admin, a, false, "again"), ERR_STATE);
	CHECK_INT(db_signup_reject(w.db, w.admin, a, "too late"), ERR_STATE);
	/* Rejected: still pending, banned with the reason, out of the list. */
	CHECK_INT(db_signup_reject(w.db, w.admin, b, "Not one of our alumni"), 0);
	CHECK_INT(db_sanction_in_force(w.db, b, 0, SANCTION_SUSPEND, &ban, &found), 0);
	CHECK(found);
	CHECK_INT(ban.kind, SANCTION_BAN);
	CHECK_STR(ban.reason, "Not one of our alumni");
	CHECK_INT(db_signup_list(w.db, w.admin, 50, &s, &n), 0);
	CHECK_INT(n, 0);
	free(s);
	/* Both decisions are in the audit log. */
	cnt = count(w.db, "SELECT count(*) FROM audit_log WHERE action IN ('signup.approve', "
	    "'signup.reject') AND actor = 'admin' AND ? > 0", 1);
	CHECK_INT(cnt, 2);
	CHECK_INT(db_signup_approve(w.db, w.admin, a, true, ""), ERR_INVALID);
	CHECK_INT(db_signup_approve(w.db, w.admin, 99999, true, "x"), ERR_NOTFOUND);
}

/* Registration in approval mode tells every admin, in its transaction. */
TEST(admin_signup_notifies_admins)
{
	struct fx_staff w;
	struct member *m = calloc(1, sizeof *m);
	const char *why = NULL;
	struct notice *ns = NULL;
	size_t n = 0;
	int64_t id = 0;

	CHECK(m != NULL);
	test_defer(free, m);
	CHECK(fx_staff_world(&w));
	fx_member_fill(m, "zed", "Zed Zhang", ROLE_STUDENT);
	m->status = STATUS_PENDING;
	m->rules_accepted = true;
	CHECK_INT(db_account_register(w.db, m, NULL, &id, &why), 0);
	CHECK_INT(db_notice_list(w.db, w.admin, 10, &ns, &n), 0);
	CHECK(n >= 1);
	CHECK(strstr(ns[0].text, "New sign-up waiting for approval: zed (Zed Zhang, student)")
	    != NULL);
	free(ns);
	ns = NULL;
	/* Nobody else hears of it. */
	CHECK_INT(db_notice_list(w.db, w.mod_x, 10, &ns, &n), 0);
	for (size_t i = 0; i < n; i++)
		CHECK(strstr(ns[i].text, "sign-up") == NULL);
	free(ns);
	/* An open sign-up tells nobody. */
	fx_member_fill(m, "amy", "Amy Open", ROLE_ALUMNI);
	m->status = STATUS_ACTIVE;
	CHECK_INT(db_account_register(w.db, m, NULL, &id, &why), 0);
	CHECK_INT(count(w.db, "SELECT count(*) FROM notices WHERE user_id = ? AND text LIKE "
	    "'%amy%'", w.admin), 0);
}

TEST(admin_matrix_roles)
{
	static const int e[FX_ROWS] = ONLY_ADMIN;
	struct role_request *rs = NULL;
	struct fx_staff w;
	char login[16];
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r), who, q1, q2, other;

		snprintf(login, sizeof login, "req%d", r);
		CHECK((who = fx_member(w.db, login, ROLE_STUDENT)) > 0);
		snprintf(login, sizeof login, "reo%d", r);
		CHECK((other = fx_member(w.db, login, ROLE_TRAINEE)) > 0);
		CHECK_INT(db_role_request(w.db, who, ROLE_TRAINEE, "Started residency", &q1, NULL),
		    0);
		CHECK_INT(db_role_request(w.db, other, ROLE_ALUMNI, "Finished", &q2, NULL), 0);
		CHECK(expect_row("verify role", r, db_role_verify(w.db, actor, who, "Checked"),
		    e[r]));
		CHECK(expect_row("approve role", r, db_role_request_decide(w.db, actor, q1, true,
		    "Confirmed with the program"), e[r]));
		CHECK(expect_row("decline role", r, db_role_request_decide(w.db, actor, q2, false,
		    "Not yet graduated"), e[r]));
		CHECK(expect_row("list role requests", r, db_role_request_list(w.db, actor, 50,
		    &rs, &n), e[r]));
		free(rs);
		rs = NULL;
		if (e[r] != 0)
			CHECK_INT(count(w.db, "SELECT count(*) FROM users WHERE id = ? AND "
			    "role = 'student' AND role_verified_at IS NULL", who), 1);
	}
}

/* The role is the admins' to change: a member's own profile save that
 * changes it is refused in the data layer, whoever the screen let through. */
TEST(admin_matrix_profile_role)
{
	static const int self[FX_ROWS] = ONLY_ADMIN, other[FX_ROWS] = ONLY_ADMIN;
	struct fx_staff w;
	struct member *m = calloc(1, sizeof *m);

	CHECK(m != NULL);
	test_defer(free, m);
	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r);

		CHECK_INT(db_user_get(w.db, actor, m), 0);
		m->role = m->role == ROLE_ALUMNI ? ROLE_TRAINEE : ROLE_ALUMNI;
		CHECK(expect_row("change own role", r, db_user_update_profile(w.db, actor, m),
		    self[r]));
		CHECK_INT(db_user_get(w.db, w.author_x, m), 0);
		m->role = m->role == ROLE_ALUMNI ? ROLE_TRAINEE : ROLE_ALUMNI;
		CHECK(expect_row("change another's role", r, db_user_update_profile(w.db, actor, m),
		    other[r]));
	}
	/* The rest of one's own profile still saves with the role kept. */
	CHECK_INT(db_user_get(w.db, w.member, m), 0);
	snprintf(m->city, sizeof m->city, "Lyon");
	CHECK_INT(db_user_update_profile(w.db, w.member, m), 0);
}

TEST(admin_role_request_flow)
{
	struct fx_staff w;
	struct role_request q;
	struct member m;
	const char *why = NULL;
	bool found = false;
	int64_t id = 0, s;

	CHECK(fx_staff_world(&w));
	CHECK((s = fx_member(w.db, "stu", ROLE_STUDENT)) > 0);
	CHECK_INT(db_role_request(w.db, s, ROLE_STUDENT, "", &id, &why), ERR_INVALID);
	CHECK(strstr(why, "already") != NULL);
	CHECK_INT(db_role_request(w.db, s, ROLE_ALUMNI, "bad\033[2J", &id, &why), ERR_INVALID);
	CHECK_INT(db_role_request(w.db, s, ROLE_ALUMNI, "Graduated in May", &id, &why), 0);
	CHECK_INT(db_role_request(w.db, s, ROLE_TRAINEE, "", NULL, &why), ERR_EXISTS);
	CHECK(strstr(why, "open already") != NULL);
	CHECK_INT(db_role_request_open(w.db, s, &q, &found), 0);
	CHECK(found && q.to == ROLE_ALUMNI && q.from == ROLE_STUDENT);
	CHECK_STR(q.note, "Graduated in May");
	/* Suspended members make no requests. */
	CHECK_INT(db_role_request(w.db, w.suspended, ROLE_STUDENT, "", NULL, &why), ERR_DENIED);
	CHECK_INT(db_role_request_decide(w.db, w.admin, id, true, "Diploma seen"), 0);
	CHECK_INT(db_user_get(w.db, s, &m), 0);
	CHECK_INT(m.role, ROLE_ALUMNI);
	CHECK(count(w.db, "SELECT coalesce(role_verified_at, 0) FROM users WHERE id = ?", s) > 0);
	CHECK_INT(db_role_request_decide(w.db, w.admin, id, false, "twice"), ERR_STATE);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'role.approve' AND "
	    "target_id = ? AND before = 'student' AND after = 'alumni'", s), 1);
	/* An admin does not decide their own request. */
	CHECK_INT(db_role_request(w.db, w.admin, ROLE_TRAINEE, "", &id, &why), 0);
	CHECK_INT(db_role_request_decide(w.db, w.admin, id, true, "self"), ERR_DENIED);
}

TEST(admin_matrix_announcements)
{
	static const int e[FX_ROWS] = ONLY_ADMIN;
	struct announcement *as = NULL;
	struct fx_staff w;
	size_t n = 0;
	int64_t mine = 0;

	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r), id = 0;

		CHECK_INT(db_announce_add(w.db, STAFF_SYSOP, "Maintenance tonight", 0, &mine, NULL),
		    0);
		CHECK(expect_row("announce", r, db_announce_add(w.db, actor, "Welcome, class of "
		    "2026", db_now() + DAY, &id, NULL), e[r]));
		CHECK(expect_row("end announcement", r, db_announce_end(w.db, actor, mine), e[r]));
		CHECK(expect_row("list announcements", r, db_announce_list(w.db, actor, 50, &as,
		    &n), e[r]));
		free(as);
		as = NULL;
	}
}

TEST(admin_announcement_shown_and_dismissed)
{
	struct fx_staff w;
	struct announcement a;
	const char *why = NULL;
	bool found = true;
	int64_t id1, id2, now;

	CHECK(fx_staff_world(&w));
	now = db_now();
	CHECK_INT(db_announce_current(w.db, w.member, &a, &found), 0);
	CHECK(!found);
	CHECK_INT(db_announce_add(w.db, w.admin, "  ", 0, NULL, &why), ERR_INVALID);
	CHECK_INT(db_announce_add(w.db, w.admin, "bad\033]0;x\007", 0, NULL, &why), ERR_INVALID);
	CHECK_INT(db_announce_add(w.db, w.admin, "past", now - 1, NULL, &why), ERR_INVALID);
	CHECK_INT(db_announce_add(w.db, w.admin, "First", now + DAY, &id1, &why), 0);
	CHECK_INT(db_announce_add(w.db, STAFF_SYSOP, "Second", 0, &id2, &why), 0);
	CHECK_INT(db_announce_current(w.db, w.member, &a, &found), 0);
	CHECK(found && a.id == id2);
	CHECK_STR(a.by, "sysop");
	/* Dismissed: the older one shows; per member. */
	CHECK_INT(db_announce_dismiss(w.db, w.member, id2), 0);
	CHECK_INT(db_announce_dismiss(w.db, w.member, id2), 0);
	CHECK_INT(db_announce_current(w.db, w.member, &a, &found), 0);
	CHECK(found && a.id == id1);
	CHECK_INT(db_announce_current(w.db, w.author_x, &a, &found), 0);
	CHECK(found && a.id == id2);
	/* It ends by itself, or when ended. */
	db_set_now_for_tests(now + DAY + 1);
	CHECK_INT(db_announce_current(w.db, w.member, &a, &found), 0);
	CHECK(!found);
	db_set_now_for_tests(now);
	CHECK_INT(db_announce_end(w.db, w.admin, id2), 0);
	CHECK_INT(db_announce_end(w.db, w.admin, id2), ERR_STATE);
	CHECK_INT(db_announce_current(w.db, w.author_x, &a, &found), 0);
	CHECK(found && a.id == id1);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'announce.add' "
	    "AND actor = 'sysop' AND target_id = ?", id2), 1);
	CHECK_INT(count(w.db, "SELECT count(*) FROM audit_log WHERE action = 'announce.end' "
	    "AND actor = 'admin' AND target_id = ?", id2), 1);
}

/* The Members screen's actions: every sanction everywhere, and lifting. */
TEST(admin_matrix_member_sanctions)
{
	static const int e[FX_ROWS] = ONLY_ADMIN;
	static const enum sanction_kind kinds[] = { SANCTION_WARN, SANCTION_SILENCE,
		SANCTION_SUSPEND, SANCTION_BAN };
	struct sanction *ss = NULL;
	struct fx_staff w;
	size_t n = 0;

	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r), sid = 0;

		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			int64_t ends = kinds[k] == SANCTION_WARN ? 0 : db_now() + DAY;

			CHECK(expect_row(sanction_kind_name(kinds[k]), r, db_sanction_add(w.db,
			    actor, w.author_x, kinds[k], 0, ends, "Repeated harassment", NULL, &sid),
			    e[r]));
		}
		CHECK_INT(db_sanction_add(w.db, STAFF_SYSOP, w.author_y, SANCTION_SUSPEND, 0,
		    db_now() + DAY, "By the sysop", NULL, &sid), 0);
		CHECK(expect_row("lift", r, db_sanction_lift(w.db, actor, sid, "Appeal"), e[r]));
		CHECK(expect_row("list sanctions", r, db_sanction_list(w.db, actor, w.author_y,
		    false, 50, &ss, &n) == 0 && n > 0 ? 0 : ERR_DENIED, e[r]));
		free(ss);
		ss = NULL;
	}
}

TEST(admin_until_rules)
{
	const char *why = NULL;
	int64_t t = -1, now = 1765000000;	/* 2025-12-06 05:46:40 UTC */

	CHECK_INT(admin_parse_date("2026-12-10", false, &t), 0);
	CHECK_INT(t, 1796860800);
	CHECK_INT(admin_parse_date("2026-12-10", true, &t), 0);
	CHECK_INT(t, 1796860800 + DAY);
	CHECK_INT(admin_parse_date("2026-02-29", false, &t), ERR_INVALID);
	CHECK_INT(admin_parse_date("2028-02-29", false, &t), 0);
	CHECK_INT(admin_parse_date("2026-1-10", false, &t), ERR_INVALID);
	CHECK_INT(admin_parse_date("2026-12-10x", false, &t), ERR_INVALID);
	CHECK_INT(admin_parse_until("7", now, &t, &why), 0);
	CHECK_INT(t, now + 7 * DAY);
	CHECK_INT(admin_parse_until(" 2026-12-10 ", now, &t, &why), 0);
	CHECK_INT(t, 1796860800 + DAY);
	CHECK_INT(admin_parse_until("", now, &t, &why), 0);
	CHECK_INT(t, 0);
	CHECK_INT(admin_parse_until("0", now, &t, &why), ERR_INVALID);
	CHECK_INT(admin_parse_until("3651", now, &t, &why), ERR_INVALID);
	CHECK_INT(admin_parse_until("2020-01-01", now, &t, &why), ERR_INVALID);
	CHECK(strstr(why, "passed") != NULL);
	CHECK_INT(admin_parse_until("soon", now, &t, &why), ERR_INVALID);
}

/* ---- two admins at once ---- */

struct race_run {
	struct db *a, *b;
	int64_t target;
	int (*act_b)(struct db *db, int64_t target);
	int pause, seen, b_rc;
	bool ran;
};

static void
race_hook(struct db *db, const char *point, void *arg)
{
	struct race_run *p = arg;

	(void)point;
	if (db != p->a || p->ran || ++p->seen != p->pause)
		return;
	p->ran = true;
	p->b_rc = p->act_b(p->b, p->target);
}

static int64_t race_admin, race_admin2;

static int
act_approve(struct db *db, int64_t id)
{
	return db_signup_approve(db, race_admin, id, true, "Known to us");
}

static int
act_reject(struct db *db, int64_t id)
{
	return db_signup_reject(db, race_admin2, id, "Unknown");
}

static int
act_role_yes(struct db *db, int64_t id)
{
	return db_role_request_decide(db, race_admin, id, true, "Confirmed");
}

static int
act_role_no(struct db *db, int64_t id)
{
	return db_role_request_decide(db, race_admin2, id, false, "Not confirmed");
}

/* What a run left: status, decisions, bans, role and request state. */
static void
race_rows(struct db *db, char *buf, size_t sz)
{
	static const char sql[] = "SELECT (SELECT group_concat(login || ':' || status || ':' || "
	    "role || ':' || (role_verified_at IS NOT NULL), ',') FROM users WHERE login LIKE "
	    "'new%') || ' d' || (SELECT count(*) FROM signup_decisions) || ' b' || (SELECT "
	    "count(*) FROM sanctions WHERE kind = 'ban') || ' r' || coalesce((SELECT "
	    "group_concat(status, ',') FROM role_requests), '') || ' a' || (SELECT count(*) "
	    "FROM audit_log WHERE action NOT LIKE 'moderator.%')";
	sqlite3_stmt *st = NULL;

	snprintf(buf, sz, "?");
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* One run on a fresh file database: the world, a pending sign-up and a
 * role request; a pauses at its pause-th point (0: none, then b after a;
 * -1: b first) to let b run to completion on a second connection. */
static bool
race_once(int (*act_a)(struct db *, int64_t), int (*act_b)(struct db *, int64_t), bool role,
    int pause, bool *a_ok, bool *b_ok, char *rows, size_t rsz, bool *fired)
{
	static int seq;
	struct db *one = NULL, *two = NULL;
	struct race_run p;
	char path[512], err[256];
	const char *dir = fx_tmpdir();
	int64_t target, q = 0;

	if (dir == NULL)
		return false;
	snprintf(path, sizeof path, "%s/race-%d.db", dir, seq++);
	if (db_open(path, &one, err, sizeof err) != 0)
		return false;
	/* Two admins, on the file database through the fixture's helpers. */
	race_admin = fx_member_with(one, "admin", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	race_admin2 = fx_member_with(one, "admin2", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	target = pending(one, "newbie");
	if (role) {
		int64_t s = fx_member(one, "newstu", ROLE_STUDENT);

		if (s <= 0 || db_role_request(one, s, ROLE_TRAINEE, "", &q, NULL) != 0)
			goto fail;
		target = q;
	}
	if (race_admin <= 0 || race_admin2 <= 0 || target <= 0 ||
	    db_open(path, &two, err, sizeof err) != 0)
		goto fail;
	sqlite3_busy_timeout(db_sqlite(two), 0);
	p = (struct race_run){ .a = one, .b = two, .target = target, .act_b = act_b,
	    .pause = pause };
	*fired = false;
	if (pause < 0)
		*b_ok = act_b(two, target) == 0;
	if (pause > 0)
		db_set_tx_hook_for_tests(race_hook, &p);
	*a_ok = act_a(one, target) == 0;
	db_set_tx_hook_for_tests(NULL, NULL);
	if (pause > 0) {
		*fired = p.ran;
		*b_ok = p.b_rc == 0;
	} else if (pause == 0)
		*b_ok = act_b(two, target) == 0;
	race_rows(one, rows, rsz);
	db_close(two);
	db_close(one);
	return true;
fail:
	db_close(two);
	db_close(one);
	return false;
}

static void
race_pair(int (*a)(struct db *, int64_t), int (*b)(struct db *, int64_t), bool role,
    const char *what)
{
	char ab[512], ba[512], o[512];
	bool a1, b1, a2, b2, ao, bo, fired = true;

	log_set_level(LOG_ERR);
	if (!race_once(a, b, role, 0, &a1, &b1, ab, sizeof ab, &fired) ||
	    !race_once(a, b, role, -1, &a2, &b2, ba, sizeof ba, &fired)) {
		test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
		return;
	}
	/* Serially the first one wins and the second is refused. */
	if (!a1 || b1 || a2 || !b2) {
		test_fail(__FILE__, __LINE__, "%s serially: %d%d %d%d", what, a1, b1, a2, b2);
		return;
	}
	for (int k = 1; fired && k < 64; k++) {
		if (!race_once(a, b, role, k, &ao, &bo, o, sizeof o, &fired)) {
			test_fail(__FILE__, __LINE__, "%s: set-up failed", what);
			return;
		}
		if (!fired)
			break;
		/* Exactly one decides, and the rows are that one's alone (b
		 * refused by the lock is a alone, i.e. a then b). */
		if (!((ao && !bo && strcmp(o, ab) == 0) || (!ao && bo && strcmp(o, ba) == 0))) {
			test_fail(__FILE__, __LINE__, "%s, b at point %d: a %d b %d rows %s "
			    "(a,b: %s; b,a: %s)", what, k, ao, bo, o, ab, ba);
			return;
		}
	}
}

TEST(admin_race_approve_reject)
{
	race_pair(act_approve, act_reject, false, "approve vs reject");
	if (!test_failed)
		race_pair(act_reject, act_approve, false, "reject vs approve");
}

TEST(admin_race_role_decisions)
{
	race_pair(act_role_yes, act_role_no, true, "role approve vs decline");
	if (!test_failed)
		race_pair(act_role_no, act_role_yes, true, "role decline vs approve");
}

/* Last: says how many matrix cases the tests above ran. */
TEST(admin_matrix_count)
{
	fprintf(stderr, "admin permission-matrix cases run: %d\n", matrix_cases);
}
