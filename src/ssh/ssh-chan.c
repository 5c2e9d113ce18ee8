/* The session channel and the channel <-> pty pump; see ssh-chan.h.
 *
 * Flow control both ways: bytes from the pty are read only while the client
 * has window (ssh_channel_write would otherwise block the whole process), and
 * resume on write_wontblock; bytes from the client wait in s->to_pty while
 * the UI is slow, and once that buffer is full the rest stays in libssh,
 * whose window then stops the client. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/clientenv.h"
#include "lib/log.h"
#include "ssh/pty.h"
#include "ssh/session.h"
#include "ssh/ssh-chan.h"
#include "lib/text.h"

/* A 999x999 terminal costs the UI ~90 MB of screen buffers: sizes above
 * [limits] max_cols x max_rows are clamped (the UI says so), nonsense
 * ones (0 or less) become 80x24 in pty.c. */
static void
set_size(struct session *s, int cols, int rows)
{
	s->cols = cols > s->cfg->limits.max_cols ? s->cfg->limits.max_cols : cols;
	s->rows = rows > s->cfg->limits.max_rows ? s->cfg->limits.max_rows : rows;
	if (s->cols != cols || s->rows != rows)
		log_info("terminal of %dx%d from %s clamped to %dx%d", cols, rows, s->peer,
		    s->cols, s->rows);
}

static int
on_pty_request(ssh_session ssh, ssh_channel c, const char *term, int cols,
    int rows, int pxw, int pxh, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	(void)pxw;
	(void)pxh;
	if (s->have_pty)
		return SSH_ERROR;
	/* Checked here: the term name goes into log lines and the UI's argv. */
	text_copy(s->term, sizeof s->term, text_term_name(term));
	set_size(s, cols, rows);
	s->have_pty = true;
	return SSH_OK;
}

/* May come before the shell: keep the size and apply it when the pty exists. */
static int
on_window_change(ssh_session ssh, ssh_channel c, int cols, int rows, int pxw,
    int pxh, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	(void)pxw;
	(void)pxh;
	set_size(s, cols, rows);
	if (s->pty_fd >= 0 && pty_resize(s->pty_fd, s->cols, s->rows) != 0)
		log_warn("TIOCSWINSZ: %s", strerror(errno));
	return SSH_OK;
}

static int
on_shell(ssh_session ssh, ssh_channel c, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	if (s->shell_requested || s->exec_requested)
		return SSH_ERROR;
	s->shell_requested = true;
	return SSH_OK;
}

/* Commands are refused with a message rather than a silent failure. */
static int
on_exec(ssh_session ssh, ssh_channel c, const char *cmd, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	(void)cmd;
	if (s->shell_requested || s->exec_requested)
		return SSH_ERROR;
	s->exec_requested = true;
	return SSH_OK;
}

/* Only names on the allow-list with checked values (lib/clientenv.h) are
 * kept for the UI. Anything else is refused without a word: a failure
 * reply when the client wants one (OpenSSH's SendEnv does not), no log
 * line, nothing of it in the UI. After the shell it could change nothing. */
static int
on_env(ssh_session ssh, ssh_channel c, const char *name, const char *value, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	if (s->shell_requested || s->exec_requested)
		return SSH_ERROR;
	return clientenv_add(&s->env, name, value) == 0 ? SSH_OK : SSH_ERROR;
}

/* Appends as much as fits to s->to_pty; returns bytes taken. */
static size_t
buffer_to_pty(struct session *s, const void *data, size_t len)
{
	size_t room = SESSION_TO_PTY_MAX - s->to_pty_len;

	if (len > room)
		len = room;
	memcpy(s->to_pty + s->to_pty_len, data, len);
	s->to_pty_len += len;
	return len;
}

/* Writes what the pty takes now; false once the UI side is gone. */
static bool
flush_to_pty(struct session *s)
{
	while (s->to_pty_len > 0) {
		ssize_t w = write(s->pty_fd, s->to_pty, s->to_pty_len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return true;
		if (w <= 0)
			return false;
		memmove(s->to_pty, s->to_pty + w, s->to_pty_len - (size_t)w);
		s->to_pty_len -= (size_t)w;
	}
	return true;
}

static int
on_data(ssh_session ssh, ssh_channel c, void *data, uint32_t len, int is_stderr, void *ud)
{
	struct session *s = ud;
	size_t taken;

	(void)ssh;
	(void)c;
	clock_gettime(CLOCK_MONOTONIC, &s->last_input);
	if (is_stderr)
		return (int)len;
	taken = buffer_to_pty(s, data, len);
	if (s->pty_fd >= 0 && !flush_to_pty(s))
		s->pty_eof = true;
	return (int)taken;
}

/* The client has window again: the pump may read the pty. */
static int
on_write_wontblock(ssh_session ssh, ssh_channel c, uint32_t bytes, void *ud)
{
	(void)ssh;
	(void)c;
	(void)bytes;
	(void)ud;
	return 0;	/* ssh_chan_pump_update() re-arms POLLIN after this round */
}

static void
on_eof(ssh_session ssh, ssh_channel c, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	s->client_gone = true;
}

static void
on_close(ssh_session ssh, ssh_channel c, void *ud)
{
	struct session *s = ud;

	(void)ssh;
	(void)c;
	s->client_gone = true;
	s->client_closed = true;
}

void *
ssh_chan_open(struct session *s)
{
	ssh_channel c = ssh_channel_new(s->ssh);

	if (c == NULL)
		return NULL;
	memset(&s->chan_cb, 0, sizeof s->chan_cb);
	s->chan_cb.userdata = s;
	s->chan_cb.channel_pty_request_function = on_pty_request;
	s->chan_cb.channel_pty_window_change_function = on_window_change;
	s->chan_cb.channel_shell_request_function = on_shell;
	s->chan_cb.channel_exec_request_function = on_exec;
	s->chan_cb.channel_env_request_function = on_env;
	s->chan_cb.channel_data_function = on_data;
	s->chan_cb.channel_write_wontblock_function = on_write_wontblock;
	s->chan_cb.channel_eof_function = on_eof;
	s->chan_cb.channel_close_function = on_close;
	ssh_callbacks_init(&s->chan_cb);
	if (ssh_set_channel_callbacks(c, &s->chan_cb) != SSH_OK) {
		ssh_channel_free(c);
		return NULL;
	}
	s->chan = c;
	return c;
}

/* Reads the pty while the client has window. Marks EOF when the UI side
 * closed (EIO on Linux once every slave descriptor is gone). */
static void
pump_from_pty(struct session *s)
{
	char buf[16384];

	for (int rounds = 0; rounds < 8; rounds++) {
		uint32_t win = ssh_channel_window_size(s->chan);
		size_t want = sizeof buf;
		ssize_t n;

		if (win == 0)
			return;
		if (want > win)
			want = win;
		n = read(s->pty_fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {
			s->pty_eof = true;
			return;
		}
		if (ssh_channel_write(s->chan, buf, (uint32_t)n) == SSH_ERROR) {
			s->client_gone = true;
			return;
		}
	}
}

/* Pulls client bytes libssh kept back while our buffer was full. */
static void
refill_from_channel(struct session *s)
{
	while (s->to_pty_len < SESSION_TO_PTY_MAX / 2 && ssh_channel_poll(s->chan, 0) > 0) {
		int n = ssh_channel_read_nonblocking(s->chan, s->to_pty + s->to_pty_len,
		    (uint32_t)(SESSION_TO_PTY_MAX - s->to_pty_len), 0);

		if (n <= 0)
			break;
		s->to_pty_len += (size_t)n;
	}
}

static int
on_pty_event(socket_t fd, int revents, void *ud)
{
	struct session *s = ud;

	(void)fd;
	if (revents & POLLOUT) {
		if (!flush_to_pty(s))
			s->pty_eof = true;
		else if (s->to_pty_len == 0) {
			refill_from_channel(s);
			if (!flush_to_pty(s))
				s->pty_eof = true;
		}
	}
	if (revents & POLLIN)
		pump_from_pty(s);
	else if (revents & (POLLHUP | POLLERR | POLLNVAL))
		s->pty_eof = true;
	return 0;
}

bool
ssh_chan_pump_start(struct session *s)
{
	if (s->to_pty_len > 0 && !flush_to_pty(s))
		return false;
	s->pty_events = 0;
	ssh_chan_pump_update(s);
	return true;
}

void
ssh_chan_pump_update(struct session *s)
{
	short want = 0;

	if (s->pty_fd < 0)
		return;
	if (!s->pty_eof) {
		if (ssh_channel_window_size(s->chan) > 0)
			want |= POLLIN;
		if (s->to_pty_len > 0)
			want |= POLLOUT;
	}
	if (want == s->pty_events)
		return;
	/* A closed or idle fd left in the event would make poll spin. */
	if (s->pty_events != 0)
		ssh_event_remove_fd(s->event, s->pty_fd);
	if (want != 0 && ssh_event_add_fd(s->event, s->pty_fd, want, on_pty_event, s) != SSH_OK) {
		log_err("cannot watch the pty");
		s->pty_eof = true;
		want = 0;
	}
	s->pty_events = want;
}

void
ssh_chan_say(struct session *s, const char *msg)
{
	if (s->chan != NULL && ssh_channel_is_open(s->chan))
		ssh_channel_write(s->chan, msg, (uint32_t)strlen(msg));
}

void
ssh_chan_finish(struct session *s, int exit_status)
{
	if (s->chan == NULL || !ssh_channel_is_open(s->chan))
		return;
	ssh_channel_request_send_exit_status(s->chan, exit_status);
	ssh_channel_send_eof(s->chan);
	ssh_channel_close(s->chan);
	ssh_blocking_flush(s->ssh, 2000);
	/* Let the client close first, so it sees a clean end, not a drop: its
	 * CHANNEL_CLOSE, not its EOF (which PuTTY sends on ours and then still
	 * wants to close; a disconnect before that is a "FATAL ERROR" to it).
	 * Bounded; it ends the moment the client answers. */
	for (int i = 0; i < 60 && ssh_is_connected(s->ssh) && !s->client_closed; i++)
		ssh_event_dopoll(s->event, 50);
}
