/* Administration -> Moderators -> m: the moderators of each community, by
 * community; x removes the selected one with a reason (db_staff_dismiss,
 * which checks the actor is an admin, audits and tells them). */
#include <stdio.h>
#include <stdlib.h>
#include "db/db.h"
#include "db/db-community.h"
#include "db/db-staff.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "screens/screen-foot.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

struct mod_list {
	struct screen_foot foot;
	struct community_moderator chosen;
};

static int
mods_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit, void **rows,
    size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_community_moderators(c->db, c->me.id, (struct community_moderator **)rows, n);
}

static void
mods_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "The moderators of each community", cols, UI_A_TITLE);
}

static int
mods_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x, size_t cols,
    int max_rows, enum ui_attr a)
{
	const struct community_moderator *m = row;
	char line[800];
	size_t len = 0;

	(void)c, (void)l, (void)max_rows;
	line[0] = '\0';
	text_appendf(line, sizeof line, &len, "%-24s %s (%s)", m->community, m->name, m->login);
	ui_draw_text(y, x, line, cols, a);
	return 1;
}

static bool
remove_done(struct screen_ctx *c, struct list *l, const char *text)
{
	struct mod_list *m = list_ctx(l);
	int r = db_staff_dismiss(c->db, c->me.id, m->chosen.user_id, m->chosen.community_id, text);

	if (r == 0) {
		screen_info(c, "%s no longer moderates %s; they are told.", m->chosen.login,
		    m->chosen.community);
		list_reload(c, l);
		return true;
	}
	if (r == ERR_DENIED)
		screen_error(c, "Only admins remove moderators.");
	else if (r == ERR_NOTFOUND) {
		screen_error(c, "They no longer moderate it.");
		list_reload(c, l);
		return true;
	} else
		screen_error(c, "That did not work; please try again.");
	return false;
}

static void
remove_mod(struct screen_ctx *c, void *st)
{
	struct mod_list *m = list_ctx(st);
	const struct community_moderator *s = list_selected(st);

	(void)c;
	if (s == NULL)
		return;
	m->chosen = *s;
	screen_foot_open(&m->foot, "Reason for removing them (they are told): ", STAFF_REASON_MAX,
	    false, remove_done);
}

static const struct ui_binding mods_keys[] = {
	{ 'x', 'X', "x remove", remove_mod },
};

static int
mods_foot_rows(struct screen_ctx *c, struct list *l)
{
	(void)c, (void)l;
	return 1;
}

static void
mods_foot(struct screen_ctx *c, struct list *l, int y, size_t cols)
{
	struct mod_list *m = list_ctx(l);

	(void)c;
	screen_foot_draw(&m->foot, y, cols);
}

static bool
mods_key(struct screen_ctx *c, struct list *l, int key)
{
	struct mod_list *m = list_ctx(l);

	return screen_foot_key(&m->foot, c, l, key);
}

static void
mods_hints(struct screen_ctx *c, struct list *l)
{
	struct mod_list *m = list_ctx(l);

	screen_foot_hints(&m->foot, c, mods_keys, sizeof mods_keys / sizeof mods_keys[0],
	    "  q back  ? help");
}

static void *
mods_init(struct screen_ctx *c, const void *arg)
{
	(void)c, (void)arg;
	return xcalloc(1, sizeof(struct mod_list));
}

static void
mods_fini(void *ctx)
{
	struct mod_list *m = ctx;

	screen_foot_close(&m->foot);
	free(m);
}

static const struct list_def mods_list = {
	.head_rows = 3, .row_size = sizeof(struct community_moderator), .load = mods_load,
	.draw_head = mods_head, .draw_row = mods_row, .foot_rows = mods_foot_rows,
	.draw_foot = mods_foot, .key = mods_key, .keys = mods_keys,
	.nkeys = sizeof mods_keys / sizeof mods_keys[0], .hints = mods_hints,
	.empty = "No community has a moderator yet.",
	.load_error = "The moderators could not be read (or are not yours to see).",
	.init = mods_init, .fini = mods_fini,
};

const struct screen screen_admin_mod_list = {
	.name = "admin-mod-list", .section = "Administration", .list = &mods_list,
};
