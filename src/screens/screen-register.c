/* The registration wizard for the registration login: rules, login,
 * display name, role, degree programs, graduation year, password twice and
 * the offer to link the SSH key the client logged in with. Each step is a
 * row of a table; the member can go back with Esc and keeps what was typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/config.h"
#include "lib/crypto.h"
#include "db/db-user.h"
#include "db/db-account.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "ui/ui.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

enum reg_step {
	R_RULES, R_LOGIN, R_NAME, R_ROLE, R_PROGRAMS, R_YEAR, R_PASSWORD, R_AGAIN,
	R_KEY, R_DONE
};

struct reg {
	enum reg_step step;
	struct ui_line line;
	char *rules;
	size_t rules_top, rules_total;
	struct member m;
	char password[USER_PASSWORD_MAX + 1];
	bool key_offered, link_key;
	char key_fp[64];
	int64_t id;		/* the account, once made (step R_DONE) */
	bool linked;		/* false: linking the key failed */
};

struct step {
	const char *title;
	const char *explain;
	const char *prompt;	/* a line to type; NULL for a key choice */
	size_t max_chars;
	bool hidden;
	/* Line steps: checks the value; true moves on. */
	bool (*accept)(struct screen_ctx *c, struct reg *r, char *v);
};

static bool accept_login(struct screen_ctx *, struct reg *, char *);
static bool accept_name(struct screen_ctx *, struct reg *, char *);
static bool accept_programs(struct screen_ctx *, struct reg *, char *);
static bool accept_year(struct screen_ctx *, struct reg *, char *);
static bool accept_password(struct screen_ctx *, struct reg *, char *);
static bool accept_again(struct screen_ctx *, struct reg *, char *);

static const struct step steps[] = {
	[R_RULES] = { "Code of conduct", NULL, NULL, 0, false, NULL },
	[R_LOGIN] = { "Choose a login",
	    "Your login is what you type to connect (ssh LOGIN@host). It has 2 to "
	    "32 characters: lower-case letters, digits, '.', '_' and '-'.",
	    "Login: ", USER_LOGIN_MAX, false, accept_login },
	[R_NAME] = { "Your display name",
	    "This is how other members see you, for example \"Dr. Jane Doe\" "
	    "(up to 64 columns).",
	    "Display name: ", USER_NAME_MAX_COLS, false, accept_name },
	[R_ROLE] = { "Your role",
	    "a  Alumni: you graduated from one of our programs\n"
	    "t  Trainee: current or former resident or fellow\n"
	    "s  Student: currently enrolled",
	    NULL, 0, false, NULL },
	[R_PROGRAMS] = { "Degree program(s)",
	    "For example MD, PhD, MPH or DPT; separate several with commas. "
	    "Press Enter to skip.",
	    "Degree program(s): ", USER_FIELD_MAX, false, accept_programs },
	[R_YEAR] = { "Graduation year",
	    "The year you graduated, or expect to (1950 to 2045). Press Enter to skip.",
	    "Graduation year: ", 4, false, accept_year },
	[R_PASSWORD] = { "Choose a password",
	    "At least 10 characters; a few unrelated words make a good one. "
	    UI_LINE_HIDDEN_NOTE,
	    "Password: ", USER_PASSWORD_MAX / 4, true, accept_password },
	[R_AGAIN] = { "Confirm the password", "Type the same password again.",
	    "Password again: ", USER_PASSWORD_MAX / 4, true, accept_again },
	[R_KEY] = { "Link your SSH key",
	    "With the key linked you log in without a password.",
	    NULL, 0, false, NULL },
};

/* The value shown when the member comes back to a line step. */
static const char *
initial_value(struct reg *r, enum reg_step step, char *buf, size_t sz)
{
	switch (step) {
	case R_LOGIN:
		return r->m.login;
	case R_NAME:
		return r->m.name;
	case R_PROGRAMS:
		return r->m.programs;
	case R_YEAR:
		if (r->m.grad_year == 0)
			return "";
		snprintf(buf, sz, "%d", r->m.grad_year);
		return buf;
	default:
		return NULL;
	}
}

static bool
skipped(const struct reg *r, enum reg_step s)
{
	return s == R_KEY && !r->key_offered;
}

static void
go_step(struct reg *r, enum reg_step s)
{
	const struct step *st = &steps[s];
	char buf[64];

	r->step = s;
	ui_line_close(&r->line);
	if (s < R_DONE && st->prompt != NULL)
		ui_line_open(&r->line, initial_value(r, r->step, buf, sizeof buf), st->max_chars,
		    st->hidden);
}

static void create(struct screen_ctx *c, struct reg *r);

static void
next(struct screen_ctx *c, struct reg *r)
{
	enum reg_step s = r->step + 1;

	while (s < R_DONE && skipped(r, s))
		s++;
	go_step(r, s);
	if (s == R_DONE)
		create(c, r);
}

/* arg: the wizard. */
static void
leave_answer(struct screen_ctx *c, void *arg, bool yes)
{
	const struct reg *r = arg;

	if (!yes)
		return;
	if (r->id != 0)
		log_info("new member %lld left before the main menu", (long long)r->id);
	else
		log_info("registration abandoned");
	screen_quit(c, SCREEN_EXIT, 0);
}

static void
back(struct screen_ctx *c, struct reg *r)
{
	enum reg_step s = r->step;

	if (s == R_RULES) {
		screen_ask(c, "Leave registration? [y/n]", leave_answer, r);
		return;
	}
	do
		s--;
	while (s > R_RULES && skipped(r, s));
	go_step(r, s);
}

static bool
accept_login(struct screen_ctx *c, struct reg *r, char *v)
{
	struct member other;
	const char *why = NULL;

	if (user_check_new_login(v, c->cfg->registration.login,
	    c->cfg->registration.reserved, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	if (db_user_get_by_login(c->db, v, &other) == 0) {
		screen_error(c, "That login is taken. Choose another one.");
		return false;
	}
	text_copy(r->m.login, sizeof r->m.login, v);
	return true;
}

static bool
accept_name(struct screen_ctx *c, struct reg *r, char *v)
{
	const char *why = NULL;

	text_trim(v);
	if (user_check_name(v, &why) != 0 || db_account_name_free(c->db, v, 0, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	text_copy(r->m.name, sizeof r->m.name, v);
	return true;
}

static bool
accept_programs(struct screen_ctx *c, struct reg *r, char *v)
{
	const char *why;

	text_trim(v);
	if ((why = text_check_line(v, USER_FIELD_MAX)) != NULL) {
		screen_error(c, "Degree program(s): %s.", why);
		return false;
	}
	text_copy(r->m.programs, sizeof r->m.programs, v);
	return true;
}

static bool
accept_year(struct screen_ctx *c, struct reg *r, char *v)
{
	char *end;
	long y;

	text_trim(v);
	if (*v == '\0') {
		r->m.grad_year = 0;
		return true;
	}
	y = strtol(v, &end, 10);
	if (*end != '\0' || y < USER_GRAD_YEAR_MIN || y > USER_GRAD_YEAR_MAX) {
		screen_error(c, "Graduation year must be %d to %d, or empty.",
		    USER_GRAD_YEAR_MIN, USER_GRAD_YEAR_MAX);
		return false;
	}
	r->m.grad_year = (int)y;
	return true;
}

static bool
accept_password(struct screen_ctx *c, struct reg *r, char *v)
{
	const char *why = NULL;

	if (user_check_password(v, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	text_copy(r->password, sizeof r->password, v);
	return true;
}

static bool
accept_again(struct screen_ctx *c, struct reg *r, char *v)
{
	if (strcmp(v, r->password) == 0)
		return true;
	screen_error(c, "The passwords do not match. Choose a password again.");
	crypto_wipe(r->password, sizeof r->password);
	go_step(r, R_PASSWORD);
	return false;
}

/* Links the offered key; a failure is reported, the account stays. */
static bool
link_key(struct screen_ctx *c, int64_t id)
{
	const struct ui_args *a = c->args;
	char fp[64];

	if (authkey_fingerprint(a->offered_key_b64, fp, sizeof fp) != 0)
		return false;
	return db_key_add(c->db, id, id, a->offered_key_type, a->offered_key_b64, fp,
	    "linked at registration", NULL) == 0;
}

/* Carries on as the new member r->id. The account is made, so a read
 * that fails (the database busy past its timeout, say) keeps the wizard
 * on R_DONE with a sentence, and Enter tries again: nothing is lost. */
static void
go_in(struct screen_ctx *c, struct reg *r)
{
	int64_t id = r->id;
	bool linked = r->linked;
	int res;

	if ((res = db_user_get(c->db, id, &c->me)) != 0) {
		log_warn("cannot read new member %lld: %s", (long long)id, err_str(res));
		screen_error(c, "Your account is made, but it could not be opened just now. "
		    "Press Enter to try again.");
		return;
	}
	c->first_login = true;
	if (db_user_touch_login(c->db, id) != 0)
		log_warn("cannot record login time for member %lld", (long long)id);
	screen_reset(c, &screen_main, NULL);	/* frees r */
	if (!linked)
		screen_error(c, "Your account is ready, but the SSH key could not be "
		    "linked; add it under Profile, SSH keys.");
}

/* Creates the account, then goes in as the new member. */
static void
create(struct screen_ctx *c, struct reg *r)
{
	const char *why = NULL;
	bool want_key = r->link_key;
	int64_t id = 0;
	char esc[64];
	int res;

	res = user_registration_status(c->cfg->registration.mode, &r->m.status, &why);
	r->m.rules_accepted = true;
	if (res == 0)
		res = db_account_register(c->db, &r->m, r->password, &id, &why);
	crypto_wipe(r->password, sizeof r->password);
	if (res != 0) {
		if (res == ERR_EXISTS)
			screen_error(c, "That login is taken. Choose another one.");
		else
			screen_refused(c, why);
		go_step(r, R_LOGIN);
		return;
	}
	r->id = id;
	r->linked = !want_key || link_key(c, id);
	log_info("registered: user=%s id=%lld status=%s key=%s peer=%s",
	    text_escape_log(esc, sizeof esc, r->m.login), (long long)id,
	    member_status_name(r->m.status), want_key ? (r->linked ? "linked" :
	    "failed") : "no", c->args->peer);
	ui_report_member(c->args, id, r->m.login);
	go_in(c, r);
}

static bool
choice_key(struct screen_ctx *c, struct reg *r, int key)
{
	static const struct { int key; enum role role; } roles[] = {
		{ 'a', ROLE_ALUMNI }, { 't', ROLE_TRAINEE }, { 's', ROLE_STUDENT },
	};

	if (r->step == R_DONE && key == UI_KEY_ENTER) {
		go_in(c, r);
		return true;
	}
	if (r->step == R_DONE && (key == UI_KEY_ESC || key == 'q' || key == 'Q')) {
		screen_ask(c, "Leave? Your account is made: log in again later. [y/n]",
		    leave_answer, r);
		return true;
	}
	if (r->step == R_DONE)
		return false;
	if (r->step == R_RULES && ui_scroll_key(&r->rules_top, key, r->rules_total,
	    (size_t)(ui_msg_row() - UI_BODY_TOP - 6)))
		return true;
	if (r->step == R_RULES && (key == 'y' || key == 'Y')) {
		next(c, r);
		return true;
	}
	if (r->step == R_RULES && (key == 'n' || key == 'N')) {
		screen_ask(c, "You must accept the rules to join. Leave registration? "
		    "[y/n]", leave_answer, r);
		return true;
	}
	for (size_t i = 0; r->step == R_ROLE && i < sizeof roles / sizeof roles[0]; i++) {
		if (key == roles[i].key || key == roles[i].key - 'a' + 'A') {
			r->m.role = roles[i].role;
			next(c, r);
			return true;
		}
	}
	if (r->step == R_KEY && (key == 'y' || key == 'Y' || key == 'n' || key == 'N')) {
		r->link_key = key == 'y' || key == 'Y';
		next(c, r);
		return true;
	}
	if (key == UI_KEY_ESC || key == 'q' || key == 'Q') {
		back(c, r);
		return true;
	}
	return false;
}

static bool
reg_key(struct screen_ctx *c, void *st, int key)
{
	struct reg *r = st;
	char v[USER_PASSWORD_MAX + 1];
	bool ok;

	if (!r->line.active)
		return choice_key(c, r, key);
	if (key == UI_KEY_F1)
		return false;
	switch (ui_line_key(&r->line, c, key)) {
	case UI_LINE_DONE:
		text_copy(v, sizeof v, ui_line_text(&r->line));
		ok = steps[r->step].accept(c, r, v);
		crypto_wipe(v, sizeof v);
		if (ok)
			next(c, r);
		break;
	case UI_LINE_CANCEL:
		back(c, r);
		break;
	case UI_LINE_EDITING:
		break;
	}
	return true;
}

static void
draw_rules(struct screen_ctx *c, struct reg *r)
{
	int top = UI_BODY_TOP + 3, rows = ui_msg_row() - top - 3;

	r->rules_total = ui_draw_wrapped(top, 2, rows, (size_t)ui_cols() - 4,
	    r->rules, r->rules_top, UI_A_NORMAL);
	if (r->rules_top + (size_t)rows < r->rules_total)
		ui_draw_text(top + rows, 2, "(more below: PgDn)", 40, UI_A_DIM);
	ui_draw_text(ui_msg_row() - 2, 2, "Accept the rules? [y/n]", 40, UI_A_BOLD);
	screen_hints(c, "y accept  n decline  Up/Down/PgUp/PgDn scroll  ? help");
}

static void
draw_choice(struct screen_ctx *c, struct reg *r, int y)
{
	char q[160];

	if (r->step == R_ROLE) {
		ui_draw_text(y, 2, "Your role? [a/t/s]", 40, UI_A_BOLD);
		screen_hints(c, "a alumni  t trainee  s student  Esc back  ? help");
		return;
	}
	snprintf(q, sizeof q, "Link the SSH key you logged in with (%s) to this "
	    "account? [y/n]", r->key_fp);
	ui_draw_wrapped(y, 2, 2, (size_t)ui_cols() - 4, q, 0, UI_A_BOLD);
	screen_hints(c, "y link the key  n do not link  Esc back  ? help");
}

static void
reg_draw(struct screen_ctx *c, void *st)
{
	struct reg *r = st;
	const struct step *s = &steps[r->step < R_DONE ? r->step : R_AGAIN];
	int n = 0, total = 0, y = UI_BODY_TOP + 3;
	size_t cols = (size_t)ui_cols() - 4;
	char title[96];

	/* Only while going in failed (go_in): the account is there. */
	if (r->step == R_DONE) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "New member registration: your account is made",
		    cols, UI_A_TITLE);
		ui_draw_text(y, 2, "Press Enter to go in.", cols, UI_A_BOLD);
		screen_hints(c, "Enter go in  q leave");
		return;
	}
	for (int i = R_RULES; i < R_DONE; i++) {
		total += !skipped(r, (enum reg_step)i);
		n += i <= (int)r->step && !skipped(r, (enum reg_step)i);
	}
	snprintf(title, sizeof title, "New member registration: step %d of %d: %s",
	    n, total, s->title);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	if (r->step == R_RULES) {
		draw_rules(c, r);
		return;
	}
	y += (int)ui_draw_wrapped(y, 2, 4, cols, s->explain, 0, UI_A_NORMAL) + 1;
	if (s->prompt == NULL) {
		draw_choice(c, r, y);
		return;
	}
	ui_line_draw(&r->line, y, 2, cols > 70 ? 70 : cols, s->prompt);
	screen_hints(c, "Enter next  Esc back  F1 help");
}

static void
offer_key(struct screen_ctx *c, struct reg *r)
{
	const struct ui_args *a = c->args;
	int64_t owner;

	if (a->offered_key_b64 == NULL || a->offered_key_type == NULL)
		return;
	if (authkey_fingerprint(a->offered_key_b64, r->key_fp, sizeof r->key_fp) != 0)
		return;
	/* A key already linked to someone cannot be linked again. */
	r->key_offered = db_key_owner(c->db, a->offered_key_b64, &owner) == ERR_NOTFOUND;
}

static void *
reg_enter(struct screen_ctx *c, const void *arg)
{
	struct reg *r = xcalloc(1, sizeof *r);

	(void)arg;
	r->rules = screen_text(c, "rules");
	r->m.role = ROLE_ALUMNI;
	offer_key(c, r);
	go_step(r, R_RULES);
	return r;
}

static void
reg_leave(struct screen_ctx *c, void *st)
{
	struct reg *r = st;

	(void)c;
	ui_line_close(&r->line);
	free(r->rules);
	crypto_wipe(r, sizeof *r);
	free(r);
}

const struct screen screen_register = {
	.name = "register", .section = "Registering", .enter = reg_enter,
	.draw = reg_draw, .key = reg_key, .leave = reg_leave,
};
