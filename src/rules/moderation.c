/* Thread moderation and probation rules; see moderation.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "lib/config.h"
#include "lib/err.h"
#include "lib/text.h"
#include "rules/board.h"
#include "rules/moderation.h"

static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static bool
seg_read(const char *s, int64_t *seq)
{
	int64_t v = 0;

	for (int i = 0; i < BOARD_SEG_LEN; i++) {
		const char *d = s[i] != '\0' ? strchr(digits, s[i]) : NULL;

		if (d == NULL)
			return false;
		v = v * 36 + (d - digits);
	}
	*seq = v;
	return true;
}

static void
seg_write(char *out, int64_t seq)
{
	for (int i = BOARD_SEG_LEN - 1; i >= 0; i--) {
		out[i] = digits[seq % 36];
		seq /= 36;
	}
}

bool
mod_merge_path(const char *root_path, const char *src_path, int64_t offset,
    char *out, size_t outsz, int *depth)
{
	size_t rlen = strlen(root_path), slen = strlen(src_path), segs;

	if (rlen != BOARD_SEG_LEN || slen == 0 || slen % BOARD_SEG_LEN != 0 || offset < 0)
		return false;
	segs = slen / BOARD_SEG_LEN;
	/* The moved first post becomes a reply: every post goes one deeper. */
	if (segs > BOARD_DEPTH_MAX || rlen + slen + 1 > outsz)
		return false;
	memcpy(out, root_path, rlen);
	for (size_t i = 0; i < segs; i++) {
		int64_t seq;

		if (!seg_read(src_path + i * BOARD_SEG_LEN, &seq) || seq > BOARD_SEQ_MAX - offset)
			return false;
		seg_write(out + rlen + i * BOARD_SEG_LEN, seq + offset);
	}
	out[rlen + slen] = '\0';
	*depth = (int)segs;
	return true;
}

int64_t
mod_slow_wait(int slow_seconds, int64_t last_at, int64_t now)
{
	int64_t next;

	if (slow_seconds <= 0 || last_at <= 0)
		return 0;
	next = last_at + slow_seconds;
	return next > now ? next - now : 0;
}

int
mod_slow_check(int seconds, const char **why)
{
	if (seconds < 0 || seconds > MOD_SLOW_MAX) {
		*why = "Slow mode is 0 (off) to 86400 seconds (a day).";
		return ERR_INVALID;
	}
	return ERR_OK;
}

void
mod_span(char *buf, size_t sz, int64_t s)
{
	if (s < 120)
		snprintf(buf, sz, "%lld second%s", (long long)s, s == 1 ? "" : "s");
	else if (s < 7200)
		snprintf(buf, sz, "%lld minutes", (long long)((s + 59) / 60));
	else
		snprintf(buf, sz, "%lld hours", (long long)((s + 3599) / 3600));
}

void
mod_slow_describe(char *buf, size_t sz, int slow_seconds, int64_t wait)
{
	char every[40], left[40];

	mod_span(every, sizeof every, slow_seconds);
	mod_span(left, sizeof left, wait);
	snprintf(buf, sz, "This thread is in slow mode (one post every %s each): you can "
	    "post here again in %s.", every, left);
}

void
probation_from_config(const struct config *cfg, struct probation_limits *out)
{
	out->days = cfg->moderation.probation_days;
	out->cap[PROBATION_THREADS] = cfg->moderation.probation_threads;
	out->cap[PROBATION_REPLIES] = cfg->moderation.probation_replies;
	out->cap[PROBATION_MESSAGES] = cfg->moderation.probation_messages;
	out->cap[PROBATION_REQUESTS] = cfg->moderation.probation_requests;
}

int64_t
probation_ends(const struct probation_limits *l, int64_t joined_at)
{
	return joined_at + (int64_t)(l->days > 0 ? l->days : 0) * PROBATION_DAY;
}

bool
probation_applies(const struct probation_limits *l, enum probation_kind kind,
    int64_t joined_at, int64_t now, bool vouched)
{
	if ((unsigned)kind >= PROBATION_KINDS || l->days <= 0 || vouched)
		return false;
	return now < probation_ends(l, joined_at);
}

bool
probation_allows(const struct probation_limits *l, enum probation_kind kind, int64_t done)
{
	if ((unsigned)kind >= PROBATION_KINDS)
		return true;
	return done < l->cap[kind];
}

void
probation_describe(char *buf, size_t sz, const struct probation_limits *l,
    enum probation_kind kind, int64_t ends_at)
{
	static const char *const what[PROBATION_KINDS][2] = {
		{ "start", "thread" }, { "post", "reply" }, { "send", "private message" },
		{ "make", "request (mentoring or HOST)" },
	};
	char day[32] = "-";
	time_t t = (time_t)ends_at;
	struct tm tm;
	int cap = (unsigned)kind < PROBATION_KINDS ? l->cap[kind] : 0;
	const char *noun;

	if ((unsigned)kind >= PROBATION_KINDS) {
		text_copy(buf, sz, "New members have daily limits for their first days.");
		return;
	}
	if (ends_at > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
	noun = what[kind][1];
	if (cap <= 0)
		snprintf(buf, sz, "New members cannot %s a %s in their first %d days; this lifts "
		    "on %s, or when a moderator vouches for you.", what[kind][0], noun, l->days, day);
	else if (cap == 1)
		snprintf(buf, sz, "New members can %s 1 %s a day for their first %d days; this "
		    "lifts on %s, or when a moderator vouches for you.", what[kind][0], noun,
		    l->days, day);
	else if (kind == PROBATION_REPLIES)
		snprintf(buf, sz, "New members can post %d replies a day for their first %d days; "
		    "this lifts on %s, or when a moderator vouches for you.", cap, l->days, day);
	else if (kind == PROBATION_REQUESTS)
		snprintf(buf, sz, "New members can make %d requests (mentoring or HOST) a day for "
		    "their first %d days; this lifts on %s, or when a moderator vouches for you.",
		    cap, l->days, day);
	else
		snprintf(buf, sz, "New members can %s %d %ss a day for their first %d days; this "
		    "lifts on %s, or when a moderator vouches for you.", what[kind][0], cap, noun,
		    l->days, day);
}
