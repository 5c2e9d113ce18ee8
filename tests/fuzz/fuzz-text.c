/* libFuzzer target for text.c, the door every member byte passes through.
 * Built and run by `make fuzz` (build-fuzz/fuzz-text), seeds in corpus/text/.
 *
 * Whatever the input, what comes out of the sanitiser, text_fit and
 * text_clean_multiline is valid UTF-8 with no C0 control (except \n and \t
 * where allowed), no DEL, no C1, no bidi or invisible character; text that
 * the input checks accept is already that safe; escaped log text is
 * printable ASCII. A violation aborts, which libFuzzer reports. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes s independently of text.c's own checks, so a bug there cannot
 * hide itself: well-formed UTF-8 per RFC 3629 and nothing unsafe. */
static void
assert_safe(const char *s, bool allow_newlines)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len = strlen(s), n;
	uint32_t cp, min;

	while (i < len) {
		if (u[i] < 0x80) {
			cp = u[i];
			n = 1;
			min = 0;
		} else if (u[i] >= 0xC2 && u[i] <= 0xDF) {
			cp = u[i] & 0x1F;
			n = 2;
			min = 0x80;
		} else if (u[i] >= 0xE0 && u[i] <= 0xEF) {
			cp = u[i] & 0x0F;
			n = 3;
			min = 0x800;
		} else if (u[i] >= 0xF0 && u[i] <= 0xF4) {
			cp = u[i] & 0x07;
			n = 4;
			min = 0x10000;
		} else
			abort();
		if (len - i < n)
			abort();
		for (size_t k = 1; k < n; k++) {
			if ((u[i + k] & 0xC0) != 0x80)
				abort();
			cp = (cp << 6) | (u[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			abort();
		if (cp < 0x20 && !(allow_newlines && (cp == '\n' || cp == '\t')))
			abort();
		if (cp >= 0x7F && cp <= 0x9F)
			abort();
		if (cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF ||
		    cp == 0x00AD || cp == 0x180E ||
		    (cp >= 0xE0000 && cp <= 0xE007F))
			abort();
		if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
			abort();
		i += n;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *out, *copy;
	size_t outsz, cols, n, max_cols;

	if (size < 2)
		return 0;
	/* The first two bytes pick the output size and column limit. */
	outsz = data[0];
	max_cols = data[1];
	data += 2;
	size -= 2;
	in = malloc(size + 1);
	copy = malloc(size + 1);
	out = malloc(outsz + 1);
	if (in == NULL || copy == NULL || out == NULL)
		abort();
	memcpy(in, data, size);
	in[size] = '\0';

	for (int nl = 0; nl < 2; nl++) {
		n = text_sanitize(out, outsz, in, nl);
		if (outsz > 0) {
			if (n != strlen(out) || n >= outsz)
				abort();
			assert_safe(out, nl);
		}
	}

	n = text_fit(out, outsz, in, max_cols, &cols);
	if (outsz > 0) {
		if (n != strlen(out) || cols > max_cols || cols != text_width(out))
			abort();
		assert_safe(out, false);
	}

	if (text_check_line(in, SIZE_MAX) == NULL)
		assert_safe(in, false);
	if (text_check_multiline(in, SIZE_MAX) == NULL)
		assert_safe(in, true);

	memcpy(copy, in, size + 1);
	n = text_clean_multiline(copy);
	if (n != strlen(copy))
		abort();
	assert_safe(copy, true);
	if (text_check_multiline(copy, SIZE_MAX) != NULL)
		abort();

	text_escape_log(out, outsz + 1, in);
	for (const char *p = out; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7E || *p == '"')
			abort();

	free(in);
	free(copy);
	free(out);
	return 0;
}
