/* Signals as event-loop events; see sigevent.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "lib/sigevent.h"

static int pipe_fd[2] = { -1, -1 };
static volatile sig_atomic_t pending[NSIG], ever[NSIG];

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig > 0 && sig < NSIG) {
		pending[sig] = 1;
		ever[sig] = 1;
	}
	if (pipe_fd[1] != -1 && write(pipe_fd[1], "s", 1) < 0) {
		/* The pipe is full: a wakeup is already pending. */
	}
	errno = saved;
}

int
sigevent_open(const int *sigs, size_t nsigs)
{
	struct sigaction sa;

	if (pipe_fd[0] == -1 && pipe2(pipe_fd, O_NONBLOCK | O_CLOEXEC) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < nsigs; i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return -1;
	return 0;
}

void
sigevent_close(void)
{
	for (int i = 0; i < 2; i++) {
		if (pipe_fd[i] != -1)
			close(pipe_fd[i]);
		pipe_fd[i] = -1;
	}
	for (int i = 0; i < NSIG; i++)
		pending[i] = ever[i] = 0;
}

int
sigevent_fd(void)
{
	return pipe_fd[0];
}

void
sigevent_drain(void)
{
	char buf[64];

	if (pipe_fd[0] == -1)
		return;
	while (read(pipe_fd[0], buf, sizeof buf) > 0)
		;
}

bool
sigevent_take(int sig)
{
	if (sig <= 0 || sig >= NSIG || !pending[sig])
		return false;
	pending[sig] = 0;
	return true;
}

bool
sigevent_seen(int sig)
{
	return sig > 0 && sig < NSIG && ever[sig];
}
