/* Community board rules; see board.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "rules/board.h"
#include "rules/search.h"
#include "rules/user.h"
#include "lib/config.h"
#include "lib/xmalloc.h"

void
board_limits_from_config(const struct config *cfg, struct board_limits *out)
{
	out->rate.member.burst = cfg->boards.burst;
	out->rate.member.per_hour = cfg->boards.per_hour;
	out->rate.newcomer.burst = cfg->boards.burst_new;
	out->rate.newcomer.per_hour = cfg->boards.per_hour_new;
}

static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

bool
board_path_child(const char *parent_path, int parent_depth, int64_t seq,
    char *out, size_t outsz, int *depth)
{
	size_t plen = parent_path != NULL ? strlen(parent_path) : 0;
	int d = plen == 0 ? 0 : parent_depth + 1;

	if (seq < 0 || seq > BOARD_SEQ_MAX)
		return false;
	/* Too deep: hang the post beside its parent instead of under it. */
	if (d > BOARD_DEPTH_MAX && plen >= BOARD_SEG_LEN) {
		plen -= BOARD_SEG_LEN;
		d = parent_depth;
	}
	if (plen + BOARD_SEG_LEN + 1 > outsz)
		return false;
	memcpy(out, parent_path, plen);
	for (int i = BOARD_SEG_LEN - 1; i >= 0; i--) {
		out[plen + (size_t)i] = digits[seq % 36];
		seq /= 36;
	}
	out[plen + BOARD_SEG_LEN] = '\0';
	*depth = d;
	return true;
}

int
board_indent(int depth)
{
	if (depth < 0)
		return 0;
	return depth > BOARD_INDENT_MAX ? BOARD_INDENT_MAX : depth;
}

static void
append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

char *
board_quote(const char *author, const char *body, size_t max_lines)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, lines = 0;
	const char *p = body != NULL ? body : "", *nl;

	append(&buf, &len, &cap, author, strlen(author));
	append(&buf, &len, &cap, " wrote:\n", 8);
	while (*p != '\0' && lines < max_lines) {
		size_t n;

		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (p[0] != '>') {
			append(&buf, &len, &cap, "> ", 2);
			append(&buf, &len, &cap, p, n);
			append(&buf, &len, &cap, "\n", 1);
			lines++;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	if (*p != '\0')
		append(&buf, &len, &cap, "> ...\n", 6);
	append(&buf, &len, &cap, "\n", 1);
	return buf;
}

bool
board_is_unread(int64_t post_id, int64_t author_id, int64_t reader_id,
    int64_t last_read_id, int64_t read_floor)
{
	return author_id != reader_id && post_id > last_read_id && post_id > read_floor;
}

int64_t
board_read_advance(int64_t last_read_id, int64_t seen_id)
{
	return seen_id > last_read_id ? seen_id : last_read_id;
}

/* Appends one word to fts at flen as an FTS5 string: member text never
 * becomes FTS5 syntax (no bare OR, NOT, NEAR, column filter or ^), only
 * the documented "phrase" and prefix*. A "phrase" keeps its words (an
 * unclosed one runs to the end of the word); any other word is quoted
 * whole, so "follow-up" or "e.g." is read as its words; quotes inside are
 * doubled. A trailing * makes the last word a prefix when it has at
 * least SEARCH_PREFIX_MIN characters; otherwise q->refused says why. The
 * caller made room for twice the word plus quotes. */
static size_t
add_word(struct board_query *q, size_t flen, const char *w, size_t n)
{
	char *fts = q->words;
	bool star = n > 1 && w[n - 1] == '*';
	size_t m = star ? n - 1 : n;

	if (m > 0 && w[0] == '"') {
		w++;
		m--;
		if (m > 0 && w[m - 1] == '"')
			m--;
	}
	if (star && !search_prefix_ok(w, m))
		q->refused = SEARCH_PREFIX_WHY;
	fts[flen++] = '"';
	for (size_t i = 0; i < m; i++) {
		if (w[i] == '"')
			fts[flen++] = '"';
		fts[flen++] = w[i];
	}
	fts[flen++] = '"';
	if (star)
		fts[flen++] = '*';
	fts[flen] = '\0';
	return flen;
}

/* A filter's value: the rest of the word, or a "quoted value" with its
 * spaces (in:"new york"), without the quotes. */
static void
filter_value(const char *val, const char *end, char *out, size_t outsz)
{
	size_t n;

	if (val < end && *val == '"') {
		val++;
		if (end > val && end[-1] == '"')
			end--;
	}
	n = (size_t)(end - val);
	if (n < outsz) {
		memcpy(out, val, n);
		out[n] = '\0';
	}
}

/* Skips one word from p: a quoted phrase is one word, spaces and all, and
 * so is a filter with a quoted value (in:"new york"). */
static const char *
word_end(const char *p)
{
	bool quoted = false;

	for (; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ' ' && !quoted)
			break;
	}
	return p;
}

void
board_query_parse(const char *query, struct board_query *q)
{
	const char *p = query;
	size_t flen = 0, terms = 0;

	memset(q, 0, sizeof *q);
	while (*p != '\0') {
		const char *start;
		size_t n;

		while (*p == ' ')
			p++;
		start = p;
		p = word_end(p);
		n = (size_t)(p - start);
		if (n == 0)
			continue;
		if (n >= 7 && strncasecmp(start, "author:", 7) == 0) {
			filter_value(start + 7, p, q->author, sizeof q->author);
			/* A login, as everywhere: author:Alice is alice. */
			(void)user_login_fold(q->author, sizeof q->author, q->author);
			if (q->author[0] == '\0')
				q->refused = BOARD_AUTHOR_EMPTY_WHY;
		} else if (n >= 3 && strncasecmp(start, "in:", 3) == 0) {
			filter_value(start + 3, p, q->in, sizeof q->in);
			if (q->in[0] == '\0')
				q->refused = BOARD_IN_EMPTY_WHY;
		} else if (++terms > SEARCH_TERMS_MAX)
			q->refused = SEARCH_TERMS_WHY;
		else if (flen + 2 * n + 5 < sizeof q->words) {
			if (flen > 0)
				q->words[flen++] = ' ';
			flen = add_word(q, flen, start, n);
		}
	}
}

void
board_community_about(char *buf, size_t sz, bool region, int64_t members, bool joined)
{
	snprintf(buf, sz, "%s, %lld member%s%s", region ? "regional network" : "career path",
	    (long long)members, members == 1 ? "" : "s", joined ? ", joined" : "");
}

const char *
board_thread_hints(int follow)
{
	/* The key that undoes the current state is the one shown. */
	if (follow > 0)
		return "r reply  Q quote  e edit  d delete  ! flag  f unfollow  x mute  q back  ? help";
	if (follow < 0)
		return "r reply  Q quote  e edit  d delete  ! flag  f follow  x unmute  q back  ? help";
	return "r reply  Q quote  e edit  d delete  ! flag  f follow  x mute  q back  ? help";
}

void
board_hints_fit(char *buf, size_t sz, const char *hints, const char *const *more,
    size_t cols)
{
	size_t len;

	snprintf(buf, sz, "%s", hints);
	len = strlen(buf);
	for (; more != NULL && *more != NULL; more++) {
		size_t add = strlen(*more) + 2;

		if (len + add > cols || len + add >= sz)
			break;
		snprintf(buf + len, sz - len, "  %s", *more);
		len += add;
	}
}
