/* Mail: the member's address, choices and stop tokens; see db-mail.h. The
 * runner's side is db-mail-run.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-mail.h"
#include "db/db-mail-internal.h"
#include "lib/crypto.h"
#include "lib/text.h"

/* The code's hash, bound to the member: the same code for two members
 * hashes apart. */
static void
code_hash(uint8_t out[32], int64_t user_id, const char *code)
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, "mentorbbs-mail-code:%lld:%s", (long long)user_id, code);

	crypto_sha256(out, buf, (size_t)n);
	crypto_wipe(buf, sizeof buf);
}

int
db_mail_prefs_get(struct db *db, int64_t actor_id, struct mail_prefs *out)
{
	struct mail_prefs p;
	sqlite3_stmt *st;
	char digest[16] = "";
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	memset(&p, 0, sizeof p);
	p.immediate = MAIL_BITS_ALL;
	p.digest = MAIL_DIGEST_WEEKLY;
	st = DB_STMT(db, "SELECT coalesce(p.email, ''), p.immediate, p.digest, "
	    "coalesce(v.email, ''), coalesce(v.expires_at, 0) FROM users u "
	    "LEFT JOIN mail_prefs p ON p.user_id = u.id "
	    "LEFT JOIN mail_verify v ON v.user_id = u.id WHERE u.id = ?", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, p.email, sizeof p.email);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			p.immediate = (unsigned)sqlite3_column_int(st, 1) & MAIL_BITS_ALL;
			db_column_text(st, 2, digest, sizeof digest);
			if (mail_period_parse(digest, &p.digest) != 0)
				p.digest = MAIL_DIGEST_OFF;
		}
		db_column_text(st, 3, p.pending, sizeof p.pending);
		p.pending_expires = sqlite3_column_int64(st, 4);
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0)
		*out = p;
	return r;
}

/* Six digits from the system's random source, without modulo bias. */
static void
new_code(char out[MAIL_CODE_LEN + 1])
{
	uint32_t v;

	do
		crypto_random(&v, sizeof v);
	while (v >= 4294000000u);
	snprintf(out, MAIL_CODE_LEN + 1, "%06u", (unsigned)(v % 1000000u));
}

/* Inside the transaction: the hour's sends, the code row, the mail. */
static int
start_in_tx(struct db *db, int64_t actor_id, const char *addr, const char *code,
    const char **why)
{
	int64_t now = db_now(), sends = 0, window = 0;
	uint8_t hash[32];
	sqlite3_stmt *st;
	bool found = false;
	int r;

	st = DB_STMT(db, "SELECT (SELECT count(*) FROM mail_prefs WHERE user_id = ?1 AND "
	    "email = ?2)", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, addr);
	if ((r = db_step_int(db, st, &sends, NULL, __func__)) != 0)
		return r;
	if (sends > 0) {
		*why = "that is already your address";
		return ERR_EXISTS;
	}
	st = DB_STMT(db, "SELECT window_start FROM mail_verify WHERE user_id = ?", actor_id);
	if ((r = db_step_int(db, st, &window, &found, __func__)) != 0)
		return r;
	sends = 0;
	if (found && window > now - 3600) {
		st = DB_STMT(db, "SELECT sends FROM mail_verify WHERE user_id = ?", actor_id);
		if ((r = db_step_int(db, st, &sends, NULL, __func__)) != 0)
			return r;
	} else
		window = now;
	if (sends >= MAIL_CODE_SENDS) {
		*why = "you asked for 3 codes in the last hour; try again later";
		return ERR_TOO_FAST;
	}
	code_hash(hash, actor_id, code);
	st = DB_STMT(db, "INSERT INTO mail_verify (user_id, email, code_hash, expires_at, tries, "
	    "window_start, sends) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6) ON CONFLICT (user_id) DO "
	    "UPDATE SET email = ?2, code_hash = ?3, expires_at = ?4, tries = 0, "
	    "window_start = ?5, sends = ?6", actor_id, 0, 0, now + MAIL_CODE_TTL, window,
	    sends + 1);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, addr);
	sqlite3_bind_blob(st, 3, hash, sizeof hash, SQLITE_TRANSIENT);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE mail_outbox SET state = 'cancelled' WHERE user_id = ? AND "
	    "kind = 'code' AND state = 'queued'", actor_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO mail_outbox (user_id, kind, to_addr, body, next_at, "
	    "created_at) VALUES (?1, 'code', ?2, ?3, ?4, ?4)", actor_id, 0, 0, now);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, addr);
	db_bind_text(st, 3, code);
	return db_step_done(db, st, __func__);
}

int
db_mail_address_start(struct db *db, int64_t actor_id, const char *addr, const char **why)
{
	char code[MAIL_CODE_LEN + 1];
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((*why = mail_check_address(addr)) != NULL)
		return ERR_INVALID;
	new_code(code);
	if ((r = db_begin(db)) == 0)
		r = db_tx_end(db, start_in_tx(db, actor_id, addr, code, why));
	crypto_wipe(code, sizeof code);
	return r;
}

/* The code row as it was read, so the writes are guarded by it. */
struct verify_row {
	char email[MAIL_ADDR_SZ];
	uint8_t hash[32];
	int64_t expires_at, tries;
};

static int
verify_load(struct db *db, int64_t actor_id, struct verify_row *v)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT email, code_hash, expires_at, tries FROM mail_verify "
	    "WHERE user_id = ?", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, v->email, sizeof v->email);
		if (sqlite3_column_bytes(st, 1) == (int)sizeof v->hash)
			memcpy(v->hash, sqlite3_column_blob(st, 1), sizeof v->hash);
		v->expires_at = sqlite3_column_int64(st, 2);
		v->tries = sqlite3_column_int64(st, 3);
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
confirm_in_tx(struct db *db, int64_t actor_id, const uint8_t hash[32], bool *wrong,
    const char **why)
{
	struct verify_row v;
	sqlite3_stmt *st;
	int64_t now = db_now();
	int r;

	memset(&v, 0, sizeof v);
	if ((r = verify_load(db, actor_id, &v)) != 0) {
		if (r == ERR_NOTFOUND)
			*why = "ask for a code first (A: add an address)";
		return r;
	}
	if (v.expires_at <= now || v.tries >= MAIL_CODE_TRIES) {
		*why = v.tries >= MAIL_CODE_TRIES ? "too many wrong codes: ask for a new one" :
		    "that code has expired: ask for a new one";
		return ERR_STATE;
	}
	if (memcmp(v.hash, hash, sizeof v.hash) != 0) {
		/* The try is counted and kept: the caller commits it. */
		st = DB_STMT(db, "UPDATE mail_verify SET tries = tries + 1 WHERE user_id = ? AND "
		    "tries = ?", actor_id, v.tries);
		*wrong = true;
		*why = v.tries + 1 >= MAIL_CODE_TRIES ? "that is not the code, and it was the "
		    "last try: ask for a new one" : "that is not the code in the mail";
		return db_step_changed(db, st, __func__);
	}
	st = DB_STMT(db, "INSERT INTO mail_prefs (user_id, email, verified_at, digest_since, "
	    "digest_due_at) VALUES (?1, ?2, ?3, ?3, ?4) ON CONFLICT (user_id) DO UPDATE SET "
	    "email = ?2, verified_at = ?3", actor_id, 0, now,
	    now + mail_period_seconds(MAIL_DIGEST_WEEKLY));
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, v.email);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "DELETE FROM mail_verify WHERE user_id = ? AND tries = ?", actor_id,
	    v.tries);
	return db_step_changed(db, st, __func__);
}

int
db_mail_address_confirm(struct db *db, int64_t actor_id, const char *code, const char **why)
{
	uint8_t hash[32];
	bool wrong = false;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((*why = mail_check_code(code)) != NULL)
		return ERR_INVALID;
	code_hash(hash, actor_id, code);
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, confirm_in_tx(db, actor_id, hash, &wrong, why));
	return r == 0 && wrong ? ERR_AUTH : r;
}

int
db_mail_address_remove(struct db *db, int64_t actor_id)
{
	sqlite3_stmt *st;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_begin(db)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE mail_prefs SET email = NULL, verified_at = NULL "
	    "WHERE user_id = ?", actor_id);
	r = db_step_done(db, st, __func__);
	if (r == 0) {
		st = DB_STMT(db, "DELETE FROM mail_verify WHERE user_id = ?", actor_id);
		r = db_step_done(db, st, __func__);
	}
	if (r == 0) {
		st = DB_STMT(db, "UPDATE mail_outbox SET state = 'cancelled' WHERE user_id = ? "
		    "AND state = 'queued'", actor_id);
		r = db_step_done(db, st, __func__);
	}
	return db_tx_end(db, r);
}

int
db_mail_choices_set(struct db *db, int64_t actor_id, unsigned immediate,
    enum mail_period digest)
{
	sqlite3_stmt *st;
	int64_t now = db_now();
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((immediate & ~MAIL_BITS_ALL) != 0 || (size_t)digest > MAIL_DIGEST_WEEKLY)
		return ERR_INVALID;
	/* A new period starts counting now; the same one keeps its date. */
	st = DB_STMT(db, "UPDATE mail_prefs SET immediate = ?2, "
	    "digest_due_at = CASE WHEN digest = ?3 THEN digest_due_at ELSE ?4 END, "
	    "digest_since = CASE WHEN digest = 'off' AND ?3 <> 'off' THEN ?5 ELSE digest_since END, "
	    "digest = ?3 WHERE user_id = ?1 AND email IS NOT NULL", actor_id, immediate, 0,
	    now + mail_period_seconds(digest), now);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, mail_period_name(digest));
	r = db_step_changed(db, st, __func__);
	return r == ERR_NOTFOUND ? ERR_STATE : r;
}

int
db_mail_queue(struct db *db, int64_t user_id, enum mail_kind kind, const char *detail)
{
	char cut[MAIL_DETAIL_MAX + 1];
	sqlite3_stmt *st;
	unsigned bit = mail_kind_bit(kind);

	if (bit == 0)
		return ERR_INVALID;
	text_copy(cut, sizeof cut, detail);
	st = DB_STMT(db, "INSERT INTO mail_outbox (user_id, kind, body, next_at, created_at) "
	    "SELECT ?1, ?2, ?3, ?4, ?4 FROM mail_prefs WHERE user_id = ?1 AND "
	    "email IS NOT NULL AND (immediate & ?5) <> 0", user_id, 0, 0, db_now(), bit);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, mail_kind_name(kind));
	db_bind_text(st, 3, cut);
	return db_step_done(db, st, __func__);
}

static void
token_hash(uint8_t out[32], const char *token)
{
	crypto_sha256(out, token, strlen(token));
}

int
db_mail_token_new(struct db *db, int64_t user_id, int64_t outbox_id, char out[MAIL_TOKEN_SZ])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t raw[MAIL_TOKEN_HEX / 2], hash[32];
	char tok[MAIL_TOKEN_SZ];
	sqlite3_stmt *st;
	int r;

	crypto_random(raw, sizeof raw);
	memcpy(tok, "stop-", 5);
	for (size_t i = 0; i < sizeof raw; i++) {
		tok[5 + 2 * i] = hex[raw[i] >> 4];
		tok[5 + 2 * i + 1] = hex[raw[i] & 15];
	}
	tok[MAIL_TOKEN_SZ - 1] = '\0';
	token_hash(hash, tok);
	st = DB_STMT(db, "INSERT INTO mail_stop_tokens (hash, user_id, outbox_id, created_at) "
	    "VALUES (?1, ?2, ?3, ?4)", 0, user_id, outbox_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	memcpy(out, tok, sizeof tok);
	return 0;
}

static int
stop_in_tx(struct db *db, const uint8_t hash[32], char *login, size_t loginsz,
    const char **why)
{
	char who[MEMBER_LOGIN_SZ] = "";
	int64_t user_id = 0, used = 0;
	sqlite3_stmt *st;
	int rc, r;

	if ((st = db_stmt(db, "SELECT t.user_id, coalesce(t.used_at, 0), u.login FROM "
	    "mail_stop_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		user_id = sqlite3_column_int64(st, 0);
		used = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, who, sizeof who);
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		*why = "no mail of ours has that stop token";
		return r;
	}
	if (used != 0) {
		*why = "that stop token was used already: the mail it came with is stopped";
		return ERR_STATE;
	}
	if ((st = db_stmt(db, "UPDATE mail_stop_tokens SET used_at = ?1 WHERE hash = ?2 "
	    "AND used_at IS NULL")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, db_now());
	sqlite3_bind_blob(st, 2, hash, 32, SQLITE_STATIC);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE mail_prefs SET immediate = 0, digest = 'off' WHERE user_id = ?",
	    user_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE mail_outbox SET state = 'cancelled' WHERE user_id = ? AND "
	    "state = 'queued' AND kind <> 'code'", user_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	text_copy(login, loginsz, who);
	return 0;
}

int
db_mail_stop(struct db *db, const char *token, char *login, size_t loginsz, const char **why)
{
	char tok[MAIL_TOKEN_SZ], who[MEMBER_LOGIN_SZ];
	uint8_t hash[32];
	int r;

	if (strlen(token) != MAIL_TOKEN_SZ - 1 ||
	    mail_find_token(token, strlen(token), tok) != 0) {
		*why = "a stop token is stop- and 32 letters and digits, as in the mail";
		return ERR_INVALID;
	}
	token_hash(hash, tok);
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = db_tx_end(db, stop_in_tx(db, hash, who, sizeof who, why))) != 0)
		return r;
	text_copy(login, loginsz, who);
	return 0;
}
