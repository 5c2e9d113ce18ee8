/* The admin menu's rules; see admin.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/text.h"
#include "rules/admin.h"
#include "rules/sanction.h"

static bool
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), without timegm's
 * dependence on the process's time zone settings. */
static int64_t
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int64_t)era * 146097 + (int64_t)doe - 719468;
}

int
admin_parse_date(const char *s, bool end_of_day, int64_t *out)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y, m, d;
	int used = 0;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return ERR_INVALID;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return ERR_INVALID;
	if (sscanf(s, "%4u-%2u-%2u%n", &y, &m, &d, &used) != 3 || used != 10)
		return ERR_INVALID;
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap((long)y)))
		return ERR_INVALID;
	*out = (days_from_civil((long)y, m, d) + (end_of_day ? 1 : 0)) * ADMIN_DAY;
	return ERR_OK;
}

int
admin_parse_until(const char *s, int64_t now, int64_t *out, const char **why)
{
	char buf[16];
	int64_t t;
	char *end;
	long days;

	if (s == NULL || !text_copy(buf, sizeof buf, s)) {
		*why = "Give a number of days or a date as YYYY-MM-DD.";
		return ERR_INVALID;
	}
	text_trim(buf);
	if (buf[0] == '\0' || strcmp(buf, "-") == 0) {
		*out = 0;
		return ERR_OK;
	}
	if (strchr(buf, '-') != NULL) {
		if (admin_parse_date(buf, true, &t) != 0) {
			*why = "That is not a date: give YYYY-MM-DD, e.g. 2026-12-31.";
			return ERR_INVALID;
		}
		if (t <= now) {
			*why = "That date has passed: give a day from today on.";
			return ERR_INVALID;
		}
		if (t - now > (int64_t)SANCTION_DAYS_MAX * ADMIN_DAY) {
			*why = "That is more than ten years away.";
			return ERR_INVALID;
		}
		*out = t;
		return ERR_OK;
	}
	days = strtol(buf, &end, 10);
	if (*end != '\0' || days < 1 || days > SANCTION_DAYS_MAX) {
		*why = "Give a number of days from 1 to 3650, or a date as YYYY-MM-DD.";
		return ERR_INVALID;
	}
	*out = now + (int64_t)days * ADMIN_DAY;
	return ERR_OK;
}

int
admin_check_announcement(const char *text, const char **why)
{
	const char *bad;
	size_t i;

	if (text == NULL) {
		*why = "Write the announcement.";
		return ERR_INVALID;
	}
	if ((bad = text_check_line(text, ANNOUNCE_TEXT_MAX)) != NULL) {
		*why = "The announcement must be one line of at most 200 characters, "
		    "without control or invisible characters.";
		return ERR_INVALID;
	}
	for (i = 0; text[i] == ' '; i++)
		;
	if (text[i] == '\0') {
		*why = "Write the announcement.";
		return ERR_INVALID;
	}
	return ERR_OK;
}
