/* A thread's moderation menu: lock, pin, retitle, move, merge, slow
 * mode, each with a reason (screen-mod-form.h). Shown only to those with
 * the power over the thread's community; every action is checked again
 * in the data layer (db-thread-mod.h), which has the last word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "db/db-board.h"
#include "db/db-staff.h"
#include "db/db-thread-mod.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/moderation.h"
#include "screens/screen-board-mod.h"
#include "screens/screen-mod-form.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

enum action { ACT_LOCK, ACT_PIN, ACT_RETITLE, ACT_MOVE, ACT_MERGE, ACT_SLOW };

struct thread_mod {
	int64_t id;
	struct thread_mod_state s;
	bool loaded;
	struct mod_form form;
};

static void
reload(struct screen_ctx *c, struct thread_mod *m)
{
	m->loaded = db_thread_mod_get(c->db, c->me.id, m->id, &m->s) == 0;
}

void
screen_board_mod_open(struct screen_ctx *c, int64_t thread_id)
{
	struct thread_mod_state s;

	if (db_thread_mod_get(c->db, c->me.id, thread_id, &s) != 0) {
		screen_error(c, "That thread no longer exists.");
		return;
	}
	if (db_staff_require_mod(c->db, c->me.id, s.community_id) != 0) {
		screen_error(c, "Only the moderators of %s and the admins can moderate its "
		    "threads.", s.community);
		return;
	}
	screen_push(c, &screen_thread_mod, &thread_id);
}

bool
screen_board_mod_refusal(struct screen_ctx *c, int64_t community_id, int64_t parent_post_id)
{
	char why[400];

	if (db_thread_mod_refusal(c->db, c->me.id, community_id, parent_post_id, why,
	    sizeof why) != 0)
		return false;
	screen_error(c, "%s", why);
	return true;
}

/* The sentence for a refused action. */
static void
refused(struct screen_ctx *c, int r, const char *why)
{
	if (r == ERR_INVALID && why != NULL)
		screen_refused(c, why);
	else if (r == ERR_DENIED)
		screen_error(c, "You cannot do that: you do not moderate every community it "
		    "touches.");
	else if (r == ERR_STATE)
		screen_error(c, "Nothing to change: the thread is already that way (or another "
		    "moderator just changed it).");
	else if (r == ERR_NOTFOUND)
		screen_error(c, "No such thread or community.");
	else
		screen_error(c, "That did not work; please try again.");
}

static bool
parse_number(const char *s, long long max, long long *out)
{
	char *end;
	long long v;

	if (s[0] == '#')
		s++;
	if (s[0] < '0' || s[0] > '9')
		return false;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

static void
form_done(struct screen_ctx *c, void *owner, struct mod_form *f)
{
	struct thread_mod *m = owner;
	const char *why = NULL, *reason = f->ans[f->n - 1];
	long long num = 0;
	int64_t to = 0;
	int r = ERR_INTERNAL;

	switch (f->action) {
	case ACT_LOCK:
		r = db_thread_mod_lock(c->db, c->me.id, m->id, !m->s.locked, reason, &why);
		break;
	case ACT_PIN:
		r = db_thread_mod_pin(c->db, c->me.id, m->id, !m->s.pinned, reason, &why);
		break;
	case ACT_RETITLE:
		r = db_thread_mod_retitle(c->db, c->me.id, m->id, f->ans[0], reason, &why);
		break;
	case ACT_MOVE:
		if ((r = mod_form_community(c, f->ans[0], &to)) == 0)
			r = db_thread_mod_move(c->db, c->me.id, m->id, to, reason, &why);
		else if (r == ERR_NOTFOUND) {
			screen_error(c, "No community is called \"%s\".", f->ans[0]);
			return;
		}
		break;
	case ACT_MERGE:
		if (!parse_number(f->ans[0], INT64_MAX, &num)) {
			screen_error(c, "Give the number of the thread to merge into (its menu shows "
			    "it as #N).");
			return;
		}
		r = db_thread_mod_merge(c->db, c->me.id, m->id, num, reason, &why);
		if (r == 0) {
			screen_info(c, "Merged: its posts are now in thread #%lld.", num);
			screen_pop(c);
			return;
		}
		break;
	case ACT_SLOW:
		if (!parse_number(f->ans[0], MOD_SLOW_MAX, &num)) {
			screen_error(c, "Slow mode is a number of seconds, 0 (off) to 86400.");
			return;
		}
		r = db_thread_mod_slow(c->db, c->me.id, m->id, (int)num, reason, &why);
		break;
	}
	if (r != 0) {
		refused(c, r, why);
		return;
	}
	screen_info(c, "Done, and recorded in the audit log.");
	reload(c, m);
}

static void
ask(struct thread_mod *m, enum action a, const char *question, const char *label,
    size_t max, const char *initial)
{
	mod_form_start(&m->form, a, question, form_done, m);
	if (label != NULL)
		mod_form_ask(&m->form, label, max, initial);
	mod_form_reason(&m->form);
	mod_form_open(&m->form);
}

static void
do_lock(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	ask(m, ACT_LOCK, m->s.locked ? "Unlock: replies are open again. Why?" :
	    "Lock: no more replies. Why?", NULL, 0, NULL);
}

static void
do_pin(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	ask(m, ACT_PIN, m->s.pinned ? "Unpin: the thread takes its place by activity. Why?" :
	    "Pin: the thread is listed first. Why?", NULL, 0, NULL);
}

static void
do_retitle(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	ask(m, ACT_RETITLE, "A new title for the thread, then why.", "Title: ", BOARD_TITLE_MAX,
	    m->s.title);
}

static void
do_move(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	ask(m, ACT_MOVE, "Move to which community (its name)? You must moderate both.",
	    "Community: ", BOARD_NAME_MAX, NULL);
}

static void
do_merge(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	ask(m, ACT_MERGE, "Merge this thread into thread number (its posts go under that "
	    "thread's first post; this one goes away):", "Into #", 20, NULL);
}

static void
do_slow(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;
	char now[16];

	(void)c;
	snprintf(now, sizeof now, "%d", m->s.slow_seconds);
	ask(m, ACT_SLOW, "Slow mode: seconds between one member's posts here (0 turns it off).",
	    "Seconds: ", 5, now);
}

static const struct ui_binding mod_keys[] = {
	{ 'l', 'L', "l lock/unlock", do_lock },
	{ 'p', 'P', "p pin/unpin", do_pin },
	{ 't', 'T', "t retitle", do_retitle },
	{ 'v', 'V', "v move", do_move },
	{ 'g', 'G', "g merge", do_merge },
	{ 's', 'S', "s slow mode", do_slow },
};

static void *
mod_enter(struct screen_ctx *c, const void *arg)
{
	struct thread_mod *m = xcalloc(1, sizeof *m);

	m->id = *(const int64_t *)arg;
	reload(c, m);
	return m;
}

static void
mod_draw(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;
	size_t cols = (size_t)ui_cols() - 4;
	char line[BOARD_TITLE_SZ + BOARD_NAME_MAX * 4 + 96], slow[48];
	int y = UI_BODY_TOP + 1;

	if (!m->loaded) {
		ui_draw_text(y, 2, "This thread no longer exists.", cols, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(line, sizeof line, "Moderate thread #%lld: %s", (long long)m->s.id, m->s.title);
	ui_draw_text(y++, 2, line, cols, UI_A_TITLE);
	snprintf(line, sizeof line, "In %s, %lld post%s", m->s.community,
	    (long long)m->s.post_count, m->s.post_count == 1 ? "" : "s");
	ui_draw_text(y++, 2, line, cols, UI_A_DIM);
	snprintf(slow, sizeof slow, "off");
	if (m->s.slow_seconds > 0)
		mod_span(slow, sizeof slow, m->s.slow_seconds);
	snprintf(line, sizeof line, "Now: %s, %s, slow mode %s", m->s.locked ? "locked" : "open",
	    m->s.pinned ? "pinned" : "not pinned", slow);
	ui_draw_text(y++, 2, line, cols, UI_A_NORMAL);
	y++;
	for (size_t i = 0; i < sizeof mod_keys / sizeof mod_keys[0]; i++)
		ui_draw_text(y++, 4, mod_keys[i].hint, cols - 2, UI_A_NORMAL);
	y++;
	ui_draw_wrapped(y, 2, 2, cols, "Each action asks for a reason; it goes to the audit log "
	    "with what changed.", 0, UI_A_DIM);
	if (m->form.open) {
		mod_form_draw(&m->form, ui_msg_row() - 3, cols);
		screen_hints(c, "Enter next  Esc cancel");
	} else
		screen_key_hints(c, mod_keys, sizeof mod_keys / sizeof mod_keys[0],
		    "  q back  ? help");
}

static bool
mod_key(struct screen_ctx *c, void *st, int key)
{
	struct thread_mod *m = st;

	if (mod_form_key(&m->form, c, key))
		return true;
	if (!m->loaded)
		return false;
	return ui_keys_run(mod_keys, sizeof mod_keys / sizeof mod_keys[0], c, st, key);
}

static void
mod_update(struct screen_ctx *c, void *st)
{
	reload(c, st);
}

static void
mod_leave(struct screen_ctx *c, void *st)
{
	struct thread_mod *m = st;

	(void)c;
	mod_form_close(&m->form);
	free(m);
}

const struct screen screen_thread_mod = {
	.name = "thread-mod", .section = "Moderation", .enter = mod_enter, .draw = mod_draw,
	.key = mod_key, .update = mod_update, .leave = mod_leave,
};
