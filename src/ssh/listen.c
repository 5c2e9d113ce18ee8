/* The listener; see listen.h.
 *
 * We make the listening socket ourselves (real backlog, peer address known
 * before any crypto) and hand each accepted socket to a forked session
 * process with ssh_bind_accept_fd. Each child is its own process session, so
 * a signal to the listener's process group spares it; SIGTERM (a stop)
 * tells each child to end, SIGHUP (a restart) leaves them running. The
 * pre-auth limits live in ssh/srclimit.c; a socketpair per child
 * (ssh/listen-msg.h) tells us how its connection gets on, and its wait
 * status how it ended, which is what penalties are made of. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include "db/db-penalty.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "lib/err.h"
#include "ssh/hostkey.h"
#include "ssh/listen.h"
#include "ssh/listen-msg.h"
#include "ssh/srclimit.h"
#include "lib/log.h"
#include "lib/sdnotify.h"
#include "lib/privdrop.h"
#include "ssh/session.h"
#include "lib/sigevent.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define LISTEN_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LISTEN_SANITIZED 1
#endif
#endif
#ifndef LISTEN_SANITIZED
#define LISTEN_SANITIZED 0
#endif

struct child {
	pid_t pid;
	int fd;			/* our end of its socketpair; -1 once it closed */
	int sl;			/* its id in the srclimit */
	double started;		/* monotonic seconds */
};

struct listener {
	const struct config *cfg;
	char exe[PATH_MAX];
	int fd;
	ssh_bind bind;
	struct srclimit *limits;
	struct db_penalty *penalties;	/* NULL when the store could not open */
	struct child *children;
	size_t nchildren, cap;
};

/* How long a stop waits for the sessions to say goodbye before it kills
 * what is left: members are told and everything is gone within 5 s. */
#define STOP_GRACE_MS	4000

/* SIGTERM or SIGINT stops the system (every session is told and ends);
 * SIGHUP only restarts the listener (live sessions keep running). */
static bool
stop_requested(void)
{
	return sigevent_seen(SIGTERM) || sigevent_seen(SIGINT) || sigevent_seen(SIGHUP);
}

static bool
restart_only(void)
{
	return sigevent_seen(SIGHUP) && !sigevent_seen(SIGTERM) && !sigevent_seen(SIGINT);
}

static int
setup_signals(void)
{
	static const int sigs[] = { SIGCHLD, SIGTERM, SIGINT, SIGHUP };

	if (sigevent_open(sigs, sizeof sigs / sizeof sigs[0]) != 0)
		return ERR_INTERNAL;
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

/* The listening socket (a descriptor), or -1 with a sentence in err. */
static int
open_listen_socket(const char *addr, int port, char *err, size_t errsz)
{
	struct addrinfo hints, *res = NULL;
	char portstr[16];
	int fd = -1, one = 1, r;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
	snprintf(portstr, sizeof portstr, "%d", port);
	if ((r = getaddrinfo(addr, portstr, &hints, &res)) != 0) {
		snprintf(err, errsz, "bad listen address '%s': %s", addr, gai_strerror(r));
		return -1;
	}
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, res->ai_addr, res->ai_addrlen) != 0 ||
	    listen(fd, 128) != 0) {
		snprintf(err, errsz, "cannot listen on %s port %d: %s", addr, port, strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	return fd;
}

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Penalties outlive the process, so they run on the wall clock. */
static double
wall_now(void *ud)
{
	struct timespec ts;

	(void)ud;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint32_t
random_below(void *ud, uint32_t bound)
{
	uint32_t v;

	(void)ud;
	crypto_random(&v, sizeof v);
	return bound == 0 ? 0 : v % bound;	/* bias under 1e-7 for bound 100 */
}

static void
save_penalty(void *ud, const struct srclimit_addr *src, double expiry, bool active,
    const char *reason)
{
	struct listener *l = ud;
	char a[SRCLIMIT_ADDR_STR];

	if (l->penalties == NULL)
		return;
	srclimit_addr_str(src, a, sizeof a);
	if (db_penalty_save(l->penalties, a, expiry, active, reason, wall_now(NULL)) != 0)
		log_warn("penalty for %s kept in memory only", a);
}

static void
restore_penalty(void *ud, const char *source, double expiry, bool active, const char *reason)
{
	struct listener *l = ud;
	struct srclimit_addr a;

	if (srclimit_addr_parse(source, &a) == 0)
		srclimit_restore(l->limits, &a, expiry, active, reason);
}

static void
limits_open(struct listener *l)
{
	const struct config *cfg = l->cfg;
	const struct srclimit_conf conf = {
		.startups_begin = cfg->limits.max_startups.begin,
		.startups_rate = cfg->limits.max_startups.rate,
		.startups_full = cfg->limits.max_startups.full,
		.per_source = cfg->limits.per_source_max_startups,
		.prefix4 = cfg->limits.per_source_prefix4,
		.prefix6 = cfg->limits.per_source_prefix6,
		.penalty_authfail = cfg->limits.penalty_authfail,
		.penalty_noauth = cfg->limits.penalty_noauth,
		.penalty_grace = cfg->limits.penalty_grace,
		.penalty_crash = cfg->limits.penalty_crash,
		.penalty_min = cfg->limits.penalty_min,
		.penalty_max = cfg->limits.penalty_max,
		.penalty_sources = cfg->limits.penalty_sources,
		.signups = cfg->limits.signups,
		.signups_per_source = cfg->limits.signups_per_source,
		.signups_per_hour = cfg->limits.signups_per_hour,
		.sessions_per_member = cfg->limits.sessions_per_member,
		.max_sessions = cfg->limits.max_sessions,
	};
	const struct srclimit_env env = { wall_now, random_below, save_penalty, l };
	char path[CONFIG_PATH_MAX + 16], err[512];

	l->limits = srclimit_new(&conf, &env);
	config_penalty_db(cfg, path, sizeof path);
	/* Without the store the limits still hold; only a restart forgets. */
	if (db_penalty_open(path, &l->penalties, err, sizeof err) != 0) {
		log_err("%s; penalties are kept in memory only", err);
		return;
	}
	if (db_penalty_load(l->penalties, wall_now(NULL), restore_penalty, l) == 0 &&
	    srclimit_penalties(l->limits) > 0)
		log_info("%zu penalised source(s) restored from %s",
		    srclimit_penalties(l->limits), path);
}

static void
peer_name(const struct sockaddr_storage *ss, char *addr, size_t addrsz, int *port)
{
	addr[0] = '\0';
	*port = 0;
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)ss;

		inet_ntop(AF_INET, &in->sin_addr, addr, (socklen_t)addrsz);
		*port = ntohs(in->sin_port);
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)ss;

		inet_ntop(AF_INET6, &in6->sin6_addr, addr, (socklen_t)addrsz);
		*port = ntohs(in6->sin6_port);
	}
}

/* Closes every descriptor from 3 up but the two kept (the penalty store's
 * above all: a SQLite handle never crosses fork into use). */
static void
close_all_but(int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;

	close_range(3, (unsigned)lo - 1, 0);
	if (hi > lo + 1)
		close_range((unsigned)lo + 1, (unsigned)hi - 1, 0);
	close_range((unsigned)hi + 1, ~0U, 0);
}

/* No core dumps (they would hold keys and passwords), bounded descriptors
 * and address space for the session process and, inherited across exec,
 * its UI. Under AddressSanitizer, which reserves terabytes of address
 * space for its shadow, the address-space cap is left off. */
static void
limit_process(const struct config *cfg)
{
	struct rlimit core = { 0, 0 };
	struct rlimit files = { (rlim_t)cfg->limits.open_files, (rlim_t)cfg->limits.open_files };
	struct rlimit as = { (rlim_t)cfg->limits.process_memory << 20,
	    (rlim_t)cfg->limits.process_memory << 20 };

	if (setrlimit(RLIMIT_CORE, &core) != 0 || setrlimit(RLIMIT_NOFILE, &files) != 0)
		log_warn("setrlimit: %s", strerror(errno));
	if (!LISTEN_SANITIZED && setrlimit(RLIMIT_AS, &as) != 0)
		log_warn("setrlimit(RLIMIT_AS): %s", strerror(errno));
}

/* In the new session process: shed everything of the listener's, then run. */
static void __attribute__((noreturn))
run_child(struct listener *l, int conn, int notify, const char *peer)
{
	sigevent_close();
	close_all_but(conn, notify);
	/* Its own process session: a signal to the listener's group spares it. */
	setsid();
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	limit_process(l->cfg);
	_exit(session_run(l->bind, conn, peer, l->cfg, l->exe, notify));
}

static void
add_child(struct listener *l, pid_t pid, int fd, int sl)
{
	if (l->nchildren == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->children = xreallocarray(l->children, l->cap, sizeof *l->children);
	}
	l->children[l->nchildren++] = (struct child){ pid, fd, sl, mono_now() };
}

static void
accept_one(struct listener *l)
{
	struct sockaddr_storage ss;
	socklen_t sslen = sizeof ss;
	struct srclimit_addr src;
	char addr[INET6_ADDRSTRLEN], peer[INET6_ADDRSTRLEN + 16], prefix[SRCLIMIT_ADDR_STR];
	const char *why;
	int conn, port, one = 1, sp[2], sl;
	pid_t pid;

	conn = accept4(l->fd, (struct sockaddr *)&ss, &sslen, SOCK_CLOEXEC);
	if (conn < 0) {
		if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
			log_warn("accept: %s", strerror(errno));
		return;
	}
	peer_name(&ss, addr, sizeof addr, &port);
	snprintf(peer, sizeof peer, "%s:%d", addr, port);
	if (srclimit_source(l->limits, (struct sockaddr *)&ss, &src) != 0) {
		close(conn);
		return;
	}
	if (srclimit_admit(l->limits, &src, &sl, &why) != 0) {
		log_warn("refused connection from %s (%s): %s", peer,
		    srclimit_addr_str(&src, prefix, sizeof prefix), why);
		close(conn);
		return;
	}
	/* Without it Nagle and delayed ACKs stall every login by ~90 ms. */
	setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(conn, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) != 0) {
		log_err("socketpair: %s", strerror(errno));
		srclimit_done(l->limits, sl, SRCLIMIT_END_NOAUTH);
		close(conn);
		return;
	}
	log_info("connect from %s", peer);
	if ((pid = fork()) < 0) {
		log_err("fork: %s", strerror(errno));
		close(conn);
		close(sp[0]);
		close(sp[1]);
		srclimit_done(l->limits, sl, SRCLIMIT_END_NOAUTH);
		return;
	}
	if (pid == 0) {
		close(sp[0]);
		run_child(l, conn, sp[1], peer);
	}
	close(conn);
	close(sp[1]);
	add_child(l, pid, sp[0], sl);
}

/* How a connection that was still starting up ended, from its wait status
 * and age: a signal is a crash, running out of login_grace (the alarm
 * exits with 1) is a grace overrun; srclimit tells authfail from noauth. */
static enum srclimit_end
how_ended(const struct listener *l, const struct child *c, int status)
{
	if (WIFSIGNALED(status))
		return SRCLIMIT_END_CRASH;
	if (mono_now() - c->started >= l->cfg->limits.login_grace - 0.5)
		return SRCLIMIT_END_GRACE;
	return SRCLIMIT_END_NOAUTH;
}

static void
reap_children(struct listener *l)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (size_t i = 0; i < l->nchildren; i++) {
			struct child *c = &l->children[i];

			if (c->pid != pid)
				continue;
			srclimit_done(l->limits, c->sl, how_ended(l, c, status));
			if (c->fd >= 0)
				close(c->fd);
			*c = l->children[--l->nchildren];
			break;
		}
		if (WIFSIGNALED(status))
			log_warn("session process %d killed by signal %d", (int)pid, WTERMSIG(status));
	}
}

/* One message from a child: how its connection gets on (listen-msg.h). */
static void
child_message(struct listener *l, struct child *c, enum listen_msg type, int64_t id)
{
	char sentence[LISTEN_MSG_WHY_MAX];
	const char *why = NULL;

	switch (type) {
	case LISTEN_MSG_AUTHFAIL:
		srclimit_authfail(l->limits, c->sl);
		return;
	case LISTEN_MSG_MEMBER:
		if (srclimit_member(l->limits, c->sl, id) != 0) {
			snprintf(sentence, sizeof sentence, "You have %d sessions open already, "
			    "the most one member may have. Close one and log in again.",
			    l->cfg->limits.sessions_per_member);
			why = sentence;
			log_info("session %d refused: member %lld has %d sessions", (int)c->pid,
			    (long long)id, l->cfg->limits.sessions_per_member);
		}
		listen_msg_answer(c->fd, why);
		return;
	case LISTEN_MSG_SIGNUP:
		if (srclimit_signup(l->limits, c->sl, &why) != 0)
			log_info("sign-up %d refused: %s", (int)c->pid, why);
		listen_msg_answer(c->fd, why);
		return;
	case LISTEN_MSG_SIGNUP_DONE:
		srclimit_signup_done(l->limits, c->sl, id);
		return;
	}
	log_warn("session %d sent an unknown message", (int)c->pid);
}

/* Messages or EOF on a child's socket. */
static void
child_readable(struct listener *l, struct child *c)
{
	enum listen_msg type;
	int64_t id;
	int r;

	while ((r = listen_msg_read(c->fd, &type, &id)) != ERR_BUSY) {
		if (r == ERR_NOTFOUND) {
			close(c->fd);
			c->fd = -1;
			return;
		}
		if (r == 0)
			child_message(l, c, type, id);
	}
}

/* The stop path: every session this listener started gets SIGTERM (its UI
 * tells the member "The system is shutting down." and exits, the session
 * closes the channel), then what is still there after STOP_GRACE_MS is
 * killed. Returns with no child left. */
static void
end_sessions(struct listener *l)
{
	struct timespec t0, now;
	size_t told = l->nchildren;

	for (size_t i = 0; i < l->nchildren; i++)
		kill(l->children[i].pid, SIGTERM);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd pfd = { .fd = sigevent_fd(), .events = POLLIN };
		long ms;

		reap_children(l);
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
		if (l->nchildren == 0 || ms >= STOP_GRACE_MS)
			break;
		if (poll(&pfd, 1, (int)(STOP_GRACE_MS - ms)) > 0)
			sigevent_drain();
	}
	if (l->nchildren > 0)
		log_warn("%zu session(s) did not end in time; killing them", l->nchildren);
	for (size_t i = 0; i < l->nchildren; i++) {
		kill(l->children[i].pid, SIGKILL);
		waitpid(l->children[i].pid, NULL, 0);
	}
	log_info("stopped: %zu session(s) told to end", told);
}

static int
listener_loop(struct listener *l)
{
	struct pollfd *pfd = NULL;
	size_t pcap = 0;

	while (!stop_requested()) {
		size_t n = 0;

		if (pcap < l->nchildren + 2) {
			pcap = l->nchildren + 16;
			pfd = xreallocarray(pfd, pcap, sizeof *pfd);
		}
		pfd[n++] = (struct pollfd){ .fd = sigevent_fd(), .events = POLLIN };
		pfd[n++] = (struct pollfd){ .fd = l->fd, .events = POLLIN };
		for (size_t i = 0; i < l->nchildren; i++)
			pfd[n++] = (struct pollfd){ .fd = l->children[i].fd, .events = POLLIN };
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_err("poll: %s", strerror(errno));
			break;
		}
		/* Children first: their slots are indexed by position. */
		for (size_t i = 0; i < l->nchildren && i + 2 < n; i++)
			if (pfd[i + 2].fd >= 0 && pfd[i + 2].revents != 0 &&
			    l->children[i].fd == pfd[i + 2].fd)
				child_readable(l, &l->children[i]);
		if (pfd[0].revents & POLLIN) {
			sigevent_drain();
			reap_children(l);
		}
		if (pfd[1].revents & POLLIN)
			accept_one(l);
	}
	free(pfd);
	return 0;
}

int
listen_run(const struct config *cfg, char *err, size_t errsz)
{
	struct listener l;
	ssize_t n;
	int r, rsa_min = 2048;
	bool dropped = false;

	memset(&l, 0, sizeof l);
	l.cfg = cfg;
	if ((n = readlink("/proc/self/exe", l.exe, sizeof l.exe - 1)) <= 0) {
		snprintf(err, errsz, "cannot find my own executable: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	l.exe[n] = '\0';
	if (crypto_init() != 0) {
		snprintf(err, errsz, "cannot initialise libsodium");
		return ERR_INTERNAL;
	}
	if (hostkey_ensure(cfg->server.keys, err, errsz) != 0)
		return ERR_INTERNAL;
	if (setup_signals() != 0) {
		snprintf(err, errsz, "cannot set up signals: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	ssh_init();
	if ((l.bind = ssh_bind_new()) == NULL) {
		snprintf(err, errsz, "ssh_bind_new failed");
		return ERR_INTERNAL;
	}
	r = ERR_INTERNAL;
	if (hostkey_load(l.bind, cfg->server.keys, err, errsz) != 0)
		goto out;
	if (ssh_bind_options_set(l.bind, SSH_BIND_OPTIONS_RSA_MIN_SIZE, &rsa_min) != SSH_OK) {
		snprintf(err, errsz, "cannot set the minimum RSA key size");
		goto out;
	}
	if ((l.fd = open_listen_socket(cfg->server.listen, cfg->server.port, err, errsz)) < 0)
		goto out;
	/* Bound and keys in memory: root is no longer needed, by anyone. */
	if (privdrop_daemon(cfg->server.user, cfg->server.db, &dropped, err, errsz) != 0) {
		close(l.fd);
		goto out;
	}
	if (dropped)
		log_info("running as user %s (uid %u)", cfg->server.user, (unsigned)getuid());
	log_info("listening on %s port %d (db %s, registration %s as '%s')", cfg->server.listen,
	    cfg->server.port, cfg->server.db, config_reg_mode_name(cfg->registration.mode),
	    cfg->registration.login);
	limits_open(&l);
	/* Bound, keys loaded, privileges dropped: systemd may call us started. */
	if (sdnotify("READY=1\nSTATUS=Accepting connections") != 0)
		log_warn("cannot tell systemd we are ready (NOTIFY_SOCKET)");
	r = listener_loop(&l);
	/* Stop accepting first, whichever way we go. */
	close(l.fd);
	if (restart_only()) {
		log_info("listener restarting (SIGHUP); %zu live session(s) keep running",
		    l.nchildren);
	} else {
		(void)sdnotify("STOPPING=1\nSTATUS=Ending the sessions");
		log_info("stopping: telling %zu live session(s) to end", l.nchildren);
		end_sessions(&l);
	}
	if (r != 0) {
		snprintf(err, errsz, "the accept loop failed");
		r = ERR_INTERNAL;
	}
out:
	ssh_bind_free(l.bind);
	for (size_t i = 0; i < l.nchildren; i++)
		if (l.children[i].fd >= 0)
			close(l.children[i].fd);
	free(l.children);
	srclimit_free(l.limits);
	db_penalty_close(l.penalties);
	ssh_finalize();
	return r;
}
