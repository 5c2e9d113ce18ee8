/* Domain rules for members: validation, registration, authentication and
 * SSH public key parsing; see user.h. No SQL here: that is db-user.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crypto.h"
#include "db.h"
#include "db-user.h"
#include "log.h"
#include "text.h"
#include "user.h"
#include "xmalloc.h"

/* Logins no one may register besides the one the caller passes (the
 * registration login from the config): "root" is what a confused client
 * sends by default, and "new" is the default registration login. */
static const char *const reserved_logins[] = { "root", "new" };

/* Reasons that name a field are built here. A session is one process and
 * a reason is shown before the next check runs, so one buffer is enough. */
static char why_buf[160];

static const char *
why_field(const char *field, const char *reason)
{
	snprintf(why_buf, sizeof why_buf, "%s %s", field, reason);
	return why_buf;
}

static int
refuse(const char **why, const char *reason)
{
	*why = reason;
	return USER_ERR_INVALID;
}

int
user_check_login(const char *login, const char *reserved, const char **why)
{
	size_t len;

	if (login == NULL || (len = strlen(login)) < USER_LOGIN_MIN || len > USER_LOGIN_MAX)
		return refuse(why, "login must be 2 to 32 characters long");
	for (size_t i = 0; i < len; i++) {
		char c = login[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		    c == '_' || c == '-'))
			return refuse(why, "login may contain only lower-case letters, "
			    "digits, '.', '_' and '-'");
	}
	/* A leading '-' reads as an option to ssh and to our own command line. */
	if (!((login[0] >= 'a' && login[0] <= 'z') || (login[0] >= '0' && login[0] <= '9')))
		return refuse(why, "login must start with a letter or a digit");
	if (reserved != NULL && strcmp(login, reserved) == 0)
		return refuse(why, "that login is reserved");
	for (size_t i = 0; i < sizeof reserved_logins / sizeof reserved_logins[0]; i++)
		if (strcmp(login, reserved_logins[i]) == 0)
			return refuse(why, "that login is reserved");
	return 0;
}

/* Spaces other than U+0020 that look like it: no-break, en/em and the
 * other typographic spaces, narrow no-break, ideographic. */
static bool
has_odd_space(const char *s)
{
	static const char *const odd[] = {
		"\xc2\xa0", "\xe2\x80\x80", "\xe2\x80\x81", "\xe2\x80\x82", "\xe2\x80\x83",
		"\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86", "\xe2\x80\x87", "\xe2\x80\x88",
		"\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80",
	};

	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		if (strstr(s, odd[i]) != NULL)
			return true;
	return false;
}

int
user_check_name(const char *name, const char **why)
{
	const char *r;
	size_t len;

	if (name == NULL || *name == '\0')
		return refuse(why, "display name is empty");
	len = strlen(name);
	if (len >= MEMBER_NAME_SZ)
		return refuse(why, "display name is too long");
	/* Columns are the real limit; the character count only bounds work. */
	if ((r = text_check_line(name, MEMBER_NAME_SZ)) != NULL)
		return refuse(why, why_field("display name", r));
	if (strspn(name, " ") == len)
		return refuse(why, "display name is blank");
	if (name[0] == ' ' || name[len - 1] == ' ')
		return refuse(why, "display name starts or ends with a space");
	/* One plain space between words, so "Alice  Appleton" cannot pass for
	 * "Alice Appleton" (and other spaces, e.g. no-break, are not words'
	 * glue here either). */
	if (strstr(name, "  ") != NULL)
		return refuse(why, "display name has two spaces in a row; use one");
	if (has_odd_space(name))
		return refuse(why, "display name has an unusual space character; use a plain space");
	if (text_width(name) > USER_NAME_MAX_COLS)
		return refuse(why, "display name is wider than 64 columns");
	return 0;
}

int
user_check_password(const char *pw, const char **why)
{
	size_t len, i = 0;
	uint32_t cp;
	int n;

	if (pw == NULL || *pw == '\0')
		return refuse(why, "password is empty");
	if ((len = strlen(pw)) > USER_PASSWORD_MAX)
		return refuse(why, "password is longer than 1024 bytes");
	/* Spaces and any printable character are welcome; control characters
	 * are not, as they cannot be typed the same way on every terminal. */
	while (i < len) {
		if ((n = text_utf8_decode(pw + i, len - i, &cp)) < 0)
			return refuse(why, "password is not valid UTF-8");
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return refuse(why, "password contains control characters");
		i += (size_t)n;
	}
	if (text_chars(pw) < USER_PASSWORD_MIN)
		return refuse(why, "password must be at least 10 characters");
	return 0;
}

/* One single-line field: terminated in its buffer, then the text rules. */
static int
check_field(const char *field, const char *s, size_t sz, size_t max_chars, bool multi,
    const char **why)
{
	const char *r;

	if (memchr(s, '\0', sz) == NULL)
		return refuse(why, why_field(field, "is too long"));
	r = multi ? text_check_multiline(s, max_chars) : text_check_line(s, max_chars);
	if (r != NULL)
		return refuse(why, why_field(field, r));
	return 0;
}

#define CHECK_FIELD(label, f, max, multi) do { \
	if ((r = check_field(label, m->f, sizeof m->f, max, multi, why)) != 0) \
		return r; \
} while (0)

int
user_check_profile(const struct member *m, const char **why)
{
	int r;

	if (memchr(m->name, '\0', sizeof m->name) == NULL)
		return refuse(why, "display name is too long");
	if ((r = user_check_name(m->name, why)) != 0)
		return r;
	if ((unsigned)m->role > ROLE_STUDENT)
		return refuse(why, "role must be alumni, trainee or student");
	CHECK_FIELD("degree programs", programs, USER_FIELD_MAX, false);
	CHECK_FIELD("specialty", specialty, USER_FIELD_MAX, false);
	CHECK_FIELD("subspecialty", subspecialty, USER_FIELD_MAX, false);
	CHECK_FIELD("position", position, USER_FIELD_MAX, false);
	CHECK_FIELD("institution", institution, USER_FIELD_MAX, false);
	CHECK_FIELD("city", city, USER_FIELD_MAX, false);
	CHECK_FIELD("region", region, USER_FIELD_MAX, false);
	CHECK_FIELD("country", country, USER_FIELD_MAX, false);
	CHECK_FIELD("mentoring topics", topics, USER_TOPICS_MAX, false);
	CHECK_FIELD("bio", bio, USER_BIO_MAX, true);
	if (m->grad_year != 0 &&
	    (m->grad_year < USER_GRAD_YEAR_MIN || m->grad_year > USER_GRAD_YEAR_MAX))
		return refuse(why, "graduation year must be between 1950 and 2045");
	if (m->role == ROLE_STUDENT && m->open_to_mentoring)
		return refuse(why, "students cannot be open to mentoring");
	if (m->max_mentees < 0 || m->max_mentees > USER_MAX_MENTEES_MAX)
		return refuse(why, "maximum number of mentees must be between 0 and 20");
	return 0;
}

#undef CHECK_FIELD

int
user_check_name_free(struct db *db, const char *name, int64_t except_id, const char **why)
{
	bool taken = false;

	if (db_user_name_taken(db, name, except_id, &taken) != DB_OK) {
		*why = "database error";
		return USER_ERR_DB;
	}
	if (taken) {
		*why = "another member already uses that display name; add an initial or "
		    "a middle name";
		return USER_ERR_EXISTS;
	}
	return 0;
}

int
user_register(struct db *db, const struct member *m, const char *password,
    int64_t *id, const char **why)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	struct member other;
	int64_t newid = 0;
	int r;

	if (memchr(m->login, '\0', sizeof m->login) == NULL)
		return refuse(why, "login must be 2 to 32 characters long");
	if ((r = user_check_login(m->login, NULL, why)) != 0 ||
	    (r = user_check_profile(m, why)) != 0)
		return r;
	/* A taken login is the likelier mistake: say that first. */
	if (db_user_get_by_login(db, m->login, &other) == DB_OK) {
		*why = "that login is taken";
		return USER_ERR_EXISTS;
	}
	if ((unsigned)m->status > STATUS_PENDING)
		return refuse(why, "status must be active, suspended or pending");
	if (password != NULL && (r = user_check_password(password, why)) != 0)
		return r;
	if ((r = user_check_name_free(db, m->name, 0, why)) != 0)
		return r;
	if (password != NULL) {
		if (crypto_password_hash(hash, password) != 0) {
			*why = "could not hash the password";
			return USER_ERR_DB;
		}
	}
	r = db_user_create(db, m, password != NULL ? hash : NULL, &newid);
	crypto_wipe(hash, sizeof hash);
	switch (r) {
	case DB_OK:
		*id = newid;
		return 0;
	case DB_EXISTS:
		*why = "that login is taken";
		return USER_ERR_EXISTS;
	case DB_INVALID:
		return refuse(why, "the database refused a value");
	default:
		*why = "database error";
		return USER_ERR_DB;
	}
}

/* Replaces an outdated hash after a successful login. Failure only costs
 * the upgrade, so it is logged and the login goes ahead. */
static void
user_rehash(struct db *db, int64_t id, const char *password)
{
	char hash[CRYPTO_PWHASH_LEN];

	if (crypto_password_hash(hash, password) != 0 ||
	    db_user_set_pwhash(db, id, id, hash) != DB_OK)
		log_warn("could not rehash the password of member %lld", (long long)id);
	crypto_wipe(hash, sizeof hash);
}

int
user_authenticate_password(struct db *db, const char *login, const char *password,
    struct member *out)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	struct member *m = xmalloc(sizeof *m);
	bool usable, known, ok;
	int r = USER_ERR_AUTH;

	/* An oversized password cannot match anything we stored; it is
	 * verified as "" so its length buys no extra hashing time. */
	usable = password != NULL && strlen(password) <= USER_PASSWORD_MAX;
	/* Every path below runs exactly one verification: against the stored
	 * hash, or against the dummy inside crypto_password_verify(NULL, ...)
	 * for unknown logins, key-only accounts and refused input. */
	known = usable && login != NULL && db_user_get_by_login(db, login, m) == DB_OK &&
	    db_user_pwhash(db, m->id, hash, sizeof hash) == DB_OK && hash[0] != '\0';
	ok = crypto_password_verify(known ? hash : NULL, usable ? password : "");
	if (known && ok) {
		if (crypto_password_needs_rehash(hash))
			user_rehash(db, m->id, password);
		*out = *m;
		r = 0;
	}
	crypto_wipe(hash, sizeof hash);
	free(m);
	return r;
}

int
user_authenticate_key(struct db *db, const char *login, const char *blob_b64,
    struct member *out)
{
	struct member *m;
	int64_t uid = 0;
	int r = USER_ERR_AUTH;

	if (login == NULL || blob_b64 == NULL || db_key_owner(db, blob_b64, &uid) != DB_OK)
		return USER_ERR_AUTH;
	m = xmalloc(sizeof *m);
	if (db_user_get(db, uid, m) == DB_OK && strcmp(m->login, login) == 0) {
		*out = *m;
		r = 0;
	}
	free(m);
	return r;
}

/* Maps the data layer's answer to a password or profile write. */
static int
user_write_result(int dbr, const char **why)
{
	switch (dbr) {
	case DB_OK:
		return 0;
	case DB_DENIED:
		*why = "you may only change your own account";
		return DB_DENIED;
	case DB_NOTFOUND:
		*why = "no such member";
		return USER_ERR_INVALID;
	case DB_INVALID:
		return refuse(why, "the database refused a value");
	default:
		*why = "database error";
		return USER_ERR_DB;
	}
}

int
user_set_password(struct db *db, int64_t actor_id, int64_t id, const char *pw,
    const char **why)
{
	char hash[CRYPTO_PWHASH_LEN];
	int r;

	if ((r = user_check_password(pw, why)) != 0)
		return r;
	if (crypto_password_hash(hash, pw) != 0) {
		*why = "could not hash the password";
		return USER_ERR_DB;
	}
	r = db_user_set_pwhash(db, actor_id, id, hash);
	crypto_wipe(hash, sizeof hash);
	return user_write_result(r, why);
}

bool
user_password_ok(struct db *db, int64_t id, const char *pw)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	bool ok;

	if (db_user_pwhash(db, id, hash, sizeof hash) != DB_OK)
		return false;
	ok = pw != NULL && strlen(pw) <= USER_PASSWORD_MAX &&
	    crypto_password_verify(hash[0] != '\0' ? hash : NULL, pw);
	crypto_wipe(hash, sizeof hash);
	return ok;
}

int
user_change_password(struct db *db, int64_t id, const char *old_pw,
    const char *new_pw, const char **why)
{
	int r;

	if ((r = user_check_password(new_pw, why)) != 0)
		return r;
	if (!user_password_ok(db, id, old_pw)) {
		*why = "the current password is wrong";
		return USER_ERR_AUTH;
	}
	return user_set_password(db, id, id, new_pw, why);
}

int
user_save_profile(struct db *db, int64_t actor_id, const struct member *m, const char **why)
{
	int r;

	if ((r = user_check_profile(m, why)) != 0 ||
	    (r = user_check_name_free(db, m->name, m->id, why)) != 0)
		return r;
	return user_write_result(db_user_update_profile(db, actor_id, m), why);
}

int
user_add_key(struct db *db, int64_t actor_id, int64_t user_id, const char *line,
    const char **why)
{
	struct authkey k;
	int r;

	if ((r = authkey_parse(line, &k, why)) != 0)
		return r;
	switch (db_key_add(db, actor_id, user_id, k.type, k.blob_b64, k.fingerprint,
	    k.comment, NULL)) {
	case DB_OK:
		return 0;
	case DB_EXISTS:
		/* Whose it is stays private: the same words for any owner. */
		*why = "this key is already registered";
		return USER_ERR_EXISTS;
	case DB_DENIED:
		*why = "you may only change your own keys";
		return DB_DENIED;
	case DB_NOTFOUND:
		*why = "no such member";
		return USER_ERR_INVALID;
	case DB_INVALID:
		return refuse(why, "the database refused a value");
	default:
		*why = "database error";
		return USER_ERR_DB;
	}
}
