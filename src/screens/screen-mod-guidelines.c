/* Offering to moderate a community: the moderators' guidelines
 * (screens/moderator-guidelines.txt) are shown in full first; once the
 * member has read to the end and agreed, they say why they would
 * moderate, and the application goes to the community's moderators and
 * the admins (db_board_request_moderate records that they agreed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-board.h"
#include "db/db.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "screens/screen-board.h"
#include "screens/screen-community.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define TEXT_TOP	(UI_BODY_TOP + 3)
#define FOOT_ROWS	2	/* "(more below)" and the question or the field */

struct guidelines {
	struct screen_community_arg com;
	char *text;
	size_t top, total;
	bool read_all, agreed;
	struct ui_line line;
};

static size_t
page_rows(void)
{
	return ui_page_rows(TEXT_TOP, FOOT_ROWS);
}

static void
guidelines_draw(struct screen_ctx *c, void *st)
{
	struct guidelines *g = st;
	size_t cols = (size_t)ui_cols() - 4, page = page_rows();
	char title[BOARD_NAME_MAX * 4 + 64], prompt[BOARD_NAME_MAX * 4 + 40];

	snprintf(title, sizeof title, "Moderating %s: the moderators' guidelines", g->com.name);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	g->total = ui_draw_wrapped(TEXT_TOP, 2, (int)page, cols, g->text, g->top, UI_A_NORMAL);
	if (g->top + page >= g->total)
		g->read_all = true;
	if (g->agreed) {
		snprintf(prompt, sizeof prompt, "Why would you moderate %s? ", g->com.name);
		ui_line_draw(&g->line, ui_msg_row() - 1, 2, cols, prompt);
		screen_hints(c, "Enter send the application  Esc cancel");
		return;
	}
	if (!g->read_all)
		ui_draw_text(ui_msg_row() - 2, 2, "(more below: PgDn; read to the end to agree)",
		    cols, UI_A_DIM);
	ui_draw_text(ui_msg_row() - 1, 2, g->read_all ? "Do you agree to follow these "
	    "guidelines? [y/n]" : "Read the guidelines to the end first.", cols, UI_A_BOLD);
	screen_hints(c, "y agree  n not now  Up/Down/PgUp/PgDn scroll  ? help");
}

/* Sends the application; on a refusal the text stays to change or Esc. */
static void
send_application(struct screen_ctx *c, struct guidelines *g)
{
	char why[BOARD_WHY_MAX * 4 + 1];
	const char *bad;
	int64_t id = 0;
	int r;

	text_copy(why, sizeof why, ui_line_text(&g->line));
	text_trim(why);
	if ((bad = text_check_line(why, BOARD_WHY_MAX)) != NULL) {
		screen_refused(c, bad);
		return;
	}
	if (why[0] == '\0') {
		screen_error(c, "Please say why, or Esc to stop.");
		return;
	}
	r = db_board_request_moderate(c->db, c->me.id, g->com.id, why, true, &id);
	if (r == ERR_EXISTS)
		screen_error(c, "You already moderate %s or have offered to.", g->com.name);
	else if (r == ERR_STATE)
		screen_error(c, "%s is archived: it takes no new moderators.", g->com.name);
	else if (r == ERR_DENIED && screen_can_post(c))
		screen_error(c, "You have %d requests waiting for the admins; you can ask "
		    "again once they have answered one.", BOARD_REQUESTS_PENDING_MAX);
	else if (r != 0)
		screen_board_refused(c, r);
	else {
		char name[sizeof g->com.name];

		/* Popping frees g: the name is copied first. */
		text_copy(name, sizeof name, g->com.name);
		screen_pop(c);
		screen_info(c, "Your application is with the moderators of %s and the admins; "
		    "s shows your requests.", name);
	}
}

static bool
guidelines_key(struct screen_ctx *c, void *st, int key)
{
	struct guidelines *g = st;

	if (g->agreed) {
		switch (ui_line_key(&g->line, c, key)) {
		case UI_LINE_CANCEL:
			screen_pop(c);
			screen_info(c, "Nothing was sent.");
			break;
		case UI_LINE_DONE:
			send_application(c, g);
			break;
		default:
			break;
		}
		return true;
	}
	if (ui_scroll_key(&g->top, key, g->total, page_rows()))
		return true;
	if (key == 'y' || key == 'Y') {
		if (!g->read_all) {
			screen_error(c, "Please read the guidelines to the end first (PgDn).");
			return true;
		}
		g->agreed = true;
		ui_line_open(&g->line, NULL, BOARD_WHY_MAX, false);
		return true;
	}
	if (key == 'n' || key == 'N') {
		screen_pop(c);
		screen_info(c, "Nothing was sent.");
		return true;
	}
	return false;
}

static void *
guidelines_enter(struct screen_ctx *c, const void *arg)
{
	struct guidelines *g = xcalloc(1, sizeof *g);

	if (arg != NULL)
		g->com = *(const struct screen_community_arg *)arg;
	g->text = screen_text(c, "moderator-guidelines");
	return g;
}

static void
guidelines_leave(struct screen_ctx *c, void *st)
{
	struct guidelines *g = st;

	(void)c;
	ui_line_close(&g->line);
	free(g->text);
	free(g);
}

const struct screen screen_mod_guidelines = {
	.name = "mod-guidelines", .section = "Communities", .enter = guidelines_enter,
	.draw = guidelines_draw, .key = guidelines_key, .leave = guidelines_leave,
};
