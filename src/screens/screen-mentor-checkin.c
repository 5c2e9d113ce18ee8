/* A check-in during an active mentorship: did you meet, the next date,
 * a one-line note. s saves; a refusal keeps what was typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-mentor-search.h"
#include "db/db-mentor.h"
#include "db/db.h"
#include "rules/mentor.h"
#include "screens/screen-mentor.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define LABEL_COLS	24
#define FORM_TOP	(UI_BODY_TOP + 3)
#define NFIELDS		3
/* The note field takes more than a note may have, so a long one is
 * refused with the limit and kept to shorten, never cut where typing or a
 * paste reached the limit. */
#define NOTE_TYPING_MAX	(MENTOR_CHECKIN_MAX * 2)

enum met { MET_UNSAID, MET_YES, MET_NO };

struct checkin {
	int64_t ship_id;
	enum met met;		/* no default: the member says */
	char next[16];
	char note[MENTOR_CHECKIN_SZ];
	struct ui_list list;
	struct ui_line line;
};

static const char *const labels[NFIELDS] = { "Did you meet?", "Next date (YYYY-MM-DD)",
	"Note (one line)" };

static const char *
value(const struct checkin *k, size_t i)
{
	switch (i) {
	case 0: return k->met == MET_YES ? "yes" : k->met == MET_NO ? "no" :
	    "(Enter: yes or no)";
	case 1: return k->next[0] ? k->next : "(none)";
	default: return k->note[0] ? k->note : "(none)";
	}
}

static bool
commit(struct screen_ctx *c, struct checkin *k)
{
	char v[NOTE_TYPING_MAX * 4 + 1];
	const char *why;

	text_copy(v, sizeof v, ui_line_text(&k->line));
	text_trim(v);
	if (k->list.sel == 1) {
		if (mentor_check_date(v, db_now(), &why) != 0) {
			char example[16];

			screen_example_day(example, sizeof example, 14);
			screen_error(c, "Next meeting: %s, e.g. %s.", why, example);
			return false;
		}
		text_copy(k->next, sizeof k->next, v);
		return true;
	}
	if (text_chars(v) > MENTOR_CHECKIN_MAX) {
		screen_error(c, "The note is too long: %zu characters, at most %d. Shorten "
		    "it; your text is kept.", text_chars(v), MENTOR_CHECKIN_MAX);
		return false;
	}
	if (mentor_check_note(v, MENTOR_CHECKIN_MAX, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	text_copy(k->note, sizeof k->note, v);
	return true;
}

static void
activate(struct screen_ctx *c, void *st)
{
	struct checkin *k = st;

	(void)c;
	if (k->list.sel == 0)
		k->met = k->met == MET_YES ? MET_NO : MET_YES;
	else if (k->list.sel == 1)
		ui_line_open(&k->line, k->next, 10, false);
	else
		ui_line_open(&k->line, k->note, NOTE_TYPING_MAX, false);
}

static void
save(struct screen_ctx *c, void *st)
{
	struct checkin *k = st;
	const char *why;
	int r;

	if (k->met == MET_UNSAID) {
		k->list.sel = 0;
		screen_error(c, "Did you meet? Press Enter on it to answer yes or no.");
		return;
	}
	if (mentor_check_checkin(k->met == MET_YES, k->next, k->note, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	r = db_mentor_checkin_add(c->db, c->me.id, k->ship_id, k->met == MET_YES, k->next,
	    k->note);
	if (r != 0) {
		screen_error(c, "Not saved: %s.", r == ERR_INVALID ? "check-ins are for active "
		    "mentorships, with a real date" :
		    db_mentor_refusal_in(c->db, c->me.id, k->ship_id, r));
		return;
	}
	screen_pop(c);
	screen_info(c, "Check-in saved.");
}

static const struct ui_binding checkin_keys[] = {
	{ UI_KEY_ENTER, ' ', "Enter change", activate },
	{ 's', 'S', "s save", save },
	{ UI_KEY_F2, 0, NULL, save },
};

static void
checkin_draw(struct screen_ctx *c, void *st)
{
	struct checkin *k = st;
	size_t vcols = (size_t)ui_cols() - LABEL_COLS - 4;

	ui_draw_text(UI_BODY_TOP + 1, 2, "Check-in", 40, UI_A_TITLE);
	for (size_t i = 0; i < NFIELDS; i++) {
		int y = FORM_TOP + (int)i;
		bool sel = i == k->list.sel;

		if (sel && k->line.active) {
			ui_draw_text(y, 2, labels[i], LABEL_COLS - 1, UI_A_BOLD);
			ui_line_draw(&k->line, y, 2 + LABEL_COLS, vcols, "");
			continue;
		}
		if (sel)
			ui_draw_chosen(y, 1, (size_t)ui_cols() - 2);
		ui_draw_text(y, 2, labels[i], LABEL_COLS - 1, sel ? UI_A_SELECT : UI_A_BOLD);
		ui_draw_text(y, 2 + LABEL_COLS, value(k, i), vcols, sel ? UI_A_SELECT :
		    UI_A_NORMAL);
	}
	if (k->line.active) {
		screen_hints(c, "Enter accept  Esc cancel");
		return;
	}
	screen_key_hints(c, checkin_keys, sizeof checkin_keys / sizeof checkin_keys[0], "  q back  ? help");
}

static bool
checkin_key(struct screen_ctx *c, void *st, int key)
{
	struct checkin *k = st;

	if (k->line.active) {
		if (ui_line_prompt(&k->line, c, key) == UI_LINE_DONE && commit(c, k))
			ui_line_close(&k->line);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&k->list, key, NFIELDS))
		return true;
	return ui_keys_run(checkin_keys, sizeof checkin_keys / sizeof checkin_keys[0], c, st,
	    key);
}

/* arg: pointer to the mentorship id. */
static void *
checkin_enter(struct screen_ctx *c, const void *arg)
{
	struct checkin *k = xcalloc(1, sizeof *k);

	(void)c;
	k->ship_id = *(const int64_t *)arg;
	k->met = MET_UNSAID;
	k->list.n = NFIELDS;
	return k;
}

static void
checkin_leave(struct screen_ctx *c, void *st)
{
	struct checkin *k = st;

	(void)c;
	ui_line_close(&k->line);
	free(k);
}

const struct screen screen_mentor_checkin = {
	.name = "mentor-checkin", .section = "My mentoring", .enter = checkin_enter,
	.draw = checkin_draw, .key = checkin_key, .leave = checkin_leave,
};
