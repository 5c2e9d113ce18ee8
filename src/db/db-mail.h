/* Mail: a member's address (verified by a code mailed to it), their
 * choices, the outbox and the stop tokens. Kinds, wording and the shape of
 * a message are rules/mail.h; running sendmail is lib/sendmail.h, from
 * `mentorbbs mail run` only.
 *
 * The outbox is written in the transaction of the event a mail tells of
 * (db_mail_queue, called by the data functions that also add the notice),
 * so a mail exists exactly when its event committed. What "sent" means:
 * sendmail exited 0, so the system's MTA accepted the message and owns
 * its delivery. A runner marks a mail sending (and makes its stop token)
 * in one transaction before it runs sendmail and sent in another after; a
 * mail still sending when a runner starts is from one that died in
 * between, and nobody can know whether the MTA got it, so it becomes
 * unknown and is never sent again: at most once, never twice.
 *
 * A member reads and changes only their own address and choices: every
 * member function acts on actor_id's own row (actor_id > 0, else
 * ERR_DENIED). */
#ifndef DB_MAIL_H
#define DB_MAIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/mail.h"
#include "rules/member.h"

struct db;

struct mail_prefs {
	char email[MAIL_ADDR_SZ];	/* verified; "" for none */
	unsigned immediate;		/* MAIL_BIT_* */
	enum mail_period digest;
	char pending[MAIL_ADDR_SZ];	/* waiting for its code; "" for none */
	int64_t pending_expires;
};

/* The member's own settings; all empty for a member who never gave an
 * address. */
int db_mail_prefs_get(struct db *db, int64_t actor_id, struct mail_prefs *out);

/* Asks for a code for addr: checks it (ERR_INVALID with *why), at most
 * MAIL_CODE_SENDS an hour (ERR_TOO_FAST with *why), then stores the code's
 * hash and queues the mail with the code, in one transaction. A code asked
 * for earlier and not sent yet is cancelled; the address in force (if any)
 * stays until the new one is confirmed. */
int db_mail_address_start(struct db *db, int64_t actor_id, const char *addr,
    const char **why);
/* Confirms the address with the code typed. ERR_NOTFOUND (no code asked
 * for), ERR_STATE (expired, or MAIL_CODE_TRIES wrong ones: ask again),
 * ERR_AUTH (wrong: the try is counted), each with *why; 0: the address is
 * the member's, with every immediate mail on and a weekly digest. */
int db_mail_address_confirm(struct db *db, int64_t actor_id, const char *code,
    const char **why);
/* Forgets the address (and a code waiting); queued mail is cancelled. */
int db_mail_address_remove(struct db *db, int64_t actor_id);
/* Sets the immediate choices (MAIL_BIT_*) and the digest. ERR_STATE when
 * the member has no verified address. */
int db_mail_choices_set(struct db *db, int64_t actor_id, unsigned immediate,
    enum mail_period digest);

/* Queues a mail of kind for user_id, in the caller's transaction, when
 * they have a verified address and chose that kind (else nothing, and 0).
 * detail is the event's line (cut at MAIL_DETAIL_MAX bytes). Not an
 * authorisation point: callers are data functions that decided the member
 * should hear of it (they add the notice in the same transaction). */
int db_mail_queue(struct db *db, int64_t user_id, enum mail_kind kind, const char *detail);

/* For `mentorbbs mail run`. */
struct mail_job {
	int64_t id, user_id;
	enum mail_kind kind;
	int attempts;			/* this one included */
	char to_addr[MAIL_ADDR_SZ];
	char to_name[MEMBER_NAME_SZ];
	char login[MEMBER_LOGIN_SZ];
	char body[MAIL_BODY_MAX];	/* the detail, the code or the digest */
	char token[MAIL_TOKEN_SZ];	/* "" for a code */
};
/* Marks every mail left sending by a runner that died unknown; *n gets
 * how many. Call only while holding the runner's lock. */
int db_mail_recover(struct db *db, int *n);
/* Queues the digests that are due at now (every member's with all_due),
 * each only when it has something to tell; *queued gets how many. */
int db_mail_digests(struct db *db, int64_t now, bool all_due, int *queued);
/* Takes the next mail due at now: cancels on the way those no longer
 * wanted (the address or the choice gone), marks it sending with one more
 * attempt and makes its stop token. *found says whether there was one;
 * *job (caller's storage) is written then. */
int db_mail_claim(struct db *db, int64_t now, struct mail_job *job, bool *found);
/* sendmail exited 0: sending -> sent (a code's text is cleared). */
int db_mail_sent(struct db *db, int64_t id, int64_t now);
/* sendmail failed: back to queued for next_at, or failed for good. */
int db_mail_failed(struct db *db, int64_t id, int64_t next_at, bool give_up,
    const char *error);
/* Uses a stop token ("stop-..."): every immediate mail and the digest off
 * for its member, queued mail cancelled; the token is spent. ERR_NOTFOUND
 * (no such token) or ERR_STATE (used already), with *why; on success the
 * member's login goes to login (loginsz bytes). */
int db_mail_stop(struct db *db, const char *token, char *login, size_t loginsz,
    const char **why);

/* Outbox rows per state, for `mentorbbs mail status`: counts[i] for the
 * states in db_mail_state_names order. */
#define MAIL_STATES	6
extern const char *const db_mail_state_names[MAIL_STATES];
int db_mail_counts(struct db *db, int64_t counts[MAIL_STATES]);

#endif
