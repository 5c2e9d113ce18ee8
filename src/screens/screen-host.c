/* The HOST program menu: one's host profile, the programs one will visit,
 * finding a host, My HOST and the log of who saw one's address. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-menu.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

struct host_menu {
	struct ui_list list;
	bool hosting_profile;		/* I have a host profile */
	enum host_status status;
};

static void
load(struct screen_ctx *c, struct host_menu *m)
{
	struct host_profile *p = xcalloc(1, sizeof *p);

	(void)db_host_sweep(c->db, db_now());
	m->hosting_profile = db_host_get(c->db, c->me.id, c->me.id, p) == 0;
	m->status = m->hosting_profile ? p->status : HOST_OFF;
	free(p);
}

static void
open_edit(struct screen_ctx *c)
{
	if (c->me.role == ROLE_STUDENT) {
		screen_error(c, "Students cannot host; alumni and trainees can. Find a host instead.");
		return;
	}
	screen_push(c, &screen_host_edit, NULL);
}

/* A student finds hosts and asks: the first and the last entry (their own
 * host profile and its address log) are a host's, so not listed (entries). */
static const struct ui_menu_item menu[] = {
	{ 'e', "My host profile", "Offer a stay, meals, rides or advice; opt in or out",
	  NULL, open_edit },
	{ 'i', "My interviews", "The programs you will visit, and when",
	  &screen_host_interviews, NULL },
	{ 'f', "Find a host", "Search hosts near the programs you will visit",
	  &screen_host_find, NULL },
	{ 'm', "My HOST", "Upcoming stays, open requests, past stays, references",
	  &screen_host_my, NULL },
	{ 'l', "Address log", "Each time a guest was shown your address",
	  &screen_host_log, NULL },
};
#define MENU_N (sizeof menu / sizeof menu[0])

static const struct ui_menu_item *
entries(const struct screen_ctx *c, struct host_menu *m, size_t *n)
{
	bool guest = c->me.role == ROLE_STUDENT;

	*n = guest ? MENU_N - 2 : MENU_N;
	ui_list_resize(&m->list, *n, *n);
	return guest ? menu + 1 : menu;
}

static void
host_draw(struct screen_ctx *c, void *st)
{
	struct host_menu *m = st;
	const struct ui_menu_item *e;
	size_t cols = (size_t)ui_cols() - 4, n;
	int y = UI_BODY_TOP + 1;
	char line[160];

	ui_draw_text(y, 2, "HOST program", cols, UI_A_TITLE);
	y += 2;
	y += (int)ui_draw_wrapped(y, 2, 3, cols, "Alumni and trainees host students and "
	    "trainees travelling for interviews, second looks and conferences: a bed, "
	    "meals, a ride or advice. Addresses stay private until a host accepts.",
	    0, UI_A_NORMAL) + 1;
	if (c->me.role == ROLE_STUDENT)
		snprintf(line, sizeof line, "Students can find hosts and send requests.");
	else if (!m->hosting_profile)
		snprintf(line, sizeof line, "You have no host profile yet: press E to offer help.");
	else
		snprintf(line, sizeof line, "Your host status: %s", host_status_label(m->status));
	ui_draw_text(y, 2, line, cols, UI_A_INFO);
	y += 2;
	e = entries(c, m, &n);
	ui_menu_draw(e, n, &m->list, y, cols,
	    (size_t)(ui_msg_row() > y + 1 ? ui_msg_row() - y : 1));
	screen_hints(c, c->me.role == ROLE_STUDENT ? "Up/Down move  Enter select  I F M  q back  ? help" :
	    "Up/Down move  Enter select  E I F M L  q back  ? help");
}

static bool
host_key(struct screen_ctx *c, void *st, int key)
{
	struct host_menu *m = st;
	size_t n;
	const struct ui_menu_item *e = entries(c, m, &n);

	/* A host's letters, typed by a student who read them somewhere, get
	 * the reason rather than nothing. */
	if (c->me.role == ROLE_STUDENT && (key == 'e' || key == 'E' || key == 'l' ||
	    key == 'L')) {
		open_edit(c);
		return true;
	}
	if (key == UI_KEY_ENTER) {
		ui_menu_run(e, n, &m->list, c);
		return true;
	}
	return ui_menu_key(e, n, &m->list, c, key);
}

static void
host_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
host_enter(struct screen_ctx *c, const void *arg)
{
	struct host_menu *m = xcalloc(1, sizeof *m);

	(void)arg;
	(void)entries(c, m, &m->list.n);
	load(c, m);
	return m;
}

static void
host_leave(struct screen_ctx *c, void *st)
{
	(void)c;
	free(st);
}

const struct screen screen_host = {
	.name = "host", .section = "HOST program", .enter = host_enter, .draw = host_draw,
	.key = host_key, .leave = host_leave, .update = host_update,
};
