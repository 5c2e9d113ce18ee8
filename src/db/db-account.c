/* Account operations: registration, password and key authentication,
 * password changes, profile saves and keys. Each checks its input with the
 * rules of rules/user.h, hashes with lib/crypto.h and stores through the
 * member queries of db-user.c; see db-account.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-admin.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "lib/crypto.h"
#include "lib/log.h"
#include "lib/xmalloc.h"
#include "rules/user.h"

static int
refuse(const char **why, const char *reason)
{
	*why = reason;
	return ERR_INVALID;
}

/* The sentence for a data-layer failure that is nobody's mistake:
 * ERR_BUSY may simply be tried again; anything else is an error. */
static int
db_failed(int r, const char **why)
{
	if (r == ERR_BUSY) {
		*why = "the database is busy; please try again";
		return ERR_BUSY;
	}
	*why = "database error";
	return ERR_INTERNAL;
}

int
db_account_name_free(struct db *db, const char *name, int64_t except_id, const char **why)
{
	bool taken = false;
	int r;

	if ((r = db_user_name_taken(db, name, except_id, &taken)) != 0)
		return db_failed(r, why);
	if (taken) {
		*why = "another member already uses that display name; add an initial or "
		    "a middle name";
		return ERR_EXISTS;
	}
	return 0;
}

/* The member's row; a sign-up that waits for approval also tells every
 * admin, in the same transaction, so nobody waits unseen. */
static int
create_and_tell(struct db *db, const struct member *m, const char *hash, int64_t *id)
{
	int64_t newid = 0;
	int r;

	if (m->status != STATUS_PENDING)
		return db_user_create(db, m, hash, id);
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_user_create(db, m, hash, &newid);
	if (r == 0)
		r = db_signup_notify_admins(db, newid);
	if ((r = db_tx_end(db, r)) == 0)
		*id = newid;
	return r;
}

int
db_account_register(struct db *db, const struct member *m, const char *password,
    int64_t *id, const char **why)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	struct member other;
	int64_t newid = 0;
	int r;

	if (memchr(m->login, '\0', sizeof m->login) == NULL)
		return refuse(why, "login must be 2 to 32 characters long");
	if ((r = user_check_new_login(m->login, NULL, NULL, why)) != 0 ||
	    (r = user_check_profile(m, why)) != 0)
		return r;
	/* A taken login is the likelier mistake: say that first. */
	if ((r = db_user_get_by_login(db, m->login, &other)) == 0) {
		*why = "that login is taken";
		return ERR_EXISTS;
	}
	if (r != ERR_NOTFOUND)
		return db_failed(r, why);
	if ((unsigned)m->status > STATUS_PENDING)
		return refuse(why, "status must be active, suspended or pending");
	if (password != NULL && (r = user_check_password(password, why)) != 0)
		return r;
	if ((r = db_account_name_free(db, m->name, 0, why)) != 0)
		return r;
	if (password != NULL) {
		if (crypto_password_hash(hash, password) != 0) {
			*why = "could not hash the password";
			return ERR_INTERNAL;
		}
	}
	r = create_and_tell(db, m, password != NULL ? hash : NULL, &newid);
	crypto_wipe(hash, sizeof hash);
	switch (r) {
	case ERR_OK:
		*id = newid;
		return 0;
	case ERR_EXISTS:
		*why = "that login is taken";
		return ERR_EXISTS;
	case ERR_INVALID:
		return refuse(why, "the database refused a value");
	default:
		return db_failed(r, why);
	}
}

void
db_account_rehash(struct db *db, int64_t id, const char *password)
{
	char hash[CRYPTO_PWHASH_LEN];

	if (crypto_password_hash(hash, password) != 0 ||
	    db_user_set_pwhash(db, id, id, hash) != 0)
		log_warn("could not rehash the password of member %lld", (long long)id);
	crypto_wipe(hash, sizeof hash);
}

/* Is code the member's valid one-time setup code? The stored value is the
 * hex SHA-256 of 100 random bits, compared in constant time. */
static bool
setup_code_matches(struct db *db, int64_t id, const char *code)
{
	char stored[65], hex[65];
	uint8_t sum[32];
	unsigned diff = 0;

	if (db_user_setup_code(db, id, stored) != 0 || strlen(stored) != 64)
		return false;
	crypto_sha256(sum, code, strlen(code));
	for (size_t i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	for (size_t i = 0; i < 64; i++)
		diff |= (unsigned)(stored[i] ^ hex[i]);
	return diff == 0;
}

int
db_account_auth_password(struct db *db, const char *login, const char *password,
    struct member *out, bool *stale)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	struct member *m = xcalloc(1, sizeof *m);
	bool usable, known, ok, code = false;
	int r = ERR_AUTH;

	/* An oversized password cannot match anything we stored; it is
	 * verified as "" so its length buys no extra hashing time. */
	usable = password != NULL && strlen(password) <= USER_PASSWORD_MAX;
	/* Every path below runs exactly one verification: against the stored
	 * hash, or against the dummy inside crypto_password_verify(NULL, ...)
	 * for unknown logins, key-only accounts and refused input. */
	known = usable && login != NULL && db_user_get_by_login(db, login, m) == 0 &&
	    db_user_pwhash(db, m->id, hash, sizeof hash) == 0 && hash[0] != '\0';
	ok = crypto_password_verify(known ? hash : NULL, usable ? password : "");
	/* A member with no password yet may have a one-time setup code: it
	 * is checked after the same verification, so timing tells nothing. */
	if (!known && usable && login != NULL && m->login[0] != '\0' &&
	    strcmp(m->login, login) == 0 && setup_code_matches(db, m->id, password))
		known = ok = code = true;
	if (known && ok) {
		/* A code is never stored as the password: no rehash. */
		if (stale != NULL)
			*stale = !code && crypto_password_needs_rehash(hash);
		*out = *m;
		r = 0;
	}
	crypto_wipe(hash, sizeof hash);
	free(m);
	return r;
}

int
db_account_auth_key(struct db *db, const char *login, const char *blob_b64,
    struct member *out)
{
	struct member *m;
	int64_t uid = 0;
	int r = ERR_AUTH;

	if (login == NULL || blob_b64 == NULL || db_key_owner(db, blob_b64, &uid) != 0)
		return ERR_AUTH;
	m = xmalloc(sizeof *m);
	if (db_user_get(db, uid, m) == 0 && strcmp(m->login, login) == 0) {
		*out = *m;
		r = 0;
	}
	free(m);
	return r;
}

/* Maps the data layer's answer to a write on an account: denied says
 * what the member may change instead. */
static int
account_write_says(int dbr, const char *denied, const char **why)
{
	switch (dbr) {
	case ERR_OK:
		return 0;
	case ERR_DENIED:
		*why = denied;
		return ERR_DENIED;
	case ERR_NOTFOUND:
		*why = "no such member";
		return ERR_INVALID;
	case ERR_INVALID:
		return refuse(why, "the database refused a value");
	default:
		return db_failed(dbr, why);
	}
}

static int
account_write_result(int dbr, const char **why)
{
	return account_write_says(dbr, "you may only change your own account", why);
}

int
db_account_set_password(struct db *db, int64_t actor_id, int64_t id, const char *pw,
    const char **why)
{
	char hash[CRYPTO_PWHASH_LEN];
	int r;

	if ((r = user_check_password(pw, why)) != 0)
		return r;
	if (crypto_password_hash(hash, pw) != 0) {
		*why = "could not hash the password";
		return ERR_INTERNAL;
	}
	r = db_user_set_password_hash(db, actor_id, id, hash, false);
	crypto_wipe(hash, sizeof hash);
	return account_write_result(r, why);
}

int
db_account_password_check(struct db *db, int64_t id, const char *pw)
{
	char hash[CRYPTO_PWHASH_LEN] = "";
	bool ok;
	int r;

	if ((r = db_user_pwhash(db, id, hash, sizeof hash)) != 0)
		return r == ERR_NOTFOUND ? ERR_AUTH : r;
	ok = pw != NULL && strlen(pw) <= USER_PASSWORD_MAX &&
	    crypto_password_verify(hash[0] != '\0' ? hash : NULL, pw);
	crypto_wipe(hash, sizeof hash);
	return ok ? 0 : ERR_AUTH;
}

int
db_account_change_password(struct db *db, int64_t id, const char *old_pw,
    const char *new_pw, const char **why)
{
	int r;

	if ((r = user_check_password(new_pw, why)) != 0)
		return r;
	if ((r = db_account_password_check(db, id, old_pw)) == ERR_AUTH) {
		*why = "the current password is wrong";
		return ERR_AUTH;
	}
	if (r != 0)
		return db_failed(r, why);
	return db_account_set_password(db, id, id, new_pw, why);
}

int
db_account_save_profile(struct db *db, int64_t actor_id, const struct member *m, const char **why)
{
	int r;

	if ((r = user_check_profile(m, why)) != 0 ||
	    (r = db_account_name_free(db, m->name, m->id, why)) != 0)
		return r;
	r = db_user_update_profile(db, actor_id, m);
	if (r == ERR_DENIED && actor_id == m->id) {
		*why = "Your role is checked by the admins: press r on your profile to "
		    "ask them for a change";
		return ERR_DENIED;
	}
	return account_write_result(r, why);
}

int
db_account_add_key(struct db *db, int64_t actor_id, int64_t user_id, const char *line,
    const char **why)
{
	struct authkey k;
	int r;

	if ((r = authkey_parse(line, &k, why)) != 0)
		return r;
	r = db_key_add(db, actor_id, user_id, k.type, k.blob_b64, k.fingerprint, k.comment, NULL);
	if (r == ERR_EXISTS) {
		/* Whose it is stays private: the same words for any owner. */
		*why = "this key is already registered";
		return ERR_EXISTS;
	}
	return account_write_says(r, "you may only change your own keys", why);
}
