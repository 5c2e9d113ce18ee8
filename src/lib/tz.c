/* Time zones by name; see tz.h. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/err.h"
#include "lib/text.h"
#include "lib/tz.h"

bool
tz_name_ok(const char *name)
{
	size_t len, part = 0;

	if (name == NULL || (len = strlen(name)) == 0 || len > TZ_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char ch = name[i];

		if (ch == '/') {
			if (part == 0)
				return false;
			part = 0;
			continue;
		}
		if (part == 0 && (ch == '.' || ch == '-'))
			return false;
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || ch == '_' || ch == '+' || ch == '-'))
			return false;
		part++;
	}
	return part > 0;
}

bool
tz_known(const char *name)
{
	char path[sizeof TZ_DIR + TZ_NAME_SZ + 1], magic[4];
	bool ok;
	int fd;

	if (!tz_name_ok(name))
		return false;
	snprintf(path, sizeof path, "%s/%s", TZ_DIR, name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	ok = read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	    memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/* Debian names the zone in /etc/timezone too, for a /etc/localtime that
 * is a copy rather than a link (containers). */
static bool
etc_timezone(char *buf, size_t sz)
{
	char line[TZ_NAME_SZ + 2];
	FILE *f = fopen("/etc/timezone", "re");
	bool ok = false;

	if (f == NULL)
		return false;
	if (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		ok = tz_known(line) && text_copy(buf, sz, line);
	}
	fclose(f);
	return ok;
}

void
tz_system(char *buf, size_t sz)
{
	char link[PATH_MAX];
	const char *p;
	ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);

	if (n > 0) {
		link[n] = '\0';
		/* ".../zoneinfo/Europe/Berlin", absolute or relative. */
		if ((p = strstr(link, "zoneinfo/")) != NULL && tz_known(p + 9) &&
		    text_copy(buf, sz, p + 9))
			return;
	}
	if (etc_timezone(buf, sz))
		return;
	text_copy(buf, sz, "UTC");
}

int
tz_use(const char *name)
{
	if (!tz_known(name))
		return ERR_INVALID;
	if (setenv("TZ", name, 1) != 0)
		return ERR_INTERNAL;
	tzset();
	return 0;
}
