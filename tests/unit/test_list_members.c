/* Member screens on the list engine, driven through their list_def
 * against a real :memory: database (no terminal: keys and reads only):
 * the inbox's keyset pages across a run of equal times and its archive
 * folder, and the SSH keys screen's paste prompt, add and remove. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "db/db-message.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/config.h"
#include "fixture.h"
#include "rules/message.h"
#include "test.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-keys.h"

#define PEERS	60	/* more than the inbox's page of 50 */

static bool
member_ctx(struct screen_ctx *c, struct db *db, const char *login)
{
	int64_t id = fx_member(db, login, ROLE_ALUMNI);

	memset(c, 0, sizeof *c);
	c->db = db;
	return id != 0 && db_user_get(db, id, &c->me) == 0;
}

static void
type(struct screen_ctx *c, struct list *l, const char *s)
{
	for (; *s != '\0'; s++)
		list_key(c, l, (unsigned char)*s);
}

TEST(inbox_pages_by_keyset_across_equal_times_and_shows_the_archive)
{
	static const struct message_limits lim = { RATE_LIMITS_NONE, 8000 };
	struct db *db = fx_db();
	struct screen_ctx c;
	struct list *l;
	int64_t seen[PEERS], t0 = db_now() - 3600;
	enum message_refusal why;
	char login[16];

	CHECK(db != NULL);
	CHECK(member_ctx(&c, db, "me"));
	/* Three conversations a second: a page ends inside a run of equal
	 * times, where only the id orders them. */
	for (int i = 0; i < PEERS; i++) {
		int64_t peer;

		snprintf(login, sizeof login, "peer%02d", i);
		peer = fx_member(db, login, ROLE_STUDENT);
		CHECK(peer != 0);
		db_set_now_for_tests(t0 + i / 3);
		CHECK_INT(db_message_send(db, peer, c.me.id, "hello", &lim, NULL, &why), 0);
	}
	db_set_now_for_tests(0);
	l = list_enter(&c, screen_inbox.list, NULL);
	CHECK_INT(list_count(l), 50);
	CHECK(list_more(l));
	/* The engine reads the next page once the selection reaches the end. */
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK(list_key(&c, l, UI_KEY_END));
	CHECK_INT(list_count(l), PEERS);
	CHECK(!list_more(l));
	for (size_t i = 0; i < PEERS; i++) {
		const struct inbox_row *r = list_row(l, i);

		seen[i] = r->conversation_id;
		for (size_t j = 0; j < i; j++)
			CHECK(seen[j] != seen[i]);
		/* Newest first: the last peer wrote last. */
		snprintf(login, sizeof login, "peer%02zu", PEERS - 1 - i);
		CHECK_STR(r->peer_login, login);
	}
	/* An update rereads all that was shown and keeps the selection. */
	list_update(&c, l);
	CHECK_INT(list_count(l), PEERS);
	CHECK_INT(list_sel(l), PEERS - 1);
	/* t shows the archive from the top, and back. */
	CHECK(list_key(&c, l, 't'));
	CHECK_INT(list_count(l), 0);
	CHECK(list_selected(l) == NULL);
	CHECK(list_key(&c, l, 't'));
	CHECK_INT(list_count(l), 50);
	CHECK_INT(list_sel(l), 0);
	list_leave(&c, l);
}

static const char *const key_lines[] = {
	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIa7QwHEhTSdUVvSi2U6PSncYwLLV8FlNbT6wAcQPCFD "
	    "key1@test",
	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJVzPUmPRBF7ajmPF9wvG8add+GI1aCkrHYbp5isGZ7C "
	    "key2@test",
};

TEST(keys_prompt_adds_a_key_and_the_last_key_of_a_keyonly_member_stays)
{
	struct db *db = fx_db();
	struct screen_ctx c;
	struct list *l;

	CHECK(db != NULL);
	CHECK(member_ctx(&c, db, "kim"));
	l = list_enter(&c, screen_keys.list, NULL);
	CHECK_INT(list_count(l), 0);
	/* a opens the prompt; while open, letters are text, not commands. */
	CHECK(list_key(&c, l, 'a'));
	for (size_t i = 0; i < sizeof key_lines / sizeof key_lines[0]; i++) {
		if (i > 0)
			CHECK(list_key(&c, l, 'a'));
		type(&c, l, key_lines[i]);
		CHECK(list_key(&c, l, UI_KEY_ENTER));
		CHECK(strncmp(c.msg, "Key added: SHA256:", 18) == 0);
		CHECK_INT(list_count(l), i + 1);
		/* The new key is the chosen one. */
		CHECK_INT(list_sel(l), i);
	}
	/* d then y removes the chosen key. */
	CHECK(list_key(&c, l, 'd'));
	CHECK(c.asking);
	CHECK(strncmp(c.question, "Remove the key SHA256:", 22) == 0);
	c.asking = false;
	c.answer(&c, c.answer_arg, true);
	CHECK_STR(c.msg, "Key removed.");
	CHECK_INT(list_count(l), 1);
	/* A member without a password keeps the last key. */
	CHECK(list_key(&c, l, 'd'));
	c.asking = false;
	c.answer(&c, c.answer_arg, true);
	CHECK(strstr(c.msg, "only way to log in") != NULL);
	CHECK_INT(list_count(l), 1);
	/* Esc closes an open prompt without adding. */
	CHECK(list_key(&c, l, 'a'));
	type(&c, l, "ssh-");
	CHECK(list_key(&c, l, UI_KEY_ESC));
	CHECK(!list_key(&c, l, 'q'));
	CHECK_INT(list_count(l), 1);
	list_leave(&c, l);
}

/* Every prompt stays open with the text on a refusal, the To: prompt
 * too: writing to oneself or to no one leaves the login there to correct,
 * so retyping it never fires the inbox's hotkeys. */
TEST(inbox_to_prompt_stays_open_with_the_text_on_a_refusal)
{
	static struct config cfg;
	struct db *db = fx_db();
	struct screen_ctx c;
	struct list *l;

	CHECK(db != NULL);
	CHECK(member_ctx(&c, db, "me"));
	config_defaults(&cfg);
	c.cfg = &cfg;
	CHECK(fx_member(db, "bob", ROLE_STUDENT) != 0);
	screen_push(&c, &screen_inbox, NULL);
	l = screen_top(&c)->st;
	CHECK(list_key(&c, l, 'n'));
	type(&c, l, "Me");
	CHECK(list_key(&c, l, UI_KEY_ENTER));
	CHECK(c.msg_error && strstr(c.msg, "to yourself") != NULL);
	CHECK(list_prompt_active(l));
	CHECK_STR(list_prompt_text(l), "Me");
	CHECK_INT(c.depth, 1);
	/* No such member: open, with the text. */
	CHECK(list_key(&c, l, UI_KEY_BACKSPACE));
	type(&c, l, "nosuchuser");
	CHECK(list_key(&c, l, UI_KEY_ENTER));
	CHECK(c.msg_error && strstr(c.msg, "no member") != NULL);
	CHECK(list_prompt_active(l));
	CHECK_STR(list_prompt_text(l), "Mnosuchuser");
	/* A member there: the conversation opens and the prompt closes. */
	for (int i = 0; i < 11; i++)
		list_key(&c, l, UI_KEY_BACKSPACE);
	type(&c, l, "Bob");
	CHECK(list_key(&c, l, UI_KEY_ENTER));
	CHECK_INT(c.depth, 2);
	CHECK(!list_prompt_active(l));
	screen_leave_all(&c);
}
