/* Mentorships: requests, answers, pause/resume, ending, the lazy sweep of
 * reminders and expiry, each member's list, and a mentor's availability.
 * Authorisation lives here: only the receiver answers, only the sender
 * withdraws, only the two members (or an admin, reading) see a mentorship;
 * every state change goes through mentor_transition(), so an illegal move
 * is refused whatever the screens show. Notices go out in the same
 * transaction as the change they announce. */
#ifndef DB_MENTOR_H
#define DB_MENTOR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"
#include "rules/mentor.h"

struct db;

/* Refusals of a request beyond the shared DB_* codes. */

struct mentorship {
	int64_t id;
	int64_t mentee_id, mentor_id;
	enum mentor_state state;
	char message[MENTOR_MESSAGE_SZ];
	char answer_note[MENTOR_NOTE_SZ];
	int64_t created_at, answered_at, closed_at, reminded_at;
	/* Seen from the actor: the other member and the actor's side. */
	bool i_am_mentor;
	int64_t other_id;
	char other_login[MEMBER_LOGIN_SZ];
	char other_name[MEMBER_NAME_SZ];
	int meetings;			/* check-ins that say "we met" */
	/* Only for admins (and the member who chose them): never the mentee's
	 * view of a decline. Empty otherwise. */
	char decline_reason[16];
	char end_reason[16];
	int fit_rating;			/* 0: none or not visible */
};

/* actor (mentee) asks mentor_id, with a message checked by
 * mentor_check_message. max_pending is the mentee's limit of requests
 * waiting at once. Refuses: ERR_INVALID (self, bad message), ERR_DENIED
 * (blocked either way, actor not active), ERR_NOTFOUND, ERR_NOT_OFFERED,
 * ERR_PAUSED, ERR_FULL, ERR_LIMIT, ERR_EXISTS (an open
 * request or mentorship with this mentor already). Sets *id if not NULL. */
int db_mentor_request(struct db *db, int64_t actor_id, int64_t mentor_id,
    const char *message, int max_pending, int64_t *id);
/* Would db_mentor_request refuse actor asking mentor_id now, whatever the
 * message? The same refusals (ERR_EXISTS, ERR_LIMIT, ERR_FULL, ...), or
 * ERR_OK; it writes nothing, so the screen can say why before the member
 * writes a request (sending checks again). */
int db_mentor_may_request(struct db *db, int64_t actor_id, int64_t mentor_id,
    int max_pending);

/* The receiver accepts (note optional) or declines (reason is a code from
 * mentor_decline_reasons; note optional). Accepting when the mentor has no
 * room any more is ERR_FULL. ERR_DENIED for anyone but the receiver,
 * ERR_INVALID for an illegal transition or a bad note/reason.
 * A block between the two members (either way) refuses every move that
 * takes the mentorship forward (accept, pause, resume, check-ins) with
 * ERR_DENIED; withdraw, decline and end stay open so either can leave. */
int db_mentor_accept(struct db *db, int64_t actor_id, int64_t id, const char *note);
int db_mentor_decline(struct db *db, int64_t actor_id, int64_t id, const char *reason,
    const char *note);
/* The sender withdraws a waiting request. */
int db_mentor_withdraw(struct db *db, int64_t actor_id, int64_t id);
/* Either member pauses an active mentorship or resumes a paused one. */
int db_mentor_pause(struct db *db, int64_t actor_id, int64_t id, bool pause);
/* Either member ends it: reason from mentor_end_reasons, fit rating 1..5
 * (seen only by admins). */
int db_mentor_end(struct db *db, int64_t actor_id, int64_t id, const char *reason, int fit);

/* One mentorship as actor sees it: the two members or an admin
 * (ERR_DENIED for anyone else, ERR_NOTFOUND for no such mentorship). */
int db_mentor_get(struct db *db, int64_t actor_id, int64_t id, struct mentorship *out);

/* actor's mentorships: every open one (requested, active, paused), then
 * the newest closed ones up to history_max. A request to actor from a
 * member on the other side of a block is left out (nobody may accept it;
 * it expires). Caller frees *out. */
int db_mentor_list(struct db *db, int64_t actor_id, size_t history_max,
    struct mentorship **out, size_t *n);

/* Lazy, idempotent housekeeping, safe to call from every session: requests
 * older than remind_days get one reminder notice to the mentor; older than
 * expire_days they expire (both members told). Sets the counts if not
 * NULL. */
int db_mentor_sweep(struct db *db, int64_t now, int remind_days, int expire_days,
    int *reminded, int *expired);

/* A mentor's availability as others see it. */
struct mentor_avail {
	bool open;		/* open to mentoring (profile) */
	bool paused;		/* availability paused */
	int max_mentees, active;
	int pending;		/* requests waiting, less those across a block */
	int64_t asked;
	int64_t reply_secs;	/* typical (median) reply time; -1: none */
	int64_t last_login_at;	/* 0: never */
	bool has_room;		/* open, not paused, active < max */
};
int db_mentor_avail(struct db *db, int64_t mentor_id, struct mentor_avail *out);

/* The mentor pauses or resumes their own availability. ERR_DENIED for a
 * student (students cannot mentor). */
int db_mentor_set_paused(struct db *db, int64_t actor_id, bool paused);
/* "Yes, I still mentor": resets the 90-day question. */
int db_mentor_confirm(struct db *db, int64_t actor_id);
/* Should actor be asked to confirm availability? True when they are open
 * to mentoring, not paused, and have neither answered a request nor
 * confirmed nor joined in the last MENTOR_SILENT_DAYS. */
int db_mentor_needs_confirm(struct db *db, int64_t actor_id, int64_t now, bool *ask);

const char *db_mentor_refusal(int r);	/* a sentence for any code above */
/* The same for a refused move on mentorship id by actor, naming a block
 * between its two members when that is why it was refused. */
const char *db_mentor_refusal_in(struct db *db, int64_t actor_id, int64_t id, int r);

#endif
