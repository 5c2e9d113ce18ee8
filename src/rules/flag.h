/* Domain rules for flags and the review queue: the kinds of target, the
 * types of flag, when flags hide a post, when an item is stale, and the
 * words readers see in place of a hidden or removed post. Pure: no SQL,
 * no curses, no I/O; db/db-flag.h stores what these accept. */
#ifndef RULES_FLAG_H
#define RULES_FLAG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/err.h"

enum flag_kind { FLAG_POST, FLAG_MESSAGE, FLAG_MEMBER, FLAG_HOST, FLAG_GUEST };
#define FLAG_KINDS	5

enum flag_type {
	FLAG_OFF_TOPIC, FLAG_INAPPROPRIATE, FLAG_SPAM, FLAG_HARASSMENT, FLAG_UNSAFE,
	FLAG_OTHER,
};
#define FLAG_TYPES	6

#define FLAG_NOTE_MAX	500	/* characters: only the staff read it */
#define FLAG_OPEN_MAX	20	/* open flags one member may have */

/* "post", "message", "member", "host", "guest"; "?" out of range. */
const char *flag_kind_name(enum flag_kind k);
/* "off-topic", "inappropriate", "spam", "harassment", "unsafe", "other"
 * (the stored words); "?" out of range. */
const char *flag_type_name(enum flag_type t);
/* "Off-topic", ... "Unsafe: someone may be in danger", for the menu. */
const char *flag_type_label(enum flag_type t);
/* The stored word back; ERR_INVALID for anything else (*t untouched). */
int flag_type_parse(const char *word, enum flag_type *t);

/* Which queue a flag joins: the admins' safety queue for HOST flags
 * (host, guest) and for type unsafe, else the community queue. */
bool flag_is_safety(enum flag_kind k, enum flag_type t);

/* The optional note: one line of at most FLAG_NOTE_MAX characters. */
int flag_check_note(const char *note, const char **why);

/* Do flaggers distinct members' open flags hide a post at threshold
 * (threshold 0: never)? */
bool flag_hides(int64_t flaggers, int threshold);
/* Is an item opened at created_at stale at now after stale_hours
 * (0: never)? */
bool flag_is_stale(int64_t created_at, int64_t now, int stale_hours);

/* What readers see instead of a post: "[hidden until a moderator has
 * reviewed it]" or "[removed by a moderator: REASON]". */
#define FLAG_HIDDEN_STUB	"[hidden: flagged by members, waiting for a moderator's review]"
void flag_removed_stub(char *buf, size_t sz, const char *reason);

#endif
