/* libFuzzer target for the roster reader (lib/csv.c), which reads the
 * files handed to user import. The input is the file.
 *
 * Checks: the reader always ends (every call consumes input or reports the
 * end), a record's fields lie inside the buffer, each NUL-terminated and in
 * order, never more than the fields asked for; line numbers never go back.
 * A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[64], *f[4];
	const char *why;
	struct csv c;
	size_t nf, line, last = 0, calls = 0;
	FILE *in;
	int r;

	if (size == 0 || (in = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	csv_init(&c, in);
	while ((r = csv_read(&c, buf, sizeof buf, f, 4, &nf, &line, &why)) != 0) {
		if (++calls > size + 1 || line < last)
			abort();
		last = line;
		if (r < 0) {
			if (why == NULL)
				abort();
			continue;
		}
		if (nf == 0 || nf > 4)
			abort();
		for (size_t i = 0; i < nf; i++) {
			if (f[i] < buf || f[i] >= buf + sizeof buf ||
			    memchr(f[i], '\0', (size_t)(buf + sizeof buf - f[i])) == NULL)
				abort();
			if (i > 0 && f[i] <= f[i - 1])
				abort();
		}
	}
	fclose(in);
	return 0;
}
