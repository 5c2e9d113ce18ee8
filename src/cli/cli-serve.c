/* `mentorbbs serve`: settings from defaults, file and command line, the
 * database created and migrated once, then the listener (ssh/listen.c). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "db/db.h"
#include "lib/config.h"
#include "lib/log.h"
#include "ssh/listen.h"

struct serve_args {
	const char *config, *server[5];		/* as serve_keys */
	bool verbose;
};

/* The [server] keys that have an option of the same name. */
static const char *const serve_keys[5] = { "listen", "port", "db", "keys", "screens" };

static const struct cli_opt serve_opts[] = {
	CLI_STR("config", struct serve_args, config),
	CLI_STR("listen", struct serve_args, server[0]),
	CLI_STR("port", struct serve_args, server[1]),
	CLI_STR("db", struct serve_args, server[2]),
	CLI_STR("keys", struct serve_args, server[3]),
	CLI_STR("screens", struct serve_args, server[4]),
	CLI_FLAG("verbose", struct serve_args, verbose),
};

/* Defaults, then the file, then the command line. */
static int
serve_config(int argc, char **argv, struct config *cfg)
{
	struct serve_args a = { 0 };
	char err[512];
	int r;

	if ((r = cli_parse("serve", argc, argv, serve_opts, sizeof serve_opts /
	    sizeof serve_opts[0], &a, 0, NULL, NULL)) != 0)
		return r;
	config_defaults(cfg);
	if (a.config == NULL)
		a.config = config_default_file();
	if (a.config != NULL && config_load_file(cfg, a.config, err, sizeof err) != 0)
		return cli_fail("%s", err);
	log_set_level(a.verbose ? LOG_DEBUG : (enum log_level)cfg->server.log_level);
	for (size_t i = 0; i < sizeof serve_keys / sizeof serve_keys[0]; i++)
		if (a.server[i] != NULL &&
		    config_set(cfg, "server", serve_keys[i], a.server[i], err, sizeof err) != 0)
			return cli_usage("--%s: %s", serve_keys[i], err);
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
