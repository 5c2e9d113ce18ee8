/* Domain rules for members: what a valid login, display name, password and
 * profile are; registration; password and key authentication; key parsing.
 * No SQL (that is db-user.c) and no curses.
 *
 * Functions that can refuse input return 0, or a negative code with a
 * human-readable reason in *why (a static string, never NULL on failure). */
#ifndef USER_H
#define USER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "member.h"

struct db;

#define USER_LOGIN_MIN		2
#define USER_LOGIN_MAX		32
#define USER_NAME_MAX_COLS	64
#define USER_PASSWORD_MIN	10	/* characters */
#define USER_PASSWORD_MAX	1024	/* bytes */
#define USER_FIELD_MAX		80	/* characters: specialty, position, city, ... */
#define USER_TOPICS_MAX		200
#define USER_BIO_MAX		4000
#define USER_GRAD_YEAR_MIN	1950
#define USER_GRAD_YEAR_MAX	2045
#define USER_MAX_MENTEES_MAX	20

#define USER_ERR_INVALID	(-10)	/* *why says what */
#define USER_ERR_EXISTS		(-11)	/* login taken */
#define USER_ERR_AUTH		(-12)	/* wrong login or password */
#define USER_ERR_DB		(-13)

/* Lower-case letters, digits, '.', '_', '-'; 2..32; not reserved (e.g. the
 * registration login, "root", "admin" is allowed). reserved may be NULL. */
int user_check_login(const char *login, const char *reserved, const char **why);
/* Printable UTF-8, 1..64 columns, no control/bidi/zero-width, not blank. */
int user_check_name(const char *name, const char **why);
/* The display name is not shown by another member (except_id is the
 * member themself, 0 for a new one), so nobody can pass for someone else
 * in lists that show only names. USER_ERR_EXISTS with a reason if it is. */
int user_check_name_free(struct db *db, const char *name, int64_t except_id,
    const char **why);
int user_check_password(const char *pw, const char **why);
/* Checks every profile field of m (lengths, UTF-8, grad year range,
 * students cannot be open to mentoring, max_mentees range). */
int user_check_profile(const struct member *m, const char **why);

/* Creates a member after checking everything. password may be NULL for a
 * key-only account. Returns 0 and *id, USER_ERR_INVALID/EXISTS with *why. */
int user_register(struct db *db, const struct member *m, const char *password,
    int64_t *id, const char **why);

/* Verifies login + password. Unknown logins run the same hash verification
 * against a dummy so timing does not reveal which logins exist. Returns 0 and
 * fills *out (any status: the caller decides what suspended means), or
 * USER_ERR_AUTH. Rehashes an outdated hash on success. */
int user_authenticate_password(struct db *db, const char *login, const char *password,
    struct member *out);

/* Finds the member owning a public key (canonical base64 blob) and checks it
 * belongs to login. 0 and *out, or USER_ERR_AUTH. */
int user_authenticate_key(struct db *db, const char *login, const char *blob_b64,
    struct member *out);

/* Is pw this member's current password? (A key-only account has none.) */
bool user_password_ok(struct db *db, int64_t id, const char *pw);

/* Changes the password after verifying the old one. */
int user_change_password(struct db *db, int64_t id, const char *old_pw,
    const char *new_pw, const char **why);
/* Sets a password without the old one (CLI, registration). */
int user_set_password(struct db *db, int64_t actor_id, int64_t id, const char *pw, const char **why);

/* Saves the profile after user_check_profile; actor must be the member or admin. */
int user_save_profile(struct db *db, int64_t actor_id, const struct member *m, const char **why);

/* A parsed authorized_keys line. */
struct authkey {
	char type[32];
	char blob_b64[2048];	/* canonical base64 (decoded and re-encoded) */
	char fingerprint[64];	/* SHA256:... */
	char comment[MEMBER_FIELD_SZ];
};

/* Parses "type base64 [comment]" (options before the type are refused).
 * Accepts ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa (>= 2048 bits).
 * Checks the base64 decodes and the blob's inner type matches. */
int authkey_parse(const char *line, struct authkey *out, const char **why);
/* Fingerprint of a canonical base64 blob: "SHA256:..." into out (>= 64 bytes). */
int authkey_fingerprint(const char *blob_b64, char *out, size_t outsz);

/* Adds a parsed key for user_id (actor must be the member or admin; 0 = CLI). */
int user_add_key(struct db *db, int64_t actor_id, int64_t user_id, const char *line, const char **why);

#endif
