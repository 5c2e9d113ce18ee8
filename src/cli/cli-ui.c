/* `mentorbbs ui`: internal. The session process execs this on the pty slave
 * with the settings it needs, so the UI starts fresh: no host keys, no
 * libssh state, its own database connection, and a sandbox (lib/sandbox.h)
 * once the terminal and the database are open. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "lib/log.h"
#include "lib/crypto.h"
#include "lib/sandbox.h"
#include "ui/ui.h"

static const struct option ui_opts[] = {
	{ "user-id", required_argument, NULL, 'u' },
	{ "set", required_argument, NULL, 'S' },
	{ "term", required_argument, NULL, 't' },
	{ "peer", required_argument, NULL, 'p' },
	{ "key-type", required_argument, NULL, 'K' },
	{ "key", required_argument, NULL, 'k' },
	{ "report-fd", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

int
cli_ui(int argc, char **argv)
{
	struct config cfg;
	struct ui_args a;
	char err[256], *end;
	int c;

	config_defaults(&cfg);
	memset(&a, 0, sizeof a);
	a.cfg = &cfg;
	a.peer = "unknown";
	a.in_fd = STDIN_FILENO;
	a.out_fd = STDOUT_FILENO;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", ui_opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			a.user_id = strtoll(optarg, &end, 10);
			if (*end != '\0' || a.user_id < 0)
				return cli_usage("ui: bad --user-id");
			break;
		case 't':
			a.term = optarg;
			break;
		case 'p':
			a.peer = optarg;
			break;
		case 'K':
			a.offered_key_type = optarg;
			break;
		case 'k':
			a.offered_key_b64 = optarg;
			break;
		case 'r':
			a.report_fd = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || a.report_fd <= STDERR_FILENO)
				return cli_usage("ui: bad --report-fd");
			break;
		case 'S':
			if (config_set_arg(&cfg, optarg, err, sizeof err) != 0)
				return cli_usage("ui: --set %.60s: %s", optarg, err);
			break;
		default:
			return cli_usage("ui: internal command, started by the server");
		}
	}
	/* The session hands every setting over, the log level among them. */
	log_set_level((enum log_level)cfg.server.log_level);
	if (sandbox_prepare(cfg.server.db, err, sizeof err) != 0)
		return cli_fail("ui: %s", err);
	a.sandbox = true;
	if (crypto_init() != 0)
		return cli_fail("cannot initialise libsodium");
	return ui_main(&a);
}
