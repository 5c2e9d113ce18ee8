/* For db-community*.c only: what adding a community and approving a
 * request for one share. */
#ifndef DB_COMMUNITY_INTERNAL_H
#define DB_COMMUNITY_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

struct db;

/* Inside the caller's transaction: inserts the community with a free
 * slug derived from name. ERR_EXISTS when the name is taken (any case).
 * Sets *id and slug (may be NULL). */
int db_community_insert(struct db *db, const char *name, const char *kind,
    const char *description, int64_t *id, char *slug, size_t slugsz);

#endif
