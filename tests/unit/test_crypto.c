/* Unit tests for crypto.c: password hashes, SHA-256, base64 and the OpenSSH
 * fingerprint built from them. */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "test.h"
#include "lib/crypto.h"

/* Made with ssh-keygen -t ed25519 / -t rsa -b 2048; the fingerprints are
 * what ssh-keygen -lf printed for them. */
static const char ED25519_BLOB[] =
    "AAAAC3NzaC1lZDI1NTE5AAAAIMn9f5L0whkp1JQ5IWlMnXLxRGnQDy5l4p3ywVZC08tD";
static const char ED25519_FP[] =
    "SHA256:Kl6v10P3b8KfRiKcnI2c6HsANnZfJ6GpY/jCkDQIanA";
static const char RSA_BLOB[] =
    "AAAAB3NzaC1yc2EAAAADAQABAAABAQDbUEslszDDK8MuMUiU8dwLY0JxywhmtzBQxzxwPS2E"
    "9Yw87DUcvZrw1rq5qMbg/arj/Y9MHNYfkI+q64CT1dMMzyJIrLqm8YhsgmIqm3hu8Y8s7ut3"
    "W5bcXgP9NxaB/OcJFDWSAkksBFtvQAHUVUOEvGe+bRB+BppZ+gyvPPpftQ96pywBbsHUZ+Pn"
    "4rBpKU3be/mtkF22AmZI3u+tIPKnvSXuvg7mqnBVGzQb6zGhP7PLgjC/OEs1z72aPVQ8TMp4"
    "vtwaTspHu98A4p3/svn3sE4vYt7RGtmQIJdybbECoDuSHOzhPL0ikmnNQ94gyLskKWe9yPol"
    "yPsz8jsCIB1z";
static const char RSA_FP[] = "SHA256:+hndkRtE6IZTZrEpGo9nUzzAe3TFVNSTGpm3n3QZwMQ";

/* argon2id with t=1, m=8 MiB (weaker than today's interactive limits), and
 * an argon2i hash, both of "old password 123". */
static const char WEAK_HASH[] =
    "$argon2id$v=19$m=8192,t=1,p=1$A8Z6xX8GYMoorvdpjanHWg$"
    "JkoOyoO3SYe3gaksb3tsCzXDRmdvlxBoPJ8LtxrvNRA";
static const char ARGON2I_HASH[] =
    "$argon2i$v=19$m=8192,t=3,p=1$OKf6khl2q78iF//tVEysFQ$"
    "ZAJeEofEJT8AZBbDiLhW4XGp5TNj17w1Yy/6Sc2uVMU";

static void
hex(char *out, const uint8_t *bin, size_t len)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[bin[i] >> 4];
		out[2 * i + 1] = digits[bin[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

/* "SHA256:" + unpadded base64 of the SHA-256 of the decoded blob, as
 * ssh-keygen -l prints it. */
static int
fingerprint(const char *blob_b64, char *out, size_t outsz)
{
	uint8_t blob[1024], digest[32];
	size_t len;

	if (crypto_base64_decode(blob, sizeof blob, &len, blob_b64) != 0)
		return -1;
	crypto_sha256(digest, blob, len);
	if (outsz < 8)
		return -1;
	memcpy(out, "SHA256:", 7);
	if (crypto_base64_encode_nopad(out + 7, outsz - 7, digest, sizeof digest) == 0)
		return -1;
	return 0;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

TEST(crypto_password_hash_verify)
{
	char h1[CRYPTO_PWHASH_LEN], h2[CRYPTO_PWHASH_LEN];

	CHECK_INT(crypto_password_hash(h1, "correct horse battery staple"), 0);
	CHECK(strncmp(h1, "$argon2id$v=19$m=65536,t=2,p=1$", 31) == 0);
	CHECK(strlen(h1) < CRYPTO_PWHASH_LEN);
	CHECK(crypto_password_verify(h1, "correct horse battery staple"));
	CHECK(!crypto_password_verify(h1, "correct horse battery stapler"));
	CHECK(!crypto_password_verify(h1, "Correct horse battery staple"));
	CHECK(!crypto_password_verify(h1, ""));
	CHECK(!crypto_password_verify(h1, NULL));
	CHECK(!crypto_password_needs_rehash(h1));
	/* A fresh salt every time. */
	CHECK_INT(crypto_password_hash(h2, "correct horse battery staple"), 0);
	CHECK(strcmp(h1, h2) != 0);
	CHECK(crypto_password_verify(h2, "correct horse battery staple"));
	/* Non-ASCII passwords are bytes like any other. */
	CHECK_INT(crypto_password_hash(h2, "p\xc3\xa4ssw\xc3\xb6rd \xe4\xb8\xad"), 0);
	CHECK(crypto_password_verify(h2, "p\xc3\xa4ssw\xc3\xb6rd \xe4\xb8\xad"));
	CHECK(!crypto_password_verify(h2, "passwrd"));
}

TEST(crypto_password_verify_no_hash)
{
	/* No hash never verifies, not even with the dummy's own password. */
	CHECK(!crypto_password_verify(NULL, "anything"));
	CHECK(!crypto_password_verify("", "anything"));
	CHECK(!crypto_password_verify(NULL, ""));
	CHECK(!crypto_password_verify(NULL,
	    "mentorbbs dummy password for unknown logins"));
	CHECK(!crypto_password_verify("not a hash", "not a hash"));
}

TEST(crypto_password_unknown_login_timing)
{
	char h[CRYPTO_PWHASH_LEN];
	double t0, real, dummy;

	/* Unknown logins must cost a real verification: an instant "no"
	 * would tell an attacker which logins exist. The bound is loose so a
	 * busy machine does not make the test flaky. */
	CHECK_INT(crypto_password_hash(h, "some password"), 0);
	CHECK(!crypto_password_verify(NULL, "warm up"));
	t0 = seconds();
	CHECK(!crypto_password_verify(h, "wrong password"));
	real = seconds() - t0;
	t0 = seconds();
	CHECK(!crypto_password_verify(NULL, "wrong password"));
	dummy = seconds() - t0;
	if (dummy < real / 4) {
		test_fail(__FILE__, __LINE__, "unknown login took %.4fs, "
		    "a real one %.4fs", dummy, real);
		return;
	}
}

TEST(crypto_password_rehash)
{
	/* An older, weaker hash still verifies, and asks to be replaced. */
	CHECK(crypto_password_verify(WEAK_HASH, "old password 123"));
	CHECK(!crypto_password_verify(WEAK_HASH, "old password 124"));
	CHECK(crypto_password_needs_rehash(WEAK_HASH));
	CHECK(crypto_password_needs_rehash(ARGON2I_HASH));
	CHECK(crypto_password_needs_rehash("$2b$12$abcdefghijklmnopqrstuv"));
	CHECK(!crypto_password_needs_rehash(NULL));
	CHECK(!crypto_password_needs_rehash(""));
}

TEST(crypto_sha256_vectors)
{
	uint8_t d[32];
	char h[65];

	crypto_sha256(d, "", 0);
	hex(h, d, sizeof d);
	CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	crypto_sha256(d, "abc", 3);
	hex(h, d, sizeof d);
	CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	crypto_sha256(d, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
	hex(h, d, sizeof d);
	CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(crypto_base64_vectors)
{
	static const struct { const char *bin, *pad, *nopad; } v[] = {
		{ "", "", "" },
		{ "f", "Zg==", "Zg" },
		{ "fo", "Zm8=", "Zm8" },
		{ "foo", "Zm9v", "Zm9v" },
		{ "foob", "Zm9vYg==", "Zm9vYg" },
		{ "fooba", "Zm9vYmE=", "Zm9vYmE" },
		{ "foobar", "Zm9vYmFy", "Zm9vYmFy" },
	};
	char out[32];
	uint8_t bin[32];
	size_t n, len;

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		len = strlen(v[i].bin);
		n = crypto_base64_encode(out, sizeof out, (const uint8_t *)v[i].bin,
		    len);
		CHECK_INT(n, strlen(v[i].pad));
		CHECK_STR(out, v[i].pad);
		n = crypto_base64_encode_nopad(out, sizeof out,
		    (const uint8_t *)v[i].bin, len);
		CHECK_INT(n, strlen(v[i].nopad));
		CHECK_STR(out, v[i].nopad);
		n = 999;
		CHECK_INT(crypto_base64_decode(bin, sizeof bin, &n, v[i].pad), 0);
		CHECK_INT(n, len);
		CHECK(memcmp(bin, v[i].bin, len) == 0);
	}
	/* + and / are the standard alphabet, not the URL-safe one. */
	bin[0] = 0xfb;
	bin[1] = 0xff;
	crypto_base64_encode(out, sizeof out, bin, 2);
	CHECK_STR(out, "+/8=");
}

TEST(crypto_base64_sizes)
{
	const uint8_t six[6] = "foobar";
	char out[16];
	uint8_t bin[16];
	size_t n = 12345;

	/* Exactly the encoded length plus the NUL, no less. */
	CHECK_INT(crypto_base64_encode(out, 8, six, 6), 0);
	CHECK_INT(crypto_base64_encode(out, 9, six, 6), 8);
	CHECK_INT(crypto_base64_encode(out, 4, six, 1), 0);
	CHECK_INT(crypto_base64_encode(out, 5, six, 1), 4);
	CHECK_INT(crypto_base64_encode_nopad(out, 2, six, 1), 0);
	CHECK_INT(crypto_base64_encode_nopad(out, 3, six, 1), 2);
	CHECK_INT(crypto_base64_decode(bin, 5, &n, "Zm9vYmFy"), -1);
	CHECK_INT(n, 12345);
	CHECK_INT(crypto_base64_decode(bin, 6, &n, "Zm9vYmFy"), 0);
	CHECK_INT(n, 6);
}

TEST(crypto_base64_rejects)
{
	static const char *const bad[] = {
		"Zg",		/* padding missing */
		"Zm8",
		"Zg=",
		"Zg===",
		"Zm9v!",
		"Zm 9v",	/* no whitespace */
		"Zm9v\n",
		"Zh==",		/* stray bits after the last byte */
		"Zm9=",
		"-_8=",		/* URL-safe alphabet */
		"=Zg=",
	};
	uint8_t bin[16];
	size_t n = 777;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (crypto_base64_decode(bin, sizeof bin, &n, bad[i]) != -1) {
			test_fail(__FILE__, __LINE__, "\"%s\" decoded", bad[i]);
			return;
		}
	}
	CHECK_INT(n, 777);
}

TEST(crypto_base64_roundtrip)
{
	uint8_t in[64], back[64];
	char enc[100];
	size_t n, len;

	for (len = 0; len <= sizeof in; len++) {
		crypto_random(in, len);
		n = crypto_base64_encode(enc, sizeof enc, in, len);
		CHECK_INT(n, (len + 2) / 3 * 4);
		CHECK_INT(crypto_base64_decode(back, sizeof back, &n, enc), 0);
		CHECK_INT(n, len);
		CHECK(memcmp(in, back, len) == 0);
	}
}

TEST(crypto_openssh_fingerprint)
{
	uint8_t blob[512];
	char fp[64], again[1024];
	size_t len;

	CHECK_INT(fingerprint(ED25519_BLOB, fp, sizeof fp), 0);
	CHECK_STR(fp, ED25519_FP);
	CHECK_INT(fingerprint(RSA_BLOB, fp, sizeof fp), 0);
	CHECK_STR(fp, RSA_FP);
	/* The blob is canonical: decoding and encoding gives it back. */
	CHECK_INT(crypto_base64_decode(blob, sizeof blob, &len, RSA_BLOB), 0);
	CHECK_INT(len, 279);
	CHECK(crypto_base64_encode(again, sizeof again, blob, len) > 0);
	CHECK_STR(again, RSA_BLOB);
	CHECK_INT(crypto_base64_decode(blob, sizeof blob, &len, ED25519_BLOB), 0);
	CHECK_INT(len, 51);
	CHECK(memcmp(blob, "\0\0\0\x0bssh-ed25519\0\0\0\x20", 19) == 0);
}

TEST(crypto_random_and_wipe)
{
	uint8_t a[32], b[32], zero[32];

	memset(zero, 0, sizeof zero);
	crypto_random(a, sizeof a);
	crypto_random(b, sizeof b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	CHECK(memcmp(a, zero, sizeof a) != 0);
	crypto_wipe(a, sizeof a);
	CHECK(memcmp(a, zero, sizeof a) == 0);
	crypto_random(a, 0);
}
