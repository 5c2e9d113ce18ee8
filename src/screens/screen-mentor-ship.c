/* One mentorship: who, state, the request message, the answer note,
 * progress against the program's expectation and recent check-ins, with
 * the moves this member may make now. The message and the check-ins are
 * one text that takes the rows left and scrolls (Up/Down/PgUp/PgDn), so a
 * mentor reads a whole request before answering it. Answers and endings ask for a note,
 * a reason from a list and a fit rating in small modes of this screen.
 * What is legal is the rules' transition table: this screen offers what
 * mentor_may allows, and the data layer, asking the same table, refuses
 * the rest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-mentor-search.h"
#include "db/db-mentor.h"
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

enum mode { M_VIEW, M_ACCEPT_NOTE, M_DECLINE_REASON, M_DECLINE_NOTE, M_END_REASON, M_END_FIT };

struct ship {
	int64_t id;
	bool loaded;
	struct mentorship s;
	struct mentor_checkin *checkins;
	size_t ncheckins;
	char *body;		/* message, then check-ins: what scrolls */
	size_t top, total, rows;	/* scroll position, wrapped lines, rows shown */
	enum mode mode;
	struct ui_line line;
	struct ui_list pick;
	const char *reason;
};

/* The scrolling text: the request message, then one paragraph per
 * check-in (wrapped, not cut, so a long note is read in full). */
static void
build_body(struct ship *p)
{
	char line[MENTOR_CHECKIN_SZ + MEMBER_NAME_SZ + 128], when[32];
	size_t sz = strlen(p->s.message) + 32 + p->ncheckins * sizeof line, len;

	free(p->body);
	p->body = xmalloc(sz);
	len = (size_t)snprintf(p->body, sz, "%s", p->s.message);
	if (p->ncheckins > 0 && len < sz)
		len += (size_t)snprintf(p->body + len, sz - len, "\n\nCheck-ins:");
	for (size_t i = 0; i < p->ncheckins && len < sz; i++) {
		const struct mentor_checkin *k = &p->checkins[i];

		screen_date(when, sizeof when, k->created_at);
		snprintf(line, sizeof line, "%s %s: %s%s%s%s%s", when, k->author_name,
		    k->met ? "met" : "did not meet", k->next_date[0] ? ", next " : "",
		    k->next_date, k->note[0] ? " - " : "", k->note);
		len += (size_t)snprintf(p->body + len, sz - len, "\n%s", line);
	}
}

static void
load(struct screen_ctx *c, struct ship *p)
{
	free(p->checkins);
	p->checkins = NULL;
	p->ncheckins = 0;
	p->loaded = db_mentor_get(c->db, c->me.id, p->id, &p->s) == 0;
	if (p->loaded && db_mentor_checkins(c->db, c->me.id, p->id, &p->checkins,
	    &p->ncheckins) != 0)
		p->ncheckins = 0;
	if (p->loaded)
		build_body(p);
}

/* After a move: a message either way, and the fresh state. */
static void
moved(struct screen_ctx *c, struct ship *p, int r, const char *done)
{
	p->mode = M_VIEW;
	ui_line_close(&p->line);
	if (r == 0)
		screen_info(c, "%s", done);
	else if (r == ERR_FULL)
		screen_error(c, "You have no room left: raise Max mentees in your profile or "
		    "end one first.");
	else
		screen_error(c, "Not done: %s.", db_mentor_refusal_in(c->db, c->me.id, p->id, r));
	load(c, p);
}

static void
do_accept(struct screen_ctx *c, void *st)
{
	struct ship *p = st;

	(void)c;
	p->mode = M_ACCEPT_NOTE;
	ui_line_open(&p->line, "", MENTOR_NOTE_MAX, false);
}

static void
do_decline(struct screen_ctx *c, void *st)
{
	struct ship *p = st;

	(void)c;
	p->mode = M_DECLINE_REASON;
	memset(&p->pick, 0, sizeof p->pick);
	p->pick.n = mentor_decline_reasons_n;
}

static void
withdraw_answer(struct screen_ctx *c, void *arg, bool yes)
{
	if (yes)
		moved(c, arg, db_mentor_withdraw(c->db, c->me.id, ((struct ship *)arg)->id),
		    "Request withdrawn.");
}

static void
do_withdraw(struct screen_ctx *c, void *st)
{
	screen_ask(c, "Withdraw your request? [y/n]", withdraw_answer, st);
}

static void
pause_or_resume(struct screen_ctx *c, struct ship *p, bool pause)
{
	moved(c, p, db_mentor_pause(c->db, c->me.id, p->id, pause), pause ?
	    "Mentorship paused; r resumes it." : "Mentorship resumed.");
}

static void
do_pause(struct screen_ctx *c, void *st)
{
	pause_or_resume(c, st, true);
}

static void
do_resume(struct screen_ctx *c, void *st)
{
	pause_or_resume(c, st, false);
}

static void
do_end(struct screen_ctx *c, void *st)
{
	struct ship *p = st;

	(void)c;
	p->mode = M_END_REASON;
	memset(&p->pick, 0, sizeof p->pick);
	p->pick.n = mentor_end_reasons_n;
}

static void
do_checkin(struct screen_ctx *c, void *st)
{
	struct ship *p = st;

	screen_push(c, &screen_mentor_checkin, &p->id);
}

static void
do_message(struct screen_ctx *c, void *st)
{
	screen_open_conversation(c, ((struct ship *)st)->s.other_id);
}

static void
do_profile(struct screen_ctx *c, void *st)
{
	screen_push(c, &screen_profile, &((struct ship *)st)->s.other_id);
}

/* This member's side of the mentorship, as the transition table names it. */
static enum mentor_side
my_side(const struct mentorship *s)
{
	return s->i_am_mentor ? MSIDE_MENTOR : MSIDE_MENTEE;
}

/* What a key is offered for: a move of the table, a check-in, or always. */
enum offer { O_MOVE, O_CHECKIN, O_ALWAYS };

/* Every key. A move is offered when mentor_may says this member's side
 * may make it now: the same table the data layer checks, so the hints
 * show exactly what would be done. */
static const struct action {
	struct ui_binding b;
	enum offer when;
	enum mentor_action move;	/* O_MOVE only */
} actions[] = {
	{ { 'a', 'A', "a accept", do_accept }, O_MOVE, MA_ACCEPT },
	{ { 'd', 'D', "d decline", do_decline }, O_MOVE, MA_DECLINE },
	{ { 'w', 'W', "w withdraw", do_withdraw }, O_MOVE, MA_WITHDRAW },
	{ { 'c', 'C', "c check-in", do_checkin }, O_CHECKIN, MA_COUNT },
	{ { 'p', 'P', "p pause", do_pause }, O_MOVE, MA_PAUSE },
	{ { 'r', 'R', "r resume", do_resume }, O_MOVE, MA_RESUME },
	{ { 'e', 'E', "e end", do_end }, O_MOVE, MA_END },
	{ { 'm', 'M', "m message", do_message }, O_ALWAYS, MA_COUNT },
	{ { 'v', 'V', "v profile", do_profile }, O_ALWAYS, MA_COUNT },
};
#define NACTIONS (sizeof actions / sizeof actions[0])

static bool
is_offered(const struct action *a, const struct mentorship *s)
{
	switch (a->when) {
	case O_MOVE:
		return mentor_may(s->state, a->move, my_side(s));
	case O_CHECKIN:
		return mentor_may_checkin(s->state);
	case O_ALWAYS:
		break;
	}
	return true;
}

/* The bindings offered now, for hints and keys. */
static size_t
offered(const struct ship *p, struct ui_binding *out)
{
	size_t n = 0;

	for (size_t i = 0; i < NACTIONS; i++)
		if (is_offered(&actions[i], &p->s))
			out[n++] = actions[i].b;
	return n;
}

/* The message and check-ins from p->top in the rows from y to last, with
 * a marker on the heading row when there is more above or below. */
static void
draw_body(struct ship *p, int y, int last)
{
	size_t cols = (size_t)ui_cols() - 4;
	int rows = last - y;	/* y is the heading row */

	ui_draw_text(y, 2, "Request message:", cols, UI_A_BOLD);
	p->rows = rows > 1 ? (size_t)rows : 1;
	p->total = ui_draw_wrapped(y + 1, 4, (int)p->rows, cols - 2, p->body, p->top,
	    UI_A_NORMAL);
	if (p->top + p->rows < p->total)
		ui_draw_text(y, 20, p->top > 0 ? "(more: PgDn, back: PgUp)" : "(more: PgDn)",
		    cols > 18 ? cols - 18 : 0, UI_A_DIM);
	else if (p->top > 0)
		ui_draw_text(y, 20, "(end; back: PgUp)", cols > 18 ? cols - 18 : 0, UI_A_DIM);
}

static void
draw_pick(const struct ship *p, int y)
{
	const struct mentor_reason *list = p->mode == M_DECLINE_REASON ?
	    mentor_decline_reasons : mentor_end_reasons;

	ui_draw_text(y++, 2, p->mode == M_DECLINE_REASON ? "Why decline? (kept private: "
	    "the member only hears you could not take them on)" : "Why end it?",
	    (size_t)ui_cols() - 4, UI_A_BOLD);
	for (size_t i = 0; i < p->pick.n; i++, y++) {
		bool sel = i == p->pick.sel;

		if (sel)
			ui_draw_chosen(y, 3, 50);
		ui_draw_text(y, 4, list[i].label, 48, sel ? UI_A_SELECT : UI_A_NORMAL);
	}
}

static void
draw_mode(struct screen_ctx *c, struct ship *p, int y)
{
	size_t cols = (size_t)ui_cols() - 4;

	switch (p->mode) {
	case M_ACCEPT_NOTE:
	case M_DECLINE_NOTE:
		ui_draw_text(y, 2, p->mode == M_ACCEPT_NOTE ? "A note with your answer "
		    "(optional), then Enter to accept:" : "A note (optional, not shown to them), "
		    "then Enter to decline:", cols, UI_A_BOLD);
		ui_line_draw(&p->line, y + 1, 2, cols, "> ");
		screen_hints(c, "Enter confirm  Esc cancel");
		break;
	case M_DECLINE_REASON:
	case M_END_REASON:
		draw_pick(p, y);
		screen_hints(c, "Up/Down choose  Enter pick  Esc cancel");
		break;
	case M_END_FIT:
		ui_draw_text(y, 2, "How good a fit was it, 1 (poor) to 5 (great)? Only the "
		    "sysops see this.", cols, UI_A_BOLD);
		screen_hints(c, "1-5 rate and end  Esc cancel");
		break;
	case M_VIEW:
		break;
	}
}

static void
ship_draw(struct screen_ctx *c, void *st)
{
	struct ship *p = st;
	struct ui_binding b[NACTIONS];
	size_t cols = (size_t)ui_cols() - 4, nb;
	char line[MENTOR_NOTE_SZ + MEMBER_NAME_SZ + 64], when[32];
	int y = UI_BODY_TOP + 1, last = ui_msg_row() - 1;

	if (!p->loaded) {
		ui_draw_text(y, 2, "This mentorship is not there any more.", cols, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(line, sizeof line, "%s %s", p->s.i_am_mentor ? "Mentoring" : "Mentored by",
	    p->s.other_name);
	ui_draw_text(y++, 2, line, cols, UI_A_TITLE);
	screen_date(when, sizeof when, p->s.created_at);
	snprintf(line, sizeof line, "State: %s.  Requested %s.", mentor_state_label(p->s.state),
	    when);
	ui_draw_text(++y, 2, line, cols, UI_A_BOLD);
	if (mentor_state_ran(p->s.state)) {
		mentor_progress(p->s.state, p->s.meetings, line, sizeof line);
		ui_draw_text(++y, 2, line, cols, UI_A_INFO);
	}
	if (p->s.answer_note[0] != '\0') {
		snprintf(line, sizeof line, "Note with the answer: %s", p->s.answer_note);
		ui_draw_text(++y, 2, line, cols, UI_A_NORMAL);
	}
	y += 2;
	if (p->mode != M_VIEW) {
		draw_mode(c, p, y);
		return;
	}
	/* A refresh may have shortened the text: keep top in range. */
	if (p->total > 0 && p->rows > 0 && p->top + p->rows > p->total)
		p->top = p->total > p->rows ? p->total - p->rows : 0;
	draw_body(p, y, last);
	nb = offered(p, b);
	screen_key_hints(c, b, nb, "  q back");
}

/* Keys while a note is typed. */
static void
note_key(struct screen_ctx *c, struct ship *p, int key)
{
	const char *why;
	char note[MENTOR_NOTE_SZ];

	switch (ui_line_key(&p->line, c, key)) {
	case UI_LINE_DONE:
		text_copy(note, sizeof note, ui_line_text(&p->line));
		text_trim(note);
		if (mentor_check_note(note, MENTOR_NOTE_MAX, &why) != 0) {
			screen_refused(c, why);
			return;
		}
		if (p->mode == M_ACCEPT_NOTE)
			moved(c, p, db_mentor_accept(c->db, c->me.id, p->id, note),
			    "Accepted: the mentorship is active. They have been told.");
		else
			moved(c, p, db_mentor_decline(c->db, c->me.id, p->id, p->reason, note),
			    "Declined. They have been told kindly, without your reason.");
		break;
	case UI_LINE_CANCEL:
		ui_line_close(&p->line);
		p->mode = M_VIEW;
		break;
	case UI_LINE_EDITING:
		break;
	}
}

static void
pick_key(struct ship *p, int key)
{
	if (ui_list_key(&p->pick, key, p->pick.n))
		return;
	if (key == UI_KEY_ESC || key == 'q') {
		p->mode = M_VIEW;
	} else if (key == UI_KEY_ENTER && p->mode == M_DECLINE_REASON) {
		p->reason = mentor_decline_reasons[p->pick.sel].code;
		p->mode = M_DECLINE_NOTE;
		ui_line_open(&p->line, "", MENTOR_NOTE_MAX, false);
	} else if (key == UI_KEY_ENTER) {
		p->reason = mentor_end_reasons[p->pick.sel].code;
		p->mode = M_END_FIT;
	}
}

static bool
ship_key(struct screen_ctx *c, void *st, int key)
{
	struct ship *p = st;
	struct ui_binding b[NACTIONS];

	if (!p->loaded)
		return false;
	switch (p->mode) {
	case M_ACCEPT_NOTE:
	case M_DECLINE_NOTE:
		note_key(c, p, key);
		return key != UI_KEY_F1;
	case M_DECLINE_REASON:
	case M_END_REASON:
		pick_key(p, key);
		return true;
	case M_END_FIT:
		if (key >= '1' && key <= '5')
			moved(c, p, db_mentor_end(c->db, c->me.id, p->id, p->reason, key - '0'),
			    "The mentorship has ended; it is in your history.");
		else if (key == UI_KEY_ESC || key == 'q')
			p->mode = M_VIEW;
		return true;
	case M_VIEW:
		break;
	}
	if (ui_scroll_key(&p->top, key, p->total, p->rows))
		return true;
	return ui_keys_run(b, offered(p, b), c, st, key);
}

static void
ship_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: pointer to the mentorship id. */
static void *
ship_enter(struct screen_ctx *c, const void *arg)
{
	struct ship *p = xcalloc(1, sizeof *p);

	p->id = *(const int64_t *)arg;
	load(c, p);
	/* Opened: its notices are seen (not on a later update: news that
	 * arrives while it is open still shows in the status bar). */
	if (p->loaded)
		screen_notice_dealt(c, NOTICE_ON_MENTORSHIP, p->id);
	return p;
}

static void
ship_leave(struct screen_ctx *c, void *st)
{
	struct ship *p = st;

	(void)c;
	ui_line_close(&p->line);
	free(p->checkins);
	free(p->body);
	free(p);
}

const struct screen screen_mentor_ship = {
	.name = "mentor-ship", .section = "My mentoring", .enter = ship_enter,
	.draw = ship_draw, .key = ship_key, .leave = ship_leave, .update = ship_update,
};
