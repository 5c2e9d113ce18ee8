/* Shared set-up for data-layer tests: a fresh in-memory database and
 * members made directly (no password hashing, so tests stay fast). */
#ifndef FIXTURE_H
#define FIXTURE_H
#include <stdint.h>
#include "rules/member.h"

struct db;

/* A migrated, seeded :memory: database, or NULL. Close with db_close. */
struct db *fx_db(void);
/* Creates an active member who accepted the rules; returns the id or 0.
 * The display name is the login with the first letter upper-cased. */
int64_t fx_member(struct db *db, const char *login, enum role role);

#endif
