/* The main menu: greeting, welcome text and the menu. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-flag.h"
#include "db/db-host.h"
#include "db/db.h"
#include "lib/config.h"
#include "lib/log.h"
#include "screens/screen-mentor.h"
#include "screens/screen-staff.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-menu.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

/* The entries this member sees: everyone's, then the staff's. */
#define MENU_MAX	16

struct main_menu {
	struct ui_list list;
	char *welcome;
	struct ui_menu_item items[MENU_MAX];
	size_t n;
};

static void
open_help(struct screen_ctx *c)
{
	screen_push(c, &screen_help, screen_main.name);
}

static void
say_goodbye(struct screen_ctx *c)
{
	char esc[64];

	log_info("goodbye: user=%s", text_escape_log(esc, sizeof esc, c->me.login));
	screen_quit(c, SCREEN_GOODBYE, 0);
}

static void
logoff_answer(struct screen_ctx *c, void *arg, bool yes)
{
	(void)arg;
	if (yes)
		say_goodbye(c);
}

/* Every way off the system asks first: a stray g typed on the main menu
 * must not end a session. */
static void
ask_goodbye(struct screen_ctx *c)
{
	screen_ask(c, "Log off? [y/n]", logoff_answer, NULL);
}

/* Later issues add their entries here, one line each. The first is listed
 * only while the member has not accepted the code of conduct (entries). */
static const struct ui_menu_item menu[] = {
	{ 'a', "Accept rules", "Read and accept the code of conduct",
	  &screen_rules, NULL },
	{ 'p', "Profile", "Your profile, password and SSH keys", &screen_profile, NULL },
	{ 'f', "Find a mentor", "Search mentors, suggestions, bookmarks",
	  &screen_mentor_find, NULL },
	{ 'm', "My mentoring", "Your mentors, mentees and requests",
	  &screen_mentor_my, NULL },
	{ 'c', "Communities", "Regional networks and career paths",
	  &screen_communities, NULL },
	{ 'r', "Read new posts", "Every unread post in your communities",
	  &screen_board_scan, NULL },
	{ 'i', "Inbox", "Private messages", &screen_inbox, NULL },
	{ 'o', "HOST program", "Stay with alumni when you travel; host",
	  &screen_host, NULL },
	{ 'n', "Notices", "Requests, answers and replies for you", &screen_notices, NULL },
	{ 'w', "Who's online", "Members connected right now", &screen_online, NULL },
	{ 'h', "Help", "How this system works", NULL, open_help },
	{ 'g', "Goodbye", "Log off", NULL, ask_goodbye },
};
#define MENU_N (sizeof menu / sizeof menu[0])

/* Shown above Goodbye to those who hold the power; the data layer refuses
 * everyone else whatever is shown. */
static const struct {
	struct ui_menu_item item;
	bool (*shown)(const struct screen_ctx *c);
} staff_menu[] = {
	{ { 'x', "Moderation", "Flags, threads, members, applications",
	    &screen_mod_menu, NULL }, screen_staff_is_moderator },
	{ { 'z', "Administration", "Sign-ups, members, communities, safety",
	    &screen_admin_menu, NULL }, screen_staff_is_admin },
};
#define STAFF_N (sizeof staff_menu / sizeof staff_menu[0])
_Static_assert(MENU_N + STAFF_N <= MENU_MAX, "MENU_MAX too small");

/* Everyone's entries (Accept rules, the first, only until the member
 * has), with the staff's before the last (Goodbye); the selection stays
 * in range when the menu shrinks. */
static void
build_menu(struct screen_ctx *c, struct main_menu *m)
{
	size_t n = 0;

	for (size_t i = c->me.rules_accepted ? 1 : 0; i + 1 < MENU_N; i++)
		m->items[n++] = menu[i];
	for (size_t i = 0; i < STAFF_N; i++)
		if (staff_menu[i].shown(c))
			m->items[n++] = staff_menu[i].item;
	m->items[n++] = menu[MENU_N - 1];
	if (m->list.sel >= n)
		m->list.sel = n - 1;
	m->n = m->list.n = n;
}

static void
ask_logoff(struct screen_ctx *c, void *st)
{
	(void)st;
	ask_goodbye(c);
}

static void
run_selected(struct screen_ctx *c, void *st)
{
	struct main_menu *m = st;

	ui_menu_run(m->items, m->n, &m->list, c);
}

static const struct ui_binding main_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter select", run_selected },
	{ 'q', 'Q', "q log off", ask_logoff },
	{ UI_KEY_ESC, 0, NULL, ask_logoff },
};

/* The lines above the menu, each only while it fits above the menu's
 * title: a short terminal keeps the menu whole and drops these first. */
static int
draw_intro(struct screen_ctx *c, int y, int end, size_t cols)
{
	char greet[MEMBER_NAME_SZ + 32], news[96];

	if (y + 1 < end) {
		snprintf(greet, sizeof greet, "%s, %s", c->first_login ? "Welcome" :
		    "Welcome back", c->me.name);
		ui_draw_text(y, 2, greet, cols, UI_A_TITLE);
		y += 2;
	}
	if (c->me.status == STATUS_ACTIVE && !c->me.rules_accepted && y + 2 < end) {
		y += (int)ui_draw_wrapped(y, 2, end - y - 1, cols, "Before you post or send "
		    "messages, please read and accept the code of conduct: press A.", 0,
		    UI_A_INFO) + 1;
	}
	if (c->me.status == STATUS_PENDING && y + 2 < end) {
		y += (int)ui_draw_wrapped(y, 2, end - y - 1, cols, "Your account is awaiting "
		    "approval by a sysop. Until then you can complete your profile "
		    "and read, but not post or send messages.", 0, UI_A_INFO) + 1;
	}
	if (c->live.notices > 0 && y + 1 < end) {
		snprintf(news, sizeof news, "You have %lld new notice%s: press N to read %s.",
		    (long long)c->live.notices, c->live.notices == 1 ? "" : "s",
		    c->live.notices == 1 ? "it" : "them");
		y += (int)ui_draw_wrapped(y, 2, end - y - 1, cols, news, 0, UI_A_INFO) + 1;
	}
	if (c->live.unread_messages > 0 && y + 1 < end) {
		snprintf(news, sizeof news, "You have %lld unread private message%s: "
		    "press I for your inbox.", (long long)c->live.unread_messages,
		    c->live.unread_messages == 1 ? "" : "s");
		y += (int)ui_draw_wrapped(y, 2, end - y - 1, cols, news, 0, UI_A_INFO) + 1;
	}
	return y;
}

static void
main_draw(struct screen_ctx *c, void *st)
{
	struct main_menu *m = st;
	int y, menu_top, body = ui_body_rows();
	size_t cols = (size_t)ui_cols() - 4, menu_rows;

	/* The rules accepted or a power gained a moment ago change the entries. */
	build_menu(c, m);
	/* The menu sits at the bottom of the body under its title; on a short
	 * terminal it takes every row but the title's and scrolls. */
	menu_rows = m->n < (size_t)body - 1 ? m->n : (size_t)body - 1;
	menu_top = UI_BODY_TOP + body - (int)menu_rows;
	y = draw_intro(c, UI_BODY_TOP + 1, menu_top - 1, cols);
	/* The welcome text gets what is left, with a blank row above the menu. */
	if (menu_top - 2 > y)
		ui_draw_wrapped(y, 2, menu_top - 2 - y, cols, m->welcome, 0, UI_A_NORMAL);
	ui_draw_text(menu_top - 1, 2, "Main menu", cols, UI_A_BOLD);
	ui_menu_draw(m->items, m->n, &m->list, menu_top, cols < 60 ? cols : 60, menu_rows);
	/* Short: the menu shows its letters, and the status bar keeps room
	 * for news (a new message, the newest notice). */
	screen_key_hints(c, main_keys, sizeof main_keys / sizeof main_keys[0], "  ? help");
}

static bool
main_key(struct screen_ctx *c, void *st, int key)
{
	struct main_menu *m = st;

	build_menu(c, m);

	if (ui_menu_key(m->items, m->n, &m->list, c, key))
		return true;
	return ui_keys_run(main_keys, sizeof main_keys / sizeof main_keys[0], c, st, key);
}

static void
main_update(struct screen_ctx *c, void *st)
{
	struct main_menu *m = st;

	/* The online count or the member's name may have changed. */
	free(m->welcome);
	m->welcome = screen_text(c, "welcome");
	build_menu(c, m);
}

static void *
main_enter(struct screen_ctx *c, const void *arg)
{
	struct main_menu *m = xcalloc(1, sizeof *m);

	(void)arg;
	/* HOST requests that expired or completed while nobody looked. */
	(void)db_host_sweep(c->db, db_now());
	/* Flagged items waiting past [moderation] review_stale_hours: their
	 * moderators hear of it once. */
	(void)db_review_sweep(c->db, db_now(), c->cfg->moderation.review_stale_hours);
	build_menu(c, m);
	m->welcome = screen_text(c, "welcome");
	/* One question at a time: an unsent draft first, then the mentoring
	 * availability check (which asks only when nothing else is asked). */
	(void)screen_offer_draft(c);
	screen_mentor_login(c);
	return m;
}

static void
main_leave(struct screen_ctx *c, void *st)
{
	struct main_menu *m = st;

	(void)c;
	free(m->welcome);
	free(m);
}

const struct screen screen_main = {
	.name = "main", .section = "Main menu", .enter = main_enter, .draw = main_draw,
	.key = main_key, .leave = main_leave, .update = main_update,
};
