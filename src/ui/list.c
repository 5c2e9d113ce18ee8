/* The list-screen engine; see list.h. */
#include <stdlib.h>
#include <string.h>
#include "lib/err.h"
#include "lib/xmalloc.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define PLAIN_MARK	"> "
#define PLAIN_MARK_COLS	2

struct list {
	const struct list_def *d;
	struct screen_ctx *c;		/* the session's, which outlives every screen */
	void *ctx;			/* the screen's own state (d->init) */
	unsigned char *rows;		/* ul.n rows of d->row_size bytes */
	struct ui_list ul;		/* selection, first row shown, count */
	struct ui_line prompt;		/* d->prompt, while it is open */
	bool more;			/* a paged read came back full */
};

void *
list_ctx(const struct list *l)
{
	return l->ctx;
}

size_t
list_count(const struct list *l)
{
	return l->ul.n;
}

const void *
list_row(const struct list *l, size_t i)
{
	return i < l->ul.n ? l->rows + i * l->d->row_size : NULL;
}

const void *
list_selected(const struct list *l)
{
	return l->d->scroll_only ? NULL : list_row(l, l->ul.sel);
}

size_t
list_sel(const struct list *l)
{
	return l->ul.sel;
}

bool
list_more(const struct list *l)
{
	return l->more;
}

#define PROMPT_ROWS	2

static int
first_row(const struct list *l)
{
	return UI_BODY_TOP + l->d->head_rows;
}

static int
foot_rows(struct list *l)
{
	return (l->prompt.active ? PROMPT_ROWS : 0) +
	    (l->d->foot_rows != NULL ? l->d->foot_rows(l->c, l) : 0);
}

size_t
list_page_rows(struct screen_ctx *c, const struct list *l)
{
	(void)c;
	return ui_page_rows(first_row(l), foot_rows((struct list *)l));
}

/* The columns a row is drawn in: the body less the plain-mode mark. */
static size_t
row_cols(const struct list *l)
{
	size_t cols = (size_t)ui_cols() - 4;

	return ui_draw_plain() && !l->d->scroll_only ? cols - PLAIN_MARK_COLS : cols;
}

static size_t
height(struct list *l, size_t i, size_t cols)
{
	int h = l->d->row_height != NULL ? l->d->row_height(l->c, l, list_row(l, i), cols) :
	    l->d->row_lines;

	return h > 0 ? (size_t)h : 1;
}

/* How many rows from `from` fit on a page (at least one: a row taller
 * than the page is shown cut). */
static size_t
fit_from(struct list *l, size_t from)
{
	size_t page = list_page_rows(l->c, l), cols = row_cols(l), used = 0, k = 0;

	while (from + k < l->ul.n) {
		used += height(l, from + k, cols);
		if (used > page)
			break;
		k++;
	}
	return k > 0 || from >= l->ul.n ? k : 1;
}

/* True when every row from `from` to the end fits on one page. */
static bool
rest_fits(struct list *l, size_t from)
{
	return from + fit_from(l, from) >= l->ul.n;
}

/* The selection in range and on the page, and no page emptier than it
 * need be: while the rows above would fit too, they are shown. A list
 * that only scrolls keeps its first row within reach of the last page. */
static void
keep_in_view(struct list *l)
{
	struct ui_list *u = &l->ul;

	if (u->n == 0) {
		u->sel = u->top = 0;
		return;
	}
	if (u->sel >= u->n || l->d->scroll_only)
		u->sel = l->d->scroll_only ? 0 : u->n - 1;
	if (u->top >= u->n)
		u->top = u->n - 1;
	if (!l->d->scroll_only) {
		if (u->sel < u->top)
			u->top = u->sel;
		while (u->top < u->sel && u->sel >= u->top + fit_from(l, u->top))
			u->top++;
	}
	while (u->top > 0 && rest_fits(l, u->top - 1))
		u->top--;
}

void
list_select(struct list *l, size_t i)
{
	l->ul.sel = i;
	keep_in_view(l);
}

void
list_prompt_open(struct list *l)
{
	if (l->d->prompt == NULL)
		return;
	ui_line_open(&l->prompt, NULL, l->d->prompt->max_chars, false);
	keep_in_view(l);
}

void
list_prompt_close(struct list *l)
{
	ui_line_close(&l->prompt);
	keep_in_view(l);
}

bool
list_prompt_active(const struct list *l)
{
	return l->prompt.active;
}

const char *
list_prompt_text(const struct list *l)
{
	return l->prompt.active ? ui_line_text(&l->prompt) : "";
}

static void
free_rows(const struct list_def *d, unsigned char *rows, size_t n)
{
	if (d->free_row != NULL)
		for (size_t i = 0; i < n; i++)
			d->free_row(rows + i * d->row_size);
	free(rows);
}

/* One read through the screen's callback; rows are the engine's on 0.
 * A paged read asks for one row more than it keeps, so that *more says
 * whether rows follow without a read that comes back empty. */
static int
read_rows(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    unsigned char **rows, size_t *n, bool *more)
{
	const struct list_def *d = l->d;
	void *got = NULL;
	size_t k = 0;
	int r;

	if ((r = d->load(c, l, after, limit > 0 ? limit + 1 : 0, &got, &k)) != 0) {
		screen_error(c, "%s", d->load_error != NULL ? d->load_error :
		    "The list could not be read; it will be retried.");
		return r;
	}
	*more = limit > 0 && k > limit;
	if (*more) {
		for (size_t i = limit; i < k; i++)
			if (d->free_row != NULL)
				d->free_row((unsigned char *)got + i * d->row_size);
		k = limit;
	}
	*rows = got;
	*n = k;
	return 0;
}

/* Reads the first `want` rows again and puts the selection back on the
 * row that had it (by id), or at the same place. */
static void
load_first(struct screen_ctx *c, struct list *l, size_t want)
{
	const struct list_def *d = l->d;
	const void *old = list_selected(l);
	int64_t keep = old != NULL && d->row_id != NULL ? d->row_id(old) : 0;
	bool had = old != NULL && d->row_id != NULL;
	unsigned char *rows;
	size_t n, limit = d->page;
	bool more;

	if (limit > 0 && want > limit)
		limit = want;
	if (read_rows(c, l, NULL, limit, &rows, &n, &more) != 0)
		return;
	free_rows(d, l->rows, l->ul.n);
	l->rows = rows;
	l->ul.n = n;
	l->more = more;
	for (size_t i = 0; had && i < n; i++)
		if (d->row_id(rows + i * d->row_size) == keep) {
			l->ul.sel = i;
			break;
		}
	keep_in_view(l);
	if (d->loaded != NULL)
		d->loaded(c, l);
}

/* Appends the next page once the selection reaches the last row. */
static void
load_next(struct screen_ctx *c, struct list *l)
{
	const struct list_def *d = l->d;
	unsigned char *rows;
	size_t n;

	if (!l->more || l->ul.n == 0 || l->ul.sel + 1 < l->ul.n)
		return;
	if (read_rows(c, l, list_row(l, l->ul.n - 1), d->page, &rows, &n, &l->more) != 0)
		return;
	l->rows = xreallocarray(l->rows, l->ul.n + n + 1, d->row_size);
	if (n > 0)	/* an empty read may hand back NULL */
		memcpy(l->rows + l->ul.n * d->row_size, rows, n * d->row_size);
	l->ul.n += n;
	free(rows);
	if (d->loaded != NULL)
		d->loaded(c, l);
}

void
list_reload(struct screen_ctx *c, struct list *l)
{
	load_first(c, l, l->ul.n);
}

void
list_restart(struct screen_ctx *c, struct list *l)
{
	free_rows(l->d, l->rows, l->ul.n);
	l->rows = NULL;
	memset(&l->ul, 0, sizeof l->ul);
	l->more = false;
	load_first(c, l, 0);
}

void *
list_enter(struct screen_ctx *c, const struct list_def *d, const void *arg)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->d = d;
	l->c = c;
	l->ctx = d->init != NULL ? d->init(c, arg) : NULL;
	load_first(c, l, 0);
	return l;
}

void
list_leave(struct screen_ctx *c, void *st)
{
	struct list *l = st;

	(void)c;
	ui_line_close(&l->prompt);
	free_rows(l->d, l->rows, l->ul.n);
	if (l->d->fini != NULL)
		l->d->fini(l->ctx);
	free(l);
}

void
list_update(struct screen_ctx *c, void *st)
{
	list_reload(c, st);
}

void
list_resize(struct screen_ctx *c, void *st)
{
	(void)c;
	keep_in_view(st);
}

/* Draws rows from top while they fit; returns the index after the last
 * row drawn whole. */
static size_t
draw_rows(struct screen_ctx *c, struct list *l, size_t cols, size_t page)
{
	const struct list_def *d = l->d;
	int y = first_row(l), end = y + (int)page, h;
	bool plain = ui_draw_plain();
	size_t i;

	for (i = l->ul.top; i < l->ul.n && y < end; i++) {
		bool sel = !d->scroll_only && i == l->ul.sel;
		enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
		int x = 2;
		size_t w = cols;

		if (sel)
			ui_draw_fill(y, 1, cols + 2, a);
		if (plain && !d->scroll_only) {
			ui_draw_text(y, x, sel ? PLAIN_MARK : "", PLAIN_MARK_COLS, a);
			if (sel)
				ui_draw_chosen_cursor(y, x);
			x += PLAIN_MARK_COLS;
			w -= PLAIN_MARK_COLS;
		}
		h = d->draw_row(c, l, list_row(l, i), y, x, w, end - y, a);
		if (h > end - y)
			break;		/* cut: it is not shown whole */
		y += h > 0 ? h : 1;
	}
	return i;
}

/* The prompt sits right above the "(more)" row, whatever the page. */
static void
draw_prompt(struct list *l, size_t cols)
{
	int y = ui_msg_row() - 1 - PROMPT_ROWS;

	ui_draw_text(y, 2, l->d->prompt->question, cols, UI_A_BOLD);
	ui_line_draw(&l->prompt, y + 1, 2, cols, l->d->prompt->label);
}

void
list_draw(struct screen_ctx *c, void *st)
{
	struct list *l = st;
	const struct list_def *d = l->d;
	size_t cols = (size_t)ui_cols() - 4, page = list_page_rows(c, l), last;

	if (d->draw_head != NULL)
		d->draw_head(c, l, cols);
	if (l->ul.n == 0) {
		const char *empty = d->empty_text != NULL ? d->empty_text(c, l) : d->empty;

		if (empty != NULL)
			ui_draw_wrapped(first_row(l), 2, (int)page, cols, empty, 0, UI_A_DIM);
		last = 0;
	} else {
		last = draw_rows(c, l, cols, page);
	}
	ui_draw_more(l->ul.top > 0, last < l->ul.n || l->more, cols);
	if (d->draw_foot != NULL)
		d->draw_foot(c, l, first_row(l) + (int)page, cols);
	if (l->prompt.active)
		draw_prompt(l, cols);
	if (l->prompt.active)
		screen_hints(c, d->prompt->hints);
	else if (d->hints != NULL)
		d->hints(c, l);
	else
		screen_key_hints(c, d->keys, d->nkeys, d->hints_tail != NULL ? d->hints_tail :
		    "");
}

/* Up/Down/PgUp/PgDn/Home/End (ui-widget.h); true if the key was one of
 * them. Reaching the last row of a paged list reads the next page. */
static bool
move_key(struct screen_ctx *c, struct list *l, int key)
{
	size_t page = fit_from(l, l->ul.top), last_top = l->ul.n;

	if (l->d->scroll_only) {
		/* The last page starts at the first row from which the rest fits. */
		while (last_top > 0 && rest_fits(l, last_top - 1))
			last_top--;
		return ui_scroll_key(&l->ul.top, key, last_top + page, page);
	}
	if (!ui_list_key(&l->ul, key, page))
		return false;
	load_next(c, l);
	keep_in_view(l);
	return true;
}

/* While the prompt is open it takes every key but help. */
static bool
prompt_key(struct screen_ctx *c, struct list *l, int key)
{
	if (ui_line_prompt(&l->prompt, c, key) == UI_LINE_DONE &&
	    l->d->prompt->done(c, l, ui_line_text(&l->prompt)))
		list_prompt_close(l);
	else if (l->prompt.active && l->d->prompt->drop_now != NULL &&
	    l->d->prompt->drop_now(c, ui_line_text(&l->prompt)))
		list_prompt_open(l);	/* reopened empty; the old text is wiped */
	else if (!l->prompt.active)
		keep_in_view(l);	/* Esc closed it */
	return key != UI_KEY_F1;
}

bool
list_key(struct screen_ctx *c, void *st, int key)
{
	struct list *l = st;
	const struct list_def *d = l->d;

	if (l->prompt.active)
		return prompt_key(c, l, key);
	if (d->key != NULL && d->key(c, l, key))
		return true;
	if (move_key(c, l, key))
		return true;
	return d->nkeys > 0 && ui_keys_run(d->keys, d->nkeys, c, l, key);
}
