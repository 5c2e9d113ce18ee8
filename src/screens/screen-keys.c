/* Managing one's SSH keys: list, add by pasting an authorized_keys line,
 * remove after confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-user.h"
#include "db/db-account.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define KEY_LINE_CHARS	4096	/* an RSA-8192 line is about 1,400 */
#define LIST_TOP	(UI_BODY_TOP + 3)
#define ROWS_PER_KEY	2

struct keys {
	struct member_key *keys;
	size_t n;
	struct ui_list list;
	struct ui_line line;	/* active while adding */
};

static size_t
page_keys(void)
{
	/* Two rows stay free below the list for the paste prompt. */
	int rows = ui_msg_row() - LIST_TOP - 3;

	return rows > ROWS_PER_KEY ? (size_t)rows / ROWS_PER_KEY : 1;
}

static void
load(struct screen_ctx *c, struct keys *k)
{
	struct member_key *keys = NULL;
	size_t n = 0;

	if (db_key_list(c->db, c->me.id, c->me.id, &keys, &n) != 0) {
		screen_error(c, "Your keys could not be read; try again later.");
		return;
	}
	db_key_list_free(k->keys, k->n);
	k->keys = keys;
	k->n = n;
	ui_list_resize(&k->list, n, page_keys());
}

static void
add_key(struct screen_ctx *c, struct keys *k)
{
	const char *line = ui_line_text(&k->line), *why = NULL;
	struct authkey parsed;
	char esc[64];

	/* The data layer refuses past DB_KEY_MAX; saying so here names the
	 * reason (the line stays open with what was pasted). */
	if (k->n >= DB_KEY_MAX) {
		screen_error(c, "You have %d keys, the most a member may have; remove one "
		    "you no longer use first.", DB_KEY_MAX);
		return;
	}
	if (db_account_add_key(c->db, c->me.id, c->me.id, line, &why) != 0) {
		screen_refused(c, why);
		return;
	}
	if (authkey_parse(line, &parsed, &why) == 0)
		screen_info(c, "Key added: %s", parsed.fingerprint);
	else
		screen_info(c, "Key added.");
	log_info("key added: user=%s", text_escape_log(esc, sizeof esc, c->me.login));
	ui_line_close(&k->line);
	load(c, k);
	k->list.sel = k->n > 0 ? k->n - 1 : 0;
}

static void
remove_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct keys *k = arg;
	char esc[64];

	if (!yes || k->list.sel >= k->n)
		return;
	switch (db_key_remove(c->db, c->me.id, k->keys[k->list.sel].id)) {
	case ERR_OK:
		break;
	case ERR_DENIED:
		/* The data layer keeps a key-only member's last key. */
		screen_error(c, "This key is your only way to log in (you have no "
		    "password), so it stays.");
		load(c, k);
		return;
	default:
		screen_error(c, "The key could not be removed.");
		load(c, k);
		return;
	}
	log_info("key removed: user=%s", text_escape_log(esc, sizeof esc, c->me.login));
	screen_info(c, "Key removed.");
	load(c, k);
}

static void
ask_remove(struct screen_ctx *c, void *st)
{
	struct keys *k = st;
	char q[160];

	if (k->n == 0)
		return;
	snprintf(q, sizeof q, "Remove the key %s? [y/n]", k->keys[k->list.sel].fingerprint);
	screen_ask(c, q, remove_answer, k);
}

static void
open_add(struct screen_ctx *c, void *st)
{
	struct keys *k = st;

	(void)c;
	ui_line_open(&k->line, NULL, KEY_LINE_CHARS, false);
}

static const struct ui_binding key_bindings[] = {
	{ 'a', 'A', "a add a key", open_add },
	{ 'd', UI_KEY_DELETE, "d remove", ask_remove },
};

static void
draw_key(const struct member_key *key, bool sel, int y)
{
	char row[512], date[32];
	size_t cols = (size_t)ui_cols() - 4;
	enum ui_attr a = sel ? UI_A_SELECT : UI_A_NORMAL;

	if (sel) {
		ui_draw_fill(y, 1, cols + 2, a);
		ui_draw_fill(y + 1, 1, cols + 2, a);
	}
	snprintf(row, sizeof row, "%-20s %s", key->type, key->fingerprint);
	ui_draw_text(y, 2, row, cols, a);
	screen_date(date, sizeof date, key->created_at);
	snprintf(row, sizeof row, "    added %s   %s", date,
	    key->comment[0] != '\0' ? key->comment : "(no comment)");
	ui_draw_text(y + 1, 2, row, cols, sel ? a : UI_A_DIM);
}

static void
keys_draw(struct screen_ctx *c, void *st)
{
	struct keys *k = st;
	size_t cols = (size_t)ui_cols() - 4, page = page_keys();
	int y = ui_msg_row() - 3;

	ui_draw_text(UI_BODY_TOP + 1, 2, "Your SSH keys", cols, UI_A_TITLE);
	if (k->n == 0)
		ui_draw_text(LIST_TOP, 2, "You have no SSH keys yet. Press a to add one.",
		    cols, UI_A_NORMAL);
	for (size_t i = k->list.top; i < k->n && i - k->list.top < page; i++)
		draw_key(&k->keys[i], i == k->list.sel,
		    LIST_TOP + ROWS_PER_KEY * (int)(i - k->list.top));
	if (k->line.active) {
		ui_draw_text(y, 2, "Paste one line of your public key file, e.g. "
		    "~/.ssh/id_ed25519.pub:", cols, UI_A_BOLD);
		ui_line_draw(&k->line, y + 1, 2, cols, "Key: ");
		screen_hints(c, "Enter add  Esc cancel  Ctrl-U clear");
		return;
	}
	screen_key_hints(c, key_bindings, sizeof key_bindings / sizeof key_bindings[0], "  Up/Down choose  q back  ? help");
}

static bool
keys_key(struct screen_ctx *c, void *st, int key)
{
	struct keys *k = st;

	if (k->line.active) {
		if (ui_line_prompt(&k->line, c, key) == UI_LINE_DONE)
			add_key(c, k);
		return key != UI_KEY_F1;
	}
	if (ui_list_key(&k->list, key, page_keys()))
		return true;
	return ui_keys_run(key_bindings, sizeof key_bindings / sizeof key_bindings[0],
	    c, st, key);
}

static void
keys_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

static void *
keys_enter(struct screen_ctx *c, const void *arg)
{
	struct keys *k = xcalloc(1, sizeof *k);

	(void)arg;
	load(c, k);
	return k;
}

static void
keys_leave(struct screen_ctx *c, void *st)
{
	struct keys *k = st;

	(void)c;
	ui_line_close(&k->line);
	db_key_list_free(k->keys, k->n);
	free(k);
}

const struct screen screen_keys = {
	.name = "keys",
	.section = "SSH keys",
	.enter = keys_enter,
	.draw = keys_draw,
	.key = keys_key,
	.leave = keys_leave,
	.update = keys_update,
};
