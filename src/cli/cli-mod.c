/* `mentorbbs mod add|remove LOGIN COMMUNITY`: appointing and removing a
 * community's moderators as the sysop (db_staff_appoint / dismiss, which
 * audit as "sysop" and tell the member). COMMUNITY is its slug. */
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-community.h"
#include "db/db-staff.h"
#include "db/db-user.h"
#include "lib/xmalloc.h"
#include "rules/community.h"
#include "rules/sanction.h"
#include "rules/user.h"


struct mod_args {
	const char *db_path, *reason;
};

static const struct cli_opt mod_opts[] = {
	CLI_STR("reason", struct mod_args, reason),
	CLI_STR("db", struct mod_args, db_path),
};

static int
mod_change(int argc, char **argv, bool appoint)
{
	const char *cmd = appoint ? "mod add" : "mod remove", *login, *slug, *why;
	struct mod_args a = { .db_path = CONFIG_DEFAULT_DB };
	struct member *m = NULL;
	struct db *db = NULL;
	int64_t cid = 0;
	int first, r;

	if ((r = cli_parse(cmd, argc, argv, mod_opts, sizeof mod_opts / sizeof mod_opts[0], &a, 2,
	    "give LOGIN and COMMUNITY (its slug)", &first)) != 0)
		return r;
	login = argv[first];
	slug = argv[first + 1];
	if (a.reason == NULL)
		a.reason = appoint ? "Appointed by the sysop" : "Removed by the sysop";
	if (user_check_login(login, NULL, &why) != 0)
		return cli_usage("%s: %s", cmd, why);
	if (!community_slug_valid(slug))
		return cli_usage("%s: '%.40s' is not a community slug", cmd, slug);
	if (staff_check_reason(a.reason, &why) != 0)
		return cli_usage("%s: %s", cmd, why);
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	m = xmalloc(sizeof *m);
	if ((r = db_user_get_by_login(db, login, m)) != 0) {
		r = r == ERR_NOTFOUND ? cli_fail("%s: no member with login '%s'", cmd, login) :
		    cli_fail("%s: %s", cmd, err_str(r));
		goto out;
	}
	if ((r = db_community_by_slug(db, slug, &cid)) != 0) {
		r = r == ERR_NOTFOUND ? cli_fail("%s: no community '%s'", cmd, slug) :
		    cli_fail("%s: %s", cmd, err_str(r));
		goto out;
	}
	r = appoint ? db_staff_appoint(db, STAFF_SYSOP, m->id, cid, a.reason) :
	    db_staff_dismiss(db, STAFF_SYSOP, m->id, cid, a.reason);
	if (r == ERR_EXISTS)
		r = cli_fail("%s: %s moderates %s already", cmd, login, slug);
	else if (r == ERR_NOTFOUND)
		r = cli_fail("%s: %s does not moderate %s", cmd, login, slug);
	else if (r == ERR_STATE)
		r = cli_fail("%s: %s is not an active member", cmd, login);
	else if (r != 0)
		r = cli_fail("%s: %s", cmd, err_str(r));
	else {
		printf("%s %s %s\n", login, appoint ? "now moderates" : "no longer moderates", slug);
		r = CLI_OK;
	}
out:
	free(m);
	db_close(db);
	return r;
}

static int
mod_add(int argc, char **argv)
{
	return mod_change(argc, argv, true);
}

static int
mod_remove(int argc, char **argv)
{
	return mod_change(argc, argv, false);
}

int
cli_mod(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("mod: give a command: add or remove");
	if (strcmp(argv[1], "add") == 0)
		return mod_add(argc - 1, argv + 1);
	if (strcmp(argv[1], "remove") == 0)
		return mod_remove(argc - 1, argv + 1);
	return cli_usage("mod: unknown command '%.40s' (add or remove)", argv[1]);
}
