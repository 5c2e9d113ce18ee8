/* Communities and membership; see db-board.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "lib/xmalloc.h"

/* Reads the actor's status; ERR_DENIED for no such member. */
static int
actor_state(struct db *db, int64_t actor_id, char *status, size_t sz, bool *rules)
{
	sqlite3_stmt *st;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT status, rules_accepted_at IS NOT NULL FROM users WHERE id = ?",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, status, sz);
		*rules = sqlite3_column_int(st, 1) != 0;
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_DENIED : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_board_may_read(struct db *db, int64_t actor_id)
{
	char status[16];
	bool rules;
	int r;

	if ((r = actor_state(db, actor_id, status, sizeof status, &rules)) != 0)
		return r;
	return strcmp(status, "suspended") == 0 ? ERR_DENIED : ERR_OK;
}

int
db_board_may_post(struct db *db, int64_t actor_id)
{
	return db_user_may_post(db, actor_id);
}

static int
unread_count(struct db *db, int64_t actor_id, int64_t community_id, int64_t *count)
{
	sqlite3_stmt *st;
	int rc, r;

	/* Only posts above the read floor are looked at: the range grows with
	 * what is new since the member last caught up, not with the community. */
	st = DB_STMT(db, "SELECT count(*) FROM (SELECT 1 FROM community_members m "
	    "JOIN posts p ON p.community_id = m.community_id AND p.id > m.read_floor "
	    "LEFT JOIN thread_reads r ON r.user_id = ?1 AND r.thread_id = p.thread_id "
	    "WHERE m.user_id = ?1 AND m.community_id = ?2 AND p.deleted = 0 "
	    "AND p.author_id <> ?1 AND p.id > coalesce(r.last_read_id, 0) "
	    "AND coalesce(r.follow, 0) >= 0 AND " DB_NOT_BLOCKED("p.author_id") " LIMIT ?3)",
	    actor_id, community_id, BOARD_COUNT_CAP);
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

#define COMMUNITY_SELECT "SELECT c.id, c.slug, c.name, c.kind, c.description, " \
	"(SELECT count(*) FROM community_members WHERE community_id = c.id), " \
	"coalesce((SELECT created_at FROM posts WHERE community_id = c.id " \
	"ORDER BY id DESC LIMIT 1), 0), m.user_id IS NOT NULL, " \
	"coalesce((SELECT group_concat(u.display_name, ', ') FROM community_moderators cm " \
	"JOIN users u ON u.id = cm.user_id WHERE cm.community_id = c.id), '') " \
	"FROM communities c LEFT JOIN community_members m " \
	"ON m.community_id = c.id AND m.user_id = ?1 "

static void
community_row(sqlite3_stmt *st, struct board_community *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, c->slug, sizeof c->slug);
	db_column_text(st, 2, c->name, sizeof c->name);
	db_column_text(st, 3, c->kind, sizeof c->kind);
	db_column_text(st, 4, c->description, sizeof c->description);
	c->members = sqlite3_column_int64(st, 5);
	c->last_post_at = sqlite3_column_int64(st, 6);
	c->joined = sqlite3_column_int(st, 7) != 0;
	db_column_text(st, 8, c->moderators, sizeof c->moderators);
}

int
db_board_community_list(struct db *db, int64_t actor_id, bool mine_only,
    struct board_community **out, size_t *n)
{
	struct board_community *list = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* Archived communities leave the list (their threads stay readable). */
	st = db_stmt(db, COMMUNITY_SELECT "WHERE c.archived_at IS NULL AND "
	    "(?2 = 0 OR m.user_id IS NOT NULL) "
	    "ORDER BY c.kind DESC, c.name");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int(st, 2, mine_only);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 32;
			list = xreallocarray(list, cap, sizeof *list);
		}
		community_row(st, &list[len++]);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	for (size_t i = 0; r == 0 && i < len; i++)
		if (list[i].joined)
			r = unread_count(db, actor_id, list[i].id, &list[i].unread);
	if (r != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

int
db_board_community_get(struct db *db, int64_t actor_id, int64_t id,
    struct board_community *out)
{
	struct board_community c;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if ((st = db_stmt(db, COMMUNITY_SELECT "WHERE c.id = ?2")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		community_row(st, &c);
		r = ERR_OK;
	} else
		r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0 && c.joined)
		r = unread_count(db, actor_id, id, &c.unread);
	if (r == 0)
		*out = c;
	return r;
}

int
db_board_community_join(struct db *db, int64_t actor_id, int64_t community_id,
    int unread_days)
{
	sqlite3_stmt *st;
	int64_t now = db_now();
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	if (unread_days < 0)
		unread_days = 0;
	/* Everything older than unread_days counts as read; the rest is the
	 * newcomer's first new-posts scan. */
	st = DB_STMT(db, "INSERT OR IGNORE INTO community_members (community_id, user_id, "
	    "joined_at, read_floor) VALUES (?1, ?2, ?3, coalesce((SELECT max(id) FROM posts "
	    "WHERE community_id = ?1 AND created_at <= ?4), 0))", community_id, actor_id, now,
	    now - (int64_t)unread_days * 86400);
	return db_step_done(db, st, __func__);
}

int
db_board_community_leave(struct db *db, int64_t actor_id, int64_t community_id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "DELETE FROM community_members WHERE community_id = ? AND user_id = ?",
	    community_id, actor_id);
	return db_step_done(db, st, __func__);
}

int
db_board_community_mark_read(struct db *db, int64_t actor_id, int64_t community_id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0)
		return r;
	/* Raising the floor is enough for the joined communities; followed
	 * threads elsewhere get their pointers moved too. */
	st = DB_STMT(db, "UPDATE community_members SET read_floor = max(read_floor, "
	    "coalesce((SELECT max(id) FROM posts WHERE community_id = "
	    "community_members.community_id), 0)) WHERE user_id = ?1 "
	    "AND (?2 = 0 OR community_id = ?2)", actor_id, community_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE thread_reads SET last_read_id = max(last_read_id, "
	    "(SELECT last_post_id FROM threads WHERE id = thread_reads.thread_id)) "
	    "WHERE user_id = ?1 AND follow = 1 AND (?2 = 0 OR thread_id IN "
	    "(SELECT id FROM threads WHERE community_id = ?2))", actor_id, community_id);
	return db_step_done(db, st, __func__);
}
