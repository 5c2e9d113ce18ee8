/* libFuzzer target for the settings parsers (lib/config.c): the INI file
 * (config_load_file, through libinih, read from a memory file) and every
 * line of the same input as a --set argument (config_set_arg), which is
 * how the session process hands each setting to the UI process.
 *
 * Checks: a file is taken all or nothing (refused: the settings are as
 * before, with a one-line printable message; the message is ASCII with
 * member-looking values escaped); an accepted file gives settings that
 * each pass the field's own check and make the trip through
 * config_get -> "section.key=value" -> config_set_arg unchanged (a file
 * the daemon accepts can always reach the UI); idle_warn < idle_timeout.
 * A --set refused leaves the settings as they were; one accepted sets
 * again to the same, and what a run of them leaves makes the hand-off
 * too. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lib/config.h"
#include "lib/err.h"
#include "lib/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int memfd = -1;
static char path[64];

/* All settings as "section.key=value" lines, for comparing two configs
 * (their fields may differ past a string's NUL). */
static void
dump(const struct config *c, char *buf, size_t sz)
{
	const char *sec, *key;
	char val[CONFIG_PATH_MAX + 8];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; config_get(c, i, &sec, &key, val, sizeof val) == 0; i++) {
		int n = snprintf(buf + len, sz - len, "%s.%s=%s\n", sec, key, val);

		if (n < 0 || (size_t)n >= sz - len)
			abort();
		len += (size_t)n;
	}
}

static void
assert_message(const char *err, size_t errsz)
{
	if (memchr(err, '\0', errsz) == NULL || err[0] == '\0')
		abort();
	for (const char *p = err; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			abort();
}

/* Every setting of an accepted config goes through --set to a fresh one
 * and comes out the same. */
static void
assert_handoff(const struct config *c)
{
	static struct config ui;
	static char a[CONFIG_SETTINGS_MAX * (CONFIG_ARG_MAX + 2)], b[sizeof a];
	const char *sec, *key;
	char val[CONFIG_PATH_MAX + 8], arg[CONFIG_ARG_MAX + 8], err[256];

	config_defaults(&ui);
	for (size_t i = 0; config_get(c, i, &sec, &key, val, sizeof val) == 0; i++) {
		snprintf(arg, sizeof arg, "%s.%s=%s", sec, key, val);
		if (config_set_arg(&ui, arg, err, sizeof err) != 0)
			abort();
		if (strcmp(key, "name") == 0 || strcmp(key, "db") == 0 || strcmp(key, "keys") == 0 ||
		    strcmp(key, "screens") == 0)
			if (text_check_line(val, SIZE_MAX) != NULL)
				abort();
	}
	dump(c, a, sizeof a);
	dump(&ui, b, sizeof b);
	if (strcmp(a, b) != 0)
		abort();
}

static void
check_file(const uint8_t *data, size_t size)
{
	static struct config c, before;
	char err[512];
	int r;

	if (ftruncate(memfd, 0) != 0 || pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	config_defaults(&c);
	before = c;
	memset(err, 0x5a, sizeof err);
	r = config_load_file(&c, path, err, sizeof err);
	if (r == 0) {
		assert_handoff(&c);
		if (c.session.idle_warn >= c.session.idle_timeout)
			abort();
	} else {
		if (r != ERR_INVALID || memcmp(&before, &c, sizeof c) != 0)
			abort();
		assert_message(err, sizeof err);
	}
}

/* Each line of the input as one --set argument. Unchanged means the same
 * bytes here: a refused value must not have been half written. */
static void
check_set_args(const uint8_t *data, size_t size)
{
	static struct config c, before, again;
	static char arg[CONFIG_ARG_MAX * 4];
	char err[512];
	size_t i = 0;

	config_defaults(&c);
	while (i < size) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t len = nl != NULL ? (size_t)(nl - (data + i)) : size - i;

		if (len < sizeof arg && memchr(data + i, '\0', len) == NULL) {
			memcpy(arg, data + i, len);
			arg[len] = '\0';
			before = c;
			memset(err, 0x5a, sizeof err);
			if (config_set_arg(&c, arg, err, sizeof err) != 0) {
				if (memcmp(&before, &c, sizeof c) != 0)
					abort();
				assert_message(err, sizeof err);
			} else {
				again = c;
				if (config_set_arg(&again, arg, err, sizeof err) != 0 ||
				    memcmp(&again, &c, sizeof c) != 0)
					abort();
			}
		}
		i += len + 1;
	}
	assert_handoff(&c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memfd < 0) {
		if ((memfd = memfd_create("fuzz-config", 0)) < 0)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", memfd);
	}
	check_file(data, size);
	check_set_args(data, size);
	return 0;
}
