/* Administration -> Community requests: the open requests for a new
 * community, oldest first, with their support. a approves (creating the
 * community, optionally appointing the requester and other members as its
 * moderators), d declines with a reason the members see, m merges into an
 * existing community. The data layer checks that the actor is an admin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-community.h"
#include "db/db-user.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "screens/screen-community-row.h"
#include "screens/screen-foot.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define MODS_MAX	8	/* extra moderators named at one approval */

struct admin_requests {
	struct screen_foot foot;
	int64_t req_id;
	char name[BOARD_NAME_MAX * 4 + 1];
	bool appoint_requester;
};

static int
areq_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit, void **rows,
    size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_community_request_list(c->db, c->me.id, true,
	    (struct community_request **)rows, n);
}

static int64_t
areq_id(const void *row)
{
	return ((const struct community_request *)row)->id;
}

static void
areq_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Community requests waiting for a decision", cols,
	    UI_A_TITLE);
}

static int
areq_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	(void)c, (void)l;
	return screen_community_request_row(row, y, x, cols, max_rows, a);
}

/* Says how a decision went; true when it was made. */
static bool
decided(struct screen_ctx *c, struct list *l, int r, const char *why, const char *pre,
    const char *post)
{
	struct admin_requests *m = list_ctx(l);

	if (r == 0) {
		screen_info(c, "%s%s%s", pre, m->name, post);
		list_reload(c, l);
		return true;
	}
	if (why != NULL)
		screen_error(c, "%s", why);
	else if (r == ERR_DENIED)
		screen_error(c, "Only admins decide community requests.");
	else
		screen_error(c, "That did not work; please try again.");
	return r == ERR_STATE || r == ERR_NOTFOUND;	/* nothing left to answer */
}

/* Looks up the logins typed (separated by spaces or commas). */
static bool
logins_to_ids(struct screen_ctx *c, const char *text, int64_t *ids, size_t *n)
{
	char buf[600], *save = NULL, *w;
	struct member *who = xmalloc(sizeof *who);
	bool ok = true;

	*n = 0;
	text_copy(buf, sizeof buf, text);
	for (w = strtok_r(buf, " ,", &save); ok && w != NULL; w = strtok_r(NULL, " ,", &save)) {
		if (*n == MODS_MAX) {
			screen_error(c, "At most %d more moderators at once.", MODS_MAX);
			ok = false;
		} else if (db_user_get_by_login(c->db, w, who) != 0) {
			screen_error(c, "There is no member with the login %s.", w);
			ok = false;
		} else
			ids[(*n)++] = who->id;
	}
	free(who);
	return ok;
}

static bool
approve_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct admin_requests *m = list_ctx(l);
	int64_t ids[MODS_MAX], cid = 0;
	struct community_approval a = { .appoint_requester = m->appoint_requester, .moderators = ids };
	const char *why = NULL;

	if (!logins_to_ids(c, text, ids, &a.n))
		return false;
	return decided(c, l, db_community_request_approve(c->db, c->me.id, m->req_id, &a, &cid,
	    &why), why, "Approved: ", " is open in Communities.");
}

static void
approve_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct list *l = arg;
	struct admin_requests *m = list_ctx(l);

	(void)c;
	m->appoint_requester = yes;
	screen_foot_open(&m->foot, "Also appoint (logins, space between; Enter for none): ", 200,
	    true, approve_done);
}

/* Remembers the selected request for the questions that follow. */
static const struct community_request *
take(void *st)
{
	struct admin_requests *m = list_ctx(st);
	const struct community_request *q = list_selected(st);

	if (q != NULL) {
		m->req_id = q->id;
		text_copy(m->name, sizeof m->name, q->name);
	}
	return q;
}

static void
approve(struct screen_ctx *c, void *st)
{
	const struct community_request *q = take(st);
	char question[320];

	if (q == NULL)
		return;
	text_sanitize(question, sizeof question, q->login, false);
	snprintf(question + strlen(question), sizeof question - strlen(question),
	    " asked for it: appoint them as its moderator? [y/n]");
	screen_ask(c, question, approve_answer, st);
}

static bool
decline_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct admin_requests *m = list_ctx(l);
	const char *why = NULL;

	return decided(c, l, db_community_request_decline(c->db, c->me.id, m->req_id, text, &why),
	    why, "Declined: the request for ", "; they are told why.");
}

static void
decline(struct screen_ctx *c, void *st)
{
	struct admin_requests *m = list_ctx(st);

	(void)c;
	if (take(st) != NULL)
		screen_foot_open(&m->foot, "Reason for declining (they see it): ", STAFF_REASON_MAX,
		    false, decline_done);
}

static bool
merge_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct admin_requests *m = list_ctx(l);
	const char *why = NULL;
	int64_t into = 0;

	if (!community_slug_valid(text) || db_community_by_slug(c->db, text, &into) != 0) {
		screen_error(c, "No community has the slug %s (Communities shows them).", text);
		return false;
	}
	return decided(c, l, db_community_request_merge(c->db, c->me.id, m->req_id, into, NULL,
	    &why), why, "Merged: the request for ", "; they are pointed there.");
}

static void
merge(struct screen_ctx *c, void *st)
{
	struct admin_requests *m = list_ctx(st);

	(void)c;
	if (take(st) != NULL)
		screen_foot_open(&m->foot, "Merge into which community (its slug, e.g. boston)? ",
		    COMMUNITY_SLUG_MAX + 8, false, merge_done);
}

static const struct ui_binding areq_keys[] = {
	{ 'a', 'A', "a approve", approve },
	{ 'd', 'D', "d decline", decline },
	{ 'm', 'M', "m merge", merge },
};

static int
areq_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c, (void)l;
	return 1;
}

static void
areq_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	struct admin_requests *m = list_ctx(l);

	(void)c;
	screen_foot_draw(&m->foot, y, cols);
}

static bool
areq_key(struct screen_ctx *c, struct list *l, int key)
{
	struct admin_requests *m = list_ctx(l);

	return screen_foot_key(&m->foot, c, l, key);
}

static void
areq_hints(struct screen_ctx *c, struct list *l)
{
	struct admin_requests *m = list_ctx(l);

	screen_foot_hints(&m->foot, c, areq_keys, sizeof areq_keys / sizeof areq_keys[0],
	    "  q back  ? help");
}

static void *
areq_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct admin_requests));
}

static void
areq_fini(void *ctx)
{
	struct admin_requests *m = ctx;

	screen_foot_close(&m->foot);
	free(m);
}

static const struct list_def areq_list = {
	.head_rows = 3, .row_size = sizeof(struct community_request), .load = areq_load,
	.row_id = areq_id, .draw_head = areq_head, .draw_row = areq_row, .row_lines = 2,
	.foot_rows = areq_foot_rows, .draw_foot = areq_foot,
	.empty = "No community requests are waiting.",
	.load_error = "The requests could not be read (or are not yours to decide).",
	.key = areq_key, .keys = areq_keys, .nkeys = sizeof areq_keys / sizeof areq_keys[0],
	.hints = areq_hints, .init = areq_init, .fini = areq_fini,
};

const struct screen screen_admin_requests = {
	.name = "admin-requests", .section = "Administration", .list = &areq_list,
};
