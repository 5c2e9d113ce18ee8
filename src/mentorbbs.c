/* mentorbbs: subcommand dispatch only. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

static const char usage[] =
    "usage: mentorbbs --version\n"
    "       mentorbbs serve [--config FILE] [--listen ADDR] [--port N] [--db PATH] [--keys DIR] [--screens DIR]\n"
    "       mentorbbs local --user LOGIN [--db PATH] [--config FILE] [--screens DIR]\n"
    "       mentorbbs user add LOGIN --name \"Display Name\" --role alumni|trainee|student [--admin]\n"
    "                          [--password-stdin] [--pubkey FILE] [--config FILE] [--db PATH]\n"
    "       mentorbbs user list [--db PATH]\n"
    "       mentorbbs user set LOGIN [--status active|suspended] [--role R] [--admin yes|no] [--db PATH]\n"
    "       mentorbbs user passwd LOGIN [--expire [--keep]] [--db PATH]   (the password from stdin)\n"
    "       mentorbbs user key add LOGIN FILE|- [--db PATH]\n"
    "       mentorbbs user key list LOGIN [--db PATH]\n"
    "       mentorbbs user key remove LOGIN FINGERPRINT [--db PATH]\n"
    "       mentorbbs user delete LOGIN --yes [--db PATH]\n"
    "       mentorbbs user export LOGIN [--db PATH]   (JSON on stdout)\n"
    "       mentorbbs user import FILE.csv [--strict] [--codes FILE] [--code-days N] [--config FILE] [--db PATH]\n"
    "       mentorbbs stats [--json] [--db PATH]\n"
    "       mentorbbs who [--db PATH]\n"
    "       mentorbbs kick LOGIN [--db PATH]\n"
    "       mentorbbs config check [--config FILE]\n"
    "       mentorbbs db check|status|vacuum [--db PATH]\n"
    "       mentorbbs db backup FILE [--db PATH]\n"
    "       mentorbbs seed-demo [--members N] [--posts N] [--hosts N] [--seed N] [--force] [--db PATH]\n"
    "       mentorbbs announce TEXT [--until YYYY-MM-DD] [--db PATH]   (shown to the end of that day, UTC)\n"
    "       mentorbbs sanction LOGIN warn|silence|suspend|ban [--until YYYY-MM-DD] --reason TEXT [--db PATH]\n"
    "       mentorbbs sanction LOGIN lift --reason TEXT [--db PATH]   (lifts every sanction in force)\n"
    "       mentorbbs audit [--since YYYY-MM-DD] [--actor LOGIN|sysop] [--db PATH]   (since the start of that day, UTC)\n"
    "       mentorbbs reports [--open] [--db PATH]\n"
    "       mentorbbs community add NAME --kind region|career [--description TEXT] [--db PATH]\n"
    "       mentorbbs community list [--db PATH]\n"
    "       mentorbbs community archive SLUG [--reason TEXT] [--db PATH]\n"
    "       mentorbbs mod add|remove LOGIN COMMUNITY [--reason TEXT] [--db PATH]\n"
    "       mentorbbs mail run [--once] [--digest-now] [--config FILE] [--db PATH]\n"
    "       mentorbbs mail stop TOKEN|--stdin [--db PATH]\n"
    "       mentorbbs mail status [--db PATH]\n";

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{ "serve", cli_serve },
	{ "local", cli_local },
	{ "user", cli_user },
	{ "db", cli_db },
	{ "seed-demo", cli_seed },
	{ "config", cli_config },
	{ "announce", cli_announce },
	{ "sanction", cli_sanction },
	{ "audit", cli_audit },
	{ "reports", cli_reports },
	{ "community", cli_community },
	{ "mod", cli_mod },
	{ "stats", cli_stats },
	{ "who", cli_who },
	{ "kick", cli_kick },
	{ "mail", cli_mail },
	{ "ui", cli_ui },	/* internal: exec'd by a session process */
	{ "mentor-bench", cli_mentor_bench },	/* internal: make bench */
};

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("mentorbbs " MENTORBBS_VERSION);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, stdout);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "mentorbbs: unknown command '%.40s'\n", argv[1]);
	fputs(usage, stderr);
	return CLI_USAGE;
}
