/* The sysop's maintenance of the database file: its status and VACUUM.
 * (Integrity and backup are in db.h, with open.) */
#ifndef DB_MAINT_H
#define DB_MAINT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

struct db_status {
	int schema_version;
	int64_t page_size, pages, free_pages;
	int64_t file_bytes;		/* the database file on disk */
	int64_t wal_bytes;		/* its -wal file (0 when there is none) */
	bool ok;			/* integrity and foreign keys */
	char problem[512];		/* when !ok: the first one found */
};

/* Fills *out; ERR_INTERNAL only when the database cannot be read at all
 * (a failed check is ok = false, not an error). */
int db_status(struct db *db, struct db_status *out);
/* Rebuilds the file without its free pages (SQLite's VACUUM): takes the
 * write lock for as long as it runs, so members wait (the busy notice);
 * *freed gets the bytes given back. */
int db_vacuum(struct db *db, int64_t *freed);

#endif
