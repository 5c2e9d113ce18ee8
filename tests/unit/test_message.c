/* Private messages: delivery, unread counts, blocks, rate limits and the
 * rules of message.c (db-message*.c, message.c). Access control by id is
 * in test_message_access.c. */
#include <stdint.h>
#include <stdlib.h>
#include "test.h"
#include "fixture.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-message.h"
#include "db/db-user.h"
#include "db/db-rate.h"
#include "rules/message.h"

static const struct message_limits lim = { { { 20, 120 }, { 8, 30 } }, 8000 };

TEST(message_rules_body_rate_and_refusal_text)
{
	struct message_limits l = { RATE_LIMITS_NONE, 10 };
	struct config cfg;
	char buf[256], big[64];

	CHECK_INT(message_check_body("hello", &l), MESSAGE_SENT);
	CHECK_INT(message_check_body("  \n\t ", &l), MESSAGE_EMPTY);
	CHECK_INT(message_check_body(NULL, &l), MESSAGE_EMPTY);
	CHECK_INT(message_check_body("0123456789", &l), MESSAGE_SENT);
	CHECK_INT(message_check_body("0123456789x", &l), MESSAGE_TOO_LONG);
	/* Ten characters of two bytes each still fit: characters, not bytes. */
	CHECK_INT(message_check_body("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &l), MESSAGE_SENT);
	CHECK_INT(message_check_body("a\x1b[2J" "b", &l), MESSAGE_BAD_TEXT);
	CHECK_INT(message_check_body("a\xe2\x80\xae" "b", &l), MESSAGE_BAD_TEXT);	/* RLO */
	CHECK_INT(message_check_body("a\xff", &l), MESSAGE_BAD_TEXT);
	/* New members (joined within a day) get their own pair. */
	CHECK(rate_bucket_for(&lim.rate, 1000, 1000 + 60) == &lim.rate.newcomer);
	CHECK(rate_bucket_for(&lim.rate, 1000, 1000 + RATE_NEW_MEMBER_SECS) == &lim.rate.member);
	message_refusal_text(MESSAGE_BLOCKED, "Bob Baker", &l, buf, sizeof buf);
	CHECK_STR(buf, "You cannot message Bob Baker.");
	message_refusal_text(MESSAGE_TOO_LONG, NULL, &l, buf, sizeof buf);
	CHECK(strstr(buf, "at most 10 characters") != NULL);
	message_preview("line one\nline\ttwo", buf, sizeof buf);
	CHECK_STR(buf, "line one line two");
	/* Invalid bytes are dropped from a preview, never passed on. */
	message_preview("ok\xff\xfe then", buf, sizeof buf);
	CHECK_STR(buf, "ok then");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	message_preview(big, buf, 20);
	CHECK(strlen(buf) < 20);
	config_defaults(&cfg);
	CHECK_INT(config_set(&cfg, "messages", "burst", "0", buf, sizeof buf), ERR_INVALID);
	CHECK_INT(config_set(&cfg, "messages", "max_chars", "lots", buf, sizeof buf), ERR_INVALID);
	CHECK_INT(config_set(&cfg, "messages", "per_hour_new", "3", buf, sizeof buf), 0);
	CHECK_INT(config_set(&cfg, "messages", "per_hour_new", "30", buf, sizeof buf), 0);
	/* The per-minute keys of older versions: refused, with their successors. */
	CHECK_INT(config_set(&cfg, "messages", "per_minute_pending", "5", buf, sizeof buf),
	    ERR_INVALID);
	CHECK(strstr(buf, "burst and per_hour") != NULL);
	message_limits_from_config(&cfg, &l);
	CHECK_INT(l.rate.member.burst, 20);
	CHECK_INT(l.rate.member.per_hour, 120);
	CHECK_INT(l.rate.newcomer.burst, 8);
	CHECK_INT(l.rate.newcomer.per_hour, 30);
	CHECK_INT(l.max_chars, 8000);
}

TEST(message_delivery_unread_counts_and_read_pointer)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t c = fx_member(db, "cat", ROLE_TRAINEE);
	int64_t m1 = 0, m2 = 0, m3 = 0, conv = 0, conv2 = 0, n = -1;
	enum message_refusal why = MESSAGE_RATE;
	struct message_row *rows = NULL;
	struct inbox_row *in = NULL;
	struct conversation_state cs;
	size_t k = 0;

	CHECK(db != NULL && a && b && c);
	CHECK_INT(db_message_conversation_with(db, a, b, &conv), ERR_NOTFOUND);
	CHECK_INT(db_message_send(db, a, b, "Hello Bob", &lim, &m1, &why), ERR_OK);
	CHECK_INT(why, MESSAGE_SENT);
	CHECK(m1 > 0);
	CHECK_INT(db_message_send(db, a, b, "Are you there?", &lim, &m2, &why), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, b, a, &conv), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, a, b, &conv2), ERR_OK);
	CHECK_INT(conv, conv2);
	CHECK_INT(db_message_unread_total(db, b, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(db_message_unread_total(db, a, &n), ERR_OK);
	CHECK_INT(n, 0);	/* one's own messages are read */
	CHECK_INT(db_message_page(db, b, conv, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 2);
	CHECK_STR(rows[0].body, "Hello Bob");	/* oldest first */
	CHECK_INT(rows[1].id, m2);
	CHECK_INT(rows[0].sender_id, a);
	db_message_rows_free(rows, k);
	/* Paging: one before m2 is m1; after m1 is m2. */
	CHECK_INT(db_message_page(db, b, conv, 0, m2, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_INT(rows[0].id, m1);
	db_message_rows_free(rows, k);
	CHECK_INT(db_message_page(db, b, conv, m1, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_INT(rows[0].id, m2);
	db_message_rows_free(rows, k);
	CHECK_INT(db_message_inbox(db, b, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_INT(in[0].peer_id, a);
	CHECK_INT(in[0].unread, 2);
	CHECK_STR(in[0].peer_login, "ann");
	CHECK_STR(in[0].preview, "Are you there?");
	CHECK(!in[0].last_mine);
	free(in);
	CHECK_INT(db_message_mark_read(db, b, conv), ERR_OK);
	CHECK_INT(db_message_unread_total(db, b, &n), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(db_message_state(db, b, conv, &cs), ERR_OK);
	CHECK_INT(cs.last_read_id, m2);
	CHECK_INT(cs.peer_id, a);
	/* Bob replies by conversation id; Ann has one unread. */
	CHECK_INT(db_message_reply(db, b, conv, "Yes, hi!", &lim, &m3, &why), ERR_OK);
	CHECK_INT(db_message_unread_total(db, a, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(db_message_unread_total(db, c, &n), ERR_OK);
	CHECK_INT(n, 0);
	CHECK_INT(db_message_inbox(db, a, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_STR(in[0].preview, "Yes, hi!");
	free(in);
}

TEST(message_inbox_order_paging_archive_and_delete_for_oneself)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t c = fx_member(db, "cat", ROLE_TRAINEE), d = fx_member(db, "dan", ROLE_STUDENT);
	int64_t cb = 0, m = 0, hidden = 0, n = 0;
	enum message_refusal why;
	struct conversation_state cs;
	struct inbox_row *in = NULL;
	struct inbox_cursor cur;
	struct message_row *rows = NULL, one;
	size_t k = 0;

	CHECK(db != NULL && a && b && c && d);
	db_set_now_for_tests(1700000000);
	CHECK_INT(db_message_send(db, b, a, "from bob", &lim, NULL, &why), ERR_OK);
	db_set_now_for_tests(1700000010);
	CHECK_INT(db_message_send(db, c, a, "from cat", &lim, NULL, &why), ERR_OK);
	db_set_now_for_tests(1700000020);
	CHECK_INT(db_message_send(db, d, a, "from dan", &lim, NULL, &why), ERR_OK);
	/* Newest first, two to a page, then the rest after the cursor. */
	CHECK_INT(db_message_inbox(db, a, false, NULL, 2, &in, &k), ERR_OK);
	CHECK_INT(k, 2);
	CHECK_INT(in[0].peer_id, d);
	CHECK_INT(in[1].peer_id, c);
	cur.last_at = in[1].last_at;
	cur.conversation_id = in[1].conversation_id;
	free(in);
	CHECK_INT(db_message_inbox(db, a, false, &cur, 2, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_INT(in[0].peer_id, b);
	cb = in[0].conversation_id;
	free(in);
	/* Archive bob's: gone from the inbox, in the archive. */
	CHECK_INT(db_message_archive(db, a, cb, true), ERR_OK);
	CHECK_INT(db_message_inbox(db, a, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 2);
	free(in);
	CHECK_INT(db_message_inbox(db, a, true, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK(in[0].archived);
	free(in);
	/* Bob's archive is his own: his inbox still has it. */
	CHECK_INT(db_message_inbox(db, b, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 1);
	free(in);
	/* A new message brings it back to the top of the inbox. */
	db_set_now_for_tests(1700000030);
	CHECK_INT(db_message_send(db, b, a, "again", &lim, &hidden, &why), ERR_OK);
	CHECK_INT(db_message_inbox(db, a, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 3);
	CHECK_INT(in[0].peer_id, b);
	CHECK(!in[0].archived);
	free(in);
	/* Ann deletes one message for herself: Bob still has it. */
	CHECK_INT(db_message_delete(db, a, hidden), ERR_OK);
	CHECK_INT(db_message_page(db, a, cb, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_STR(rows[0].body, "from bob");
	db_message_rows_free(rows, k);
	CHECK_INT(db_message_get(db, a, hidden, &one), ERR_NOTFOUND);
	CHECK_INT(db_message_get(db, b, hidden, &one), ERR_OK);
	free(one.body);
	CHECK_INT(db_message_inbox(db, a, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_STR(in[0].preview, "from bob");	/* newest she still sees */
	free(in);
	/* Ann deletes the whole conversation for herself: its unread go too. */
	CHECK_INT(db_message_unread_total(db, a, &n), ERR_OK);
	CHECK(n > 0);
	CHECK_INT(db_message_delete_conversation(db, a, cb), ERR_OK);
	CHECK_INT(db_message_state(db, a, cb, &cs), ERR_OK);
	CHECK_INT(cs.unread, 0);
	CHECK_INT(db_message_inbox(db, a, false, NULL, 10, &in, &k), ERR_OK);
	CHECK_INT(k, 2);
	free(in);
	CHECK_INT(db_message_page(db, a, cb, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 0);
	db_message_rows_free(rows, k);
	CHECK_INT(db_message_page(db, b, cb, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 2);
	db_message_rows_free(rows, k);
	/* Bob writes again: Ann sees only the new one. */
	CHECK_INT(db_message_send(db, b, a, "fresh start", &lim, &m, &why), ERR_OK);
	CHECK_INT(db_message_page(db, a, cb, 0, INT64_MAX, 10, &rows, &k), ERR_OK);
	CHECK_INT(k, 1);
	CHECK_INT(rows[0].id, m);
	db_message_rows_free(rows, k);
}

TEST(message_blocks_refuse_both_ways_until_lifted)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t conv = 0, n = 0;
	enum message_refusal why = MESSAGE_SENT;

	CHECK(db != NULL && a && b);
	CHECK_INT(db_message_send(db, a, b, "hi", &lim, NULL, &why), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, a, b, &conv), ERR_OK);
	CHECK_INT(db_block_add(db, b, a), ERR_OK);
	CHECK_INT(db_message_send(db, a, b, "still there?", &lim, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_BLOCKED);
	CHECK_INT(db_message_reply(db, a, conv, "still there?", &lim, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_BLOCKED);
	/* The blocker cannot write to the blocked member either. */
	CHECK_INT(db_message_send(db, b, a, "go away", &lim, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_BLOCKED);
	CHECK_INT(db_message_unread_total(db, b, &n), ERR_OK);
	CHECK_INT(n, 1);	/* nothing new arrived */
	CHECK_INT(db_block_remove(db, b, a), ERR_OK);
	CHECK_INT(db_message_send(db, a, b, "sorry", &lim, NULL, &why), ERR_OK);
}

TEST(message_rate_limit_size_cap_and_who_may_send)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t p = fx_member(db, "pam", ROLE_STUDENT), n = 0;
	/* 3 in a row, 63 an hour: one more every minute after the burst. */
	struct message_limits small = { { { 3, 63 }, { 2, 32 } }, 20 };
	enum message_refusal why = MESSAGE_SENT;
	int64_t t = db_now() + 3 * 86400;
	char sentence[320];

	CHECK(db != NULL && a && b && p);
	/* Three days after joining: the member's burst of 3. */
	db_set_now_for_tests(t);
	for (int i = 0; i < 3; i++)
		CHECK_INT(db_message_send(db, a, b, "x", &small, NULL, &why), ERR_OK);
	CHECK_INT(db_message_send(db, a, b, "x", &small, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_RATE);
	/* The sentence says when: one token a minute. */
	db_rate_why(db, a, RATE_MESSAGES, &small.rate, sentence, sizeof sentence);
	CHECK(strstr(sentence, "more than 3 messages in a short time") != NULL);
	CHECK(strstr(sentence, "send messages again in 1 minute") != NULL);
	CHECK(strstr(sentence, "Your text is kept.") != NULL);
	CHECK_INT(db_message_sent_since(db, a, a, t - 59, &n), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(db_message_sent_since(db, b, a, t - 59, &n), ERR_DENIED);
	/* Not quite a minute: still no. A minute later one more, not two. */
	db_set_now_for_tests(t + 59);
	CHECK_INT(db_message_send(db, a, b, "x", &small, NULL, &why), ERR_DENIED);
	db_set_now_for_tests(t + 60);
	CHECK_INT(db_message_send(db, a, b, "x", &small, NULL, &why), ERR_OK);
	CHECK_INT(db_message_send(db, a, b, "x", &small, NULL, &why), ERR_DENIED);
	/* The other member's bucket is their own. */
	CHECK_INT(db_message_send(db, b, a, "x", &small, NULL, &why), ERR_OK);
	/* Size cap: the data layer refuses what a screen might let through. */
	CHECK_INT(db_message_send(db, a, b, "123456789012345678901", &small, NULL, &why),
	    ERR_INVALID);
	CHECK_INT(why, MESSAGE_TOO_LONG);
	CHECK_INT(db_message_send(db, a, b, "bad\x07text", &small, NULL, &why), ERR_INVALID);
	CHECK_INT(why, MESSAGE_BAD_TEXT);
	CHECK_INT(db_message_send(db, a, a, "me", &small, NULL, &why), ERR_INVALID);
	CHECK_INT(why, MESSAGE_SELF);
	CHECK_INT(db_message_send(db, a, 9999, "who", &small, NULL, &why), ERR_NOTFOUND);
	CHECK_INT(why, MESSAGE_NO_PEER);
	/* A member who joined just now: the stricter limit of 2. */
	db_set_now_for_tests(0);
	CHECK_INT(db_message_send(db, b, p, "1", &small, NULL, &why), ERR_OK);
	CHECK_INT(db_message_send(db, b, p, "2", &small, NULL, &why), ERR_OK);
	CHECK_INT(db_message_send(db, b, p, "3", &small, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_RATE);
	/* Pending and suspended members cannot send at all. */
	CHECK_INT(db_user_set_status(db, 0, p, STATUS_PENDING), ERR_OK);
	CHECK_INT(db_message_send(db, p, a, "hello", &small, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_NOT_ACTIVE);
	CHECK_INT(db_user_set_status(db, 0, p, STATUS_SUSPENDED), ERR_OK);
	CHECK_INT(db_message_send(db, p, a, "hello", &small, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_NOT_ACTIVE);
	CHECK_INT(db_message_send(db, 0, a, "cli", &small, NULL, &why), ERR_DENIED);
}
