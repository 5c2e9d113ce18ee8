/* Word wrapping of UTF-8 text; see wrap.h. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"
#include "lib/wrap.h"
#include "lib/xmalloc.h"

struct wrap_out {
	struct wrap_line *v;
	size_t n, cap;
};

/* Measures the character at s[0..len): sets *bytes and returns its columns.
 * An invalid byte or an unprintable character is drawn as one replacement
 * character, so it counts as one column. */
static size_t
unit(const char *s, size_t len, size_t *bytes)
{
	uint32_t cp;
	int n, w;

	if ((n = text_utf8_decode(s, len, &cp)) <= 0) {
		*bytes = 1;
		return 1;
	}
	*bytes = (size_t)n;
	w = text_cp_width(cp);
	return w < 0 ? 1 : (size_t)w;
}

static void
emit(struct wrap_out *o, size_t off, size_t len, size_t next, size_t cols,
    size_t lead_off, size_t lead)
{
	if (o->n == o->cap) {
		o->cap = o->cap == 0 ? 16 : o->cap * 2;
		o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
	}
	o->v[o->n].off = off;
	o->v[o->n].len = len;
	o->v[o->n].next = next;
	o->v[o->n].cols = cols;
	o->v[o->n].lead_off = lead_off;
	o->v[o->n].lead = lead;
	o->n++;
}

/* Finds where the line starting at off ends within [off, end). Returns the
 * offset of the next line's start and sets *shown / *cols. */
static size_t
wrap_one(const char *s, size_t off, size_t end, size_t width, size_t *shown,
    size_t *cols_out)
{
	size_t i = off, cols = 0, w, n, brk = 0, brk_cols = 0;
	bool have_brk = false;

	while (i < end) {
		w = unit(s + i, end - i, &n);
		if (cols + w > width) {
			if (s[i] == ' ') {
				/* The line is full exactly at a space: break there. */
				*shown = i - off;
				*cols_out = cols;
				return i + 1;
			}
			if (have_brk) {
				*shown = brk - off;
				*cols_out = brk_cols;
				return brk + 1;
			}
			if (i == off) {
				/* A character wider than the line goes alone. */
				*shown = n;
				*cols_out = w;
				return i + n;
			}
			*shown = i - off;
			*cols_out = cols;
			return i;
		}
		if (s[i] == ' ' && i > off) {
			have_brk = true;
			brk = i;
			brk_cols = cols;
		}
		cols += w;
		i += n;
	}
	*shown = end - off;
	*cols_out = cols;
	return end;
}

/* The quote marker at the start of [p, end): '>' then any '>' and spaces,
 * in bytes; 0 if the paragraph is no quote or the marker would leave less
 * than half the width for the words. */
static size_t
quote_lead(const char *s, size_t p, size_t end, size_t width)
{
	size_t n = 0;

	if (p >= end || s[p] != '>')
		return 0;
	while (p + n < end && (s[p + n] == '>' || s[p + n] == ' '))
		n++;
	return n * 2 > width ? 0 : n;
}

/* Wraps one paragraph [p, end) that is followed by a newline or the end. */
static void
wrap_paragraph(struct wrap_out *o, const char *s, size_t p, size_t end,
    size_t after, size_t width)
{
	size_t off = p, next, shown, cols, lead = 0, quote = quote_lead(s, p, end, width);

	for (;;) {
		next = wrap_one(s, off, end, width - lead, &shown, &cols);
		if (next >= end) {
			emit(o, off, shown, after, cols, p, lead);
			return;
		}
		emit(o, off, shown, next, cols, p, lead);
		off = next;
		lead = quote;
	}
}

size_t
wrap_text(const char *s, size_t cols, struct wrap_line **out)
{
	struct wrap_out o = { NULL, 0, 0 };
	size_t len = s == NULL ? 0 : strlen(s), p = 0, end;
	const char *nl;

	if (cols == 0)
		cols = 1;
	for (;;) {
		nl = p < len ? memchr(s + p, '\n', len - p) : NULL;
		end = nl != NULL ? (size_t)(nl - s) : len;
		wrap_paragraph(&o, s, p, end, nl != NULL ? end + 1 : end, cols);
		if (nl == NULL)
			break;
		p = end + 1;
	}
	*out = o.v;
	return o.n;
}

size_t
wrap_row(const char *s, const struct wrap_line *l, char *row, size_t sz)
{
	size_t lead = l->lead < sz - 1 ? l->lead : sz - 1, len;

	memcpy(row, s + l->lead_off, lead);
	len = l->len < sz - 1 - lead ? l->len : sz - 1 - lead;
	memcpy(row + lead, s + l->off, len);
	row[lead + len] = '\0';
	return lead + len;
}

size_t
wrap_width(const char *s, size_t len)
{
	size_t i = 0, cols = 0, n;

	while (i < len) {
		cols += unit(s + i, len - i, &n);
		i += n;
	}
	return cols;
}

size_t
wrap_offset_at_col(const char *s, size_t len, size_t col)
{
	size_t i = 0, cols = 0, n, w;

	while (i < len) {
		w = unit(s + i, len - i, &n);
		if (cols + w > col)
			return i;
		cols += w;
		i += n;
	}
	return len;
}
