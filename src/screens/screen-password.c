/* Changing one's password: current, new, new again; all hidden. Opened
 * with a non-NULL argument it is the forced change of an expired password
 * (user passwd --expire, a one-time code from user import): the member
 * has just logged in, so it asks only for the new one, and Esc ends the
 * session instead of reaching the menus. */
#include <stdlib.h>
#include <string.h>
#include "lib/crypto.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-term.h"
#include "ui/ui-widget.h"
#include "rules/user.h"
#include "db/db-account.h"
#include "lib/xmalloc.h"

/* Characters, so the bytes stay within USER_PASSWORD_MAX. */
#define PASSWORD_CHARS (USER_PASSWORD_MAX / 4)

enum pw_step { PW_OLD, PW_NEW, PW_AGAIN };

static const char *const prompts[] = {
	[PW_OLD] = "Current password: ",
	[PW_NEW] = "New password: ",
	[PW_AGAIN] = "New password again: ",
};

struct pw {
	enum pw_step step;
	struct ui_line line;
	char old[USER_PASSWORD_MAX + 1];
	char new[USER_PASSWORD_MAX + 1];
	bool forced;
};

static void
go_to(struct pw *p, enum pw_step step)
{
	p->step = step;
	ui_line_open(&p->line, NULL, PASSWORD_CHARS, true);
}

static void
change(struct screen_ctx *c, struct pw *p)
{
	const char *why = NULL;
	char esc[64];
	int r;

	r = p->forced ? db_account_set_password(c->db, c->me.id, c->me.id, p->new, &why) :
	    db_account_change_password(c->db, c->me.id, p->old, p->new, &why);
	if (r == 0) {
		c->me.pw_expired = false;
		log_info("password changed: user=%s",
		    text_escape_log(esc, sizeof esc, c->me.login));
		screen_pop(c);
		screen_info(c, "Your password has been changed.");
		return;
	}
	screen_refused(c, why);
	go_to(p, r == ERR_AUTH ? PW_OLD : PW_NEW);
}

static void
step_done(struct screen_ctx *c, struct pw *p)
{
	const char *v = ui_line_text(&p->line), *why = NULL;

	switch (p->step) {
	case PW_OLD:
		/* Said at once, not after the new password was typed twice. */
		if (db_account_password_check(c->db, c->me.id, v) != 0) {
			screen_error(c, "That is not your current password.");
			ui_line_set(&p->line, "");
			return;
		}
		text_copy(p->old, sizeof p->old, v);
		go_to(p, PW_NEW);
		break;
	case PW_NEW:
		if (user_check_password(v, &why) != 0) {
			screen_refused(c, why);
			return;
		}
		text_copy(p->new, sizeof p->new, v);
		go_to(p, PW_AGAIN);
		break;
	case PW_AGAIN:
		if (strcmp(v, p->new) != 0) {
			screen_error(c, "The new passwords do not match. Type the new "
			    "password again.");
			go_to(p, PW_NEW);
			return;
		}
		change(c, p);
		break;
	}
}

static void
pw_draw(struct screen_ctx *c, void *st)
{
	struct pw *p = st;
	int y = UI_BODY_TOP + 1;
	size_t cols = (size_t)ui_cols() - 4;

	ui_draw_text(y, 2, p->forced ? "Choose a new password" : "Change your password", cols,
	    UI_A_TITLE);
	ui_draw_wrapped(y + 2, 2, 3, cols, p->forced ? "Before anything else, choose a "
	    "password of your own and type it twice. It has at least 10 characters; a few "
	    "unrelated words make a good one. " UI_LINE_HIDDEN_NOTE : "Type your current "
	    "password, then the new one twice. A new password has at least 10 characters; "
	    "a few unrelated words make a good one. " UI_LINE_HIDDEN_NOTE, 0, UI_A_NORMAL);
	for (int i = p->forced ? PW_NEW : PW_OLD; i < (int)p->step; i++) {
		ui_draw_text(y + 6 + 2 * i, 2, prompts[i], cols, UI_A_BOLD);
		ui_draw_text(y + 6 + 2 * i, 2 + (int)text_width(prompts[i]), "(done)",
		    20, UI_A_DIM);
	}
	ui_line_draw(&p->line, y + 6 + 2 * (int)p->step, 2, 60, prompts[p->step]);
	screen_hints(c, p->forced ? "Enter next  Esc log out" : "Enter next  Esc cancel  F1 help");
}

static bool
pw_key(struct screen_ctx *c, void *st, int key)
{
	struct pw *p = st;

	/* Forced: no help screen or global key leads past the change. */
	if (key == UI_KEY_F1 && !p->forced)
		return false;
	switch (ui_line_key(&p->line, c, key)) {
	case UI_LINE_DONE:
		step_done(c, p);
		break;
	case UI_LINE_CANCEL:
		if (p->forced) {
			ui_term_farewell("You need a new password to use the system; "
			    "log in again to choose one.");
			screen_quit(c, SCREEN_EXIT, 0);
			break;
		}
		screen_pop(c);
		screen_info(c, "Your password was not changed.");
		break;
	case UI_LINE_EDITING:
		break;
	}
	return true;
}

static void *
pw_enter(struct screen_ctx *c, const void *arg)
{
	struct pw *p = xcalloc(1, sizeof *p);

	(void)c;
	p->forced = arg != NULL;
	go_to(p, p->forced ? PW_NEW : PW_OLD);
	return p;
}

static void
pw_leave(struct screen_ctx *c, void *st)
{
	struct pw *p = st;

	(void)c;
	ui_line_close(&p->line);
	crypto_wipe(p, sizeof *p);
	free(p);
}

const struct screen screen_password = {
	.name = "password", .section = "Changing password", .enter = pw_enter,
	.draw = pw_draw, .key = pw_key, .leave = pw_leave,
};
