/* The conversation screen's actions: reply through the editor (a refused
 * text is kept for the next try), delete a message for oneself, flag one
 * to the moderators, archive; see screen-conversation.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-block.h"
#include "db/db-message.h"
#include "db/db-probation.h"
#include "db/db-rate.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/message.h"
#include "screens/screen-conversation.h"
#include "screens/screen-flag.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-edit.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

static void open_reply(struct screen_ctx *c, struct conversation *cv);

static void
reply_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct conversation *cv = arg;
	enum message_refusal why = MESSAGE_SENT;
	char msg[320];
	int r;

	if (text == NULL)
		return;
	if (cv->conv != 0)
		r = db_message_reply(c->db, c->me.id, cv->conv, text, &cv->lim, NULL, &why);
	else
		r = db_message_send(c->db, c->me.id, cv->peer.id, text, &cv->lim, NULL, &why);
	if (r == 0) {
		free(cv->draft);
		cv->draft = NULL;
		conversation_load_new(c, cv);
		conversation_to_bottom(cv);
		screen_info(c, "Message sent to %s.", cv->peer.name);
		return;
	}
	/* Refused: the text stays for the next r, and in the editor opened
	 * again on it where that helps. */
	free(cv->draft);
	cv->draft = xstrdup(text);
	if (r == ERR_INTERNAL)
		snprintf(msg, sizeof msg, "The message could not be sent just now; your text is "
		    "kept: try again.");
	else if (why == MESSAGE_PROBATION)
		snprintf(msg, sizeof msg, "%s Your text is kept.",
		    db_probation_why(c->db, c->me.id, PROBATION_MESSAGES));
	else if (why == MESSAGE_RATE)
		db_rate_why(c->db, c->me.id, RATE_MESSAGES, &cv->lim.rate, msg, sizeof msg);
	else
		message_refusal_text(why, cv->peer.name, &cv->lim, msg, sizeof msg);
	/* What waiting or editing mends (too fast, too long, the database)
	 * keeps the editor open, as on the boards; a block or an account that
	 * may not send closes it, and r gives the text back. */
	if (r == ERR_INTERNAL || why == MESSAGE_RATE || why == MESSAGE_PROBATION ||
	    why == MESSAGE_TOO_LONG || why == MESSAGE_BAD_TEXT || why == MESSAGE_EMPTY)
		open_reply(c, cv);
	screen_error(c, "%s", msg);
}

/* Refusals a member can hear before typing; the data layer decides again
 * when the message is sent. */
static bool
may_write(struct screen_ctx *c, struct conversation *cv)
{
	bool blocked = false;
	char msg[320];

	if (!screen_can_post(c)) {
		message_refusal_text(MESSAGE_NOT_ACTIVE, NULL, &cv->lim, msg, sizeof msg);
		screen_error(c, "%s", msg);
		return false;
	}
	if (db_block_between(c->db, c->me.id, cv->peer.id, &blocked) == 0 && blocked) {
		message_refusal_text(MESSAGE_BLOCKED, cv->peer.name, &cv->lim, msg, sizeof msg);
		screen_error(c, "%s", msg);
		return false;
	}
	return true;
}

void
conversation_reply(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	if (may_write(c, cv))
		open_reply(c, cv);
}

/* The editor for a message to the peer, on cv->draft (NULL: empty). */
static void
open_reply(struct screen_ctx *c, struct conversation *cv)
{
	char title[MEMBER_NAME_SZ + 32];
	char key[64];
	struct ui_edit_req req;

	snprintf(title, sizeof title, "Message to %s", cv->peer.name);
	/* A dropped connection gives the unsent message back next time. */
	snprintf(key, sizeof key, "msg:%lld", (long long)cv->peer.id);
	memset(&req, 0, sizeof req);
	req.draft_key = key;
	req.title = title;
	req.text = cv->draft;
	req.max_chars = cv->lim.max_chars;
	req.done = reply_done;
	req.arg = cv;
	ui_edit_open(c, &req);
}

static void
delete_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct conversation *cv = arg;

	if (!yes || cv->sel >= cv->n)
		return;
	if (db_message_delete(c->db, c->me.id, cv->rows[cv->sel].id) != 0) {
		screen_error(c, "The message could not be deleted.");
		return;
	}
	screen_info(c, "Message deleted for you; %s still has it.", cv->peer.name);
	conversation_reload(c, cv);
}

void
conversation_ask_delete(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	if (cv->n == 0)
		return;
	screen_ask(c, "Delete the selected message for you? [y/n]", delete_answer, cv);
}

void
conversation_open_flag(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;
	struct flag_open o = { .kind = FLAG_MESSAGE };

	if (cv->n == 0)
		return;
	if (cv->rows[cv->sel].sender_id == c->me.id) {
		screen_error(c, "That is your own message; select one from %s to flag.",
		    cv->peer.name);
		return;
	}
	o.target_id = cv->rows[cv->sel].id;
	(void)text_appendf(o.label, sizeof o.label, NULL, "a message from %s", cv->peer.name);
	screen_push(c, &screen_flag, &o);
}

void
conversation_view_profile(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;

	screen_push(c, &screen_profile, &cv->peer.id);
}

static void
archive_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct conversation *cv = arg;
	char name[MEMBER_NAME_SZ];

	if (!yes)
		return;
	if (db_message_archive(c->db, c->me.id, cv->conv, true) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	/* Popping frees cv: keep what the message needs first. */
	text_copy(name, sizeof name, cv->peer.name);
	screen_pop(c);
	screen_info(c, "Conversation with %s archived; a new message brings it back.", name);
}

/* Asks first: archiving closes the conversation and takes it off the inbox. */
void
conversation_archive(struct screen_ctx *c, void *st)
{
	struct conversation *cv = st;
	char q[MEMBER_NAME_SZ + 80];

	if (cv->conv == 0) {
		screen_error(c, "Nothing to archive yet.");
		return;
	}
	snprintf(q, sizeof q, "Archive your conversation with %s? [y/n]", cv->peer.name);
	screen_ask(c, q, archive_answer, cv);
}
