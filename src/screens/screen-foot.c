/* The step-by-step question under a staff list; see screen-foot.h. */
#include <stdio.h>
#include <stdlib.h>
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "screens/screen-foot.h"
#include "ui/screen.h"
#include "ui/ui-widget.h"

#define ANSWER_MAX	600	/* characters: the longest question's field */

void
screen_foot_open(struct screen_foot *f, const char *prompt, size_t max_chars, bool empty_ok,
    screen_foot_done done)
{
	screen_foot_close(f);
	f->line = xcalloc(1, sizeof(struct ui_line));
	snprintf(f->prompt, sizeof f->prompt, "%s", prompt);
	f->max_chars = max_chars < ANSWER_MAX ? max_chars : ANSWER_MAX;
	f->empty_ok = empty_ok;
	f->done = done;
	ui_line_open(f->line, NULL, f->max_chars, false);
	f->open = true;
}

void
screen_foot_close(struct screen_foot *f)
{
	if (f->line != NULL) {
		ui_line_close(f->line);
		free(f->line);
		f->line = NULL;
	}
	f->open = false;
}

bool
screen_foot_key(struct screen_foot *f, struct screen_ctx *c, struct list *l, int key)
{
	char text[ANSWER_MAX * 4 + 1];
	const char *why;

	if (!f->open)
		return false;
	switch (ui_line_key(f->line, c, key)) {
	case UI_LINE_CANCEL:
		screen_foot_close(f);
		screen_info(c, "Nothing was changed.");
		return true;
	case UI_LINE_DONE:
		break;
	default:
		return true;
	}
	text_copy(text, sizeof text, ui_line_text(f->line));
	text_trim(text);
	if ((why = text_check_line(text, f->max_chars)) != NULL) {
		screen_refused(c, why);
		return true;
	}
	if (text[0] == '\0' && !f->empty_ok) {
		screen_error(c, "Please give an answer, or Esc to stop.");
		return true;
	}
	/* done may open the next question: close this one first. */
	{
		screen_foot_done done = f->done;
		struct ui_line *keep = f->line;

		f->line = NULL;
		f->open = false;
		if (!done(c, l, text) && !f->open) {
			/* Refused: the same question again, with the text. */
			f->line = keep;
			f->open = true;
			return true;
		}
		ui_line_close(keep);
		free(keep);
	}
	return true;
}

void
screen_foot_draw(const struct screen_foot *f, int y, size_t cols)
{
	if (f->open)
		ui_line_draw(f->line, y, 2, cols, f->prompt);
}

void
screen_foot_hints(const struct screen_foot *f, struct screen_ctx *c,
    const struct ui_binding *keys, size_t n, const char *tail)
{
	if (f->open)
		screen_hints(c, "Enter send  Esc cancel");
	else
		screen_key_hints(c, keys, n, tail);
}
