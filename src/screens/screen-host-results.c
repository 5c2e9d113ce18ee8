/* Search results: hosts whose nearest hospitals match the programs first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "screens/screen-host-form.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define RESULTS_MAX	200

struct results {
	struct host_query q;
	struct host_hit *hits;
	size_t n;
	struct ui_list list;
};

static size_t
page_rows(void)
{
	int rows = (ui_msg_row() - LIST_TOP) / 2;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct results *r)
{
	struct host_hit *hits = NULL;
	size_t n = 0;

	if (db_host_search(c->db, c->me.id, &r->q, RESULTS_MAX, &hits, &n) != 0) {
		screen_error(c, "The search did not work; please try again.");
		return;
	}
	free(r->hits);
	r->hits = hits;
	r->n = n;
	ui_list_resize(&r->list, n, page_rows());
}

/* Two rows per host: name, place and match; then offers and hospitals. */
static void
draw_hit(const struct host_hit *h, int y, bool sel)
{
	size_t cols = (size_t)ui_cols() - 4;
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	char line[HOST_LONG_SZ + 256], offers[128];

	if (sel) {
		ui_draw_fill(y, 1, cols + 2, a);
		ui_draw_fill(y + 1, 1, cols + 2, a);
	}
	snprintf(line, sizeof line, "%s%s - %s%s%s%s", h->program_match ? "* " : "  ", h->name,
	    h->neighbourhood[0] ? h->neighbourhood : "", h->neighbourhood[0] ? ", " : "",
	    h->city, h->status == HOST_MAYBE ? " (depends)" : "");
	ui_draw_text(y, 2, line, cols, sel ? a : UI_A_BOLD);
	host_offers_label(offers, sizeof offers, h->offers);
	snprintf(line, sizeof line, "    %s | near %s", offers, h->hospitals);
	ui_draw_text(y + 1, 2, line, cols, sel ? a : UI_A_DIM);
}

static void
res_draw(struct screen_ctx *c, void *st)
{
	struct results *r = st;
	size_t pg = page_rows(), cols = (size_t)ui_cols() - 4;
	char title[96];

	snprintf(title, sizeof title, "Hosts found: %zu%s", r->n,
	    r->n == RESULTS_MAX ? " (first 200: narrow the search)" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "* near a program you will visit", cols, UI_A_DIM);
	if (r->n == 0)
		ui_draw_text(LIST_TOP, 4, "No host matches. Try fewer wishes, other dates "
		    "or no city.", cols - 2, UI_A_DIM);
	for (size_t i = r->list.top; i < r->n && i - r->list.top < pg; i++)
		draw_hit(&r->hits[i], LIST_TOP + 2 * (int)(i - r->list.top), i == r->list.sel);
	screen_hints(c, "Enter view host  m message  Up/Down choose  q back  ? help");
}

static void
view(struct screen_ctx *c, void *st)
{
	struct results *r = st;
	struct host_view_arg a;

	if (r->list.sel >= r->n)
		return;
	a.host_id = r->hits[r->list.sel].user_id;
	a.q = &r->q;
	screen_push(c, &screen_host_view, &a);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	if (r->list.sel < r->n)
		screen_open_conversation(c, r->hits[r->list.sel].user_id);
}

static const struct ui_binding keys[] = {
	{ UI_KEY_ENTER, 0, "Enter view host", view },
	{ 'm', 'M', "m message", message },
};

static bool
res_key(struct screen_ctx *c, void *st, int key)
{
	struct results *r = st;

	if (ui_list_key(&r->list, key, page_rows()))
		return true;
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

static void
res_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: the struct host_query to run (copied). */
static void *
res_enter(struct screen_ctx *c, const void *arg)
{
	struct results *r = xcalloc(1, sizeof *r);

	r->q = *(const struct host_query *)arg;
	load(c, r);
	return r;
}

static void
res_leave(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	(void)c;
	free(r->hits);
	free(r);
}

const struct screen screen_host_results = {
	.name = "host-results",
	.section = "HOST search",
	.enter = res_enter,
	.draw = res_draw,
	.key = res_key,
	.leave = res_leave,
	.update = res_update,
};
