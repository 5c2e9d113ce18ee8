/* The admin menu's data: approval-mode sign-ups, verified roles and role
 * change requests, and announcements. Every function that changes
 * something checks the actor's power (db-staff.h) inside its transaction,
 * writes guarded by the old state (ERR_STATE when someone else decided
 * first), records the action in the audit log and tells the member, all in
 * that one transaction. Actor 0 is the sysop's command line. */
#ifndef DB_ADMIN_H
#define DB_ADMIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db-staff.h"
#include "rules/admin.h"
#include "rules/member.h"

struct db;

/* ---- sign-ups (registration mode approval) ---- */

/* One sign-up waiting for an admin: who, what they declared, and when. */
struct signup {
	int64_t id;
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
	enum role role;
	char programs[MEMBER_FIELD_SZ];
	int grad_year;
	char specialty[MEMBER_FIELD_SZ];
	char institution[MEMBER_FIELD_SZ];
	char city[MEMBER_FIELD_SZ];
	int64_t created_at;
};

/* Tells every admin with powers of the new pending member user_id ("New
 * sign-up waiting: login (Name, role)"). Called by registration inside
 * the transaction that creates the member. */
int db_signup_notify_admins(struct db *db, int64_t user_id);

/* Pending sign-ups not yet decided, oldest first, at most max. Admins and
 * the sysop only (ERR_DENIED). Caller frees *out. */
int db_signup_list(struct db *db, int64_t actor_id, size_t max, struct signup **out,
    size_t *n);

/* Approves: pending -> active, and with verify_role the declared role is
 * marked verified; the member is told. Rejects: the account stays pending
 * and gets a ban with the reason, so the login is refused with it (and a
 * live session ends). reason: staff_check_reason (ERR_INVALID). ERR_STATE
 * when the sign-up was already decided or the member is not pending;
 * ERR_NOTFOUND for no such member. */
int db_signup_approve(struct db *db, int64_t actor_id, int64_t user_id, bool verify_role,
    const char *reason);
int db_signup_reject(struct db *db, int64_t actor_id, int64_t user_id, const char *reason);

/* ---- roles ---- */

/* Marks the member's current role verified (ERR_STATE if it already is). */
int db_role_verify(struct db *db, int64_t actor_id, int64_t user_id, const char *reason);
/* *verified_at: when the member's role was verified, 0 when declared only.
 * Anyone may ask (the profile shows it). */
int db_role_verified_at(struct db *db, int64_t user_id, int64_t *verified_at);

struct role_request {
	int64_t id, user_id;
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
	enum role from, to;
	char note[ROLE_NOTE_MAX * 4 + 1];
	int64_t created_at;
};

/* The member asks to become `to` with a note (may be ""). ERR_INVALID with
 * *why for the same role or a bad note; ERR_EXISTS when one is open;
 * ERR_DENIED for a member who may not make requests (pending, silenced,
 * suspended). *id may be NULL. */
int db_role_request(struct db *db, int64_t actor_id, enum role to, const char *note,
    int64_t *id, const char **why);
/* The member's own open request: *found, and *out when there is one. */
int db_role_request_open(struct db *db, int64_t actor_id, struct role_request *out,
    bool *found);
/* Open requests, oldest first: admins and the sysop only. */
int db_role_request_list(struct db *db, int64_t actor_id, size_t max,
    struct role_request **out, size_t *n);
/* Approve (sets the role and marks it verified; a student stops being open
 * to mentoring) or decline, with a reason the member reads. ERR_STATE when
 * already decided. */
int db_role_request_decide(struct db *db, int64_t actor_id, int64_t request_id, bool approve,
    const char *reason);

/* ---- announcements ---- */

struct announcement {
	int64_t id;
	char text[ANNOUNCE_TEXT_MAX * 4 + 1];
	char by[MEMBER_LOGIN_SZ];		/* login, or "sysop" */
	int64_t created_at, ends_at;		/* ends_at 0: until ended */
	int64_t ended_at;			/* 0: not ended early */
};

/* Admins and the sysop: a new announcement, in force from now until
 * ends_at (0: until ended). ERR_INVALID with *why for bad text or an end
 * in the past. *id may be NULL. */
int db_announce_add(struct db *db, int64_t actor_id, const char *text, int64_t ends_at,
    int64_t *id, const char **why);
/* Ends one now (ERR_STATE if no longer in force). */
int db_announce_end(struct db *db, int64_t actor_id, int64_t id);
/* Newest first, at most max, the ended too: admins and the sysop. */
int db_announce_list(struct db *db, int64_t actor_id, size_t max, struct announcement **out,
    size_t *n);
/* The newest announcement in force that user_id has not dismissed:
 * *found, and *out when there is one. Not an authorisation point: every
 * member reads the announcements. */
int db_announce_current(struct db *db, int64_t user_id, struct announcement *out, bool *found);
/* The member puts announcement id away for good (ERR_NOTFOUND for no such
 * announcement; dismissing twice is fine). */
int db_announce_dismiss(struct db *db, int64_t user_id, int64_t id);

#endif
