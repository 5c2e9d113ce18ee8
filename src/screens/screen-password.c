/* Changing one's password: current, new, new again; all hidden. */
#include <stdlib.h>
#include <string.h>
#include "lib/crypto.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
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

	r = db_account_change_password(c->db, c->me.id, p->old, p->new, &why);
	if (r == 0) {
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

	ui_draw_text(y, 2, "Change your password", cols, UI_A_TITLE);
	ui_draw_wrapped(y + 2, 2, 3, cols, "Type your current password, then the new "
	    "one twice. A new password has at least 10 characters; a few unrelated "
	    "words make a good one. " UI_LINE_HIDDEN_NOTE, 0, UI_A_NORMAL);
	for (int i = PW_OLD; i < (int)p->step; i++) {
		ui_draw_text(y + 6 + 2 * i, 2, prompts[i], cols, UI_A_BOLD);
		ui_draw_text(y + 6 + 2 * i, 2 + (int)text_width(prompts[i]), "(done)",
		    20, UI_A_DIM);
	}
	ui_line_draw(&p->line, y + 6 + 2 * (int)p->step, 2, 60, prompts[p->step]);
	screen_hints(c, "Enter next  Esc cancel  F1 help");
}

static bool
pw_key(struct screen_ctx *c, void *st, int key)
{
	struct pw *p = st;

	if (key == UI_KEY_F1)
		return false;
	switch (ui_line_key(&p->line, c, key)) {
	case UI_LINE_DONE:
		step_done(c, p);
		break;
	case UI_LINE_CANCEL:
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
	(void)arg;
	go_to(p, PW_OLD);
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
