/* The members I blocked, newest first, with unblock (reached from the
 * inbox with B). Blocking itself is on a member's profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-block.h"
#include "db/db.h"
#include "lib/xmalloc.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define LOGIN_COLS	16
#define WHEN_COLS	12

static int
blocked_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_block_list(c->db, c->me.id, (struct block_row **)rows, n);
}

static int64_t
blocked_id(const void *row)
{
	return ((const struct block_row *)row)->user_id;
}

/* Name, login, since: the name takes what the others leave, and a narrow
 * screen drops since, then login. */
static void
widths(size_t cols, size_t w[3])
{
	static const size_t want[3] = { 0, LOGIN_COLS, WHEN_COLS };

	ui_cells_fit(cols, want, 3, 12, w);
}

static void
blocked_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	int y = UI_BODY_TOP + 4;
	size_t w[3];

	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Members you blocked", cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "They cannot message you or ask you for anything;",
	    cols, UI_A_DIM);
	ui_draw_text(UI_BODY_TOP + 3, 2, "you do not see each other in search.", cols, UI_A_DIM);
	widths(cols, w);
	ui_draw_cells(y, 2, (const char *const[]){ "Name", "Login", "Since" }, w, 3,
	    UI_A_BOLD);
}

static int
blocked_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct block_row *b = row;
	size_t w[3];
	char when[32];

	(void)c, (void)l, (void)max_rows;
	screen_date(when, sizeof when, b->created_at);
	widths(cols, w);
	ui_draw_cells(y, x, (const char *const[]){ b->name, b->login, when }, w, 3, a);
	return 1;
}

static void
unblock_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct list *l = arg;
	const struct block_row *b = list_selected(l);
	char name[sizeof b->name];

	if (!yes || b == NULL)
		return;
	snprintf(name, sizeof name, "%s", b->name);
	if (db_block_remove(c->db, c->me.id, b->user_id) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, "Unblocked %s.", name);
	list_reload(c, l);
}

static void
ask_unblock(struct screen_ctx *c, void *st)
{
	const struct block_row *b = list_selected(st);
	char q[sizeof b->name + 32];

	if (b == NULL)
		return;
	snprintf(q, sizeof q, "Unblock %s? [y/n]", b->name);
	screen_ask(c, q, unblock_answer, st);
}

static void
view_profile(struct screen_ctx *c, void *st)
{
	const struct block_row *b = list_selected(st);

	if (b != NULL)
		screen_push(c, &screen_profile, &b->user_id);
}

static const struct ui_binding blocked_keys[] = {
	{ 'u', 'U', "u unblock", ask_unblock },
	{ UI_KEY_ENTER, 0, "Enter profile", view_profile },
};

static const struct list_def blocked_list = {
	.head_rows = 5, .row_size = sizeof(struct block_row), .load = blocked_load,
	.row_id = blocked_id, .draw_head = blocked_head, .draw_row = blocked_row,
	.empty = "You have not blocked anyone. To block a member, press b on their profile.",
	.keys = blocked_keys, .nkeys = sizeof blocked_keys / sizeof blocked_keys[0],
	.hints_tail = "  Up/Down choose  q back  ? help",
};

const struct screen screen_blocked = {
	.name = "blocked",
	.section = "Inbox",	/* Who's online need not tell who manages blocks */
	.list = &blocked_list,
};
