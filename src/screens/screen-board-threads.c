/* A community's thread list: pinned first, then by last activity, read a
 * page at a time as the selection moves down, with keyset paging (the same
 * cost on every page), an unread marker per thread. n starts a thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "screens/screen-board-mod.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define PAGE_ROWS	50		/* threads per read */
#define AUTHOR_COLS	18
#define REPLIES_COLS	7
#define AGE_COLS	9

struct threads {
	struct board_community com;
	bool loaded;			/* com was read once: the community exists */
};

/* The community (on a read from the start), then limit threads after the
 * row `after`, by its sort key: every page costs the same. */
static int
threads_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	struct threads *t = list_ctx(l);
	const struct board_thread *last = after;
	struct board_thread_key k;

	if (after == NULL && db_board_community_get(c->db, c->me.id, t->com.id, &t->com) == 0)
		t->loaded = true;
	if (!t->loaded) {
		*rows = NULL;
		*n = 0;
		return 0;
	}
	if (last != NULL)
		k = (struct board_thread_key){ last->pinned, last->last_post_at, last->id };
	return db_board_thread_page(c->db, c->me.id, t->com.id, last != NULL ? &k : NULL,
	    false, limit, (struct board_thread **)rows, n);
}

static int64_t
thread_id(const void *row)
{
	return ((const struct board_thread *)row)->id;
}

/* The title column takes what the others leave (cols from column 2). */
static void
widths(size_t cols, size_t w[4])
{
	static const size_t want[4] = { 0, AUTHOR_COLS, REPLIES_COLS, AGE_COLS };

	/* The unread and pinned marks and a margin; a narrow screen drops
	 * from the right. */
	ui_cells_fit(cols - 5, want, 4, 12, w);
}

/* Draws one cell at *x and moves past it; a dropped cell (0) is skipped. */
static void
cell(int y, int *x, const char *text, size_t w, enum ui_attr a)
{
	if (w == 0)
		return;
	ui_draw_text(y, *x, text, w, a);
	*x += (int)w + 1;
}

static int
threads_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct board_thread *r = row;
	enum ui_attr unread = r->unread && a != UI_A_SELECT ? UI_A_BOLD : a;
	size_t w[4];
	char mark[8], replies[24], age[32], title[BOARD_TITLE_SZ + 16];

	(void)c, (void)l, (void)max_rows;
	widths(cols, w);
	snprintf(mark, sizeof mark, "%s%s", r->unread ? "*" : " ", r->pinned ? "P" : " ");
	ui_draw_text(y, x, mark, 2, unread);
	x += 3;
	snprintf(title, sizeof title, "%s%s", r->locked ? "[locked] " : "", r->title);
	cell(y, &x, r->blocked ? "[thread by a blocked member]" : title, w[0], unread);
	cell(y, &x, r->blocked ? "-" : r->author, w[1], a);
	snprintf(replies, sizeof replies, "%lld", (long long)(r->post_count - 1));
	cell(y, &x, replies, w[2], a);
	screen_age(age, sizeof age, r->last_post_at);
	cell(y, &x, age, w[3], a);
	return 1;
}

static void
threads_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct threads *t = list_ctx(l);
	size_t w[4];
	char head[BOARD_NAME_MAX * 4 + 128], about[80];
	int y = UI_BODY_TOP + 3, x = 5;

	(void)c;
	if (!t->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This community no longer exists.", 60, UI_A_ERROR);
		return;
	}
	board_community_about(about, sizeof about, strcmp(t->com.kind, "region") == 0,
	    t->com.members, t->com.joined);
	snprintf(head, sizeof head, "%s  (%s)", t->com.name, about);
	ui_draw_text(UI_BODY_TOP + 1, 2, head, cols, UI_A_TITLE);
	snprintf(head, sizeof head, "Moderators: %s", t->com.moderators[0] != '\0' ?
	    t->com.moderators : "none yet (v to volunteer from the list)");
	ui_draw_text(UI_BODY_TOP + 2, 2, head, cols, UI_A_DIM);
	widths(cols, w);
	ui_draw_cells(y, x, (const char *const[]){ "Thread", "Started by", "Replies", "Last" },
	    w, 4, UI_A_BOLD);
}

static const char *
threads_empty(struct screen_ctx *c, struct list *l)
{
	const struct threads *t = list_ctx(l);

	(void)c;
	return t->loaded ? "No threads yet: press n to start one." : NULL;
}

static void
posted(struct screen_ctx *c, void *owner, int64_t post_id)
{
	struct board_post p;

	/* Back to the top, where the new thread is, then open it. */
	list_restart(c, owner);
	if (db_board_post_get(c->db, c->me.id, post_id, &p) == 0) {
		struct board_open o = { p.thread_id, 0 };

		free(p.body);
		screen_push(c, &screen_board_thread, &o);
	}
}

/* The title is checked here; the editor for the text comes next. */
static bool
title_done(struct screen_ctx *c, struct list *l, const char *text)
{
	const struct threads *t = list_ctx(l);
	const char *why;
	char title[BOARD_TITLE_SZ];

	text_copy(title, sizeof title, text);
	text_trim(title);
	if ((why = text_check_line(title, BOARD_TITLE_MAX)) != NULL) {
		screen_refused(c, why);
		return false;
	}
	if (title[0] == '\0') {
		screen_error(c, "A thread needs a title.");
		return false;
	}
	screen_board_new_thread(c, t->com.id, title, posted, l);
	return true;
}

static const struct list_prompt title_prompt = {
	.question = "A new thread: its title first, then the text.", .label = "Title: ",
	.hints = "Enter continue to the text  Esc cancel", .max_chars = BOARD_TITLE_MAX,
	.done = title_done,
};

static void
new_thread(struct screen_ctx *c, void *st)
{
	struct threads *t = list_ctx(st);

	if (!t->loaded)
		return;
	if (!screen_can_post(c)) {
		screen_board_refused(c, ERR_DENIED);
		return;
	}
	list_prompt_open(st);
}

static void
open_thread(struct screen_ctx *c, void *st)
{
	const struct board_thread *r = list_selected(st);

	if (r != NULL) {
		struct board_open o = { r->id, 0 };

		screen_push(c, &screen_board_thread, &o);
	}
}

static void
toggle_join(struct screen_ctx *c, void *st)
{
	struct threads *t = list_ctx(st);
	int r;

	if (!t->loaded)
		return;
	r = t->com.joined ? db_board_community_leave(c->db, c->me.id, t->com.id) :
	    db_board_community_join(c->db, c->me.id, t->com.id,
	    c->cfg->boards.join_unread_days);
	if (r != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, t->com.joined ? "You left %s." : "You joined %s: its new posts show "
	    "in the new-posts scan.", t->com.name);
	list_reload(c, st);
}

static void
moderate(struct screen_ctx *c, void *st)
{
	const struct board_thread *r = list_selected(st);

	if (r != NULL)
		screen_board_mod_open(c, r->id);
}

static const struct ui_binding threads_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter read", open_thread },
	{ 'n', 'N', "n new thread", new_thread },
	{ 'j', 'J', "j join/leave", toggle_join },
	{ 'M', 0, NULL, moderate },
};

static void
threads_hints(struct screen_ctx *c, struct list *l)
{
	const struct threads *t = list_ctx(l);

	if (!t->loaded)
		screen_hints(c, "q back");
	else
		screen_key_hints(c, threads_keys, sizeof threads_keys / sizeof threads_keys[0],
		    "  PgUp/PgDn page  q back  ? help");
}

/* arg: a struct board_community_arg. */
static void *
threads_init(struct screen_ctx *c, const void *arg)
{
	const struct board_community_arg *a = arg;
	struct threads *t = xcalloc(1, sizeof *t);

	(void)c;
	t->com.id = a->community_id;
	return t;
}

static const struct list_def threads_list = {
	.head_rows = 4, .row_size = sizeof(struct board_thread), .load = threads_load,
	.page = PAGE_ROWS, .row_id = thread_id, .draw_head = threads_head,
	.draw_row = threads_row, .empty_text = threads_empty,
	.load_error = "The threads could not be read; please try again.",
	.keys = threads_keys, .nkeys = sizeof threads_keys / sizeof threads_keys[0],
	.hints = threads_hints, .prompt = &title_prompt, .init = threads_init,
	.fini = free,
};

/* A new terminal size changes the page: read it again with the selection
 * kept in view. */
const struct screen screen_board_threads = {
	.name = "board-threads", .section = "Communities", .list = &threads_list,
};
