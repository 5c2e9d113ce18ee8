/* Sanctions: warn, silence, suspend, ban (rules/sanction.h), given by the
 * staff (db-staff.h) with a reason, in force until their end date or until
 * lifted early with a reason. Every one is recorded in the audit log and
 * told to the member in the same transaction.
 *
 * Who may: a moderator of a community warns or silences in it; an admin
 * or the sysop gives any sanction anywhere. Nobody sanctions themselves; a
 * moderator cannot sanction an admin or a fellow moderator of the
 * community, and an admin cannot sanction another admin (the sysop can).
 * Lifting needs the same power as giving. */
#ifndef DB_SANCTION_H
#define DB_SANCTION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db-staff.h"
#include "rules/sanction.h"

struct db;

struct sanction {
	int64_t id, user_id;
	enum sanction_kind kind;
	int64_t community_id;			/* 0: everywhere */
	char community[AUDIT_LABEL_SZ];		/* its name, or "" */
	char login[AUDIT_LABEL_SZ];		/* the member's */
	char by[AUDIT_LABEL_SZ];		/* who gave it: a login or "sysop" */
	char reason[AUDIT_TEXT_SZ];
	int64_t created_at, ends_at;		/* ends_at 0: no end */
	int64_t lifted_at;			/* 0: not lifted */
};

/* Gives a sanction. ERR_INVALID with *why (may be NULL) for what the rules
 * refuse; ERR_DENIED when actor may not; ERR_NOTFOUND for no such member
 * or community. *id (may be NULL) gets the new row's id. */
int db_sanction_add(struct db *db, int64_t actor_id, int64_t user_id, enum sanction_kind kind,
    int64_t community_id, int64_t ends_at, const char *reason, const char **why, int64_t *id);
/* Lifts one early. ERR_STATE if it is no longer in force. */
int db_sanction_lift(struct db *db, int64_t actor_id, int64_t sanction_id, const char *reason);

/* The strongest sanction of at least kind `least` in force on user_id
 * now, everywhere or (community_id > 0) in that community; *found says
 * whether there is one and *out (may be NULL) gets it. Not an
 * authorisation point: the member's own standing, for the data layer's
 * checks and the member's own screens. */
int db_sanction_in_force(struct db *db, int64_t user_id, int64_t community_id,
    enum sanction_kind least, struct sanction *out, bool *found);
/* ERR_OK if user_id may post, message and request (in community_id, or
 * anywhere for 0) as far as sanctions go; ERR_DENIED if silenced or
 * worse. */
int db_sanction_may_speak(struct db *db, int64_t user_id, int64_t community_id);

/* A member's sanctions, newest first, at most max; in_force_only drops
 * the lifted and ended. The member may read their own; an admin or the
 * sysop anyone's; a moderator the ones given in their communities. */
int db_sanction_list(struct db *db, int64_t actor_id, int64_t user_id, bool in_force_only,
    size_t max, struct sanction **out, size_t *n);

#endif
