/* Administration > Members: find a member by login, see their standing
 * and sanctions, give a warning, a silence, a suspension or a ban with an
 * end date and a reason, lift one early, or verify their role. Every
 * action is the data layer's to allow (db-sanction.h, db-admin.h); the
 * screen only asks the questions. A suspension or ban ends the member's
 * live sessions within a tick of their input loop (screen-standing.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-admin.h"
#include "db/db-sanction.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/admin.h"
#include "rules/sanction.h"
#include "rules/user.h"
#include "screens/screen-admin.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

enum step { ASK_NONE, ASK_LOGIN, ASK_UNTIL, ASK_REASON, ASK_LIFT, ASK_VERIFY };

struct members_view {
	struct admin_ask ask;		/* first: the admin_ask_list_* callbacks read it */
	struct member *who;		/* the member shown; NULL before the first find */
	int64_t verified_at;
	enum sanction_kind kind;	/* the sanction being given */
	int64_t until, lift_id;
};

static void *
members_init(struct screen_ctx *c, const void *arg)
{
	struct members_view *v = xcalloc(1, sizeof *v);

	(void)c, (void)arg;
	admin_ask_open(&v->ask, ASK_LOGIN, "Find a member: their login?", USER_LOGIN_MAX);
	return v;
}

static void
members_fini(void *ctx)
{
	struct members_view *v = ctx;

	admin_ask_close(&v->ask);
	free(v->who);
	free(v);
}

static int
members_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	struct members_view *v = list_ctx(l);

	(void)after, (void)limit;
	if (v->who == NULL) {
		*rows = NULL;
		*n = 0;
		return 0;
	}
	/* Re-read the member too: their status may have moved meanwhile. */
	if (db_user_get(c->db, v->who->id, v->who) != 0 ||
	    db_role_verified_at(c->db, v->who->id, &v->verified_at) != 0)
		return ERR_INTERNAL;
	return db_sanction_list(c->db, c->me.id, v->who->id, false, 100,
	    (struct sanction **)rows, n);
}

static int64_t
members_id(const void *row)
{
	return ((const struct sanction *)row)->id;
}

static void
members_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	struct members_view *v = list_ctx(l);
	struct sanction s;
	char line[MEMBER_NAME_SZ + MEMBER_LOGIN_SZ + 96], standing[AUDIT_TEXT_SZ + 128];
	bool found = false;

	ui_draw_text(UI_BODY_TOP + 1, 2, "Members", cols, UI_A_TITLE);
	if (v->who == NULL) {
		ui_draw_text(UI_BODY_TOP + 2, 2, "Press / to find a member by login.", cols,
		    UI_A_DIM);
		return;
	}
	snprintf(line, sizeof line, "%s (%s): %s, role %s%s", v->who->name, v->who->login,
	    member_status_name(v->who->status), member_role_name(v->who->role),
	    v->verified_at > 0 ? " (verified)" : " (declared)");
	ui_draw_text(UI_BODY_TOP + 2, 2, line, cols, UI_A_BOLD);
	if (db_sanction_in_force(c->db, v->who->id, 0, SANCTION_WARN, &s, &found) == 0 && found)
		sanction_describe(standing, sizeof standing, s.kind, s.community, s.ends_at,
		    s.reason);
	else
		snprintf(standing, sizeof standing, "In good standing: no sanction in force.");
	ui_draw_text(UI_BODY_TOP + 3, 2, standing, cols, found ? UI_A_ERROR : UI_A_NORMAL);
}

/* "suspend  [in force] until 2026-12-10 00:00 UTC  by ann: Threats" */
static int
members_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct sanction *s = row;
	char until[40], line[AUDIT_TEXT_SZ + AUDIT_LABEL_SZ * 2 + 96];
	size_t len = 0;

	(void)c, (void)l, (void)max_rows;
	staff_time(until, sizeof until, s->ends_at);
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%-8s %-9s %s %-21s by %s%s%s: %s",
	    sanction_kind_name(s->kind), s->lifted_at > 0 ? "[lifted]" :
	    s->ends_at > 0 && s->ends_at <= db_now() ? "[ended]" : "[in force]",
	    s->ends_at > 0 ? "until" : "     ", s->ends_at > 0 ? until : "no end", s->by,
	    s->community[0] != '\0' ? " in " : "", s->community, s->reason);
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

static void
ask_login(struct screen_ctx *c, void *st)
{
	struct members_view *v = list_ctx(st);

	(void)c;
	admin_ask_open(&v->ask, ASK_LOGIN, "Find a member: their login?", USER_LOGIN_MAX);
}

static void
start_sanction(struct screen_ctx *c, struct list *l, enum sanction_kind k)
{
	struct members_view *v = list_ctx(l);
	char q[200];

	if (v->who == NULL) {
		screen_error(c, "Find a member first: press /.");
		return;
	}
	v->kind = k;
	v->until = 0;
	if (k == SANCTION_WARN) {
		snprintf(q, sizeof q, "Warn %s: the reason they will read?", v->who->login);
		admin_ask_open(&v->ask, ASK_REASON, q, STAFF_REASON_MAX);
		return;
	}
	snprintf(q, sizeof q, "%s %s until when? Days (7) or a date YYYY-MM-DD (to its end, "
	    "UTC)%s", k == SANCTION_SILENCE ? "Silence" : k == SANCTION_SUSPEND ? "Suspend" :
	    "Ban", v->who->login, k == SANCTION_BAN ? "; empty: no end" : "");
	admin_ask_open(&v->ask, ASK_UNTIL, q, 10);
}

static void key_warn(struct screen_ctx *c, void *st) { start_sanction(c, st, SANCTION_WARN); }
static void key_silence(struct screen_ctx *c, void *st) { start_sanction(c, st, SANCTION_SILENCE); }
static void key_suspend(struct screen_ctx *c, void *st) { start_sanction(c, st, SANCTION_SUSPEND); }
static void key_ban(struct screen_ctx *c, void *st) { start_sanction(c, st, SANCTION_BAN); }

static void
key_lift(struct screen_ctx *c, void *st)
{
	struct members_view *v = list_ctx(st);
	const struct sanction *s = list_selected(st);
	char q[200];

	if (s == NULL || s->lifted_at > 0 || (s->ends_at > 0 && s->ends_at <= db_now())) {
		screen_error(c, "Choose a sanction that is still in force.");
		return;
	}
	v->lift_id = s->id;
	snprintf(q, sizeof q, "Lift the %s of %s early: why?", sanction_kind_name(s->kind),
	    s->login);
	admin_ask_open(&v->ask, ASK_LIFT, q, STAFF_REASON_MAX);
}

static void
key_verify(struct screen_ctx *c, void *st)
{
	struct members_view *v = list_ctx(st);
	char q[200];

	if (v->who == NULL) {
		screen_error(c, "Find a member first: press /.");
		return;
	}
	snprintf(q, sizeof q, "Verify that %s is %s: how do you know?", v->who->login,
	    member_role_name(v->who->role));
	admin_ask_open(&v->ask, ASK_VERIFY, q, STAFF_REASON_MAX);
}

/* The sentence for a refused action. */
static void
refused(struct screen_ctx *c, int r, const char *why)
{
	if (r == ERR_DENIED)
		screen_error(c, "You may not do that to this member (an admin, yourself, or "
		    "you no longer hold the power).");
	else if (r == ERR_STATE)
		screen_error(c, "Someone changed that meanwhile: look again.");
	else if (r == ERR_INVALID && why != NULL)
		screen_refused(c, why);
	else if (r == ERR_BUSY)
		screen_error(c, "The database is busy; please try again.");
	else
		screen_error(c, "That failed: %s.", err_str(r));
}

static bool
found_login(struct screen_ctx *c, struct list *l, const char *text)
{
	struct members_view *v = list_ctx(l);
	char login[USER_LOGIN_MAX + 1];
	struct member *m = xmalloc(sizeof *m);
	const char *why = NULL;
	int r;

	text_copy(login, sizeof login, text);
	text_trim(login);
	if (user_check_login(login, NULL, &why) != 0) {
		screen_refused(c, why);
		free(m);
		return false;
	}
	if ((r = db_user_get_by_login(c->db, login, m)) != 0) {
		screen_error(c, r == ERR_NOTFOUND ? "No member has that login." :
		    "The member could not be read.");
		free(m);
		return false;
	}
	free(v->who);
	v->who = m;
	list_restart(c, l);
	return true;
}

static bool
ask_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct members_view *v = list_ctx(l);
	const char *why = NULL;
	char esc[64];
	int r;

	switch (v->ask.step) {
	case ASK_LOGIN:
		return found_login(c, l, text);
	case ASK_UNTIL:
		if (admin_parse_until(text, db_now(), &v->until, &why) != 0) {
			screen_refused(c, why);
			return false;
		}
		if (v->until == 0 && v->kind != SANCTION_BAN) {
			screen_error(c, "A silence or suspension needs an end: days or a date.");
			return false;
		}
		admin_ask_open(&v->ask, ASK_REASON, "The reason the member will read?",
		    STAFF_REASON_MAX);
		return false;	/* the next question is open */
	case ASK_REASON:
		r = db_sanction_add(c->db, c->me.id, v->who->id, v->kind, 0, v->until, text, &why,
		    NULL);
		if (r != 0) {
			refused(c, r, why);
			return false;
		}
		log_info("sanction %s: user=%s", sanction_kind_name(v->kind),
		    text_escape_log(esc, sizeof esc, v->who->login));
		screen_info(c, "%s: %s.", v->who->login, sanction_kind_state(v->kind));
		break;
	case ASK_LIFT:
		if ((r = db_sanction_lift(c->db, c->me.id, v->lift_id, text)) != 0) {
			refused(c, r, r == ERR_INVALID ? "Give a reason of one line." : NULL);
			return false;
		}
		screen_info(c, "Lifted.");
		break;
	case ASK_VERIFY:
		if ((r = db_role_verify(c->db, c->me.id, v->who->id, text)) != 0) {
			refused(c, r, r == ERR_INVALID ? "Give a reason of one line." : NULL);
			if (r == ERR_STATE)
				screen_error(c, "That role is verified already.");
			return r == ERR_STATE;
		}
		screen_info(c, "The role of %s is verified.", v->who->login);
		break;
	default:
		return true;
	}
	list_reload(c, l);
	return true;
}

static bool
members_key(struct screen_ctx *c, struct list *l, int key)
{
	struct members_view *v = list_ctx(l);
	const char *text = NULL;

	if (!admin_ask_active(&v->ask))
		return false;
	if (admin_ask_key(&v->ask, c, key, &text) == UI_LINE_DONE) {
		int step = v->ask.step;

		if (ask_done(c, l, text) && v->ask.step == step)
			admin_ask_close(&v->ask);
	}
	return key != UI_KEY_F1;
}

static const struct ui_binding members_keys[] = {
	{ '/', 'f', "/ find", ask_login },
	{ 'w', 'W', "w warn", key_warn },
	{ 's', 'S', "s silence", key_silence },
	{ 'u', 'U', "u suspend", key_suspend },
	{ 'b', 'B', "b ban", key_ban },
	{ 'l', 'L', "l lift", key_lift },
	{ 'v', 'V', "v verify role", key_verify },
};

static void
members_hints(struct screen_ctx *c, struct list *l)
{
	admin_ask_hints(c, l, members_keys, sizeof members_keys / sizeof members_keys[0],
	    "  q back");
}

static const char *
members_empty(struct screen_ctx *c, struct list *l)
{
	(void)c;
	return ((struct members_view *)list_ctx(l))->who == NULL ? "" :
	    "No sanctions: this member has never been warned, silenced, suspended or banned.";
}

static const struct list_def members_list = {
	.head_rows = 4, .row_size = sizeof(struct sanction), .load = members_load,
	.row_id = members_id, .draw_head = members_head, .draw_row = members_row,
	.empty_text = members_empty, .foot_rows = admin_ask_list_rows,
	.draw_foot = admin_ask_list_draw,
	.load_error = "The member's sanctions could not be read (or are not yours to read).",
	.key = members_key, .keys = members_keys,
	.nkeys = sizeof members_keys / sizeof members_keys[0], .hints = members_hints,
	.init = members_init, .fini = members_fini,
};

const struct screen screen_members = {
	.name = "members", .section = "Members", .list = &members_list,
};
