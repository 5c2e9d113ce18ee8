/* Subcommands of the one binary. Each takes argv starting at its own name
 * (argv[0] == "serve", ...) and returns the process exit status:
 * 0 success, 1 failure, 2 usage error, after one line on stderr saying what
 * was wrong. */
#ifndef CLI_H
#define CLI_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/version.h"	/* MENTORBBS_VERSION, for --version */

#define CLI_OK		0
#define CLI_FAIL	1
#define CLI_USAGE	2

struct db;

int cli_serve(int argc, char **argv);	/* cli-serve.c */
int cli_local(int argc, char **argv);	/* cli-local.c */
int cli_ui(int argc, char **argv);	/* cli-ui.c: internal, exec'd by the session */
int cli_user(int argc, char **argv);	/* cli-user.c */
int cli_db(int argc, char **argv);	/* cli-db.c */
int cli_seed(int argc, char **argv);	/* cli-seed.c: seed-demo */
int cli_config(int argc, char **argv);	/* cli-config.c: config check */
int cli_reports(int argc, char **argv);	/* cli-reports.c: the flags */
int cli_community(int argc, char **argv);	/* cli-community.c */
int cli_mod(int argc, char **argv);	/* cli-mod.c */
int cli_mentor_bench(int argc, char **argv);	/* cli-mentor.c: make bench only */
int cli_announce(int argc, char **argv);	/* cli-announce.c */
int cli_sanction(int argc, char **argv);	/* cli-sanction.c */
int cli_audit(int argc, char **argv);	/* cli-audit.c */
int cli_stats(int argc, char **argv);	/* cli-ops.c */
int cli_who(int argc, char **argv);	/* cli-ops.c */
int cli_kick(int argc, char **argv);	/* cli-ops.c */
int cli_mail(int argc, char **argv);	/* cli-mail.c: run, stop, status */

/* Prints "mentorbbs: <msg>" on stderr and returns CLI_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "mentorbbs: <msg>" on stderr and returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The usage error for what getopt_long returned ('?' unknown option, ':'
 * missing value; parse with opterr = 0 and an optstring starting with ':').
 * cmd names the subcommand ("user add"). Returns CLI_USAGE. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* One option of a subcommand, stored into its args struct at off: a
 * value option keeps argv's string (const char *), a flag sets a bool. */
struct cli_opt {
	const char *name;
	bool flag;
	size_t off;
};
#define CLI_STR(name, type, field)	{ name, false, offsetof(type, field) }
#define CLI_FLAG(name, type, field)	{ name, true, offsetof(type, field) }

/* Parses the options of argv (argv[0] is the subcommand's name) into
 * args, then wants exactly npos positional arguments: too few prints
 * "cmd: <missing>", too many "cmd: unexpected argument ...". Returns 0
 * with the positionals left at argv[*first] (first may be NULL), or
 * CLI_USAGE after one line on stderr. */
int cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
    size_t nopts, void *args, int npos, const char *missing, int *first);

/* Records a change the sysop made, as one line "sysop: ..." in the system
 * log (syslog, so journald on Debian: journalctl -t mentorbbs), not on
 * stderr, where the commands keep their one line for an error. */
void cli_logged(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Opens (creating and migrating) the database, printing an error on
 * failure. Returns 0 and *out, or CLI_FAIL. */
int cli_open_db(const char *path, struct db **out);

#endif
