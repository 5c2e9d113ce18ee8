/* `mentorbbs user key add LOGIN FILE|-`, `user key list LOGIN` and `user key
 * remove LOGIN FINGERPRINT`: a member's SSH keys from the command line,
 * each change with its audit entry and a log line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "cli/cli-user.h"
#include "db/db.h"
#include "db/db-staff.h"
#include "db/db-sysop.h"
#include "db/db-user.h"
#include "lib/config.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

struct key_args {
	const char *db_path;
};

static const struct cli_opt key_opts[] = {
	CLI_STR("db", struct key_args, db_path),
};

static int
key_add(struct db *db, const struct member *m, const struct authkey *k)
{
	int64_t owner = 0;
	struct member *o;
	int r;

	if ((r = db_sysop_key_add(db, m->id, k, &owner)) == ERR_EXISTS) {
		o = xmalloc(sizeof *o);
		r = owner != 0 && db_user_get(db, owner, o) == 0 ?
		    cli_fail("user key add: that key already belongs to %s", o->login) :
		    cli_fail("user key add: that key is already registered");
		free(o);
		return r;
	}
	if (r == ERR_INVALID)
		return cli_fail("user key add: %s already has %d keys (the most a member may "
		    "have)", m->login, DB_KEY_MAX);
	if (r != 0)
		return cli_fail("user key add: %s", err_str(r));
	cli_logged("key added: user=%s key=%s", m->login, k->fingerprint);
	printf("%s: added %s %s\n", m->login, k->type, k->fingerprint);
	return CLI_OK;
}

static int
key_list(struct db *db, const struct member *m)
{
	struct member_key *keys = NULL;
	char comment[MEMBER_FIELD_SZ * 3], date[16];
	struct tm tm;
	time_t t;
	size_t n = 0;
	int r;

	if ((r = db_key_list(db, STAFF_SYSOP, m->id, &keys, &n)) != 0)
		return cli_fail("user key list: %s", err_str(r));
	for (size_t i = 0; i < n; i++) {
		t = (time_t)keys[i].created_at;
		if (gmtime_r(&t, &tm) == NULL || strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
			snprintf(date, sizeof date, "?");
		/* A comment is member input: sanitised before the terminal. */
		text_sanitize(comment, sizeof comment, keys[i].comment, false);
		printf("%s  %s  %s  %s\n", keys[i].fingerprint, keys[i].type, date, comment);
	}
	if (n == 0)
		printf("%s has no SSH keys\n", m->login);
	db_key_list_free(keys, n);
	return CLI_OK;
}

static int
key_remove(struct db *db, const struct member *m, const char *fingerprint)
{
	bool locked = false;
	int r;

	if ((r = db_sysop_key_remove(db, m->id, fingerprint, &locked)) == ERR_NOTFOUND)
		return cli_fail("user key remove: %s has no key %.80s (see user key list)",
		    m->login, fingerprint);
	if (r != 0)
		return cli_fail("user key remove: %s", err_str(r));
	cli_logged("key removed: user=%s key=%s", m->login, fingerprint);
	printf("%s: removed %s%s\n", m->login, fingerprint, locked ? " (they have no password "
	    "and no key now: they cannot log in until given one)" : "");
	return CLI_OK;
}

int
cli_user_key(int argc, char **argv)
{
	struct key_args a = { CONFIG_DEFAULT_DB };
	struct member *m = NULL;
	struct authkey *k = NULL;
	struct db *db = NULL;
	const char *verb;
	char cmd[32];
	int first, r, npos;

	if (argc < 2)
		return cli_usage("user key: give add, list or remove");
	verb = argv[1];
	if (strcmp(verb, "add") != 0 && strcmp(verb, "list") != 0 && strcmp(verb, "remove") != 0)
		return cli_usage("user key: unknown command '%.40s' (add, list or remove)", verb);
	snprintf(cmd, sizeof cmd, "user key %s", verb);
	npos = strcmp(verb, "list") == 0 ? 1 : 2;
	if ((r = cli_parse(cmd, argc - 1, argv + 1, key_opts, sizeof key_opts / sizeof key_opts[0],
	    &a, npos, npos == 1 ? "give exactly one LOGIN" : strcmp(verb, "add") == 0 ?
	    "give LOGIN and a public key FILE (- for stdin)" : "give LOGIN and the key's "
	    "FINGERPRINT (from user key list)", &first)) != 0)
		return r;
	first++;	/* argv + 1 above */
	if ((r = cli_user_login_arg(cmd, argv[first])) != 0)
		return r;
	if (strcmp(verb, "remove") == 0 && (strncmp(argv[first + 1], "SHA256:", 7) != 0 ||
	    text_check_line(argv[first + 1], 80) != NULL))
		return cli_usage("%s: a fingerprint looks like SHA256:... (see user key list)", cmd);
	if (strcmp(verb, "add") == 0) {
		k = xcalloc(1, sizeof *k);
		if ((r = cli_user_read_pubkey(argv[first + 1], k)) != 0)
			goto out;
	}
	m = xmalloc(sizeof *m);
	if ((r = cli_open_db(a.db_path, &db)) != 0 ||
	    (r = cli_user_find(db, cmd, argv[first], m)) != 0)
		goto out;
	if (k != NULL)
		r = key_add(db, m, k);
	else if (npos == 1)
		r = key_list(db, m);
	else
		r = key_remove(db, m, argv[first + 1]);
out:
	db_close(db);
	free(m);
	free(k);
	return r;
}
