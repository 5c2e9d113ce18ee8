/* One stay request, from either side: its dates, state, counter-proposal,
 * message and references, and only the actions this member may take now
 * (the data layer checks them again). The guest of an accepted stay
 * presses p to see the host's address and phone; each time is logged.
 * While a block stands between the two, only what the block leaves open
 * is offered: decline, cancel, no-show, report, and the view itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-notice.h"
#include "db/db.h"
#include "ui/screen.h"
#include "screens/screen-flag.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

/* The text runs from BODY_TOP to a blank row above the actions (or the
 * open input), which take the row above the message line. */
#define BODY_TOP	(UI_BODY_TOP + 3)
#define TEXT_SZ		16384

enum prompt { P_NONE, P_MAYBE, P_CANCEL, P_NOSHOW, P_PROPOSE };

struct req {
	int64_t id;
	bool loaded;
	enum host_side side;
	struct host_request r;
	struct host_private pv;
	bool shown;		/* private details fetched for this view */
	bool blocked;		/* a block stands between host and guest */
	struct host_reference refs[2];
	size_t nrefs;
	char text[TEXT_SZ];
	size_t top, total;
	enum prompt prompt;
	struct ui_line line;
	char ref_body[HOST_MESSAGE_SZ];
};

static int64_t
other_id(const struct req *v)
{
	return v->side == HOST_SIDE_HOST ? v->r.guest_id : v->r.host_id;
}

static const char *
other_name(const struct req *v)
{
	return v->side == HOST_SIDE_HOST ? v->r.guest_name : v->r.host_name;
}


static void
build(struct req *v)
{
	const struct host_request *r = &v->r;
	char a[16], z[16], pa[16], pz[16], *t = v->text;
	size_t len = 0;

	host_format_day(a, sizeof a, r->arrive);
	host_format_day(z, sizeof z, r->depart);
	t[0] = '\0';
	text_appendf(t, TEXT_SZ, &len, "State: %s\n", host_state_label(r->state));
	if (r->note[0] != '\0')
		text_appendf(t, TEXT_SZ, &len, "Note from %s: %s\n",
		    r->note_by == r->host_id ? r->host_name : r->guest_name, r->note);
	text_appendf(t, TEXT_SZ, &len, "Dates: %s to %s (%lld night%s)%s\n", a, z,
	    (long long)(r->depart - r->arrive), r->depart - r->arrive == 1 ? "" : "s",
	    r->flexible ? ", flexible" : "");
	/* The partner counts among the travellers, as the capacity does. */
	text_appendf(t, TEXT_SZ, &len, "Travellers: %d, %s   Pet allergy: %s\n",
	    r->travellers, r->partner ? "a partner among them" : "no partner",
	    r->pet_allergy ? "yes" : "no");
	text_appendf(t, TEXT_SZ, &len, "Purpose: %s\n", host_purpose_label(r->purpose));
	text_appendf(t, TEXT_SZ, &len, "Programs visited: %s\n", r->programs[0] ? r->programs : "-");
	if (r->accessibility[0] != '\0')
		text_appendf(t, TEXT_SZ, &len, "Accessibility needs: %s\n", r->accessibility);
	if (r->prop_by != 0) {
		host_format_day(pa, sizeof pa, r->prop_arrive);
		host_format_day(pz, sizeof pz, r->prop_depart);
		text_appendf(t, TEXT_SZ, &len,
		    "\nProposal waiting: %s proposes %s to %s, %d traveller%s%s%s%s %s\n",
		    r->prop_by == r->host_id ? r->host_name : r->guest_name, pa, pz,
		    r->prop_travellers, r->prop_travellers == 1 ? "" : "s",
		    r->prop_note[0] != '\0' ? ": \"" : "", r->prop_note,
		    r->prop_note[0] != '\0' ? "\"" : "",
		    r->prop_by != other_id(v) ? "(waiting for the answer)" :
		    r->prop_by == r->host_id ? "(y agree: the stay is accepted, n turn down)" :
		    "(y agree to these dates, n turn down)");
	}
	if (v->shown)
		text_appendf(t, TEXT_SZ, &len, "\nAddress: %s\nPhone: %s\n",
		    v->pv.address[0] ? v->pv.address : "-", v->pv.phone[0] ? v->pv.phone : "-");
	else if (v->side == HOST_SIDE_GUEST && host_private_visible(r->state) && !v->blocked)
		text_appendf(t, TEXT_SZ, &len, "\nPress p to show the host's address and phone.\n");
	text_appendf(t, TEXT_SZ, &len, "\nMessage:\n%s\n", r->message[0] ? r->message : "-");
	for (size_t i = 0; i < v->nrefs; i++) {
		const struct host_reference *f = &v->refs[i];

		text_appendf(t, TEXT_SZ, &len, "\nReference by %s%s:\n%s\n", f->author_name,
		    f->revealed ? "" : " (hidden until both have written or the window closes)",
		    f->visible ? f->body : "");
	}
}

static void
load(struct screen_ctx *c, struct req *v)
{
	v->loaded = db_host_request_get(c->db, c->me.id, v->id, &v->r) == 0;
	if (!v->loaded)
		return;
	v->side = v->r.host_id == c->me.id ? HOST_SIDE_HOST : HOST_SIDE_GUEST;
	/* Unknown counts as blocked: the data layer decides again anyway. */
	if (db_block_between(c->db, v->r.host_id, v->r.guest_id, &v->blocked) != 0)
		v->blocked = true;
	if (v->shown && (!host_private_visible(v->r.state) || v->blocked)) {
		v->shown = false;
		memset(&v->pv, 0, sizeof v->pv);
	}
	v->nrefs = 0;
	if (v->r.state == HS_COMPLETED)
		(void)db_host_reference_list(c->db, c->me.id, v->id, v->refs, &v->nrefs);
	build(v);
}

static bool
party(struct screen_ctx *c, const struct req *v)
{
	return v->loaded && (v->r.host_id == c->me.id || v->r.guest_id == c->me.id);
}

static bool
may(struct screen_ctx *c, const struct req *v, enum host_state to)
{
	const char *why = NULL;

	/* What a block would refuse is not offered while one stands. */
	if (v->blocked && host_move_blocked(to))
		return false;
	return party(c, v) && host_may_move(v->r.state, to, v->side, host_today(db_now()),
	    v->r.arrive, v->r.depart, &why) == 0;
}

static bool
can_maybe(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_TENTATIVE); }
static bool
can_accept(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_ACCEPTED) && v->r.prop_by == 0; }
static bool
can_decline(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_DECLINED); }
static bool
can_confirm(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_CONFIRMED); }
static bool
can_cancel(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_CANCELLED); }
static bool
can_noshow(struct screen_ctx *c, const struct req *v) { return may(c, v, HS_NOSHOW); }

static bool
can_propose(struct screen_ctx *c, const struct req *v)
{
	const char *why = NULL;

	return party(c, v) && !v->blocked && host_may_propose(v->r.state, host_today(db_now()),
	    v->r.arrive, &why) == 0 && (v->r.prop_by == 0 || v->r.prop_by == c->me.id);
}

static bool
can_answer(struct screen_ctx *c, const struct req *v)
{
	return party(c, v) && !v->blocked && v->r.prop_by != 0 && v->r.prop_by != c->me.id &&
	    host_state_open(v->r.state);
}

static bool
can_show(struct screen_ctx *c, const struct req *v)
{
	return party(c, v) && v->side == HOST_SIDE_GUEST && host_private_visible(v->r.state) &&
	    !v->blocked;
}

/* While the window is open and one's own reference is not shown yet. */
static bool
can_reference(struct screen_ctx *c, const struct req *v)
{
	for (size_t i = 0; i < v->nrefs; i++)
		if (v->refs[i].author_id == c->me.id && v->refs[i].revealed)
			return false;
	return party(c, v) && host_reference_open(v->r.state, host_today(db_now()), v->r.depart);
}

static bool
can_contact(struct screen_ctx *c, const struct req *v) { return party(c, v); }

/* Runs a move and reloads; refusals say why. */
static void
move(struct screen_ctx *c, struct req *v, enum host_state to, const char *note)
{
	const char *why = "that did not work; please try again";

	if (db_host_request_move(c->db, c->me.id, v->id, to, note, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	screen_info(c, "Done: the request is now %s.", host_state_label(to));
	load(c, v);
}

static void
open_prompt(struct req *v, enum prompt p)
{
	v->prompt = p;
	ui_line_open(&v->line, NULL, HOST_NOTE_MAX, false);
}

static void do_maybe(struct screen_ctx *c, struct req *v) { (void)c; open_prompt(v, P_MAYBE); }
static void do_cancel(struct screen_ctx *c, struct req *v) { (void)c; open_prompt(v, P_CANCEL); }
static void do_noshow(struct screen_ctx *c, struct req *v) { (void)c; open_prompt(v, P_NOSHOW); }
static void
do_propose(struct screen_ctx *c, struct req *v)
{
	(void)c;
	v->prompt = P_PROPOSE;
	/* Two dates, travellers and the short note. */
	ui_line_open(&v->line, NULL, 32 + HOST_PROP_NOTE_MAX, false);
}
/* The guest flags the host, the host flags the guest (the safety queue). */
static void
do_report(struct screen_ctx *c, struct req *v)
{
	struct flag_open o;

	memset(&o, 0, sizeof o);
	o.kind = v->side == HOST_SIDE_GUEST ? FLAG_HOST : FLAG_GUEST;
	o.target_id = other_id(v);
	(void)text_appendf(o.label, sizeof o.label, NULL, "%s %s", v->side == HOST_SIDE_GUEST ? "your host" :
	    "your guest", other_name(v));
	screen_push(c, &screen_flag, &o);
}
static void do_accept(struct screen_ctx *c, struct req *v) { move(c, v, HS_ACCEPTED, ""); }
static void do_confirm(struct screen_ctx *c, struct req *v) { move(c, v, HS_CONFIRMED, ""); }

static void
decline_answer(struct screen_ctx *c, void *arg, bool yes)
{
	if (yes)
		move(c, arg, HS_DECLINED, "");
}

static void
do_decline(struct screen_ctx *c, struct req *v)
{
	screen_ask(c, "Decline this request? [y/n]", decline_answer, v);
}

static void
answer(struct screen_ctx *c, struct req *v, bool agree)
{
	const char *why = "that did not work; please try again";

	if (db_host_request_answer(c->db, c->me.id, v->id, agree, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	load(c, v);
	if (!agree)
		screen_info(c, "You turned the proposal down.");
	else if (v->r.state == HS_ACCEPTED && v->side == HOST_SIDE_GUEST)
		screen_info(c, "You agreed: the stay is accepted for those dates. c confirms it.");
	else
		screen_info(c, "You agreed: the request has the new dates.");
}

static void do_agree(struct screen_ctx *c, struct req *v) { answer(c, v, true); }
static void do_refuse(struct screen_ctx *c, struct req *v) { answer(c, v, false); }

static void
do_show(struct screen_ctx *c, struct req *v)
{
	if (db_host_private(c->db, c->me.id, v->r.host_id, v->id, &v->pv) != 0) {
		screen_error(c, "The address is not available for this request.");
		return;
	}
	v->shown = true;
	build(v);
	screen_info(c, "Shown; your host can see each time their address was shown.");
}

static void
safe_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct req *v = arg;
	const char *why = "that did not work; please try again";

	if (db_host_reference_write(c->db, c->me.id, v->id, v->ref_body, yes, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	screen_info(c, "Reference saved. It shows when both of you have written, or "
	    "when the window closes.");
	load(c, v);
}

static void
reference_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct req *v = arg;

	if (text == NULL)
		return;
	text_copy(v->ref_body, sizeof v->ref_body, text);
	screen_ask(c, "Did you feel safe? (only the admins see this answer) [y/n]",
	    safe_answer, v);
}

static void
do_reference(struct screen_ctx *c, struct req *v)
{
	char key[64];
	struct ui_edit_req er = { .title = "Reference (public)", .max_chars = HOST_MESSAGE_MAX,
	    .done = reference_done, .arg = v, .draft_key = key };

	snprintf(key, sizeof key, "host:reference:%lld", (long long)v->id);

	for (size_t i = 0; i < v->nrefs; i++)
		if (v->refs[i].author_id == c->me.id)
			er.text = v->refs[i].body;
	ui_edit_open(c, &er);
}

static void
do_message(struct screen_ctx *c, struct req *v)
{
	screen_open_conversation(c, other_id(v));
}

static const struct action {
	int key;
	const char *hint;
	bool (*can)(struct screen_ctx *c, const struct req *v);
	void (*run)(struct screen_ctx *c, struct req *v);
} actions[] = {
	{ 'a', "a accept", can_accept, do_accept },
	{ 't', "t maybe", can_maybe, do_maybe },
	{ 'd', "d decline", can_decline, do_decline },
	{ 'y', "y agree", can_answer, do_agree },
	{ 'n', "n turn down", can_answer, do_refuse },
	{ 'o', "o other dates", can_propose, do_propose },
	{ 'c', "c confirm", can_confirm, do_confirm },
	{ 'p', "p address", can_show, do_show },
	{ 'x', "x cancel", can_cancel, do_cancel },
	{ 'w', "w no-show", can_noshow, do_noshow },
	{ 'r', "r reference", can_reference, do_reference },
	{ 'm', "m message", can_contact, do_message },
	{ '!', "! flag", can_contact, do_report },
};
#define NACTIONS (sizeof actions / sizeof actions[0])

/* "2027-01-10 2027-01-12 2 Free that week": arrival, departure, then
 * travellers (default: as the request has them) and a short note, both
 * optional. */
static bool
send_proposal(struct screen_ctx *c, struct req *v, char *s)
{
	const char *why = NULL;
	char *save = NULL, *a = strtok_r(s, " ", &save), *z = strtok_r(NULL, " ", &save);
	char *rest = save != NULL ? save : (char *)"", *end = NULL;
	int64_t da = 0, dz = 0;
	long n = v->r.travellers;

	if (a == NULL || z == NULL) {
		char from[16], to[16];

		screen_example_day(from, sizeof from, 30);
		screen_example_day(to, sizeof to, 32);
		screen_error(c, "Type arrival and departure, then travellers and a short note if "
		    "you like, e.g. %s %s 2 Free that week.", from, to);
		return false;
	}
	if (host_parse_day(a, &da, &why) != 0 || host_parse_day(z, &dz, &why) != 0) {
		screen_error(c, "Dates: %s.", why);
		return false;
	}
	while (*rest == ' ')
		rest++;
	/* A number first is the travellers; everything after is the note. */
	if (*rest >= '0' && *rest <= '9') {
		n = strtol(rest, &end, 10);
		if (*end == ' ' || *end == '\0')
			rest = end;
		else
			n = v->r.travellers;
	}
	while (*rest == ' ')
		rest++;
	if (db_host_request_propose(c->db, c->me.id, v->id, da, dz, (int)n, rest, &why) != 0) {
		screen_refused(c, why != NULL ? why : "that did not work; please try again");
		return false;
	}
	screen_info(c, "Proposal sent to %s.", other_name(v));
	load(c, v);
	return true;
}

static bool
prompt_done(struct screen_ctx *c, struct req *v)
{
	char s[1024];
	const char *e;

	text_copy(s, sizeof s, ui_line_text(&v->line));
	text_trim(s);
	if ((e = text_check_line(s, 200)) != NULL) {
		screen_error(c, "That text %s.", e);
		return false;
	}
	switch (v->prompt) {
	case P_PROPOSE:
		return send_proposal(c, v, s);
	case P_CANCEL:
	case P_NOSHOW:
		if (s[0] == '\0') {
			screen_error(c, "Please give a reason.");
			return false;
		}
		move(c, v, v->prompt == P_CANCEL ? HS_CANCELLED : HS_NOSHOW, s);
		return true;
	case P_MAYBE:
		move(c, v, HS_TENTATIVE, s);
		return true;
	case P_NONE:
		break;
	}
	return true;
}

static const char *
prompt_label(enum prompt p)
{
	switch (p) {
	case P_MAYBE: return "Note for the guest: ";
	case P_CANCEL: return "Reason for cancelling: ";
	case P_NOSHOW: return "What happened: ";
	case P_PROPOSE: return "Arrival Departure [Travellers] [Note]: ";
	case P_NONE: break;
	}
	return "";
}

static void
req_draw(struct screen_ctx *c, void *st)
{
	struct req *v = st;
	size_t cols = (size_t)ui_cols() - 4, len = 0;
	char title[MEMBER_NAME_SZ + 48], hints[256];

	if (!v->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This request is not available.", cols, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	if (v->side == HOST_SIDE_HOST)
		snprintf(title, sizeof title, "Request from %s", v->r.guest_name);
	else
		snprintf(title, sizeof title, "Your stay with %s", v->r.host_name);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	v->total = ui_draw_wrapped(BODY_TOP, 2, (int)ui_page_rows(BODY_TOP, 1), cols, v->text,
	    v->top, UI_A_NORMAL);
	if (v->line.active) {
		ui_line_draw(&v->line, ui_msg_row() - 1, 2, cols, prompt_label(v->prompt));
		screen_hints(c, "Enter send  Esc cancel");
		return;
	}
	/* The actions get a row of their own: the status bar is shared with
	 * the notices and would cut them. */
	hints[0] = '\0';
	for (size_t i = 0; i < NACTIONS; i++)
		if (actions[i].can(c, v))
			text_appendf(hints, sizeof hints, &len, "%s  ", actions[i].hint);
	ui_draw_text(ui_msg_row() - 1, 2, hints, cols, UI_A_INFO);
	screen_hints(c, "Up/Down scroll  q back  ? help");
}

static bool
req_key(struct screen_ctx *c, void *st, int key)
{
	struct req *v = st;

	if (v->line.active) {
		if (ui_line_prompt(&v->line, c, key) == UI_LINE_DONE && prompt_done(c, v))
			ui_line_close(&v->line);
		return key != UI_KEY_F1;
	}
	if (!v->loaded)
		return false;
	if (ui_scroll_key(&v->top, key, v->total, ui_page_rows(BODY_TOP, 1)))
		return true;
	for (size_t i = 0; i < NACTIONS; i++) {
		int k = actions[i].key;

		if ((key == k || (k >= 'a' && k <= 'z' && key == k - 'a' + 'A')) &&
		    actions[i].can(c, v)) {
			actions[i].run(c, v);
			return true;
		}
	}
	return false;
}

static void
req_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: pointer to the request id. */
static void *
req_enter(struct screen_ctx *c, const void *arg)
{
	struct req *v = xcalloc(1, sizeof *v);

	v->id = *(const int64_t *)arg;
	load(c, v);
	/* Opened: its notices are seen (news that arrives while it is open
	 * still shows in the status bar). */
	if (v->loaded)
		screen_notice_dealt(c, NOTICE_ON_HOST_REQUEST, v->id);
	return v;
}

static void
req_leave(struct screen_ctx *c, void *st)
{
	struct req *v = st;

	(void)c;
	ui_line_close(&v->line);
	free(v);
}

const struct screen screen_host_req = {
	.name = "host-req", .section = "HOST request", .enter = req_enter,
	.draw = req_draw, .key = req_key, .leave = req_leave, .update = req_update,
};
