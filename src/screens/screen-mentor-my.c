/* My mentoring: the member's mentors and mentees, requests in and out with
 * their age, and the history of closed ones. Enter opens one; m starts a
 * private message with the other member; a pauses or resumes one's own
 * availability as a mentor. Also the login step (sweep, 90-day question). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/config.h"
#include "db/db-mentor.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 5)
#define HISTORY_MAX	50

struct my {
	struct mentorship *rows;
	size_t n;
	struct ui_list list;
	struct mentor_avail av;
	bool av_ok;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

/* Active first, then requests in, requests out, then history. */
static int
group(const struct mentorship *s)
{
	if (s->state == MS_ACTIVE || s->state == MS_PAUSED)
		return 0;
	if (s->state == MS_REQUESTED)
		return s->i_am_mentor ? 1 : 2;
	return 3;
}

static int
by_group(const void *a, const void *b)
{
	const struct mentorship *x = a, *y = b;
	int gx = group(x), gy = group(y);

	if (gx != gy)
		return gx - gy;
	if (gx == 3)
		return x->closed_at > y->closed_at ? -1 : x->closed_at < y->closed_at;
	return x->created_at > y->created_at ? -1 : x->created_at < y->created_at;
}

void
screen_mentor_sweep(struct screen_ctx *c)
{
	if (db_mentor_sweep(c->db, db_now(), c->cfg->mentoring.request_reminder_days,
	    c->cfg->mentoring.request_expiry_days, NULL, NULL) != 0)
		log_warn("mentoring sweep: %s", db_errmsg(c->db));
}

static void
load(struct screen_ctx *c, struct my *m)
{
	struct mentorship *rows = NULL;
	size_t n = 0;

	m->av_ok = db_mentor_avail(c->db, c->me.id, &m->av) == 0;
	if (db_mentor_list(c->db, c->me.id, HISTORY_MAX, &rows, &n) != 0) {
		screen_error(c, "Your mentorships could not be read; please try again.");
		return;
	}
	qsort(rows, n, sizeof *rows, by_group);
	free(m->rows);
	m->rows = rows;
	m->n = n;
	ui_list_resize(&m->list, n, page_rows());
}

static void
draw_row(const struct mentorship *s, int y, bool sel)
{
	enum ui_attr a = sel ? UI_A_SELECT : group(s) == 3 ? UI_A_DIM : UI_A_NORMAL;
	size_t name_cols = (size_t)ui_cols() - 4 - 17 - 24 - 12;
	char age[32];

	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, UI_A_SELECT);
	ui_draw_text(y, 2, mentor_row_label(s->state, s->i_am_mentor), 16, sel ? a : UI_A_BOLD);
	ui_draw_text(y, 19, s->other_name, name_cols, a);
	ui_draw_text(y, 20 + (int)name_cols, mentor_state_label(s->state), 23, a);
	screen_age(age, sizeof age, group(s) == 3 ? s->closed_at : s->created_at);
	ui_draw_text(y, 44 + (int)name_cols, age, 10, a);
}

static void
draw_heads(int y)
{
	size_t name_cols = (size_t)ui_cols() - 4 - 17 - 24 - 12;

	ui_draw_text(y, 19, "With", name_cols, UI_A_BOLD);
	ui_draw_text(y, 20 + (int)name_cols, "State", 23, UI_A_BOLD);
	ui_draw_text(y, 44 + (int)name_cols, "Since", 10, UI_A_BOLD);
}

static void
my_draw(struct screen_ctx *c, void *st)
{
	struct my *m = st;
	size_t cols = (size_t)ui_cols() - 4, page = page_rows();
	char line[160], room[48];

	ui_draw_text(UI_BODY_TOP + 1, 2, "My mentoring", cols, UI_A_TITLE);
	if (m->av_ok && m->av.open) {
		screen_mentor_room(room, sizeof room, true, m->av.paused, m->av.active,
		    m->av.max_mentees);
		snprintf(line, sizeof line, "As a mentor: %s; %lld request%s waiting.", room,
		    (long long)m->av.pending, m->av.pending == 1 ? "" : "s");
	} else {
		snprintf(line, sizeof line, c->me.role == ROLE_STUDENT ? "Find a mentor "
		    "with f on the main menu." : "You are not open to mentoring; your "
		    "profile can change that.");
	}
	ui_draw_text(UI_BODY_TOP + 2, 2, line, cols, UI_A_INFO);
	if (m->n == 0)
		ui_draw_text(LIST_TOP, 2, "No mentorships or requests yet.", cols, UI_A_DIM);
	else
		draw_heads(LIST_TOP - 1);
	for (size_t i = m->list.top; i < m->n && i - m->list.top < page; i++)
		draw_row(&m->rows[i], LIST_TOP + (int)(i - m->list.top), i == m->list.sel);
	/* Students cannot mentor: no availability key for them. */
	screen_hints(c, c->me.role == ROLE_STUDENT ? "Enter open  m message  q back  ? help" :
	    "Enter open  m message  a availability  q back  ? help");
}

static void
open_ship(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	if (m->list.sel < m->n)
		screen_push(c, &screen_mentor_ship, &m->rows[m->list.sel].id);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	if (m->list.sel < m->n)
		screen_open_conversation(c, m->rows[m->list.sel].other_id);
}

static void
availability(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	if (c->me.role == ROLE_STUDENT) {
		screen_error(c, "Students cannot mentor, so there is no availability to set.");
		return;
	}
	if (!m->av_ok || !m->av.open) {
		screen_error(c, "You are not open to mentoring: turn it on in your profile "
		    "(p, then e) first.");
		return;
	}
	if (db_mentor_set_paused(c->db, c->me.id, !m->av.paused) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	load(c, m);
	screen_info(c, m->av.paused ? "Availability paused: nobody can send you new requests "
	    "until you resume." : "Availability resumed: members can ask you again.");
}

static const struct ui_binding my_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_ship },
	{ 'm', 'M', "m message", message },
	{ 'a', 'A', "a availability", availability },
};

static bool
my_key(struct screen_ctx *c, void *st, int key)
{
	struct my *m = st;

	if (ui_list_key(&m->list, key, page_rows()))
		return true;
	return ui_keys_run(my_keys, sizeof my_keys / sizeof my_keys[0], c, st, key);
}

static void
my_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void
my_resize(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	(void)c;
	ui_list_resize(&m->list, m->n, page_rows());
}

static void *
my_enter(struct screen_ctx *c, const void *arg)
{
	struct my *m = xcalloc(1, sizeof *m);

	(void)arg;
	screen_mentor_sweep(c);
	load(c, m);
	return m;
}

static void
my_leave(struct screen_ctx *c, void *st)
{
	struct my *m = st;

	(void)c;
	free(m->rows);
	free(m);
}

const struct screen screen_mentor_my = {
	.name = "mentor-my",
	.section = "My mentoring",
	.enter = my_enter,
	.draw = my_draw,
	.key = my_key,
	.resize = my_resize,
	.leave = my_leave,
	.update = my_update,
};

static void
confirm_answer(struct screen_ctx *c, void *arg, bool yes)
{
	(void)arg;
	if (db_mentor_confirm(c->db, c->me.id) != 0 ||
	    (!yes && db_mentor_set_paused(c->db, c->me.id, true) != 0)) {
		screen_error(c, "That did not work; you will be asked again next time.");
		return;
	}
	if (yes)
		screen_info(c, "Thank you: you stay listed as available to mentor.");
	else
		screen_info(c, "Your availability is paused; resume it in My mentoring (m, a).");
}

void
screen_mentor_login(struct screen_ctx *c)
{
	bool ask = false;

	if (c->me.id == 0)
		return;
	screen_mentor_sweep(c);
	screen_live_refresh(c);
	if (!c->asking &&
	    db_mentor_needs_confirm(c->db, c->me.id, db_now(), &ask) == 0 && ask)
		screen_ask(c, "No mentoring answers from you in 90 days: still "
		    "available to mentor? [y/n]", confirm_answer, NULL);
}
