/* Staff powers, sanctions and the audit log (issue 10): the permission
 * matrix rows of fx-staff.h against the foundation's actions, and what a
 * sanction stops. */
#include <stdlib.h>
#include <string.h>
#include "db/db-board.h"
#include "db/db-message.h"
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "rules/message.h"
#include "test.h"

#define DAY	86400
static const struct board_limits lim = { .rate = RATE_LIMITS_NONE };
static const struct message_limits mlim = { .rate = RATE_LIMITS_NONE,
	.max_chars = 4000 };

/* Expected result per row, for actions on a target in X. */
struct expect { int r[FX_ROWS]; };
#define ONLY_X_STAFF	{ { ERR_DENIED, ERR_OK, ERR_DENIED, ERR_OK, ERR_DENIED } }
#define ONLY_ADMIN	{ { ERR_DENIED, ERR_DENIED, ERR_DENIED, ERR_OK, ERR_DENIED } }

TEST(staff_power_rows)
{
	struct fx_staff w;
	enum staff_power p;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_staff_power(w.db, w.member, w.x, &p), 0); CHECK_INT(p, STAFF_NONE);
	CHECK_INT(db_staff_power(w.db, w.mod_x, w.x, &p), 0); CHECK_INT(p, STAFF_MODERATOR);
	CHECK_INT(db_staff_power(w.db, w.mod_x, w.y, &p), 0); CHECK_INT(p, STAFF_NONE);
	CHECK_INT(db_staff_power(w.db, w.admin, w.y, &p), 0); CHECK_INT(p, STAFF_ADMIN);
	CHECK_INT(db_staff_power(w.db, w.suspended, w.x, &p), 0); CHECK_INT(p, STAFF_NONE);
	CHECK_INT(db_staff_power(w.db, STAFF_SYSOP, w.x, &p), 0); CHECK_INT(p, STAFF_SYSOP_POWER);
	/* A suspended moderator has no powers until it ends. */
	CHECK_INT(db_staff_appoint(w.db, STAFF_SYSOP, w.suspended, w.x, "x"), ERR_STATE);
}

TEST(staff_matrix_sanction_in_x)
{
	static const struct expect warn = ONLY_X_STAFF, global = ONLY_ADMIN;
	struct fx_staff w;
	int64_t now;

	CHECK(fx_staff_world(&w));
	now = db_now();
	for (int r = 0; r < FX_ROWS; r++) {
		int64_t actor = fx_staff_actor(&w, (enum fx_row)r);
		int got;

		got = db_sanction_add(w.db, actor, w.author_x, SANCTION_WARN, w.x, 0,
		    "Please stay on topic", NULL, NULL);
		if (got != warn.r[r])
			test_fail(__FILE__, __LINE__, "warn in X by %s: %d", fx_staff_row_name(r), got);
		got = db_sanction_add(w.db, actor, w.author_x, SANCTION_SILENCE, w.x, now + DAY,
		    "Cool down", NULL, NULL);
		if (got != warn.r[r])
			test_fail(__FILE__, __LINE__, "silence in X by %s: %d",
			    fx_staff_row_name(r), got);
		got = db_sanction_add(w.db, actor, w.author_y, SANCTION_SUSPEND, 0, now + DAY,
		    "Threats", NULL, NULL);
		if (got != global.r[r])
			test_fail(__FILE__, __LINE__, "suspend by %s: %d", fx_staff_row_name(r), got);
		if (test_failed)
			return;
	}
}

TEST(staff_matrix_appoint)
{
	static const struct expect e = ONLY_ADMIN;
	struct fx_staff w;

	CHECK(fx_staff_world(&w));
	for (int r = 0; r < FX_ROWS; r++) {
		int got = db_staff_appoint(w.db, fx_staff_actor(&w, (enum fx_row)r), w.author_x,
		    w.x, "Helpful and calm");

		if (got != e.r[r]) {
			test_fail(__FILE__, __LINE__, "appoint by %s: %d", fx_staff_row_name(r), got);
			return;
		}
		if (got == 0)
			CHECK_INT(db_staff_dismiss(w.db, w.admin, w.author_x, w.x, "rotation"), 0);
	}
	/* Nobody appointed twice; removing a non-moderator is not found. */
	CHECK_INT(db_staff_appoint(w.db, w.admin, w.mod_x, w.x, "again"), ERR_EXISTS);
	CHECK_INT(db_staff_dismiss(w.db, w.admin, w.member, w.x, "never was"), ERR_NOTFOUND);
}

TEST(staff_moderators_cannot_sanction_staff)
{
	struct fx_staff w;

	CHECK(fx_staff_world(&w));
	CHECK_INT(db_staff_appoint(w.db, w.admin, w.author_x, w.x, "second moderator"), 0);
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.author_x, SANCTION_WARN, w.x, 0, "r", NULL,
	    NULL), ERR_DENIED);
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.admin, SANCTION_WARN, w.x, 0, "r", NULL, NULL),
	    ERR_DENIED);
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.mod_x, SANCTION_WARN, w.x, 0, "r", NULL, NULL),
	    ERR_DENIED);
	CHECK_INT(db_sanction_add(w.db, w.admin, w.admin, SANCTION_WARN, 0, 0, "r", NULL, NULL),
	    ERR_DENIED);
	/* The sysop may sanction an admin. */
	CHECK_INT(db_sanction_add(w.db, STAFF_SYSOP, w.admin, SANCTION_WARN, 0, 0, "r", NULL,
	    NULL), 0);
}

TEST(staff_sanction_rules)
{
	struct fx_staff w;
	const char *why = NULL;
	int64_t now;

	CHECK(fx_staff_world(&w));
	now = db_now();
	CHECK_INT(db_sanction_add(w.db, w.admin, w.member, SANCTION_SUSPEND, w.x, now + DAY,
	    "r", &why, NULL), ERR_INVALID);
	CHECK(why != NULL && strstr(why, "admins") != NULL);
	CHECK_INT(db_sanction_add(w.db, w.admin, w.member, SANCTION_SILENCE, 0, 0, "r", &why,
	    NULL), ERR_INVALID);
	CHECK(strstr(why, "end date") != NULL);
	CHECK_INT(db_sanction_add(w.db, w.admin, w.member, SANCTION_SILENCE, 0, now + DAY, "  ",
	    &why, NULL), ERR_INVALID);
	CHECK(strstr(why, "reason") != NULL);
	CHECK_INT(db_sanction_add(w.db, w.admin, w.member, SANCTION_SILENCE, 0, now - 1, "r",
	    &why, NULL), ERR_INVALID);
	CHECK_INT(db_sanction_add(w.db, w.admin, w.member, SANCTION_BAN, 0, 0, "r\033[2J", &why,
	    NULL), ERR_INVALID);
}

/* A silence in X stops posting in X only; a global one stops messages;
 * both end by themselves and can be lifted early. */
TEST(staff_silence_stops_speech)
{
	struct fx_staff w;
	enum message_refusal why;
	int64_t now, sid, tid, pid;

	CHECK(fx_staff_world(&w));
	now = db_now();
	CHECK_INT(db_board_community_join(w.db, w.author_x, w.y, 0), 0);
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.author_x, SANCTION_SILENCE, w.x, now + DAY,
	    "Cool down", NULL, &sid), 0);
	CHECK_INT(db_board_post_reply(w.db, w.author_x, w.post_x, "More", &lim, &pid), ERR_DENIED);
	CHECK_INT(db_board_thread_create(w.db, w.author_x, w.x, "New", "Body", &lim, &tid, &pid),
	    ERR_DENIED);
	CHECK_INT(db_board_post_reply(w.db, w.author_x, w.post_y, "Fine in Y", &lim, &pid), 0);
	CHECK_INT(db_message_send(w.db, w.author_x, w.member, "hello", &mlim, NULL, &why), 0);
	/* It ends by itself. */
	db_set_now_for_tests(now + DAY + 1);
	CHECK_INT(db_board_post_reply(w.db, w.author_x, w.post_x, "Back", &lim, &pid), 0);
	db_set_now_for_tests(now);
	/* Global: messages too; lifted early, speech comes back. */
	CHECK_INT(db_sanction_add(w.db, w.admin, w.author_y, SANCTION_SILENCE, 0, now + DAY,
	    "Spam", NULL, &sid), 0);
	CHECK_INT(db_message_send(w.db, w.author_y, w.member, "buy now", &mlim, NULL, &why),
	    ERR_DENIED);
	CHECK_INT(why, MESSAGE_NOT_ACTIVE);
	CHECK_INT(db_sanction_lift(w.db, w.mod_y, sid, "not mine to lift"), ERR_DENIED);
	CHECK_INT(db_sanction_lift(w.db, w.admin, sid, "Appeal accepted"), 0);
	CHECK_INT(db_sanction_lift(w.db, w.admin, sid, "twice"), ERR_STATE);
	CHECK_INT(db_message_send(w.db, w.author_y, w.member, "sorry", &mlim, NULL, &why), 0);
}

TEST(staff_audit_visibility)
{
	struct fx_staff w;
	struct audit_entry *e = NULL;
	struct audit_filter f = { 0 };
	size_t n = 0;
	int64_t now;

	CHECK(fx_staff_world(&w));
	now = db_now();
	CHECK_INT(db_sanction_add(w.db, w.mod_x, w.author_x, SANCTION_WARN, w.x, 0,
	    "Off topic in X", NULL, NULL), 0);
	CHECK_INT(db_sanction_add(w.db, w.mod_y, w.author_y, SANCTION_SILENCE, w.y, now + DAY,
	    "Heated in Y", NULL, NULL), 0);
	CHECK_INT(db_audit_list(w.db, w.member, NULL, 0, 50, &e, &n), ERR_DENIED);
	CHECK_INT(db_audit_list(w.db, w.suspended, NULL, 0, 50, &e, &n), ERR_DENIED);
	/* Moderator of X: the X entries only (its appointment, the warning). */
	CHECK_INT(db_audit_list(w.db, w.mod_x, NULL, 0, 50, &e, &n), 0);
	for (size_t i = 0; i < n; i++)
		CHECK_INT(e[i].community_id, w.x);
	CHECK(n >= 2);
	CHECK_STR(e[0].action, "sanction.warn");
	CHECK_STR(e[0].actor, "modx");
	CHECK_STR(e[0].target, "authorx");
	CHECK_STR(e[0].reason, "Off topic in X");
	free(e);
	e = NULL;
	/* Admin: everything, newest first; filtered by actor. */
	CHECK_INT(db_audit_list(w.db, w.admin, NULL, 0, 50, &e, &n), 0);
	CHECK_STR(e[0].action, "sanction.silence");
	CHECK_INT(e[0].community_id, w.y);
	CHECK(e[0].community[0] != '\0');
	free(e);
	e = NULL;
	f.actor = "sysop";
	CHECK_INT(db_audit_list(w.db, w.admin, &f, 0, 50, &e, &n), 0);
	CHECK_INT(n, 3);		/* the world's two appointments and a suspension */
	CHECK_STR(e[0].action, "member.status");
	CHECK_STR(e[0].target, "suspended");
	CHECK_STR(e[0].after, "suspended");
	CHECK_STR(e[1].action, "moderator.appoint");
	free(e);
}
