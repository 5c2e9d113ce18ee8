/* libFuzzer target for the HOST date parsers (rules/host.c): host_parse_day
 * on every input and host_parse_blackouts on the same text as a list.
 *
 * Checks: a date is accepted exactly when it is YYYY-MM-DD of a real
 * calendar day in 2000-2199 (an independent calendar here, not the
 * parser's), and host_format_day gives back the same text; a refusal has
 * a reason and leaves the day as it was. An accepted blackout list has at
 * most HOST_BLACKOUTS_MAX ranges, each first <= last within the years,
 * and host_format_blackouts of it parses back to the same ranges; a
 * refused one leaves the list and its count as they were. A violation
 * aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/err.h"
#include "rules/host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define DAY_2000_01_01	10957	/* days since 1970-01-01 */
#define DAY_2199_12_31	84005

static bool
is_leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Whether s is a date host_parse_day must accept, and its day number
 * counted year by year and month by month. */
static bool
real_date(const char *s, int64_t *day)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y = 0, m = 0, d = 0;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (i < 4)
			y = y * 10 + (unsigned)(s[i] - '0');
		else if (i < 7)
			m = m * 10 + (unsigned)(s[i] - '0');
		else
			d = d * 10 + (unsigned)(s[i] - '0');
	}
	if (y < 2000 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && is_leap(y)))
		return false;
	*day = DAY_2000_01_01;
	for (unsigned k = 2000; k < y; k++)
		*day += is_leap(k) ? 366 : 365;
	for (unsigned k = 1; k < m; k++)
		*day += mdays[k - 1] + (k == 2 && is_leap(y));
	*day += d - 1;
	return true;
}

static void
check_day(const char *s)
{
	int64_t day = -777, want = 0;
	const char *why = NULL;
	char back[32];
	int r = host_parse_day(s, &day, &why);

	if (r == 0) {
		if (!real_date(s, &want) || day != want)
			abort();
		host_format_day(back, sizeof back, day);
		if (strcmp(back, s) != 0)
			abort();
	} else if (r != ERR_INVALID || why == NULL || why[0] == '\0' || day != -777 ||
	    real_date(s, &want))
		abort();
}

static void
check_blackouts(const char *s)
{
	static struct host_blackout b[HOST_BLACKOUTS_MAX + 1], again[HOST_BLACKOUTS_MAX + 1];
	static char text[HOST_LONG_SZ * 2];
	const char *why = NULL;
	size_t n = 999, n2 = 999;
	int r;

	memset(b, 0x5a, sizeof b);
	r = host_parse_blackouts(s, b, &n, &why);
	if (r != 0) {
		if (r != ERR_INVALID || why == NULL || why[0] == '\0' || n != 999)
			abort();
		for (size_t i = 0; i < sizeof b; i++)
			if (((unsigned char *)b)[i] != 0x5a)
				abort();
		return;
	}
	if (n > HOST_BLACKOUTS_MAX)
		abort();
	for (size_t i = 0; i < n; i++)
		if (b[i].first > b[i].last || b[i].first < DAY_2000_01_01 ||
		    b[i].last > DAY_2199_12_31)
			abort();
	for (size_t i = n; i < HOST_BLACKOUTS_MAX + 1; i++)
		if (b[i].first != 0x5a5a5a5a5a5a5a5a)
			abort();
	host_format_blackouts(text, sizeof text, b, n);
	if (host_parse_blackouts(text, again, &n2, &why) != 0 || n2 != n ||
	    memcmp(again, b, n * sizeof b[0]) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char s[HOST_LONG_SZ * 2];

	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_day(s);
	check_blackouts(s);
	return 0;
}
