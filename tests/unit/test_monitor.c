/* Unit tests for the auth monitor: its wire format, the failure buckets
 * and their delay schedule (db-authfail.c), the password-check slots, and
 * the monitor's answers, directly and over a real socketpair. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-authfail.h"
#include "db/db-user.h"
#include "lib/config.h"
#include "lib/err.h"
#include "ssh/monitor.h"
#include "ssh/monitor-wire.h"
#include "ssh/pwslot.h"

#define WEAK_HASH "$argon2id$v=19$m=8192,t=1,p=1$+IfIixH3Hhtc164tD658+w$" \
	"mF75r+2i/znIG71h4qSKnOIKc0/w0GGegvkqRM1JPR0"
#define WEAK_PW "correct horse battery"
#define GOOD_PW "alice long password"

static const struct authfail_policy POL = { 5, 30000, 10000, 15 * 60 * 1000 };

TEST(authfail_delay_schedule)
{
	static const int want[] = { 0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000 };
	struct authfail_policy p = POL;

	for (int f = 0; f < (int)(sizeof want / sizeof want[0]); f++)
		CHECK_INT(authfail_delay_ms(&p, f), want[f]);
	CHECK_INT(authfail_delay_ms(&p, 1000000), 30000);	/* no overflow */
	p.delay_max_ms = 1500;
	CHECK_INT(authfail_delay_ms(&p, 5), 1000);
	CHECK_INT(authfail_delay_ms(&p, 6), 1500);
}

TEST(authfail_turns_queue_and_drop)
{
	struct db *db = fx_db();
	int64_t t = 1000000000000;
	int wait = -1, f = -1;

	CHECK(db != NULL);
	/* Free failures: no wait, nothing queued. */
	for (int i = 0; i < 5; i++) {
		CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
		CHECK_INT(wait, 0);
		CHECK_INT(db_authfail_record(db, "alice", false, t, &POL), 0);
	}
	CHECK_INT(db_authfail_failures(db, "alice", &f), 0);
	CHECK_INT(f, 5);
	/* From now on turns are 1 s apart, queued whatever the concurrency. */
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
	CHECK_INT(wait, 0);
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
	CHECK_INT(wait, 1000);
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
	CHECK_INT(wait, 2000);
	/* Failures push the delay up; a turn beyond max_wait is refused and
	 * takes no turn (so the queue cannot be pushed into the future). */
	for (int i = 0; i < 5; i++)
		CHECK_INT(db_authfail_record(db, "alice", false, t, &POL), 0);
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
	CHECK_INT(wait, 3000);				/* took 30 s: next at t+33 s */
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), ERR_DENIED);
	CHECK_INT(db_authfail_reserve(db, "alice", t + 23000, &POL, &wait), 0);
	CHECK_INT(wait, 10000);
	/* Another bucket (the owner at a known address) is not touched. */
	CHECK_INT(db_authfail_reserve(db, "alice@10.0.0.1", t, &POL, &wait), 0);
	CHECK_INT(wait, 0);
	/* Quiet for 15 minutes: forgotten, and the row pruned by the next record. */
	t += 16 * 60 * 1000;
	CHECK_INT(db_authfail_reserve(db, "alice", t, &POL, &wait), 0);
	CHECK_INT(wait, 0);
	CHECK_INT(db_authfail_record(db, "bob", false, t, &POL), 0);
	CHECK_INT(db_authfail_failures(db, "alice", &f), 0);
	CHECK_INT(f, 0);
	/* A success clears the bucket. */
	CHECK_INT(db_authfail_record(db, "bob", true, t, &POL), 0);
	CHECK_INT(db_authfail_failures(db, "bob", &f), 0);
	CHECK_INT(f, 0);
}

TEST(authfail_sources)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "alice", ROLE_ALUMNI);
	char prefix[32];
	bool known = true;

	CHECK(a > 0);
	CHECK_INT(db_authfail_source_known(db, a, "10.0.0.1", &known), 0);
	CHECK(!known);
	CHECK_INT(db_authfail_source_add(db, a, "10.0.0.1", 100), 0);
	CHECK_INT(db_authfail_source_known(db, a, "10.0.0.1", &known), 0);
	CHECK(known);
	/* Only the most recent AUTHFAIL_SOURCES_MAX are kept. */
	for (int i = 0; i < AUTHFAIL_SOURCES_MAX; i++) {
		snprintf(prefix, sizeof prefix, "10.1.0.%d", i);
		CHECK_INT(db_authfail_source_add(db, a, prefix, 200 + i), 0);
	}
	CHECK_INT(db_authfail_source_known(db, a, "10.0.0.1", &known), 0);
	CHECK(!known);
	CHECK_INT(db_authfail_source_known(db, a, "10.1.0.0", &known), 0);
	CHECK(known);
}

TEST(monitor_source_prefixes)
{
	char p[64];

	CHECK_INT(monitor_source_prefix("192.0.2.7:5555", p, sizeof p), 0);
	CHECK_STR(p, "192.0.2.7");
	CHECK_INT(monitor_source_prefix("2001:db8:1:2:3:4:5:6:22", p, sizeof p), 0);
	CHECK_STR(p, "2001:db8:1:2::/64");
	CHECK_INT(monitor_source_prefix("::ffff:192.0.2.9:22", p, sizeof p), 0);
	CHECK_STR(p, "192.0.2.9");
	CHECK_INT(monitor_source_prefix("nonsense", p, sizeof p), ERR_INVALID);
	CHECK_INT(monitor_source_prefix(":22", p, sizeof p), ERR_INVALID);
	CHECK_INT(monitor_source_prefix("999.1.1.1:22", p, sizeof p), ERR_INVALID);
	CHECK_INT(monitor_source_prefix("192.0.2.7:1", p, 4), ERR_INVALID);
}

static struct monwire_request *
request(enum monwire_type type, const char *login, const char *secret, const char *peer)
{
	static struct monwire_request r;

	memset(&r, 0, sizeof r);
	r.type = type;
	snprintf(r.login, sizeof r.login, "%s", login);
	snprintf(r.secret, sizeof r.secret, "%s", secret);
	snprintf(r.peer, sizeof r.peer, "%s", peer);
	return &r;
}

TEST(monitor_wire_round_trip)
{
	static uint8_t buf[MONWIRE_BODY_MAX + 8];
	static struct monwire_request got;
	struct monwire_answer a = { MONWIRE_YES, 42, 1, "alice" }, b;
	size_t n;

	n = monwire_put_request(buf, sizeof buf, request(MONWIRE_PASSWORD, "alice", "pw", "1.2.3.4:5"));
	CHECK(n == 4 + 1 + 2 + 5 + 2 + 2 + 2 + 9);
	CHECK_INT(monwire_frame_len(buf), n - 4);
	CHECK_INT(monwire_parse_request(buf + 4, n - 4, &got), 0);
	CHECK_INT(got.type, MONWIRE_PASSWORD);
	CHECK_STR(got.login, "alice");
	CHECK_STR(got.secret, "pw");
	CHECK_STR(got.peer, "1.2.3.4:5");
	/* Every cut short, and one byte too many, is refused. */
	for (size_t k = 0; k < n - 4; k++)
		CHECK_INT(monwire_parse_request(buf + 4, k, &got), ERR_INVALID);
	CHECK_INT(monwire_parse_request(buf + 4, n - 3, &got), ERR_INVALID);
	/* A NUL inside a string, an unknown type. */
	buf[4 + 1 + 2 + 1] = '\0';
	CHECK_INT(monwire_parse_request(buf + 4, n - 4, &got), ERR_INVALID);
	buf[4 + 1 + 2 + 1] = 'l';
	buf[4] = 9;
	CHECK_INT(monwire_parse_request(buf + 4, n - 4, &got), ERR_INVALID);
	/* A string length past its field. */
	buf[4] = MONWIRE_PASSWORD;
	buf[5] = 0;
	buf[6] = MONWIRE_LOGIN_MAX + 1;
	CHECK_INT(monwire_parse_request(buf + 4, n - 4, &got), ERR_INVALID);

	n = monwire_put_answer(buf, sizeof buf, &a);
	CHECK(n > 4);
	CHECK_INT(monwire_parse_answer(buf + 4, n - 4, &b), 0);
	CHECK_INT(b.verdict, MONWIRE_YES);
	CHECK_INT(b.member_id, 42);
	CHECK_INT(b.status, 1);
	CHECK_STR(b.login, "alice");
	buf[5] = 7;						/* no such verdict */
	CHECK_INT(monwire_parse_answer(buf + 4, n - 4, &b), ERR_INVALID);
	/* Frames over the limit, and fields over theirs, are not written. */
	CHECK_INT(monwire_frame_len((const uint8_t[]){ 0, 0, 0xff, 0xff }), 0);
	CHECK_INT(monwire_frame_len((const uint8_t[]){ 0, 0, 0, 0 }), 0);
	memset(got.secret, 'x', MONWIRE_SECRET_MAX);
	got.secret[MONWIRE_SECRET_MAX] = '\0';
	CHECK(monwire_put_request(buf, sizeof buf, &got) > 0);
	CHECK_INT(monwire_put_request(buf, 100, &got), 0);
}

TEST(pwslot_cap_is_shared)
{
	const char *path = fx_path(fx_tmpdir(), "slots");
	int a = pwslot_open(path), b = pwslot_open(path), c = pwslot_open(path), s1, s2;

	CHECK(a >= 0 && b >= 0 && c >= 0);
	CHECK((s1 = pwslot_take(a, 2, 0)) >= 0);
	CHECK((s2 = pwslot_take(b, 2, 0)) >= 0);
	CHECK(s1 != s2);
	/* Both taken: another open of the file (another monitor) gets none. */
	CHECK_INT(pwslot_take(c, 2, 40), -1);
	pwslot_give(a, s1);
	CHECK_INT(pwslot_take(c, 2, 0), s1);
	close(a);
	close(b);
	close(c);
}

/* A config for the monitor: the defaults and a short grace. */
static const struct config *
mon_cfg(int max_checks)
{
	static struct config cfg;

	config_defaults(&cfg);
	cfg.limits.max_password_checks = max_checks;
	return &cfg;
}

static int64_t
real_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

TEST(monitor_answers_and_buckets)
{
	struct db *db = fx_db();
	const struct fx_who who = { .password = GOOD_PW };
	struct monitor_ctx c = { db, mon_cfg(4), -1 };
	struct monwire_answer ans;
	int64_t a = fx_member_with(db, "alice", ROLE_ALUMNI, &who);
	bool rehash = true, known = false;
	int f = -1, wait;

	CHECK(a > 0);
	CHECK((c.slot_fd = pwslot_open(fx_path(fx_tmpdir(), "slots"))) >= 0);
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", "wrong password", "10.0.0.2:1"),
	    &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_NO);
	CHECK_INT(db_authfail_failures(db, "alice", &f), 0);
	CHECK_INT(f, 1);
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", GOOD_PW, "10.0.0.1:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_YES);
	CHECK_INT(ans.member_id, a);
	CHECK_STR(ans.login, "alice");
	CHECK(!rehash);
	CHECK_INT(db_authfail_source_known(db, a, "10.0.0.1", &known), 0);
	CHECK(known);
	/* A stranger floods the login: their turns end up too far away... */
	for (int i = 0; i < 20; i++)
		CHECK_INT(db_authfail_record(db, "alice", false, real_ms(), &POL), 0);
	CHECK_INT(db_authfail_reserve(db, "alice", real_ms(), &POL, &wait), 0);
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", GOOD_PW, "10.0.0.2:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_DROP);	/* not verified: even the right one */
	/* ...but the owner at a known address, and any key, go straight in. */
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", GOOD_PW, "10.0.0.1:2"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_YES);
	/* Unknown logins are judged the same way, in a bucket of their own. */
	monitor_check(&c, request(MONWIRE_PASSWORD, "nobody", GOOD_PW, "10.0.0.2:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_NO);
	CHECK_INT(db_authfail_failures(db, "nobody", &f), 0);
	CHECK_INT(f, 1);
	monitor_check(&c, request(MONWIRE_KEY_PROBE, "alice", "AAAA", "10.0.0.2:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_NO);
}

TEST(monitor_busy_when_no_slot)
{
	struct db *db = fx_db();
	const struct fx_who who = { .password = GOOD_PW };
	struct monitor_ctx c = { db, mon_cfg(1), -1 };
	const char *path = fx_path(fx_tmpdir(), "slots");
	struct monwire_answer ans;
	bool rehash;
	int other;

	CHECK(fx_member_with(db, "alice", ROLE_ALUMNI, &who) > 0);
	CHECK((c.slot_fd = pwslot_open(path)) >= 0);
	CHECK((other = pwslot_open(path)) >= 0);
	CHECK_INT(pwslot_take(other, 1, 0), 0);
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", GOOD_PW, "10.0.0.1:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_BUSY);
	pwslot_give(other, 0);
	close(other);
	monitor_check(&c, request(MONWIRE_PASSWORD, "alice", GOOD_PW, "10.0.0.1:1"), &ans, &rehash);
	CHECK_INT(ans.verdict, MONWIRE_YES);
}

/* The monitor in a child of its own, on its own connection to a database
 * file, over a socketpair: as a session process runs it. */
static pid_t
serve_child(const char *dbpath, const char *slots, int *fd)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		struct monitor_ctx c = { NULL, mon_cfg(4), pwslot_open(slots) };
		char err[128];

		close(sv[0]);
		if (c.slot_fd < 0 || db_open(dbpath, &c.db, err, sizeof err) != 0)
			_exit(2);
		monitor_serve(&c, sv[1]);
		db_close(c.db);
		_exit(0);
	}
	close(sv[1]);
	*fd = sv[0];
	return pid;
}

TEST(monitor_over_socketpair_rehashes_after_answer)
{
	const char *dir = fx_tmpdir();
	const char *path = fx_path(dir, "m.db"), *slots = fx_path(dir, "slots");
	struct monitor m = { 0, -1 };
	struct monwire_answer ans;
	struct db *db = NULL;
	char err[128], hash[128];
	int64_t id;
	int status = -1;

	CHECK(db_open(path, &db, err, sizeof err) == 0);
	id = fx_member(db, "alice", ROLE_ALUMNI);
	CHECK(id > 0);
	CHECK_INT(db_user_set_pwhash(db, id, id, WEAK_HASH), 0);
	db_close(db);
	db = NULL;

	CHECK((m.pid = serve_child(path, slots, &m.fd)) > 0);
	CHECK_INT(monitor_ask(&m, request(MONWIRE_PASSWORD, "alice", "wrong", "10.0.0.1:1"), &ans), 0);
	CHECK_INT(ans.verdict, MONWIRE_NO);
	CHECK_INT(monitor_ask(&m, request(MONWIRE_PASSWORD, "alice", WEAK_PW, "10.0.0.1:1"), &ans), 0);
	CHECK_INT(ans.verdict, MONWIRE_YES);
	CHECK_INT(ans.member_id, id);
	monitor_end(&m, false);		/* waits for the rehash */
	CHECK(db_open(path, &db, err, sizeof err) == 0);
	CHECK_INT(db_user_pwhash(db, id, hash, sizeof hash), 0);
	db_close(db);
	CHECK(strcmp(hash, WEAK_HASH) != 0);

	/* A malformed request ends the monitor; asking again fails cleanly. */
	CHECK((m.pid = serve_child(path, slots, &m.fd)) > 0);
	CHECK(write(m.fd, "\0\0\0\2\x09x", 6) == 6);
	CHECK(waitpid(m.pid, &status, 0) == m.pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	m.pid = 0;
	CHECK_INT(monitor_ask(&m, request(MONWIRE_KEY_PROBE, "alice", "AAAA", "x"), &ans),
	    ERR_INTERNAL);
	CHECK_INT(m.fd, -1);
	CHECK_INT(monitor_ask(&m, request(MONWIRE_KEY_PROBE, "alice", "AAAA", "x"), &ans),
	    ERR_INTERNAL);
}
