/* Account operations on top of the member rules (rules/user.h) and the
 * member rows (db-user.h): registration, authentication, passwords, profile
 * saves and SSH keys. Each returns 0 or a code of lib/err.h; where a member
 * should read why, *why is a static sentence (never NULL on failure).
 * Those that take why answer a busy database with ERR_BUSY and "the
 * database is busy; please try again", and other data-layer failures with
 * ERR_INTERNAL and "database error". */
#ifndef DB_ACCOUNT_H
#define DB_ACCOUNT_H
#include <stdbool.h>
#include <stdint.h>
#include "rules/member.h"

struct db;

/* The display name is not shown by another member (except_id is the
 * member themself, 0 for a new one), so nobody can pass for someone else
 * in lists that show only names. ERR_EXISTS with a reason if it is. */
int db_account_name_free(struct db *db, const char *name, int64_t except_id,
    const char **why);
/* Creates a member after checking everything. password may be NULL for a
 * key-only account. Returns 0 and *id, or with *why ERR_INVALID or
 * ERR_EXISTS (login or display name taken), ERR_BUSY or ERR_INTERNAL. */
int db_account_register(struct db *db, const struct member *m, const char *password,
    int64_t *id, const char **why);

/* Verifies login + password. Unknown logins run the same hash verification
 * against a dummy so timing does not reveal which logins exist. Returns 0 and
 * fills *out (any status: the caller decides what suspended means) and, if
 * stale is not NULL, *stale: the stored hash is weaker than today's and
 * should be replaced with db_account_rehash once the login has been
 * answered. ERR_AUTH otherwise. Writes nothing. */
int db_account_auth_password(struct db *db, const char *login, const char *password,
    struct member *out, bool *stale);
/* Stores a fresh hash of password for member id (after a login by it that
 * said *stale). Failure only costs the upgrade: it is logged, not returned. */
void db_account_rehash(struct db *db, int64_t id, const char *password);

/* Finds the member owning a public key (canonical base64 blob) and checks it
 * belongs to login. 0 and *out, or ERR_AUTH. */
int db_account_auth_key(struct db *db, const char *login, const char *blob_b64,
    struct member *out);

/* Is pw this member's current password? 0 if it is; ERR_AUTH if not, for
 * a key-only account (it has none) and for no such member; ERR_BUSY or
 * ERR_INTERNAL when the hash could not be read, so a busy database is not
 * taken for a wrong password. */
int db_account_password_check(struct db *db, int64_t id, const char *pw);

/* Changes the password after verifying the old one (ERR_AUTH with *why
 * when it is wrong). */
int db_account_change_password(struct db *db, int64_t id, const char *old_pw,
    const char *new_pw, const char **why);
/* Sets a password without the old one (CLI, registration). */
int db_account_set_password(struct db *db, int64_t actor_id, int64_t id, const char *pw, const char **why);

/* Saves the profile after user_check_profile; actor must be the member or admin. */
int db_account_save_profile(struct db *db, int64_t actor_id, const struct member *m, const char **why);

/* Adds a parsed key for user_id (actor must be the member or admin; 0 = CLI). */
int db_account_add_key(struct db *db, int64_t actor_id, int64_t user_id, const char *line, const char **why);

#endif
