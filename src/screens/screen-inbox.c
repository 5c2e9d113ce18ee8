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
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/user.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define PAGE		50		/* conversations read at a time */
#define NAME_COLS	24
#define NEW_COLS	7
#define WHEN_COLS	9

struct inbox {
	bool archived;			/* showing the archive */
};

static void *
inbox_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct inbox));
}

/* A page starts after the last conversation of the one before (keyset:
 * newest message, then id). */
static int
inbox_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct inbox *in = list_ctx(l);
	const struct inbox_row *last = after;
	struct inbox_cursor cur;

	if (last != NULL) {
		cur.last_at = last->last_at;
		cur.conversation_id = last->conversation_id;
	}
	return db_message_inbox(c->db, c->me.id, in->archived, last != NULL ? &cur : NULL,
	    limit, (struct inbox_row **)rows, n);
}

static int64_t
inbox_id(const void *row)
{
	return ((const struct inbox_row *)row)->conversation_id;
}

static void
open_selected(struct screen_ctx *c, void *st)
{
	const struct inbox_row *r = list_selected(st);

	if (r != NULL)
		screen_open_conversation(c, r->peer_id);
}

static void
start_new(struct screen_ctx *c, void *st)
{
	(void)c;
	list_prompt_open(st);
}

/* The To: prompt's Enter: true once the conversation is open. */
static bool
write_to(struct screen_ctx *c, struct list *l, const char *text)
{
	const char *why;
	struct member *m = xcalloc(1, sizeof *m);
	char login[USER_LOGIN_MAX * 4 + 1];
	bool opened = false;

	(void)l;
	if ((why = text_check_line(text, USER_LOGIN_MAX)) != NULL) {
		screen_refused(c, why);
		goto out;
	}
	/* Logins are lower case; "Bob" finds bob, as over SSH. */
	text_copy(login, sizeof login, text);
	text_trim(login);
	(void)user_login_fold(login, sizeof login, login);
	if (db_user_get_by_login(c->db, login, m) != 0) {
		screen_error(c, "There is no member with the login \"%s\".", login);
		goto out;
	}
	/* Oneself is refused there, and the prompt stays open with the text. */
	opened = screen_open_conversation(c, m->id);
out:
	free(m);
	return opened;
}

static void
archive_answer(struct screen_ctx *c, void *arg, bool yes)
{
	const struct inbox *in = list_ctx(arg);
	const struct inbox_row *r = list_selected(arg);

	if (!yes || r == NULL)
		return;
	if (db_message_archive(c->db, c->me.id, r->conversation_id, !in->archived) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, in->archived ? "Moved back to the inbox." :
	    "Archived; a new message brings it back. t shows the archive.");
	list_reload(c, arg);
}

/* Archiving asks first, as every key that puts something away does;
 * bringing one back from the archive does not. */
static void
archive_selected(struct screen_ctx *c, void *st)
{
	const struct inbox *in = list_ctx(st);
	const struct inbox_row *r = list_selected(st);
	char q[MEMBER_NAME_SZ + 80];

	if (r == NULL)
		return;
	if (in->archived) {
		archive_answer(c, st, true);
		return;
	}
	snprintf(q, sizeof q, "Archive your conversation with %s? [y/n]", r->peer_name);
	screen_ask(c, q, archive_answer, st);
}

static void
delete_answer(struct screen_ctx *c, void *arg, bool yes)
{
	const struct inbox_row *r = list_selected(arg);

	if (!yes || r == NULL)
		return;
	if (db_message_delete_conversation(c->db, c->me.id, r->conversation_id) != 0) {
		screen_error(c, "The conversation could not be deleted.");
		return;
	}
	screen_info(c, "Conversation deleted for you; the other member keeps their copy.");
	list_reload(c, arg);
}

static void
ask_delete(struct screen_ctx *c, void *st)
{
	const struct inbox_row *r = list_selected(st);
	char q[MEMBER_NAME_SZ + 80];

	if (r == NULL)
		return;
	snprintf(q, sizeof q, "Delete your conversation with %s? [y/n]", r->peer_name);
	screen_ask(c, q, delete_answer, st);
}

static void
toggle_archive(struct screen_ctx *c, void *st)
{
	struct inbox *in = list_ctx(st);

	in->archived = !in->archived;
	list_restart(c, st);
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

static void
inbox_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct inbox *in = list_ctx(l);
	int y = UI_BODY_TOP + 3;
	char title[96];

	snprintf(title, sizeof title, "%s (%zu%s)", in->archived ? "Archived conversations" :
	    "Inbox", list_count(l), list_more(l) ? "+" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	if (c->live.unread_messages > 0 && !in->archived) {
		snprintf(title, sizeof title, "%lld unread", (long long)c->live.unread_messages);
		ui_draw_text(UI_BODY_TOP + 1, (int)cols - 20, title, 20, UI_A_INFO);
	}
	ui_draw_text(y, 2, "With", NAME_COLS, UI_A_BOLD);
	ui_draw_text(y, 2 + NAME_COLS + 1 + NEW_COLS + 1, "Last", WHEN_COLS, UI_A_BOLD);
	ui_draw_text(y, 2 + NAME_COLS + NEW_COLS + WHEN_COLS + 3, "Message", 20, UI_A_BOLD);
}

static int
inbox_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct inbox_row *r = row;
	bool sel = a == UI_A_SELECT;
	char num[32], when[32], preview[sizeof r->preview + 8];

	(void)c, (void)l, (void)max_rows;
	if (!sel && r->unread > 0)
		a = UI_A_BOLD;
	ui_draw_text(y, x, r->peer_name, NAME_COLS, a);
	x += NAME_COLS + 1;
	if (r->unread > 0) {
		snprintf(num, sizeof num, "%lld new", (long long)r->unread);
		ui_draw_text(y, x, num, NEW_COLS, sel ? a : UI_A_INFO);
	}
	x += NEW_COLS + 1;
	screen_age(when, sizeof when, r->last_at);
	ui_draw_text(y, x, when, WHEN_COLS, sel ? a : UI_A_DIM);
	x += WHEN_COLS + 1;
	snprintf(preview, sizeof preview, "%s%s", r->last_mine ? "You: " : "", r->preview);
	ui_draw_text(y, x, preview, cols - (NAME_COLS + NEW_COLS + WHEN_COLS + 3), a);
	return 1;
}

static const char *
inbox_empty(struct screen_ctx *c, struct list *l)
{
	const struct inbox *in = list_ctx(l);

	(void)c;
	return in->archived ? "Nothing archived." : "No messages yet. Press n to write to a "
	    "member by login, or m on their profile.";
}

static const struct list_prompt to_prompt = {
	.question = "Write to which member? Type their login.", .label = "To: ",
	.hints = "Enter open conversation  Esc cancel", .max_chars = USER_LOGIN_MAX,
	.done = write_to,
};

static const struct list_def inbox_list = {
	.head_rows = 4, .row_size = sizeof(struct inbox_row), .load = inbox_load,
	.page = PAGE, .row_id = inbox_id, .draw_head = inbox_head, .draw_row = inbox_row,
	.empty_text = inbox_empty,
	.load_error = "Your messages could not be read; they will be retried.",
	.keys = inbox_keys, .nkeys = sizeof inbox_keys / sizeof inbox_keys[0],
	.prompt = &to_prompt, .init = inbox_init, .fini = free,
};

const struct screen screen_inbox = {
	.name = "inbox", .section = "Inbox", .list = &inbox_list,
};
