/* `mentorbbs community add|list|archive`: the sysop's community commands.
 * Values are checked before the database opens, so a bad one changes
 * nothing; each change goes through the data layer as the sysop (actor
 * 0), which writes its audit entry ("sysop") in the same transaction. */
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
#include "lib/text.h"
#include "rules/community.h"
#include "rules/sanction.h"


struct community_args {
	const char *db_path, *kind, *description, *reason;
};

static const struct cli_opt add_opts[] = {
	CLI_STR("kind", struct community_args, kind),
	CLI_STR("description", struct community_args, description),
	CLI_STR("db", struct community_args, db_path),
};

static const struct cli_opt list_opts[] = {
	CLI_STR("db", struct community_args, db_path),
};

static const struct cli_opt archive_opts[] = {
	CLI_STR("reason", struct community_args, reason),
	CLI_STR("db", struct community_args, db_path),
};

static int
community_add(int argc, char **argv)
{
	struct community_args a = { .db_path = CONFIG_DEFAULT_DB, .description = "" };
	char slug[COMMUNITY_SLUG_SZ];
	struct db *db = NULL;
	const char *why, *name;
	int64_t id = 0;
	int first, r;

	if ((r = cli_parse("community add", argc, argv, add_opts,
	    sizeof add_opts / sizeof add_opts[0], &a, 1, "give exactly one NAME", &first)) != 0)
		return r;
	name = argv[first];
	if (a.kind == NULL)
		return cli_usage("community add: --kind is required (region or career)");
	if (community_check(name, a.kind, a.description, &why) != 0)
		return cli_usage("community add: %s", why);
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	r = db_community_add(db, STAFF_SYSOP, name, a.kind, a.description, &id, slug, sizeof slug);
	if (r == ERR_EXISTS)
		r = cli_fail("community add: a community of that name exists");
	else if (r != 0)
		r = cli_fail("community add: %s", err_str(r));
	else {
		printf("added community %s (%s)\n", slug, a.kind);
		r = CLI_OK;
	}
	db_close(db);
	return r;
}

static int
community_list(int argc, char **argv)
{
	struct community_args a = { .db_path = CONFIG_DEFAULT_DB };
	struct community_info *cs = NULL;
	char name[BOARD_NAME_MAX * 4 * 3 + 1];
	struct db *db = NULL;
	size_t n = 0;
	int r;

	if ((r = cli_parse("community list", argc, argv, list_opts,
	    sizeof list_opts / sizeof list_opts[0], &a, 0, NULL, NULL)) != 0 ||
	    (r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((r = db_community_list_all(db, STAFF_SYSOP, &cs, &n)) != 0)
		r = cli_fail("community list: %s", err_str(r));
	else {
		printf("%-24s %-7s %-9s %7s %4s  %s\n", "SLUG", "KIND", "STATE", "MEMBERS", "MODS",
		    "NAME");
		for (size_t i = 0; i < n; i++) {
			/* Names may come from members' requests: sanitised. */
			text_sanitize(name, sizeof name, cs[i].name, false);
			printf("%-24s %-7s %-9s %7lld %4lld  %s\n", cs[i].slug, cs[i].kind,
			    cs[i].archived_at != 0 ? "archived" : "open",
			    (long long)cs[i].members, (long long)cs[i].moderators, name);
		}
	}
	free(cs);
	db_close(db);
	return r;
}

static int
community_archive(int argc, char **argv)
{
	struct community_args a = { .db_path = CONFIG_DEFAULT_DB };
	struct db *db = NULL;
	const char *slug, *why;
	int64_t id = 0;
	int first, r;

	if ((r = cli_parse("community archive", argc, argv, archive_opts,
	    sizeof archive_opts / sizeof archive_opts[0], &a, 1, "give exactly one SLUG",
	    &first)) != 0)
		return r;
	slug = argv[first];
	if (!community_slug_valid(slug))
		return cli_usage("community archive: '%.40s' is not a community slug", slug);
	if (a.reason != NULL && staff_check_reason(a.reason, &why) != 0)
		return cli_usage("community archive: %s", why);
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((r = db_community_by_slug(db, slug, &id)) == 0)
		r = db_community_archive(db, STAFF_SYSOP, id, a.reason);
	if (r == ERR_NOTFOUND)
		r = cli_fail("community archive: no community '%s'", slug);
	else if (r == ERR_STATE)
		r = cli_fail("community archive: %s is archived already", slug);
	else if (r != 0)
		r = cli_fail("community archive: %s", err_str(r));
	else {
		printf("archived %s\n", slug);
		r = CLI_OK;
	}
	db_close(db);
	return r;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} community_cmds[] = {
	{ "add", community_add },
	{ "list", community_list },
	{ "archive", community_archive },
};

int
cli_community(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("community: give a command: add, list or archive");
	for (size_t i = 0; i < sizeof community_cmds / sizeof community_cmds[0]; i++)
		if (strcmp(argv[1], community_cmds[i].name) == 0)
			return community_cmds[i].run(argc - 1, argv + 1);
	return cli_usage("community: unknown command '%.40s' (add, list or archive)", argv[1]);
}
