/* Text screens the sysop edits: screens/<name>.txt (welcome, rules,
 * goodbye, closed, help-<screen>, ...). No curses, so it is unit-testable.
 *
 * A file that is missing, unreadable, not a regular file, larger than
 * SCREENFILE_MAX or not valid UTF-8 is replaced by built-in text, so a
 * broken screens directory never stops a session. */
#ifndef SCREENFILE_H
#define SCREENFILE_H
#include <stdbool.h>
#include <stddef.h>

#define SCREENFILE_MAX		(64 * 1024)	/* bytes read from a file */
#define SCREENFILE_OUT_MAX	(256 * 1024)	/* bytes after substitution */
#define SCREENFILE_NAME_MAX	48

/* Values for {name} {login} {bbs} {online} {date}. NULL strings become "".
 * The result is drawn through the display sanitiser like any member text. */
struct screenfile_vars {
	const char *name;	/* member's display name */
	const char *login;
	const char *bbs;	/* system name */
	const char *date;	/* today, formatted by the caller */
	long online;		/* members online now */
};

/* Text of <dir>/<name>.txt with variables substituted, \r\n made \n and
 * unsafe characters dropped; or the built-in text when the file cannot be
 * used. name must be [a-z0-9-]+ (anything else gets the built-in text).
 * Never returns NULL; the caller frees the result with free(). *from_file,
 * if not NULL, says whether the file was used. */
char *screenfile_load(const char *dir, const char *name,
    const struct screenfile_vars *v, bool *from_file);

/* Built-in text for name: the text for a known screen, a generic help text
 * for an unknown "help-*", an empty string otherwise. Never NULL. */
const char *screenfile_builtin(const char *name);

/* Replaces {name} {login} {bbs} {online} {date} in text; other braces are
 * kept as they are. Output stops at SCREENFILE_OUT_MAX bytes, at a
 * character boundary. Caller frees. */
char *screenfile_subst(const char *text, const struct screenfile_vars *v);

#endif
