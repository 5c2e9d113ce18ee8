/* `mentorbbs audit [--since DATE] [--actor LOGIN]`: the audit log, newest
 * first, one line per entry, every member-supplied byte made safe for the
 * terminal (text_sanitize), so an entry cannot put escapes on the sysop's
 * screen:
 *   2026-12-04 21:40 UTC  ann  sanction.suspend  mel  reason  [- -> until ...] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db-staff.h"
#include "db/db.h"
#include "lib/text.h"
#include "rules/admin.h"
#include "rules/sanction.h"
#include "rules/user.h"

#define AUDIT_PAGE	200

struct audit_args {
	const char *since, *actor, *db_path;
};

static const struct cli_opt audit_opts[] = {
	CLI_STR("since", struct audit_args, since),
	CLI_STR("actor", struct audit_args, actor),
	CLI_STR("db", struct audit_args, db_path),
};

/* Prints s made safe, then sep. */
static void
put(const char *s, const char *sep)
{
	char clean[AUDIT_TEXT_SZ * 3];

	text_sanitize(clean, sizeof clean, s, false);
	fputs(clean, stdout);
	fputs(sep, stdout);
}

static void
print_entry(const struct audit_entry *e)
{
	char when[40];

	staff_time(when, sizeof when, e->created_at);
	printf("%s  ", when);
	put(e->actor, "  ");
	put(e->action, "  ");
	put(e->target[0] != '\0' ? e->target : "-", "");
	if (e->community[0] != '\0') {
		fputs(" in ", stdout);
		put(e->community, "");
	}
	fputs("  ", stdout);
	put(e->reason[0] != '\0' ? e->reason : "(no reason)", "");
	if (e->before[0] != '\0' || e->after[0] != '\0') {
		fputs("  [", stdout);
		put(e->before[0] != '\0' ? e->before : "-", " -> ");
		put(e->after[0] != '\0' ? e->after : "-", "]");
	}
	fputc('\n', stdout);
}

int
cli_audit(int argc, char **argv)
{
	struct audit_args a = { NULL, NULL, CONFIG_DEFAULT_DB };
	struct audit_filter f = { 0 };
	struct audit_entry *e = NULL;
	struct db *db = NULL;
	const char *why = NULL;
	int64_t before = 0;
	size_t n = 0;
	int r;

	if ((r = cli_parse("audit", argc, argv, audit_opts, sizeof audit_opts /
	    sizeof audit_opts[0], &a, 0, NULL, NULL)) != 0)
		return r;
	if (a.since != NULL && admin_parse_date(a.since, false, &f.since) != 0)
		return cli_usage("audit: --since takes a date as YYYY-MM-DD (from the start of "
		    "that day, UTC)");
	if (a.actor != NULL && strcmp(a.actor, "sysop") != 0 &&
	    user_check_login(a.actor, NULL, &why) != 0)
		return cli_usage("audit: --actor: %s", why);
	f.actor = a.actor;
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	do {
		free(e);
		e = NULL;
		if ((r = db_audit_list(db, STAFF_SYSOP, &f, before, AUDIT_PAGE, &e, &n)) != 0) {
			r = cli_fail("audit: %s", err_str(r));
			break;
		}
		for (size_t i = 0; i < n; i++)
			print_entry(&e[i]);
		if (n > 0)
			before = e[n - 1].id;
	} while (n == AUDIT_PAGE);
	free(e);
	db_close(db);
	return r;
}
