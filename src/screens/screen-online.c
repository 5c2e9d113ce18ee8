/* Who's online: live sessions, where they are and how long idle. The list
 * reloads when another session writes, and the selection stays on the same
 * session; idle times tick with the clock. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-presence.h"
#include "db/db.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define LOGIN_COLS	16
#define WHERE_COLS	20
#define IDLE_COLS	7
#define NAME_MIN	12

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

static int
online_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_presence_list(c->db, (struct presence **)rows, n);
}

/* A member may be connected twice: the session is the row. */
static int64_t
online_id(const void *row)
{
	return ((const struct presence *)row)->pid;
}

/* Name, login, where, idle: the name takes what the others leave, and a
 * narrow screen drops idle, then where. */
static void
widths(size_t cols, size_t w[4])
{
	static const size_t want[4] = { 0, LOGIN_COLS, WHERE_COLS, IDLE_COLS };

	ui_cells_fit(cols, want, 4, NAME_MIN, w);
}

static void
online_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	static const char *const heads[4] = { "Name", "Login", "Where", "Idle" };
	size_t w[4];
	char title[64];

	(void)c;
	snprintf(title, sizeof title, "Who's online (%zu)", list_count(l));
	ui_draw_text(UI_BODY_TOP + 1, 2, title, 40, UI_A_TITLE);
	widths(cols, w);
	ui_draw_cells(UI_BODY_TOP + 3, 2, heads, w, 4, UI_A_BOLD);
}

static int
online_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct presence *p = row;
	int64_t last = p->last_input_at > 0 ? p->last_input_at : p->started_at;
	char idle[48];
	const char *cells[4] = { p->name, p->login, p->section, idle };
	size_t w[4];

	(void)c, (void)l, (void)max_rows;
	format_idle(idle, sizeof idle, db_now() - last);
	widths(cols, w);
	ui_draw_cells(y, x, cells, w, 4, a);
	return 1;
}

static void
view_profile(struct screen_ctx *c, void *st)
{
	const struct presence *p = list_selected(st);

	if (p != NULL)
		screen_push(c, &screen_profile, &p->user_id);
}

static const struct ui_binding online_keys[] = {
	{ UI_KEY_ENTER, 0, "Enter view profile", view_profile },
};

static const struct list_def online_list = {
	.head_rows = 4, .row_size = sizeof(struct presence), .load = online_load,
	.row_id = online_id, .draw_head = online_head, .draw_row = online_row,
	.keys = online_keys, .nkeys = sizeof online_keys / sizeof online_keys[0],
	.hints_tail = "  Up/Down choose  q back  ? help",
};

const struct screen screen_online = {
	.name = "online", .section = "Who's online", .list = &online_list,
};
