/* Post search across every community: words, "phrases", prefix*, and the
 * filters author:LOGIN and in:COMMUNITY; best matches first. Enter opens
 * the thread at the post. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "rules/search.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define MAX_HITS	100
#define QUERY_CHARS	BOARD_QUERY_MAX
#define QUERY_ROW	(UI_BODY_TOP + 3)

struct search {
	struct ui_line line;
	bool typing;
	bool searched;			/* hits are a search's results */
	/* The results of the last search. A search is a snapshot: the list
	 * shows these again when the database changes, it does not search
	 * again under the member's cursor. */
	struct board_hit *hits;
	size_t n;
};

static int
search_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct search *s = list_ctx(l);
	struct board_hit *copy = xcalloc(s->n + 1, sizeof *copy);

	(void)c, (void)after, (void)limit;
	if (s->n > 0)
		memcpy(copy, s->hits, s->n * sizeof *copy);
	*rows = copy;
	*n = s->n;
	return 0;
}

static int64_t
hit_id(const void *row)
{
	return ((const struct board_hit *)row)->post_id;
}

static void
run(struct screen_ctx *c, struct list *l)
{
	struct search *s = list_ctx(l);
	struct board_hit *hits = NULL;
	struct board_query q;
	size_t n = 0;
	int r;

	r = db_board_search(c->db, c->me.id, ui_line_text(&s->line), MAX_HITS, &hits, &n);
	/* A refused query leaves no results of the one before under it. */
	free(s->hits);
	s->hits = NULL;
	s->n = 0;
	s->searched = r == 0;
	board_query_parse(ui_line_text(&s->line), &q);
	if (r == 0) {
		s->hits = hits;
		s->n = n;
		s->typing = false;
	} else if (r == ERR_NOTFOUND) {
		screen_error(c, "No community called \"%s\"; give its name or the start of it.",
		    q.in);
	} else if (search_refusal(r) != NULL || (r == ERR_INVALID && q.refused != NULL)) {
		/* A limit: what the member typed stays open to narrow it. */
		screen_error(c, "%s", r == ERR_INVALID ? q.refused : search_refusal(r));
		s->typing = true;
	} else if (r == ERR_INVALID) {
		screen_error(c, "Search needs words: plain words, \"a phrase\" or a prefix*; "
		    "author:login and in:community narrow it.");
	} else {
		screen_error(c, "The search did not work; please try again.");
	}
	list_restart(c, l);
}

static void
search_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct search *s = list_ctx(l);
	char title[96];

	(void)c;
	/* How many, as every result list says: the best MAX_HITS at most. */
	if (s->searched)
		snprintf(title, sizeof title, "Search posts: %s%zu found%s",
		    s->n == MAX_HITS ? "the best " : "", s->n,
		    s->n == MAX_HITS ? " (narrow the search for others)" : "");
	else
		snprintf(title, sizeof title, "Search posts");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "Words, \"a phrase\", prefix*; author:login, "
	    "in:community (e.g. in:boston).", cols, UI_A_DIM);
	if (!s->typing)
		ui_draw_text(QUERY_ROW, 2, ui_line_text(&s->line), cols, UI_A_BOLD);
}

/* While a new query is typed no hit is chosen. */
static int
search_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct search *s = list_ctx(l);
	const struct board_hit *h = row;
	char where[BOARD_TITLE_SZ + MEMBER_NAME_SZ + BOARD_NAME_MAX * 4 + 64], age[32];
	bool sel = a == UI_A_SELECT && !s->typing;

	(void)c;
	if (a == UI_A_SELECT && !sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, UI_A_NORMAL);
	screen_age(age, sizeof age, h->created_at);
	snprintf(where, sizeof where, "%s > %s  (%s, %s)", h->community, h->title,
	    h->author, age);
	ui_draw_text(y, x, where, cols, sel ? UI_A_SELECT : UI_A_BOLD);
	if (max_rows >= 2)
		ui_draw_text(y + 1, x + 2, h->snippet, cols - 2, UI_A_NORMAL);
	return 2;
}

static const char *
search_empty(struct screen_ctx *c, struct list *l)
{
	const struct search *s = list_ctx(l);

	(void)c;
	return s->searched ? "Nothing found: try other words, fewer of them, a prefix* or "
	    "no filter." : NULL;
}

/* The query being typed is drawn after the rows, so its cursor, not the
 * list's plain-mode one, is where the typing goes. */
static void
search_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	const struct search *s = list_ctx(l);

	(void)c, (void)y;
	if (s->typing)
		ui_line_draw(&s->line, QUERY_ROW, 2, cols, "Search: ");
}

static void
new_search(struct screen_ctx *c, void *st)
{
	struct search *s = list_ctx(st);

	(void)c;
	s->typing = true;
}

static void
open_hit(struct screen_ctx *c, void *st)
{
	const struct board_hit *h = list_selected(st);

	if (h != NULL) {
		struct board_open o = { h->thread_id, h->post_id };

		screen_push(c, &screen_board_thread, &o);
	}
}

static const struct ui_binding search_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_hit },
	{ '/', 's', "/ new search", new_search },
};

static bool
search_key(struct screen_ctx *c, struct list *l, int key)
{
	struct search *s = list_ctx(l);

	if (!s->typing)
		return false;
	switch (ui_line_key(&s->line, c, key)) {
	case UI_LINE_CANCEL:
		if (!s->searched)
			screen_pop(c);
		else
			s->typing = false;
		return true;
	case UI_LINE_DONE:
		run(c, l);
		return true;
	default:
		return true;
	}
}

static void
search_hints(struct screen_ctx *c, struct list *l)
{
	const struct search *s = list_ctx(l);

	if (s->typing)
		screen_hints(c, "Enter search  Esc back");
	else
		screen_key_hints(c, search_keys, sizeof search_keys / sizeof search_keys[0],
		    "  Up/Down choose  q back  ? help");
}

static void *
search_init(struct screen_ctx *c, const void *arg)
{
	struct search *s = xcalloc(1, sizeof *s);

	(void)c, (void)arg;
	ui_line_open(&s->line, NULL, QUERY_CHARS, false);
	s->typing = true;
	return s;
}

static void
search_fini(void *ctx)
{
	struct search *s = ctx;

	ui_line_close(&s->line);
	free(s->hits);
	free(s);
}

static const struct list_def search_list = {
	.head_rows = 5, .row_size = sizeof(struct board_hit), .load = search_load,
	.row_id = hit_id, .draw_head = search_head, .draw_row = search_row,
	.row_lines = 2, .draw_foot = search_foot, .empty_text = search_empty,
	.key = search_key, .keys = search_keys,
	.nkeys = sizeof search_keys / sizeof search_keys[0], .hints = search_hints,
	.init = search_init, .fini = search_fini,
};

const struct screen screen_board_search = {
	.name = "board-search", .section = "Search posts", .list = &search_list,
};
