/* Unit tests for ssh/srclimit.c: prefixes, max_startups with random early
 * drop, per-source caps, penalties (accumulation, min, max, expiry,
 * overflow, restore), sign-up caps and sessions per member, on a fake
 * clock and a scripted random source. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "db/db-penalty.h"
#include "fixture.h"
#include "lib/err.h"
#include "lib/log.h"
#include "ssh/srclimit.h"

struct fake {
	double now;
	uint32_t rnd;		/* what random() answers (mod bound) */
	int saves;
	char last_saved[SRCLIMIT_ADDR_STR];
	bool last_active;
};

static double
fake_now(void *ud)
{
	return ((struct fake *)ud)->now;
}

static uint32_t
fake_random(void *ud, uint32_t bound)
{
	return ((struct fake *)ud)->rnd % bound;
}

static void
fake_save(void *ud, const struct srclimit_addr *src, double expiry, bool active,
    const char *reason)
{
	struct fake *f = ud;

	(void)expiry;
	(void)reason;
	f->saves++;
	f->last_active = active;
	srclimit_addr_str(src, f->last_saved, sizeof f->last_saved);
}

static struct srclimit_conf
conf(void)
{
	return (struct srclimit_conf){
		.startups_begin = 10, .startups_rate = 30, .startups_full = 100,
		.per_source = 10, .prefix4 = 32, .prefix6 = 64,
		.penalty_authfail = 5, .penalty_noauth = 1, .penalty_grace = 20,
		.penalty_crash = 90, .penalty_min = 15, .penalty_max = 600,
		.penalty_sources = 100, .signups = 3, .signups_per_source = 2,
		.signups_per_hour = 4, .sessions_per_member = 5, .max_sessions = 500,
	};
}

static struct srclimit *
make(const struct srclimit_conf *c, struct fake *f)
{
	struct srclimit_env env = { fake_now, fake_random, fake_save, f };

	f->now = 1000000;
	return srclimit_new(c, &env);
}

/* The source of a client at ip (IPv4 or IPv6), as the listener makes it. */
static struct srclimit_addr
src(const struct srclimit *sl, const char *ip)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	struct srclimit_addr a;

	memset(&ss, 0, sizeof ss);
	memset(&a, 0, sizeof a);
	if (strchr(ip, ':') != NULL) {
		in6->sin6_family = AF_INET6;
		inet_pton(AF_INET6, ip, &in6->sin6_addr);
	} else {
		in->sin_family = AF_INET;
		inet_pton(AF_INET, ip, &in->sin_addr);
	}
	srclimit_source(sl, (const struct sockaddr *)&ss, &a);
	return a;
}

static void
free_sl(void *p)
{
	srclimit_free(p);
}

/* A limiter freed by the runner whatever the test does. */
static struct srclimit *
fx_sl(const struct srclimit_conf *c, struct fake *f)
{
	struct srclimit *sl = make(c, f);

	test_defer(free_sl, sl);
	log_set_level(LOG_WARN);	/* a line per penalty; the runner resets it */
	return sl;
}

TEST(srclimit_prefixes)
{
	struct srclimit_conf c = conf();
	struct fake f = { 0 };
	struct srclimit *sl;
	struct srclimit_addr a, b;
	char s[SRCLIMIT_ADDR_STR];

	c.prefix4 = 24;
	sl = fx_sl(&c, &f);
	a = src(sl, "192.0.2.77");
	CHECK_STR(srclimit_addr_str(&a, s, sizeof s), "192.0.2.0/24");
	a = src(sl, "2001:db8:1:2:aaaa:bbbb:cccc:dddd");
	CHECK_STR(srclimit_addr_str(&a, s, sizeof s), "2001:db8:1:2::/64");
	b = src(sl, "2001:db8:1:2:ffff::1");
	CHECK(memcmp(&a, &b, sizeof a) == 0);
	b = src(sl, "2001:db8:1:3::1");
	CHECK(memcmp(&a, &b, sizeof a) != 0);
	/* An IPv4 client of a dual-stack socket is an IPv4 source. */
	a = src(sl, "::ffff:198.51.100.9");
	CHECK_STR(srclimit_addr_str(&a, s, sizeof s), "198.51.100.0/24");
	CHECK_INT(srclimit_addr_parse("2001:db8:1:2::/64", &b), 0);
	a = src(sl, "2001:db8:1:2::5");
	CHECK(memcmp(&a, &b, sizeof a) == 0);
	CHECK_INT(srclimit_addr_parse("2001:db8::", &b), ERR_INVALID);
	CHECK_INT(srclimit_addr_parse("10.0.0.1/33", &b), ERR_INVALID);
	CHECK_INT(srclimit_addr_parse("nonsense/8", &b), ERR_INVALID);
}

/* One IPv6 /64 is one source: its 11th connection is refused, whatever
 * the low 64 bits say (an exact-address count let it through). */
TEST(srclimit_per_source_on_prefixes)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a, other;
	const char *why = NULL;
	char ip[64];
	int id;

	for (int i = 0; i < 10; i++) {
		snprintf(ip, sizeof ip, "2001:db8:0:7::%x", i + 1);
		a = src(sl, ip);
		CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	}
	a = src(sl, "2001:db8:0:7:dead:beef::1");
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK(strstr(why, "from this source") != NULL);
	other = src(sl, "2001:db8:0:8::1");
	CHECK_INT(srclimit_admit(sl, &other, &id, &why), 0);
	CHECK_INT(srclimit_startups(sl, &a), 10);
	CHECK_INT(srclimit_startups(sl, NULL), 11);
}

TEST(srclimit_random_early_drop)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 0 };
	struct srclimit *sl;
	struct srclimit_addr a;
	const char *why = NULL;
	char ip[32];
	int id, first;

	c.per_source = 1000;
	c.startups_begin = 10;
	c.startups_rate = 30;
	c.startups_full = 20;
	sl = fx_sl(&c, &f);
	a = src(sl, "203.0.113.1");
	/* Below begin nothing is dropped, whatever the dice say. */
	for (int i = 0; i < 10; i++)
		CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	/* At begin: dropped with probability 30%: a roll of 29 drops, 30 passes. */
	f.rnd = 29;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK(strstr(why, "random early drop") != NULL);
	f.rnd = 30;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	/* At 15 of 10..20: 30 + 70 * 5/10 = 65%. */
	f.rnd = 99;
	for (int i = 0; i < 4; i++)
		CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	CHECK_INT(srclimit_startups(sl, NULL), 15);
	f.rnd = 64;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	f.rnd = 65;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	/* A source with nothing starting up is not dropped early... */
	f.rnd = 0;
	a = src(sl, "192.0.2.99");
	CHECK_INT(srclimit_admit(sl, &a, &first, &why), 0);
	for (int i = 2; srclimit_startups(sl, NULL) < 20; i++) {
		snprintf(ip, sizeof ip, "198.51.100.%d", i);
		a = src(sl, ip);
		CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	}
	/* ... but at full everyone is refused. */
	f.rnd = 99;
	a = src(sl, "192.0.2.200");
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK(strstr(why, "full") != NULL);
	/* One ends: there is room again. */
	srclimit_done(sl, first, SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
}

/* A member's session no longer starts up; the sixth of one member is refused. */
TEST(srclimit_members_leave_startups_and_are_capped)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a;
	const char *why = NULL;
	int id[7];

	a = src(sl, "192.0.2.1");
	for (int i = 0; i < 6; i++)
		CHECK_INT(srclimit_admit(sl, &a, &id[i], &why), 0);
	for (int i = 0; i < 5; i++)
		CHECK_INT(srclimit_member(sl, id[i], 42), 0);
	CHECK_INT(srclimit_startups(sl, &a), 1);
	CHECK_INT(srclimit_sessions(sl, 42), 5);
	CHECK_INT(srclimit_member(sl, id[5], 42), ERR_DENIED);
	CHECK_INT(srclimit_member(sl, id[5], 43), 0);
	srclimit_done(sl, id[0], SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_sessions(sl, 42), 4);
	/* A member's session that ends earns no penalty. */
	CHECK_INT(srclimit_penalties(sl), 0);
	CHECK_INT(srclimit_admit(sl, &a, &id[6], &why), 0);
	CHECK_INT(srclimit_member(sl, id[6], 42), 0);
}

TEST(srclimit_penalties_accumulate_and_expire)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a, b;
	const char *why = NULL;
	int id;

	a = src(sl, "192.0.2.1");
	b = src(sl, "192.0.2.2");
	/* Three failed logins owe 15 s: not more than min, still admitted. */
	for (int i = 0; i < 3; i++) {
		CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
		srclimit_authfail(sl, id);
		srclimit_done(sl, id, SRCLIMIT_END_NOAUTH);
	}
	CHECK_INT(f.saves, 3);
	CHECK(!f.last_active);
	CHECK_STR(f.last_saved, "192.0.2.1/32");
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	/* The fourth owes 20 s: refused from now on. */
	srclimit_authfail(sl, id);
	srclimit_done(sl, id, SRCLIMIT_END_NOAUTH);
	CHECK(f.last_active);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK_STR(why, "penalty: failed authentication");
	/* Another address is not touched. */
	CHECK_INT(srclimit_admit(sl, &b, &id, &why), 0);
	srclimit_member(sl, id, 7);
	/* The debt runs out in real time. */
	f.now += 19.5;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	f.now += 1;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	CHECK_INT(srclimit_penalties(sl), 0);
}

TEST(srclimit_penalty_kinds_and_max)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a;
	const char *why = NULL;
	int id;

	a = src(sl, "192.0.2.9");
	/* A silent connection that ran out of login_grace: 20 s, refused. */
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	srclimit_done(sl, id, SRCLIMIT_END_GRACE);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK_STR(why, "penalty: exceeded login_grace");
	/* Concurrent connections in flight still add up, to penalty_max. */
	f.now += 25;
	int ids[10];
	for (int i = 0; i < 10; i++)
		CHECK_INT(srclimit_admit(sl, &a, &ids[i], &why), 0);
	for (int i = 0; i < 10; i++)
		srclimit_done(sl, ids[i], SRCLIMIT_END_CRASH);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK_STR(why, "penalty: caused a crash");
	f.now += 599;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	f.now += 2;
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	/* Going away without a word is cheap: 1 s, never refused alone. */
	srclimit_done(sl, id, SRCLIMIT_END_NOAUTH);
	CHECK(!f.last_active);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
}

/* Past penalty_sources, the penalty that ends soonest makes room. */
TEST(srclimit_penalty_overflow_is_permissive)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl;
	struct srclimit_addr a[3];
	const char *why = NULL;
	int id;

	c.penalty_sources = 2;
	sl = fx_sl(&c, &f);
	a[0] = src(sl, "192.0.2.1");
	a[1] = src(sl, "192.0.2.2");
	a[2] = src(sl, "192.0.2.3");
	for (int i = 0; i < 3; i++) {
		CHECK_INT(srclimit_admit(sl, &a[i], &id, &why), 0);
		srclimit_done(sl, id, SRCLIMIT_END_GRACE);
		f.now += 1;
	}
	CHECK_INT(srclimit_penalties(sl), 2);
	CHECK_INT(srclimit_admit(sl, &a[0], &id, &why), 0);
	CHECK_INT(srclimit_admit(sl, &a[1], &id, &why), ERR_DENIED);
	CHECK_INT(srclimit_admit(sl, &a[2], &id, &why), ERR_DENIED);
}

TEST(srclimit_restore)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a, b;
	const char *why = NULL;
	int id;

	CHECK_INT(srclimit_addr_parse("192.0.2.1/32", &a), 0);
	CHECK_INT(srclimit_addr_parse("192.0.2.2/32", &b), 0);
	srclimit_restore(sl, &a, f.now + 60, true, "penalty: failed authentication");
	srclimit_restore(sl, &b, f.now - 1, true, "penalty: failed authentication");
	CHECK_INT(srclimit_penalties(sl), 1);
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), ERR_DENIED);
	CHECK_STR(why, "penalty: failed authentication");
	CHECK_INT(srclimit_admit(sl, &b, &id, &why), 0);
	/* An unknown reason from the file is not trusted as text. */
	srclimit_restore(sl, &b, f.now + 60, true, "\x1b[2J");
	CHECK_INT(srclimit_admit(sl, &b, &id, &why), ERR_DENIED);
	CHECK_STR(why, "penalty: restored");
}

/* Sign-ups: capped at once in total and per source, and per hour per
 * source; a sign-up starts up until its member exists. */
TEST(srclimit_signups)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl = fx_sl(&c, &f);
	struct srclimit_addr a, b, d;
	const char *why = NULL;
	int id[8];

	a = src(sl, "192.0.2.1");
	b = src(sl, "192.0.2.2");
	d = src(sl, "192.0.2.3");
	for (int i = 0; i < 8; i++)
		CHECK_INT(srclimit_admit(sl, i < 4 ? &a : i < 6 ? &b : &d, &id[i], &why), 0);
	CHECK_INT(srclimit_signup(sl, id[0], &why), 0);
	CHECK_INT(srclimit_signup(sl, id[1], &why), 0);
	CHECK_INT(srclimit_signup(sl, id[2], &why), ERR_DENIED);
	CHECK(strstr(why, "from your network is already under way") != NULL);
	CHECK_INT(srclimit_signup(sl, id[4], &why), 0);
	CHECK_INT(srclimit_signup(sl, id[6], &why), ERR_DENIED);
	CHECK(strstr(why, "Too many people") != NULL);
	CHECK_INT(srclimit_startups(sl, NULL), 8);
	/* The member exists: no longer a sign-up, no longer starting up. */
	srclimit_signup_done(sl, id[0], 99);
	CHECK_INT(srclimit_startups(sl, NULL), 7);
	CHECK_INT(srclimit_sessions(sl, 99), 1);
	CHECK_INT(srclimit_signup(sl, id[2], &why), 0);
	/* An abandoned sign-up is no penalty... */
	srclimit_done(sl, id[1], SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_penalties(sl), 0);
	/* ... but still counts in the hour: a's fourth this hour is refused. */
	srclimit_done(sl, id[2], SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_signup(sl, id[3], &why), 0);
	srclimit_done(sl, id[3], SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_admit(sl, &a, &id[3], &why), 0);
	CHECK_INT(srclimit_signup(sl, id[3], &why), ERR_DENIED);
	CHECK(strstr(why, "this hour") != NULL);
	f.now += 3601;
	CHECK_INT(srclimit_signup(sl, id[3], &why), 0);
	/* A member's connection cannot become a sign-up. */
	CHECK_INT(srclimit_member(sl, id[5], 5), 0);
	CHECK_INT(srclimit_signup(sl, id[5], &why), ERR_DENIED);
}

TEST(srclimit_max_sessions)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl;
	struct srclimit_addr a, b;
	const char *why = NULL;
	int id, id2;

	c.max_sessions = 2;
	sl = fx_sl(&c, &f);
	a = src(sl, "192.0.2.1");
	b = src(sl, "192.0.2.2");
	CHECK_INT(srclimit_admit(sl, &a, &id, &why), 0);
	CHECK_INT(srclimit_member(sl, id, 1), 0);
	CHECK_INT(srclimit_admit(sl, &b, &id2, &why), 0);
	CHECK_INT(srclimit_member(sl, id2, 2), 0);
	CHECK_INT(srclimit_admit(sl, &b, &id2, &why), ERR_DENIED);
	CHECK_STR(why, "too many sessions");
	srclimit_done(sl, id, SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_admit(sl, &b, &id, &why), 0);
}

struct loaded {
	int n;
	char source[SRCLIMIT_ADDR_STR];
	double expiry;
	bool active;
	char reason[64];
};

static void
on_load(void *ud, const char *source, double expiry, bool active, const char *reason)
{
	struct loaded *l = ud;

	l->n++;
	snprintf(l->source, sizeof l->source, "%s", source);
	l->expiry = expiry;
	l->active = active;
	snprintf(l->reason, sizeof l->reason, "%s", reason);
}

static void
close_pd(void *p)
{
	db_penalty_close(p);
}

/* The store outlives the process: what was saved is there after a
 * reopen, the newest row per source, and expired rows are not loaded. */
TEST(srclimit_penalty_store_survives_reopen)
{
	const char *dir = fx_tmpdir();
	const char *path;
	struct db_penalty *pd = NULL;
	struct loaded l = { 0 };
	char err[256];

	CHECK(dir != NULL);
	path = fx_path(dir, "x.db.penalties");
	CHECK_INT(db_penalty_open(path, &pd, err, sizeof err), 0);
	CHECK_INT(db_penalty_save(pd, "192.0.2.1/32", 1000, false, "penalty: a", 900), 0);
	CHECK_INT(db_penalty_save(pd, "192.0.2.1/32", 1100, true, "penalty: b", 900), 0);
	CHECK_INT(db_penalty_save(pd, "192.0.2.2/32", 950, true, "penalty: c", 900), 0);
	db_penalty_close(pd);
	pd = NULL;
	CHECK_INT(db_penalty_open(path, &pd, err, sizeof err), 0);
	test_defer(close_pd, pd);
	CHECK_INT(db_penalty_load(pd, 960, on_load, &l), 0);
	CHECK_INT(l.n, 1);
	CHECK_STR(l.source, "192.0.2.1/32");
	CHECK(l.expiry == 1100);
	CHECK(l.active);
	CHECK_STR(l.reason, "penalty: b");
}

TEST(srclimit_penalty_store_refuses_a_newer_schema)
{
	const char *dir = fx_tmpdir();
	const char *path;
	struct db_penalty *pd = NULL;
	char err[256];

	CHECK(dir != NULL);
	path = fx_path(dir, "y.penalties");
	CHECK(fx_write(path, "", 0));
	CHECK_INT(db_penalty_open(path, &pd, err, sizeof err), 0);
	db_penalty_close(pd);
	pd = NULL;
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version = 99'", path);
		CHECK(system(cmd) == 0);	/* the sqlite3 shell is a test package */
	}
	CHECK_INT(db_penalty_open(path, &pd, err, sizeof err), ERR_INTERNAL);
	CHECK(strstr(err, "schema version 99") != NULL);
}

/* A source that logged members in this hour may have more starting up
 * (a class behind one NAT), up to three times per_source; a source that
 * only floods earns nothing. */
TEST(srclimit_logins_earn_room)
{
	struct srclimit_conf c = conf();
	struct fake f = { .rnd = 99 };
	struct srclimit *sl;
	struct srclimit_addr nat, flood;
	const char *why = NULL;
	int id, ids[4], more[6];

	c.per_source = 2;
	sl = fx_sl(&c, &f);
	nat = src(sl, "198.51.100.1");
	flood = src(sl, "203.0.113.1");
	for (int i = 0; i < 2; i++) {
		CHECK_INT(srclimit_admit(sl, &nat, &ids[i], &why), 0);
		CHECK_INT(srclimit_admit(sl, &flood, &id, &why), 0);
	}
	CHECK_INT(srclimit_admit(sl, &nat, &id, &why), ERR_DENIED);
	CHECK_INT(srclimit_admit(sl, &flood, &id, &why), ERR_DENIED);
	/* Two members log in from the NAT: it may have 2 + 2 starting up. */
	CHECK_INT(srclimit_member(sl, ids[0], 100), 0);
	CHECK_INT(srclimit_member(sl, ids[1], 101), 0);
	for (int i = 0; i < 4; i++)
		CHECK_INT(srclimit_admit(sl, &nat, &ids[i], &why), 0);
	CHECK_INT(srclimit_admit(sl, &nat, &id, &why), ERR_DENIED);
	CHECK_INT(srclimit_admit(sl, &flood, &id, &why), ERR_DENIED);
	/* Four more: 2 + 6 earned, but never more than 3 x per_source. */
	for (int i = 0; i < 4; i++)
		CHECK_INT(srclimit_member(sl, ids[i], 102 + i), 0);
	for (int i = 0; i < 6; i++)
		CHECK_INT(srclimit_admit(sl, &nat, &more[i], &why), 0);
	CHECK_INT(srclimit_admit(sl, &nat, &id, &why), ERR_DENIED);
	/* Earned room lasts an hour: with 2 starting up, a third is fine
	 * now and refused after it. */
	for (int i = 0; i < 4; i++)
		srclimit_done(sl, more[i], SRCLIMIT_END_NOAUTH);
	CHECK_INT(srclimit_admit(sl, &nat, &more[0], &why), 0);
	srclimit_done(sl, more[0], SRCLIMIT_END_NOAUTH);
	f.now += 3601;
	CHECK_INT(srclimit_startups(sl, &nat), 2);
	CHECK_INT(srclimit_admit(sl, &nat, &id, &why), ERR_DENIED);
	CHECK(strstr(why, "from this source") != NULL);
}
