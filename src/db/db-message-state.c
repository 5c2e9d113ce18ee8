/* Private messages: each participant's own state (read, archived, deleted
 * for oneself); see db-message.h. Every change checks first
 * that the actor is in the conversation, through db_message_state. */
#include <stdlib.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-message.h"
#include "db/db-notice.h"
#include "lib/text.h"

/* The one shape of every change to the actor's own state: check that the
 * actor is in the conversation, then run sql on their own row (?1 actor,
 * ?2 conversation, ?3 arg where sql uses it). must_change: ERR_NOTFOUND if
 * no row changed. func names the caller in the log. */
static int
own_row_update(struct db *db, int64_t actor_id, int64_t conversation_id, const char *sql,
    int arg, bool must_change, const char *func)
{
	struct conversation_state cs;
	sqlite3_stmt *st;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_message_state(db, actor_id, conversation_id, &cs)) != 0)
		return r;
	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, conversation_id);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int(st, 3, arg);
	return must_change ? db_step_changed(db, st, func) : db_step_done(db, st, func);
}

int
db_message_mark_read(struct db *db, int64_t actor_id, int64_t conversation_id)
{
	/* Writing only when something changes keeps other sessions from
	 * seeing a new data_version (and reloading) for nothing. */
	int r = own_row_update(db, actor_id, conversation_id, "UPDATE conversation_members SET "
	    "unread = 0, last_read_id = (SELECT last_id FROM conversations WHERE id = ?2) "
	    "WHERE user_id = ?1 AND conversation_id = ?2 AND (unread <> 0 OR last_read_id <> "
	    "(SELECT last_id FROM conversations WHERE id = ?2))", 0, false, __func__);

	/* Read is dealt with: the notices about the conversation are seen. */
	return r != 0 ? r : db_notice_seen_about(db, actor_id, NOTICE_ON_CONVERSATION,
	    conversation_id);
}

int
db_message_archive(struct db *db, int64_t actor_id, int64_t conversation_id,
    bool archived)
{
	return own_row_update(db, actor_id, conversation_id, "UPDATE conversation_members SET "
	    "archived = ?3 WHERE user_id = ?1 AND conversation_id = ?2", archived ? 1 : 0,
	    true, __func__);
}

int
db_message_delete_conversation(struct db *db, int64_t actor_id,
    int64_t conversation_id)
{
	/* Everything so far is gone for the actor; the row stays so a new
	 * message can bring the conversation back, starting from there. */
	return own_row_update(db, actor_id, conversation_id, "UPDATE conversation_members SET "
	    "cleared_id = c.last_id, last_read_id = c.last_id, unread = 0, archived = 0 FROM "
	    "(SELECT last_id FROM conversations WHERE id = ?2) AS c "
	    "WHERE user_id = ?1 AND conversation_id = ?2", 0, true, __func__);
}

int
db_message_delete(struct db *db, int64_t actor_id, int64_t message_id)
{
	struct message_row m;
	sqlite3_stmt *st;
	int r;

	if ((r = db_message_get(db, actor_id, message_id, &m)) != 0)
		return r;
	free(m.body);
	st = DB_STMT(db, "INSERT OR IGNORE INTO message_hides (user_id, message_id) "
	    "VALUES (?, ?)", actor_id, message_id);
	return db_step_done(db, st, __func__);
}
