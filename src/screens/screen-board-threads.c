/* A community's thread list: pinned first, then by last activity, a page
 * at a time with keyset paging (the same cost on every page), an unread
 * marker per thread. n starts a thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define AUTHOR_COLS	18
#define REPLIES_COLS	7
#define AGE_COLS	9

struct threads {
	struct board_community com;
	bool loaded;
	struct board_thread *rows;
	size_t n;
	struct ui_list list;
	/* Start keys of the pages before this one, for PgUp. */
	struct board_thread_key *back;
	size_t nback;
	struct board_thread_key start;	/* valid if !first */
	bool first;
	bool more;			/* a further page exists */
	bool asking_title;
	struct ui_line title;
};

static size_t
page_rows(void)
{
	int r = ui_msg_row() - LIST_TOP - 1;

	return r > 1 ? (size_t)r : 1;
}

static struct board_thread_key
key_of(const struct board_thread *t)
{
	struct board_thread_key k = { t->pinned, t->last_post_at, t->id };

	return k;
}

/* Loads the page that starts after t->start (or the first page). One row
 * more than fits tells whether there is a next page. */
static void
load(struct screen_ctx *c, struct threads *t, int64_t keep_id)
{
	struct board_thread *rows = NULL;
	size_t n = 0, page = page_rows();

	if (db_board_community_get(c->db, c->me.id, t->com.id, &t->com) != 0)
		return;
	t->loaded = true;
	if (db_board_thread_page(c->db, c->me.id, t->com.id, t->first ? NULL : &t->start,
	    false, page + 1, &rows, &n) != 0) {
		screen_error(c, "The threads could not be read; please try again.");
		return;
	}
	t->more = n > page;
	if (t->more)
		n = page;
	free(t->rows);
	t->rows = rows;
	t->n = n;
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == keep_id)
			t->list.sel = i;
	ui_list_resize(&t->list, n, page);
}

static void
next_page(struct screen_ctx *c, struct threads *t)
{
	if (!t->more || t->n == 0)
		return;
	t->back = xreallocarray(t->back, t->nback + 1, sizeof *t->back);
	t->back[t->nback++] = t->start;
	/* first is remembered as a key that sorts before every row. */
	if (t->first)
		t->back[t->nback - 1] = (struct board_thread_key){ true, INT64_MAX, INT64_MAX };
	t->start = key_of(&t->rows[t->n - 1]);
	t->first = false;
	t->list.sel = t->list.top = 0;
	load(c, t, 0);
}

static void
prev_page(struct screen_ctx *c, struct threads *t)
{
	if (t->nback == 0) {
		t->list.sel = t->list.top = 0;
		return;
	}
	t->start = t->back[--t->nback];
	t->first = t->nback == 0;
	t->list.sel = t->list.top = 0;
	load(c, t, 0);
}

static void
draw_row(const struct board_thread *r, int y, bool sel, size_t title_cols)
{
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	char mark[8], replies[24], age[32];
	int x = 2;

	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	snprintf(mark, sizeof mark, "%s%s", r->unread ? "*" : " ", r->pinned ? "P" : " ");
	ui_draw_text(y, x, mark, 2, r->unread && !sel ? UI_A_BOLD : a);
	x += 3;
	ui_draw_text(y, x, r->blocked ? "[thread by a blocked member]" : r->title, title_cols,
	    r->unread && !sel ? UI_A_BOLD : a);
	x += (int)title_cols + 1;
	ui_draw_text(y, x, r->blocked ? "-" : r->author, AUTHOR_COLS, a);
	x += AUTHOR_COLS + 1;
	snprintf(replies, sizeof replies, "%lld", (long long)(r->post_count - 1));
	ui_draw_text(y, x, replies, REPLIES_COLS, a);
	x += REPLIES_COLS + 1;
	screen_age(age, sizeof age, r->last_post_at);
	ui_draw_text(y, x, age, AGE_COLS, a);
}

static void
threads_draw(struct screen_ctx *c, void *st)
{
	struct threads *t = st;
	size_t title_cols = (size_t)ui_cols() - 9 - AUTHOR_COLS - REPLIES_COLS - AGE_COLS - 3;
	char head[BOARD_NAME_MAX * 4 + 128], about[80];
	int x = 5;

	if (!t->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This community no longer exists.", 60, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	board_community_about(about, sizeof about, strcmp(t->com.kind, "region") == 0,
	    t->com.members, t->com.joined);
	snprintf(head, sizeof head, "%s  (%s)", t->com.name, about);
	ui_draw_text(UI_BODY_TOP + 1, 2, head, (size_t)ui_cols() - 4, UI_A_TITLE);
	snprintf(head, sizeof head, "Moderators: %s", t->com.moderators[0] != '\0' ?
	    t->com.moderators : "none yet (v to volunteer from the list)");
	ui_draw_text(UI_BODY_TOP + 2, 2, head, (size_t)ui_cols() - 4, UI_A_DIM);
	ui_draw_text(LIST_TOP - 1, x, "Thread", title_cols, UI_A_BOLD);
	x += (int)title_cols + 1;
	ui_draw_text(LIST_TOP - 1, x, "Started by", AUTHOR_COLS, UI_A_BOLD);
	x += AUTHOR_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Replies", REPLIES_COLS, UI_A_BOLD);
	x += REPLIES_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Last", AGE_COLS, UI_A_BOLD);
	if (t->n == 0)
		ui_draw_text(LIST_TOP, 5, "No threads yet: press n to start one.", 60, UI_A_DIM);
	for (size_t i = t->list.top; i < t->n && i - t->list.top < page_rows(); i++)
		draw_row(&t->rows[i], LIST_TOP + (int)(i - t->list.top), i == t->list.sel,
		    title_cols);
	if (t->asking_title) {
		ui_line_draw(&t->title, ui_msg_row() - 1, 2, (size_t)ui_cols() - 4, "Title: ");
		screen_hints(c, "Enter continue to the text  Esc cancel");
		return;
	}
	if (t->more || t->nback > 0)
		ui_draw_text(ui_msg_row() - 1, 2, t->more ? "More threads: PgDn" : "First page: PgUp",
		    40, UI_A_DIM);
	screen_hints(c, "Enter read  n new thread  j join/leave  PgUp/PgDn page  q back  ? help");
}

static void
posted(struct screen_ctx *c, void *owner, int64_t post_id)
{
	struct threads *t = owner;
	struct board_post p;

	/* Back to the first page, where the new thread is, then open it. */
	t->first = true;
	t->nback = 0;
	load(c, t, 0);
	if (db_board_post_get(c->db, c->me.id, post_id, &p) == 0) {
		struct board_open o = { p.thread_id, 0 };

		free(p.body);
		screen_push(c, &screen_board_thread, &o);
	}
}

static bool
title_key(struct screen_ctx *c, struct threads *t, int key)
{
	const char *why;
	char title[BOARD_TITLE_SZ];

	switch (ui_line_key(&t->title, c, key)) {
	case UI_LINE_CANCEL:
		t->asking_title = false;
		ui_line_close(&t->title);
		return true;
	case UI_LINE_DONE:
		text_copy(title, sizeof title, ui_line_text(&t->title));
		text_trim(title);
		if ((why = text_check_line(title, BOARD_TITLE_MAX)) != NULL) {
			screen_refused(c, why);
			return true;
		}
		if (title[0] == '\0') {
			screen_error(c, "A thread needs a title.");
			return true;
		}
		t->asking_title = false;
		ui_line_close(&t->title);
		screen_board_new_thread(c, t->com.id, title, posted, t);
		return true;
	default:
		return true;
	}
}

static void
new_thread(struct screen_ctx *c, void *st)
{
	struct threads *t = st;

	if (!screen_can_post(c)) {
		screen_board_refused(c, ERR_DENIED);
		return;
	}
	ui_line_open(&t->title, NULL, BOARD_TITLE_MAX, false);
	t->asking_title = true;
}

static void
open_thread(struct screen_ctx *c, void *st)
{
	struct threads *t = st;

	if (t->list.sel < t->n) {
		struct board_open o = { t->rows[t->list.sel].id, 0 };

		screen_push(c, &screen_board_thread, &o);
	}
}

static void
toggle_join(struct screen_ctx *c, void *st)
{
	struct threads *t = st;
	int r = t->com.joined ? db_board_community_leave(c->db, c->me.id, t->com.id) :
	    db_board_community_join(c->db, c->me.id, t->com.id);

	if (r != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, t->com.joined ? "You left %s." : "You joined %s: its new posts show "
	    "in the new-posts scan.", t->com.name);
	load(c, t, 0);
}

static const struct ui_binding threads_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter read", open_thread },
	{ 'n', 'N', "n new thread", new_thread },
	{ 'j', 'J', "j join/leave", toggle_join },
};

static bool
threads_key(struct screen_ctx *c, void *st, int key)
{
	struct threads *t = st;

	if (t->asking_title)
		return title_key(c, t, key);
	if (!t->loaded)
		return false;
	if (key == UI_KEY_PGDN && t->more) {
		next_page(c, t);
		return true;
	}
	if (key == UI_KEY_PGUP && t->nback > 0) {
		prev_page(c, t);
		return true;
	}
	if (ui_list_key(&t->list, key, page_rows()))
		return true;
	return ui_keys_run(threads_keys, sizeof threads_keys / sizeof threads_keys[0], c, st,
	    key);
}

static void
threads_update(struct screen_ctx *c, void *st)
{
	struct threads *t = st;

	load(c, t, t->list.sel < t->n ? t->rows[t->list.sel].id : 0);
}

/* arg: a struct board_community_arg. */
static void *
threads_enter(struct screen_ctx *c, const void *arg)
{
	const struct board_community_arg *a = arg;
	struct threads *t = xcalloc(1, sizeof *t);

	t->com.id = a->community_id;
	t->first = true;
	load(c, t, 0);
	return t;
}

static void
threads_resize(struct screen_ctx *c, void *st)
{
	threads_update(c, st);
}

static void
threads_leave(struct screen_ctx *c, void *st)
{
	struct threads *t = st;

	(void)c;
	ui_line_close(&t->title);
	free(t->rows);
	free(t->back);
	free(t);
}

const struct screen screen_board_threads = {
	.name = "board-threads",
	.section = "Communities",
	.enter = threads_enter,
	.draw = threads_draw,
	.key = threads_key,
	.resize = threads_resize,
	.leave = threads_leave,
	.update = threads_update,
};
