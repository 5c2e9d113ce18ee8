/* Find a mentor: a form of filters over the mentors of the community; s
 * searches, g shows "Suggested for you", b the bookmarked mentors. The
 * filters stay as typed while the screen is on the stack. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define LABEL_COLS	26
#define FORM_TOP	(UI_BODY_TOP + 4)

enum kind { K_TEXT, K_YEAR_FROM, K_YEAR_TO, K_ROLE, K_ACCEPTING };

static const struct field {
	const char *label;
	enum kind kind;
	size_t off;		/* K_TEXT: the string in struct mentor_query */
} fields[] = {
	{ "Words (name, bio, ...)", K_TEXT, offsetof(struct mentor_query, text) },
	{ "Specialty", K_TEXT, offsetof(struct mentor_query, specialty) },
	{ "Degree program", K_TEXT, offsetof(struct mentor_query, program) },
	{ "Graduated from (year)", K_YEAR_FROM, 0 },
	{ "Graduated until (year)", K_YEAR_TO, 0 },
	{ "City, region or country", K_TEXT, offsetof(struct mentor_query, place) },
	{ "Mentoring topic", K_TEXT, offsetof(struct mentor_query, topic) },
	{ "Role", K_ROLE, 0 },
	{ "Accepting mentees now", K_ACCEPTING, 0 },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

struct find {
	struct mentor_query q;
	struct ui_list list;
	struct ui_line line;
};

static char *
text_of(struct find *f, const struct field *fl)
{
	return (char *)&f->q + fl->off;
}

static const char *
value(struct find *f, const struct field *fl, char *buf, size_t sz)
{
	switch (fl->kind) {
	case K_TEXT:
		return text_of(f, fl)[0] != '\0' ? text_of(f, fl) : "(any)";
	case K_YEAR_FROM:
	case K_YEAR_TO: {
		int y = fl->kind == K_YEAR_FROM ? f->q.year_from : f->q.year_to;

		if (y == 0)
			return "(any)";
		snprintf(buf, sz, "%d", y);
		return buf;
	}
	case K_ROLE:
		return f->q.role == ROLE_ALUMNI ? "alumni" : f->q.role == ROLE_TRAINEE ?
		    "trainees" : "(any: alumni and trainees)";
	case K_ACCEPTING:
		return f->q.accepting ? "yes, only mentors with room" : "no, show everyone";
	}
	return "";
}

static bool
commit(struct screen_ctx *c, struct find *f, const struct field *fl)
{
	char v[MENTOR_QUERY_SZ];
	const char *why;
	char *end;
	long y;

	text_copy(v, sizeof v, ui_line_text(&f->line));
	text_trim(v);
	if ((why = text_check_line(v, USER_FIELD_MAX)) != NULL) {
		screen_error(c, "%s: %s.", fl->label, why);
		return false;
	}
	if (fl->kind == K_TEXT) {
		text_copy(text_of(f, fl), MENTOR_QUERY_SZ, v);
		return true;
	}
	y = strtol(v, &end, 10);
	if (v[0] != '\0' && (*end != '\0' || y < USER_GRAD_YEAR_MIN || y > USER_GRAD_YEAR_MAX)) {
		screen_error(c, "A year is %d to %d, or empty for any.", USER_GRAD_YEAR_MIN,
		    USER_GRAD_YEAR_MAX);
		return false;
	}
	if (fl->kind == K_YEAR_FROM)
		f->q.year_from = (int)y;
	else
		f->q.year_to = (int)y;
	return true;
}

static void
activate(struct screen_ctx *c, void *st)
{
	struct find *f = st;
	const struct field *fl = &fields[f->list.sel];
	char buf[16];

	(void)c;
	if (fl->kind == K_ROLE) {
		f->q.role = f->q.role < 0 ? ROLE_ALUMNI : f->q.role == ROLE_ALUMNI ?
		    ROLE_TRAINEE : -1;
		return;
	}
	if (fl->kind == K_ACCEPTING) {
		f->q.accepting = !f->q.accepting;
		return;
	}
	if (fl->kind == K_TEXT)
		ui_line_open(&f->line, text_of(f, fl), USER_FIELD_MAX, false);
	else
		ui_line_open(&f->line, value(f, fl, buf, sizeof buf)[0] == '(' ? "" :
		    value(f, fl, buf, sizeof buf), 4, false);
}

static void
open_list(struct screen_ctx *c, struct find *f, enum mentor_list_mode mode)
{
	struct mentor_list_arg a;

	a.mode = mode;
	a.q = f->q;
	screen_push(c, &screen_mentor_results, &a);
}

static void
search(struct screen_ctx *c, void *st)
{
	open_list(c, st, MENTOR_LIST_SEARCH);
}

static void
suggested(struct screen_ctx *c, void *st)
{
	open_list(c, st, MENTOR_LIST_SUGGEST);
}

static void
bookmarks(struct screen_ctx *c, void *st)
{
	open_list(c, st, MENTOR_LIST_BOOKMARKS);
}

static void
clear(struct screen_ctx *c, void *st)
{
	struct find *f = st;

	mentor_query_init(&f->q);
	screen_info(c, "Filters cleared.");
}

static const struct ui_binding find_keys[] = {
	{ UI_KEY_ENTER, ' ', "Enter change", activate },
	{ 's', 'S', "s search", search },
	{ UI_KEY_F2, 0, NULL, search },
	{ 'g', 'G', "g suggested", suggested },
	{ 'b', 'B', "b bookmarks", bookmarks },
	{ 'c', 'C', "c clear", clear },
};

static void
find_draw(struct screen_ctx *c, void *st)
{
	struct find *f = st;
	size_t vcols = (size_t)ui_cols() - LABEL_COLS - 4;
	char buf[16];

	ui_draw_text(UI_BODY_TOP + 1, 2, "Find a mentor", 40, UI_A_TITLE);
	ui_draw_text(UI_BODY_TOP + 2, 2, "Fill in any filters, then press s. \"card\" "
	    "finds cardiology.", (size_t)ui_cols() - 4, UI_A_DIM);
	for (size_t i = 0; i < NFIELDS; i++) {
		int y = FORM_TOP + (int)i;
		bool sel = i == f->list.sel;

		if (sel && f->line.active) {
			ui_draw_text(y, 2, fields[i].label, LABEL_COLS - 1, UI_A_BOLD);
			ui_line_draw(&f->line, y, 2 + LABEL_COLS, vcols, "");
			continue;
		}
		if (sel)
			ui_draw_chosen(y, 1, (size_t)ui_cols() - 2);
		ui_draw_text(y, 2, fields[i].label, LABEL_COLS - 1, sel ? UI_A_SELECT : UI_A_BOLD);
		ui_draw_text(y, 2 + LABEL_COLS, value(f, &fields[i], buf, sizeof buf), vcols,
		    sel ? UI_A_SELECT : UI_A_NORMAL);
	}
	if (f->line.active) {
		screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
		return;
	}
	screen_key_hints(c, find_keys, sizeof find_keys / sizeof find_keys[0], "  ? help");
}

static bool
find_key(struct screen_ctx *c, void *st, int key)
{
	struct find *f = st;

	if (f->line.active) {
		if (ui_line_prompt(&f->line, c, key) == UI_LINE_DONE &&
		    commit(c, f, &fields[f->list.sel]))
			ui_line_close(&f->line);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&f->list, key, NFIELDS))
		return true;
	return ui_keys_run(find_keys, sizeof find_keys / sizeof find_keys[0], c, st, key);
}

static void *
find_enter(struct screen_ctx *c, const void *arg)
{
	struct find *f = xcalloc(1, sizeof *f);

	(void)c;
	(void)arg;
	mentor_query_init(&f->q);
	f->list.n = NFIELDS;
	return f;
}

static void
find_leave(struct screen_ctx *c, void *st)
{
	struct find *f = st;

	(void)c;
	ui_line_close(&f->line);
	free(f);
}

const struct screen screen_mentor_find = {
	.name = "mentor-find", .section = "Find a mentor", .enter = find_enter,
	.draw = find_draw, .key = find_key, .leave = find_leave,
};
