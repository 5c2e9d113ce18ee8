/* Text safety: every untrusted byte that is stored or drawn passes here.
 *
 * Input checks refuse bad text with a reason (a static English string the UI
 * can show). The display sanitiser runs again on every draw, so an old row or
 * an imported roster cannot inject terminal escapes either. */
#ifndef TEXT_H
#define TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 code point from s[0..len). Returns the number of bytes
 * consumed (1..4) and sets *cp, or returns -1 on an invalid, overlong,
 * surrogate or truncated sequence. */
int text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes). Returns the byte count (1..4),
 * 0 for an invalid code point. */
int text_utf8_encode(uint32_t cp, char *out);

/* True if s[0..len) is valid UTF-8 (no NUL bytes). */
bool text_utf8_valid(const char *s, size_t len);

/* Characters that never reach a terminal: C0 (except where a caller allows
 * \n and \t), DEL, C1, bidi overrides/isolates/marks, zero-width and other
 * invisible format characters, noncharacters. */
bool text_cp_is_unsafe(uint32_t cp);
/* Zero-width / bidi / format characters (a subset of unsafe). */
bool text_cp_is_invisible(uint32_t cp);

/* Terminal column width of one code point: 0, 1 or 2; -1 if not printable.
 * Does not depend on the process locale. */
int text_cp_width(uint32_t cp);

/* Column width of a valid UTF-8 string after sanitising (each unsafe code
 * point or invalid byte counts as the 1 column of its replacement). */
size_t text_width(const char *s);

/* Number of code points in a valid UTF-8 string (invalid bytes count 1 each). */
size_t text_chars(const char *s);

/* Input checks. Each returns NULL when s is acceptable, otherwise a reason
 * such as "contains control characters". */
/* Single-line text: valid UTF-8, no control/bidi/zero-width characters,
 * at most max_chars code points. */
const char *text_check_line(const char *s, size_t max_chars);
/* Multi-line text: valid UTF-8, printable characters plus \n and \t only,
 * at most max_chars code points. (\r\n is not accepted: use text_clean_multiline.) */
const char *text_check_multiline(const char *s, size_t max_chars);

/* Normalises pasted multi-line text in place: \r\n and \r become \n, other
 * unsafe characters and invalid bytes are dropped. Returns the new length. */
size_t text_clean_multiline(char *s);

/* Display sanitiser: copies src into dst (capacity dstsz, always NUL
 * terminated when dstsz > 0), replacing invalid bytes and unsafe code points
 * with U+FFFD, and \n / \t with a space unless allow_newlines. Truncates only
 * at a code point boundary. Returns the length written. */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, bool allow_newlines);

/* Copy at most max_cols columns of (already sanitised) s into dst (capacity
 * dstsz), never splitting a character. Returns bytes written; *cols_out gets
 * the columns used when not NULL. */
size_t text_fit(char *dst, size_t dstsz, const char *s, size_t max_cols, size_t *cols_out);

/* Copies the n bytes at src to dst (capacity dstsz, NUL terminated when
 * dstsz > 0) as OpenSSH's log.c does with strnvis(VIS_SAFE | VIS_OCTAL), but
 * stricter: every byte outside printable ASCII (0x20-0x7E) becomes \ooo,
 * tab, CR, LF, BS and BEL included, so a log line stays one line and never
 * acts on a terminal; UTF-8 is escaped byte by byte, so a raw 0x9B (CSI),
 * a bidi override or a zero-width character cannot hide in it. Each byte of
 * also (e.g. "\"\\") is escaped too. Never cuts an escape in half.
 * Returns the length written. */
size_t text_escape_octal(char *dst, size_t dstsz, const char *src, size_t n, const char *also);

/* Escapes a member-supplied string for a log line: text_escape_octal with
 * '"' and '\\' escaped too, so the result is unambiguous inside quotes.
 * NULL is "". Returns dst. */
char *text_escape_log(char *dst, size_t dstsz, const char *src);

/* A terminal type as a client sent it, if it is a plausible terminfo name
 * (1-63 of [A-Za-z0-9._+-]), else "vt100": never a path, never control
 * characters. The result is t itself or a static string. */
const char *text_term_name(const char *t);

/* Trims leading and trailing ASCII spaces and tabs in place. Returns s. */
char *text_trim(char *s);

/* Bounded copy that always terminates; truncates at a UTF-8 boundary.
 * Returns true if all of src fit. */
bool text_copy(char *dst, size_t dstsz, const char *src);

/* Byte offsets of the character before and after the one at i in s (len
 * bytes): steps over UTF-8 continuation bytes, stops at 0 and at len. */
size_t text_prev_char(const char *s, size_t i);
size_t text_next_char(const char *s, size_t len, size_t i);

/* The one appender for building a line: adds the formatted text at the end
 * of buf (NUL-terminated, sz bytes), cutting at a UTF-8 boundary when it
 * does not fit. len, when not NULL, holds strlen(buf) and is kept; with
 * NULL the end is found with strlen. Returns true if everything fit. */
bool text_appendf(char *buf, size_t sz, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Appends sep (left out while buf is empty) and part to buf (NUL-terminated,
 * sz bytes) only when both fit whole in max_cols display columns and in sz,
 * so a row of parts that is too narrow ends at a whole part, never at a
 * separator or in the middle of a word. Returns true if appended. */
bool text_append_part(char *buf, size_t sz, const char *sep, const char *part,
    size_t max_cols);

#endif
