/* Shared set-up for unit tests: a fresh in-memory database, members made
 * directly (no password hashing unless asked, so tests stay fast) and
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

/* What sets a member apart from the default one: active, has accepted the
 * code of conduct, named after the login with the first letter upper-cased,
 * not an admin, no password (key-only). */
struct fx_who {
	const char *name;
	bool admin;
	bool rules_pending;	/* has not accepted the code of conduct */
	const char *password;	/* stored as an argon2id hash: slow, only where needed */
};

/* Creates a member; returns the id, or 0 (also for a NULL db). who may be NULL. */
int64_t fx_member_with(struct db *db, const char *login, enum role role,
    const struct fx_who *who);
/* The default member: fx_member_with(db, login, role, NULL). */
int64_t fx_member(struct db *db, const char *login, enum role role);
/* Fills m (zeroed first) as fx_member_with would, without storing it; a
 * NULL name is the login with the first letter upper-cased. */
void fx_member_fill(struct member *m, const char *login, const char *name, enum role role);

/* A new private directory under /tmp, or NULL; removed with everything in
 * it after the test. The path is the fixture's until then. */
const char *fx_tmpdir(void);
/* "dir/name", kept until the end of the test. */
const char *fx_path(const char *dir, const char *name);
/* Writes len bytes of data to a new file at path; false if that failed. */
bool fx_write(const char *path, const void *data, size_t len);

#endif
