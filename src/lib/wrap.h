/* Word wrapping of UTF-8 text to a column width, for display and for the
 * multi-line editor. No curses: widths come from text_cp_width, so the
 * result does not depend on the process locale and is unit-testable. */
#ifndef WRAP_H
#define WRAP_H
#include <stddef.h>

/* One display line: a byte range of the wrapped text. */
struct wrap_line {
	size_t off;	/* first byte of the line */
	size_t len;	/* bytes shown: no break space, no newline */
	size_t next;	/* first byte of the following line */
	size_t cols;	/* columns the shown bytes take */
};

/* Wraps s to at most cols columns a line (0 is taken as 1). Breaks at the
 * last space that fits (the space itself is not shown), hard-breaks a word
 * longer than a line, never splits a character, and starts a new line at
 * every '\n'. An empty text, or one ending in '\n', ends with an empty line,
 * so there is always a line for a cursor. Invalid bytes and unprintable
 * characters take one column each, as the display sanitiser draws them.
 * Returns the number of lines (at least 1) and sets *out, an array the
 * caller frees with free(). */
size_t wrap_text(const char *s, size_t cols, struct wrap_line **out);

/* Columns taken by s[0..len), measured as wrap_text does. */
size_t wrap_width(const char *s, size_t len);

/* Byte offset in s[0..len) of the character at column col: the first
 * character whose columns reach past col, or len if the text is shorter.
 * Used to move a cursor up and down between lines. */
size_t wrap_offset_at_col(const char *s, size_t len, size_t col);

#endif
