/* The auth monitor's wire format (ssh/monitor.c): what the network-facing
 * session process asks, what the monitor answers. Pure and bounds-checked:
 * the monitor parses requests from a process that parses the network, so a
 * request is untrusted input (tests/fuzz/fuzz-monitor-wire.c).
 *
 * A frame is a 4-byte big-endian body length (at most MONWIRE_BODY_MAX)
 * and the body. Strings are a 2-byte big-endian length and that many bytes,
 * none of them NUL.
 *   request: u8 type (MONWIRE_PASSWORD | MONWIRE_KEY_PROBE | MONWIRE_KEY_LOGIN),
 *            string login, string secret (password or base64 key blob),
 *            string peer ("address:port")
 *   answer:  u8 MONWIRE_ANSWER, u8 verdict, u64 member id, u8 status,
 *            string login (the member's, as stored)
 * Nothing may follow the last field. */
#ifndef MONITOR_WIRE_H
#define MONITOR_WIRE_H
#include <stddef.h>
#include <stdint.h>

#define MONWIRE_LOGIN_MAX	64
#define MONWIRE_SECRET_MAX	4096
#define MONWIRE_PEER_MAX	63
#define MONWIRE_BODY_MAX	(1 + 3 * 2 + MONWIRE_LOGIN_MAX + MONWIRE_SECRET_MAX + MONWIRE_PEER_MAX)

enum monwire_type {
	MONWIRE_PASSWORD = 1,	/* check a password */
	MONWIRE_KEY_PROBE = 2,	/* is this key the login's? (no signature yet) */
	MONWIRE_KEY_LOGIN = 3,	/* the client proved this key: log in */
	MONWIRE_ANSWER = 0x81,
};

enum monwire_verdict {
	MONWIRE_NO = 0,		/* wrong password, unknown key */
	MONWIRE_YES = 1,	/* member_id, status and login are filled in */
	MONWIRE_DROP = 2,	/* too many failures for this login: close without answering */
	MONWIRE_BUSY = 3,	/* too many password checks in flight on the machine */
};

struct monwire_request {
	enum monwire_type type;
	char login[MONWIRE_LOGIN_MAX + 1];
	char secret[MONWIRE_SECRET_MAX + 1];
	char peer[MONWIRE_PEER_MAX + 1];
};

struct monwire_answer {
	enum monwire_verdict verdict;
	int64_t member_id;
	int status;		/* enum member_status */
	char login[MONWIRE_LOGIN_MAX + 1];
};

/* Parse one body (the frame's length already taken off). 0 and *out, or
 * ERR_INVALID for anything that is not exactly one well-formed message:
 * unknown type or verdict, a string too long for its field or holding a
 * NUL, a short body, trailing bytes. */
int monwire_parse_request(const uint8_t *body, size_t len, struct monwire_request *out);
int monwire_parse_answer(const uint8_t *body, size_t len, struct monwire_answer *out);

/* Write a whole frame (length prefix included) into buf. The length
 * written, or 0 if a field does not fit its limit (nothing is cut short:
 * the caller decides what an oversized secret means). */
size_t monwire_put_request(uint8_t *buf, size_t bufsz, const struct monwire_request *r);
size_t monwire_put_answer(uint8_t *buf, size_t bufsz, const struct monwire_answer *a);

/* The body length of a 4-byte frame header, or 0 when it is over
 * MONWIRE_BODY_MAX (or 0). */
size_t monwire_frame_len(const uint8_t hdr[4]);

#endif
