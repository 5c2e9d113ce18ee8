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
	/* A quoted line ("> ...", "> > ...") keeps its marker when it wraps:
	 * its continuation lines show s[lead_off..lead_off+lead) first (lead
	 * bytes of '>' and ' ', one column each; 0 on other lines), and
	 * wrap to cols minus lead. */
	size_t lead_off, lead;
};

/* Wraps s to at most cols columns a line (0 is taken as 1). Breaks at the
 * last space that fits (the space itself is not shown), hard-breaks a word
 * longer than a line, never splits a character, and starts a new line at
 * every '\n'. An empty text, or one ending in '\n', ends with an empty line,
 * so there is always a line for a cursor. Invalid bytes and unprintable
 * characters take one column each, as the display sanitiser draws them.
 * A line that starts with '>' repeats its quote marker on every line it
 * wraps to (see lead above), so quoted words never look like the
 * replier's. Returns the number of lines (at least 1) and sets *out, an array the
 * caller frees with free(). */
size_t wrap_text(const char *s, size_t cols, struct wrap_line **out);

/* The text of line l of s as drawn: the quote marker, if any, then the
 * shown bytes, cut to fit sz and NUL terminated. Returns its length. */
size_t wrap_row(const char *s, const struct wrap_line *l, char *row, size_t sz);

/* Columns taken by s[0..len), measured as wrap_text does. */
size_t wrap_width(const char *s, size_t len);

/* Byte offset in s[0..len) of the character at column col: the first
 * character whose columns reach past col, or len if the text is shorter.
 * Used to move a cursor up and down between lines. */
size_t wrap_offset_at_col(const char *s, size_t len, size_t col);

#endif
