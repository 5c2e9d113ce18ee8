/* Settings: built-in defaults, then the INI file (libinih), then the command
 * line. Every value has a default so no file is needed. */
#ifndef CONFIG_H
#define CONFIG_H
#include <stdbool.h>
#include <stddef.h>

enum reg_mode { REG_OPEN, REG_APPROVAL, REG_CLOSED };

#define CONFIG_PATH_MAX 1024
#define CONFIG_SETTINGS_MAX 64	/* rows in config.c's table, with room to grow */
#define CONFIG_ARG_MAX (CONFIG_PATH_MAX + 96)	/* "section.key=value" */

struct config {
	char listen[64];		/* [server] listen = 127.0.0.1 */
	int port;			/* [server] port = 2222 */
	char db_path[CONFIG_PATH_MAX];	/* [server] db = db/mentorbbs.db */
	char keys_dir[CONFIG_PATH_MAX];	/* [server] keys = keys */
	char screens_dir[CONFIG_PATH_MAX]; /* [server] screens = screens */
	char bbs_name[64];		/* [bbs] name = mentorbbs */
	char new_login[33];		/* [registration] login = new */
	enum reg_mode reg_mode;		/* [registration] mode = open|approval|closed */
	int idle_timeout;		/* [session] idle_timeout = 1800 (seconds) */
	int idle_warn;			/* [session] idle_warn = 60 (seconds before close) */
	int login_grace;		/* [limits] login_grace = 60 (seconds) */
	int max_auth_tries;		/* [limits] max_auth_tries = 6 */
	int max_startups;		/* [limits] max_unauthenticated = 30 */
	int max_per_addr;		/* [limits] max_unauthenticated_per_address = 10 */
	int max_sessions;		/* [limits] max_sessions = 500 */
	int mentor_remind_days;		/* [mentoring] request_reminder_days = 7 */
	int mentor_expiry_days;		/* [mentoring] request_expiry_days = 14 */
	int mentor_max_pending;		/* [mentoring] max_pending_requests = 2 */
	int msg_per_minute;		/* [messages] per_minute = 30 */
	int msg_per_minute_new;		/* [messages] per_minute_pending = 5 (new members) */
	int msg_max_chars;		/* [messages] max_chars = 8000 */
	int board_per_minute;		/* [boards] per_minute = 10 */
	int board_per_minute_new;	/* [boards] per_minute_new = 3 (new members) */
};

void config_defaults(struct config *c);

/* Loads an INI file over c. Returns 0, or -1 with a one-line message in err
 * (e.g. "mentorbbs.conf:12: unknown key 'prot' in [server]"). Unknown
 * sections/keys and bad values are errors so typos do not pass silently. */
int config_load_file(struct config *c, const char *path, char *err, size_t errsz);

/* Sets one value by section and key, as the file would. Returns 0, or -1 with
 * a message in err. Used by the file loader and by tests. */
int config_set(struct config *c, const char *section, const char *key,
    const char *value, char *err, size_t errsz);

/* The settings as text, one at a time, in table order: i from 0 while it
 * returns 0 (-1 past the last). The session process hands every setting to
 * the UI process this way ("--set section.key=value"), so a new setting
 * reaches the UI without touching the hand-off. */
int config_get(const struct config *c, size_t i, const char **section,
    const char **key, char *val, size_t valsz);
/* Parses "section.key=value" and applies it like config_set. */
int config_set_arg(struct config *c, const char *arg, char *err, size_t errsz);

/* "open" -> REG_OPEN etc. Returns 0 or -1 for an unknown word. */
int config_parse_reg_mode(const char *s, enum reg_mode *out);
const char *config_reg_mode_name(enum reg_mode m);

#endif
