/* The list-screen engine (ui/list.c) on a virtual 80x24 terminal: rows
 * from a callback, paging, selection kept by id across reloads, paged
 * reads, the empty sentence, "(more: PgDn)" and the plain-mode cursor. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "test.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

struct src {
	int ids[64];
	size_t n;
	bool fail;
	size_t reads;
};

static struct src src;

static int
src_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	size_t from = 0, k = 0;
	int *out;

	(void)c, (void)l;
	src.reads++;
	if (src.fail)
		return ERR_INTERNAL;
	if (after != NULL)
		while (from < src.n && src.ids[from] != *(const int *)after)
			from++;
	if (after != NULL)
		from++;
	out = xcalloc(src.n + 1, sizeof *out);
	for (size_t i = from; i < src.n && (limit == 0 || k < limit); i++)
		out[k++] = src.ids[i];
	*rows = out;
	*n = k;
	return 0;
}

static int64_t
src_id(const void *row)
{
	return *(const int *)row;
}

static int
src_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	char buf[32];

	(void)c, (void)l, (void)max_rows;
	snprintf(buf, sizeof buf, "row %d", *(const int *)row);
	ui_draw_text(y, x, buf, cols, a);
	return 1;
}

static struct list_def def = {
	.head_rows = 2,
	.row_size = sizeof(int),
	.load = src_load,
	.row_id = src_id,
	.draw_row = src_row,
	.empty = "Nothing here yet.",
	.hints_tail = "  q back",
};

static SCREEN *term;
static FILE *term_out, *term_in;

/* A curses screen of 80x24 that writes to /dev/null, so the engine's
 * page arithmetic and drawing are real and can be read back. */
static bool
open_term(void)
{
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	if (term_out == NULL || term_in == NULL ||
	    (term = newterm("vt100", term_out, term_in)) == NULL)
		return false;
	resizeterm(24, 80);
	return true;
}

static void
close_term(void)
{
	endwin();
	delscreen(term);
	fclose(term_out);
	fclose(term_in);
}

static bool
row_shows(int y, const char *want)
{
	char got[81];

	mvinnstr(y, 0, got, 80);
	return strstr(got, want) != NULL;
}

static void
draw(struct screen_ctx *c, struct list *l)
{
	erase();
	list_draw(c, l);
}

static void
fill(size_t n)
{
	src.n = n;
	for (size_t i = 0; i < n; i++)
		src.ids[i] = (int)i + 100;
}

TEST(list_pages_keeps_the_selection_by_id_and_says_more)
{
	struct screen_ctx c;
	struct list *l;

	memset(&c, 0, sizeof c);
	memset(&src, 0, sizeof src);
	CHECK(open_term());
	fill(30);
	l = list_enter(&c, &def, NULL);
	/* 24 rows: the list starts at row 3 and ends above the more line (21). */
	CHECK_INT(list_page_rows(&c, l), 18);
	draw(&c, l);
	CHECK(row_shows(3, "row 100"));
	CHECK(row_shows(20, "row 117"));
	CHECK(row_shows(21, "(more: PgDn)"));
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(src_id(list_selected(l)), 129);
	draw(&c, l);
	CHECK(row_shows(20, "row 129"));
	CHECK(row_shows(21, "(back: PgUp)"));
	/* Another session reorders the rows: the selection follows its row. */
	for (size_t i = 0; i < 30; i++)
		src.ids[i] = 129 - (int)i;
	list_update(&c, l);
	CHECK_INT(list_sel(l), 0);
	CHECK_INT(src_id(list_selected(l)), 129);
	/* A failed read keeps what is shown and says so. */
	src.fail = true;
	list_update(&c, l);
	CHECK_INT(list_count(l), 30);
	CHECK(c.msg_error);
	list_leave(&c, l);
	close_term();
}

TEST(list_plain_mode_marks_the_choice_and_empty_says_why)
{
	struct screen_ctx c;
	struct list *l;

	memset(&c, 0, sizeof c);
	memset(&src, 0, sizeof src);
	CHECK(open_term());
	fill(3);
	l = list_enter(&c, &def, NULL);
	ui_draw_set_plain(true);
	CHECK(list_key(&c, l, UI_KEY_DOWN));
	draw(&c, l);
	ui_draw_set_plain(false);
	CHECK(row_shows(4, "> row 101"));
	CHECK(!row_shows(3, ">"));
	CHECK(!row_shows(21, "more"));
	CHECK(strstr(c.hints, "q back") != NULL);
	list_leave(&c, l);
	fill(0);
	l = list_enter(&c, &def, NULL);
	CHECK(list_selected(l) == NULL);
	draw(&c, l);
	CHECK(row_shows(3, "Nothing here yet."));
	list_leave(&c, l);
	close_term();
}

TEST(list_reads_the_next_page_at_the_end)
{
	struct screen_ctx c;
	struct list_def paged = def;
	struct list *l;

	memset(&c, 0, sizeof c);
	memset(&src, 0, sizeof src);
	CHECK(open_term());
	paged.page = 10;
	fill(25);
	l = list_enter(&c, &paged, NULL);
	CHECK_INT(list_count(l), 10);
	CHECK(list_more(l));
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(list_count(l), 20);
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(list_count(l), 25);
	CHECK(!list_more(l));
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(src_id(list_selected(l)), 124);
	/* A reload keeps every row read so far, and the selection. */
	list_update(&c, l);
	CHECK_INT(list_count(l), 25);
	CHECK_INT(src_id(list_selected(l)), 124);
	CHECK(!list_more(l));		/* all read: a reload does not say more */
	list_leave(&c, l);
	/* Exactly two pages: the second read already says it was the last. */
	memset(&src, 0, sizeof src);
	fill(20);
	l = list_enter(&c, &paged, NULL);
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(list_count(l), 20);
	CHECK(!list_more(l));
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(src.reads, 2);
	list_leave(&c, l);
	close_term();
}

static int
tall_height(struct screen_ctx *c, struct list *l, const void *row, size_t cols)
{
	(void)c, (void)l, (void)cols;
	return *(const int *)row % 2 == 0 ? 2 : 1;
}

static int
tall_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	int h = tall_height(c, l, row, cols);

	src_row(c, l, row, y, x, cols, max_rows, a);
	if (h > max_rows)
		return h;
	if (h == 2)
		ui_draw_text(y + 1, x, "  second line", cols, a);
	return h;
}

static char taken[64];

static bool
take(struct screen_ctx *c, struct list *l, const char *text)
{
	(void)c, (void)l;
	if (strcmp(text, "no") == 0)
		return false;
	snprintf(taken, sizeof taken, "%s", text);
	return true;
}

static const struct list_prompt ask = {
	.question = "Which one?", .label = "It: ", .hints = "Enter take  Esc cancel",
	.max_chars = 10, .done = take,
};

/* Rows of two lines and one: a page holds whole rows, the selection is
 * always on it, and the prompt takes its rows from the page. */
TEST(list_rows_of_two_lines_and_the_prompt)
{
	struct screen_ctx c;
	struct list_def tall = def;
	struct list *l;

	memset(&c, 0, sizeof c);
	memset(&src, 0, sizeof src);
	CHECK(open_term());
	tall.draw_row = tall_row;
	tall.row_height = tall_height;
	tall.prompt = &ask;
	fill(30);		/* ids 100..129: even ones take two lines */
	l = list_enter(&c, &tall, NULL);
	draw(&c, l);
	/* 18 lines: 100 (2) 101 (1) ... twelve rows, 100 to 111, the last on line 20. */
	CHECK(row_shows(20, "row 111"));
	CHECK(row_shows(21, "(more: PgDn)"));
	for (int i = 0; i < 12; i++)
		CHECK(list_key(&c, l, UI_KEY_DOWN));
	draw(&c, l);
	CHECK_INT(src_id(list_selected(l)), 112);
	CHECK(row_shows(19, "row 112"));
	CHECK(row_shows(20, "second line"));
	/* The prompt takes two lines: the selection stays on the page. */
	list_prompt_open(l);
	draw(&c, l);
	CHECK(row_shows(19, "Which one?"));
	CHECK(row_shows(20, "It: "));
	CHECK(strcmp(c.hints, "Enter take  Esc cancel") == 0);
	{
		int at = -1;

		for (int y = 3; y <= 18; y++)
			if (row_shows(y, "row 112"))
				at = y;
		CHECK(at >= 3 && at + 1 <= 18 && row_shows(at + 1, "second line"));
	}
	CHECK(list_key(&c, l, 'n'));
	CHECK(list_key(&c, l, 'o'));
	CHECK(list_key(&c, l, UI_KEY_ENTER));
	CHECK(list_prompt_active(l));		/* refused: stays open with the text */
	CHECK(list_key(&c, l, UI_KEY_BACKSPACE));
	CHECK(list_key(&c, l, UI_KEY_BACKSPACE));
	CHECK(list_key(&c, l, 'x'));
	CHECK(!list_key(&c, l, UI_KEY_F1));	/* help still reaches the screen stack */
	CHECK(list_key(&c, l, UI_KEY_ENTER));
	CHECK(!list_prompt_active(l));
	CHECK_STR(taken, "x");
	CHECK_INT(src_id(list_selected(l)), 112);
	list_leave(&c, l);
	close_term();
}
