/* My community requests: new communities asked for and offers to moderate,
 * with the admins' answer so far. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db.h"
#include "db/db-board.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP (UI_BODY_TOP + 3)

struct requests {
	struct board_request *rows;
	size_t n;
	size_t top;
};

static size_t
page_rows(void)
{
	int r = ui_msg_row() - LIST_TOP - 1;

	return r > 1 ? (size_t)r : 1;
}

static void
load(struct screen_ctx *c, struct requests *q)
{
	struct board_request *rows = NULL;
	size_t n = 0;

	if (db_board_request_list(c->db, c->me.id, &rows, &n) != 0) {
		screen_error(c, "Your requests could not be read; please try again.");
		return;
	}
	free(q->rows);
	q->rows = rows;
	q->n = n;
}

static void
requests_draw(struct screen_ctx *c, void *st)
{
	struct requests *q = st;
	char row[400], date[32];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Your community requests", 60, UI_A_TITLE);
	if (q->n == 0)
		ui_draw_text(LIST_TOP, 2, "None yet. On the communities list, n asks for a new "
		    "community and v offers to moderate one.", (size_t)ui_cols() - 4, UI_A_DIM);
	for (size_t i = q->top; i < q->n && i - q->top < page_rows(); i++) {
		const struct board_request *r = &q->rows[i];

		screen_date(date, sizeof date, r->created_at);
		snprintf(row, sizeof row, "%s  %-9s %s %s", date, r->status,
		    r->kind[0] == 'c' ? "New community:" : "Moderate:", r->name);
		ui_draw_text(LIST_TOP + (int)(i - q->top), 2, row, (size_t)ui_cols() - 4,
		    UI_A_NORMAL);
	}
	screen_hints(c, "Up/Down scroll  q back  ? help");
}

static bool
requests_key(struct screen_ctx *c, void *st, int key)
{
	struct requests *q = st;

	(void)c;
	return ui_scroll_key(&q->top, key, q->n, page_rows());
}

static void
requests_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
requests_enter(struct screen_ctx *c, const void *arg)
{
	struct requests *q = xcalloc(1, sizeof *q);

	(void)arg;
	load(c, q);
	return q;
}

static void
requests_leave(struct screen_ctx *c, void *st)
{
	struct requests *q = st;

	(void)c;
	free(q->rows);
	free(q);
}

const struct screen screen_community_requests = {
	.name = "community-requests",
	.section = "Communities",
	.enter = requests_enter,
	.draw = requests_draw,
	.key = requests_key,
	.leave = requests_leave,
	.update = requests_update,
};
