/* libFuzzer target for the post search's query builder: board_query_parse
 * (rules/board.c) and the in: LIKE patterns (db-board-search.c), fed what
 * db_board_search lets through (a line that passes text_check_line).
 *
 * Checks: every part is NUL-terminated within its field; the LIKE patterns
 * are the in: value with its wildcards escaped ('%' only at the end of the
 * prefix pattern); and the FTS5 expression is one FTS5 accepts on the real
 * posts_fts and threads_fts tables, unless the member typed FTS5 syntax on
 * purpose (a "phrase" of their own, or a bare AND, OR or NOT): punctuation
 * inside a word never becomes syntax. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz-fts.h"
#include "db/db-search-internal.h"
#include "lib/text.h"
#include "rules/board.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Words the member may use as FTS5 syntax themselves: a word that starts
 * with a quote goes through as typed, and so do the bare operators. */
static bool
typed_syntax(const char *q)
{
	const char *p = q;

	while (*p != '\0') {
		const char *w;
		bool quoted = false;

		while (*p == ' ')
			p++;
		w = p;
		for (; *p != '\0'; p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == ' ' && !quoted)
				break;
		}
		if (p == w)
			continue;
		if (*w == '"' || ((size_t)(p - w) == 3 && (memcmp(w, "AND", 3) == 0 ||
		    memcmp(w, "NOT", 3) == 0)) || ((size_t)(p - w) == 2 && memcmp(w, "OR", 2) == 0))
			return true;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct board_query q;
	static char query[BOARD_QUERY_MAX * 4 + 1];
	static char prefix[sizeof q.in * 2 + 2], exact[sizeof q.in * 2 + 2];
	int rc;

	if (size >= sizeof query)
		return 0;
	memcpy(query, data, size);
	query[size] = '\0';
	if (text_check_line(query, BOARD_QUERY_MAX) != NULL)
		return 0;
	fuzz_fts_open(NULL);
	memset(&q, 0x5a, sizeof q);
	board_query_parse(query, &q);
	if (memchr(q.words, '\0', sizeof q.words) == NULL ||
	    memchr(q.author, '\0', sizeof q.author) == NULL ||
	    memchr(q.in, '\0', sizeof q.in) == NULL)
		abort();
	if (q.words[0] != '\0') {
		rc = fuzz_fts_match("posts_fts", q.words);
		if (rc != SQLITE_DONE && !(rc == SQLITE_ERROR && typed_syntax(query)))
			abort();
		if (fuzz_fts_match("threads_fts", q.words) != rc)
			abort();
	}
	if (q.in[0] != '\0') {
		db_board_search_like(q.in, prefix, exact, sizeof prefix);
		if (!fuzz_like_ok(prefix, q.in, 0, 1) || !fuzz_like_ok(exact, q.in, 0, 0))
			abort();
	}
	return 0;
}
