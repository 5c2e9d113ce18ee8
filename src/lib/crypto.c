/* Password hashing, random bytes, SHA-256 and base64 over libsodium; see
 * crypto.h. This is the only file that includes sodium.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sodium.h>
#include "lib/crypto.h"

#define PWHASH_OPS	crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE
#define PWHASH_MEM	crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE

_Static_assert(crypto_pwhash_argon2id_STRBYTES <= CRYPTO_PWHASH_LEN,
    "CRYPTO_PWHASH_LEN is too small for an argon2id hash string");

/* A login that does not exist is verified against this hash so that it
 * takes as long as a real one: argon2id with the interactive limits of
 * libsodium 1.0.18 (t=2, m=64 MiB), made from a throwaway password. It is
 * built in rather than computed at first use because computing it would make
 * the first unknown login of every session process take twice as long as a
 * known one, which is exactly the difference an attacker measures. */
static const char dummy_builtin[crypto_pwhash_argon2id_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$zM7Y7ETd4OYOdtDn84GxdA$"
    "GLXQi4SxN3YuBjnfQlhXeAvjIcW1GnPB8wW9nKlgeYM";

int
crypto_init(void)
{
	/* 1 means already initialised, which is fine. */
	return sodium_init() < 0 ? -1 : 0;
}

int
crypto_password_hash(char out[CRYPTO_PWHASH_LEN], const char *password)
{
	char tmp[crypto_pwhash_argon2id_STRBYTES];

	if (crypto_pwhash_argon2id_str(tmp, password, strlen(password),
	    PWHASH_OPS, PWHASH_MEM) != 0)
		return -1;
	memcpy(out, tmp, sizeof tmp);
	return 0;
}

/* The hash unknown logins are checked against. Should a future libsodium
 * raise the interactive limits, the built-in one would verify faster than a
 * fresh hash, so it is replaced once per process by one made with today's
 * limits. */
static const char *
dummy_hash(void)
{
	static char made[crypto_pwhash_argon2id_STRBYTES];
	static const char *dummy;
	static const char pw[] = "mentorbbs dummy password for unknown logins";

	if (dummy != NULL)
		return dummy;
	dummy = dummy_builtin;
	if (crypto_pwhash_argon2id_str_needs_rehash(dummy_builtin, PWHASH_OPS,
	    PWHASH_MEM) != 0 && crypto_pwhash_argon2id_str(made, pw,
	    sizeof pw - 1, PWHASH_OPS, PWHASH_MEM) == 0)
		dummy = made;
	return dummy;
}

bool
crypto_password_verify(const char *hash, const char *password)
{
	size_t len;
	int r;

	if (password == NULL)
		password = "";
	len = strlen(password);
	if (hash == NULL || *hash == '\0') {
		/* Spend the time; the answer is no whatever the result. */
		r = crypto_pwhash_argon2id_str_verify(dummy_hash(), password,
		    len);
		(void)r;
		return false;
	}
	return crypto_pwhash_argon2id_str_verify(hash, password, len) == 0;
}

bool
crypto_password_needs_rehash(const char *hash)
{
	if (hash == NULL || *hash == '\0')
		return false;
	/* -1 (not an argon2id string at all) also means "make a new one". */
	return crypto_pwhash_argon2id_str_needs_rehash(hash, PWHASH_OPS,
	    PWHASH_MEM) != 0;
}

void
crypto_random(void *buf, size_t n)
{
	randombytes_buf(buf, n);
}

void
crypto_sha256(uint8_t out[32], const void *data, size_t len)
{
	crypto_hash_sha256(out, data, len);
}

/* sodium_bin2base64 aborts the process when out is too small, so the size
 * is checked first, including the overflow in computing it. */
static size_t
base64_encode(char *out, size_t outsz, const uint8_t *bin, size_t len,
    int variant)
{
	if (len / 3 > (SIZE_MAX - 5) / 4 ||
	    outsz < sodium_base64_ENCODED_LEN(len, variant))
		return 0;
	sodium_bin2base64(out, outsz, bin, len, variant);
	return strlen(out);
}

size_t
crypto_base64_encode(char *out, size_t outsz, const uint8_t *bin, size_t len)
{
	return base64_encode(out, outsz, bin, len,
	    sodium_base64_VARIANT_ORIGINAL);
}

size_t
crypto_base64_encode_nopad(char *out, size_t outsz, const uint8_t *bin,
    size_t len)
{
	return base64_encode(out, outsz, bin, len,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

int
crypto_base64_decode(uint8_t *out, size_t outsz, size_t *outlen,
    const char *b64)
{
	size_t len = strlen(b64), n = 0;
	const char *end = NULL;

	if (sodium_base642bin(out, outsz, b64, len, NULL, &n, &end,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || end != b64 + len)
		return -1;
	*outlen = n;
	return 0;
}

void
crypto_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
