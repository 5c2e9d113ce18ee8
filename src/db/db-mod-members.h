/* The Members screen of the Moderation menu: the sanctions in force in
 * the communities one moderates (everywhere, for an admin). Giving and
 * lifting them is db-sanction.h; vouching is db-probation.h. */
#ifndef DB_MOD_MEMBERS_H
#define DB_MOD_MEMBERS_H
#include <stddef.h>
#include <stdint.h>
#include "db/db-sanction.h"

struct db;

/* Sanctions in force now, newest first, older than before_id (0: from the
 * newest), at most max: for a moderator those given in the communities
 * they moderate, for an admin or the sysop every one; ERR_DENIED for
 * anyone else. Caller frees *out. */
int db_mod_members_sanctions(struct db *db, int64_t actor_id, int64_t before_id, size_t max,
    struct sanction **out, size_t *n);

#endif
