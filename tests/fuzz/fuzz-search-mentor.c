/* libFuzzer target for the mentor search's query builders
 * (db-mentor-search.c): the MATCH expression of a search from its five
 * text filters, and of suggestions from a member's own profile. Input:
 * fields separated by 0x00 (text, specialty, program, place, topic, then
 * the member's specialty, sub-specialty, topics, city, region); the first
 * byte shrinks the expression buffer now and then.
 *
 * Checks: a search gives 0 or ERR_INVALID, and ERR_INVALID exactly when a
 * filter has no word or the words do not fit; the expression is
 * "{columns} : ( phrases )" groups joined by AND (OR inside suggestions),
 * every phrase a quoted run of word bytes, so nothing typed is FTS5
 * syntax; and FTS5 accepts it on the real member_fts table. A violation
 * aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz-fts.h"
#include "db/db-mentor-search.h"
#include "db/db-search-internal.h"
#include "rules/member.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FIELDS	10
#define FIELD_SZ MEMBER_TOPICS_SZ

static bool
word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    ch >= 0x80;
}

static bool
has_word(const char *s)
{
	for (; *s != '\0'; s++)
		if (word_byte((unsigned char)*s))
			return true;
	return false;
}

/* Reads one "{...} : (p1 p2 ...)" group at *s; phrases joined by sep. */
static bool
group(const char **s, const char *sep)
{
	const char *p = *s;
	size_t phrases = 0;

	if (*p++ != '{' || (p = strchr(p, '}')) == NULL || strncmp(p, "} : (", 5) != 0)
		return false;
	p += 5;
	while (*p != ')') {
		size_t len = 0;

		if (phrases > 0) {
			if (strncmp(p, sep, strlen(sep)) != 0)
				return false;
			p += strlen(sep);
		}
		if (*p++ != '"')
			return false;
		while (word_byte((unsigned char)p[len]))
			len++;
		if (len == 0 || p[len] != '"')
			return false;
		p += len + 1;
		if (*p == '*') {
			if (len < 2)
				return false;
			p++;
		}
		phrases++;
	}
	*s = p + 1;
	return phrases > 0;
}

/* The whole expression: groups joined by " AND ". */
static bool
shape_ok(const char *s, const char *sep)
{
	for (int n = 0; *s != '\0'; n++) {
		if (n > 0) {
			if (strncmp(s, " AND ", 5) != 0)
				return false;
			s += 5;
		}
		if (!group(&s, sep))
			return false;
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char f[FIELDS * FIELD_SZ], out[2048];
	static struct mentor_query q;
	static struct member me;
	char *const qf[5] = { q.text, q.specialty, q.program, q.place, q.topic };
	char *const mf[5] = { me.specialty, me.subspecialty, me.topics, me.city, me.region };
	const size_t mfsz[5] = { sizeof me.specialty, sizeof me.subspecialty, sizeof me.topics,
	    sizeof me.city, sizeof me.region };
	size_t sz;
	bool any_empty = false;
	int r;

	if (size < 1)
		return 0;
	fuzz_fts_open("INSERT INTO member_fts (rowid, display_name, position, institution, bio, "
	    "topics, specialty, subspecialty, programs, city, region, country) VALUES "
	    "(1, 'Ana Lima', 'Attending', 'Hospital das Clínicas', 'Surgery mentor', "
	    "'residency match', 'Surgery', 'Trauma', 'MD', 'São Paulo', 'SP', 'Brazil')");
	sz = data[0] < 32 ? (size_t)data[0] * 4 + 1 : sizeof out;
	fuzz_fields(data + 1, size - 1, f, FIELDS, FIELD_SZ);
	mentor_query_init(&q);
	memset(&me, 0, sizeof me);
	for (int i = 0; i < 5; i++) {
		memcpy(qf[i], f + i * FIELD_SZ, MENTOR_QUERY_SZ - 1);
		memcpy(mf[i], f + (5 + i) * FIELD_SZ, mfsz[i] - 1);
		any_empty |= qf[i][0] != '\0' && !has_word(qf[i]);
	}

	memset(out, 0x5a, sizeof out);
	r = db_mentor_search_match(&q, out, sz);
	if (memchr(out, '\0', sz) == NULL)
		abort();
	if (r != 0 && r != ERR_INVALID)
		abort();
	if (any_empty && r != ERR_INVALID)
		abort();
	if (r == 0 && !shape_ok(out, " "))
		abort();
	if (r == 0 && out[0] != '\0' && fuzz_fts_match("member_fts", out) != SQLITE_DONE)
		abort();

	memset(out, 0x5a, sizeof out);
	r = db_mentor_suggest_match(&me, out, sz);
	if (memchr(out, '\0', sz) == NULL || (r != 0 && r != ERR_INTERNAL))
		abort();
	if (r == 0 && !shape_ok(out, " OR "))
		abort();
	if (r == 0 && out[0] != '\0' && fuzz_fts_match("member_fts", out) != SQLITE_DONE)
		abort();
	return 0;
}
