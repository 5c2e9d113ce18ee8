/* The new-posts scan: every unread post in the member's communities (and
 * followed threads), one at a time, thread by thread, the classic BBS
 * way. Moving on marks the post read; A marks everything read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define POST_TOP (UI_BODY_TOP + 4)

struct scan {
	bool have;
	struct board_post post;
	struct board_thread thread;
	struct board_community com;
	int64_t left;			/* unread, this one included */
	size_t skip;
	int64_t seen;			/* posts walked this time */
	bool joined_none;		/* point the member to the communities list */
};

static void
clear(struct scan *s)
{
	if (s->have)
		free(s->post.body);
	s->have = false;
	s->skip = 0;
}

/* The next unread post, staying in thread in_thread while it has some. */
static void
load(struct screen_ctx *c, struct scan *s, int64_t in_thread)
{
	clear(s);
	if (db_board_read_next(c->db, c->me.id, in_thread, &s->post) != 0)
		return;
	s->have = true;
	if (db_board_thread_get(c->db, c->me.id, s->post.thread_id, &s->thread) != 0 ||
	    db_board_community_get(c->db, c->me.id, s->post.community_id, &s->com) != 0) {
		clear(s);
		return;
	}
	if (db_board_read_count(c->db, c->me.id, &s->left) != 0)
		s->left = 0;
}

/* True while the post goes on below the page: Space shows the rest first. */
static bool
post_continues(const struct scan *s)
{
	return screen_board_post_lines(&s->post, (size_t)ui_cols() - 2, false) >
	    s->skip + ui_page_rows(POST_TOP, 0);
}

static void
scan_draw(struct screen_ctx *c, void *st)
{
	struct scan *s = st;
	char line[BOARD_TITLE_SZ + BOARD_NAME_MAX * 4 + 64], hints[160];
	static const char *const more[] = { "q back", "? help", NULL };

	ui_draw_text(UI_BODY_TOP + 1, 2, "New posts", 20, UI_A_TITLE);
	if (!s->have) {
		ui_draw_text(UI_BODY_TOP + 3, 2, s->seen > 0 ? "That was the last new post. "
		    "You are up to date." : "No new posts in your communities or followed "
		    "threads.", (size_t)ui_cols() - 4, UI_A_INFO);
		if (s->joined_none)
			ui_draw_text(UI_BODY_TOP + 5, 2, "Join communities on the communities "
			    "list (C on the main menu) to see their new posts here.",
			    (size_t)ui_cols() - 4, UI_A_DIM);
		screen_hints(c, "q back  ? help");
		return;
	}
	snprintf(line, sizeof line, "%lld%s left", (long long)s->left,
	    s->left >= BOARD_COUNT_CAP ? "+" : "");
	ui_draw_text(UI_BODY_TOP + 1, 14, line, 30, UI_A_DIM);
	snprintf(line, sizeof line, "%s > %s", s->com.name, s->thread.title);
	ui_draw_text(UI_BODY_TOP + 2, 2, line, (size_t)ui_cols() - 4, UI_A_BOLD);
	if (s->post.parent_id != 0)
		ui_draw_text(UI_BODY_TOP + 3, 2, "(a reply: t shows it in its thread)",
		    (size_t)ui_cols() - 4, UI_A_DIM);
	screen_board_post_draw(&s->post, POST_TOP, (int)ui_page_rows(POST_TOP, 0),
	    (size_t)ui_cols() - 2, s->skip, false, false);
	ui_draw_more(false, post_continues(s), (size_t)ui_cols() - 4);
	board_hints_fit(hints, sizeof hints, "Space next  r reply  Q quote  t thread  a author  "
	    "x mute  A all read", more, (size_t)ui_cols() - 2);
	screen_hints(c, hints);
}

static void
next(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (!s->have)
		return;
	if (post_continues(s)) {
		s->skip += ui_page_rows(POST_TOP, 0) - 1;
		return;
	}
	(void)db_board_read_mark(c->db, c->me.id, s->post.thread_id, s->post.id);
	s->seen++;
	load(c, s, s->post.thread_id);
}

static void
posted(struct screen_ctx *c, void *owner, int64_t post_id)
{
	(void)post_id;
	/* The reply is made; the scan moves on past the post answered. */
	next(c, owner);
}

static void
reply(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (s->have)
		screen_board_reply(c, &s->post, false, posted, s);
}

static void
quote(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (s->have)
		screen_board_reply(c, &s->post, true, posted, s);
}

static void
thread(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (s->have) {
		struct board_open o = { s->post.thread_id, s->post.id };

		screen_push(c, &screen_board_thread, &o);
	}
}

static void
author(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (s->have)
		screen_push(c, &screen_profile, &s->post.author_id);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (s->have && s->post.author_id != c->me.id)
		screen_open_conversation(c, s->post.author_id);
}

static void
mute(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	if (!s->have || db_board_read_follow(c->db, c->me.id, s->post.thread_id, -1) != 0)
		return;
	screen_info(c, "Muted \"%s\".", s->thread.title);
	load(c, s, 0);
}

static void
all_read_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct scan *s = arg;

	if (!yes)
		return;
	if (db_board_community_mark_read(c->db, c->me.id, 0) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, "Everything is marked read.");
	load(c, s, 0);
}

static void
all_read(struct screen_ctx *c, void *st)
{
	screen_ask(c, "Mark every post in all your communities read? [y/n]", all_read_answer, st);
}

static const struct ui_binding scan_keys[] = {
	{ ' ', 'n', "Space next", next },
	{ UI_KEY_DOWN, UI_KEY_PGDN, NULL, next },
	{ 'r', 0, "r reply", reply },
	{ 'Q', 0, "Q quote", quote },
	{ 't', 'T', "t thread", thread },
	{ 'a', UI_KEY_ENTER, "a author", author },
	{ 'm', 0, "m message", message },
	{ 'x', 'X', "x mute", mute },
	{ 'A', 0, "A all read", all_read },
};

static bool
scan_key(struct screen_ctx *c, void *st, int key)
{
	return ui_keys_run(scan_keys, sizeof scan_keys / sizeof scan_keys[0], c, st, key);
}

static void
scan_update(struct screen_ctx *c, void *st)
{
	struct scan *s = st;

	/* Only when idle at the end: never swap the post being read. */
	if (!s->have)
		load(c, s, 0);
}

static void *
scan_enter(struct screen_ctx *c, const void *arg)
{
	struct scan *s = xcalloc(1, sizeof *s);
	struct board_community *mine = NULL;
	size_t n = 0;

	(void)arg;
	/* The advice to join is for members who have joined nothing yet. */
	if (db_board_community_list(c->db, c->me.id, true, &mine, &n) == 0) {
		s->joined_none = n == 0;
		free(mine);
	}
	load(c, s, 0);
	return s;
}

static void
scan_leave(struct screen_ctx *c, void *st)
{
	(void)c;
	clear(st);
	free(st);
}

const struct screen screen_board_scan = {
	.name = "board-scan", .section = "New posts", .enter = scan_enter,
	.draw = scan_draw, .key = scan_key, .leave = scan_leave, .update = scan_update,
};
