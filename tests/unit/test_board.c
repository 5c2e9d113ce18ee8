/* Community boards: tree order, depth cap, quoting (board.c) and the data
 * layer (db-board*.c): unread counting, last-read movement, the new-posts
 * scan order, refusals. */
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "rules/board.h"
#include "lib/wrap.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-rate.h"
#include "db/db-notice.h"
#include "db/db-user.h"
#include "db/db-internal.h"

TEST(board_paths_sort_in_tree_order)
{
	char root[BOARD_PATH_SZ], a[BOARD_PATH_SZ], b[BOARD_PATH_SZ], a1[BOARD_PATH_SZ];
	int d = -1;

	CHECK(board_path_child("", 0, 1, root, sizeof root, &d));
	CHECK_INT(d, 0);
	CHECK_INT(strlen(root), BOARD_SEG_LEN);
	CHECK(board_path_child(root, 0, 2, a, sizeof a, &d));
	CHECK_INT(d, 1);
	CHECK(board_path_child(root, 0, 3, b, sizeof b, &d));
	CHECK(board_path_child(a, 1, 36, a1, sizeof a1, &d));
	CHECK_INT(d, 2);
	/* root < a < a1 (a's reply, written later than b) < b */
	CHECK(strcmp(root, a) < 0);
	CHECK(strcmp(a, a1) < 0);
	CHECK(strcmp(a1, b) < 0);
	CHECK(!board_path_child(root, 0, BOARD_SEQ_MAX + 1, a, sizeof a, &d));
	CHECK(!board_path_child(root, 0, 5, a, 4, &d));
}

TEST(board_depth_is_capped)
{
	char path[BOARD_PATH_SZ], next[BOARD_PATH_SZ];
	int d = 0;

	CHECK(board_path_child("", 0, 1, path, sizeof path, &d));
	for (int i = 2; i < BOARD_DEPTH_MAX + 10; i++) {
		CHECK(board_path_child(path, d, i, next, sizeof next, &d));
		memcpy(path, next, sizeof path);
	}
	CHECK_INT(d, BOARD_DEPTH_MAX);
	CHECK_INT(strlen(path), (BOARD_DEPTH_MAX + 1) * BOARD_SEG_LEN);
	CHECK_INT(board_indent(2), 2);
	CHECK_INT(board_indent(BOARD_DEPTH_MAX), BOARD_INDENT_MAX);
}

/* A quote wrapped at any width still marks every row as quoted, in the
 * editor and in the thread alike (both draw through wrap_row). */
TEST(board_quote_markers_survive_wrapping_at_every_width)
{
	char *q = board_quote("Ann", "The first paragraph of the source post is long "
	    "enough to wrap on any terminal somebody might use, even a wide one "
	    "of a hundred and twenty columns or so.\nA second one, shorter.", 5);
	struct wrap_line *l = NULL;
	char row[256];

	for (size_t w = 10; w <= 160; w++) {
		size_t n = wrap_text(q, w, &l), quoted = 0;

		CHECK(n > 3);
		/* Row 0 is "Ann wrote:"; the quote runs until the blank row. */
		for (size_t i = 1; i < n && l[i].len + l[i].lead > 0; i++, quoted++) {
			wrap_row(q, &l[i], row, sizeof row);
			CHECK(strncmp(row, "> ", 2) == 0);
			CHECK(wrap_width(row, strlen(row)) <= w);
		}
		CHECK(quoted >= 2);
		free(l);
	}
	/* Nested markers carry over whole. */
	CHECK_INT(wrap_text("> > one two three four", 12, &l), 3);
	wrap_row("> > one two three four", &l[1], row, sizeof row);
	CHECK_STR(row, "> > three");
	free(l);
	free(q);
}

TEST(board_quote_prefixes_lines_and_drops_old_quotes)
{
	char *q = board_quote("Ann", "> older\nfirst\nsecond\nthird", 2);

	CHECK_STR(q, "Ann wrote:\n> first\n> second\n> ...\n\n");
	free(q);
	q = board_quote("Bob", "one", 5);
	CHECK_STR(q, "Bob wrote:\n> one\n\n");
	free(q);
	CHECK(board_is_unread(10, 2, 1, 9, 0));
	CHECK(!board_is_unread(10, 1, 1, 9, 0));	/* own post */
	CHECK(!board_is_unread(10, 2, 1, 10, 0));
	CHECK(!board_is_unread(10, 2, 1, 0, 12));
	CHECK_INT(board_read_advance(5, 3), 5);
	CHECK_INT(board_read_advance(5, 8), 8);
}

/* ann starts a thread in community 1, bob and cat reply. */
struct fx_board {
	struct db *db;
	int64_t ann, bob, cat;
	int64_t thread, root;
};

static bool
fx_board(struct fx_board *f)
{
	memset(f, 0, sizeof *f);
	if ((f->db = fx_db()) == NULL)
		return false;
	f->ann = fx_member(f->db, "ann", ROLE_ALUMNI);
	f->bob = fx_member(f->db, "bob", ROLE_STUDENT);
	f->cat = fx_member(f->db, "cat", ROLE_TRAINEE);
	return f->ann && f->bob && f->cat &&
	    db_board_thread_create(f->db, f->ann, 1, "Moving to Philly", "Where to live?", NULL,
	    &f->thread, &f->root) == 0;
}

TEST(board_thread_page_is_tree_order)
{
	struct fx_board f;
	struct board_post *p = NULL, *q = NULL;
	int64_t r1, r2, r11, r3;
	size_t n = 0, m = 0;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "Try Fairmount.", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "Try West Philly.", NULL, &r2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.ann, r1, "Thanks, how is parking?", NULL, &r11), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, r2, "Agreed.", NULL, &r3), ERR_OK);
	CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, NULL, false, false, 10, &p, &n, NULL),
	    ERR_OK);
	CHECK_INT(n, 5);
	CHECK_INT(p[0].id, f.root);
	CHECK_INT(p[1].id, r1);
	CHECK_INT(p[2].id, r11);
	CHECK_INT(p[2].depth, 2);
	CHECK_INT(p[2].parent_id, r1);
	CHECK_INT(p[3].id, r2);
	CHECK_INT(p[4].id, r3);
	CHECK_STR(p[2].body, "Thanks, how is parking?");
	/* Keyset paging: two, then the rest; backwards gives the first two. */
	db_board_posts_free(p, n);
	CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, NULL, false, false, 2, &p, &n, NULL),
	    ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, p[1].path, false, false, 10, &q, &m,
	    NULL),
	    ERR_OK);
	CHECK_INT(m, 3);
	CHECK_INT(q[0].id, r11);
	db_board_posts_free(p, n);
	CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, q[0].path, false, true, 10, &p, &n,
	    NULL),
	    ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(p[0].id, f.root);
	CHECK_INT(p[1].id, r1);
	db_board_posts_free(p, n);
	db_board_posts_free(q, m);
}

TEST(board_unread_counts_and_pointer_moves_forward_only)
{
	struct fx_board f;
	struct board_community com;
	struct board_thread t;
	char path[BOARD_PATH_SZ];
	int64_t r1, r2, count = -1;

	CHECK(fx_board(&f));
	/* Joining counts what is there as read. */
	CHECK_INT(db_board_community_join(f.db, f.bob, 1, 0), ERR_OK);
	CHECK_INT(db_board_community_get(f.db, f.bob, 1, &com), ERR_OK);
	CHECK(com.joined);
	CHECK_INT(com.unread, 0);
	CHECK_INT(db_board_post_reply(f.db, f.ann, f.root, "Any tips?", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "Yes.", NULL, &r2), ERR_OK);
	CHECK_INT(db_board_community_get(f.db, f.bob, 1, &com), ERR_OK);
	CHECK_INT(com.unread, 2);
	CHECK_INT(db_board_thread_get(f.db, f.bob, f.thread, &t), ERR_OK);
	CHECK(t.unread);
	CHECK_INT(t.post_count, 3);
	CHECK_INT(db_board_read_first_unread(f.db, f.bob, f.thread, path, sizeof path), ERR_OK);
	CHECK_INT(db_board_read_thread_unread(f.db, f.bob, f.thread, &count), ERR_OK);
	CHECK_INT(count, 2);
	CHECK_INT(db_board_read_mark(f.db, f.bob, f.thread, r1), ERR_OK);
	CHECK_INT(db_board_read_thread_unread(f.db, f.bob, f.thread, &count), ERR_OK);
	CHECK_INT(count, 1);
	/* Backwards is ignored. */
	CHECK_INT(db_board_read_mark(f.db, f.bob, f.thread, f.root), ERR_OK);
	CHECK_INT(db_board_read_thread_unread(f.db, f.bob, f.thread, &count), ERR_OK);
	CHECK_INT(count, 1);
	CHECK_INT(db_board_read_mark(f.db, f.bob, f.thread, r2 + 1000), ERR_OK);
	CHECK_INT(db_board_read_first_unread(f.db, f.bob, f.thread, path, sizeof path),
	    ERR_NOTFOUND);
	CHECK_INT(db_board_thread_get(f.db, f.bob, f.thread, &t), ERR_OK);
	CHECK(!t.unread);
	/* One's own reply never counts as unread; a muted thread neither. */
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "Mine.", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_community_get(f.db, f.bob, 1, &com), ERR_OK);
	CHECK_INT(com.unread, 0);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "More.", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_read_follow(f.db, f.bob, f.thread, -1), ERR_OK);
	CHECK_INT(db_board_community_get(f.db, f.bob, 1, &com), ERR_OK);
	CHECK_INT(com.unread, 0);
	CHECK_INT(db_board_read_follow(f.db, f.bob, f.thread, 2), ERR_INVALID);
	CHECK_INT(db_board_read_mark(f.db, f.bob, 9999, 1), ERR_NOTFOUND);
}

TEST(board_scan_walks_communities_threads_then_posts_in_order)
{
	struct fx_board f;
	struct board_post p;
	int64_t t2, root2, t3, root3, r1, r2, r3, count = 0, want[4];
	size_t i = 0;

	CHECK(fx_board(&f));
	/* Community 1 is Philadelphia, 3 Boston: Boston sorts first. */
	CHECK_INT(db_board_community_join(f.db, f.bob, 1, 0), ERR_OK);
	CHECK_INT(db_board_community_join(f.db, f.bob, 3, 0), ERR_OK);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 1, "Second", "Body two", NULL, &t2, &root2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.ann, f.root, "Late reply in the first", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_thread_create(f.db, f.ann, 3, "Boston", "Body three", NULL, &t3, &root3), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, root2, "Reply in second", NULL, &r2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, root2, "bob's own", NULL, &r3), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.bob, &count), ERR_OK);
	CHECK_INT(count, 4);
	/* Boston first; then Philadelphia thread by thread, the threads in the
	 * order of their oldest unread post (root2 is older than r1). */
	want[0] = root3;
	want[1] = root2;
	want[2] = r2;
	want[3] = r1;
	while (db_board_read_next(f.db, f.bob, i > 0 ? p.thread_id : 0, &p) == 0) {
		CHECK(i < 4);
		CHECK_INT(p.id, want[i]);
		CHECK_INT(db_board_read_mark(f.db, f.bob, p.thread_id, p.id), ERR_OK);
		free(p.body);
		i++;
	}
	CHECK_INT(i, 4);
	/* Mark all read: nothing left. */
	CHECK_INT(db_board_post_reply(f.db, f.ann, f.root, "Another", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.bob, &count), ERR_OK);
	CHECK_INT(count, 1);
	CHECK_INT(db_board_community_mark_read(f.db, f.bob, 0), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.bob, &count), ERR_OK);
	CHECK_INT(count, 0);
	CHECK_INT(db_board_read_next(f.db, f.bob, 0, &p), ERR_NOTFOUND);
}

TEST(board_followed_thread_outside_joined_shows_in_scan)
{
	struct fx_board f;
	int64_t r1, count = -1, unseen = 0;
	struct notice newest;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_read_follow(f.db, f.bob, f.thread, 1), ERR_OK);
	CHECK_INT(db_board_read_mark(f.db, f.bob, f.thread, f.root), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "Follow me", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.bob, &count), ERR_OK);
	CHECK_INT(count, 1);
	/* bob follows: a notice; ann's post was answered: a notice. */
	CHECK_INT(db_notice_unseen(f.db, f.bob, &unseen, &newest), ERR_OK);
	CHECK_INT(unseen, 1);
	CHECK(strstr(newest.text, "a thread you follow") != NULL);
	CHECK_INT(db_notice_unseen(f.db, f.ann, &unseen, &newest), ERR_OK);
	CHECK_INT(unseen, 1);
	CHECK(strstr(newest.text, "replied to your post") != NULL);
	/* The replier hears nothing of their own reply. */
	CHECK_INT(db_notice_unseen(f.db, f.cat, &unseen, &newest), ERR_OK);
	CHECK_INT(unseen, 0);
}

TEST(board_refuses_pending_strangers_and_bad_text)
{
	struct fx_board f;
	int64_t r1, t, p;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "ok", NULL, &r1), ERR_OK);
	/* Only the author edits or deletes. */
	CHECK_INT(db_board_post_edit(f.db, f.cat, r1, "hijack"), ERR_DENIED);
	CHECK_INT(db_board_post_delete(f.db, f.cat, r1), ERR_DENIED);
	CHECK_INT(db_board_post_edit(f.db, f.bob, r1, "better"), ERR_OK);
	CHECK_INT(db_board_post_edit(f.db, f.bob, r1, "bad \x1b[2J"), ERR_INVALID);
	CHECK_INT(db_board_post_edit(f.db, f.bob, r1, "  \n "), ERR_INVALID);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "", "body", NULL, &t, &p), ERR_INVALID);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "t\x1b]0;x\a", "body", NULL, &t, &p),
	    ERR_INVALID);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 999, "t", "body", NULL, &t, &p), ERR_NOTFOUND);
	CHECK_INT(db_board_thread_create(f.db, 0, 1, "t", "body", NULL, &t, &p), ERR_DENIED);
	CHECK_INT(db_board_post_reply(f.db, f.bob, 99999, "x", NULL, &r1), ERR_NOTFOUND);
	/* Pending members only read. */
	CHECK_INT(db_user_set_status(f.db, 0, f.cat, STATUS_PENDING), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "hello", NULL, &r1), ERR_DENIED);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 1, "t", "body", NULL, &t, &p), ERR_DENIED);
	CHECK_INT(db_board_community_join(f.db, f.cat, 1, 0), ERR_OK);
	/* Deletion leaves a stub in place. */
	CHECK_INT(db_board_post_delete(f.db, f.ann, f.root), ERR_OK);
	CHECK_INT(db_board_post_edit(f.db, f.ann, f.root, "again"), ERR_NOTFOUND);
	{
		struct board_post *pg = NULL;
		size_t n = 0;

		CHECK_INT(db_board_post_page(f.db, f.bob, f.thread, NULL, false, false, 10,
		    &pg, &n, NULL), ERR_OK);
		CHECK_INT(n, 2);
		CHECK(pg[0].deleted);
		CHECK_STR(pg[0].body, "");
		CHECK_STR(pg[1].body, "better");
		CHECK(pg[1].edited_at > 0);
		db_board_posts_free(pg, n);
	}
}

TEST(board_blocked_members_posts_are_withheld)
{
	struct fx_board f;
	struct board_post *pg = NULL;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t r1;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "secret words here", NULL, &r1), ERR_OK);
	CHECK_INT(db_block_add(f.db, f.cat, f.bob), ERR_OK);
	CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, NULL, false, false, 10, &pg, &n, NULL),
	    ERR_OK);
	CHECK_INT(n, 2);
	CHECK(pg[1].blocked);
	CHECK_STR(pg[1].body, "");
	db_board_posts_free(pg, n);
	/* Both ways: bob does not see cat's posts either, ann sees all. */
	CHECK_INT(db_board_post_page(f.db, f.ann, f.thread, NULL, false, false, 10, &pg, &n, NULL),
	    ERR_OK);
	CHECK(!pg[1].blocked);
	CHECK_STR(pg[1].body, "secret words here");
	db_board_posts_free(pg, n);
	CHECK_INT(db_board_search(f.db, f.cat, "secret", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
}

TEST(board_search_words_phrases_prefix_and_filters)
{
	struct fx_board f;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t r1, t2, p2;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "Residency interviews in Boston", NULL,
	    &r1), ERR_OK);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 3, "Interviews", "Interview season tips", NULL,
	    &t2, &p2), ERR_OK);
	CHECK_INT(db_board_search(f.db, f.ann, "interview*", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "\"residency interviews\"", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, r1);
	CHECK_STR(hits[0].title, "Moving to Philly");
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "interview* author:cat", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, p2);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "interview* in:philadelphia", 10, &hits, &n),
	    ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, r1);
	free(hits);
	/* Punctuation is read as words, not as FTS5 syntax. */
	CHECK_INT(db_board_search(f.db, f.ann, "residency-interviews", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "season: tips", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "", 10, &hits, &n), ERR_INVALID);
	/* An unclosed quote is a phrase to the end, not an FTS5 error. */
	CHECK_INT(db_board_search(f.db, f.ann, "\"unbalanced AND", 10, &hits, &n), ERR_OK);
	free(hits);
	CHECK_INT(db_board_search(f.db, 0, "boston", 10, &hits, &n), ERR_DENIED);
}

TEST(board_requests_and_drafts_belong_to_their_member)
{
	struct fx_board f;
	struct board_request *rq = NULL;
	char *text = NULL, key[BOARD_DRAFT_KEY_SZ];
	int64_t id, at = 0;
	size_t n = 0;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_request_create(f.db, f.bob, "Denver", "region", "Colorado",
	    "Many of us live there", &id), ERR_OK);
	CHECK_INT(db_board_request_create(f.db, f.bob, "denver", "region", "", "again", &id),
	    ERR_EXISTS);
	CHECK_INT(db_board_request_create(f.db, f.bob, "Boston", "region", "", "dup", &id),
	    ERR_EXISTS);
	CHECK_INT(db_board_request_create(f.db, f.bob, "X", "planet", "", "why", &id),
	    ERR_INVALID);
	CHECK_INT(db_board_request_create(f.db, f.bob, "Y", "career", "", "", &id), ERR_INVALID);
	CHECK_INT(db_board_request_moderate(f.db, f.cat, 2, "I live in NYC", true, &id), ERR_OK);
	CHECK_INT(db_board_request_moderate(f.db, f.cat, 2, "again", true, &id), ERR_EXISTS);
	CHECK_INT(db_board_request_list(f.db, f.bob, &rq, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rq[0].name, "Denver");
	CHECK_STR(rq[0].status, "open");
	free(rq);
	CHECK_INT(db_board_request_list(f.db, f.cat, &rq, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_STR(rq[0].kind, "moderate");
	CHECK_STR(rq[0].name, "New York City");
	free(rq);
	CHECK_INT(db_user_set_status(f.db, 0, f.cat, STATUS_PENDING), ERR_OK);
	CHECK_INT(db_board_request_moderate(f.db, f.cat, 3, "Boston", true, &id), ERR_DENIED);

	CHECK_INT(db_board_draft_save(f.db, f.bob, "board:reply:1", "half a reply"), ERR_OK);
	CHECK_INT(db_board_draft_get(f.db, f.ann, "board:reply:1", &text, &at), ERR_NOTFOUND);
	CHECK_INT(db_board_draft_get(f.db, f.bob, "board:reply:1", &text, &at), ERR_OK);
	CHECK_STR(text, "half a reply");
	free(text);
	CHECK_INT(db_board_draft_save(f.db, f.bob, "msg:9", "a message"), ERR_OK);
	CHECK_INT(db_board_draft_latest(f.db, f.bob, "board:", key, sizeof key, &at), ERR_OK);
	CHECK_STR(key, "board:reply:1");
	CHECK_INT(db_board_draft_delete(f.db, f.bob, "msg:9"), ERR_OK);
	CHECK_INT(db_board_draft_save(f.db, 0, "k", "x"), ERR_DENIED);
	CHECK_INT(db_board_draft_save(f.db, f.bob, "", "x"), ERR_INVALID);
	CHECK_INT(db_board_draft_delete(f.db, f.bob, "board:reply:1"), ERR_OK);
	CHECK_INT(db_board_draft_latest(f.db, f.bob, "", key, sizeof key, &at), ERR_NOTFOUND);
}

/* The posting rate limit (issue 12 point 19): the token bucket of
 * ratelimit.h over the author's posts, threads and replies alike, a
 * smaller pair for members who joined in the last day; nothing is stored
 * when refused, and the sentence says when the next post is possible. */
TEST(board_posting_is_rate_limited)
{
	/* Members: 4 in a row, 64 an hour (one more a minute); new: 2 and 32. */
	struct board_limits lim = { .rate = { { 4, 64 }, { 2, 32 } } };
	struct fx_board f;
	int64_t r = 0, t = 0, p = 0, now = db_now();
	char why[320];

	CHECK(fx_board(&f));
	db_set_now_for_tests(now);
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "one", &lim, &r), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "two", &lim, &r), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "three", &lim, &r),
	    ERR_TOO_FAST);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "t", "body", &lim, &t, &p),
	    ERR_TOO_FAST);
	db_rate_why(f.db, f.bob, RATE_POSTS, &lim.rate, why, sizeof why);
	CHECK(strstr(why, "more than 2 posts in a short time: you can post again in 2 "
	    "minutes (at ") != NULL);
	/* Another member is not held back by bob's posts. */
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "mine", &lim, &r), ERR_OK);
	/* The new members' bucket refills by 30 an hour: one every 2 minutes. */
	db_set_now_for_tests(now + 119);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "t", "body", &lim, &t, &p),
	    ERR_TOO_FAST);
	db_set_now_for_tests(now + 120);
	CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "t", "body", &lim, &t, &p), ERR_OK);
	/* After his first day the member's pair applies: 4 in a row. */
	db_set_now_for_tests(now + 2 * 86400);
	for (int i = 0; i < 4; i++)
		CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "more", &lim, &r), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "too many", &lim, &r),
	    ERR_TOO_FAST);
	db_set_now_for_tests(0);
	{
		struct board_thread th;

		CHECK_INT(db_board_thread_get(f.db, f.bob, f.thread, &th), ERR_OK);
		CHECK_INT(th.post_count, 1 + 2 + 1 + 4);
	}
}

/* A member has at most BOARD_REQUESTS_PENDING_MAX pending requests, and
 * the list of their requests is bounded (newest first). */
TEST(board_requests_are_capped_and_listed_bounded)
{
	struct fx_board f;
	struct board_request *rq = NULL;
	char name[32];
	int64_t id = 0;
	size_t n = 0;

	CHECK(fx_board(&f));
	for (int i = 0; i < BOARD_REQUESTS_PENDING_MAX - 1; i++) {
		snprintf(name, sizeof name, "Town %d", i);
		CHECK_INT(db_board_request_create(f.db, f.bob, name, "region", "", "why", &id),
		    ERR_OK);
	}
	CHECK_INT(db_board_request_moderate(f.db, f.bob, 2, "I can help", true, &id), ERR_OK);
	CHECK_INT(db_board_request_create(f.db, f.bob, "One more", "region", "", "why", &id),
	    ERR_DENIED);
	CHECK_INT(db_board_request_moderate(f.db, f.bob, 3, "I can help", true, &id), ERR_DENIED);
	/* cat is not held back by bob's requests. */
	CHECK_INT(db_board_request_create(f.db, f.cat, "One more", "region", "", "why", &id),
	    ERR_OK);
	/* Decided requests make room; the list stops at the newest
	 * BOARD_REQUESTS_LIST_MAX. */
	for (int i = 0; i < BOARD_REQUESTS_LIST_MAX / BOARD_REQUESTS_PENDING_MAX + 1; i++) {
		CHECK_INT(sqlite3_exec(db_sqlite(f.db), "UPDATE community_requests SET "
		    "status = 'declined'", NULL, NULL, NULL), SQLITE_OK);
		for (int j = 0; j < BOARD_REQUESTS_PENDING_MAX; j++) {
			snprintf(name, sizeof name, "Place %d-%d", i, j);
			CHECK_INT(db_board_request_create(f.db, f.bob, name, "career", "", "why",
			    &id), ERR_OK);
		}
	}
	CHECK_INT(db_board_request_list(f.db, f.bob, &rq, &n), ERR_OK);
	CHECK_INT(n, BOARD_REQUESTS_LIST_MAX);
	CHECK_INT(rq[0].id, id);
	CHECK_STR(rq[0].status, "open");
	free(rq);
}

/* A thread list page read backwards comes back in display order (newest
 * activity first), the same rows as reading forwards. */
TEST(board_thread_page_backwards_in_display_order)
{
	struct fx_board f;
	struct board_thread *fw = NULL, *bw = NULL;
	struct board_thread_key key;
	int64_t t = 0, p = 0, now = db_now();
	size_t n = 0, m = 0;

	CHECK(fx_board(&f));
	for (int i = 1; i <= 3; i++) {
		db_set_now_for_tests(now + i * 10);
		CHECK_INT(db_board_thread_create(f.db, f.bob, 1, "t", "body", NULL, &t, &p), ERR_OK);
	}
	db_set_now_for_tests(0);
	CHECK_INT(db_board_thread_page(f.db, f.bob, 1, NULL, false, 10, &fw, &n), ERR_OK);
	CHECK_INT(n, 4);
	key = (struct board_thread_key){ fw[3].pinned, fw[3].last_post_at, fw[3].id };
	CHECK_INT(db_board_thread_page(f.db, f.bob, 1, &key, true, 2, &bw, &m), ERR_OK);
	CHECK_INT(m, 2);
	CHECK_INT(bw[0].id, fw[1].id);
	CHECK_INT(bw[1].id, fw[2].id);
	free(fw);
	free(bw);
}

/* The thread screen marks the page the member had on screen: the pointer
 * moves to the page's newest post but never past an unread post outside
 * the page, and a reply written after the page was seen stays unread. */
TEST(board_mark_page_counts_only_what_was_on_screen)
{
	struct fx_board f;
	struct board_post *p = NULL;
	char path[BOARD_PATH_SZ];
	int64_t r1, r2, r11, r3, count = -1;
	size_t n = 0;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "Try Fairmount.", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "Try West Philly.", NULL, &r2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, r1, "Parking is easy.", NULL, &r11), ERR_OK);
	/* Tree order: root, r1, r11, r2. Ann sees the first three. */
	CHECK_INT(db_board_post_page(f.db, f.ann, f.thread, NULL, false, false, 3, &p, &n, NULL),
	    ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(p[2].id, r11);
	CHECK_INT(db_board_read_mark_page(f.db, f.ann, f.thread, p[0].path, p[2].path), ERR_OK);
	/* r2 (older than r11, on the next page) was not seen: still unread. */
	CHECK_INT(db_board_read_thread_unread(f.db, f.ann, f.thread, &count), ERR_OK);
	CHECK(count >= 1);
	CHECK_INT(db_board_read_first_unread(f.db, f.ann, f.thread, path, sizeof path), ERR_OK);
	CHECK(strcmp(path, p[2].path) >= 0);
	db_board_posts_free(p, n);
	/* The whole thread on screen; then a reply arrives: it stays unread. */
	CHECK_INT(db_board_post_page(f.db, f.ann, f.thread, NULL, false, false, 10, &p, &n, NULL),
	    ERR_OK);
	CHECK_INT(n, 4);
	CHECK_INT(db_board_read_mark_page(f.db, f.ann, f.thread, p[0].path, p[3].path), ERR_OK);
	CHECK_INT(db_board_read_thread_unread(f.db, f.ann, f.thread, &count), ERR_OK);
	CHECK_INT(count, 0);
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "Late reply.", NULL, &r3), ERR_OK);
	CHECK_INT(db_board_read_mark_page(f.db, f.ann, f.thread, p[0].path, p[3].path), ERR_OK);
	CHECK_INT(db_board_read_thread_unread(f.db, f.ann, f.thread, &count), ERR_OK);
	CHECK_INT(count, 1);
	db_board_posts_free(p, n);
	/* Refusals: a page backwards, a suspended reader. */
	CHECK_INT(db_board_read_mark_page(f.db, f.ann, f.thread, "b", "a"), ERR_INVALID);
	CHECK_INT(db_board_read_mark_page(f.db, 0, f.thread, "a", "b"), ERR_DENIED);
}

TEST(board_query_parse_takes_filters_with_quoted_values)
{
	struct board_query q;

	board_query_parse("grant* In:\"new york\" AUTHOR:cat \"match day\" e.g.", &q);
	CHECK_STR(q.words, "\"grant\"* \"match day\" \"e.g.\"");
	CHECK_STR(q.in, "new york");
	CHECK_STR(q.author, "cat");
	board_query_parse("in:Boston", &q);
	CHECK_STR(q.words, "");
	CHECK_STR(q.in, "Boston");
}

/* A filter with nothing after it says what it needs instead of searching
 * for the word "author"; the author is a login, folded like every login. */
TEST(board_query_parse_refuses_a_bare_filter_and_folds_the_author)
{
	struct board_query q;

	board_query_parse("author:", &q);
	CHECK_STR(q.refused, BOARD_AUTHOR_EMPTY_WHY);
	CHECK_STR(q.words, "");
	board_query_parse("parking in:", &q);
	CHECK_STR(q.refused, BOARD_IN_EMPTY_WHY);
	board_query_parse("author:\"\" parking", &q);
	CHECK_STR(q.refused, BOARD_AUTHOR_EMPTY_WHY);
	board_query_parse("author:Cat", &q);
	CHECK(q.refused == NULL);
	CHECK_STR(q.author, "cat");
}

/* in: takes a community's name or slug, any case, or the start of it; an
 * unknown one is ERR_NOTFOUND (the screen names it). */
TEST(board_search_in_takes_names_any_case_and_refuses_unknown)
{
	struct fx_board f;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t nyc = 0, t2, p2, t3, p3;
	struct board_community *coms = NULL;
	size_t ncoms = 0;
	const char *ok[] = { "tips in:nyc", "tips in:NYC", "tips in:\"new york\"",
	    "tips in:New" };

	CHECK(fx_board(&f));
	CHECK_INT(db_board_community_list(f.db, f.ann, false, &coms, &ncoms), ERR_OK);
	for (size_t i = 0; i < ncoms; i++)
		if (strcmp(coms[i].slug, "nyc") == 0)
			nyc = coms[i].id;
	free(coms);
	CHECK(nyc > 0);
	CHECK_INT(db_board_thread_create(f.db, f.cat, nyc, "Subway", "Subway tips", NULL, &t2,
	    &p2), ERR_OK);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 1, "Rowhouses", "Rowhouse tips", NULL,
	    &t3, &p3), ERR_OK);
	for (size_t i = 0; i < 4; i++) {
		CHECK_INT(db_board_search(f.db, f.ann, ok[i], 10, &hits, &n), ERR_OK);
		CHECK_INT(n, 1);
		CHECK_INT(hits[0].post_id, p2);
		free(hits);
	}
	CHECK_INT(db_board_search(f.db, f.ann, "tips in:philadelphia", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, p3);
	free(hits);
	/* Exact names win over longer ones that start the same. */
	CHECK_INT(db_board_search(f.db, f.ann, "tips in:Boston", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "tips in:atlantis", 10, &hits, &n), ERR_NOTFOUND);
	CHECK_INT(db_board_search(f.db, f.ann, "tips in:%", 10, &hits, &n), ERR_NOTFOUND);
	CHECK_INT(db_board_search(f.db, f.ann, "tips in:_yc", 10, &hits, &n), ERR_NOTFOUND);
}

/* author: or in: alone: the newest posts they allow, newest first, at
 * most max. */
TEST(board_search_filters_alone_list_newest_posts)
{
	struct fx_board f;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t r1, r2, r3, t2, p2;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "First from cat", NULL, &r1), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "One from bob", NULL, &r2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.cat, r2, "Second from cat", NULL, &r3), ERR_OK);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 3, "Elsewhere", "Third from cat", NULL,
	    &t2, &p2), ERR_OK);
	CHECK_INT(db_board_search(f.db, f.ann, "author:cat", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(hits[0].post_id, p2);
	CHECK_INT(hits[1].post_id, r3);
	CHECK_INT(hits[2].post_id, r1);
	CHECK_STR(hits[1].snippet, "Second from cat");
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "author:cat", 2, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "author:cat in:philadelphia", 10, &hits, &n),
	    ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(hits[0].post_id, r3);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "in:philadelphia", 3, &hits, &n), ERR_OK);
	CHECK_INT(n, 3);
	CHECK_INT(hits[0].post_id, r3);
	CHECK_INT(hits[1].post_id, r2);
	CHECK_INT(hits[2].post_id, r1);
	free(hits);
	/* A prefix naming several communities merges them, newest first. */
	CHECK_INT(db_board_search(f.db, f.ann, "in:p", 2, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(hits[0].post_id, r3);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "author:nobody", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 0);
	free(hits);
}

/* Thread titles are searched: a title hit stands for the first post. */
TEST(board_search_finds_thread_titles)
{
	struct fx_board f;
	struct board_hit *hits = NULL;
	size_t n = 0;
	int64_t t2, p2, r1;

	CHECK(fx_board(&f));
	CHECK_INT(db_board_thread_create(f.db, f.cat, 1, "Grant writing", "Who has tips for an "
	    "R01?", NULL, &t2, &p2), ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.bob, p2, "Start early; a grant takes months.", NULL,
	    &r1), ERR_OK);
	CHECK_INT(db_board_search(f.db, f.ann, "writing", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, p2);
	CHECK_STR(hits[0].title, "Grant writing");
	CHECK(strstr(hits[0].snippet, "R01") != NULL);
	free(hits);
	/* Title and body hits together, each post once. */
	CHECK_INT(db_board_search(f.db, f.ann, "grant*", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 2);
	CHECK(hits[0].post_id != hits[1].post_id);
	free(hits);
	CHECK_INT(db_board_search(f.db, f.ann, "grant* author:bob", 10, &hits, &n), ERR_OK);
	CHECK_INT(n, 1);
	CHECK_INT(hits[0].post_id, r1);
	free(hits);
}

TEST(board_wording_plurals_follow_hints_and_fitting)
{
	static const char *const more[] = { "q back", "? help", NULL };
	char buf[160];

	board_community_about(buf, sizeof buf, true, 1, true);
	CHECK_STR(buf, "regional network, 1 member, joined");
	board_community_about(buf, sizeof buf, false, 0, false);
	CHECK_STR(buf, "career path, 0 members");
	board_community_about(buf, sizeof buf, true, 2, false);
	CHECK_STR(buf, "regional network, 2 members");
	/* The footer offers the way back out of the current state. */
	CHECK(strstr(board_thread_hints(0), "f follow") != NULL);
	CHECK(strstr(board_thread_hints(0), "x mute") != NULL);
	CHECK(strstr(board_thread_hints(1), "f unfollow") != NULL);
	CHECK(strstr(board_thread_hints(-1), "x unmute") != NULL);
	for (int f = -1; f <= 1; f++) {
		CHECK(strstr(board_thread_hints(f), "? help") != NULL);
		CHECK(strstr(board_thread_hints(f), "? more") == NULL);
		CHECK(strlen(board_thread_hints(f)) <= 78);
	}
	/* Extra hints go in while they fit. */
	board_hints_fit(buf, sizeof buf, "Enter open", more, 78);
	CHECK_STR(buf, "Enter open  q back  ? help");
	board_hints_fit(buf, sizeof buf, "Enter open", more, 20);
	CHECK_STR(buf, "Enter open  q back");
	board_hints_fit(buf, sizeof buf, "Enter open", more, 12);
	CHECK_STR(buf, "Enter open");
}

/* The page query says whether the thread goes on either side, from the
 * page's own rows (max + 1) and the path it started from: exactly a page
 * has nothing after it, a page and one more post has. */
static const struct page_case {
	int posts;			/* posts in the thread when read */
	int from;			/* index of the post it starts from; -1 "", -2 "~" */
	bool inclusive, backwards;
	size_t max, n;
	int first;			/* index of the first post returned */
	bool before, after;
} page_cases[] = {
	{ 4, -1, false, false, 4, 4, 0, false, false },	/* exactly a page */
	{ 4, -2, false, true, 4, 4, 0, false, false },
	{ 5, -1, false, false, 4, 4, 0, false, true },	/* a page + 1 */
	{ 5, 3, false, false, 4, 1, 4, true, false },	/* the next page */
	{ 5, 1, true, false, 4, 4, 1, true, false },	/* from a post on */
	{ 5, 1, true, false, 3, 3, 1, true, true },
	{ 5, -2, false, true, 4, 4, 1, true, false },	/* the last page */
	{ 5, 3, false, true, 4, 3, 0, false, true },	/* the page before */
	{ 5, -2, false, true, 5, 5, 0, false, false },
	{ 5, -2, false, false, 4, 0, 0, false, false },	/* past the end: no sides */
};

TEST(board_post_page_says_what_lies_either_side)
{
	struct fx_board f;
	struct board_post *all = NULL, *p = NULL;
	struct board_post_more more;
	int64_t r;
	size_t nall = 0, n = 0;

	CHECK(fx_board(&f));
	for (int i = 0; i < 3; i++)
		CHECK_INT(db_board_post_reply(f.db, f.bob, f.root, "A reply.", NULL, &r), ERR_OK);
	for (int posts = 4; posts <= 5; posts++) {
		if (posts == 5)
			CHECK_INT(db_board_post_reply(f.db, f.cat, f.root, "One more.", NULL, &r),
			    ERR_OK);
		db_board_posts_free(all, nall);
		all = NULL;
		CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, NULL, false, false, 10, &all,
		    &nall, NULL), ERR_OK);
		CHECK_INT(nall, posts);
		for (size_t i = 0; i < sizeof page_cases / sizeof page_cases[0]; i++) {
			const struct page_case *c = &page_cases[i];
			const char *from = c->from >= 0 ? all[c->from].path : c->from == -1 ? "" :
			    "~";

			if (c->posts != posts)
				continue;
			more = (struct board_post_more){ !c->before, !c->after };
			CHECK_INT(db_board_post_page(f.db, f.cat, f.thread, from, c->inclusive,
			    c->backwards, c->max, &p, &n, &more), ERR_OK);
			CHECK_INT(n, c->n);
			/* In tree order, whichever way it was read. */
			CHECK(n == 0 || (p[0].id == all[c->first].id &&
			    p[n - 1].id == all[c->first + (int)n - 1].id));
			CHECK_INT(more.before, c->before);
			CHECK_INT(more.after, c->after);
			db_board_posts_free(p, n);
		}
	}
	/* A refusal leaves more as it was. */
	more = (struct board_post_more){ true, false };
	p = NULL;
	CHECK_INT(db_board_post_page(f.db, 0, f.thread, NULL, false, false, 4, &p, &n, &more),
	    ERR_DENIED);
	CHECK(p == NULL && more.before && !more.after);
	db_board_posts_free(all, nall);
}

/* A newcomer's new-posts scan is not empty: joining leaves the posts of
 * the last unread_days unread, and marks only the older ones read. */
TEST(board_join_leaves_the_recent_posts_unread)
{
	struct fx_board f;
	int64_t t0 = 1790000000, t, root, reply, count = -1;

	db_set_now_for_tests(t0);
	CHECK(fx_board(&f));	/* "Moving to Philly": 30 days before the join */
	db_set_now_for_tests(t0 + 10 * 86400);
	CHECK_INT(db_board_thread_create(f.db, f.ann, 1, "Twenty days ago", "Older than 14",
	    NULL, &t, &root), ERR_OK);
	db_set_now_for_tests(t0 + 25 * 86400);
	CHECK_INT(db_board_thread_create(f.db, f.cat, 1, "Last week", "Recent", NULL, &t, &root),
	    ERR_OK);
	CHECK_INT(db_board_post_reply(f.db, f.ann, root, "Recent reply", NULL, &reply),
	    ERR_OK);
	db_set_now_for_tests(t0 + 30 * 86400);
	CHECK_INT(db_board_community_join(f.db, f.bob, 1, 14), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.bob, &count), ERR_OK);
	CHECK_INT(count, 2);
	/* 0 days: everything before the join is read, as before. */
	CHECK_INT(db_board_community_join(f.db, f.bob, 3, 14), ERR_OK);
	CHECK_INT(db_board_community_join(f.db, f.cat, 1, 0), ERR_OK);
	CHECK_INT(db_board_read_count(f.db, f.cat, &count), ERR_OK);
	CHECK_INT(count, 0);
	db_set_now_for_tests(0);
}
