/* The database handle: open, migrate, seed, check, back up; see db.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "lib/log.h"
#include "db/sqlembed.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

#define DB_BUSY_TIMEOUT_MS	5000
/* How long a wait for a lock goes on before the handle's busy notice is
 * called, so a member is told within a second, and how often the search
 * budget's clock is read (in SQLite virtual-machine steps). */
#define DB_BUSY_NOTIFY_MS	800
#define DB_PROGRESS_STEPS	1000
#define DB_SEARCH_MS		250
#define DB_WALL_FACTOR		4	/* a search's wall-clock backstop, in budgets */
/* Index slots to start with: room for 256 statements at half load, over
 * the ~200 distinct statements the program has, so a session never grows
 * it; it doubles if a later version has more. */
#define DB_STMT_SLOTS		512

/* One cached statement. Its SQL text has static storage (db-internal.h),
 * so the text's address is its key. */
struct db_cached {
	const char *sql;
	sqlite3_stmt *st;
	bool busy;		/* handed out and not yet done */
};

/* The statement cache: every statement prepared once per connection, in
 * a dense array, found through two open-addressing indexes (linear
 * probing) of entry number + 1, 0 for an empty slot: by the SQL text's
 * address for db_stmt, by the statement's for db_stmt_done. A lookup is a
 * hash and, at under half load, about one probe: no scan of the cache. */
struct db_cache {
	struct db_cached *ent;
	size_t n, cap;		/* entries used / allocated */
	uint32_t *by_sql, *by_st;
	size_t slots;		/* a power of two, at least 2 * n */
};

struct db {
	sqlite3 *sq;
	struct db_cache cache;
	int64_t busy_start;		/* monotonic ms when this wait began */
	bool busy_told;			/* busy_fn already called for this wait */
	void (*busy_fn)(void *arg);
	void *busy_arg;
	int search_ms;			/* a search's time budget */
	int64_t deadline;		/* thread CPU ms the budget ends; 0: none */
	int64_t wall_deadline;		/* monotonic ms: the backstop */
	bool over_budget;		/* the progress handler interrupted */
	struct db_wake wake;		/* db-wake.c */
};

struct db_wake *
db_wake_state(struct db *db)
{
	return &db->wake;
}

static int64_t now_override;

sqlite3 *
db_sqlite(struct db *db)
{
	return db->sq;
}

const char *
db_errmsg(struct db *db)
{
	if (db == NULL || db->sq == NULL)
		return "no database";
	return sqlite3_errmsg(db->sq);
}

int64_t
db_now(void)
{
	if (now_override != 0)
		return now_override;
	return (int64_t)time(NULL);
}

void
db_set_now_for_tests(int64_t t)
{
	now_override = t;
}

static void (*tx_hook)(struct db *, const char *, void *);
static void *tx_hook_arg;

void
db_set_tx_hook_for_tests(void (*fn)(struct db *db, const char *point, void *arg), void *arg)
{
	tx_hook = fn;
	tx_hook_arg = arg;
}

/* Fibonacci hashing of an address into a table of `slots` (a power of two). */
static size_t
cache_hash(const void *p, size_t slots)
{
	return (size_t)(((uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15)) >> 32) &
	    (slots - 1);
}

/* The slot of index idx that holds key (by_sql: idx is keyed by each
 * entry's SQL address, else by its statement's), or the empty slot where
 * it would go. */
static size_t
cache_find(const struct db_cache *c, const uint32_t *idx, const void *key, bool by_sql)
{
	size_t i = cache_hash(key, c->slots);

	while (idx[i] != 0) {
		const struct db_cached *e = &c->ent[idx[i] - 1];

		if ((by_sql ? (const void *)e->sql : (const void *)e->st) == key)
			break;
		i = (i + 1) & (c->slots - 1);
	}
	return i;
}

/* (Re)builds both indexes at `slots` slots from the entries. */
static void
cache_index(struct db_cache *c, size_t slots)
{
	free(c->by_sql);
	free(c->by_st);
	c->slots = slots;
	c->by_sql = xcalloc(slots, sizeof *c->by_sql);
	c->by_st = xcalloc(slots, sizeof *c->by_st);
	for (size_t k = 0; k < c->n; k++) {
		c->by_sql[cache_find(c, c->by_sql, c->ent[k].sql, true)] = (uint32_t)k + 1;
		c->by_st[cache_find(c, c->by_st, c->ent[k].st, false)] = (uint32_t)k + 1;
	}
}

/* Adds a freshly prepared statement, handed out (busy). */
static void
cache_add(struct db_cache *c, const char *sql, sqlite3_stmt *st)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : DB_STMT_SLOTS / 2;
		c->ent = xreallocarray(c->ent, c->cap, sizeof *c->ent);
	}
	c->ent[c->n++] = (struct db_cached){ sql, st, true };
	if (c->slots < 2 * c->n)
		cache_index(c, c->slots ? c->slots * 2 : DB_STMT_SLOTS);
	else {
		c->by_sql[cache_find(c, c->by_sql, sql, true)] = (uint32_t)c->n;
		c->by_st[cache_find(c, c->by_st, st, false)] = (uint32_t)c->n;
	}
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	struct db_cache *c = &db->cache;
	sqlite3_stmt *st = NULL;
	uint32_t k = 0;
	int rc;

	if (c->slots > 0 && (k = c->by_sql[cache_find(c, c->by_sql, sql, true)]) != 0 &&
	    !c->ent[k - 1].busy) {
		c->ent[k - 1].busy = true;
		return c->ent[k - 1].st;
	}
	if (k == 0) {
		rc = sqlite3_prepare_v3(db->sq, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
		if (rc != SQLITE_OK)
			goto fail;
		cache_add(c, sql, st);
		return st;
	}
	/* The cached copy is in use (a caller iterating calls another
	 * function with the same SQL): a private one, finalized when done. */
	if ((rc = sqlite3_prepare_v2(db->sq, sql, -1, &st, NULL)) == SQLITE_OK)
		return st;
fail:
	log_err("prepare failed: %s", sqlite3_errmsg(db->sq));
	return NULL;
}

void
db_stmt_done(struct db *db, sqlite3_stmt *st)
{
	struct db_cache *c = &db->cache;
	uint32_t k;

	if (st == NULL)
		return;
	if (c->slots > 0 && (k = c->by_st[cache_find(c, c->by_st, st, false)]) != 0) {
		/* The reset's return repeats the step's error, already handled. */
		(void)sqlite3_reset(st);
		(void)sqlite3_clear_bindings(st);
		c->ent[k - 1].busy = false;
		return;
	}
	sqlite3_finalize(st);
}

int
db_result(struct db *db, int rc, const char *func)
{
	switch (rc) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return 0;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return ERR_EXISTS;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return ERR_NOTFOUND;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return ERR_INVALID;
	}
	/* Only the search budget's progress handler interrupts a statement. */
	if (rc == SQLITE_INTERRUPT && db->over_budget) {
		log_write(LOG_INFO, func, "search stopped after %d ms", db->search_ms);
		return ERR_TOOBROAD;
	}
	/* Another connection held the lock past the busy timeout: nothing is
	 * wrong with the data, so the caller may say "busy, try again". The
	 * primary code covers the extended ones (BUSY_SNAPSHOT, BUSY_RECOVERY). */
	if ((rc & 0xff) == SQLITE_BUSY) {
		log_write(LOG_WARN, func, "sqlite: %s (%d)", sqlite3_errmsg(db->sq), rc);
		return ERR_BUSY;
	}
	log_write(LOG_ERR, func, "sqlite: %s (%d)", sqlite3_errmsg(db->sq), rc);
	return ERR_INTERNAL;
}

int
db_collect(struct db *db, sqlite3_stmt *st, size_t elsize,
    void (*row)(sqlite3_stmt *st, void *elem), void **out, size_t *n, const char *func)
{
	char *list = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			list = xreallocarray(list, cap, elsize);
		}
		memset(list + len * elsize, 0, elsize);
		row(st, list + len * elsize);
		len++;
	}
	r = db_result(db, rc, func);
	db_stmt_done(db, st);
	if (r != 0) {
		free(list);
		return r;
	}
	*out = list;
	*n = len;
	return 0;
}

sqlite3_stmt *
db_stmt_ints(struct db *db, const char *sql, const int64_t *args, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	for (size_t i = 0; st != NULL && i < n; i++)
		sqlite3_bind_int64(st, (int)i + 1, args[i]);
	return st;
}

int
db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out, bool *found, const char *func)
{
	int64_t v = 0;
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	r = db_result(db, rc, func);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	if (rc == SQLITE_ROW)
		*out = v;
	if (found != NULL)
		*found = rc == SQLITE_ROW;
	return 0;
}

int
db_rows_done(struct db *db, sqlite3_stmt *st, int rc, void *rows, size_t k, void **out,
    size_t *n, const char *func)
{
	int r = db_result(db, rc, func);

	db_stmt_done(db, st);
	if (r != 0) {
		free(rows);
		return r;
	}
	*out = rows;
	*n = k;
	return 0;
}

int
db_step_done(struct db *db, sqlite3_stmt *st, const char *func)
{
	int rc;

	if (st == NULL)
		return ERR_INTERNAL;
	if (tx_hook != NULL)
		tx_hook(db, "write", tx_hook_arg);
	rc = db_result(db, sqlite3_step(st), func);
	db_stmt_done(db, st);
	return rc;
}

int
db_step_changed(struct db *db, sqlite3_stmt *st, const char *func)
{
	int r;

	if (st == NULL)
		return ERR_INTERNAL;
	if (tx_hook != NULL)
		tx_hook(db, "write", tx_hook_arg);
	r = db_result(db, sqlite3_step(st), func);
	if (r == 0 && sqlite3_changes(db->sq) == 0)
		r = ERR_NOTFOUND;
	db_stmt_done(db, st);
	return r;
}

int
db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_STATIC);
}

void
db_column_text(sqlite3_stmt *st, int idx, char *buf, size_t bufsz)
{
	const char *s = (const char *)sqlite3_column_text(st, idx);

	text_copy(buf, bufsz, s != NULL ? s : "");
}

static int64_t
clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
mono_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

/* SQLite's default handler sleeps and retries silently; this one does the
 * same (short sleeps first, as sqliteDefaultBusyCallback does) and, once
 * a wait has gone on for DB_BUSY_NOTIFY_MS, calls the handle's notice so
 * the UI can say so before the member wonders. count is 0 at the start
 * of each new wait. */
static int
busy_wait(void *arg, int count)
{
	static const int sleeps[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
	struct db *db = arg;
	int64_t waited;
	int ms;

	if (count == 0) {
		db->busy_start = mono_ms();
		db->busy_told = false;
	}
	waited = mono_ms() - db->busy_start;
	if (waited >= DB_BUSY_TIMEOUT_MS)
		return 0;
	if (!db->busy_told && waited >= DB_BUSY_NOTIFY_MS && db->busy_fn != NULL) {
		db->busy_told = true;
		db->busy_fn(db->busy_arg);
	}
	ms = sleeps[count < (int)(sizeof sleeps / sizeof sleeps[0]) ? count :
	    (int)(sizeof sleeps / sizeof sleeps[0]) - 1];
	if (ms > DB_BUSY_TIMEOUT_MS - waited)
		ms = (int)(DB_BUSY_TIMEOUT_MS - waited);
	sqlite3_sleep(ms);
	return 1;
}

void
db_set_busy_notify(struct db *db, void (*fn)(void *arg), void *arg)
{
	db->busy_fn = fn;
	db->busy_arg = arg;
}

void
db_set_search_ms(struct db *db, int ms)
{
	db->search_ms = ms > 0 ? ms : DB_SEARCH_MS;
}

/* Nonzero stops the running statement with SQLITE_INTERRUPT. The budget
 * is the CPU time this thread spends, the work a search costs: on a
 * loaded machine or a cold cache its wall time grows without the query
 * being any broader, and a member should not be told to narrow it then.
 * The wall clock still stops it at DB_WALL_FACTOR times the budget, so
 * nobody waits long either way. */
static int
over_budget(void *arg)
{
	struct db *db = arg;

	if (db->deadline == 0 || (clock_ms(CLOCK_THREAD_CPUTIME_ID) < db->deadline &&
	    mono_ms() < db->wall_deadline))
		return 0;
	db->over_budget = true;
	return 1;
}

void
db_budget_begin(struct db *db)
{
	db->over_budget = false;
	db->deadline = clock_ms(CLOCK_THREAD_CPUTIME_ID) + db->search_ms;
	db->wall_deadline = mono_ms() + (int64_t)db->search_ms * DB_WALL_FACTOR;
	sqlite3_progress_handler(db->sq, DB_PROGRESS_STEPS, over_budget, db);
}

int
db_tx_end(struct db *db, int r)
{
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

int
db_budget_end(struct db *db, int r)
{
	bool over = db->over_budget;

	sqlite3_progress_handler(db->sq, 0, NULL, NULL);
	db->deadline = 0;
	db->over_budget = false;
	return over && r != 0 ? ERR_TOOBROAD : r;
}

/* Runs one statement with no parameters that returns at most one integer. */
static int
db_pragma_int(struct db *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	rc = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return rc;
}

int
db_schema_version(struct db *db)
{
	int64_t v = -1;

	if (db_pragma_int(db, "PRAGMA user_version", &v) != 0)
		return -1;
	return (int)v;
}

int64_t
db_data_version(struct db *db)
{
	int64_t v = -1;

	if (db_pragma_int(db, "PRAGMA data_version", &v) != 0)
		return -1;
	return v;
}

int
db_begin(struct db *db)
{
	if (tx_hook != NULL)
		tx_hook(db, "begin", tx_hook_arg);
	/* IMMEDIATE takes the write lock now, so a transaction that reads and
	 * then writes cannot fail half way with SQLITE_BUSY. */
	return db_step_done(db, db_stmt(db, "BEGIN IMMEDIATE"), __func__);
}

int
db_commit(struct db *db)
{
	int r;

	if (tx_hook != NULL)
		tx_hook(db, "commit", tx_hook_arg);
	/* A COMMIT that fails (busy, or a deferred constraint) leaves the
	 * transaction open; ending it here means `return db_commit(db)` never
	 * leaves the next db_begin to fail. */
	if ((r = db_step_done(db, db_stmt(db, "COMMIT"), __func__)) != 0)
		db_rollback(db);
	else
		db_wake_commit(db, true);
	return r;
}

void
db_rollback(struct db *db)
{
	if (db == NULL)
		return;
	db_wake_commit(db, false);
	if (sqlite3_get_autocommit(db->sq))
		return;
	(void)db_step_done(db, db_stmt(db, "ROLLBACK"), __func__);
}

/* Creates the directories above path (like mkdir -p of its dirname). */
static int
db_make_parent(const char *path, char *err, size_t errsz)
{
	char *dir = xstrdup(path);
	int r = 0;

	for (char *p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		/* Private: the database holds password hashes. */
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			snprintf(err, errsz, "cannot create directory %s: %s", dir,
			    strerror(errno));
			r = ERR_INTERNAL;
			break;
		}
		*p = '/';
	}
	free(dir);
	return r;
}

static int
db_latest_version(void)
{
	int v = 0;

	for (const struct sql_script *s = sql_migrations; s->name != NULL; s++)
		if (s->version > v)
			v = s->version;
	return v;
}

static int
db_exec_script(struct db *db, const struct sql_script *s, char *err, size_t errsz)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sq, s->sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	snprintf(err, errsz, "%s.sql: %s", s->name, msg != NULL ? msg : "failed");
	sqlite3_free(msg);
	return ERR_INTERNAL;
}

/* A database at version 0 must be empty, or it is not ours to migrate. */
static int
db_is_empty(struct db *db, bool *empty)
{
	int64_t n = 0;
	int r;

	r = db_pragma_int(db, "SELECT count(*) FROM sqlite_schema", &n);
	if (r == 0)
		*empty = n == 0;
	return r;
}

/* Applies the migrations above the current version in one transaction and,
 * if the database was empty, the seed scripts too. */
static int
db_migrate_locked(struct db *db, char *err, size_t errsz)
{
	const struct sql_script *s;
	char sql[64];
	int cur, prev = 0;
	bool empty = false;

	/* Re-read under the lock: another process may have migrated meanwhile. */
	if ((cur = db_schema_version(db)) < 0 || (cur == 0 && db_is_empty(db, &empty) != 0)) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return ERR_INTERNAL;
	}
	if (cur == 0 && !empty) {
		snprintf(err, errsz, "not a mentorbbs database (it has tables but no schema version)");
		return ERR_INTERNAL;
	}
	for (s = sql_migrations; s->name != NULL; s++) {
		if (s->version <= prev) {
			snprintf(err, errsz, "%s.sql: migrations out of order", s->name);
			return ERR_INTERNAL;
		}
		prev = s->version;
		if (s->version <= cur)
			continue;
		if (db_exec_script(db, s, err, errsz) != 0)
			return ERR_INTERNAL;
		/* PRAGMA takes no parameters; the number comes from our own table. */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", s->version);
		if (sqlite3_exec(db->sq, sql, NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errsz, "%s", db_errmsg(db));
			return ERR_INTERNAL;
		}
		/* Upgrading a live database is news; building a new one is not. */
		if (cur > 0)
			log_info("database migrated to schema version %d (%s)",
			    s->version, s->name);
	}
	if (cur == 0) {
		for (s = sql_seeds; s->name != NULL; s++)
			if (db_exec_script(db, s, err, errsz) != 0)
				return ERR_INTERNAL;
	}
	return 0;
}

static int
db_migrate(struct db *db, char *err, size_t errsz)
{
	int cur, r, latest = db_latest_version();

	if ((cur = db_schema_version(db)) < 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return ERR_INTERNAL;
	}
	if (cur > latest) {
		snprintf(err, errsz, "database schema version %d is newer than this "
		    "mentorbbs knows (%d): run a newer mentorbbs", cur, latest);
		return ERR_INTERNAL;
	}
	if (cur == latest)
		return 0;
	/* BEGIN IMMEDIATE: two processes starting together take turns; one
	 * that waits past the busy timeout says so (ERR_BUSY). */
	if ((r = db_begin(db)) != 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return r;
	}
	if (db_migrate_locked(db, err, errsz) != 0) {
		db_rollback(db);
		return ERR_INTERNAL;
	}
	/* The failed COMMIT has rolled back, so SQLite's message is gone. */
	if ((r = db_commit(db)) != 0) {
		snprintf(err, errsz, "cannot commit the migrations: %s", err_str(r));
		return r;
	}
	return 0;
}

static int
db_configure(struct db *db, bool memory, char *err, size_t errsz)
{
	sqlite3_stmt *st = NULL;
	const char *mode;
	int r = ERR_INTERNAL;

	sqlite3_extended_result_codes(db->sq, 1);
	sqlite3_busy_handler(db->sq, busy_wait, db);
	sqlite3_db_config(db->sq, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (sqlite3_exec(db->sq, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
	    " PRAGMA trusted_schema = OFF", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (memory)
		return 0;
	if (sqlite3_prepare_v2(db->sq, "PRAGMA journal_mode = WAL", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	mode = (const char *)sqlite3_column_text(st, 0);
	if (mode == NULL || strcmp(mode, "wal") != 0) {
		snprintf(err, errsz, "cannot switch the database to WAL mode (got %s)",
		    mode != NULL ? mode : "nothing");
		goto out;
	}
	r = 0;
	goto out;
fail:
	snprintf(err, errsz, "%s", db_errmsg(db));
out:
	sqlite3_finalize(st);
	return r;
}

int
db_open(const char *path, struct db **out, char *err, size_t errsz)
{
	struct db *db = NULL;
	bool memory;
	int fd, rc, r = ERR_INTERNAL;

	if (path == NULL || *path == '\0') {
		snprintf(err, errsz, "no database path given");
		return ERR_INTERNAL;
	}
	memory = strcmp(path, ":memory:") == 0;
	if (!memory && db_make_parent(path, err, errsz) != 0)
		return ERR_INTERNAL;
	/* SQLite would create the file 0644; it holds password hashes, and
	 * its -wal and -shm files copy its mode. An existing file is left as
	 * the sysop set it. */
	if (!memory && (fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) != -1)
		close(fd);
	db = xcalloc(1, sizeof *db);
	db->search_ms = DB_SEARCH_MS;
	rc = sqlite3_open_v2(path, &db->sq, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errsz, "%s", db->sq != NULL ? sqlite3_errmsg(db->sq) :
		    sqlite3_errstr(rc));
		goto fail;
	}
	if (db_configure(db, memory, err, errsz) != 0 || (r = db_migrate(db, err, errsz)) != 0)
		goto fail;
	*out = db;
	return 0;
fail:
	db_close(db);
	return r;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_wake_close(db);
	for (size_t k = 0; k < db->cache.n; k++)
		sqlite3_finalize(db->cache.ent[k].st);
	free(db->cache.ent);
	free(db->cache.by_sql);
	free(db->cache.by_st);
	if (db->sq != NULL && sqlite3_close(db->sq) != SQLITE_OK)
		log_err("close: %s", sqlite3_errmsg(db->sq));
	free(db);
}

/* Runs PRAGMA integrity_check; the first row is "ok" or the first problem. */
static int
db_check_integrity(struct db *db, char *msg, size_t msgsz)
{
	sqlite3_stmt *st = NULL;
	const char *row;
	int r = ERR_INTERNAL;

	if (sqlite3_prepare_v2(db->sq, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		snprintf(msg, msgsz, "integrity check failed: %s", db_errmsg(db));
		goto out;
	}
	row = (const char *)sqlite3_column_text(st, 0);
	if (row == NULL || strcmp(row, "ok") != 0) {
		snprintf(msg, msgsz, "integrity: %s", row != NULL ? row : "?");
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	return r;
}

static int
db_check_foreign_keys(struct db *db, char *msg, size_t msgsz)
{
	sqlite3_stmt *st = NULL;
	const char *table, *parent;
	int r = ERR_INTERNAL, rc;

	if (sqlite3_prepare_v2(db->sq, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
		snprintf(msg, msgsz, "foreign key check failed: %s", db_errmsg(db));
		goto out;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* Columns: table, rowid, parent table, foreign key index. */
		table = (const char *)sqlite3_column_text(st, 0);
		parent = (const char *)sqlite3_column_text(st, 2);
		snprintf(msg, msgsz, "foreign key: %s row %lld refers to a missing %s row",
		    table != NULL ? table : "?", (long long)sqlite3_column_int64(st, 1),
		    parent != NULL ? parent : "?");
		goto out;
	}
	if (rc != SQLITE_DONE) {
		snprintf(msg, msgsz, "foreign key check failed: %s", db_errmsg(db));
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	return r;
}

int
db_check(struct db *db, char *msg, size_t msgsz)
{
	if (db_check_integrity(db, msg, msgsz) != 0 ||
	    db_check_foreign_keys(db, msg, msgsz) != 0)
		return ERR_INTERNAL;
	snprintf(msg, msgsz, "ok");
	return 0;
}

int
db_backup(struct db *db, const char *dest, char *err, size_t errsz)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b = NULL;
	int fd, rc, r = ERR_INTERNAL;
	bool created = false;

	/* O_EXCL claims the name atomically, so two backups cannot clobber
	 * each other or an old file; 0600 because it holds password hashes. */
	if ((fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1) {
		snprintf(err, errsz, "%s: %s", dest, errno == EEXIST ?
		    "already exists (a backup never overwrites)" : strerror(errno));
		return errno == EEXIST ? ERR_EXISTS : ERR_INTERNAL;
	}
	close(fd);
	created = true;
	rc = sqlite3_open_v2(dest, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", dest, dst != NULL ? sqlite3_errmsg(dst) :
		    sqlite3_errstr(rc));
		goto out;
	}
	if ((b = sqlite3_backup_init(dst, "main", db->sq, "main")) == NULL) {
		snprintf(err, errsz, "%s: %s", dest, sqlite3_errmsg(dst));
		goto out;
	}
	/* All pages in one step: one read transaction, one consistent copy.
	 * Writers in WAL mode are not blocked; BUSY only means retry. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(50);
	rc = sqlite3_backup_finish(b);
	b = NULL;
	if (rc != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", dest, sqlite3_errmsg(dst));
		goto out;
	}
	r = 0;
out:
	if (b != NULL)
		sqlite3_backup_finish(b);
	if (dst != NULL)
		sqlite3_close(dst);
	if (r != 0 && created)
		unlink(dest);
	return r;
}
