/* libFuzzer target for the sysop text screens' variables
 * (screenfile_subst in ui/screenfile.c). Input: the values of {name},
 * {login}, {bbs} and {date}, each ended by 0x00, then the screen text; a
 * value may itself hold "{name}" or braces (a member names themselves so).
 *
 * Checks, against a substitution done here in one pass: the output is
 * exactly the text with every known variable replaced by its value once
 * (a value is never read again for variables, so {name} in a name stays
 * literal), unknown or unclosed braces kept; it is cut only at
 * SCREENFILE_OUT_MAX bytes, and for valid UTF-8 within one character of
 * the cap and never inside one; and it is NUL-terminated. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/text.h"
#include "ui/screenfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define VAL_SZ	512

struct buf {
	char *p;
	size_t len, cap;
};

/* Appends; stops a little past the cap, enough to judge a cut. */
static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len > SCREENFILE_OUT_MAX + 8)
		return;
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			abort();
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* The substitution as screenfile.h describes it. */
static void
expected(const char *text, const struct screenfile_vars *v, struct buf *b)
{
	static const char *const names[] = { "name", "login", "bbs", "date", "online" };
	char num[32];

	snprintf(num, sizeof num, "%ld", v->online);
	put(b, "", 0);
	for (const char *p = text; *p != '\0';) {
		const char *close;
		bool done = false;

		if (*p != '{') {
			size_t n = strcspn(p, "{");

			put(b, p, n);
			p += n;
			continue;
		}
		if ((close = strchr(p + 1, '}')) == NULL) {
			put(b, p, strlen(p));
			break;
		}
		for (size_t i = 0; i < 5 && !done; i++) {
			const char *val = i == 0 ? v->name : i == 1 ? v->login : i == 2 ? v->bbs :
			    i == 3 ? v->date : num;

			if (val == NULL)
				val = "";

			if ((size_t)(close - p - 1) == strlen(names[i]) &&
			    memcmp(p + 1, names[i], strlen(names[i])) == 0) {
				put(b, val, strlen(val));
				p = close + 1;
				done = true;
			}
		}
		if (!done)
			put(b, p++, 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char vals[4][VAL_SZ], *text;
	struct screenfile_vars v;
	struct buf want = { NULL, 0, 0 };
	size_t i = 0, len;
	bool valid;
	char *got;

	for (int f = 0; f < 4; f++) {
		len = 0;
		while (i < size && data[i] != 0) {
			if (len + 1 < VAL_SZ)
				vals[f][len++] = (char)data[i];
			i++;
		}
		vals[f][len] = '\0';
		i += i < size;
	}
	/* The text, repeated up to a screen file's size when its last byte
	 * is DEL: with long values that reaches the output cap. */
	len = size - i;
	{
		size_t reps = len > 0 && data[size - 1] == 0x7f ? SCREENFILE_MAX / len : 1;

		if ((text = malloc(len * reps + 1)) == NULL)
			abort();
		for (size_t r = 0; r < reps; r++)
			memcpy(text + r * len, data + i, len);
		text[len * reps] = '\0';
	}
	v.name = vals[0];
	v.login = vals[1][0] != '\0' ? vals[1] : NULL;	/* NULL is "" */
	v.bbs = vals[2];
	v.date = vals[3];
	v.online = (long)size * 37 - 1000;

	/* Valid pieces make a valid whole (a cut text is checked whole). */
	valid = text_utf8_valid((const char *)data + i, len);
	for (int f = 0; f < 4; f++)
		valid = valid && text_utf8_valid(vals[f], strlen(vals[f]));
	got = screenfile_subst(text, &v);
	expected(text, &v, &want);
	if (got == NULL)
		abort();
	len = strlen(got);
	if (len > SCREENFILE_OUT_MAX || len > want.len || memcmp(got, want.p, len) != 0)
		abort();
	if (len < want.len) {
		/* Cut: only at the cap; for the valid UTF-8 callers pass
		 * (screen files and member fields are checked first) never
		 * inside a character and within one of the cap. */
		if (want.len <= SCREENFILE_OUT_MAX)
			abort();
		if (valid &&
		    (((unsigned char)want.p[len] & 0xc0) == 0x80 || len + 4 < SCREENFILE_OUT_MAX))
			abort();
	}
	free(got);
	free(want.p);
	free(text);
	return 0;
}
