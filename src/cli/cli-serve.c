/* `mentorbbs serve`: settings from defaults, file and command line, the
 * database created and migrated once, then the listener (ssh/listen.c). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "db/db.h"
#include "lib/config.h"
#include "lib/log.h"
#include "ssh/listen.h"

static const struct option serve_opts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "listen", required_argument, NULL, 'l' },
	{ "port", required_argument, NULL, 'p' },
	{ "db", required_argument, NULL, 'd' },
	{ "keys", required_argument, NULL, 'k' },
	{ "screens", required_argument, NULL, 's' },
	{ "verbose", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 }
};

/* Defaults, then the file, then the command line. */
static int
serve_config(int argc, char **argv, struct config *cfg)
{
	const char *file = NULL;
	char err[512];
	int c;

	config_defaults(cfg);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", serve_opts, NULL)) != -1) {
		if (c == 'c')
			file = optarg;
		else if (c == '?')
			return cli_usage("serve: see 'mentorbbs --help'");
	}
	if (optind != argc)
		return cli_usage("serve: unexpected argument '%.60s'", argv[optind]);
	if (file != NULL && config_load_file(cfg, file, err, sizeof err) != 0)
		return cli_fail("%s", err);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", serve_opts, NULL)) != -1) {
		static const char *const keys[] = { ['l'] = "listen", ['p'] = "port",
		    ['d'] = "db", ['k'] = "keys", ['s'] = "screens" };

		if (c == 'v') {
			log_set_level(LOG_DEBUG);
			continue;
		}
		if (c == 'c')
			continue;
		if (config_set(cfg, "server", keys[c], optarg, err, sizeof err) != 0)
			return cli_usage("--%s: %s", keys[c], err);
	}
	return 0;
}

int
cli_serve(int argc, char **argv)
{
	struct config cfg;
	struct db *db = NULL;
	char err[512];
	int r;

	if ((r = serve_config(argc, argv, &cfg)) != 0)
		return r;
	/* Create and migrate now, then close: no handle crosses a fork. */
	if (db_open(cfg.server.db, &db, err, sizeof err) != 0)
		return cli_fail("%s", err);
	db_close(db);
	if (listen_run(&cfg, err, sizeof err) != 0)
		return cli_fail("%s", err);
	return CLI_OK;
}
