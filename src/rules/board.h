/* Community boards: the rules that do not need the database or the
 * terminal. Tree order (materialised paths), the depth cap, quoting and
 * what counts as unread. db-board*.c and the board screens share them. */
#ifndef BOARD_H
#define BOARD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/ratelimit.h"

#define BOARD_TITLE_MAX		120	/* characters in a thread title */
#define BOARD_TITLE_SZ		(BOARD_TITLE_MAX * 4 + 1)
#define BOARD_BODY_MAX		65536	/* characters in a post: the paste cap */
#define BOARD_WHY_MAX		500	/* characters in a request's reason */
#define BOARD_DESC_MAX		300	/* characters in a community description */
#define BOARD_NAME_MAX		60	/* characters in a community name */
#define BOARD_REQUESTS_PENDING_MAX 5	/* a member's requests awaiting an admin */
#define BOARD_REQUESTS_LIST_MAX	100	/* a member's requests shown, newest first */
/* Unread counts stop here ("1000+"): counting further would read every
 * unread post of a member who has been away a long time. */
#define BOARD_COUNT_CAP		1000

struct config;

/* How fast a member may write posts (threads and replies): the token
 * bucket of ratelimit.h, the same shape as for private messages. From the
 * [boards] section of the configuration (burst, per_hour, burst_new,
 * per_hour_new). */
struct board_limits {
	struct rate_limits rate;
};

void board_limits_from_config(const struct config *cfg, struct board_limits *out);

/* A post's path is its parent's path plus one segment of BOARD_SEG_LEN
 * base-36 digits (its sequence number in the thread), so sorting paths as
 * bytes is tree order: a parent before its children, siblings oldest first. */
#define BOARD_SEG_LEN		6
#define BOARD_SEQ_MAX		2176782335LL	/* 36^6 - 1 */
/* Nesting stored at most this deep: a reply to a post this deep becomes
 * its parent's sibling, so paths stay short. */
#define BOARD_DEPTH_MAX		32
#define BOARD_PATH_SZ		((BOARD_DEPTH_MAX + 1) * BOARD_SEG_LEN + 1)
/* Indentation shown at most this many levels deep, so deep threads stay
 * readable at 80 columns; the depth number is shown past it. */
#define BOARD_INDENT_MAX	6

/* Writes the path of a new post: parent_path (NULL or "" for a thread's
 * first post) plus the segment for seq. A parent at BOARD_DEPTH_MAX loses
 * its last segment first. Sets *depth. Returns false if seq is out of
 * range or out is too small. */
bool board_path_child(const char *parent_path, int parent_depth, int64_t seq,
    char *out, size_t outsz, int *depth);

/* Indentation levels for a post at depth. */
int board_indent(int depth);

/* A reply's starting text quoting body: "Name wrote:" then each line of
 * body prefixed "> ", at most max_lines lines (lines that were already
 * quotes are left out, so quotes do not pile up), then a blank line.
 * Caller frees. */
char *board_quote(const char *author, const char *body, size_t max_lines);

/* Whether a post counts as unread for a member: newer than the thread's
 * last-read pointer and than the community's read floor, and not the
 * member's own. */
bool board_is_unread(int64_t post_id, int64_t author_id, int64_t reader_id,
    int64_t last_read_id, int64_t read_floor);

/* Last-read pointers only move forward. */
int64_t board_read_advance(int64_t last_read_id, int64_t seen_id);

/* "regional network, 1 member, joined": a community's kind, members and
 * whether the reader joined, for its heading. */
void board_community_about(char *buf, size_t sz, bool region, int64_t members, bool joined);

/* The thread screen's status bar: follow 1 (following) offers "f
 * unfollow", -1 (muted) "x unmute", 0 both. */
const char *board_thread_hints(int follow);

/* Status bar hints (ASCII): hints, then each of more (NULL-terminated) in
 * turn while the line stays within cols columns. */
void board_hints_fit(char *buf, size_t sz, const char *hints, const char *const *more,
    size_t cols);

/* A post search as typed: words, "phrases" and prefix* for FTS5, plus the
 * filters author:LOGIN and in:COMMUNITY (a name or slug, or its start;
 * in:"new york" for one with spaces). Filter names are case-insensitive. */
#define BOARD_QUERY_MAX		200	/* characters in a search */
struct board_query {
	char words[BOARD_QUERY_MAX * 4 + 1];	/* an FTS5 expression, "" if none */
	char author[65];
	char in[BOARD_NAME_MAX * 4 + 1];
	const char *refused;	/* why the words break a search.h limit, or a
				 * filter has no value; NULL when neither */
};
#define BOARD_AUTHOR_EMPTY_WHY	"author: needs a login right after it, e.g. author:alice."
#define BOARD_IN_EMPTY_WHY	"in: needs a community right after it, e.g. in:boston."

/* Splits query: every word and "phrase" becomes a quoted FTS5 string, so
 * FTS5 reads words, never syntax, and a trailing * a prefix; a filter
 * given twice keeps the last, a filter with no value ("author:") sets
 * q->refused, and the author is folded to lower case like every login. A prefix shorter than SEARCH_PREFIX_MIN or
 * more than SEARCH_TERMS_MAX words set q->refused (rules/search.h). */
void board_query_parse(const char *query, struct board_query *q);

#endif
