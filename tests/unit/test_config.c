/* Unit tests for config.c: defaults, config_set checks and config_load_file
 * on real files, including where errors are reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "lib/config.h"
#include "lib/err.h"

/* Writes text to a file in a fresh temporary directory; its path in path. */
static bool
write_temp(char path[64], const char *text)
{
	const char *dir = fx_tmpdir();

	if (dir == NULL)
		return false;
	snprintf(path, 64, "%s", fx_path(dir, "test.conf"));
	return fx_write(path, text, strlen(text));
}

/* Loads text as a config file over the defaults. */
static int
load_text(struct config *c, const char *text, char *err, size_t errsz,
    char path[64])
{
	config_defaults(c);
	if (!write_temp(path, text))
		return -99;
	return config_load_file(c, path, err, errsz);
}

/* Every setting in the table, compared as text: a key added to config.c
 * is covered without touching this test. */
static bool
same_config(const struct config *a, const struct config *b)
{
	const char *sa, *ka, *sb, *kb;
	char va[CONFIG_PATH_MAX], vb[CONFIG_PATH_MAX];

	for (size_t i = 0; config_get(a, i, &sa, &ka, va, sizeof va) == 0; i++) {
		if (config_get(b, i, &sb, &kb, vb, sizeof vb) != 0 || strcmp(va, vb) != 0)
			return false;
	}
	return true;
}

TEST(config_defaults)
{
	struct config c;

	memset(&c, 0xa5, sizeof c);
	config_defaults(&c);
	CHECK_STR(c.server.listen, "127.0.0.1");
	CHECK_INT(c.server.port, 2222);
	CHECK_STR(c.server.db, "db/mentorbbs.db");
	CHECK_STR(c.server.keys, "keys");
	CHECK_STR(c.server.screens, "screens");
	CHECK_STR(c.bbs.name, "mentorbbs");
	CHECK_STR(c.registration.login, "new");
	CHECK_INT(c.registration.mode, REG_OPEN);
	CHECK_INT(c.session.idle_timeout, 1800);
	CHECK_INT(c.session.idle_warn, 60);
	CHECK_INT(c.limits.login_grace, 60);
	CHECK_INT(c.limits.max_auth_tries, 6);
	CHECK_INT(c.limits.max_startups.begin, 10);
	CHECK_INT(c.limits.max_startups.rate, 30);
	CHECK_INT(c.limits.max_startups.full, 100);
	CHECK_INT(c.limits.per_source_max_startups, 10);
	CHECK_INT(c.limits.per_source_prefix6, 64);
	CHECK_INT(c.limits.sessions_per_member, 5);
	CHECK_INT(c.limits.max_cols, 500);
	CHECK_INT(c.limits.max_rows, 200);
	CHECK_INT(c.limits.max_sessions, 500);
}

TEST(config_reg_mode_words)
{
	enum reg_mode m = REG_CLOSED;

	CHECK_INT(config_parse_reg_mode("open", &m), 0);
	CHECK_INT(m, REG_OPEN);
	CHECK_INT(config_parse_reg_mode("approval", &m), 0);
	CHECK_INT(m, REG_APPROVAL);
	CHECK_INT(config_parse_reg_mode("closed", &m), 0);
	CHECK_INT(m, REG_CLOSED);
	CHECK_INT(config_parse_reg_mode("Open", &m), ERR_INVALID);
	CHECK_INT(config_parse_reg_mode("", &m), ERR_INVALID);
	CHECK_INT(m, REG_CLOSED);	/* untouched on failure */
	CHECK_STR(config_reg_mode_name(REG_OPEN), "open");
	CHECK_STR(config_reg_mode_name(REG_APPROVAL), "approval");
	CHECK_STR(config_reg_mode_name(REG_CLOSED), "closed");
}

TEST(config_set_values)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_INT(config_set(&c, "server", "port", "22", err, sizeof err), 0);
	CHECK_INT(c.server.port, 22);
	CHECK_INT(config_set(&c, "server", "listen", "::", err, sizeof err), 0);
	CHECK_STR(c.server.listen, "::");
	CHECK_INT(config_set(&c, "server", "db", "/var/lib/mentorbbs/bbs.db",
	    err, sizeof err), 0);
	CHECK_STR(c.server.db, "/var/lib/mentorbbs/bbs.db");
	CHECK_INT(config_set(&c, "bbs", "name", "Alumni Mentors \xe2\x9c\x9a",
	    err, sizeof err), 0);
	CHECK_STR(c.bbs.name, "Alumni Mentors \xe2\x9c\x9a");
	CHECK_INT(config_set(&c, "registration", "login", "join.us_2-x",
	    err, sizeof err), 0);
	CHECK_STR(c.registration.login, "join.us_2-x");
	CHECK_INT(config_set(&c, "registration", "mode", "approval",
	    err, sizeof err), 0);
	CHECK_INT(c.registration.mode, REG_APPROVAL);
	CHECK_INT(config_set(&c, "limits", "max_auth_tries", "1", err,
	    sizeof err), 0);
	CHECK_INT(c.limits.max_auth_tries, 1);
	CHECK_INT(config_set(&c, "limits", "max_auth_tries", "6", err,
	    sizeof err), 0);
	CHECK_INT(c.limits.max_auth_tries, 6);
	CHECK_INT(config_set(&c, "limits", "per_source_max_startups",
	    "3", err, sizeof err), 0);
	CHECK_INT(c.limits.per_source_max_startups, 3);
	CHECK_INT(config_set(&c, "session", "idle_timeout", "600", err,
	    sizeof err), 0);
	CHECK_INT(c.session.idle_timeout, 600);
}

TEST(config_set_unknown)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_INT(config_set(&c, "server", "prot", "22", err, sizeof err), ERR_INVALID);
	CHECK_STR(err, "unknown key 'prot' in [server]");
	CHECK_INT(config_set(&c, "sever", "port", "22", err, sizeof err), ERR_INVALID);
	CHECK_STR(err, "unknown section [sever]");
	CHECK_INT(config_set(&c, "", "port", "22", err, sizeof err), ERR_INVALID);
	CHECK_STR(err, "key 'port' is outside any [section]");
	/* A key that exists, but in another section. */
	CHECK_INT(config_set(&c, "bbs", "port", "22", err, sizeof err), ERR_INVALID);
	CHECK_STR(err, "unknown key 'port' in [bbs]");
	/* Names are echoed escaped. */
	CHECK_INT(config_set(&c, "server", "p\x1b[2J", "1", err, sizeof err), ERR_INVALID);
	CHECK_STR(err, "unknown key 'p\\033[2J' in [server]");
	CHECK_INT(c.server.port, 2222);
}

TEST(config_set_bad_numbers)
{
	static const char *const bad_port[] = {
		"0", "65536", "-1", "abc", "22x", "", "0x16", "2e3", "+22",
		"99999999999999999999",
	};
	struct config c;
	char err[256];

	config_defaults(&c);
	for (size_t i = 0; i < sizeof bad_port / sizeof bad_port[0]; i++) {
		err[0] = '\0';
		CHECK_INT(config_set(&c, "server", "port", bad_port[i], err,
		    sizeof err), ERR_INVALID);
		CHECK(strstr(err, "port") != NULL);
		CHECK(strstr(err, "1 to 65535") != NULL);
		CHECK_INT(c.server.port, 2222);
	}
	CHECK_INT(config_set(&c, "server", "port", "65535", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "server", "port", "1", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "limits", "max_auth_tries", "7", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "limits", "max_auth_tries", "0", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(c.limits.max_auth_tries, 6);
	CHECK_INT(config_set(&c, "session", "idle_timeout", "0", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "session", "idle_warn", "-5", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "limits", "login_grace", "0", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "limits", "max_sessions", "0", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "limits", "max_startups", "0", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "registration", "mode", "maybe", err,
	    sizeof err), ERR_INVALID);
	CHECK(strstr(err, "open, approval or closed") != NULL);
	CHECK_INT(c.registration.mode, REG_OPEN);
}

TEST(config_set_bad_strings)
{
	static const char *const bad_login[] = {
		"New", "n", "", "a b", "new!", "n\xc3\xa9w",
		"abcdefghijklmnopqrstuvwxyz0123456",	/* 33 */
	};
	char path[CONFIG_PATH_MAX + 1];
	struct config c;
	char err[256];

	config_defaults(&c);
	for (size_t i = 0; i < sizeof bad_login / sizeof bad_login[0]; i++) {
		CHECK_INT(config_set(&c, "registration", "login", bad_login[i],
		    err, sizeof err), ERR_INVALID);
		CHECK(strstr(err, "login") != NULL);
	}
	CHECK_INT(config_set(&c, "registration", "login",
	    "abcdefghijklmnopqrstuvwxyz012345", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "registration", "login", "ab", err, sizeof err), 0);

	CHECK_INT(config_set(&c, "bbs", "name", "evil\x1b[2J", err, sizeof err), ERR_INVALID);
	CHECK(strstr(err, "control characters") != NULL);
	CHECK(strstr(err, "\x1b") == NULL);
	CHECK_INT(config_set(&c, "bbs", "name", "a\xe2\x80\xae" "b", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "bbs", "name", "bad\xff", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "bbs", "name", "", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "bbs", "name",
	    "12345678901234567890123456789012345678901", err, sizeof err), ERR_INVALID);
	CHECK(strstr(err, "too long") != NULL);
	CHECK_INT(config_set(&c, "bbs", "name",
	    "1234567890123456789012345678901234567890", err, sizeof err), 0);
	/* 30 wide characters are few enough but 90 bytes do not fit. */
	CHECK_INT(config_set(&c, "bbs", "name",
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
	    "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad",
	    err, sizeof err), ERR_INVALID);
	CHECK_STR(c.bbs.name, "1234567890123456789012345678901234567890");

	CHECK_INT(config_set(&c, "server", "db", "", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "server", "keys", "", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "server", "screens", "a\tb", err, sizeof err), ERR_INVALID);
	memset(path, 'p', sizeof path - 1);
	path[sizeof path - 1] = '\0';
	CHECK_INT(config_set(&c, "server", "db", path, err, sizeof err), ERR_INVALID);
	CHECK(strstr(err, "too long") != NULL);
	path[CONFIG_PATH_MAX - 1] = '\0';
	CHECK_INT(config_set(&c, "server", "db", path, err, sizeof err), 0);
	CHECK_INT(strlen(c.server.db), CONFIG_PATH_MAX - 1);

	CHECK_INT(config_set(&c, "server", "listen", "", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "server", "listen", "1.2.3.4; rm", err,
	    sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "server", "listen", "bbs.example.org", err,
	    sizeof err), 0);
}

TEST(config_load_good_file)
{
	static const char text[] =
	    "; a comment\n"
	    "# another\n"
	    "\n"
	    "[server]\n"
	    "listen = 0.0.0.0\n"
	    "port=2022\n"
	    "db = /srv/bbs/bbs.db   ; inline comment\n"
	    "keys = /srv/bbs/keys\n"
	    "screens = /srv/bbs/screens\n"
	    "[bbs]\n"
	    "name = Alumni Mentoring Network\n"
	    "[registration]\n"
	    "login = join\n"
	    "mode = closed\n"
	    "[session]\n"
	    "idle_timeout = 900\n"
	    "idle_warn = 30\n"
	    "[limits]\n"
	    "login_grace = 30\n"
	    "max_auth_tries = 3\n"
	    "max_startups = 5:50:20\n"
	    "per_source_max_startups = 4\n"
	    "max_sessions = 200\n";
	struct config c;
	char err[256] = "", path[64];

	CHECK_INT(load_text(&c, text, err, sizeof err, path), 0);
	CHECK_STR(err, "");
	CHECK_STR(c.server.listen, "0.0.0.0");
	CHECK_INT(c.server.port, 2022);
	CHECK_STR(c.server.db, "/srv/bbs/bbs.db");
	CHECK_STR(c.server.keys, "/srv/bbs/keys");
	CHECK_STR(c.server.screens, "/srv/bbs/screens");
	CHECK_STR(c.bbs.name, "Alumni Mentoring Network");
	CHECK_STR(c.registration.login, "join");
	CHECK_INT(c.registration.mode, REG_CLOSED);
	CHECK_INT(c.session.idle_timeout, 900);
	CHECK_INT(c.session.idle_warn, 30);
	CHECK_INT(c.limits.login_grace, 30);
	CHECK_INT(c.limits.max_auth_tries, 3);
	CHECK_INT(c.limits.max_startups.begin, 5);
	CHECK_INT(c.limits.max_startups.rate, 50);
	CHECK_INT(c.limits.max_startups.full, 20);
	CHECK_INT(c.limits.per_source_max_startups, 4);
	CHECK_INT(c.limits.max_sessions, 200);
}

TEST(config_load_keeps_unset_values)
{
	struct config c;
	char err[256], path[64];

	CHECK_INT(load_text(&c, "[server]\nport = 2200\n", err, sizeof err,
	    path), 0);
	CHECK_INT(c.server.port, 2200);
	CHECK_STR(c.server.listen, "127.0.0.1");
	CHECK_INT(c.limits.max_sessions, 500);
	CHECK_INT(load_text(&c, "", err, sizeof err, path), 0);
	CHECK_INT(c.server.port, 2222);
}

TEST(config_load_unknown_key_line)
{
	struct config c, before;
	char err[256], path[64], want[128];

	config_defaults(&before);
	CHECK_INT(load_text(&c, "[server]\nport = 2200\n\nprot = 22\n", err,
	    sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:4: unknown key 'prot' in [server]", path);
	CHECK_STR(err, want);
	/* Nothing is applied from a file with an error in it. */
	CHECK(same_config(&c, &before));
}

TEST(config_load_bad_port_line)
{
	struct config c;
	char err[256], path[64], want[128];

	CHECK_INT(load_text(&c, "# mentorbbs\n[server]\nlisten = ::1\n\n"
	    "port = 70000\n", err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:5: port in [server] ", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	CHECK(strstr(err, "70000") != NULL);
	CHECK_INT(c.server.port, 2222);
}

TEST(config_load_first_error_wins)
{
	struct config c;
	char err[256], path[64], want[128];

	CHECK_INT(load_text(&c, "[server]\nport = 1\n[nope]\nx = 1\n"
	    "[server]\nport = 0\n", err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:4: unknown section [nope]", path);
	CHECK_STR(err, want);
}

TEST(config_load_syntax_errors)
{
	struct config c;
	char err[256], path[64], want[128];

	CHECK_INT(load_text(&c, "[server]\nport 2222\n", err, sizeof err, path),
	    ERR_INVALID);
	snprintf(want, sizeof want, "%s:2: expected [section] or key = value",
	    path);
	CHECK_STR(err, want);
	CHECK_INT(load_text(&c, "\n\n[server\nport = 1\n", err, sizeof err, path),
	    ERR_INVALID);
	snprintf(want, sizeof want, "%s:3: ", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	CHECK_INT(load_text(&c, "port = 1\n", err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:1: key 'port' is outside any [section]",
	    path);
	CHECK_STR(err, want);
}

TEST(config_load_long_line)
{
	char text[1024], want[128], path[64], err[256];
	struct config c;
	int n;

	/* A line longer than inih's buffer is refused, not split in two, and
	 * the lines after it keep their numbers. */
	n = snprintf(text, sizeof text, "[server]\ndb = /");
	memset(text + n, 'd', 400);
	snprintf(text + n + 400, sizeof text - (size_t)n - 400,
	    "\nkeys = k\nport = x\n");
	CHECK_INT(load_text(&c, text, err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:2: line is too long", path);
	CHECK_STR(err, want);

	n = snprintf(text, sizeof text, "[server]\n# ");
	memset(text + n, 'c', 400);
	snprintf(text + n + 400, sizeof text - (size_t)n - 400,
	    "\nkeys = k\nport = x\n");
	CHECK_INT(load_text(&c, text, err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:2: line is too long", path);
	CHECK_STR(err, want);

	/* Long, but within the buffer: fine. */
	n = snprintf(text, sizeof text, "[server]\ndb = /");
	memset(text + n, 'd', 150);
	snprintf(text + n + 150, sizeof text - (size_t)n - 150, "\n");
	CHECK_INT(load_text(&c, text, err, sizeof err, path), 0);
	CHECK_INT(strlen(c.server.db), 151);
}

TEST(config_load_idle_warn_order)
{
	struct config c;
	char err[256], path[64], want[128];

	/* Order in the file does not matter: only the end result is checked. */
	CHECK_INT(load_text(&c, "[session]\nidle_timeout = 30\nidle_warn = 10\n",
	    err, sizeof err, path), 0);
	CHECK_INT(c.session.idle_timeout, 30);
	CHECK_INT(c.session.idle_warn, 10);
	CHECK_INT(load_text(&c, "[session]\nidle_warn = 10\nidle_timeout = 30\n",
	    err, sizeof err, path), 0);
	CHECK_INT(load_text(&c, "[session]\nidle_timeout = 60\n\nidle_warn = 60\n",
	    err, sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:4: idle_warn (60) must be less than "
	    "idle_timeout (60)", path);
	CHECK_STR(err, want);
	CHECK_INT(load_text(&c, "[session]\nidle_timeout = 45\n", err,
	    sizeof err, path), ERR_INVALID);
	snprintf(want, sizeof want, "%s:2: idle_warn (60) must be less than "
	    "idle_timeout (45)", path);
	CHECK_STR(err, want);
}

TEST(config_load_missing_file)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_INT(config_load_file(&c, "/nonexistent/mentorbbs.conf", err,
	    sizeof err), ERR_NOTFOUND);
	CHECK(strncmp(err, "/nonexistent/mentorbbs.conf: cannot open", 40) == 0);
	CHECK_INT(c.server.port, 2222);
}

/* A valid config where every value differs from its default. */
static void
odd_config(struct config *c)
{
	config_defaults(c);
	snprintf(c->server.listen, sizeof c->server.listen, "10.1.2.3");
	c->server.port = 1;
	snprintf(c->server.db, sizeof c->server.db, "x.db");
	snprintf(c->server.keys, sizeof c->server.keys, "k");
	snprintf(c->server.screens, sizeof c->server.screens, "s");
	snprintf(c->bbs.name, sizeof c->bbs.name, "other");
	snprintf(c->registration.login, sizeof c->registration.login, "other");
	c->registration.mode = REG_CLOSED;
	snprintf(c->registration.reserved, sizeof c->registration.reserved, "dean, it-help");
	c->session.idle_timeout = 7;
	c->session.idle_warn = 3;
	c->limits.login_grace = 2;
	c->limits.max_auth_tries = 2;
	c->limits.max_startups = (struct config_startups){ 1, 2, 3 };
	c->limits.per_source_max_startups = 2;
	c->limits.per_source_prefix4 = 24;
	c->limits.per_source_prefix6 = 48;
	c->limits.max_sessions = 2;
	c->limits.sessions_per_member = 2;
	c->limits.penalty_authfail = 2;
	c->limits.penalty_noauth = 2;
	c->limits.penalty_grace = 2;
	c->limits.penalty_crash = 2;
	c->limits.penalty_min = 2;
	c->limits.penalty_max = 2;
	c->limits.penalty_sources = 2;
	snprintf(c->limits.penalty_db, sizeof c->limits.penalty_db, "p.db");
	c->limits.signups = 2;
	c->limits.signups_per_source = 3;
	c->limits.signups_per_hour = 2;
	c->limits.signup_idle = 7;
	c->limits.max_cols = 81;
	c->limits.max_rows = 25;
	c->limits.process_memory = 65;
	c->limits.open_files = 33;
	snprintf(c->mail.from, sizeof c->mail.from, "bbs@example.org");
	snprintf(c->mail.sendmail, sizeof c->mail.sendmail, "/bin/true");
	snprintf(c->mail.stop_address, sizeof c->mail.stop_address, "stop@example.org");
	snprintf(c->mail.login_host, sizeof c->mail.login_host, "bbs.example.org");
	c->mail.login_port = 22;
	c->mail.retry_seconds = 2;
	c->mail.max_attempts = 2;
	c->mail.poll_seconds = 2;
	c->mail.timeout_seconds = 2;
}

/* [mail]: an address or nothing; a header can never be made of it. */
TEST(config_mail_section)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_STR(c.mail.from, "");
	CHECK_STR(c.mail.sendmail, "/usr/sbin/sendmail -t -i");
	CHECK_INT(config_set(&c, "mail", "from", "bbs@example.org", err, sizeof err), 0);
	CHECK_STR(c.mail.from, "bbs@example.org");
	CHECK_INT(config_set(&c, "mail", "from", "", err, sizeof err), 0);
	CHECK_STR(c.mail.from, "");
	CHECK_INT(config_set(&c, "mail", "from", "a@b.org\nBcc: x@y.org", err, sizeof err),
	    ERR_INVALID);
	CHECK_INT(config_set(&c, "mail", "from", "Name <a@b.org>", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "mail", "stop_address", "nodomain", err, sizeof err),
	    ERR_INVALID);
	CHECK_INT(config_set(&c, "mail", "login_host", "", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "mail", "login_host", "a b", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "mail", "sendmail", "", err, sizeof err), ERR_INVALID);
	CHECK_STR(c.mail.from, "");
}

/* docs/mentorbbs.conf lists every key with its default: loading it over a
 * config where everything differs must give the defaults back, or the
 * documentation is wrong or incomplete. */
TEST(config_sample_is_defaults)
{
	static const char self[] = __FILE__;
	static const char tail[] = "tests/unit/test_config.c";
	char path[512], err[512];
	struct config c, def;
	size_t base;

	CHECK(strlen(self) >= strlen(tail));
	base = strlen(self) - strlen(tail);
	CHECK_STR(self + base, tail);
	snprintf(path, sizeof path, "%.*sdocs/mentorbbs.conf", (int)base, self);
	config_defaults(&def);
	odd_config(&c);
	if (config_load_file(&c, path, err, sizeof err) != 0) {
		test_fail(__FILE__, __LINE__, "%s", err);
		return;
	}
	CHECK(same_config(&c, &def));
}

TEST(config_mentoring_section)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_INT(c.mentoring.request_reminder_days, 7);
	CHECK_INT(c.mentoring.request_expiry_days, 14);
	CHECK_INT(c.mentoring.max_pending_requests, 2);
	CHECK_INT(config_set(&c, "mentoring", "request_reminder_days", "3", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "mentoring", "request_expiry_days", "30", err, sizeof err), 0);
	CHECK_INT(config_set(&c, "mentoring", "max_pending_requests", "4", err, sizeof err), 0);
	CHECK_INT(c.mentoring.request_reminder_days, 3);
	CHECK_INT(c.mentoring.request_expiry_days, 30);
	CHECK_INT(c.mentoring.max_pending_requests, 4);
	CHECK_INT(config_set(&c, "mentoring", "max_pending_requests", "0", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "mentoring", "request_expiry_days", "x", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set(&c, "mentoring", "max_requests", "2", err, sizeof err), ERR_INVALID);
	CHECK_INT(c.mentoring.max_pending_requests, 4);
}

/* The session hands every setting to the UI as text: what comes out of
 * config_get must go back in through config_set_arg unchanged. */
TEST(config_settings_round_trip_as_arguments)
{
	struct config a, b;
	const char *section, *key;
	char val[CONFIG_PATH_MAX], arg[CONFIG_ARG_MAX], err[256];
	size_t i;

	config_defaults(&a);
	CHECK_INT(config_set(&a, "registration", "mode", "approval", err, sizeof err), 0);
	CHECK_INT(config_set(&a, "bbs", "name", "Alumni Mentors", err, sizeof err), 0);
	CHECK_INT(config_set(&a, "mentoring", "max_pending_requests", "5", err, sizeof err), 0);
	CHECK_INT(config_set(&a, "messages", "max_chars", "123", err, sizeof err), 0);
	CHECK_INT(config_set(&a, "server", "db", "/var/lib/x=y.db", err, sizeof err), 0);
	config_defaults(&b);
	for (i = 0; config_get(&a, i, &section, &key, val, sizeof val) == 0; i++) {
		snprintf(arg, sizeof arg, "%s.%s=%s", section, key, val);
		CHECK_INT(config_set_arg(&b, arg, err, sizeof err), 0);
	}
	CHECK(i > 15 && i <= CONFIG_SETTINGS_MAX);
	CHECK(memcmp(&a, &b, sizeof a) == 0);
	CHECK_INT(config_set_arg(&b, "messages.max_chars", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set_arg(&b, "nodot=1", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set_arg(&b, "messages.nokey=1", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set_arg(&b, "messages.max_chars=lots", err, sizeof err), ERR_INVALID);
}

TEST(config_boards_rate_limits)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_INT(c.boards.burst, 10);
	CHECK_INT(c.boards.per_hour, 60);
	CHECK_INT(c.boards.burst_new, 5);
	CHECK_INT(c.boards.per_hour_new, 20);
	CHECK_INT(config_set(&c, "boards", "burst", "20", err, sizeof err), 0);
	CHECK_INT(c.boards.burst, 20);
	CHECK_INT(config_set(&c, "boards", "per_hour_new", "0", err, sizeof err), ERR_INVALID);
	CHECK_INT(config_set_arg(&c, "boards.burst_new=6", err, sizeof err), 0);
	CHECK_INT(c.boards.burst_new, 6);
	CHECK_INT(config_set_arg(&c, "boards.per_hour=90", err, sizeof err), 0);
	CHECK_INT(c.boards.per_hour, 90);
	/* The per-minute limit of older versions is gone, and the error says
	 * what replaced it. */
	CHECK_INT(config_set(&c, "boards", "per_minute", "10", err, sizeof err), ERR_INVALID);
	CHECK(strstr(err, "'per_minute' in [boards] is gone: the limit is now burst and "
	    "per_hour") != NULL);
}

/* Past the last setting config_get says ERR_NOTFOUND and writes nothing. */
TEST(config_get_past_the_table)
{
	const char *section = "kept", *key = "kept";
	char val[16] = "kept";
	struct config c;

	config_defaults(&c);
	CHECK_INT(config_get(&c, CONFIG_SETTINGS_MAX, &section, &key, val, sizeof val),
	    ERR_NOTFOUND);
	CHECK_STR(section, "kept");
	CHECK_STR(key, "kept");
	CHECK_STR(val, "kept");
	CHECK_INT(config_get(&c, 0, &section, &key, val, sizeof val), 0);
	CHECK_STR(section, "server");
	CHECK_STR(key, "listen");
}

/* [server] user names the account a root-started daemon becomes. */
TEST(config_server_user)
{
	struct config c;
	char err[256];

	config_defaults(&c);
	CHECK_STR(c.server.user, "mentorbbs");
	CHECK_INT(config_set(&c, "server", "user", "_bbs-1", err, sizeof err), 0);
	CHECK_STR(c.server.user, "_bbs-1");
	CHECK_INT(config_set(&c, "server", "user", "Root User", err, sizeof err), ERR_INVALID);
	CHECK(strstr(err, "user in [server]") != NULL);
	CHECK_INT(config_set(&c, "server", "user", "", err, sizeof err), ERR_INVALID);
	CHECK_STR(c.server.user, "_bbs-1");
}

/* max_startups is sshd's begin:rate:full, or one number for a hard cap. */
TEST(config_max_startups)
{
	static const char *const bad[] = {
		"", "10:30", "10:30:100:5", "100:30:10", "10:0:100", "10:101:100",
		"-1:30:100", "10:30:100x", "a:b:c", "0:30:100", "10:30:10001", " 10:30:100",
	};
	struct config c;
	char err[256], val[64];
	const char *sec, *key;

	config_defaults(&c);
	CHECK_INT(config_set(&c, "limits", "max_startups", "5:50:20", err, sizeof err), 0);
	CHECK_INT(c.limits.max_startups.begin, 5);
	CHECK_INT(c.limits.max_startups.rate, 50);
	CHECK_INT(c.limits.max_startups.full, 20);
	CHECK_INT(config_set(&c, "limits", "max_startups", "40", err, sizeof err), 0);
	CHECK_INT(c.limits.max_startups.begin, 40);
	CHECK_INT(c.limits.max_startups.rate, 100);
	CHECK_INT(c.limits.max_startups.full, 40);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (config_set(&c, "limits", "max_startups", bad[i], err, sizeof err) != ERR_INVALID) {
			test_fail(__FILE__, __LINE__, "max_startups \"%s\" accepted", bad[i]);
			return;
		}
	}
	CHECK(strstr(err, "begin:rate:full") != NULL);
	CHECK_INT(c.limits.max_startups.full, 40);
	/* It goes to the UI as text and comes back the same. */
	for (size_t i = 0; config_get(&c, i, &sec, &key, val, sizeof val) == 0; i++)
		if (strcmp(key, "max_startups") == 0)
			CHECK_STR(val, "40:100:40");
	config_penalty_db(&c, val, sizeof val);
	CHECK_STR(val, "db/mentorbbs.db.penalties");
}
