/* Domain rules of the admin menu and its command line: end dates typed as
 * a number of days or a date, the announcement's text, and the words of a
 * sign-up or role decision. Pure: no SQL, no curses, no I/O. Functions that
 * refuse return a negative lib/err.h code and a static sentence in *why. */
#ifndef RULES_ADMIN_H
#define RULES_ADMIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/err.h"

#define ANNOUNCE_TEXT_MAX	200	/* characters: one status bar line */
#define ROLE_NOTE_MAX		200	/* characters of a role request's note */
#define ADMIN_DAY		86400

/* "YYYY-MM-DD" as a unix time in UTC: the start of that day (00:00:00),
 * or with end_of_day the first second after it, so a sanction "until
 * 2026-12-10" is in force all that day. ERR_INVALID for anything else
 * (the calendar is checked: no 2026-02-30). */
int admin_parse_date(const char *s, bool end_of_day, int64_t *out);

/* An end date as the staff type it: a whole number of days from now (1 to
 * SANCTION_DAYS_MAX), or a date YYYY-MM-DD (until the end of that day,
 * UTC), which must lie in the future. "" and "-" are no end (*out 0).
 * ERR_INVALID with *why otherwise; *out is written only on success. */
int admin_parse_until(const char *s, int64_t now, int64_t *out, const char **why);

/* An announcement: one line of 1..ANNOUNCE_TEXT_MAX printable characters. */
int admin_check_announcement(const char *text, const char **why);

#endif
