/* The only module that includes sodium.h: password hashing (argon2id,
 * interactive limits), random bytes, SHA-256 and base64. */
#ifndef CRYPTO_H
#define CRYPTO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CRYPTO_PWHASH_LEN 128	/* buffer size for a hash string, NUL included */

/* Must be called once per process before any other crypto_* call.
 * Returns 0, -1 if libsodium cannot initialise. */
int crypto_init(void);

/* Hashes a password with argon2id. Returns 0, -1 on failure (out of memory). */
int crypto_password_hash(char out[CRYPTO_PWHASH_LEN], const char *password);

/* True if password matches hash. A NULL or empty hash verifies against a
 * fixed dummy hash so unknown logins take the same time, and returns false. */
bool crypto_password_verify(const char *hash, const char *password);

/* True if hash was made with weaker parameters than today's and should be
 * rehashed at the next successful login. */
bool crypto_password_needs_rehash(const char *hash);

void crypto_random(void *buf, size_t n);

void crypto_sha256(uint8_t out[32], const void *data, size_t len);

/* Standard base64 with padding. Returns the length written (NUL excluded)
 * or 0 if out is too small. */
size_t crypto_base64_encode(char *out, size_t outsz, const uint8_t *bin, size_t len);
/* Unpadded base64 as OpenSSH prints fingerprints. */
size_t crypto_base64_encode_nopad(char *out, size_t outsz, const uint8_t *bin, size_t len);
/* Decodes standard base64 (padding required, no whitespace). Returns 0 and
 * sets *outlen, or -1 if the input is not valid base64 or does not fit. */
int crypto_base64_decode(uint8_t *out, size_t outsz, size_t *outlen, const char *b64);

/* Overwrites memory the compiler may not optimise away. */
void crypto_wipe(void *p, size_t n);

#endif
