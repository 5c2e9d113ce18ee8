/* Blocks, notices and reports (db-block.c, db-notice.c, db-report.c). */
#include <stdlib.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-notice.h"
#include "db/db-report.h"

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

TEST(reports_are_stored_and_refuse_bad_input)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), id = 0, open = -1;

	CHECK(db != NULL && a);
	CHECK_INT(db_report_add(db, a, REPORT_MESSAGE, 42, 0, "spam", &id), ERR_OK);
	CHECK(id > 0);
	CHECK_INT(db_report_add(db, a, REPORT_POST, 7, 0, "", NULL), ERR_INVALID);
	CHECK_INT(db_report_add(db, 0, REPORT_POST, 7, 0, "why", NULL), ERR_DENIED);
	CHECK_INT(db_report_add(db, a, (enum report_kind)99, 7, 0, "why", NULL), ERR_INVALID);
	CHECK_INT(db_report_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, 1);
}

/* One open report per (reporter, kind, target), at most REPORT_OPEN_MAX
 * open reports per member. */
TEST(reports_refuse_duplicates_and_are_capped)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_ALUMNI);
	int64_t open = -1;

	CHECK(db != NULL && a && b);
	CHECK_INT(db_report_add(db, a, REPORT_MESSAGE, 42, 0, "spam", NULL), ERR_OK);
	CHECK_INT(db_report_add(db, a, REPORT_MESSAGE, 42, 0, "spam again", NULL), ERR_EXISTS);
	/* The same target of another kind, or another reporter, is new. */
	CHECK_INT(db_report_add(db, a, REPORT_POST, 42, 0, "spam", NULL), ERR_OK);
	CHECK_INT(db_report_add(db, b, REPORT_MESSAGE, 42, 0, "spam", NULL), ERR_OK);
	for (int64_t t = 100; t < 100 + REPORT_OPEN_MAX - 2; t++)
		CHECK_INT(db_report_add(db, a, REPORT_MEMBER, t, 0, "rude", NULL), ERR_OK);
	CHECK_INT(db_report_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, REPORT_OPEN_MAX);
	CHECK_INT(db_report_add(db, a, REPORT_MEMBER, 999, 0, "rude", NULL), ERR_DENIED);
	CHECK_INT(db_report_open_by(db, a, &open), ERR_OK);
	CHECK_INT(open, REPORT_OPEN_MAX);
	/* The cap is ann's alone. */
	CHECK_INT(db_report_add(db, b, REPORT_MEMBER, 999, 0, "rude", NULL), ERR_OK);
}
