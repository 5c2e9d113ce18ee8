/* Drawing for screens that must not include curses. Every string that
 * reaches the terminal goes through ui_draw_text, which sanitises it and
 * fits it to columns, so neither member text nor an old database row can
 * carry escapes. Coordinates are screen rows and columns; drawing outside
 * the screen is clipped. */
#ifndef UI_DRAW_H
#define UI_DRAW_H
#include <stdbool.h>
#include <stddef.h>

/* Looks: colour when the terminal has it, reverse/bold otherwise. */
enum ui_attr {
	UI_A_NORMAL,
	UI_A_BOLD,
	UI_A_TITLE,
	UI_A_SELECT,
	UI_A_HEADER,
	UI_A_STATUS,
	UI_A_ERROR,
	UI_A_INFO,
	UI_A_DIM,
	UI_A_INPUT,
	UI_A_COUNT
};

/* The smallest terminal drawn (a phone in portrait); below it only
 * "Terminal too small" and the keys that leave. Under UI_WIDE_COLS the
 * layouts drop their side columns and wrap (ui_narrow). */
#define UI_MIN_COLS	40
#define UI_MIN_ROWS	15
#define UI_WIDE_COLS	80
#define UI_BODY_TOP	1		/* row under the header bar */

int ui_rows(void);
int ui_cols(void);
/* True below UI_WIDE_COLS: drop side columns, put values under labels. */
bool ui_narrow(void);
/* True below UI_MIN_COLS x UI_MIN_ROWS: nothing but the sentence is drawn. */
bool ui_too_small(void);
/* Rows between the header bar and the message line. */
int ui_body_rows(void);
/* The row just above the status bar, for messages and questions. */
int ui_msg_row(void);
/* Rows a page of a list or a scrolled text holds from first_row down,
 * keeping foot_rows under it and the row above the message line free
 * (for "(more: PgDn)"); at least 1. Every paged screen asks this. */
size_t ui_page_rows(int first_row, int foot_rows);
/* On the row above the message line: "(more: PgDn)" when more lies below,
 * "(back: PgUp)" when some lies above, both when both. */
void ui_draw_more(bool above, bool below, size_t cols);

/* Sanitises s, fits it to max_cols (and the screen edge) and draws it at
 * y, x. Newlines and tabs show as spaces. Returns the columns drawn. */
size_t ui_draw_text(int y, int x, const char *s, size_t max_cols, enum ui_attr a);
/* Draws n cells of a table row at y from x: text[i] fitted to width[i]
 * columns, one space between cells; a cell of width 0 is left out (a
 * column ui_cells_fit dropped). Returns the column after the last. */
int ui_draw_cells(int y, int x, const char *const *text, const size_t *width, size_t n,
    enum ui_attr a);
/* The widths of a table's columns over cols columns, into w: want[i] > 0
 * is a column of that width, want[i] == 0 the one that takes what the
 * others and the spaces between them leave. While that would be narrower
 * than min_flex, side columns are dropped from the right (width 0), so a
 * narrow screen keeps the first columns readable rather than cutting
 * every one. Returns the columns kept. */
size_t ui_cells_fit(size_t cols, const size_t *want, size_t n, size_t min_flex, size_t *w);
/* Fills cols cells from y, x with spaces in attribute a. */
void ui_draw_fill(int y, int x, size_t cols, enum ui_attr a);
/* Draws multi-line text word-wrapped to cols, skipping the first skip
 * lines, in at most rows rows. Returns the number of wrapped lines. */
size_t ui_draw_wrapped(int y, int x, int rows, size_t cols, const char *text,
    size_t skip, enum ui_attr a);
/* Shows the terminal cursor at y, x after this frame (input fields). */
void ui_draw_cursor(int y, int x);
/* The chosen row of a menu or form at y: its background filled from x
 * over cols in UI_A_SELECT, and in plain mode a ">" in column 0 with the
 * terminal cursor on it, unless an input field has the cursor this frame
 * (ui_draw_cursor wins, wherever it is drawn). */
void ui_draw_chosen(int y, int x, size_t cols);
/* The cursor for a chosen row (the list engine's "> "): like
 * ui_draw_cursor but only if no input field has it. */
void ui_draw_chosen_cursor(int y, int x);

/* Plain mode, for screen readers, magnifiers and terminals without
 * colour: no colour at all, ASCII only for rules and marks, the chosen
 * row of a list, menu or form marked with ">" and the terminal cursor on
 * it, and news said in words on the message line. Off unless set; takes
 * effect at the next frame. */
bool ui_draw_plain(void);
void ui_draw_set_plain(bool on);

/* For ui.c only: colours after the terminal is set up, and the frame. */
void ui_draw_init(void);
void ui_draw_begin(void);
void ui_draw_end(bool full_redraw);

#endif

