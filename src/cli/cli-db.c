/* `mentorbbs db check|backup`: the sysop's database commands. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-maint.h"


struct db_args {
	const char *db_path;
};

static const struct cli_opt db_opts[] = {
	CLI_STR("db", struct db_args, db_path),
};

/* [--db PATH] and exactly nargs positional arguments, left at argv[*first]. */
static int
db_parse(const char *cmd, int argc, char **argv, int nargs, const char **path, int *first)
{
	struct db_args a = { *path };
	int r;

	if ((r = cli_parse(cmd, argc, argv, db_opts, sizeof db_opts / sizeof db_opts[0], &a,
	    nargs, "missing FILE", first)) == 0)
		*path = a.db_path;
	return r;
}

static int
db_check_cmd(int argc, char **argv)
{
	const char *path = CONFIG_DEFAULT_DB;
	struct db *db = NULL;
	char msg[512];
	int r;

	if ((r = db_parse("db check", argc, argv, 0, &path, NULL)) != 0 ||
	    (r = cli_open_db(path, &db)) != 0)
		return r;
	if (db_check(db, msg, sizeof msg) != 0)
		r = cli_fail("db check: %s: %s", path, msg);
	else
		printf("%s: ok (schema version %d)\n", path, db_schema_version(db));
	db_close(db);
	return r;
}

static int
db_backup_cmd(int argc, char **argv)
{
	const char *path = CONFIG_DEFAULT_DB, *dest;
	struct db *db = NULL;
	char err[512];
	int r, first;

	if ((r = db_parse("db backup", argc, argv, 1, &path, &first)) != 0)
		return r;
	dest = argv[first];
	/* Said before opening anything; db_backup refuses again atomically. */
	if (access(dest, F_OK) == 0)
		return cli_fail("db backup: %s already exists (a backup never overwrites)", dest);
	if ((r = cli_open_db(path, &db)) != 0)
		return r;
	if (db_backup(db, dest, err, sizeof err) != 0)
		r = cli_fail("db backup: %s", err);
	else
		printf("backed up %s to %s\n", path, dest);
	db_close(db);
	return r;
}

/* Schema, size, WAL size, free pages, integrity: what a sysop checks
 * before and after an upgrade. Exit 1 when the checks fail. */
static int
db_status_cmd(int argc, char **argv)
{
	const char *path = CONFIG_DEFAULT_DB;
	struct db_status s;
	struct db *db = NULL;
	int r;

	if ((r = db_parse("db status", argc, argv, 0, &path, NULL)) != 0 ||
	    (r = cli_open_db(path, &db)) != 0)
		return r;
	if (db_status(db, &s) != 0) {
		db_close(db);
		return cli_fail("db status: %s: cannot read the database", path);
	}
	printf("database: %s\nschema version: %d\nsize: %lld bytes (%lld pages of %lld, "
	    "%lld free)\nwal: %lld bytes\nintegrity: %s\n", path, s.schema_version,
	    (long long)s.file_bytes, (long long)s.pages, (long long)s.page_size,
	    (long long)s.free_pages, (long long)s.wal_bytes, s.ok ? "ok" : s.problem);
	db_close(db);
	return s.ok ? CLI_OK : cli_fail("db status: %s: %s", path, s.problem);
}

static int
db_vacuum_cmd(int argc, char **argv)
{
	const char *path = CONFIG_DEFAULT_DB;
	struct db *db = NULL;
	int64_t freed = 0;
	int r;

	if ((r = db_parse("db vacuum", argc, argv, 0, &path, NULL)) != 0 ||
	    (r = cli_open_db(path, &db)) != 0)
		return r;
	if (db_vacuum(db, &freed) != 0)
		r = cli_fail("db vacuum: %s: %s", path, db_errmsg(db));
	else
		printf("vacuumed %s: %lld bytes given back\n", path, (long long)freed);
	db_close(db);
	return r;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} db_cmds[] = {
	{ "status", db_status_cmd },
	{ "vacuum", db_vacuum_cmd },
	{ "check", db_check_cmd },
	{ "backup", db_backup_cmd },
};

int
cli_db(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("db: give a command: check, status, vacuum or backup");
	for (size_t i = 0; i < sizeof db_cmds / sizeof db_cmds[0]; i++)
		if (strcmp(argv[1], db_cmds[i].name) == 0)
			return db_cmds[i].run(argc - 1, argv + 1);
	return cli_usage("db: unknown command '%.40s' (check, status, vacuum or backup)", argv[1]);
}
