/* Managing one's SSH keys: list, add by pasting an authorized_keys line
 * into the list's prompt, remove after confirmation. Each key takes two
 * rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-user.h"
#include "db/db-account.h"
#include "db/db.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/user.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define KEY_LINE_CHARS	4096	/* an RSA-8192 line is about 1,400 */
#define HEAD_ROWS	3
#define ROWS_PER_KEY	2

static int
keys_load(struct screen_ctx *c, struct list *l, const void *after, size_t limit,
    void **rows, size_t *n)
{
	(void)l, (void)after, (void)limit;
	return db_key_list(c->db, c->me.id, c->me.id, (struct member_key **)rows, n);
}

static void
key_free(void *row)
{
	free(((struct member_key *)row)->blob_b64);
}

static int64_t
key_id(const void *row)
{
	return ((const struct member_key *)row)->id;
}

static void
keys_head(struct screen_ctx *c, struct list *l, size_t cols)
{
	(void)c, (void)l;
	ui_draw_text(UI_BODY_TOP + 1, 2, "Your SSH keys", cols, UI_A_TITLE);
}

static int
keys_row(struct screen_ctx *c, struct list *l, const void *row, int y, int x,
    size_t cols, int max_rows, enum ui_attr a)
{
	const struct member_key *key = row;
	char line[512], date[32];

	(void)c, (void)l;
	snprintf(line, sizeof line, "%-20s %s", key->type, key->fingerprint);
	ui_draw_text(y, x, line, cols, a);
	if (max_rows < ROWS_PER_KEY)
		return ROWS_PER_KEY;	/* cut: the engine does not count it */
	if (a == UI_A_SELECT)
		ui_draw_fill(y + 1, 1, (size_t)ui_cols() - 2, a);
	screen_date(date, sizeof date, key->created_at);
	snprintf(line, sizeof line, "    added %s   %s", date,
	    key->comment[0] != '\0' ? key->comment : "(no comment)");
	ui_draw_text(y + 1, x, line, cols, a == UI_A_SELECT ? a : UI_A_DIM);
	return ROWS_PER_KEY;
}

/* The prompt's Enter: true once the key is added. */
static bool
add_key(struct screen_ctx *c, struct list *l, const char *line)
{
	const char *why = NULL;
	struct authkey parsed;
	char esc[64];

	/* The data layer refuses past DB_KEY_MAX; saying so here names the
	 * reason (the line stays open with what was pasted). */
	if (list_count(l) >= DB_KEY_MAX) {
		screen_error(c, "You have %d keys, the most a member may have; remove one "
		    "you no longer use first.", DB_KEY_MAX);
		return false;
	}
	if (db_account_add_key(c->db, c->me.id, c->me.id, line, &why) != 0) {
		screen_refused(c, why);
		return false;
	}
	if (authkey_parse(line, &parsed, &why) == 0)
		screen_info(c, "Key added: %s", parsed.fingerprint);
	else
		screen_info(c, "Key added.");
	log_info("key added: user=%s", text_escape_log(esc, sizeof esc, c->me.login));
	list_reload(c, l);
	if (list_count(l) > 0)
		list_select(l, list_count(l) - 1);
	return true;
}

static void
remove_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct list *l = arg;
	const struct member_key *key = list_selected(l);
	char esc[64];

	if (!yes || key == NULL)
		return;
	switch (db_key_remove(c->db, c->me.id, key->id)) {
	case ERR_OK:
		log_info("key removed: user=%s", text_escape_log(esc, sizeof esc,
		    c->me.login));
		screen_info(c, "Key removed.");
		break;
	case ERR_DENIED:
		/* The data layer keeps a key-only member's last key. */
		screen_error(c, "This key is your only way to log in (you have no "
		    "password), so it stays.");
		break;
	default:
		screen_error(c, "The key could not be removed.");
		break;
	}
	list_reload(c, l);
}

static void
ask_remove(struct screen_ctx *c, void *st)
{
	const struct member_key *key = list_selected(st);
	char q[160];

	if (key == NULL)
		return;
	snprintf(q, sizeof q, "Remove the key %s? [y/n]", key->fingerprint);
	screen_ask(c, q, remove_answer, st);
}

static void
open_add(struct screen_ctx *c, void *st)
{
	(void)c;
	list_prompt_open(st);
}

static const struct ui_binding key_bindings[] = {
	{ 'a', 'A', "a add a key", open_add },
	{ 'd', UI_KEY_DELETE, "d remove", ask_remove },
};

/* A private key is not kept a moment longer, not even in the field: the
 * engine empties it as soon as its first line is recognised. */
static bool
drop_private(struct screen_ctx *c, const char *text)
{
	struct authkey parsed;
	const char *why = NULL;

	if (!authkey_is_private(text))
		return false;
	if (authkey_parse(text, &parsed, &why) != 0)
		screen_refused(c, why);
	return true;
}

static const struct list_prompt add_prompt = {
	.question = "Paste one line of your public key file, e.g. ~/.ssh/id_ed25519.pub:",
	.label = "Key: ", .hints = "Enter add  Esc cancel  Ctrl-U clear",
	.max_chars = KEY_LINE_CHARS, .done = add_key, .drop_now = drop_private,
};

static const struct list_def keys_list = {
	.head_rows = HEAD_ROWS, .row_size = sizeof(struct member_key), .load = keys_load,
	.free_row = key_free, .row_id = key_id, .draw_head = keys_head,
	.draw_row = keys_row, .row_lines = ROWS_PER_KEY,
	.empty = "You have no SSH keys yet. Press a to add one.",
	.load_error = "Your keys could not be read; try again later.",
	.keys = key_bindings, .nkeys = sizeof key_bindings / sizeof key_bindings[0],
	.hints_tail = "  Up/Down choose  q back  ? help", .prompt = &add_prompt,
};

const struct screen screen_keys = {
	.name = "keys", .section = "SSH keys", .list = &keys_list,
};
