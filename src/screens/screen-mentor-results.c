/* A list of mentors: search results, "Suggested for you" or bookmarks.
 * Two rows per mentor: name, role, room and last activity; then specialty,
 * position, place (or, for suggestions, why) and typical reply time. Search results load a
 * page at a time as the selection moves down. Enter opens the profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-mentor-search.h"
#include "db/db.h"
#include "lib/log.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 3)
#define LOAD_STEP	50
#define SUGGEST_MAX	20

struct results {
	struct mentor_list_arg a;
	struct mentor_hit *hits;
	size_t n;
	bool more;		/* search: another page may follow */
	bool failed;
	struct ui_list list;
};

static size_t
page_rows(void)
{
	int rows = (ui_msg_row() - LIST_TOP) / 2;

	return rows > 0 ? (size_t)rows : 1;
}

/* Appends the next page of search results. */
static void
load_more(struct screen_ctx *c, struct results *r)
{
	struct mentor_hit *h = NULL;
	size_t n = 0;
	int rc;

	rc = db_mentor_search(c->db, c->me.id, &r->a.q, r->n, LOAD_STEP, &h, &n);
	if (rc == ERR_INVALID) {
		screen_error(c, "A filter has no letters or digits to search for.");
		r->failed = true;
		r->more = false;
		return;
	}
	if (rc != 0) {
		screen_error(c, "The search did not work; please try again.");
		r->more = false;
		return;
	}
	r->hits = xreallocarray(r->hits, r->n + n + 1, sizeof *r->hits);
	memcpy(r->hits + r->n, h, n * sizeof *h);
	r->n += n;
	r->more = n == LOAD_STEP && r->n < MENTOR_SEARCH_POOL;
	free(h);
	ui_list_resize(&r->list, r->n, page_rows());
}

static void
load(struct screen_ctx *c, struct results *r)
{
	int rc = ERR_OK;

	free(r->hits);
	r->hits = NULL;
	r->n = 0;
	r->failed = false;
	if (r->a.mode == MENTOR_LIST_SEARCH) {
		load_more(c, r);
		return;
	}
	if (r->a.mode == MENTOR_LIST_SUGGEST)
		rc = db_mentor_suggest(c->db, c->me.id, SUGGEST_MAX, &r->hits, &r->n);
	else
		rc = db_mentor_bookmarks(c->db, c->me.id, &r->hits, &r->n);
	if (rc != 0) {
		log_warn("mentor list: %s", db_errmsg(c->db));
		screen_error(c, "The list could not be read; please try again.");
		r->hits = NULL;
		r->n = 0;
	}
	ui_list_resize(&r->list, r->n, page_rows());
}

void
screen_mentor_room(char *buf, size_t sz, bool open, bool paused, int active, int max)
{
	if (!open)
		snprintf(buf, sz, "not mentoring");
	else if (paused)
		snprintf(buf, sz, "paused");
	else if (active >= max)
		snprintf(buf, sz, "full (%d of %d)", active, max);
	else
		snprintf(buf, sz, "has room (%d of %d)", active, max);
}

/* "Cardiology | Attending | Boston, MA | replies within a day": only the
 * parts the mentor filled in. */
static void
detail_line(const struct mentor_hit *h, const char *reply, char *buf, size_t sz)
{
	char place[2 * MEMBER_FIELD_SZ + 2];
	const char *parts[4];
	size_t n = 0, len = 0;

	snprintf(place, sizeof place, "%s%s%s", h->city,
	    h->city[0] && (h->region[0] || h->country[0]) ? ", " : "",
	    h->region[0] ? h->region : h->country);
	if (h->specialty[0] != '\0')
		parts[n++] = h->specialty;
	if (h->position[0] != '\0')
		parts[n++] = h->position;
	if (place[0] != '\0')
		parts[n++] = place;
	parts[n++] = reply;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i > 0 ? " | " : "", parts[i]);
}

static void
draw_hit(const struct results *r, const struct mentor_hit *h, int y, bool sel)
{
	size_t cols = (size_t)ui_cols() - 4, name_cols = cols - 50;
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	char room[48], line[MEMBER_FIELD_SZ * 6 + 64], active[40], reply[48];

	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	ui_draw_text(y, 2, h->name, name_cols, sel ? a : UI_A_BOLD);
	ui_draw_text(y, 3 + (int)name_cols, h->role == ROLE_TRAINEE ? "trainee" : "alumni", 8, a);
	screen_mentor_room(room, sizeof room, true, h->paused, h->active, h->max_mentees);
	ui_draw_text(y, 12 + (int)name_cols, room, 20, h->has_room || sel ? a : UI_A_DIM);
	snprintf(active, sizeof active, "active %s", mentor_last_active(h->last_login_at,
	    db_now()));
	ui_draw_text(y, 33 + (int)name_cols, active, 18, a);
	mentor_reply_label(h->reply_secs, reply, sizeof reply);
	if (r->a.mode == MENTOR_LIST_SUGGEST)
		snprintf(line, sizeof line, "why: %s | %s", h->why, reply);
	else
		detail_line(h, reply, line, sizeof line);
	ui_draw_text(y + 1, 4, line, cols - 2, UI_A_DIM);
}

static const char *
title(const struct results *r)
{
	switch (r->a.mode) {
	case MENTOR_LIST_SUGGEST: return "Suggested for you";
	case MENTOR_LIST_BOOKMARKS: return "Your bookmarked mentors";
	default: return "Mentors found";
	}
}

static void
draw_empty(const struct results *r)
{
	const char *why = r->a.mode == MENTOR_LIST_SUGGEST ?
	    "No suggestions yet. Add your specialty, mentoring topics (what you want "
	    "help with) and city to your profile, then look again." :
	    r->a.mode == MENTOR_LIST_BOOKMARKS ?
	    "No bookmarks yet: press k on a mentor's profile to bookmark them." :
	    "No mentor matches these filters. Try fewer filters or shorter words.";

	if (!r->failed)
		ui_draw_wrapped(LIST_TOP, 2, 3, (size_t)ui_cols() - 4, why, 0, UI_A_INFO);
}

static void
results_draw(struct screen_ctx *c, void *st)
{
	struct results *r = st;
	size_t page = page_rows();
	char head[96];

	snprintf(head, sizeof head, "%s (%zu%s)", title(r), r->n, r->more ? "+" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, head, (size_t)ui_cols() - 4, UI_A_TITLE);
	if (r->n == 0)
		draw_empty(r);
	for (size_t i = r->list.top; i < r->n && i - r->list.top < page; i++)
		draw_hit(r, &r->hits[i], LIST_TOP + 2 * (int)(i - r->list.top),
		    i == r->list.sel);
	if (!r->more && r->a.mode == MENTOR_LIST_SEARCH && r->n >= MENTOR_SEARCH_POOL)
		ui_draw_text(ui_msg_row() - 1, 2, "Showing the best 400: add a filter to narrow "
		    "the search.", (size_t)ui_cols() - 4, UI_A_DIM);
	screen_hints(c, "Enter profile  m message  Up/Down PgUp/PgDn move  q back  ? help");
}

static void
open_profile(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	if (r->list.sel < r->n)
		screen_push(c, &screen_profile, &r->hits[r->list.sel].id);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	if (r->list.sel < r->n)
		screen_open_conversation(c, r->hits[r->list.sel].id);
}

static const struct ui_binding results_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter profile", open_profile },
	{ 'm', 'M', "m message", message },
};

static bool
results_key(struct screen_ctx *c, void *st, int key)
{
	struct results *r = st;

	if (ui_list_key(&r->list, key, page_rows())) {
		if (r->more && r->list.sel + page_rows() >= r->n)
			load_more(c, r);
		return true;
	}
	return ui_keys_run(results_keys, sizeof results_keys / sizeof results_keys[0], c, st,
	    key);
}

/* Another session wrote (a mentor filled up, a block): reload, keeping
 * the selection where it was when possible. */
static void
results_update(struct screen_ctx *c, void *st)
{
	struct results *r = st;
	size_t sel = r->list.sel;

	load(c, r);
	while (r->more && r->n <= sel)
		load_more(c, r);
	r->list.sel = sel < r->n ? sel : (r->n > 0 ? r->n - 1 : 0);
	ui_list_resize(&r->list, r->n, page_rows());
}

static void
results_resize(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	(void)c;
	ui_list_resize(&r->list, r->n, page_rows());
}

static void *
results_enter(struct screen_ctx *c, const void *arg)
{
	struct results *r = xcalloc(1, sizeof *r);

	r->a = *(const struct mentor_list_arg *)arg;
	load(c, r);
	return r;
}

static void
results_leave(struct screen_ctx *c, void *st)
{
	struct results *r = st;

	(void)c;
	free(r->hits);
	free(r);
}

const struct screen screen_mentor_results = {
	.name = "mentor-results",
	.section = "Find a mentor",
	.enter = results_enter,
	.draw = results_draw,
	.key = results_key,
	.resize = results_resize,
	.leave = results_leave,
	.update = results_update,
};
