/* The database handle: open (WAL, busy timeout, foreign keys), migrations in
 * order, seed data on a fresh database, integrity check and online backup.
 * Only db.c and db-*.c include sqlite3.h; everything above sees struct db as
 * opaque so another backend can come later behind the same interface.
 *
 * Never carry an open handle across fork(): open it in the process that uses it. */
#ifndef DB_H
#define DB_H
#include <stdint.h>
#include <stddef.h>

/* Every db_* function returns 0 or a code of lib/err.h; any of them may
 * return ERR_BUSY when another connection held the database locked past
 * the busy timeout (nothing is wrong: the caller may say "busy, try
 * again"), and ERR_INTERNAL for anything SQLite did not expect. */
#include "lib/err.h"

struct db;

/* Opens (creating if needed, with parent directory) and migrates the
 * database at path; seeds it when it was just created. ":memory:" works for
 * tests. Returns 0 and sets *out (caller frees with db_close), or, with a
 * message in err, ERR_BUSY (another process held the database locked past
 * the busy timeout while this one wanted to migrate it) or ERR_INTERNAL. */
int db_open(const char *path, struct db **out, char *err, size_t errsz);
void db_close(struct db *db);	/* NULL is a no-op */

/* A wait for a lock another connection holds lasts up to 5 s; once it has
 * gone on for 0.8 s, fn(arg) is called (once per wait, from inside the
 * waiting call) so the UI can say "busy, retrying" and refresh the screen
 * instead of freezing silently. The wait then goes on; when the call
 * returns it is over. fn must not use the database. NULL: no notice. */
void db_set_busy_notify(struct db *db, void (*fn)(void *arg), void *arg);

/* The time budget of one member-driven search ([limits] search_ms; 250 by
 * default, and for ms <= 0). A search that would run longer is stopped
 * and returns ERR_TOOBROAD. */
void db_set_search_ms(struct db *db, int ms);

/* Schema version after migrations (PRAGMA user_version); -1 when it
 * cannot be read. A value, not an error code. */
int db_schema_version(struct db *db);

/* Last error message from SQLite for this handle (never NULL). */
const char *db_errmsg(struct db *db);

/* PRAGMA data_version: changes when another connection commits. Cheap; the
 * UI polls it in its input loop for live updates. -1 when it cannot be
 * read (a value, not an error code: the UI just reloads). */
int64_t db_data_version(struct db *db);

/* PRAGMA integrity_check + foreign_key_check. Returns 0 if both are clean,
 * ERR_INTERNAL with the first problem in msg otherwise. */
int db_check(struct db *db, char *msg, size_t msgsz);

/* Online backup to a new file with SQLite's backup API. Refuses to
 * overwrite an existing file (ERR_EXISTS). */
int db_backup(struct db *db, const char *dest, char *err, size_t errsz);

/* Current time in unix seconds; tests may pin it. */
int64_t db_now(void);
void db_set_now_for_tests(int64_t t);	/* 0 restores the real clock */

/* Transactions for callers that need several calls to be atomic.
 * db_begin takes the write lock at once (BEGIN IMMEDIATE): ERR_BUSY when
 * another connection held it past the busy timeout. A failed db_commit
 * has already rolled back, so no transaction is left open either way. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Tests only: fn(db, point, arg) runs at the start of every db_begin
 * (point "begin", before the lock is asked for), before every statement
 * stepped by db_step_done or db_step_changed ("write": the data layer's
 * writes, BEGIN and COMMIT among them) and at the start of every db_commit
 * ("commit": the lock held, the checks and writes made), so a race test
 * can pause one connection between any check and its write and run
 * another to completion there. NULL removes it. */
void db_set_tx_hook_for_tests(void (*fn)(struct db *db, const char *point, void *arg),
    void *arg);

#endif
