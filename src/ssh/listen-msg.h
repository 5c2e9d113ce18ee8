/* What a session process tells the listener over its socketpair
 * (SOCK_SEQPACKET: one message per packet), and the listener's answers.
 * The listener keeps the pre-auth limits (ssh/srclimit.c) and needs to know
 * how each connection gets on; the session process needs a yes or no
 * before it starts a member's session or a sign-up. EOF means the
 * session process is gone. */
#ifndef LISTEN_MSG_H
#define LISTEN_MSG_H
#include <stddef.h>
#include <stdint.h>

enum listen_msg {
	LISTEN_MSG_AUTHFAIL = 'F',	/* an authentication attempt failed */
	LISTEN_MSG_MEMBER = 'M',	/* authenticated as member id: may it have a session? */
	LISTEN_MSG_SIGNUP = 'R',	/* the registration login: may it start? */
	LISTEN_MSG_SIGNUP_DONE = 'C',	/* the registration made member id */
};

#define LISTEN_MSG_WHY_MAX 160	/* a refusal's sentence, with its NUL */

/* Sends one message; errors are ignored by design (a listener that has
 * stopped leaves its sessions running). fd < 0 is a no-op. */
void listen_msg_send(int fd, enum listen_msg type, int64_t id);

/* Sends a question and waits (up to 2 s) for the answer: 0 for yes, or
 * ERR_DENIED with the listener's sentence for the member in why. No
 * listener (fd < 0, EOF, timeout) is a yes: limits end with the listener. */
int listen_msg_ask(int fd, enum listen_msg type, int64_t id, char *why, size_t whysz);

/* Reads what the registration UI wrote to from_fd (as ui_report_member
 * writes it: the 8 bytes of the id, then the login) and sends the id on as
 * LISTEN_MSG_SIGNUP_DONE. 0 with the login in login (loginsz bytes, "?"
 * when what came is not a valid login), or ERR_INVALID when from_fd gave
 * no whole id; login is then untouched. */
int listen_msg_relay_member(int from_fd, int listener_fd, char *login, size_t loginsz);

/* Listener side: reads one message. 0 with *type and *id set; ERR_NOTFOUND
 * at EOF; ERR_BUSY when nothing is there yet; ERR_INVALID for a malformed
 * one (ignore it). */
int listen_msg_read(int fd, enum listen_msg *type, int64_t *id);
/* Answers a question: why NULL for yes, else the sentence. */
void listen_msg_answer(int fd, const char *why);

#endif
