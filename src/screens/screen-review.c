/* The review queue (Moderation: the communities one moderates;
 * Administration: every community item, escalated ones first) and the
 * safety queue (Administration). One row per item: its age (marked when
 * stale), what it is and where, the flag types and how many flagged it.
 * Enter opens the item with its context and the actions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-flag.h"
#include "lib/config.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define QUEUE_MAX	200

struct review_view {
	enum review_scope scope;
};

/* arg: a const enum review_scope *. */
static void *
review_init(struct screen_ctx *c, const void *arg)
{
	struct review_view *v = xcalloc(1, sizeof *v);

	(void)c;
	v->scope = arg != NULL ? *(const enum review_scope *)arg : REVIEW_MODERATOR;
	return v;
}

static int
review_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct review_view *v = list_ctx(l);

	(void)after, (void)limit;
	return db_review_list(c->db, c->me.id, v->scope, c->cfg->moderation.review_stale_hours,
	    QUEUE_MAX, (struct review_item **)rows, n);
}

static int64_t
review_id(const void *row)
{
	return ((const struct review_item *)row)->id;
}

static void
review_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct review_view *v = list_ctx(l);

	(void)c;
	ui_draw_text(UI_BODY_TOP + 1, 2, v->scope == REVIEW_SAFETY ? "Safety queue" :
	    v->scope == REVIEW_ADMIN ? "Review queue: every community" :
	    "Review queue: your communities", cols, UI_A_TITLE);
}

static const char *
post_state(int hidden)
{
	return hidden == 1 ? "  hidden for review" : hidden == 2 ? "  hidden" :
	    hidden == 3 ? "  removed" : "";
}

static int
review_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct review_item *it = row;
	char age[32], line[512];
	size_t len = 0;

	(void)c, (void)l;
	screen_age(age, sizeof age, it->created_at);
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%s%s%s  %s", it->stale ? "STALE " : "",
	    strcmp(it->status, "escalated") == 0 ? "ESCALATED " : "", age, it->kind);
	if (it->target[0] != '\0')
		text_appendf(line, sizeof line, &len, "  \"%s\"", it->target);
	if (it->community[0] != '\0')
		text_appendf(line, sizeof line, &len, " in %s", it->community);
	if (it->subject[0] != '\0')
		text_appendf(line, sizeof line, &len, "  by %s", it->subject);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < 2)
		return 2;
	len = 0;
	line[0] = '\0';
	if (it->flaggers > 0)
		text_appendf(line, sizeof line, &len, "%lld flagger%s: %s",
		    (long long)it->flaggers, it->flaggers == 1 ? "" : "s", it->types);
	if (it->detail[0] != '\0')
		text_appendf(line, sizeof line, &len, "%s%s", len > 0 ? "  " : "", it->detail);
	text_appendf(line, sizeof line, &len, "%s", post_state(it->hidden));
	ui_draw_text(y + 1, x + 2, line, cols > 2 ? cols - 2 : cols,
	    a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static void
open_item(struct screen_ctx *c, void *st)
{
	const struct review_item *it = list_selected(st);

	if (it != NULL)
		screen_push(c, &screen_review_item, &it->id);
}

static const struct ui_binding review_keys[] = {
	{ UI_KEY_ENTER, 'o', "Enter open", open_item },
};

static const char *
review_empty(struct screen_ctx *c, struct list *l)
{
	const struct review_view *v = list_ctx(l);

	(void)c;
	return v->scope == REVIEW_SAFETY ? "Nothing in the safety queue." :
	    "Nothing to review: no flagged items are waiting.";
}

static const struct list_def review_list = {
	.head_rows = 3, .row_size = sizeof(struct review_item), .load = review_load,
	.row_id = review_id, .draw_head = review_head, .draw_row = review_row,
	.row_lines = 2, .empty_text = review_empty,
	.load_error = "The queue could not be read (or is not yours to read).",
	.keys = review_keys, .nkeys = sizeof review_keys / sizeof review_keys[0],
	.hints_tail = "q back  ? help", .init = review_init, .fini = free,
};

const struct screen screen_review = {
	.name = "review", .section = "Review queue", .list = &review_list,
};

void
screen_review_open_mod(struct screen_ctx *c)
{
	static const enum review_scope s = REVIEW_MODERATOR;

	screen_push(c, &screen_review, &s);
}

void
screen_review_open_admin(struct screen_ctx *c)
{
	static const enum review_scope s = REVIEW_ADMIN;

	screen_push(c, &screen_review, &s);
}

void
screen_review_open_safety(struct screen_ctx *c)
{
	static const enum review_scope s = REVIEW_SAFETY;

	screen_push(c, &screen_review, &s);
}
