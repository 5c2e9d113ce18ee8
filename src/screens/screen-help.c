/* Help for the screen below: screens/help-<name>.txt or built-in text. */
#include <stdio.h>
#include <stdlib.h>
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define TEXT_TOP	(UI_BODY_TOP + 3)

struct help {
	char title[96];
	char *text;
	size_t top, total;
};

static void
help_draw(struct screen_ctx *c, void *st)
{
	struct help *h = st;
	size_t page = ui_page_rows(TEXT_TOP, 0);

	ui_draw_text(UI_BODY_TOP + 1, 2, h->title, (size_t)ui_cols() - 4, UI_A_TITLE);
	h->total = ui_draw_wrapped(TEXT_TOP, 2, (int)page, (size_t)ui_cols() - 4, h->text,
	    h->top, UI_A_NORMAL);
	if (h->top + page > h->total)
		h->top = h->total > page ? h->total - page : 0;
	ui_draw_more(h->top > 0, h->top + page < h->total, (size_t)ui_cols() - 4);
	screen_hints(c, "Up/Down/PgUp/PgDn scroll  q back");
}

static bool
help_key(struct screen_ctx *c, void *st, int key)
{
	struct help *h = st;

	(void)c;
	if (key == '?' || key == UI_KEY_F1)
		return true;	/* already here */
	return ui_scroll_key(&h->top, key, h->total, ui_page_rows(TEXT_TOP, 0));
}

static void *
help_enter(struct screen_ctx *c, const void *arg)
{
	const char *name = arg != NULL ? arg : "main";
	const struct screen *about = screen_lookup(name);
	struct help *h = xcalloc(1, sizeof *h);
	char file[64];

	snprintf(file, sizeof file, "help-%s", name);
	h->text = screen_text(c, file);
	snprintf(h->title, sizeof h->title, "Help: %s",
	    about != NULL ? about->section : name);
	return h;
}

static void
help_leave(struct screen_ctx *c, void *st)
{
	struct help *h = st;

	(void)c;
	free(h->text);
	free(h);
}

const struct screen screen_help = {
	.name = "help", .section = "Help", .enter = help_enter, .draw = help_draw,
	.key = help_key, .leave = help_leave,
};
