/* The audit log: every moderation and admin action, newest first, with
 * who, what, on what, why and when. Admins read all of it; a moderator
 * the entries of their own communities (the data layer filters). / filters
 * by the login of who acted ("sysop" for the command line); an empty
 * filter shows everyone again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-staff.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "rules/user.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define PAGE		50
#define WHEN_COLS	17

struct audit_view {
	char actor[USER_LOGIN_MAX + 1];	/* "" shows everyone */
};

static void *
audit_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct audit_view));
}

static int
audit_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct audit_view *v = list_ctx(l);
	const struct audit_entry *last = after;
	struct audit_filter f = { .actor = v->actor };

	return db_audit_list(c->db, c->me.id, &f, last != NULL ? last->id : 0, limit,
	    (struct audit_entry **)rows, n);
}

static int64_t
audit_id(const void *row)
{
	return ((const struct audit_entry *)row)->id;
}

static void
audit_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	const struct audit_view *v = list_ctx(l);
	char title[96];

	(void)c;
	if (v->actor[0] != '\0')
		snprintf(title, sizeof title, "Audit log: actions by %s", v->actor);
	else
		snprintf(title, sizeof title, "Audit log");
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
}

/* "2026-12-04 21:40  alice  sanction.silence  bob in Boston" over the
 * reason and the change. */
static int
audit_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct audit_entry *e = row;
	char when[32], line[AUDIT_LABEL_SZ * 3 + 96], why[AUDIT_TEXT_SZ + AUDIT_LABEL_SZ * 2 + 16];
	size_t len = 0;

	(void)c, (void)l;
	screen_datetime(when, sizeof when, e->created_at);
	ui_draw_text(y, x, when, WHEN_COLS, a == UI_A_SELECT ? a : UI_A_DIM);
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%s  %s", e->actor, e->action);
	if (e->target[0] != '\0')
		text_appendf(line, sizeof line, &len, "  %s", e->target);
	if (e->community[0] != '\0')
		text_appendf(line, sizeof line, &len, " in %s", e->community);
	ui_draw_text(y, x + WHEN_COLS + 1, line, cols - WHEN_COLS - 1, a);
	if (max_rows < 2)
		return 2;
	len = 0;
	why[0] = '\0';
	text_appendf(why, sizeof why, &len, "%s", e->reason[0] != '\0' ? e->reason : "(no reason)");
	if (e->before[0] != '\0' || e->after[0] != '\0')
		text_appendf(why, sizeof why, &len, "  [%s -> %s]", e->before[0] != '\0' ?
		    e->before : "-", e->after[0] != '\0' ? e->after : "-");
	ui_draw_text(y + 1, x + WHEN_COLS + 1, why, cols - WHEN_COLS - 1,
	    a == UI_A_SELECT ? a : UI_A_NORMAL);
	return 2;
}

static void
open_filter(struct screen_ctx *c, void *st)
{
	(void)c;
	list_prompt_open(st);
}

static bool
filter_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct audit_view *v = list_ctx(l);
	char login[sizeof v->actor];
	const char *why;

	text_copy(login, sizeof login, text);
	text_trim(login);
	for (char *p = login; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (login[0] != '\0' && strcmp(login, "sysop") != 0 &&
	    user_check_login(login, NULL, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	memcpy(v->actor, login, sizeof v->actor);
	list_restart(c, l);
	return true;
}

static const struct ui_binding audit_keys[] = {
	{ '/', 'f', "/ filter by login", open_filter },
};

static const struct list_prompt filter_prompt = {
	.question = "Show the actions of which login? (\"sysop\" for the command line; "
	    "empty: everyone)", .label = "Login: ",
	.hints = "Enter filter  Esc cancel", .max_chars = USER_LOGIN_MAX, .done = filter_done,
};

static const char *
audit_empty(struct screen_ctx *c, struct list *l)
{
	const struct audit_view *v = list_ctx(l);

	(void)c;
	return v->actor[0] != '\0' ? "No actions by that login." :
	    "Nothing yet: moderation and admin actions will be listed here.";
}

static const struct list_def audit_list = {
	.head_rows = 3, .row_size = sizeof(struct audit_entry), .load = audit_load,
	.page = PAGE, .row_id = audit_id, .draw_head = audit_head, .draw_row = audit_row,
	.row_lines = 2, .empty_text = audit_empty,
	.load_error = "The audit log could not be read (or is not yours to read).",
	.keys = audit_keys, .nkeys = sizeof audit_keys / sizeof audit_keys[0],
	.hints_tail = "  q back  ? help", .prompt = &filter_prompt, .init = audit_init, .fini = free,
};

const struct screen screen_audit = {
	.name = "audit", .section = "Audit log", .list = &audit_list,
};
