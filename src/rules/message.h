/* Private messages: the rules, without SQL or curses. What a message may
 * contain, how many a sender may send in a minute, and the sentence a
 * member sees when a message is refused. The data layer (db-message.h)
 * applies these inside the same transaction as the insert, so a rule holds
 * whichever screen (or test) sends.
 *
 * Who may send at all: an active member who accepted the rules. Members
 * awaiting approval (status pending) cannot send (nor post) until a sysop
 * approves them. The stricter per_minute_pending limit applies to members
 * who joined less than MESSAGE_NEW_MEMBER_SECS ago: freshly approved or
 * newly registered accounts are where spam comes from. */
#ifndef MESSAGE_H
#define MESSAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct config;

#define MESSAGE_NEW_MEMBER_SECS	86400	/* "new member": joined in the last day */
#define MESSAGE_RATE_WINDOW	60	/* seconds the rate limit counts over */
#define MESSAGE_PREVIEW_CHARS	80	/* inbox preview of the last message */

struct message_limits {
	int per_minute;		/* [messages] per_minute */
	int per_minute_new;	/* [messages] per_minute_pending: new members */
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
	MESSAGE_RATE,		/* too many in the last minute */
	MESSAGE_NOT_PARTY,	/* replying to a conversation one is not in */
	MESSAGE_PROBATION,	/* a new member's daily cap (db_probation_why says more) */
};

/* Limits from the [messages] section of the configuration. */
void message_limits_from_config(const struct config *cfg, struct message_limits *out);

/* Checks a message body: MESSAGE_SENT if it may be stored, else the
 * reason (empty, too long, bad text). */
enum message_refusal message_check_body(const char *body, const struct message_limits *l);

/* The per-minute limit for a sender who joined at created_at. */
int message_rate_limit(int64_t created_at, int64_t now, const struct message_limits *l);
/* The same rule for any per-minute limit (board posts use it too):
 * per_minute_new for a member who joined less than
 * MESSAGE_NEW_MEMBER_SECS ago, if it is the stricter, else per_minute. */
int message_rate_for(int64_t created_at, int64_t now, int per_minute, int per_minute_new);

/* True if a sender who sent `sent` messages in the last window may send
 * one more under `limit`. */
bool message_rate_allows(int64_t sent, int limit);

/* The sentence shown for a refusal, e.g. "You cannot message Bob Baker."
 * peer_name may be NULL. Writes into buf (always terminated). */
void message_refusal_text(enum message_refusal r, const char *peer_name,
    const struct message_limits *l, char *buf, size_t sz);

/* A one-line preview of body: line breaks and tabs become spaces, cut at
 * MESSAGE_PREVIEW_CHARS characters with "..." (buf always terminated). */
void message_preview(const char *body, char *buf, size_t sz);

#endif
