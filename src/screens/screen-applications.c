/* Applications to moderate, in two menus. Moderation -> Applications: a
 * moderator sees those for the communities they moderate and recommends
 * one to the admins (r). Administration -> Moderators: an admin sees
 * every open application with its recommendation, appoints (a) or
 * declines with a reason (d), and m lists the moderators of each
 * community to remove one. The data layer decides who may do which. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-community.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "screens/screen-foot.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

struct applications {
	bool admin;
	struct screen_foot foot;
	int64_t app_id;
	char login[MEMBER_LOGIN_SZ];
};

static int
apps_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit, void **rows,
    size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_community_applications(c->db, c->me.id, 0,
	    (struct community_application **)rows, n);
}

static int64_t
apps_id(const void *row)
{
	return ((const struct community_application *)row)->id;
}

static void
apps_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct applications *m = list_ctx(l);

	(void)c;
	ui_draw_text(UI_BODY_TOP + 1, 2, m->admin ? "Moderators: applications to moderate" :
	    "Applications to moderate your communities", cols, UI_A_TITLE);
}

/* "Boston  Ann Lee (ann)  2026-12-04  recommended by mo: calm and fair"
 * over why they applied. */
static int
apps_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct community_application *p = row;
	char line[1600], date[32];
	size_t len = 0;

	(void)c, (void)l;
	screen_date(date, sizeof date, p->created_at);
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%s  %s (%s)  %s", p->community, p->applicant,
	    p->login, date);
	if (p->recommended_by[0] != '\0')
		text_appendf(line, sizeof line, &len, "  recommended by %s: %s", p->recommended_by,
		    p->recommend_note);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < 2)
		return 2;
	len = 0;
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "Why: %s%s", p->why, p->guidelines_at != 0 ?
	    "  (agreed to the guidelines)" : "");
	ui_draw_text(y + 1, x + 2, line, cols > 2 ? cols - 2 : cols,
	    a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static bool
answered(struct screen_ctx *c, struct list *l, int r, const char *why, const char *pre,
    const char *post)
{
	struct applications *m = list_ctx(l);

	if (r == 0) {
		screen_info(c, "%s%s%s", pre, m->login, post);
		list_reload(c, l);
		return true;
	}
	if (why != NULL)
		screen_error(c, "%s", why);
	else if (r == ERR_DENIED)
		screen_error(c, "That is not yours to decide.");
	else
		screen_error(c, "That did not work; please try again.");
	return r == ERR_STATE || r == ERR_NOTFOUND;
}

static const struct community_application *
take(void *st)
{
	struct applications *m = list_ctx(st);
	const struct community_application *p = list_selected(st);

	if (p != NULL) {
		m->app_id = p->id;
		text_copy(m->login, sizeof m->login, p->login);
	}
	return p;
}

static bool
recommend_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct applications *m = list_ctx(l);
	const char *why = NULL;

	return answered(c, l, db_community_application_recommend(c->db, c->me.id, m->app_id,
	    text, &why), why, "Recommended ", " to the admins.");
}

static void
recommend(struct screen_ctx *c, void *st)
{
	struct applications *m = list_ctx(st);

	(void)c;
	if (take(st) != NULL)
		screen_foot_open(&m->foot, "Why do you recommend them (the admins read it)? ",
		    STAFF_REASON_MAX, false, recommend_done);
}

static bool
appoint_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct applications *m = list_ctx(l);
	const char *why = NULL;

	return answered(c, l, db_community_application_appoint(c->db, c->me.id, m->app_id, text,
	    &why), why, "Appointed ", "; they are told.");
}

static void
appoint(struct screen_ctx *c, void *st)
{
	struct applications *m = list_ctx(st);

	(void)c;
	if (take(st) != NULL)
		screen_foot_open(&m->foot, "Reason for appointing (in the audit log): ",
		    STAFF_REASON_MAX, false, appoint_done);
}

static bool
decline_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct applications *m = list_ctx(l);
	const char *why = NULL;

	return answered(c, l, db_community_application_decline(c->db, c->me.id, m->app_id, text,
	    &why), why, "Declined the application of ", "; they are told why.");
}

static void
decline(struct screen_ctx *c, void *st)
{
	struct applications *m = list_ctx(st);

	(void)c;
	if (take(st) != NULL)
		screen_foot_open(&m->foot, "Reason for declining (they see it): ",
		    STAFF_REASON_MAX, false, decline_done);
}

static void
open_moderators(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_push(c, &screen_admin_mod_list, NULL);
}

static const struct ui_binding mod_keys[] = {
	{ 'r', 'R', "r recommend", recommend },
};

static const struct ui_binding admin_keys[] = {
	{ 'a', 'A', "a appoint", appoint },
	{ 'd', 'D', "d decline", decline },
	{ 'm', 'M', "m moderators of each community", open_moderators },
};

static int
apps_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c, (void)l;
	return 1;
}

static void
apps_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	struct applications *m = list_ctx(l);

	(void)c;
	screen_foot_draw(&m->foot, y, cols);
}

static bool
apps_key(struct screen_ctx *c, struct list *l, int key)
{
	struct applications *m = list_ctx(l);

	return screen_foot_key(&m->foot, c, l, key);
}

static void
apps_hints(struct screen_ctx *c, struct list *l)
{
	struct applications *m = list_ctx(l);

	if (m->admin)
		screen_foot_hints(&m->foot, c, admin_keys, sizeof admin_keys / sizeof admin_keys[0],
		    "  q back  ? help");
	else
		screen_foot_hints(&m->foot, c, mod_keys, sizeof mod_keys / sizeof mod_keys[0],
		    "  q back  ? help");
}

static void *
mod_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct applications));
}

static void *
admin_init(struct screen_ctx *c, const void *arg)
{
	struct applications *m = mod_init(c, arg);

	m->admin = true;
	return m;
}

static void
apps_fini(void *ctx)
{
	struct applications *m = ctx;

	screen_foot_close(&m->foot);
	free(m);
}

#define APPS_COMMON \
	.head_rows = 3, .row_size = sizeof(struct community_application), .load = apps_load, \
	.row_id = apps_id, .draw_head = apps_head, .draw_row = apps_row, .row_lines = 2, \
	.foot_rows = apps_foot_rows, .draw_foot = apps_foot, .key = apps_key, \
	.hints = apps_hints, .fini = apps_fini, \
	.load_error = "The applications could not be read (or are not yours to see)."

static const struct list_def mod_apps_list = {
	APPS_COMMON,
	.empty = "No open applications to moderate your communities.",
	.keys = mod_keys, .nkeys = sizeof mod_keys / sizeof mod_keys[0], .init = mod_init,
};

static const struct list_def admin_apps_list = {
	APPS_COMMON,
	.empty = "No open applications. m lists the moderators of each community.",
	.keys = admin_keys, .nkeys = sizeof admin_keys / sizeof admin_keys[0], .init = admin_init,
};

const struct screen screen_mod_applications = {
	.name = "mod-applications", .section = "Moderation", .list = &mod_apps_list,
};

const struct screen screen_admin_moderators = {
	.name = "admin-moderators", .section = "Administration", .list = &admin_apps_list,
};
