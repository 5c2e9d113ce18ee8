/* libFuzzer target for the HOST search's query builder (db-host-search.c):
 * the FTS5 expression made from the programs a traveller will visit and
 * the LIKE pattern made from the place. Input: programs, 0x00, place.
 *
 * Checks: the expression is "w" or "w"* terms joined by OR, every w two or more
 * word bytes (letters, digits, non-ASCII), so nothing typed is FTS5
 * syntax, and FTS5 accepts it on the real host_fts table; true comes with
 * at least one term and false with none; the LIKE pattern is "%place%"
 * with the wildcards escaped. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz-fts.h"
#include "db/db-host.h"
#include "db/db-search-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    ch >= 0x80;
}

/* Terms in "w1"* OR "w2" ... (a star only after longer words), or -1
 * if s is not that shape. */
static int
terms(const char *s)
{
	int n = 0;

	while (*s != '\0') {
		size_t len = 0;

		if (n > 0) {
			if (strncmp(s, " OR ", 4) != 0)
				return -1;
			s += 4;
		}
		if (*s++ != '"')
			return -1;
		while (word_byte((unsigned char)s[len]))
			len++;
		/* A word of two letters is matched whole: only longer ones
		 * may be prefixes (the search rules' minimum before '*'). */
		if (len < 2 || s[len] != '"')
			return -1;
		s += len + 1;
		if (*s == '*')
			s++;
		n++;
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char fields[2 * HOST_LONG_SZ];
	static struct host_query q;
	static char match[HOST_LONG_SZ * 2], like[HOST_TEXT_SZ * 2 + 3];
	size_t matchsz;
	bool ranked;
	int n;

	if (size < 1)
		return 0;
	fuzz_fts_open("INSERT INTO host_fts (rowid, hospitals, affiliations, initials) VALUES "
	    "(1, 'Mass General; Brigham', 'Harvard', 'MGH BWH'), "
	    "(2, 'Hôpital Pitié-Salpêtrière', 'Sorbonne', 'APHP')");
	/* The first byte shrinks the expression buffer now and then, to try
	 * the builder's own bound. */
	matchsz = data[0] < 16 ? (size_t)data[0] * 8 + 1 : sizeof match;
	fuzz_fields(data + 1, size - 1, fields, 2, HOST_LONG_SZ);
	memset(&q, 0, sizeof q);
	memcpy(q.programs, fields, HOST_LONG_SZ);
	memcpy(q.where, fields + HOST_LONG_SZ, HOST_TEXT_SZ - 1);
	memset(match, 0x5a, sizeof match);
	ranked = db_host_search_match(&q, match, matchsz, like, sizeof like);
	if (memchr(match, '\0', matchsz) == NULL || memchr(like, '\0', sizeof like) == NULL)
		abort();
	if ((n = terms(match)) < 0 || (n > 0) != ranked)
		abort();
	if (ranked && fuzz_fts_match("host_fts", match) != SQLITE_DONE)
		abort();
	if (q.where[0] == '\0' ? like[0] != '\0' : !fuzz_like_ok(like, q.where, 1, 1))
		abort();
	return 0;
}
