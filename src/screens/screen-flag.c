/* The flag form; see screen-flag.h. Two steps on one screen: a number
 * picks the type, then the note line opens (Enter files the flag, Esc
 * goes back to the types). A refused note keeps its text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-flag.h"
#include "lib/config.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/flag.h"
#include "screens/screen-flag.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

struct flag_form {
	struct flag_open o;
	enum flag_type type;
	struct ui_line note;		/* active: the second step */
};

static void *
flag_enter(struct screen_ctx *c, const void *arg)
{
	struct flag_form *f = xcalloc(1, sizeof *f);

	(void)c;
	f->o = *(const struct flag_open *)arg;
	return f;
}

static void
flag_draw(struct screen_ctx *c, void *st)
{
	struct flag_form *f = st;
	size_t cols = (size_t)ui_cols() - 4;
	char line[256];
	int y = UI_BODY_TOP + 1;

	snprintf(line, sizeof line, "Flag %s", f->o.label);
	ui_draw_text(y, 2, line, cols, UI_A_TITLE);
	y += 2;
	y += (int)ui_draw_wrapped(y, 2, 3, cols, "Only the moderators see your flag and your "
	    "note; the member is not told who flagged. What is wrong?", 0, UI_A_NORMAL) + 1;
	for (int i = 0; i < FLAG_TYPES; i++) {
		snprintf(line, sizeof line, "%d  %s", i + 1, flag_type_label((enum flag_type)i));
		ui_draw_text(y++, 4, line, cols - 2, f->note.active && (int)f->type == i ?
		    UI_A_SELECT : UI_A_NORMAL);
	}
	if (f->note.active) {
		ui_draw_text(y + 1, 2, "A note for the moderators (optional, Enter to send):",
		    cols, UI_A_BOLD);
		ui_line_draw(&f->note, y + 2, 2, cols, "Note: ");
		screen_hints(c, "Enter flag  Esc other type");
		return;
	}
	screen_hints(c, "1-6 choose  q back  ? help");
}

static void
send_flag(struct screen_ctx *c, struct flag_form *f)
{
	char note[FLAG_NOTE_MAX * 4 + 1];
	const char *why = NULL;
	struct flag_filed out;
	int r;

	text_copy(note, sizeof note, ui_line_text(&f->note));
	text_trim(note);
	r = db_flag_add(c->db, c->me.id, f->o.kind, f->o.target_id, f->type, note,
	    c->cfg->moderation.hide_threshold, &out, &why);
	if (r == ERR_INVALID && flag_check_note(note, &why) != 0) {
		screen_refused(c, why);	/* the note stays for another try */
		return;
	}
	if (r != 0 && r != ERR_EXISTS) {
		screen_error(c, "%s", why);
		if (r == ERR_LIMIT || r == ERR_BUSY || r == ERR_INTERNAL)
			return;
		ui_line_close(&f->note);
		screen_pop(c);
		return;
	}
	ui_line_close(&f->note);
	screen_pop(c);
	if (r == ERR_EXISTS)
		screen_error(c, "%s", why);
	else if (out.hidden)
		screen_info(c, "Flagged. Enough members flagged it: it is hidden until a "
		    "moderator has looked.");
	else
		screen_info(c, "Flagged for the moderators. Thank you.");
}

static bool
flag_key(struct screen_ctx *c, void *st, int key)
{
	struct flag_form *f = st;

	if (f->note.active) {
		if (ui_line_prompt(&f->note, c, key) == UI_LINE_DONE)
			send_flag(c, f);
		return key != UI_KEY_F1;
	}
	if (key >= '1' && key < '1' + FLAG_TYPES) {
		f->type = (enum flag_type)(key - '1');
		ui_line_open(&f->note, NULL, FLAG_NOTE_MAX, false);
		return true;
	}
	return false;
}

static void
flag_leave(struct screen_ctx *c, void *st)
{
	struct flag_form *f = st;

	(void)c;
	ui_line_close(&f->note);
	free(f);
}

const struct screen screen_flag = {
	.name = "flag", .section = "Flag", .enter = flag_enter, .draw = flag_draw,
	.key = flag_key, .leave = flag_leave,
};
