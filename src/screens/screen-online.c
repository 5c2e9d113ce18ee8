/* Who's online: live sessions, where they are and how long idle. The list
 * reloads when another session writes; idle times tick with the clock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-presence.h"
#include "db/db.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LIST_TOP	(UI_BODY_TOP + 4)
#define LOGIN_COLS	16
#define WHERE_COLS	20
#define IDLE_COLS	7

struct online {
	struct presence *rows;
	size_t n;
	struct ui_list list;
};

static size_t
page_rows(void)
{
	int rows = ui_msg_row() - LIST_TOP - 1;

	return rows > 0 ? (size_t)rows : 1;
}

/* "0m", "3m", "1h05m". */
static void
format_idle(char *buf, size_t sz, int64_t secs)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		snprintf(buf, sz, "%lldh%02lldm", (long long)(secs / 3600),
		    (long long)(secs % 3600 / 60));
	else
		snprintf(buf, sz, "%lldm", (long long)(secs / 60));
}

static void
load(struct screen_ctx *c, struct online *o)
{
	struct presence *rows = NULL;
	size_t n = 0, sel = o->list.sel;
	int keep = o->list.sel < o->n ? o->rows[o->list.sel].pid : 0;

	if (db_presence_list(c->db, &rows, &n) != 0) {
		screen_error(c, "The list could not be read; it will be retried.");
		return;
	}
	/* Keep the selection on the same session when the list changes. */
	for (size_t i = 0; i < n; i++)
		if (rows[i].pid == keep)
			sel = i;
	free(o->rows);
	o->rows = rows;
	o->n = n;
	o->list.sel = sel;
	ui_list_resize(&o->list, n, page_rows());
}

static void
draw_row(const struct presence *p, int y, bool sel, size_t name_cols)
{
	int64_t last = p->last_input_at > 0 ? p->last_input_at : p->started_at;
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;
	int x = 2;
	char idle[48];

	if (sel)
		ui_draw_fill(y, 1, (size_t)ui_cols() - 2, a);
	ui_draw_text(y, x, p->name, name_cols, a);
	x += (int)name_cols + 1;
	ui_draw_text(y, x, p->login, LOGIN_COLS, a);
	x += LOGIN_COLS + 1;
	ui_draw_text(y, x, p->section, WHERE_COLS, a);
	x += WHERE_COLS + 1;
	format_idle(idle, sizeof idle, db_now() - last);
	ui_draw_text(y, x, idle, IDLE_COLS, a);
}

static void
online_draw(struct screen_ctx *c, void *st)
{
	struct online *o = st;
	size_t name_cols = (size_t)ui_cols() - 4 - LOGIN_COLS - WHERE_COLS - IDLE_COLS - 3;
	size_t page = page_rows();
	int x = 2;
	char title[64];

	snprintf(title, sizeof title, "Who's online (%zu)", o->n);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, 40, UI_A_TITLE);
	ui_draw_text(LIST_TOP - 1, x, "Name", name_cols, UI_A_BOLD);
	x += (int)name_cols + 1;
	ui_draw_text(LIST_TOP - 1, x, "Login", LOGIN_COLS, UI_A_BOLD);
	x += LOGIN_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Where", WHERE_COLS, UI_A_BOLD);
	x += WHERE_COLS + 1;
	ui_draw_text(LIST_TOP - 1, x, "Idle", IDLE_COLS, UI_A_BOLD);
	for (size_t i = o->list.top; i < o->n && i - o->list.top < page; i++)
		draw_row(&o->rows[i], LIST_TOP + (int)(i - o->list.top),
		    i == o->list.sel, name_cols);
	screen_hints(c, "Enter view profile  Up/Down choose  q back  ? help");
}

static void
view_profile(struct screen_ctx *c, void *st)
{
	struct online *o = st;

	if (o->list.sel < o->n)
		screen_push(c, &screen_profile, &o->rows[o->list.sel].user_id);
}

static const struct ui_binding online_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter view profile", view_profile },
};

static bool
online_key(struct screen_ctx *c, void *st, int key)
{
	struct online *o = st;

	if (ui_list_key(&o->list, key, page_rows()))
		return true;
	return ui_keys_run(online_keys, sizeof online_keys / sizeof online_keys[0],
	    c, st, key);
}

static void
online_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
online_enter(struct screen_ctx *c, const void *arg)
{
	struct online *o = xcalloc(1, sizeof *o);

	(void)arg;
	load(c, o);
	return o;
}

static void
online_leave(struct screen_ctx *c, void *st)
{
	struct online *o = st;

	(void)c;
	free(o->rows);
	free(o);
}

const struct screen screen_online = {
	.name = "online",
	.section = "Who's online",
	.enter = online_enter,
	.draw = online_draw,
	.key = online_key,
	.leave = online_leave,
	.update = online_update,
};
