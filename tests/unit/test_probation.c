/* Probation beyond the boards (issue 10): a new member's daily caps on
 * private messages and on requests (mentoring), with the sentence that
 * says the cap and when it lifts, and a vouch lifting them. */
#include <string.h>
#include "db/db-mentor.h"
#include "db/db-message.h"
#include "db/db-probation.h"
#include "db/db-staff.h"
#include "db/db-user.h"
#include "db/db.h"
#include "fixture.h"
#include "rules/message.h"
#include "rules/moderation.h"
#include "test.h"

static const struct probation_limits plim = { .days = 7, .cap = { 2, 3, 2, 1 } };
static const struct message_limits mlim = { .rate = RATE_LIMITS_NONE,
	.max_chars = 1000 };

static int64_t
open_mentor(struct db *db, const char *login)
{
	int64_t id = fx_member(db, login, ROLE_ALUMNI);
	struct member m;

	if (id == 0 || db_user_get(db, id, &m) != 0)
		return 0;
	m.open_to_mentoring = true;
	m.max_mentees = 5;
	return db_user_update_profile(db, id, &m) == 0 ? id : 0;
}

TEST(probation_caps_messages_with_the_sentence)
{
	struct db *db = fx_db();
	enum message_refusal why;
	int64_t ann, bob, now;

	CHECK(db != NULL);
	ann = fx_member(db, "ann", ROLE_STUDENT);
	bob = fx_member(db, "bob", ROLE_ALUMNI);
	db_probation_set(&plim);
	now = db_now();
	CHECK_INT(db_message_send(db, ann, bob, "one", &mlim, NULL, &why), 0);
	CHECK_INT(db_message_send(db, ann, bob, "two", &mlim, NULL, &why), 0);
	CHECK_INT(db_message_send(db, ann, bob, "three", &mlim, NULL, &why), ERR_DENIED);
	CHECK_INT(why, MESSAGE_PROBATION);
	CHECK(strstr(db_probation_why(db, ann, PROBATION_MESSAGES), "lifts on ") != NULL);
	/* The other member, long past probation? No: also new, but under the cap. */
	CHECK_INT(db_message_send(db, bob, ann, "reply", &mlim, NULL, &why), 0);
	/* A vouch lifts it at once. */
	CHECK_INT(db_probation_vouch(db, STAFF_SYSOP, ann, "Known to the office", NULL), 0);
	CHECK_INT(db_message_send(db, ann, bob, "three", &mlim, NULL, &why), 0);
	(void)now;
}

TEST(probation_caps_mentoring_requests)
{
	struct db *db = fx_db();
	int64_t ann, m1, m2, id;

	CHECK(db != NULL);
	ann = fx_member(db, "ann", ROLE_STUDENT);
	CHECK((m1 = open_mentor(db, "mia")) > 0);
	CHECK((m2 = open_mentor(db, "max")) > 0);
	db_probation_set(&plim);
	CHECK_INT(db_mentor_request(db, ann, m1, "I would like advice on my residency "
	    "applications this year, please.", 5, &id), 0);
	/* Said before the editor opens, and refused again at the write. */
	CHECK_INT(db_mentor_may_request(db, ann, m2, 5), ERR_TOO_FAST);
	CHECK_INT(db_mentor_request(db, ann, m2, "I would like advice on my residency "
	    "applications this year, please.", 5, &id), ERR_TOO_FAST);
	CHECK(strstr(db_probation_why(db, ann, PROBATION_REQUESTS), "request") != NULL);
	/* No probation configured (the CLI, the seed): no cap. */
	db_probation_set(NULL);
	CHECK_INT(db_mentor_may_request(db, ann, m2, 5), 0);
}
