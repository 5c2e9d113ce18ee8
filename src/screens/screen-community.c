/* Communities: every regional network and career path with its members,
 * moderators and last activity, or only mine with unread counts. Join or
 * leave, request a new community (questions asked one line at a time at
 * the foot of the list), offer to moderate (the guidelines screen), and
 * the community requests to support. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "screens/screen-community.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define KIND_COLS	8
#define NUM_COLS	8
#define AGE_COLS	9

/* What the one-line input at the foot is asking for. */
enum ask { ASK_NONE, ASK_NAME, ASK_KIND, ASK_DESC, ASK_WHY };

struct communities {
	bool mine;
	enum ask ask;
	struct ui_line line;
	char name[BOARD_NAME_MAX * 4 + 1];
	char kind[16];
	char desc[BOARD_DESC_MAX * 4 + 1];
};

static int
communities_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct communities *m = list_ctx(l);

	(void)after, (void)limit;
	return db_board_community_list(c->db, c->me.id, m->mine,
	    (struct board_community **)rows, n);
}

static int64_t
community_id(const void *row)
{
	return ((const struct board_community *)row)->id;
}

/* The name column takes what the others leave (cols from column 2). */
static void
widths(size_t cols, size_t w[5])
{
	static const size_t want[5] = { 0, KIND_COLS, NUM_COLS, NUM_COLS, AGE_COLS };

	/* The joined mark and a margin; a narrow screen drops from the right. */
	ui_cells_fit(cols - 4, want, 5, 12, w);
}

/* Draws one cell at *x and moves past it; a dropped cell (0) is skipped. */
static void
cell(int y, int *x, const char *text, size_t w, enum ui_attr a)
{
	if (w == 0)
		return;
	ui_draw_text(y, *x, text, w, a);
	*x += (int)w + 1;
}

static int
communities_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct board_community *r = row;
	bool sel = a == UI_A_SELECT;
	size_t w[5];
	char num[32], age[32];

	(void)c, (void)l, (void)max_rows;
	widths(cols, w);
	ui_draw_text(y, x, r->joined ? "+" : " ", 1, a);
	x += 2;
	cell(y, &x, r->name, w[0], r->unread > 0 && !sel ? UI_A_BOLD : a);
	cell(y, &x, strcmp(r->kind, "region") == 0 ? "region" : "career", w[1], a);
	snprintf(num, sizeof num, "%lld", (long long)r->members);
	cell(y, &x, num, w[2], a);
	if (r->joined)
		snprintf(num, sizeof num, "%lld%s", (long long)r->unread,
		    r->unread >= BOARD_COUNT_CAP ? "+" : "");
	else
		snprintf(num, sizeof num, "-");
	cell(y, &x, num, w[3], r->unread > 0 && !sel ? UI_A_BOLD : a);
	screen_age(age, sizeof age, r->last_post_at);
	cell(y, &x, r->last_post_at != 0 ? age : "-", w[4], a);
	return 1;
}

static const char *
ask_prompt(enum ask a)
{
	switch (a) {
	case ASK_NAME: return "New community name: ";
	case ASK_KIND: return "Kind, region or career: ";
	case ASK_DESC: return "One-line description: ";
	case ASK_WHY: return "Why is it needed? ";
	default: return "";
	}
}

static void
communities_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct communities *m = list_ctx(l);
	const struct board_community *s = list_selected(l);
	size_t w[5];
	int y = UI_BODY_TOP + 4, x = 4;
	char mods[sizeof s->moderators + 16];

	(void)c;
	ui_draw_text(UI_BODY_TOP + 1, 2, m->mine ? "My communities" : "All communities", 40,
	    UI_A_TITLE);
	if (s != NULL) {
		ui_draw_text(UI_BODY_TOP + 2, 2, s->description, cols, UI_A_DIM);
		snprintf(mods, sizeof mods, "Moderators: %s", s->moderators[0] != '\0' ?
		    s->moderators : "none yet (v offers to moderate)");
		ui_draw_text(UI_BODY_TOP + 3, 2, mods, cols, UI_A_DIM);
	}
	widths(cols, w);
	ui_draw_cells(y, x, (const char *const[]){ "Community", "Kind", "Members", "Unread",
	    "Last post" }, w, 5, UI_A_BOLD);
}

static const char *
communities_empty(struct screen_ctx *c, struct list *l)
{
	const struct communities *m = list_ctx(l);

	(void)c;
	return m->mine ? "You have not joined any community yet: press m to see them all." :
	    "No communities.";
}

/* The request questions are asked on the row under the list. */
static int
communities_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c, (void)l;
	return 1;
}

static void
communities_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	struct communities *m = list_ctx(l);

	(void)c;
	if (m->ask != ASK_NONE)
		ui_line_draw(&m->line, y, 2, cols, ask_prompt(m->ask));
}

static void
communities_hints(struct screen_ctx *c, struct list *l)
{
	const struct communities *m = list_ctx(l);
	static const char *const more[] = { "q back", "? help", NULL };
	char hints[160];

	if (m->ask != ASK_NONE) {
		screen_hints(c, "Enter next  Esc cancel");
		return;
	}
	board_hints_fit(hints, sizeof hints, "Enter open  j join  m mine  r new  / search  "
	    "n/v/s requests", more, (size_t)ui_cols() - 2);
	screen_hints(c, hints);
}

static void
open_community(struct screen_ctx *c, void *st)
{
	const struct board_community *s = list_selected(st);

	if (s != NULL) {
		struct board_community_arg a = { s->id };

		screen_push(c, &screen_board_threads, &a);
	}
}

static void
toggle_join(struct screen_ctx *c, void *st)
{
	const struct board_community *s = list_selected(st);
	int r;

	if (s == NULL)
		return;
	r = s->joined ? db_board_community_leave(c->db, c->me.id, s->id) :
	    db_board_community_join(c->db, c->me.id, s->id,
	    c->cfg->boards.join_unread_days);
	if (r != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, s->joined ? "You left %s." : "You joined %s: its new posts show in "
	    "the new-posts scan.", s->name);
	list_reload(c, st);
}

static void
toggle_mine(struct screen_ctx *c, void *st)
{
	struct communities *m = list_ctx(st);

	m->mine = !m->mine;
	list_restart(c, st);
}

static void
open_scan(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_board_scan, NULL);
}

static void
open_search(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_board_search, NULL);
}

static void
open_requests(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_community_requests, NULL);
}

static void
start_ask(struct screen_ctx *c, struct communities *m, enum ask a)
{
	if (!screen_can_post(c)) {
		screen_error(c, "Requests need an approved account.");
		return;
	}
	m->ask = a;
	ui_line_open(&m->line, NULL, a == ASK_WHY ? BOARD_WHY_MAX :
	    a == ASK_DESC ? BOARD_DESC_MAX : BOARD_NAME_MAX, false);
}

static void
request_new(struct screen_ctx *c, void *st)
{
	start_ask(c, list_ctx(st), ASK_NAME);
}

/* The guidelines come first; that screen asks why and sends the offer. */
static void
volunteer(struct screen_ctx *c, void *st)
{
	const struct board_community *s = list_selected(st);
	struct screen_community_arg a = { 0 };

	if (s == NULL)
		return;
	if (!screen_can_post(c)) {
		screen_error(c, "Requests need an approved account.");
		return;
	}
	a.id = s->id;
	text_copy(a.name, sizeof a.name, s->name);
	screen_push(c, &screen_mod_guidelines, &a);
}

static const struct ui_binding communities_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_community },
	{ 'j', 'J', "j join/leave", toggle_join },
	{ 'm', 'M', "m mine/all", toggle_mine },
	{ 'r', 'R', "r new posts", open_scan },
	{ '/', 0, "/ search", open_search },
	{ 'n', 'N', "n request", request_new },
	{ 'v', 'V', "v volunteer", volunteer },
	{ 's', 'S', "s requests", open_requests },
};

/* Stores the request; false (with the reason on screen) if refused. */
static bool
submit(struct screen_ctx *c, struct list *l, const char *why)
{
	struct communities *m = list_ctx(l);
	int64_t id = 0;
	int r;

	r = db_board_request_create(c->db, c->me.id, m->name, m->kind, m->desc, why, &id);
	if (r == ERR_EXISTS)
		screen_error(c, "That community exists or you have asked for it already.");
	else if (r == ERR_DENIED && screen_can_post(c))
		screen_error(c, "You have %d requests waiting for the admins; you can ask "
		    "again once they have answered one (s shows them).",
		    BOARD_REQUESTS_PENDING_MAX);
	else if (r != 0)
		screen_board_refused(c, r);
	else {
		screen_info(c, "Your request is stored for the admins; s shows it, where "
		    "other members can support it.");
		return true;
	}
	return false;
}

/* One answer of the request questions; Enter moves on, Esc stops. */
static bool
ask_key(struct screen_ctx *c, struct list *l, int key)
{
	struct communities *m = list_ctx(l);
	char text[BOARD_WHY_MAX * 4 + 1];
	const char *why;

	switch (ui_line_key(&m->line, c, key)) {
	case UI_LINE_CANCEL:
		m->ask = ASK_NONE;
		ui_line_close(&m->line);
		return true;
	case UI_LINE_DONE:
		break;
	default:
		return true;
	}
	text_copy(text, sizeof text, ui_line_text(&m->line));
	text_trim(text);
	if ((why = text_check_line(text, BOARD_WHY_MAX)) != NULL) {
		screen_refused(c, why);
		return true;
	}
	if (text[0] == '\0' && m->ask != ASK_DESC) {
		screen_error(c, "Please give an answer, or Esc to stop.");
		return true;
	}
	if (m->ask == ASK_KIND && strcmp(text, "region") != 0 && strcmp(text, "career") != 0) {
		screen_error(c, "Type region or career.");
		return true;
	}
	ui_line_close(&m->line);
	switch (m->ask) {
	case ASK_NAME:
		text_copy(m->name, sizeof m->name, text);
		start_ask(c, m, ASK_KIND);
		break;
	case ASK_KIND:
		text_copy(m->kind, sizeof m->kind, text);
		start_ask(c, m, ASK_DESC);
		break;
	case ASK_DESC:
		text_copy(m->desc, sizeof m->desc, text);
		start_ask(c, m, ASK_WHY);
		break;
	default:
		if (submit(c, l, text))
			m->ask = ASK_NONE;
		else	/* Refused: the answer stays, to send later or Esc. */
			ui_line_open(&m->line, text, BOARD_WHY_MAX, false);
		break;
	}
	return true;
}

static bool
communities_key(struct screen_ctx *c, struct list *l, int key)
{
	const struct communities *m = list_ctx(l);

	return m->ask != ASK_NONE && ask_key(c, l, key);
}

/* arg: NULL for all communities, non-NULL for mine. */
static void *
communities_init(struct screen_ctx *c, const void *arg)
{
	struct communities *m = xcalloc(1, sizeof *m);

	(void)c;
	m->mine = arg != NULL;
	return m;
}

static void
communities_fini(void *ctx)
{
	struct communities *m = ctx;

	ui_line_close(&m->line);
	free(m);
}

static const struct list_def communities_list = {
	.head_rows = 5, .row_size = sizeof(struct board_community),
	.load = communities_load, .row_id = community_id, .draw_head = communities_head,
	.draw_row = communities_row, .foot_rows = communities_foot_rows,
	.draw_foot = communities_foot, .empty_text = communities_empty,
	.load_error = "The communities could not be read; please try again.",
	.key = communities_key, .keys = communities_keys,
	.nkeys = sizeof communities_keys / sizeof communities_keys[0],
	.hints = communities_hints, .init = communities_init, .fini = communities_fini,
};

/* A new terminal size changes the page: read it again with the selection
 * kept in view. */
const struct screen screen_communities = {
	.name = "communities", .section = "Communities", .list = &communities_list,
};
