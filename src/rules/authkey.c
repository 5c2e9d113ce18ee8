/* SSH public keys as members paste them: one authorized_keys line,
 * "type base64 [comment]", checked down to the key blob's wire format
 * (RFC 4253 section 6.6, RFC 5656 section 3.1, RFC 8709). Declared in
 * user.h; the member-facing reasons are written for people who have never
 * opened a .pub file. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "lib/crypto.h"
#include "lib/text.h"
#include "rules/user.h"

#define AUTHKEY_B64_MAX	(sizeof(((struct authkey *)0)->blob_b64) - 1)
#define AUTHKEY_BLOB_MAX (AUTHKEY_B64_MAX / 4 * 3)
#define RSA_MIN_BITS	2048

static const char R_NOT_KEY[] =
    "not an SSH public key line (expected: ssh-ed25519 AAAA... comment)";
static const char R_OPTIONS[] =
    "options before the key type are not accepted: the line must start with the key type";
static const char R_PRIVATE[] =
    "that is a private key: never paste it anywhere (it was not kept). Paste "
    "the one line of your .pub file instead, e.g. ~/.ssh/id_ed25519.pub";
static const char R_BASE64[] = "the key data is damaged (bad base64)";
static const char R_DAMAGED[] = "the key data is damaged";
static const char R_TOO_LONG[] = "the key is too long";

enum key_kind { KIND_ED25519, KIND_ECDSA, KIND_RSA };

static const struct key_type {
	const char *name;
	enum key_kind kind;
	const char *curve;	/* ECDSA: the curve name inside the blob */
	size_t point_len;	/* ECDSA: uncompressed point 04 || X || Y */
} key_types[] = {
	{ "ssh-ed25519", KIND_ED25519, NULL, 0 },
	{ "ecdsa-sha2-nistp256", KIND_ECDSA, "nistp256", 1 + 2 * 32 },
	{ "ecdsa-sha2-nistp384", KIND_ECDSA, "nistp384", 1 + 2 * 48 },
	{ "ecdsa-sha2-nistp521", KIND_ECDSA, "nistp521", 1 + 2 * 66 },
	{ "ssh-rsa", KIND_RSA, NULL, 0 },
};

/* Reasons naming a key type are built here; see why_buf in user.c. */
static char why_buf[128];

static const struct key_type *
key_type_find(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof key_types / sizeof key_types[0]; i++)
		if (strlen(key_types[i].name) == len &&
		    memcmp(key_types[i].name, s, len) == 0)
			return &key_types[i];
	return NULL;
}

/* Bounded reader over a decoded key blob. */
struct wire {
	const uint8_t *p;
	size_t left;
};

/* Reads an SSH "string": uint32 big-endian length, then that many bytes. */
static bool
wire_string(struct wire *w, const uint8_t **s, size_t *len)
{
	uint32_t n;

	if (w->left < 4)
		return false;
	n = (uint32_t)w->p[0] << 24 | (uint32_t)w->p[1] << 16 |
	    (uint32_t)w->p[2] << 8 | (uint32_t)w->p[3];
	if (n > w->left - 4)
		return false;
	*s = w->p + 4;
	*len = n;
	w->p += 4 + (size_t)n;
	w->left -= 4 + (size_t)n;
	return true;
}

static bool
wire_equals(struct wire *w, const char *want)
{
	const uint8_t *s;
	size_t len;

	return wire_string(w, &s, &len) && len == strlen(want) && memcmp(s, want, len) == 0;
}

/* Reads a positive mpint and returns its size in bits (0 on error). */
static size_t
wire_mpint_bits(struct wire *w)
{
	const uint8_t *s;
	size_t len, bits;

	if (!wire_string(w, &s, &len) || len == 0 || (s[0] & 0x80) != 0)
		return 0;
	while (len > 0 && s[0] == 0) {
		s++;
		len--;
	}
	if (len == 0)
		return 0;
	bits = (len - 1) * 8;
	for (uint8_t top = s[0]; top != 0; top >>= 1)
		bits++;
	return bits;
}

/* Checks the key material after the inner type string. */
static const char *
check_key_body(const struct key_type *kt, struct wire *w)
{
	const uint8_t *s;
	size_t len;

	switch (kt->kind) {
	case KIND_ED25519:
		if (!wire_string(w, &s, &len) || len != 32)
			return R_DAMAGED;
		break;
	case KIND_ECDSA:
		if (!wire_equals(w, kt->curve)) {
			snprintf(why_buf, sizeof why_buf,
			    "the key data does not name curve %s", kt->curve);
			return why_buf;
		}
		if (!wire_string(w, &s, &len) || len != kt->point_len || s[0] != 0x04)
			return R_DAMAGED;
		break;
	case KIND_RSA:
		if (wire_mpint_bits(w) == 0)	/* public exponent */
			return R_DAMAGED;
		if ((len = wire_mpint_bits(w)) == 0)
			return R_DAMAGED;
		if (len < RSA_MIN_BITS) {
			snprintf(why_buf, sizeof why_buf, "this RSA key has %zu bits; "
			    "at least %d are needed (ssh-ed25519 is better still)",
			    len, RSA_MIN_BITS);
			return why_buf;
		}
		break;
	}
	return w->left == 0 ? NULL : R_DAMAGED;
}

/* True for a word that is plainly a key type name we do not take
 * (ssh-dss, sk-..., certificates), so the reason can name it. */
static bool
looks_like_key_type(const char *s, size_t len)
{
	if (len == 0 || len >= 48)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '@' || s[i] == '.'))
			return false;
	return strncmp(s, "ssh-", 4) == 0 || strncmp(s, "ecdsa-", 6) == 0 ||
	    strncmp(s, "sk-", 3) == 0 || strncmp(s, "rsa-", 4) == 0;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The reason for a line whose first word is not a type we accept. */
static const char *
unknown_type_reason(const char *line, size_t tlen)
{
	const char *p = line + tlen;

	if (looks_like_key_type(line, tlen)) {
		snprintf(why_buf, sizeof why_buf, "key type %.*s is not accepted "
		    "(use ssh-ed25519, ecdsa or ssh-rsa)", (int)tlen, line);
		return why_buf;
	}
	/* Options such as from="..." or command="..." come first in
	 * authorized_keys; say so if an accepted type follows later. */
	while (*p != '\0') {
		size_t n;

		while (is_blank(*p))
			p++;
		n = strcspn(p, " \t");
		if (key_type_find(p, n) != NULL)
			return R_OPTIONS;
		p += n;
	}
	return R_NOT_KEY;
}

/* Splits the comment off and checks it: it is shown to the member and to
 * admins, so it follows the rules of any other field. */
static const char *
parse_comment(const char *p, char *out, size_t outsz)
{
	const char *r;
	char tmp[MEMBER_FIELD_SZ];
	size_t len;

	while (is_blank(*p))
		p++;
	len = strlen(p);
	while (len > 0 && (is_blank(p[len - 1]) || p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	if (len >= sizeof tmp || len >= outsz)
		return "the key comment is too long (80 characters at most)";
	memcpy(tmp, p, len);
	tmp[len] = '\0';
	if ((r = text_check_line(tmp, USER_FIELD_MAX)) != NULL) {
		snprintf(why_buf, sizeof why_buf, "the key comment %s", r);
		return why_buf;
	}
	memcpy(out, tmp, len + 1);
	return NULL;
}

/* Decodes and checks the blob; fills type, blob_b64 and fingerprint. */
static const char *
parse_blob(const struct key_type *kt, const char *b64, size_t b64len, struct authkey *k)
{
	char tmp[AUTHKEY_B64_MAX + 1];
	uint8_t blob[AUTHKEY_BLOB_MAX + 3];
	struct wire w;
	const char *r;
	size_t len;

	if (b64len > AUTHKEY_B64_MAX)
		return R_TOO_LONG;
	memcpy(tmp, b64, b64len);
	tmp[b64len] = '\0';
	if (crypto_base64_decode(blob, sizeof blob, &len, tmp) != 0 || len == 0)
		return R_BASE64;
	w.p = blob;
	w.left = len;
	if (!wire_equals(&w, kt->name)) {
		snprintf(why_buf, sizeof why_buf, "the key data is not a %s key", kt->name);
		return why_buf;
	}
	if ((r = check_key_body(kt, &w)) != NULL)
		return r;
	if (crypto_base64_encode(k->blob_b64, sizeof k->blob_b64, blob, len) == 0)
		return R_TOO_LONG;
	snprintf(k->type, sizeof k->type, "%s", kt->name);
	if (authkey_fingerprint(k->blob_b64, k->fingerprint, sizeof k->fingerprint) != 0)
		return R_DAMAGED;
	return NULL;
}

bool
authkey_is_private(const char *text)
{
	const char *p = text;

	if (text == NULL)
		return false;
	while (is_blank(*p))
		p++;
	/* PEM and OpenSSH armour lines, PuTTY files, and the first body line
	 * of an OpenSSH key ("openssh-key-v1" in base64) pasted alone. */
	return strstr(p, "PRIVATE KEY-----") != NULL ||
	    strncmp(p, "PuTTY-User-Key-File-", 20) == 0 ||
	    strncmp(p, "b3BlbnNzaC1rZXktdjE", 19) == 0;
}

int
authkey_parse(const char *line, struct authkey *out, const char **why)
{
	const struct key_type *kt;
	struct authkey k;
	const char *p = line, *b64, *r;
	size_t tlen, blen;

	if (line == NULL) {
		*why = R_NOT_KEY;
		return ERR_INVALID;
	}
	if (authkey_is_private(line)) {
		*why = R_PRIVATE;
		return ERR_INVALID;
	}
	while (is_blank(*p))
		p++;
	tlen = strcspn(p, " \t\r\n");
	if ((kt = key_type_find(p, tlen)) == NULL) {
		*why = unknown_type_reason(p, tlen);
		return ERR_INVALID;
	}
	b64 = p + tlen;
	while (is_blank(*b64))
		b64++;
	if ((blen = strcspn(b64, " \t\r\n")) == 0) {
		*why = R_NOT_KEY;
		return ERR_INVALID;
	}
	memset(&k, 0, sizeof k);
	if ((r = parse_blob(kt, b64, blen, &k)) != NULL ||
	    (r = parse_comment(b64 + blen, k.comment, sizeof k.comment)) != NULL) {
		*why = r;
		return ERR_INVALID;
	}
	*out = k;
	return 0;
}

int
authkey_fingerprint(const char *blob_b64, char *out, size_t outsz)
{
	static const char prefix[] = "SHA256:";
	uint8_t blob[AUTHKEY_BLOB_MAX + 3], digest[32];
	size_t len;

	if (blob_b64 == NULL || strlen(blob_b64) > AUTHKEY_B64_MAX ||
	    crypto_base64_decode(blob, sizeof blob, &len, blob_b64) != 0)
		return -1;
	crypto_sha256(digest, blob, len);
	if (outsz <= sizeof prefix - 1)
		return -1;
	memcpy(out, prefix, sizeof prefix - 1);
	if (crypto_base64_encode_nopad(out + sizeof prefix - 1, outsz - (sizeof prefix - 1),
	    digest, sizeof digest) == 0)
		return -1;
	return 0;
}
