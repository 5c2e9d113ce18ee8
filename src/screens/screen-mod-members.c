/* Moderation -> Members: the sanctions in force in one's communities
 * (everywhere, for an admin), newest first; w warns a member, s silences
 * them in a community for some days, l lifts the chosen sanction early,
 * v vouches for a new member (their probation caps lift). Each asks for a
 * reason; the data layer checks the power and records it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-mod-members.h"
#include "db/db-probation.h"
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "db/db-user.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "rules/user.h"
#include "screens/screen-mod-form.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define PAGE	50

enum action { ACT_WARN, ACT_SILENCE, ACT_LIFT, ACT_VOUCH };

struct members {
	struct mod_form form;
	struct list *list;
	int64_t lift_id;
	char first[BOARD_NAME_MAX * 4 + 1];	/* a community one moderates */
};

static int
members_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	const struct sanction *last = after;

	(void)l;
	return db_mod_members_sanctions(c->db, c->me.id, last != NULL ? last->id : 0, limit,
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
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Members: sanctions in force in your communities",
	    cols, UI_A_TITLE);
}

/* "bob  silenced in Boston until 2026-12-10 14:00 UTC  by modx" over the
 * reason. */
static int
members_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct sanction *s = row;
	char line[AUDIT_LABEL_SZ * 3 + 96], until[40];
	size_t len = 0;

	(void)c, (void)l;
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%s  %s", s->login,
	    s->kind == SANCTION_WARN ? "warned" : sanction_kind_state(s->kind));
	if (s->community[0] != '\0')
		text_appendf(line, sizeof line, &len, " in %s", s->community);
	if (s->ends_at > 0) {
		staff_time(until, sizeof until, s->ends_at);
		text_appendf(line, sizeof line, &len, " until %s", until);
	}
	text_appendf(line, sizeof line, &len, "  by %s", s->by);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows >= 2)
		ui_draw_text(y + 1, x + 2, s->reason, cols - 2, a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static void
refused(struct screen_ctx *c, int r, const char *why)
{
	if (r == ERR_INVALID && why != NULL)
		screen_refused(c, why);
	else if (r == ERR_DENIED)
		screen_error(c, "You cannot do that: not in a community you moderate, or not to a "
		    "fellow moderator or an admin.");
	else if (r == ERR_EXISTS)
		screen_error(c, "Someone already vouched for that member.");
	else if (r == ERR_STATE)
		screen_error(c, "That sanction is no longer in force.");
	else if (r == ERR_NOTFOUND)
		screen_error(c, "No such member or community.");
	else
		screen_error(c, "That did not work; please try again.");
}

static bool
member_id(struct screen_ctx *c, const char *login, int64_t *id)
{
	struct member m;
	char low[USER_LOGIN_MAX + 1];

	text_copy(low, sizeof low, login);
	for (char *p = low; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (db_user_get_by_login(c->db, low, &m) != 0) {
		screen_error(c, "No member has the login \"%s\".", login);
		return false;
	}
	*id = m.id;
	return true;
}

static void
form_done(struct screen_ctx *c, void *owner, struct mod_form *f)
{
	struct members *m = owner;
	const char *why = NULL, *reason = f->ans[f->n - 1];
	int64_t user = 0, com = 0;
	char *end;
	long days;
	int r = ERR_INTERNAL;

	if (f->action == ACT_LIFT) {
		r = db_sanction_lift(c->db, c->me.id, m->lift_id, reason);
		why = "A reason is one line of up to 300 characters.";
	} else if (!member_id(c, f->ans[0], &user))
		return;
	else if (f->action == ACT_VOUCH)
		r = db_probation_vouch(c->db, c->me.id, user, reason, &why);
	else if (mod_form_community(c, f->ans[1], &com) != 0) {
		screen_error(c, "No community is called \"%s\".", f->ans[1]);
		return;
	} else if (f->action == ACT_WARN)
		r = db_sanction_add(c->db, c->me.id, user, SANCTION_WARN, com, 0, reason, &why, NULL);
	else {
		days = strtol(f->ans[2], &end, 10);
		if (end == f->ans[2] || *end != '\0' || days < 1 || days > SANCTION_DAYS_MAX) {
			screen_error(c, "A silence lasts 1 to %d days.", SANCTION_DAYS_MAX);
			return;
		}
		r = db_sanction_add(c->db, c->me.id, user, SANCTION_SILENCE, com,
		    db_now() + days * 86400, reason, &why, NULL);
	}
	if (r != 0) {
		refused(c, r, why);
		return;
	}
	screen_info(c, "%s", f->action == ACT_VOUCH ? "Vouched: their new-member limits are "
	    "lifted. The member is told." : f->action == ACT_LIFT ? "Lifted. The member is told." :
	    "Done. The member is told why and until when.");
	list_reload(c, m->list);
}

static void
first_community(struct screen_ctx *c, struct members *m)
{
	struct board_community com;
	int64_t *ids = NULL;
	size_t n = 0;

	m->first[0] = '\0';
	if (db_staff_communities(c->db, c->me.id, &ids, &n) == 0 && n > 0 &&
	    db_board_community_get(c->db, c->me.id, ids[0], &com) == 0)
		text_copy(m->first, sizeof m->first, com.name);
	free(ids);
}

static void
start(struct screen_ctx *c, struct list *l, enum action a, const char *question)
{
	struct members *m = list_ctx(l);

	m->list = l;
	mod_form_start(&m->form, a, question, form_done, m);
	if (a != ACT_LIFT)
		mod_form_ask(&m->form, "Login: ", USER_LOGIN_MAX, NULL);
	if (a == ACT_WARN || a == ACT_SILENCE) {
		first_community(c, m);
		mod_form_ask(&m->form, "Community: ", BOARD_NAME_MAX, m->first);
	}
	if (a == ACT_SILENCE)
		mod_form_ask(&m->form, "Days: ", 4, "1");
	mod_form_reason(&m->form);
	mod_form_open(&m->form);
}

static void
do_warn(struct screen_ctx *c, void *st)
{
	start(c, st, ACT_WARN, "Warn a member: they get it as a notice from the moderators.");
}

static void
do_silence(struct screen_ctx *c, void *st)
{
	start(c, st, ACT_SILENCE, "Silence a member in a community: they can read, not post.");
}

static void
do_lift(struct screen_ctx *c, void *st)
{
	const struct sanction *s = list_selected(st);
	struct members *m = list_ctx(st);

	if (s == NULL)
		return;
	m->lift_id = s->id;
	start(c, st, ACT_LIFT, "Lift this sanction early. Why?");
}

static void
do_vouch(struct screen_ctx *c, void *st)
{
	start(c, st, ACT_VOUCH, "Vouch for a new member: their daily limits lift now.");
}

static const struct ui_binding members_keys[] = {
	{ 'w', 'W', "w warn", do_warn },
	{ 's', 'S', "s silence", do_silence },
	{ 'l', 'L', "l lift", do_lift },
	{ 'v', 'V', "v vouch", do_vouch },
};

static bool
members_key(struct screen_ctx *c, struct list *l, int key)
{
	struct members *m = list_ctx(l);

	return mod_form_key(&m->form, c, key);
}

static int
members_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c;
	return mod_form_rows(&((struct members *)list_ctx(l))->form);
}

static void
members_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	(void)c;
	mod_form_draw(&((struct members *)list_ctx(l))->form, y, cols);
}

static void
members_hints(struct screen_ctx *c, struct list *l)
{
	if (((struct members *)list_ctx(l))->form.open)
		screen_hints(c, "Enter next  Esc cancel");
	else
		screen_key_hints(c, members_keys, sizeof members_keys / sizeof members_keys[0],
		    "  q back  ? help");
}

static void *
members_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct members));
}

static void
members_fini(void *st)
{
	struct members *m = st;

	mod_form_close(&m->form);
	free(m);
}

static const struct list_def members_list = {
	.head_rows = 2, .row_size = sizeof(struct sanction), .load = members_load,
	.page = PAGE, .row_id = members_id, .draw_head = members_head, .draw_row = members_row,
	.row_lines = 2, .foot_rows = members_foot_rows, .draw_foot = members_foot,
	.empty = "No sanctions in force in your communities. w warns, s silences, v vouches.",
	.load_error = "The sanctions could not be read (or are not yours to read).",
	.key = members_key, .keys = members_keys,
	.nkeys = sizeof members_keys / sizeof members_keys[0], .hints = members_hints,
	.init = members_init, .fini = members_fini,
};

const struct screen screen_mod_members = {
	.name = "mod-members", .section = "Moderation", .list = &members_list,
};
