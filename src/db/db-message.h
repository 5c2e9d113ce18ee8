/* Private messages in the database: conversations between two members,
 * their messages, and each participant's own view (read pointer, unread
 * count, archived, deleted for oneself).
 *
 * Authorisation lives here. Every function takes the acting member's id:
 * only the two participants of a conversation can read it, reply, mark it
 * read, archive it, delete from it or report one of its messages. For a
 * conversation or message that is not the actor's the answer is
 * ERR_NOTFOUND, whether or not it exists, so ids tell an outsider nothing;
 * ERR_DENIED is for an actor id that is no member (0, the command line, or
 * less). There is no sysop
 * override: moderators see a message only through a report.
 *
 * Sending applies the rules of message.h (active sender, body, blocks,
 * rate limit) inside one write transaction with the insert.
 * Files: db-message.c (send, lookups, counts), db-message-list.c (inbox and
 * pages), db-message-state.c (read, archive, delete, report). */
#ifndef DB_MESSAGE_H
#define DB_MESSAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"
#include "rules/message.h"

struct db;

/* Sends body from sender to peer, starting their conversation if needed.
 * On success returns ERR_OK, *msg_id (may be NULL) gets the new message's
 * id and *why MESSAGE_SENT. Refusals set *why (never NULL):
 *   ERR_DENIED   sender not active (MESSAGE_NOT_ACTIVE), a block either way
 *               (MESSAGE_BLOCKED), over the rate limit (MESSAGE_RATE)
 *   ERR_INVALID  empty, too long or bad text, or to oneself
 *   ERR_NOTFOUND no such peer
 * The recipient's copy comes back from the archive and counts as unread;
 * the sender's own message counts as read for the sender. Runs its own
 * write transaction (the rate-limit count and the insert are atomic), so it
 * must not be called inside db_begin. why must not be NULL. */
int db_message_send(struct db *db, int64_t sender_id, int64_t peer_id,
    const char *body, const struct message_limits *lim, int64_t *msg_id,
    enum message_refusal *why);

/* Sends into an existing conversation by id: the same as db_message_send
 * to the other participant. ERR_NOTFOUND (MESSAGE_NOT_PARTY) when the actor
 * is not one of the two or there is no such conversation. */
int db_message_reply(struct db *db, int64_t actor_id, int64_t conversation_id,
    const char *body, const struct message_limits *lim, int64_t *msg_id,
    enum message_refusal *why);

/* The actor's side of a conversation. */
struct conversation_state {
	int64_t id;
	int64_t peer_id;
	int64_t last_read_id;
	int64_t cleared_id;	/* messages up to this id are deleted for the actor */
	int64_t unread;
	bool archived;
};
/* ERR_OK and *out; ERR_NOTFOUND when the conversation is not the actor's,
 * whether or not it exists (an outsider learns nothing of other ids). */
int db_message_state(struct db *db, int64_t actor_id, int64_t conversation_id,
    struct conversation_state *out);

/* The conversation between actor and peer: ERR_OK and *conversation_id, or
 * ERR_NOTFOUND when they have never written to each other. */
int db_message_conversation_with(struct db *db, int64_t actor_id, int64_t peer_id,
    int64_t *conversation_id);

/* Unread messages over all of the actor's conversations (status bar). */
int db_message_unread_total(struct db *db, int64_t actor_id, int64_t *count);

/* Messages sender_id sent at or after `since` (unix seconds): what the rate
 * limit counts. Only the sender's own count (actor == sender) or the
 * command line (actor 0). */
int db_message_sent_since(struct db *db, int64_t actor_id, int64_t sender_id,
    int64_t since, int64_t *count);

/* One line of the inbox. */
struct inbox_row {
	int64_t conversation_id;
	int64_t peer_id;
	char peer_login[MEMBER_LOGIN_SZ];
	char peer_name[MEMBER_NAME_SZ];
	int64_t last_at;
	int64_t unread;
	bool archived;
	bool last_mine;		/* the newest message is the actor's own */
	char preview[MESSAGE_PREVIEW_CHARS * 4 + 8];
};

/* Where the next inbox page starts: the last row of the previous page, or
 * all zero for the first page. */
struct inbox_cursor {
	int64_t last_at;
	int64_t conversation_id;
};

/* The actor's conversations (archived ones or the others), newest message
 * first, at most max rows after cursor (NULL: the first page). A
 * conversation deleted for the actor shows again only when a new message
 * arrives. Caller frees *out with free(). */
int db_message_inbox(struct db *db, int64_t actor_id, bool archived,
    const struct inbox_cursor *after, size_t max, struct inbox_row **out, size_t *n);

struct message_row {
	int64_t id;
	int64_t conversation_id;
	int64_t sender_id;
	int64_t created_at;
	char *body;		/* owned by the array: db_message_rows_free */
};

/* The newest max messages of a conversation with after_id < id < before_id
 * (0 and INT64_MAX for "no bound"), oldest first, leaving out what the
 * actor deleted. ERR_NOTFOUND as above. Caller frees *out with
 * db_message_rows_free. */
int db_message_page(struct db *db, int64_t actor_id, int64_t conversation_id,
    int64_t after_id, int64_t before_id, size_t max, struct message_row **out,
    size_t *n);
void db_message_rows_free(struct message_row *rows, size_t n);

/* One message by id, if the actor is in its conversation (and has not
 * deleted it). Caller frees out->body. */
int db_message_get(struct db *db, int64_t actor_id, int64_t message_id,
    struct message_row *out);

/* Marks everything in the conversation read for the actor. Writes nothing
 * when it already is (so a screen can call it on every reload). */
int db_message_mark_read(struct db *db, int64_t actor_id, int64_t conversation_id);

/* Moves the conversation to the actor's archive or back. A new message
 * brings it back to the inbox. */
int db_message_archive(struct db *db, int64_t actor_id, int64_t conversation_id,
    bool archived);

/* Deletes the conversation for the actor only: its messages so far are
 * gone from the actor's view; the peer keeps theirs. */
int db_message_delete_conversation(struct db *db, int64_t actor_id,
    int64_t conversation_id);

/* Deletes one message for the actor only. */
int db_message_delete(struct db *db, int64_t actor_id, int64_t message_id);

/* Flagging a message to the moderators: db_flag_add (db-flag.h), FLAG_MESSAGE. */

#endif
