/* The HOST program's rules, without SQL or curses: dates typed as
 * YYYY-MM-DD and kept as whole days since 1970-01-01 (UTC), what a host
 * profile may hold, which stays a host can take (past dates, order, maximum
 * nights, minimum notice, blackouts, capacity), which side may move a
 * request to which state, and when private details and references show.
 * The data layer (db-host*.c) calls these with the facts it read, so the
 * rules hold whatever a screen shows. Checks return 0 or a code of
 * lib/err.h (ERR_INVALID unless a function says otherwise), the refusal
 * as a static English sentence in *why; out-parameters are written only
 * on success. */
#ifndef HOST_H
#define HOST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"

#define HOST_DAY_SECS		86400
#define HOST_MIN_NOTICE_DEFAULT	14	/* days */
#define HOST_REFERENCE_DAYS	14	/* days after departure to write one */
#define HOST_TEXT_MAX		80	/* characters: city, phone, pets, ... */
#define HOST_LONG_MAX		300	/* hospitals, affiliations, rules, programs */
#define HOST_MESSAGE_MAX	1000	/* request message, reference text */
#define HOST_NOTE_MAX		200	/* a note or reason with a transition */
#define HOST_PROP_NOTE_MAX	120	/* the short note of a counter-proposal */
#define HOST_CAPACITY_MAX	10
#define HOST_NIGHTS_MAX		60
#define HOST_NOTICE_MAX		180
#define HOST_BLACKOUTS_MAX	12
#define HOST_OPEN_MAX		5	/* a guest's open (requested..confirmed) requests */

#define HOST_TEXT_SZ		(HOST_TEXT_MAX * 4 + 1)
#define HOST_LONG_SZ		(HOST_LONG_MAX * 4 + 1)
#define HOST_MESSAGE_SZ		(HOST_MESSAGE_MAX * 4 + 1)
#define HOST_NOTE_SZ		(HOST_NOTE_MAX * 4 + 1)

enum host_status { HOST_OFF, HOST_HOSTING, HOST_MAYBE, HOST_STATUS_COUNT };
enum host_sleeping { SLEEP_PRIVATE, SLEEP_SHARED, SLEEP_COUCH, SLEEP_UNIT, SLEEP_COUNT };

/* What a host offers, as bits of host_profile.offers. */
enum {
	HOST_OFFER_HOUSING = 1 << 0,
	HOST_OFFER_MEALS = 1 << 1,
	HOST_OFFER_PICKUP = 1 << 2,	/* airport or station pickup */
	HOST_OFFER_RIDES = 1 << 3,	/* rides to the hospital */
	HOST_OFFER_ADVICE = 1 << 4,	/* advice only: no stay */
	HOST_OFFER_ALL = (1 << 5) - 1,
};

enum host_state {
	HS_REQUESTED, HS_TENTATIVE, HS_ACCEPTED, HS_CONFIRMED,	/* open */
	HS_DECLINED, HS_CANCELLED, HS_EXPIRED, HS_COMPLETED, HS_NOSHOW,
	HS_COUNT
};

enum host_purpose {
	HP_RESIDENCY, HP_FELLOWSHIP, HP_SECOND_LOOK, HP_CONFERENCE, HP_OTHER, HP_COUNT
};

enum host_side { HOST_SIDE_HOST, HOST_SIDE_GUEST };

struct host_blackout {
	int64_t first, last;	/* days, inclusive */
};

struct host_profile {
	int64_t user_id;
	char name[MEMBER_NAME_SZ];	/* display name (read only) */
	enum host_status status;
	unsigned offers;
	enum host_sleeping sleeping;
	char city[HOST_TEXT_SZ], region[HOST_TEXT_SZ], country[HOST_TEXT_SZ];
	char neighbourhood[HOST_TEXT_SZ];	/* the only location others see */
	char hospitals[HOST_LONG_SZ];		/* nearest hospitals, "; " between */
	char affiliations[HOST_LONG_SZ];
	char pets[HOST_TEXT_SZ];		/* "" = no pets */
	bool smoking, partner_ok;
	char accessibility[HOST_TEXT_SZ];
	char house_rules[HOST_LONG_SZ];
	int capacity, max_nights, min_notice_days;
	struct host_blackout blackouts[HOST_BLACKOUTS_MAX];
	size_t nblackouts;
	char address[HOST_LONG_SZ];	/* private: filled only for the host */
	char phone[HOST_TEXT_SZ];	/* private: filled only for the host */
	int64_t updated_at;
};

struct host_request {
	int64_t id, host_id, guest_id;
	char host_name[MEMBER_NAME_SZ], guest_name[MEMBER_NAME_SZ];
	int64_t arrive, depart;		/* days; depart > arrive */
	bool flexible;
	int travellers;			/* everyone who stays, the partner too */
	bool partner, pet_allergy;
	char accessibility[HOST_TEXT_SZ];
	enum host_purpose purpose;
	char programs[HOST_LONG_SZ];
	char message[HOST_MESSAGE_SZ];
	enum host_state state;
	char note[HOST_NOTE_SZ];	/* the last note or reason */
	int64_t note_by;
	int64_t prop_by;		/* 0: no counter-proposal waiting */
	int64_t prop_arrive, prop_depart;
	int prop_travellers;
	char prop_note[HOST_NOTE_SZ];	/* the proposal's short note ("" none) */
	int64_t created_at, updated_at;
};

/* A fresh profile with the defaults (status off, capacity 1, 3 nights,
 * 14 days' notice). */
void host_profile_init(struct host_profile *p, int64_t user_id);

/* Days. host_today: the day of unix time now (UTC). */
int64_t host_today(int64_t now);
/* Parses exactly YYYY-MM-DD (a real calendar date, years 2000-2199).
 * Returns 0, or ERR_INVALID with a reason. */
int host_parse_day(const char *s, int64_t *day, const char **why);
/* "2027-01-14" */
void host_format_day(char *buf, size_t sz, int64_t day);

/* Blackouts typed as "2026-12-20..2027-01-02, 2027-02-01" (a single day or
 * first..last, comma separated, at most HOST_BLACKOUTS_MAX). */
int host_parse_blackouts(const char *s, struct host_blackout *out, size_t *n,
    const char **why);
/* Refuses a blackout range that ended before today, unless it is one of
 * the kept (already stored) ranges, so an old range does not stop a host
 * saving other changes. */
int host_check_blackouts_ahead(const struct host_blackout *b, size_t n,
    const struct host_blackout *kept, size_t nkept, int64_t today, const char **why);
void host_format_blackouts(char *buf, size_t sz, const struct host_blackout *b, size_t n);

/* May a member of this role host (ERR_DENIED for a student), and is the
 * profile acceptable (ERR_INVALID)? */
int host_check_profile(const struct host_profile *p, enum role role, const char **why);

/* The stay rules, in the order a member meets them. booked: travellers of
 * accepted or confirmed stays with this host that overlap these nights.
 * with_notice: apply the host's minimum notice (guests' dates; a host's own
 * counter-proposal may be sooner). side: who is asking, so *why speaks
 * to them ("you take stays of at most 5 nights" to the host, "this host
 * takes ..." to a guest). */
int host_check_stay(const struct host_profile *h, int64_t today, int64_t arrive,
    int64_t depart, int travellers, int booked, bool with_notice, enum host_side side,
    const char **why);

/* Text of a request (accessibility, programs, message) and its party
 * (host_check_party). */
int host_check_request(const struct host_request *r, const char **why);

/* Travellers are everyone who stays, the guest and a partner included,
 * and the host's capacity counts them so. host_check_party: 1 to 10, and
 * at least 2 when a partner comes. host_party_size: the travellers a
 * search counts (at least 2 with a partner), for forms that ask the two
 * apart. */
int host_check_party(int travellers, bool partner, const char **why);
int host_party_size(int travellers, bool partner);

/* A counter-proposal's note: one line of at most HOST_PROP_NOTE_MAX
 * characters, or empty. */
int host_check_proposal_note(const char *note, const char **why);

/* The state after the other side answers a counter-proposal: the host's
 * proposal is an offer, so the guest's yes accepts the request (from
 * requested or tentative); anything else leaves the state as it was. */
enum host_state host_after_answer(enum host_state s, bool agree, bool host_proposed);

/* May side move a request from one state to another today? Checks the
 * transition table and the date limits (host cancels before arrival, guest
 * before departure; nothing after departure). Reasons are required for
 * cancel and no-show (host_move_needs_note). Returns 0, or with *why:
 * ERR_STATE when the table lists the move but not from this state,
 * ERR_DENIED when it is the other side's move, ERR_INVALID when no member
 * makes it at all (expiry, completion) or the dates no longer allow it. */
int host_may_move(enum host_state from, enum host_state to, enum host_side side,
    int64_t today, int64_t arrive, int64_t depart, const char **why);
bool host_move_needs_note(enum host_state to);
/* Moves that bring host and guest closer (maybe, accept, confirm): a block
 * between them stops these, as it stops counter-proposals, answers and the
 * private details; cancel, decline and no-show stay open. */
bool host_move_blocked(enum host_state to);
/* May a counter-proposal be made or answered in this state today?
 * ERR_STATE once the request is past answering, ERR_INVALID from the
 * arrival date. */
int host_may_propose(enum host_state s, int64_t today, int64_t arrive, const char **why);

/* The label for a request no longer open, by its state: "Past" for
 * stays that took place (completed, no-show), "Closed" for requests that
 * never became one (declined, cancelled, expired), whatever their dates. */
const char *host_closed_label(enum host_state s);

/* States where the guest may see the host's street address and phone. */
bool host_private_visible(enum host_state s);
/* True while references can be written for a stay that departed then. */
bool host_reference_open(enum host_state s, int64_t today, int64_t depart);
/* A reference shows when both sides wrote or the window has closed. */
bool host_reference_visible(bool both_written, int64_t today, int64_t depart);

/* Names stored in the database and labels for screens. Parsers return 0
 * or ERR_INVALID for a word they do not know. */
const char *host_state_name(enum host_state s);		/* "requested" */
const char *host_state_label(enum host_state s);	/* "Requested" */
int host_state_parse(const char *s, enum host_state *out);
bool host_state_open(enum host_state s);	/* requested..confirmed */
const char *host_status_name(enum host_status s);	/* "hosting" */
const char *host_status_label(enum host_status s);	/* "Hosting" */
int host_status_parse(const char *s, enum host_status *out);
const char *host_sleeping_name(enum host_sleeping s);
const char *host_sleeping_label(enum host_sleeping s);
int host_sleeping_parse(const char *s, enum host_sleeping *out);
const char *host_purpose_name(enum host_purpose p);
const char *host_purpose_label(enum host_purpose p);
int host_purpose_parse(const char *s, enum host_purpose *out);
/* "housing, meals, pickup" for a set of offer bits ("none" when 0). */
void host_offers_label(char *buf, size_t sz, unsigned offers);
const char *host_offer_label(unsigned bit);

#endif
