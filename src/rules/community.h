/* Communities as the staff make them: the slug a name becomes, the kinds,
 * and the words of a community request's status. Pure: no SQL, no curses,
 * no I/O; db/db-community.h stores what these rules accept. */
#ifndef RULES_COMMUNITY_H
#define RULES_COMMUNITY_H
#include <stdbool.h>
#include <stddef.h>

#define COMMUNITY_SLUG_MAX	40	/* bytes of a slug, before a "-N" suffix */
#define COMMUNITY_SLUG_SZ	65	/* as communities.slug is read back */

/* A request's life: open until an admin approves, declines or merges it. */
enum community_request_status { CREQ_OPEN, CREQ_APPROVED, CREQ_DECLINED, CREQ_MERGED };

/* "open", "approved", "declined", "merged"; "?" out of range. */
const char *community_request_status_name(enum community_request_status s);
/* The word as above; false for anything else (*s untouched). */
bool community_request_status_parse(const char *word, enum community_request_status *s);

/* "region" and "career" are the kinds. */
bool community_kind_valid(const char *kind);

/* ERR_INVALID with a sentence in *why unless name (one line of 1 to
 * BOARD_NAME_MAX characters, no space at either end), kind and
 * description (one line, at most BOARD_DESC_MAX) make a community. */
int community_check(const char *name, const char *kind, const char *description,
    const char **why);

/* The slug of name: ASCII letters and digits lower-cased, every other run
 * of bytes one '-', none at either end, at most COMMUNITY_SLUG_MAX bytes
 * (cut there; never ending in a dash). A name with no ASCII letter
 * or digit gives "community". Always terminated. */
void community_slug(const char *name, char *out, size_t sz);

/* Is word a slug as community_slug makes them (the command line's
 * COMMUNITY argument is checked with it before the database opens)? */
bool community_slug_valid(const char *word);

#endif
