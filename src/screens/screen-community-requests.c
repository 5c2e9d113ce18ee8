/* Community requests: every open request for a new community, to support
 * (+1) one that is not one's own, and one's own requests (new communities
 * and offers to moderate) with the admins' answer: open, approved,
 * declined with the reason, or merged into another community. */
#include <stdio.h>
#include <string.h>
#include "db/db.h"
#include "db/db-community.h"
#include "lib/text.h"
#include "screens/screen-community-row.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

static int
requests_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_community_request_list(c->db, c->me.id, false,
	    (struct community_request **)rows, n);
}

static int64_t
request_id(const void *row)
{
	return ((const struct community_request *)row)->id;
}

static void
requests_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Community requests: open ones to support, and yours",
	    cols, UI_A_TITLE);
}

static int
requests_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	(void)c, (void)l;
	return screen_community_request_row(row, y, x, cols, max_rows, a);
}

static void
toggle_support(struct screen_ctx *c, void *st)
{
	const struct community_request *q = list_selected(st);
	const char *why = NULL;
	int r;

	if (q == NULL)
		return;
	if (strcmp(q->kind, "create") != 0) {
		screen_error(c, "Offers to moderate are for the admins to answer; only requests "
		    "for a new community take support.");
		return;
	}
	r = db_community_request_support(c->db, c->me.id, q->id, !q->supported, &why);
	if (r == 0) {
		screen_info(c, q->supported ? "You no longer support %s." :
		    "You support %s: you will hear what the admins decide.", q->name);
		list_reload(c, st);
	} else if (why != NULL)
		screen_error(c, "%s", why);
	else if (r == ERR_DENIED)
		screen_error(c, "%s", screen_post_refusal(c) != NULL ? screen_post_refusal(c) :
		    "You cannot support requests.");
	else
		screen_error(c, "That did not work; please try again.");
}

static const struct ui_binding requests_keys[] = {
	{ '+', 0, "+ support/withdraw", toggle_support },
};

static const struct list_def requests_list = {
	.head_rows = 3,
	.row_size = sizeof(struct community_request),
	.load = requests_load,
	.row_id = request_id,
	.draw_head = requests_head,
	.draw_row = requests_row,
	.row_lines = 2,
	.empty = "None yet. On the communities list, n asks for a new community and v "
	    "offers to moderate one.",
	.load_error = "The requests could not be read; please try again.",
	.keys = requests_keys,
	.nkeys = sizeof requests_keys / sizeof requests_keys[0],
	.hints_tail = "  Up/Down choose  q back  ? help",
};

const struct screen screen_community_requests = {
	.name = "community-requests", .section = "Communities", .list = &requests_list,
};
