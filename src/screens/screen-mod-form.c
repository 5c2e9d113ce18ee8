/* Questions one after the other; see screen-mod-form.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "db/db-board.h"
#include "lib/text.h"
#include "screens/screen-mod-form.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

void
mod_form_start(struct mod_form *f, int action, const char *question,
    void (*done)(struct screen_ctx *c, void *owner, struct mod_form *mf), void *owner)
{
	ui_line_close(&f->line);
	memset(f, 0, sizeof *f);
	f->action = action;
	f->question = question;
	f->done = done;
	f->owner = owner;
}

void
mod_form_ask(struct mod_form *f, const char *label, size_t max_chars, const char *initial)
{
	if (f->n == MOD_FORM_STEPS)
		return;
	f->labels[f->n] = label;
	f->max_chars[f->n] = max_chars;
	text_copy(f->ans[f->n], sizeof f->ans[f->n], initial != NULL ? initial : "");
	f->n++;
}

void
mod_form_reason(struct mod_form *f)
{
	mod_form_ask(f, "Reason: ", STAFF_REASON_MAX, NULL);
}

static void
open_step(struct mod_form *f)
{
	ui_line_open(&f->line, f->ans[f->at], f->max_chars[f->at], false);
}

void
mod_form_open(struct mod_form *f)
{
	if (f->n == 0)
		return;
	f->at = 0;
	f->open = true;
	open_step(f);
}

void
mod_form_close(struct mod_form *f)
{
	ui_line_close(&f->line);
	f->open = false;
}

bool
mod_form_key(struct mod_form *f, struct screen_ctx *c, int key)
{
	enum ui_line_result r;

	if (!f->open)
		return false;
	if ((r = ui_line_key(&f->line, c, key)) == UI_LINE_CANCEL) {
		mod_form_close(f);
		screen_info(c, "Cancelled: nothing was changed.");
		return true;
	}
	if (r != UI_LINE_DONE)
		return true;
	text_copy(f->ans[f->at], sizeof f->ans[f->at], ui_line_text(&f->line));
	text_trim(f->ans[f->at]);
	ui_line_close(&f->line);
	if (++f->at < f->n) {
		open_step(f);
		return true;
	}
	f->open = false;
	f->done(c, f->owner, f);
	return true;
}

int
mod_form_rows(const struct mod_form *f)
{
	return f->open ? 3 : 0;
}

void
mod_form_draw(const struct mod_form *f, int y, size_t cols)
{
	if (!f->open)
		return;
	ui_draw_text(y, 2, f->question, cols, UI_A_BOLD);
	ui_line_draw(&f->line, y + 1, 2, cols, f->labels[f->at]);
}

int
mod_form_community(struct screen_ctx *c, const char *name, int64_t *id)
{
	struct board_community *cs = NULL;
	size_t n = 0;
	int r;

	if ((r = db_board_community_list(c->db, c->me.id, false, &cs, &n)) != 0)
		return r;
	r = ERR_NOTFOUND;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(cs[i].name, name) == 0 || strcasecmp(cs[i].slug, name) == 0) {
			*id = cs[i].id;
			r = ERR_OK;
			break;
		}
	free(cs);
	return r;
}
