/* `mentorbbs config check [--config FILE]`: loads the file over the
 * defaults exactly as `serve` would and prints the effective settings, one
 * "section.key = value" a line, or the file's first error as
 * "file:line: what is wrong" (exit 1). A sysop runs it before a reload. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "lib/config.h"

struct check_args {
	const char *config;
};

static const struct cli_opt check_opts[] = {
	CLI_STR("config", struct check_args, config),
};

static int
config_check(int argc, char **argv)
{
	struct check_args a = { 0 };
	static struct config cfg;	/* large: not on the stack */
	const char *section, *key;
	char err[512], val[CONFIG_PATH_MAX + 64];
	int r;

	if ((r = cli_parse("config check", argc, argv, check_opts,
	    sizeof check_opts / sizeof check_opts[0], &a, 0, NULL, NULL)) != 0)
		return r;
	config_defaults(&cfg);
	if (a.config == NULL)
		a.config = config_default_file();
	if (a.config != NULL && config_load_file(&cfg, a.config, err, sizeof err) != 0)
		return cli_fail("%s", err);
	for (size_t i = 0; config_get(&cfg, i, &section, &key, val, sizeof val) == 0; i++)
		printf("%s.%s = %s\n", section, key, val);
	return CLI_OK;
}

int
cli_config(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cli_usage("config: expected 'check'");
	return config_check(argc - 1, argv + 1);
}
