/* Running sendmail; see sendmail.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lib/err.h"
#include "lib/sendmail.h"
#include "lib/text.h"

/* Splits a copy of cmd at spaces and tabs into argv (NULL-terminated). */
static int
split(char *copy, char *argv[SENDMAIL_ARGS_MAX + 1])
{
	size_t n = 0;

	for (char *w = strtok(copy, " \t"); w != NULL; w = strtok(NULL, " \t")) {
		if (n == SENDMAIL_ARGS_MAX)
			return ERR_INVALID;
		argv[n++] = w;
	}
	argv[n] = NULL;
	return n > 0 ? 0 : ERR_INVALID;
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static pid_t
start(char *const argv[], int in[2], int errp[2])
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	/* The child: stdin from the pipe, stdout to /dev/null, stderr to us. */
	int null = open("/dev/null", O_WRONLY);

	if (dup2(in[0], 0) < 0 || dup2(errp[1], 2) < 0 || null < 0 || dup2(null, 1) < 0)
		_exit(127);
	closefrom(3);
	signal(SIGPIPE, SIG_DFL);
	execv(argv[0], argv);
	dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Feeds msg to the child and collects its stderr until both ends are done
 * or the deadline passes. False on the deadline. */
static bool
pump(int *inp, int *errp, const char *msg, size_t len, int64_t deadline, char *ebuf,
    size_t ebufsz)
{
	size_t off = 0, elen = 0;
	int in = *inp, errfd = *errp;
	bool ok = true;

	while (in >= 0 || errfd >= 0) {
		struct pollfd p[2] = { { in, POLLOUT, 0 }, { errfd, POLLIN, 0 } };
		int64_t left = deadline - now_ms();

		if (left <= 0 || (poll(p, 2, (int)left) < 0 && errno != EINTR)) {
			ok = false;
			break;
		}
		if (in >= 0 && (p[0].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
			ssize_t w = write(in, msg + off, len - off);

			if (w > 0)
				off += (size_t)w;
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || off == len) {
				close(in);
				in = -1;
			}
		}
		if (errfd >= 0 && (p[1].revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
			char tmp[512];
			ssize_t r = read(errfd, tmp, sizeof tmp);

			if (r > 0 && elen + 1 < ebufsz) {
				size_t take = (size_t)r < ebufsz - 1 - elen ? (size_t)r :
				    ebufsz - 1 - elen;

				memcpy(ebuf + elen, tmp, take);
				elen += take;
				ebuf[elen] = '\0';
			}
			if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
				close(errfd);
				errfd = -1;
			}
		}
	}
	*inp = in;
	*errp = errfd;
	return ok;
}

static bool
reap(pid_t pid, int64_t deadline, int *status)
{
	for (;;) {
		pid_t w = waitpid(pid, status, WNOHANG);

		if (w == pid)
			return true;
		if (w < 0 && errno != EINTR)
			return false;
		if (now_ms() >= deadline)
			return false;
		nanosleep(&(struct timespec){ 0, 10 * 1000000 }, NULL);
	}
}

int
sendmail_run(const char *cmd, const char *msg, size_t len, int timeout_s, char *err,
    size_t errsz)
{
	char copy[1024], *argv[SENDMAIL_ARGS_MAX + 1], ebuf[512] = "", first[200];
	int in[2] = { -1, -1 }, errp[2] = { -1, -1 }, status = 0;
	int64_t deadline = now_ms() + (int64_t)timeout_s * 1000;
	bool fed, done;
	pid_t pid;

	if (!text_copy(copy, sizeof copy, cmd) || split(copy, argv) != 0) {
		snprintf(err, errsz, "the sendmail command is empty or has more than %d words",
		    SENDMAIL_ARGS_MAX);
		return ERR_INVALID;
	}
	if (pipe2(in, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) {
		snprintf(err, errsz, "pipe: %s", strerror(errno));
		goto fail;
	}
	if ((pid = start(argv, in, errp)) < 0) {
		snprintf(err, errsz, "fork: %s", strerror(errno));
		goto fail;
	}
	close(in[0]);
	close(errp[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fed = pump(&in[1], &errp[0], msg, len, deadline, ebuf, sizeof ebuf);
	if (in[1] >= 0)
		close(in[1]);
	if (errp[0] >= 0)
		close(errp[0]);
	done = fed && reap(pid, deadline, &status);
	if (!done) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		snprintf(err, errsz, "%s did not finish within %d s", argv[0], timeout_s);
		return ERR_INTERNAL;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	first[0] = '\0';
	text_sanitize(first, sizeof first, ebuf, false);
	if (WIFEXITED(status))
		snprintf(err, errsz, "%s exited %d: %s", argv[0], WEXITSTATUS(status), first);
	else
		snprintf(err, errsz, "%s was killed by signal %d", argv[0], WTERMSIG(status));
	return ERR_INTERNAL;
fail:
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	return ERR_INTERNAL;
}
