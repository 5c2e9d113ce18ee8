/* Notices: "something happened for you" — a mentorship request arrived, a
 * host answered, a followed thread has replies. A feature adds one in the
 * same transaction as the change it announces; the UI shows the unseen
 * count and the newest text in the status bar (it re-reads when PRAGMA
 * data_version moves) and lists them on the Notices screen, which marks
 * them seen. A member only ever reads and marks their own. */
#ifndef DB_NOTICE_H
#define DB_NOTICE_H
#include <stddef.h>
#include <stdint.h>

struct db;

#define NOTICE_TEXT_SZ	321	/* 80 characters of up to 4 bytes */
#define NOTICE_KIND_SZ	16

struct notice {
	int64_t id;
	char kind[NOTICE_KIND_SZ];	/* "mentorship", "message", "host", "board" */
	char text[NOTICE_TEXT_SZ];	/* one line, e.g. "Alice Appleton accepted your request" */
	int64_t created_at;
	int64_t seen_at;		/* 0: unseen */
};

/* Adds a notice for user_id. text is one line of checked text (longer text
 * is cut at a character boundary). Not an authorisation point: callers are
 * data functions that already decided the member should hear of it. */
int db_notice_add(struct db *db, int64_t user_id, const char *kind, const char *text);
/* Unseen count and the newest unseen notice (newest->id == 0 if none). */
int db_notice_unseen(struct db *db, int64_t user_id, int64_t *count, struct notice *newest);
/* The member's newest notices, at most max, newest first. Caller frees. */
int db_notice_list(struct db *db, int64_t user_id, size_t max, struct notice **out, size_t *n);
/* Marks every notice of user_id up to and including up_to_id seen. */
int db_notice_mark_seen(struct db *db, int64_t user_id, int64_t up_to_id);

#endif
