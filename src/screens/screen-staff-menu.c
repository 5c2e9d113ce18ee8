/* The moderator and admin menus, reached from the main menu by those who
 * hold the power. Each entry names its screen; the features of the
 * moderation work add their entries to these tables, one line each. */
#include <stdlib.h>
#include "screens/screen-staff.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-menu.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

bool
screen_staff_is_moderator(const struct screen_ctx *c)
{
	return c->standing.moderator || c->standing.admin;
}

bool
screen_staff_is_admin(const struct screen_ctx *c)
{
	return c->standing.admin;
}

static const struct ui_menu_item mod_items[] = {
	{ 'r', "Review queue", "Flagged posts, messages and members",
	  NULL, screen_review_open_mod },
	{ 'l', "Audit log", "What moderators did here, and why",
	  &screen_audit, NULL },
	{ 'm', "Members", "Warn, silence, lift early; vouch", &screen_mod_members, NULL },
	{ 'a', "Applications", "Offers to moderate: recommend one",
	  &screen_mod_applications, NULL },
};

static const struct ui_menu_item admin_items[] = {
	{ 'r', "Review queue", "Flagged items everywhere, escalated first",
	  NULL, screen_review_open_admin },
	{ 's', "Safety queue", "HOST and unsafe flags, stays gone wrong",
	  NULL, screen_review_open_safety },
	{ 'l', "Audit log", "Every staff action, by login",
	  &screen_audit, NULL },
	{ 'p', "Pending sign-ups", "Approve or reject new members",
	  &screen_signups, NULL },
	{ 'm', "Members", "Find a member; warn, silence, suspend, ban",
	  &screen_members, NULL },
	{ 'i', "Sanctions in force", "Lift early; vouch for new members",
	  &screen_mod_members, NULL },
	{ 'o', "Role requests", "Members asking for another role",
	  &screen_role_requests, NULL },
	{ 'n', "Announcements", "Write and end announcements", &screen_announce, NULL },
	{ 'c', "Community requests", "Approve, decline or merge",
	  &screen_admin_requests, NULL },
	{ 'd', "Moderators", "Applications; appoint, remove",
	  &screen_admin_moderators, NULL },
};

struct staff_menu {
	struct ui_list list;
	const struct ui_menu_item *items;
	size_t n;
	const char *title, *intro;
};

static void *
menu_enter(struct screen_ctx *c, const void *arg, const struct ui_menu_item *items, size_t n,
    const char *title, const char *intro)
{
	struct staff_menu *m = xcalloc(1, sizeof *m);

	(void)c, (void)arg;
	m->items = items;
	m->n = n;
	m->list.n = n;
	m->title = title;
	m->intro = intro;
	return m;
}

static void *
mod_enter(struct screen_ctx *c, const void *arg)
{
	return menu_enter(c, arg, mod_items, sizeof mod_items / sizeof mod_items[0],
	    "Moderation", "You moderate some communities: their flagged posts, threads "
	    "and members come here. Everything you do is in the audit log, with your reason.");
}

static void *
admin_enter(struct screen_ctx *c, const void *arg)
{
	return menu_enter(c, arg, admin_items, sizeof admin_items / sizeof admin_items[0],
	    "Administration", "Sign-ups, sanctions, communities, moderators, safety and "
	    "announcements. Everything you do is in the audit log, with your reason.");
}

static void
menu_draw(struct screen_ctx *c, void *st)
{
	struct staff_menu *m = st;
	size_t cols = (size_t)ui_cols() - 4;
	int y = UI_BODY_TOP + 1;

	ui_draw_text(y, 2, m->title, cols, UI_A_TITLE);
	y += 2;
	y += (int)ui_draw_wrapped(y, 2, 3, cols, m->intro, 0, UI_A_NORMAL) + 1;
	ui_menu_draw(m->items, m->n, &m->list, y, cols,
	    (size_t)(ui_msg_row() > y + 1 ? ui_msg_row() - y : 1));
	screen_hints(c, "Up/Down move  Enter select  q back  ? help");
}

static bool
menu_key(struct screen_ctx *c, void *st, int key)
{
	struct staff_menu *m = st;

	if (key == UI_KEY_ENTER) {
		ui_menu_run(m->items, m->n, &m->list, c);
		return true;
	}
	return ui_menu_key(m->items, m->n, &m->list, c, key);
}

static void
menu_leave(struct screen_ctx *c, void *st)
{
	(void)c;
	free(st);
}

const struct screen screen_mod_menu = {
	.name = "moderation", .section = "Moderation", .enter = mod_enter, .draw = menu_draw,
	.key = menu_key, .leave = menu_leave,
};

const struct screen screen_admin_menu = {
	.name = "admin", .section = "Administration", .enter = admin_enter, .draw = menu_draw,
	.key = menu_key, .leave = menu_leave,
};
