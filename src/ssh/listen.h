/* The listener: makes the socket, applies the pre-auth limits and forks
 * one session process per connection (ssh/session.c). It never opens the
 * database: `serve` (cli/cli-serve.c) creates and migrates it first. */
#ifndef LISTEN_H
#define LISTEN_H
#include <stddef.h>

struct config;

/* Loads (making if needed) the host keys, listens on cfg->server.listen
 * and .port and accepts until a signal. SIGTERM or SIGINT stops the
 * system: it stops accepting, sends every session it started SIGTERM (the
 * member is told) and returns within 5 s with none left. SIGHUP restarts:
 * it stops accepting and returns at once, live sessions keep running.
 * Returns 0 on a clean stop or restart, ERR_INTERNAL with a sentence in err. */
int listen_run(const struct config *cfg, char *err, size_t errsz);

#endif
