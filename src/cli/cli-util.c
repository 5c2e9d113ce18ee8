/* Helpers every subcommand shares: the one-line error and opening the
 * database, the option parser; see cli.h. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "db/db.h"
#include "lib/log.h"

static void __attribute__((format(printf, 1, 0)))
cli_vsay(const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	fprintf(stderr, "mentorbbs: %s\n", msg);
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vsay(fmt, ap);
	va_end(ap);
	return CLI_USAGE;
}

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vsay(fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

int
cli_open_db(const char *path, struct db **out)
{
	char err[512];

	if (db_open(path, out, err, sizeof err) != 0)
		return cli_fail("database %s: %s", path, err);
	return 0;
}

int
cli_bad_option(const char *cmd, int c, char **argv)
{
	/* getopt_long has stepped past the offending word either way. */
	const char *word = optind > 0 ? argv[optind - 1] : "?";

	if (c == ':')
		return cli_usage("%s: %.60s needs a value", cmd, word);
	if (optopt != 0 && optopt != '?')
		return cli_usage("%s: unknown option -%c", cmd, optopt);
	return cli_usage("%s: unknown option %.60s", cmd, word);
}

#define CLI_OPTS_MAX	16

int
cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
    size_t nopts, void *args, int npos, const char *missing, int *first)
{
	struct option lo[CLI_OPTS_MAX + 1];
	int c;

	if (nopts > CLI_OPTS_MAX)
		fatal("%s: %zu options, more than %d", cmd, nopts, CLI_OPTS_MAX);
	memset(lo, 0, sizeof lo);
	for (size_t i = 0; i < nopts; i++) {
		lo[i].name = opts[i].name;
		lo[i].has_arg = opts[i].flag ? no_argument : required_argument;
		lo[i].val = (int)i + 1;
	}
	/* 0, not 1: glibc then also forgets a half-read option cluster
	 * left over from an earlier parse in this process. */
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		const struct cli_opt *o;

		if (c < 1 || c > (int)nopts)
			return cli_bad_option(cmd, c, argv);
		o = &opts[c - 1];
		if (o->flag)
			*(bool *)(void *)((char *)args + o->off) = true;
		else
			*(const char **)(void *)((char *)args + o->off) = optarg;
	}
	if (argc - optind < npos)
		return cli_usage("%s: %s", cmd, missing != NULL ? missing : "missing argument");
	if (argc - optind > npos)
		return cli_usage("%s: unexpected argument '%.60s'", cmd, argv[optind + npos]);
	if (first != NULL)
		*first = optind;
	return 0;
}
