/* The inbox: one's private conversations, newest message first, with the
 * unread count of each; the archive behind t. Enter opens one, n writes to
 * a member by login, a archives (or brings back), d deletes for oneself,
 * B lists the members one has blocked. The list reloads when another
 * session writes, so a new message moves its conversation to the top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-message.h"
#include "db/db-user.h"
#include "db/db.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define PAGE		50		/* conversations loaded at a time */
#define NAME_COLS	24
#define NEW_COLS	7
#define WHEN_COLS	9

struct inbox {
	struct inbox_row *rows;
	size_t n;
	bool more;			/* the last page was full: there may be more */
	bool archived;			/* showing the archive */
	struct ui_list list;
	struct ui_line to;		/* "n": the login to write to */
};

static size_t
page_rows(const struct inbox *in)
{
	int rows = ui_msg_row() - LIST_TOP - (in->to.active ? 3 : 1);

	return rows > 0 ? (size_t)rows : 1;
}

/* Reads the first `want` conversations again (the ones already shown, so
 * the selection stays where it was). */
static void
load(struct screen_ctx *c, struct inbox *in, size_t want)
{
	struct inbox_row *rows = NULL;
	size_t n = 0;
	int64_t keep = in->list.sel < in->n ? in->rows[in->list.sel].conversation_id : 0;

	if (want < PAGE)
		want = PAGE;
	if (db_message_inbox(c->db, c->me.id, in->archived, NULL, want, &rows, &n) != 0) {
		screen_error(c, "Your messages could not be read; they will be retried.");
		return;
	}
	free(in->rows);
	in->rows = rows;
	in->n = n;
	in->more = n == want;
	for (size_t i = 0; i < n; i++)
		if (rows[i].conversation_id == keep)
			in->list.sel = i;
	ui_list_resize(&in->list, n, page_rows(in));
}

/* Appends the next page once the selection reaches the end. */
static void
load_more(struct screen_ctx *c, struct inbox *in)
{
	struct inbox_row *rows = NULL;
	struct inbox_cursor cur;
	size_t n = 0;

	if (!in->more || in->n == 0 || in->list.sel + 1 < in->n)
		return;
	cur.last_at = in->rows[in->n - 1].last_at;
	cur.conversation_id = in->rows[in->n - 1].conversation_id;
	if (db_message_inbox(c->db, c->me.id, in->archived, &cur, PAGE, &rows, &n) != 0)
		return;
	in->more = n == PAGE;
	in->rows = xreallocarray(in->rows, in->n + n + 1, sizeof *in->rows);
	memcpy(in->rows + in->n, rows, n * sizeof *rows);
	in->n += n;
	free(rows);
	ui_list_resize(&in->list, in->n, page_rows(in));
}

static void
open_selected(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;

	if (in->list.sel < in->n)
		screen_open_conversation(c, in->rows[in->list.sel].peer_id);
}

static void
start_new(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;

	(void)c;
	ui_line_open(&in->to, NULL, USER_LOGIN_MAX, false);
}

static void
write_to(struct screen_ctx *c, struct inbox *in)
{
	const char *why;
	struct member *m = xcalloc(1, sizeof *m);
	char login[USER_LOGIN_MAX * 4 + 1];
	int64_t id;

	if ((why = text_check_line(ui_line_text(&in->to), USER_LOGIN_MAX)) != NULL) {
		screen_refused(c, why);
		goto out;
	}
	/* Logins are lower case; "Bob" finds bob. */
	text_copy(login, sizeof login, ui_line_text(&in->to));
	text_trim(login);
	for (char *p = login; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (db_user_get_by_login(c->db, login, m) != 0) {
		screen_error(c, "There is no member with the login \"%s\".", login);
		goto out;
	}
	id = m->id;
	ui_line_close(&in->to);
	screen_open_conversation(c, id);
out:
	free(m);
}

static void
archive_selected(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;
	const struct inbox_row *r;

	if (in->list.sel >= in->n)
		return;
	r = &in->rows[in->list.sel];
	if (db_message_archive(c->db, c->me.id, r->conversation_id, !in->archived) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, in->archived ? "Moved back to the inbox." :
	    "Archived; a new message brings it back. t shows the archive.");
	load(c, in, in->n);
}

static void
delete_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct inbox *in = arg;

	if (!yes || in->list.sel >= in->n)
		return;
	if (db_message_delete_conversation(c->db, c->me.id,
	    in->rows[in->list.sel].conversation_id) != 0) {
		screen_error(c, "The conversation could not be deleted.");
		return;
	}
	screen_info(c, "Conversation deleted for you; the other member keeps their copy.");
	load(c, in, in->n);
}

static void
ask_delete(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;
	char q[MEMBER_NAME_SZ + 80];

	if (in->list.sel >= in->n)
		return;
	snprintf(q, sizeof q, "Delete your conversation with %s? [y/n]",
	    in->rows[in->list.sel].peer_name);
	screen_ask(c, q, delete_answer, in);
}

static void
toggle_archive(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;

	in->archived = !in->archived;
	in->list.sel = in->list.top = 0;
	load(c, in, PAGE);
}

static void
open_blocked(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_blocked, NULL);
}

static const struct ui_binding inbox_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_selected },
	{ 'n', 'N', "n new", start_new },
	{ 'a', 'A', "a archive", archive_selected },
	{ 'd', UI_KEY_DELETE, "d delete", ask_delete },
	{ 't', 'T', "t archived", toggle_archive },
	{ 'B', 0, "B blocked", open_blocked },
};
#define INBOX_KEYS_N (sizeof inbox_keys / sizeof inbox_keys[0])

static void
draw_row(const struct inbox_row *r, int y, bool sel)
{
	enum ui_attr a = sel ? UI_A_SELECT : (r->unread > 0 ? UI_A_BOLD : UI_A_NORMAL);
	size_t cols = (size_t)ui_cols() - 4, x = 2;
	char num[32], when[32], preview[sizeof r->preview + 8];

	if (sel)
		ui_draw_fill(y, 1, cols + 2, a);
	ui_draw_text(y, (int)x, r->peer_name, NAME_COLS, a);
	x += NAME_COLS + 1;
	if (r->unread > 0) {
		snprintf(num, sizeof num, "%lld new", (long long)r->unread);
		ui_draw_text(y, (int)x, num, NEW_COLS, sel ? a : UI_A_INFO);
	}
	x += NEW_COLS + 1;
	screen_age(when, sizeof when, r->last_at);
	ui_draw_text(y, (int)x, when, WHEN_COLS, sel ? a : UI_A_DIM);
	x += WHEN_COLS + 1;
	snprintf(preview, sizeof preview, "%s%s", r->last_mine ? "You: " : "", r->preview);
	ui_draw_text(y, (int)x, preview, cols + 2 - x, a);
}

static void
inbox_draw(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;
	size_t page = page_rows(in), cols = (size_t)ui_cols() - 4;
	char title[96];
	int y = ui_msg_row() - 2;

	snprintf(title, sizeof title, "%s (%zu%s)", in->archived ? "Archived conversations" :
	    "Inbox", in->n, in->more ? "+" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	if (c->live.unread_messages > 0 && !in->archived) {
		snprintf(title, sizeof title, "%lld unread", (long long)c->live.unread_messages);
		ui_draw_text(UI_BODY_TOP + 1, (int)cols - 20, title, 20, UI_A_INFO);
	}
	ui_draw_text(LIST_TOP - 1, 2, "With", NAME_COLS, UI_A_BOLD);
	ui_draw_text(LIST_TOP - 1, 2 + NAME_COLS + 1 + NEW_COLS + 1, "Last", WHEN_COLS,
	    UI_A_BOLD);
	ui_draw_text(LIST_TOP - 1, 2 + NAME_COLS + NEW_COLS + WHEN_COLS + 3, "Message",
	    20, UI_A_BOLD);
	if (in->n == 0)
		ui_draw_wrapped(LIST_TOP, 2, 3, cols, in->archived ? "Nothing archived." :
		    "No messages yet. Press n to write to a member by login, or m on "
		    "their profile.", 0, UI_A_DIM);
	for (size_t i = in->list.top; i < in->n && i - in->list.top < page; i++)
		draw_row(&in->rows[i], LIST_TOP + (int)(i - in->list.top), i == in->list.sel);
	if (in->to.active) {
		ui_draw_text(y, 2, "Write to which member? Type their login.", cols, UI_A_BOLD);
		ui_line_draw(&in->to, y + 1, 2, cols, "To: ");
		screen_hints(c, "Enter open conversation  Esc cancel");
		return;
	}
	screen_key_hints(c, inbox_keys, INBOX_KEYS_N, "");
}

static bool
inbox_key(struct screen_ctx *c, void *st, int key)
{
	struct inbox *in = st;

	if (in->to.active) {
		if (ui_line_prompt(&in->to, c, key) == UI_LINE_DONE)
			write_to(c, in);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&in->list, key, page_rows(in))) {
		load_more(c, in);
		return true;
	}
	return ui_keys_run(inbox_keys, INBOX_KEYS_N, c, st, key);
}

static void
inbox_update(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;

	load(c, in, in->n);
}

static void *
inbox_enter(struct screen_ctx *c, const void *arg)
{
	struct inbox *in = xcalloc(1, sizeof *in);

	(void)arg;
	load(c, in, PAGE);
	return in;
}

static void
inbox_leave(struct screen_ctx *c, void *st)
{
	struct inbox *in = st;

	(void)c;
	ui_line_close(&in->to);
	free(in->rows);
	free(in);
}

const struct screen screen_inbox = {
	.name = "inbox",
	.section = "Inbox",
	.enter = inbox_enter,
	.draw = inbox_draw,
	.key = inbox_key,
	.leave = inbox_leave,
	.update = inbox_update,
};
