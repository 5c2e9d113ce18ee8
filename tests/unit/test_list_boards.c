/* The board and mentor list screens on the list engine, driven through
 * the screen stack without a terminal: the thread list reads a page at a
 * time and keeps its row; mentor browsing stops at the search pool; a
 * post search is a snapshot that a change elsewhere does not redo. */
#include <stdio.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "screens/screen-board.h"
#include "screens/screen-mentor.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/ui-keys.h"

static bool
open_ctx(struct screen_ctx *c)
{
	memset(c, 0, sizeof *c);
	if ((c->db = fx_db()) == NULL)
		return false;
	c->me.id = fx_member(c->db, "ann", ROLE_ALUMNI);
	return c->me.id != 0 && db_user_get(c->db, c->me.id, &c->me) == 0;
}

static struct list *
top_list(struct screen_ctx *c)
{
	return screen_top(c)->st;
}

static void
type(struct screen_ctx *c, const char *s)
{
	for (; *s != '\0'; s++)
		screen_key(c, (unsigned char)*s);
}

TEST(list_boards_threads_read_a_page_at_a_time_and_keep_their_row)
{
	struct board_community_arg a = { 1 };
	const struct board_thread *t;
	struct screen_ctx c;
	int64_t thread, post, chosen, root;
	char title[32];

	CHECK(open_ctx(&c));
	for (int i = 0; i < 120; i++) {
		snprintf(title, sizeof title, "Thread %d", i);
		CHECK_INT(db_board_thread_create(c.db, c.me.id, 1, title, "Body.", NULL, &thread,
		    &post), ERR_OK);
	}
	/* Spread them in time, the newest last made, so a reply reorders. */
	CHECK_INT(sqlite3_exec(db_sqlite(c.db), "UPDATE threads SET last_post_at = id * 60",
	    NULL, NULL, NULL), SQLITE_OK);
	screen_push(&c, &screen_board_threads, &a);
	CHECK_INT(list_count(top_list(&c)), 50);
	CHECK(list_more(top_list(&c)));
	CHECK_INT(((const struct board_thread *)list_selected(top_list(&c)))->id, thread);
	/* End reads the next page after the last row's sort key. */
	screen_key(&c, UI_KEY_END);
	CHECK_INT(list_count(top_list(&c)), 100);
	screen_key(&c, UI_KEY_END);
	screen_key(&c, UI_KEY_END);
	CHECK_INT(list_count(top_list(&c)), 120);
	CHECK(!list_more(top_list(&c)));
	/* A reply moves the oldest thread to the top: the selection follows. */
	t = list_selected(top_list(&c));
	chosen = t->id;
	root = t->last_post_id;
	CHECK_INT(db_board_post_reply(c.db, c.me.id, root, "Up again.", NULL, &post), ERR_OK);
	screen_update(&c);
	CHECK_INT(list_count(top_list(&c)), 120);
	CHECK_INT(list_sel(top_list(&c)), 0);
	CHECK_INT(((const struct board_thread *)list_selected(top_list(&c)))->id, chosen);
	screen_leave_all(&c);
}

TEST(list_boards_mentor_browsing_stops_at_the_pool)
{
	struct mentor_list_arg a;
	struct screen_ctx c;
	char login[32];

	CHECK(open_ctx(&c));
	for (int i = 0; i < MENTOR_SEARCH_POOL + 30; i++) {
		snprintf(login, sizeof login, "mentor%d", i);
		CHECK(fx_member(c.db, login, ROLE_ALUMNI) != 0);
	}
	CHECK_INT(sqlite3_exec(db_sqlite(c.db), "UPDATE users SET open_to_mentoring = 1, "
	    "max_mentees = 2 WHERE login LIKE 'mentor%'", NULL, NULL, NULL), SQLITE_OK);
	memset(&a, 0, sizeof a);
	a.mode = MENTOR_LIST_SEARCH;
	mentor_query_init(&a.q);
	screen_push(&c, &screen_mentor_results, &a);
	CHECK_INT(list_count(top_list(&c)), 50);
	for (int i = 0; i < 8; i++)
		screen_key(&c, UI_KEY_END);
	CHECK_INT(list_count(top_list(&c)), MENTOR_SEARCH_POOL);
	CHECK(!list_more(top_list(&c)));
	screen_leave_all(&c);
}

TEST(list_boards_post_search_is_a_snapshot)
{
	struct screen_ctx c;
	int64_t thread, post;

	CHECK(open_ctx(&c));
	CHECK_INT(db_board_thread_create(c.db, c.me.id, 1, "Parking", "Where to park?", NULL,
	    &thread, &post), ERR_OK);
	screen_push(&c, &screen_board_search, NULL);
	type(&c, "park*");
	screen_key(&c, UI_KEY_ENTER);
	CHECK_INT(list_count(top_list(&c)), 1);
	/* A new match elsewhere does not search again under the cursor. */
	CHECK_INT(db_board_post_reply(c.db, c.me.id, post, "Parking is easy.", NULL, &post),
	    ERR_OK);
	screen_update(&c);
	CHECK_INT(list_count(top_list(&c)), 1);
	/* A new search does; a refused one leaves nothing of the last. */
	screen_key(&c, '/');
	screen_key(&c, UI_KEY_ENTER);
	CHECK_INT(list_count(top_list(&c)), 2);
	screen_key(&c, '/');
	type(&c, " in:nowhere");
	screen_key(&c, UI_KEY_ENTER);
	CHECK_INT(list_count(top_list(&c)), 0);
	CHECK(strstr(c.msg, "No community called \"nowhere\"") != NULL);
	/* Esc with no results leaves the screen. */
	screen_key(&c, UI_KEY_ESC);
	CHECK(screen_top(&c) == NULL);
}
