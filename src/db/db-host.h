/* The HOST program's data: host profiles (with blackouts and the private
 * street address and phone), the programs a traveller will visit, search,
 * stay requests with their states and counter-proposals, the log of each
 * time a guest was shown a host's private details, and references.
 *
 * Every function takes the acting member's id and decides here, with the
 * rules in host.h, what that member may read or change: ERR_DENIED for the
 * wrong member (a student hosting, a stranger asking for an address, a
 * guest accepting their own request, a blocked pair), ERR_INVALID with a
 * sentence in *why for dates and values the rules refuse, ERR_NOTFOUND when
 * there is nothing by that id for this member. Time-driven changes
 * (expiry, completion, reference reveal) happen in db_host_sweep, which the
 * other functions call first, so a pinned clock (db_set_now_for_tests)
 * drives them. Notices go out in the same transaction as each change. */
#ifndef DB_HOST_H
#define DB_HOST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/host.h"

struct db;

/* --- profiles (db-host.c) --- */

/* The host profile of host_id as actor may see it: the private address and
 * phone are filled only when actor is the host. ERR_NOTFOUND when there is
 * no profile or a block stands between them. */
int db_host_get(struct db *db, int64_t actor_id, int64_t host_id, struct host_profile *out);
/* Creates or replaces actor's own profile (p->user_id must be actor):
 * ERR_DENIED for anyone else and for students, ERR_INVALID with *why for
 * values host_check_profile refuses and for a new blackout range that
 * ended before today (host_check_blackouts_ahead). Blackouts and the
 * search index are rewritten with it. */
int db_host_save(struct db *db, int64_t actor_id, const struct host_profile *p,
    const char **why);
/* Opt in or out (status only). ERR_NOTFOUND without a profile. */
int db_host_set_status(struct db *db, int64_t actor_id, enum host_status s,
    const char **why);

/* Private details of host_id. The host reads their own freely. A guest
 * reads them only through a request (request_id) of theirs with this host
 * that is accepted or confirmed, and every such read is logged for the
 * host. Anyone else, and the guest while a block stands between them
 * either way: ERR_DENIED, nothing logged. */
struct host_private {
	char address[HOST_LONG_SZ];
	char phone[HOST_TEXT_SZ];
};
int db_host_private(struct db *db, int64_t actor_id, int64_t host_id, int64_t request_id,
    struct host_private *out);

/* The host's access log, newest first, at most max rows. Only the host
 * (or an admin) may read it, and not a student (who cannot host):
 * ERR_DENIED. Caller frees *out. */
struct host_access {
	int64_t id, guest_id, request_id, shown_at;
	char guest_name[MEMBER_NAME_SZ];
};
int db_host_access_log(struct db *db, int64_t actor_id, int64_t host_id, size_t max,
    struct host_access **out, size_t *n);

/* --- the programs a traveller will visit (db-host.c) --- */

struct host_interview {
	int64_t id;
	char program[HOST_TEXT_SZ];
	int64_t day;
};
#define HOST_INTERVIEWS_MAX	20
/* Adds one to actor's own list; ERR_INVALID with *why for bad text, a past
 * date or a full list. */
int db_host_interview_add(struct db *db, int64_t actor_id, const char *program, int64_t day,
    const char **why);
/* actor's own, soonest first. Caller frees *out. */
int db_host_interview_list(struct db *db, int64_t actor_id, struct host_interview **out,
    size_t *n);
/* ERR_NOTFOUND unless the interview is actor's. */
int db_host_interview_remove(struct db *db, int64_t actor_id, int64_t id);

/* --- search (db-host-search.c) --- */

struct host_query {
	char where[HOST_TEXT_SZ];	/* city, region or country contains; "" any */
	int64_t arrive, depart;		/* 0: any dates */
	int travellers;			/* 0 counts as 1 */
	unsigned offers;		/* offers wanted, all of them */
	bool no_pets, partner;
	char programs[HOST_LONG_SZ];	/* program names, ";" between; "" none */
};
struct host_hit {
	int64_t user_id;
	char name[MEMBER_NAME_SZ];
	char city[HOST_TEXT_SZ], region[HOST_TEXT_SZ], country[HOST_TEXT_SZ];
	char neighbourhood[HOST_TEXT_SZ];
	char hospitals[HOST_LONG_SZ];
	unsigned offers;
	enum host_status status;
	bool program_match;	/* nearest hospitals or affiliations match */
};
/* Hosts open to guests (hosting or depends), not actor, not blocked either
 * way, matching q; those whose hospitals match q->programs first (FTS5
 * rank), then by name. With dates, hosts offering housing must be free
 * then (no blackout, room left); advice-only hosts show regardless.
 * At most max hits. Caller frees *out. ERR_TOOBROAD when it ran out of
 * its time budget, ERR_BUSY while another search of actor's runs
 * (db-search.h). */
int db_host_search(struct db *db, int64_t actor_id, const struct host_query *q, size_t max,
    struct host_hit **out, size_t *n);

/* --- requests (db-host-request.c) --- */

/* actor (an active student or trainee) asks r->host_id for a stay; the
 * fields of r other than the ids and state are the request. ERR_DENIED for
 * alumni, oneself or a block either way, ERR_NOTFOUND without an active
 * host profile, ERR_INVALID with *why for the stay rules. In the same
 * transaction: ERR_EXISTS with *why when the guest already has an open
 * (requested, tentative, accepted, confirmed) request with this host for
 * any of these nights; ERR_INVALID with *why when they have HOST_OPEN_MAX
 * open requests already. The host gets a notice in the same transaction. */
int db_host_request_create(struct db *db, int64_t actor_id, const struct host_request *r,
    int64_t *id, const char **why);
/* The request as its host, its guest or an admin sees it; ERR_NOTFOUND for
 * anyone else. */
int db_host_request_get(struct db *db, int64_t actor_id, int64_t id, struct host_request *out);
/* Moves a request to state to (see host_may_move for who and when). note:
 * the host's "maybe" note or the reason for cancel / no-show (required for
 * those). Accepting rechecks capacity; a pending counter-proposal must be
 * answered first. With *why: ERR_DENIED for the other side's move or a
 * block (maybe, accept, confirm), ERR_INVALID when the state, the dates,
 * the note or the capacity do not allow it; ERR_NOTFOUND for a request
 * that is not the actor's. */
int db_host_request_move(struct db *db, int64_t actor_id, int64_t id, enum host_state to,
    const char *note, const char **why);
/* Either side proposes other dates or travellers, with a short note (NULL
 * or "": none; host_check_proposal_note); the other side answers with
 * db_host_request_answer (agree: the request takes them, and the note
 * becomes the request's note). The host's proposal is an offer: the
 * guest's yes also accepts the request (host_after_answer), with the same
 * capacity check as an accept. Travellers count the partner
 * (host_check_party). Both, like a move to tentative/accepted/confirmed,
 * refuse with ERR_DENIED and *why "a block stands between you and this
 * member" when either side has blocked the other. Both are guarded by the
 * state and the proposal they were checked against. */
int db_host_request_propose(struct db *db, int64_t actor_id, int64_t id, int64_t arrive,
    int64_t depart, int travellers, const char *note, const char **why);
int db_host_request_answer(struct db *db, int64_t actor_id, int64_t id, bool agree,
    const char **why);

enum host_list {
	HL_UPCOMING,	/* accepted/confirmed, departure not passed; either side */
	HL_IN,		/* requested/tentative where actor is the host */
	HL_OUT,		/* requested/tentative where actor is the guest */
	HL_PAST,	/* everything no longer open, past stays and closed
			 * requests (host_closed_label); either side */
};
/* actor's requests of one kind, at most max. Caller frees *out. */
int db_host_request_list(struct db *db, int64_t actor_id, enum host_list which, size_t max,
    struct host_request **out, size_t *n);

/* Applies the time-driven changes as of now: open requests whose arrival
 * day has come and that were never confirmed expire; confirmed stays
 * complete after departure; references show when their window closes.
 * Idempotent; cheap (indexed). */
int db_host_sweep(struct db *db, int64_t now);

/* --- references and reports (db-host-ref.c) --- */

struct host_reference {
	int64_t author_id, subject_id;
	char author_name[MEMBER_NAME_SZ];
	char body[HOST_MESSAGE_SZ];	/* "" while hidden from actor */
	bool visible;			/* revealed (or actor wrote it) */
	bool revealed;
	int felt_safe;			/* -1 unless actor is an admin */
	int64_t created_at;
};
/* actor (host or guest of a completed stay, within the window) writes or,
 * while it is still hidden, rewrites their reference. */
int db_host_reference_write(struct db *db, int64_t actor_id, int64_t request_id,
    const char *body, bool felt_safe, const char **why);
/* The references of one stay (0 to 2) as actor may see them. */
int db_host_reference_list(struct db *db, int64_t actor_id, int64_t request_id,
    struct host_reference out[2], size_t *n);
/* The references guests wrote about host_id that have been revealed,
 * newest first, at most max, for the host's public profile: author name
 * and text only (felt_safe is -1). Authors blocked either way with actor
 * are left out; ERR_NOTFOUND when a block stands between actor and the
 * host. Caller frees *out (NULL when there are none). */
#define HOST_PUBLIC_REFS_MAX	20
int db_host_reference_public(struct db *db, int64_t actor_id, int64_t host_id, size_t max,
    struct host_reference **out, size_t *n);
/* Flagging a host or a guest: db_flag_add (db-flag.h), FLAG_HOST or
 * FLAG_GUEST; the flags go to the admins' safety queue. */

#endif
