/* Drawing for small screens and plain mode (ui/ui-draw.c, ui/ui-menu.c) on
 * a virtual terminal: side columns dropped, menus without descriptions and
 * scrolled, the chosen row marked with ">" and the cursor on it. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "ui/ui-draw.h"
#include "ui/ui-menu.h"
#include "ui/ui-widget.h"

static SCREEN *term;
static FILE *term_out, *term_in;

static bool
open_term(int rows, int cols)
{
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	if (term_out == NULL || term_in == NULL ||
	    (term = newterm("vt100", term_out, term_in)) == NULL)
		return false;
	resizeterm(rows, cols);
	return true;
}

static void
close_term(void)
{
	ui_draw_set_plain(false);
	endwin();
	delscreen(term);
	fclose(term_out);
	fclose(term_in);
}

static bool
row_shows(int y, const char *want)
{
	char got[200];

	mvinnstr(y, 0, got, COLS);
	return strstr(got, want) != NULL;
}

TEST(ui_cells_fit_drops_side_columns_from_the_right)
{
	const size_t want[4] = { 0, 16, 20, 7 };
	size_t w[4];

	/* 80 columns: everything, the name gets the rest. */
	CHECK_INT(ui_cells_fit(76, want, 4, 12, w), 4);
	CHECK_INT(w[0], 76 - 16 - 20 - 7 - 3);
	CHECK_INT(w[3], 7);
	/* 40 columns: idle and where go, login stays. */
	CHECK_INT(ui_cells_fit(36, want, 4, 12, w), 2);
	CHECK_INT(w[0], 36 - 16 - 1);
	CHECK_INT(w[1], 16);
	CHECK_INT(w[2], 0);
	CHECK_INT(w[3], 0);
	/* Narrower still: only the name, never a width that wrapped below 0. */
	CHECK_INT(ui_cells_fit(20, want, 4, 12, w), 1);
	CHECK_INT(w[0], 20);
	CHECK_INT(ui_cells_fit(5, want, 4, 12, w), 1);
	CHECK_INT(w[0], 5);
}

TEST(ui_draw_cells_skips_dropped_cells)
{
	const char *text[3] = { "Name", "Login", "Since" };
	const size_t w[3] = { 6, 0, 5 };

	CHECK(open_term(15, 40));
	CHECK_INT(ui_draw_cells(2, 2, text, w, 3, UI_A_NORMAL), 2 + 7 + 6);
	CHECK(row_shows(2, "  Name   Since"));
	CHECK(!row_shows(2, "Login"));
	close_term();
}

static const struct ui_menu_item items[] = {
	{ 'p', "Profile", "Your profile, password and SSH keys", NULL, NULL },
	{ 'i', "Inbox", "Private messages", NULL, NULL },
	{ 'w', "Who's online", "Members connected right now", NULL, NULL },
	{ 'g', "Goodbye", "Log off", NULL, NULL },
};

TEST(ui_menu_narrow_drops_descriptions_and_scrolls)
{
	struct ui_list sel = { 0, 0, 4 };

	CHECK(open_term(15, 40));
	ui_draw_begin();
	ui_menu_draw(items, 4, &sel, 3, 36, 2);
	CHECK(row_shows(3, "[P] Profile"));
	CHECK(!row_shows(3, "password"));
	CHECK(row_shows(4, "[I] Inbox"));
	CHECK(!row_shows(5, "Who"));
	/* The choice at the end scrolls the menu under it. */
	sel.sel = 3;
	ui_draw_begin();
	ui_menu_draw(items, 4, &sel, 3, 36, 2);
	CHECK(row_shows(4, "[G] Goodbye"));
	CHECK(row_shows(3, "[W] Who's online"));
	close_term();
	CHECK(open_term(24, 80));
	sel.sel = sel.top = 0;
	ui_draw_begin();
	ui_menu_draw(items, 4, &sel, 3, 76, 4);
	CHECK(row_shows(3, "Your profile, password"));
	close_term();
}

TEST(ui_menu_plain_marks_the_choice_and_puts_the_cursor_there)
{
	struct ui_list sel = { 1, 0, 4 };
	int y, x;

	CHECK(open_term(24, 80));
	ui_draw_set_plain(true);
	ui_draw_begin();
	ui_menu_draw(items, 4, &sel, 5, 76, 4);
	ui_draw_end(false);
	getyx(stdscr, y, x);	/* before reading the rows back moves it */
	CHECK_INT(y, 6);
	CHECK_INT(x, 0);
	CHECK(row_shows(6, ">  [I] Inbox"));
	CHECK(!row_shows(5, ">"));
	/* An input field drawn anywhere in the frame keeps the cursor. */
	ui_draw_begin();
	ui_draw_cursor(20, 10);
	ui_menu_draw(items, 4, &sel, 5, 76, 4);
	ui_draw_end(false);
	getyx(stdscr, y, x);
	CHECK_INT(y, 20);
	CHECK_INT(x, 10);
	/* Out of plain mode: reverse video only, no mark. */
	ui_draw_set_plain(false);
	ui_draw_begin();
	ui_menu_draw(items, 4, &sel, 5, 76, 4);
	CHECK(!row_shows(6, ">"));
	close_term();
}
