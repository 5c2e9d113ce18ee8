/* Pseudo-terminals for the UI process. */
#ifndef PTY_H
#define PTY_H
#include <sys/types.h>

#define PTY_SIZE_MAX 1000	/* columns or rows; more is clamped to it */
#define PTY_REPORT_FD 3		/* where the child finds report_fd */
#define PTY_REPORT_FD_ARG "3"

/* Opens a pty of cols x rows (0 or less: 80 x 24) and forks a child that
 * makes the slave its controlling terminal (login_tty), keeps log_fd as its
 * stderr and report_fd (when >= 0) as PTY_REPORT_FD, closes every other
 * descriptor, replaces its environment with env (NULL terminated) and
 * execs path with argv. Returns 0 with the non-blocking master in
 * *master_fd and the child in *pid, or ERR_INTERNAL with errno set. */
int pty_spawn(const char *path, char *const argv[], char *const env[], int cols,
    int rows, int log_fd, int report_fd, int *master_fd, pid_t *pid);

/* Sets the window size; the kernel sends SIGWINCH to the UI. 0, or
 * ERR_INTERNAL with errno set. */
int pty_resize(int master_fd, int cols, int rows);

#endif
