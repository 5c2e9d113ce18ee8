/* Probation (issue 10): for their first days, new members have daily caps
 * on new threads, replies, private messages and requests (mentoring and
 * HOST), on top of the per-minute limits: db_board_thread_create,
 * db_board_post_reply, db_message_send/_reply, db_mentor_request and
 * db_host_request_create ask inside their write. The caps lift when the days
 * pass, or earlier when a moderator (of any community) or an admin vouches
 * for the member. The arithmetic is rules/moderation.h; here the count and
 * the vouch, each inside the caller's or its own transaction. */
#ifndef DB_PROBATION_H
#define DB_PROBATION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/moderation.h"

struct db;

/* The caps every check in this process applies, copied; NULL (the
 * default) is no probation, as for the sysop's command line, the seed
 * and the benchmarks. The UI process sets them from [moderation] once. */
void db_probation_set(const struct probation_limits *l);

/* Inside the caller's write transaction, next to its rate check:
 * ERR_TOO_FAST when actor is on probation and already did kind's cap in
 * the last PROBATION_WINDOW; ERR_OK otherwise. */
int db_probation_check(struct db *db, int64_t actor_id, enum probation_kind kind);
/* The sentence for a member at kind's cap (probation_describe): ERR_OK
 * with buf written, ERR_NOTFOUND when they are not at it. */
int db_probation_refusal(struct db *db, int64_t actor_id, enum probation_kind kind,
    char *buf, size_t sz);

/* The same sentence for a refusal the caller already has (ERR_TOO_FAST
 * from a check of kind): a static buffer, valid until the next call (one
 * UI process, one thread); a general sentence when the reading fails. */
const char *db_probation_why(struct db *db, int64_t actor_id, enum probation_kind kind);

/* A member's probation: *ends_at when it ends by itself; *vouched. */
int db_probation_get(struct db *db, int64_t user_id, int64_t *ends_at, bool *vouched);

/* A moderator of any community, an admin or the sysop vouches for
 * user_id, with a reason: the caps lift at once. ERR_DENIED for anyone
 * else and for oneself; ERR_NOTFOUND for no such member; ERR_EXISTS when
 * already vouched for; ERR_INVALID with *why (may be NULL) for a reason
 * the rules refuse. Audited, and the member is told. */
int db_probation_vouch(struct db *db, int64_t actor_id, int64_t user_id, const char *reason,
    const char **why);

#endif
