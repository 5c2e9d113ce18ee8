/* Search results: hosts whose nearest hospitals match the programs first,
 * two rows per host. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-host.h"
#include "db/db.h"
#include "rules/search.h"
#include "lib/xmalloc.h"
#include "screens/screen-host-form.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define RESULTS_MAX	200
#define HEAD_ROWS	4		/* title, legend, a blank row */

/* arg: the struct host_query to run (copied). */
static void *
res_init(struct screen_ctx *c, const void *arg)
{
	struct host_query *q = xmalloc(sizeof *q);

	(void)c;
	*q = *(const struct host_query *)arg;
	return q;
}

static int
res_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	int r;

	(void)after, (void)limit;
	r = db_host_search(c->db, c->me.id, list_ctx(l), RESULTS_MAX,
	    (struct host_hit **)rows, n);
	/* A limit is not a failed read: the member hears which one, over an
	 * empty list, and goes back to the search they typed to narrow it. */
	if (search_refusal(r) != NULL) {
		screen_error(c, "%s", search_refusal(r));
		*rows = NULL;
		*n = 0;
		return 0;
	}
	return r;
}

static int64_t
res_id(const void *row)
{
	return ((const struct host_hit *)row)->user_id;
}

static void
res_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct host_query *q = list_ctx(l);
	size_t n = list_count(l);
	char title[96];

	(void)c;
	snprintf(title, sizeof title, "Hosts found: %zu%s", n,
	    n == RESULTS_MAX ? " (first 200: narrow the search)" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	/* The star marks a match with the programs searched for: without
	 * any, no host has one and the legend would promise what is not. */
	if (q->programs[0] != '\0')
		ui_draw_text(UI_BODY_TOP + 2, 2, "* near a program you will visit", cols,
		    UI_A_DIM);
}

/* Name, place and match; then offers and hospitals (only the first row
 * when the terminal is too small for even one whole host). */
static int
res_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct host_hit *h = row;
	bool sel = a == UI_A_SELECT;
	char line[HOST_LONG_SZ + 256], offers[128];

	(void)c, (void)l;
	snprintf(line, sizeof line, "%s%s - %s%s%s%s", h->program_match ? "* " : "  ", h->name,
	    h->neighbourhood[0] ? h->neighbourhood : "", h->neighbourhood[0] ? ", " : "",
	    h->city, h->status == HOST_MAYBE ? " (depends)" : "");
	ui_draw_text(y, x, line, cols, sel ? a : UI_A_BOLD);
	if (max_rows < 2)
		return 2;	/* cut: the engine does not count it */
	if (sel)	/* the engine filled the first row only */
		ui_draw_fill(y + 1, 1, (size_t)ui_cols() - 2, a);
	host_offers_label(offers, sizeof offers, h->offers);
	snprintf(line, sizeof line, "    %s | near %s", offers, h->hospitals);
	ui_draw_text(y + 1, x, line, cols, sel ? a : UI_A_DIM);
	return 2;
}

static void
view(struct screen_ctx *c, void *st)
{
	const struct host_hit *h = list_selected(st);
	struct host_view_arg a;

	if (h == NULL)
		return;
	a.host_id = h->user_id;
	a.q = list_ctx(st);
	screen_push(c, &screen_host_view, &a);
}

static void
message(struct screen_ctx *c, void *st)
{
	const struct host_hit *h = list_selected(st);

	if (h != NULL)
		screen_open_conversation(c, h->user_id);
}

static const struct ui_binding keys[] = {
	{ UI_KEY_ENTER, 0, "Enter view host", view },
	{ 'm', 'M', "m message", message },
};

static const struct list_def res_list = {
	.head_rows = HEAD_ROWS, .row_size = sizeof(struct host_hit), .load = res_load,
	.row_id = res_id, .draw_head = res_head, .draw_row = res_row, .row_lines = 2,
	.empty = "No host matches. Try fewer wishes, other dates or no city.",
	.load_error = "The search did not work; please try again.", .keys = keys,
	.nkeys = sizeof keys / sizeof keys[0],
	.hints_tail = "  Up/Down choose  q back  ? help", .init = res_init, .fini = free,
};

const struct screen screen_host_results = {
	.name = "host-results", .section = "HOST search", .list = &res_list,
};
