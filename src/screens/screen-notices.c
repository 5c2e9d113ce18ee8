/* Notices: what happened for the member (requests, answers, replies),
 * newest first. Opening the screen marks everything shown as seen, which
 * clears the count in the status bar. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 3)
#define NOTICES_MAX	200
#define WHEN_COLS	17

struct notices {
	struct notice *rows;
	size_t n;
	size_t top;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

static void
load(struct screen_ctx *c, struct notices *s)
{
	struct notice *rows = NULL;
	size_t n = 0;

	if (db_notice_list(c->db, c->me.id, NOTICES_MAX, &rows, &n) != 0) {
		screen_error(c, "Your notices could not be read; they will be retried.");
		return;
	}
	free(s->rows);
	s->rows = rows;
	s->n = n;
	if (s->top + page_rows() > n)
		s->top = n > page_rows() ? n - page_rows() : 0;
	/* Shown is seen: the newest row is first. */
	if (n > 0 && rows[0].seen_at == 0 &&
	    db_notice_mark_seen(c->db, c->me.id, rows[0].id) != 0)
		log_warn("cannot mark notices seen: %s", db_errmsg(c->db));
}

static void
notices_draw(struct screen_ctx *c, void *st)
{
	struct notices *s = st;
	size_t page = page_rows(), cols = (size_t)ui_cols() - 4;
	char when[32];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Notices", cols, UI_A_TITLE);
	if (s->n == 0)
		ui_draw_text(LIST_TOP, 2, "Nothing yet. Requests, answers and replies "
		    "for you will show up here.", cols, UI_A_DIM);
	/* A notice wraps rather than lose its end (dates, names). */
	for (size_t i = s->top, y = LIST_TOP; i < s->n && y < LIST_TOP + page; i++) {
		enum ui_attr a = s->rows[i].seen_at == 0 ? UI_A_BOLD : UI_A_NORMAL;
		size_t w = cols - WHEN_COLS - 1;

		screen_datetime(when, sizeof when, s->rows[i].created_at);
		ui_draw_text((int)y, 2, when, WHEN_COLS, UI_A_DIM);
		y += ui_draw_wrapped((int)y, 2 + WHEN_COLS + 1, (int)(LIST_TOP + page - y), w,
		    s->rows[i].text, 0, a);
	}
	screen_hints(c, "Up/Down/PgUp/PgDn scroll  q back  ? help");
}

static bool
notices_key(struct screen_ctx *c, void *st, int key)
{
	struct notices *s = st;

	(void)c;
	return ui_scroll_key(&s->top, key, s->n, page_rows());
}

static void
notices_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
notices_enter(struct screen_ctx *c, const void *arg)
{
	struct notices *s = xcalloc(1, sizeof *s);

	(void)arg;
	load(c, s);
	return s;
}

static void
notices_leave(struct screen_ctx *c, void *st)
{
	struct notices *s = st;

	(void)c;
	free(s->rows);
	free(s);
}

const struct screen screen_notices = {
	.name = "notices",
	.section = "Notices",
	.enter = notices_enter,
	.draw = notices_draw,
	.key = notices_key,
	.leave = notices_leave,
	.update = notices_update,
};
