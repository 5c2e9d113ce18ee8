/* systemd's readiness protocol (sd_notify(3)), written out: one datagram
 * to the AF_UNIX socket NOTIFY_SOCKET names ("@..." is the abstract
 * namespace). With Type=notify the unit is "started" once the listener
 * says READY=1, after the port is bound and the host keys are loaded, not
 * merely once the process exists. Without NOTIFY_SOCKET it does nothing. */
#ifndef SDNOTIFY_H
#define SDNOTIFY_H

/* Sends state ("READY=1", "STOPPING=1", "STATUS=..."; lines joined by
 * '\n'). Returns 0 when sent or when there is nobody to tell, -1 when
 * the socket named could not be reached (logged by the caller). */
int sdnotify(const char *state);

#endif
