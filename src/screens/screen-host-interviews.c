/* The programs a traveller will visit, with dates: the search ranks hosts
 * near them first, and a request lists them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 5)

struct interviews {
	struct host_interview *rows;
	size_t n;
	struct ui_list list;
	struct ui_line line;	/* "YYYY-MM-DD Program" while adding */
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct interviews *v)
{
	struct host_interview *rows = NULL;
	size_t n = 0;

	if (db_host_interview_list(c->db, c->me.id, &rows, &n) != 0) {
		screen_error(c, "The list could not be read; it will be retried.");
		return;
	}
	free(v->rows);
	v->rows = rows;
	v->n = n;
	ui_list_resize(&v->list, n, page_rows());
}

/* "2027-01-14 MGH Internal Medicine": the date, a space, the program. */
static bool
add_typed(struct screen_ctx *c, struct interviews *v)
{
	char buf[HOST_TEXT_SZ + 16], *prog;
	const char *why = NULL;
	int64_t day = 0;
	int r;

	if (!text_copy(buf, sizeof buf, ui_line_text(&v->line))) {
		screen_error(c, "That is too long.");
		return false;
	}
	text_trim(buf);
	prog = strchr(buf, ' ');
	if (prog == NULL) {
		screen_error(c, "Type the date, a space and the program, e.g. 2027-01-14 "
		    "MGH Internal Medicine.");
		return false;
	}
	*prog++ = '\0';
	text_trim(prog);
	if (host_parse_day(buf, &day, &why) != 0) {
		*--prog = ' ';
		screen_error(c, "Date: %s.", why);
		return false;
	}
	r = db_host_interview_add(c->db, c->me.id, prog, day, &why);
	if (r != 0) {
		screen_refused(c, r == ERR_INVALID ? why : "that did not work; please try again");
		return false;
	}
	screen_info(c, "Added %s.", prog);
	load(c, v);
	return true;
}

static void
add(struct screen_ctx *c, void *st)
{
	struct interviews *v = st;

	(void)c;
	ui_line_open(&v->line, NULL, HOST_TEXT_MAX + 11, false);
}

static void
remove_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct interviews *v = arg;

	if (!yes || v->list.sel >= v->n)
		return;
	if (db_host_interview_remove(c->db, c->me.id, v->rows[v->list.sel].id) != 0)
		screen_error(c, "That did not work; please try again.");
	load(c, v);
}

static void
remove_one(struct screen_ctx *c, void *st)
{
	struct interviews *v = st;

	if (v->list.sel < v->n)
		screen_ask(c, "Remove this interview? [y/n]", remove_answer, v);
}

static void
find(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_host_find, NULL);
}

static const struct ui_binding keys[] = {
	{ 'a', 'A', "a add", add },
	{ 'd', 'D', "d remove", remove_one },
	{ 'f', 'F', "f find a host", find },
};

static void
iv_draw(struct screen_ctx *c, void *st)
{
	struct interviews *v = st;
	size_t cols = (size_t)ui_cols() - 4, pg = page_rows();
	char row[HOST_TEXT_SZ + 32], d[16];

	ui_draw_text(UI_BODY_TOP + 1, 2, "My interviews", cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "The programs you will visit: hosts near them "
	    "come first when you search.", cols, UI_A_NORMAL);
	if (v->line.active)
		ui_line_draw(&v->line, UI_BODY_TOP + 3, 2, cols, "Date and program: ");
	if (v->n == 0)
		ui_draw_text(LIST_TOP, 4, "None yet: press A and type e.g. "
		    "2027-01-14 MGH Internal Medicine", cols - 2, UI_A_DIM);
	for (size_t i = v->list.top; i < v->n && i - v->list.top < pg; i++) {
		int y = LIST_TOP + (int)(i - v->list.top);
		bool sel = i == v->list.sel && !v->line.active;

		host_format_day(d, sizeof d, v->rows[i].day);
		snprintf(row, sizeof row, "%s  %s", d, v->rows[i].program);
		if (sel)
			ui_draw_fill(y, 1, cols + 2, UI_A_SELECT);
		ui_draw_text(y, 2, row, cols, sel ? UI_A_SELECT : UI_A_NORMAL);
	}
	if (v->line.active) {
		screen_hints(c, "Enter add  Esc cancel  (YYYY-MM-DD Program name)");
		return;
	}
	screen_key_hints(c, keys, sizeof keys / sizeof keys[0], "  q back  ? help");
}

static bool
iv_key(struct screen_ctx *c, void *st, int key)
{
	struct interviews *v = st;

	if (v->line.active) {
		if (ui_line_prompt(&v->line, c, key) == UI_LINE_DONE && add_typed(c, v))
			ui_line_close(&v->line);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&v->list, key, page_rows()))
		return true;
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

static void
iv_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
iv_enter(struct screen_ctx *c, const void *arg)
{
	struct interviews *v = xcalloc(1, sizeof *v);

	(void)arg;
	load(c, v);
	return v;
}

static void
iv_leave(struct screen_ctx *c, void *st)
{
	struct interviews *v = st;

	(void)c;
	ui_line_close(&v->line);
	free(v->rows);
	free(v);
}

const struct screen screen_host_interviews = {
	.name = "host-interviews",
	.section = "HOST interviews",
	.enter = iv_enter,
	.draw = iv_draw,
	.key = iv_key,
	.leave = iv_leave,
	.update = iv_update,
};
