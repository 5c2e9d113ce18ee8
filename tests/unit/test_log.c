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

/* Every byte of the line is printable ASCII and only the last is '\n'. */
static void
check_one_clean_line(const char *out)
{
	CHECK(*out != '\0');
	for (const char *p = out; *p != '\0'; p++)
		CHECK(*p == '\n' ? p[1] == '\0' : (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
}

TEST(log_escapes_every_control_character)
{
	char out[1024];

	capture(out, sizeof out, "SSH-1.0-\x1b[2J\x1b]0;pwned\x07 hi\r\nnext\x7f \xc2\x9b" "31m\tok\b");
	CHECK(strstr(out, "\\033[2J\\033]0;pwned\\007 hi\\015\\012next\\177 \\302\\23331m\\011ok\\010\n")
	    != NULL);
	check_one_clean_line(out);
	/* All of UTF-8 is escaped byte by byte, as strnvis(VIS_SAFE|VIS_OCTAL)
	 * does: a sysop's terminal sees only ASCII. */
	capture(out, sizeof out, "\xc3\x96" "degaard");
	CHECK(strstr(out, "peer said: \\303\\226degaard\n") != NULL);
}

/* The banner repro of issue 11: libssh copies a client's banner into its
 * error text, which we log. ESC[2J, a raw 0x9B (an 8-bit CSI on terminals
 * that take C1), U+202E (right-to-left override) and U+200B (zero width
 * space) all reach the log as octal escapes. */
TEST(log_escapes_a_hostile_ssh_banner)
{
	char out[1024];

	capture(out, sizeof out, "Protocol mismatch: SSH-2.0-x\x1b[2J\x9b" "31m"
	    "\xe2\x80\xae" "nigol" "\xe2\x80\x8b" "end");
	CHECK(strstr(out, "peer said: Protocol mismatch: SSH-2.0-x\\033[2J\\23331m"
	    "\\342\\200\\256nigol\\342\\200\\213end\n") != NULL);
	check_one_clean_line(out);
	CHECK(strstr(out, "\xe2\x80") == NULL);
}

/* A member string escaped by text_escape_log is not escaped a second time. */
TEST(log_keeps_escaped_member_strings_readable)
{
	char out[1024], esc[64];

	capture(out, sizeof out, text_escape_log(esc, sizeof esc, "a\\b\x1b"));
	CHECK(strstr(out, "peer said: a\\134b\\033\n") != NULL);
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
