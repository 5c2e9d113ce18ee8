/* Posts; see db-board.h. A new post takes the next sequence number of its
 * thread and builds its tree path from its parent's (board_path_child), in
 * the caller's transaction with the thread's counters, the search index
 * and the notices it causes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-community.h"
#include "db/db-internal.h"
#include "db/db-sanction.h"
#include "db/db-flag.h"
#include "db/db-notice.h"
#include "db/db-probation.h"
#include "db/db-rate.h"
#include "db/db-thread-mod.h"
#include "rules/flag.h"
#include "rules/message.h"
#include "rules/sanction.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

void
db_board_posts_free(struct board_post *p, size_t n)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(p[i].body);
	free(p);
}

int
db_board_post_check_body(const char *body)
{
	const char *why = text_check_multiline(body, BOARD_BODY_MAX);
	size_t i = 0;

	if (why != NULL)
		return ERR_INVALID;
	/* Only white space is no post at all. */
	while (body[i] == ' ' || body[i] == '\n' || body[i] == '\t')
		i++;
	return body[i] == '\0' ? ERR_INVALID : ERR_OK;
}

int
db_board_post_rate(struct db *db, int64_t actor_id, const struct board_limits *lim)
{
	struct rate_verdict v;
	int r;

	if (lim == NULL)
		return 0;
	/* posts_author_time (author_id, created_at): one short index range. */
	if ((r = db_rate_check(db, actor_id, RATE_POSTS, &lim->rate, &v, NULL)) != 0)
		return r;
	return v.allowed ? ERR_OK : ERR_TOO_FAST;
}

/* Takes the thread's next sequence number and bumps its counters. */
static int
thread_next_seq(struct db *db, int64_t thread_id, int64_t now, int64_t *seq)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "UPDATE threads SET next_seq = next_seq + 1, post_count = "
	    "post_count + 1, last_post_at = ?2 WHERE id = ?1 RETURNING next_seq",
	    thread_id, now);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
own_pointer(struct db *db, int64_t actor_id, int64_t thread_id, int64_t post_id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "INSERT INTO thread_reads (user_id, thread_id, last_read_id) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (user_id, thread_id) DO UPDATE SET "
	    "last_read_id = max(last_read_id, excluded.last_read_id)",
	    actor_id, thread_id, post_id);
	return db_step_done(db, st, __func__);
}

/* The search index follows the posts by hand, in the caller's
 * transaction: SQLite refuses FTS5 in triggers with trusted_schema off. */
static int
fts_add(struct db *db, int64_t post_id, const char *body)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, "INSERT INTO posts_fts (rowid, body) VALUES (?, ?)")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, post_id);
	db_bind_text(st, 2, body);
	return db_step_done(db, st, __func__);
}

/* Takes the post's current body out of the index. */
static int
fts_remove(struct db *db, int64_t post_id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "INSERT INTO posts_fts (posts_fts, rowid, body) "
	    "SELECT 'delete', id, body FROM posts WHERE id = ?", post_id);
	return db_step_done(db, st, __func__);
}

int
db_board_post_insert(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t community_id, int64_t parent_id, const char *parent_path, int parent_depth,
    const char *body, int64_t *post_id)
{
	char path[BOARD_PATH_SZ];
	int64_t now = db_now(), seq = 0, id;
	sqlite3_stmt *st;
	int depth = 0, r;

	/* A member silenced in this community (or everywhere) reads only. */
	if ((r = db_sanction_may_speak(db, actor_id, community_id)) != 0)
		return r;
	/* A locked thread or slow mode refuses a reply (db-thread-mod.c). */
	if (parent_id > 0 && (r = db_thread_mod_may_reply(db, actor_id, thread_id,
	    community_id)) != 0)
		return r;
	/* An archived community is read-only (ERR_STATE). */
	if ((r = db_community_open_for_posts(db, community_id)) != 0)
		return r;
	if ((r = thread_next_seq(db, thread_id, now, &seq)) != 0)
		return r;
	if (!board_path_child(parent_path, parent_depth, seq, path, sizeof path, &depth))
		return ERR_INVALID;
	st = DB_STMT(db, "INSERT INTO posts (thread_id, community_id, parent_id, author_id, "
	    "path, depth, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    thread_id, community_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if (parent_id > 0)
		sqlite3_bind_int64(st, 3, parent_id);
	sqlite3_bind_int64(st, 4, actor_id);
	db_bind_text(st, 5, path);
	sqlite3_bind_int(st, 6, depth);
	db_bind_text(st, 7, body);
	sqlite3_bind_int64(st, 8, now);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	id = sqlite3_last_insert_rowid(db_sqlite(db));
	if ((r = fts_add(db, id, body)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE threads SET last_post_id = ? WHERE id = ?", id, thread_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	/* One's own posts are never unread, so only a new thread needs the
	 * pointer; a reply leaves it where reading left it (the scan may be
	 * half way through the thread). */
	if (parent_id == 0 && (r = own_pointer(db, actor_id, thread_id, id)) != 0)
		return r;
	*post_id = id;
	return 0;
}

#define POST_COLUMNS "SELECT p.id, p.thread_id, p.community_id, coalesce(p.parent_id, 0), " \
	"p.author_id, u.display_name, p.path, p.depth, p.body, p.created_at, " \
	"coalesce(p.edited_at, 0), p.deleted, NOT " DB_NOT_BLOCKED("p.author_id") ", " \
	"p.author_id <> ?1 AND p.id > max(coalesce((SELECT last_read_id FROM thread_reads " \
	"WHERE user_id = ?1 AND thread_id = p.thread_id), 0), coalesce((SELECT read_floor " \
	"FROM community_members WHERE user_id = ?1 AND community_id = p.community_id), " \
	"p.id)), p.hidden, p.removed_reason, p.author_id = ?1 "
#define POST_FROM "FROM posts p JOIN users u ON u.id = p.author_id "
#define POST_SELECT POST_COLUMNS POST_FROM

static void
post_row(sqlite3_stmt *st, struct board_post *p)
{
	const unsigned char *body;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->thread_id = sqlite3_column_int64(st, 1);
	p->community_id = sqlite3_column_int64(st, 2);
	p->parent_id = sqlite3_column_int64(st, 3);
	p->author_id = sqlite3_column_int64(st, 4);
	db_column_text(st, 5, p->author, sizeof p->author);
	db_column_text(st, 6, p->path, sizeof p->path);
	p->depth = sqlite3_column_int(st, 7);
	p->created_at = sqlite3_column_int64(st, 9);
	p->edited_at = sqlite3_column_int64(st, 10);
	p->deleted = sqlite3_column_int(st, 11) != 0;
	p->blocked = sqlite3_column_int(st, 12) != 0;
	p->unread = sqlite3_column_int(st, 13) != 0;
	p->hidden = sqlite3_column_int(st, 14);
	p->removed = p->deleted && sqlite3_column_type(st, 15) != SQLITE_NULL;
	body = sqlite3_column_text(st, 8);
	if (p->removed) {
		char stub[STAFF_REASON_MAX * 4 + 64];

		flag_removed_stub(stub, sizeof stub, (const char *)sqlite3_column_text(st, 15));
		p->body = xstrdup(stub);
		return;
	}
	/* The reader never receives what a blocked member wrote, nor a
	 * hidden post unless they wrote it. */
	p->body = xstrdup(body != NULL && !p->blocked && !p->deleted && (p->hidden == 0 ||
	    sqlite3_column_int(st, 16) != 0) ? (const char *)body : "");
}

int
db_board_post_get(struct db *db, int64_t actor_id, int64_t post_id, struct board_post *out)
{
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if ((st = db_stmt(db, POST_SELECT "WHERE p.id = ?2")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, post_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		post_row(st, out);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* A page's rows, with one more column: are there posts on the other side
 * of from, the side the page does not read towards? posts_tree (thread_id, path)
 * makes the page one index range read and the column one seek, evaluated
 * once (it does not depend on the row). Each reads max + 1 rows, the last
 * only to learn whether the page's own direction goes on. Backwards reads
 * down the index; the caller turns the rows round. */
static const char *
page_sql(bool inclusive, bool backwards)
{
	if (backwards)
		return POST_COLUMNS ", EXISTS (SELECT 1 FROM posts o WHERE o.thread_id = ?2 "
		    "AND o.path >= ?3) " POST_FROM "WHERE p.thread_id = ?2 AND p.path < ?3 "
		    "ORDER BY p.path DESC LIMIT ?4";
	if (inclusive)
		return POST_COLUMNS ", EXISTS (SELECT 1 FROM posts o WHERE o.thread_id = ?2 "
		    "AND o.path < ?3) " POST_FROM "WHERE p.thread_id = ?2 AND p.path >= ?3 "
		    "ORDER BY p.path LIMIT ?4";
	return POST_COLUMNS ", EXISTS (SELECT 1 FROM posts o WHERE o.thread_id = ?2 "
	    "AND o.path <= ?3) " POST_FROM "WHERE p.thread_id = ?2 AND p.path > ?3 "
	    "ORDER BY p.path LIMIT ?4";
}

#define PAGE_BEHIND_COL 17	/* the EXISTS column of page_sql */

static void
reverse_posts(struct board_post *p, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct board_post t = p[i];

		p[i] = p[n - 1 - i];
		p[n - 1 - i] = t;
	}
}

int
db_board_post_page(struct db *db, int64_t actor_id, int64_t thread_id,
    const char *from, bool inclusive, bool backwards, size_t max,
    struct board_post **out, size_t *n, struct board_post_more *more)
{
	struct board_post *list;
	bool ahead = false, behind = false;
	size_t len = 0;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if ((st = db_stmt(db, page_sql(inclusive, backwards))) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, thread_id);
	db_bind_text(st, 3, from != NULL ? from : "");
	sqlite3_bind_int64(st, 4, (sqlite3_int64)max + 1);
	list = xcalloc(max > 0 ? max : 1, sizeof *list);
	while (len < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		behind = sqlite3_column_int(st, PAGE_BEHIND_COL) != 0;
		post_row(st, &list[len++]);
	}
	/* A full page: one step more says whether its direction goes on. */
	if (len == max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		behind = sqlite3_column_int(st, PAGE_BEHIND_COL) != 0;
		ahead = true;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		db_board_posts_free(list, len);
		return r;
	}
	if (backwards)
		reverse_posts(list, len);
	*out = list;
	*n = len;
	if (more != NULL) {
		more->before = backwards ? ahead : behind;
		more->after = backwards ? behind : ahead;
	}
	return 0;
}

/* Notices for a new reply: the parent's author, then the thread's
 * followers, never the replier and never across a block. */
static int
reply_notices(struct db *db, int64_t actor_id, int64_t thread_id, int64_t parent_author,
    const char *title, int64_t post_id)
{
	char name[MEMBER_NAME_SZ], text[MEMBER_NAME_SZ + BOARD_TITLE_SZ + 64];
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc, r;

	if ((st = db_stmt(db, "SELECT display_name FROM users WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	name[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_text(st, 0, name, sizeof name);
	db_stmt_done(db, st);
	st = DB_STMT(db, "SELECT ?2 UNION SELECT user_id FROM thread_reads WHERE "
	    "thread_id = ?3 AND follow = 1", actor_id, parent_author, thread_id);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	for (size_t i = 0; r == 0 && i < n; i++) {
		bool blocked = false;

		if (ids[i] == actor_id)
			continue;
		st = DB_STMT(db, "SELECT " DB_NOT_BLOCKED("?2"), actor_id, ids[i]);
		if (st == NULL) {
			r = ERR_INTERNAL;
			break;
		}
		blocked = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
		db_stmt_done(db, st);
		if (blocked)
			continue;
		if (ids[i] == parent_author)
			snprintf(text, sizeof text, "%s replied to your post in \"%s\"", name, title);
		else
			snprintf(text, sizeof text, "%s replied in \"%s\", a thread you follow",
			    name, title);
		r = db_notice_add_about(db, ids[i], "board", text, NOTICE_ON_POST, post_id);
	}
	free(ids);
	return r;
}

int
db_board_post_reply(struct db *db, int64_t actor_id, int64_t parent_id, const char *body,
    const struct board_limits *lim, int64_t *post_id)
{
	char path[BOARD_PATH_SZ], title[BOARD_TITLE_SZ];
	int64_t thread_id = 0, community_id = 0, parent_author = 0, pid = 0;
	sqlite3_stmt *st;
	int depth = 0, rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (db_board_post_check_body(body) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	/* Standing and rate in the write transaction: two sessions cannot
	 * both take the last post of the minute, nor post past a suspension
	 * that committed first. */
	if ((r = db_board_may_post(db, actor_id)) != 0 ||
	    (r = db_board_post_rate(db, actor_id, lim)) != 0)
		goto out;
	if ((r = db_probation_check(db, actor_id, PROBATION_REPLIES)) != 0)
		goto out;
	st = DB_STMT(db, "SELECT p.thread_id, p.community_id, p.author_id, p.path, p.depth, "
	    "t.title FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = ?",
	    parent_id);
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		thread_id = sqlite3_column_int64(st, 0);
		community_id = sqlite3_column_int64(st, 1);
		parent_author = sqlite3_column_int64(st, 2);
		db_column_text(st, 3, path, sizeof path);
		depth = sqlite3_column_int(st, 4);
		db_column_text(st, 5, title, sizeof title);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		goto out;
	if ((r = db_board_post_insert(db, actor_id, thread_id, community_id, parent_id, path, depth,
	    body, &pid)) != 0)
		goto out;
	if ((r = reply_notices(db, actor_id, thread_id, parent_author, title, pid)) != 0)
		goto out;
	r = db_commit(db);
out:
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	*post_id = pid;
	return 0;
}

/* ERR_OK if actor may change post_id: its author or an active admin. */
static int
may_change(struct db *db, int64_t actor_id, int64_t post_id)
{
	sqlite3_stmt *st;
	int64_t owner = 0;
	bool deleted = false;
	int rc, r;

	if ((st = db_stmt(db, "SELECT author_id, deleted FROM posts WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, post_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		owner = sqlite3_column_int64(st, 0);
		deleted = sqlite3_column_int(st, 1) != 0;
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	if (deleted)
		return ERR_NOTFOUND;
	if ((r = db_user_may(db, actor_id, owner, false)) != 0)
		return r;
	/* A pending author may not change what is already there either. */
	return actor_id == owner ? db_board_may_post(db, actor_id) : ERR_OK;
}

int
db_board_post_edit(struct db *db, int64_t actor_id, int64_t post_id, const char *body)
{
	sqlite3_stmt *st;
	int r;

	if (db_board_post_check_body(body) != 0)
		return ERR_INVALID;
	/* Who may change it is read under the write lock, so a delete or a
	 * suspension that commits first is seen. */
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = may_change(db, actor_id, post_id)) != 0)
		goto out;
	if ((r = fts_remove(db, post_id)) != 0)
		goto out;
	st = db_stmt(db, "UPDATE posts SET body = ?, edited_at = ? WHERE id = ? AND deleted = 0");
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	db_bind_text(st, 1, body);
	sqlite3_bind_int64(st, 2, db_now());
	sqlite3_bind_int64(st, 3, post_id);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		goto out;
	if ((r = fts_add(db, post_id, body)) != 0)
		goto out;
	/* A hidden post, edited, goes back to the moderators. */
	if ((r = db_flag_post_edited(db, post_id)) != 0)
		goto out;
	r = db_commit(db);
out:
	if (r != 0)
		db_rollback(db);
	return r;
}

int
db_board_post_remove(struct db *db, int64_t post_id, const char *reason)
{
	sqlite3_stmt *st;
	int r;

	if ((r = fts_remove(db, post_id)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE posts SET deleted = 1, hidden = 0, removed_reason = ?2, "
	    "edited_at = ?3 WHERE id = ?1 AND deleted = 0", post_id, 0, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, reason);
	r = db_step_changed(db, st, __func__);
	return r == ERR_NOTFOUND ? ERR_STATE : r;
}

int
db_board_post_delete(struct db *db, int64_t actor_id, int64_t post_id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = may_change(db, actor_id, post_id)) != 0)
		goto out;
	if ((r = fts_remove(db, post_id)) != 0)
		goto out;
	/* A stub keeps the place of the replies underneath. */
	st = DB_STMT(db, "UPDATE posts SET body = '', deleted = 1, edited_at = ? "
	    "WHERE id = ? AND deleted = 0", db_now(), post_id);
	if (st == NULL) {
		r = ERR_INTERNAL;
		goto out;
	}
	if ((r = db_step_changed(db, st, __func__)) != 0)
		goto out;
	r = db_commit(db);
out:
	if (r != 0)
		db_rollback(db);
	return r;
}
