/* Every list screen's engine, after tmux's mode-tree.c: a screen describes
 * its list with a const struct list_def (how to read rows, how to draw
 * one, its keys and its empty sentence) and names it in its descriptor
 * (`.list = &def` in struct screen); the engine does the rest:
 *
 *  - rows from a callback, read again when the database changes, with the
 *    selection kept on the same row (by id) across reloads;
 *  - paging: Up/Down/PgUp/PgDn/Home/End, the selection kept in view, and
 *    for lists read a page at a time, the next page read when the
 *    selection reaches the end;
 *  - the empty-list sentence, and "(more: PgDn)" / "(back: PgUp)" on the
 *    row under the list when rows lie beyond the page;
 *  - rows of any height (a notice wraps, a key takes two lines): a page
 *    holds whole rows, and the selection is always on it;
 *  - lists without a selection, that only scroll;
 *  - a one-line prompt under the list (paste a key, write to a login);
 *  - the plain-mode cursor: in plain mode (ui_draw_plain) the selected row
 *    starts with "> " and the terminal cursor sits on it, so a screen
 *    reader or a terminal without reverse video still shows the choice.
 *
 * The engine's state is struct list; key bindings (ui-keys.h) of a list
 * screen receive it as their st, and reach the screen's own state with
 * list_ctx() and the chosen row with list_selected(). */
#ifndef LIST_H
#define LIST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/ui-draw.h"

struct screen_ctx;
struct ui_binding;
struct list;

struct list_def {
	/* Rows between UI_BODY_TOP and the first list row: title, intro,
	 * column heads (drawn by draw_head). */
	int head_rows;
	size_t row_size;		/* bytes of one row */

	/* Reads at most limit rows after the row `after` (NULL: from the
	 * start) into a malloc'd array the engine then owns: 0 and
	 * *rows and *n, or an ERR_* code (the engine then keeps the old rows and
	 * shows load_error). A list read whole may ignore after and limit. */
	int (*load)(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
	    void **rows, size_t *n);
	/* Rows per read for a list read a page at a time; 0 reads it whole. */
	size_t page;
	/* Frees what a row owns besides itself (NULL: nothing). */
	void (*free_row)(void *row);
	/* A stable identity, so the selection follows its row across reloads
	 * (NULL keeps the index). */
	int64_t (*row_id)(const void *row);
	/* Called after every successful read (NULL: nothing). */
	void (*loaded)(struct screen_ctx *c, struct list *l);

	/* Draws the title and column heads above the list (NULL: nothing). */
	void (*draw_head)(struct screen_ctx *c, struct list *l, size_t cols);
	/* Draws one row at y over cols columns from column x in attribute a
	 * (UI_A_SELECT for the selected row, whose background the engine has
	 * filled on its first line) in at most max_rows lines. Returns the
	 * lines it takes, at least 1 (more than max_rows when it was cut). */
	int (*draw_row)(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
	    size_t cols, int max_rows, enum ui_attr a);
	/* The lines a row takes over cols columns, so that pages hold whole
	 * rows. Must agree with draw_row. NULL: row_lines each (0: one). */
	int (*row_height)(struct screen_ctx *c, struct list *l, const void *row, size_t cols);
	int row_lines;
	/* Rows kept free under the list for draw_foot (a prompt); NULL: 0. */
	int (*foot_rows)(struct screen_ctx *c, struct list *l);
	/* Draws under the list (NULL: nothing), from row y. */
	void (*draw_foot)(struct screen_ctx *c, struct list *l, int y, size_t cols);

	/* The sentence when there are no rows; empty_text, when set, wins. */
	const char *empty;
	const char *(*empty_text)(struct screen_ctx *c, struct list *l);
	/* The sentence when a read fails (NULL: a general one). */
	const char *load_error;

	/* Keys: the screen's own first (key may be NULL; true when it took
	 * the key, e.g. a prompt that is open), then the list keys, then the
	 * bindings, whose hints make the status bar followed by hints_tail. */
	bool (*key)(struct screen_ctx *c, struct list *l, int key);
	const struct ui_binding *keys;
	size_t nkeys;
	const char *hints_tail;
	/* Status bar hints of this frame instead of keys + tail (NULL: those). */
	void (*hints)(struct screen_ctx *c, struct list *l);

	bool scroll_only;		/* no selection: the keys only scroll */

	/* A one-line prompt under the list (NULL: none), opened with
	 * list_prompt_open: the engine owns the line, draws it above the
	 * "(more)" row, gives it every key but F1 while it is open and
	 * shows its hints. */
	const struct list_prompt *prompt;

	/* The screen's own state from the push argument (NULL: none) and
	 * what frees it. */
	void *(*init)(struct screen_ctx *c, const void *arg);
	void (*fini)(void *ctx);
};

struct list_prompt {
	const char *question;		/* the bold line above the field */
	const char *label;		/* before the field: "Key: " */
	const char *hints;		/* the status bar while it is open */
	size_t max_chars;
	/* Enter: text is what was typed. Returns true when the text was
	 * taken (the prompt closes), false to keep it open with the text
	 * (after saying why on the message line). */
	bool (*done)(struct screen_ctx *c, struct list *l, const char *text);
	/* Optional: after every key, true if text must not stay a moment
	 * longer (a pasted secret); the hook says why and the engine empties
	 * the field at once. */
	bool (*drop_now)(struct screen_ctx *c, const char *text);
};

/* The screen's own state (from init), or NULL. */
void *list_ctx(const struct list *l);
size_t list_count(const struct list *l);
const void *list_row(const struct list *l, size_t i);
/* The selected row, or NULL when the list is empty (or scroll_only). */
const void *list_selected(const struct list *l);
size_t list_sel(const struct list *l);
/* Moves the selection to row i (kept in range and in view). */
void list_select(struct list *l, size_t i);
/* Opens and closes the def's prompt (empty); the selection stays in view. */
void list_prompt_open(struct list *l);
void list_prompt_close(struct list *l);
bool list_prompt_active(const struct list *l);
/* The open prompt's text ("" when closed); the list's own. */
const char *list_prompt_text(const struct list *l);
/* True when the last read said more rows may follow (paged lists). */
bool list_more(const struct list *l);

/* Reads the rows again now (after the member changed one), keeping as
 * many as were shown and the selection on the same row. */
void list_reload(struct screen_ctx *c, struct list *l);
/* Forgets every row and reads from the start, selection at the top (a
 * new filter, the other folder). */
void list_restart(struct screen_ctx *c, struct list *l);

/* The screen callbacks; screen.c calls these for a screen with .list. */
void *list_enter(struct screen_ctx *c, const struct list_def *d, const void *arg);
void list_draw(struct screen_ctx *c, void *st);
bool list_key(struct screen_ctx *c, void *st, int key);
void list_update(struct screen_ctx *c, void *st);
void list_resize(struct screen_ctx *c, void *st);
void list_leave(struct screen_ctx *c, void *st);

/* The list's rows on screen now: from the first list row to the row above
 * the "(more)" line. */
size_t list_page_rows(struct screen_ctx *c, const struct list *l);

#endif
