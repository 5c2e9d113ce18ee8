/* My HOST: upcoming stays, requests to me and from me, then past stays
 * and closed requests (declined, cancelled, expired), for both sides in
 * one list. Loading it applies the time-driven changes
 * (db_host_sweep), so expired and completed requests show as such. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define PER_LIST	50

static const struct section {
	enum host_list which;
	const char *label;
} sections[] = {
	{ HL_UPCOMING, "Upcoming" },
	{ HL_IN, "Asks you" },
	{ HL_OUT, "You asked" },
	{ HL_PAST, "Past" },
};
#define NSECTIONS (sizeof sections / sizeof sections[0])

struct row {
	const char *section;
	struct host_request r;
};

struct my {
	struct row *rows;
	size_t n;
	struct ui_list list;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct my *m)
{
	struct row *rows = xcalloc(NSECTIONS * PER_LIST, sizeof *rows);
	struct host_request *list;
	size_t n = 0, k;

	(void)db_host_sweep(c->db, db_now());
	for (size_t s = 0; s < NSECTIONS; s++) {
		list = NULL;
		k = 0;
		if (db_host_request_list(c->db, c->me.id, sections[s].which, PER_LIST, &list,
		    &k) != 0) {
			screen_error(c, "The list could not be read; it will be retried.");
			break;
		}
		for (size_t i = 0; i < k; i++) {
			/* A declined request for next month is closed, not past. */
			rows[n].section = sections[s].which == HL_PAST ?
			    host_closed_label(list[i].state) : sections[s].label;
			rows[n++].r = list[i];
		}
		free(list);
	}
	free(m->rows);
	m->rows = rows;
	m->n = n;
	ui_list_resize(&m->list, n, page_rows());
}

static void
draw_row(struct screen_ctx *c, const struct row *w, int y, bool sel)
{
	const struct host_request *r = &w->r;
	bool host = r->host_id == c->me.id;
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	char line[MEMBER_NAME_SZ + 128], d1[16], d2[16];

	host_format_day(d1, sizeof d1, r->arrive);
	host_format_day(d2, sizeof d2, r->depart);
	snprintf(line, sizeof line, "%-10s %s..%s  %-10s %s %s%s", w->section, d1, d2 + 5,
	    host_state_label(r->state), host ? "guest" : "host ",
	    host ? r->guest_name : r->host_name, r->prop_by != 0 ? "  (new dates proposed)" : "");
	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	ui_draw_text(y, 2, line, (size_t)ui_cols() - 4, a);
}

static void
my_draw(struct screen_ctx *c, void *st)
{
	struct my *m = st;
	size_t pg = page_rows(), cols = (size_t)ui_cols() - 4;

	ui_draw_text(UI_BODY_TOP + 1, 2, "My HOST", cols, UI_A_TITLE);
	ui_draw_text(LIST_TOP - 1, 2, "Section    Dates              State      With", cols,
	    UI_A_BOLD);
	if (m->n == 0)
		ui_draw_text(LIST_TOP, 4, "No stays or requests yet. Find a host from the "
		    "HOST menu.", cols - 2, UI_A_DIM);
	for (size_t i = m->list.top; i < m->n && i - m->list.top < pg; i++)
		draw_row(c, &m->rows[i], LIST_TOP + (int)(i - m->list.top), i == m->list.sel);
	screen_hints(c, "Enter open  l address log  Up/Down choose  q back  ? help");
}

static void
open_req(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	if (m->list.sel < m->n)
		screen_push(c, &screen_host_req, &m->rows[m->list.sel].r.id);
}

static void
open_log(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_host_log, NULL);
}

static const struct ui_binding keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_req },
	{ 'l', 'L', "l address log", open_log },
};

static bool
my_key(struct screen_ctx *c, void *st, int key)
{
	struct my *m = st;

	if (ui_list_key(&m->list, key, page_rows()))
		return true;
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

static void
my_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
my_enter(struct screen_ctx *c, const void *arg)
{
	struct my *m = xcalloc(1, sizeof *m);

	(void)arg;
	load(c, m);
	return m;
}

static void
my_leave(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	(void)c;
	free(m->rows);
	free(m);
}

const struct screen screen_host_my = {
	.name = "host-my",
	.section = "My HOST",
	.enter = my_enter,
	.draw = my_draw,
	.key = my_key,
	.leave = my_leave,
	.update = my_update,
};
