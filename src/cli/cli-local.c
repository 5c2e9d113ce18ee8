/* `mentorbbs local --user LOGIN`: the member UI in the current terminal,
 * for the sysop and for developing screens. Logging in as the
 * registration login ("new") runs the registration wizard. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "lib/config.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/log.h"
#include "lib/text.h"
#include "ui/ui.h"
#include "rules/user.h"

struct local_args {
	const char *login, *db_path, *config_path, *screens, *offer_key;
};

static const struct cli_opt local_opts[] = {
	CLI_STR("user", struct local_args, login),
	CLI_STR("db", struct local_args, db_path),
	CLI_STR("config", struct local_args, config_path),
	CLI_STR("screens", struct local_args, screens),
	/* Development: act as if the client had proved this public key, so
	 * the wizard offers to link it. */
	CLI_STR("offer-key", struct local_args, offer_key),
};

static int
local_parse(int argc, char **argv, struct local_args *a)
{
	int r;

	if ((r = cli_parse("local", argc, argv, local_opts,
	    sizeof local_opts / sizeof local_opts[0], a, 0, NULL, NULL)) != 0)
		return r;
	if (a->login == NULL)
		return cli_usage("local: --user LOGIN is required");
	return 0;
}

static int
local_config(const struct local_args *a, struct config *cfg)
{
	const char *path;
	char err[512];

	config_defaults(cfg);
	if ((path = a->config_path != NULL ? a->config_path : config_default_file()) != NULL &&
	    config_load_file(cfg, path, err,
	    sizeof err) != 0)
		return cli_usage("local: %s", err);
	if (a->db_path != NULL && !text_copy(cfg->server.db, sizeof cfg->server.db, a->db_path))
		return cli_usage("local: --db path too long");
	if (a->screens != NULL &&
	    !text_copy(cfg->server.screens, sizeof cfg->server.screens, a->screens))
		return cli_usage("local: --screens path too long");
	return 0;
}

/* The member to run as: 0 for the registration wizard. */
static int
local_member(const struct config *cfg, const char *login, int64_t *id)
{
	struct member m;
	struct db *db = NULL;
	char esc[80], low[MEMBER_LOGIN_SZ];
	int r;

	/* Lower case, as over SSH; one too long to fold is no one's anyway. */
	if (user_login_fold(low, sizeof low, login))
		login = low;
	if ((r = cli_open_db(cfg->server.db, &db)) != 0)
		return r;
	r = db_user_get_by_login(db, login, &m);
	db_close(db);
	text_escape_log(esc, sizeof esc, login);
	if (r == ERR_NOTFOUND && strcmp(login, cfg->registration.login) == 0) {
		*id = 0;
		return 0;
	}
	if (r == ERR_NOTFOUND)
		return cli_fail("local: no member '%s'", esc);
	if (r != 0)
		return cli_fail("local: cannot read member '%s'", esc);
	if (m.status == STATUS_SUSPENDED)
		return cli_fail("local: member '%s' is suspended", esc);
	*id = m.id;
	return 0;
}

static int
local_offer_key(const char *path, struct authkey *k)
{
	char line[4096];
	const char *why = NULL;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return cli_fail("local: cannot read %.200s", path);
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	if (authkey_parse(line, k, &why) != 0)
		return cli_fail("local: %.200s: %s", path, why);
	return 0;
}

int
cli_local(int argc, char **argv)
{
	struct local_args la = { NULL, NULL, NULL, NULL, NULL };
	static struct authkey key;
	struct config cfg;
	struct ui_args a;
	int r;

	if ((r = local_parse(argc, argv, &la)) != 0 || (r = local_config(&la, &cfg)) != 0)
		return r;
	memset(&a, 0, sizeof a);
	if (la.offer_key != NULL) {
		if ((r = local_offer_key(la.offer_key, &key)) != 0)
			return r;
		a.offered_key_type = key.type;
		a.offered_key_b64 = key.blob_b64;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_fail("local: needs a terminal on stdin and stdout");
	if ((r = local_member(&cfg, la.login, &a.user_id)) != 0)
		return r;
	/* curses owns the terminal from here: only real errors may print. */
	log_set_level(LOG_ERR);
	a.cfg = &cfg;
	a.peer = "local";
	a.in_fd = STDIN_FILENO;
	a.out_fd = STDOUT_FILENO;
	return ui_main(&a);
}
