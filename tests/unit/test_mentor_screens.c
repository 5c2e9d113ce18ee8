/* The mentoring screens through the screen stack (no terminal: keys,
 * messages and what was stored): a request that cannot go is refused
 * before the editor opens; a check-in has no default answer, refuses an
 * empty form and a note over its limit, keeping what was typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-mentor.h"
#include "db/db-mentor-search.h"
#include "db/db-user.h"
#include "fixture.h"
#include "lib/config.h"
#include "lib/err.h"
#include "rules/mentor.h"
#include "test.h"
#include "ui/screen.h"
#include "ui/ui-keys.h"

#define GOALS "I want to apply to cardiology fellowships; please review my plan."

static struct config cfg;

static void
type(struct screen_ctx *c, const char *s)
{
	while (*s != '\0')
		screen_key(c, (unsigned char)*s++);
}

/* A context for login, and mona: an open mentor with room for two. */
static bool
setup(struct screen_ctx *c, struct db *db, const char *login, enum role role,
    int64_t *mona)
{
	struct member m;

	memset(c, 0, sizeof *c);
	config_defaults(&cfg);
	c->db = db;
	c->cfg = &cfg;
	if (db == NULL || (*mona = fx_member(db, "mona", ROLE_ALUMNI)) == 0 ||
	    db_user_get(db, *mona, &m) != 0)
		return false;
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	if (db_user_update_profile(db, *mona, &m) != 0)
		return false;
	return db_user_get(db, fx_member(db, login, role), &c->me) == 0;
}

TEST(mentor_request_already_asked_is_said_before_the_editor_opens)
{
	struct screen_ctx c;
	int64_t mona;

	CHECK(setup(&c, fx_db(), "sam", ROLE_STUDENT, &mona));
	CHECK_INT(db_mentor_may_request(c.db, c.me.id, mona, 2), ERR_OK);
	CHECK_INT(db_mentor_request(c.db, c.me.id, mona, GOALS, 2, NULL), ERR_OK);
	CHECK_INT(db_mentor_may_request(c.db, c.me.id, mona, 2), ERR_EXISTS);
	screen_push(&c, &screen_mentor_request, &mona);
	CHECK(c.msg_error && strstr(c.msg, "already asked") != NULL);
	/* e does not open the editor on a request that cannot go. */
	screen_key(&c, 'e');
	CHECK_INT(c.depth, 1);
	CHECK(c.msg_error && strstr(c.msg, "already asked") != NULL);
	screen_leave_all(&c);
}

TEST(mentor_checkin_has_no_default_and_refuses_empty_and_long_notes)
{
	struct screen_ctx c;
	struct mentor_checkin *ck = NULL;
	size_t n = 0;
	int64_t mona, id = 0;
	char note[MENTOR_CHECKIN_MAX + 20];

	CHECK(setup(&c, fx_db(), "sam", ROLE_STUDENT, &mona));
	CHECK_INT(db_mentor_request(c.db, c.me.id, mona, GOALS, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_accept(c.db, mona, id, ""), ERR_OK);
	/* The data layer refuses a check-in that logs nothing. */
	CHECK_INT(db_mentor_checkin_add(c.db, c.me.id, id, false, "", ""), ERR_INVALID);
	screen_push(&c, &screen_mentor_checkin, &id);
	/* Saved untouched: "did you meet?" has no answer yet. */
	screen_key(&c, 's');
	CHECK_INT(c.depth, 1);
	CHECK(c.msg_error && strstr(c.msg, "Did you meet?") != NULL);
	/* A note over the limit is refused with it, and stays to shorten. */
	screen_key(&c, UI_KEY_DOWN);
	screen_key(&c, UI_KEY_DOWN);
	screen_key(&c, UI_KEY_ENTER);
	memset(note, 'x', sizeof note - 1);
	note[sizeof note - 1] = '\0';
	type(&c, note);
	screen_key(&c, UI_KEY_ENTER);
	CHECK(c.msg_error && strstr(c.msg, "at most 120") != NULL);
	screen_key(&c, UI_KEY_BACKSPACE);
	for (int i = 0; i < 18; i++)
		screen_key(&c, UI_KEY_BACKSPACE);
	screen_clear_msg(&c);
	screen_key(&c, UI_KEY_ENTER);	/* 120 now: taken */
	CHECK_STR(c.msg, "");
	/* Answering the question lets it save. */
	screen_key(&c, UI_KEY_HOME);
	screen_key(&c, UI_KEY_ENTER);
	screen_key(&c, 's');
	CHECK_INT(c.depth, 0);
	CHECK_INT(db_mentor_checkins(c.db, c.me.id, id, &ck, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(ck[0].met);
	CHECK_INT(strlen(ck[0].note), MENTOR_CHECKIN_MAX);
	free(ck);
	screen_leave_all(&c);
}
