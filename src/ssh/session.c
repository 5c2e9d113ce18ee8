/* One connection in its own process; see session.h.
 *
 * Phases: key exchange and authentication under a hard login deadline
 * (alarm), then the channel requests up to "shell", then the pump between
 * the channel and the UI process until one side ends. Signals only set flags
 * or write to a self-pipe the event loop watches. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/err.h"
#include "lib/log.h"
#include "ssh/pty.h"
#include "ssh/session.h"
#include "lib/sigevent.h"
#include "ssh/ssh-auth.h"
#include "ssh/ssh-chan.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

static void
on_alarm(int sig)
{
	static const char msg[] = "session: login grace time over, disconnecting\n";

	(void)sig;
	/* The pre-auth deadline: nothing to clean up that exit would not. */
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nothing to do */
	}
	_exit(1);
}

static bool
got_term(void)
{
	return sigevent_seen(SIGTERM) || sigevent_seen(SIGHUP);
}

static int
drain_sig_pipe(socket_t fd, int revents, void *ud)
{
	(void)fd;
	(void)revents;
	(void)ud;
	sigevent_drain();
	return 0;
}

static int
setup_signals(void)
{
	static const int sigs[] = { SIGCHLD, SIGTERM, SIGHUP };
	struct sigaction sa;

	if (sigevent_open(sigs, sizeof sigs / sizeof sigs[0]) != 0)
		return ERR_INTERNAL;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	return 0;
}

static double
elapsed(const struct session *s)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - s->started.tv_sec) +
	    (double)(now.tv_nsec - s->started.tv_nsec) / 1e9;
}

/* True when the pump must stop now. SIGTERM means the system is stopping:
 * the UI is told once (it says so to the member and exits) and the pump
 * goes on, so its last words reach the client, for up to 2 s (a UI stuck
 * behind a database lock then gets SIGHUP and, 1 s later, SIGKILL: the
 * whole stop fits in the listener's 4 s). SIGHUP ends the session at once. */
static bool
stop_told(struct session *s, double *told_at)
{
	if (sigevent_seen(SIGHUP))
		return true;
	if (!sigevent_seen(SIGTERM))
		return false;
	if (*told_at < 0) {
		kill(-s->ui_pid, SIGTERM);
		kill(s->ui_pid, SIGTERM);
		*told_at = elapsed(s);
	}
	return elapsed(s) - *told_at > 2.0;
}

/* Runs the event loop until done() says so (true), or the client goes,
 * we are told to stop or auth tries run out (false). */
static bool
loop_until(struct session *s, bool (*done)(const struct session *))
{
	while (!done(s)) {
		if (got_term() || s->client_gone || !ssh_is_connected(s->ssh))
			return false;
		if (ssh_event_dopoll(s->event, 1000) == SSH_ERROR && !ssh_is_connected(s->ssh))
			return false;
		if (s->auth_dropped)
			return false;
		if (!s->authenticated && s->auth_attempts >= s->cfg->limits.max_auth_tries) {
			log_warn("too many authentication attempts from %s", s->peer);
			ssh_session_set_disconnect_message(s->ssh, "Too many authentication failures");
			return false;
		}
	}
	return true;
}

static bool
channel_ready(const struct session *s)
{
	return s->authenticated && s->chan != NULL && (s->shell_requested || s->exec_requested);
}

static void
ui_reap(struct session *s, int options)
{
	int status;

	if (s->ui_exited || s->ui_pid <= 0)
		return;
	if (waitpid(s->ui_pid, &status, options) == s->ui_pid) {
		s->ui_exited = true;
		s->ui_status = status;
	}
}

static bool
ui_done(const struct session *s)
{
	/* The UI's last screen is still in the pty after it exits: drain first. */
	return s->pty_eof && s->to_pty_len == 0;
}

/* Every setting goes to the UI as "--set section.key=value": the UI reads
 * no config file, so it sees exactly what this daemon was started with. */
static size_t
add_settings(const struct config *cfg, char **argv, size_t n, char (*buf)[CONFIG_ARG_MAX])
{
	const char *section, *key;
	char val[CONFIG_PATH_MAX];

	for (size_t i = 0; config_get(cfg, i, &section, &key, val, sizeof val) == 0; i++) {
		if (i >= CONFIG_SETTINGS_MAX)
			fatal("more settings than CONFIG_SETTINGS_MAX");
		snprintf(buf[i], CONFIG_ARG_MAX, "%s.%s=%s", section, key, val);
		argv[n++] = (char *)"--set";
		argv[n++] = buf[i];
	}
	return n;
}

/* The registration UI writes the new member's id here (ui_report_member);
 * the listener then counts the connection as that member's session. */
static int
on_signup_report(socket_t fd, int revents, void *ud)
{
	struct session *s = ud;
	char login[MEMBER_LOGIN_SZ];

	(void)revents;
	if (listen_msg_relay_member(fd, s->notify_fd, login, sizeof login) == 0) {
		s->signup_done = true;
		/* From now on the session's lines name the new member. */
		log_info("signed up: user=%s peer=%s", login, s->peer);
		snprintf(s->login, sizeof s->login, "%s", login);
	}
	ssh_event_remove_fd(s->event, fd);
	close(s->report_fd);
	s->report_fd = -1;
	return 0;
}

static int
signup_report_open(struct session *s, int *wr)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC) != 0)
		return ERR_INTERNAL;
	if (ssh_event_add_fd(s->event, p[0], POLLIN, on_signup_report, s) != SSH_OK) {
		close(p[0]);
		close(p[1]);
		return ERR_INTERNAL;
	}
	s->report_fd = p[0];
	*wr = p[1];
	return 0;
}

/* Seconds since the client last sent a byte. */
static double
idle_for(const struct session *s)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - s->last_input.tv_sec) +
	    (double)(now.tv_nsec - s->last_input.tv_nsec) / 1e9;
}

/* A sign-up holds a pre-auth slot: it gets [limits] signup_idle, not the
 * members' idle timeout, until the new member exists. */
static bool
signup_idle(struct session *s)
{
	if (!s->registration || s->signup_done || idle_for(s) < s->cfg->limits.signup_idle)
		return false;
	log_info("sign-up from %s idle for %d s: closing", s->peer, s->cfg->limits.signup_idle);
	ssh_chan_say(s, "\r\n\r\nThe sign-up was idle too long. Connect again to start over.\r\n");
	return true;
}

/* The UI's whole environment: TERM from pty-req, PATH, and what the
 * client's env requests set (ssh-chan.c), nothing else. The locale is
 * C.UTF-8 unless the member chose one (LC_ALL=C.UTF-8 would hide it);
 * the UI falls back to C.UTF-8 itself when theirs is missing or not
 * UTF-8 (ui-term.c). env has room for 4 + CLIENTENV_MAX + 1 pointers. */
static void
ui_env(struct session *s, char *termenv, char **env)
{
	size_t n = 0;

	env[n++] = termenv;
	env[n++] = (char *)"PATH=/usr/bin:/bin";
	if (clientenv_get(&s->env, "LANG") == NULL)
		env[n++] = (char *)"LANG=C.UTF-8";
	if (!clientenv_has_locale(&s->env))
		env[n++] = (char *)"LC_ALL=C.UTF-8";
	for (size_t i = 0; i < s->env.n; i++)
		env[n++] = s->env.entry[i];
	env[n] = NULL;
}

/* "NAME,NAME" of the client's variables for the log line ("-" for none):
 * names only, the values are the member's business. */
static const char *
env_names(const struct session *s, char *buf, size_t bufsz)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < s->env.n && len + 1 < bufsz; i++) {
		size_t name = strcspn(s->env.entry[i], "=");
		int w = snprintf(buf + len, bufsz - len, "%s%.*s", i > 0 ? "," : "", (int)name,
		    s->env.entry[i]);

		if (w < 0 || (size_t)w >= bufsz - len)
			break;
		len += (size_t)w;
	}
	return len > 0 ? buf : "-";
}

static int
spawn_ui(struct session *s)
{
	static char settings[CONFIG_SETTINGS_MAX][CONFIG_ARG_MAX];
	char uid[32];
	const char *term = s->term[0] != '\0' ? s->term : "vt100";
	char termenv[80];
	char *argv[2 * CONFIG_SETTINGS_MAX + 16];
	char *env[4 + CLIENTENV_MAX + 1];
	size_t n = 0;
	int report_wr = -1, r;

	snprintf(termenv, sizeof termenv, "TERM=%s", term);
	ui_env(s, termenv, env);
	snprintf(uid, sizeof uid, "%lld", (long long)s->user_id);
	argv[n++] = (char *)"mentorbbs";
	argv[n++] = (char *)"ui";
	argv[n++] = (char *)"--user-id"; argv[n++] = uid;
	n = add_settings(s->cfg, argv, n, settings);
	argv[n++] = (char *)"--term"; argv[n++] = (char *)term;
	argv[n++] = (char *)"--peer"; argv[n++] = s->peer;
	if (s->registration && s->key_b64 != NULL) {
		argv[n++] = (char *)"--key-type"; argv[n++] = s->key_type;
		argv[n++] = (char *)"--key"; argv[n++] = s->key_b64;
	}
	if (s->registration && signup_report_open(s, &report_wr) == 0) {
		argv[n++] = (char *)"--report-fd"; argv[n++] = (char *)PTY_REPORT_FD_ARG;
	}
	argv[n] = NULL;
	r = pty_spawn(s->exe, argv, env, s->cols, s->rows, s->log_fd, report_wr, &s->pty_fd,
	    &s->ui_pid);
	if (report_wr >= 0)
		close(report_wr);
	if (r != 0) {
		log_err("cannot start the UI: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	return 0;
}

/* Refuses the channel politely: the member reads why before it closes. */
static int
refuse_channel(struct session *s, const char *msg, const char *why)
{
	log_info("session refused for %s from %s: %s", s->login, s->peer, why);
	ssh_chan_say(s, msg);
	ssh_chan_finish(s, 1);
	return 1;
}

static int
run_ui(struct session *s)
{
	char names[CLIENTENV_MAX * (CLIENTENV_NAME_MAX + 1) + 1];
	double t0, told_at = -1;

	if (spawn_ui(s) != 0)
		return refuse_channel(s, "mentorbbs: the session could not start; please try again later.\r\n",
		    "spawn failed");
	log_info("session start: user=%s pid=%d peer=%s term=%s size=%dx%d env=%s", s->login,
	    (int)s->ui_pid, s->peer, s->term, s->cols, s->rows,
	    env_names(s, names, sizeof names));
	if (!ssh_chan_pump_start(s))
		s->pty_eof = true;
	clock_gettime(CLOCK_MONOTONIC, &s->last_input);
	while (!ui_done(s)) {
		if (stop_told(s, &told_at) || s->client_gone || !ssh_is_connected(s->ssh) ||
		    signup_idle(s))
			break;
		ssh_chan_pump_update(s);
		if (ssh_event_dopoll(s->event, 1000) == SSH_ERROR && !ssh_is_connected(s->ssh))
			break;
		ui_reap(s, WNOHANG);
	}
	if (!ui_done(s)) {
		/* The client went away (or we were told to stop): end the UI. */
		kill(-s->ui_pid, SIGHUP);
		kill(s->ui_pid, SIGHUP);
	}
	t0 = elapsed(s);
	while (!s->ui_exited && elapsed(s) - t0 < (told_at >= 0 ? 1.0 : 3.0)) {
		ui_reap(s, WNOHANG);
		if (!s->ui_exited)
			usleep(20000);
	}
	if (!s->ui_exited) {
		kill(-s->ui_pid, SIGKILL);
		kill(s->ui_pid, SIGKILL);
		ui_reap(s, 0);
	}
	if (s->pty_events != 0)
		ssh_event_remove_fd(s->event, s->pty_fd);
	close(s->pty_fd);
	s->pty_fd = -1;
	if (!s->client_gone)
		ssh_chan_finish(s, WIFEXITED(s->ui_status) ? WEXITSTATUS(s->ui_status) : 1);
	return 0;
}

static int
serve_channel(struct session *s)
{
	if (s->exec_requested)
		return refuse_channel(s,
		    "mentorbbs offers an interactive session only: connect without a command.\r\n",
		    "exec request");
	if (!s->have_pty)
		return refuse_channel(s,
		    "mentorbbs needs a terminal: connect with ssh -t.\r\n", "no pty");
	if (!s->registration && s->status == STATUS_SUSPENDED)
		return refuse_channel(s,
		    "\r\nYour account is suspended. Please contact the sysop.\r\n\r\n", "suspended");
	if (s->refused[0] != '\0') {
		char msg[sizeof s->refused + 8];

		snprintf(msg, sizeof msg, "\r\n%s\r\n\r\n", s->refused);
		return refuse_channel(s, msg, "refused by the listener");
	}
	return run_ui(s);
}

static void
session_cleanup(struct session *s)
{
	if (s->event != NULL) {
		ssh_event_remove_session(s->event, s->ssh);
		ssh_event_free(s->event);
	}
	/* Killed if still checking: the connection it was checking for is gone. */
	monitor_end(&s->mon, !s->authenticated);
	if (s->chan != NULL)
		ssh_channel_free(s->chan);
	if (s->ssh != NULL) {	/* NULL when set-up failed before ssh_new */
		ssh_disconnect(s->ssh);
		ssh_free(s->ssh);
	}
	free(s->key_b64);
	free(s->to_pty);
	if (s->notify_fd >= 0)
		close(s->notify_fd);
	if (s->report_fd >= 0)
		close(s->report_fd);
}

int
session_run(ssh_bind bind, int fd, const char *peer, const struct config *cfg,
    const char *exe, int notify_fd)
{
	struct session sess, *s = &sess;
	long timeout = cfg->limits.login_grace;
	int status = 1;

	memset(s, 0, sizeof *s);
	s->cfg = cfg;
	s->exe = exe;
	s->notify_fd = notify_fd;
	s->pty_fd = -1;
	s->report_fd = -1;
	s->mon.fd = -1;
	s->log_fd = STDERR_FILENO;
	s->to_pty = xmalloc(SESSION_TO_PTY_MAX);
	text_copy(s->peer, sizeof s->peer, peer);
	clock_gettime(CLOCK_MONOTONIC, &s->started);
	/* Privilege separation: the monitor takes the database before we read
	 * a byte from the network; this process never opens it. Forked before
	 * our signal handlers exist, so it inherits none of them. */
	if (monitor_start(cfg, &s->mon) != 0)
		goto out;
	/* Out of descriptors, say: this connection ends, the listener goes on. */
	if (setup_signals() != 0) {
		log_err("session from %s: cannot set up signals: %s", s->peer, strerror(errno));
		goto out;
	}
	/* The whole pre-auth phase has one deadline, whatever the client does. */
	alarm((unsigned)cfg->limits.login_grace);

	if ((s->ssh = ssh_new()) == NULL)
		fatal("ssh_new failed");
	ssh_options_set(s->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_bind_accept_fd(bind, s->ssh, fd) != SSH_OK) {
		log_warn("accept from %s failed: %s", s->peer, ssh_get_error(bind));
		goto out;
	}
	/* Callbacks first, then the key exchange. A client may send its
	 * service request and first auth request in the same segment as its
	 * NEWKEYS (Dropbear always does, PuTTY often): libssh parses every
	 * packet of that read inside ssh_handle_key_exchange, and a message
	 * that finds no callback goes to a queue that only ssh_message_get
	 * reads. Installed late, our callbacks never saw the request, no
	 * SERVICE_ACCEPT went out, and client and server both waited. */
	ssh_auth_setup(s);
	if (ssh_handle_key_exchange(s->ssh) != SSH_OK) {
		log_info("key exchange with %s failed: %s", s->peer, ssh_get_error(s->ssh));
		goto out;
	}
	if ((s->event = ssh_event_new()) == NULL ||
	    ssh_event_add_session(s->event, s->ssh) != SSH_OK ||
	    ssh_event_add_fd(s->event, sigevent_fd(), POLLIN, drain_sig_pipe, NULL) != SSH_OK) {
		log_err("session from %s: cannot create the event loop", s->peer);
		goto out;
	}
	if (!loop_until(s, channel_ready)) {
		log_info("connection from %s closed before a session started (%s)", s->peer,
		    s->authenticated ? "authenticated" : "not authenticated");
		goto out;
	}
	alarm(0);
	/* ssh-auth.c closed the monitor at authentication; the UI opens its
	 * own database connection after exec. */
	status = serve_channel(s);
	log_info("session end: user=%s peer=%s duration=%.1fs", s->login, s->peer, elapsed(s));
out:
	alarm(0);
	session_cleanup(s);
	return status;
}
