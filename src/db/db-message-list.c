/* Private messages: the inbox and the pages of a conversation, both keyset
 * paged on an index so a page never scans a whole table; see db-message.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"

/* What a member reads of message row t: its text, or the stub a
 * moderator's removal left (rules/flag.h words it the same for posts). */
#define MESSAGE_BODY(t) "CASE WHEN " t ".removed_reason IS NULL THEN " t ".body ELSE " \
	"'[removed by a moderator: ' || " t ".removed_reason || ']' END"
#include "db/db-message.h"
#include "rules/message.h"
#include "lib/xmalloc.h"

#define PAGE_MAX	1000	/* rows one call returns at most */

/* What the actor has not deleted, as a condition on a messages row m. */
#define VISIBLE_TO(actor) \
	"NOT EXISTS (SELECT 1 FROM message_hides h WHERE h.user_id = " actor \
	" AND h.message_id = m.id)"

static void
inbox_row_read(sqlite3_stmt *st, int64_t actor_id, struct inbox_row *r)
{
	const char *body;

	memset(r, 0, sizeof *r);
	r->conversation_id = sqlite3_column_int64(st, 0);
	r->peer_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, r->peer_login, sizeof r->peer_login);
	db_column_text(st, 3, r->peer_name, sizeof r->peer_name);
	r->last_at = sqlite3_column_int64(st, 4);
	r->unread = sqlite3_column_int64(st, 5);
	r->archived = sqlite3_column_int(st, 6) != 0;
	r->last_mine = sqlite3_column_int64(st, 7) == actor_id;
	body = (const char *)sqlite3_column_text(st, 8);
	message_preview(body != NULL ? body : "", r->preview, sizeof r->preview);
}

int
db_message_inbox(struct db *db, int64_t actor_id, bool archived,
    const struct inbox_cursor *after, size_t max, struct inbox_row **out, size_t *n)
{
	struct inbox_row *list = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (max > PAGE_MAX)
		max = PAGE_MAX;
	/* The preview is the newest message the actor still sees; only its
	 * first few hundred characters are read. */
	st = DB_STMT(db, "SELECT cm.conversation_id, cm.peer_id, u.login, u.display_name, "
	    "cm.last_at, cm.unread, cm.archived, lm.sender_id, lm.body "
	    "FROM conversation_members cm "
	    "JOIN conversations c ON c.id = cm.conversation_id "
	    "JOIN users u ON u.id = cm.peer_id "
	    "LEFT JOIN (SELECT id, sender_id, substr(" MESSAGE_BODY("messages") ", 1, 400) AS body "
	    "FROM messages) lm "
	    "ON lm.id = (SELECT m.id FROM messages m WHERE m.conversation_id = cm.conversation_id "
	    "AND m.id > cm.cleared_id AND " VISIBLE_TO("?1") " ORDER BY m.id DESC LIMIT 1) "
	    "WHERE cm.user_id = ?1 AND cm.archived = ?2 AND c.last_id > cm.cleared_id "
	    "AND (cm.last_at, cm.conversation_id) < (?3, ?4) "
	    "ORDER BY cm.last_at DESC, cm.conversation_id DESC LIMIT ?5",
	    actor_id, archived ? 1 : 0);
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 3, after != NULL && after->conversation_id > 0 ?
	    after->last_at : INT64_MAX);
	sqlite3_bind_int64(st, 4, after != NULL && after->conversation_id > 0 ?
	    after->conversation_id : INT64_MAX);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			list = xreallocarray(list, cap, sizeof *list);
		}
		inbox_row_read(st, actor_id, &list[len++]);
	}
	return db_rows_done(db, st, rc, list, len, (void **)out, n, __func__);
}

void
db_message_rows_free(struct message_row *rows, size_t n)
{
	if (rows == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(rows[i].body);
	free(rows);
}

static void
message_row_read(sqlite3_stmt *st, struct message_row *m)
{
	const char *body = (const char *)sqlite3_column_text(st, 3);

	m->id = sqlite3_column_int64(st, 0);
	m->conversation_id = sqlite3_column_int64(st, 1);
	m->sender_id = sqlite3_column_int64(st, 2);
	m->body = xstrdup(body != NULL ? body : "");
	m->created_at = sqlite3_column_int64(st, 4);
}

int
db_message_page(struct db *db, int64_t actor_id, int64_t conversation_id,
    int64_t after_id, int64_t before_id, size_t max, struct message_row **out,
    size_t *n)
{
	struct conversation_state cs;
	struct message_row *list = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_message_state(db, actor_id, conversation_id, &cs)) != 0)
		return r;
	if (max > PAGE_MAX)
		max = PAGE_MAX;
	if (after_id < cs.cleared_id)
		after_id = cs.cleared_id;
	/* The newest max on the index, then turned round for reading by the
	 * outer query (at most PAGE_MAX rows to sort). */
	st = DB_STMT(db, "SELECT * FROM (SELECT m.id, m.conversation_id, m.sender_id, "
	    MESSAGE_BODY("m") ", m.created_at FROM messages m WHERE m.conversation_id = ?2 AND "
	    "m.id > ?3 AND m.id < ?4 AND " VISIBLE_TO("?1") " ORDER BY m.id DESC LIMIT ?5) "
	    "ORDER BY id",
	    actor_id, conversation_id, after_id, before_id, (sqlite3_int64)max);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			list = xreallocarray(list, cap, sizeof *list);
		}
		message_row_read(st, &list[len++]);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		db_message_rows_free(list, len);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

int
db_message_get(struct db *db, int64_t actor_id, int64_t message_id,
    struct message_row *out)
{
	struct conversation_state cs;
	struct message_row m;
	sqlite3_stmt *st;
	bool hidden = false;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT m.id, m.conversation_id, m.sender_id, " MESSAGE_BODY("m")
	    ", m.created_at, NOT " VISIBLE_TO("?2") " FROM messages m WHERE m.id = ?1",
	    message_id, actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	memset(&m, 0, sizeof m);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		message_row_read(st, &m);
		hidden = sqlite3_column_int(st, 5) != 0;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0 && rc != SQLITE_ROW)
		r = ERR_NOTFOUND;
	/* Whose is it? Only then whether the actor deleted it. */
	if (r == 0)
		r = db_message_state(db, actor_id, m.conversation_id, &cs);
	if (r == 0 && (hidden || m.id <= cs.cleared_id))
		r = ERR_NOTFOUND;
	if (r != 0) {
		free(m.body);
		return r;
	}
	*out = m;
	return 0;
}
