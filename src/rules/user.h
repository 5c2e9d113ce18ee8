/* Domain rules for members: what a valid login, display name, password and
 * profile are, and SSH public key lines (authkey.c). Pure: no SQL, no
 * curses, no I/O; db/db-account.h stores what these rules accept.
 *
 * Functions that can refuse input return 0, or a negative code with a
 * human-readable reason in *why (a static string, never NULL on failure). */
#ifndef USER_H
#define USER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/config.h"
#include "lib/err.h"
#include "rules/member.h"

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


/* Lower-case letters, digits, '.', '_', '-'; 2..32; not reserved (e.g. the
 * registration login, "root", "admin" is allowed). reserved may be NULL. */
int user_check_login(const char *login, const char *reserved, const char **why);
/* A login a new member may take: user_check_login, and not one the system
 * keeps ("admin", "sysop", "root", "moderator", "support", "postmaster"),
 * not reg_login (the registration login) and not a word of reserved (the
 * [registration] reserved list: logins separated by commas or blanks).
 * Either may be NULL. Registration, user add and user import ask this;
 * lookups of existing members ask user_check_login. */
int user_check_new_login(const char *login, const char *reg_login, const char *reserved,
    const char **why);
/* Logins are lower case: copies src (NULL is "") into dst (dstsz bytes)
 * with A-Z folded to a-z. Every place that takes a login from a person (the
 * SSH user name, To:, author:, the command line) reads it through this, so
 * "Alice" is alice everywhere. False, with dst untouched, when it does not
 * fit. */
bool user_login_fold(char *dst, size_t dstsz, const char *src);
/* Printable UTF-8, 1..64 columns, no control/bidi/zero-width, not blank. */
int user_check_name(const char *name, const char **why);
int user_check_password(const char *pw, const char **why);
/* An e-mail address as a roster gives it: 3..254 printable ASCII
 * characters without blanks, one '@' with text before it and a domain
 * with a dot inside after it. No mail is sent: this catches the columns
 * of a roster in the wrong order, not every bad address. */
#define USER_EMAIL_MAX	254
int user_check_email(const char *email, const char **why);
/* Checks every profile field of m (lengths, UTF-8, grad year range,
 * students cannot be open to mentoring nor take mentees, max_mentees
 * range). */
int user_check_profile(const struct member *m, const char **why);

/* The status a member who registers themselves starts with under mode:
 * active when registration is open, pending (reading only, until a sysop
 * approves) under approval. ERR_DENIED when registration is closed or mode
 * is not one of these: nobody may register. *status is written only on
 * success. */
int user_registration_status(enum reg_mode mode, enum member_status *status,
    const char **why);

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
/* True if text is (a line of) a private key file, which authkey_parse
 * refuses with a sentence saying which line to paste instead; the caller
 * drops such text at once. */
bool authkey_is_private(const char *text);
/* Fingerprint of a canonical base64 blob: "SHA256:..." into out (>= 64 bytes). */
int authkey_fingerprint(const char *blob_b64, char *out, size_t outsz);

#endif
