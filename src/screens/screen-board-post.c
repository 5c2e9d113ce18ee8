/* Drawing posts and composing them; see screen-board.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "rules/flag.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-rate.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "screens/screen-board-mod.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "lib/xmalloc.h"

#define QUOTE_LINES 12

static int
indent_of(const struct board_post *p, bool indent)
{
	return indent ? board_indent(p->depth) : 0;
}

static size_t
body_cols(const struct board_post *p, size_t cols, bool indent)
{
	size_t used = (size_t)indent_of(p, indent) * 2 + 2;

	return cols > used + 10 ? cols - used : 10;
}

static const char *
shown_body(const struct board_post *p)
{
	if (p->removed)
		return p->body;		/* the data layer's "[removed by a moderator: ...]" */
	if (p->deleted)
		return "[deleted]";
	if (p->blocked)
		return "[post by a blocked member]";
	if (p->hidden != 0 && p->body[0] == '\0')
		return FLAG_HIDDEN_STUB;
	return p->body;
}

size_t
screen_board_post_lines(const struct board_post *p, size_t cols, bool indent)
{
	/* header, body, one blank row */
	return 2 + ui_draw_wrapped(0, 0, 0, body_cols(p, cols, indent), shown_body(p), 0,
	    UI_A_NORMAL);
}

static void
header(const struct board_post *p, char *buf, size_t sz)
{
	char age[32], when[32];

	screen_age(age, sizeof age, p->created_at);
	screen_datetime(when, sizeof when, p->created_at);
	snprintf(buf, sz, "%s  %s (%s)%s%s%s", p->blocked ? "[blocked member]" : p->author,
	    when, age, p->edited_at != 0 && !p->deleted ? "  edited" : "",
	    p->unread ? "  *new*" : "", p->hidden != 0 && p->body[0] != '\0' ?
	    "  HIDDEN: only you see it until a moderator has reviewed it" : "");
	if (p->depth > BOARD_INDENT_MAX)
		text_appendf(buf, sz, NULL, "  (level %d)", p->depth);
}

int
screen_board_post_draw(const struct board_post *p, int y, int rows, size_t cols,
    size_t skip, bool sel, bool indent)
{
	int lv = indent_of(p, indent), x = 2 + lv * 2, drawn = 0;
	size_t w = body_cols(p, cols, indent);
	char head[MEMBER_NAME_SZ + 160];

	if (rows <= 0)
		return 0;
	if (skip == 0) {
		header(p, head, sizeof head);
		if (sel)
			ui_draw_chosen(y, x - 1, w + 1);
		ui_draw_text(y, x, head, w, sel ? UI_A_SELECT : UI_A_BOLD);
		drawn = 1;
	} else
		skip--;
	if (drawn < rows)
		drawn += (int)ui_draw_wrapped(y + drawn, x, rows - drawn, w, shown_body(p), skip,
		    p->deleted || p->blocked || (p->hidden != 0 && p->body[0] == '\0') ?
		    UI_A_DIM : UI_A_NORMAL) - (int)skip;
	if (drawn < rows)
		drawn++;	/* the blank row between posts */
	if (drawn > rows)
		drawn = rows;
	/* The thread lines: one per level, down the whole post. */
	for (int r = 0; r < drawn; r++)
		for (int l = 0; l < lv; l++)
			ui_draw_text(y + r, 2 + l * 2, "\u2502", 1, UI_A_DIM);
	return drawn;
}

void
screen_board_refused(struct screen_ctx *c, int r)
{
	if (r == ERR_DENIED && screen_post_refusal(c) != NULL)
		screen_error(c, "%s", screen_post_refusal(c));
	else if (r == ERR_DENIED)
		screen_error(c, "You cannot do that here.");
	else if (r == ERR_TOO_FAST) {
		struct board_limits lim;
		char why[320];

		/* The same sentence as for messages, with when they can post. */
		board_limits_from_config(c->cfg, &lim);
		db_rate_why(c->db, c->me.id, RATE_POSTS, &lim.rate, why, sizeof why);
		screen_error(c, "%s", why);
	}
	else if (r == ERR_INVALID)
		screen_error(c, "Nothing to post: the text is empty or cannot be used.");
	else if (r == ERR_NOTFOUND)
		screen_error(c, "That post or thread no longer exists.");
	else if (r == ERR_STATE)	/* an archived community, for one */
		screen_error(c, "This is closed to new posts; you can still read it.");
	else
		screen_error(c, "That did not work; please try again.");
}

enum compose_kind { COMPOSE_REPLY, COMPOSE_THREAD, COMPOSE_EDIT };

struct compose {
	enum compose_kind kind;
	int64_t target;			/* parent, community or post */
	char title[BOARD_TITLE_SZ];
	char key[BOARD_DRAFT_KEY_SZ];
	char label[BOARD_TITLE_SZ + MEMBER_NAME_SZ + 32];
	screen_board_posted fn;
	void *owner;
	bool restore;			/* the draft comes back without asking */
};

static void open_editor(struct screen_ctx *c, struct compose *k, const char *text);

static void
compose_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct compose *k = arg;
	struct board_limits lim;
	int64_t tid = 0, pid = 0;
	int r;

	if (text == NULL)
		return;
	board_limits_from_config(c->cfg, &lim);
	if (k->kind == COMPOSE_REPLY)
		r = db_board_post_reply(c->db, c->me.id, k->target, text, &lim, &pid);
	else if (k->kind == COMPOSE_THREAD)
		r = db_board_thread_create(c->db, c->me.id, k->target, k->title, text, &lim,
		    &tid, &pid);
	else {
		r = db_board_post_edit(c->db, c->me.id, k->target, text);
		pid = k->target;
	}
	if (r == ERR_INVALID || r == ERR_TOO_FAST || r == ERR_INTERNAL || r == ERR_DENIED ||
	    r == ERR_STATE) {
		/* Keep what was typed: back into the editor. When the database
		 * itself failed (a full disk) the draft would fail as well, so
		 * the editor is the only place the text is safe. */
		k->restore = false;
		open_editor(c, k, text);
		if (r == ERR_INTERNAL)
			screen_error(c, "Your post could not be saved just now; your text is kept: "
			    "try again.");
		else if (k->kind == COMPOSE_EDIT || !screen_board_mod_refusal(c,
		    k->kind == COMPOSE_THREAD ? k->target : 0,
		    k->kind == COMPOSE_REPLY ? k->target : 0))
			screen_board_refused(c, r);
		return;
	}
	if (r != 0) {
		/* The editor is gone; the text stays as a draft to come back to. */
		(void)db_board_draft_save(c->db, c->me.id, k->key, text);
		screen_board_refused(c, r);
		return;
	}
	screen_info(c, k->kind == COMPOSE_EDIT ? "Your post is saved." :
	    k->kind == COMPOSE_THREAD ? "Your thread is started." : "Your reply is posted.");
	if (k->fn != NULL)
		k->fn(c, k->owner, pid);
}

static void
open_editor(struct screen_ctx *c, struct compose *k, const char *text)
{
	struct ui_edit_req req = {
		.title = k->label, .text = text, .max_chars = BOARD_BODY_MAX,
		.done = compose_done, .arg = k, .draft_key = k->key,
		.draft_restore = k->restore,
	};

	ui_edit_open(c, &req);
}

/* The editor is modal, so one compose is ever open in a session: it lives
 * here rather than on the heap, and a session that ends mid-post (the
 * editor is left without calling back) leaves nothing behind. */
static struct compose current;

static struct compose *
compose_new(enum compose_kind kind, int64_t target, screen_board_posted fn, void *owner)
{
	struct compose *k = &current;
	static const char *const prefix[] = { "reply", "new", "edit" };

	memset(k, 0, sizeof *k);
	k->kind = kind;
	k->target = target;
	k->fn = fn;
	k->owner = owner;
	snprintf(k->key, sizeof k->key, "board:%s:%lld", prefix[kind], (long long)target);
	return k;
}

static bool restore_next;	/* set by the login offer for the next editor */

void
screen_board_reply(struct screen_ctx *c, const struct board_post *parent, bool quote,
    screen_board_posted fn, void *owner)
{
	struct compose *k;
	char *text = NULL;

	if (!screen_can_post(c)) {
		screen_board_refused(c, ERR_DENIED);
		return;
	}
	k = compose_new(COMPOSE_REPLY, parent->id, fn, owner);
	k->restore = restore_next;
	restore_next = false;
	snprintf(k->label, sizeof k->label, "Reply to %s", parent->blocked ? "a post" :
	    parent->author);
	if (quote && !parent->deleted && !parent->blocked)
		text = board_quote(parent->author, parent->body, QUOTE_LINES);
	open_editor(c, k, text);
	free(text);
}

void
screen_board_new_thread(struct screen_ctx *c, int64_t community_id, const char *title,
    screen_board_posted fn, void *owner)
{
	struct compose *k;

	if (!screen_can_post(c)) {
		screen_board_refused(c, ERR_DENIED);
		return;
	}
	k = compose_new(COMPOSE_THREAD, community_id, fn, owner);
	k->restore = restore_next;
	restore_next = false;
	text_copy(k->title, sizeof k->title, title);
	snprintf(k->label, sizeof k->label, "New thread: %s", title);
	open_editor(c, k, NULL);
}

void
screen_board_edit(struct screen_ctx *c, const struct board_post *p,
    screen_board_posted fn, void *owner)
{
	struct compose *k;

	if (p->author_id != c->me.id || p->deleted) {
		screen_error(c, "You can only edit your own posts.");
		return;
	}
	k = compose_new(COMPOSE_EDIT, p->id, fn, owner);
	k->restore = restore_next;
	restore_next = false;
	snprintf(k->label, sizeof k->label, "Edit your post");
	open_editor(c, k, p->body);
}

/* The thread screen just pushed, so that a post sent from the editor
 * on top of it reloads it like any reply made there. */
static void *
pushed_thread(struct screen_ctx *c)
{
	struct screen_frame *f = screen_top(c);

	return f != NULL && f->s == &screen_board_thread ? f->st : NULL;
}

/* After the login offer: the reply's thread, opened at the parent, with
 * the editor on top (which offers the draft back itself). */
void
screen_board_resume(struct screen_ctx *c, const char *key)
{
	char kind[16] = "";
	long long id = 0;
	struct board_post p;

	if (sscanf(key, "board:%15[a-z]:%lld", kind, &id) == 2) {
		if (strcmp(kind, "reply") == 0 &&
		    db_board_post_get(c->db, c->me.id, id, &p) == 0) {
			struct board_open o = { p.thread_id, p.id };

			screen_push(c, &screen_board_thread, &o);
			restore_next = true;
			screen_board_reply(c, &p, false, screen_board_thread_posted,
			    pushed_thread(c));
			free(p.body);
		} else if (strcmp(kind, "edit") == 0 &&
		    db_board_post_get(c->db, c->me.id, id, &p) == 0) {
			struct board_open o = { p.thread_id, p.id };

			screen_push(c, &screen_board_thread, &o);
			restore_next = true;
			screen_board_edit(c, &p, screen_board_thread_posted, pushed_thread(c));
			free(p.body);
		} else if (strcmp(kind, "new") == 0) {
			struct board_community_arg a = { id };

			screen_push(c, &screen_board_threads, &a);
			screen_info(c, "Press n and give the title: your draft comes back in "
			    "the editor.");
		}
	}
}
