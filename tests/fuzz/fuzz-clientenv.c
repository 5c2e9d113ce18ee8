/* libFuzzer target for the allow-list of a client's env requests
 * (lib/clientenv.c): every name and value an SSH client sends.
 *
 * The input is name, 0x00, value; further 0x00s split more pairs, all
 * added to one clientenv. Whatever the input: an accepted value is 1-63
 * printable ASCII bytes with no space, quote, backslash or '=', a TZ
 * value is no path, an accepted name is on the list, the kept entries
 * stay within CLIENTENV_MAX, each is "name=value" and clientenv_get finds
 * the last value added for its name. A violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/clientenv.h"
#include "lib/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
name_listed(const char *n)
{
	if (strcmp(n, "LANG") == 0 || strcmp(n, "NO_COLOR") == 0 || strcmp(n, "COLORTERM") == 0 ||
	    strcmp(n, "TZ") == 0)
		return true;
	if (strncmp(n, "LC_", 3) != 0 || n[3] == '\0')
		return false;
	return strspn(n + 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == strlen(n + 3);
}

static void
check_value(const char *name, const char *v)
{
	size_t len = strlen(v);

	if (len == 0 || len > CLIENTENV_VALUE_MAX)
		abort();
	for (size_t i = 0; i < len; i++)
		if (v[i] <= ' ' || v[i] > '~' || strchr("\"'\\=`$;", v[i]) != NULL)
			abort();
	if (strcmp(name, "TZ") == 0 && (v[0] == '/' || v[0] == ':' || strstr(v, "..") != NULL))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char buf[8192 + 2];
	static struct clientenv e;
	char *p = buf, *end;

	if (size > sizeof buf - 2)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	buf[size + 1] = '\0';
	end = buf + size;
	memset(&e, 0, sizeof e);
	while (p < end) {
		char *name = p, *value = p + strlen(p) + 1;
		int r;

		if (value > end)
			value = end;	/* the empty string at buf[size] */
		p = value + strlen(value) + 1;
		r = clientenv_add(&e, name, value);
		if (r == 0) {
			const char *got = clientenv_get(&e, name);

			if (!name_listed(name) || got == NULL || strcmp(got, value) != 0)
				abort();
			check_value(name, value);
		} else if (r != ERR_DENIED && r != ERR_INVALID && r != ERR_FULL) {
			abort();
		} else if (r == ERR_DENIED && name_listed(name) && strlen(name) <= CLIENTENV_NAME_MAX) {
			abort();
		}
		if (e.n > CLIENTENV_MAX)
			abort();
	}
	for (size_t i = 0; i < e.n; i++) {
		char *eq = strchr(e.entry[i], '=');

		if (eq == NULL)
			abort();
		*eq = '\0';
		if (!name_listed(e.entry[i]))
			abort();
		check_value(e.entry[i], eq + 1);
		*eq = '=';
	}
	return 0;
}
