/* A private conversation with one member: the messages, newest at the
 * bottom, older pages loaded as the member scrolls up. New messages appear
 * while the screen is open (the update hook runs when another session
 * wrote) and are marked read on sight. The actions (reply, delete, report,
 * archive) are in screen-conversation-act.c. screen_open_conversation()
 * is the one way in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-block.h"
#include "db/db-message.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/message.h"
#include "screens/screen-conversation.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define PAGE		30	/* messages loaded at a time */
#define VIEW_TOP	(UI_BODY_TOP + 2)
#define BODY_X		4

static size_t
view_rows(const struct conversation *cv)
{
	int rows = ui_msg_row() - VIEW_TOP;

	(void)cv;
	return rows > 1 ? (size_t)rows : 1;
}

static size_t
body_cols(void)
{
	return ui_cols() > BODY_X + 2 ? (size_t)ui_cols() - BODY_X - 2 : 1;
}

/* Heights are a header row, the wrapped body and a blank row. */
static void
layout(struct conversation *cv)
{
	size_t w = body_cols();

	if (cv->heights != NULL && cv->width == w)
		return;
	free(cv->heights);
	cv->heights = xcalloc(cv->n + 1, sizeof *cv->heights);
	for (size_t i = 0; i < cv->n; i++)
		cv->heights[i] = 2 + ui_draw_wrapped(0, 0, 0, w, cv->rows[i].body, 0,
		    UI_A_NORMAL);
	cv->width = w;
}

static void
relayout(struct conversation *cv)
{
	free(cv->heights);
	cv->heights = NULL;
	layout(cv);
}

static size_t
row_of(struct conversation *cv, size_t msg)
{
	size_t v = 0;

	layout(cv);
	for (size_t i = 0; i < msg && i < cv->n; i++)
		v += cv->heights[i];
	return v;
}

static size_t
total_rows(struct conversation *cv)
{
	return row_of(cv, cv->n);
}

/* Scrolls so the selected message's header (and as much of it as fits)
 * is in view. */
static void
show_sel(struct conversation *cv)
{
	size_t v, h, total, page = view_rows(cv);

	if (cv->n == 0) {
		cv->top = 0;
		return;
	}
	v = row_of(cv, cv->sel);
	h = cv->heights[cv->sel];
	if (v < cv->top)
		cv->top = v;
	else if (v + h > cv->top + page)
		cv->top = h > page ? v : v + h - page;
	/* Never leave empty rows under the last message (after a resize). */
	total = total_rows(cv);
	if (cv->top + page > total)
		cv->top = total > page ? total - page : 0;
}

void
conversation_to_bottom(struct conversation *cv)
{
	cv->sel = cv->n > 0 ? cv->n - 1 : 0;
	show_sel(cv);
}

static void
mark_read(struct screen_ctx *c, struct conversation *cv)
{
	if (cv->conv == 0)
		return;
	if (db_message_mark_read(c->db, c->me.id, cv->conv) != 0)
		log_warn("cannot mark conversation read: %s", db_errmsg(c->db));
	/* Our own write does not move data_version for this connection, so
	 * the status bar count is re-read here. */
	screen_live_refresh(c);
}

/* Loads the newest page (first time) or what arrived since (later). */
void
conversation_load_new(struct screen_ctx *c, struct conversation *cv)
{
	struct conversation_state cs;
	struct message_row *rows = NULL;
	size_t n = 0;
	int64_t after;
	bool at_bottom = cv->n == 0 || cv->sel + 1 == cv->n;

	if (cv->conv == 0 &&
	    db_message_conversation_with(c->db, c->me.id, cv->peer.id, &cv->conv) != 0)
		return;
	if (db_message_state(c->db, c->me.id, cv->conv, &cs) != 0)
		return;
	if (cv->first_unread == 0)
		cv->first_unread = cs.last_read_id + 1;
	after = cv->n > 0 ? cv->rows[cv->n - 1].id : 0;
	if (db_message_page(c->db, c->me.id, cv->conv, after, INT64_MAX, PAGE,
	    &rows, &n) != 0) {
		screen_error(c, "The conversation could not be read; it will be retried.");
		return;
	}
	if (cv->n == 0 || n == PAGE) {
		/* First load, or more arrived than a page: start from the newest. */
		db_message_rows_free(cv->rows, cv->n);
		cv->rows = rows;
		cv->n = n;
		cv->has_older = n == PAGE;
		at_bottom = true;
	} else if (n > 0) {
		cv->rows = xreallocarray(cv->rows, cv->n + n, sizeof *cv->rows);
		memcpy(cv->rows + cv->n, rows, n * sizeof *rows);
		cv->n += n;
		free(rows);
	} else {
		free(rows);
	}
	relayout(cv);
	if (at_bottom)
		conversation_to_bottom(cv);
	mark_read(c, cv);
}

/* Prepends the page before the oldest loaded message. */
static void
load_older(struct screen_ctx *c, struct conversation *cv)
{
	struct message_row *rows = NULL, *all;
	size_t n = 0;

	if (!cv->has_older || cv->n == 0)
		return;
	if (db_message_page(c->db, c->me.id, cv->conv, 0, cv->rows[0].id, PAGE,
	    &rows, &n) != 0) {
		screen_error(c, "Older messages could not be read.");
		return;
	}
	cv->has_older = n == PAGE;
	all = xreallocarray(NULL, cv->n + n + 1, sizeof *all);
	memcpy(all, rows, n * sizeof *rows);
	memcpy(all + n, cv->rows, cv->n * sizeof *cv->rows);
	free(rows);
	free(cv->rows);
	cv->rows = all;
	cv->n += n;
	cv->sel += n;
	relayout(cv);
	cv->top = row_of(cv, n);
}

/* Forgets the loaded messages and reads the newest page again (after a
 * delete, so the deleted one goes). */
void
conversation_reload(struct screen_ctx *c, struct conversation *cv)
{
	db_message_rows_free(cv->rows, cv->n);
	cv->rows = NULL;
	cv->n = 0;
	conversation_load_new(c, cv);
}

static const struct ui_binding conv_keys[] = {
	{ 'r', 'R', "r reply", conversation_reply },
	{ 'd', UI_KEY_DELETE, "d delete", conversation_ask_delete },
	{ '!', 0, "! flag", conversation_open_flag },
	{ 'a', 'A', "a archive", conversation_archive },
	{ 'p', 'P', "p profile", conversation_view_profile },
};
#define CONV_KEYS_N (sizeof conv_keys / sizeof conv_keys[0])

static void
draw_message(struct screen_ctx *c, struct conversation *cv, size_t i, size_t v,
    size_t page)
{
	const struct message_row *m = &cv->rows[i];
	size_t h = cv->heights[i], skip, rows;
	int y = VIEW_TOP + (int)v - (int)cv->top;
	char head[MEMBER_NAME_SZ + 64], when[32];
	bool mine = m->sender_id == c->me.id;
	enum ui_attr a = i == cv->sel ? UI_A_SELECT : UI_A_BOLD;

	if (v + h <= cv->top || v >= cv->top + page)
		return;
	if (v >= cv->top) {
		screen_datetime(when, sizeof when, m->created_at);
		snprintf(head, sizeof head, "%s  %s%s", mine ? "You" : cv->peer.name, when,
		    !mine && m->id >= cv->first_unread ? "  (new)" : "");
		if (i == cv->sel)
			ui_draw_chosen(y, 1, (size_t)ui_cols() - 2);
		ui_draw_text(y, 2, head, (size_t)ui_cols() - 4, a);
	}
	/* The body starts one row under the header; skip what is above. */
	skip = cv->top > v + 1 ? cv->top - v - 1 : 0;
	y = VIEW_TOP + (int)(v + 1 + skip) - (int)cv->top;
	rows = page - (size_t)(y - VIEW_TOP);
	if ((size_t)(y - VIEW_TOP) < page)
		ui_draw_wrapped(y, BODY_X, (int)rows, body_cols(), m->body, skip,
		    UI_A_NORMAL);
}

static void
conv_draw(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;
	size_t page = view_rows(cv), v = 0, cols = (size_t)ui_cols() - 4;
	char title[MEMBER_NAME_SZ + MEMBER_LOGIN_SZ + 64];

	layout(cv);
	snprintf(title, sizeof title, "Conversation with %s (%s)%s", cv->peer.name,
	    cv->peer.login, cv->blocked_by_me ? "  - you blocked this member" :
	    cv->has_older ? "  - Up for older messages" : "");
	ui_draw_text(UI_BODY_TOP, 2, title, cols, UI_A_TITLE);
	if (cv->n == 0)
		ui_draw_text(VIEW_TOP, 2, "No messages yet. Press r to write one.",
		    cols, UI_A_DIM);
	for (size_t i = 0; i < cv->n; i++) {
		draw_message(c, cv, i, v, page);
		v += cv->heights[i];
	}
	screen_key_hints(c, conv_keys, CONV_KEYS_N, "  q back");
}

/* Up/Down choose a message (Up at the top loads older ones); PgUp/PgDn
 * scroll; Home/End jump. */
static bool
move_key(struct screen_ctx *c, struct conversation *cv, int key)
{
	size_t page = view_rows(cv), total = total_rows(cv);

	switch (key) {
	case UI_KEY_UP:
		if (cv->sel == 0)
			load_older(c, cv);
		if (cv->sel > 0)
			cv->sel--;
		show_sel(cv);
		return true;
	case UI_KEY_DOWN:
		if (cv->sel + 1 < cv->n)
			cv->sel++;
		show_sel(cv);
		return true;
	case UI_KEY_PGUP:
		if (cv->top == 0)
			load_older(c, cv);
		cv->top = cv->top > page ? cv->top - page : 0;
		break;
	case UI_KEY_PGDN:
		cv->top = cv->top + 2 * page < total ? cv->top + page :
		    (total > page ? total - page : 0);
		break;
	case UI_KEY_HOME:
		cv->top = 0;
		cv->sel = 0;
		return true;
	case UI_KEY_END:
		conversation_to_bottom(cv);
		return true;
	default:
		return false;
	}
	/* After a page move, select the first message that starts in view. */
	for (size_t i = 0, v = 0; i < cv->n; v += cv->heights[i++]) {
		if (v >= cv->top || i + 1 == cv->n) {
			cv->sel = i;
			break;
		}
	}
	return true;
}

static bool
conv_key(struct screen_ctx *c, void *st, int key)
{
	struct conversation *cv = st;

	if (move_key(c, cv, key))
		return true;
	return ui_keys_run(conv_keys, CONV_KEYS_N, c, st, key);
}

/* The peer, and whether I blocked them (the title says so to me; the
 * other member is never told). */
static bool
load_peer(struct screen_ctx *c, struct conversation *cv, int64_t id)
{
	if (db_user_get(c->db, id, &cv->peer) != 0) {
		cv->peer.id = id;
		return false;
	}
	if (db_block_by(c->db, c->me.id, id, &cv->blocked_by_me) != 0)
		log_warn("cannot read block state: %s", db_errmsg(c->db));
	return true;
}

static void
conv_update(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	if (!load_peer(c, cv, cv->peer.id)) {
		screen_error(c, "This member no longer exists.");
		return;
	}
	conversation_load_new(c, cv);
}

static void
conv_resize(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	(void)c;
	relayout(cv);
	show_sel(cv);
}

/* arg: a pointer to the peer's member id (checked by
 * screen_open_conversation). */
static void *
conv_enter(struct screen_ctx *c, const void *arg)
{
	struct conversation *cv = xcalloc(1, sizeof *cv);

	message_limits_from_config(c->cfg, &cv->lim);
	(void)load_peer(c, cv, *(const int64_t *)arg);
	conversation_load_new(c, cv);
	return cv;
}

static void
conv_leave(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	(void)c;
	db_message_rows_free(cv->rows, cv->n);
	free(cv->heights);
	free(cv->draft);
	free(cv);
}

const struct screen screen_conversation = {
	.name = "conversation", .section = "Messages", .enter = conv_enter,
	.draw = conv_draw, .key = conv_key, .resize = conv_resize, .leave = conv_leave,
	.update = conv_update,
};

/* The stack position of an open conversation with peer_id, or -1. */
static int
find_open(struct screen_ctx *c, int64_t peer_id)
{
	for (size_t i = c->depth; i-- > 0;) {
		const struct conversation *cv = c->stack[i].st;

		if (c->stack[i].s == &screen_conversation && cv != NULL &&
		    cv->peer.id == peer_id)
			return (int)i;
	}
	return -1;
}

bool
screen_open_conversation(struct screen_ctx *c, int64_t peer_id)
{
	struct member peer;
	int open;

	if (peer_id == c->me.id) {
		screen_error(c, "You cannot send messages to yourself.");
		return false;
	}
	if (peer_id <= 0 || db_user_get(c->db, peer_id, &peer) != 0) {
		screen_error(c, "There is no such member.");
		return false;
	}
	/* Conversation -> profile -> m goes back to the conversation instead
	 * of stacking another one (the stack is small). */
	if ((open = find_open(c, peer_id)) >= 0) {
		while (c->depth > (size_t)open + 1)
			screen_pop(c);
		return true;
	}
	screen_push(c, &screen_conversation, &peer_id);
	return true;
}
