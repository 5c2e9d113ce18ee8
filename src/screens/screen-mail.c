/* Email (Profile, m): the member's address, confirmed by a code mailed to
 * it and typed here; which mails they want at once; the digest. The data
 * layer decides everything (db-mail.h); this screen asks and says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "db/db-mail.h"
#include "lib/config.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/mail.h"

enum mail_prompt { MP_NONE, MP_ADDRESS, MP_CODE };

struct mail_screen {
	struct mail_prefs p;
	bool loaded;
	enum mail_prompt prompt;
	struct ui_line line;
};

static bool
mail_on(const struct screen_ctx *c)
{
	return c->cfg != NULL && c->cfg->mail.from[0] != '\0';
}

static void
reload(struct screen_ctx *c, struct mail_screen *m)
{
	m->loaded = db_mail_prefs_get(c->db, c->me.id, &m->p) == 0;
	if (!m->loaded)
		screen_error(c, "Your email settings cannot be read just now; try again.");
}

static void
open_prompt(struct mail_screen *m, enum mail_prompt which)
{
	m->prompt = which;
	ui_line_open(&m->line, NULL, which == MP_CODE ? 12 : MAIL_ADDR_MAX, false);
}

static void
add_address(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	if (!mail_on(c)) {
		screen_error(c, "Mail is off on this system: the sysop has not set it up.");
		return;
	}
	open_prompt(m, MP_ADDRESS);
}

static void
type_code(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	if (m->p.pending[0] == '\0') {
		screen_error(c, "No code is waiting: add an address first (a).");
		return;
	}
	open_prompt(m, MP_CODE);
}

static void
save_choices(struct screen_ctx *c, struct mail_screen *m, unsigned immediate,
    enum mail_period digest)
{
	int r;

	if (m->p.email[0] == '\0') {
		screen_error(c, "Add and confirm an address first (a).");
		return;
	}
	r = db_mail_choices_set(c->db, c->me.id, immediate, digest);
	if (r != 0) {
		screen_error(c, "That was not saved; please try again.");
		return;
	}
	reload(c, m);
	screen_info(c, "Saved.");
}

static void
toggle(struct screen_ctx *c, struct mail_screen *m, size_t i)
{
	save_choices(c, m, m->p.immediate ^ mail_choice_bit(i), m->p.digest);
}

static void
toggle1(struct screen_ctx *c, void *st) { toggle(c, st, 0); }
static void
toggle2(struct screen_ctx *c, void *st) { toggle(c, st, 1); }
static void
toggle3(struct screen_ctx *c, void *st) { toggle(c, st, 2); }
static void
toggle4(struct screen_ctx *c, void *st) { toggle(c, st, 3); }

static void
cycle_digest(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	save_choices(c, m, m->p.immediate, (enum mail_period)((m->p.digest + 1) % 3));
}

static void
remove_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct mail_screen *m = arg;

	if (!yes)
		return;
	if (db_mail_address_remove(c->db, c->me.id) != 0) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	reload(c, m);
	screen_info(c, "Your address is gone: no more mail.");
}

static void
remove_address(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	if (m->p.email[0] == '\0' && m->p.pending[0] == '\0') {
		screen_error(c, "You have no address here.");
		return;
	}
	screen_ask(c, "Forget your address and send no more mail? [y/n]", remove_answer, m);
}

static const struct ui_binding keys[] = {
	{ 'a', 'A', "a address", add_address },
	{ 'c', 'C', "c code", type_code },
	{ '1', 0, NULL, toggle1 },
	{ '2', 0, NULL, toggle2 },
	{ '3', 0, NULL, toggle3 },
	{ '4', 0, NULL, toggle4 },
	{ 'd', 'D', "d digest", cycle_digest },
	{ 'r', 'R', "r remove", remove_address },
};

static void
submit(struct screen_ctx *c, struct mail_screen *m)
{
	char v[MAIL_ADDR_SZ + 16];
	const char *why = NULL;
	int r;

	text_copy(v, sizeof v, ui_line_text(&m->line));
	text_trim(v);
	if (m->prompt == MP_ADDRESS) {
		r = db_mail_address_start(c->db, c->me.id, v, &why);
		if (r == ERR_INVALID || r == ERR_EXISTS || r == ERR_TOO_FAST) {
			screen_refused(c, why);
			return;	/* the prompt stays open with what was typed */
		}
	} else {
		r = db_mail_address_confirm(c->db, c->me.id, v, &why);
		if (r == ERR_INVALID || r == ERR_AUTH) {
			screen_refused(c, why);
			ui_line_set(&m->line, "");
			return;
		}
	}
	if (r != 0 && why == NULL) {
		screen_error(c, "That did not work; please try again.");
		return;
	}
	ui_line_close(&m->line);
	if (r != 0) {
		m->prompt = MP_NONE;
		screen_refused(c, why);
		reload(c, m);
		return;
	}
	if (m->prompt == MP_ADDRESS)
		screen_info(c, "A code is on its way to %s. When it comes, press c and type it.",
		    v);
	else
		screen_info(c, "Your address is confirmed. Choose below what to get by mail.");
	m->prompt = MP_NONE;
	reload(c, m);
}

static void
draw_choices(struct screen_ctx *c, struct mail_screen *m, int y, size_t cols)
{
	char line[160];

	(void)c;
	ui_draw_text(y, 2, "Mail me at once about:", cols, UI_A_BOLD);
	for (size_t i = 0; i < MAIL_CHOICES; i++) {
		snprintf(line, sizeof line, "%zu [%c] %s", i + 1,
		    (m->p.immediate & mail_choice_bit(i)) != 0 ? 'x' : ' ', mail_choice_label(i));
		ui_draw_text(y + 1 + (int)i, 4, line, cols - 2, UI_A_NORMAL);
	}
	snprintf(line, sizeof line, "d Digest: %s (unread messages, requests, new posts and "
	    "announcements; sent only when there is something)", mail_period_name(m->p.digest));
	ui_draw_wrapped(y + 2 + MAIL_CHOICES, 4, 2, cols - 2, line, 0, UI_A_NORMAL);
}

static void
mail_draw(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;
	int y = UI_BODY_TOP + 1;
	size_t cols = (size_t)ui_cols() - 4;
	char line[MAIL_ADDR_SZ + 64], hints[160];

	ui_draw_text(y, 2, "Email", cols, UI_A_TITLE);
	if (!mail_on(c)) {
		ui_draw_wrapped(y + 2, 2, 3, cols, "Mail is off on this system: the sysop has "
		    "not set it up. News waits here for your next login.", 0, UI_A_NORMAL);
		screen_hints(c, "q back  ? help");
		return;
	}
	snprintf(line, sizeof line, "Address: %s", m->p.email[0] != '\0' ? m->p.email :
	    "none yet");
	ui_draw_text(y + 2, 2, line, cols, UI_A_NORMAL);
	if (m->p.pending[0] != '\0') {
		snprintf(line, sizeof line, "Waiting for the code sent to %s", m->p.pending);
		ui_draw_text(y + 3, 2, line, cols, UI_A_DIM);
	}
	if (m->p.email[0] != '\0')
		draw_choices(c, m, y + 5, cols);
	else
		ui_draw_wrapped(y + 5, 2, 3, cols, "Add an address (a) and we mail it a code; "
		    "type the code here (c) and mail can reach you when you are not online. "
		    "Every mail says how to stop it.", 0, UI_A_NORMAL);
	if (m->prompt != MP_NONE) {
		ui_line_draw(&m->line, y + 14, 2, 70, m->prompt == MP_CODE ? "Code: " :
		    "Address: ");
		screen_hints(c, "Enter send  Esc cancel  F1 help");
		return;
	}
	ui_keys_hints(keys, sizeof keys / sizeof keys[0], hints, sizeof hints);
	text_appendf(hints, sizeof hints, NULL, "%s1-4 choices  q back  ? help",
	    hints[0] != '\0' ? "  " : "");
	screen_hints(c, hints);
}

static bool
mail_key(struct screen_ctx *c, void *st, int key)
{
	struct mail_screen *m = st;

	if (m->prompt != MP_NONE) {
		if (key == UI_KEY_F1)
			return false;
		switch (ui_line_prompt(&m->line, c, key)) {
		case UI_LINE_DONE:
			submit(c, m);
			break;
		case UI_LINE_CANCEL:
			m->prompt = MP_NONE;
			break;
		case UI_LINE_EDITING:
			break;
		}
		return true;
	}
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

static void *
mail_enter(struct screen_ctx *c, const void *arg)
{
	struct mail_screen *m = xcalloc(1, sizeof *m);

	(void)arg;
	reload(c, m);
	return m;
}

static void
mail_update(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	if (m->prompt == MP_NONE)
		reload(c, m);
}

static void
mail_leave(struct screen_ctx *c, void *st)
{
	struct mail_screen *m = st;

	(void)c;
	ui_line_close(&m->line);
	free(m);
}

const struct screen screen_mail = {
	.name = "mail", .section = "Email", .enter = mail_enter, .draw = mail_draw,
	.key = mail_key, .leave = mail_leave, .update = mail_update,
};
