/* A thread: its posts in tree order, a page at a time (an index range read
 * each), replies indented with thread lines. Opening it jumps to the first
 * unread post; each page the member moves to counts as read (a live
 * reload does not: posts arriving meanwhile stay unread until seen). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-flag.h"
#include "lib/text.h"
#include "rules/sanction.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "screens/screen-board-mod.h"
#include "screens/screen-flag.h"
#include "screens/screen-staff.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define PAGE_POSTS	25
#define LIST_TOP	(UI_BODY_TOP + 2)
#define PATH_END	"~"	/* sorts after every path */

struct thread_view {
	int64_t id;
	struct board_thread t;
	bool loaded;
	struct board_post *posts;
	size_t n, sel, top;
	size_t skip;			/* lines of the selected post scrolled off */
	bool more_before, more_after;	/* pages either side */
	struct ui_line reason;		/* open: a moderator removes the selected post */
	int64_t removing;		/* the post being removed */
};

static int
rows_avail(void)
{
	int r = ui_msg_row() - LIST_TOP;

	return r > 1 ? r : 1;
}

static size_t
cols(void)
{
	return (size_t)ui_cols() - 2;
}

static bool fetch_page(struct screen_ctx *c, struct thread_view *v, const char *path,
    bool inclusive, bool backwards);

static void
set_page(struct thread_view *v, struct board_post *p, size_t n)
{
	db_board_posts_free(v->posts, v->n);
	v->posts = p;
	v->n = n;
	v->sel = v->top = v->skip = 0;
}

/* The page on screen counts as read: the member moved to it. Never called
 * for a live reload, which may bring posts the member has not looked at. */
static void
mark_shown(struct screen_ctx *c, struct thread_view *v)
{
	if (v->n > 0)
		(void)db_board_read_mark_page(c->db, c->me.id, v->id, v->posts[0].path,
		    v->posts[v->n - 1].path);
}

/* Loads a page from path (inclusive) or the one before it; the member
 * asked for it, so it counts as read. */
static bool
load_page(struct screen_ctx *c, struct thread_view *v, const char *path, bool inclusive,
    bool backwards)
{
	if (!fetch_page(c, v, path, inclusive, backwards))
		return false;
	mark_shown(c, v);
	return true;
}

/* Reads a page from path (inclusive) or the one before it; the page
 * query also says whether there are posts either side. */
static bool
fetch_page(struct screen_ctx *c, struct thread_view *v, const char *path, bool inclusive,
    bool backwards)
{
	struct board_post *p = NULL;
	struct board_post_more more;
	size_t n = 0;

	if (db_board_post_page(c->db, c->me.id, v->id, path, inclusive, backwards, PAGE_POSTS,
	    &p, &n, &more) != 0) {
		screen_error(c, "The thread could not be read; please try again.");
		return false;
	}
	if (n == 0) {
		free(p);
		return false;
	}
	set_page(v, p, n);
	v->more_before = more.before;
	v->more_after = more.after;
	return true;
}

static void
select_post(struct thread_view *v, int64_t id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->posts[i].id == id) {
			v->sel = i;
			v->skip = 0;
		}
}

/* Opens at post_id, else the first unread post, else the start; the page
 * opened counts as read (load_page), not the rest of the thread. */
static void
load(struct screen_ctx *c, struct thread_view *v, int64_t post_id)
{
	char path[BOARD_PATH_SZ] = "";
	struct board_post p;

	v->loaded = db_board_thread_get(c->db, c->me.id, v->id, &v->t) == 0;
	if (!v->loaded)
		return;
	if (post_id > 0 && db_board_post_get(c->db, c->me.id, post_id, &p) == 0) {
		if (p.thread_id == v->id)
			memcpy(path, p.path, sizeof path);
		free(p.body);
	} else if (db_board_read_first_unread(c->db, c->me.id, v->id, path, sizeof path) != 0)
		path[0] = '\0';
	load_page(c, v, path, true, false);
	/* Opened: the replies its notices announced are in front of the
	 * member (those that arrive later wait, as their posts stay unread). */
	screen_notice_dealt_thread(c, v->id);
}

/* Reloads the page in place: after the member's own change (mark: it is
 * in front of them) or another session's (not mark: posts that arrive
 * while the member reads are not read until the member moves to them). */
static void
reload(struct screen_ctx *c, struct thread_view *v, int64_t keep_id, bool mark)
{
	char path[BOARD_PATH_SZ] = "";

	if (db_board_thread_get(c->db, c->me.id, v->id, &v->t) != 0)
		return;
	if (v->n > 0)
		memcpy(path, v->posts[0].path, sizeof path);
	if (fetch_page(c, v, path, true, false)) {
		select_post(v, keep_id);
		if (mark)
			mark_shown(c, v);
	}
}

static struct board_post *
selected(struct thread_view *v)
{
	return v->sel < v->n ? &v->posts[v->sel] : NULL;
}

void
screen_board_thread_posted(struct screen_ctx *c, void *owner, int64_t post_id)
{
	struct thread_view *v = owner;

	if (v == NULL)
		return;
	reload(c, v, post_id, true);
	/* A new reply may fall outside the page: open the page at it. */
	if (selected(v) == NULL || selected(v)->id != post_id) {
		load(c, v, post_id);
		select_post(v, post_id);
	}
}

static void
next_page(struct screen_ctx *c, struct thread_view *v)
{
	if (v->n > 0 && v->more_after)
		load_page(c, v, v->posts[v->n - 1].path, false, false);
	else if (v->n > 0) {
		v->sel = v->n - 1;
		v->skip = 0;
	}
}

static void
prev_page(struct screen_ctx *c, struct thread_view *v)
{
	if (v->n > 0 && v->more_before && load_page(c, v, v->posts[0].path, false, true)) {
		v->sel = v->top = v->n - 1;
	} else {
		v->sel = v->top = 0;
		v->skip = 0;
	}
}

/* Down: scroll through a long selected post first, then the next post. */
static void
move_down(struct screen_ctx *c, struct thread_view *v)
{
	struct board_post *p = selected(v);
	size_t lines = p != NULL ? screen_board_post_lines(p, cols(), true) : 0;

	if (p != NULL && v->top == v->sel && lines > v->skip + (size_t)rows_avail()) {
		v->skip += (size_t)rows_avail() - 1;
		return;
	}
	if (v->sel + 1 < v->n) {
		v->sel++;
		v->skip = 0;
	} else if (v->more_after)
		next_page(c, v);
}

static void
move_up(struct screen_ctx *c, struct thread_view *v)
{
	if (v->skip > 0) {
		v->skip = v->skip > (size_t)rows_avail() - 1 ? v->skip - ((size_t)rows_avail() - 1) : 0;
		return;
	}
	if (v->sel > 0)
		v->sel--;
	else if (v->more_before)
		prev_page(c, v);
}

static void
view_draw(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;
	int y = LIST_TOP, end = ui_msg_row(), used = 0;
	char title[BOARD_TITLE_SZ + 96];
	size_t need = 0;

	if (!v->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This thread no longer exists.", 60, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(title, sizeof title, "%s  (%lld post%s%s%s%s%s)", v->t.title,
	    (long long)v->t.post_count, v->t.post_count == 1 ? "" : "s",
	    v->t.follow > 0 ? ", following" : "", v->t.follow < 0 ? ", muted" : "",
	    v->t.locked ? ", locked: no new replies" : "",
	    v->t.slow_seconds > 0 ? ", slow mode" : "");
	ui_draw_text(UI_BODY_TOP, 2, title, cols() - 2, UI_A_TITLE);
	if (v->more_before)
		ui_draw_text(UI_BODY_TOP + 1, 2, "... earlier posts: PgUp", cols(), UI_A_DIM);
	/* Keep the selected post's start on screen. */
	if (v->sel < v->top)
		v->top = v->sel;
	for (size_t i = v->top; i <= v->sel && i < v->n; i++)
		need += screen_board_post_lines(&v->posts[i], cols(), true);
	while (v->top < v->sel && need > (size_t)rows_avail()) {
		need -= screen_board_post_lines(&v->posts[v->top], cols(), true);
		v->top++;
	}
	if (v->top != v->sel)
		v->skip = 0;
	for (size_t i = v->top; i < v->n && y < end; i++) {
		used = screen_board_post_draw(&v->posts[i], y, end - y, cols(), i == v->sel ?
		    v->skip : 0, i == v->sel, true);
		y += used;
	}
	if (y < end && v->more_after)
		ui_draw_text(y, 2, "... more posts: PgDn", cols(), UI_A_DIM);
	if (v->reason.active) {
		ui_draw_fill(ui_msg_row() - 1, 0, (size_t)ui_cols(), UI_A_NORMAL);
		ui_line_draw(&v->reason, ui_msg_row() - 1, 2, cols(), "Remove: reason readers see: ");
		screen_hints(c, "Enter remove the post  Esc cancel");
		return;
	}
	screen_hints(c, board_thread_hints(v->t.follow));
}

static void
reply(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	if (selected(v) != NULL)
		screen_board_reply(c, selected(v), false, screen_board_thread_posted, v);
}

static void
quote(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	if (selected(v) != NULL)
		screen_board_reply(c, selected(v), true, screen_board_thread_posted, v);
}

static void
reply_thread(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;
	struct board_post *p = NULL;
	size_t n = 0;

	if (db_board_post_page(c->db, c->me.id, v->id, NULL, false, false, 1, &p, &n,
	    NULL) == 0 && n == 1)
		screen_board_reply(c, &p[0], false, screen_board_thread_posted, v);
	db_board_posts_free(p, n);
}

static void
edit(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	if (selected(v) != NULL)
		screen_board_edit(c, selected(v), screen_board_thread_posted, v);
}

static void
delete_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct thread_view *v = arg;
	struct board_post *p = selected(v);
	int r;

	if (!yes || p == NULL)
		return;
	if ((r = db_board_post_delete(c->db, c->me.id, p->id)) != 0) {
		screen_board_refused(c, r);
		return;
	}
	screen_info(c, "Your post is deleted; replies to it keep their place.");
	reload(c, v, p->id, true);
}

/* A moderator of the community (or an admin) removes someone else's post
 * with a reason readers see; the data layer decides again. */
static void
delete(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;
	struct board_post *p = selected(v);

	if (p != NULL && p->author_id != c->me.id && !p->deleted &&
	    screen_staff_is_moderator(c)) {
		v->removing = p->id;
		ui_line_open(&v->reason, NULL, STAFF_REASON_MAX, false);
		return;
	}
	if (p == NULL || p->author_id != c->me.id || p->deleted) {
		screen_error(c, "You can only delete your own posts.");
		return;
	}
	screen_ask(c, "Delete this post? [y/n]", delete_answer, v);
}

static void
remove_post(struct screen_ctx *c, struct thread_view *v)
{
	char reason[STAFF_REASON_MAX * 4 + 1];
	const char *why = "That did not work; please try again.";
	int r;

	text_copy(reason, sizeof reason, ui_line_text(&v->reason));
	text_trim(reason);
	r = db_review_remove_post(c->db, c->me.id, v->removing, reason, &why);
	if (r == ERR_INVALID) {
		screen_refused(c, why);		/* the reason stays for another try */
		return;
	}
	ui_line_close(&v->reason);
	if (r != 0) {
		screen_error(c, "%s", why);
		return;
	}
	screen_info(c, "Post removed; readers see your reason. It is in the audit log.");
	reload(c, v, v->removing, true);
}

static void
flag(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;
	struct board_post *p = selected(v);
	struct flag_open o = { .kind = FLAG_POST };

	if (p == NULL || p->deleted)
		return;
	if (p->author_id == c->me.id) {
		screen_error(c, "That is your own post; you can edit or delete it instead.");
		return;
	}
	o.target_id = p->id;
	(void)text_appendf(o.label, sizeof o.label, NULL, "%s's post in \"%s\"", p->blocked ?
	    "a blocked member" : p->author, v->t.title);
	screen_push(c, &screen_flag, &o);
}

static void
author(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	if (selected(v) != NULL && !selected(v)->blocked)
		screen_push(c, &screen_profile, &selected(v)->author_id);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	if (selected(v) != NULL && selected(v)->author_id != c->me.id)
		screen_open_conversation(c, selected(v)->author_id);
}

static void
set_follow(struct screen_ctx *c, struct thread_view *v, int want)
{
	int f = v->t.follow == want ? 0 : want;

	if (db_board_read_follow(c->db, c->me.id, v->id, f) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	v->t.follow = f;
	screen_info(c, "%s", f > 0 ? "Following: new replies show in the new-posts scan and "
	    "as notices." : f < 0 ? "Muted: this thread stays out of the new-posts scan." :
	    "Back to normal for this thread.");
}

static void
follow(struct screen_ctx *c, void *st)
{
	set_follow(c, st, 1);
}

static void
mute(struct screen_ctx *c, void *st)
{
	set_follow(c, st, -1);
}

static void
first_unread(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;
	char path[BOARD_PATH_SZ];

	/* The pages seen are read, so this is what the member has not seen. */
	if (db_board_read_first_unread(c->db, c->me.id, v->id, path, sizeof path) == 0)
		load_page(c, v, path, true, false);
	else
		screen_info(c, "No unread posts in this thread.");
}

static void
moderate(struct screen_ctx *c, void *st)
{
	screen_board_mod_open(c, ((struct thread_view *)st)->id);
}

static const struct ui_binding view_keys[] = {
	{ 'r', 0, "r reply", reply },
	{ 'Q', 0, "Q quote", quote },
	{ 'R', 0, "R reply to thread", reply_thread },
	{ 'e', 'E', "e edit", edit },
	{ 'd', 'D', "d delete", delete },
	{ 'a', 'A', "a author", author },
	{ UI_KEY_ENTER, 0, NULL, author },
	{ 'm', 0, "m message", message },
	{ 'f', 'F', "f follow", follow },
	{ 'x', 'X', "x mute", mute },
	{ 'u', 'U', "u unread", first_unread },
	{ 'M', 0, NULL, moderate },
	{ '!', 0, "! flag", flag },
};

static bool
view_key(struct screen_ctx *c, void *st, int key)
{
	struct thread_view *v = st;

	if (v->reason.active) {
		if (ui_line_prompt(&v->reason, c, key) == UI_LINE_DONE)
			remove_post(c, v);
		return key != UI_KEY_F1;
	}
	if (!v->loaded)
		return false;
	switch (key) {
	case UI_KEY_DOWN:
	case 'j':
		move_down(c, v);
		return true;
	case UI_KEY_UP:
	case 'k':
		move_up(c, v);
		return true;
	case UI_KEY_PGDN:
	case ' ':
		next_page(c, v);
		return true;
	case UI_KEY_PGUP:
		prev_page(c, v);
		return true;
	case UI_KEY_HOME:
		load_page(c, v, "", true, false);
		return true;
	case UI_KEY_END:
		if (load_page(c, v, PATH_END, false, true))
			v->sel = v->n - 1;
		return true;
	default:
		return ui_keys_run(view_keys, sizeof view_keys / sizeof view_keys[0], c, st, key);
	}
}

static void
view_update(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	reload(c, v, selected(v) != NULL ? selected(v)->id : 0, false);
}

/* arg: a struct board_open. */
static void *
view_enter(struct screen_ctx *c, const void *arg)
{
	const struct board_open *o = arg;
	struct thread_view *v = xcalloc(1, sizeof *v);

	v->id = o->thread_id;
	load(c, v, o->post_id);
	if (o->post_id > 0)
		select_post(v, o->post_id);
	return v;
}

static void
view_resize(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	(void)c;
	v->skip = 0;
}

static void
view_leave(struct screen_ctx *c, void *st)
{
	struct thread_view *v = st;

	(void)c;
	ui_line_close(&v->reason);
	db_board_posts_free(v->posts, v->n);
	free(v);
}

const struct screen screen_board_thread = {
	.name = "board-thread", .section = "Communities", .enter = view_enter,
	.draw = view_draw, .key = view_key, .resize = view_resize, .leave = view_leave,
	.update = view_update,
};
