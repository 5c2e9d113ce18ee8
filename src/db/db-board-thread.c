/* Threads: starting one, and the community's thread list; see db-board.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-probation.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

int
db_board_thread_create(struct db *db, int64_t actor_id, int64_t community_id,
    const char *title, const char *body, const struct board_limits *lim,
    int64_t *thread_id, int64_t *post_id)
{
	sqlite3_stmt *st;
	int64_t tid = 0, pid = 0;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (text_check_line(title, BOARD_TITLE_MAX) != NULL || title[0] == '\0' ||
	    db_board_post_check_body(body) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	/* Standing and rate under the write lock, as for replies. */
	if ((r = db_board_may_post(db, actor_id)) != 0 ||
	    (r = db_board_post_rate(db, actor_id, lim)) != 0)
		goto out;
	if ((r = db_probation_check(db, actor_id, PROBATION_THREADS)) != 0)
		goto out;
	st = DB_STMT(db, "INSERT INTO threads (community_id, author_id, title, created_at, "
	    "last_post_at) VALUES (?, ?, ?, ?, ?)", community_id, actor_id);
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	db_bind_text(st, 3, title);
	sqlite3_bind_int64(st, 4, db_now());
	sqlite3_bind_int64(st, 5, db_now());
	if ((r = db_step_done(db, st, __func__)) != 0)
		goto out;
	tid = sqlite3_last_insert_rowid(db_sqlite(db));
	/* The title is searched too; the index follows by hand (no FTS5 in
	 * triggers with trusted_schema off). */
	if ((st = db_stmt(db, "INSERT INTO threads_fts (rowid, title) VALUES (?, ?)")) == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(st, 1, tid);
	db_bind_text(st, 2, title);
	if ((r = db_step_done(db, st, __func__)) != 0)
		goto out;
	if ((r = db_board_post_insert(db, actor_id, tid, community_id, 0, "", 0, body,
	    &pid)) != 0)
		goto out;
	r = db_commit(db);
out:
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	*thread_id = tid;
	*post_id = pid;
	return 0;
}

#define THREAD_SELECT "SELECT t.id, t.community_id, t.author_id, u.display_name, " \
	"t.title, t.created_at, t.last_post_at, t.last_post_id, t.post_count, t.pinned, " \
	"coalesce(r.follow, 0) >= 0 AND EXISTS (SELECT 1 FROM posts x WHERE " \
	"x.thread_id = t.id AND x.id > max(coalesce(r.last_read_id, 0), " \
	"coalesce(m.read_floor, t.last_post_id)) AND x.author_id <> ?1), " \
	"NOT " DB_NOT_BLOCKED("t.author_id") ", coalesce(r.follow, 0), t.locked, " \
	"t.slow_seconds " \
	"FROM threads t JOIN users u ON u.id = t.author_id " \
	"LEFT JOIN thread_reads r ON r.user_id = ?1 AND r.thread_id = t.id " \
	"LEFT JOIN community_members m ON m.user_id = ?1 AND m.community_id = t.community_id "

static void
thread_row(sqlite3_stmt *st, struct board_thread *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->community_id = sqlite3_column_int64(st, 1);
	t->author_id = sqlite3_column_int64(st, 2);
	db_column_text(st, 3, t->author, sizeof t->author);
	db_column_text(st, 4, t->title, sizeof t->title);
	t->created_at = sqlite3_column_int64(st, 5);
	t->last_post_at = sqlite3_column_int64(st, 6);
	t->last_post_id = sqlite3_column_int64(st, 7);
	t->post_count = sqlite3_column_int64(st, 8);
	t->pinned = sqlite3_column_int(st, 9) != 0;
	t->unread = sqlite3_column_int(st, 10) != 0;
	t->blocked = sqlite3_column_int(st, 11) != 0;
	t->follow = sqlite3_column_int(st, 12);
	t->locked = sqlite3_column_int(st, 13) != 0;
	t->slow_seconds = sqlite3_column_int(st, 14);
}

int
db_board_thread_get(struct db *db, int64_t actor_id, int64_t thread_id,
    struct board_thread *out)
{
	struct board_thread t;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if ((st = db_stmt(db, THREAD_SELECT "WHERE t.id = ?2")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		thread_row(st, &t);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0)
		*out = t;
	return r;
}

int
db_board_thread_page(struct db *db, int64_t actor_id, int64_t community_id,
    const struct board_thread_key *after, bool backwards, size_t max,
    struct board_thread **out, size_t *n)
{
	struct board_thread *list;
	size_t len = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* Keyset pagination on threads_list: a page costs the same on the
	 * first page and the thousandth. */
	if (!backwards)
		st = db_stmt(db, THREAD_SELECT "WHERE t.community_id = ?2 AND "
		    "(t.pinned, t.last_post_at, t.id) < (?3, ?4, ?5) "
		    "ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ?6");
	else	/* read up the index, turned round by the outer query */
		st = db_stmt(db, "SELECT * FROM (" THREAD_SELECT "WHERE t.community_id = ?2 "
		    "AND (t.pinned, t.last_post_at, t.id) > (?3, ?4, ?5) "
		    "ORDER BY t.pinned, t.last_post_at, t.id LIMIT ?6) "
		    "ORDER BY pinned DESC, last_post_at DESC, id DESC");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, community_id);
	sqlite3_bind_int(st, 3, after != NULL ? after->pinned : 2);
	sqlite3_bind_int64(st, 4, after != NULL ? after->last_post_at : 0);
	sqlite3_bind_int64(st, 5, after != NULL ? after->id : 0);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)max);
	list = xcalloc(max > 0 ? max : 1, sizeof *list);
	while (len < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		thread_row(st, &list[len++]);
	r = len == max ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}
