/* Domain rules for thread moderation and probation: merging one thread's
 * tree under another's, slow mode's wait, and the daily caps on new
 * members. Pure: no SQL, no curses, no I/O. The data layer
 * (db/db-thread-mod.h, db/db-probation.h) counts, stores and decides who
 * may act; these functions only do the arithmetic and the sentences. */
#ifndef RULES_MODERATION_H
#define RULES_MODERATION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct config;

#define MOD_SLOW_MAX		86400	/* slow mode: at most a day between posts */

/* The path of a post of a thread being merged away, moved under the
 * first post of the thread it joins: root_path (that first post's path),
 * then each segment of src_path with offset added to its sequence number
 * (offset is the joining thread's last sequence number, so the moved
 * posts come after its own in tree order and keep theirs among
 * themselves). *depth is the new depth. False when a segment would pass
 * BOARD_SEQ_MAX, the result is deeper than BOARD_DEPTH_MAX, a path is
 * malformed or out is too small. */
bool mod_merge_path(const char *root_path, const char *src_path, int64_t offset,
    char *out, size_t outsz, int *depth);

/* Slow mode: seconds still to wait before a member whose last post in the
 * thread was at last_at (0: none) may post again at now; 0 when they may. */
int64_t mod_slow_wait(int slow_seconds, int64_t last_at, int64_t now);
/* 0..MOD_SLOW_MAX seconds, else ERR_INVALID with *why. */
int mod_slow_check(int seconds, const char **why);
/* "This thread is in slow mode (one post every 2 minutes): you can post
 * here again in 42 seconds." */
void mod_slow_describe(char *buf, size_t sz, int slow_seconds, int64_t wait);
/* "slow mode: 1 post every 2 minutes" style span: "30 seconds",
 * "2 minutes", "1 hour". */
void mod_span(char *buf, size_t sz, int64_t seconds);

/* Probation: what a new member may do in a day for their first days. */
enum probation_kind {
	PROBATION_THREADS, PROBATION_REPLIES, PROBATION_MESSAGES, PROBATION_REQUESTS,
	PROBATION_KINDS
};
#define PROBATION_WINDOW	86400	/* "a day": the last 24 hours */
#define PROBATION_DAY		86400

struct probation_limits {
	int days;			/* 0: no probation */
	int cap[PROBATION_KINDS];	/* per PROBATION_WINDOW; 0: none at all */
};

/* From the [moderation] section. */
void probation_from_config(const struct config *cfg, struct probation_limits *out);
/* When probation ends for a member who joined at joined_at. */
int64_t probation_ends(const struct probation_limits *l, int64_t joined_at);
/* Does kind's cap apply to a member who joined at joined_at, at now
 * (vouched: a moderator vouched for them)? */
bool probation_applies(const struct probation_limits *l, enum probation_kind kind,
    int64_t joined_at, int64_t now, bool vouched);
/* May one more be done, with done already in the window? */
bool probation_allows(const struct probation_limits *l, enum probation_kind kind,
    int64_t done);
/* "New members can start 3 threads a day for their first 7 days; this
 * lifts on 2026-12-11, or when a moderator vouches for you." */
void probation_describe(char *buf, size_t sz, const struct probation_limits *l,
    enum probation_kind kind, int64_t ends_at);

#endif
