/* Shared by the mentoring screens (screen-mentor-*.c): what one screen
 * hands the next, and the login step the main menu runs. Screens only. */
#ifndef SCREEN_MENTOR_H
#define SCREEN_MENTOR_H
#include <stddef.h>
#include <stdint.h>
#include "db/db-mentor-search.h"

struct screen_ctx;

enum mentor_list_mode { MENTOR_LIST_SEARCH, MENTOR_LIST_SUGGEST, MENTOR_LIST_BOOKMARKS };

/* The argument of screen_mentor_results (copied on enter). */
struct mentor_list_arg {
	enum mentor_list_mode mode;
	struct mentor_query q;
};

/* At the start of a session (main menu): the lazy sweep of reminders and
 * expiry, then, for a mentor silent for 90 days, the question whether they
 * still mentor. */
void screen_mentor_login(struct screen_ctx *c);
/* The lazy sweep alone: reminders and expiry are due (safe to repeat). */
void screen_mentor_sweep(struct screen_ctx *c);

/* "has room (1 of 3)", "full (3 of 3)", "paused", "not mentoring". */
void screen_mentor_room(char *buf, size_t sz, bool open, bool paused, int active, int max);

#endif
