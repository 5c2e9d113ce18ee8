/* The write rate limit's arithmetic (rules/ratelimit.c), issue 12 point
 * 19: a conversation goes through, a flood stops after the burst, no hour
 * holds more than per_hour, and the refusal says when the next write is
 * possible. The data layer's use of it is in test_board.c and
 * test_message.c. */
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "rules/ratelimit.h"

#define T0	1800000000	/* 2027-01-15 08:00:00 UTC */

/* times[] newest first from an array in time order. */
static size_t
newest_first(const int64_t *in, size_t n, int64_t *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = in[n - 1 - i];
	return n;
}

TEST(ratelimit_conversation_passes_a_flood_stops_after_the_burst)
{
	const struct rate_bucket nb = { 5, 20 };	/* the new members' default */
	struct rate_verdict v;
	int64_t hist[8], t[8];
	size_t n = 0;

	/* Nothing yet: yes, now. */
	rate_check(&nb, NULL, 0, T0, &v);
	CHECK(v.allowed);
	CHECK_INT(v.next_at, T0);
	/* Four replies in a row, half a minute apart, and a fifth. */
	for (int i = 0; i < 5; i++) {
		int64_t now = T0 + 30 * i;

		rate_check(&nb, t, newest_first(hist, n, t), now, &v);
		CHECK(v.allowed);
		hist[n++] = now;
	}
	/* The sixth at once: no. The bucket refills by 15 an hour, one every
	 * four minutes, counted from the oldest write that stands in the way. */
	rate_check(&nb, t, newest_first(hist, n, t), T0 + 150, &v);
	CHECK(!v.allowed);
	CHECK(!v.hour_full);
	CHECK_INT(v.next_at, T0 + 240);
	rate_check(&nb, t, n, T0 + 239, &v);
	CHECK(!v.allowed);
	rate_check(&nb, t, n, T0 + 240, &v);
	CHECK(v.allowed);
}

TEST(ratelimit_hour_ceiling_and_what_counts)
{
	const struct rate_bucket all_at_once = { 3, 3 };	/* no refill: the hour only */
	const struct rate_bucket wide = { 50, 4 };		/* a burst above per_hour */
	struct rate_verdict v;
	int64_t t[4] = { T0 + 20, T0 + 10, T0, T0 - 3600 };	/* newest first */

	/* Three in the hour (the fourth left it at T0): the hour is full
	 * until the oldest of the three leaves it. */
	rate_check(&all_at_once, t, 4, T0 + 30, &v);
	CHECK(!v.allowed);
	CHECK(v.hour_full);
	CHECK_INT(v.next_at, T0 + 3600);
	rate_check(&all_at_once, t, 4, T0 + 3600, &v);
	CHECK(v.allowed);
	/* A burst above per_hour counts as per_hour. */
	rate_check(&wide, t, 3, T0 + 30, &v);
	CHECK(v.allowed);
	rate_check(&wide, (int64_t[]){ T0 + 3, T0 + 2, T0 + 1, T0 }, 4, T0 + 30, &v);
	CHECK(!v.allowed);
	CHECK(v.hour_full);
	/* Writes "in the future" (the clock went back) do not count. */
	rate_check(&all_at_once, (int64_t[]){ T0 + 99, T0 + 98, T0 + 97 }, 3, T0, &v);
	CHECK(v.allowed);
}

/* The rule itself, checked the slow way: one more write at `at` is
 * allowed when every span back to a write of the hour, this one
 * included, holds at most burst + span * (per_hour - burst) / 3600. */
static bool
slow_allows(const struct rate_bucket *b, const int64_t *t, size_t n, int64_t at)
{
	int64_t per_hour = b->per_hour, burst = b->burst < per_hour ? b->burst : per_hour;
	int64_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (t[i] > at || t[i] <= at - RATE_WINDOW)
			continue;
		k++;
		if ((k + 1 - burst) * RATE_WINDOW > (at - t[i]) * (per_hour - burst))
			return false;
	}
	return true;
}

/* Thousands of members' worth of random writing against the slow rule:
 * the same answer every time, next_at is the first second the slow rule
 * says yes, and what gets through never breaks the ceiling. */
TEST(ratelimit_agrees_with_the_rule_written_out)
{
	static const struct rate_bucket pairs[] = {
		{ 5, 20 }, { 10, 60 }, { 8, 30 }, { 20, 120 }, { 1, 1 }, { 3, 3 }, { 2, 7 },
	};
	unsigned seed = 12;

	for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
		const struct rate_bucket *b = &pairs[p];
		int64_t hist[400], t[400], now = T0;
		size_t n = 0;

		for (int attempt = 0; attempt < 400 && n < 400; attempt++) {
			struct rate_verdict v;
			size_t m;

			/* Mostly quick attempts, sometimes a pause. */
			now += rand_r(&seed) % 4 == 0 ? rand_r(&seed) % 900 : rand_r(&seed) % 40;
			m = newest_first(hist, n, t);
			rate_check(b, t, m, now, &v);
			CHECK_INT(v.allowed, slow_allows(b, t, m, now));
			if (!v.allowed) {
				CHECK(v.next_at > now);
				CHECK(slow_allows(b, t, m, v.next_at));
				CHECK(!slow_allows(b, t, m, v.next_at - 1));
				continue;
			}
			hist[n++] = now;
			/* Never more than per_hour in the hour just ended. */
			{
				int in_hour = 0;

				for (size_t i = 0; i < n; i++)
					in_hour += hist[i] > now - RATE_WINDOW;
				CHECK(in_hour <= b->per_hour);
			}
		}
		CHECK(n > 0);
	}
}

TEST(ratelimit_refusal_says_when)
{
	const struct rate_bucket nb = { 5, 20 };
	struct rate_verdict v = { .allowed = false, .next_at = T0 + 240, .hour_full = false };
	char buf[320];

	rate_refusal_text(&v, &nb, "posts", "post", T0, buf, sizeof buf);
	CHECK_STR(buf, "That is more than 5 posts in a short time: you can post again in "
	    "4 minutes (at 08:04 UTC). Your text is kept.");
	v.next_at = T0 + 40;
	rate_refusal_text(&v, &nb, "messages", "send messages", T0, buf, sizeof buf);
	CHECK_STR(buf, "That is more than 5 messages in a short time: you can send messages "
	    "again in 40 seconds (at 08:00 UTC). Your text is kept.");
	v.hour_full = true;
	v.next_at = T0 + 61;
	rate_refusal_text(&v, &nb, "posts", "post", T0, buf, sizeof buf);
	CHECK_STR(buf, "You can write at most 20 posts an hour: you can post again in "
	    "2 minutes (at 08:01 UTC). Your text is kept.");
	/* One is one post, not one posts. */
	rate_refusal_text(&v, &(struct rate_bucket){ 1, 1 }, "posts", "post", T0, buf,
	    sizeof buf);
	CHECK(strncmp(buf, "You can write at most 1 post an hour:", 37) == 0);
}
