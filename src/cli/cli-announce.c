/* `mentorbbs announce TEXT [--until DATE]`: an announcement for everyone
 * from the sysop, shown at login and in every live session's status bar.
 * Checked before the database is opened, so a bad value changes nothing. */
#include <stdio.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db-admin.h"
#include "db/db.h"
#include "rules/admin.h"

struct announce_args {
	const char *until, *db_path;
};

static const struct cli_opt announce_opts[] = {
	CLI_STR("until", struct announce_args, until),
	CLI_STR("db", struct announce_args, db_path),
};

int
cli_announce(int argc, char **argv)
{
	struct announce_args a = { NULL, CONFIG_DEFAULT_DB };
	struct db *db = NULL;
	const char *why = NULL, *text;
	int64_t until = 0, id = 0;
	int first, r;

	if ((r = cli_parse("announce", argc, argv, announce_opts, sizeof announce_opts /
	    sizeof announce_opts[0], &a, 1, "give the TEXT (one argument, quoted)", &first)) != 0)
		return r;
	text = argv[first];
	if (admin_check_announcement(text, &why) != 0)
		return cli_usage("announce: %s", why);
	if (a.until != NULL && (admin_parse_date(a.until, true, &until) != 0 || until <= db_now()))
		return cli_usage("announce: --until takes a date from today on, as YYYY-MM-DD");
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	r = db_announce_add(db, STAFF_SYSOP, text, until, &id, &why);
	db_close(db);
	if (r != 0)
		return cli_fail("announce: %s", r == ERR_INVALID ? why : err_str(r));
	printf("announcement %lld: shown until %s\n", (long long)id,
	    a.until != NULL ? a.until : "ended");
	return CLI_OK;
}
