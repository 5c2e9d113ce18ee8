/* The listener: makes the socket, applies the pre-auth limits and forks
 * one session process per connection (ssh/session.c). It never opens the
 * database: `serve` (cli/cli-serve.c) creates and migrates it first. */
#ifndef LISTEN_H
#define LISTEN_H
#include <stddef.h>

struct config;

/* Loads (making if needed) the host keys, listens on cfg->server.listen
 * and .port and accepts until SIGTERM or SIGINT; live sessions keep
 * running after it returns. Returns 0 on a clean stop, ERR_INTERNAL with
 * a sentence in err. */
int listen_run(const struct config *cfg, char *err, size_t errsz);

#endif
