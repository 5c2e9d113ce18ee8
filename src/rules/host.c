/* The HOST program's rules; see host.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/host.h"
#include "lib/err.h"
#include "lib/text.h"

void
host_profile_init(struct host_profile *p, int64_t user_id)
{
	memset(p, 0, sizeof *p);
	p->user_id = user_id;
	p->status = HOST_OFF;
	p->offers = HOST_OFFER_HOUSING;
	p->capacity = 1;
	p->max_nights = 3;
	p->min_notice_days = HOST_MIN_NOTICE_DEFAULT;
}

int64_t
host_today(int64_t now)
{
	/* Floor division: times before 1970 are not ours, but stay correct. */
	return now >= 0 ? now / HOST_DAY_SECS : -((-now + HOST_DAY_SECS - 1) / HOST_DAY_SECS);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
host_parse_day(const char *s, int64_t *day, const char **why)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned v[3] = { 0, 0, 0 }, lim;
	const int width[3] = { 4, 2, 2 };
	const char *p = s;

	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < width[f]; i++, p++) {
			if (*p < '0' || *p > '9')
				goto bad;
			v[f] = v[f] * 10 + (unsigned)(*p - '0');
		}
		if (f < 2 && *p++ != '-')
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	if (v[0] < 2000 || v[0] > 2199) {
		*why = "dates must be in the years 2000 to 2199";
		return ERR_INVALID;
	}
	if (v[1] < 1 || v[1] > 12) {
		*why = "there is no such month (01 to 12)";
		return ERR_INVALID;
	}
	lim = mdays[v[1] - 1] + (v[1] == 2 && leap((int)v[0]));
	if (v[2] < 1 || v[2] > lim) {
		*why = "there is no such day in that month";
		return ERR_INVALID;
	}
	*day = days_from_civil(v[0], v[1], v[2]);
	return 0;
bad:
	*why = "dates are written YYYY-MM-DD";
	return ERR_INVALID;
}

void
host_format_day(char *buf, size_t sz, int64_t day)
{
	int y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, sz, "%04d-%02u-%02u", y, m, d);
}

/* One blackout item: "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD". */
static int
parse_range(char *item, struct host_blackout *b, const char **why)
{
	char *dots = strstr(item, "..");

	if (dots != NULL) {
		*dots = '\0';
		if (host_parse_day(text_trim(item), &b->first, why) != 0 ||
		    host_parse_day(text_trim(dots + 2), &b->last, why) != 0)
			return ERR_INVALID;
		if (b->last < b->first) {
			*why = "a blackout range must end on or after its first day";
			return ERR_INVALID;
		}
		return 0;
	}
	if (host_parse_day(text_trim(item), &b->first, why) != 0)
		return ERR_INVALID;
	b->last = b->first;
	return 0;
}

int
host_parse_blackouts(const char *s, struct host_blackout *out, size_t *n, const char **why)
{
	struct host_blackout got[HOST_BLACKOUTS_MAX];
	char buf[HOST_LONG_SZ], *save = NULL, *item;
	size_t k = 0;

	if (!text_copy(buf, sizeof buf, s)) {
		*why = "the blackout list is too long";
		return ERR_INVALID;
	}
	for (item = strtok_r(buf, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
		if (*text_trim(item) == '\0')
			continue;
		if (k == HOST_BLACKOUTS_MAX) {
			*why = "at most 12 blackout ranges";
			return ERR_INVALID;
		}
		if (parse_range(item, &got[k], why) != 0)
			return ERR_INVALID;
		k++;
	}
	memcpy(out, got, k * sizeof got[0]);
	*n = k;
	return 0;
}

int
host_check_blackouts_ahead(const struct host_blackout *b, size_t n,
    const struct host_blackout *kept, size_t nkept, int64_t today, const char **why)
{
	static char reason[160];
	char a[16], z[16];

	for (size_t i = 0; i < n; i++) {
		bool stored = false;

		if (b[i].last >= today)
			continue;
		for (size_t j = 0; j < nkept && !stored; j++)
			stored = kept[j].first == b[i].first && kept[j].last == b[i].last;
		if (stored)
			continue;
		host_format_day(a, sizeof a, b[i].first);
		host_format_day(z, sizeof z, b[i].last);
		if (b[i].first == b[i].last)
			snprintf(reason, sizeof reason, "the blackout %s has already passed; "
			    "blackouts are for dates to come", a);
		else
			snprintf(reason, sizeof reason, "the blackout %s to %s has already passed; "
			    "blackouts are for dates to come", a, z);
		*why = reason;
		return ERR_INVALID;
	}
	return 0;
}

void
host_format_blackouts(char *buf, size_t sz, const struct host_blackout *b, size_t n)
{
	char a[16], z[16];
	size_t len = 0;

	if (sz == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < sz; i++) {
		host_format_day(a, sizeof a, b[i].first);
		host_format_day(z, sizeof z, b[i].last);
		if (b[i].first == b[i].last)
			len += (size_t)snprintf(buf + len, sz - len, "%s%s", i ? ", " : "", a);
		else
			len += (size_t)snprintf(buf + len, sz - len, "%s%s..%s", i ? ", " : "", a, z);
	}
}

/* Checks one text field; the reason names the field. */
static int
check_text(const char *label, const char *s, size_t max, const char **why)
{
	static char reason[160];
	const char *r = text_check_line(s, max);

	if (r == NULL)
		return 0;
	snprintf(reason, sizeof reason, "%s: %s", label, r);
	*why = reason;
	return ERR_INVALID;
}

int
host_check_profile(const struct host_profile *p, enum role role, const char **why)
{
	if (role == ROLE_STUDENT) {
		*why = "students cannot host; alumni and trainees can";
		return ERR_DENIED;
	}
	if (check_text("City", p->city, HOST_TEXT_MAX, why) ||
	    check_text("Region", p->region, HOST_TEXT_MAX, why) ||
	    check_text("Country", p->country, HOST_TEXT_MAX, why) ||
	    check_text("Neighbourhood", p->neighbourhood, HOST_TEXT_MAX, why) ||
	    check_text("Nearest hospitals", p->hospitals, HOST_LONG_MAX, why) ||
	    check_text("Affiliations", p->affiliations, HOST_LONG_MAX, why) ||
	    check_text("Pets", p->pets, HOST_TEXT_MAX, why) ||
	    check_text("Accessibility", p->accessibility, HOST_TEXT_MAX, why) ||
	    check_text("House rules", p->house_rules, HOST_LONG_MAX, why) ||
	    check_text("Street address", p->address, HOST_LONG_MAX, why) ||
	    check_text("Phone", p->phone, HOST_TEXT_MAX, why))
		return ERR_INVALID;
	if ((unsigned)p->status >= HOST_STATUS_COUNT || (unsigned)p->sleeping >= SLEEP_COUNT ||
	    (p->offers & ~(unsigned)HOST_OFFER_ALL) != 0) {
		*why = "a setting has a value this system does not know";
		return ERR_INVALID;
	}
	if (p->capacity < 1 || p->capacity > HOST_CAPACITY_MAX) {
		*why = "guests at once must be 1 to 10";
		return ERR_INVALID;
	}
	if (p->max_nights < 1 || p->max_nights > HOST_NIGHTS_MAX) {
		*why = "maximum nights must be 1 to 60";
		return ERR_INVALID;
	}
	if (p->min_notice_days < 0 || p->min_notice_days > HOST_NOTICE_MAX) {
		*why = "minimum notice must be 0 to 180 days";
		return ERR_INVALID;
	}
	if (p->nblackouts > HOST_BLACKOUTS_MAX) {
		*why = "at most 12 blackout ranges";
		return ERR_INVALID;
	}
	if (p->status != HOST_OFF && (p->offers == 0 || p->city[0] == '\0' ||
	    p->hospitals[0] == '\0')) {
		*why = "to host, give a city, your nearest hospitals and at least one offer";
		return ERR_INVALID;
	}
	return 0;
}

int
host_check_stay(const struct host_profile *h, int64_t today, int64_t arrive,
    int64_t depart, int travellers, int booked, bool with_notice, enum host_side side,
    const char **why)
{
	static char reason[160];
	bool host = side == HOST_SIDE_HOST;	/* the host hears "you", a guest "this host" */

	if (arrive <= today) {
		*why = "the arrival date must be in the future";
		return ERR_INVALID;
	}
	if (depart <= arrive) {
		*why = "the departure date must be after the arrival date";
		return ERR_INVALID;
	}
	if (travellers < 1 || travellers > HOST_CAPACITY_MAX) {
		*why = "travellers must be 1 to 10";
		return ERR_INVALID;
	}
	if (h->status == HOST_OFF || (h->offers & HOST_OFFER_HOUSING) == 0) {
		*why = host ? "you are not offering stays now" : "this host is not offering stays now";
		return ERR_INVALID;
	}
	if (depart - arrive > h->max_nights) {
		snprintf(reason, sizeof reason, "%s stays of at most %d night%s",
		    host ? "you take" : "this host takes", h->max_nights,
		    h->max_nights == 1 ? "" : "s");
		*why = reason;
		return ERR_INVALID;
	}
	if (with_notice && arrive - today < h->min_notice_days) {
		snprintf(reason, sizeof reason, "%s for at least %d days' notice",
		    host ? "you ask" : "this host asks", h->min_notice_days);
		*why = reason;
		return ERR_INVALID;
	}
	/* The nights are arrive .. depart-1; a blackout day on any of them counts. */
	for (size_t i = 0; i < h->nblackouts; i++) {
		if (h->blackouts[i].first < depart && arrive <= h->blackouts[i].last) {
			*why = host ? "you are not available on some of those dates (blackout)" :
			    "the host is not available on some of those dates (blackout)";
			return ERR_INVALID;
		}
	}
	if (travellers > h->capacity) {
		snprintf(reason, sizeof reason, "%s room for %d guest%s at once",
		    host ? "you have" : "this host has", h->capacity, h->capacity == 1 ? "" : "s");
		*why = reason;
		return ERR_INVALID;
	}
	if (booked + travellers > h->capacity) {
		*why = host ? "you are already full on some of those nights" :
		    "the host is already full on some of those nights";
		return ERR_INVALID;
	}
	return 0;
}

int
host_check_request(const struct host_request *r, const char **why)
{
	const char *e;

	if ((unsigned)r->purpose >= HP_COUNT) {
		*why = "choose a purpose for the trip";
		return ERR_INVALID;
	}
	if (check_text("Accessibility needs", r->accessibility, HOST_TEXT_MAX, why) ||
	    check_text("Programs visited", r->programs, HOST_LONG_MAX, why))
		return ERR_INVALID;
	if ((e = text_check_multiline(r->message, HOST_MESSAGE_MAX)) != NULL) {
		static char reason[160];

		snprintf(reason, sizeof reason, "Message: %s", e);
		*why = reason;
		return ERR_INVALID;
	}
	return host_check_party(r->travellers, r->partner, why);
}

int
host_party_size(int travellers, bool partner)
{
	int least = partner ? 2 : 1;

	return travellers > least ? travellers : least;
}

int
host_check_party(int travellers, bool partner, const char **why)
{
	if (travellers < 1 || travellers > HOST_CAPACITY_MAX) {
		*why = "travellers must be 1 to 10";
		return ERR_INVALID;
	}
	if (partner && travellers < 2) {
		*why = "travellers counts everyone who stays, your partner too: at least 2 "
		    "with a partner coming";
		return ERR_INVALID;
	}
	return 0;
}

int
host_check_proposal_note(const char *note, const char **why)
{
	static char reason[160];
	const char *e;

	if ((e = text_check_line(note, HOST_PROP_NOTE_MAX)) == NULL)
		return 0;
	snprintf(reason, sizeof reason, "the note %s", e);
	*why = reason;
	return ERR_INVALID;
}

enum host_state
host_after_answer(enum host_state s, bool agree, bool host_proposed)
{
	/* The host's other dates are an offer: the guest's yes takes it. A
	 * host's yes to the guest's dates changes only the dates; the host
	 * still accepts or declines the request. */
	if (agree && host_proposed && (s == HS_REQUESTED || s == HS_TENTATIVE))
		return HS_ACCEPTED;
	return s;
}

#define ST(s)	(1u << (s))
#define OPEN_UNANSWERED	(ST(HS_REQUESTED) | ST(HS_TENTATIVE))

/* Who may move a request from which states to which: one row per target. */
static const struct move {
	enum host_state to;
	unsigned from;		/* ST() bits */
	bool by_host, by_guest;
	bool needs_note;
} moves[] = {
	{ HS_TENTATIVE, ST(HS_REQUESTED), true, false, false },
	{ HS_ACCEPTED, OPEN_UNANSWERED, true, false, false },
	{ HS_DECLINED, OPEN_UNANSWERED, true, false, false },
	{ HS_CONFIRMED, ST(HS_ACCEPTED), false, true, false },
	{ HS_CANCELLED, OPEN_UNANSWERED | ST(HS_ACCEPTED) | ST(HS_CONFIRMED), true, true, true },
	{ HS_NOSHOW, ST(HS_CONFIRMED), true, true, true },
};

static const struct move *
find_move(enum host_state to)
{
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (moves[i].to == to)
			return &moves[i];
	return NULL;
}

bool
host_move_needs_note(enum host_state to)
{
	const struct move *m = find_move(to);

	return m != NULL && m->needs_note;
}

int
host_may_move(enum host_state from, enum host_state to, enum host_side side,
    int64_t today, int64_t arrive, int64_t depart, const char **why)
{
	const struct move *m = find_move(to);
	bool host = side == HOST_SIDE_HOST;

	/* No member moves a request to a state the table does not list
	 * (expired, completed: the sweep's): a refusal by rule, whatever the
	 * state. One it lists but not from here waits on the state. */
	if (m == NULL || (m->from & ST(from)) == 0) {
		*why = "that is not possible for a request in this state";
		return m == NULL ? ERR_INVALID : ERR_STATE;
	}
	if ((host && !m->by_host) || (!host && !m->by_guest)) {
		*why = host ? "only the guest can do that" : "only the host can do that";
		return ERR_DENIED;
	}
	if (today > depart) {
		*why = "nothing changes after the departure date except references";
		return ERR_INVALID;
	}
	if (to == HS_NOSHOW && today < arrive) {
		*why = "a no-show can be reported from the arrival date";
		return ERR_INVALID;
	}
	if (to == HS_CANCELLED && host && today >= arrive) {
		*why = "a host can cancel only before the arrival date";
		return ERR_INVALID;
	}
	if (to != HS_CANCELLED && to != HS_NOSHOW && today >= arrive) {
		*why = "the arrival date has come; this request can no longer change";
		return ERR_INVALID;
	}
	return 0;
}

int
host_may_propose(enum host_state s, int64_t today, int64_t arrive, const char **why)
{
	if ((OPEN_UNANSWERED & ST(s)) == 0) {
		*why = "other dates can be proposed only while a request is open";
		return ERR_STATE;
	}
	if (today >= arrive) {
		*why = "the arrival date has come; this request can no longer change";
		return ERR_INVALID;
	}
	return 0;
}

const char *
host_closed_label(enum host_state s)
{
	return s == HS_COMPLETED || s == HS_NOSHOW ? "Past" : "Closed";
}

bool
host_move_blocked(enum host_state to)
{
	return to == HS_TENTATIVE || to == HS_ACCEPTED || to == HS_CONFIRMED;
}

bool
host_private_visible(enum host_state s)
{
	return s == HS_ACCEPTED || s == HS_CONFIRMED;
}

bool
host_reference_open(enum host_state s, int64_t today, int64_t depart)
{
	return s == HS_COMPLETED && today >= depart && today <= depart + HOST_REFERENCE_DAYS;
}

bool
host_reference_visible(bool both_written, int64_t today, int64_t depart)
{
	return both_written || today > depart + HOST_REFERENCE_DAYS;
}

static const char *const state_names[HS_COUNT] = {
	"requested", "tentative", "accepted", "confirmed", "declined", "cancelled",
	"expired", "completed", "noshow",
};
static const char *const state_labels[HS_COUNT] = {
	"Requested", "Maybe", "Accepted", "Confirmed", "Declined", "Cancelled",
	"Expired", "Completed", "No-show",
};
static const char *const status_names[HOST_STATUS_COUNT] = { "off", "hosting", "maybe" };
static const char *const status_labels[HOST_STATUS_COUNT] = {
	"Not now", "Hosting", "Depends on the request",
};
static const char *const sleeping_names[SLEEP_COUNT] = { "private", "shared", "couch", "unit" };
static const char *const sleeping_labels[SLEEP_COUNT] = {
	"Private room", "Shared room", "Couch", "Whole unit",
};
static const char *const purpose_names[HP_COUNT] = {
	"residency", "fellowship", "second-look", "conference", "other",
};
static const char *const purpose_labels[HP_COUNT] = {
	"Residency interview", "Fellowship interview", "Second look", "Conference", "Other",
};

static int
parse_name(const char *const *names, int n, const char *s, int *out)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return 0;
		}
	}
	return ERR_INVALID;
}

#define LOOKUP(tab, v, n)	((unsigned)(v) < (unsigned)(n) ? (tab)[v] : "?")

const char *host_state_name(enum host_state s) { return LOOKUP(state_names, s, HS_COUNT); }
const char *host_state_label(enum host_state s) { return LOOKUP(state_labels, s, HS_COUNT); }
bool host_state_open(enum host_state s) { return s <= HS_CONFIRMED; }
const char *host_status_name(enum host_status s) { return LOOKUP(status_names, s, HOST_STATUS_COUNT); }
const char *host_status_label(enum host_status s) { return LOOKUP(status_labels, s, HOST_STATUS_COUNT); }
const char *host_sleeping_name(enum host_sleeping s) { return LOOKUP(sleeping_names, s, SLEEP_COUNT); }
const char *host_sleeping_label(enum host_sleeping s) { return LOOKUP(sleeping_labels, s, SLEEP_COUNT); }
const char *host_purpose_name(enum host_purpose p) { return LOOKUP(purpose_names, p, HP_COUNT); }
const char *host_purpose_label(enum host_purpose p) { return LOOKUP(purpose_labels, p, HP_COUNT); }

int
host_state_parse(const char *s, enum host_state *out)
{
	int v;

	if (parse_name(state_names, HS_COUNT, s, &v) != 0)
		return ERR_INVALID;
	*out = (enum host_state)v;
	return 0;
}

int
host_status_parse(const char *s, enum host_status *out)
{
	int v;

	if (parse_name(status_names, HOST_STATUS_COUNT, s, &v) != 0)
		return ERR_INVALID;
	*out = (enum host_status)v;
	return 0;
}

int
host_sleeping_parse(const char *s, enum host_sleeping *out)
{
	int v;

	if (parse_name(sleeping_names, SLEEP_COUNT, s, &v) != 0)
		return ERR_INVALID;
	*out = (enum host_sleeping)v;
	return 0;
}

int
host_purpose_parse(const char *s, enum host_purpose *out)
{
	int v;

	if (parse_name(purpose_names, HP_COUNT, s, &v) != 0)
		return ERR_INVALID;
	*out = (enum host_purpose)v;
	return 0;
}

const char *
host_offer_label(unsigned bit)
{
	switch (bit) {
	case HOST_OFFER_HOUSING: return "housing";
	case HOST_OFFER_MEALS: return "meals";
	case HOST_OFFER_PICKUP: return "airport/station pickup";
	case HOST_OFFER_RIDES: return "rides to the hospital";
	case HOST_OFFER_ADVICE: return "advice only";
	}
	return "?";
}

void
host_offers_label(char *buf, size_t sz, unsigned offers)
{
	size_t len = 0;

	if (sz == 0)
		return;
	buf[0] = '\0';
	for (unsigned bit = 1; bit <= HOST_OFFER_ADVICE && len < sz; bit <<= 1)
		if (offers & bit)
			len += (size_t)snprintf(buf + len, sz - len, "%s%s", len ? ", " : "",
			    host_offer_label(bit));
	if (len == 0)
		snprintf(buf, sz, "none");
}
