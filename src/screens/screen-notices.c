/* Notices: what happened for the member (requests, answers, replies),
 * newest first. Opening the screen marks everything shown as seen, which
 * clears the count in the status bar. The list only scrolls; a notice
 * wraps rather than lose its end (dates, names). */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "lib/wrap.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define NOTICES_MAX	200
#define WHEN_COLS	17

static int
notices_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_notice_list(c->db, c->me.id, NOTICES_MAX, (struct notice **)rows, n);
}

/* Shown is seen: the newest row is first. The rows keep their old
 * seen_at, so what was new stays bold until the screen is left. */
static void
notices_loaded(struct screen_ctx *c, struct list *l)
{
	const struct notice *newest = list_row(l, 0);

	if (newest != NULL && newest->seen_at == 0 &&
	    db_notice_mark_seen(c->db, c->me.id, newest->id) != 0)
		log_warn("cannot mark notices seen: %s", db_errmsg(c->db));
}

static void
notices_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Notices", cols, UI_A_TITLE);
}

static int
notices_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct notice *nt = row;
	char when[32];
	size_t used;

	(void)c, (void)l, (void)a;
	screen_datetime(when, sizeof when, nt->created_at);
	ui_draw_text(y, x, when, WHEN_COLS, UI_A_DIM);
	used = ui_draw_wrapped(y, x + WHEN_COLS + 1, max_rows, cols - WHEN_COLS - 1, nt->text,
	    0, nt->seen_at == 0 ? UI_A_BOLD : UI_A_NORMAL);
	return used > 0 ? (int)used : 1;
}

/* As many lines as the text wraps to beside the date, so a page holds
 * whole notices and PgDn never skips the end of one. */
static int
notices_height(struct screen_ctx *c, struct list *l, const void *row, size_t cols)
{
	const struct notice *nt = row;
	struct wrap_line *lines = NULL;
	size_t n;

	(void)c, (void)l;
	n = wrap_text(nt->text, cols - WHEN_COLS - 1, &lines);
	free(lines);
	return (int)n;
}

static const struct list_def notices_list = {
	.head_rows = 3, .row_size = sizeof(struct notice), .load = notices_load,
	.loaded = notices_loaded, .draw_head = notices_head, .draw_row = notices_row,
	.row_height = notices_height,
	.empty = "Nothing yet. Requests, answers and replies for you will show up here.",
	.load_error = "Your notices could not be read; they will be retried.",
	.hints_tail = "Up/Down/PgUp/PgDn scroll  q back  ? help", .scroll_only = true,
};

const struct screen screen_notices = {
	.name = "notices", .section = "Notices", .list = &notices_list,
};
