/* `mentorbbs reports [--open]`: the flags members filed, newest first, one
 * line each: id, age, kind, target, community, type, flaggers, status
 * (the flag's, then its review item's). Read as the sysop. Labels are
 * member text: escaped before they reach the terminal. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-flag.h"
#include "db/db-staff.h"
#include "lib/text.h"

#define REPORTS_MAX	10000

struct reports_args {
	const char *db_path;
	bool open;
};

static const struct cli_opt reports_opts[] = {
	CLI_STR("db", struct reports_args, db_path),
	CLI_FLAG("open", struct reports_args, open),
};

/* "5m", "3h", "2d": how long ago. */
static void
age(char *buf, size_t sz, int64_t t, int64_t now)
{
	int64_t d = now > t ? now - t : 0;

	if (d < 3600)
		snprintf(buf, sz, "%lldm", (long long)(d / 60));
	else if (d < 86400)
		snprintf(buf, sz, "%lldh", (long long)(d / 3600));
	else
		snprintf(buf, sz, "%lldd", (long long)(d / 86400));
}

int
cli_reports(int argc, char **argv)
{
	struct reports_args a = { CONFIG_DEFAULT_DB, false };
	char when[32], target[400], community[400];
	struct flag_row *f = NULL;
	struct db *db = NULL;
	int64_t now;
	size_t n = 0;
	int r;

	if ((r = cli_parse("reports", argc, argv, reports_opts,
	    sizeof reports_opts / sizeof reports_opts[0], &a, 0, NULL, NULL)) != 0 ||
	    (r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((r = db_flag_list(db, STAFF_SYSOP, a.open, REPORTS_MAX, &f, &n)) != 0) {
		db_close(db);
		return cli_fail("reports: %s", err_str(r));
	}
	now = db_now();
	printf("%-6s %-5s %-8s %-30s %-20s %-14s %-8s %s\n", "ID", "AGE", "KIND", "TARGET",
	    "COMMUNITY", "TYPE", "FLAGGERS", "STATUS");
	for (size_t i = 0; i < n; i++) {
		age(when, sizeof when, f[i].created_at, now);
		text_escape_log(target, sizeof target, f[i].target);
		text_escape_log(community, sizeof community, f[i].community);
		printf("%-6lld %-5s %-8s #%-5lld %-23.23s %-20.20s %-14s %-8lld %s/%s\n",
		    (long long)f[i].id, when, f[i].kind, (long long)f[i].target_id,
		    target[0] != '\0' ? target : "-", community[0] != '\0' ? community : "-",
		    f[i].type, (long long)f[i].flaggers, f[i].status, f[i].item_status);
	}
	free(f);
	db_close(db);
	return CLI_OK;
}
