/* Communities as the staff run them: adding and archiving communities,
 * community requests with their support (+1) and the admins' decisions,
 * and applications to moderate with the moderators' recommendations.
 *
 * Every function checks who may act inside the transaction of its write
 * and guards the write by the old state (a request still open): a refused
 * actor gets ERR_DENIED, a request someone else decided meanwhile
 * ERR_STATE. Staff actions write their audit entry in the same
 * transaction; the members concerned get a notice in it too. Where a
 * function takes why, a refusal a member can act on comes with a
 * sentence there (static; it may stay NULL for ERR_DENIED, ERR_BUSY and
 * ERR_INTERNAL). Actor 0 is the sysop's command line. */
#ifndef DB_COMMUNITY_H
#define DB_COMMUNITY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/board.h"
#include "rules/community.h"
#include "rules/member.h"

struct db;

/* ---- communities ---- */

struct community_info {
	int64_t id;
	char slug[COMMUNITY_SLUG_SZ];
	char name[BOARD_NAME_MAX * 4 + 1];
	char kind[16];
	char description[BOARD_DESC_MAX * 4 + 1];
	int64_t members, moderators;
	int64_t created_at, archived_at;	/* archived_at 0: open */
};

/* Adds a community (admins and the sysop): name and description are
 * checked lines (ERR_INVALID), kind "region" or "career"; the slug is
 * derived from the name (community_slug) and made unique with "-2",
 * "-3", .... ERR_EXISTS when a community of that name exists. Sets *id
 * and, when slug is not NULL, the slug. */
int db_community_add(struct db *db, int64_t actor_id, const char *name, const char *kind,
    const char *description, int64_t *id, char *slug, size_t slugsz);
/* Archives a community (admins and the sysop): it leaves the Communities
 * list and takes no more posts, threads or applications; what is in it
 * stays readable. ERR_STATE when it is archived already; reason is
 * optional (NULL or a checked line). */
int db_community_archive(struct db *db, int64_t actor_id, int64_t community_id,
    const char *reason);
/* Every community, archived ones too, by kind and name (admins and the
 * sysop). Caller frees *out. */
int db_community_list_all(struct db *db, int64_t actor_id, struct community_info **out,
    size_t *n);
/* The id of the community with this slug: ERR_NOTFOUND if none. A
 * lookup, not an authorisation point. */
int db_community_by_slug(struct db *db, const char *slug, int64_t *id);
/* Inside the caller's transaction: ERR_STATE when community_id is
 * archived (posting is refused), ERR_NOTFOUND when it does not exist. */
int db_community_open_for_posts(struct db *db, int64_t community_id);

/* ---- community requests: support and the admins' decisions ---- */

struct community_request {
	int64_t id, user_id;
	char login[MEMBER_LOGIN_SZ];		/* who asked */
	char requester[MEMBER_NAME_SZ];		/* their display name */
	char kind[16];				/* "create" or "moderate" */
	char name[BOARD_NAME_MAX * 4 + 1];	/* proposed, or the community's */
	char community_kind[16];
	char description[BOARD_DESC_MAX * 4 + 1];
	char why[BOARD_WHY_MAX * 4 + 1];
	enum community_request_status status;
	char reason[BOARD_WHY_MAX * 4 + 1];	/* a declined request's reason */
	char community[BOARD_NAME_MAX * 4 + 1];	/* approved as / merged into */
	int64_t community_id;
	int64_t supporters;
	bool supported;				/* by the actor */
	bool mine;				/* the actor asked */
	int64_t created_at, decided_at;
};

/* What a member sees (staff_view false): every open request for a new
 * community (anyone's, to support it) and every request of their own,
 * open requests first, then newest first, at most BOARD_REQUESTS_LIST_MAX
 * of each. staff_view true: the open requests for a new community only,
 * oldest first, for the admins (ERR_DENIED for anyone else). Caller frees
 * *out. */
int db_community_request_list(struct db *db, int64_t actor_id, bool staff_view,
    struct community_request **out, size_t *n);

/* Supports (support true) or withdraws support for a request for a new
 * community: any member who may post, once per request, not their own
 * (ERR_DENIED with a sentence). ERR_EXISTS when already supporting,
 * ERR_NOTFOUND when withdrawing support never given (or no such
 * request), ERR_STATE when the request is no longer open. */
int db_community_request_support(struct db *db, int64_t actor_id, int64_t request_id,
    bool support, const char **why);

/* How an approval sets the community up: appoint the requester as its
 * moderator, and/or the members in moderators[0..n-1] (already appointed
 * ones are skipped). Each must be active (ERR_STATE with a sentence). */
struct community_approval {
	bool appoint_requester;
	const int64_t *moderators;
	size_t n;
};

/* Approves an open request (admins and the sysop): creates the community
 * (the request's name, kind and description; the slug derived from the
 * name) and appoints as asked, all in one transaction. ERR_EXISTS when a
 * community of that name exists meanwhile (merge instead). Sets
 * *community_id (may be NULL). The requester and the supporters are told. */
int db_community_request_approve(struct db *db, int64_t actor_id, int64_t request_id,
    const struct community_approval *a, int64_t *community_id, const char **why);
/* Declines an open request with a reason the members see (required). */
int db_community_request_decline(struct db *db, int64_t actor_id, int64_t request_id,
    const char *reason, const char **why);
/* Merges an open request into an existing, open community: the requester
 * and supporters are pointed there. reason is optional. */
int db_community_request_merge(struct db *db, int64_t actor_id, int64_t request_id,
    int64_t into_id, const char *reason, const char **why);

/* ---- applications to moderate ---- */

struct community_application {
	int64_t id, user_id, community_id;
	char login[MEMBER_LOGIN_SZ];
	char applicant[MEMBER_NAME_SZ];
	char community[BOARD_NAME_MAX * 4 + 1];
	char why[BOARD_WHY_MAX * 4 + 1];
	int64_t created_at, guidelines_at;
	char recommended_by[MEMBER_LOGIN_SZ];	/* "" when not recommended */
	char recommend_note[BOARD_WHY_MAX * 4 + 1];
	int64_t recommended_at;
};

/* Open applications, oldest first: an admin (or the sysop) sees every
 * one, a moderator those for the communities they moderate; community_id
 * (0: all of those) narrows it, ERR_DENIED when the actor may not see
 * that community's. Anyone else is ERR_DENIED. Caller frees *out. */
int db_community_applications(struct db *db, int64_t actor_id, int64_t community_id,
    struct community_application **out, size_t *n);
/* A moderator of the application's community (or an admin) recommends it
 * to the admins with a note (required, a checked line). ERR_EXISTS when
 * it is recommended already. */
int db_community_application_recommend(struct db *db, int64_t actor_id, int64_t app_id,
    const char *note, const char **why);
/* The admins' answer: appoint the applicant (db_staff_appoint in the same
 * transaction; reason required) or decline with a reason they are told. */
int db_community_application_appoint(struct db *db, int64_t actor_id, int64_t app_id,
    const char *reason, const char **why);
int db_community_application_decline(struct db *db, int64_t actor_id, int64_t app_id,
    const char *reason, const char **why);

/* ---- the moderators of each community ---- */

struct community_moderator {
	int64_t community_id, user_id;
	char community[BOARD_NAME_MAX * 4 + 1];
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
};

/* Every appointment, by community name then login (admins and the
 * sysop). Removing one is db_staff_dismiss. Caller frees *out. */
int db_community_moderators(struct db *db, int64_t actor_id, struct community_moderator **out,
    size_t *n);

#endif
