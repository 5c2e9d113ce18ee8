/* Notices: "something happened for you" — a mentorship request arrived, a
 * host answered, a followed thread has replies. A feature adds one in the
 * same transaction as the change it announces; the UI shows the unseen
 * count and the newest text in the status bar (it re-reads when PRAGMA
 * data_version moves) and lists them on the Notices screen, which marks
 * them seen. A member only ever reads and marks their own.
 *
 * A notice may name what it is about (its target: a kind below and an
 * id): Enter on it opens that thing, and opening or acting on the thing
 * marks the member's notices about it seen (db_notice_seen_about). */
#ifndef DB_NOTICE_H
#define DB_NOTICE_H
#include <stddef.h>
#include <stdint.h>

struct db;

#define NOTICE_TEXT_SZ	321	/* 80 characters of up to 4 bytes */
#define NOTICE_KIND_SZ	16

/* What a notice can be about (notices.target_kind); the id is in the
 * table named. */
#define NOTICE_ON_MENTORSHIP	"mentorship"	/* mentorships.id */
#define NOTICE_ON_POST		"post"		/* posts.id: its thread, opened at it */
#define NOTICE_ON_HOST_REQUEST	"host_request"	/* host_requests.id */
#define NOTICE_ON_CONVERSATION	"conversation"	/* conversations.id */
#define NOTICE_ON_REVIEW	"review"	/* review_items.id (staff) */

struct notice {
	int64_t id;
	char kind[NOTICE_KIND_SZ];	/* "mentorship", "message", "host", "board" */
	char text[NOTICE_TEXT_SZ];	/* one line, e.g. "Alice Appleton accepted your request" */
	int64_t created_at;
	int64_t seen_at;		/* 0: unseen */
	char target_kind[NOTICE_KIND_SZ]; /* a NOTICE_ON_* word; "": nothing to open */
	int64_t target_id;
};

/* Adds a notice for user_id. text is one line of checked text (longer text
 * is cut at a character boundary). Not an authorisation point: callers are
 * data functions that already decided the member should hear of it. */
int db_notice_add(struct db *db, int64_t user_id, const char *kind, const char *text);
/* The same, about a thing: target_kind is a NOTICE_ON_* word (NULL: none,
 * as db_notice_add) and target_id its id. */
int db_notice_add_about(struct db *db, int64_t user_id, const char *kind, const char *text,
    const char *target_kind, int64_t target_id);
/* Marks user_id's unseen notices about one thing seen: the member opened
 * it or acted on it. Writes nothing when there are none (a screen may call
 * it on every reload), so other sessions see no change for nothing. May
 * run inside the caller's transaction. */
int db_notice_seen_about(struct db *db, int64_t user_id, const char *target_kind,
    int64_t target_id);
/* The same for every post of a thread (NOTICE_ON_POST notices): the
 * member has the thread open. */
int db_notice_seen_thread(struct db *db, int64_t user_id, int64_t thread_id);
/* Unseen count and the newest unseen notice (newest->id == 0 if none). */
int db_notice_unseen(struct db *db, int64_t user_id, int64_t *count, struct notice *newest);
/* The member's newest notices, at most max, newest first. Caller frees. */
int db_notice_list(struct db *db, int64_t user_id, size_t max, struct notice **out, size_t *n);
/* Marks every notice of user_id up to and including up_to_id seen. */
int db_notice_mark_seen(struct db *db, int64_t user_id, int64_t up_to_id);

#endif
