/* The UI process's sandbox: PR_SET_NO_NEW_PRIVS, Landlock where the kernel
 * has it, and a seccomp allow-list. The UI parses everything a member
 * types, so it is the process an attacker reaches first; once sandboxed it
 * can touch only the database directory (read-write), the screens
 * directory and the zone database (read-only), cannot exec, open a socket or trace anything, and
 * dies (SIGSYS) on any system call outside the list. This is the only file
 * that includes <seccomp.h> and the Landlock header. */
#ifndef SANDBOX_H
#define SANDBOX_H
#include <stdbool.h>
#include <stddef.h>

struct sandbox_paths {
	const char *db;		/* the database file (already open) */
	const char *screens;	/* sysop text screens, read-only */
	const char *keys;	/* host keys: must not lie inside either */
};

/* Before the database is opened: SQLite's temporary files go to the
 * database directory, the one place the sandbox lets it create files.
 * Returns 0, or ERR_INVALID with a sentence in err. */
int sandbox_prepare(const char *db_path, char *err, size_t errsz);

/* Applies the sandbox to the calling process, for good. Everything the UI
 * needs from the file system (terminal, terminfo, locale, the database and
 * its WAL) must be open already. Returns 0, or ERR_INVALID (the keys lie
 * inside a directory the UI may use) or ERR_INTERNAL (the kernel refused
 * no_new_privs or the filter), with a sentence in err; a kernel without
 * Landlock is logged once and not an error. *landlocked (may be NULL) says
 * whether Landlock is in force. */
int sandbox_apply(const struct sandbox_paths *p, bool *landlocked, char *err,
    size_t errsz);

#endif
