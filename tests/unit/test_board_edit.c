/* The editor's drafts and paste cap (ui-edit.c), driven through the screen
 * stack without a terminal. */
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/screen.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"

static char saved[256];
static size_t saved_len;
static int calls;

static void
done(struct screen_ctx *c, void *arg, const char *text)
{
	(void)c;
	(void)arg;
	calls++;
	saved_len = text != NULL ? strlen(text) : 0;
	snprintf(saved, sizeof saved, "%s", text != NULL ? text : "(cancelled)");
}

static void
type(struct screen_ctx *c, const char *s)
{
	for (; *s != '\0'; s++)
		screen_key(c, (unsigned char)*s);
}

TEST(edit_draft_survives_a_drop_and_is_offered_back)
{
	struct screen_ctx c;
	struct ui_edit_req req = { .title = "Reply", .max_chars = 1000, .done = done,
	    .draft_key = "board:reply:7" };
	char *text = NULL;
	int64_t at = 0;

	memset(&c, 0, sizeof c);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "ann", ROLE_ALUMNI);
	calls = 0;
	ui_edit_open(&c, &req);
	CHECK(!c.asking);
	type(&c, "half a reply");
	/* The connection drops: every screen is left without a save. */
	screen_leave_all(&c);
	CHECK_INT(calls, 0);
	CHECK_INT(db_board_draft_get(c.db, c.me.id, "board:reply:7", &text, &at), ERR_OK);
	CHECK_STR(text, "half a reply");
	free(text);
	/* Another member's editor with the same key offers nothing. */
	{
		int64_t ann = c.me.id;

		c.me.id = fx_member(c.db, "eve", ROLE_ALUMNI);
		ui_edit_open(&c, &req);
		CHECK(!c.asking);
		screen_leave_all(&c);
		c.me.id = ann;
	}
	/* The same editor again: the draft is offered, y takes it back. */
	ui_edit_open(&c, &req);
	CHECK(c.asking);
	CHECK(strstr(c.question, "unsent draft") != NULL);
	screen_key(&c, 'y');
	type(&c, " done");
	screen_key(&c, UI_KEY_CTRL('x'));
	CHECK_INT(calls, 1);
	CHECK_STR(saved, "half a reply done");
	/* Saved: the draft is over. */
	CHECK_INT(db_board_draft_get(c.db, c.me.id, "board:reply:7", &text, &at), ERR_NOTFOUND);
	screen_leave_all(&c);
}

TEST(edit_without_draft_key_keeps_nothing_and_cancel_ends_draft)
{
	struct screen_ctx c;
	struct ui_edit_req plain = { .title = "Bio", .max_chars = 100, .done = done };
	struct ui_edit_req keyed = { .title = "Post", .max_chars = 100, .done = done,
	    .draft_key = "board:new:1" };
	char key[BOARD_DRAFT_KEY_SZ], *text = NULL;
	int64_t at = 0;

	memset(&c, 0, sizeof c);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "bob", ROLE_STUDENT);
	ui_edit_open(&c, &plain);
	type(&c, "not kept");
	screen_leave_all(&c);
	CHECK_INT(db_board_draft_latest(c.db, c.me.id, "", key, sizeof key, &at), ERR_NOTFOUND);
	ui_edit_open(&c, &keyed);
	type(&c, "kept");
	screen_leave_all(&c);
	CHECK_INT(db_board_draft_get(c.db, c.me.id, "board:new:1", &text, &at), ERR_OK);
	free(text);
	/* Restore at once (the login offer), then cancel with confirmation. */
	keyed.draft_restore = true;
	calls = 0;
	ui_edit_open(&c, &keyed);
	CHECK(!c.asking);
	screen_key(&c, UI_KEY_ESC);
	CHECK(c.asking);
	CHECK(strstr(c.question, "Discard") != NULL);
	screen_key(&c, 'y');
	CHECK_INT(calls, 1);
	CHECK_STR(saved, "(cancelled)");
	CHECK_INT(db_board_draft_get(c.db, c.me.id, "board:new:1", &text, &at), ERR_NOTFOUND);
}

TEST(edit_paste_is_capped_at_64_kib_with_a_message)
{
	struct screen_ctx c;
	struct ui_edit_req req = { .title = "Post", .max_chars = 100000, .done = done };

	memset(&c, 0, sizeof c);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "cat", ROLE_TRAINEE);
	calls = 0;
	ui_edit_open(&c, &req);
	for (int i = 0; i < UI_EDIT_MAX_BYTES + 100; i++)
		screen_key(&c, 'a');
	CHECK(c.msg_error);
	CHECK(strstr(c.msg, "64 KiB") != NULL);
	screen_key(&c, UI_KEY_CTRL('x'));
	CHECK_INT(calls, 1);
	CHECK_INT(saved_len, UI_EDIT_MAX_BYTES);
	screen_leave_all(&c);
}

/* Bidi overrides and other invisible characters are left out of a body,
 * and the editor says so; everything else is kept. */
TEST(edit_says_what_it_left_out)
{
	struct screen_ctx c;
	struct ui_edit_req req = { .title = "Post", .max_chars = 1000, .done = done };

	memset(&c, 0, sizeof c);
	c.db = fx_db();
	CHECK(c.db != NULL);
	c.me.id = fx_member(c.db, "dan", ROLE_ALUMNI);
	calls = 0;
	ui_edit_open(&c, &req);
	type(&c, "safe ");
	screen_key(&c, 0x202e);		/* RIGHT-TO-LEFT OVERRIDE */
	type(&c, "text");
	screen_key(&c, 0x200b);		/* ZERO WIDTH SPACE */
	screen_key(&c, 0xe9);		/* e acute: kept */
	CHECK(strstr(c.msg, "2 invisible or control characters were left out") != NULL);
	screen_key(&c, UI_KEY_CTRL('x'));
	CHECK_INT(calls, 1);
	CHECK_STR(saved, "safe text\xc3\xa9");
	screen_leave_all(&c);
}
