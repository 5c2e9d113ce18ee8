/* `mentorbbs user add|list|set`, and the dispatch of every user command
 * (passwd, key, delete and export in cli-user-data.c and cli-user-key.c,
 * import in cli-user-import.c). Everything
 * given is checked before the database is opened, so a bad value changes
 * nothing; adding a member and their key is one transaction. */
#include <errno.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli-user.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-user.h"
#include "lib/log.h"
#include "lib/text.h"
#include "rules/user.h"
#include "lib/xmalloc.h"

#define KEY_LINE_MAX	8192

struct add_args {
	const char *login, *name, *role_word, *pubkey_path, *db_path, *config_path;
	struct config cfg;
	bool admin, password_stdin;
	enum role role;
	char password[USER_PASSWORD_MAX + 3];	/* + "\r\n" or "\n", NUL */
	struct authkey key;
};

int
cli_user_read_password(const char *cmd, const char *login, char *buf, size_t bufsz)
{
	struct termios saved, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
	size_t len;
	char *got;

	if (tty) {
		fprintf(stderr, "Password for %s: ", login);
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	got = fgets(buf, (int)bufsz, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		fputc('\n', stderr);
	}
	if (got == NULL)
		return cli_usage("%s: no password on stdin", cmd);
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	else if (!feof(stdin))
		return cli_usage("%s: the password is longer than %d bytes", cmd,
		    USER_PASSWORD_MAX);
	if (len > 0 && buf[len - 1] == '\r')
		buf[--len] = '\0';
	return 0;
}

int
cli_user_read_pubkey(const char *path, struct authkey *key)
{
	char line[KEY_LINE_MAX];
	const char *why, *p;
	FILE *f;
	int r = CLI_FAIL;
	bool found = false;

	bool in = strcmp(path, "-") == 0;

	if ((f = in ? stdin : fopen(path, "r")) == NULL)
		return cli_fail("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		if (strchr(line, '\n') == NULL && !feof(f)) {
			r = cli_fail("%s: line too long for a public key", path);
			goto out;
		}
		p = line + strspn(line, " \t\r\n");
		if (*p == '\0' || *p == '#')
			continue;
		found = true;
		break;
	}
	if (ferror(f)) {
		r = cli_fail("%s: read error", path);
		goto out;
	}
	if (!found) {
		r = cli_fail("%s: no public key in this file", path);
		goto out;
	}
	/* Never echo the line: it could be a private key given by mistake. */
	if (strncmp(p, "-----BEGIN", 10) == 0) {
		r = cli_fail("%s looks like a private key: give the .pub file", path);
		goto out;
	}
	if (authkey_parse(p, key, &why) != 0) {
		r = cli_fail("%s: %s", path, why);
		goto out;
	}
	r = 0;
out:
	crypto_wipe(line, sizeof line);
	if (!in)
		fclose(f);
	return r;
}

int
cli_user_config(const char *path, struct config *cfg)
{
	char err[512];

	config_defaults(cfg);
	if (path == NULL)
		path = config_default_file();
	if (path != NULL && config_load_file(cfg, path, err, sizeof err) != 0)
		return cli_fail("%s", err);
	return 0;
}

int
cli_user_login_arg(const char *cmd, char *login)
{
	const char *why;

	/* A lookup: lower case, as over SSH (the argument is ours to fold). */
	(void)user_login_fold(login, strlen(login) + 1, login);
	if (user_check_login(login, NULL, &why) != 0)
		return cli_usage("%s: %s", cmd, why);
	return 0;
}

int
cli_user_find(struct db *db, const char *cmd, char *login, struct member *m)
{
	int r;

	if ((r = cli_user_login_arg(cmd, login)) != 0)
		return r;
	if ((r = db_user_get_by_login(db, login, m)) == 0)
		return 0;
	if (r == ERR_NOTFOUND)
		return cli_fail("%s: no member with login '%.40s'", cmd, login);
	return cli_fail("%s: %s", cmd, err_str(r));
}

static const struct cli_opt add_opts[] = {
	CLI_STR("name", struct add_args, name),
	CLI_STR("role", struct add_args, role_word),
	CLI_FLAG("admin", struct add_args, admin),
	CLI_FLAG("password-stdin", struct add_args, password_stdin),
	CLI_STR("pubkey", struct add_args, pubkey_path),
	CLI_STR("db", struct add_args, db_path),
	CLI_STR("config", struct add_args, config_path),
};

static int
add_parse(int argc, char **argv, struct add_args *a)
{
	int first, r;

	if ((r = cli_parse("user add", argc, argv, add_opts, sizeof add_opts / sizeof add_opts[0],
	    a, 1, "give exactly one LOGIN", &first)) != 0)
		return r;
	a->login = argv[first];
	if (a->name == NULL)
		return cli_usage("user add: --name is required");
	if (a->role_word == NULL)
		return cli_usage("user add: --role is required (alumni, trainee or student)");
	if (!a->password_stdin && a->pubkey_path == NULL)
		return cli_usage("user add: give --password-stdin or --pubkey so the member "
		    "can log in");
	return 0;
}

/* Checks every value before anything is opened or written. */
static int
add_check(struct add_args *a)
{
	const char *why;
	int r;

	if ((r = cli_user_config(a->config_path, &a->cfg)) != 0)
		return r;
	if (user_check_new_login(a->login, a->cfg.registration.login,
	    a->cfg.registration.reserved, &why) != 0)
		return cli_usage("user add: %s", why);
	if (user_check_name(a->name, &why) != 0)
		return cli_usage("user add: %s", why);
	if (member_role_parse(a->role_word, &a->role) != 0)
		return cli_usage("user add: unknown role '%.20s' (alumni, trainee or student)",
		    a->role_word);
	if (a->pubkey_path != NULL && (r = cli_user_read_pubkey(a->pubkey_path, &a->key)) != 0)
		return r;
	if (a->password_stdin) {
		if ((r = cli_user_read_password("user add", a->login, a->password,
		    sizeof a->password)) != 0)
			return r;
		if (user_check_password(a->password, &why) != 0)
			return cli_usage("user add: %s", why);
	}
	return 0;
}

int
cli_user_key_taken(struct db *db, const char *cmd, const char *blob)
{
	struct member *m = xmalloc(sizeof *m);
	int64_t uid;
	int r;

	if (db_key_owner(db, blob, &uid) == 0 && db_user_get(db, uid, m) == 0)
		r = cli_fail("%s: that key already belongs to %s", cmd, m->login);
	else
		r = cli_fail("%s: that key is already registered", cmd);
	free(m);
	return r;
}

static int
add_write(struct db *db, struct add_args *a)
{
	struct member *m = xcalloc(1, sizeof *m);
	const struct authkey *k = &a->key;
	const char *why;
	int64_t id = 0;
	int r, dr;

	text_copy(m->login, sizeof m->login, a->login);
	text_copy(m->name, sizeof m->name, a->name);
	m->role = a->role;
	m->is_admin = a->admin;
	m->status = STATUS_ACTIVE;
	if ((dr = db_begin(db)) != 0) {
		r = cli_fail("user add: %s", err_str(dr));
		goto out;
	}
	r = db_account_register(db, m, a->password_stdin ? a->password : NULL, &id, &why);
	if (r != 0) {
		/* why names what is taken: the login or the display name. */
		r = r == ERR_INVALID ? cli_usage("user add: %s", why) :
		    cli_fail("user add: %s", why);
		goto out;
	}
	if (a->pubkey_path != NULL && (dr = db_key_add(db, 0, id, k->type, k->blob_b64,
	    k->fingerprint, k->comment, NULL)) != 0) {
		r = dr == ERR_EXISTS ? cli_user_key_taken(db, "user add", k->blob_b64) :
		    cli_fail("user add: could not store the key: %s", db_errmsg(db));
		goto out;
	}
	if ((dr = db_commit(db)) != 0) {
		r = cli_fail("user add: %s", err_str(dr));
		goto out;
	}
	cli_logged("member added: user=%s", m->login);
	printf("added %s (%s%s)%s%s\n", m->login, member_role_name(m->role),
	    m->is_admin ? ", admin" : "", a->pubkey_path != NULL ? " with key " : "",
	    a->pubkey_path != NULL ? k->fingerprint : "");
	r = CLI_OK;
out:
	if (r != CLI_OK)
		db_rollback(db);
	free(m);
	return r;
}

static int
user_add(int argc, char **argv)
{
	struct add_args *a = xcalloc(1, sizeof *a);
	struct db *db = NULL;
	int r;

	if ((r = add_parse(argc, argv, a)) != 0 || (r = add_check(a)) != 0)
		goto out;
	if ((r = cli_open_db(a->db_path != NULL ? a->db_path : CONFIG_DEFAULT_DB, &db)) != 0)
		goto out;
	r = add_write(db, a);
out:
	db_close(db);
	crypto_wipe(a->password, sizeof a->password);
	free(a);
	return r;
}

struct list_args {
	const char *db_path;
};

static const struct cli_opt list_opts[] = {
	CLI_STR("db", struct list_args, db_path),
};

/* The larger of cur and the column width of s. */
static size_t
col_width(size_t cur, const char *s)
{
	size_t w = text_width(s);

	return w > cur ? w : cur;
}

/* Prints s (already sanitised) padded to cols columns, then a gap. */
static void
print_cell(const char *s, size_t cols)
{
	size_t w = text_width(s);

	fputs(s, stdout);
	printf("%*s", (int)(cols > w ? cols - w : 0) + 2, "");
}

static void
list_print(const struct member *ms, size_t n)
{
	char (*names)[MEMBER_NAME_SZ * 3] = xcalloc(n ? n : 1, sizeof *names);
	size_t loginw = strlen("LOGIN"), namew = strlen("NAME");
	char login[MEMBER_LOGIN_SZ * 3], date[16];
	struct tm tm;
	time_t t;

	for (size_t i = 0; i < n; i++) {
		/* Display names are member input: sanitised before the terminal. */
		text_sanitize(names[i], sizeof names[i], ms[i].name, false);
		namew = col_width(namew, names[i]);
		loginw = col_width(loginw, ms[i].login);
	}
	print_cell("LOGIN", loginw);
	printf("%-8s %-10s %-5s  ", "ROLE", "STATUS", "ADMIN");
	print_cell("NAME", namew);
	printf("CREATED\n");
	for (size_t i = 0; i < n; i++) {
		text_sanitize(login, sizeof login, ms[i].login, false);
		t = (time_t)ms[i].created_at;
		if (gmtime_r(&t, &tm) == NULL || strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
			snprintf(date, sizeof date, "?");
		print_cell(login, loginw);
		printf("%-8s %-10s %-5s  ", member_role_name(ms[i].role),
		    member_status_name(ms[i].status), ms[i].is_admin ? "yes" : "no");
		print_cell(names[i], namew);
		printf("%s\n", date);
	}
	free(names);
}

static int
user_list(int argc, char **argv)
{
	struct list_args a = { CONFIG_DEFAULT_DB };
	struct member *ms = NULL;
	struct db *db = NULL;
	size_t n = 0;
	int r;

	if ((r = cli_parse("user list", argc, argv, list_opts,
	    sizeof list_opts / sizeof list_opts[0], &a, 0, NULL, NULL)) != 0 ||
	    (r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if (db_user_list(db, &ms, &n) != 0)
		r = cli_fail("user list: %s", db_errmsg(db));
	else
		list_print(ms, n);
	free(ms);
	db_close(db);
	return r;
}

struct set_args {
	const char *login, *db_path;
	const char *status_word, *role_word, *admin_word;
	bool set_status, set_role, set_admin;
	enum member_status status;
	enum role role;
	bool admin;
};

static const struct cli_opt set_opts[] = {
	CLI_STR("status", struct set_args, status_word),
	CLI_STR("role", struct set_args, role_word),
	CLI_STR("admin", struct set_args, admin_word),
	CLI_STR("db", struct set_args, db_path),
};

/* The words given to --status, --role and --admin, checked. */
static int
set_values(struct set_args *a)
{
	if ((a->set_status = a->status_word != NULL) &&
	    (member_status_parse(a->status_word, &a->status) != 0 ||
	    a->status == STATUS_PENDING))
		/* pending is where registration puts a member; the sysop
		 * approves (active) or refuses (suspended). */
		return cli_usage("user set: unknown status '%.20s' (active or suspended)",
		    a->status_word);
	if ((a->set_role = a->role_word != NULL) && member_role_parse(a->role_word, &a->role) != 0)
		return cli_usage("user set: unknown role '%.20s' (alumni, trainee or student)",
		    a->role_word);
	if ((a->set_admin = a->admin_word != NULL)) {
		if (strcmp(a->admin_word, "yes") != 0 && strcmp(a->admin_word, "no") != 0)
			return cli_usage("user set: --admin takes yes or no");
		a->admin = strcmp(a->admin_word, "yes") == 0;
	}
	return 0;
}

static int
set_parse(int argc, char **argv, struct set_args *a)
{
	int first, r;

	if ((r = cli_parse("user set", argc, argv, set_opts, sizeof set_opts / sizeof set_opts[0],
	    a, 1, "give exactly one LOGIN", &first)) != 0 || (r = set_values(a)) != 0)
		return r;
	/* A lookup: lower case, as over SSH (the argument is ours to fold). */
	(void)user_login_fold(argv[first], strlen(argv[first]) + 1, argv[first]);
	a->login = argv[first];
	if (!a->set_status && !a->set_role && !a->set_admin)
		return cli_usage("user set: nothing to change (give --status, --role or --admin)");
	return 0;
}

static int
set_write(struct db *db, const struct set_args *a, int64_t id)
{
	int r;

	if ((r = db_begin(db)) != 0)
		return r;
	if (a->set_status)
		r = db_user_set_status(db, 0, id, a->status);
	if (r == 0 && a->set_role)
		r = db_user_set_role(db, 0, id, a->role);
	if (r == 0 && a->set_admin)
		r = db_user_set_admin(db, 0, id, a->admin);
	if (r == 0)
		r = db_commit(db);
	if (r != 0)
		db_rollback(db);
	return r;
}

static int
user_set(int argc, char **argv)
{
	struct set_args a;
	struct member *m = xmalloc(sizeof *m);
	struct db *db = NULL;
	int r;

	memset(&a, 0, sizeof a);
	if ((r = set_parse(argc, argv, &a)) != 0)
		goto out;
	if ((r = cli_open_db(a.db_path != NULL ? a.db_path : CONFIG_DEFAULT_DB,
	    &db)) != 0)
		goto out;
	if ((r = db_user_get_by_login(db, a.login, m)) != 0) {
		r = r == ERR_NOTFOUND ? cli_fail("user set: no member with login '%.40s'",
		    a.login) : cli_fail("user set: %s", db_errmsg(db));
		goto out;
	}
	if ((r = set_write(db, &a, m->id)) != 0) {
		r = cli_fail("user set: %s", err_str(r));
		goto out;
	}
	cli_logged("member changed: user=%s%s%s%s%s%s%s", m->login,
	    a.set_status ? " status=" : "", a.set_status ? a.status_word : "",
	    a.set_role ? " role=" : "", a.set_role ? a.role_word : "",
	    a.set_admin ? " admin=" : "", a.set_admin ? a.admin_word : "");
	if (db_user_get(db, m->id, m) == 0)
		printf("%s: %s, %s%s\n", m->login, member_role_name(m->role),
		    member_status_name(m->status), m->is_admin ? ", admin" : "");
	r = CLI_OK;
out:
	db_close(db);
	free(m);
	return r;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} user_cmds[] = {
	{ "add", user_add },
	{ "list", user_list },
	{ "set", user_set },
	{ "passwd", cli_user_passwd },
	{ "key", cli_user_key },
	{ "delete", cli_user_delete },
	{ "export", cli_user_export },
	{ "import", cli_user_import },
};

int
cli_user(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("user: give a command: " USER_COMMANDS);
	if (crypto_init() != 0)
		return cli_fail("user: cannot initialise libsodium");
	for (size_t i = 0; i < sizeof user_cmds / sizeof user_cmds[0]; i++)
		if (strcmp(argv[1], user_cmds[i].name) == 0)
			return user_cmds[i].run(argc - 1, argv + 1);
	return cli_usage("user: unknown command '%.40s' (" USER_COMMANDS ")", argv[1]);
}
