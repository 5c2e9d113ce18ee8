/* Subcommands of the one binary. Each takes argv starting at its own name
 * (argv[0] == "serve", ...) and returns the process exit status:
 * 0 success, 1 failure, 2 usage error, after one line on stderr saying what
 * was wrong. */
#ifndef CLI_H
#define CLI_H

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
int cli_mentor_bench(int argc, char **argv);	/* cli-mentor.c: make bench only */

/* Prints "mentorbbs: <msg>" on stderr and returns CLI_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "mentorbbs: <msg>" on stderr and returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The usage error for what getopt_long returned ('?' unknown option, ':'
 * missing value; parse with opterr = 0 and an optstring starting with ':').
 * cmd names the subcommand ("user add"). Returns CLI_USAGE. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* Opens (creating and migrating) the database, printing an error on
 * failure. Returns 0 and *out, or CLI_FAIL. */
int cli_open_db(const char *path, struct db **out);

#endif
