/* libFuzzer target for word wrap (lib/wrap.c), which lays out every post,
 * message and editor buffer. The first byte is the width (0-255 columns;
 * 0 is taken as 1), the rest the text.
 *
 * Checks: the lines cover the text in order with nothing lost or
 * repeated: each starts where the one before said the next begins, the
 * first at 0 and the last's next at the end; between a line's shown bytes
 * and the next line there is nothing, one break space, one newline, or a
 * break space and a newline; no line starts inside a character; each
 * line's columns are wrap_width of its bytes and fit the width, unless it
 * is one character wider than the line; a text that is empty or ends in
 * '\n' ends with an empty line; newlines are never shown. And
 * wrap_offset_at_col lands on a character boundary within the line. A
 * violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"
#include "lib/wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Offsets where a character starts, as wrap measures them: an invalid
 * byte is a character of its own. */
static void
mark_starts(const char *s, size_t len, bool *start)
{
	size_t i = 0;

	memset(start, 0, len + 1);
	while (i < len) {
		uint32_t cp;
		int n = text_utf8_decode(s + i, len - i, &cp);

		start[i] = true;
		i += n > 0 ? (size_t)n : 1;
	}
	start[len] = true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wrap_line *l = NULL;
	char *s;
	bool *start;
	size_t width, len, n, at = 0;

	if (size < 1)
		return 0;
	width = data[0] == 0 ? 1 : data[0];
	len = size - 1;
	if ((s = malloc(len + 1)) == NULL || (start = malloc(len + 1)) == NULL)
		abort();
	memcpy(s, data + 1, len);
	s[len] = '\0';
	len = strlen(s);	/* wrap_text reads a C string */
	mark_starts(s, len, start);

	n = wrap_text(s, data[0], &l);
	if (n < 1 || l == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		size_t end = l[i].off + l[i].len, gap;
		const char *g;

		if (l[i].off != at || end > l[i].next || l[i].next > len || !start[l[i].off] ||
		    !start[end])
			abort();
		if (memchr(s + l[i].off, '\n', l[i].len) != NULL)
			abort();
		gap = l[i].next - end;
		g = s + end;
		if (!(gap == 0 || (gap == 1 && (*g == ' ' || *g == '\n')) ||
		    (gap == 2 && g[0] == ' ' && g[1] == '\n')))
			abort();
		/* A line ends at a newline only where the text has one. */
		if (i + 1 < n && gap == 0 && end < len && s[end] == '\n')
			abort();
		if (l[i].cols != wrap_width(s + l[i].off, l[i].len))
			abort();
		if (l[i].cols > width) {
			size_t b = l[i].off + 1;

			while (b < end && !start[b])
				b++;
			if (b != end)	/* more than one character */
				abort();
		}
		for (size_t col = 0; col <= l[i].cols + 1; col += 1 + col / 8) {
			size_t o = wrap_offset_at_col(s + l[i].off, l[i].len, col);

			if (o > l[i].len || !start[l[i].off + o] ||
			    wrap_width(s + l[i].off, o) > col)
				abort();
		}
		at = l[i].next;
	}
	if (at != len)
		abort();
	if ((len == 0 || s[len - 1] == '\n') && (l[n - 1].len != 0 || l[n - 1].off != len))
		abort();
	free(l);
	free(s);
	free(start);
	return 0;
}
