/* Last-read pointers, follow/mute and the new-posts scan; see db-board.h.
 *
 * A pointer is the highest post id the member has read in a thread; it
 * only moves forward (board_read_advance). The scan walks each thread's
 * unread posts oldest first, so moving the pointer to the post just shown
 * never skips one. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "board.h"
#include "db.h"
#include "db-board.h"
#include "db-internal.h"
#include "text.h"
#include "xmalloc.h"

#define NOT_BLOCKED(col) "NOT EXISTS (SELECT 1 FROM blocks WHERE " \
	"(blocker_id = ?1 AND blocked_id = " col ") OR (blocker_id = " col " AND blocked_id = ?1))"

int
db_board_read_mark(struct db *db, int64_t actor_id, int64_t thread_id, int64_t post_id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	/* Never past the thread's newest post, and never backwards. */
	st = db_stmt(db, "INSERT INTO thread_reads (user_id, thread_id, last_read_id) "
	    "SELECT ?1, id, min(?3, last_post_id) FROM threads WHERE id = ?2 "
	    "ON CONFLICT (user_id, thread_id) DO UPDATE SET "
	    "last_read_id = max(last_read_id, excluded.last_read_id)");
	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	sqlite3_bind_int64(st, 3, post_id);
	return db_step_changed(db, st, __func__);
}

/* The unread posts of one thread: above both the pointer and the
 * community's floor (a community not joined has no floor). */
#define THREAD_UNREAD "FROM posts p WHERE p.thread_id = ?2 AND p.author_id <> ?1 " \
	"AND p.deleted = 0 AND p.id > coalesce((SELECT last_read_id FROM thread_reads " \
	"WHERE user_id = ?1 AND thread_id = ?2), 0) AND p.id > coalesce((SELECT " \
	"read_floor FROM community_members WHERE user_id = ?1 AND community_id = " \
	"p.community_id), 0) AND " NOT_BLOCKED("p.author_id")

int
db_board_read_first_unread(struct db *db, int64_t actor_id, int64_t thread_id,
    char *path, size_t pathsz)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	/* posts_thread_id narrows to the unread ids; the few left are sorted. */
	if ((st = db_stmt(db, "SELECT min(p.path) " THREAD_UNREAD)) == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = sqlite3_column_type(st, 0) == SQLITE_NULL ? DB_NOTFOUND : DB_OK;
		if (r == DB_OK)
			db_column_text(st, 0, path, pathsz);
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_board_read_thread_unread(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t *count)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	if ((st = db_stmt(db, "SELECT count(*) " THREAD_UNREAD)) == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		r = DB_OK;
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_board_read_follow(struct db *db, int64_t actor_id, int64_t thread_id, int follow)
{
	sqlite3_stmt *st;
	int r;

	if (follow < -1 || follow > 1)
		return DB_INVALID;
	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	st = db_stmt(db, "INSERT INTO thread_reads (user_id, thread_id, follow) "
	    "SELECT ?1, id, ?3 FROM threads WHERE id = ?2 "
	    "ON CONFLICT (user_id, thread_id) DO UPDATE SET follow = excluded.follow");
	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	sqlite3_bind_int(st, 3, follow);
	return db_step_changed(db, st, __func__);
}

/* Unread posts the scan walks: joined communities above their floor, and
 * followed threads anywhere; sorted by community name, thread, post id. */
#define SCAN_FROM "FROM (SELECT p.id AS id, p.thread_id AS thread_id, " \
	"p.community_id AS community_id FROM community_members m JOIN posts p " \
	"ON p.community_id = m.community_id AND p.id > m.read_floor " \
	"WHERE m.user_id = ?1 UNION SELECT p.id, p.thread_id, p.community_id " \
	"FROM thread_reads r JOIN posts p ON p.thread_id = r.thread_id " \
	"AND p.id > r.last_read_id WHERE r.user_id = ?1 AND r.follow = 1) s " \
	"JOIN posts p ON p.id = s.id JOIN communities c ON c.id = s.community_id " \
	"LEFT JOIN thread_reads r ON r.user_id = ?1 AND r.thread_id = s.thread_id " \
	"WHERE p.author_id <> ?1 AND p.deleted = 0 AND s.id > coalesce(r.last_read_id, 0) " \
	"AND coalesce(r.follow, 0) >= 0 AND " NOT_BLOCKED("p.author_id")

int
db_board_read_next(struct db *db, int64_t actor_id, struct board_post *out)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	st = db_stmt(db, "SELECT s.id " SCAN_FROM
	    " ORDER BY c.name, s.thread_id, s.id LIMIT 1");
	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else
		r = rc == SQLITE_DONE ? DB_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != DB_OK)
		return r;
	return db_board_post_get(db, actor_id, id, out);
}

int
db_board_read_count(struct db *db, int64_t actor_id, int64_t *count)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != DB_OK)
		return r;
	if ((st = db_stmt(db, "SELECT count(*) " SCAN_FROM)) == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, actor_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		r = DB_OK;
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}
