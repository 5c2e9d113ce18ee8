/* `mentorbbs sanction LOGIN warn|silence|suspend|ban [--until DATE]
 * --reason TEXT`, and `... LOGIN lift --reason TEXT` (lifts every sanction
 * in force on the member). The sysop's hand on the ladder: recorded in the
 * audit log as "sysop" and told to the member; a suspension or ban ends
 * the member's live sessions. Everything is checked before the database is
 * opened, so a bad value changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db-sanction.h"
#include "db/db-user.h"
#include "db/db.h"
#include "rules/admin.h"
#include "rules/sanction.h"
#include "rules/user.h"

struct sanction_args {
	const char *until, *reason, *db_path;
};

static const struct cli_opt sanction_opts[] = {
	CLI_STR("until", struct sanction_args, until),
	CLI_STR("reason", struct sanction_args, reason),
	CLI_STR("db", struct sanction_args, db_path),
};

/* Lifts every sanction in force; one transaction each (each is audited). */
static int
lift_all(struct db *db, int64_t user_id, const char *login, const char *reason)
{
	struct sanction *s = NULL;
	size_t n = 0, done = 0;
	int r;

	if ((r = db_sanction_list(db, STAFF_SYSOP, user_id, true, 500, &s, &n)) != 0)
		return cli_fail("sanction: %s", err_str(r));
	for (size_t i = 0; i < n; i++) {
		if ((r = db_sanction_lift(db, STAFF_SYSOP, s[i].id, reason)) == 0)
			done++;
		else if (r != ERR_STATE) {
			free(s);
			return cli_fail("sanction: lifting %s: %s", sanction_kind_name(s[i].kind),
			    err_str(r));
		}
	}
	free(s);
	if (done == 0)
		return cli_fail("sanction: %.40s has no sanction in force", login);
	printf("%s: %zu sanction%s lifted\n", login, done, done == 1 ? "" : "s");
	return CLI_OK;
}

int
cli_sanction(int argc, char **argv)
{
	struct sanction_args a = { NULL, NULL, CONFIG_DEFAULT_DB };
	enum sanction_kind kind = SANCTION_WARN;
	struct member *m = NULL;
	struct db *db = NULL;
	const char *why = NULL, *login, *word;
	int64_t until = 0;
	bool lift;
	int first, r;

	if ((r = cli_parse("sanction", argc, argv, sanction_opts, sizeof sanction_opts /
	    sizeof sanction_opts[0], &a, 2, "give LOGIN and warn, silence, suspend, ban or lift",
	    &first)) != 0)
		return r;
	login = argv[first];
	word = argv[first + 1];
	lift = strcmp(word, "lift") == 0;
	if (user_check_login(login, NULL, &why) != 0)
		return cli_usage("sanction: bad login: %s", why);
	if (!lift && sanction_kind_parse(word, &kind) != 0)
		return cli_usage("sanction: unknown kind '%.20s' (warn, silence, suspend, ban or "
		    "lift)", word);
	if (a.reason == NULL)
		return cli_usage("sanction: give --reason TEXT (the member reads it)");
	if (staff_check_reason(a.reason, &why) != 0)
		return cli_usage("sanction: --reason: %s", why);
	if (a.until != NULL && (lift || admin_parse_date(a.until, true, &until) != 0))
		return cli_usage(lift ? "sanction: lift takes no --until" :
		    "sanction: --until takes a date as YYYY-MM-DD");
	if (!lift && (r = sanction_check(kind, false, until, db_now(), a.reason, &why)) != 0)
		return cli_usage("sanction: %s", why);
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((m = malloc(sizeof *m)) == NULL) {
		r = cli_fail("sanction: out of memory");
		goto out;
	}
	if ((r = db_user_get_by_login(db, login, m)) != 0) {
		r = r == ERR_NOTFOUND ? cli_fail("sanction: no member with login '%.40s'", login) :
		    cli_fail("sanction: %s", err_str(r));
		goto out;
	}
	if (lift) {
		r = lift_all(db, m->id, m->login, a.reason);
		goto out;
	}
	if ((r = db_sanction_add(db, STAFF_SYSOP, m->id, kind, 0, until, a.reason, &why,
	    NULL)) != 0) {
		r = cli_fail("sanction: %s", r == ERR_INVALID && why != NULL ? why : err_str(r));
		goto out;
	}
	printf("%s: %s%s%s\n", m->login, sanction_kind_state(kind), a.until != NULL ?
	    " until the end of " : "", a.until != NULL ? a.until : "");
	r = CLI_OK;
out:
	free(m);
	db_close(db);
	return r;
}
