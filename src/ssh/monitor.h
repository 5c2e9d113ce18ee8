/* The per-connection auth monitor, after OpenSSH's privilege separation
 * (README.privsep, monitor.c): the session process forks it before it reads
 * a byte from the network, and from then on the monitor alone holds the
 * database. The network-facing side (libssh key exchange and the auth
 * callbacks) has no database handle: it asks over a socketpair (the
 * messages of monitor-wire.h) whether a password or key is right, and gets
 * a verdict and the member. The monitor also keeps the account protection:
 * per-bucket delays that grow with failures (db-authfail.h), the
 * machine-wide cap on argon2id checks in flight (pwslot.h), and the rehash
 * of an outdated password hash, done only after the answer has been sent.
 *
 * After authentication the session closes its end; the monitor finishes
 * a rehash if one is due and exits. The UI process opens its own database
 * handle after exec, as before. */
#ifndef MONITOR_H
#define MONITOR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "ssh/monitor-wire.h"

struct config;
struct db;

struct monitor {
	pid_t pid;		/* 0 when there is none */
	int fd;			/* our end of the socketpair; -1 once closed */
};

/* Forks the monitor for one connection. The child closes every descriptor
 * but stderr and its end of the socketpair (the SSH socket and the
 * listener's pipe above all), opens the database and serves requests until
 * EOF. Call it before installing signal handlers that write to a
 * descriptor (a self-pipe): the child keeps the handlers, not the pipe.
 * 0 and *out, or ERR_INTERNAL. */
int monitor_start(const struct config *cfg, struct monitor *out);

/* Asks one question and waits for the verdict (a password check may wait
 * for its turn, up to the policy's max_wait). 0 and *ans, or ERR_INTERNAL
 * when the monitor is gone or answered nonsense (then it is closed). */
int monitor_ask(struct monitor *m, const struct monwire_request *req,
    struct monwire_answer *ans);

/* Closes our end: the monitor exits when it has finished (a rehash, say).
 * Idempotent. */
void monitor_close(struct monitor *m);
/* Closes and reaps it; kill ends one still busy (a connection that went
 * away mid-check), else this waits for it to finish. */
void monitor_end(struct monitor *m, bool kill);

/* The address prefix a source is judged by: the IPv4 address, or the IPv6
 * /64 ("2001:db8:1:2::/64"), from "address:port" as the listener writes
 * it (IPv4-mapped IPv6 counts as IPv4). ERR_INVALID if peer is not that. */
int monitor_source_prefix(const char *peer, char *out, size_t outsz);

/* What the monitor process works with. */
struct monitor_ctx {
	struct db *db;
	const struct config *cfg;
	int slot_fd;		/* pwslot file */
};

/* Answers one request (the monitor's work, without the socket): fills
 * *ans; *rehash says a password login's stored hash is outdated, to be
 * replaced with monitor_rehash once the answer is out. */
void monitor_check(struct monitor_ctx *c, const struct monwire_request *req,
    struct monwire_answer *ans, bool *rehash);
void monitor_rehash(struct monitor_ctx *c, int64_t member_id, const char *password);

/* Serves requests on fd until EOF or a malformed request. */
void monitor_serve(struct monitor_ctx *c, int fd);

#endif
