/* The rules for a member who has not accepted them yet: accounts the sysop
 * made with `mentorbbs user add` never went through the registration
 * wizard. Until they accept, they read but do not post or send messages
 * (screen_can_post); the main menu reminds them (A opens this screen). */
#include <stdlib.h>
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

#define TEXT_TOP	(UI_BODY_TOP + 3)
#define PROMPT_ROWS	1	/* "Accept the rules? [y/n]" */

struct rules {
	char *text;
	size_t top, total;
};

static void
rules_draw(struct screen_ctx *c, void *st)
{
	struct rules *r = st;
	size_t cols = (size_t)ui_cols() - 4, page = ui_page_rows(TEXT_TOP, PROMPT_ROWS);

	ui_draw_text(UI_BODY_TOP + 1, 2, "Before you post: the code of conduct", cols,
	    UI_A_TITLE);
	r->total = ui_draw_wrapped(TEXT_TOP, 2, (int)page, cols, r->text, r->top, UI_A_NORMAL);
	if (r->top + page < r->total)
		ui_draw_text(ui_msg_row() - 2, 2, "(more below: PgDn)", cols, UI_A_DIM);
	ui_draw_text(ui_msg_row() - 1, 2, "Accept the rules? [y/n]", cols, UI_A_BOLD);
	screen_hints(c, "y accept  n not now  Up/Down/PgUp/PgDn scroll  ? help");
}

static bool
rules_key(struct screen_ctx *c, void *st, int key)
{
	struct rules *r = st;

	if (ui_scroll_key(&r->top, key, r->total, ui_page_rows(TEXT_TOP, PROMPT_ROWS)))
		return true;
	if (key == 'y' || key == 'Y') {
		if (db_user_set_rules_accepted(c->db, c->me.id) != 0) {
			screen_error(c, "That did not work; please try again.");
			return true;
		}
		screen_reload_me(c);
		screen_pop(c);
		screen_info(c, "Thank you. You can now post and send messages.");
		return true;
	}
	if (key == 'n' || key == 'N' || key == 'q' || key == 'Q' || key == UI_KEY_ESC) {
		screen_pop(c);
		screen_info(c, "You can read everything; to post or send messages, "
		    "press A on the main menu and accept the rules.");
		return true;
	}
	return false;
}

static void *
rules_enter(struct screen_ctx *c, const void *arg)
{
	struct rules *r = xcalloc(1, sizeof *r);

	(void)arg;
	r->text = screen_text(c, "rules");
	return r;
}

static void
rules_leave(struct screen_ctx *c, void *st)
{
	struct rules *r = st;

	(void)c;
	free(r->text);
	free(r);
}

const struct screen screen_rules = {
	.name = "rules", .section = "Code of conduct", .enter = rules_enter,
	.draw = rules_draw, .key = rules_key, .leave = rules_leave,
};
