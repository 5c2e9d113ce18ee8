/* Bounded searches and busy waits (issue 11): the query rules of
 * rules/search.h in the board, mentor and HOST builders, the time budget
 * (a deliberately slow query is interrupted), one search per member across
 * handles, and the busy notice a waiting call gives the UI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-host.h"
#include "db/db-internal.h"
#include "db/db-mentor-search.h"
#include "db/db-search.h"
#include "db/db-user.h"
#include "rules/board.h"
#include "rules/search.h"

TEST(search_prefix_needs_three_characters)
{
	struct board_query q;

	CHECK(!search_prefix_ok("a", 1));
	CHECK(!search_prefix_ok("ab", 2));
	CHECK(search_prefix_ok("abc", 3));
	CHECK(search_prefix_ok("\xc3\xa9t\xc3\xa9", 6));	/* "été": three characters */
	CHECK(!search_prefix_ok("e.g.", 4));	/* the * applies to the last word, "g" */
	board_query_parse("a*", &q);
	CHECK_STR(q.refused, SEARCH_PREFIX_WHY);
	board_query_parse("in:boston ab*", &q);
	CHECK_STR(q.refused, SEARCH_PREFIX_WHY);
	board_query_parse("\"match d\"*", &q);
	CHECK_STR(q.refused, SEARCH_PREFIX_WHY);
	board_query_parse("int* \"match day\"*", &q);
	CHECK(q.refused == NULL);
	CHECK_STR(q.words, "\"int\"* \"match day\"*");
}

TEST(search_takes_at_most_eight_words)
{
	struct board_query q;

	board_query_parse("one two three four five six seven eight", &q);
	CHECK(q.refused == NULL);
	board_query_parse("one two three four five six seven eight nine", &q);
	CHECK_STR(q.refused, SEARCH_TERMS_WHY);
	/* Filters are not words. */
	board_query_parse("one two three four five six seven eight author:ann in:boston", &q);
	CHECK(q.refused == NULL);
}

/* Every word is an FTS5 string: operators, column filters, NEAR groups
 * and stray quotes are just words. */
TEST(board_query_passes_no_fts5_syntax)
{
	struct board_query q;

	board_query_parse("abc* OR def* NOT ghi", &q);
	CHECK_STR(q.words, "\"abc\"* \"OR\" \"def\"* \"NOT\" \"ghi\"");
	board_query_parse("NEAR(abc def) title:x ^start", &q);
	CHECK_STR(q.words, "\"NEAR(abc\" \"def)\" \"title:x\" \"^start\"");
	board_query_parse("\"foo\"OR\"bar\"", &q);
	CHECK_STR(q.words, "\"foo\"\"OR\"\"bar\"");
}

/* What the finding did: a* and a* OR b* ... reach FTS5 no more; hostile
 * syntax is searched as words, never an FTS5 error. */
TEST(board_search_refuses_short_prefixes_and_reads_syntax_as_words)
{
	static const char *const words[] = {
		"NEAR(residency boston)", "{title body}: boston", "boston AND NOT x", "^boston",
		"-boston", "+boston", "(boston", "boston)", "\"a\" * \"b\"", "boston\"",
		"\"\"", "boston OR",
	};
	struct db *db = fx_db();
	struct board_hit *hits = NULL;
	int64_t ann, t, p;
	size_t n = 0;

	CHECK(db != NULL);
	CHECK((ann = fx_member(db, "ann", ROLE_ALUMNI)) > 0);
	CHECK_INT(db_board_thread_create(db, ann, 1, "Boston OR Philly", "Residency in Boston",
	    NULL, &t, &p), ERR_OK);
	CHECK_INT(db_board_search(db, ann, "a*", 10, &hits, &n), ERR_INVALID);
	CHECK_INT(db_board_search(db, ann, "a* OR b* OR c* OR d*", 10, &hits, &n), ERR_INVALID);
	CHECK_INT(db_board_search(db, ann, "bo*", 10, &hits, &n), ERR_INVALID);
	CHECK_INT(db_board_search(db, ann, "bos*", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		hits = NULL;
		CHECK_INT(db_board_search(db, ann, words[i], 10, &hits, &n), ERR_OK);
		free(hits);
	}
	/* "OR" is a word: the title has it, so this finds the thread. */
	CHECK_INT(db_board_search(db, ann, "boston OR philly", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
}

/* A recursive count to a billion takes seconds; the budget stops it. */
TEST(search_budget_interrupts_a_slow_query)
{
	static const char slow[] = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
	    "SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";
	static const char quick[] = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
	    "SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) FROM c";
	struct db *db = fx_db();
	int64_t v = 0;
	int r;

	CHECK(db != NULL);
	db_set_search_ms(db, 20);
	db_budget_begin(db);
	r = db_step_int(db, db_stmt(db, slow), &v, NULL, __func__);
	CHECK_INT(r, ERR_TOOBROAD);
	CHECK_INT(db_budget_end(db, r), ERR_TOOBROAD);
	/* Outside a budget nothing is stopped, and the handle works on. */
	CHECK_INT(db_step_int(db, db_stmt(db, quick), &v, NULL, __func__), ERR_OK);
	CHECK_INT(v, 300000);
	/* A search that finished in time keeps its own result. */
	db_budget_begin(db);
	CHECK_INT(db_budget_end(db, ERR_NOTFOUND), ERR_NOTFOUND);
}

/* Two handles on one file stand for two sessions of one member. */
static bool
two_handles(struct db **a, struct db **b)
{
	const char *dir = fx_tmpdir();
	char err[256];

	if (dir == NULL || db_open(fx_path(dir, "s.db"), a, err, sizeof err) != 0)
		return false;
	if (db_open(fx_path(dir, "s.db"), b, err, sizeof err) != 0) {
		db_close(*a);
		return false;
	}
	return true;
}

TEST(one_search_per_member_across_sessions)
{
	struct db *a = NULL, *b = NULL;
	struct db_search g1, g2;
	struct board_hit *hits = NULL;
	struct mentor_hit *mh = NULL;
	struct mentor_query q;
	struct host_query hq;
	struct host_hit *hh = NULL;
	struct member m;
	int64_t ann, bob;
	size_t n = 0;

	CHECK(two_handles(&a, &b));
	ann = fx_member(a, "ann", ROLE_ALUMNI);
	bob = fx_member(a, "bob", ROLE_STUDENT);
	CHECK(ann > 0 && bob > 0);
	/* Something to suggest from, so suggestions search at all. */
	CHECK_INT(db_user_get(a, ann, &m), 0);
	snprintf(m.topics, sizeof m.topics, "research");
	CHECK_INT(db_user_update_profile(a, ann, &m), 0);
	CHECK_INT(db_search_begin(a, ann, &g1), 0);
	/* ann's second session is refused, whichever search it runs ... */
	CHECK_INT(db_search_begin(b, ann, &g2), ERR_BUSY);
	CHECK_INT(db_board_search(b, ann, "boston", 10, &hits, &n), ERR_BUSY);
	mentor_query_init(&q);
	CHECK_INT(db_mentor_search(b, ann, &q, 0, 10, &mh, &n), ERR_BUSY);
	CHECK_INT(db_mentor_suggest(b, ann, 10, &mh, &n), ERR_BUSY);
	memset(&hq, 0, sizeof hq);
	CHECK_INT(db_host_search(b, ann, &hq, 10, &hh, &n), ERR_BUSY);
	/* ... bob is not held up by it ... */
	CHECK_INT(db_board_search(b, bob, "boston", 10, &hits, &n), ERR_OK);
	free(hits);
	/* ... and once ann's search is over, her next one runs. */
	CHECK_INT(db_search_end(a, &g1, 0), 0);
	CHECK_INT(db_board_search(b, ann, "boston", 10, &hits, &n), ERR_OK);
	free(hits);
	CHECK_INT(db_search_begin(b, ann, &g2), 0);
	CHECK_INT(db_search_end(b, &g2, 0), 0);
	db_close(a);
	db_close(b);
}

/* A student stu and an alumni mentor ann (topics as given, room for
 * two) in db; false if that failed. */
static bool
mentor_and_student(struct db *db, const char *topics, int64_t *stu, int64_t *ann)
{
	struct member m;

	if (db == NULL || (*stu = fx_member(db, "stu", ROLE_STUDENT)) == 0 ||
	    (*ann = fx_member(db, "ann", ROLE_ALUMNI)) == 0 || db_user_get(db, *ann, &m) != 0)
		return false;
	snprintf(m.topics, sizeof m.topics, "%s", topics);
	m.open_to_mentoring = true;
	m.max_mentees = 2;
	return db_user_update_profile(db, *ann, &m) == 0;
}

/* A mentor's "research" is no longer found by the two-letter prefix "re",
 * only by three letters or more (or the whole word). */
TEST(mentor_search_prefixes_need_three_characters)
{
	struct db *db = fx_db();
	struct mentor_query q;
	struct mentor_hit *h = NULL;
	int64_t stu, ann;
	size_t n = 0;

	CHECK(mentor_and_student(db, "research", &stu, &ann));
	mentor_query_init(&q);
	snprintf(q.topic, sizeof q.topic, "re");
	CHECK_INT(db_mentor_search(db, stu, &q, 0, 10, &h, &n), 0);
	CHECK_INT(n, 0);
	free(h);
	snprintf(q.topic, sizeof q.topic, "res");
	CHECK_INT(db_mentor_search(db, stu, &q, 0, 10, &h, &n), 0);
	CHECK_INT(n, 1);
	free(h);
}

/* Suggestions OR at most SEARCH_TERMS_MAX of the mentee's words: a match
 * on the ninth counts no more. */
TEST(mentor_suggestions_or_at_most_eight_words)
{
	struct db *db = fx_db();
	struct mentor_hit *h = NULL;
	struct member m;
	int64_t stu, ann;
	size_t n = 0;

	CHECK(mentor_and_student(db, "zymurgy", &stu, &ann));
	CHECK_INT(db_user_get(db, stu, &m), 0);
	/* Nine words over two fields: each field alone is under the cap. */
	snprintf(m.specialty, sizeof m.specialty, "one two three four five");
	snprintf(m.topics, sizeof m.topics, "six, seven, eight, zymurgy");
	CHECK_INT(db_user_update_profile(db, stu, &m), 0);
	CHECK_INT(db_mentor_suggest(db, stu, 10, &h, &n), 0);
	CHECK_INT(n, 0);
	free(h);
	snprintf(m.specialty, sizeof m.specialty, "one two three four");
	CHECK_INT(db_user_update_profile(db, stu, &m), 0);
	CHECK_INT(db_mentor_suggest(db, stu, 10, &h, &n), 0);
	CHECK_INT(n, 1);
	free(h);
}

/* HOST programs: a two-letter word is matched whole, not as a prefix. */
TEST(host_search_prefixes_need_three_characters)
{
	struct db *db = fx_db();
	struct host_profile p;
	struct host_query q;
	struct host_hit *h = NULL;
	const char *why = NULL;
	int64_t stu, ann;
	size_t n = 0;

	CHECK(db != NULL);
	stu = fx_member(db, "stu", ROLE_STUDENT);
	ann = fx_member(db, "ann", ROLE_ALUMNI);
	CHECK(stu > 0 && ann > 0);
	host_profile_init(&p, ann);
	p.status = HOST_HOSTING;
	p.offers = HOST_OFFER_ADVICE;
	snprintf(p.city, sizeof p.city, "Boston");
	snprintf(p.hospitals, sizeof p.hospitals, "Massachusetts General");
	CHECK_INT(db_host_save(db, ann, &p, &why), 0);
	memset(&q, 0, sizeof q);
	snprintf(q.programs, sizeof q.programs, "ma");
	CHECK_INT(db_host_search(db, stu, &q, 10, &h, &n), 0);
	CHECK_INT(n, 1);
	CHECK(!h[0].program_match);
	free(h);
	snprintf(q.programs, sizeof q.programs, "mas");
	CHECK_INT(db_host_search(db, stu, &q, 10, &h, &n), 0);
	CHECK_INT(n, 1);
	CHECK(h[0].program_match);
	free(h);
}

struct notice {
	struct db *holder;	/* the other session, holding the write lock */
	int calls;
};

/* The UI's part: told once; here it also ends the other session's lock,
 * so the waiting call goes ahead at once. */
static void
on_busy(void *arg)
{
	struct notice *nt = arg;

	nt->calls++;
	db_rollback(nt->holder);
}

TEST(busy_wait_tells_the_ui_then_goes_ahead)
{
	struct db *a = NULL, *b = NULL;
	struct notice nt = { NULL, 0 };

	CHECK(two_handles(&a, &b));
	nt.holder = a;
	db_set_busy_notify(b, on_busy, &nt);
	CHECK_INT(db_begin(b), 0);		/* nobody holds it: no notice */
	db_rollback(b);
	CHECK_INT(nt.calls, 0);
	CHECK_INT(db_begin(a), 0);		/* a holds the write lock */
	CHECK_INT(db_begin(b), 0);		/* b waits, is told, gets it */
	CHECK_INT(nt.calls, 1);
	db_rollback(b);
	db_close(a);
	db_close(b);
}
