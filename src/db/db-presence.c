/* Who's online, one row per live UI process; see db-presence.h. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-presence.h"
#include "lib/xmalloc.h"

int
db_presence_enter(struct db *db, int pid, int64_t user_id, const char *section)
{
	sqlite3_stmt *st;
	int64_t now = db_now();

	if (pid <= 0)
		return ERR_INVALID;
	/* REPLACE: a pid reused after a crash takes over the stale row. */
	st = DB_STMT(db, "INSERT OR REPLACE INTO presence (pid, user_id, section, "
	    "started_at, last_input_at) VALUES (?, ?, ?, ?, ?)", pid, user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, section != NULL ? section : "");
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, now);
	return db_step_done(db, st, __func__);
}

int
db_presence_set_peer(struct db *db, int pid, const char *peer)
{
	sqlite3_stmt *st = DB_STMT(db, "UPDATE presence SET peer = ?2 WHERE pid = ?1", pid);

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, peer != NULL ? peer : "");
	return db_step_changed(db, st, __func__);
}

int
db_presence_update(struct db *db, int pid, const char *section, int64_t last_input_at)
{
	sqlite3_stmt *st;

	st = db_stmt(db, "UPDATE presence SET section = coalesce(?1, section), "
	    "last_input_at = CASE WHEN ?2 > 0 THEN ?2 ELSE last_input_at END WHERE pid = ?3");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, section);
	sqlite3_bind_int64(st, 2, last_input_at);
	sqlite3_bind_int(st, 3, pid);
	return db_step_changed(db, st, __func__);
}

int
db_presence_leave(struct db *db, int pid)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "DELETE FROM presence WHERE pid = ?", pid);
	return db_step_done(db, st, __func__);
}

/* A row is stale when its process is gone. EPERM means the process exists
 * under another uid, so only ESRCH counts. pid <= 0 would address process
 * groups, never a session, so such a row is bogus. */
static bool
presence_stale(int pid)
{
	if (pid <= 0)
		return true;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/* Drops the rows of processes that died without leaving. */
static int
presence_prune(struct db *db)
{
	sqlite3_stmt *st;
	int *dead = NULL;
	size_t n = 0, cap = 0;
	int rc, r, pid;

	/* Collect first, delete after: no writes while the SELECT is open. */
	if ((st = db_stmt(db, "SELECT pid FROM presence")) == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pid = sqlite3_column_int(st, 0);
		if (!presence_stale(pid))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			dead = xreallocarray(dead, cap, sizeof *dead);
		}
		dead[n++] = pid;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	for (size_t i = 0; r == 0 && i < n; i++)
		r = db_presence_leave(db, dead[i]);
	free(dead);
	return r;
}

static void
presence_row(sqlite3_stmt *st, void *elem)
{
	struct presence *p = elem;

	p->pid = sqlite3_column_int(st, 0);
	p->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, p->login, sizeof p->login);
	db_column_text(st, 3, p->name, sizeof p->name);
	db_column_text(st, 4, p->section, sizeof p->section);
	p->started_at = sqlite3_column_int64(st, 5);
	p->last_input_at = sqlite3_column_int64(st, 6);
	db_column_text(st, 7, p->peer, sizeof p->peer);
}

int
db_presence_list(struct db *db, struct presence **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	if ((r = presence_prune(db)) != 0)
		return r;
	st = db_stmt(db, "SELECT p.pid, p.user_id, u.login, u.display_name, p.section, "
	    "p.started_at, p.last_input_at, p.peer FROM presence p JOIN users u ON u.id = p.user_id "
	    "ORDER BY u.display_name COLLATE NOCASE, u.login, p.pid");
	if (st == NULL)
		return ERR_INTERNAL;
	if ((r = db_collect(db, st, sizeof **out, presence_row, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}

int
db_presence_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st;
	int r;

	if ((r = presence_prune(db)) != 0)
		return r;
	if ((st = db_stmt(db, "SELECT count(*) FROM presence")) == NULL)
		return ERR_INTERNAL;
	return db_step_int(db, st, n, NULL, __func__);
}
