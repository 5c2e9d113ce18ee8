/* Community boards in the database: membership, threads, posts, last-read
 * pointers, follow/mute, the new-posts scan, search, requests and editor
 * drafts. One header for the family of db-board*.c files; each function's
 * prefix names its file:
 *   db_board_community_*  db-board.c        communities and membership
 *   db_board_thread_*     db-board-thread.c threads, the thread list
 *   db_board_post_*       db-board-post.c   posts, tree pages, replies
 *   db_board_read_*       db-board-read.c   pointers, follow/mute, scan
 *   db_board_search       db-board-search.c FTS5
 *   db_board_request_*    db-board-request.c
 *   db_board_draft_*      db-board-draft.c
 *
 * Every function takes the acting member (actor_id). Reading needs a
 * member who is not suspended; writing posts or requests needs an active
 * member who accepted the rules (pending members only read): ERR_DENIED
 * otherwise. Text is checked here again (ERR_INVALID). Posts by a member the
 * reader blocked, or who blocked the reader, come back with blocked set and
 * no body. */
#ifndef DB_BOARD_H
#define DB_BOARD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/board.h"
#include "rules/member.h"

struct db;

/* Returned by db_board_thread_create and db_board_post_reply when the
 * actor already wrote their per-minute share of posts (struct
 * board_limits). A failure code of its own, beside db.h's, so the screen
 * can say so and keep the text; callers that test != 0 still see a
 * failure. */

/* ---- db-board.c: communities ---- */

struct board_community {
	int64_t id;
	char slug[65];
	char name[BOARD_NAME_MAX * 4 + 1];
	char kind[16];			/* "region" or "career" */
	char description[BOARD_DESC_MAX * 4 + 1];
	char moderators[MEMBER_FIELD_SZ]; /* display names, comma separated */
	int64_t members;
	int64_t last_post_at;		/* 0: no posts yet */
	bool joined;
	int64_t unread;			/* unread posts, joined communities only;
					 * counted up to BOARD_COUNT_CAP */
};

/* All communities (mine_only: only those actor joined), regions first,
 * then by name. Caller frees *out with free(). */
int db_board_community_list(struct db *db, int64_t actor_id, bool mine_only,
    struct board_community **out, size_t *n);
int db_board_community_get(struct db *db, int64_t actor_id, int64_t id,
    struct board_community *out);
/* Joining counts the posts already there as read. Joining twice and
 * leaving when not a member are ERR_OK. */
int db_board_community_join(struct db *db, int64_t actor_id, int64_t community_id,
    int unread_days);
int db_board_community_leave(struct db *db, int64_t actor_id, int64_t community_id);
/* Marks every post in the community read (community_id 0: in all of the
 * actor's communities). */
int db_board_community_mark_read(struct db *db, int64_t actor_id, int64_t community_id);

/* ---- db-board-thread.c and db-board-post.c: threads and posts ---- */

struct board_thread {
	int64_t id, community_id, author_id;
	char author[MEMBER_NAME_SZ];
	char title[BOARD_TITLE_SZ];
	int64_t created_at, last_post_at, last_post_id, post_count;
	bool pinned;
	bool unread;			/* has posts the actor has not read */
	bool blocked;			/* started by a blocked member */
	int follow;			/* 1 following, -1 muted, 0 neither */
	bool locked;			/* replies refused (db-thread-mod.h) */
	int slow_seconds;		/* slow mode; 0: off */
};

/* Where a thread list page starts: the sort key of a row. */
struct board_thread_key {
	bool pinned;
	int64_t last_post_at, id;
};

struct board_post {
	int64_t id, thread_id, community_id, parent_id, author_id;
	char author[MEMBER_NAME_SZ];
	char path[BOARD_PATH_SZ];
	int depth;
	char *body;			/* owned; "" when deleted, blocked or hidden
					 * (from all but the author); removed: the
					 * stub "[removed by a moderator: REASON]" */
	int64_t created_at, edited_at;	/* edited_at 0: never edited */
	bool deleted, blocked, unread;
	int hidden;			/* 1 hidden pending review, 2 by a moderator */
	bool removed;			/* deleted by a moderator (body is the stub) */
};

/* Frees the bodies and the array; NULL is fine. */
void db_board_posts_free(struct board_post *p, size_t n);

/* Starts a thread: its first post is body. Sets *thread_id and *post_id.
 * lim: the posting rate limit, counted with the insert in one transaction
 * (ERR_TOO_FAST over it); NULL only for the sysop's seed and
 * benchmarks, which have no limit. */
int db_board_thread_create(struct db *db, int64_t actor_id, int64_t community_id,
    const char *title, const char *body, const struct board_limits *lim,
    int64_t *thread_id, int64_t *post_id);
int db_board_thread_get(struct db *db, int64_t actor_id, int64_t thread_id,
    struct board_thread *out);
/* One page of a community's threads, pinned first then by last activity.
 * after NULL: the first page; otherwise the rows after that key (or before
 * it, with backwards, still returned in display order). At most max rows.
 * Caller frees *out with free(). */
int db_board_thread_page(struct db *db, int64_t actor_id, int64_t community_id,
    const struct board_thread_key *after, bool backwards, size_t max,
    struct board_thread **out, size_t *n);

/* Replies to post parent_id (a reply to the thread answers its first
 * post). Notices go to the parent's author and the thread's followers.
 * lim as for db_board_thread_create. */
int db_board_post_reply(struct db *db, int64_t actor_id, int64_t parent_id,
    const char *body, const struct board_limits *lim, int64_t *post_id);
/* Owner (or an admin) edits or deletes a post; a deleted post stays as a
 * stub so its replies keep their place. */
int db_board_post_edit(struct db *db, int64_t actor_id, int64_t post_id, const char *body);
int db_board_post_delete(struct db *db, int64_t actor_id, int64_t post_id);
/* One post. On success out->body is the caller's: free(out->body) (not
 * db_board_posts_free, which frees an array it was given). */
int db_board_post_get(struct db *db, int64_t actor_id, int64_t post_id,
    struct board_post *out);
/* What lies either side of a page of posts. */
struct board_post_more {
	bool before;			/* posts before the page's first */
	bool after;			/* posts after the page's last */
};

/* One page of a thread in tree order: posts after path from (from NULL or
 * "": from the start; inclusive: from that path on), or before it with
 * backwards (returned in tree order), at most max. Each post's unread says
 * whether the actor has read it; nothing is written (db_board_read_mark_page
 * moves the pointer). If more is not NULL it says whether the thread goes
 * on either side of the page, learnt by the same query (an empty page has
 * no sides: both false); like *out and *n it is written only on success.
 * Caller frees with db_board_posts_free. */
int db_board_post_page(struct db *db, int64_t actor_id, int64_t thread_id,
    const char *from, bool inclusive, bool backwards, size_t max,
    struct board_post **out, size_t *n, struct board_post_more *more);

/* ---- db-board-read.c: last-read pointers, follow/mute, the scan ---- */

/* Moves the actor's pointer in the thread forward to post_id (never back,
 * never past the thread's newest post). ERR_NOTFOUND for no such thread. */
int db_board_read_mark(struct db *db, int64_t actor_id, int64_t thread_id, int64_t post_id);
/* The posts with paths from..to (inclusive, tree order) were on the
 * actor's screen: moves the pointer forward to the newest of them, but
 * never past an unread post outside that range, so nothing unseen counts
 * as read. ERR_INVALID if from > to. */
int db_board_read_mark_page(struct db *db, int64_t actor_id, int64_t thread_id,
    const char *from, const char *to);
/* The path of the first unread post of the thread in tree order, or
 * ERR_NOTFOUND if everything is read. */
int db_board_read_first_unread(struct db *db, int64_t actor_id, int64_t thread_id,
    char *path, size_t pathsz);
/* Unread posts in one thread, for the actor. */
int db_board_read_thread_unread(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t *count);
/* follow: 1 follow, -1 mute, 0 neither (ERR_INVALID otherwise).
 * ERR_NOTFOUND for no such thread. */
int db_board_read_follow(struct db *db, int64_t actor_id, int64_t thread_id, int follow);
/* The next post of the new-posts scan. in_thread (0: none) is the thread
 * being read: its next unread post comes first, so the scan reads thread
 * by thread, each thread's unread posts oldest first. Then joined
 * communities by name (the thread of each one's oldest unread post), then
 * followed threads elsewhere. Muted threads, one's own posts, deleted
 * posts and blocked members are skipped. Each step is one bounded index
 * seek. ERR_NOTFOUND when nothing is left. Caller frees out->body. */
int db_board_read_next(struct db *db, int64_t actor_id, int64_t in_thread,
    struct board_post *out);
/* Posts the scan would still walk, counted up to BOARD_COUNT_CAP. */
int db_board_read_count(struct db *db, int64_t actor_id, int64_t *count);

/* ---- db-board-search.c ---- */

struct board_hit {
	int64_t post_id, thread_id, community_id;
	char title[BOARD_TITLE_SZ];
	char community[BOARD_NAME_MAX * 4 + 1];
	char author[MEMBER_NAME_SZ];
	char snippet[401];
	int64_t created_at;
};

/* Full-text search over posts: words, "phrases", prefix*, plus filters
 * author:LOGIN and in:SLUG (community). Best matches first, at most max.
 * ERR_INVALID if the query has no words or breaks a limit of
 * rules/search.h (board_query_parse's refused says which), ERR_NOTFOUND
 * when in: names no community, ERR_TOOBROAD when it ran out of its time
 * budget, ERR_BUSY while another search of actor's runs (db-search.h).
 * Caller frees *out with free(). */
int db_board_search(struct db *db, int64_t actor_id, const char *query, size_t max,
    struct board_hit **out, size_t *n);

/* ---- db-board-request.c: new communities and moderator volunteers ---- */

struct board_request {
	int64_t id;
	char kind[16];			/* "create" or "moderate" */
	char name[BOARD_NAME_MAX * 4 + 1]; /* proposed, or the community's */
	char status[16];		/* "open", "approved", "declined", "merged" */
	int64_t created_at;
};

/* community_kind is "region" or "career". ERR_EXISTS if a community of
 * that name exists or the actor already asked for it. ERR_DENIED (here and
 * in db_board_request_moderate) when the actor already has
 * BOARD_REQUESTS_PENDING_MAX requests waiting for an admin. */
int db_board_request_create(struct db *db, int64_t actor_id, const char *name,
    const char *community_kind, const char *description, const char *why, int64_t *id);
/* An application to moderate, sent once the member has read the
 * moderators' guidelines (guidelines_read; ERR_INVALID without: the time
 * is recorded). ERR_EXISTS if the actor already moderates it or already
 * applied, ERR_STATE if the community is archived. */
int db_board_request_moderate(struct db *db, int64_t actor_id, int64_t community_id,
    const char *why, bool guidelines_read, int64_t *id);
/* The actor's own requests, newest first, at most BOARD_REQUESTS_LIST_MAX.
 * Caller frees *out. */
int db_board_request_list(struct db *db, int64_t actor_id, struct board_request **out,
    size_t *n);

/* ---- db-board-draft.c: unsent editor text ---- */

#define BOARD_DRAFT_KEY_SZ 64

/* Saves (replaces) the actor's draft under key. */
int db_board_draft_save(struct db *db, int64_t actor_id, const char *key, const char *text);
/* Sets *text (caller frees) and *updated_at; ERR_NOTFOUND if none. */
int db_board_draft_get(struct db *db, int64_t actor_id, const char *key, char **text,
    int64_t *updated_at);
int db_board_draft_delete(struct db *db, int64_t actor_id, const char *key);
/* The actor's newest draft key starting with prefix ("" for any),
 * ERR_NOTFOUND if none. */
int db_board_draft_latest(struct db *db, int64_t actor_id, const char *prefix, char *key,
    size_t keysz, int64_t *updated_at);

/* ---- shared by db-board*.c only ---- */

/* ERR_OK if actor may read the boards (a member, not suspended). */
int db_board_may_read(struct db *db, int64_t actor_id);
/* ERR_OK if actor may post: active and rules accepted. */
int db_board_may_post(struct db *db, int64_t actor_id);
/* ERR_OK for a post body: checked multi-line text, not only white space. */
int db_board_post_check_body(const char *body);
/* Inside the caller's transaction: ERR_TOO_FAST if one more post now
 * would be past actor's rate limit (db-rate.h; NULL: no limit).
 * db_rate_why(RATE_POSTS) gives the sentence. */
int db_board_post_rate(struct db *db, int64_t actor_id, const struct board_limits *lim);
/* Inside the caller's transaction: a moderator's removal of post_id (out
 * of the search index, deleted, reason kept for the readers' stub; the
 * body stays for the staff). ERR_STATE if it is already deleted. */
int db_board_post_remove(struct db *db, int64_t post_id, const char *reason);
/* Inserts one post under a parent (parent_path "" for a thread's first
 * post) inside the caller's transaction: sequence number, path, search
 * index, thread counters. Sets *post_id. */
int db_board_post_insert(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t community_id, int64_t parent_id, const char *parent_path, int parent_depth,
    const char *body, int64_t *post_id);

#endif
