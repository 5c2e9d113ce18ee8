/* Finding mentors (db-mentor-search.c): filters, prefix matching, ranking,
 * the index following profile edits, blocks and self left out, and
 * suggestions with their reasons and load balancing. */
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-mentor.h"
#include "db/db-mentor-search.h"
#include "db/db-user.h"

static int64_t
person(struct db *db, const char *login, enum role role, const char *spec, const char *city,
    const char *topics, const char *bio, int year, bool open)
{
	int64_t id = fx_member(db, login, role);
	struct member m;

	if (id == 0 || db_user_get(db, id, &m) != 0)
		return 0;
	strcpy(m.specialty, spec);
	strcpy(m.city, city);
	strcpy(m.topics, topics);
	strcpy(m.bio, bio);
	strcpy(m.programs, "MD");
	m.grad_year = year;
	m.open_to_mentoring = open;
	m.max_mentees = open ? 2 : 0;
	return db_user_update_profile(db, id, &m) == 0 ? id : 0;
}

/* Runs q for actor and returns the number of hits; ids in out[]. */
static size_t
run(struct db *db, int64_t actor, const struct mentor_query *q, int64_t *out, size_t max)
{
	struct mentor_hit *h = NULL;
	size_t n = 0;

	if (db_mentor_search(db, actor, q, 0, max, &h, &n) != 0)
		return 999;
	for (size_t i = 0; i < n; i++)
		out[i] = h[i].id;
	free(h);
	return n;
}

struct world {
	struct db *db;
	int64_t stu, ann, bob, cat, dan, eve;
};

static bool
world(struct world *w)
{
	w->db = fx_db();
	if (w->db == NULL)
		return false;
	w->stu = person(w->db, "stu", ROLE_STUDENT, "Cardiology", "Boston", "", "", 0, false);
	w->ann = person(w->db, "ann", ROLE_ALUMNI, "Cardiology", "Boston",
	    "research careers, leadership", "Interventional work at the heart institute.",
	    1998, true);
	w->bob = person(w->db, "bob", ROLE_TRAINEE, "Cardiology", "Chicago",
	    "residency applications", "Fellow. I like teaching.", 2022, true);
	w->cat = person(w->db, "cat", ROLE_ALUMNI, "Dermatology", "Boston",
	    "grant writing", "Cardiology was my first love, then skin.", 2005, true);
	w->dan = person(w->db, "dan", ROLE_ALUMNI, "Cardiology", "Boston", "", "", 1990, false);
	w->eve = person(w->db, "eve", ROLE_STUDENT, "Cardiology", "Boston", "", "", 0, false);
	return w->stu && w->ann && w->bob && w->cat && w->dan && w->eve;
}

TEST(mentor_search_filters_combine)
{
	struct world w;
	struct mentor_query q;
	int64_t ids[16];

	CHECK(world(&w));
	mentor_query_init(&q);
	/* Browse: only open mentors, never oneself, never students. */
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 3);
	CHECK_INT(run(w.db, w.ann, &q, ids, 16), 2);
	strcpy(q.specialty, "cardiology");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 2);
	strcpy(q.place, "boston");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(ids[0], w.ann);
	q.place[0] = '\0';
	q.role = ROLE_TRAINEE;
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(ids[0], w.bob);
	q.role = -1;
	q.year_from = 2000;
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	q.year_from = 0;
	q.year_to = 2000;
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(ids[0], w.ann);
	mentor_query_init(&q);
	strcpy(q.topic, "grant");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(ids[0], w.cat);
	/* Only punctuation is no query at all. */
	mentor_query_init(&q);
	strcpy(q.specialty, "\"*:(");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 999);
}

TEST(mentor_search_prefix_ranking_and_syntax_safety)
{
	struct world w;
	struct mentor_query q;
	int64_t ids[16];

	CHECK(world(&w));
	mentor_query_init(&q);
	strcpy(q.text, "interv");	/* prefix of "Interventional" */
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(ids[0], w.ann);
	/* Free text looks at the specialty too: ann and bob are
	 * cardiologists, "cardiology" is in cat's bio; a specialty match
	 * outranks a bio match. */
	strcpy(q.text, "cardiology");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 3);
	CHECK_INT(ids[0], w.ann);
	CHECK_INT(ids[1], w.bob);
	CHECK_INT(ids[2], w.cat);
	strcpy(q.text, "teach OR bob");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 0);	/* words, not operators: OR is a word */
	strcpy(q.text, "bob teach");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	strcpy(q.text, "NEAR(\"x\" y) {bio}: *");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 0);
}

TEST(mentor_search_words_find_specialty_and_programs)
{
	struct db *db = fx_db();
	int64_t s = fx_member(db, "sol", ROLE_STUDENT);
	int64_t a = person(db, "rhea", ROLE_ALUMNI, "Cardiology", "Oslo", "", "Hearts.", 0, true);
	int64_t b = person(db, "tom", ROLE_ALUMNI, "Surgery", "Oslo", "", "Bones and joints.",
	    0, true);
	struct member m;
	struct mentor_query q;
	int64_t ids[4];

	CHECK(db && s && a && b);
	mentor_query_init(&q);
	strcpy(q.text, "card");
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], a);
	strcpy(q.text, "cardiology");
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], a);
	strcpy(q.text, "card*");
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], a);
	strcpy(q.text, "card* \"(");	/* other FTS syntax: only a word boundary */
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	strcpy(q.text, "joints");	/* the bio still counts */
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], b);
	/* Sub-specialty and degree program, after a profile edit. */
	CHECK_INT(db_user_get(db, b, &m), ERR_OK);
	strcpy(m.subspecialty, "Hand surgery");
	strcpy(m.programs, "MD, MPH");
	CHECK_INT(db_user_update_profile(db, b, &m), ERR_OK);
	strcpy(q.text, "hand");
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], b);
	strcpy(q.text, "mph");
	CHECK_INT(run(db, s, &q, ids, 4), 1);
	CHECK_INT(ids[0], b);
}

TEST(mentor_search_ranks_name_over_bio)
{
	struct db *db = fx_db();
	int64_t s = fx_member(db, "sol", ROLE_STUDENT);
	int64_t a = person(db, "rhea", ROLE_ALUMNI, "Surgery", "Oslo", "", "I once met Quill.",
	    0, true);
	int64_t b = person(db, "quill", ROLE_ALUMNI, "Surgery", "Oslo", "", "Hello.", 0, true);
	struct mentor_query q;
	int64_t ids[4];

	CHECK(db && s && a && b);
	mentor_query_init(&q);
	strcpy(q.text, "quil");
	CHECK_INT(run(db, s, &q, ids, 4), 2);
	CHECK_INT(ids[0], b);
	CHECK_INT(ids[1], a);
}

TEST(mentor_search_follows_profile_edits_and_blocks)
{
	struct world w;
	struct mentor_query q;
	struct member m;
	int64_t ids[16];

	CHECK(world(&w));
	mentor_query_init(&q);
	strcpy(q.place, "chicago");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	/* Bob moves: the index follows the edit made through db-user.c. */
	CHECK_INT(db_user_get(w.db, w.bob, &m), ERR_OK);
	strcpy(m.city, "Denver");
	CHECK_INT(db_user_update_profile(w.db, w.bob, &m), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 0);
	strcpy(q.place, "denv");
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	/* Closing to mentoring drops him from search. */
	m.open_to_mentoring = false;
	m.max_mentees = 0;
	CHECK_INT(db_user_update_profile(w.db, w.bob, &m), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 0);
	/* Blocks either way hide the member. */
	mentor_query_init(&q);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 2);
	CHECK_INT(db_block_add(w.db, w.ann, w.stu), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	CHECK_INT(db_block_add(w.db, w.stu, w.cat), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 0);
	CHECK_INT(db_mentor_search(w.db, 0, &q, 0, 10, NULL, NULL), ERR_DENIED);
}

TEST(mentor_search_accepting_and_capacity)
{
	struct world w;
	struct mentor_query q;
	int64_t ids[16], id = 0;
	struct mentor_hit *h = NULL;
	size_t n = 0;
	const char *goals = "I want to learn about research careers in cardiology.";

	CHECK(world(&w));
	mentor_query_init(&q);
	q.accepting = true;
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 3);
	CHECK_INT(db_mentor_set_paused(w.db, w.bob, true), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 2);
	/* Ann (capacity 2) fills up. */
	CHECK_INT(db_mentor_request(w.db, w.stu, w.ann, goals, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_accept(w.db, w.ann, id, ""), ERR_OK);
	CHECK_INT(db_mentor_request(w.db, w.eve, w.ann, goals, 2, &id), ERR_OK);
	CHECK_INT(db_mentor_accept(w.db, w.ann, id, ""), ERR_OK);
	CHECK_INT(run(w.db, w.stu, &q, ids, 16), 1);
	/* Without the filter she is listed, marked as having no room. */
	q.accepting = false;
	strcpy(q.text, "interventional");
	CHECK_INT(db_mentor_search(w.db, w.stu, &q, 0, 10, &h, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(!h[0].has_room);
	CHECK_INT(h[0].active, 2);
	free(h);
}

TEST(mentor_suggest_ranked_with_reasons_and_balanced)
{
	struct world w;
	struct mentor_hit *h = NULL;
	size_t n = 0;
	int64_t x, y, id = 0;
	const char *goals = "I want to learn about research careers in cardiology.";

	CHECK(world(&w));
	CHECK_INT(db_mentor_suggest(w.db, w.stu, 10, &h, &n), ERR_OK);
	CHECK(n >= 2);
	CHECK_INT(h[0].id, w.ann);	/* same specialty and city */
	CHECK(strstr(h[0].why, "same specialty") != NULL);
	CHECK(strstr(h[0].why, "same city") != NULL);
	for (size_t i = 0; i < n; i++)
		CHECK(h[i].id != w.stu && h[i].id != w.dan && h[i].id != w.eve);
	free(h);
	/* Two equal fits; the one with requests waiting goes second. */
	x = person(w.db, "xia", ROLE_ALUMNI, "Neurology", "Lima", "stroke", "", 0, true);
	y = person(w.db, "yan", ROLE_ALUMNI, "Neurology", "Lima", "stroke", "", 0, true);
	CHECK(x && y);
	CHECK_INT(db_mentor_request(w.db, w.eve, x, goals, 2, &id), ERR_OK);
	{
		int64_t me = person(w.db, "zed", ROLE_STUDENT, "Neurology", "Lima", "stroke",
		    "", 0, false);

		CHECK_INT(db_mentor_suggest(w.db, me, 10, &h, &n), ERR_OK);
		CHECK(n >= 2);
		CHECK_INT(h[0].id, y);
		CHECK_INT(h[1].id, x);
		free(h);
	}
	/* Someone already asked is not suggested again. */
	CHECK_INT(db_mentor_suggest(w.db, w.eve, 10, &h, &n), ERR_OK);
	for (size_t i = 0; i < n; i++)
		CHECK(h[i].id != x);
	free(h);
}

TEST(mentor_bookmarks_are_per_member)
{
	struct world w;
	struct mentor_hit *h = NULL;
	size_t n = 0;
	bool on = true;

	CHECK(world(&w));
	CHECK_INT(db_mentor_bookmark(w.db, w.stu, w.ann, true), ERR_OK);
	CHECK_INT(db_mentor_bookmark(w.db, w.stu, w.ann, true), ERR_OK);
	CHECK_INT(db_mentor_bookmark(w.db, w.stu, w.stu, true), ERR_INVALID);
	CHECK_INT(db_mentor_bookmark(w.db, 0, w.ann, true), ERR_DENIED);
	CHECK_INT(db_mentor_bookmarked(w.db, w.eve, w.ann, &on), ERR_OK);
	CHECK(!on);
	CHECK_INT(db_mentor_bookmarks(w.db, w.stu, &h, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(h[0].id, w.ann);
	free(h);
	CHECK_INT(db_block_add(w.db, w.ann, w.stu), ERR_OK);
	CHECK_INT(db_mentor_bookmarks(w.db, w.stu, &h, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(h);
	CHECK_INT(db_mentor_bookmark(w.db, w.stu, w.ann, false), ERR_OK);
	CHECK_INT(db_mentor_bookmarked(w.db, w.stu, w.ann, &on), ERR_OK);
	CHECK(!on);
}

/* The hit for mentor id in actor's search results (browse, no filters). */
static bool
search_hit(struct db *db, int64_t actor, int64_t id, struct mentor_hit *out)
{
	struct mentor_query q;
	struct mentor_hit *h = NULL;
	size_t n = 0;
	bool found = false;

	mentor_query_init(&q);
	if (db_mentor_search(db, actor, &q, 0, 50, &h, &n) != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (h[i].id == id) {
			*out = h[i];
			found = true;
		}
	free(h);
	return found;
}

/* One row reader: a bookmarked mentor shows the same role, room and load
 * as in search results, and no room once they cannot take mentees. */
TEST(mentor_bookmark_row_matches_search)
{
	struct world w;
	struct mentor_hit *b = NULL, s;
	size_t n = 0;

	CHECK(world(&w));
	CHECK_INT(db_mentor_bookmark(w.db, w.stu, w.bob, true), ERR_OK);
	for (int round = 0; round < 2; round++) {
		/* Round 1: paused, so no room in either list. */
		CHECK_INT(db_mentor_set_paused(w.db, w.bob, round == 1), ERR_OK);
		CHECK(search_hit(w.db, w.stu, w.bob, &s));
		CHECK_INT(db_mentor_bookmarks(w.db, w.stu, &b, &n), ERR_OK);
		CHECK_INT(n, 1);
		CHECK_INT(b[0].id, s.id);
		CHECK_INT(b[0].role, ROLE_TRAINEE);
		CHECK_INT(b[0].role, s.role);
		CHECK_INT(b[0].has_room, s.has_room);
		CHECK_INT(b[0].has_room, round == 0);
		CHECK_INT(b[0].paused, s.paused);
		CHECK_INT(b[0].active, s.active);
		CHECK_INT(b[0].max_mentees, s.max_mentees);
		CHECK_INT(b[0].reply_secs, s.reply_secs);
		CHECK_STR(b[0].specialty, s.specialty);
		CHECK_STR(b[0].city, s.city);
		free(b);
		b = NULL;
	}
	/* Suspended: gone from search; the bookmark stays but has no room. */
	CHECK_INT(db_mentor_set_paused(w.db, w.bob, false), ERR_OK);
	CHECK_INT(db_user_set_status(w.db, 0, w.bob, STATUS_SUSPENDED), ERR_OK);
	CHECK(!search_hit(w.db, w.stu, w.bob, &s));
	CHECK_INT(db_mentor_bookmarks(w.db, w.stu, &b, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK(!b[0].has_room);
	free(b);
}
