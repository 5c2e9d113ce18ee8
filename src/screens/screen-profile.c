/* A member's profile: one's own (with edit, password and keys) or another
 * member's, reached from any list that names them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"
#include "db/db-block.h"
#include "db/db-mentor-search.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "db/db-mentor.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "screens/screen-flag.h"
#include "screens/screen-host-form.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LABEL_COLS 22
#define TEXT_TOP	(UI_BODY_TOP + 3)

struct profile {
	int64_t id;
	bool own;
	bool loaded;
	struct member m;
	size_t nkeys;
	size_t top, total;
	bool blocked;		/* I blocked this member */
	char mentoring[200];	/* room and responsiveness of a mentor, or "" */
};

/* One row of the view: a label and its value; block values (the bio) go
 * on the lines under their label. */
struct entry {
	const char *label;
	const char *value;	/* points into the member or at num */
	char num[32];
	bool block;
};

#define ENTRIES_MAX 32

static const char *
yes_no(bool b)
{
	return b ? "yes" : "no";
}

/* "has room (1 of 3); active this week; replies within a day" for a
 * member open to mentoring, so a mentee sees it wherever the name leads. */
static void
mentoring_line(struct screen_ctx *c, struct profile *p)
{
	struct mentor_avail a;
	char room[64], reply[64];

	p->mentoring[0] = '\0';
	if (!p->m.open_to_mentoring || db_mentor_avail(c->db, p->id, &a) != 0)
		return;
	screen_mentor_room(room, sizeof room, a.open, a.paused, a.active, a.max_mentees);
	mentor_reply_label(a.reply_secs, reply, sizeof reply);
	snprintf(p->mentoring, sizeof p->mentoring, "%s; %s%s; %s", room,
	    a.last_login_at > 0 ? "active " : "not logged in yet",
	    a.last_login_at > 0 ? mentor_last_active(a.last_login_at, db_now()) : "", reply);
}

static void
load(struct screen_ctx *c, struct profile *p)
{
	struct member_key *keys = NULL;
	size_t n = 0;

	if (p->own) {
		p->m = c->me;
		p->loaded = true;
		if (db_key_list(c->db, c->me.id, c->me.id, &keys, &n) == 0) {
			p->nkeys = n;
			db_key_list_free(keys, n);
		}
		return;
	}
	p->loaded = db_user_get(c->db, p->id, &p->m) == 0;
	if (p->loaded)
		mentoring_line(c, p);
	if (p->loaded && db_block_by(c->db, c->me.id, p->id, &p->blocked) != 0)
		log_warn("cannot read block state: %s", db_errmsg(c->db));
}

static size_t
add(struct entry *e, size_t n, const char *label, const char *value, bool block)
{
	e[n].label = label;
	e[n].value = value[0] != '\0' ? value : "-";
	e[n].block = block;
	return n + 1;
}

/* A value formatted into the entry itself: numbers and dates. */
static size_t
add_num(struct entry *e, size_t n, const char *label, const char *num)
{
	snprintf(e[n].num, sizeof e[n].num, "%s", num);
	return add(e, n, label, e[n].num, false);
}

/* The entries shown for p, in order. Account details only to the owner. */
static size_t
entries(const struct profile *p, struct entry *e)
{
	const struct member *m = &p->m;
	char num[32];
	size_t n = 0;

	n = add(e, n, "Display name", m->name, false);
	n = add(e, n, "Login", m->login, false);
	n = add(e, n, "Role", screen_role_label(m->role), false);
	if (m->is_admin)
		n = add(e, n, "Sysop", "yes", false);
	if (p->own) {
		n = add(e, n, "Account", member_status_name(m->status), false);
		n = add(e, n, "Rules accepted", yes_no(m->rules_accepted), false);
	}
	screen_date(num, sizeof num, m->created_at);
	n = add_num(e, n, "Member since", num);
	if (p->own) {
		screen_date(num, sizeof num, m->last_login_at);
		n = add_num(e, n, "Last login", num);
	}
	n = add(e, n, "Degree program(s)", m->programs, false);
	snprintf(num, sizeof num, "%d", m->grad_year);
	n = add_num(e, n, "Graduation year", m->grad_year != 0 ? num : "-");
	n = add(e, n, "Specialty", m->specialty, false);
	n = add(e, n, "Sub-specialty", m->subspecialty, false);
	n = add(e, n, "Position", m->position, false);
	n = add(e, n, "Institution", m->institution, false);
	n = add(e, n, "City", m->city, false);
	n = add(e, n, "Region / state", m->region, false);
	n = add(e, n, "Country", m->country, false);
	/* A student does not mentor: no rows about it. */
	if (m->role != ROLE_STUDENT)
		n = add(e, n, "Open to mentoring", yes_no(m->open_to_mentoring), false);
	if (p->mentoring[0] != '\0')
		n = add(e, n, "Mentoring now", p->mentoring, false);
	n = add(e, n, "Looking for a mentor", yes_no(m->seeking_mentor), false);
	n = add(e, n, "Mentoring topics", m->topics, false);
	if (m->role != ROLE_STUDENT) {
		snprintf(num, sizeof num, "%d", m->max_mentees);
		n = add_num(e, n, "Max mentees", num);
	}
	if (p->own) {
		snprintf(num, sizeof num, "%zu", p->nkeys);
		n = add_num(e, n, "SSH keys", num);
	}
	return add(e, n, "Bio", m->bio, true);
}

/* Draws the visible part of one entry that starts at virtual row v.
 * Returns the rows the entry takes. */
static size_t
draw_entry(const struct entry *e, size_t v, size_t top, size_t rows, int y0)
{
	size_t cols = (size_t)ui_cols(), x = e->block ? 4 : 2 + LABEL_COLS;
	size_t w = cols - x - 2, head = e->block ? 1 : 0, n, skip, shown;

	n = head + ui_draw_wrapped(0, 0, 0, w, e->value, 0, UI_A_NORMAL);
	if (v + n <= top || v >= top + rows)
		return n;
	if (v >= top)
		ui_draw_text(y0 + (int)(v - top), 2, e->label, LABEL_COLS - 1, UI_A_BOLD);
	/* The value's first line sits beside the label, or under it. */
	v += head;
	skip = top > v ? top - v : 0;
	if (v + skip < top + rows) {
		shown = top + rows - (v + skip);
		ui_draw_wrapped(y0 + (int)(v + skip - top), (int)x, (int)shown, w,
		    e->value, skip, UI_A_NORMAL);
	}
	return n;
}

static void
edit_profile(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_profile_edit, NULL);
}

static void
change_password(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_password, NULL);
}

static void
manage_email(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_mail, NULL);
}

static void
display_settings(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_settings, NULL);
}

static void
manage_keys(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_keys, NULL);
}

/* The role is the admins' to verify: a change is a request (screen-roles.c). */
static void
request_role(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_role_request, NULL);
}

static const struct ui_binding own_keys[] = {
	{ 'e', 'E', "e edit", edit_profile },
	{ 'p', 'P', "p password", change_password },
	{ 'k', 'K', "k SSH keys", manage_keys },
	{ 'm', 'M', "m email", manage_email },
	{ 'd', 'D', "d display", display_settings },
	{ 'r', 'R', "r role", request_role },
};

static void
block_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct profile *p = arg;
	int r;

	if (!yes)
		return;
	r = p->blocked ? db_block_remove(c->db, c->me.id, p->id) :
	    db_block_add(c->db, c->me.id, p->id);
	if (r != 0 && r != ERR_NOTFOUND) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	p->blocked = !p->blocked;
	if (p->blocked)
		screen_info(c, "Blocked %s: no messages or requests either way, and "
		    "neither of you finds the other in search.", p->m.name);
	else
		screen_info(c, "Unblocked %s.", p->m.name);
}

static void
toggle_block(struct screen_ctx *c, void *st)
{
	struct profile *p = st;
	char q[MEMBER_NAME_SZ + 64];

	snprintf(q, sizeof q, "%s %s? [y/n]", p->blocked ? "Unblock" : "Block", p->m.name);
	screen_ask(c, q, block_answer, p);
}

static void
request_mentorship(struct screen_ctx *c, void *st)
{
	screen_push(c, &screen_mentor_request, &((struct profile *)st)->id);
}

static void
toggle_bookmark(struct screen_ctx *c, void *st)
{
	struct profile *p = st;
	bool on = false;

	if (db_mentor_bookmarked(c->db, c->me.id, p->id, &on) != 0 ||
	    db_mentor_bookmark(c->db, c->me.id, p->id, !on) != 0)
		screen_error(c, "That did not work; please try again.");
	else
		screen_info(c, on ? "Bookmark removed." : "Bookmarked: find it under Find a "
		    "mentor, b.");
}

static void
send_message(struct screen_ctx *c, void *st)
{
	struct profile *p = st;

	screen_open_conversation(c, p->id);
}

/* The HOST screen says so when this member does not host. */
static void
host_profile(struct screen_ctx *c, void *st)
{
	struct profile *p = st;
	struct host_view_arg a = { p->id, NULL };

	screen_push(c, &screen_host_view, &a);
}

static void
flag_member(struct screen_ctx *c, void *st)
{
	struct profile *p = st;
	struct flag_open o = { .kind = FLAG_MEMBER, .target_id = p->id };

	(void)text_appendf(o.label, sizeof o.label, NULL, "the member %s", p->m.name);
	screen_push(c, &screen_flag, &o);
}

/* Actions on another member's profile; other_hints() names them. */
static const struct ui_binding other_keys[] = {
	{ 'b', 'B', NULL, toggle_block },
	{ 'r', 'R', NULL, request_mentorship },
	{ 'k', 'K', NULL, toggle_bookmark },
	{ 'm', 'M', NULL, send_message },
	{ 'o', 'O', NULL, host_profile },
	{ '!', 0, NULL, flag_member },
};

/* The actions that apply to this member, in the words that fit: mentoring
 * keys only for a mentor, "b unblock" once blocked. (The keys themselves
 * all work; a refusal says why.) */
static void
other_hints(const struct profile *p, char *buf, size_t sz)
{
	snprintf(buf, sz, "m message%s  o HOST  %s  ! flag",
	    p->m.open_to_mentoring ? "  r request mentoring  k bookmark" : "",
	    p->blocked ? "b unblock" : "b block");
}

static void
profile_draw(struct screen_ctx *c, void *st)
{
	struct profile *p = st;
	struct entry e[ENTRIES_MAX];
	char title[MEMBER_NAME_SZ + 48], hints[160];
	size_t n, v = 0, rows = ui_page_rows(TEXT_TOP, 0);

	if (!p->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This member no longer exists.", 60, UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(title, sizeof title, p->own ? "Your profile" : "Profile of %s%s", p->m.name,
	    p->blocked ? " (you blocked this member)" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, (size_t)ui_cols() - 4, UI_A_TITLE);
	n = entries(p, e);
	for (size_t i = 0; i < n; i++)
		v += draw_entry(&e[i], v, p->top, rows, TEXT_TOP);
	p->total = v;
	ui_draw_more(p->top > 0, p->top + rows < p->total, (size_t)ui_cols() - 4);
	if (p->own) {
		screen_key_hints(c, own_keys, sizeof own_keys / sizeof own_keys[0],
		    "  Up/Down scroll  q back  ? help");
	} else {
		other_hints(p, hints, sizeof hints);
		text_appendf(hints, sizeof hints, NULL, "  q back  ? help");
		screen_hints(c, hints);
	}
}

static bool
profile_key(struct screen_ctx *c, void *st, int key)
{
	struct profile *p = st;

	if (ui_scroll_key(&p->top, key, p->total, ui_page_rows(TEXT_TOP, 0)))
		return true;
	if (p->own)
		return ui_keys_run(own_keys, sizeof own_keys / sizeof own_keys[0], c, st, key);
	return p->loaded && ui_keys_run(other_keys, sizeof other_keys / sizeof other_keys[0],
	    c, st, key);
}

static void
profile_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: NULL for one's own profile, or a pointer to a member id. */
static void *
profile_enter(struct screen_ctx *c, const void *arg)
{
	struct profile *p = xcalloc(1, sizeof *p);

	p->id = arg != NULL ? *(const int64_t *)arg : c->me.id;
	p->own = p->id == c->me.id;
	load(c, p);
	return p;
}

static void
profile_leave(struct screen_ctx *c, void *st)
{
	(void)c;
	free(st);
}

const struct screen screen_profile = {
	.name = "profile", .section = "Profile", .enter = profile_enter,
	.draw = profile_draw, .key = profile_key, .leave = profile_leave,
	.update = profile_update,
};
