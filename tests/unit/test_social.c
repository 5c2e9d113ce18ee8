/* Blocks, notices and reports (db-block.c, db-notice.c, db-flag.c). */
#include <stdlib.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-notice.h"
#include "db/db-flag.h"
#include "db/db-board.h"
#include "db/db-mentor.h"
#include "db/db-message.h"
#include "db/db-user.h"

TEST(block_works_both_ways_and_only_blocker_lifts)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t c = fx_member(db, "cat", ROLE_TRAINEE);
	struct block_row *rows = NULL;
	size_t n = 0;
	bool blocked = true;

	CHECK(db != NULL && a && b && c);
	CHECK_INT(db_block_between(db, a, b, &blocked), ERR_OK);
	CHECK(!blocked);
	CHECK_INT(db_block_add(db, a, b), ERR_OK);
	CHECK_INT(db_block_add(db, a, b), ERR_OK);	/* twice is fine */
	CHECK_INT(db_block_between(db, b, a, &blocked), ERR_OK);
	CHECK(blocked);
	CHECK_INT(db_block_by(db, b, a, &blocked), ERR_OK);
	CHECK(!blocked);
	CHECK_INT(db_block_between(db, a, c, &blocked), ERR_OK);
	CHECK(!blocked);
	CHECK_INT(db_block_add(db, a, a), ERR_INVALID);
	CHECK_INT(db_block_add(db, a, 9999), ERR_NOTFOUND);
	CHECK_INT(db_block_add(db, 0, b), ERR_DENIED);
	/* b cannot lift a's block: there is no block by b. */
	CHECK_INT(db_block_remove(db, b, a), ERR_NOTFOUND);
	CHECK_INT(db_block_list(db, a, &rows, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(rows[0].user_id, b);
	CHECK_STR(rows[0].login, "bob");
	free(rows);
	CHECK_INT(db_block_remove(db, a, b), ERR_OK);
	CHECK_INT(db_block_between(db, a, b, &blocked), ERR_OK);
	CHECK(!blocked);
}

TEST(notices_count_newest_and_mark_seen_per_member)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	struct notice newest, *list = NULL;
	int64_t count = -1;
	size_t n = 0;
	char longtext[600];

	CHECK(db != NULL && a && b);
	CHECK_INT(db_notice_unseen(db, a, &count, &newest), ERR_OK);
	CHECK_INT(count, 0);
	CHECK_INT(newest.id, 0);
	CHECK_INT(db_notice_add(db, a, "mentorship", "Bob asked you for mentorship"), ERR_OK);
	CHECK_INT(db_notice_add(db, a, "host", "Bob asked to stay"), ERR_OK);
	CHECK_INT(db_notice_add(db, b, "host", "not for ann"), ERR_OK);
	CHECK_INT(db_notice_unseen(db, a, &count, &newest), ERR_OK);
	CHECK_INT(count, 2);
	CHECK_STR(newest.text, "Bob asked to stay");
	CHECK_STR(newest.kind, "host");
	/* Marking a's notices leaves b's alone. */
	CHECK_INT(db_notice_mark_seen(db, a, newest.id), ERR_OK);
	CHECK_INT(db_notice_unseen(db, a, &count, &newest), ERR_OK);
	CHECK_INT(count, 0);
	CHECK_INT(db_notice_unseen(db, b, &count, &newest), ERR_OK);
	CHECK_INT(count, 1);
	CHECK_INT(db_notice_list(db, a, 10, &list, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_STR(list[0].text, "Bob asked to stay");
	CHECK(list[0].seen_at > 0);
	free(list);
	/* Over-long text is cut at a character boundary, never mid-character. */
	for (size_t i = 0; i + 2 < sizeof longtext; i += 2) {
		longtext[i] = (char)0xc3;
		longtext[i + 1] = (char)0xa9;	/* é */
	}
	longtext[sizeof longtext - 2] = '\0';
	CHECK_INT(db_notice_add(db, b, "board", longtext), ERR_OK);
	CHECK_INT(db_notice_unseen(db, b, &count, &newest), ERR_OK);
	CHECK_INT(strlen(newest.text) % 2, 0);
	CHECK(strlen(newest.text) < NOTICE_TEXT_SZ);
}

TEST(flags_are_stored_and_refuse_bad_input)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_ALUMNI);
	int64_t open = -1;
	struct flag_filed f;
	const char *why = NULL;

	CHECK(db != NULL && a && b);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, b, FLAG_SPAM, "", 3, &f, &why), ERR_OK);
	CHECK(f.flag_id > 0 && f.item_id > 0 && !f.hidden);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, 9999, FLAG_SPAM, "", 3, NULL, &why), ERR_NOTFOUND);
	CHECK_INT(db_flag_add(db, 0, FLAG_MEMBER, b, FLAG_SPAM, "why", 3, NULL, &why), ERR_DENIED);
	CHECK_INT(db_flag_add(db, a, (enum flag_kind)99, b, FLAG_SPAM, "why", 3, NULL, &why),
	    ERR_INVALID);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, b, (enum flag_type)99, "why", 3, NULL, &why),
	    ERR_INVALID);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, a, FLAG_SPAM, "me", 3, NULL, &why), ERR_INVALID);
	CHECK_INT(db_flag_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, 1);
}

/* One open flag per (flagger, kind, target), at most FLAG_OPEN_MAX open
 * flags per member. */
TEST(flags_refuse_duplicates_and_are_capped)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_ALUMNI);
	int64_t c = fx_member(db, "cid", ROLE_ALUMNI), open = -1, t[FLAG_OPEN_MAX];
	const char *why = NULL;
	char login[16];

	CHECK(db != NULL && a && b && c);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, c, FLAG_SPAM, "spam", 3, NULL, &why), ERR_OK);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, c, FLAG_OTHER, "again", 3, NULL, &why),
	    ERR_EXISTS);
	CHECK_STR(why, "You already flagged this; the moderators will look at it.");
	/* Another flagger is new. */
	CHECK_INT(db_flag_add(db, b, FLAG_MEMBER, c, FLAG_SPAM, "", 3, NULL, &why), ERR_OK);
	for (int i = 0; i < FLAG_OPEN_MAX; i++) {
		snprintf(login, sizeof login, "m%d", i);
		t[i] = fx_member(db, login, ROLE_STUDENT);
	}
	for (int i = 0; i < FLAG_OPEN_MAX - 1; i++)
		CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, t[i], FLAG_SPAM, "", 3, NULL, &why), ERR_OK);
	CHECK_INT(db_flag_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, FLAG_OPEN_MAX);
	CHECK_INT(db_flag_add(db, a, FLAG_MEMBER, t[FLAG_OPEN_MAX - 1], FLAG_SPAM, "", 3, NULL,
	    &why), ERR_LIMIT);
	CHECK_INT(db_flag_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, FLAG_OPEN_MAX);
	/* The cap is ann's alone. */
	CHECK_INT(db_flag_add(db, b, FLAG_MEMBER, t[FLAG_OPEN_MAX - 1], FLAG_SPAM, "", 3, NULL,
	    &why), ERR_OK);
}

/* The first notice of `who` (newest first), or a zeroed one. */
static struct notice
first_notice(struct db *db, int64_t who)
{
	struct notice none, *list = NULL;
	size_t n = 0;

	memset(&none, 0, sizeof none);
	if (db_notice_list(db, who, 1, &list, &n) != 0 || n == 0) {
		free(list);
		return none;
	}
	none = list[0];
	free(list);
	return none;
}

static int64_t
unseen_of(struct db *db, int64_t who)
{
	struct notice newest;
	int64_t count = -1;

	(void)db_notice_unseen(db, who, &count, &newest);
	return count;
}

/* Issue 12 point 13: a notice names what it is about, and dealing with
 * that thing (reading the thread, the conversation; answering the
 * request) marks the member's notices about it seen, nobody else's. */
TEST(notices_name_their_target_and_dealing_marks_them_seen)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_STUDENT);
	int64_t c = fx_member(db, "cat", ROLE_TRAINEE);
	const struct message_limits lim = { RATE_LIMITS_NONE, 8000 };
	enum message_refusal why;
	int64_t thread = 0, root = 0, reply = 0, conv = 0, ship = 0;
	struct notice nt;
	struct member m;

	CHECK(db != NULL && a && b && c);
	/* A notice without a target says so. */
	CHECK_INT(db_notice_add(db, c, "moderation", "A moderator vouched for you"), ERR_OK);
	nt = first_notice(db, c);
	CHECK_STR(nt.target_kind, "");
	CHECK_INT(nt.target_id, 0);
	CHECK_INT(db_notice_mark_seen(db, c, nt.id), ERR_OK);

	/* A reply: the notice is about the reply, in its thread. */
	CHECK_INT(db_board_thread_create(db, a, 1, "Moving to Philly", "Where to live?", NULL,
	    &thread, &root), ERR_OK);
	CHECK_INT(db_board_post_reply(db, b, root, "Fishtown is nice", NULL, &reply), ERR_OK);
	nt = first_notice(db, a);
	CHECK_STR(nt.target_kind, NOTICE_ON_POST);
	CHECK_INT(nt.target_id, reply);
	CHECK_INT(unseen_of(db, a), 1);
	CHECK_INT(db_notice_seen_thread(db, b, thread), ERR_OK);	/* not bob's */
	CHECK_INT(unseen_of(db, a), 1);
	CHECK_INT(db_notice_seen_thread(db, a, thread + 1), ERR_OK);	/* another thread */
	CHECK_INT(unseen_of(db, a), 1);
	CHECK_INT(db_notice_seen_thread(db, a, thread), ERR_OK);
	CHECK_INT(unseen_of(db, a), 0);

	/* A first message is news; the second is only an unread message. */
	CHECK_INT(db_message_send(db, b, c, "Hello Cat", &lim, NULL, &why), ERR_OK);
	CHECK_INT(db_message_conversation_with(db, c, b, &conv), ERR_OK);
	nt = first_notice(db, c);
	CHECK_STR(nt.target_kind, NOTICE_ON_CONVERSATION);
	CHECK_INT(nt.target_id, conv);
	CHECK(strstr(nt.text, "Bob wrote to you for the first time") != NULL);
	CHECK_INT(db_message_send(db, b, c, "Are you there?", &lim, NULL, &why), ERR_OK);
	CHECK_INT(unseen_of(db, c), 1);
	CHECK_INT(db_message_send(db, c, b, "Yes", &lim, NULL, &why), ERR_OK);
	CHECK_INT(unseen_of(db, b), 0);		/* bob started it: nothing new for him */
	CHECK_INT(db_message_mark_read(db, c, conv), ERR_OK);
	CHECK_INT(unseen_of(db, c), 0);

	/* A mentorship request: answering it marks the mentor's notice seen
	 * and tells the mentee, about the same mentorship. */
	CHECK_INT(db_user_get(db, a, &m), ERR_OK);
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	CHECK_INT(db_user_update_profile(db, a, &m), ERR_OK);
	CHECK_INT(db_mentor_request(db, c, a, "I want to apply to cardiology fellowships; "
	    "please review my plan.", 2, &ship), ERR_OK);
	nt = first_notice(db, a);
	CHECK_STR(nt.target_kind, NOTICE_ON_MENTORSHIP);
	CHECK_INT(nt.target_id, ship);
	CHECK_INT(unseen_of(db, a), 1);
	CHECK_INT(db_mentor_accept(db, a, ship, ""), ERR_OK);
	CHECK_INT(unseen_of(db, a), 0);
	nt = first_notice(db, c);
	CHECK_STR(nt.target_kind, NOTICE_ON_MENTORSHIP);
	CHECK_INT(nt.target_id, ship);
	CHECK_INT(unseen_of(db, c), 1);
	CHECK_INT(db_notice_seen_about(db, c, NOTICE_ON_MENTORSHIP, ship), ERR_OK);
	CHECK_INT(unseen_of(db, c), 0);
	CHECK_INT(db_notice_seen_about(db, 0, NOTICE_ON_MENTORSHIP, ship), ERR_DENIED);
}
