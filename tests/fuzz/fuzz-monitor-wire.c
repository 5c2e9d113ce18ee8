/* libFuzzer target for monitor-wire.c: the auth monitor parses requests
 * from the network-facing session process, which a libssh bug could hand
 * to an attacker, so every request is untrusted input.
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -o fuzz-monitor-wire tests/fuzz/fuzz-monitor-wire.c src/ssh/monitor-wire.c
 *
 * Whatever the input, the parsers read no byte outside it; what they accept
 * has terminated, NUL-free fields within their limits and writes back to
 * exactly the same bytes (one encoding per message). A violation aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ssh/monitor-wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t out[MONWIRE_BODY_MAX + 4];

static void
same_bytes(const uint8_t *data, size_t size, size_t n)
{
	if (n != size + 4 || monwire_frame_len(out) != size || memcmp(out + 4, data, size) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct monwire_request req;
	struct monwire_answer ans;
	/* A copy of exactly size bytes, so ASan sees any read past the end. */
	uint8_t *body = malloc(size > 0 ? size : 1);

	if (body == NULL)
		return 0;
	memcpy(body, data, size);
	if (monwire_parse_request(body, size, &req) == 0) {
		if (strlen(req.login) > MONWIRE_LOGIN_MAX || strlen(req.secret) > MONWIRE_SECRET_MAX ||
		    strlen(req.peer) > MONWIRE_PEER_MAX)
			abort();
		same_bytes(body, size, monwire_put_request(out, sizeof out, &req));
	}
	if (monwire_parse_answer(body, size, &ans) == 0) {
		if (strlen(ans.login) > MONWIRE_LOGIN_MAX || ans.verdict > MONWIRE_BUSY)
			abort();
		same_bytes(body, size, monwire_put_answer(out, sizeof out, &ans));
	}
	free(body);
	return 0;
}
