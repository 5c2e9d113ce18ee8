/* Private messages: sending, the conversation lookups and the counts; see
 * db-message.h. */
#include <stdbool.h>
#include <stdio.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-sanction.h"
#include "db/db-probation.h"
#include "db/db-rate.h"
#include "db/db-message.h"
#include "db/db-notice.h"
#include "rules/message.h"

int
db_message_state(struct db *db, int64_t actor_id, int64_t conversation_id,
    struct conversation_state *out)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT peer_id, last_read_id, cleared_id, unread, archived "
	    "FROM conversation_members WHERE user_id = ? AND conversation_id = ?",
	    actor_id, conversation_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = conversation_id;
		out->peer_id = sqlite3_column_int64(st, 0);
		out->last_read_id = sqlite3_column_int64(st, 1);
		out->cleared_id = sqlite3_column_int64(st, 2);
		out->unread = sqlite3_column_int64(st, 3);
		out->archived = sqlite3_column_int(st, 4) != 0;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	/* Not the actor's, or no such conversation: one answer for both, so
	 * an outsider cannot learn which conversation ids exist. */
	if (r == 0 && rc != SQLITE_ROW)
		r = ERR_NOTFOUND;
	return r;
}

int
db_message_conversation_with(struct db *db, int64_t actor_id, int64_t peer_id,
    int64_t *conversation_id)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool found = false;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT id FROM conversations WHERE user_a = min(?1, ?2) "
	    "AND user_b = max(?1, ?2)", actor_id, peer_id);
	if ((r = db_step_int(db, st, &id, &found, __func__)) != 0)
		return r;
	if (!found)
		return ERR_NOTFOUND;
	*conversation_id = id;
	return 0;
}

int
db_message_unread_total(struct db *db, int64_t actor_id, int64_t *count)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "SELECT coalesce(sum(unread), 0) FROM conversation_members "
	    "WHERE user_id = ?", actor_id);
	return db_step_int(db, st, count, NULL, __func__);
}

int
db_message_sent_since(struct db *db, int64_t actor_id, int64_t sender_id,
    int64_t since, int64_t *count)
{
	sqlite3_stmt *st;

	if (actor_id < 0 || (actor_id != 0 && actor_id != sender_id))
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT count(*) FROM messages WHERE sender_id = ? "
	    "AND created_at >= ?", sender_id, since);
	return db_step_int(db, st, count, NULL, __func__);
}

/* The other members of conv see the message as soon as it commits. */
static int
wake_others(struct db *db, int64_t conv, int64_t sender_id)
{
	sqlite3_stmt *st = DB_STMT(db, "SELECT user_id FROM conversation_members WHERE "
	    "conversation_id = ? AND user_id <> ?", conv, sender_id);
	int rc;

	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_wake_member(db, sqlite3_column_int64(st, 0));
	db_stmt_done(db, st);
	return rc == SQLITE_DONE ? ERR_OK : db_result(db, rc, __func__);
}

/* May sender send at all? */
static int
sender_may_send(struct db *db, int64_t sender_id, enum message_refusal *why)
{
	sqlite3_stmt *st;
	int rc, r;
	bool active = false;

	st = DB_STMT(db, "SELECT status = 'active' AND rules_accepted_at IS NOT NULL "
	    "FROM users WHERE id = ?", sender_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		active = sqlite3_column_int(st, 0) != 0;
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	if (!active || (r = db_sanction_may_speak(db, sender_id, 0)) == ERR_DENIED) {
		*why = MESSAGE_NOT_ACTIVE;
		return ERR_DENIED;
	}
	return r;
}

/* Everything that may refuse a message, in the order a member would want
 * to hear about it: who they are, what they wrote, to whom, how often. */
static int
send_check(struct db *db, int64_t sender_id, int64_t peer_id, const char *body,
    const struct message_limits *lim, enum message_refusal *why)
{
	struct rate_verdict rate;
	sqlite3_stmt *st;
	int64_t one = 0;
	bool found = false, blocked = false;
	int r;

	if ((r = sender_may_send(db, sender_id, why)) != 0)
		return r;
	if ((*why = message_check_body(body, lim)) != MESSAGE_SENT)
		return ERR_INVALID;
	if (peer_id == sender_id) {
		*why = MESSAGE_SELF;
		return ERR_INVALID;
	}
	if ((st = db_stmt(db, "SELECT 1 FROM users WHERE id = ?")) != NULL)
		sqlite3_bind_int64(st, 1, peer_id);
	if ((r = db_step_int(db, st, &one, &found, __func__)) != 0)
		return r;
	if (!found) {
		*why = MESSAGE_NO_PEER;
		return ERR_NOTFOUND;
	}
	if ((r = db_block_between(db, sender_id, peer_id, &blocked)) != 0)
		return r;
	if (blocked) {
		*why = MESSAGE_BLOCKED;
		return ERR_DENIED;
	}
	/* The same bucket as board posts (db-rate.h), over messages_sender. */
	if ((r = db_rate_check(db, sender_id, RATE_MESSAGES, &lim->rate, &rate, NULL)) != 0)
		return r;
	if (!rate.allowed) {
		*why = MESSAGE_RATE;
		return ERR_DENIED;
	}
	/* On top of the bucket: a new member's daily cap. */
	if ((r = db_probation_check(db, sender_id, PROBATION_MESSAGES)) == ERR_TOO_FAST) {
		*why = MESSAGE_PROBATION;
		return ERR_DENIED;
	}
	return r;
}

/* The conversation of the pair, made (with both members' rows) if new:
 * then *fresh. */
static int
conversation_for(struct db *db, int64_t a, int64_t b, int64_t now, int64_t *id, bool *fresh)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "INSERT OR IGNORE INTO conversations (user_a, user_b, created_at, "
	    "last_at) VALUES (min(?1, ?2), max(?1, ?2), ?3, ?3)", a, b, now);
	r = db_step_changed(db, st, __func__);
	*fresh = r == 0;
	if (r == ERR_NOTFOUND)
		r = 0;
	if (r != 0)
		return r;
	if ((r = db_message_conversation_with(db, a, b, id)) != 0)
		return r == ERR_NOTFOUND ? ERR_INTERNAL : r;
	st = DB_STMT(db, "INSERT OR IGNORE INTO conversation_members (user_id, "
	    "conversation_id, peer_id, last_at) VALUES (?1, ?3, ?2, ?4), (?2, ?3, ?1, ?4)",
	    a, b, *id, now);
	return db_step_done(db, st, __func__);
}

/* Inserts the message and moves both members' views on. */
static int
deliver(struct db *db, int64_t conv, int64_t sender_id, const char *body,
    int64_t now, int64_t *msg_id)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "INSERT INTO messages (conversation_id, sender_id, body, "
	    "created_at) VALUES (?, ?, ?, ?)", conv, sender_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, body);
	sqlite3_bind_int64(st, 4, now);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	*msg_id = sqlite3_last_insert_rowid(db_sqlite(db));
	st = DB_STMT(db, "UPDATE conversations SET last_id = ?2, last_at = ?3 WHERE id = ?1",
	    conv, *msg_id, now);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r;
	/* The sender has read their own message; the recipient has one more
	 * unread. Both get the conversation back from the archive. */
	st = DB_STMT(db, "UPDATE conversation_members SET last_at = ?3, archived = 0, "
	    "last_read_id = CASE WHEN user_id = ?2 THEN ?4 ELSE last_read_id END, "
	    "unread = CASE WHEN user_id = ?2 THEN 0 ELSE unread + 1 END "
	    "WHERE conversation_id = ?1", conv, sender_id, now, *msg_id);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r;
	return wake_others(db, conv, sender_id);
}

/* A first message opens a conversation: news the unread count alone does
 * not tell (someone new wrote), so the recipient gets a notice about it. */
static int
first_contact(struct db *db, int64_t conv, int64_t sender_id, int64_t peer_id)
{
	char name[MEMBER_NAME_SZ] = "Someone", text[NOTICE_TEXT_SZ];
	sqlite3_stmt *st;

	if ((st = DB_STMT(db, "SELECT display_name FROM users WHERE id = ?", sender_id)) == NULL)
		return ERR_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_text(st, 0, name, sizeof name);
	db_stmt_done(db, st);
	snprintf(text, sizeof text, "%s wrote to you for the first time (see Inbox)", name);
	return db_notice_add_about(db, peer_id, "message", text, NOTICE_ON_CONVERSATION, conv);
}

int
db_message_send(struct db *db, int64_t sender_id, int64_t peer_id,
    const char *body, const struct message_limits *lim, int64_t *msg_id,
    enum message_refusal *why)
{
	int64_t conv = 0, id = 0, now = db_now();
	bool fresh = false;
	int r;

	*why = MESSAGE_NOT_ACTIVE;
	if (sender_id <= 0)
		return ERR_DENIED;
	*why = MESSAGE_SENT;
	/* One write transaction: the rate-limit count and the insert cannot
	 * interleave with another session of the same sender. */
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = send_check(db, sender_id, peer_id, body, lim, why)) != 0)
		goto out;
	if ((r = conversation_for(db, sender_id, peer_id, now, &conv, &fresh)) != 0)
		goto out;
	if ((r = deliver(db, conv, sender_id, body, now, &id)) != 0)
		goto out;
	if (fresh && (r = first_contact(db, conv, sender_id, peer_id)) != 0)
		goto out;
	r = db_commit(db);
out:
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	if (msg_id != NULL)
		*msg_id = id;
	return 0;
}

int
db_message_reply(struct db *db, int64_t actor_id, int64_t conversation_id,
    const char *body, const struct message_limits *lim, int64_t *msg_id,
    enum message_refusal *why)
{
	struct conversation_state cs;
	int r;

	*why = MESSAGE_NOT_PARTY;
	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_message_state(db, actor_id, conversation_id, &cs)) != 0)
		return r;
	return db_message_send(db, actor_id, cs.peer_id, body, lim, msg_id, why);
}
