/* The monitor's messages; see monitor-wire.h. One reader over one buffer:
 * every field is taken through get_*, which never reads past the end. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "lib/err.h"
#include "ssh/monitor-wire.h"

struct reader {
	const uint8_t *p;
	size_t left;
	bool bad;
};

static unsigned
get_u8(struct reader *r)
{
	if (r->bad || r->left < 1) {
		r->bad = true;
		return 0;
	}
	r->left--;
	return *r->p++;
}

static uint64_t
get_uint(struct reader *r, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = (v << 8) | get_u8(r);
	return v;
}

/* A string into out (capacity max + 1), refused when longer or with a NUL. */
static void
get_str(struct reader *r, char *out, size_t max)
{
	size_t n = (size_t)get_uint(r, 2);

	out[0] = '\0';
	if (r->bad || n > max || n > r->left || memchr(r->p, '\0', n) != NULL) {
		r->bad = true;
		return;
	}
	memcpy(out, r->p, n);
	out[n] = '\0';
	r->p += n;
	r->left -= n;
}

int
monwire_parse_request(const uint8_t *body, size_t len, struct monwire_request *out)
{
	struct monwire_request m;
	struct reader r = { body, len, false };
	unsigned type = get_u8(&r);

	if (type != MONWIRE_PASSWORD && type != MONWIRE_KEY_PROBE && type != MONWIRE_KEY_LOGIN)
		return ERR_INVALID;
	m.type = (enum monwire_type)type;
	get_str(&r, m.login, MONWIRE_LOGIN_MAX);
	get_str(&r, m.secret, MONWIRE_SECRET_MAX);
	get_str(&r, m.peer, MONWIRE_PEER_MAX);
	if (r.bad || r.left != 0)
		return ERR_INVALID;
	*out = m;
	return 0;
}

int
monwire_parse_answer(const uint8_t *body, size_t len, struct monwire_answer *out)
{
	struct reader r = { body, len, false };
	struct monwire_answer a;
	unsigned verdict;

	memset(&a, 0, sizeof a);
	if (get_u8(&r) != MONWIRE_ANSWER)
		return ERR_INVALID;
	verdict = get_u8(&r);
	a.member_id = (int64_t)get_uint(&r, 8);
	a.status = (int)get_u8(&r);
	get_str(&r, a.login, MONWIRE_LOGIN_MAX);
	if (r.bad || r.left != 0 || verdict > MONWIRE_BUSY || a.member_id < 0)
		return ERR_INVALID;
	a.verdict = (enum monwire_verdict)verdict;
	*out = a;
	return 0;
}

struct writer {
	uint8_t *p;
	size_t len, cap;
	bool bad;
};

static void
put_uint(struct writer *w, uint64_t v, size_t n)
{
	if (w->bad || w->cap - w->len < n) {
		w->bad = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		w->p[w->len++] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

static void
put_str(struct writer *w, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		w->bad = true;
		return;
	}
	put_uint(w, n, 2);
	if (w->bad || w->cap - w->len < n) {
		w->bad = true;
		return;
	}
	memcpy(w->p + w->len, s, n);
	w->len += n;
}

/* Fills in the length prefix of a frame written after its first 4 bytes. */
static size_t
finish(struct writer *w)
{
	size_t body = w->len - 4;

	if (w->bad || body > MONWIRE_BODY_MAX)
		return 0;
	for (size_t i = 0; i < 4; i++)
		w->p[i] = (uint8_t)(body >> (8 * (3 - i)));
	return w->len;
}

size_t
monwire_put_request(uint8_t *buf, size_t bufsz, const struct monwire_request *m)
{
	struct writer w = { buf, 0, bufsz, false };

	put_uint(&w, 0, 4);
	put_uint(&w, (uint64_t)m->type, 1);
	put_str(&w, m->login, MONWIRE_LOGIN_MAX);
	put_str(&w, m->secret, MONWIRE_SECRET_MAX);
	put_str(&w, m->peer, MONWIRE_PEER_MAX);
	return finish(&w);
}

size_t
monwire_put_answer(uint8_t *buf, size_t bufsz, const struct monwire_answer *a)
{
	struct writer w = { buf, 0, bufsz, false };

	put_uint(&w, 0, 4);
	put_uint(&w, MONWIRE_ANSWER, 1);
	put_uint(&w, (uint64_t)a->verdict, 1);
	put_uint(&w, (uint64_t)a->member_id, 8);
	put_uint(&w, (uint64_t)a->status, 1);
	put_str(&w, a->login, MONWIRE_LOGIN_MAX);
	return finish(&w);
}

size_t
monwire_frame_len(const uint8_t hdr[4])
{
	uint32_t n = (uint32_t)hdr[0] << 24 | (uint32_t)hdr[1] << 16 |
	    (uint32_t)hdr[2] << 8 | hdr[3];

	return n <= MONWIRE_BODY_MAX ? n : 0;
}
