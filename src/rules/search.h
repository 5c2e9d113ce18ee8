/* Limits every member-driven search shares (board posts, mentors, HOST),
 * and the sentences that explain them: pure, no SQL. A full-text query is
 * cheap when its terms are few and specific; what makes one slow is a
 * short prefix (a* expands to every word that starts with a) or a long
 * list of alternatives, so the query builders refuse or narrow those, and
 * the data layer stops whatever still runs past its time budget. */
#ifndef SEARCH_H
#define SEARCH_H
#include <stdbool.h>
#include <stddef.h>

#define SEARCH_PREFIX_MIN	3	/* characters before a prefix's * */
#define SEARCH_TERMS_MAX	8	/* words, phrases or OR alternatives in one query */

/* For a search that ran out of its time budget (ERR_TOOBROAD). */
#define SEARCH_TOOBROAD_WHY \
	"That search is too broad: narrow it down (add words or a community)."
/* For a second search while one of the member's is still running (ERR_BUSY). */
#define SEARCH_BUSY_WHY \
	"You have a search running in another session; try again in a moment."
#define SEARCH_PREFIX_WHY \
	"A prefix search needs at least 3 letters before the * (for example intern*)."
#define SEARCH_TERMS_WHY \
	"A search takes at most 8 words or phrases; leave some out."

/* The sentence for what a search returned, when it is one of the
 * limits: SEARCH_TOOBROAD_WHY for ERR_TOOBROAD, SEARCH_BUSY_WHY for
 * ERR_BUSY; NULL for any other code. */
const char *search_refusal(int code);

/* Characters (UTF-8 sequences) in the n bytes at s. */
size_t search_chars(const char *s, size_t n);

/* May the n bytes at w be a prefix (the part before a *)? Only when they
 * end in a word of at least SEARCH_PREFIX_MIN characters, since the * of
 * a phrase or of "e.g*" applies to its last word. */
bool search_prefix_ok(const char *w, size_t n);

#endif
