/* Notices; see db-notice.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-notice.h"

int
db_notice_add(struct db *db, int64_t user_id, const char *kind, const char *text)
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
	st = DB_STMT(db, "INSERT INTO notices (user_id, kind, text, created_at) "
	    "VALUES (?, ?, ?, ?)", user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, cut);
	sqlite3_bind_int64(st, 4, db_now());
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
}

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
	st = DB_STMT(db, "SELECT id, kind, text, created_at, coalesce(seen_at, 0) FROM notices "
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

	st = DB_STMT(db, "SELECT id, kind, text, created_at, coalesce(seen_at, 0) FROM notices "
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
