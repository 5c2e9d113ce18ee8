/* Drawing primitives over curses; see ui-draw.h. This file holds the one
 * door through which text reaches the terminal: ui_draw_text. */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "lib/wrap.h"
#include "lib/xmalloc.h"

/* A row never needs more: 4 bytes a column on the widest terminal we draw
 * for, and the sanitiser stops at a character boundary when it is full. */
#define ROW_BYTES 4096

enum { PAIR_HEADER = 1, PAIR_STATUS, PAIR_ERROR, PAIR_INFO, PAIR_TITLE };

static attr_t attr_of[UI_A_COUNT];
static int cursor_y = -1, cursor_x;
static bool cursor_input;		/* an input field placed it this frame */
static bool plain, colour;

static void
init_mono(void)
{
	attr_of[UI_A_NORMAL] = A_NORMAL;
	attr_of[UI_A_BOLD] = A_BOLD;
	attr_of[UI_A_TITLE] = A_BOLD;
	attr_of[UI_A_SELECT] = A_REVERSE | A_BOLD;
	attr_of[UI_A_HEADER] = A_REVERSE | A_BOLD;
	attr_of[UI_A_STATUS] = A_REVERSE;
	attr_of[UI_A_ERROR] = A_BOLD;
	attr_of[UI_A_INFO] = A_BOLD;
	attr_of[UI_A_DIM] = A_DIM;
	attr_of[UI_A_INPUT] = A_UNDERLINE;
}

/* The looks for the mode: colour pairs only when the terminal has them
 * and plain mode is off. */
static void
set_looks(void)
{
	init_mono();
	if (!colour || plain)
		return;
	attr_of[UI_A_HEADER] = COLOR_PAIR(PAIR_HEADER) | A_BOLD;
	attr_of[UI_A_STATUS] = COLOR_PAIR(PAIR_STATUS);
	attr_of[UI_A_ERROR] = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	attr_of[UI_A_INFO] = COLOR_PAIR(PAIR_INFO) | A_BOLD;
	attr_of[UI_A_TITLE] = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
}

void
ui_draw_init(void)
{
	short bg = COLOR_BLACK;

	colour = false;
	if (has_colors() && start_color() != ERR) {
		if (use_default_colors() == OK)
			bg = -1;
		init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_ERROR, COLOR_RED, bg);
		init_pair(PAIR_INFO, COLOR_GREEN, bg);
		init_pair(PAIR_TITLE, COLOR_CYAN, bg);
		colour = true;
	}
	set_looks();
}

int
ui_rows(void)
{
	return LINES;
}

int
ui_cols(void)
{
	return COLS;
}

bool
ui_narrow(void)
{
	return COLS < UI_WIDE_COLS;
}

bool
ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

int
ui_body_rows(void)
{
	return LINES > 3 ? LINES - 3 : 0;
}

int
ui_msg_row(void)
{
	return LINES - 2;
}

/* The code point curses will draw for cp. Where the C library's idea of
 * its width differs from ours (Unicode versions disagree on some emoji),
 * drawing it would shift the rest of the row, so a replacement is drawn. */
static wchar_t
drawable(uint32_t cp)
{
	if (wcwidth((wchar_t)cp) == text_cp_width(cp))
		return (wchar_t)cp;
	return wcwidth(0xfffd) == 1 ? (wchar_t)0xfffd : L'?';
}

size_t
ui_draw_text(int y, int x, const char *s, size_t max_cols, enum ui_attr a)
{
	char clean[ROW_BYTES], fit[ROW_BYTES];
	wchar_t wide[ROW_BYTES];
	size_t cols, len, i = 0, n = 0;
	uint32_t cp;
	int k;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || s == NULL)
		return 0;
	if (max_cols > (size_t)(COLS - x))
		max_cols = (size_t)(COLS - x);
	text_sanitize(clean, sizeof clean, s, false);
	len = text_fit(fit, sizeof fit, clean, max_cols, &cols);
	while (i < len && (k = text_utf8_decode(fit + i, len - i, &cp)) > 0) {
		wide[n++] = drawable(cp);
		i += (size_t)k;
	}
	attrset(attr_of[a]);
	mvaddnwstr(y, x, wide, (int)n);
	attrset(A_NORMAL);
	return cols;
}

void
ui_draw_fill(int y, int x, size_t cols, enum ui_attr a)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (cols > (size_t)(COLS - x))
		cols = (size_t)(COLS - x);
	attrset(attr_of[a]);
	mvhline(y, x, ' ', (int)cols);
	attrset(A_NORMAL);
}

size_t
ui_draw_wrapped(int y, int x, int rows, size_t cols, const char *text,
    size_t skip, enum ui_attr a)
{
	struct wrap_line *lines = NULL;
	size_t n, sz;
	char *clean, row[ROW_BYTES];

	/* An invalid byte becomes a 3-byte replacement character. */
	sz = strlen(text) * 3 + 1;
	clean = xmalloc(sz);
	text_sanitize(clean, sz, text, true);
	n = wrap_text(clean, cols, &lines);
	for (int r = 0; r < rows && skip + (size_t)r < n; r++) {
		wrap_row(clean, &lines[skip + (size_t)r], row, sizeof row);
		ui_draw_text(y + r, x, row, cols, a);
	}
	free(lines);
	free(clean);
	return n;
}

int
ui_draw_cells(int y, int x, const char *const *text, const size_t *width, size_t n,
    enum ui_attr a)
{
	for (size_t i = 0; i < n; i++) {
		if (width[i] == 0)
			continue;
		ui_draw_text(y, x, text[i], width[i], a);
		x += (int)width[i] + 1;
	}
	return x;
}

/* The flexible column's width with the columns in w kept; 0 if none. */
static size_t
flex_room(size_t cols, const size_t *w, size_t n)
{
	size_t used = 0, kept = 0;

	for (size_t i = 0; i < n; i++)
		if (w[i] > 0) {
			used += w[i];
			kept++;
		}
	used += kept;		/* one space after each fixed column */
	return cols > used ? cols - used : 0;
}

size_t
ui_cells_fit(size_t cols, const size_t *want, size_t n, size_t min_flex, size_t *w)
{
	size_t flex = n, kept = n;

	for (size_t i = 0; i < n; i++) {
		w[i] = want[i];
		if (want[i] == 0 && flex == n)
			flex = i;
	}
	for (size_t i = n; i-- > 0 && flex_room(cols, w, n) < min_flex;)
		if (i != flex && w[i] > 0) {
			w[i] = 0;
			kept--;
		}
	if (flex < n)
		w[flex] = flex_room(cols, w, n);
	return kept;
}

size_t
ui_page_rows(int first_row, int foot_rows)
{
	int rows = ui_msg_row() - first_row - 1 - foot_rows;

	return rows > 0 ? (size_t)rows : 1;
}

void
ui_draw_more(bool above, bool below, size_t cols)
{
	int y = ui_msg_row() - 1;

	if (below)
		ui_draw_text(y, 2, above ? "(more: PgDn, back: PgUp)" : "(more: PgDn)", cols,
		    UI_A_DIM);
	else if (above)
		ui_draw_text(y, 2, "(back: PgUp)", cols, UI_A_DIM);
}

bool
ui_draw_plain(void)
{
	return plain;
}

void
ui_draw_set_plain(bool on)
{
	plain = on;
	set_looks();
}

void
ui_draw_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
	cursor_input = true;
}

void
ui_draw_chosen_cursor(int y, int x)
{
	if (cursor_input)
		return;
	cursor_y = y;
	cursor_x = x;
}

void
ui_draw_chosen(int y, int x, size_t cols)
{
	ui_draw_fill(y, x, cols, UI_A_SELECT);
	if (!plain)
		return;
	ui_draw_text(y, 0, ">", 1, UI_A_BOLD);
	ui_draw_chosen_cursor(y, 0);
}

void
ui_draw_begin(void)
{
	erase();
	cursor_y = -1;
	cursor_input = false;
}

void
ui_draw_end(bool full_redraw)
{
	if (cursor_y >= 0 && cursor_y < LINES && cursor_x < COLS) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, 0);
	}
	if (full_redraw)
		clearok(curscr, TRUE);
	wnoutrefresh(stdscr);
	doupdate();
}
