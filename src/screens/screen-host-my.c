/* My HOST: upcoming stays, requests to me and from me, then past stays
 * and closed requests (declined, cancelled, expired), for both sides in
 * one list. Loading it applies the time-driven changes
 * (db_host_sweep), so expired and completed requests show as such. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-host.h"
#include "db/db.h"
#include "lib/xmalloc.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

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

/* The four kinds one after another, each row labelled with its section. */
static int
my_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **out, size_t *nout)
{
	struct row *rows = xcalloc(NSECTIONS * PER_LIST, sizeof *rows);
	struct host_request *got;
	size_t n = 0, k;
	int r;

	(void)l, (void)after, (void)limit;
	(void)db_host_sweep(c->db, db_now());
	for (size_t s = 0; s < NSECTIONS; s++) {
		got = NULL;
		k = 0;
		if ((r = db_host_request_list(c->db, c->me.id, sections[s].which, PER_LIST, &got,
		    &k)) != 0) {
			free(rows);
			return r;
		}
		for (size_t i = 0; i < k; i++) {
			/* A declined request for next month is closed, not past. */
			rows[n].section = sections[s].which == HL_PAST ?
			    host_closed_label(got[i].state) : sections[s].label;
			rows[n++].r = got[i];
		}
		free(got);
	}
	*out = rows;
	*nout = n;
	return 0;
}

static int64_t
my_id(const void *row)
{
	return ((const struct row *)row)->r.id;
}

static void
my_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "My HOST", cols, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 3, 2, "Section    Dates              State      With", cols,
	    UI_A_BOLD);
}

static int
my_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct row *w = row;
	const struct host_request *r = &w->r;
	bool host = r->host_id == c->me.id;
	char line[MEMBER_NAME_SZ + 128], d1[16], d2[16];

	(void)l, (void)max_rows;
	host_format_day(d1, sizeof d1, r->arrive);
	host_format_day(d2, sizeof d2, r->depart);
	snprintf(line, sizeof line, "%-10s %s..%s  %-10s %s %s%s", w->section, d1, d2 + 5,
	    host_state_label(r->state), host ? "guest" : "host ",
	    host ? r->guest_name : r->host_name, r->prop_by != 0 ? "  (new dates proposed)" : "");
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

static void
open_req(struct screen_ctx *c, void *st)
{
	const struct row *w = list_selected(st);

	if (w != NULL)
		screen_push(c, &screen_host_req, &w->r.id);
}

static void
open_log(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_host_log, NULL);
}

/* The last binding, the address log, is a host's: a student has none. */
static const struct ui_binding keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_req },
	{ 'l', 'L', "l address log", open_log },
};
#define TAIL	"  Up/Down choose  q back  ? help"

static bool
my_key(struct screen_ctx *c, struct list *l, int key)
{
	(void)l;
	if (c->me.role != ROLE_STUDENT || (key != 'l' && key != 'L'))
		return false;
	screen_error(c, "Students cannot host, so there is no address log.");
	return true;
}

static void
my_hints(struct screen_ctx *c, struct list *l)
{
	(void)l;
	screen_key_hints(c, keys, c->me.role == ROLE_STUDENT ? 1 : 2, TAIL);
}

static const struct list_def my_list = {
	.head_rows = 4, .row_size = sizeof(struct row), .load = my_load, .row_id = my_id,
	.draw_head = my_head, .draw_row = my_row,
	.empty = "No stays or requests yet. Find a host from the HOST menu.",
	.key = my_key, .keys = keys, .nkeys = sizeof keys / sizeof keys[0],
	.hints = my_hints,
};

const struct screen screen_host_my = {
	.name = "host-my", .section = "My HOST", .list = &my_list,
};
