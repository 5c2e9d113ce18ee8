/* The log of each time a guest was shown one's street address and phone:
 * a list that only scrolls (there is nothing to do with one entry). */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"

#define LOG_MAX		200

static int
log_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_host_access_log(c->db, c->me.id, c->me.id, LOG_MAX,
	    (struct host_access **)rows, n);
}

static void
log_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Who was shown your address and phone", cols,
	    UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 3, 2, "When              Guest (request)", cols, UI_A_BOLD);
}

static int
log_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct host_access *e = row;
	char when[32], line[MEMBER_NAME_SZ + 64];

	(void)c, (void)l, (void)max_rows;
	screen_datetime(when, sizeof when, e->shown_at);
	snprintf(line, sizeof line, "%-17s %s (#%lld)", when, e->guest_name,
	    (long long)e->request_id);
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

static const struct list_def log_list = {
	.head_rows = 4, .row_size = sizeof(struct host_access), .load = log_load,
	.draw_head = log_head, .draw_row = log_row, .empty = "Nobody yet.",
	.load_error = "The log could not be read; it will be retried.",
	.hints_tail = "Up/Down scroll  q back  ? help", .scroll_only = true,
};

const struct screen screen_host_log = {
	.name = "host-log", .section = "HOST address log", .list = &log_list,
};
