/* `mentorbbs user passwd|delete|export LOGIN`: a member's password, their
 * removal and their data. Every value is checked before the database is
 * opened; every change is one transaction with its audit entry (actor
 * "sysop", db-sysop.h) and one log line. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/cli-user.h"
#include "db/db.h"
#include "db/db-sysop.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "lib/log.h"
#include "lib/xmalloc.h"

struct passwd_args {
	const char *db_path;
	bool expire, keep;
};

static const struct cli_opt passwd_opts[] = {
	CLI_FLAG("expire", struct passwd_args, expire),
	CLI_FLAG("keep", struct passwd_args, keep),
	CLI_STR("db", struct passwd_args, db_path),
};

/* The new password from stdin, checked and hashed. */
static int
passwd_hash(const char *login, char hash[CRYPTO_PWHASH_LEN])
{
	char *pw = xcalloc(1, USER_PASSWORD_MAX + 3);
	const char *why;
	int r;

	if ((r = cli_user_read_password("user passwd", login, pw, USER_PASSWORD_MAX + 3)) != 0)
		goto out;
	if (user_check_password(pw, &why) != 0) {
		r = cli_usage("user passwd: %s", why);
		goto out;
	}
	if (crypto_password_hash(hash, pw) != 0)
		r = cli_fail("user passwd: could not hash the password");
out:
	crypto_wipe(pw, USER_PASSWORD_MAX + 3);
	free(pw);
	return r;
}

int
cli_user_passwd(int argc, char **argv)
{
	struct passwd_args a = { CONFIG_DEFAULT_DB, false, false };
	char hash[CRYPTO_PWHASH_LEN] = "";
	struct member *m = xmalloc(sizeof *m);
	struct db *db = NULL;
	char *login;
	int first, r;

	if ((r = cli_parse("user passwd", argc, argv, passwd_opts, sizeof passwd_opts /
	    sizeof passwd_opts[0], &a, 1, "give exactly one LOGIN", &first)) != 0)
		goto out;
	login = argv[first];
	if ((r = cli_user_login_arg("user passwd", login)) != 0)
		goto out;
	if (a.keep && !a.expire) {
		r = cli_usage("user passwd: --keep goes with --expire (keep the password, "
		    "but make the member change it)");
		goto out;
	}
	if (!a.keep && (r = passwd_hash(login, hash)) != 0)
		goto out;
	if ((r = cli_open_db(a.db_path, &db)) != 0 ||
	    (r = cli_user_find(db, "user passwd", login, m)) != 0)
		goto out;
	if ((r = db_sysop_passwd(db, m->id, a.keep ? NULL : hash, a.expire)) != 0) {
		r = r == ERR_STATE ? cli_fail("user passwd: %s has no password to expire "
		    "(they log in with a key)", m->login) : cli_fail("user passwd: %s", err_str(r));
		goto out;
	}
	cli_logged("password %s: user=%s", a.keep ? "expired" : a.expire ?
	    "set, expired" : "set", m->login);
	printf("%s: %s\n", m->login, a.keep ? "must choose a new password at the next login" :
	    a.expire ? "password set; they must choose a new one at the next login" :
	    "password set");
	r = CLI_OK;
out:
	crypto_wipe(hash, sizeof hash);
	db_close(db);
	free(m);
	return r;
}

struct delete_args {
	const char *db_path;
	bool yes;
};

static const struct cli_opt delete_opts[] = {
	CLI_FLAG("yes", struct delete_args, yes),
	CLI_STR("db", struct delete_args, db_path),
};

int
cli_user_delete(int argc, char **argv)
{
	struct delete_args a = { CONFIG_DEFAULT_DB, false };
	struct member *m = xmalloc(sizeof *m);
	struct db_delete_report rep;
	struct db *db = NULL;
	char *login;
	int first, r;

	if ((r = cli_parse("user delete", argc, argv, delete_opts, sizeof delete_opts /
	    sizeof delete_opts[0], &a, 1, "give exactly one LOGIN", &first)) != 0)
		goto out;
	login = argv[first];
	if ((r = cli_user_login_arg("user delete", login)) != 0)
		goto out;
	if (!a.yes) {
		r = cli_usage("user delete: this cannot be undone; add --yes (user export "
		    "first keeps a copy of their data)");
		goto out;
	}
	if ((r = cli_open_db(a.db_path, &db)) != 0 ||
	    (r = cli_user_find(db, "user delete", login, m)) != 0)
		goto out;
	if ((r = db_sysop_delete(db, m->id, &rep)) != 0) {
		r = cli_fail("user delete: %s", err_str(r));
		goto out;
	}
	cli_logged("member deleted: user=%s id=%lld", m->login, (long long)m->id);
	printf("deleted %s: %lld keys, %lld conversations (%lld messages), %lld stays, "
	    "%lld mentorships, %lld notices removed; %lld threads and %lld posts kept "
	    "as \"former member\"\n", m->login, (long long)rep.keys,
	    (long long)rep.conversations, (long long)rep.messages,
	    (long long)rep.host_requests, (long long)rep.mentorships, (long long)rep.notices,
	    (long long)rep.threads_kept, (long long)rep.posts_kept);
	r = CLI_OK;
out:
	db_close(db);
	free(m);
	return r;
}

struct export_args {
	const char *db_path;
};

static const struct cli_opt export_opts[] = {
	CLI_STR("db", struct export_args, db_path),
};

int
cli_user_export(int argc, char **argv)
{
	struct export_args a = { CONFIG_DEFAULT_DB };
	struct member *m = xmalloc(sizeof *m);
	struct db *db = NULL;
	char *login, *json = NULL;
	int first, r;

	if ((r = cli_parse("user export", argc, argv, export_opts, sizeof export_opts /
	    sizeof export_opts[0], &a, 1, "give exactly one LOGIN", &first)) != 0)
		goto out;
	login = argv[first];
	if ((r = cli_user_login_arg("user export", login)) != 0 ||
	    (r = cli_open_db(a.db_path, &db)) != 0 ||
	    (r = cli_user_find(db, "user export", login, m)) != 0)
		goto out;
	if ((r = db_sysop_export(db, m->id, &json)) != 0) {
		r = cli_fail("user export: %s", err_str(r));
		goto out;
	}
	if (fputs(json, stdout) == EOF || fflush(stdout) != 0) {
		r = cli_fail("user export: cannot write the export");
		goto out;
	}
	r = CLI_OK;
out:
	free(json);
	db_close(db);
	free(m);
	return r;
}
