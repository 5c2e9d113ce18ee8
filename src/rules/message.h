/* Private messages: the rules, without SQL or curses. What a message may
 * contain, how fast a sender may send, and the sentence a member sees
 * when a message is refused. The data layer (db-message.h) applies these
 * inside the same transaction as the insert, so a rule holds whichever
 * screen (or test) sends.
 *
 * Who may send at all: an active member who accepted the rules. Members
 * awaiting approval (status pending) cannot send (nor post) until a sysop
 * approves them. How fast: the token bucket of ratelimit.h, the same
 * shape as for board posts, with a smaller pair for members who joined
 * less than RATE_NEW_MEMBER_SECS ago: freshly approved or newly
 * registered accounts are where spam comes from. */
#ifndef MESSAGE_H
#define MESSAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/ratelimit.h"

struct config;

#define MESSAGE_PREVIEW_CHARS	80	/* inbox preview of the last message */

struct message_limits {
	struct rate_limits rate; /* [messages] burst, per_hour, burst_new, per_hour_new */
	size_t max_chars;	/* [messages] max_chars */
};

/* Why a message was not sent; MESSAGE_SENT when it was. */
enum message_refusal {
	MESSAGE_SENT = 0,
	MESSAGE_EMPTY,		/* nothing but white space */
	MESSAGE_TOO_LONG,	/* over max_chars */
	MESSAGE_BAD_TEXT,	/* invalid UTF-8 or control characters */
	MESSAGE_SELF,		/* to oneself */
	MESSAGE_NO_PEER,	/* no such member */
	MESSAGE_NOT_ACTIVE,	/* the sender is pending or suspended */
	MESSAGE_BLOCKED,	/* either member blocked the other */
	MESSAGE_RATE,		/* faster than the rate limit (db_message_rate_why says more) */
	MESSAGE_NOT_PARTY,	/* replying to a conversation one is not in */
	MESSAGE_PROBATION,	/* a new member's daily cap (db_probation_why says more) */
};

/* Limits from the [messages] section of the configuration. */
void message_limits_from_config(const struct config *cfg, struct message_limits *out);

/* Checks a message body: MESSAGE_SENT if it may be stored, else the
 * reason (empty, too long, bad text). */
enum message_refusal message_check_body(const char *body, const struct message_limits *l);

/* The sentence shown for a refusal, e.g. "You cannot message Bob Baker."
 * peer_name may be NULL. Writes into buf (always terminated). */
void message_refusal_text(enum message_refusal r, const char *peer_name,
    const struct message_limits *l, char *buf, size_t sz);

/* A one-line preview of body: line breaks and tabs become spaces, cut at
 * MESSAGE_PREVIEW_CHARS characters with "..." (buf always terminated). */
void message_preview(const char *body, char *buf, size_t sz);

#endif
