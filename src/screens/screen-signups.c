/* Administration > Sign-ups: the approval-mode sign-ups waiting, oldest
 * first, with the role, profile and age each declared. a approves (and
 * marks the declared role verified), A approves without verifying, r
 * rejects; each asks for a reason, which the audit log keeps and a
 * rejected newcomer reads at login. The data layer decides (db-admin.h). */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-admin.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "screens/screen-admin.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

enum step { ASK_NONE, ASK_APPROVE, ASK_APPROVE_PLAIN, ASK_REJECT };

struct signups_view {
	struct admin_ask ask;		/* first: the admin_ask_list_* callbacks read it */
	int64_t target;
	char login[MEMBER_LOGIN_SZ];
};

static void *
signups_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct signups_view));
}

static int
signups_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_signup_list(c->db, c->me.id, 200, (struct signup **)rows, n);
}

static int64_t
signups_id(const void *row)
{
	return ((const struct signup *)row)->id;
}

static void
signups_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c;
	ui_draw_text(UI_BODY_TOP + 1, 2, list_count(l) > 0 ? "Sign-ups waiting for approval" :
	    "Sign-ups", cols, UI_A_TITLE);
}

/* "zed  Zed Zhang  student  3h ago" over "MD 2027, Cardiology, MGH, Boston". */
static int
signups_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct signup *s = row;
	char age[32], line[MEMBER_NAME_SZ + MEMBER_LOGIN_SZ + 64];
	char prof[MEMBER_FIELD_SZ * 4 + 32];
	size_t len = 0;

	(void)c, (void)l;
	screen_age(age, sizeof age, s->created_at);
	snprintf(line, sizeof line, "%-16s %s, declared %s, signed up %s", s->login, s->name,
	    screen_role_label(s->role), age);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < 2)
		return 2;
	prof[0] = '\0';
	text_appendf(prof, sizeof prof, &len, "  %s", s->programs[0] != '\0' ? s->programs :
	    "(no program)");
	if (s->grad_year > 0)
		text_appendf(prof, sizeof prof, &len, " %d", s->grad_year);
	if (s->specialty[0] != '\0')
		text_appendf(prof, sizeof prof, &len, ", %s", s->specialty);
	if (s->institution[0] != '\0')
		text_appendf(prof, sizeof prof, &len, ", %s", s->institution);
	if (s->city[0] != '\0')
		text_appendf(prof, sizeof prof, &len, ", %s", s->city);
	ui_draw_text(y + 1, x, prof, cols, a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static void
start(struct screen_ctx *c, struct list *l, enum step step)
{
	struct signups_view *v = list_ctx(l);
	const struct signup *s = list_selected(l);
	char q[200];

	if (s == NULL) {
		screen_error(c, "No sign-up is waiting.");
		return;
	}
	v->target = s->id;
	snprintf(v->login, sizeof v->login, "%s", s->login);
	snprintf(q, sizeof q, step == ASK_REJECT ? "Reject %s: the reason they will read?" :
	    step == ASK_APPROVE ? "Approve %s as %s (role verified): a note for the log?" :
	    "Approve %s (role as declared, not verified): a note for the log?", s->login,
	    screen_role_label(s->role));
	admin_ask_open(&v->ask, step, q, STAFF_REASON_MAX);
}

static void key_approve(struct screen_ctx *c, void *st) { start(c, st, ASK_APPROVE); }
static void key_plain(struct screen_ctx *c, void *st) { start(c, st, ASK_APPROVE_PLAIN); }
static void key_reject(struct screen_ctx *c, void *st) { start(c, st, ASK_REJECT); }

static bool
signups_key(struct screen_ctx *c, struct list *l, int key)
{
	struct signups_view *v = list_ctx(l);
	const char *text = NULL;
	char done[MEMBER_LOGIN_SZ + 32], state[MEMBER_LOGIN_SZ + 48];
	int r;

	if (!admin_ask_active(&v->ask))
		return false;
	if (admin_ask_key(&v->ask, c, key, &text) != UI_LINE_DONE)
		return key != UI_KEY_F1;
	if (v->ask.step == ASK_REJECT)
		r = db_signup_reject(c->db, c->me.id, v->target, text);
	else
		r = db_signup_approve(c->db, c->me.id, v->target, v->ask.step == ASK_APPROVE, text);
	snprintf(done, sizeof done, v->ask.step == ASK_REJECT ? "%s was rejected." :
	    "%s was approved and told.", v->login);
	snprintf(state, sizeof state, "Another admin decided on %s meanwhile.", v->login);
	admin_ask_decided(c, l, r, done, state, "Only admins decide sign-ups.");
	return true;
}

static const struct ui_binding signups_keys[] = {
	{ 'a', 0, "a approve+verify", key_approve },
	{ 'A', 0, "A approve", key_plain },
	{ 'r', 'R', "r reject", key_reject },
};

static void
signups_hints(struct screen_ctx *c, struct list *l)
{
	admin_ask_hints(c, l, signups_keys, sizeof signups_keys / sizeof signups_keys[0],
	    "  q back  ? help");
}

static const struct list_def signups_list = {
	.head_rows = 2, .row_size = sizeof(struct signup), .load = signups_load,
	.row_id = signups_id, .draw_head = signups_head, .draw_row = signups_row, .row_lines = 2,
	.empty = "Nobody is waiting: new sign-ups appear here (and in your notices) when "
	    "registration needs approval.",
	.load_error = "The sign-ups could not be read (or are not yours to read).",
	.foot_rows = admin_ask_list_rows, .draw_foot = admin_ask_list_draw, .key = signups_key,
	.keys = signups_keys, .nkeys = sizeof signups_keys / sizeof signups_keys[0],
	.hints = signups_hints, .init = signups_init, .fini = admin_ask_list_free,
};

const struct screen screen_signups = {
	.name = "signups", .section = "Sign-ups", .list = &signups_list,
};
