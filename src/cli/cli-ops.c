/* `mentorbbs stats [--json]`, `mentorbbs who` and `mentorbbs kick LOGIN`:
 * the running system at a glance, and ending one member's sessions. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "cli/cli-user.h"
#include "db/db.h"
#include "db/db-presence.h"
#include "db/db-sysop.h"
#include "lib/config.h"
#include "lib/json.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

struct ops_args {
	const char *db_path;
	bool json;
};

static const struct cli_opt stats_opts[] = {
	CLI_FLAG("json", struct ops_args, json),
	CLI_STR("db", struct ops_args, db_path),
};

static const struct cli_opt db_only_opts[] = {
	CLI_STR("db", struct ops_args, db_path),
};

static void
stats_json(const struct db_stat *s, size_t n)
{
	struct json j = { NULL, 0, 0 };
	char *out;

	json_raw(&j, "{");
	for (size_t i = 0; i < n; i++) {
		json_key(&j, s[i].key);
		json_int(&j, s[i].n);
	}
	json_raw(&j, "}\n");
	out = json_take(&j);
	fputs(out, stdout);
	free(out);
}

int
cli_stats(int argc, char **argv)
{
	struct ops_args a = { CONFIG_DEFAULT_DB, false };
	struct db_stat *s = NULL;
	struct db *db = NULL;
	size_t n = 0;
	int r;

	if ((r = cli_parse("stats", argc, argv, stats_opts, sizeof stats_opts /
	    sizeof stats_opts[0], &a, 0, NULL, NULL)) != 0 || (r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((r = db_sysop_stats(db, &s, &n)) != 0) {
		db_close(db);
		return cli_fail("stats: %s", err_str(r));
	}
	if (a.json)
		stats_json(s, n);
	else
		for (size_t i = 0; i < n; i++)
			printf("%-28s %lld\n", s[i].key, (long long)s[i].n);
	free(s);
	db_close(db);
	return CLI_OK;
}

/* "3m", "2h05m", "4d": how long ago t was. */
static void
ago(char *buf, size_t sz, int64_t now, int64_t t)
{
	int64_t d = now > t ? now - t : 0;

	if (d < 3600)
		snprintf(buf, sz, "%lldm", (long long)(d / 60));
	else if (d < 86400)
		snprintf(buf, sz, "%lldh%02lldm", (long long)(d / 3600), (long long)(d % 3600 / 60));
	else
		snprintf(buf, sz, "%lldd", (long long)(d / 86400));
}

int
cli_who(int argc, char **argv)
{
	struct ops_args a = { CONFIG_DEFAULT_DB, false };
	struct presence *p = NULL;
	char since[32], idle[48], peer[sizeof p->peer * 3];
	struct db *db = NULL;
	struct tm tm;
	time_t t;
	size_t n = 0;
	int64_t now;
	int r;

	if ((r = cli_parse("who", argc, argv, db_only_opts, sizeof db_only_opts /
	    sizeof db_only_opts[0], &a, 0, NULL, NULL)) != 0 || (r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	if ((r = db_presence_list(db, &p, &n)) != 0) {
		db_close(db);
		return cli_fail("who: %s", err_str(r));
	}
	now = db_now();
	printf("%-20s %-24s %-20s %-7s %s\n", "LOGIN", "PEER", "SINCE (UTC)", "IDLE", "PID");
	for (size_t i = 0; i < n; i++) {
		t = (time_t)p[i].started_at;
		if (gmtime_r(&t, &tm) == NULL || strftime(since, sizeof since, "%Y-%m-%d %H:%M",
		    &tm) == 0)
			snprintf(since, sizeof since, "?");
		ago(idle, sizeof idle, now, p[i].last_input_at);
		text_sanitize(peer, sizeof peer, p[i].peer[0] != '\0' ? p[i].peer : "?", false);
		printf("%-20s %-24s %-20s %-7s %d\n", p[i].login, peer, since, idle, p[i].pid);
	}
	free(p);
	db_close(db);
	return CLI_OK;
}

int
cli_kick(int argc, char **argv)
{
	struct ops_args a = { CONFIG_DEFAULT_DB, false };
	struct member *m = xmalloc(sizeof *m);
	struct db *db = NULL;
	int64_t sessions = 0;
	int first, r;

	if ((r = cli_parse("kick", argc, argv, db_only_opts, sizeof db_only_opts /
	    sizeof db_only_opts[0], &a, 1, "give exactly one LOGIN", &first)) != 0 ||
	    (r = cli_user_login_arg("kick", argv[first])) != 0 ||
	    (r = cli_open_db(a.db_path, &db)) != 0 ||
	    (r = cli_user_find(db, "kick", argv[first], m)) != 0)
		goto out;
	if ((r = db_sysop_kick(db, m->id, &sessions)) != 0) {
		r = cli_fail("kick: %s", err_str(r));
		goto out;
	}
	cli_logged("member kicked: user=%s sessions=%lld", m->login, (long long)sessions);
	printf("%s: %lld session%s told to end\n", m->login, (long long)sessions,
	    sessions == 1 ? "" : "s");
	r = CLI_OK;
out:
	db_close(db);
	free(m);
	return r;
}
