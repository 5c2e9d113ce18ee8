/* Request mentorship: the mentor's availability and responsiveness, the
 * member's message (goals, the help wanted) written in the editor, and s
 * to send. A refusal (too long, mentor just filled up, limit reached)
 * says why and keeps the message for another try. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/config.h"
#include "db/db-mentor.h"
#include "db/db-probation.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

struct request {
	int64_t mentor_id;
	bool loaded;
	char name[MEMBER_NAME_SZ];
	struct mentor_avail av;
	int refusal;		/* what sending would say now (ERR_OK: nothing) */
	char *message;		/* what the member wrote so far */
};

static void
load(struct screen_ctx *c, struct request *q)
{
	struct member *m = xcalloc(1, sizeof *m);

	q->loaded = db_user_get(c->db, q->mentor_id, m) == 0 &&
	    db_mentor_avail(c->db, q->mentor_id, &q->av) == 0;
	if (q->loaded)
		text_copy(q->name, sizeof q->name, m->name);
	q->refusal = q->loaded ? db_mentor_may_request(c->db, c->me.id, q->mentor_id,
	    c->cfg->mentoring.max_pending_requests) : ERR_NOTFOUND;
	free(m);
}

/* Says why a request cannot go to this mentor now; true if it cannot. A
 * member learns it before writing, not after. */
static bool
refused_now(struct screen_ctx *c, const struct request *q)
{
	if (q->refusal == ERR_OK || q->refusal == ERR_BUSY)
		return false;
	if (q->refusal == ERR_EXISTS)
		screen_error(c, "You already asked %s, or they mentor you: see My mentoring.",
		    q->name);
	else if (q->refusal == ERR_TOO_FAST)
		screen_error(c, "You cannot ask %s now. %s", q->name,
		    db_probation_why(c->db, c->me.id, PROBATION_REQUESTS));
	else
		screen_error(c, "You cannot ask %s now: %s.", q->name,
		    db_mentor_refusal(q->refusal));
	return true;
}

static void
message_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct request *q = arg;
	const char *why;

	if (text == NULL)
		return;
	free(q->message);
	q->message = xstrdup(text);
	if (mentor_check_message(q->message, &why) != 0)
		screen_refused(c, why);
	else
		screen_info(c, "Message ready: press s to send it to %s.", q->name);
}

static void
edit_message(struct screen_ctx *c, void *st)
{
	struct request *q = st;
	char key[64];
	struct ui_edit_req req = {
		.title = "Your request: goals and the help you want",
		.text = q->message, .max_chars = MENTOR_MESSAGE_MAX,
		.done = message_done, .arg = q, .draft_key = key,
	};

	/* A dropped connection gives the request text back next time. */
	snprintf(key, sizeof key, "mentor:request:%lld", (long long)q->mentor_id);
	if (!refused_now(c, q))
		ui_edit_open(c, &req);
}

static void
send(struct screen_ctx *c, void *st)
{
	struct request *q = st;
	char esc[64], name[MEMBER_NAME_SZ];
	const char *why;
	int r;

	/* The data layer refuses too; this says why. */
	if (screen_post_refusal(c) != NULL) {
		screen_error(c, "%s", screen_post_refusal(c));
		return;
	}
	if (mentor_check_message(q->message != NULL ? q->message : "", &why) != 0) {
		screen_refused(c, why);
		return;
	}
	/* Expired requests must not count against the member's limit. */
	screen_mentor_sweep(c);
	r = db_mentor_request(c->db, c->me.id, q->mentor_id, q->message,
	    c->cfg->mentoring.max_pending_requests, NULL);
	if (r == ERR_FULL) {
		load(c, q);
		screen_error(c, "%s just filled their last place; your message is kept.",
		    q->name);
		return;
	}
	if (r != 0) {
		screen_error(c, "Not sent: %s (message kept).", r == ERR_TOO_FAST ?
		    db_probation_why(c->db, c->me.id, PROBATION_REQUESTS) : db_mentor_refusal(r));
		return;
	}
	log_info("mentorship requested: user=%s mentor=%lld",
	    text_escape_log(esc, sizeof esc, c->me.login), (long long)q->mentor_id);
	/* The screen's state goes with the pop. */
	text_copy(name, sizeof name, q->name);
	screen_pop(c);
	screen_info(c, "Request sent to %s. You will get a notice when they answer.", name);
}

static void
back(struct screen_ctx *c, void *st)
{
	struct request *q = st;

	screen_leave_form(c, q->message != NULL && q->message[0] != '\0',
	    "Discard your message? [y/n]");
}

static const struct ui_binding request_keys[] = {
	{ 'e', UI_KEY_ENTER, "e write message", edit_message },
	{ 's', 'S', "s send", send },
	{ 'q', 'Q', "q back", back },
	{ UI_KEY_ESC, 0, NULL, back },
};

static void
request_draw(struct screen_ctx *c, void *st)
{
	struct request *q = st;
	size_t cols = (size_t)ui_cols() - 4;
	char line[MEMBER_NAME_SZ + 160], room[48], reply[48];
	int y = UI_BODY_TOP + 1, rows;

	if (!q->loaded) {
		ui_draw_text(y, 2, "This member no longer exists.", cols, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(line, sizeof line, "Request mentorship from %s", q->name);
	ui_draw_text(y, 2, line, cols, UI_A_TITLE);
	screen_mentor_room(room, sizeof room, q->av.open, q->av.paused, q->av.active,
	    q->av.max_mentees);
	mentor_reply_label(q->av.reply_secs, reply, sizeof reply);
	snprintf(line, sizeof line, "Mentees: %s.  Last active %s; %s.", room,
	    mentor_last_active(q->av.last_login_at, db_now()), reply);
	ui_draw_text(y + 2, 2, line, cols, UI_A_NORMAL);
	ui_draw_wrapped(y + 3, 2, 2, cols, "Say what your goals are and what help you "
	    "would like (20 to 1000 characters). Press e to write, s to send.", 0, UI_A_DIM);
	ui_draw_text(y + 6, 2, "Your message:", cols, UI_A_BOLD);
	rows = ui_msg_row() - (y + 7) - 1;
	if (q->message == NULL || q->message[0] == '\0')
		ui_draw_text(y + 7, 4, "(not written yet)", cols, UI_A_DIM);
	else if (rows > 0)
		ui_draw_wrapped(y + 7, 4, rows, cols - 2, q->message, 0, UI_A_NORMAL);
	screen_key_hints(c, request_keys, sizeof request_keys / sizeof request_keys[0], "  ? help");
}

static bool
request_key(struct screen_ctx *c, void *st, int key)
{
	struct request *q = st;

	if (!q->loaded)
		return false;
	return ui_keys_run(request_keys, sizeof request_keys / sizeof request_keys[0], c, st,
	    key);
}

static void
request_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: pointer to the mentor's member id. */
static void *
request_enter(struct screen_ctx *c, const void *arg)
{
	struct request *q = xcalloc(1, sizeof *q);

	q->mentor_id = *(const int64_t *)arg;
	load(c, q);
	if (q->loaded && !q->av.open)
		screen_info(c, "%s is not open to mentoring right now.", q->name);
	else if (q->loaded && !q->av.has_room)
		screen_info(c, "%s has no room for a new mentee right now.", q->name);
	else if (q->loaded)
		(void)refused_now(c, q);
	return q;
}

static void
request_leave(struct screen_ctx *c, void *st)
{
	struct request *q = st;

	(void)c;
	free(q->message);
	free(q);
}

const struct screen screen_mentor_request = {
	.name = "mentor-request", .section = "Find a mentor", .enter = request_enter,
	.draw = request_draw, .key = request_key, .leave = request_leave,
	.update = request_update,
};
