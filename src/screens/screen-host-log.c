/* The log of each time a guest was shown one's street address and phone. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define LOG_MAX		200

struct log_view {
	struct host_access *rows;
	size_t n;
	size_t top;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct log_view *l)
{
	struct host_access *rows = NULL;
	size_t n = 0;

	if (db_host_access_log(c->db, c->me.id, c->me.id, LOG_MAX, &rows, &n) != 0) {
		screen_error(c, "The log could not be read; it will be retried.");
		return;
	}
	free(l->rows);
	l->rows = rows;
	l->n = n;
}

static void
log_draw(struct screen_ctx *c, void *st)
{
	struct log_view *l = st;
	size_t pg = page_rows(), cols = (size_t)ui_cols() - 4;
	char when[32], line[MEMBER_NAME_SZ + 64];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Who was shown your address and phone", cols,
	    UI_A_TITLE);
	ui_draw_text(LIST_TOP - 1, 2, "When              Guest (request)", cols, UI_A_BOLD);
	if (l->n == 0)
		ui_draw_text(LIST_TOP, 4, "Nobody yet.", cols, UI_A_DIM);
	for (size_t i = l->top; i < l->n && i - l->top < pg; i++) {
		screen_datetime(when, sizeof when, l->rows[i].shown_at);
		snprintf(line, sizeof line, "%-17s %s (#%lld)", when, l->rows[i].guest_name,
		    (long long)l->rows[i].request_id);
		ui_draw_text(LIST_TOP + (int)(i - l->top), 2, line, cols, UI_A_NORMAL);
	}
	screen_hints(c, "Up/Down scroll  q back  ? help");
}

static bool
log_key(struct screen_ctx *c, void *st, int key)
{
	struct log_view *l = st;

	(void)c;
	return ui_scroll_key(&l->top, key, l->n, page_rows());
}

static void
log_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
log_enter(struct screen_ctx *c, const void *arg)
{
	struct log_view *l = xcalloc(1, sizeof *l);

	(void)arg;
	load(c, l);
	return l;
}

static void
log_leave(struct screen_ctx *c, void *st)
{
	struct log_view *l = st;

	(void)c;
	free(l->rows);
	free(l);
}

const struct screen screen_host_log = {
	.name = "host-log",
	.section = "HOST address log",
	.enter = log_enter,
	.draw = log_draw,
	.key = log_key,
	.leave = log_leave,
	.update = log_update,
};
