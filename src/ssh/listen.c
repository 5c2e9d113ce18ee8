/* The listener; see listen.h.
 *
 * We make the listening socket ourselves (real backlog, peer address known
 * before any crypto) and hand each accepted socket to a forked session
 * process with ssh_bind_accept_fd. Each child is its own process session, so
 * stopping or restarting the listener never drops live members. A pipe per
 * child tells us when it has authenticated, which is how the caps on
 * unauthenticated connections (total and per address) are kept. */
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
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include "lib/config.h"
#include "lib/err.h"
#include "ssh/hostkey.h"
#include "ssh/listen.h"
#include "lib/log.h"
#include "lib/privdrop.h"
#include "ssh/session.h"
#include "lib/sigevent.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

struct child {
	pid_t pid;
	int notify_fd;		/* read end; -1 once authenticated or gone */
	char addr[INET6_ADDRSTRLEN];
};

struct listener {
	const struct config *cfg;
	char exe[PATH_MAX];
	int fd;
	ssh_bind bind;
	struct child *children;
	size_t nchildren, cap;
};

/* Stops the accept loop; children are left running on purpose. */
static bool
stop_requested(void)
{
	return sigevent_seen(SIGTERM) || sigevent_seen(SIGINT);
}

static int
setup_signals(void)
{
	static const int sigs[] = { SIGCHLD, SIGTERM, SIGINT };

	if (sigevent_open(sigs, sizeof sigs / sizeof sigs[0]) != 0)
		return ERR_INTERNAL;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
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

static size_t
count_unauthenticated(const struct listener *l, const char *addr)
{
	size_t n = 0;

	for (size_t i = 0; i < l->nchildren; i++)
		if (l->children[i].notify_fd >= 0 &&
		    (addr == NULL || strcmp(l->children[i].addr, addr) == 0))
			n++;
	return n;
}

/* Why a new connection from addr must be turned away, or NULL. */
static const char *
over_limit(const struct listener *l, const char *addr)
{
	if (l->nchildren >= (size_t)l->cfg->limits.max_sessions)
		return "too many sessions";
	if (count_unauthenticated(l, NULL) >= (size_t)l->cfg->limits.max_unauthenticated)
		return "too many unauthenticated connections";
	if (count_unauthenticated(l, addr) >=
	    (size_t)l->cfg->limits.max_unauthenticated_per_address)
		return "too many unauthenticated connections from this address";
	return NULL;
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

/* In the new session process: shed everything of the listener's, then run. */
static void __attribute__((noreturn))
run_child(struct listener *l, int conn, int notify_wr, const char *peer)
{
	close(l->fd);
	sigevent_close();
	for (size_t i = 0; i < l->nchildren; i++)
		if (l->children[i].notify_fd >= 0)
			close(l->children[i].notify_fd);
	/* Its own process session: a signal to the listener's group spares it. */
	setsid();
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	_exit(session_run(l->bind, conn, peer, l->cfg, l->exe, notify_wr));
}

static void
accept_one(struct listener *l)
{
	struct sockaddr_storage ss;
	socklen_t sslen = sizeof ss;
	char addr[INET6_ADDRSTRLEN], peer[INET6_ADDRSTRLEN + 16];
	const char *why;
	int conn, port, one = 1, p[2];
	pid_t pid;

	conn = accept4(l->fd, (struct sockaddr *)&ss, &sslen, SOCK_CLOEXEC);
	if (conn < 0) {
		if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
			log_warn("accept: %s", strerror(errno));
		return;
	}
	peer_name(&ss, addr, sizeof addr, &port);
	snprintf(peer, sizeof peer, "%s:%d", addr, port);
	if ((why = over_limit(l, addr)) != NULL) {
		log_warn("refused connection from %s: %s", peer, why);
		close(conn);
		return;
	}
	/* Without it Nagle and delayed ACKs stall every login by ~90 ms. */
	setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(conn, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	if (pipe2(p, O_CLOEXEC) != 0) {
		log_err("pipe: %s", strerror(errno));
		close(conn);
		return;
	}
	log_info("connect from %s", peer);
	if ((pid = fork()) < 0) {
		log_err("fork: %s", strerror(errno));
		close(conn);
		close(p[0]);
		close(p[1]);
		return;
	}
	if (pid == 0) {
		close(p[0]);
		run_child(l, conn, p[1], peer);
	}
	close(conn);
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	if (l->nchildren == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->children = xreallocarray(l->children, l->cap, sizeof *l->children);
	}
	l->children[l->nchildren].pid = pid;
	l->children[l->nchildren].notify_fd = p[0];
	text_copy(l->children[l->nchildren].addr, sizeof l->children[0].addr, addr);
	l->nchildren++;
}

static void
reap_children(struct listener *l)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (size_t i = 0; i < l->nchildren; i++) {
			if (l->children[i].pid != pid)
				continue;
			if (l->children[i].notify_fd >= 0)
				close(l->children[i].notify_fd);
			l->children[i] = l->children[--l->nchildren];
			break;
		}
		if (WIFSIGNALED(status))
			log_warn("session process %d killed by signal %d", (int)pid, WTERMSIG(status));
	}
}

/* A byte or EOF on a child's pipe: it authenticated or went away. */
static void
child_notified(struct child *c)
{
	char b;

	if (read(c->notify_fd, &b, 1) < 0 && errno == EAGAIN)
		return;
	close(c->notify_fd);
	c->notify_fd = -1;
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
			pfd[n++] = (struct pollfd){ .fd = l->children[i].notify_fd, .events = POLLIN };
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_err("poll: %s", strerror(errno));
			break;
		}
		/* Children first: their slots are indexed by position. */
		for (size_t i = 0; i < l->nchildren && i + 2 < n; i++)
			if (pfd[i + 2].fd >= 0 && pfd[i + 2].revents != 0 &&
			    l->children[i].notify_fd == pfd[i + 2].fd)
				child_notified(&l->children[i]);
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
	r = listener_loop(&l);
	log_info("listener stopping; %zu live session(s) keep running", l.nchildren);
	close(l.fd);
	if (r != 0) {
		snprintf(err, errsz, "the accept loop failed");
		r = ERR_INTERNAL;
	}
out:
	ssh_bind_free(l.bind);
	free(l.children);
	ssh_finalize();
	return r;
}
