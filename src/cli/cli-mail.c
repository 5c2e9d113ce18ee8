/* `mentorbbs mail run|stop|status`: the outbox's runner, the stop link's
 * end and a count of the queue. The runner is its own process, started by
 * the mentorbbs-mail.timer every minute (run --once) or left running (run)
 * where there is no systemd; never in a member's session. One runner at a
 * time: it holds an flock on <db>.mail-lock, which also tells it that a
 * mail still marked sending was left by a runner that died (db-mail.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include "cli/cli.h"
#include "db/db.h"
#include "db/db-mail.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "lib/log.h"
#include "lib/sendmail.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/mail.h"

#define RETRY_MAX_SECONDS	(6 * 3600)
#define STOP_INPUT_MAX		(256 * 1024)

struct run_args {
	const char *config, *db_path;
	bool once, digest_now;
};

static const struct cli_opt run_opts[] = {
	CLI_STR("config", struct run_args, config),
	CLI_STR("db", struct run_args, db_path),
	CLI_FLAG("once", struct run_args, once),
	CLI_FLAG("digest-now", struct run_args, digest_now),
};

struct tally {
	int sent, retried, failed;
};

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

/* Composes and hands one claimed mail to sendmail, then records how it
 * went. A failure to record leaves it sending: unknown at the next start,
 * never sent twice. */
static void
send_one(struct db *db, const struct config *cfg, const struct mail_job *job, struct tally *t)
{
	char *msg = xmalloc(MAIL_MSG_MAX), err[300] = "", esc[400];
	struct mail_msg m = {
		.bbs = cfg->bbs.name, .from = cfg->mail.from, .to_addr = job->to_addr,
		.to_name = job->to_name, .kind = job->kind, .detail = job->body,
		.login = job->login, .login_host = cfg->mail.login_host,
		.login_port = cfg->mail.login_port, .stop_addr = cfg->mail.stop_address,
		.stop_token = job->token[0] != '\0' ? job->token : NULL,
		.date = db_now(), .id = job->id,
	};
	size_t len = 0;
	int r;

	r = mail_compose(&m, msg, MAIL_MSG_MAX, &len);
	if (r != 0)
		snprintf(err, sizeof err, "cannot compose it (the address is refused)");
	else
		r = sendmail_run(cfg->mail.sendmail, msg, len, cfg->mail.timeout_seconds, err,
		    sizeof err);
	crypto_wipe(msg, MAIL_MSG_MAX);
	free(msg);
	if (r == 0) {
		if (db_mail_sent(db, job->id, db_now()) != 0)
			log_warn("mail %lld went to sendmail but could not be marked sent; "
			    "it will read unknown", (long long)job->id);
		log_info("mail %lld (%s) sent to member %lld", (long long)job->id,
		    mail_kind_name(job->kind), (long long)job->user_id);
		t->sent++;
		return;
	}
	bool give_up = job->attempts >= cfg->mail.max_attempts;
	int64_t delay = cfg->mail.retry_seconds;

	for (int i = 1; i < job->attempts && delay < RETRY_MAX_SECONDS; i++)
		delay *= 2;
	if (delay > RETRY_MAX_SECONDS)
		delay = RETRY_MAX_SECONDS;
	if (mail_check_address(job->to_addr) != NULL)
		give_up = true;
	log_warn("mail %lld (%s), attempt %d: %s%s", (long long)job->id,
	    mail_kind_name(job->kind), job->attempts, text_escape_log(esc, sizeof esc, err),
	    give_up ? "; giving up" : "");
	if (db_mail_failed(db, job->id, db_now() + delay, give_up, err) != 0)
		log_warn("mail %lld: cannot record the failure; it will read unknown",
		    (long long)job->id);
	if (give_up)
		t->failed++;
	else
		t->retried++;
}

/* One pass: the digests that are due, then every mail due now. */
static int
run_pass(struct db *db, const struct config *cfg, bool digest_now, struct tally *t)
{
	struct mail_job *job = xcalloc(1, sizeof *job);
	int queued = 0, r;
	bool found = true;

	if ((r = db_mail_digests(db, db_now(), digest_now, &queued)) != 0)
		log_warn("digests: %s", err_str(r));
	else if (queued > 0)
		log_info("%d digests queued", queued);
	while (!stopping && (r = db_mail_claim(db, db_now(), job, &found)) == 0 && found)
		send_one(db, cfg, job, t);
	crypto_wipe(job, sizeof *job);
	free(job);
	return r;
}

/* The runner's lock, held until the process exits. */
static int
take_lock(const char *db_path)
{
	char path[CONFIG_PATH_MAX + 16];
	int fd;

	snprintf(path, sizeof path, "%s.mail-lock", db_path);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return cli_fail("mail run: cannot open %s: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return cli_fail("mail run: another mail run is sending (it holds %s)", path);
	}
	return 0;
}

static int
load_config(const char *file, struct config *cfg)
{
	char err[512];

	config_defaults(cfg);
	if (file == NULL)
		file = config_default_file();
	if (file != NULL && config_load_file(cfg, file, err, sizeof err) != 0)
		return cli_fail("%s", err);
	return 0;
}

static int
mail_run(int argc, char **argv)
{
	struct run_args a = { 0 };
	struct tally t = { 0 };
	struct config cfg;
	struct db *db = NULL;
	int r, lost = 0;

	if ((r = cli_parse("mail run", argc, argv, run_opts, sizeof run_opts /
	    sizeof run_opts[0], &a, 0, NULL, NULL)) != 0)
		return r;
	if ((r = load_config(a.config, &cfg)) != 0)
		return r;
	if (a.db_path != NULL)
		text_copy(cfg.server.db, sizeof cfg.server.db, a.db_path);
	log_set_level((enum log_level)cfg.server.log_level);
	if (cfg.mail.from[0] == '\0') {
		fprintf(stderr, "mentorbbs: mail run: mail is off ([mail] from is not set); "
		    "nothing sent\n");
		return CLI_OK;
	}
	if (cfg.mail.stop_address[0] == '\0')
		return cli_fail("mail run: set [mail] stop_address: every mail names it as the "
		    "way to stop");
	if (crypto_init() != 0)
		return cli_fail("mail run: cannot initialise libsodium");
	if ((r = take_lock(cfg.server.db)) != 0)
		return r;
	if ((r = cli_open_db(cfg.server.db, &db)) != 0)
		return r;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	if ((r = db_mail_recover(db, &lost)) != 0) {
		db_close(db);
		return cli_fail("mail run: %s", err_str(r));
	}
	if (lost > 0)
		log_warn("%d mails were with sendmail when the last runner stopped: marked "
		    "unknown, not sent again", lost);
	for (;;) {
		r = run_pass(db, &cfg, a.digest_now, &t);
		a.digest_now = false;
		if (a.once || stopping)
			break;
		for (int i = 0; i < cfg.mail.poll_seconds && !stopping; i++)
			sleep(1);
		if (stopping)
			break;
	}
	db_close(db);
	if (r != 0)
		return cli_fail("mail run: %s", err_str(r));
	printf("mail run: %d sent, %d to retry, %d failed\n", t.sent, t.retried, t.failed);
	return CLI_OK;
}

struct stop_args {
	const char *db_path;
	bool from_stdin;
};

static const struct cli_opt stop_opts[] = {
	CLI_STR("db", struct stop_args, db_path),
	CLI_FLAG("stdin", struct stop_args, from_stdin),
};

/* The token from a whole mail on stdin (what the alias pipes). */
static int
token_from_stdin(char tok[MAIL_TOKEN_SZ])
{
	char *buf = xmalloc(STOP_INPUT_MAX);
	size_t len = fread(buf, 1, STOP_INPUT_MAX, stdin);
	int r = mail_find_token(buf, len, tok);

	free(buf);
	return r;
}

static int
mail_stop(int argc, char **argv)
{
	struct stop_args a = { CONFIG_DEFAULT_DB, false };
	char tok[MAIL_TOKEN_SZ], login[MEMBER_LOGIN_SZ];
	const char *why = NULL;
	struct db *db = NULL;
	int first = 0, r;

	bool want_stdin = false;

	for (int i = 1; i < argc; i++)
		want_stdin = want_stdin || strcmp(argv[i], "--stdin") == 0;
	if ((r = cli_parse("mail stop", argc, argv, stop_opts, 2, &a, want_stdin ? 0 : 1,
	    "give the stop token (stop-...) or --stdin", &first)) != 0)
		return r;
	if (want_stdin) {
		if (token_from_stdin(tok) != 0)
			return cli_fail("mail stop: no stop token (stop-...) in that mail");
	} else if (strlen(argv[first]) != MAIL_TOKEN_SZ - 1 ||
	    mail_find_token(argv[first], strlen(argv[first]), tok) != 0)
		return cli_usage("mail stop: a stop token is stop- and 32 letters and digits, "
		    "as in the mail");
	if ((r = crypto_init()) != 0)
		return cli_fail("mail stop: cannot initialise libsodium");
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	r = db_mail_stop(db, tok, login, sizeof login, &why);
	db_close(db);
	if (r != 0)
		return cli_fail("mail stop: %s", why != NULL ? why : err_str(r));
	printf("mail stopped for %s: no more mail until they choose it again in Profile\n",
	    login);
	return CLI_OK;
}

static int
mail_status(int argc, char **argv)
{
	struct stop_args a = { CONFIG_DEFAULT_DB, false };
	int64_t counts[MAIL_STATES];
	struct db *db = NULL;
	int r;

	if ((r = cli_parse("mail status", argc, argv, stop_opts, 1, &a, 0, NULL, NULL)) != 0)
		return r;
	if ((r = cli_open_db(a.db_path, &db)) != 0)
		return r;
	r = db_mail_counts(db, counts);
	db_close(db);
	if (r != 0)
		return cli_fail("mail status: %s", err_str(r));
	for (size_t i = 0; i < MAIL_STATES; i++)
		printf("%-10s %lld\n", db_mail_state_names[i], (long long)counts[i]);
	return CLI_OK;
}

int
cli_mail(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("mail: run, stop or status?");
	if (strcmp(argv[1], "run") == 0)
		return mail_run(argc - 1, argv + 1);
	if (strcmp(argv[1], "stop") == 0)
		return mail_stop(argc - 1, argv + 1);
	if (strcmp(argv[1], "status") == 0)
		return mail_status(argc - 1, argv + 1);
	return cli_usage("mail: unknown subcommand '%.40s' (run, stop or status)", argv[1]);
}
