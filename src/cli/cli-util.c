/* Helpers every subcommand shares: the one-line error and opening the
 * database; see cli.h. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include "cli/cli.h"
#include "db/db.h"

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
