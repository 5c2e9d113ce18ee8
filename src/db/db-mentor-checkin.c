/* Bookmarks and check-ins; see db-mentor-search.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-internal.h"
#include "db/db-mentor-internal.h"
#include "db/db-mentor-search.h"
#include "db/db-mentor.h"
#include "db/db-user.h"
#include "rules/mentor.h"
#include "lib/xmalloc.h"

int
db_mentor_bookmark(struct db *db, int64_t actor_id, int64_t mentor_id, bool on)
{
	sqlite3_stmt *st;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (actor_id == mentor_id)
		return ERR_INVALID;
	st = db_stmt(db, on ? "INSERT OR IGNORE INTO mentor_bookmarks (user_id, mentor_id, "
	    "created_at) VALUES (?1, ?2, ?3)" :
	    "DELETE FROM mentor_bookmarks WHERE user_id = ?1 AND mentor_id = ?2 AND ?3 = ?3");
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, actor_id);
	sqlite3_bind_int64(st, 2, mentor_id);
	sqlite3_bind_int64(st, 3, db_now());
	return db_step_done(db, st, __func__);
}

int
db_mentor_bookmarked(struct db *db, int64_t actor_id, int64_t mentor_id, bool *on)
{
	sqlite3_stmt *st;
	int64_t count = 0;
	int r;

	st = DB_STMT(db, "SELECT count(*) FROM mentor_bookmarks WHERE user_id = ? "
	    "AND mentor_id = ?", actor_id, mentor_id);
	if ((r = db_step_int(db, st, &count, NULL, __func__)) == 0)
		*on = count > 0;
	return r;
}

/* db_collect's row reader. */
static void
hit_elem(sqlite3_stmt *st, void *elem)
{
	db_mentor_hit_row(st, elem);
}

int
db_mentor_bookmarks(struct db *db, int64_t actor_id, struct mentor_hit **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT " DB_MENTOR_HIT_COLS "FROM mentor_bookmarks b "
	    "JOIN users u ON u.id = b.mentor_id LEFT JOIN mentor_stats s ON s.user_id = u.id "
	    "WHERE b.user_id = ?1 AND " DB_NOT_BLOCKED("u.id")
	    " ORDER BY b.created_at DESC LIMIT 200", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((r = db_collect(db, st, sizeof **out, hit_elem, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}

/* The mentorship's state and the insert under one write lock: a check-in
 * never lands on a mentorship that was ended or paused meanwhile. */
static int
checkin_in_tx(struct db *db, int64_t actor_id, int64_t ship_id, bool met,
    const char *next_date, const char *note)
{
	struct mentorship s;
	sqlite3_stmt *st;
	bool blocked = false;
	int r;

	if ((r = db_mentor_get(db, actor_id, ship_id, &s)) != 0)
		return r;
	/* An admin may read a mentorship but not speak for its members. */
	if (s.mentee_id != actor_id && s.mentor_id != actor_id)
		return ERR_DENIED;
	if (s.state != MS_ACTIVE)
		return ERR_INVALID;
	/* A block stops a mentorship going forward; only ending it is left. */
	if ((r = db_block_between(db, s.mentee_id, s.mentor_id, &blocked)) != 0)
		return r;
	if (blocked)
		return ERR_DENIED;
	st = DB_STMT(db, "INSERT INTO mentor_checkins (mentorship_id, author_id, met, "
	    "next_date, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	    ship_id, actor_id, met);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 4, next_date != NULL ? next_date : "");
	db_bind_text(st, 5, note != NULL ? note : "");
	sqlite3_bind_int64(st, 6, db_now());
	return db_step_done(db, st, __func__);
}

int
db_mentor_checkin_add(struct db *db, int64_t actor_id, int64_t ship_id, bool met,
    const char *next_date, const char *note)
{
	const char *why;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (mentor_check_date(next_date, db_now(), &why) != 0 ||
	    mentor_check_note(note, MENTOR_CHECKIN_MAX, &why) != 0 ||
	    mentor_check_checkin(met, next_date, note, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = checkin_in_tx(db, actor_id, ship_id, met, next_date, note)) != 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

int
db_mentor_checkins(struct db *db, int64_t actor_id, int64_t ship_id,
    struct mentor_checkin **out, size_t *n)
{
	struct mentor_checkin *list = NULL;
	struct mentorship s;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((r = db_mentor_get(db, actor_id, ship_id, &s)) != 0)
		return r;
	st = DB_STMT(db, "SELECT c.id, coalesce(c.author_id, 0), coalesce(u.display_name, ''), "
	    "c.met, c.next_date, c.note, c.created_at FROM mentor_checkins c "
	    "LEFT JOIN users u ON u.id = c.author_id WHERE c.mentorship_id = ? "
	    "ORDER BY c.id DESC LIMIT 100", ship_id);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mentor_checkin *c;

		if (len == cap) {
			cap = cap ? cap * 2 : 8;
			list = xreallocarray(list, cap, sizeof *list);
		}
		c = &list[len++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->author_id = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, c->author_name, sizeof c->author_name);
		c->met = sqlite3_column_int(st, 3) != 0;
		db_column_text(st, 4, c->next_date, sizeof c->next_date);
		db_column_text(st, 5, c->note, sizeof c->note);
		c->created_at = sqlite3_column_int64(st, 6);
	}
	return db_rows_done(db, st, rc, list, len, (void **)out, n, __func__);
}
