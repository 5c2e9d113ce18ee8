/* Pseudo-terminals for the UI process; see pty.h. */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utmp.h>
#include "ssh/pty.h"
#include "lib/err.h"

static void
fill_winsize(struct winsize *ws, int cols, int rows)
{
	memset(ws, 0, sizeof *ws);
	/* A client may claim 0x0 or absurd sizes; the UI copes with small
	 * ones. The session clamps to its own (smaller) limits first. */
	ws->ws_col = (unsigned short)(cols <= 0 ? 80 : cols > PTY_SIZE_MAX ? PTY_SIZE_MAX : cols);
	ws->ws_row = (unsigned short)(rows <= 0 ? 24 : rows > PTY_SIZE_MAX ? PTY_SIZE_MAX : rows);
}

/* In the child between fork and exec: only async-signal-safe calls. */
static void __attribute__((noreturn))
exec_child(int slave, int log_fd, int report_fd, const char *path, char *const argv[],
    char *const env[])
{
	sigset_t none;
	/* login_tty replaces fd 2, which may be the log itself: keep a copy. */
	int log_copy = log_fd >= 0 ? fcntl(log_fd, F_DUPFD, 3) : -1;
	int report_copy = report_fd >= 0 ? fcntl(report_fd, F_DUPFD, 3) : -1;

	if (login_tty(slave) != 0)
		_exit(127);
	/* Server log lines must never land on the member's screen. */
	if (log_copy >= 0 && dup2(log_copy, STDERR_FILENO) < 0)
		_exit(127);
	if (report_copy >= 0 && dup2(report_copy, PTY_REPORT_FD) < 0)
		_exit(127);
	/* The SSH socket, the listener socket and the host keys stay behind. */
	close_range(report_copy >= 0 ? PTY_REPORT_FD + 1 : 3, ~0U, 0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	execve(path, argv, env);
	_exit(127);
}

int
pty_spawn(const char *path, char *const argv[], char *const env[], int cols,
    int rows, int log_fd, int report_fd, int *master_fd, pid_t *pid)
{
	struct winsize ws;
	int master = -1, slave = -1, flags;
	pid_t child;

	fill_winsize(&ws, cols, rows);
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0)
		return ERR_INTERNAL;
	child = fork();
	if (child < 0) {
		int e = errno;

		close(master);
		close(slave);
		errno = e;
		return ERR_INTERNAL;
	}
	if (child == 0) {
		close(master);
		exec_child(slave, log_fd, report_fd, path, argv, env);
	}
	close(slave);
	flags = fcntl(master, F_GETFL);
	if (flags < 0 || fcntl(master, F_SETFL, flags | O_NONBLOCK) < 0 ||
	    fcntl(master, F_SETFD, FD_CLOEXEC) < 0) {
		int e = errno;

		kill(child, SIGKILL);
		close(master);
		errno = e;
		return ERR_INTERNAL;
	}
	*master_fd = master;
	*pid = child;
	return 0;
}

int
pty_resize(int master_fd, int cols, int rows)
{
	struct winsize ws;

	fill_winsize(&ws, cols, rows);
	return ioctl(master_fd, TIOCSWINSZ, &ws) == 0 ? 0 : ERR_INTERNAL;
}
