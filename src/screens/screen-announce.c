/* Administration > Announcements: write one (text, then an optional end
 * date), list them newest first, end one early. Members see the newest
 * they have not dismissed at login and in the status bar (screen-live.c);
 * the data layer decides who may write (db-admin.h) and logs it. */
#include <stdio.h>
#include <stdlib.h>
#include "db/db-admin.h"
#include "db/db.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/admin.h"
#include "rules/sanction.h"
#include "screens/screen-admin.h"
#include "screens/screen-staff.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

enum step { ASK_NONE, ASK_TEXT, ASK_UNTIL };

struct announce_view {
	struct admin_ask ask;		/* first: the admin_ask_list_* callbacks read it */
	char text[ANNOUNCE_TEXT_MAX * 4 + 1];
	int64_t end_id;
	struct list *l;
};

static void *
announce_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct announce_view));
}

static int
announce_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_announce_list(c->db, c->me.id, 100, (struct announcement **)rows, n);
}

static int64_t
announce_id(const void *row)
{
	return ((const struct announcement *)row)->id;
}

static void
announce_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Announcements", cols, UI_A_TITLE);
}

/* The text over "by ann, 2026-12-04 21:40, until 2026-12-10 00:00 UTC". */
static int
announce_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct announcement *an = row;
	char when[32], until[40], line[160];
	const char *state;
	int64_t now = db_now();

	(void)c, (void)l;
	ui_draw_text(y, x, an->text, cols, a);
	if (max_rows < 2)
		return 2;
	screen_datetime(when, sizeof when, an->created_at);
	staff_time(until, sizeof until, an->ends_at);
	state = an->ended_at > 0 ? "ended early" : an->ends_at > 0 && an->ends_at <= now ?
	    "over" : "shown now";
	snprintf(line, sizeof line, "  by %s, %s, %s%s; %s", an->by, when,
	    an->ends_at > 0 ? "until " : "until ended", an->ends_at > 0 ? until : "", state);
	ui_draw_text(y + 1, x, line, cols, a == UI_A_SELECT ? a : UI_A_DIM);
	return 2;
}

static void
key_new(struct screen_ctx *c, void *st)
{
	struct announce_view *v = list_ctx(st);

	(void)c;
	admin_ask_open(&v->ask, ASK_TEXT, "The announcement (one line; everyone online sees it "
	    "in the status bar):", ANNOUNCE_TEXT_MAX);
}

static void
end_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct announce_view *v = arg;
	int r;

	if (!yes)
		return;
	if ((r = db_announce_end(c->db, c->me.id, v->end_id)) == 0)
		screen_info(c, "Ended: nobody sees it any more.");
	else if (r == ERR_STATE)
		screen_error(c, "That announcement is over already.");
	else
		screen_error(c, r == ERR_DENIED ? "Only admins end announcements." :
		    "That failed: %s.", err_str(r));
	list_reload(c, v->l);
}

static void
key_end(struct screen_ctx *c, void *st)
{
	struct announce_view *v = list_ctx(st);
	const struct announcement *an = list_selected(st);

	if (an == NULL)
		return;
	v->end_id = an->id;
	v->l = st;
	screen_ask(c, "End this announcement now? [y/n]", end_answer, v);
}

static bool
announce_key(struct screen_ctx *c, struct list *l, int key)
{
	struct announce_view *v = list_ctx(l);
	const char *text = NULL, *why = NULL;
	int64_t until = 0;
	int r;

	if (!admin_ask_active(&v->ask))
		return false;
	if (admin_ask_key(&v->ask, c, key, &text) != UI_LINE_DONE)
		return key != UI_KEY_F1;
	if (v->ask.step == ASK_TEXT) {
		if (admin_check_announcement(text, &why) != 0) {
			screen_refused(c, why);
			return true;
		}
		text_copy(v->text, sizeof v->text, text);
		admin_ask_open(&v->ask, ASK_UNTIL, "Until when? Days (7) or a date YYYY-MM-DD (to "
		    "its end, UTC); empty: until you end it", 10);
		return true;
	}
	if (admin_parse_until(text, db_now(), &until, &why) != 0) {
		screen_refused(c, why);
		return true;
	}
	if ((r = db_announce_add(c->db, c->me.id, v->text, until, NULL, &why)) != 0) {
		if (r == ERR_INVALID)
			screen_refused(c, why);
		else
			screen_error(c, r == ERR_DENIED ? "Only admins make announcements." :
			    "That failed: %s.", err_str(r));
		return true;
	}
	screen_info(c, "Announced: everyone online sees it now.");
	admin_ask_close(&v->ask);
	list_reload(c, l);
	return true;
}

static const struct ui_binding announce_keys[] = {
	{ 'n', 'N', "n new", key_new },
	{ 'e', 'E', "e end", key_end },
};

static void
announce_hints(struct screen_ctx *c, struct list *l)
{
	admin_ask_hints(c, l, announce_keys, sizeof announce_keys / sizeof announce_keys[0],
	    "  q back  ? help");
}

static const struct list_def announce_list = {
	.head_rows = 2, .row_size = sizeof(struct announcement), .load = announce_load,
	.row_id = announce_id, .draw_head = announce_head, .draw_row = announce_row,
	.row_lines = 2, .empty = "No announcements yet: press n to write one.",
	.load_error = "The announcements could not be read (or are not yours to read).",
	.foot_rows = admin_ask_list_rows, .draw_foot = admin_ask_list_draw, .key = announce_key,
	.keys = announce_keys, .nkeys = sizeof announce_keys / sizeof announce_keys[0],
	.hints = announce_hints, .init = announce_init, .fini = admin_ask_list_free,
};

const struct screen screen_announce = {
	.name = "announce", .section = "Announcements", .list = &announce_list,
};
