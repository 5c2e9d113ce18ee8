/* `mentorbbs seed-demo`: fills a database with a synthetic community for
 * demos and benchmarks. Members first, then posts and hosts among them. */
#include <stdbool.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db.h"
#include "db/db-demo.h"
#include "db/db-sysop.h"

#define DEMO_MAX	100000000LL

struct seed_args {
	const char *members, *posts, *hosts, *seed, *db_path;
	bool force;
};

static const struct cli_opt seed_opts[] = {
	CLI_STR("members", struct seed_args, members),
	CLI_STR("posts", struct seed_args, posts),
	CLI_STR("hosts", struct seed_args, hosts),
	CLI_STR("seed", struct seed_args, seed),
	CLI_STR("db", struct seed_args, db_path),
	CLI_FLAG("force", struct seed_args, force),
};

static int
parse_count(const char *opt, const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL)
		return 0;	/* not given: the default stands */
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > DEMO_MAX)
		return cli_usage("seed-demo: %s needs a number from 0 to %lld, not '%.40s'",
		    opt, DEMO_MAX, s);
	*out = v;
	return 0;
}

static int
run_step(struct db *db, const char *what, int64_t n, uint32_t seed,
    int (*fn)(struct db *, int64_t, uint32_t, char *, size_t))
{
	char err[256];

	if (n == 0)
		return 0;
	if (fn(db, n, seed, err, sizeof err) != 0)
		return cli_fail("seed-demo: %s: %s", what, err);
	printf("seed-demo: added %" PRId64 " %s\n", n, what);
	return 0;
}

int
cli_seed(int argc, char **argv)
{
	struct seed_args a = { .db_path = CONFIG_DEFAULT_DB };
	int64_t members = 0, posts = 0, hosts = 0, seed = 1, real = 0;
	struct db *db = NULL;
	int r;

	if ((r = cli_parse("seed-demo", argc, argv, seed_opts,
	    sizeof seed_opts / sizeof seed_opts[0], &a, 0, NULL, NULL)) != 0 ||
	    (r = parse_count("--members", a.members, &members)) != 0 ||
	    (r = parse_count("--posts", a.posts, &posts)) != 0 ||
	    (r = parse_count("--hosts", a.hosts, &hosts)) != 0 ||
	    (r = parse_count("--seed", a.seed, &seed)) != 0)
		return r;
	if (members + posts + hosts == 0)
		return cli_usage("seed-demo: say how much: --members N, --posts N, --hosts N");
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	/* Synthetic members among real ones would be read as real people. */
	if (!a.force && (r = db_sysop_real_members(db, &real)) == 0 && real > 0) {
		db_close(db);
		return cli_fail("seed-demo: %s has %lld members seed-demo did not make; "
		    "give --force to add demo data anyway", a.db_path, (long long)real);
	}
	if (r != 0) {
		db_close(db);
		return cli_fail("seed-demo: %s", err_str(r));
	}
	if ((r = run_step(db, "members", members, (uint32_t)seed, db_demo_members)) == 0 &&
	    (r = run_step(db, "posts", posts, (uint32_t)seed, db_demo_posts)) == 0)
		r = run_step(db, "hosts", hosts, (uint32_t)seed, db_demo_hosts);
	db_close(db);
	return r;
}
