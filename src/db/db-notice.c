/* Notices; see db-notice.h. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-notice.h"

int
db_notice_add(struct db *db, int64_t user_id, const char *kind, const char *text)
{
	return db_notice_add_about(db, user_id, kind, text, NULL, 0);
}

int
db_notice_add_about(struct db *db, int64_t user_id, const char *kind, const char *text,
    const char *target_kind, int64_t target_id)
{
	char cut[NOTICE_TEXT_SZ];
	size_t len = strlen(text);
	sqlite3_stmt *st;
	int r;

	/* Cut at a UTF-8 boundary: never leave half a character behind. */
	if (len >= sizeof cut) {
		len = sizeof cut - 1;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(cut, text, len);
	cut[len] = '\0';
	st = DB_STMT(db, "INSERT INTO notices (user_id, kind, text, created_at, target_kind, "
	    "target_id) VALUES (?, ?, ?, ?, ?, ?)", user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, cut);
	sqlite3_bind_int64(st, 4, db_now());
	if (target_kind != NULL && target_kind[0] != '\0') {
		db_bind_text(st, 5, target_kind);
		sqlite3_bind_int64(st, 6, target_id);
	} else
		sqlite3_bind_int64(st, 6, 0);	/* 5 stays NULL: nothing to open */
	if ((r = db_step_done(db, st, __func__)) == 0)
		db_wake_member(db, user_id);	/* their status bar, at commit */
	return r;
}

static void
notice_row(sqlite3_stmt *st, struct notice *n)
{
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, n->kind, sizeof n->kind);
	db_column_text(st, 2, n->text, sizeof n->text);
	n->created_at = sqlite3_column_int64(st, 3);
	n->seen_at = sqlite3_column_int64(st, 4);
	db_column_text(st, 5, n->target_kind, sizeof n->target_kind);
	n->target_id = sqlite3_column_int64(st, 6);
}

#define NOTICE_COLS "id, kind, text, created_at, coalesce(seen_at, 0), " \
	"coalesce(target_kind, ''), target_id"

int
db_notice_unseen(struct db *db, int64_t user_id, int64_t *count, struct notice *newest)
{
	struct notice top;
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc, r;

	st = DB_STMT(db, "SELECT count(*) FROM notices WHERE user_id = ? AND seen_at IS NULL",
	    user_id);
	if ((r = db_step_int(db, st, &n, NULL, __func__)) != 0)
		return r;
	memset(&top, 0, sizeof top);
	st = DB_STMT(db, "SELECT " NOTICE_COLS " FROM notices "
	    "WHERE user_id = ? AND seen_at IS NULL ORDER BY id DESC LIMIT 1", user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		notice_row(st, &top);
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	*count = n;
	*newest = top;
	return 0;
}
/* db_collect's row reader. */
static void
notice_elem(sqlite3_stmt *st, void *elem)
{
	notice_row(st, elem);
}

int
db_notice_list(struct db *db, int64_t user_id, size_t max, struct notice **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	st = DB_STMT(db, "SELECT " NOTICE_COLS " FROM notices "
	    "WHERE user_id = ? ORDER BY id DESC LIMIT ?", user_id, (int64_t)max);
	if ((r = db_collect(db, st, sizeof **out, notice_elem, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}

int
db_notice_mark_seen(struct db *db, int64_t user_id, int64_t up_to_id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "UPDATE notices SET seen_at = ? WHERE user_id = ? AND id <= ? "
	    "AND seen_at IS NULL", db_now(), user_id, up_to_id);
	return db_step_done(db, st, __func__);
}

/* Runs the UPDATE only when the SELECT finds a row: no empty writes. The
 * statements bind ?1 user, ?2 target kind, ?3 target id, ?4 now. */
static int
seen_where(struct db *db, int64_t user_id, const char *target_kind, int64_t target_id,
    const char *probe, const char *update, const char *func)
{
	sqlite3_stmt *st;
	int64_t one = 0;
	bool found = false;
	int r;

	if (user_id <= 0 || target_kind == NULL)
		return ERR_DENIED;
	if ((st = db_stmt(db, probe)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, target_kind);
	sqlite3_bind_int64(st, 3, target_id);
	if ((r = db_step_int(db, st, &one, &found, func)) != 0 || !found)
		return r;
	if ((st = db_stmt(db, update)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, target_kind);
	sqlite3_bind_int64(st, 3, target_id);
	sqlite3_bind_int64(st, 4, db_now());
	return db_step_done(db, st, func);
}

int
db_notice_seen_about(struct db *db, int64_t user_id, const char *target_kind,
    int64_t target_id)
{
	return seen_where(db, user_id, target_kind, target_id,
	    "SELECT 1 FROM notices WHERE user_id = ?1 AND target_kind = ?2 AND "
	    "target_id = ?3 AND seen_at IS NULL LIMIT 1",
	    "UPDATE notices SET seen_at = ?4 WHERE user_id = ?1 AND target_kind = ?2 AND "
	    "target_id = ?3 AND seen_at IS NULL", __func__);
}

int
db_notice_seen_thread(struct db *db, int64_t user_id, int64_t thread_id)
{
	/* The member's unseen post notices are few: read them by the index,
	 * then look each post's thread up by its key. */
	return seen_where(db, user_id, NOTICE_ON_POST, thread_id,
	    "SELECT 1 FROM notices n JOIN posts p ON p.id = n.target_id WHERE n.user_id = ?1 "
	    "AND n.target_kind = ?2 AND n.seen_at IS NULL AND p.thread_id = ?3 LIMIT 1",
	    "UPDATE notices SET seen_at = ?4 WHERE user_id = ?1 AND target_kind = ?2 AND "
	    "seen_at IS NULL AND (SELECT thread_id FROM posts WHERE id = target_id) = ?3",
	    __func__);
}
