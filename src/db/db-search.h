/* What the three member-driven searches (board posts, mentors, HOST)
 * share in the data layer: at most one search in flight per member across
 * all of that member's sessions, and a time budget (db.h,
 * db_set_search_ms). Used by db-board-search.c, db-mentor-search.c and
 * db-host-search.c only. */
#ifndef DB_SEARCH_H
#define DB_SEARCH_H
#include <stdint.h>

struct db;

/* One search in flight: the lock file descriptor, -1 when none is held. */
struct db_search {
	int fd;
};

/* Takes actor_id's search lock and starts the time budget. The lock is
 * one byte at offset actor_id of the file "<database>.search-lock" next
 * to the database, taken with an open-file-description lock
 * (F_OFD_SETLK), so it conflicts between processes and between two
 * handles of one process, and the kernel drops it when the holder exits.
 * An in-memory database has one connection only and no lock. Returns 0
 * (end it with db_search_end), ERR_BUSY while another search of actor's
 * runs, ERR_INTERNAL when the lock file cannot be opened. */
int db_search_begin(struct db *db, int64_t actor_id, struct db_search *g);

/* Ends the budget and drops the lock; returns r, or ERR_TOOBROAD when r
 * is an error and the budget ran out. */
int db_search_end(struct db *db, struct db_search *g, int r);

#endif
