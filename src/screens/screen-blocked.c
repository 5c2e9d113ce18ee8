/* The members I blocked, newest first, with unblock (reached from the
 * inbox with B). Blocking itself is on a member's profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-block.h"
#include "db/db.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 5)
#define LOGIN_COLS	16
#define WHEN_COLS	12

struct blocked {
	struct block_row *rows;
	size_t n;
	struct ui_list list;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct blocked *b)
{
	struct block_row *rows = NULL;
	size_t n = 0;

	if (db_block_list(c->db, c->me.id, &rows, &n) != 0) {
		screen_error(c, "The list could not be read; it will be retried.");
		return;
	}
	free(b->rows);
	b->rows = rows;
	b->n = n;
	ui_list_resize(&b->list, n, page_rows());
}

static void
unblock_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct blocked *b = arg;
	char name[sizeof b->rows[0].name];

	if (!yes || b->list.sel >= b->n)
		return;
	snprintf(name, sizeof name, "%s", b->rows[b->list.sel].name);
	if (db_block_remove(c->db, c->me.id, b->rows[b->list.sel].user_id) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, "Unblocked %s.", name);
	load(c, b);
}

static void
ask_unblock(struct screen_ctx *c, void *st)
{
	struct blocked *b = st;
	char q[sizeof b->rows[0].name + 32];

	if (b->list.sel >= b->n)
		return;
	snprintf(q, sizeof q, "Unblock %s? [y/n]", b->rows[b->list.sel].name);
	screen_ask(c, q, unblock_answer, b);
}

static void
view_profile(struct screen_ctx *c, void *st)
{
	struct blocked *b = st;

	if (b->list.sel < b->n)
		screen_push(c, &screen_profile, &b->rows[b->list.sel].user_id);
}

static const struct ui_binding blocked_keys[] = {
	{ 'u', 'U', "u unblock", ask_unblock },
	{ UI_KEY_ENTER, 0, "Enter profile", view_profile },
};
#define BLOCKED_KEYS_N (sizeof blocked_keys / sizeof blocked_keys[0])

static void
blocked_draw(struct screen_ctx *c, void *st)
{
	struct blocked *b = st;
	size_t cols = (size_t)ui_cols() - 4, page = page_rows();
	size_t name_cols = cols - LOGIN_COLS - WHEN_COLS - 2;
	char when[32];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Members you blocked", cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "They cannot message you or ask you for anything;",
	    cols, UI_A_DIM);
	ui_draw_text(UI_BODY_TOP + 3, 2, "you do not see each other in search.", cols, UI_A_DIM);
	ui_draw_text(LIST_TOP - 1, 2, "Name", name_cols, UI_A_BOLD);
	ui_draw_text(LIST_TOP - 1, 3 + (int)name_cols, "Login", LOGIN_COLS, UI_A_BOLD);
	ui_draw_text(LIST_TOP - 1, 4 + (int)(name_cols + LOGIN_COLS), "Since", WHEN_COLS,
	    UI_A_BOLD);
	if (b->n == 0)
		ui_draw_text(LIST_TOP, 2, "You have not blocked anyone. To block a member, "
		    "press b on their profile.", cols, UI_A_DIM);
	for (size_t i = b->list.top; i < b->n && i - b->list.top < page; i++) {
		int y = LIST_TOP + (int)(i - b->list.top);
		enum ui_attr a = i == b->list.sel ? UI_A_SELECT : UI_A_NORMAL;

		if (i == b->list.sel)
			ui_draw_fill(y, 1, cols + 2, a);
		ui_draw_text(y, 2, b->rows[i].name, name_cols, a);
		ui_draw_text(y, 3 + (int)name_cols, b->rows[i].login, LOGIN_COLS, a);
		screen_date(when, sizeof when, b->rows[i].created_at);
		ui_draw_text(y, 4 + (int)(name_cols + LOGIN_COLS), when, WHEN_COLS, a);
	}
	screen_key_hints(c, blocked_keys, BLOCKED_KEYS_N, "  Up/Down choose  q back  ? help");
}

static bool
blocked_key(struct screen_ctx *c, void *st, int key)
{
	struct blocked *b = st;

	if (ui_list_key(&b->list, key, page_rows()))
		return true;
	return ui_keys_run(blocked_keys, BLOCKED_KEYS_N, c, st, key);
}

static void
blocked_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
blocked_enter(struct screen_ctx *c, const void *arg)
{
	struct blocked *b = xcalloc(1, sizeof *b);

	(void)arg;
	load(c, b);
	return b;
}

static void
blocked_leave(struct screen_ctx *c, void *st)
{
	struct blocked *b = st;

	(void)c;
	free(b->rows);
	free(b);
}

const struct screen screen_blocked = {
	.name = "blocked",
	.section = "Inbox",	/* Who's online need not tell who manages blocks */
	.enter = blocked_enter,
	.draw = blocked_draw,
	.key = blocked_key,
	.leave = blocked_leave,
	.update = blocked_update,
};
