/* Post search across every community: words, "phrases", prefix*, and the
 * filters author:LOGIN and in:COMMUNITY; best matches first. Enter opens
 * the thread at the post. */
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

#define MAX_HITS	100
#define QUERY_CHARS	BOARD_QUERY_MAX
#define LIST_TOP	(UI_BODY_TOP + 5)

struct search {
	struct ui_line line;
	bool typing;
	struct board_hit *hits;
	size_t n;
	struct ui_list list;
	bool searched;
};

/* Each hit takes two rows: where it is, then the snippet. */
static size_t
page_rows(void)
{
	int r = (ui_msg_row() - LIST_TOP) / 2;

	return r > 1 ? (size_t)r : 1;
}

static void
run(struct screen_ctx *c, struct search *s)
{
	struct board_hit *hits = NULL;
	struct board_query q;
	size_t n = 0;
	int r;

	r = db_board_search(c->db, c->me.id, ui_line_text(&s->line), MAX_HITS, &hits, &n);
	/* A refused query leaves no results of the one before under it. */
	free(s->hits);
	s->hits = NULL;
	s->n = 0;
	s->searched = false;
	ui_list_resize(&s->list, 0, page_rows());
	if (r == ERR_NOTFOUND) {
		board_query_parse(ui_line_text(&s->line), &q);
		screen_error(c, "No community called \"%s\"; give its name or the start of it.",
		    q.in);
		return;
	}
	if (r == ERR_INVALID) {
		screen_error(c, "Search needs words: plain words, \"a phrase\" or a prefix*; "
		    "author:login and in:community narrow it.");
		return;
	}
	if (r != 0) {
		screen_error(c, "The search did not work; please try again.");
		return;
	}
	s->hits = hits;
	s->n = n;
	s->searched = true;
	s->typing = false;
	s->list.sel = s->list.top = 0;
	ui_list_resize(&s->list, n, page_rows());
}

static void
search_draw(struct screen_ctx *c, void *st)
{
	struct search *s = st;
	char where[BOARD_TITLE_SZ + MEMBER_NAME_SZ + BOARD_NAME_MAX * 4 + 64], age[32];
	size_t w = (size_t)ui_cols() - 4;

	ui_draw_text(UI_BODY_TOP + 1, 2, "Search posts", 40, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "Words, \"a phrase\", prefix*; author:login, "
	    "in:community (e.g. in:boston).", w, UI_A_DIM);
	if (s->typing)
		ui_line_draw(&s->line, UI_BODY_TOP + 3, 2, w, "Search: ");
	else
		ui_draw_text(UI_BODY_TOP + 3, 2, ui_line_text(&s->line), w, UI_A_BOLD);
	if (s->searched && s->n == 0)
		ui_draw_text(LIST_TOP, 2, "Nothing found.", w, UI_A_DIM);
	for (size_t i = s->list.top; i < s->n && i - s->list.top < page_rows(); i++) {
		const struct board_hit *h = &s->hits[i];
		int y = LIST_TOP + 2 * (int)(i - s->list.top);
		bool sel = i == s->list.sel && !s->typing;

		screen_age(age, sizeof age, h->created_at);
		snprintf(where, sizeof where, "%s > %s  (%s, %s)", h->community, h->title,
		    h->author, age);
		if (sel)
			ui_draw_fill(y, 1, w + 2, UI_A_SELECT);
		ui_draw_text(y, 2, where, w, sel ? UI_A_SELECT : UI_A_BOLD);
		ui_draw_text(y + 1, 4, h->snippet, w - 2, UI_A_NORMAL);
	}
	screen_hints(c, s->typing ? "Enter search  Esc back" :
	    "Enter open  / new search  Up/Down choose  q back  ? help");
}

static bool
search_key(struct screen_ctx *c, void *st, int key)
{
	struct search *s = st;

	if (s->typing) {
		switch (ui_line_key(&s->line, c, key)) {
		case UI_LINE_CANCEL:
			if (!s->searched)
				screen_pop(c);
			else
				s->typing = false;
			return true;
		case UI_LINE_DONE:
			run(c, s);
			return true;
		default:
			return true;
		}
	}
	if (key == '/' || key == 's') {
		s->typing = true;
		return true;
	}
	if (key == UI_KEY_ENTER && s->list.sel < s->n) {
		struct board_open o = { s->hits[s->list.sel].thread_id,
		    s->hits[s->list.sel].post_id };

		screen_push(c, &screen_board_thread, &o);
		return true;
	}
	return ui_list_key(&s->list, key, page_rows());
}

static void *
search_enter(struct screen_ctx *c, const void *arg)
{
	struct search *s = xcalloc(1, sizeof *s);

	(void)c;
	(void)arg;
	ui_line_open(&s->line, NULL, QUERY_CHARS, false);
	s->typing = true;
	return s;
}

static void
search_leave(struct screen_ctx *c, void *st)
{
	struct search *s = st;

	(void)c;
	ui_line_close(&s->line);
	free(s->hits);
	free(s);
}

const struct screen screen_board_search = {
	.name = "board-search",
	.section = "Search posts",
	.enter = search_enter,
	.draw = search_draw,
	.key = search_key,
	.leave = search_leave,
};
