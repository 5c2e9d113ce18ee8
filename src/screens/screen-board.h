/* What the board screens share (screen-board*.c, screen-community*.c):
 * drawing a post with its place in the tree, and composing posts in the
 * multi-line editor with drafts. No curses, no SQL. */
#ifndef SCREEN_BOARD_H
#define SCREEN_BOARD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct screen_ctx;
struct board_post;

/* Where screen_board_thread opens: a thread and, optionally, a post in it
 * (post_id 0: the first unread post, or the start). */
struct board_open {
	int64_t thread_id;
	int64_t post_id;
};

/* Argument of screen_board_threads. */
struct board_community_arg {
	int64_t community_id;
};

/* Lines post p takes at cols columns: a header line, then the body wrapped
 * beside the thread lines of its depth (if indent). */
size_t screen_board_post_lines(const struct board_post *p, size_t cols, bool indent);
/* Draws p from its line skip at row y in at most rows rows; returns the
 * rows drawn. sel highlights the header. */
int screen_board_post_draw(const struct board_post *p, int y, int rows, size_t cols,
    size_t skip, bool sel, bool indent);

/* Called after a post was saved (post_id) so the screen underneath can
 * reload and show it. */
typedef void (*screen_board_posted)(struct screen_ctx *c, void *owner, int64_t post_id);

/* Opens the editor for a reply to post parent (quote: start with it
 * quoted), a new thread (title) in a community, or an edit of one's own
 * post. Each has its own draft key, so a dropped connection keeps it. */
void screen_board_reply(struct screen_ctx *c, const struct board_post *parent, bool quote,
    screen_board_posted fn, void *owner);
void screen_board_new_thread(struct screen_ctx *c, int64_t community_id, const char *title,
    screen_board_posted fn, void *owner);
void screen_board_edit(struct screen_ctx *c, const struct board_post *p,
    screen_board_posted fn, void *owner);
/* Shows why a board change was refused (a DB_* code). */
void screen_board_refused(struct screen_ctx *c, int r);

/* The screen_board_posted of screen_board_thread: owner is the thread
 * screen's state (screen_top(c)->st when it is on top); reloads the thread
 * and opens it at post_id. */
void screen_board_thread_posted(struct screen_ctx *c, void *owner, int64_t post_id);

/* Takes the member back to where a board draft was being written (its
 * key, "board:reply:ID" ...), with the editor open on it when it can. */
void screen_board_resume(struct screen_ctx *c, const char *key);

#endif
