/* The listener's penalty store: a small SQLite file of its own, next to
 * the member database (never the member database itself, which the
 * listener does not hold open after start-up), so that a restart does not
 * wipe the penalties of sources that attacked it. Only the listener opens
 * it; it has its own schema version (PRAGMA user_version). */
#ifndef DB_PENALTY_H
#define DB_PENALTY_H
#include <stdbool.h>
#include <stddef.h>

struct db_penalty;

/* Opens (creating, mode 0600, and migrating) the store at path. 0 with
 * *out set (close with db_penalty_close), or ERR_INTERNAL / ERR_BUSY
 * with a sentence in err. */
int db_penalty_open(const char *path, struct db_penalty **out, char *err, size_t errsz);
void db_penalty_close(struct db_penalty *pd);	/* NULL is a no-op */

/* Records what a source (text such as "192.0.2.1/32") owes: unix time
 * the penalty runs out, whether it is enforced, why. Replaces the
 * source's earlier row and drops rows that ran out before now. */
int db_penalty_save(struct db_penalty *pd, const char *source, double expiry,
    bool active, const char *reason, double now);

/* Calls fn for every penalty that runs out after now. 0 or an error code. */
int db_penalty_load(struct db_penalty *pd, double now,
    void (*fn)(void *ud, const char *source, double expiry, bool active,
    const char *reason), void *ud);

#endif
