/* The session channel: pty-req, window-change, shell, exec refusal, and the
 * byte pump between the channel and the UI's pty master. */
#ifndef SSH_CHAN_H
#define SSH_CHAN_H
#include <stdbool.h>
#include <stddef.h>

struct session;

/* Creates the channel for a "session" open request and installs its
 * callbacks. Returns the channel (owned by the session) or NULL to refuse. */
void *ssh_chan_open(struct session *s);

/* Registers the pty master with the event loop once the UI runs, after
 * writing what the client sent before it did; false if the UI is already
 * gone. */
bool ssh_chan_pump_start(struct session *s);

/* After each poll round: registers the pty events the pump needs now
 * (read when the client has window, write while bytes wait). */
void ssh_chan_pump_update(struct session *s);

/* Writes a message to the client's terminal (for refusals before any UI). */
void ssh_chan_say(struct session *s, const char *msg);

/* Sends exit-status, EOF and close, and flushes. */
void ssh_chan_finish(struct session *s, int exit_status);

#endif
