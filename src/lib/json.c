/* JSON text; see json.h. Allocation cannot fail (xmalloc). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/json.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

static void
reserve(struct json *j, size_t more)
{
	if (j->len + more + 1 <= j->cap)
		return;
	while (j->len + more + 1 > j->cap)
		j->cap = j->cap ? j->cap * 2 : 256;
	j->buf = xrealloc(j->buf, j->cap);
}

static void
put(struct json *j, const char *s, size_t n)
{
	reserve(j, n);
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

void
json_raw(struct json *j, const char *s)
{
	put(j, s, strlen(s));
}

void
json_strn(struct json *j, const char *s, size_t n)
{
	char esc[8];
	uint32_t cp;
	size_t i = 0;
	int k;

	put(j, "\"", 1);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(j, esc, 2);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			put(j, esc, 6);
			i++;
		} else if (c < 0x80) {
			put(j, (const char *)&s[i], 1);
			i++;
		} else if ((k = text_utf8_decode(s + i, n - i, &cp)) > 0) {
			put(j, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			put(j, "\xef\xbf\xbd", 3);	/* U+FFFD */
			i++;
		}
	}
	put(j, "\"", 1);
}

void
json_str(struct json *j, const char *s)
{
	json_strn(j, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

void
json_int(struct json *j, int64_t v)
{
	char num[24];

	snprintf(num, sizeof num, "%" PRId64, v);
	json_raw(j, num);
}

void
json_sep(struct json *j)
{
	if (j->len > 0 && j->buf[j->len - 1] != '{' && j->buf[j->len - 1] != '[' &&
	    j->buf[j->len - 1] != ':')
		put(j, ",", 1);
}

void
json_key(struct json *j, const char *key)
{
	json_sep(j);
	json_str(j, key);
	put(j, ":", 1);
}

char *
json_take(struct json *j)
{
	char *s = j->buf != NULL ? j->buf : xstrdup("");

	j->buf = NULL;
	j->len = j->cap = 0;
	return s;
}

void
json_free(struct json *j)
{
	free(j->buf);
	j->buf = NULL;
	j->len = j->cap = 0;
}
