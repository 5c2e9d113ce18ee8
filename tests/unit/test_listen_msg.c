/* ssh/listen-msg.c: what the registration UI reports to its session
 * process (the new member's id and login) is relayed to the listener, and
 * a login that breaks the rules never reaches the session's log lines. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib/err.h"
#include "ssh/listen-msg.h"
#include "test.h"

/* Writes id and then tail (no NUL) into a pipe, as ui_report_member does,
 * and relays it; the listener's end gets what was sent on. */
static int
relay(int64_t id, const char *tail, size_t idbytes, char *login, size_t sz, int64_t *sent)
{
	char msg[64];
	int p[2], sp[2], r;
	enum listen_msg type;

	if (pipe(p) != 0 || socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sp) != 0)
		return -100;
	memcpy(msg, &id, sizeof id);
	memcpy(msg + idbytes, tail, strlen(tail));
	if (write(p[1], msg, idbytes + strlen(tail)) < 0)
		return -101;
	close(p[1]);
	r = listen_msg_relay_member(p[0], sp[0], login, sz);
	*sent = 0;
	if (r == 0 && (listen_msg_read(sp[1], &type, sent) != 0 || type != LISTEN_MSG_SIGNUP_DONE))
		r = -102;
	close(p[0]);
	close(sp[0]);
	close(sp[1]);
	return r;
}

TEST(listen_msg_relays_the_new_login)
{
	char login[33] = "new";
	int64_t sent;

	CHECK_INT(relay(42, "zed", 8, login, sizeof login, &sent), 0);
	CHECK_INT(sent, 42);
	CHECK_STR(login, "zed");
	/* Not a login by the rules (a newline would forge a log line): "?". */
	CHECK_INT(relay(43, "zed\ninfo x", 8, login, sizeof login, &sent), 0);
	CHECK_INT(sent, 43);
	CHECK_STR(login, "?");
	/* No whole id: refused, and the login is left as it was. */
	snprintf(login, sizeof login, "new");
	CHECK_INT(relay(44, "", 4, login, sizeof login, &sent), ERR_INVALID);
	CHECK_STR(login, "new");
}
