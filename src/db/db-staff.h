/* Who may moderate what, and the audit log every staff action writes.
 *
 * Three powers above a member's own: a community moderator (per community,
 * community_moderators), an admin (users.is_admin, global) and the sysop
 * (actor id 0: the command line on the server, trusted like root). A
 * moderator or admin who is not active, or is under a silence, suspension
 * or ban, has no powers until it ends. Every staff function in the data
 * layer asks db_staff_require_* inside its own transaction, so the menus
 * only decide what is shown: a refused action is ERR_DENIED whatever the
 * screen offered. */
#ifndef DB_STAFF_H
#define DB_STAFF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

#define STAFF_SYSOP	0	/* the actor id of the command line */

enum staff_power { STAFF_NONE, STAFF_MODERATOR, STAFF_ADMIN, STAFF_SYSOP_POWER };

/* actor's power over community_id (0: no community, so at most admin). */
int db_staff_power(struct db *db, int64_t actor_id, int64_t community_id,
    enum staff_power *out);
/* ERR_OK if actor moderates community_id or is an admin or the sysop,
 * else ERR_DENIED (or the error of reading). */
int db_staff_require_mod(struct db *db, int64_t actor_id, int64_t community_id);
/* ERR_OK for an admin or the sysop, else ERR_DENIED. */
int db_staff_require_admin(struct db *db, int64_t actor_id);

/* What the menus show: does actor moderate any community, is actor an
 * admin (both only while actor has powers at all). */
int db_staff_roles(struct db *db, int64_t actor_id, bool *moderator, bool *admin);
/* The ids of the communities actor moderates, ascending (an admin's own
 * appointments only). Caller frees *ids. */
int db_staff_communities(struct db *db, int64_t actor_id, int64_t **ids, size_t *n);

/* Appointing and removing moderators: admins and the sysop only; the
 * member must exist and be active (ERR_STATE otherwise); reason is
 * recorded. ERR_EXISTS / ERR_NOTFOUND when already / not a moderator. */
int db_staff_appoint(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason);
int db_staff_dismiss(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    const char *reason);

/* One audit entry, as read back. Labels are copies: they outlive what
 * they name. */
#define AUDIT_LABEL_SZ	129
#define AUDIT_TEXT_SZ	1201	/* 300 characters of up to 4 bytes */
struct audit_entry {
	int64_t id;
	char actor[AUDIT_LABEL_SZ];		/* login, or "sysop" */
	char action[48];			/* "sanction.silence", "post.remove", ... */
	int64_t community_id;			/* 0: none */
	char community[AUDIT_LABEL_SZ];		/* its name, "" when none or gone */
	char target_kind[16];
	int64_t target_id;
	char target[AUDIT_LABEL_SZ];
	char reason[AUDIT_TEXT_SZ];
	char before[AUDIT_LABEL_SZ];
	char after[AUDIT_LABEL_SZ];
	int64_t created_at;
};

/* What to show; zeroed fields filter nothing. */
struct audit_filter {
	int64_t since;			/* created_at >= since */
	const char *actor;		/* exact login, or "sysop" */
	int64_t community_id;
};

/* Entries newest first, older than before_id (0: from the newest), at
 * most max. Admins and the sysop see every entry; a moderator only those
 * of the communities they moderate; anyone else is ERR_DENIED. Caller
 * frees *out. */
int db_audit_list(struct db *db, int64_t actor_id, const struct audit_filter *f,
    int64_t before_id, size_t max, struct audit_entry **out, size_t *n);

#endif
