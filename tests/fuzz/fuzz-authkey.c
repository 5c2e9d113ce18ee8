/* libFuzzer target for the authorized_keys line parser (rules/authkey.c):
 * authkey_parse and authkey_fingerprint, which see every key a member
 * pastes and every key line an import brings.
 *
 * The first byte picks how the rest is read. Even: the rest is the line
 * itself. Odd: the second byte picks a key type name, the bytes up to the
 * first 0x00 are a raw key blob that is base64-encoded here, and what
 * follows is the comment, so the fuzzer reaches the wire-format checks
 * without having to discover base64.
 *
 * Whatever the input: a refusal comes with a printable reason; an accepted
 * key has one of the accepted types, a blob that an independent reading
 * of RFC 4253/5656/8709 finds well-formed (the right inner type, exact
 * sizes, RSA of 2048 bits or more, nothing left over), a canonical base64
 * that decodes to the blob the line carried and re-encodes to itself, the
 * fingerprint of that blob, a comment that passes the field check, and it
 * parses again from its own parts to the same key. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/crypto.h"
#include "lib/text.h"
#include "rules/user.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LINE_MAX_FUZZ	16384

static const char *const type_names[] = {
	"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
	"ssh-rsa", "ssh-dss", "sk-ssh-ed25519@openssh.com", "ssh-ed25519-cert-v01@openssh.com",
	"rsa-sha2-512", "nonsense",
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (crypto_init() != 0)
		abort();
	return 0;
}

/* An SSH string at *p (left bytes): its bytes and length; false if short. */
static bool
get_string(const uint8_t **p, size_t *left, const uint8_t **s, size_t *len)
{
	size_t n;

	if (*left < 4)
		return false;
	n = (size_t)(*p)[0] << 24 | (size_t)(*p)[1] << 16 | (size_t)(*p)[2] << 8 | (*p)[3];
	if (n > *left - 4)
		return false;
	*s = *p + 4;
	*len = n;
	*p += 4 + n;
	*left -= 4 + n;
	return true;
}

static bool
string_is(const uint8_t *s, size_t len, const char *want)
{
	return len == strlen(want) && memcmp(s, want, len) == 0;
}

/* The bits of a positive mpint (RFC 4251 section 5): the position of its
 * highest set bit, found bit by bit; 0 for zero or a negative number. */
static size_t
mpint_bits(const uint8_t *s, size_t len)
{
	if (len == 0 || (s[0] & 0x80) != 0)
		return 0;
	for (size_t bit = 0; bit < len * 8; bit++)
		if (s[bit / 8] & (0x80 >> (bit % 8)))
			return len * 8 - bit;
	return 0;
}

/* The blob of an accepted key, read without the parser's own code. */
static void
assert_blob(const char *type, const uint8_t *blob, size_t len)
{
	const uint8_t *p = blob, *s;
	size_t left = len, n;

	if (!get_string(&p, &left, &s, &n) || !string_is(s, n, type))
		abort();
	if (strcmp(type, "ssh-ed25519") == 0) {
		if (!get_string(&p, &left, &s, &n) || n != 32)
			abort();
	} else if (strncmp(type, "ecdsa-sha2-", 11) == 0) {
		const char *curve = type + 11;
		size_t coord = strcmp(curve, "nistp256") == 0 ? 32 :
		    strcmp(curve, "nistp384") == 0 ? 48 : 66;

		if (!get_string(&p, &left, &s, &n) || !string_is(s, n, curve))
			abort();
		if (!get_string(&p, &left, &s, &n) || n != 1 + 2 * coord || s[0] != 0x04)
			abort();
	} else if (strcmp(type, "ssh-rsa") == 0) {
		if (!get_string(&p, &left, &s, &n) || mpint_bits(s, n) == 0)
			abort();
		if (!get_string(&p, &left, &s, &n) || mpint_bits(s, n) < 2048)
			abort();
	} else
		abort();
	if (left != 0)
		abort();
}

/* The second word of line, decoded. */
static bool
line_blob(const char *line, uint8_t *out, size_t outsz, size_t *len)
{
	char word[4096];
	size_t n;

	line += strspn(line, " \t");
	line += strcspn(line, " \t\r\n");
	line += strspn(line, " \t");
	n = strcspn(line, " \t\r\n");
	if (n >= sizeof word)
		return false;
	memcpy(word, line, n);
	word[n] = '\0';
	return crypto_base64_decode(out, outsz, len, word) == 0;
}

static void
check_accepted(const char *line, const struct authkey *k)
{
	static uint8_t blob[4096], again[4096];
	static char b64[4096], fp[64], line2[4096];
	static struct authkey k2;
	const char *why = NULL;
	size_t len, len2;
	bool known = false;

	for (size_t i = 0; i < 5; i++)
		known |= strcmp(k->type, type_names[i]) == 0;
	if (!known)
		abort();
	if (crypto_base64_decode(blob, sizeof blob, &len, k->blob_b64) != 0)
		abort();
	assert_blob(k->type, blob, len);
	if (crypto_base64_encode(b64, sizeof b64, blob, len) == 0 || strcmp(b64, k->blob_b64) != 0)
		abort();
	if (!line_blob(line, again, sizeof again, &len2) || len2 != len ||
	    memcmp(again, blob, len) != 0)
		abort();
	if (authkey_fingerprint(k->blob_b64, fp, sizeof fp) != 0 || strcmp(fp, k->fingerprint) != 0 ||
	    strncmp(fp, "SHA256:", 7) != 0 || strlen(fp) != 7 + 43)
		abort();
	if (k->comment[0] != '\0' && text_check_line(k->comment, SIZE_MAX) != NULL)
		abort();
	/* Its own parts make the same key. */
	if (strlen(k->type) + strlen(k->blob_b64) + strlen(k->comment) + 3 > sizeof line2)
		abort();
	strcpy(line2, k->type);
	strcat(line2, " ");
	strcat(line2, k->blob_b64);
	if (k->comment[0] != '\0') {
		strcat(line2, " ");
		strcat(line2, k->comment);
	}
	memset(&k2, 0, sizeof k2);
	if (authkey_parse(line2, &k2, &why) != 0 || strcmp(k2.type, k->type) != 0 ||
	    strcmp(k2.blob_b64, k->blob_b64) != 0 || strcmp(k2.fingerprint, k->fingerprint) != 0 ||
	    strcmp(k2.comment, k->comment) != 0)
		abort();
}

/* Mode 1: "type base64(blob) comment" from the raw parts. */
static size_t
build_line(const uint8_t *data, size_t size, char *line, size_t linesz)
{
	const char *type = type_names[data[0] % (sizeof type_names / sizeof type_names[0])];
	const uint8_t *blob = data + 1, *nul = memchr(blob, 0, size - 1);
	size_t blen = nul != NULL ? (size_t)(nul - blob) : size - 1, len, n;

	len = strlen(type);
	memcpy(line, type, len);
	line[len++] = ' ';
	if ((n = crypto_base64_encode(line + len, linesz - len, blob, blen)) == 0 && blen > 0)
		return 0;
	len += n;
	if (nul != NULL) {
		size_t clen = size - 1 - blen - 1;

		if (len + 1 + clen + 1 > linesz)
			return 0;
		line[len++] = ' ';
		memcpy(line + len, nul + 1, clen);
		len += clen;
	}
	line[len] = '\0';
	return len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char line[LINE_MAX_FUZZ + 1];
	static struct authkey k;
	static char fp[64];
	const char *why = NULL;
	int r;

	if (size < 2 || size > LINE_MAX_FUZZ / 2)
		return 0;
	if (data[0] & 1) {
		if (build_line(data + 1, size - 1, line, sizeof line) == 0)
			return 0;
	} else {
		memcpy(line, data + 1, size - 1);
		line[size - 1] = '\0';
	}
	memset(&k, 0x5a, sizeof k);
	if ((r = authkey_parse(line, &k, &why)) == 0)
		check_accepted(line, &k);
	else {
		/* A refusal is a sentence a member can be shown. */
		if (r != ERR_INVALID || why == NULL || why[0] == '\0' ||
		    text_check_line(why, SIZE_MAX) != NULL)
			abort();
		for (size_t i = 0; i < sizeof k; i++)	/* out-parameter untouched */
			if (((unsigned char *)&k)[i] != 0x5a)
				abort();
	}
	/* The fingerprint of anything: a string within its buffer, or -1. */
	if (authkey_fingerprint(line, fp, sizeof fp) == 0 &&
	    (memchr(fp, '\0', sizeof fp) == NULL || strncmp(fp, "SHA256:", 7) != 0))
		abort();
	return 0;
}
