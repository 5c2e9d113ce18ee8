/* Roles are verified by the admins (issue 10). Two screens:
 *  - screen_role_request (Profile > r): the member's role, whether it is
 *    verified, their open request; a, t or s asks to become alumni,
 *    trainee or student, with a note for the admins;
 *  - screen_role_requests (Administration > Role requests): the open
 *    requests, oldest first; a approves (the role changes and is
 *    verified), d declines; each with a reason the member reads.
 * The data layer decides (db-admin.h). */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-admin.h"
#include "db/db-user.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/admin.h"
#include "rules/sanction.h"
#include "screens/screen-admin.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

struct roles_view {
	struct admin_ask ask;		/* first: the admin_ask_list_* callbacks read it */
	enum role want;
	int64_t target;
	bool approve;
	struct role_request open;
	bool has_open;
	int64_t verified_at;
};

static void *
roles_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct roles_view));
}

/* ---- the member's side ---- */

static int
mine_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	struct roles_view *v = list_ctx(l);
	int r;

	(void)after, (void)limit;
	if ((r = db_role_request_open(c->db, c->me.id, &v->open, &v->has_open)) != 0 ||
	    (r = db_role_verified_at(c->db, c->me.id, &v->verified_at)) != 0)
		return r;
	*rows = NULL;
	*n = 0;
	return 0;
}

static void
mine_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	struct roles_view *v = list_ctx(l);
	char line[ROLE_NOTE_MAX * 4 + 128], when[32];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Your role", cols, UI_A_TITLE);
	screen_date(when, sizeof when, v->verified_at);
	snprintf(line, sizeof line, "%s, %s%s.", screen_role_label(c->me.role),
	    v->verified_at > 0 ? "verified by the admins on " : "as you declared it (not "
	    "verified yet)", v->verified_at > 0 ? when : "");
	ui_draw_text(UI_BODY_TOP + 3, 2, line, cols, UI_A_BOLD);
	if (v->has_open) {
		snprintf(line, sizeof line, "Waiting for the admins: you asked to become %s (%s).",
		    screen_role_label(v->open.to), v->open.note[0] != '\0' ? v->open.note :
		    "no note");
		ui_draw_text(UI_BODY_TOP + 4, 2, line, cols, UI_A_INFO);
	}
}

static void
ask_role(struct screen_ctx *c, struct list *l, enum role to)
{
	struct roles_view *v = list_ctx(l);
	char q[200];

	if (v->has_open) {
		screen_error(c, "You have a request open already: the admins will answer it.");
		return;
	}
	if (to == c->me.role) {
		screen_error(c, "That is your role already.");
		return;
	}
	v->want = to;
	snprintf(q, sizeof q, "Ask to become %s: a note for the admins (how they can check)?",
	    screen_role_label(to));
	admin_ask_open(&v->ask, 1, q, ROLE_NOTE_MAX);
}

static void key_alumni(struct screen_ctx *c, void *st) { ask_role(c, st, ROLE_ALUMNI); }
static void key_trainee(struct screen_ctx *c, void *st) { ask_role(c, st, ROLE_TRAINEE); }
static void key_student(struct screen_ctx *c, void *st) { ask_role(c, st, ROLE_STUDENT); }

static bool
mine_key(struct screen_ctx *c, struct list *l, int key)
{
	struct roles_view *v = list_ctx(l);
	const char *text = NULL, *why = NULL;
	int r;

	if (!admin_ask_active(&v->ask))
		return false;
	if (admin_ask_key(&v->ask, c, key, &text) != UI_LINE_DONE)
		return key != UI_KEY_F1;
	if ((r = db_role_request(c->db, c->me.id, v->want, text, NULL, &why)) != 0) {
		if (why != NULL)
			screen_refused(c, why);
		else
			screen_error(c, "That failed: %s.", err_str(r));
		return true;
	}
	screen_info(c, "Sent: the admins will tell you their answer in your notices.");
	admin_ask_close(&v->ask);
	list_reload(c, l);
	return true;
}

static const struct ui_binding mine_keys[] = {
	{ 'a', 'A', "a alumni", key_alumni },
	{ 't', 'T', "t trainee", key_trainee },
	{ 's', 'S', "s student", key_student },
};

static void
mine_hints(struct screen_ctx *c, struct list *l)
{
	if (admin_ask_active(&((struct roles_view *)list_ctx(l))->ask))
		screen_hints(c, "Enter send  Esc cancel  Ctrl-U clear");
	else
		screen_key_hints(c, mine_keys, sizeof mine_keys / sizeof mine_keys[0],
		    "  q back  ? help");
}

static const struct list_def mine_list = {
	.head_rows = 5, .row_size = sizeof(struct role_request), .load = mine_load,
	.draw_head = mine_head, .scroll_only = true,
	.empty = "Your role is checked by the admins, so you cannot change it yourself. "
	    "To ask for a change, press a (alumni), t (trainee) or s (student).",
	.load_error = "Your role could not be read.",
	.foot_rows = admin_ask_list_rows, .draw_foot = admin_ask_list_draw, .key = mine_key,
	.keys = mine_keys, .nkeys = sizeof mine_keys / sizeof mine_keys[0], .hints = mine_hints,
	.init = roles_init, .fini = admin_ask_list_free,
};

const struct screen screen_role_request = {
	.name = "role-request", .section = "Your role", .list = &mine_list,
};

/* ---- the admins' side ---- */

static int
admin_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_role_request_list(c->db, c->me.id, 200, (struct role_request **)rows, n);
}

static int64_t
admin_id(const void *row)
{
	return ((const struct role_request *)row)->id;
}

static void
admin_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Role change requests", cols, UI_A_TITLE);
}

static int
admin_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct role_request *q = row;
	char age[32], line[MEMBER_NAME_SZ + MEMBER_LOGIN_SZ + 96], note[sizeof q->note + 4];

	(void)c, (void)l;
	screen_age(age, sizeof age, q->created_at);
	snprintf(line, sizeof line, "%-16s %s: %s -> %s, asked %s", q->login, q->name,
	    member_role_name(q->from), member_role_name(q->to), age);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < 2)
		return 2;
	snprintf(note, sizeof note, "  %s", q->note[0] != '\0' ? q->note : "(no note)");
	ui_draw_text(y + 1, x, note, cols, a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static void
decide(struct screen_ctx *c, struct list *l, bool approve)
{
	struct roles_view *v = list_ctx(l);
	const struct role_request *q = list_selected(l);
	char text[200];

	if (q == NULL) {
		screen_error(c, "No request is waiting.");
		return;
	}
	v->target = q->id;
	v->approve = approve;
	snprintf(text, sizeof text, "%s %s as %s: the reason they will read?", approve ?
	    "Approve" : "Decline", q->login, member_role_name(q->to));
	admin_ask_open(&v->ask, 1, text, STAFF_REASON_MAX);
}

static void key_yes(struct screen_ctx *c, void *st) { decide(c, st, true); }
static void key_no(struct screen_ctx *c, void *st) { decide(c, st, false); }

static bool
admin_key(struct screen_ctx *c, struct list *l, int key)
{
	struct roles_view *v = list_ctx(l);
	const char *text = NULL;
	int r;

	if (!admin_ask_active(&v->ask))
		return false;
	if (admin_ask_key(&v->ask, c, key, &text) != UI_LINE_DONE)
		return key != UI_KEY_F1;
	r = db_role_request_decide(c->db, c->me.id, v->target, v->approve, text);
	admin_ask_decided(c, l, r, v->approve ? "Approved: the role is changed and verified." :
	    "Declined: the member is told why.", "Another admin decided on it meanwhile.",
	    "You may not decide this request (your own, or you are not an admin).");
	return true;
}

static const struct ui_binding admin_keys[] = {
	{ 'a', 'A', "a approve", key_yes },
	{ 'd', 'D', "d decline", key_no },
};

static void
admin_hints(struct screen_ctx *c, struct list *l)
{
	admin_ask_hints(c, l, admin_keys, sizeof admin_keys / sizeof admin_keys[0],
	    "  q back  ? help");
}

static const struct list_def admin_list = {
	.head_rows = 2, .row_size = sizeof(struct role_request), .load = admin_load,
	.row_id = admin_id, .draw_head = admin_head, .draw_row = admin_row, .row_lines = 2,
	.empty = "No role change requests are waiting.",
	.load_error = "The requests could not be read (or are not yours to read).",
	.foot_rows = admin_ask_list_rows, .draw_foot = admin_ask_list_draw, .key = admin_key,
	.keys = admin_keys, .nkeys = sizeof admin_keys / sizeof admin_keys[0],
	.hints = admin_hints, .init = roles_init, .fini = admin_ask_list_free,
};

const struct screen screen_role_requests = {
	.name = "role-requests", .section = "Role requests", .list = &admin_list,
};
