/* The listener <-> session process messages; see listen-msg.h. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib/err.h"
#include "lib/text.h"
#include "rules/user.h"
#include "ssh/listen-msg.h"

#define MSG_LEN 9	/* type, then the id as 8 bytes, little end first */
#define ASK_TIMEOUT_MS 2000

void
listen_msg_send(int fd, enum listen_msg type, int64_t id)
{
	unsigned char b[MSG_LEN];
	uint64_t v = (uint64_t)id;

	if (fd < 0)
		return;
	b[0] = (unsigned char)type;
	for (int i = 0; i < 8; i++)
		b[1 + i] = (unsigned char)(v >> (8 * i));
	/* MSG_NOSIGNAL: a gone listener must not kill the session. */
	while (send(fd, b, sizeof b, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

int
listen_msg_ask(int fd, enum listen_msg type, int64_t id, char *why, size_t whysz)
{
	char b[LISTEN_MSG_WHY_MAX + 1];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct timespec t0;
	int r = 0, left = ASK_TIMEOUT_MS;
	ssize_t n;

	if (fd < 0)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	listen_msg_send(fd, type, id);
	/* A signal (the auth monitor exiting sends SIGCHLD) must not read as
	 * "no answer": wait again, for what is left of the time. */
	while ((r = poll(&p, 1, left)) < 0 && errno == EINTR) {
		struct timespec now;

		clock_gettime(CLOCK_MONOTONIC, &now);
		left = ASK_TIMEOUT_MS - (int)((now.tv_sec - t0.tv_sec) * 1000 +
		    (now.tv_nsec - t0.tv_nsec) / 1000000);
		if (left <= 0)
			break;
	}
	if (r <= 0)
		return 0;
	while ((n = recv(fd, b, sizeof b - 1, 0)) < 0 && errno == EINTR)
		;
	if (n <= 0 || b[0] == 'Y')
		return 0;
	b[n] = '\0';
	/* The listener is ours, but a sentence for a terminal is checked anyway. */
	text_copy(why, whysz, text_check_line(b + 1, LISTEN_MSG_WHY_MAX) == NULL ?
	    b + 1 : "This session is refused.");
	return ERR_DENIED;
}

int
listen_msg_read(int fd, enum listen_msg *type, int64_t *id)
{
	unsigned char b[MSG_LEN + 1];
	uint64_t v = 0;
	ssize_t n;

	while ((n = recv(fd, b, sizeof b, MSG_DONTWAIT)) < 0 && errno == EINTR)
		;
	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK ? ERR_BUSY : ERR_NOTFOUND;
	if (n == 0)
		return ERR_NOTFOUND;
	if (n != MSG_LEN)
		return ERR_INVALID;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)b[1 + i] << (8 * i);
	*type = (enum listen_msg)b[0];
	*id = (int64_t)v;
	return 0;
}

void
listen_msg_answer(int fd, const char *why)
{
	char b[LISTEN_MSG_WHY_MAX + 1];
	size_t n = 1;

	b[0] = why == NULL ? 'Y' : 'N';
	if (why != NULL) {
		text_copy(b + 1, sizeof b - 1, why);
		n += strlen(b + 1);
	}
	while (send(fd, b, n, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno == EINTR)
		;
}

int
listen_msg_relay_member(int from_fd, int listener_fd, char *login, size_t loginsz)
{
	char msg[sizeof(int64_t) + MEMBER_LOGIN_SZ], name[MEMBER_LOGIN_SZ];
	const char *why = NULL;
	int64_t id;
	ssize_t n;

	while ((n = read(from_fd, msg, sizeof msg - 1)) < 0 && errno == EINTR)
		;
	if (n < (ssize_t)sizeof id)
		return ERR_INVALID;
	memcpy(&id, msg, sizeof id);
	if (id <= 0)
		return ERR_INVALID;
	memcpy(name, msg + sizeof id, (size_t)n - sizeof id);
	name[(size_t)n - sizeof id] = '\0';
	/* The UI is the unprivileged side: what it says goes into our log
	 * lines only once it is a login by the rules. */
	if (user_check_login(name, NULL, &why) != 0)
		snprintf(name, sizeof name, "?");
	listen_msg_send(listener_fd, LISTEN_MSG_SIGNUP_DONE, id);
	if (loginsz > 0)
		snprintf(login, loginsz, "%s", name);
	return 0;
}
