/* `mentorbbs seed-demo`: fills a database with a synthetic community for
 * demos and benchmarks. Members first, then posts and hosts among them. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "db/db.h"
#include "db/db-demo.h"

#define DEFAULT_DB	"db/mentorbbs.db"
#define DEMO_MAX	100000000LL

static const struct option seed_opts[] = {
	{ "members", required_argument, NULL, 'm' },
	{ "posts", required_argument, NULL, 'p' },
	{ "hosts", required_argument, NULL, 'h' },
	{ "seed", required_argument, NULL, 's' },
	{ "db", required_argument, NULL, 'd' },
	{ NULL, 0, NULL, 0 }
};

static int
parse_count(const char *opt, const char *s, int64_t *out)
{
	char *end;
	long long v;

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
	const char *path = DEFAULT_DB;
	int64_t members = 0, posts = 0, hosts = 0, seed = 1;
	struct db *db = NULL;
	int c, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", seed_opts, NULL)) != -1) {
		switch (c) {
		case 'm': r = parse_count("--members", optarg, &members); break;
		case 'p': r = parse_count("--posts", optarg, &posts); break;
		case 'h': r = parse_count("--hosts", optarg, &hosts); break;
		case 's': r = parse_count("--seed", optarg, &seed); break;
		case 'd': path = optarg; r = 0; break;
		default: return cli_bad_option("seed-demo", c, argv);
		}
		if (r != 0)
			return r;
	}
	if (optind < argc)
		return cli_usage("seed-demo: unexpected argument '%.60s'", argv[optind]);
	if (members + posts + hosts == 0)
		return cli_usage("seed-demo: say how much: --members N, --posts N, --hosts N");
	if ((r = cli_open_db(path, &db)) != 0)
		return r;
	if ((r = run_step(db, "members", members, (uint32_t)seed, db_demo_members)) == 0 &&
	    (r = run_step(db, "posts", posts, (uint32_t)seed, db_demo_posts)) == 0)
		r = run_step(db, "hosts", hosts, (uint32_t)seed, db_demo_hosts);
	db_close(db);
	return r;
}
