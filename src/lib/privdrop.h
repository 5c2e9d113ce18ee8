/* Giving up root, as OpenSSH's permanently_set_uid: the listener binds its
 * port and loads the host keys as root, then becomes [server] user for
 * good, so every session and UI process it forks runs unprivileged. */
#ifndef PRIVDROP_H
#define PRIVDROP_H
#include <stdbool.h>
#include <stddef.h>

/* When the process runs as root, becomes user: its primary group only (no
 * supplementary groups), real, effective and saved ids alike, and checks
 * that root cannot be regained. Not root: does nothing (*dropped false).
 * Then checks that db, the database file, and its directory are writable
 * (SQLite makes the WAL beside it) by whoever we are now. Returns 0 and
 * *dropped, or with a one-line sentence in err: ERR_NOTFOUND (no such
 * user), ERR_INVALID (the user is root itself), ERR_DENIED (the database
 * is not writable), ERR_INTERNAL (the kernel refused a change). */
int privdrop_daemon(const char *user, const char *db, bool *dropped, char *err,
    size_t errsz);

#endif
