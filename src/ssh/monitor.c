/* The per-connection auth monitor; see monitor.h.
 *
 * Order in a password check, and why:
 *   1. the bucket: the login as typed, or login@prefix when the member has
 *      logged in from this prefix before (so a stranger's guessing never
 *      slows the owner at home); take its turn, or DROP when the turn is
 *      too far away (the guess is never verified, so never answered);
 *   2. wait for the turn, then a machine-wide argon2id slot (BUSY if none
 *      comes free soon: refused, not verified);
 *   3. verify (unknown logins against the dummy hash, as before), record
 *      the verdict, remember the prefix on success;
 *   4. answer; only then rehash an outdated hash. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-authfail.h"
#include "db/db-user.h"
#include "lib/config.h"
#include "lib/crypto.h"
#include "lib/err.h"
#include "lib/log.h"
#include "lib/text.h"
#include "rules/user.h"
#include "ssh/monitor.h"
#include "ssh/pwslot.h"

_Static_assert(MONWIRE_SECRET_MAX > USER_PASSWORD_MAX,
    "a password cut to MONWIRE_SECRET_MAX must still be too long to match");
_Static_assert(MONWIRE_LOGIN_MAX >= MEMBER_LOGIN_SZ - 1, "logins must fit the wire");

#define FREE_FAILURES	5
#define MAX_WAIT_MS	10000		/* never more than half the login grace */
#define QUIET_MS	(15 * 60 * 1000)
#define SLOT_WAIT_MS	2000		/* for an argon2id slot */
#define DROP_PAUSE_MS	1000		/* before a DROP, to damp reconnect loops */
#define SLOT_SUFFIX	"-pwslots"

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (ms > 0 && nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void
policy(const struct config *cfg, struct authfail_policy *p)
{
	p->free_failures = FREE_FAILURES;
	p->delay_max_ms = cfg->limits.password_delay_max * 1000;
	p->max_wait_ms = MAX_WAIT_MS < cfg->limits.login_grace * 500 ? MAX_WAIT_MS :
	    cfg->limits.login_grace * 500;
	p->quiet_ms = QUIET_MS;
}

int
monitor_source_prefix(const char *peer, char *out, size_t outsz)
{
	const char *colon = strrchr(peer, ':');
	char addr[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 4];
	unsigned char bin[16];
	size_t n;

	if (colon == NULL || (n = (size_t)(colon - peer)) == 0 || n >= sizeof addr)
		return ERR_INVALID;
	memcpy(addr, peer, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, bin) == 1) {
		text_copy(buf, sizeof buf, addr);
	} else if (inet_pton(AF_INET6, addr, bin) == 1) {
		if (memcmp(bin, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0) {
			inet_ntop(AF_INET, bin + 12, buf, sizeof buf);
		} else {
			memset(bin + 8, 0, 8);
			inet_ntop(AF_INET6, bin, addr, sizeof addr);
			snprintf(buf, sizeof buf, "%s/64", addr);
		}
	} else {
		return ERR_INVALID;
	}
	if (strlen(buf) >= outsz)
		return ERR_INVALID;
	text_copy(out, outsz, buf);
	return 0;
}

static void
answer_member(struct monwire_answer *ans, const struct member *m)
{
	ans->verdict = MONWIRE_YES;
	ans->member_id = m->id;
	ans->status = (int)m->status;
	text_copy(ans->login, sizeof ans->login, m->login);
}

/* The bucket a password attempt from prefix at login is judged in. */
static void
bucket_for(struct monitor_ctx *c, const char *login, const char *prefix, char *bucket,
    size_t bucketsz)
{
	struct member m;
	bool known = false;

	if (prefix[0] != '\0' && db_user_get_by_login(c->db, login, &m) == 0 &&
	    db_authfail_source_known(c->db, m.id, prefix, &known) == 0 && known)
		snprintf(bucket, bucketsz, "%s@%s", login, prefix);
	else
		snprintf(bucket, bucketsz, "%s", login);
}

static void
check_password(struct monitor_ctx *c, const struct monwire_request *req, const char *prefix,
    struct monwire_answer *ans, bool *rehash)
{
	char bucket[AUTHFAIL_BUCKET_SZ], e[128];
	struct authfail_policy pol;
	struct member m;
	int wait = 0, slot, r;
	bool ok, locked;

	policy(c->cfg, &pol);
	bucket_for(c, req->login, prefix, bucket, sizeof bucket);
	if ((r = db_authfail_reserve(c->db, bucket, now_ms(), &pol, &wait)) == ERR_DENIED) {
		log_warn("password attempt for %s from %s dropped: too many failures",
		    text_escape_log(e, sizeof e, bucket), req->peer);
		sleep_ms(DROP_PAUSE_MS);
		ans->verdict = MONWIRE_DROP;
		return;
	}
	/* A lock held past the busy wait (a backup, a long write) must not
	 * lock members out: with no turn pending for this bucket the check
	 * goes ahead, unrecorded, bounded still by the argon2 slots and the
	 * listener's source penalties. */
	locked = r == ERR_BUSY;
	if (locked && (db_authfail_peek(c->db, bucket, now_ms(), &pol, &wait) != 0 || wait > 0))
		r = ERR_BUSY;
	else if (locked)
		r = 0;
	if (r != 0) {
		ans->verdict = MONWIRE_BUSY;	/* the database said no: not a verdict */
		return;
	}
	if (wait > 0) {
		log_info("password attempt for %s from %s waits %d ms",
		    text_escape_log(e, sizeof e, bucket), req->peer, wait);
		sleep_ms(wait);
	}
	if ((slot = pwslot_take(c->slot_fd, c->cfg->limits.max_password_checks,
	    SLOT_WAIT_MS)) < 0) {
		log_warn("password attempt from %s refused: %d checks in flight",
		    req->peer, c->cfg->limits.max_password_checks);
		ans->verdict = MONWIRE_BUSY;
		return;
	}
	ok = db_account_auth_password(c->db, req->login, req->secret, &m, rehash) == 0;
	pwslot_give(c->slot_fd, slot);
	if (locked)
		log_warn("password attempt from %s not recorded: the database is locked",
		    req->peer);
	else if (db_authfail_record(c->db, bucket, ok, now_ms(), &pol) != 0)
		log_warn("could not record a password attempt from %s", req->peer);
	if (!ok)
		return;
	if (!locked && prefix[0] != '\0' &&
	    db_authfail_source_add(c->db, m.id, prefix, db_now()) != 0)
		log_warn("could not remember the source of member %lld", (long long)m.id);
	answer_member(ans, &m);
}

static void
check_key(struct monitor_ctx *c, const struct monwire_request *req, const char *prefix,
    struct monwire_answer *ans)
{
	struct member m;

	if (db_account_auth_key(c->db, req->login, req->secret, &m) != 0)
		return;
	if (req->type == MONWIRE_KEY_LOGIN && prefix[0] != '\0' &&
	    db_authfail_source_add(c->db, m.id, prefix, db_now()) != 0)
		log_warn("could not remember the source of member %lld", (long long)m.id);
	answer_member(ans, &m);
}

void
monitor_check(struct monitor_ctx *c, const struct monwire_request *req,
    struct monwire_answer *ans, bool *rehash)
{
	char prefix[INET6_ADDRSTRLEN + 4];

	memset(ans, 0, sizeof *ans);
	ans->verdict = MONWIRE_NO;
	*rehash = false;
	if (monitor_source_prefix(req->peer, prefix, sizeof prefix) != 0)
		prefix[0] = '\0';
	if (req->type == MONWIRE_PASSWORD)
		check_password(c, req, prefix, ans, rehash);
	else
		check_key(c, req, prefix, ans);
}

void
monitor_rehash(struct monitor_ctx *c, int64_t member_id, const char *password)
{
	int slot = pwslot_take(c->slot_fd, c->cfg->limits.max_password_checks, SLOT_WAIT_MS);

	/* No slot: the upgrade waits for the next login, nothing is lost. */
	if (slot < 0)
		return;
	db_account_rehash(c->db, member_id, password);
	pwslot_give(c->slot_fd, slot);
}

/* Reads (or writes) exactly n bytes: false at EOF or on an error. A write
 * to a monitor that is gone fails with EPIPE instead of raising SIGPIPE. */
static bool
io_full(int fd, void *buf, size_t n, bool writing)
{
	unsigned char *p = buf;
	ssize_t k;

	while (n > 0) {
		k = writing ? send(fd, p, n, MSG_NOSIGNAL) : read(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

/* One frame's body into buf (MONWIRE_BODY_MAX bytes): its length, or 0 at
 * EOF, on an error or for a length over the limit. */
static size_t
read_frame(int fd, uint8_t *buf)
{
	uint8_t hdr[4];
	size_t len;

	if (!io_full(fd, hdr, sizeof hdr, false) || (len = monwire_frame_len(hdr)) == 0 ||
	    !io_full(fd, buf, len, false))
		return 0;
	return len;
}

void
monitor_serve(struct monitor_ctx *c, int fd)
{
	static uint8_t buf[MONWIRE_BODY_MAX + 4];
	static struct monwire_request req;
	struct monwire_answer ans;
	size_t len;
	bool rehash;

	while ((len = read_frame(fd, buf)) > 0) {
		if (monwire_parse_request(buf, len, &req) != 0) {
			log_warn("monitor: malformed request; closing");
			break;
		}
		crypto_wipe(buf, sizeof buf);
		monitor_check(c, &req, &ans, &rehash);
		len = monwire_put_answer(buf, sizeof buf, &ans);
		if (len == 0 || !io_full(fd, buf, len, true))
			break;
		if (rehash)
			monitor_rehash(c, ans.member_id, req.secret);
		crypto_wipe(&req, sizeof req);
	}
	crypto_wipe(buf, sizeof buf);
	crypto_wipe(&req, sizeof req);
}

/* The monitor process: nothing of the connection's but its socket. */
static void __attribute__((noreturn))
monitor_main(const struct config *cfg, int fd)
{
	struct monitor_ctx c = { NULL, cfg, -1 };
	char path[CONFIG_PATH_MAX + sizeof SLOT_SUFFIX], err[256];
	int status = 1;

	if (fd != 3) {
		if (dup2(fd, 3) < 0)
			_exit(1);
		fd = 3;
	}
	close_range(4, ~0U, 0);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGALRM, SIG_DFL);
	/* A backstop: the session's own deadline closes our socket long before. */
	alarm((unsigned)cfg->limits.login_grace + 30);
	snprintf(path, sizeof path, "%s" SLOT_SUFFIX, cfg->server.db);
	if (crypto_init() != 0) {
		log_err("monitor: cannot initialise libsodium");
		goto out;
	}
	if ((c.slot_fd = pwslot_open(path)) < 0) {
		log_err("monitor: cannot open %s: %s", path, strerror(errno));
		goto out;
	}
	if (db_open(cfg->server.db, &c.db, err, sizeof err) != 0) {
		log_err("monitor: cannot open database: %s", err);
		goto out;
	}
	monitor_serve(&c, fd);
	status = 0;
out:
	db_close(c.db);
	_exit(status);
}

int
monitor_start(const struct config *cfg, struct monitor *out)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		log_err("socketpair: %s", strerror(errno));
		return ERR_INTERNAL;
	}
	if ((pid = fork()) < 0) {
		log_err("fork: %s", strerror(errno));
		close(sv[0]);
		close(sv[1]);
		return ERR_INTERNAL;
	}
	if (pid == 0)
		monitor_main(cfg, sv[1]);
	close(sv[1]);
	out->pid = pid;
	out->fd = sv[0];
	return 0;
}

int
monitor_ask(struct monitor *m, const struct monwire_request *req, struct monwire_answer *ans)
{
	static uint8_t buf[MONWIRE_BODY_MAX + 4];
	size_t len;
	int r = ERR_INTERNAL;

	if (m->fd < 0)
		return ERR_INTERNAL;
	len = monwire_put_request(buf, sizeof buf, req);
	if (len > 0 && io_full(m->fd, buf, len, true) && (len = read_frame(m->fd, buf)) > 0 &&
	    monwire_parse_answer(buf, len, ans) == 0)
		r = 0;
	crypto_wipe(buf, sizeof buf);
	if (r != 0) {
		log_err("the auth monitor is gone or answered nonsense");
		monitor_close(m);
	}
	return r;
}

void
monitor_close(struct monitor *m)
{
	if (m->fd >= 0)
		close(m->fd);
	m->fd = -1;
}

void
monitor_end(struct monitor *m, bool kill_it)
{
	monitor_close(m);
	if (m->pid <= 0)
		return;
	if (kill_it && waitpid(m->pid, NULL, WNOHANG) == 0)
		kill(m->pid, SIGKILL);
	waitpid(m->pid, NULL, 0);
	m->pid = 0;
}
