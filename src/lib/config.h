/* Settings: built-in defaults, then the INI file (libinih), then the command
 * line. Every value has a default so no file is needed. */
#ifndef CONFIG_H
#define CONFIG_H

/* The [server] user the listener drops to when started as root. */
#define CONFIG_DEFAULT_USER	"mentorbbs"

/* Where things are when nothing says otherwise. A development build keeps
 * them relative to the working directory (make run, the tests); the build
 * `make install` makes is given the installed layout by the Makefile:
 * MENTORBBS_SYSCONFDIR (/etc with PREFIX=/usr) holds mentorbbs/mentorbbs.conf
 * and mentorbbs/screens, MENTORBBS_STATEDIR (/var/lib/mentorbbs) the
 * database and the host keys. */
#ifdef MENTORBBS_STATEDIR
#define CONFIG_DEFAULT_DB	MENTORBBS_STATEDIR "/mentorbbs.db"
#define CONFIG_DEFAULT_KEYS	MENTORBBS_STATEDIR "/keys"
#define CONFIG_DEFAULT_SCREENS	MENTORBBS_SYSCONFDIR "/mentorbbs/screens"
#define CONFIG_DEFAULT_FILE	MENTORBBS_SYSCONFDIR "/mentorbbs/mentorbbs.conf"
#else
#define CONFIG_DEFAULT_DB	"db/mentorbbs.db"
#define CONFIG_DEFAULT_KEYS	"keys"
#define CONFIG_DEFAULT_SCREENS	"screens"
#define CONFIG_DEFAULT_FILE	NULL	/* no file unless --config names one */
#endif
#include <stdbool.h>
#include <stddef.h>

enum reg_mode { REG_OPEN, REG_APPROVAL, REG_CLOSED };

#define CONFIG_PATH_MAX 1024
#define CONFIG_SETTINGS_MAX 96	/* rows in config.c's table, with room to grow */
#define CONFIG_ARG_MAX (CONFIG_PATH_MAX + 96)	/* "section.key=value" */

/* MaxStartups start:rate:full: random early drop of new connections
 * from `begin` starting up (rate percent), rising to all at `full`. */
struct config_startups {
	int begin, rate, full;
};

/* One member struct per [section], one field per key, named as in the
 * file: cfg->limits.max_auth_tries is "max_auth_tries" in [limits]. The
 * table in config.c builds each row's names from the field, so the two
 * cannot drift apart. Defaults in the comments. */
struct config {
	struct {
		char listen[64];		/* 127.0.0.1 */
		int port;			/* 2222 */
		char db[CONFIG_PATH_MAX];	/* db/mentorbbs.db */
		char keys[CONFIG_PATH_MAX];	/* keys (host key directory) */
		char screens[CONFIG_PATH_MAX];	/* screens (sysop text screens) */
		char user[33];			/* mentorbbs (become it when started as root) */
		int log_level;			/* info: a lib/log.h level */
	} server;
	struct {
		char name[64];			/* mentorbbs */
	} bbs;
	struct {
		char login[33];			/* new */
		enum reg_mode mode;		/* open | approval | closed */
		char reserved[512];		/* "": more logins nobody may take */
	} registration;
	struct {
		int idle_timeout;		/* 1800 seconds */
		int idle_warn;			/* 60 seconds before the close */
	} session;
	struct {
		int login_grace;		/* 60 seconds */
		int max_auth_tries;		/* 6 */
		struct config_startups max_startups; /* 10:30:100 */
		int per_source_max_startups;	/* 10 */
		int per_source_prefix4;		/* 32 bits */
		int per_source_prefix6;		/* 64 bits */
		int max_sessions;		/* 500 */
		int sessions_per_member;	/* 5 */
		int penalty_authfail;		/* 5 seconds */
		int penalty_noauth;		/* 1 second */
		int penalty_grace;		/* 20 seconds */
		int penalty_crash;		/* 90 seconds */
		int penalty_min;		/* 15 seconds */
		int penalty_max;		/* 600 seconds */
		int penalty_sources;		/* 65536 */
		char penalty_db[CONFIG_PATH_MAX]; /* auto: <[server] db>.penalties */
		int signups;			/* 10 at once */
		int signups_per_source;		/* 2 at once */
		int signups_per_hour;		/* 6 per source */
		int signup_idle;		/* 120 seconds */
		int max_cols;			/* 500: a bigger pty is clamped */
		int max_rows;			/* 200 */
		int process_memory;		/* 1024 MiB of address space */
		int open_files;			/* 256 */
		int search_ms;			/* 250: one member search's time budget */
		int password_delay_max;		/* 30 seconds between guesses, at most */
		int max_password_checks;	/* 4 argon2id checks in flight, machine-wide */
	} limits;
	struct {
		int request_reminder_days;	/* 7 */
		int request_expiry_days;	/* 14 */
		int max_pending_requests;	/* 2 */
	} mentoring;
	struct {
		/* A token bucket (rules/ratelimit.h): burst in a row, at
		 * most per_hour in any hour; _new for new members. */
		int burst;			/* 20 */
		int per_hour;			/* 120 */
		int burst_new;			/* 8 */
		int per_hour_new;		/* 30 */
		int max_chars;			/* 8000 */
	} messages;
	struct {
		int burst;			/* 10: posts in a row */
		int per_hour;			/* 60: posts in any hour */
		int burst_new;			/* 5 (new members) */
		int per_hour_new;		/* 20 (new members) */
		int join_unread_days;		/* 14: posts a joiner finds unread */
	} boards;
	struct {
		int hide_threshold;		/* 3 distinct flaggers hide a post */
		int review_stale_hours;		/* 48: older queue items are marked */
		int probation_days;		/* 7: new members' daily caps */
		int probation_threads;		/* 3 new threads a day */
		int probation_replies;		/* 20 replies a day */
		int probation_messages;		/* 20 private messages a day */
		int probation_requests;		/* 3 requests a day (mentoring, HOST) */
	} moderation;
	struct {
		char from[256];			/* "": mail is off */
		char sendmail[CONFIG_PATH_MAX];	/* /usr/sbin/sendmail -t -i */
		char stop_address[256];		/* "": where members' stop mails go */
		char login_host[256];		/* "": no login line in mails */
		int login_port;			/* 2222 */
		int retry_seconds;		/* 60: the first retry; doubles each time */
		int max_attempts;		/* 8: then the mail is failed */
		int poll_seconds;		/* 30: mail run without --once */
		int timeout_seconds;		/* 60: sendmail's time for one mail */
	} mail;
};

void config_defaults(struct config *c);

/* Loads an INI file over c, all or nothing. Returns 0, or with a one-line
 * message in err (e.g. "mentorbbs.conf:12: unknown key 'prot' in
 * [server]"): ERR_INVALID for a line or value the file may not have
 * (unknown sections and keys too, so typos do not pass silently),
 * ERR_NOTFOUND when there is no such file, ERR_INTERNAL when it cannot be
 * read. */
int config_load_file(struct config *c, const char *path, char *err, size_t errsz);
/* The file a subcommand reads when given no --config: CONFIG_DEFAULT_FILE
 * if it exists (an installed system), else NULL (the defaults alone). */
const char *config_default_file(void);

/* Sets one value by section and key, as the file would. Returns 0, or
 * ERR_INVALID with a message in err (c is unchanged then). Used by the
 * file loader and by tests. */
int config_set(struct config *c, const char *section, const char *key,
    const char *value, char *err, size_t errsz);

/* The settings as text, one at a time, in table order: i from 0 while it
 * returns 0 (ERR_NOTFOUND past the last, with nothing written). The session process hands every setting to
 * the UI process this way ("--set section.key=value"), so a new setting
 * reaches the UI without touching the hand-off. */
int config_get(const struct config *c, size_t i, const char **section,
    const char **key, char *val, size_t valsz);
/* Parses "section.key=value" and applies it like config_set (ERR_INVALID
 * also when arg has not that shape). */
int config_set_arg(struct config *c, const char *arg, char *err, size_t errsz);

/* "open" -> REG_OPEN etc. Returns 0, or ERR_INVALID for an unknown word
 * (*out untouched). */
int config_parse_reg_mode(const char *s, enum reg_mode *out);
const char *config_reg_mode_name(enum reg_mode m);

/* The penalty database's path: [limits] penalty_db, or "<[server] db>.penalties"
 * when that is "auto". */
void config_penalty_db(const struct config *c, char *buf, size_t bufsz);

#endif
