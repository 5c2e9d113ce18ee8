/* Log lines (log.c) never carry a control character to a sysop's terminal,
 * and terminal names from clients are checked (text_term_name). */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "test.h"
#include "lib/log.h"
#include "lib/text.h"

/* Runs one log call with stderr on a pipe and returns what it wrote. */
static void
capture(char *buf, size_t sz, const char *arg)
{
	int p[2], saved = dup(STDERR_FILENO);
	ssize_t n;

	buf[0] = '\0';
	if (saved < 0 || pipe(p) != 0)
		return;
	dup2(p[1], STDERR_FILENO);
	close(p[1]);
	log_info("peer said: %s", arg);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = read(p[0], buf, sz - 1);
	close(p[0]);
	buf[n > 0 ? n : 0] = '\0';
}

TEST(log_escapes_every_control_character)
{
	char out[1024];

	capture(out, sizeof out, "SSH-1.0-\x1b[2J\x1b]0;pwned\x07 hi\r\nnext\x7f \xc2\x9b" "31m ok");
	CHECK(strstr(out, "\\x1b[2J\\x1b]0;pwned\\x07 hi\\x0d\\x0anext\\x7f \\x9b31m ok") != NULL);
	for (const char *p = out; *p != '\0'; p++) {
		CHECK(*p == '\n' ? p[1] == '\0' : (unsigned char)*p >= 0x20 && *p != 0x7f);
		CHECK(!((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9f));
	}
	/* Printable UTF-8 passes as it is. */
	capture(out, sizeof out, "Ödegaard 安娜");
	CHECK(strstr(out, "peer said: Ödegaard 安娜\n") != NULL);
}

TEST(term_names_from_clients_are_checked)
{
	CHECK_STR(text_term_name("xterm-256color"), "xterm-256color");
	CHECK_STR(text_term_name("screen.xterm+x"), "screen.xterm+x");
	CHECK_STR(text_term_name(""), "vt100");
	CHECK_STR(text_term_name(NULL), "vt100");
	CHECK_STR(text_term_name("../../etc/x"), "vt100");
	CHECK_STR(text_term_name("xterm\x1b[2J"), "vt100");
	CHECK_STR(text_term_name("a b"), "vt100");
	CHECK_STR(text_term_name("0123456789012345678901234567890123456789012345678901234567890123"),
	    "vt100");
}
