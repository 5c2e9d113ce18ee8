/* One question at a time under an admin list; see screen-admin.h. */
#include <stdio.h>
#include <stdlib.h>
#include "lib/err.h"
#include "screens/screen-admin.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

void
admin_ask_open(struct admin_ask *a, int step, const char *question, size_t max_chars)
{
	ui_line_close(&a->line);
	snprintf(a->question, sizeof a->question, "%s", question);
	ui_line_open(&a->line, NULL, max_chars, false);
	a->step = step;
}

void
admin_ask_close(struct admin_ask *a)
{
	ui_line_close(&a->line);
	a->step = 0;
}

bool
admin_ask_active(const struct admin_ask *a)
{
	return a->step != 0;
}

int
admin_ask_rows(const struct admin_ask *a)
{
	return a->step != 0 ? ADMIN_ASK_ROWS : 0;
}

void
admin_ask_draw(struct screen_ctx *c, const struct admin_ask *a, size_t cols)
{
	int y = ui_msg_row() - 1 - ADMIN_ASK_ROWS;

	if (a->step == 0)
		return;
	ui_draw_fill(y, 0, (size_t)ui_cols(), UI_A_NORMAL);
	ui_draw_fill(y + 1, 0, (size_t)ui_cols(), UI_A_NORMAL);
	ui_draw_text(y, 2, a->question, cols, UI_A_BOLD);
	ui_line_draw(&a->line, y + 1, 2, cols, "> ");
	screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
}

enum ui_line_result
admin_ask_key(struct admin_ask *a, struct screen_ctx *c, int key, const char **text)
{
	enum ui_line_result r = ui_line_prompt(&a->line, c, key);

	if (r == UI_LINE_CANCEL)
		a->step = 0;
	else if (r == UI_LINE_DONE)
		*text = ui_line_text(&a->line);
	return r;
}

/* The context of such a list: a struct admin_ask comes first in it, so a
 * pointer to the context is one to the question (C17 6.7.2.1). */
static struct admin_ask *
list_ask(struct list *l)
{
	return list_ctx(l);
}

int
admin_ask_list_rows(struct screen_ctx *c, struct list *l)
{
	(void)c;
	return admin_ask_rows(list_ask(l));
}

void
admin_ask_list_draw(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	(void)y;
	admin_ask_draw(c, list_ask(l), cols);
}

void
admin_ask_list_free(void *ctx)
{
	admin_ask_close(ctx);
	free(ctx);
}

void
admin_ask_hints(struct screen_ctx *c, struct list *l, const struct ui_binding *keys,
    size_t n, const char *tail)
{
	if (admin_ask_active(list_ask(l)))
		screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
	else
		screen_key_hints(c, keys, n, tail);
}

void
admin_ask_decided(struct screen_ctx *c, struct list *l, int r, const char *done,
    const char *state, const char *denied)
{
	if (r == ERR_INVALID) {
		screen_error(c, "Give a reason: one line of at most 300 characters.");
		return;
	}
	if (r == 0)
		screen_info(c, "%s", done);
	else if (r == ERR_STATE)
		screen_error(c, "%s", state);
	else if (r == ERR_DENIED)
		screen_error(c, "%s", denied);
	else
		screen_error(c, "That failed: %s.", err_str(r));
	admin_ask_close(list_ask(l));
	list_reload(c, l);
}
