/* Time zones by IANA name ("Europe/Berlin"), read from the system's zone
 * database. The UI shows every time in the member's zone: it sets TZ and
 * calls tzset(), and localtime_r does the rest. The database lies outside
 * what the UI sandbox normally reads, so lib/sandbox.c grants TZ_DIR
 * read-only (docs/security.md). */
#ifndef TZ_H
#define TZ_H
#include <stdbool.h>
#include <stddef.h>

#define TZ_DIR		"/usr/share/zoneinfo"
#define TZ_NAME_MAX	64
#define TZ_NAME_SZ	(TZ_NAME_MAX + 1)

/* True if name could be a zone name: 1 to TZ_NAME_MAX characters of
 * letters, digits, '/', '_', '+' and '-', no part empty or starting with
 * '.' or '-', so it never leaves TZ_DIR. No I/O. */
bool tz_name_ok(const char *name);
/* True if name is well formed and TZ_DIR holds a zone file of that name
 * (a TZif file). */
bool tz_known(const char *name);
/* The system's own zone into buf: the name /etc/localtime links to, else
 * "UTC" (what the C library uses without it). */
void tz_system(char *buf, size_t sz);
/* Makes name the zone of every later localtime_r: 0, or ERR_INVALID for
 * a name tz_known refuses (nothing changes). */
int tz_use(const char *name);

#endif
