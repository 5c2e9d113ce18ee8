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
#include "lib/text.h"
#include "rules/mentor.h"
#include "rules/search.h"
#include "screens/screen-mentor.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define LOAD_STEP	50
#define SUGGEST_MAX	20

struct results {
	struct mentor_list_arg a;
	bool failed;		/* the search was refused: no empty sentence */
};

/* The next search results after the first `from`, at most limit, never
 * beyond the pool of best matches (browsing without words is not capped
 * by the search itself). */
static int
search_page(struct screen_ctx *c, const struct results *r, size_t from, size_t limit,
    struct mentor_hit **out, size_t *n)
{
	if (from >= MENTOR_SEARCH_POOL)
		return 0;
	if (limit > MENTOR_SEARCH_POOL - from)
		limit = MENTOR_SEARCH_POOL - from;
	return db_mentor_search(c->db, c->me.id, &r->a.q, from, limit, out, n);
}

/* Search results a page at a time (after: the rows so far); suggestions
 * and bookmarks whole. A failure says why here and shows no rows. */
static int
results_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	struct results *r = list_ctx(l);
	struct mentor_hit **out = (struct mentor_hit **)rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (after == NULL)
		r->failed = false;
	if (r->a.mode == MENTOR_LIST_SEARCH)
		rc = search_page(c, r, after != NULL ? list_count(l) : 0, limit, out, n);
	else if (after != NULL)
		return 0;
	else if (r->a.mode == MENTOR_LIST_SUGGEST)
		rc = db_mentor_suggest(c->db, c->me.id, SUGGEST_MAX, out, n);
	else
		rc = db_mentor_bookmarks(c->db, c->me.id, out, n);
	if (rc == ERR_INVALID && r->a.mode == MENTOR_LIST_SEARCH) {
		screen_error(c, "A filter has no letters or digits to search for.");
		r->failed = true;
	} else if (search_refusal(rc) != NULL) {
		/* Too broad, or a search of the member's already running: the
		 * filters stay on Find a mentor to change. */
		screen_error(c, "%s", search_refusal(rc));
		r->failed = true;
	} else if (rc != 0 && r->a.mode == MENTOR_LIST_SEARCH) {
		screen_error(c, "The search did not work; please try again.");
	} else if (rc != 0) {
		log_warn("mentor list: %s", db_errmsg(c->db));
		screen_error(c, "The list could not be read; please try again.");
	}
	return 0;
}

static int64_t
hit_id(const void *row)
{
	return ((const struct mentor_hit *)row)->id;
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
 * parts the mentor filled in, and only those that fit whole in cols. */
static void
detail_line(const struct mentor_hit *h, const char *reply, size_t cols, char *buf,
    size_t sz)
{
	char place[2 * MEMBER_FIELD_SZ + 2];
	const char *parts[4];
	size_t n = 0;

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
	for (size_t i = 0; i < n; i++)
		(void)text_append_part(buf, sz, " | ", parts[i], cols);
}

/* "why: same specialty, same city | replies within a day": the reasons
 * that fit whole in cols, then the reply time if it fits too, so a
 * narrow row never ends in a cut word or a dangling separator. */
static void
why_line(const char *why, const char *reply, size_t cols, char *buf, size_t sz)
{
	char item[sizeof ((struct mentor_hit *)0)->why];
	const char *p = why, *end;
	bool first = true;

	snprintf(buf, sz, "why:");
	while (*p != '\0') {
		end = strstr(p, ", ");
		snprintf(item, sizeof item, "%.*s", (int)(end != NULL ? (size_t)(end - p) :
		    strlen(p)), p);
		if (!text_append_part(buf, sz, first ? " " : ", ", item, cols))
			break;
		first = false;
		p = end != NULL ? end + 2 : p + strlen(p);
	}
	(void)text_append_part(buf, sz, " | ", reply, cols);
}

static int
results_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct results *r = list_ctx(l);
	const struct mentor_hit *h = row;
	bool sel = a == UI_A_SELECT;
	static const size_t want[4] = { 0, 8, 20, 18 };
	size_t w[4];
	int xx = x;
	char room[48], line[MEMBER_FIELD_SZ * 6 + 64], active[40], reply[48];

	(void)c;
	/* The name takes what is left; a narrow screen drops activity, then
	 * room, then the role (the second line says more). */
	ui_cells_fit(cols - 1, want, 4, 12, w);
	ui_draw_text(y, xx, h->name, w[0], sel ? a : UI_A_BOLD);
	xx += (int)w[0] + 1;
	if (w[1] > 0) {
		ui_draw_text(y, xx, h->role == ROLE_TRAINEE ? "trainee" : "alumni", 8, a);
		xx += 9;
	}
	screen_mentor_room(room, sizeof room, true, h->paused, h->active, h->max_mentees);
	if (w[2] > 0) {
		ui_draw_text(y, xx, room, 20, h->has_room || sel ? a : UI_A_DIM);
		xx += 21;
	}
	snprintf(active, sizeof active, "active %s", mentor_last_active(h->last_login_at,
	    db_now()));
	if (w[3] > 0)
		ui_draw_text(y, xx, active, 18, a);
	if (max_rows < 2)
		return 2;
	mentor_reply_label(h->reply_secs, reply, sizeof reply);
	if (r->a.mode == MENTOR_LIST_SUGGEST)
		why_line(h->why, reply, cols - 2, line, sizeof line);
	else
		detail_line(h, reply, cols - 2, line, sizeof line);
	ui_draw_text(y + 1, x + 2, line, cols - 2, UI_A_DIM);
	return 2;
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
results_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	char head[96];

	(void)c;
	snprintf(head, sizeof head, "%s (%zu%s)", title(list_ctx(l)), list_count(l),
	    list_more(l) ? "+" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, head, cols, UI_A_TITLE);
}

static const char *
results_empty(struct screen_ctx *c, struct list *l)
{
	const struct results *r = list_ctx(l);

	(void)c;
	if (r->failed)
		return NULL;
	return r->a.mode == MENTOR_LIST_SUGGEST ?
	    "No suggestions yet. Add your specialty, mentoring topics (what you want "
	    "help with) and city to your profile, then look again." :
	    r->a.mode == MENTOR_LIST_BOOKMARKS ?
	    "No bookmarks yet: press k on a mentor's profile to bookmark them." :
	    "No mentor matches these filters. Try fewer filters or shorter words.";
}

/* True when the search stopped at its pool of best matches. */
static bool
at_pool(const struct list *l)
{
	const struct results *r = list_ctx(l);

	return r->a.mode == MENTOR_LIST_SEARCH && !list_more(l) &&
	    list_count(l) >= MENTOR_SEARCH_POOL;
}

/* The pool's sentence, when the search stopped there, under the list. */
static int
results_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c;
	return at_pool(l) ? 1 : 0;
}

static void
results_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	(void)c;
	if (at_pool(l))
		ui_draw_text(y, 2, "Showing the best 400: add a filter to narrow the search.",
		    cols, UI_A_DIM);
}

static void
open_profile(struct screen_ctx *c, void *st)
{
	const struct mentor_hit *h = list_selected(st);

	if (h != NULL)
		screen_push(c, &screen_profile, &h->id);
}

static void
message(struct screen_ctx *c, void *st)
{
	const struct mentor_hit *h = list_selected(st);

	if (h != NULL)
		screen_open_conversation(c, h->id);
}

static const struct ui_binding results_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter profile", open_profile },
	{ 'm', 'M', "m message", message },
};

/* arg: a struct mentor_list_arg, copied. */
static void *
results_init(struct screen_ctx *c, const void *arg)
{
	struct results *r = xcalloc(1, sizeof *r);

	(void)c;
	r->a = *(const struct mentor_list_arg *)arg;
	return r;
}

/* Another session wrote (a mentor filled up, a block): the engine reads
 * again, keeping the selection on the same mentor. */
static const struct list_def results_list = {
	.head_rows = 3, .row_size = sizeof(struct mentor_hit), .load = results_load,
	.page = LOAD_STEP, .row_id = hit_id, .draw_head = results_head,
	.draw_row = results_row, .row_lines = 2, .foot_rows = results_foot_rows,
	.draw_foot = results_foot, .empty_text = results_empty, .keys = results_keys,
	.nkeys = sizeof results_keys / sizeof results_keys[0],
	.hints_tail = "  Up/Down PgUp/PgDn move  q back  ? help", .init = results_init,
	.fini = free,
};

const struct screen screen_mentor_results = {
	.name = "mentor-results", .section = "Find a mentor", .list = &results_list,
};
