/* Shared set-up for unit tests: a fresh in-memory database, members made
 * directly (no password hashing, so tests stay fast) and
 * private temporary directories. Everything here belongs to the running
 * test and is given back by the runner when it ends, passed or failed
 * (test_defer in test.h): a test never closes or removes it itself. */
#ifndef FIXTURE_H
#define FIXTURE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"

struct db;

/* A migrated, seeded :memory: database of the test's own, or NULL. Closed
 * after the test: do not db_close it. */
struct db *fx_db(void);
/* How many fx_db databases are open (the runner's self-test). */
int fx_db_open_count(void);

/* Creates an active member who accepted the rules; returns the id, or 0
 * (also for a NULL db). The display name is the login with the first
 * letter upper-cased. */
int64_t fx_member(struct db *db, const char *login, enum role role);

/* A new private directory under /tmp, or NULL; removed with everything in
 * it after the test. The path is the fixture's until then. */
const char *fx_tmpdir(void);
/* "dir/name", kept until the end of the test. */
const char *fx_path(const char *dir, const char *name);
/* Writes len bytes of data to a new file at path; false if that failed. */
bool fx_write(const char *path, const void *data, size_t len);

#endif
