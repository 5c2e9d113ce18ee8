/* Private messages, access control by id: a third member (and the sysop's
 * id 0, and a made-up id) tries to read, reply to, mark, archive, delete
 * and report other people's conversations and messages, and must be
 * refused in the data layer; the participants' data must be untouched. */
#include <stdint.h>
#include <stdlib.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-message.h"
#include "db/db-flag.h"

static const struct message_limits lim = { RATE_LIMITS_NONE, 8000 };

/* Flags a message as spam with note (db-flag.h); *id gets the flag. */
static int
flag_message(struct db *db, int64_t actor, int64_t m, const char *note, int64_t *id)
{
	struct flag_filed f;
	const char *why = NULL;
	int r = db_flag_add(db, actor, FLAG_MESSAGE, m, FLAG_SPAM, note, 3, &f, &why);

	if (r == 0)
		*id = f.flag_id;
	return r;
}

TEST(message_access_outsider_cannot_read_or_reply)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t eve = fx_member(db, "eve", ROLE_STUDENT);
	int64_t conv = 0, m = 0, n = 0;
	enum message_refusal why = MESSAGE_SENT;
	struct message_row *rows = NULL, one;
	struct conversation_state cs;
	struct inbox_row *in = NULL;
	size_t k = 0;

	CHECK(db != NULL && a && b && eve);
	CHECK_INT(db_message_send(db, a, b, "private to bob", &lim, &m, &why), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, a, b, &conv), ERR_OK);
	/* Read the conversation or one message by id: an outsider gets the
	 * same answer as for an id that does not exist. */
	CHECK_INT(db_message_page(db, eve, conv, 0, INT64_MAX, 10, &rows, &k), ERR_NOTFOUND);
	CHECK_INT(db_message_page(db, 0, conv, 0, INT64_MAX, 10, &rows, &k), ERR_DENIED);
	CHECK_INT(db_message_page(db, -1, conv, 0, INT64_MAX, 10, &rows, &k), ERR_DENIED);
	CHECK_INT(db_message_page(db, eve, conv + 100, 0, INT64_MAX, 10, &rows, &k),
	    ERR_NOTFOUND);
	CHECK_INT(db_message_get(db, eve, m, &one), ERR_NOTFOUND);
	CHECK_INT(db_message_get(db, 0, m, &one), ERR_DENIED);
	CHECK_INT(db_message_get(db, eve, m + 100, &one), ERR_NOTFOUND);
	CHECK_INT(db_message_state(db, eve, conv, &cs), ERR_NOTFOUND);
	/* Eve's inbox does not show it. */
	CHECK_INT(db_message_inbox(db, eve, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 0);
	free(in);
	CHECK_INT(db_message_inbox(db, 0, false, NULL, 10, &in, &k), ERR_DENIED);
	/* Reply into it by id. */
	CHECK_INT(db_message_reply(db, eve, conv, "let me in", &lim, NULL, &why), ERR_NOTFOUND);
	CHECK_INT(why, MESSAGE_NOT_PARTY);
	CHECK_INT(db_message_reply(db, 0, conv, "sysop", &lim, NULL, &why), ERR_DENIED);
	CHECK_INT(db_message_reply(db, eve, conv + 100, "nothing", &lim, NULL, &why),
	    ERR_NOTFOUND);
	/* Nothing was added: Bob has the one message, unread. */
	CHECK_INT(db_message_page(db, b, conv, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_STR(rows[0].body, "private to bob");
	db_message_rows_free(rows, k);
	CHECK_INT(db_message_unread_total(db, b, &n), ERR_OK);
	CHECK_INT(n, 1);
}

TEST(message_access_outsider_cannot_mark_archive_delete_or_report)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t eve = fx_member(db, "eve", ROLE_STUDENT);
	int64_t conv = 0, m = 0, n = 0, rid = 0;
	enum message_refusal why = MESSAGE_SENT;
	struct message_row *rows = NULL;
	struct inbox_row *in = NULL;
	size_t k = 0;

	CHECK(db != NULL && a && b && eve);
	CHECK_INT(db_message_send(db, a, b, "private to bob", &lim, &m, &why), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, a, b, &conv), ERR_OK);
	CHECK_INT(db_message_mark_read(db, eve, conv), ERR_NOTFOUND);
	CHECK_INT(db_message_archive(db, eve, conv, true), ERR_NOTFOUND);
	CHECK_INT(db_message_archive(db, 0, conv, true), ERR_DENIED);
	CHECK_INT(db_message_delete_conversation(db, eve, conv), ERR_NOTFOUND);
	CHECK_INT(db_message_delete_conversation(db, eve, conv + 100), ERR_NOTFOUND);
	CHECK_INT(db_message_delete(db, eve, m), ERR_NOTFOUND);
	CHECK_INT(db_message_delete(db, 0, m), ERR_DENIED);
	CHECK_INT(db_message_delete(db, eve, m + 100), ERR_NOTFOUND);
	CHECK_INT(flag_message(db, eve, m, "spam", &rid), ERR_NOTFOUND);
	CHECK_INT(flag_message(db, eve, m + 100, "spam", &rid), ERR_NOTFOUND);
	/* Bob's view is untouched: unread, in the inbox, message there. */
	CHECK_INT(db_message_unread_total(db, b, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(db_message_inbox(db, b, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	free(in);
	CHECK_INT(db_message_page(db, b, conv, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	db_message_rows_free(rows, k);
	CHECK_INT(db_flag_open_by(db, eve, &n), ERR_OK);
	CHECK_INT(n, 0);
	/* Ann may not report her own message. */
	CHECK_INT(flag_message(db, a, m, "my own words", &rid), ERR_INVALID);
	CHECK_INT(db_flag_open_by(db, a, &n), ERR_OK);
	CHECK_INT(n, 0);
	/* The participants may: Bob flags with a note (checked text). */
	CHECK_INT(flag_message(db, b, m, "bad\x1b[2J", &rid), ERR_INVALID);
	CHECK_INT(flag_message(db, b, m, "Unsolicited advertising", &rid), ERR_OK);
	CHECK_INT(flag_message(db, b, m, "", &rid), ERR_EXISTS);
	CHECK(rid > 0);
	CHECK_INT(db_flag_open_by(db, b, &n), ERR_OK);
	CHECK_INT(n, 1);
	/* A deleted message cannot be deleted or reported again. */
	CHECK_INT(db_message_delete(db, b, m), ERR_OK);
	CHECK_INT(db_message_delete(db, b, m), ERR_NOTFOUND);
	CHECK_INT(flag_message(db, b, m, "again", &rid), ERR_NOTFOUND);
	/* Ann (the other participant) still has it. */
	CHECK_INT(db_message_page(db, a, conv, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	db_message_rows_free(rows, k);
}
