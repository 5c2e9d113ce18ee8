/* Blocks, notices and reports (db-block.c, db-notice.c, db-flag.c). */
#include <stdlib.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-notice.h"
#include "db/db-flag.h"

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
