/* A member's display settings, chosen in Profile: plain mode and the time
 * zone. Only the member may read or change their own (actor_id == id),
 * whatever the UI shows; nobody else, admins included, has a reason to. */
#ifndef DB_DISPLAY_H
#define DB_DISPLAY_H
#include <stdint.h>
#include "lib/tz.h"

struct db;

enum display_plain { DISPLAY_PLAIN_AUTO = 0, DISPLAY_PLAIN_ON, DISPLAY_PLAIN_OFF };

struct member_display {
	enum display_plain plain;
	char time_zone[TZ_NAME_SZ];	/* "" automatic */
};

/* Fills *out: 0, ERR_DENIED when actor_id is not id, ERR_NOTFOUND for no
 * such member. */
int db_display_get(struct db *db, int64_t actor_id, int64_t id, struct member_display *out);
/* Stores d: 0; ERR_DENIED when actor_id is not id; ERR_INVALID for an
 * unknown plain value or a zone the system does not know (tz_known), with
 * nothing stored; ERR_NOTFOUND for no such member. */
int db_display_set(struct db *db, int64_t actor_id, int64_t id,
    const struct member_display *d);

#endif
