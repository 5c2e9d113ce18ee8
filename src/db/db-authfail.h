/* Failed password attempts, kept in the database so every session process
 * sees them (migration 011): per-bucket delays that grow with failures, and
 * the address prefixes each member has logged in from. Only the auth
 * monitor (ssh/monitor.c) writes here. A bucket is the login as typed
 * ("alice", known or not, so the delay never tells which logins exist) or,
 * for an address the member has logged in from before, "alice@prefix":
 * someone else's guessing then never slows the owner there, and a key login
 * never looks at any of this. Times are in milliseconds, given by the
 * caller, so tests can step a clock. */
#ifndef DB_AUTHFAIL_H
#define DB_AUTHFAIL_H
#include <stdbool.h>
#include <stdint.h>

struct db;

#define AUTHFAIL_BUCKET_SZ	128	/* a login as typed (64) + "@" + a prefix, NUL included */
#define AUTHFAIL_SOURCES_MAX	20	/* prefixes remembered per member */

struct authfail_policy {
	int free_failures;	/* failures verified without delay (5) */
	int delay_max_ms;	/* the delay stops doubling here ([limits] password_delay_max) */
	int max_wait_ms;	/* an attempt never waits longer for its turn */
	int64_t quiet_ms;	/* failures older than this are forgotten */
};

/* The delay between password verifications of a bucket that has failed
 * `failures` times: none for the first free_failures, then 1 s doubling at
 * every failure up to delay_max_ms. Pure. */
int authfail_delay_ms(const struct authfail_policy *p, int failures);

/* Takes the bucket's next turn. 0 and *wait_ms: sleep that long, then
 * verify (later attempts queue behind this one). ERR_DENIED when the next
 * turn is more than max_wait_ms away: the attempt must not be verified and
 * takes no turn, so a flood cannot queue turns far into the future.
 * ERR_BUSY or ERR_INTERNAL when the database failed. */
int db_authfail_reserve(struct db *db, const char *bucket, int64_t now_ms,
    const struct authfail_policy *p, int *wait_ms);
/* The wait db_authfail_reserve would ask of bucket, read only (for when
 * the database is locked and no turn can be taken): 0 and *wait_ms (0:
 * none pending), or a code of lib/err.h. */
int db_authfail_peek(struct db *db, const char *bucket, int64_t now_ms,
    const struct authfail_policy *p, int *wait_ms);

/* Records a verified attempt: a failure counts one more (from one again
 * once the bucket was quiet for quiet_ms) and prunes buckets quiet that
 * long; a success clears the bucket. */
int db_authfail_record(struct db *db, const char *bucket, bool ok, int64_t now_ms,
    const struct authfail_policy *p);

/* The bucket's failure count (0 without a row), for tests and logs. */
int db_authfail_failures(struct db *db, const char *bucket, int *failures);

/* Has member user_id logged in from prefix before? */
int db_authfail_source_known(struct db *db, int64_t user_id, const char *prefix, bool *known);
/* Remembers a prefix after a successful login (now in unix seconds);
 * keeps the AUTHFAIL_SOURCES_MAX most recent per member. */
int db_authfail_source_add(struct db *db, int64_t user_id, const char *prefix, int64_t now);

#endif
