/* For the data layer's staff functions only: writing the audit log. Each
 * caller writes its entry inside the transaction of the action it records,
 * so an action and its entry land together or not at all. */
#ifndef DB_STAFF_INTERNAL_H
#define DB_STAFF_INTERNAL_H
#include <stdbool.h>
#include <stdint.h>
#include "rules/sanction.h"

struct db;

/* What one entry records; NULL texts are "", 0 ids are none. */
struct audit_add {
	const char *action;		/* required: "thread.lock", "sanction.ban", ... */
	int64_t community_id;
	const char *target_kind;	/* "member", "post", "thread", "community", ... */
	int64_t target_id;
	const char *target;		/* label; for a member, NULL reads their login */
	const char *reason;
	const char *before, *after;
};

/* Appends an entry by actor_id (0: the sysop; the actor's login is
 * copied). Call inside the action's transaction. */
int db_audit_record(struct db *db, int64_t actor_id, const struct audit_add *a);

/* db_staff_appoint (appoint) or db_staff_dismiss inside the caller's
 * transaction: the admin check, the change, its audit entry and the
 * member's notice. For actions that appoint as part of a larger one (an
 * approved community request or moderator application). reason is not
 * checked here. */
int db_staff_appoint_in_tx(struct db *db, int64_t actor_id, int64_t user_id,
    int64_t community_id, const char *reason, bool appoint);

/* db_sanction_add inside the caller's transaction (db-sanction.h), for an
 * action that gives a sanction as part of itself (closing a safety item).
 */
int db_sanction_add_in_tx(struct db *db, int64_t actor_id, int64_t user_id,
    enum sanction_kind kind,
    int64_t community_id, int64_t ends_at, const char *reason, const char **why,
    int64_t *id);

/* SQL: sanction row s is in force at ?NOW (a bound parameter's text, such
 * as "?2"): given, not lifted, not ended. */
#define SANCTION_IN_FORCE(now) \
	"s.lifted_at IS NULL AND s.created_at <= " now \
	" AND (s.ends_at IS NULL OR s.ends_at > " now ")"

#endif
