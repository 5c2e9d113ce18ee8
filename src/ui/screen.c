/* The screen registry and navigation stack; see screen.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db/db.h"
#include "lib/config.h"
#include "db/db-presence.h"
#include "db/db-user.h"
#include "lib/log.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/screenfile.h"
#include "lib/text.h"
#include "ui/ui-keys.h"

static bool times_shown;		/* this frame (screen_date); one UI per process */

/* Adding a screen: one new file, one line in screen.h, one line here. */
static const struct screen *const registry[] = {
	&screen_main,
	&screen_register,
	&screen_profile,
	&screen_profile_edit,
	&screen_password,
	&screen_mail,
	&screen_settings,
	&screen_keys,
	&screen_online,
	&screen_help,
	&screen_notices,
	&screen_rules,
	&screen_communities,
	&screen_community_requests,
	&screen_board_threads,
	&screen_board_thread,
	&screen_board_scan,
	&screen_board_search,
	&screen_mod_menu,
	&screen_admin_menu,
	&screen_audit,
	&screen_thread_mod,
	&screen_mod_members,
	&screen_members,
	&screen_signups,
	&screen_announce,
	&screen_role_requests,
	&screen_role_request,
	&screen_flag,
	&screen_review,
	&screen_review_item,
	&screen_mod_guidelines,
	&screen_admin_requests,
	&screen_mod_applications,
	&screen_admin_moderators,
	&screen_admin_mod_list,
	&screen_inbox,
	&screen_conversation,
	&screen_blocked,
	&screen_host,
	&screen_host_edit,
	&screen_host_interviews,
	&screen_host_find,
	&screen_host_results,
	&screen_host_view,
	&screen_host_request,
	&screen_host_req,
	&screen_host_my,
	&screen_host_log,
	&ui_edit_screen,
	&screen_mentor_find,
	&screen_mentor_results,
	&screen_mentor_request,
	&screen_mentor_my,
	&screen_mentor_ship,
	&screen_mentor_checkin,
};

const struct screen *const *
screen_registry(size_t *n)
{
	*n = sizeof registry / sizeof registry[0];
	return registry;
}

const struct screen *
screen_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++)
		if (strcmp(registry[i]->name, name) == 0)
			return registry[i];
	return NULL;
}

struct screen_frame *
screen_top(struct screen_ctx *c)
{
	return c->depth > 0 ? &c->stack[c->depth - 1] : NULL;
}

void
screen_push(struct screen_ctx *c, const struct screen *s, const void *arg)
{
	struct screen_frame *f;

	if (c->depth == SCREEN_STACK_MAX)
		fatal("screen stack full pushing %s", s->name);
	f = &c->stack[c->depth++];
	f->s = s;
	f->st = NULL;
	if (c->moved != NULL)
		c->moved(c);
	/* enter may push or ask in turn, so the frame exists before it runs. */
	if (s->list != NULL)
		f->st = list_enter(c, s->list, arg);
	else
		f->st = s->enter != NULL ? s->enter(c, arg) : NULL;
}

static void
leave_frame(struct screen_ctx *c, struct screen_frame *f)
{
	if (f->s->list != NULL)
		list_leave(c, f->st);
	else if (f->s->leave != NULL)
		f->s->leave(c, f->st);
}

void
screen_pop(struct screen_ctx *c)
{
	struct screen_frame *f = screen_top(c);

	if (f == NULL)
		return;
	leave_frame(c, f);
	c->depth--;
	if (c->moved != NULL && c->depth > 0)
		c->moved(c);
	/* What is below may be stale: another session may have written. */
	screen_update(c);
}

void
screen_leave_all(struct screen_ctx *c)
{
	struct screen_frame *f;

	while ((f = screen_top(c)) != NULL) {
		leave_frame(c, f);
		c->depth--;
	}
}

void
screen_reset(struct screen_ctx *c, const struct screen *s, const void *arg)
{
	screen_leave_all(c);
	screen_push(c, s, arg);
}

static void
open_help(struct screen_ctx *c)
{
	struct screen_frame *f = screen_top(c);

	if (f != NULL && f->s != &screen_help)
		screen_push(c, &screen_help, f->s->name);
}

static void
answer_key(struct screen_ctx *c, int key)
{
	bool yes;

	if (key == 'y' || key == 'Y')
		yes = true;
	else if (key == 'n' || key == 'N' || key == UI_KEY_ESC)
		yes = false;
	else
		return;
	c->asking = false;
	c->answer(c, c->answer_arg, yes);
}

void
screen_key(struct screen_ctx *c, int key)
{
	struct screen_frame *f = screen_top(c);

	if (c->asking) {
		answer_key(c, key);
		return;
	}
	if (f == NULL)
		return;
	if (f->s->list != NULL ? list_key(c, f->st, key) : f->s->key(c, f->st, key))
		return;
	if (key == '?' || key == UI_KEY_F1)
		open_help(c);
	else if (key == UI_KEY_CTRL('d'))
		screen_live_dismiss(c);
	else if ((key == 'q' || key == 'Q' || key == UI_KEY_ESC) && c->depth > 1)
		screen_pop(c);
}

void
screen_draw(struct screen_ctx *c)
{
	struct screen_frame *f = screen_top(c);

	c->hints[0] = '\0';
	times_shown = false;
	if (f != NULL && f->s->list != NULL)
		list_draw(c, f->st);
	else if (f != NULL)
		f->s->draw(c, f->st);
}

void
screen_resize(struct screen_ctx *c)
{
	for (size_t i = 0; i < c->depth; i++) {
		const struct screen *s = c->stack[i].s;

		if (s->resize != NULL)
			s->resize(c, c->stack[i].st);
		else if (s->list != NULL)
			list_resize(c, c->stack[i].st);
	}
}

void
screen_update(struct screen_ctx *c)
{
	struct screen_frame *f = screen_top(c);

	if (f != NULL && f->s->list != NULL)
		list_update(c, f->st);
	else if (f != NULL && f->s->update != NULL)
		f->s->update(c, f->st);
}

static void __attribute__((format(printf, 3, 0)))
set_msg(struct screen_ctx *c, bool error, const char *fmt, va_list ap)
{
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	c->msg_error = error;
}

void
screen_info(struct screen_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_msg(c, false, fmt, ap);
	va_end(ap);
}

void
screen_error(struct screen_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_msg(c, true, fmt, ap);
	va_end(ap);
}

void
screen_refused(struct screen_ctx *c, const char *why)
{
	size_t len;

	screen_error(c, "%s", why != NULL ? why : "that was refused");
	if (c->msg[0] >= 'a' && c->msg[0] <= 'z')
		c->msg[0] = (char)(c->msg[0] - 'a' + 'A');
	len = strlen(c->msg);
	if (len > 0 && len + 1 < sizeof c->msg && c->msg[len - 1] != '.')
		memcpy(c->msg + len, ".", 2);
}

void
screen_clear_msg(struct screen_ctx *c)
{
	c->msg[0] = '\0';
}

void
screen_ask(struct screen_ctx *c, const char *question,
    void (*fn)(struct screen_ctx *c, void *arg, bool yes), void *arg)
{
	text_copy(c->question, sizeof c->question, question);
	c->answer = fn;
	c->answer_arg = arg;
	c->asking = true;
}

void
screen_hints(struct screen_ctx *c, const char *hints)
{
	text_copy(c->hints, sizeof c->hints, hints);
}

void
screen_key_hints(struct screen_ctx *c, const struct ui_binding *t, size_t n, const char *tail)
{
	size_t len;

	ui_keys_hints(t, n, c->hints, sizeof c->hints);
	len = strlen(c->hints);
	/* Two spaces between hints, whether or not the tail brings its own. */
	text_appendf(c->hints, sizeof c->hints, &len, "%s%s",
	    len > 0 && tail[0] != '\0' && tail[0] != ' ' ? "  " : "", tail);
}

void
screen_quit(struct screen_ctx *c, enum screen_quit how, int status)
{
	c->quit = how;
	c->exit_status = status;
}

void
screen_reload_me(struct screen_ctx *c)
{
	struct member m;

	if (c->me.id == 0)
		return;
	if (db_user_get(c->db, c->me.id, &m) == 0)
		c->me = m;
	else
		log_warn("cannot reload member %lld", (long long)c->me.id);
	(void)screen_standing_refresh(c);
}

static void
discard_answer(struct screen_ctx *c, void *arg, bool yes)
{
	(void)arg;
	if (yes)
		screen_pop(c);
}

void
screen_leave_form(struct screen_ctx *c, bool dirty, const char *question)
{
	if (dirty)
		screen_ask(c, question, discard_answer, NULL);
	else
		screen_pop(c);
}

bool
screen_can_post(const struct screen_ctx *c)
{
	return c->me.id != 0 && c->me.status == STATUS_ACTIVE && c->me.rules_accepted &&
	    !c->standing.sanctioned;
}

const char *
screen_post_refusal(const struct screen_ctx *c)
{
	if (screen_can_post(c))
		return NULL;
	if (c->me.status == STATUS_PENDING)
		return "Your account is awaiting approval by a sysop: until then you can "
		    "read, but not post, send messages or make requests.";
	if (c->me.status == STATUS_ACTIVE && !c->me.rules_accepted)
		return "Please accept the code of conduct first: press A on the main menu.";
	if (c->standing.sanctioned) {
		static char why[400];	/* one UI process, one member */
		const struct sanction *sn = &c->standing.sanction;

		screen_sanction_describe(c, why, sizeof why, sn);
		return why;
	}
	return "Your account cannot post or send messages.";
}

bool
screen_times_shown(void)
{
	return times_shown;
}

/* A unix time as a date in the member's zone (TZ, set by screen-display.c),
 * with the time of day if asked; "-" for 0 or what cannot be shown. */
static void
format_time(char *buf, size_t sz, int64_t t, bool with_time)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sz, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm) == 0) {
		snprintf(buf, sz, "-");
		return;
	}
	times_shown = true;
}

void
screen_sanction_describe(const struct screen_ctx *c, char *buf, size_t sz,
    const struct sanction *sn)
{
	char when[32] = "", until[32 + TZ_NAME_SZ] = "";

	if (c->display.zone[0] == '\0') {
		sanction_describe(buf, sz, sn->kind, "", sn->ends_at, sn->reason);
		return;
	}
	if (sn->ends_at > 0) {
		screen_datetime(when, sizeof when, sn->ends_at);
		snprintf(until, sizeof until, "%s %s", when, screen_zone(c));
	}
	sanction_describe_at(buf, sz, sn->kind, "", until, sn->reason);
}

void
screen_example_day(char *buf, size_t sz, int days)
{
	time_t tt = (time_t)(db_now() + (int64_t)days * 86400);
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL || strftime(buf, sz, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, sz, "YYYY-MM-DD");
}

void
screen_date(char *buf, size_t sz, int64_t t)
{
	format_time(buf, sz, t, false);
}

void
screen_datetime(char *buf, size_t sz, int64_t t)
{
	format_time(buf, sz, t, true);
}

void
screen_age(char *buf, size_t sz, int64_t t)
{
	int64_t d = db_now() - t;

	if (t <= 0)
		snprintf(buf, sz, "-");
	else if (d < 60)
		snprintf(buf, sz, "just now");
	else if (d < 3600)
		snprintf(buf, sz, "%lldm ago", (long long)(d / 60));
	else if (d < 86400)
		snprintf(buf, sz, "%lldh ago", (long long)(d / 3600));
	else
		snprintf(buf, sz, "%lldd ago", (long long)(d / 86400));
}

char *
screen_text(struct screen_ctx *c, const char *name)
{
	struct screenfile_vars v;
	char date[32];
	int64_t online = 0;

	if (db_presence_count(c->db, &online) != 0)
		online = 0;
	screen_date(date, sizeof date, db_now());
	v.name = c->me.name;
	v.login = c->me.login;
	v.bbs = c->cfg->bbs.name;
	v.date = date;
	v.online = (long)online;
	return screenfile_load(c->cfg->server.screens, name, &v, NULL);
}

const char *
screen_role_label(enum role r)
{
	switch (r) {
	case ROLE_ALUMNI:
		return "Alumni";
	case ROLE_TRAINEE:
		return "Trainee (resident/fellow)";
	case ROLE_STUDENT:
		return "Student";
	}
	return "?";
}
