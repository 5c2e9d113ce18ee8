/* Hands one message to the system's sendmail interface: the [mail]
 * sendmail command (split at spaces, no shell) with the message on its
 * standard input. Used by `mentorbbs mail run` only, never in a member's
 * session. */
#ifndef SENDMAIL_H
#define SENDMAIL_H
#include <stddef.h>

#define SENDMAIL_ARGS_MAX	16

/* Runs cmd with msg (len bytes) on its stdin and waits for it, at most
 * timeout_s seconds (then it is killed). Returns 0 only when it exited 0:
 * the MTA took the message. ERR_INVALID when cmd is empty or has too many
 * words; ERR_INTERNAL otherwise, with a one-line reason in err (its exit
 * status and the first line it wrote on stderr, or why it could not run). */
int sendmail_run(const char *cmd, const char *msg, size_t len, int timeout_s, char *err,
    size_t errsz);

#endif
