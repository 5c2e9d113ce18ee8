/* Members and their SSH keys. Authorisation lives here: a profile or key is
 * changed only by its owner or an admin (actor_id), whatever the UI shows. */
#ifndef DB_USER_H
#define DB_USER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"

struct db;

/* Inserts a member (login, name, role, is_admin, status, rules_accepted and
 * profile fields from m) with a password hash (may be NULL: key-only).
 * Returns 0 and sets *id, ERR_EXISTS if the login is taken, ERR_INVALID
 * for a string not terminated in its field, an unknown role or status, or
 * a value the schema refuses. */
int db_user_create(struct db *db, const struct member *m, const char *pw_hash, int64_t *id);

/* Fill *out. Return 0 or ERR_NOTFOUND. */
int db_user_get(struct db *db, int64_t id, struct member *out);
int db_user_get_by_login(struct db *db, const char *login, struct member *out);

/* Password hash into buf (empty string if none). 0, ERR_NOTFOUND, or
 * ERR_INTERNAL when it does not fit in bufsz. */
int db_user_pwhash(struct db *db, int64_t id, char *buf, size_t bufsz);
/* The member's one-time setup code (user import) while it is valid:
 * its hex SHA-256 into hex (65 bytes), "" when there is none or it has
 * run out. 0 or ERR_NOTFOUND. */
int db_user_setup_code(struct db *db, int64_t id, char hex[65]);
/* Sets the hash; actor must be the member or an admin. */
int db_user_set_pwhash(struct db *db, int64_t actor_id, int64_t id, const char *hash);

/* A new password: sets the hash (not empty), pw_expired to expired and
 * drops any one-time setup code, so a member who chose a password is no
 * longer asked to. actor must be the member or an admin (0: the sysop).
 * ERR_NOTFOUND for no such member or a former one. */
int db_user_set_password_hash(struct db *db, int64_t actor_id, int64_t id, const char *hash,
    bool expired);

/* Writes the profile fields and display name of m (not login; status and
 * is_admin are untouched). actor must be m->id or an admin: otherwise
 * ERR_DENIED. The role is verified by the admins: only an admin's save
 * may change it; a member's own save with another role is ERR_DENIED and
 * changes nothing (a change is a request: db_role_request). ERR_INVALID
 * for an unknown role or a string not terminated in its field,
 * ERR_NOTFOUND for no such member. */
int db_user_update_profile(struct db *db, int64_t actor_id, const struct member *m);

/* Sysop/admin changes. actor_id 0 means the command line (trusted). Otherwise
 * the actor must be an admin: ERR_DENIED. ERR_INVALID for an unknown
 * status or role, ERR_NOTFOUND for no such member. */
int db_user_set_status(struct db *db, int64_t actor_id, int64_t id, enum member_status st);
int db_user_set_role(struct db *db, int64_t actor_id, int64_t id, enum role r);
int db_user_set_admin(struct db *db, int64_t actor_id, int64_t id, bool admin);

/* Sets *taken when a member other than except_id already shows this
 * display name (compared without regard to ASCII case). */
int db_user_name_taken(struct db *db, const char *name, int64_t except_id, bool *taken);

/* May this member post, send messages or make requests? Active and the
 * rules accepted: ERR_OK; pending, suspended, rules not yet accepted or no
 * such member: ERR_DENIED. Every data function that lets a member write to
 * others checks this, whatever the screens show. */
int db_user_may_post(struct db *db, int64_t actor_id);
/* These two: ERR_NOTFOUND for no such member. */
int db_user_set_rules_accepted(struct db *db, int64_t id);
int db_user_touch_login(struct db *db, int64_t id);	/* last_login_at = now */

/* All members ordered by login (not former members: user delete). On success *out is an array of *n members
 * the caller frees with free(). */
int db_user_list(struct db *db, struct member **out, size_t *n);
int db_user_count(struct db *db, int64_t *n);

/* SSH keys. */
#define DB_KEY_MAX	20	/* keys one member may have */
/* Adds a key for user_id; actor must be the member or admin (0 = CLI).
 * ERR_EXISTS if the same key is registered to anyone; ERR_INVALID for an
 * empty type, blob or fingerprint and when the member already has
 * DB_KEY_MAX keys; ERR_NOTFOUND for no such member. Sets *key_id if not
 * NULL. */
int db_key_add(struct db *db, int64_t actor_id, int64_t user_id, const char *type,
    const char *blob_b64, const char *fingerprint, const char *comment, int64_t *key_id);
/* Keys of user_id, oldest first; actor must be the member or an admin
 * (0 = CLI).
 * Caller frees with db_key_list_free. */
int db_key_list(struct db *db, int64_t actor_id, int64_t user_id, struct member_key **out, size_t *n);
void db_key_list_free(struct member_key *keys, size_t n);
/* Removes key_id if it belongs to actor (or actor is admin): else ERR_DENIED /
 * ERR_NOTFOUND. A member without a password may not remove their own last
 * key, their only way in: ERR_DENIED (checked and removed in one
 * transaction). */
int db_key_remove(struct db *db, int64_t actor_id, int64_t key_id);
/* The member owning a key with this canonical base64 blob: 0 and *user_id,
 * or ERR_NOTFOUND. */
int db_key_owner(struct db *db, const char *blob_b64, int64_t *user_id);

/* Parses/prints role and status words ("alumni", "suspended"). The
 * parsers return 0, or ERR_INVALID for an unknown word (*out untouched);
 * the names are "unknown" for a value out of range. */
int member_role_parse(const char *s, enum role *out);
const char *member_role_name(enum role r);
int member_status_parse(const char *s, enum member_status *out);
const char *member_status_name(enum member_status s);

#endif
