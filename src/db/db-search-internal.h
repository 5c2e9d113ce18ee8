/* For the unit tests and tests/fuzz only: the strings the three searches
 * build from member text before they bind them (FTS5 MATCH expressions and
 * LIKE patterns), so they can be checked without a database. Each function
 * calls the same static builder its search uses and nothing else; no
 * search calls these. Strings are NUL-terminated within their size. */
#ifndef DB_SEARCH_INTERNAL_H
#define DB_SEARCH_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>

struct host_query;
struct member;
struct mentor_query;

/* db-board-search.c: the LIKE patterns an in: value becomes (prefix and
 * exact), each into sz bytes (at least 4). */
void db_board_search_like(const char *in, char *prefix, char *exact, size_t sz);

/* db-mentor-search.c: the MATCH expression of a search (build_match) and
 * of suggestions for me (suggest_match); their codes ("" for none). */
int db_mentor_search_match(const struct mentor_query *q, char *out, size_t sz);
int db_mentor_suggest_match(const struct member *me, char *out, size_t sz);

/* db-host-search.c: the MATCH expression from q->programs (false when it
 * has no telling word) and the LIKE pattern from q->where (likesz at
 * least 3). */
bool db_host_search_match(const struct host_query *q, char *match, size_t matchsz,
    char *like, size_t likesz);

#endif
