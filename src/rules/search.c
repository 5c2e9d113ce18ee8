/* Search limits; see search.h. */
#include "rules/search.h"
#include "lib/err.h"

const char *
search_refusal(int code)
{
	if (code == ERR_TOOBROAD)
		return SEARCH_TOOBROAD_WHY;
	if (code == ERR_BUSY)
		return SEARCH_BUSY_WHY;
	return NULL;
}

/* A byte that FTS5's unicode61 tokenizer keeps inside a word, as far as
 * ASCII goes; every byte of a multi-byte character counts as one too. */
static bool
word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

size_t
search_chars(const char *s, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

bool
search_prefix_ok(const char *w, size_t n)
{
	size_t end = n, start;

	while (end > 0 && !word_byte((unsigned char)w[end - 1]))
		end--;
	start = end;
	while (start > 0 && word_byte((unsigned char)w[start - 1]))
		start--;
	return search_chars(w + start, end - start) >= SEARCH_PREFIX_MIN;
}
