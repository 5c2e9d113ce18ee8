/* Mail rules: the kinds of mail and the member's choices, the address
 * check, the verification code and stop token shapes, and composing a
 * whole message (RFC 5322 headers, RFC 2047 encoded-words for non-ASCII
 * names, a plain UTF-8 body with its one-line stop). Pure: no SQL, no
 * curses, no I/O; the data layer queues what these rules name and
 * `mentorbbs mail run` hands the composed text to sendmail.
 *
 * Member text (names, reasons, titles) goes through text_sanitize here,
 * whatever checked it on input: a header is built only from sanitised,
 * encoded parts, so CR or LF in a name can never start a header. */
#ifndef RULES_MAIL_H
#define RULES_MAIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/err.h"

#define MAIL_ADDR_MAX	254	/* RFC 5321's path limit, less the brackets */
#define MAIL_ADDR_SZ	(MAIL_ADDR_MAX + 1)
#define MAIL_CODE_LEN	6	/* digits */
#define MAIL_TOKEN_HEX	32	/* 16 random bytes */
#define MAIL_TOKEN_SZ	(5 + MAIL_TOKEN_HEX + 1)	/* "stop-" + hex + NUL */
#define MAIL_DETAIL_MAX	600	/* bytes of an immediate mail's detail line */
#define MAIL_BODY_MAX	16384	/* bytes of a body (a digest's) */
#define MAIL_MSG_MAX	(MAIL_BODY_MAX + 8192)	/* a whole message */

#define MAIL_CODE_TTL	1800	/* seconds a code is good for */
#define MAIL_CODE_TRIES	5	/* wrong codes before it is spent */
#define MAIL_CODE_SENDS	3	/* codes a member may ask for in an hour */

/* Every mail the outbox knows. */
enum mail_kind {
	MAIL_CODE,		/* the verification code: always sent */
	MAIL_MENTOR_REQUEST,	/* a mentorship request to them */
	MAIL_MENTOR_REMINDER,	/* ... and its reminder */
	MAIL_HOST_REQUEST,	/* a stay request to them */
	MAIL_HOST_COUNTER,	/* a counter-proposal to them */
	MAIL_HOST_STAY,		/* their stay accepted or confirmed */
	MAIL_WARNING,		/* a moderator's warning */
	MAIL_DIGEST,		/* the daily or weekly digest */
};
#define MAIL_KINDS	8

/* The member's immediate choices, one bit each (mail_prefs.immediate). */
#define MAIL_BIT_MENTOR		1u	/* mentorship requests and reminders */
#define MAIL_BIT_HOST_ASK	2u	/* stay requests and counter-proposals */
#define MAIL_BIT_HOST_STAY	4u	/* accepted and confirmed stays */
#define MAIL_BIT_WARNING	8u	/* moderators' warnings */
#define MAIL_BITS_ALL		15u
#define MAIL_CHOICES		4

enum mail_period { MAIL_DIGEST_OFF, MAIL_DIGEST_DAILY, MAIL_DIGEST_WEEKLY };

/* "code", "mentor_request", ...; "?" out of range. */
const char *mail_kind_name(enum mail_kind k);
/* The name back; ERR_INVALID for anything else (*k untouched). */
int mail_kind_parse(const char *name, enum mail_kind *k);
/* The choice bit that lets k out, 0 for a code and the digest (those have
 * their own rules). */
unsigned mail_kind_bit(enum mail_kind k);
/* The i-th choice (0..MAIL_CHOICES-1): its bit and its label for the
 * Email screen ("Mentorship requests to me, and reminders"). */
unsigned mail_choice_bit(size_t i);
const char *mail_choice_label(size_t i);

/* "off", "daily", "weekly"; parse is the reverse (ERR_INVALID). */
const char *mail_period_name(enum mail_period d);
int mail_period_parse(const char *name, enum mail_period *d);
/* Seconds between digests: 0 for off. */
int64_t mail_period_seconds(enum mail_period d);

/* NULL when addr is an address we send to: local@domain, printable ASCII
 * without spaces, quotes, brackets, commas or semicolons (nothing that
 * would change a header's meaning), a dotted domain, at most
 * MAIL_ADDR_MAX bytes; else a sentence. */
const char *mail_check_address(const char *addr);
/* NULL when code is MAIL_CODE_LEN digits (spaces around are the caller's
 * to trim), else a sentence. */
const char *mail_check_code(const char *code);
/* Finds the first "stop-" followed by MAIL_TOKEN_HEX lower-case hex digits
 * in text (a subject, a whole message) and copies it to out. 0, or
 * ERR_NOTFOUND with out untouched. */
int mail_find_token(const char *text, size_t len, char out[MAIL_TOKEN_SZ]);

/* A display name for a header: sanitised, then as a quoted-string when
 * it is ASCII, else as RFC 2047 Q encoded-words of at most 75 characters
 * each, folded onto continuation lines. Returns 0, ERR_INVALID when it does
 * not fit out. */
int mail_encode_phrase(char *out, size_t outsz, const char *utf8);
/* The same for an unstructured header's text (a subject): the text as it
 * is when it is printable ASCII, else encoded-words. */
int mail_encode_text(char *out, size_t outsz, const char *utf8);

/* One message to compose. Every string is UTF-8; member text among them is
 * sanitised by mail_compose. */
struct mail_msg {
	const char *bbs;		/* [bbs] name: the From name, the subject's tag */
	const char *from;		/* [mail] from */
	const char *to_addr;
	const char *to_name;		/* the member's display name */
	enum mail_kind kind;
	const char *detail;		/* the event's line, a code, or a digest's text */
	const char *login;		/* the member's login, for the login line */
	const char *login_host;		/* [mail] login_host, "" for no login line */
	int login_port;
	const char *stop_addr;		/* [mail] stop_address */
	const char *stop_token;		/* "stop-..." (none for a code) */
	int64_t date;			/* unix seconds */
	int64_t id;			/* the outbox row, for Message-ID */
};

/* Composes m into out as a message for `sendmail -t -i`: headers (From, To,
 * Subject, Date, Message-ID, MIME-Version, Content-Type text/plain UTF-8,
 * 8bit, Auto-Submitted, List-Unsubscribe), a blank line, the body, lines
 * ending in LF. Returns 0 and *len, or ERR_INVALID when an address fails
 * mail_check_address or the message does not fit outsz. */
int mail_compose(const struct mail_msg *m, char *out, size_t outsz, size_t *len);

/* What a digest tells: filled by the data layer, worded here. Names and
 * titles are member text (sanitised when worded). */
#define MAIL_DIGEST_ROWS	20
struct mail_digest {
	enum mail_period period;
	struct { char name[257]; int64_t count; } senders[MAIL_DIGEST_ROWS];
	size_t nsenders, more_senders;
	int64_t mentor_requests, host_requests;	/* waiting for their answer */
	struct { char community[257]; char title[481]; int64_t count; }
	    threads[MAIL_DIGEST_ROWS];
	size_t nthreads, more_threads;
	struct { char text[801]; } announcements[5];
	size_t nannouncements;
};
/* True when d has anything to tell (a digest is sent only then). */
bool mail_digest_any(const struct mail_digest *d);
/* The digest's text into out (NUL-terminated, cut at a line when full).
 * Returns the length. */
size_t mail_digest_text(const struct mail_digest *d, char *out, size_t outsz);

#endif
