/* Flags, the review queue and the safety queue (issue 10). One header for
 * the family:
 *   db_flag_*     db-flag.c         filing a flag, auto-hide, the CLI list
 *   db_review_*   db-flag-review.c  the queues: reading, context, actions,
 *                                   the stale sweep, staff post removal
 *
 * A member flags a post, a message, a member, a host profile or a guest
 * with a type and an optional private note; the flag joins the target's
 * open review item (one per target, opened by the first flag). Flags of
 * hosts and guests and flags of type unsafe go to the admins' safety
 * queue, the rest to the community queue: the moderators of the post's
 * community, and the admins for everything (items without a community,
 * messages and members, are the admins' alone). "Did not feel safe"
 * answers and mentorship ratings of 1 or 2 open safety items by
 * themselves (triggers of migration 013).
 *
 * Every action checks the actor's power (db-staff.h) inside its own write
 * transaction and moves the item from the state it was read in, so two
 * moderators acting at once never both win: the second is ERR_STATE. Each
 * action writes its audit entry in the same transaction. */
#ifndef DB_FLAG_H
#define DB_FLAG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/flag.h"
#include "rules/sanction.h"

struct db;

/* ---- db-flag.c ---- */

/* What filing a flag did. */
struct flag_filed {
	int64_t flag_id, item_id;
	bool hidden;		/* this flag hid the post (it reached the threshold) */
};

/* actor flags target_id of kind with type and note ("" for none). The
 * actor must be able to see the target: a post they can read (not their
 * own, not deleted), a message of their conversation (not their own), a
 * member (not themselves), a member with a host profile, or a guest who
 * asked actor for a stay; ERR_NOTFOUND otherwise, ERR_INVALID for their
 * own. ERR_EXISTS while actor's flag of that target is open; ERR_LIMIT
 * past FLAG_OPEN_MAX open flags; ERR_DENIED for a member who may not
 * speak (pending, silenced, suspended). On a post, open flags from
 * hide_threshold distinct members (0: never) hide it in the same
 * transaction and its author gets a notice. *why gets a sentence for
 * every refusal. out may be NULL. */
int db_flag_add(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t target_id,
    enum flag_type type, const char *note, int hide_threshold, struct flag_filed *out,
    const char **why);
/* Number of flags this member has filed that are still open. */
int db_flag_open_by(struct db *db, int64_t actor_id, int64_t *count);

/* One flag as the CLI lists it. */
struct flag_row {
	int64_t id, created_at, target_id, item_id, flaggers;
	char kind[12], type[16], status[12], item_status[12];
	char target[129];		/* a label: login, thread title */
	char community[129];		/* "" when none */
};
/* Every flag (open_only: only open ones), newest first, at most max.
 * Admins and the sysop only (ERR_DENIED). Caller frees *out. */
int db_flag_list(struct db *db, int64_t actor_id, bool open_only, size_t max,
    struct flag_row **out, size_t *n);

/* Called by db-board-post.c inside an author's edit of post_id: a hidden
 * post goes back into the queue (a new open item when none is open). */
int db_flag_post_edited(struct db *db, int64_t post_id);

/* ---- db-flag-review.c ---- */

enum review_scope {
	REVIEW_MODERATOR,	/* open community items of the communities actor moderates */
	REVIEW_ADMIN,		/* every open or escalated community item: admins */
	REVIEW_SAFETY,		/* the safety queue: admins */
};

#define REVIEW_TEXT_SZ	1201
struct review_item {
	int64_t id, target_id, community_id, subject_id, reporter_id, created_at;
	char queue[12], kind[12], status[12];
	char community[129];		/* "" when none */
	char target[129];		/* thread title, login */
	char subject[129];		/* display name of whom it is about */
	char detail[64];		/* 'did not feel safe' ... */
	char types[96];			/* "spam, harassment" */
	int64_t flaggers;		/* distinct members with a flag on it */
	int hidden;			/* a post: 0 shown, 1 hidden for review, 2 by a moderator */
	bool stale;			/* older than the stale hours given */
};

/* The items of a scope, oldest first, at most max; stale from
 * stale_hours. A moderator's scope is ERR_DENIED for one who moderates
 * nothing and is no admin (an admin sees there only the communities they
 * were appointed to); the admin and safety scopes are ERR_DENIED for
 * anyone but an admin. Caller frees *out. */
int db_review_list(struct db *db, int64_t actor_id, enum review_scope scope, int stale_hours,
    size_t max, struct review_item **out, size_t *n);
/* One item, if actor may act on it (ERR_DENIED otherwise). */
int db_review_get(struct db *db, int64_t actor_id, int64_t item_id, int stale_hours,
    struct review_item *out);
/* The item's context as lines of text for the screen: the thread title and
 * the post; the message with the messages before it; the member; for the
 * safety queue the history between the two members (stays, mentorships,
 * messages); then every flag with its type, note and age. Caller frees
 * *text. Same permission as db_review_get. */
int db_review_context(struct db *db, int64_t actor_id, int64_t item_id, char **text);

enum review_action {
	REVIEW_AGREE_HIDE,	/* agree: the post stays hidden (by a moderator) */
	REVIEW_AGREE_REMOVE,	/* agree: the post is removed, readers see the reason */
	REVIEW_DISAGREE,	/* restore the post; flags closed */
	REVIEW_DISMISS,		/* close without a judgement; a hidden post shows again */
	REVIEW_ESCALATE,	/* to the admins (from open only) */
	REVIEW_RESOLVE,		/* the safety queue: handled */
};
/* Acts on an open (admins: or escalated) item with a reason
 * (staff_check_reason: ERR_INVALID with *why). Moderators of the item's
 * community and admins act on community items; only admins on escalated
 * items, items without a community and safety items: ERR_DENIED
 * otherwise. ERR_STATE when the item is no longer in the state it was
 * read in (another moderator was first); ERR_INVALID for an action that
 * does not fit the item (remove on a non-post, escalate an escalated
 * item, resolve a community item). */
int db_review_act(struct db *db, int64_t actor_id, int64_t item_id, enum review_action a,
    const char *reason, const char **why);
/* A safety item's "sanction": the item closes as sanctioned and the
 * sanction is given to its subject, in one transaction (ERR_STATE, and no
 * sanction, if someone handled the item first). */
int db_review_sanction(struct db *db, int64_t actor_id, int64_t item_id,
    enum sanction_kind kind, int64_t ends_at, const char *reason, const char **why);

/* A moderator of the post's community or an admin removes post_id with a
 * reason, as agree/remove does: readers see "[removed by a moderator:
 * REASON]"; its open items close as agreed. ERR_DENIED for anyone else,
 * ERR_STATE if it is already deleted or removed. */
int db_review_remove_post(struct db *db, int64_t actor_id, int64_t post_id,
    const char *reason, const char **why);

/* Tells the moderators of each community, once, of its items older than
 * stale_hours (writes only when one is due). */
int db_review_sweep(struct db *db, int64_t now, int stale_hours);

#endif
