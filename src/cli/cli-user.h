/* What the user subcommands share (cli-user*.c): reading a password and a
 * public key, finding a member, the configuration for the reserved logins,
 * and the subcommands the dispatch in cli-user.c names. */
#ifndef CLI_USER_H
#define CLI_USER_H
#include <stddef.h>
#include "lib/config.h"
#include "rules/member.h"
#include "rules/user.h"

struct db;

#define USER_COMMANDS	"add, list, set, passwd, key, delete, export or import"

/* Reads one line of stdin into buf (a password: echo off on a terminal,
 * after a prompt naming login). 0, or CLI_USAGE after one line saying so
 * under cmd's name. */
int cli_user_read_password(const char *cmd, const char *login, char *buf, size_t bufsz);
/* Reads the first key line of an authorized_keys or .pub file ("-" is
 * stdin) and parses it. 0, or CLI_FAIL after one line. */
int cli_user_read_pubkey(const char *path, struct authkey *key);
/* "that key already belongs to LOGIN": CLI_FAIL. */
int cli_user_key_taken(struct db *db, const char *cmd, const char *blob);
/* The configuration the reserved logins come from: path, or the installed
 * file when there is one, else the defaults. 0 or CLI_FAIL. */
int cli_user_config(const char *path, struct config *cfg);
/* Folds login (in place) and checks it is one: 0 or CLI_USAGE. Called
 * before the database is opened, so a bad login creates nothing. */
int cli_user_login_arg(const char *cmd, char *login);
/* Folds login and finds that member (not a former one) into *m: 0, or
 * CLI_FAIL ("no member with login ...") / CLI_USAGE (not a login). */
int cli_user_find(struct db *db, const char *cmd, char *login, struct member *m);

int cli_user_passwd(int argc, char **argv);	/* cli-user-data.c */
int cli_user_delete(int argc, char **argv);
int cli_user_export(int argc, char **argv);
int cli_user_key(int argc, char **argv);	/* cli-user-key.c */
int cli_user_import(int argc, char **argv);	/* cli-user-import.c */

#endif
