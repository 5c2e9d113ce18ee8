/* Domain rules for staff actions: the sanction ladder (warn, silence,
 * suspend, ban), what each one stops, where each may apply, and the reason
 * every staff action carries. Pure: no SQL, no curses, no I/O; the data
 * layer (db/db-sanction.h) stores what these rules accept and decides who
 * may act. Functions that refuse return a negative lib/err.h code and a
 * sentence in *why (static, never NULL on failure). */
#ifndef RULES_SANCTION_H
#define RULES_SANCTION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/err.h"

/* In rising order: each step stops more than the one before. */
enum sanction_kind { SANCTION_WARN, SANCTION_SILENCE, SANCTION_SUSPEND, SANCTION_BAN };
#define SANCTION_KINDS	4

#define STAFF_REASON_MAX	300	/* characters: readers may see it */
#define SANCTION_DAYS_MAX	3650	/* ten years; longer is a ban */

/* "warn", "silence", "suspend", "ban"; "?" for a value out of range. */
const char *sanction_kind_name(enum sanction_kind k);
/* The word as above (case-insensitive). ERR_INVALID for anything else;
 * *k is written only on success. */
int sanction_kind_parse(const char *word, enum sanction_kind *k);
/* "a warning", "silenced", "suspended", "banned": for sentences. */
const char *sanction_kind_state(enum sanction_kind k);

/* Can a member under k still read / post, message and request / log in? */
bool sanction_stops_speech(enum sanction_kind k);
bool sanction_stops_login(enum sanction_kind k);

/* Is a sanction of kind k, given in one community (in_community) or
 * everywhere, ending at ends_at (0: no end) at time now, with reason, one
 * that may be given? A warning has no end; a silence or a suspension needs
 * one within SANCTION_DAYS_MAX days; a ban may have one; in a community
 * only a warning or a silence exists (suspending and banning are global). */
int sanction_check(enum sanction_kind k, bool in_community, int64_t ends_at, int64_t now,
    const char *reason, const char **why);

/* Every staff action's reason: one line of 1..STAFF_REASON_MAX characters,
 * printable, not blank. */
int staff_check_reason(const char *reason, const char **why);

/* One sentence for the member under a sanction, e.g. "You are silenced
 * in Boston until 2026-12-10 14:00 UTC: repeated spam." or "You are
 * banned: threats." (community "" for a global one, ends_at 0 for no
 * end). Always terminated; cut at a character boundary if sz is short. */
void sanction_describe(char *buf, size_t sz, enum sanction_kind k, const char *community,
    int64_t ends_at, const char *reason);
/* The same with the end already written (until "" for no end): the UI
 * writes it in the member's own zone, with the zone named. */
void sanction_describe_at(char *buf, size_t sz, enum sanction_kind k, const char *community,
    const char *until, const char *reason);
/* A unix time as "YYYY-MM-DD HH:MM UTC" ("-" for 0): staff screens, the
 * audit log and stored notices, which are read across zones, stay UTC. */
void staff_time(char *buf, size_t sz, int64_t t);

#endif
