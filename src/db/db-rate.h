/* The write rate limit in the data layer: the token bucket of
 * rules/ratelimit.h over the member's own posts or messages of the last
 * hour, read inside the write's transaction, so two sessions of one member
 * cannot both take the last token. Nothing is stored for it: the writes
 * are the bucket's history (posts_author_time and messages_sender make it
 * one short index range). */
#ifndef DB_RATE_H
#define DB_RATE_H
#include <stddef.h>
#include <stdint.h>
#include "rules/ratelimit.h"

struct db;

enum rate_kind {
	RATE_POSTS,		/* board posts: threads and replies */
	RATE_MESSAGES,		/* private messages */
};

/* May actor write one more of kind now under l? Sets *v (and *b, which
 * may be NULL, to the pair that applies to them). Run it inside the
 * write's transaction: a refusal is v->allowed false, not an error. */
int db_rate_check(struct db *db, int64_t actor_id, enum rate_kind kind,
    const struct rate_limits *l, struct rate_verdict *v, const struct rate_bucket **b);

/* After a refusal: the sentence of rate_refusal_text, read again (the
 * same for boards and messages but for the noun). A generic sentence when
 * the database cannot say. */
void db_rate_why(struct db *db, int64_t actor_id, enum rate_kind kind,
    const struct rate_limits *l, char *buf, size_t sz);

#endif
