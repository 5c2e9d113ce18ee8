/* My community requests: new communities asked for and offers to moderate,
 * with the admins' answer so far. Nothing to choose: the list only
 * scrolls. */
#include <stdio.h>
#include "db/db.h"
#include "db/db-board.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"

static int
requests_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_board_request_list(c->db, c->me.id, (struct board_request **)rows, n);
}

static void
requests_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l, (void)cols;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Your community requests", 60, UI_A_TITLE);
}

static int
requests_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct board_request *r = row;
	char line[400], date[32];

	(void)c, (void)l, (void)max_rows;
	screen_date(date, sizeof date, r->created_at);
	snprintf(line, sizeof line, "%s  %-9s %s %s", date, r->status,
	    r->kind[0] == 'c' ? "New community:" : "Moderate:", r->name);
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

static const struct list_def requests_list = {
	.head_rows = 3,
	.row_size = sizeof(struct board_request),
	.load = requests_load,
	.draw_head = requests_head,
	.draw_row = requests_row,
	.empty = "None yet. On the communities list, n asks for a new community and v "
	    "offers to moderate one.",
	.load_error = "Your requests could not be read; please try again.",
	.hints_tail = "Up/Down scroll  q back  ? help",
	.scroll_only = true,
};

const struct screen screen_community_requests = {
	.name = "community-requests", .section = "Communities", .list = &requests_list,
};
