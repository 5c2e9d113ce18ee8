/* Wake-ups: the writer of a change wakes the members it concerns, so news
 * reaches their screens at once instead of at the next one-second tick.
 * The notify interface of the data layer: on SQLite it is a FIFO per UI
 * process in "<database>.wake/<pid>" (found through the presence table);
 * on PostgreSQL it will be LISTEN/NOTIFY. A wake-up carries nothing: the
 * UI reconciles from the database as it does every tick, so a lost one
 * costs a second, never data, and a forged one costs a re-read.
 *
 * Writers do not call this header: db_notice_add, a message and a change
 * to a member's standing queue their member with db_wake_member (in
 * db-internal.h), and the wake-ups go out when the transaction commits
 * (none when it rolls back). */
#ifndef DB_WAKE_H
#define DB_WAKE_H

struct db;

/* For the UI process: makes this process's FIFO (the directory too, 0700)
 * and returns a non-blocking descriptor that becomes readable when
 * someone wakes it, or -1 (no wake-ups: the tick still reconciles). Call
 * before the sandbox; db_close removes the FIFO. */
int db_wake_listen(struct db *db);
/* Empties the FIFO after poll said it was readable. */
void db_wake_drain(int fd);

#endif
