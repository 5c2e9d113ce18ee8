/* Pre-authentication limits; see srclimit.h.
 *
 * Everything is a plain array scanned in full: a listener has at most
 * max_sessions connections and penalty_sources penalised sources, and a
 * scan of a few thousand 24-byte entries per accept costs microseconds,
 * far less than the fork that follows. Penalties follow OpenSSH: each bad
 * ending adds its seconds to what the source owes (never more than
 * penalty_max ahead of now); the source is refused once it owes more than
 * penalty_min, until the debt runs out. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/err.h"
#include "lib/log.h"
#include "lib/xmalloc.h"
#include "ssh/srclimit.h"

#define HOUR 3600.0

enum conn_state { C_FREE, C_STARTUP, C_SIGNUP, C_MEMBER };

struct conn {
	enum conn_state state;
	struct srclimit_addr src;
	int64_t member;
	bool authfail;
};

struct penalty {
	struct srclimit_addr src;
	double expiry;
	bool active;
	const char *reason;
};

/* When something happened from a source, kept for an hour. */
struct stamp {
	struct srclimit_addr src;
	double at;
};

struct stamps {
	struct stamp *v;
	size_t n, cap;
};

struct srclimit {
	struct srclimit_conf conf;
	struct srclimit_env env;
	struct conn *conns;
	size_t nconns;			/* slots in use or freed, <= max_sessions */
	struct penalty *pens;
	size_t npens;
	struct stamps signups;		/* sign-ups started */
	struct stamps logins;		/* members' sessions started */
};

static const char *const end_reason[] = {
	[SRCLIMIT_END_NOAUTH] = "penalty: connections without attempting authentication",
	[SRCLIMIT_END_AUTHFAIL] = "penalty: failed authentication",
	[SRCLIMIT_END_GRACE] = "penalty: exceeded login_grace",
	[SRCLIMIT_END_CRASH] = "penalty: caused a crash",
};

struct srclimit *
srclimit_new(const struct srclimit_conf *conf, const struct srclimit_env *env)
{
	struct srclimit *sl = xcalloc(1, sizeof *sl);

	sl->conf = *conf;
	sl->env = *env;
	sl->conns = xcalloc((size_t)conf->max_sessions, sizeof *sl->conns);
	sl->pens = xcalloc((size_t)conf->penalty_sources, sizeof *sl->pens);
	return sl;
}

void
srclimit_free(struct srclimit *sl)
{
	if (sl == NULL)
		return;
	free(sl->conns);
	free(sl->pens);
	free(sl->signups.v);
	free(sl->logins.v);
	free(sl);
}

static void
mask(struct srclimit_addr *a, int bits)
{
	int len = a->family == AF_INET ? 4 : 16;

	a->bits = bits;
	for (int i = 0; i < len; i++) {
		int keep = bits - 8 * i;

		if (keep >= 8)
			continue;
		a->b[i] &= keep <= 0 ? 0 : (uint8_t)(0xff << (8 - keep));
	}
	memset(a->b + len, 0, sizeof a->b - (size_t)len);
}

int
srclimit_source(const struct srclimit *sl, const struct sockaddr *sa,
    struct srclimit_addr *src)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	struct srclimit_addr a;

	memset(&a, 0, sizeof a);
	if (sa->sa_family == AF_INET) {
		a.family = AF_INET;
		memcpy(a.b, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		a.family = AF_INET6;
		memcpy(a.b, &in6->sin6_addr, 16);
		/* An IPv4 client of a dual-stack socket is an IPv4 source. */
		if (memcmp(a.b, mapped, sizeof mapped) == 0) {
			a.family = AF_INET;
			memmove(a.b, a.b + 12, 4);
		}
	} else
		return ERR_INVALID;
	mask(&a, a.family == AF_INET ? sl->conf.prefix4 : sl->conf.prefix6);
	*src = a;
	return 0;
}

const char *
srclimit_addr_str(const struct srclimit_addr *src, char *buf, size_t bufsz)
{
	char ip[INET6_ADDRSTRLEN];

	if (inet_ntop(src->family, src->b, ip, sizeof ip) == NULL)
		snprintf(ip, sizeof ip, "?");
	snprintf(buf, bufsz, "%s/%d", ip, src->bits);
	return buf;
}

int
srclimit_addr_parse(const char *s, struct srclimit_addr *src)
{
	struct srclimit_addr a;
	char ip[INET6_ADDRSTRLEN];
	const char *slash = strchr(s, '/');
	char *end;
	long bits;

	memset(&a, 0, sizeof a);
	if (slash == NULL || (size_t)(slash - s) >= sizeof ip)
		return ERR_INVALID;
	memcpy(ip, s, (size_t)(slash - s));
	ip[slash - s] = '\0';
	a.family = strchr(ip, ':') != NULL ? AF_INET6 : AF_INET;
	bits = strtol(slash + 1, &end, 10);
	if (inet_pton(a.family, ip, a.b) != 1 || *end != '\0' || end == slash + 1 ||
	    bits < 0 || bits > (a.family == AF_INET ? 32 : 128))
		return ERR_INVALID;
	mask(&a, (int)bits);
	*src = a;
	return 0;
}

static bool
same(const struct srclimit_addr *a, const struct srclimit_addr *b)
{
	return a->family == b->family && a->bits == b->bits && memcmp(a->b, b->b, 16) == 0;
}

static double
now(const struct srclimit *sl)
{
	return sl->env.now(sl->env.ud);
}

static bool
starting(const struct conn *c)
{
	return c->state == C_STARTUP || c->state == C_SIGNUP;
}

size_t
srclimit_startups(const struct srclimit *sl, const struct srclimit_addr *src)
{
	size_t n = 0;

	for (size_t i = 0; i < sl->nconns; i++)
		if (starting(&sl->conns[i]) && (src == NULL || same(&sl->conns[i].src, src)))
			n++;
	return n;
}

size_t
srclimit_sessions(const struct srclimit *sl, int64_t member_id)
{
	size_t n = 0;

	for (size_t i = 0; i < sl->nconns; i++)
		if (sl->conns[i].state == C_MEMBER && sl->conns[i].member == member_id)
			n++;
	return n;
}

static size_t
signups_now(const struct srclimit *sl, const struct srclimit_addr *src)
{
	size_t n = 0;

	for (size_t i = 0; i < sl->nconns; i++)
		if (sl->conns[i].state == C_SIGNUP && (src == NULL || same(&sl->conns[i].src, src)))
			n++;
	return n;
}

/* Drops penalties that have run out. */
static void
expire(struct srclimit *sl, double t)
{
	size_t k = 0;

	for (size_t i = 0; i < sl->npens; i++)
		if (sl->pens[i].expiry > t)
			sl->pens[k++] = sl->pens[i];
	sl->npens = k;
}

size_t
srclimit_penalties(const struct srclimit *sl)
{
	return sl->npens;
}

static struct penalty *
find_penalty(struct srclimit *sl, const struct srclimit_addr *src)
{
	for (size_t i = 0; i < sl->npens; i++)
		if (same(&sl->pens[i].src, src))
			return &sl->pens[i];
	return NULL;
}

/* How many stamps src has in the last hour (dropping older ones). */
static size_t
stamps_count(struct stamps *st, const struct srclimit_addr *src, double t)
{
	size_t k = 0, n = 0;

	for (size_t i = 0; i < st->n; i++) {
		if (st->v[i].at <= t - HOUR)
			continue;
		st->v[k++] = st->v[i];
		if (same(&st->v[i].src, src))
			n++;
	}
	st->n = k;
	return n;
}

/* Bounded at max: past it, the oldest go first. */
static void
stamps_add(struct stamps *st, const struct srclimit_addr *src, double t, size_t max)
{
	if (st->n == max) {
		memmove(st->v, st->v + 1, (max - 1) * sizeof *st->v);
		st->n--;
	}
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 64;
		st->v = xreallocarray(st->v, st->cap, sizeof *st->v);
	}
	st->v[st->n++] = (struct stamp){ *src, t };
}

/* OpenSSH's MaxStartups start:rate:full: refuse with probability rate%
 * at begin, rising linearly to 100% at full. */
static bool
early_drop(struct srclimit *sl, size_t startups)
{
	const struct srclimit_conf *c = &sl->conf;
	uint32_t p;

	if (startups < (size_t)c->startups_begin)
		return false;
	if (startups >= (size_t)c->startups_full || c->startups_rate >= 100)
		return true;
	p = (uint32_t)(100 - c->startups_rate) * (uint32_t)(startups - (size_t)c->startups_begin);
	p /= (uint32_t)(c->startups_full - c->startups_begin);
	p += (uint32_t)c->startups_rate;
	return sl->env.random(sl->env.ud, 100) < p;
}

/* A source's cap on connections starting up: per_source, plus one for
 * each member's session it started in the last hour, up to three times
 * per_source. A class behind one NAT that logs in all at once earns its
 * room by logging in; an attacker without accounts earns nothing. */
static size_t
per_source(struct srclimit *sl, const struct srclimit_addr *src)
{
	size_t base = (size_t)sl->conf.per_source;
	size_t earned = stamps_count(&sl->logins, src, now(sl));

	return base + (earned < 2 * base ? earned : 2 * base);
}

static int
free_slot(struct srclimit *sl)
{
	for (size_t i = 0; i < sl->nconns; i++)
		if (sl->conns[i].state == C_FREE)
			return (int)i;
	if (sl->nconns < (size_t)sl->conf.max_sessions)
		return (int)sl->nconns++;
	return -1;
}

int
srclimit_admit(struct srclimit *sl, const struct srclimit_addr *src, int *id,
    const char **why)
{
	const struct penalty *p;
	size_t total, mine;
	int slot;

	expire(sl, now(sl));
	if ((p = find_penalty(sl, src)) != NULL && p->active) {
		*why = p->reason;
		return ERR_DENIED;
	}
	total = srclimit_startups(sl, NULL);
	mine = srclimit_startups(sl, src);
	if (total >= (size_t)sl->conf.startups_full) {
		*why = "too many connections starting up (max_startups full)";
		return ERR_DENIED;
	}
	if (mine >= per_source(sl, src)) {
		*why = "too many connections starting up from this source";
		return ERR_DENIED;
	}
	/* A source with nothing in flight is never dropped early: a few
	 * flooding sources then cannot lock a member out below full. */
	if (mine > 0 && early_drop(sl, total)) {
		*why = "random early drop (max_startups)";
		return ERR_DENIED;
	}
	if ((slot = free_slot(sl)) < 0) {
		*why = "too many sessions";
		return ERR_DENIED;
	}
	sl->conns[slot] = (struct conn){ .state = C_STARTUP, .src = *src };
	*id = slot;
	return 0;
}

static struct conn *
conn(struct srclimit *sl, int id)
{
	if (id < 0 || (size_t)id >= sl->nconns || sl->conns[id].state == C_FREE)
		return NULL;
	return &sl->conns[id];
}

void
srclimit_authfail(struct srclimit *sl, int id)
{
	struct conn *c = conn(sl, id);

	if (c != NULL)
		c->authfail = true;
}

int
srclimit_member(struct srclimit *sl, int id, int64_t member_id)
{
	struct conn *c = conn(sl, id);

	if (c == NULL)
		return ERR_NOTFOUND;
	if (srclimit_sessions(sl, member_id) >= (size_t)sl->conf.sessions_per_member)
		return ERR_DENIED;
	stamps_add(&sl->logins, &c->src, now(sl), (size_t)sl->conf.penalty_sources);
	c->state = C_MEMBER;
	c->member = member_id;
	return 0;
}

int
srclimit_signup(struct srclimit *sl, int id, const char **why)
{
	struct conn *c = conn(sl, id);
	double t = now(sl);

	if (c == NULL || c->state != C_STARTUP) {
		*why = "This connection cannot register.";
		return ERR_DENIED;
	}
	if (signups_now(sl, NULL) >= (size_t)sl->conf.signups) {
		*why = "Too many people are signing up right now. Please try again in a few minutes.";
		return ERR_DENIED;
	}
	if (signups_now(sl, &c->src) >= (size_t)sl->conf.signups_per_source) {
		*why = "A sign-up from your network is already under way. Please finish that one first.";
		return ERR_DENIED;
	}
	if (stamps_count(&sl->signups, &c->src, t) >= (size_t)sl->conf.signups_per_hour) {
		*why = "Too many sign-ups from your network this hour. Please try again later.";
		return ERR_DENIED;
	}
	stamps_add(&sl->signups, &c->src, t, (size_t)sl->conf.penalty_sources);
	c->state = C_SIGNUP;
	return 0;
}

void
srclimit_signup_done(struct srclimit *sl, int id, int64_t member_id)
{
	struct conn *c = conn(sl, id);

	if (c != NULL && c->state == C_SIGNUP) {
		c->state = C_MEMBER;
		c->member = member_id;
	}
}

/* Makes room for one more penalised source: the one that runs out
 * soonest goes (OpenSSH's "permissive" overflow). */
static struct penalty *
penalty_slot(struct srclimit *sl)
{
	size_t soonest = 0;

	if (sl->npens < (size_t)sl->conf.penalty_sources)
		return &sl->pens[sl->npens++];
	for (size_t i = 1; i < sl->npens; i++)
		if (sl->pens[i].expiry < sl->pens[soonest].expiry)
			soonest = i;
	return &sl->pens[soonest];
}

static void
penalise(struct srclimit *sl, const struct srclimit_addr *src, int secs, const char *reason)
{
	const struct srclimit_conf *c = &sl->conf;
	struct penalty *p;
	double t = now(sl);
	char a[SRCLIMIT_ADDR_STR];
	bool was_active;

	if (secs <= 0)
		return;
	expire(sl, t);
	srclimit_addr_str(src, a, sizeof a);
	if ((p = find_penalty(sl, src)) == NULL) {
		p = penalty_slot(sl);
		*p = (struct penalty){ .src = *src, .expiry = t };
	}
	was_active = p->active;
	p->expiry += secs;
	if (p->expiry - t > c->penalty_max)
		p->expiry = t + c->penalty_max;
	p->active = p->active || p->expiry - t > c->penalty_min;
	p->reason = reason;
	log_info("%s: %s (+%d s, %.0f s owed%s)", a, reason, secs, p->expiry - t,
	    p->active ? (was_active ? ", refused" : ", now refused") : "");
	if (sl->env.save != NULL)
		sl->env.save(sl->env.ud, &p->src, p->expiry, p->active, p->reason);
}

void
srclimit_done(struct srclimit *sl, int id, enum srclimit_end how)
{
	const struct srclimit_conf *c = &sl->conf;
	static const size_t nreasons = sizeof end_reason / sizeof end_reason[0];
	struct conn *cn = conn(sl, id);
	int secs = 0;

	if (cn == NULL)
		return;
	if (cn->state == C_STARTUP && (size_t)how < nreasons) {
		switch (how) {
		case SRCLIMIT_END_NOAUTH:
			secs = cn->authfail ? c->penalty_authfail : c->penalty_noauth;
			if (cn->authfail)
				how = SRCLIMIT_END_AUTHFAIL;
			break;
		case SRCLIMIT_END_AUTHFAIL: secs = c->penalty_authfail; break;
		case SRCLIMIT_END_GRACE: secs = c->penalty_grace; break;
		case SRCLIMIT_END_CRASH: secs = c->penalty_crash; break;
		}
		penalise(sl, &cn->src, secs, end_reason[how]);
	}
	cn->state = C_FREE;
	while (sl->nconns > 0 && sl->conns[sl->nconns - 1].state == C_FREE)
		sl->nconns--;
}

void
srclimit_restore(struct srclimit *sl, const struct srclimit_addr *src, double expiry,
    bool active, const char *reason)
{
	const char *r = "penalty: restored";
	struct penalty *p;
	double t = now(sl);

	if (expiry <= t)
		return;
	for (size_t i = 0; i < sizeof end_reason / sizeof end_reason[0]; i++)
		if (reason != NULL && strcmp(reason, end_reason[i]) == 0)
			r = end_reason[i];
	if ((p = find_penalty(sl, src)) == NULL)
		p = penalty_slot(sl);
	if (expiry - t > sl->conf.penalty_max)
		expiry = t + sl->conf.penalty_max;
	*p = (struct penalty){ .src = *src, .expiry = expiry, .active = active, .reason = r };
}
