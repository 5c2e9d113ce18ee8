/* Shared by db.c and db-*.c only: the SQLite handle, the statement cache
 * and result mapping. Nothing above the data layer includes this file. */
#ifndef DB_INTERNAL_H
#define DB_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

struct db;

sqlite3 *db_sqlite(struct db *db);

/* Returns a prepared statement for sql, or NULL after logging the error.
 * sql must have static storage, a string literal or a static const array
 * of them (member data is always bound, never pasted in): the cache is
 * keyed by the text's address, so each statement is prepared once per
 * connection and found again with a hash lookup, however many there are
 * (the same text at two addresses is merely prepared twice; a text built
 * in a buffer would be found by whatever takes that address next, so
 * never pass one). If the cached copy is in use (a caller iterating calls
 * another function with the same SQL) a private one is prepared. Every
 * statement returned must be handed back with db_stmt_done, which resets
 * it so no read transaction stays open (a private one is finalized). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);
void db_stmt_done(struct db *db, sqlite3_stmt *st);

/* db_stmt with the integers args[0..n-1] bound to ?1..?n: NULL after
 * logging when the statement cannot be had. The db_step_* functions and
 * db_collect take a NULL statement as ERR_INTERNAL, so a query on integers
 * needs no check of its own:
 *   st = DB_STMT(db, "DELETE ... WHERE a = ? AND b = ?", a, b);
 *   return db_step_done(db, st, __func__); */
sqlite3_stmt *db_stmt_ints(struct db *db, const char *sql, const int64_t *args, size_t n);
#define DB_STMT(db, sql, ...) db_stmt_ints((db), (sql), \
	(const int64_t[]){ __VA_ARGS__ }, sizeof((int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t))

/* Maps an SQLite result code to lib/err.h: OK/DONE/ROW are 0; constraint
 * failures become ERR_EXISTS (unique), ERR_NOTFOUND (foreign key: the
 * referenced row is gone) or ERR_INVALID (check, not null); SQLITE_BUSY
 * (the lock stayed taken past the busy timeout) is ERR_BUSY, logged as a
 * warning; anything else is ERR_INTERNAL. Both are logged with the
 * caller's name. This is the one place SQLite codes become ours. */
int db_result(struct db *db, int rc, const char *func);

/* Steps a statement whose answer is one integer (first column of the
 * first row) and hands it back. On success *out is set when a row came
 * and *found (may be NULL) says whether one did; on failure neither is
 * touched. */
int db_step_int(struct db *db, sqlite3_stmt *st, int64_t *out, bool *found, const char *func);

/* Reads every row of st into a growing array of elements of elsize bytes,
 * each with row(st, elem) (elem is zeroed first), and hands st back. On
 * success *out (caller frees with free(); NULL when there are no rows) and
 * *n are set; on error nothing is and the partial array is freed. Rows
 * must own no memory of their own. */
int db_collect(struct db *db, sqlite3_stmt *st, size_t elsize,
    void (*row)(sqlite3_stmt *st, void *elem), void **out, size_t *n, const char *func);

/* Ends a loop that read rows from st by hand (rc: the last sqlite3_step):
 * hands st back and maps rc; on success the k rows (malloc'd, may be
 * NULL when k is 0) go to *out and *n, on failure they are freed. */
int db_rows_done(struct db *db, sqlite3_stmt *st, int rc, void *rows, size_t k, void **out,
    size_t *n, const char *func);

/* Steps a statement that returns no rows and hands it back. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *func);

/* The same for an UPDATE or DELETE of one row: ERR_NOTFOUND if nothing
 * matched. */
int db_step_changed(struct db *db, sqlite3_stmt *st, const char *func);

/* May actor_id act on data owned by owner_id? The owner may; an active
 * admin may (a suspended one may not); actor 0, the sysop's command line,
 * may only where cli_ok says the header allows it. Negative actors never.
 * Returns ERR_OK, ERR_DENIED, or the error of reading the actor's row
 * (ERR_BUSY, ERR_INTERNAL). (db-user.c) */
int db_user_may(struct db *db, int64_t actor_id, int64_t owner_id, bool cli_ok);

/* A search's time budget: between begin and end, a progress handler
 * stops any statement on this handle once db_set_search_ms's budget has
 * run out (the step returns SQLITE_INTERRUPT, which db_result maps to
 * ERR_TOOBROAD). db_budget_end takes the handler off and returns r, or
 * ERR_TOOBROAD when r is an error and the budget ran out. */
void db_budget_begin(struct db *db);
int db_budget_end(struct db *db, int r);

/* Ends a transaction db_begin opened: commits when r is 0, rolls back
 * and returns r otherwise (so `return db_tx_end(db, work_in_tx(...));`). */
int db_tx_end(struct db *db, int r);

/* Wake-ups (db-wake.c, db-wake.h): the members a transaction concerns,
 * woken when it commits. */
struct db_wake {
	int64_t ids[64];
	size_t n;
	bool everyone;			/* the queue overflowed, or an announcement */
	char fifo[4200];		/* this process's FIFO, to remove at close */
};
struct db_wake *db_wake_state(struct db *db);
/* Queues user_id's UI processes for a wake-up when the open transaction
 * commits (at once when none is open); 0 wakes everyone online. */
void db_wake_member(struct db *db, int64_t user_id);
/* db.c: the transaction ended; the queue goes out if it committed. */
void db_wake_commit(struct db *db, bool committed);
void db_wake_close(struct db *db);

/* Binds a C string as text (NULL binds NULL). The string must outlive the
 * step: db_stmt_done clears bindings. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);

/* Copies column idx as text into buf (capacity bufsz, always terminated,
 * truncated at a UTF-8 boundary); NULL reads as "". */
void db_column_text(sqlite3_stmt *st, int idx, char *buf, size_t bufsz);

#endif
