/* The allow-list for a client's "env" requests; see clientenv.h.
 *
 * The values end up in the UI's environment, where libc acts on them
 * (setlocale, tzset) before the sandbox is on, and in a log line. So each
 * is held to a short run of the characters its variable needs, as TERM is
 * (text_term_name): never a control byte, a space, a quote or '='. TZ may
 * name a zone file, so it may not be a path of its own: no leading '/' or
 * ':' and no "..", which keeps glibc inside its zoneinfo directory. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "lib/clientenv.h"
#include "lib/err.h"

/* Characters every value may use: those of a terminfo name. */
#define VALUE_CHARS	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-"

struct allowed {
	const char *name;	/* exact, or a prefix when prefix is true */
	bool prefix;
	const char *extra;	/* characters this variable's values may add */
};

/* The allow-list. LANG and LC_* take locale names ("pt_BR.UTF-8",
 * "ca_ES.UTF-8@valencia"); TZ takes zone names ("America/Sao_Paulo") and
 * POSIX rules ("CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30"). */
static const struct allowed allowed[] = {
	{ "LANG", false, "@" },
	{ "LC_", true, "@" },
	{ "NO_COLOR", false, "" },
	{ "COLORTERM", false, "" },
	{ "TZ", false, "/,:<>" },
};

static bool
lc_suffix_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || *s == '_'))
			return false;
	return true;
}

static const struct allowed *
lookup(const char *name)
{
	size_t len = strlen(name);

	if (len > CLIENTENV_NAME_MAX)
		return NULL;
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		const struct allowed *a = &allowed[i];
		size_t n = strlen(a->name);

		if (!a->prefix && strcmp(name, a->name) == 0)
			return a;
		if (a->prefix && strncmp(name, a->name, n) == 0 && lc_suffix_ok(name + n))
			return a;
	}
	return NULL;
}

static bool
value_ok(const struct allowed *a, const char *v)
{
	size_t len = strlen(v);

	if (len == 0 || len > CLIENTENV_VALUE_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (strchr(VALUE_CHARS, v[i]) == NULL && strchr(a->extra, v[i]) == NULL)
			return false;
	if (strcmp(a->name, "TZ") == 0 && (v[0] == '/' || v[0] == ':' || strstr(v, "..") != NULL))
		return false;
	return true;
}

int
clientenv_check(const char *name, const char *value)
{
	const struct allowed *a;

	if (name == NULL || value == NULL || (a = lookup(name)) == NULL)
		return ERR_DENIED;
	return value_ok(a, value) ? 0 : ERR_INVALID;
}

/* The entry for name, or NULL. */
static char *
find(const struct clientenv *e, const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < e->n; i++)
		if (strncmp(e->entry[i], name, len) == 0 && e->entry[i][len] == '=')
			return (char *)e->entry[i];
	return NULL;
}

int
clientenv_add(struct clientenv *e, const char *name, const char *value)
{
	char *slot;
	int r;

	if ((r = clientenv_check(name, value)) != 0)
		return r;
	if ((slot = find(e, name)) == NULL) {
		if (e->n == CLIENTENV_MAX)
			return ERR_FULL;
		slot = e->entry[e->n++];
	}
	/* Fits: the check bounded both lengths. */
	snprintf(slot, CLIENTENV_ENTRY_SZ, "%s=%s", name, value);
	return 0;
}

const char *
clientenv_get(const struct clientenv *e, const char *name)
{
	const char *entry = find(e, name);

	return entry != NULL ? entry + strlen(name) + 1 : NULL;
}

bool
clientenv_has_locale(const struct clientenv *e)
{
	for (size_t i = 0; i < e->n; i++)
		if (strncmp(e->entry[i], "LANG=", 5) == 0 || strncmp(e->entry[i], "LC_", 3) == 0)
			return true;
	return false;
}
