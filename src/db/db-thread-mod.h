/* Thread moderation (issue 10): lock and unlock, pin and unpin, retitle,
 * move to another community, merge two threads, slow mode. Each is done
 * by a moderator of the thread's community or an admin (the sysop too),
 * with a reason, checked and written in one transaction guarded by the
 * state it changes, and recorded in the audit log with before and after.
 * Everyone else is ERR_DENIED, whatever the screens offered.
 *
 * Errors: ERR_DENIED (no power), ERR_NOTFOUND (no such thread or
 * community), ERR_STATE (already in that state: locked twice, pinned
 * twice, the same title or community), ERR_INVALID with *why (a reason,
 * title or slow mode the rules refuse; why may be NULL). */
#ifndef DB_THREAD_MOD_H
#define DB_THREAD_MOD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/board.h"

struct db;

/* What the moderation menu shows about a thread. */
struct thread_mod_state {
	int64_t id, community_id;
	char community[BOARD_NAME_MAX * 4 + 1];
	char title[BOARD_TITLE_SZ];
	bool locked, pinned;
	int slow_seconds;		/* 0: off */
	int64_t post_count;
};

/* Reads a thread's moderation state (anyone who may read the boards). */
int db_thread_mod_get(struct db *db, int64_t actor_id, int64_t thread_id,
    struct thread_mod_state *out);

int db_thread_mod_lock(struct db *db, int64_t actor_id, int64_t thread_id, bool lock,
    const char *reason, const char **why);
int db_thread_mod_pin(struct db *db, int64_t actor_id, int64_t thread_id, bool pin,
    const char *reason, const char **why);
int db_thread_mod_retitle(struct db *db, int64_t actor_id, int64_t thread_id,
    const char *title, const char *reason, const char **why);
/* The actor must moderate both communities (or be an admin). The posts
 * move with the thread; read pointers and follows stay. */
int db_thread_mod_move(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t to_community, const char *reason, const char **why);
/* Moves every post of thread `from` under the first post of thread
 * `into`, in tree order after into's own, and deletes `from`: counters,
 * last post, read pointers (the lower of the two: nothing unseen counts
 * as read) and follows (a follow of either) go to `into`. The actor must
 * moderate both communities. ERR_INVALID for a thread merged into itself;
 * ERR_STATE when from is too deep to go one level down. */
int db_thread_mod_merge(struct db *db, int64_t actor_id, int64_t from, int64_t into,
    const char *reason, const char **why);
/* seconds 0 turns slow mode off (rules/moderation.h: at most a day). */
int db_thread_mod_slow(struct db *db, int64_t actor_id, int64_t thread_id, int seconds,
    const char *reason, const char **why);

/* Inside the caller's transaction, before a reply is inserted: ERR_STATE
 * when the thread is locked, ERR_TOO_FAST when slow mode asks actor to
 * wait; the community's moderators and admins are exempt. */
int db_thread_mod_may_reply(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t community_id);

/* After a post was refused: why, as one sentence for the member (a
 * silence in the community or everywhere, a locked thread, slow mode, a
 * probation cap), for a reply to parent_post_id or (parent 0) a new thread
 * in community_id. ERR_NOTFOUND when none of those explains it. Reads
 * only: the refusal itself came from the write's own transaction. */
int db_thread_mod_refusal(struct db *db, int64_t actor_id, int64_t community_id,
    int64_t parent_post_id, char *buf, size_t sz);

#endif
