/* The penalty store; see db-penalty.h. Its own handle and schema, not
 * struct db: it must work without the member database's migrations. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db-penalty.h"
#include "lib/err.h"
#include "lib/log.h"
#include "lib/xmalloc.h"

struct db_penalty {
	sqlite3 *sq;
	sqlite3_stmt *save, *purge, *load;
};

/* Version N is migrations[N - 1]; append, never edit. */
static const char *const migrations[] = {
	"CREATE TABLE penalties ("
	"  source TEXT PRIMARY KEY,"	/* "addr/bits" */
	"  expiry REAL NOT NULL,"	/* unix time */
	"  active INTEGER NOT NULL CHECK (active IN (0, 1)),"
	"  reason TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX penalties_expiry ON penalties(expiry);",
};

static int
fail(struct db_penalty *pd, char *err, size_t errsz, const char *what)
{
	snprintf(err, errsz, "penalty store: %s: %s", what, sqlite3_errmsg(pd->sq));
	return (sqlite3_errcode(pd->sq) & 0xff) == SQLITE_BUSY ? ERR_BUSY : ERR_INTERNAL;
}

static int
migrate(struct db_penalty *pd, char *err, size_t errsz)
{
	const int latest = (int)(sizeof migrations / sizeof migrations[0]);
	sqlite3_stmt *st = NULL;
	char sql[48];
	int cur = -1;

	if (sqlite3_exec(pd->sq, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return fail(pd, err, errsz, "begin");
	if (sqlite3_prepare_v2(pd->sq, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		cur = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (cur < 0 || cur > latest) {
		sqlite3_exec(pd->sq, "ROLLBACK", NULL, NULL, NULL);
		snprintf(err, errsz, "penalty store: schema version %d is not one this "
		    "mentorbbs knows (%d)", cur, latest);
		return ERR_INTERNAL;
	}
	for (int v = cur + 1; v <= latest; v++) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
		if (sqlite3_exec(pd->sq, migrations[v - 1], NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(pd->sq, sql, NULL, NULL, NULL) != SQLITE_OK) {
			int r = fail(pd, err, errsz, "migration");

			sqlite3_exec(pd->sq, "ROLLBACK", NULL, NULL, NULL);
			return r;
		}
	}
	if (sqlite3_exec(pd->sq, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int r = fail(pd, err, errsz, "commit");

		sqlite3_exec(pd->sq, "ROLLBACK", NULL, NULL, NULL);
		return r;
	}
	return 0;
}

int
db_penalty_open(const char *path, struct db_penalty **out, char *err, size_t errsz)
{
	struct db_penalty *pd = xcalloc(1, sizeof *pd);
	int fd, r = ERR_INTERNAL;

	/* Private like the member database: it names attacking addresses. */
	if (strcmp(path, ":memory:") != 0 &&
	    (fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) != -1)
		close(fd);
	if (sqlite3_open_v2(path, &pd->sq, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		snprintf(err, errsz, "penalty store %s: %s", path,
		    pd->sq != NULL ? sqlite3_errmsg(pd->sq) : "cannot open");
		goto out;
	}
	sqlite3_busy_timeout(pd->sq, 1000);
	sqlite3_db_config(pd->sq, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/* Losing the last penalties to a power cut is harmless; stalling
	 * the accept loop on fsync under a flood is not. */
	if (sqlite3_exec(pd->sq, "PRAGMA synchronous = OFF; PRAGMA trusted_schema = OFF",
	    NULL, NULL, NULL) != SQLITE_OK) {
		r = fail(pd, err, errsz, "configure");
		goto out;
	}
	if ((r = migrate(pd, err, errsz)) != 0)
		goto out;
	if (sqlite3_prepare_v3(pd->sq, "INSERT OR REPLACE INTO penalties (source, expiry, "
	    "active, reason) VALUES (?, ?, ?, ?)", -1, SQLITE_PREPARE_PERSISTENT,
	    &pd->save, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(pd->sq, "DELETE FROM penalties WHERE expiry <= ?", -1,
	    SQLITE_PREPARE_PERSISTENT, &pd->purge, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(pd->sq, "SELECT source, expiry, active, reason FROM penalties "
	    "WHERE expiry > ? ORDER BY expiry", -1, SQLITE_PREPARE_PERSISTENT,
	    &pd->load, NULL) != SQLITE_OK) {
		r = fail(pd, err, errsz, "prepare");
		goto out;
	}
	*out = pd;
	return 0;
out:
	db_penalty_close(pd);
	return r;
}

void
db_penalty_close(struct db_penalty *pd)
{
	if (pd == NULL)
		return;
	sqlite3_finalize(pd->save);
	sqlite3_finalize(pd->purge);
	sqlite3_finalize(pd->load);
	sqlite3_close(pd->sq);
	free(pd);
}

static int
step(struct db_penalty *pd, sqlite3_stmt *st, const char *func)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE)
		return 0;
	log_write(LOG_WARN, func, "penalty store: %s", sqlite3_errmsg(pd->sq));
	return (rc & 0xff) == SQLITE_BUSY ? ERR_BUSY : ERR_INTERNAL;
}

int
db_penalty_save(struct db_penalty *pd, const char *source, double expiry,
    bool active, const char *reason, double now)
{
	int r;

	sqlite3_bind_double(pd->purge, 1, now);
	if ((r = step(pd, pd->purge, __func__)) != 0)
		return r;
	sqlite3_bind_text(pd->save, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_double(pd->save, 2, expiry);
	sqlite3_bind_int(pd->save, 3, active ? 1 : 0);
	sqlite3_bind_text(pd->save, 4, reason, -1, SQLITE_STATIC);
	return step(pd, pd->save, __func__);
}

int
db_penalty_load(struct db_penalty *pd, double now,
    void (*fn)(void *ud, const char *source, double expiry, bool active,
    const char *reason), void *ud)
{
	int rc;

	sqlite3_bind_double(pd->load, 1, now);
	while ((rc = sqlite3_step(pd->load)) == SQLITE_ROW) {
		const char *src = (const char *)sqlite3_column_text(pd->load, 0);
		const char *why = (const char *)sqlite3_column_text(pd->load, 3);

		fn(ud, src != NULL ? src : "", sqlite3_column_double(pd->load, 1),
		    sqlite3_column_int(pd->load, 2) != 0, why != NULL ? why : "");
	}
	sqlite3_reset(pd->load);
	if (rc == SQLITE_DONE)
		return 0;
	log_warn("penalty store: %s", sqlite3_errmsg(pd->sq));
	return ERR_INTERNAL;
}
