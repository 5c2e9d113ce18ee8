/* Communities: every regional network and career path with its members and
 * last activity, or only mine with unread counts. Join or leave, request a
 * new community, volunteer to moderate. Questions are asked one line at a
 * time at the foot of the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-board.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define KIND_COLS	8
#define NUM_COLS	8
#define AGE_COLS	9

/* What the one-line input at the foot is asking for. */
enum ask { ASK_NONE, ASK_NAME, ASK_KIND, ASK_DESC, ASK_WHY, ASK_VOLUNTEER };

struct communities {
	bool mine;
	struct board_community *rows;
	size_t n;
	struct ui_list list;
	enum ask ask;
	struct ui_line line;
	char name[BOARD_NAME_MAX * 4 + 1];
	char kind[16];
	char desc[BOARD_DESC_MAX * 4 + 1];
};

static size_t
page_rows(void)
{
	int r = ui_msg_row() - LIST_TOP - 2;

	return r > 1 ? (size_t)r : 1;
}

static void
load(struct screen_ctx *c, struct communities *m)
{
	struct board_community *rows = NULL;
	size_t n = 0;
	int64_t keep = m->list.sel < m->n ? m->rows[m->list.sel].id : 0;

	if (db_board_community_list(c->db, c->me.id, m->mine, &rows, &n) != 0) {
		screen_error(c, "The communities could not be read; please try again.");
		return;
	}
	free(m->rows);
	m->rows = rows;
	m->n = n;
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == keep)
			m->list.sel = i;
	ui_list_resize(&m->list, n, page_rows());
}

static void
draw_row(const struct board_community *r, int y, bool sel, size_t name_cols)
{
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	char num[32], age[32];
	int x = 2;

	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	ui_draw_text(y, x, r->joined ? "+" : " ", 1, a);
	x += 2;
	ui_draw_text(y, x, r->name, name_cols, r->unread > 0 && !sel ? UI_A_BOLD : a);
	x += (int)name_cols + 1;
	ui_draw_text(y, x, strcmp(r->kind, "region") == 0 ? "region" : "career", KIND_COLS, a);
	x += KIND_COLS + 1;
	snprintf(num, sizeof num, "%lld", (long long)r->members);
	ui_draw_text(y, x, num, NUM_COLS, a);
	x += NUM_COLS + 1;
	if (r->joined)
		snprintf(num, sizeof num, "%lld%s", (long long)r->unread,
		    r->unread >= BOARD_COUNT_CAP ? "+" : "");
	else
		snprintf(num, sizeof num, "-");
	ui_draw_text(y, x, num, NUM_COLS, r->unread > 0 && !sel ? UI_A_BOLD : a);
	x += NUM_COLS + 1;
	screen_age(age, sizeof age, r->last_post_at);
	ui_draw_text(y, x, r->last_post_at != 0 ? age : "-", AGE_COLS, a);
}

static const char *
ask_prompt(enum ask a)
{
	switch (a) {
	case ASK_NAME: return "New community name: ";
	case ASK_KIND: return "Kind, region or career: ";
	case ASK_DESC: return "One-line description: ";
	case ASK_WHY: return "Why is it needed? ";
	case ASK_VOLUNTEER: return "Why would you moderate it? ";
	default: return "";
	}
}

static void
communities_draw(struct screen_ctx *c, void *st)
{
	struct communities *m = st;
	size_t name_cols = (size_t)ui_cols() - 8 - KIND_COLS - 2 * NUM_COLS - AGE_COLS - 4;
	const struct board_community *s = m->list.sel < m->n ? &m->rows[m->list.sel] : NULL;
	static const char *const more[] = { "q back", "? help", NULL };
	char hints[160];
	int x = 4;

	ui_draw_text(UI_BODY_TOP + 1, 2, m->mine ? "My communities" : "All communities", 40,
	    UI_A_TITLE);
	if (s != NULL)
		ui_draw_text(UI_BODY_TOP + 2, 2, s->description, (size_t)ui_cols() - 4, UI_A_DIM);
	ui_draw_text(LIST_TOP - 1, x, "Community", name_cols, UI_A_BOLD);
	x += (int)name_cols + 1;
	ui_draw_text(LIST_TOP - 1, x, "Kind", KIND_COLS, UI_A_BOLD);
	x += KIND_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Members", NUM_COLS, UI_A_BOLD);
	x += NUM_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Unread", NUM_COLS, UI_A_BOLD);
	x += NUM_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Last post", AGE_COLS, UI_A_BOLD);
	if (m->n == 0)
		ui_draw_text(LIST_TOP, 4, m->mine ? "You have not joined any community yet: "
		    "press m to see them all." : "No communities.", 70, UI_A_DIM);
	for (size_t i = m->list.top; i < m->n && i - m->list.top < page_rows(); i++)
		draw_row(&m->rows[i], LIST_TOP + (int)(i - m->list.top), i == m->list.sel,
		    name_cols);
	if (m->ask != ASK_NONE) {
		ui_line_draw(&m->line, ui_msg_row() - 1, 2, (size_t)ui_cols() - 4,
		    ask_prompt(m->ask));
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
	struct communities *m = st;

	if (m->list.sel < m->n) {
		struct board_community_arg a = { m->rows[m->list.sel].id };

		screen_push(c, &screen_board_threads, &a);
	}
}

static void
toggle_join(struct screen_ctx *c, void *st)
{
	struct communities *m = st;
	struct board_community *s;
	int r;

	if (m->list.sel >= m->n)
		return;
	s = &m->rows[m->list.sel];
	r = s->joined ? db_board_community_leave(c->db, c->me.id, s->id) :
	    db_board_community_join(c->db, c->me.id, s->id);
	if (r != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	screen_info(c, s->joined ? "You left %s." : "You joined %s: its new posts show in "
	    "the new-posts scan.", s->name);
	load(c, m);
}

static void
toggle_mine(struct screen_ctx *c, void *st)
{
	struct communities *m = st;

	m->mine = !m->mine;
	m->list.sel = m->list.top = 0;
	load(c, m);
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
	ui_line_open(&m->line, NULL, a == ASK_WHY || a == ASK_VOLUNTEER ? BOARD_WHY_MAX :
	    a == ASK_DESC ? BOARD_DESC_MAX : BOARD_NAME_MAX, false);
}

static void
request_new(struct screen_ctx *c, void *st)
{
	start_ask(c, st, ASK_NAME);
}

static void
volunteer(struct screen_ctx *c, void *st)
{
	struct communities *m = st;

	if (m->list.sel < m->n)
		start_ask(c, m, ASK_VOLUNTEER);
}

static const struct ui_binding communities_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter open", open_community },
	{ 'j', 'J', "j join/leave", toggle_join },
	{ 'm', 'M', "m mine/all", toggle_mine },
	{ 'r', 'R', "r new posts", open_scan },
	{ '/', 0, "/ search", open_search },
	{ 'n', 'N', "n request", request_new },
	{ 'v', 'V', "v volunteer", volunteer },
	{ 's', 'S', "s my requests", open_requests },
};

/* Stores the request; false (with the reason on screen) if refused. */
static bool
submit(struct screen_ctx *c, struct communities *m, const char *why)
{
	int64_t id = 0;
	int r;

	if (m->ask == ASK_VOLUNTEER)
		r = db_board_request_moderate(c->db, c->me.id, m->rows[m->list.sel].id, why, &id);
	else
		r = db_board_request_create(c->db, c->me.id, m->name, m->kind, m->desc, why, &id);
	if (r == ERR_EXISTS)
		screen_error(c, "%s", m->ask == ASK_VOLUNTEER ? "You already moderate it or "
		    "have offered to." : "That community exists or you have asked for it already.");
	else if (r == ERR_DENIED && screen_can_post(c))
		screen_error(c, "You have %d requests waiting for the admins; you can ask "
		    "again once they have answered one (s shows them).",
		    BOARD_REQUESTS_PENDING_MAX);
	else if (r != 0)
		screen_board_refused(c, r);
	else {
		screen_info(c, "Your request is stored for the admins; s shows its status.");
		return true;
	}
	return false;
}

/* One answer of the request questions; Enter moves on, Esc stops. */
static bool
ask_key(struct screen_ctx *c, struct communities *m, int key)
{
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
		if (submit(c, m, text))
			m->ask = ASK_NONE;
		else	/* Refused: the answer stays, to send later or Esc. */
			ui_line_open(&m->line, text, BOARD_WHY_MAX, false);
		break;
	}
	return true;
}

static bool
communities_key(struct screen_ctx *c, void *st, int key)
{
	struct communities *m = st;

	if (m->ask != ASK_NONE)
		return ask_key(c, m, key);
	if (ui_list_key(&m->list, key, page_rows()))
		return true;
	return ui_keys_run(communities_keys, sizeof communities_keys / sizeof communities_keys[0],
	    c, st, key);
}

static void
communities_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: NULL for all communities, non-NULL for mine. */
static void *
communities_enter(struct screen_ctx *c, const void *arg)
{
	struct communities *m = xcalloc(1, sizeof *m);

	m->mine = arg != NULL;
	load(c, m);
	return m;
}

static void
communities_leave(struct screen_ctx *c, void *st)
{
	struct communities *m = st;

	(void)c;
	ui_line_close(&m->line);
	free(m->rows);
	free(m);
}

const struct screen screen_communities = {
	.name = "communities",
	.section = "Communities",
	.enter = communities_enter,
	.draw = communities_draw,
	.key = communities_key,
	.resize = communities_update,
	.leave = communities_leave,
	.update = communities_update,
};
