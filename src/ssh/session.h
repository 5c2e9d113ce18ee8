/* One connection's lifecycle, in its own process: key exchange, auth, the
 * channel, the UI process on a pty and the byte pump between them.
 * ssh-auth.c and ssh-chan.c fill in the callbacks; this header is the state
 * they share. */
#ifndef SESSION_H
#define SESSION_H
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include "lib/clientenv.h"
#include "lib/config.h"
#include "ssh/listen-msg.h"
#include "rules/member.h"
#include "ssh/monitor.h"

#define SESSION_TO_PTY_MAX (256 * 1024)	/* client bytes waiting for the UI */

struct session {
	ssh_session ssh;
	ssh_event event;
	struct ssh_server_callbacks_struct server_cb;
	const struct config *cfg;
	const char *exe;		/* absolute path of this binary, for the UI */
	char peer[64];			/* "address:port" */
	int notify_fd;			/* socket to the listener (ssh/listen-msg.h) */
	int log_fd;			/* the daemon's stderr, for the UI process */
	struct timespec started;

	/* authentication (ssh-auth.c) */
	struct monitor mon;		/* holds the database until auth is over */
	bool auth_dropped;		/* the monitor said to close without answering */
	int auth_attempts;
	bool authenticated;
	bool registration;		/* logged in as the registration login */
	const char *auth_method;
	int64_t user_id;
	enum member_status status;
	char login[MEMBER_LOGIN_SZ];
	char key_type[32];		/* key the client proved, for registration */
	char *key_b64;			/* owned */
	char refused[LISTEN_MSG_WHY_MAX]; /* the listener said no: why, for the member */
	int report_fd;			/* registration: the UI reports the new member here */
	bool signup_done;		/* ... and it has */

	/* channel (ssh-chan.c) */
	ssh_channel chan;
	struct ssh_channel_callbacks_struct chan_cb;
	char term[64];
	int cols, rows;
	bool have_pty;
	bool shell_requested;
	bool exec_requested;
	bool client_gone;
	bool client_closed;	/* the client sent CHANNEL_CLOSE (not only EOF) */
	struct clientenv env;		/* the allowed env requests, for the UI */
	struct timespec last_input;	/* monotonic: the client's last bytes */

	/* the UI process and the pump */
	int pty_fd;			/* master, -1 until the shell starts */
	short pty_events;		/* events registered with the ssh_event */
	pid_t ui_pid;
	int ui_status;			/* wait status once ui_exited */
	bool ui_exited;
	bool pty_eof;
	unsigned char *to_pty;		/* owned buffer of SESSION_TO_PTY_MAX */
	size_t to_pty_len;
};

/* Runs one connection to its end and returns the exit status for the
 * session process. fd is the accepted socket; bind has the host keys. */
int session_run(ssh_bind bind, int fd, const char *peer, const struct config *cfg,
    const char *exe, int notify_fd);

#endif
