/* Pre-authentication limits, on OpenSSH's srclimit.c and sshd_config(5)
 * MaxStartups, PerSourceMaxStartups, PerSourceNetBlockSize and
 * PerSourcePenalties: what the listener asks before it forks, and what it
 * tells after a connection ends. Pure logic: no sockets, no database; the
 * clock, the random source and the place penalties are saved come in
 * struct srclimit_env, so the unit tests drive all of it.
 *
 * A source is an address prefix (IPv4 /32 and IPv6 /64 by default), never
 * an exact string, so one IPv6 /64 is one source. A connection is
 * "starting up" from accept until it is a member's session (srclimit_member)
 * or it ends; the registration login stays starting up until the new
 * member exists (srclimit_signup_done). */
#ifndef SRCLIMIT_H
#define SRCLIMIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define SRCLIMIT_ADDR_STR 56	/* "ffff:...:ffff/128" */

/* An address already masked to its source prefix. */
struct srclimit_addr {
	int family;		/* AF_INET or AF_INET6 */
	int bits;		/* the prefix length it was masked to */
	uint8_t b[16];		/* IPv4 in the first 4 bytes */
};

struct srclimit_conf {
	int startups_begin, startups_rate, startups_full;	/* max_startups */
	int per_source;			/* starting-up connections per source */
	int prefix4, prefix6;		/* source prefix lengths */
	int penalty_authfail;		/* seconds added per kind of ending */
	int penalty_noauth;
	int penalty_grace;
	int penalty_crash;
	int penalty_min;		/* enforced once more than this is owed */
	int penalty_max;		/* never owed more than this */
	int penalty_sources;		/* penalised sources kept; oldest go first */
	int signups;			/* registration logins at once, in total */
	int signups_per_source;		/* ... and from one source */
	int signups_per_hour;		/* registration logins per source per hour */
	int sessions_per_member;	/* members' sessions at once */
	int max_sessions;		/* connections of any kind at once */
};

/* Unix time in seconds; a random number in [0, bound); where a penalty
 * goes to survive a restart (may be NULL). */
struct srclimit_env {
	double (*now)(void *ud);
	uint32_t (*random)(void *ud, uint32_t bound);
	void (*save)(void *ud, const struct srclimit_addr *src, double expiry,
	    bool active, const char *reason);
	void *ud;
};

/* How a connection that never became a member's session ended. */
enum srclimit_end {
	SRCLIMIT_END_NOAUTH,		/* went away without trying to log in */
	SRCLIMIT_END_AUTHFAIL,		/* tried and failed at least once */
	SRCLIMIT_END_GRACE,		/* ran out of login_grace */
	SRCLIMIT_END_CRASH,		/* the session process died of a signal */
};

struct srclimit;

/* A new limiter; conf and env are copied. Never NULL (xmalloc). */
struct srclimit *srclimit_new(const struct srclimit_conf *conf,
    const struct srclimit_env *env);
void srclimit_free(struct srclimit *sl);	/* NULL is a no-op */

/* The source of sa (AF_INET or AF_INET6; an IPv4-mapped IPv6 address is
 * IPv4), masked to the configured prefix. 0, or ERR_INVALID for another
 * family (*src untouched). */
int srclimit_source(const struct srclimit *sl, const struct sockaddr *sa,
    struct srclimit_addr *src);
/* "192.0.2.1/32", "2001:db8::/64" into buf. */
const char *srclimit_addr_str(const struct srclimit_addr *src, char *buf, size_t bufsz);
/* The reverse of srclimit_addr_str: 0, or ERR_INVALID (*src untouched). */
int srclimit_addr_parse(const char *s, struct srclimit_addr *src);

/* May a new connection from src start? 0 with its id in *id (a small
 * number >= 0, reused after srclimit_done); or ERR_DENIED with the reason
 * for the log in *why: too many connections, the source or everybody at
 * full, a random early drop between max_startups' begin and full (never
 * of a source with nothing starting up), or an active penalty. */
int srclimit_admit(struct srclimit *sl, const struct srclimit_addr *src, int *id,
    const char **why);

/* The connection failed an authentication attempt (counted once). */
void srclimit_authfail(struct srclimit *sl, int id);

/* The connection authenticated as member_id and wants a session: 0 (it
 * no longer starts up), or ERR_DENIED when that member has
 * sessions_per_member sessions already (the connection stays as it was). */
int srclimit_member(struct srclimit *sl, int id, int64_t member_id);

/* The connection is the registration login and wants to start: 0 (it
 * still starts up), or ERR_DENIED with a sentence for the newcomer in
 * *why: too many sign-ups at once, from this source, or this hour. */
int srclimit_signup(struct srclimit *sl, int id, const char **why);
/* The registration made member_id: the connection is that member's session. */
void srclimit_signup_done(struct srclimit *sl, int id, int64_t member_id);

/* The connection ended; a connection that was starting up earns its
 * source the penalty for how it ended (logged, saved). */
void srclimit_done(struct srclimit *sl, int id, enum srclimit_end how);

/* Puts back a saved penalty at start-up (expired ones are ignored). */
void srclimit_restore(struct srclimit *sl, const struct srclimit_addr *src,
    double expiry, bool active, const char *reason);

/* Counts for logs and tests: connections starting up in total, or from
 * src when it is not NULL; sessions of member_id; penalised sources. */
size_t srclimit_startups(const struct srclimit *sl, const struct srclimit_addr *src);
size_t srclimit_sessions(const struct srclimit *sl, int64_t member_id);
size_t srclimit_penalties(const struct srclimit *sl);

#endif
