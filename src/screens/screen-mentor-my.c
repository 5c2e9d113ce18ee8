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
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define HISTORY_MAX	50
#define LABEL_COLS	17
#define STATE_COLS	24
#define SINCE_COLS	12

/* The member's availability as a mentor, read with the list. */
struct my {
	struct mentor_avail av;
	bool av_ok;
};

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

static int
my_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit, void **rows,
    size_t *n)
{
	struct my *m = list_ctx(l);
	int r;

	(void)after, (void)limit;
	m->av_ok = db_mentor_avail(c->db, c->me.id, &m->av) == 0;
	if ((r = db_mentor_list(c->db, c->me.id, HISTORY_MAX, (struct mentorship **)rows,
	    n)) != 0)
		return r;
	qsort(*rows, *n, sizeof(struct mentorship), by_group);
	return 0;
}

static int64_t
ship_id(const void *row)
{
	return ((const struct mentorship *)row)->id;
}

/* The name column takes what the others leave (cols from column 2). */
static void
widths(size_t cols, size_t w[4])
{
	static const size_t want[4] = { LABEL_COLS - 1, 0, STATE_COLS - 1, SINCE_COLS - 2 };

	/* A narrow screen drops since, then the state. */
	ui_cells_fit(cols - 1, want, 4, 10, w);
}

static int
my_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct mentorship *s = row;
	bool sel = a == UI_A_SELECT;
	enum ui_attr look = sel ? a : group(s) == 3 ? UI_A_DIM : UI_A_NORMAL;
	size_t w[4];
	char age[32];

	(void)c, (void)l, (void)max_rows;
	widths(cols, w);
	ui_draw_text(y, x, mentor_row_label(s->state, s->i_am_mentor), w[0],
	    sel ? a : UI_A_BOLD);
	screen_age(age, sizeof age, group(s) == 3 ? s->closed_at : s->created_at);
	w[0] = 0;	/* drawn above, in its own look */
	ui_draw_cells(y, x + LABEL_COLS, (const char *const[]){ "", s->other_name,
	    mentor_state_label(s->state), age }, w, 4, look);
	return 1;
}

static void
my_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct my *m = list_ctx(l);
	size_t w[4];
	int y = UI_BODY_TOP + 4, x = 2 + LABEL_COLS;
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
	if (list_count(l) == 0)
		return;
	widths(cols, w);
	w[0] = 0;
	ui_draw_cells(y, x, (const char *const[]){ "", "With", "State", "Since" }, w, 4,
	    UI_A_BOLD);
}

static void
open_ship(struct screen_ctx *c, void *st)
{
	const struct mentorship *s = list_selected(st);

	if (s != NULL)
		screen_push(c, &screen_mentor_ship, &s->id);
}

static void
message(struct screen_ctx *c, void *st)
{
	const struct mentorship *s = list_selected(st);

	if (s != NULL)
		screen_open_conversation(c, s->other_id);
}

static void
availability(struct screen_ctx *c, void *st)
{
	const struct my *m = list_ctx(st);

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
	list_reload(c, st);
	screen_info(c, m->av.paused ? "Availability paused: nobody can send you new requests "
	    "until you resume." : "Availability resumed: members can ask you again.");
}

/* The availability key last: students, who cannot mentor, are not shown it. */
static const struct ui_binding my_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_ship },
	{ 'm', 'M', "m message", message },
	{ 'a', 'A', "a availability", availability },
};
#define MY_KEYS_N (sizeof my_keys / sizeof my_keys[0])

static void
my_hints(struct screen_ctx *c, struct list *l)
{
	(void)l;
	screen_key_hints(c, my_keys, c->me.role == ROLE_STUDENT ? MY_KEYS_N - 1 : MY_KEYS_N,
	    "  q back  ? help");
}

static void *
my_init(struct screen_ctx *c, const void *arg)
{
	(void)arg;
	screen_mentor_sweep(c);
	return xcalloc(1, sizeof(struct my));
}

static const struct list_def my_list = {
	.head_rows = 5, .row_size = sizeof(struct mentorship), .load = my_load,
	.row_id = ship_id, .draw_head = my_head, .draw_row = my_row,
	.empty = "No mentorships or requests yet.",
	.load_error = "Your mentorships could not be read; please try again.",
	.keys = my_keys, .nkeys = MY_KEYS_N, .hints = my_hints, .init = my_init,
	.fini = free,
};

/* A new terminal size: the selection is kept in view by a read. */
const struct screen screen_mentor_my = {
	.name = "mentor-my", .section = "My mentoring", .list = &my_list,
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
