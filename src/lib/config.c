/* Settings; see config.h. Every key is one row of a table that says where
 * the value goes and how it is checked, so adding a setting is one line here,
 * one in config.h and one in docs/mentorbbs.conf. */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ini.h>
#include "lib/config.h"
#include "lib/log.h"
#include "lib/err.h"
#include "lib/text.h"

#define nitems(a)	(sizeof (a) / sizeof (a)[0])
/* One row of the table: [sec] key = ... lives in cfg->sec.key. */
#define SETTING(sec, key, kind, min, max) { #sec, #key, kind, \
	offsetof(struct config, sec.key), sizeof(((struct config *)0)->sec.key), min, max }

#define BBS_NAME_MAX_CHARS	40
#define LOGIN_MIN		2
#define LOGIN_MAX		32

enum kind {
	K_ADDR,		/* listen address: IP literal or host name */
	K_PATH,		/* file or directory path */
	K_NAME,		/* printable single line shown to members */
	K_LOGIN,	/* a member login */
	K_LOGINS,	/* logins separated by commas or blanks; may be empty */
	K_MODE,		/* registration mode word */
	K_LEVEL,	/* a log level word */
	K_INT,		/* integer in [min, max] */
	K_STARTUPS,	/* begin:rate:full, begin < full, rate 1-100 */
	K_EMAIL,	/* an email address, or "" (not set) */
	K_HOST_OPT,	/* a host name as K_ADDR, or "" (not set) */
};

struct setting {
	const char *section;
	const char *key;
	enum kind kind;
	size_t off;
	size_t size;
	long min, max;
};

/* Limits are wide enough for tests that need short timeouts and tight enough
 * to catch a slip of the keyboard (an idle timeout in milliseconds, say).
 * max_auth_tries never goes above 6, sshd's own default, so a password
 * guesser is cut off early whatever the file says. */
static const struct setting settings[] = {
	SETTING(server, listen, K_ADDR, 0, 0),
	SETTING(server, port, K_INT, 1, 65535),
	SETTING(server, db, K_PATH, 0, 0),
	SETTING(server, keys, K_PATH, 0, 0),
	SETTING(server, screens, K_PATH, 0, 0),
	SETTING(server, user, K_LOGIN, 0, 0),
	SETTING(server, log_level, K_LEVEL, 0, 0),
	SETTING(bbs, name, K_NAME, 0, 0),
	SETTING(registration, login, K_LOGIN, 0, 0),
	SETTING(registration, mode, K_MODE, 0, 0),
	SETTING(registration, reserved, K_LOGINS, 0, 0),
	SETTING(session, idle_timeout, K_INT, 2, 86400),
	SETTING(session, idle_warn, K_INT, 1, 3600),
	SETTING(limits, login_grace, K_INT, 1, 600),
	SETTING(limits, max_auth_tries, K_INT, 1, 6),
	SETTING(limits, max_startups, K_STARTUPS, 1, 10000),
	SETTING(limits, per_source_max_startups, K_INT, 1, 10000),
	SETTING(limits, per_source_prefix4, K_INT, 8, 32),
	SETTING(limits, per_source_prefix6, K_INT, 16, 128),
	SETTING(limits, max_sessions, K_INT, 1, 100000),
	SETTING(limits, sessions_per_member, K_INT, 1, 100),
	SETTING(limits, penalty_authfail, K_INT, 0, 86400),
	SETTING(limits, penalty_noauth, K_INT, 0, 86400),
	SETTING(limits, penalty_grace, K_INT, 0, 86400),
	SETTING(limits, penalty_crash, K_INT, 0, 86400),
	SETTING(limits, penalty_min, K_INT, 0, 86400),
	SETTING(limits, penalty_max, K_INT, 1, 604800),
	SETTING(limits, penalty_sources, K_INT, 1, 1000000),
	SETTING(limits, penalty_db, K_PATH, 0, 0),
	SETTING(limits, signups, K_INT, 0, 10000),
	SETTING(limits, signups_per_source, K_INT, 0, 10000),
	SETTING(limits, signups_per_hour, K_INT, 0, 100000),
	SETTING(limits, signup_idle, K_INT, 5, 3600),
	SETTING(limits, max_cols, K_INT, 80, 1000),
	SETTING(limits, max_rows, K_INT, 24, 1000),
	SETTING(limits, process_memory, K_INT, 64, 1048576),
	SETTING(limits, open_files, K_INT, 32, 65536),
	SETTING(limits, search_ms, K_INT, 10, 10000),
	SETTING(limits, password_delay_max, K_INT, 1, 3600),
	SETTING(limits, max_password_checks, K_INT, 1, 256),
	SETTING(mentoring, request_reminder_days, K_INT, 1, 365),
	SETTING(mentoring, request_expiry_days, K_INT, 1, 365),
	SETTING(mentoring, max_pending_requests, K_INT, 1, 20),
	SETTING(messages, burst, K_INT, 1, 10000),
	SETTING(messages, per_hour, K_INT, 1, 10000),
	SETTING(messages, burst_new, K_INT, 1, 10000),
	SETTING(messages, per_hour_new, K_INT, 1, 10000),
	SETTING(messages, max_chars, K_INT, 1, 100000),
	SETTING(boards, burst, K_INT, 1, 10000),
	SETTING(boards, per_hour, K_INT, 1, 10000),
	SETTING(boards, burst_new, K_INT, 1, 10000),
	SETTING(boards, per_hour_new, K_INT, 1, 10000),
	SETTING(boards, join_unread_days, K_INT, 0, 365),
	SETTING(moderation, hide_threshold, K_INT, 1, 100),
	SETTING(moderation, review_stale_hours, K_INT, 1, 8760),
	SETTING(moderation, probation_days, K_INT, 0, 365),
	SETTING(moderation, probation_threads, K_INT, 0, 10000),
	SETTING(moderation, probation_replies, K_INT, 0, 10000),
	SETTING(moderation, probation_messages, K_INT, 0, 10000),
	SETTING(moderation, probation_requests, K_INT, 0, 10000),
	SETTING(mail, from, K_EMAIL, 0, 0),
	SETTING(mail, sendmail, K_PATH, 0, 0),
	SETTING(mail, stop_address, K_EMAIL, 0, 0),
	SETTING(mail, login_host, K_HOST_OPT, 0, 0),
	SETTING(mail, login_port, K_INT, 1, 65535),
	SETTING(mail, retry_seconds, K_INT, 1, 86400),
	SETTING(mail, max_attempts, K_INT, 1, 100),
	SETTING(mail, poll_seconds, K_INT, 1, 3600),
	SETTING(mail, timeout_seconds, K_INT, 1, 3600),
};

/* The words of lib/log.h's levels, in its order. */
static const char *const level_names[] = {
	[LOG_DEBUG] = "debug", [LOG_INFO] = "info", [LOG_WARN] = "warn", [LOG_ERR] = "error",
};

static const char *const reg_mode_names[] = {
	[REG_OPEN] = "open",
	[REG_APPROVAL] = "approval",
	[REG_CLOSED] = "closed",
};

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	text_copy(c->server.listen, sizeof c->server.listen, "127.0.0.1");
	c->server.port = 2222;
	text_copy(c->server.db, sizeof c->server.db, CONFIG_DEFAULT_DB);
	text_copy(c->server.keys, sizeof c->server.keys, CONFIG_DEFAULT_KEYS);
	text_copy(c->server.screens, sizeof c->server.screens, CONFIG_DEFAULT_SCREENS);
	text_copy(c->server.user, sizeof c->server.user, CONFIG_DEFAULT_USER);
	c->server.log_level = LOG_INFO;
	text_copy(c->bbs.name, sizeof c->bbs.name, "mentorbbs");
	text_copy(c->registration.login, sizeof c->registration.login, "new");
	c->registration.mode = REG_OPEN;
	c->session.idle_timeout = 1800;
	c->session.idle_warn = 60;
	c->limits.login_grace = 60;
	c->limits.max_auth_tries = 6;
	c->limits.max_startups = (struct config_startups){ 10, 30, 100 };
	c->limits.per_source_max_startups = 10;
	c->limits.per_source_prefix4 = 32;
	c->limits.per_source_prefix6 = 64;
	c->limits.max_sessions = 500;
	c->limits.sessions_per_member = 5;
	c->limits.penalty_authfail = 5;
	c->limits.penalty_noauth = 1;
	c->limits.penalty_grace = 20;
	c->limits.penalty_crash = 90;
	c->limits.penalty_min = 15;
	c->limits.penalty_max = 600;
	c->limits.penalty_sources = 65536;
	text_copy(c->limits.penalty_db, sizeof c->limits.penalty_db, "auto");
	c->limits.signups = 10;
	c->limits.signups_per_source = 2;
	c->limits.signups_per_hour = 6;
	c->limits.signup_idle = 120;
	c->limits.max_cols = 500;
	c->limits.max_rows = 200;
	c->limits.process_memory = 1024;
	c->limits.open_files = 256;
	c->limits.search_ms = 250;
	c->limits.password_delay_max = 30;
	c->limits.max_password_checks = 4;
	c->mentoring.request_reminder_days = 7;
	c->mentoring.request_expiry_days = 14;
	c->mentoring.max_pending_requests = 2;
	c->messages.burst = 20;
	c->messages.per_hour = 120;
	c->messages.burst_new = 8;
	c->messages.per_hour_new = 30;
	c->messages.max_chars = 8000;
	c->boards.burst = 10;
	c->boards.per_hour = 60;
	c->boards.burst_new = 5;
	c->boards.per_hour_new = 20;
	c->boards.join_unread_days = 14;
	c->moderation.hide_threshold = 3;
	c->moderation.review_stale_hours = 48;
	c->moderation.probation_days = 7;
	c->moderation.probation_threads = 3;
	c->moderation.probation_replies = 20;
	c->moderation.probation_messages = 20;
	c->moderation.probation_requests = 3;
	text_copy(c->mail.sendmail, sizeof c->mail.sendmail, "/usr/sbin/sendmail -t -i");
	c->mail.login_port = 2222;
	c->mail.retry_seconds = 60;
	c->mail.max_attempts = 8;
	c->mail.poll_seconds = 30;
	c->mail.timeout_seconds = 60;
}

const char *
config_default_file(void)
{
	const char *f = CONFIG_DEFAULT_FILE;

	return f != NULL && access(f, F_OK) == 0 ? f : NULL;
}

int
config_parse_reg_mode(const char *s, enum reg_mode *out)
{
	for (size_t i = 0; i < nitems(reg_mode_names); i++) {
		if (strcmp(s, reg_mode_names[i]) == 0) {
			*out = (enum reg_mode)i;
			return 0;
		}
	}
	return ERR_INVALID;
}

const char *
config_reg_mode_name(enum reg_mode m)
{
	if ((size_t)m >= nitems(reg_mode_names))
		return "unknown";
	return reg_mode_names[m];
}

/* Decimal only: "0x10" or "1e3" in a config file is more likely a mistake
 * than a wish. */
static int
parse_int(const char *s, long min, long max, int *out)
{
	char *end;
	long v;

	if (*s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return ERR_INVALID;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return ERR_INVALID;
	*out = (int)v;
	return 0;
}

/* "begin:rate:full" as sshd's MaxStartups, or one number (full, no early
 * drop): begin < full within [min, max], rate 1-100. */
static int
parse_startups(const char *s, long min, long max, struct config_startups *out)
{
	struct config_startups v;
	char tail;
	int n;

	n = sscanf(s, "%d:%d:%d%c", &v.begin, &v.rate, &v.full, &tail);
	if (n == 1 && strchr(s, ':') == NULL && parse_int(s, min, max, &v.full) == 0) {
		v.begin = v.full;
		v.rate = 100;
	} else if (n != 3 || strspn(s, "0123456789:") != strlen(s))
		return ERR_INVALID;
	if (v.begin < min || v.full > max || v.begin > v.full || v.rate < 1 || v.rate > 100)
		return ERR_INVALID;
	*out = v;
	return 0;
}

static bool
valid_addr(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(".:-_%", *s) != NULL))
			return false;
	}
	return true;
}

/* An address a header can carry as it is: printable ASCII without spaces
 * or the characters that mean something in a header, one @, a dotted
 * domain. rules/mail.c checks members' addresses the same way; the
 * settings sit below the rules, so they have their own copy. */
static bool
valid_email(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strchr(at, '.') == NULL ||
	    at[1] == '.' || s[strlen(s) - 1] == '.')
		return false;
	for (; *s != '\0'; s++)
		if (*s <= 0x20 || *s >= 0x7f || strchr("\"(),:;<>[\\]`'", *s) != NULL)
			return false;
	return true;
}

/* The same rule user_check_login applies to members' logins. */
static bool
valid_login(const char *s)
{
	size_t len = strlen(s);

	if (len < LOGIN_MIN || len > LOGIN_MAX)
		return false;
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '.' || *s == '_' || *s == '-'))
			return false;
	}
	return true;
}

/* Logins separated by commas or blanks, each valid; "" is an empty list. */
static bool
valid_logins(const char *s)
{
	char word[LOGIN_MAX + 1];
	size_t n;

	while (*s != '\0') {
		s += strspn(s, ", \t");
		if ((n = strcspn(s, ", \t")) == 0)
			break;
		if (n > LOGIN_MAX)
			return false;
		memcpy(word, s, n);
		word[n] = '\0';
		if (!valid_login(word))
			return false;
		s += n;
	}
	return true;
}

/* A printable one-line value that fits its field: NULL if fine, else why
 * not. too_long says what the limit is. */
static const char *
check_string(const struct setting *st, const char *value, size_t max_chars,
    const char *too_long)
{
	const char *why;

	if (*value == '\0')
		return "must not be empty";
	if ((why = text_check_line(value, SIZE_MAX)) != NULL)
		return why;
	if (strlen(value) >= st->size || text_chars(value) > max_chars)
		return too_long;
	return NULL;
}

/* Puts a settings error into err: what was wrong, the key and the value. */
static void
set_error(char *err, size_t errsz, const struct setting *st, const char *value,
    const char *why)
{
	char esc[96];

	text_escape_log(esc, sizeof esc, value);
	snprintf(err, errsz, "%s in [%s] %s (got \"%s\")", st->key, st->section,
	    why, esc);
}

static int
apply(struct config *c, const struct setting *st, const char *value,
    char *err, size_t errsz)
{
	char *field = (char *)c + st->off;
	char range[64], too_long[64];
	const char *why;
	enum reg_mode mode;
	struct config_startups su;
	int v;

	switch (st->kind) {
	case K_ADDR:
		if (!valid_addr(value) || strlen(value) >= st->size) {
			set_error(err, errsz, st, value,
			    "must be an IP address or host name");
			return ERR_INVALID;
		}
		break;
	case K_EMAIL:
		if (*value != '\0' && (!valid_email(value) || strlen(value) >= st->size)) {
			set_error(err, errsz, st, value, "must be an email address "
			    "(like bbs@example.org) or empty");
			return ERR_INVALID;
		}
		break;
	case K_HOST_OPT:
		if (*value != '\0' && (!valid_addr(value) || strlen(value) >= st->size)) {
			set_error(err, errsz, st, value, "must be a host name or empty");
			return ERR_INVALID;
		}
		break;
	case K_PATH:
		snprintf(too_long, sizeof too_long, "is too long (at most %d "
		    "bytes)", CONFIG_PATH_MAX - 1);
		if ((why = check_string(st, value, SIZE_MAX,
		    too_long)) != NULL) {
			set_error(err, errsz, st, value, why);
			return ERR_INVALID;
		}
		break;
	case K_NAME:
		snprintf(too_long, sizeof too_long, "is too long (at most %d "
		    "characters)", BBS_NAME_MAX_CHARS);
		if ((why = check_string(st, value, BBS_NAME_MAX_CHARS,
		    too_long)) != NULL) {
			set_error(err, errsz, st, value, why);
			return ERR_INVALID;
		}
		break;
	case K_LOGIN:
		if (!valid_login(value)) {
			set_error(err, errsz, st, value, "must be 2 to 32 "
			    "lower-case letters, digits, '.', '_' or '-'");
			return ERR_INVALID;
		}
		break;
	case K_LOGINS:
		if (!valid_logins(value) || strlen(value) >= st->size) {
			set_error(err, errsz, st, value, "must be logins (2 to 32 "
			    "lower-case letters, digits, '.', '_' or '-') separated by "
			    "commas, at most 511 bytes");
			return ERR_INVALID;
		}
		break;
	case K_LEVEL:
		for (v = 0; v < (long)nitems(level_names); v++)
			if (strcmp(value, level_names[v]) == 0)
				break;
		if (v == (long)nitems(level_names)) {
			set_error(err, errsz, st, value,
			    "must be debug, info, warn or error");
			return ERR_INVALID;
		}
		*(int *)field = (int)v;
		return 0;
	case K_MODE:
		if (config_parse_reg_mode(value, &mode) != 0) {
			set_error(err, errsz, st, value,
			    "must be open, approval or closed");
			return ERR_INVALID;
		}
		memcpy(field, &mode, sizeof mode);
		return 0;
	case K_INT:
		if (parse_int(value, st->min, st->max, &v) != 0) {
			snprintf(range, sizeof range,
			    "must be a whole number from %ld to %ld",
			    st->min, st->max);
			set_error(err, errsz, st, value, range);
			return ERR_INVALID;
		}
		memcpy(field, &v, sizeof v);
		return 0;
	case K_STARTUPS:
		if (parse_startups(value, st->min, st->max, &su) != 0) {
			snprintf(range, sizeof range, "must be begin:rate:full (begin <= full, "
			    "%ld-%ld; rate 1-100)", st->min, st->max);
			set_error(err, errsz, st, value, range);
			return ERR_INVALID;
		}
		memcpy(field, &su, sizeof su);
		return 0;
	}
	text_copy(field, st->size, value);
	return 0;
}

static const struct setting *
find_setting(const char *section, const char *key, bool *section_known)
{
	*section_known = false;
	for (size_t i = 0; i < nitems(settings); i++) {
		if (strcmp(settings[i].section, section) != 0)
			continue;
		*section_known = true;
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	}
	return NULL;
}

int
config_set(struct config *c, const char *section, const char *key,
    const char *value, char *err, size_t errsz)
{
	const struct setting *st;
	char esec[64], ekey[64];
	bool section_known;

	if ((st = find_setting(section, key, &section_known)) != NULL)
		return apply(c, st, value, err, errsz);
	text_escape_log(esec, sizeof esec, section);
	text_escape_log(ekey, sizeof ekey, key);
	if (*section == '\0')
		snprintf(err, errsz, "key '%s' is outside any [section]", ekey);
	else if (!section_known)
		snprintf(err, errsz, "unknown section [%s]", esec);
	else if ((strcmp(section, "boards") == 0 || strcmp(section, "messages") == 0) &&
	    strncmp(key, "per_minute", 10) == 0)
		/* The limit of an older version: say what replaced it. */
		snprintf(err, errsz, "'%s' in [%s] is gone: the limit is now burst and "
		    "per_hour (burst_new and per_hour_new for new members)", ekey, esec);
	else
		snprintf(err, errsz, "unknown key '%s' in [%s]", ekey, esec);
	return ERR_INVALID;
}

int
config_get(const struct config *c, size_t i, const char **section,
    const char **key, char *val, size_t valsz)
{
	const struct setting *st;
	const char *base = (const char *)c;

	if (i >= nitems(settings))
		return ERR_NOTFOUND;
	st = &settings[i];
	*section = st->section;
	*key = st->key;
	switch (st->kind) {
	case K_INT:
		snprintf(val, valsz, "%d", *(const int *)(base + st->off));
		break;
	case K_LEVEL:
		snprintf(val, valsz, "%s", level_names[*(const int *)(base + st->off)]);
		break;
	case K_MODE:
		snprintf(val, valsz, "%s",
		    config_reg_mode_name(*(const enum reg_mode *)(base + st->off)));
		break;
	case K_STARTUPS: {
		const struct config_startups *su = (const void *)(base + st->off);

		snprintf(val, valsz, "%d:%d:%d", su->begin, su->rate, su->full);
		break;
	}
	case K_ADDR: case K_PATH: case K_NAME: case K_LOGIN: case K_LOGINS: case K_EMAIL:
	case K_HOST_OPT:
		snprintf(val, valsz, "%s", base + st->off);
		break;
	}
	return 0;
}

void
config_penalty_db(const struct config *c, char *buf, size_t bufsz)
{
	if (strcmp(c->limits.penalty_db, "auto") == 0)
		snprintf(buf, bufsz, "%s.penalties", c->server.db);
	else
		snprintf(buf, bufsz, "%s", c->limits.penalty_db);
}

int
config_set_arg(struct config *c, const char *arg, char *err, size_t errsz)
{
	const char *dot = strchr(arg, '.'), *eq = strchr(arg, '=');
	char section[64], key[64];

	if (dot == NULL || eq == NULL || eq < dot || (size_t)(dot - arg) >= sizeof section ||
	    (size_t)(eq - dot - 1) >= sizeof key) {
		snprintf(err, errsz, "expected section.key=value");
		return ERR_INVALID;
	}
	memcpy(section, arg, (size_t)(dot - arg));
	section[dot - arg] = '\0';
	memcpy(key, dot + 1, (size_t)(eq - dot - 1));
	key[eq - dot - 1] = '\0';
	return config_set(c, section, key, eq + 1, err, errsz);
}

/* State of one config_load_file: the file, the line inih is on (inih counts
 * lines too, but this build does not pass them to the handler) and the first
 * error found. */
struct load {
	struct config cfg;
	FILE *fp;
	int lineno;
	bool failed;
	int code;		/* ERR_INVALID, or ERR_INTERNAL for a read error */
	int err_line;		/* 0 when the error is not on one line */
	char err[256];
	int timeout_line, warn_line;
};

static void
load_error(struct load *ld, int line, const char *msg)
{
	/* Report the first problem in the file, whichever way it was found. */
	if (ld->failed && ld->err_line <= line)
		return;
	ld->failed = true;
	ld->err_line = line;
	text_copy(ld->err, sizeof ld->err, msg);
}

/* inih reads into a fixed buffer and would silently split a longer line in
 * two, so a long line is refused here and inih is handed an empty one. */
static char *
load_read_line(char *str, int num, void *stream)
{
	struct load *ld = stream;
	size_t len;
	int ch;

	if (fgets(str, num, ld->fp) == NULL)
		return NULL;
	ld->lineno++;
	len = strlen(str);
	if (num > 1 && len == (size_t)num - 1 && str[len - 1] != '\n') {
		if ((ch = getc(ld->fp)) == EOF || ch == '\n')
			return str;
		while ((ch = getc(ld->fp)) != EOF && ch != '\n')
			;
		load_error(ld, ld->lineno, "line is too long");
		str[0] = '\0';
	}
	return str;
}

static int
load_handler(void *user, const char *section, const char *name,
    const char *value)
{
	struct load *ld = user;
	char msg[256];

	if (config_set(&ld->cfg, section, name, value, msg, sizeof msg) != 0) {
		load_error(ld, ld->lineno, msg);
		return 0;
	}
	if (strcmp(name, "idle_timeout") == 0)
		ld->timeout_line = ld->lineno;
	else if (strcmp(name, "idle_warn") == 0)
		ld->warn_line = ld->lineno;
	return 1;
}

/* Checks that need more than one value, once the whole file is read. */
static void
load_check(struct load *ld)
{
	char msg[128];

	if (ld->cfg.session.idle_warn >= ld->cfg.session.idle_timeout) {
		snprintf(msg, sizeof msg,
		    "idle_warn (%d) must be less than idle_timeout (%d)",
		    ld->cfg.session.idle_warn, ld->cfg.session.idle_timeout);
		load_error(ld, ld->warn_line > ld->timeout_line ?
		    ld->warn_line : ld->timeout_line, msg);
	}
}

int
config_load_file(struct config *c, const char *path, char *err, size_t errsz)
{
	struct load ld;
	int r;

	memset(&ld, 0, sizeof ld);
	ld.cfg = *c;
	if ((ld.fp = fopen(path, "r")) == NULL) {
		r = errno == ENOENT ? ERR_NOTFOUND : ERR_INTERNAL;
		snprintf(err, errsz, "%s: cannot open: %s", path,
		    strerror(errno));
		return r;
	}
	r = ini_parse_stream(load_read_line, &ld, load_handler, &ld);
	if (r > 0)
		load_error(&ld, r, "expected [section] or key = value");
	else if (r < 0 || ferror(ld.fp)) {
		load_error(&ld, ld.lineno, "read error");
		ld.code = ERR_INTERNAL;
	}
	fclose(ld.fp);
	if (!ld.failed)
		load_check(&ld);
	if (ld.failed) {
		if (ld.err_line > 0)
			snprintf(err, errsz, "%s:%d: %s", path, ld.err_line,
			    ld.err);
		else
			snprintf(err, errsz, "%s: %s", path, ld.err);
		return ld.code != 0 ? ld.code : ERR_INVALID;
	}
	*c = ld.cfg;
	return 0;
}
