/* The small readers and writers every staff action repeats, written once;
 * see db-staff-internal.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"

#define STAFF_LIST_MAX	500

int
db_staff_row(struct db *db, sqlite3_stmt *st, size_t elsize,
    void (*row)(sqlite3_stmt *st, void *elem), void *out, bool *found, const char *func)
{
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(out, 0, elsize);
		row(st, out);
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		if (found != NULL)
			*found = rc == SQLITE_ROW;
		r = rc == SQLITE_ROW || found != NULL ? ERR_OK : ERR_NOTFOUND;
	} else
		r = db_result(db, rc, func);
	db_stmt_done(db, st);
	return r;
}

int
db_staff_text(struct db *db, sqlite3_stmt *st, char *buf, size_t sz, const char *func)
{
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_column_text(st, 0, buf, sz);
	r = rc == SQLITE_ROW ? ERR_OK : rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, func);
	db_stmt_done(db, st);
	return r;
}

int
db_staff_community_name(struct db *db, int64_t id, char *buf, size_t sz)
{
	if (id == 0) {
		buf[0] = '\0';
		return ERR_OK;
	}
	return db_staff_text(db, DB_STMT(db, "SELECT name FROM communities WHERE id = ?", id),
	    buf, sz, __func__);
}

int
db_staff_member(struct db *db, int64_t user_id)
{
	int64_t exists = 0;
	int r;

	r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM users WHERE id = ?", user_id),
	    &exists, NULL, __func__);
	if (r != 0)
		return r;
	return exists ? ERR_OK : ERR_NOTFOUND;
}

int
db_staff_move(struct db *db, sqlite3_stmt *st, const char *func)
{
	int r = db_step_changed(db, st, func);

	return r == ERR_NOTFOUND ? ERR_STATE : r;
}

int
db_staff_any(struct db *db, int64_t actor_id, bool *admin)
{
	bool moderator = false, is_admin = false;
	enum staff_power p;
	int r;

	if ((r = db_staff_power(db, actor_id, 0, &p)) != 0)
		return r;
	if (p >= STAFF_ADMIN) {
		*admin = true;
		return ERR_OK;
	}
	if ((r = db_staff_roles(db, actor_id, &moderator, &is_admin)) != 0)
		return r;
	if (!moderator)
		return ERR_DENIED;
	*admin = false;
	return ERR_OK;
}

int
db_staff_admin_list(struct db *db, int64_t actor_id, const char *sql, size_t max,
    size_t elsize, void (*row)(sqlite3_stmt *st, void *elem), void **out, size_t *n,
    const char *func)
{
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	if (max > STAFF_LIST_MAX)
		max = STAFF_LIST_MAX;
	return db_collect(db, DB_STMT(db, sql, (int64_t)max), elsize, row, out, n, func);
}

static void
id_row(sqlite3_stmt *st, void *elem)
{
	*(int64_t *)elem = sqlite3_column_int64(st, 0);
}

int
db_staff_notice_each(struct db *db, sqlite3_stmt *st, const char *kind, const char *text,
    const char *func)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int r;

	/* Read them all first: the notices are writes, the statement a read. */
	r = db_collect(db, st, sizeof *ids, id_row, (void **)&ids, &n, func);
	for (size_t i = 0; r == 0 && i < n; i++)
		r = db_notice_add(db, ids[i], kind, text);
	free(ids);
	return r;
}
