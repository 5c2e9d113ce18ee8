/* The programs a traveller will visit, with dates; see db-host.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-host.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* The count and the insert under one lock: two sessions cannot both add
 * the last one. Only an active member lists interviews. */
static int
interview_in_tx(struct db *db, int64_t actor_id, const char *program, int64_t day,
    const char **why)
{
	struct host_interview *list = NULL;
	struct host_actor a;
	sqlite3_stmt *st;
	size_t n = 0;
	int r;

	if ((r = db_host_actor(db, actor_id, &a)) != 0)
		return r == ERR_NOTFOUND ? ERR_DENIED : r;
	if (!a.active) {
		*why = "your account is not active";
		return ERR_DENIED;
	}
	if ((r = db_host_interview_list(db, actor_id, &list, &n)) != 0)
		return r;
	free(list);
	if (n >= HOST_INTERVIEWS_MAX) {
		*why = "at most 20 interviews; remove a past one first";
		return ERR_INVALID;
	}
	st = DB_STMT(db, "INSERT INTO host_interviews (user_id, program, day) VALUES (?, ?, ?)",
	    actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, program);
	sqlite3_bind_int64(st, 3, day);
	return db_step_done(db, st, __func__);
}

static void
interview_row(sqlite3_stmt *st, void *elem)
{
	struct host_interview *iv = elem;

	iv->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, iv->program, sizeof iv->program);
	iv->day = sqlite3_column_int64(st, 2);
}

int
db_host_interview_add(struct db *db, int64_t actor_id, const char *program, int64_t day,
    const char **why)
{
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((*why = text_check_line(program, HOST_TEXT_MAX)) != NULL)
		return ERR_INVALID;
	if (program[0] == '\0') {
		*why = "give the program or hospital name";
		return ERR_INVALID;
	}
	if (day <= host_today(db_now())) {
		*why = "the interview date must be in the future";
		return ERR_INVALID;
	}
	if ((r = db_begin(db)) != 0)
		return r;
	return db_host_end(db, interview_in_tx(db, actor_id, program, day, why));
}

int
db_host_interview_list(struct db *db, int64_t actor_id, struct host_interview **out, size_t *n)
{
	sqlite3_stmt *st;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT id, program, day FROM host_interviews WHERE user_id = ? "
	    "ORDER BY day, id LIMIT ?", actor_id, HOST_INTERVIEWS_MAX);
	return db_collect(db, st, sizeof(struct host_interview), interview_row, (void **)out, n,
	    __func__);
}

int
db_host_interview_remove(struct db *db, int64_t actor_id, int64_t id)
{
	sqlite3_stmt *st;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "DELETE FROM host_interviews WHERE id = ? AND user_id = ?",
	    id, actor_id);
	return db_step_changed(db, st, __func__);
}
