/* The environment a client may set for its UI with SSH "env" requests: an
 * allow-list of names (LANG, LC_*, NO_COLOR, COLORTERM, TZ), each value
 * checked like TERM. Everything else a client sends is refused; nothing of
 * it reaches the UI process (docs/security.md). */
#ifndef CLIENTENV_H
#define CLIENTENV_H
#include <stdbool.h>
#include <stddef.h>

#define CLIENTENV_MAX		16	/* variables kept per connection */
#define CLIENTENV_NAME_MAX	24	/* LC_IDENTIFICATION is 17 */
#define CLIENTENV_VALUE_MAX	63	/* as a TERM name */
#define CLIENTENV_ENTRY_SZ	(CLIENTENV_NAME_MAX + 1 + CLIENTENV_VALUE_MAX + 1)

/* What one connection's client asked for, as "NAME=value" strings ready
 * for execve. Zeroed (memset) it is empty; it owns no memory. */
struct clientenv {
	size_t n;
	char entry[CLIENTENV_MAX][CLIENTENV_ENTRY_SZ];
};

/* 0 when name is on the allow-list and value passes the check for that
 * name; ERR_DENIED for any other name, ERR_INVALID for a value that does
 * not pass (empty, too long, a byte outside the name's characters, a
 * path for TZ). NULL is never allowed. */
int clientenv_check(const char *name, const char *value);

/* Checks name and value (clientenv_check) and keeps "name=value",
 * replacing what an earlier request set for the same name. 0, the check's
 * error, or ERR_FULL when CLIENTENV_MAX other names are already kept. */
int clientenv_add(struct clientenv *e, const char *name, const char *value);

/* The kept value of name, or NULL; points into e. */
const char *clientenv_get(const struct clientenv *e, const char *name);

/* True when e has LANG or any LC_* variable: the member chose a locale. */
bool clientenv_has_locale(const struct clientenv *e);

#endif
