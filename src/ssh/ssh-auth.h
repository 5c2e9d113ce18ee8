/* Authentication callbacks: password, keyboard-interactive, public key, and
 * the registration login. Counts every attempt (key offers included) and
 * disconnects after cfg->limits.max_auth_tries. */
#ifndef SSH_AUTH_H
#define SSH_AUTH_H

struct session;

/* Installs the server and message callbacks on s->ssh. s->mon must be
 * running: every check goes to it. */
void ssh_auth_setup(struct session *s);

#endif
