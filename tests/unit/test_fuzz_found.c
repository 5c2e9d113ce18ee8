/* Regressions for what tests/fuzz found: each test here reproduces one
 * finding and failed before its fix. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "test.h"
#include "fixture.h"
#include "db/db-board.h"
#include "lib/err.h"
#include "rules/board.h"
#include "ui/screenfile.h"

/* fuzz-search-board: "AND*" went to FTS5 as the operator AND and a stray
 * star, a syntax error, so a prefix search for words starting with "and"
 * (typed in capitals) was refused as unreadable. */
TEST(fuzz_board_operator_word_with_star_is_a_prefix)
{
	struct db *db = fx_db();
	struct board_query q;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t me = fx_member(db, "ann", ROLE_ALUMNI);

	board_query_parse("AND* OR* NOT* and*", &q);
	CHECK_STR(q.words, "\"AND\"* \"OR\"* \"NOT\"* \"and\"*");
	CHECK_INT(db_board_search(db, me, "Anderson AND*", 10, &hits, &n), ERR_OK);
	free(hits);
	/* Since the bounded searches of issue 11, member text never becomes
	 * FTS5 syntax: OR is a word like any other. */
	board_query_parse("a OR b", &q);
	CHECK_STR(q.words, "\"a\" \"OR\" \"b\"");
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* fuzz-screenfile (slow units): every '{' looked for its '}' afresh, so a
 * text of many braces took time growing with its square: 1 MiB of '{'
 * took seconds. Now it is one pass. */
TEST(fuzz_screenfile_many_braces_take_linear_time)
{
	static const struct screenfile_vars v = { "Ann", "ann", "BBS", "today", 3 };
	size_t len = 1024 * 1024;
	char *text = malloc(len + 1), *out;
	struct timespec t0;

	CHECK(text != NULL);
	memset(text, '{', len);
	memcpy(text + len - 6, "{name}", 7);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	out = screenfile_subst(text, &v);
	CHECK(seconds_since(&t0) < 1.0);
	/* Output stops at the cap, all braces: the name lies past it. */
	CHECK(out != NULL && strlen(out) == SCREENFILE_OUT_MAX);
	CHECK(strspn(out, "{") == SCREENFILE_OUT_MAX);
	free(out);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	out = screenfile_subst(text + len - 200, &v);
	CHECK(seconds_since(&t0) < 1.0);
	CHECK(out != NULL && strspn(out, "{") == 194 && strcmp(out + 194, "Ann") == 0);
	free(out);
	free(text);
}
