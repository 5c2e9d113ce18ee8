/* Last-read pointers, follow/mute and the new-posts scan; see db-board.h.
 *
 * A pointer is the highest post id the member has read in a thread; it
 * only moves forward (board_read_advance). The scan walks each thread's
 * unread posts oldest first, so moving the pointer to the post just shown
 * never skips one. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "lib/text.h"

int
db_board_read_mark(struct db *db, int64_t actor_id, int64_t thread_id, int64_t post_id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* Never past the thread's newest post, and never backwards. */
	st = DB_STMT(db, "INSERT INTO thread_reads (user_id, thread_id, last_read_id) "
	    "SELECT ?1, id, min(?3, last_post_id) FROM threads WHERE id = ?2 "
	    "ON CONFLICT (user_id, thread_id) DO UPDATE SET "
	    "last_read_id = max(last_read_id, excluded.last_read_id)",
	    actor_id, thread_id, post_id);
	return db_step_changed(db, st, __func__);
}

/* The unread posts of one thread: above both the pointer and the
 * community's floor (a community not joined has no floor). */
#define THREAD_UNREAD "FROM posts p WHERE p.thread_id = ?2 AND p.author_id <> ?1 " \
	"AND p.deleted = 0 AND p.id > coalesce((SELECT last_read_id FROM thread_reads " \
	"WHERE user_id = ?1 AND thread_id = ?2), 0) AND p.id > coalesce((SELECT " \
	"read_floor FROM community_members WHERE user_id = ?1 AND community_id = " \
	"p.community_id), 0) AND " DB_NOT_BLOCKED("p.author_id")

/* The page [from, to] (paths, tree order) was on the member's screen: the
 * pointer moves to the page's newest post, but never past an unread post
 * outside the page (tree order is not id order: a page can hold a newer
 * reply while an older one waits on another page). Both reads are index
 * seeks: the page is a posts_tree range, and the unread post outside it
 * is the first unread id (posts_thread_id), of which at most the page's
 * own posts are stepped over. */
int
db_board_read_mark_page(struct db *db, int64_t actor_id, int64_t thread_id, const char *from,
    const char *to)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if (from == NULL || to == NULL || strcmp(from, to) > 0)
		return ERR_INVALID;
	st = DB_STMT(db, "INSERT INTO thread_reads (user_id, thread_id, last_read_id) "
	    "SELECT ?1, ?2, min(s.seen, coalesce(s.waiting - 1, s.seen)) FROM (SELECT "
	    "(SELECT max(id) FROM posts WHERE thread_id = ?2 AND path >= ?3 AND path <= ?4) "
	    "AS seen, (SELECT min(p.id) " THREAD_UNREAD " AND (p.path < ?3 OR p.path > ?4)) "
	    "AS waiting) s WHERE s.seen IS NOT NULL "
	    "ON CONFLICT (user_id, thread_id) DO UPDATE SET "
	    "last_read_id = max(last_read_id, excluded.last_read_id)", actor_id, thread_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	r = db_step_done(db, st, __func__);
	return r;
}

int
db_board_read_first_unread(struct db *db, int64_t actor_id, int64_t thread_id,
    char *path, size_t pathsz)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* posts_thread_id narrows to the unread ids; the few left are sorted. */
	if ((st = db_stmt(db, "SELECT min(p.path) " THREAD_UNREAD)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = sqlite3_column_type(st, 0) == SQLITE_NULL ? ERR_NOTFOUND : ERR_OK;
		if (r == 0)
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

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if ((st = db_stmt(db, "SELECT count(*) " THREAD_UNREAD)) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		r = ERR_OK;
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
		return ERR_INVALID;
	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO thread_reads (user_id, thread_id, follow) "
	    "SELECT ?1, id, ?3 FROM threads WHERE id = ?2 "
	    "ON CONFLICT (user_id, thread_id) DO UPDATE SET follow = excluded.follow",
	    actor_id, thread_id, follow);
	return db_step_changed(db, st, __func__);
}

/* The scan takes one step at a time, each an index seek that stops at the
 * first match, so a step costs the same however much is unread:
 *   1. the next unread post of the thread being read (posts_thread_id);
 *   2. else the oldest unread post of the first joined community, by name,
 *      that has one (posts_community), which opens its thread;
 *   3. else the oldest unread post of a followed thread elsewhere. */
#define SCAN_POST "p.author_id <> ?1 AND p.deleted = 0 AND p.hidden = 0 AND p.id > coalesce((SELECT " \
	"last_read_id FROM thread_reads WHERE user_id = ?1 AND thread_id = p.thread_id), 0) " \
	"AND coalesce((SELECT follow FROM thread_reads WHERE user_id = ?1 AND " \
	"thread_id = p.thread_id), 0) >= 0 AND " DB_NOT_BLOCKED("p.author_id")

/* Runs a one-column query with ?1 actor and ?2 arg: on success *id is
 * its answer, 0 if no row. */
static int
first_id(struct db *db, const char *sql, int64_t actor_id, int64_t arg, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int64_t v = 0;
	int r;

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, actor_id);
		sqlite3_bind_int64(st, 2, arg);
	}
	if ((r = db_step_int(db, st, &v, NULL, __func__)) == 0)
		*id = v;
	return r;
}

/* db_collect's row reader: one community id. */
static void
id_elem(sqlite3_stmt *st, void *elem)
{
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
}

static int
joined_by_name(struct db *db, int64_t actor_id, int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	st = db_stmt(db, "SELECT m.community_id FROM community_members m JOIN communities c "
	    "ON c.id = m.community_id WHERE m.user_id = ? ORDER BY c.name");
	if (st != NULL)
		sqlite3_bind_int64(st, 1, actor_id);
	if ((r = db_collect(db, st, sizeof **ids, id_elem, &rows, n, __func__)) == 0)
		*ids = rows;
	return r;
}

int
db_board_read_next(struct db *db, int64_t actor_id, int64_t in_thread, struct board_post *out)
{
	int64_t id = 0, *coms = NULL;
	size_t n = 0;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if (in_thread > 0 && (r = first_id(db, "SELECT p.id FROM posts p WHERE p.thread_id = ?2 "
	    "AND p.id > coalesce((SELECT read_floor FROM community_members WHERE user_id = ?1 "
	    "AND community_id = p.community_id), 0) AND " SCAN_POST " ORDER BY p.id LIMIT 1",
	    actor_id, in_thread, &id)) != 0)
		return r;
	if (id == 0 && (r = joined_by_name(db, actor_id, &coms, &n)) != 0)
		return r;
	for (size_t i = 0; id == 0 && i < n && r == 0; i++)
		r = first_id(db, "SELECT p.id FROM posts p WHERE p.community_id = ?2 AND p.id > "
		    "(SELECT read_floor FROM community_members WHERE user_id = ?1 AND "
		    "community_id = ?2) AND " SCAN_POST " ORDER BY p.id LIMIT 1",
		    actor_id, coms[i], &id);
	free(coms);
	if (r != 0)
		return r;
	if (id == 0 && (r = first_id(db, "SELECT p.id FROM thread_reads f JOIN posts p "
	    "ON p.thread_id = f.thread_id AND p.id > f.last_read_id WHERE f.user_id = ?1 "
	    "AND f.follow = 1 AND ?2 = ?2 AND NOT EXISTS (SELECT 1 FROM community_members "
	    "WHERE user_id = ?1 AND community_id = p.community_id) AND " SCAN_POST
	    " ORDER BY f.thread_id, p.id LIMIT 1", actor_id, 0, &id)) != 0)
		return r;
	if (id == 0)
		return ERR_NOTFOUND;
	return db_board_post_get(db, actor_id, id, out);
}

int
db_board_read_count(struct db *db, int64_t actor_id, int64_t *count)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* Two disjoint parts (UNION ALL streams) and a cap: the count stops
	 * at BOARD_COUNT_CAP instead of reading everything unread. */
	st = DB_STMT(db, "SELECT count(*) FROM (SELECT 1 FROM community_members m JOIN posts p "
	    "ON p.community_id = m.community_id AND p.id > m.read_floor WHERE m.user_id = ?1 "
	    "AND " SCAN_POST " UNION ALL SELECT 1 FROM thread_reads f JOIN posts p "
	    "ON p.thread_id = f.thread_id AND p.id > f.last_read_id WHERE f.user_id = ?1 "
	    "AND f.follow = 1 AND NOT EXISTS (SELECT 1 FROM community_members WHERE "
	    "user_id = ?1 AND community_id = p.community_id) AND " SCAN_POST " LIMIT ?2)",
	    actor_id, BOARD_COUNT_CAP);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		r = ERR_OK;
	} else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}
