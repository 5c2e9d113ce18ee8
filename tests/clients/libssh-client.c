/* A small interactive client on libssh's client side, for the client
 * matrix (tests/e2e/22-client-libssh.sh): password login, a pty of the
 * terminal's size and TERM, a shell, then bytes both ways until the server
 * ends the channel. Exits with the remote exit status (255 when there is
 * none), so the case sees a clean hang-up as 0.
 *
 * usage: libssh-client PORT LOGIN      (the password is in $LIBSSH_PASSWORD) */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <libssh/libssh.h>

static struct termios saved;
static int raw_on;

static void
raw_off(void)
{
	if (raw_on)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

static void __attribute__((noreturn))
die(const char *what, ssh_session ssh)
{
	raw_off();
	fprintf(stderr, "libssh-client: %s%s%s\r\n", what, ssh != NULL ? ": " : "",
	    ssh != NULL ? ssh_get_error(ssh) : "");
	exit(255);
}

static ssh_session
connect_login(int port, const char *login, const char *password)
{
	ssh_session ssh = ssh_new();
	long timeout = 15;

	if (ssh == NULL)
		die("ssh_new failed", NULL);
	ssh_options_set(ssh, SSH_OPTIONS_HOST, "127.0.0.1");
	ssh_options_set(ssh, SSH_OPTIONS_PORT, &port);
	ssh_options_set(ssh, SSH_OPTIONS_USER, login);
	ssh_options_set(ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	/* The case's host keys are new each run: nothing to compare them with,
	 * and nothing of the machine's known hosts is read or written. */
	ssh_options_set(ssh, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	ssh_options_set(ssh, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
	if (ssh_connect(ssh) != SSH_OK)
		die("connect", ssh);
	if (ssh_userauth_password(ssh, NULL, password) != SSH_AUTH_SUCCESS)
		die("password refused", ssh);
	return ssh;
}

static ssh_channel
open_shell(ssh_session ssh)
{
	struct winsize ws = { .ws_col = 80, .ws_row = 24 };
	const char *term = getenv("TERM");
	ssh_channel chan = ssh_channel_new(ssh);

	ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
	if (chan == NULL || ssh_channel_open_session(chan) != SSH_OK ||
	    ssh_channel_request_pty_size(chan, term != NULL ? term : "xterm", ws.ws_col,
	    ws.ws_row) != SSH_OK || ssh_channel_request_shell(chan) != SSH_OK)
		die("session channel", ssh);
	return chan;
}

/* Until the server's EOF: keys to the channel, the channel to the screen.
 * The channel is read on every round, not only when the socket polls
 * readable, so bytes libssh has already buffered are never left waiting. */
static void
pump(ssh_session ssh, ssh_channel chan)
{
	char buf[16384];
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
	    { .fd = ssh_get_fd(ssh), .events = POLLIN } };

	while (!ssh_channel_is_eof(chan)) {
		int n;

		if (poll(p, 2, 100) < 0 && errno != EINTR)
			die("poll", NULL);
		if (p[0].revents & POLLIN) {
			n = (int)read(STDIN_FILENO, buf, sizeof buf);
			if (n <= 0)
				p[0].fd = -1;
			else if (ssh_channel_write(chan, buf, (uint32_t)n) == SSH_ERROR)
				die("write", ssh);
		}
		while ((n = ssh_channel_read_nonblocking(chan, buf, sizeof buf, 0)) > 0) {
			if (write(STDOUT_FILENO, buf, (size_t)n) != n)
				die("stdout", NULL);
		}
		if (n == SSH_ERROR)
			die("read", ssh);
	}
}

int
main(int argc, char **argv)
{
	const char *password = getenv("LIBSSH_PASSWORD");
	ssh_session ssh;
	ssh_channel chan;
	int status;

	if (argc != 3 || password == NULL) {
		fprintf(stderr, "usage: LIBSSH_PASSWORD=... libssh-client PORT LOGIN\n");
		return 2;
	}
	ssh = connect_login(atoi(argv[1]), argv[2], password);
	chan = open_shell(ssh);
	if (tcgetattr(STDIN_FILENO, &saved) == 0) {
		struct termios t = saved;

		cfmakeraw(&t);
		raw_on = tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
	}
	pump(ssh, chan);
	raw_off();
	status = ssh_channel_get_exit_status(chan);
	ssh_channel_close(chan);
	ssh_channel_free(chan);
	ssh_disconnect(ssh);
	ssh_free(ssh);
	return status >= 0 && status < 255 ? status : 255;
}
