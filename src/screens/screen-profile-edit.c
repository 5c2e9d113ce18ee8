/* Editing one's own profile: a form over a draft copy of the member, saved
 * with db_account_save_profile. A refusal shows why and keeps every edit. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-user.h"
#include "db/db-account.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define LABEL_COLS	24
#define FORM_TOP	(UI_BODY_TOP + 3)

enum field_kind { F_NAME, F_TEXT, F_YEAR, F_ROLE, F_BIO, F_MENTORING, F_SEEKING, F_MENTEES };

struct field {
	const char *label;
	enum field_kind kind;
	size_t off, size;	/* of the string in struct member (F_NAME, F_TEXT) */
	size_t max_chars;
};

#define TEXT_FIELD(label, fld, max) { label, F_TEXT, \
	offsetof(struct member, fld), sizeof ((struct member *)0)->fld, max }

static const struct field fields[] = {
	{ "Display name", F_NAME, offsetof(struct member, name), MEMBER_NAME_SZ,
	  USER_NAME_MAX_COLS },
	{ "Role", F_ROLE, 0, 0, 0 },
	TEXT_FIELD("Degree program(s)", programs, USER_FIELD_MAX),
	{ "Graduation year", F_YEAR, 0, 0, 4 },
	TEXT_FIELD("Specialty", specialty, USER_FIELD_MAX),
	TEXT_FIELD("Sub-specialty", subspecialty, USER_FIELD_MAX),
	TEXT_FIELD("Position", position, USER_FIELD_MAX),
	TEXT_FIELD("Institution", institution, USER_FIELD_MAX),
	TEXT_FIELD("City", city, USER_FIELD_MAX),
	TEXT_FIELD("Region / state", region, USER_FIELD_MAX),
	TEXT_FIELD("Country", country, USER_FIELD_MAX),
	{ "Bio", F_BIO, 0, 0, USER_BIO_MAX },
	{ "Open to mentoring", F_MENTORING, 0, 0, 0 },
	{ "Looking for a mentor", F_SEEKING, 0, 0, 0 },
	TEXT_FIELD("Mentoring topics", topics, USER_TOPICS_MAX),
	{ "Max mentees", F_MENTEES, 0, 0, 2 },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

struct form {
	struct member draft;
	size_t shown[NFIELDS];	/* the fields this role has, in order */
	struct ui_list list;	/* over shown */
	struct ui_line line;	/* active while a text field is edited */
	bool dirty;
};

/* A student neither mentors nor takes mentees: those fields are not
 * theirs (the rules refuse them too), so the form does not show them. */
static void
layout(struct form *fm)
{
	size_t n = 0;

	for (size_t i = 0; i < NFIELDS; i++)
		if (fm->draft.role != ROLE_STUDENT ||
		    (fields[i].kind != F_MENTORING && fields[i].kind != F_MENTEES))
			fm->shown[n++] = i;
	fm->list.n = n;
	if (fm->list.sel >= n)
		fm->list.sel = n - 1;
}

static const struct field *
chosen(const struct form *fm)
{
	return &fields[fm->shown[fm->list.sel]];
}

static char *
field_str(struct member *m, const struct field *f)
{
	return (char *)m + f->off;
}

/* The value as the form shows it. */
static const char *
field_value(struct member *m, const struct field *f, char *buf, size_t sz)
{
	switch (f->kind) {
	case F_NAME:
	case F_TEXT:
		return field_str(m, f);
	case F_YEAR:
		snprintf(buf, sz, "%d", m->grad_year);
		return m->grad_year != 0 ? buf : "";
	case F_ROLE:
		snprintf(buf, sz, "%s (ask the admins to change it)", screen_role_label(m->role));
		return buf;
	case F_BIO:
		snprintf(buf, sz, "%zu characters (Enter opens the editor)", text_chars(m->bio));
		return buf;
	case F_MENTORING:
		return m->open_to_mentoring ? "yes" : "no";
	case F_SEEKING:
		return m->seeking_mentor ? "yes" : "no";
	case F_MENTEES:
		snprintf(buf, sz, "%d", m->max_mentees);
		return buf;
	}
	return "";
}

/* Parses a whole number in [lo, hi]; empty is 0 when allow_empty. */
static bool
parse_int(const char *s, int lo, int hi, bool allow_empty, int *out)
{
	char *end;
	long v;

	if (*s == '\0' && allow_empty) {
		*out = 0;
		return true;
	}
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Checks the typed value and copies it into the draft. false keeps the
 * input open with the member's text and a reason on the message line. */
static bool
commit(struct screen_ctx *c, struct form *fm, const struct field *f)
{
	char v[MEMBER_BIO_SZ];
	const char *why = NULL;

	text_copy(v, sizeof v, ui_line_text(&fm->line));
	text_trim(v);
	if (f->kind == F_NAME && (user_check_name(v, &why) != 0 ||
	    db_account_name_free(c->db, v, c->me.id, &why) != 0)) {
		screen_refused(c, why);
		return false;
	}
	if (f->kind == F_TEXT && (why = text_check_line(v, f->max_chars)) != NULL) {
		screen_error(c, "%s: %s.", f->label, why);
		return false;
	}
	if (f->kind == F_YEAR && !parse_int(v, USER_GRAD_YEAR_MIN, USER_GRAD_YEAR_MAX,
	    true, &fm->draft.grad_year)) {
		screen_error(c, "Graduation year must be %d to %d, or empty.",
		    USER_GRAD_YEAR_MIN, USER_GRAD_YEAR_MAX);
		return false;
	}
	if (f->kind == F_MENTEES && !parse_int(v, 0, USER_MAX_MENTEES_MAX, false,
	    &fm->draft.max_mentees)) {
		screen_error(c, "Max mentees must be a number from 0 to %d.",
		    USER_MAX_MENTEES_MAX);
		return false;
	}
	if (f->kind == F_NAME || f->kind == F_TEXT)
		text_copy(field_str(&fm->draft, f), f->size, v);
	fm->dirty = true;
	return true;
}

static void
bio_done(struct screen_ctx *c, void *arg, const char *text)
{
	struct form *fm = arg;

	(void)c;
	if (text == NULL)
		return;
	text_copy(fm->draft.bio, sizeof fm->draft.bio, text);
	fm->dirty = true;
}

/* The role is verified by the admins (issue 10): the form shows it, and a
 * change is a request to them (the data layer refuses a save that changes
 * it, whatever this screen did). */
static void
role_is_verified(struct screen_ctx *c, struct form *fm)
{
	(void)fm;
	screen_info(c, "Your role is checked by the admins: press r on your profile to ask "
	    "them for a change.");
}

static void
toggle_mentoring(struct screen_ctx *c, struct form *fm)
{
	if (!fm->draft.open_to_mentoring && fm->draft.role == ROLE_STUDENT) {
		screen_error(c, "Students cannot be open to mentoring; alumni and "
		    "trainees can.");
		return;
	}
	fm->draft.open_to_mentoring = !fm->draft.open_to_mentoring;
	fm->dirty = true;
}

static void
activate(struct screen_ctx *c, void *st)
{
	struct form *fm = st;
	const struct field *f = chosen(fm);
	struct ui_edit_req req = { .title = "Bio", .text = fm->draft.bio,
	    .max_chars = USER_BIO_MAX, .done = bio_done, .arg = fm };
	char buf[64];

	switch (f->kind) {
	case F_ROLE:
		role_is_verified(c, fm);
		break;
	case F_MENTORING:
		toggle_mentoring(c, fm);
		break;
	case F_SEEKING:
		fm->draft.seeking_mentor = !fm->draft.seeking_mentor;
		fm->dirty = true;
		break;
	case F_BIO:
		ui_edit_open(c, &req);
		break;
	default:
		ui_line_open(&fm->line, field_value(&fm->draft, f, buf, sizeof buf),
		    f->max_chars, false);
		break;
	}
}

static void
save(struct screen_ctx *c, void *st)
{
	struct form *fm = st;
	const char *why = NULL;
	char esc[64];

	if (db_account_save_profile(c->db, c->me.id, &fm->draft, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	log_info("profile saved: user=%s", text_escape_log(esc, sizeof esc, c->me.login));
	screen_reload_me(c);
	screen_pop(c);
	screen_info(c, "Your profile has been saved.");
}

static void
leave_form(struct screen_ctx *c, void *st)
{
	struct form *fm = st;

	screen_leave_form(c, fm->dirty, "Discard changes? [y/n]");
}

static const struct ui_binding form_keys[] = {
	{ UI_KEY_ENTER, ' ', "Enter change", activate },
	{ 's', 'S', "s save", save },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, save },
	{ 'q', 'Q', "q back", leave_form },
	{ UI_KEY_ESC, 0, NULL, leave_form },
};

/* Screen rows a field takes: on a narrow screen its value goes on the
 * line under its label, so neither is cut to a few letters. */
static int
field_rows(void)
{
	return ui_narrow() ? 2 : 1;
}

static size_t
form_page(void)
{
	size_t page = ui_page_rows(FORM_TOP, 0) / (size_t)field_rows();

	return page > 0 ? page : 1;
}

static void
draw_row(struct form *fm, size_t i, int y)
{
	const struct field *f = &fields[fm->shown[i]];
	bool sel = i == fm->list.sel, narrow = ui_narrow();
	int vy = narrow ? y + 1 : y, vx = narrow ? 4 : 2 + LABEL_COLS;
	size_t vcols = (size_t)ui_cols() - (size_t)vx - 2;
	char buf[64];

	if (sel && fm->line.active) {
		ui_draw_text(y, 2, f->label, LABEL_COLS - 1, UI_A_BOLD);
		ui_line_draw(&fm->line, vy, vx, vcols, "");
		return;
	}
	for (int r = 0; sel && r < field_rows(); r++)
		ui_draw_chosen(y + r, 1, (size_t)ui_cols() - 2);
	ui_draw_text(y, 2, f->label, narrow ? vcols + 2 : LABEL_COLS - 1,
	    sel ? UI_A_SELECT : UI_A_BOLD);
	ui_draw_text(vy, vx, field_value(&fm->draft, f, buf, sizeof buf),
	    vcols, sel ? UI_A_SELECT : UI_A_NORMAL);
}

static void
form_draw(struct screen_ctx *c, void *st)
{
	struct form *fm = st;
	size_t page = form_page();

	ui_draw_text(UI_BODY_TOP + 1, 2, fm->dirty ? "Edit your profile (not saved yet)" :
	    "Edit your profile", (size_t)ui_cols() - 4, UI_A_TITLE);
	ui_list_resize(&fm->list, fm->list.n, page);
	for (size_t i = fm->list.top; i < fm->list.n && i - fm->list.top < page; i++)
		draw_row(fm, i, FORM_TOP + (int)(i - fm->list.top) * field_rows());
	if (fm->line.active) {
		screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
		return;
	}
	screen_key_hints(c, form_keys, sizeof form_keys / sizeof form_keys[0], "  Up/Down choose  ? help");
}

static bool
form_key(struct screen_ctx *c, void *st, int key)
{
	struct form *fm = st;

	if (fm->line.active) {
		if (ui_line_prompt(&fm->line, c, key) == UI_LINE_DONE &&
		    commit(c, fm, chosen(fm)))
			ui_line_close(&fm->line);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&fm->list, key, form_page()))
		return true;
	return ui_keys_run(form_keys, sizeof form_keys / sizeof form_keys[0], c, st, key);
}

static void *
form_enter(struct screen_ctx *c, const void *arg)
{
	struct form *fm = xcalloc(1, sizeof *fm);

	(void)arg;
	fm->draft = c->me;
	/* An old row of a member who became a student: nothing to keep. */
	if (fm->draft.role == ROLE_STUDENT)
		fm->draft.max_mentees = 0;
	layout(fm);
	return fm;
}

static void
form_leave(struct screen_ctx *c, void *st)
{
	struct form *fm = st;

	(void)c;
	ui_line_close(&fm->line);
	free(fm);
}

const struct screen screen_profile_edit = {
	.name = "profile-edit", .section = "Editing profile", .enter = form_enter,
	.draw = form_draw, .key = form_key, .leave = form_leave,
};
