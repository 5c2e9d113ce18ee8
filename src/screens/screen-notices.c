/* Notices: what happened for the member (requests, answers, replies),
 * newest first. Opening the screen marks everything shown as seen, which
 * clears the count in the status bar. Enter on a notice opens what it is
 * about (the request, the thread at the post, the stay, the
 * conversation, the review item); opening or acting on that thing marks
 * its notices seen from wherever the member reached it. A notice wraps
 * rather than lose its end (dates, names). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-board.h"
#include "db/db-message.h"
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "screens/screen-board.h"
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

	(void)c, (void)l;
	screen_datetime(when, sizeof when, nt->created_at);
	ui_draw_text(y, x, when, WHEN_COLS, a == UI_A_SELECT ? a : UI_A_DIM);
	used = ui_draw_wrapped(y, x + WHEN_COLS + 1, max_rows, cols - WHEN_COLS - 1, nt->text,
	    0, a == UI_A_SELECT ? a : nt->seen_at == 0 ? UI_A_BOLD : UI_A_NORMAL);
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

static int64_t
notices_id(const void *row)
{
	return ((const struct notice *)row)->id;
}

void
screen_notice_dealt(struct screen_ctx *c, const char *target_kind, int64_t target_id)
{
	if (c->me.id > 0 && db_notice_seen_about(c->db, c->me.id, target_kind, target_id) != 0)
		log_warn("cannot mark notices seen: %s", db_errmsg(c->db));
}

void
screen_notice_dealt_thread(struct screen_ctx *c, int64_t thread_id)
{
	if (c->me.id > 0 && db_notice_seen_thread(c->db, c->me.id, thread_id) != 0)
		log_warn("cannot mark notices seen: %s", db_errmsg(c->db));
}

/* The thread of a post, opened at it, if the member may still read it. */
static bool
open_post(struct screen_ctx *c, int64_t post_id)
{
	struct board_post p;
	struct board_open o;

	if (db_board_post_get(c->db, c->me.id, post_id, &p) != 0)
		return false;
	o.thread_id = p.thread_id;
	o.post_id = p.id;
	free(p.body);
	screen_push(c, &screen_board_thread, &o);
	return true;
}

/* The conversation (by its id) with the other member in it. */
static bool
open_conversation(struct screen_ctx *c, int64_t conversation_id)
{
	struct conversation_state cs;

	if (db_message_state(c->db, c->me.id, conversation_id, &cs) != 0)
		return false;
	(void)screen_open_conversation(c, cs.peer_id);
	return true;
}

/* Enter: the thing the notice is about. The screens opened check again
 * that the member may see it, and say so when it is gone. */
static void
open_notice(struct screen_ctx *c, void *st)
{
	const struct notice *nt = list_selected(st);
	const char *k;
	bool ok = true;

	if (nt == NULL)
		return;
	k = nt->target_kind;
	if (k[0] == '\0' || nt->target_id <= 0)
		screen_info(c, "This notice has nothing to open.");
	else if (strcmp(k, NOTICE_ON_MENTORSHIP) == 0)
		screen_push(c, &screen_mentor_ship, &nt->target_id);
	else if (strcmp(k, NOTICE_ON_HOST_REQUEST) == 0)
		screen_push(c, &screen_host_req, &nt->target_id);
	else if (strcmp(k, NOTICE_ON_REVIEW) == 0)
		screen_push(c, &screen_review_item, &nt->target_id);
	else if (strcmp(k, NOTICE_ON_POST) == 0)
		ok = open_post(c, nt->target_id);
	else if (strcmp(k, NOTICE_ON_CONVERSATION) == 0)
		ok = open_conversation(c, nt->target_id);
	else
		screen_info(c, "This notice has nothing to open.");
	if (!ok)
		screen_error(c, "What this notice is about is gone, or no longer yours to see.");
}

static const struct ui_binding notices_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_notice },
};

static const struct list_def notices_list = {
	.head_rows = 3, .row_size = sizeof(struct notice), .load = notices_load,
	.row_id = notices_id, .loaded = notices_loaded, .draw_head = notices_head,
	.draw_row = notices_row, .row_height = notices_height,
	.empty = "Nothing yet. Requests, answers and replies for you will show up here.",
	.load_error = "Your notices could not be read; they will be retried.",
	.keys = notices_keys, .nkeys = sizeof notices_keys / sizeof notices_keys[0],
	.hints_tail = "  Up/Down choose  q back  ? help",
};

const struct screen screen_notices = {
	.name = "notices", .section = "Notices", .list = &notices_list,
};
