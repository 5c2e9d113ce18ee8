/* The write rate limit; see ratelimit.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "rules/ratelimit.h"

const struct rate_bucket *
rate_bucket_for(const struct rate_limits *l, int64_t created_at, int64_t now)
{
	return now - created_at < RATE_NEW_MEMBER_SECS ? &l->newcomer : &l->member;
}

/* The earliest time at which the k-th newest write (k from 1) at t no
 * longer stands in the way: k writes since t plus the new one must fit in
 * burst + (T - t) * refill / RATE_WINDOW, or t must have left the hour. */
static int64_t
clear_at(int64_t k, int64_t t, int64_t burst, int64_t refill)
{
	int64_t over = k + 1 - burst, wait;

	if (over <= 0)
		return t;
	if (refill <= 0)
		return t + RATE_WINDOW;
	/* The smallest wait with wait * refill >= over * RATE_WINDOW. */
	wait = (over * RATE_WINDOW + refill - 1) / refill;
	return t + (wait < RATE_WINDOW ? wait : RATE_WINDOW);
}

void
rate_check(const struct rate_bucket *b, const int64_t *times, size_t n, int64_t now,
    struct rate_verdict *v)
{
	int64_t per_hour = b->per_hour > 0 ? b->per_hour : 1;
	int64_t burst = b->burst < per_hour ? b->burst : per_hour;
	int64_t refill = per_hour - burst, next = now, k = 0;

	if (burst < 1)
		burst = 1;
	v->hour_full = false;
	for (size_t i = 0; i < n; i++) {
		int64_t at;

		if (times[i] > now || times[i] <= now - RATE_WINDOW)
			continue;	/* the clock moved back, or out of the hour */
		k++;
		at = clear_at(k, times[i], burst, refill);
		if (at > next)
			next = at;
	}
	v->hour_full = k + 1 > per_hour;
	v->next_at = next;
	v->allowed = next <= now;
}

void
rate_refusal_text(const struct rate_verdict *v, const struct rate_bucket *b,
    const char *noun, const char *verb, int64_t now, char *buf, size_t sz)
{
	int64_t wait = v->next_at > now ? v->next_at - now : 1;
	time_t at = (time_t)v->next_at;
	char when[32], clock[16] = "";
	struct tm tm;
	int burst = b->burst < b->per_hour ? b->burst : b->per_hour;

	if (wait < 60)
		snprintf(when, sizeof when, "in %lld second%s", (long long)wait,
		    wait == 1 ? "" : "s");
	else {
		int64_t min = (wait + 59) / 60;

		snprintf(when, sizeof when, "in %lld minute%s", (long long)min,
		    min == 1 ? "" : "s");
	}
	if (gmtime_r(&at, &tm) != NULL)
		strftime(clock, sizeof clock, " (at %H:%M UTC)", &tm);
	int n = v->hour_full ? b->per_hour : burst;
	/* "1 post", "5 posts": noun is the plural. */
	int nlen = (int)strlen(noun) - (n == 1 && strlen(noun) > 1);

	if (v->hour_full)
		snprintf(buf, sz, "You can write at most %d %.*s an hour: you can %s again %s%s. "
		    "Your text is kept.", n, nlen, noun, verb, when, clock);
	else
		snprintf(buf, sz, "That is more than %d %.*s in a short time: you can %s again "
		    "%s%s. Your text is kept.", n, nlen, noun, verb, when, clock);
}
