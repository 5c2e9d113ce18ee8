/* How fast a member may write: board posts (threads and replies) and
 * private messages have the same limit, a token bucket with two numbers,
 * and the same sentence when it says no. Pure arithmetic, no SQL: the
 * data layer reads the member's writes of the last hour inside the
 * write's transaction and asks rate_check, so the state is the history
 * itself and nothing new is stored.
 *
 * The rule. A member may write `burst` in a row, and at most `per_hour`
 * in any hour; between the two the bucket fills again evenly, by
 * per_hour - burst tokens an hour. Put exactly: a write at time T is
 * allowed when, for every earlier write of the last hour at time t, the
 * writes since t (this one included) are at most
 *	burst + (T - t) * (per_hour - burst) / 3600.
 * So a conversation (four replies in a few minutes) goes through, a flood
 * stops after `burst`, and an hour never holds more than per_hour. A
 * burst above per_hour counts as per_hour. New members (joined in the last
 * RATE_NEW_MEMBER_SECS) have their own, smaller pair. The daily caps of
 * probation (db-probation.h) come on top of this, unchanged. */
#ifndef RATELIMIT_H
#define RATELIMIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RATE_WINDOW		3600	/* seconds: the hour per_hour speaks of */
#define RATE_NEW_MEMBER_SECS	86400	/* "new member": joined in the last day */
#define RATE_MAX		10000	/* the largest burst or per_hour a setting takes */

struct rate_bucket {
	int burst;		/* writes in a row */
	int per_hour;		/* writes in any hour, at most */
};

struct rate_limits {
	struct rate_bucket member;	/* [boards] burst, per_hour; [messages] the same */
	struct rate_bucket newcomer;	/* burst_new, per_hour_new */
};

/* Limits that never stop anyone (tests, the command line). */
#define RATE_LIMITS_NONE	{ { RATE_MAX, RATE_MAX }, { RATE_MAX, RATE_MAX } }

/* The pair for a member who joined at created_at. */
const struct rate_bucket *rate_bucket_for(const struct rate_limits *l, int64_t created_at,
    int64_t now);

/* What rate_check says. */
struct rate_verdict {
	bool allowed;
	int64_t next_at;	/* the earliest time a write is allowed (now when allowed) */
	bool hour_full;		/* per_hour in the last hour is what stops it, not the burst */
};

/* Decides whether one more write is allowed now. times: the member's
 * writes with now - RATE_WINDOW < time <= now, newest first; more than
 * per_hour of them are never needed (the data layer reads at most
 * per_hour). Writes outside the hour are ignored. */
void rate_check(const struct rate_bucket *b, const int64_t *times, size_t n, int64_t now,
    struct rate_verdict *v);

/* The refusal as a sentence for the message line: what the limit is and
 * when the member can write again, in minutes (seconds under one) and as
 * a UTC time, e.g. "You have written 5 posts in a row, the most at once:
 * you can post again in 4 minutes (at 14:32 UTC). Your text is kept."
 * noun is "posts" or "messages"; verb what they can do again ("post",
 * "send messages"). buf is always terminated. */
void rate_refusal_text(const struct rate_verdict *v, const struct rate_bucket *b,
    const char *noun, const char *verb, int64_t now, char *buf, size_t sz);

#endif
