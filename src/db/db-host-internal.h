/* Shared by db-host*.c only: reading a member's standing and a host's
 * profile without an authorisation check (the callers have made it). */
#ifndef DB_HOST_INTERNAL_H
#define DB_HOST_INTERNAL_H
#include <stdbool.h>
#include <stdint.h>
#include "rules/host.h"
#include "rules/member.h"

struct db;

struct host_actor {
	enum role role;
	bool active, admin;
};
/* ERR_NOTFOUND for no such member. */
int db_host_actor(struct db *db, int64_t id, struct host_actor *out);
/* The whole profile, private details included. ERR_NOTFOUND if none. */
int db_host_load(struct db *db, int64_t host_id, struct host_profile *out);
/* Writes a checked profile, its blackouts and its search row, inside the
 * caller's transaction (db_host_save, the demo generator). */
int db_host_write(struct db *db, const struct host_profile *p);
/* Travellers of accepted/confirmed stays with host that overlap the nights
 * [arrive, depart), leaving out request skip_id. */
/* Ends a transaction a HOST change began with db_begin: commits after
 * success (r == 0), else rolls back and returns r. */
int db_host_end(struct db *db, int r);
int db_host_booked(struct db *db, int64_t host_id, int64_t arrive, int64_t depart,
    int64_t skip_id, int *booked);

#endif
