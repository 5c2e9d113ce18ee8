/* The programs a traveller will visit, with dates: the search ranks hosts
 * near them first, and a request lists them. A one-line input above the
 * list adds one ("YYYY-MM-DD Program"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define INPUT_ROW	(UI_BODY_TOP + 3)

/* The screen's own state is the input, "YYYY-MM-DD Program" while adding. */
static struct ui_line *
input(const struct list *l)
{
	return list_ctx(l);
}

static void *
iv_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct ui_line));
}

static void
iv_fini(void *ctx)
{
	ui_line_close(ctx);
	free(ctx);
}

static int
iv_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_host_interview_list(c->db, c->me.id, (struct host_interview **)rows, n);
}

static int64_t
iv_id(const void *row)
{
	return ((const struct host_interview *)row)->id;
}

/* "2027-01-14 MGH Internal Medicine": the date, a space, the program. */
static bool
add_typed(struct screen_ctx *c, struct list *l)
{
	char buf[HOST_TEXT_SZ + 16], *prog;
	const char *why = NULL;
	char example[16];
	int64_t day = 0;
	int r;

	if (!text_copy(buf, sizeof buf, ui_line_text(input(l)))) {
		screen_error(c, "That is too long.");
		return false;
	}
	text_trim(buf);
	prog = strchr(buf, ' ');
	screen_example_day(example, sizeof example, 30);
	if (prog == NULL) {
		screen_error(c, "Type the date, a space and the program, e.g. %s "
		    "MGH Internal Medicine.", example);
		return false;
	}
	*prog++ = '\0';
	text_trim(prog);
	if (host_parse_day(buf, &day, &why) != 0) {
		*--prog = ' ';
		screen_error(c, "Date: %s, e.g. %s.", why, example);
		return false;
	}
	r = db_host_interview_add(c->db, c->me.id, prog, day, &why);
	if (r != 0) {
		screen_refused(c, r == ERR_INVALID ? why : "that did not work; please try again");
		return false;
	}
	screen_info(c, "Added %s.", prog);
	list_reload(c, l);
	return true;
}

static void
add(struct screen_ctx *c, void *st)
{
	(void)c;
	ui_line_open(input(st), NULL, HOST_TEXT_MAX + 11, false);
}

static void
remove_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct list *l = arg;
	const struct host_interview *iv = list_selected(l);

	if (!yes || iv == NULL)
		return;
	if (db_host_interview_remove(c->db, c->me.id, iv->id) != 0)
		screen_error(c, "That did not work; please try again.");
	list_reload(c, l);
}

static void
remove_one(struct screen_ctx *c, void *st)
{
	if (list_selected(st) != NULL)
		screen_ask(c, "Remove this interview? [y/n]", remove_answer, st);
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
#define NKEYS (sizeof keys / sizeof keys[0])

/* While the input is open it takes every key but help. */
static bool
iv_key(struct screen_ctx *c, struct list *l, int key)
{
	struct ui_line *line = input(l);

	if (!line->active)
		return false;
	if (ui_line_prompt(line, c, key) == UI_LINE_DONE && add_typed(c, l))
		ui_line_close(line);
	return key != UI_KEY_F1;
}

static void
iv_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "My interviews", cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "The programs you will visit: hosts near them "
	    "come first when you search.", cols, UI_A_NORMAL);
}

static int
iv_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct host_interview *iv = row;
	char line[HOST_TEXT_SZ + 32], d[16];

	(void)c, (void)max_rows;
	/* No row is chosen while the member types a new one. */
	if (a == UI_A_SELECT && input(l)->active) {
		a = UI_A_NORMAL;
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	}
	host_format_day(d, sizeof d, iv->day);
	snprintf(line, sizeof line, "%s  %s", d, iv->program);
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

/* The input sits above the list but is drawn after it, so its cursor
 * wins over the plain-mode cursor on the selected row. */
static void
iv_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	(void)c, (void)y;
	if (input(l)->active)
		ui_line_draw(input(l), INPUT_ROW, 2, cols, "Date and program: ");
}

static void
iv_hints(struct screen_ctx *c, struct list *l)
{
	if (input(l)->active)
		screen_hints(c, "Enter add  Esc cancel  (YYYY-MM-DD Program name)");
	else
		screen_key_hints(c, keys, NKEYS, "  q back  ? help");
}

/* The example is a day the field takes: a month from today. */
static const char *
iv_empty(struct screen_ctx *c, struct list *l)
{
	static char line[96];
	char day[16];

	(void)c, (void)l;
	screen_example_day(day, sizeof day, 30);
	snprintf(line, sizeof line, "None yet: press A and type e.g. %s MGH Internal Medicine",
	    day);
	return line;
}

static const struct list_def iv_list = {
	.head_rows = 5, .row_size = sizeof(struct host_interview), .load = iv_load,
	.row_id = iv_id, .draw_head = iv_head, .draw_row = iv_row, .draw_foot = iv_foot,
	.empty_text = iv_empty,
	.key = iv_key, .keys = keys, .nkeys = NKEYS, .hints = iv_hints, .init = iv_init,
	.fini = iv_fini,
};

const struct screen screen_host_interviews = {
	.name = "host-interviews", .section = "HOST interviews", .list = &iv_list,
};
