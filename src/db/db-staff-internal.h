/* For the data layer's staff functions only: writing the audit log. Each
 * caller writes its entry inside the transaction of the action it records,
 * so an action and its entry land together or not at all. */
#ifndef DB_STAFF_INTERNAL_H
#define DB_STAFF_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "rules/sanction.h"

struct db;

/* What one entry records; NULL texts are "", 0 ids are none. */
struct audit_add {
	const char *action;		/* required: "thread.lock", "sanction.ban", ... */
	int64_t community_id;
	const char *target_kind;	/* "member", "post", "thread", "community", ... */
	int64_t target_id;
	const char *target;		/* label; for a member, NULL reads their login */
	const char *reason;
	const char *before, *after;
};

/* Appends an entry by actor_id (0: the sysop; the actor's login is
 * copied). Call inside the action's transaction. */
int db_audit_record(struct db *db, int64_t actor_id, const struct audit_add *a);

/* db_staff_appoint (appoint) or db_staff_dismiss inside the caller's
 * transaction: the admin check, the change, its audit entry and the
 * member's notice. For actions that appoint as part of a larger one (an
 * approved community request or moderator application). reason is not
 * checked here. */
int db_staff_appoint_in_tx(struct db *db, int64_t actor_id, int64_t user_id,
    int64_t community_id, const char *reason, bool appoint);

/* db_sanction_add inside the caller's transaction (db-sanction.h), for an
 * action that gives a sanction as part of itself (closing a safety item).
 */
int db_sanction_add_in_tx(struct db *db, int64_t actor_id, int64_t user_id,
    enum sanction_kind kind,
    int64_t community_id, int64_t ends_at, const char *reason, const char **why,
    int64_t *id);

/* The columns of a sanction row (struct sanction, db-sanction.h) and the
 * reader for them (db-sanction.c): follow with "WHERE ...". */
#define SANCTION_SELECT "SELECT s.id, s.user_id, s.kind, coalesce(s.community_id, 0), " \
	"coalesce(c.name, ''), u.login, coalesce(b.login, 'sysop'), s.reason, s.created_at, " \
	"coalesce(s.ends_at, 0), coalesce(s.lifted_at, 0) FROM sanctions s JOIN users u " \
	"ON u.id = s.user_id LEFT JOIN communities c ON c.id = s.community_id " \
	"LEFT JOIN users b ON b.id = s.created_by "
void db_sanction_row(sqlite3_stmt *st, void *elem);

/* ---- small readers and writers the staff functions share (db-staff-util.c) ---- */

/* Steps st once: the first row, if any, goes to *out (zeroed, then filled
 * by row(st, out)) and *found says whether one came (found may be NULL:
 * then no row is ERR_NOTFOUND). Hands st back; a NULL st is ERR_INTERNAL.
 * On an error *out and *found are not touched. */
int db_staff_row(struct db *db, sqlite3_stmt *st, size_t elsize,
    void (*row)(sqlite3_stmt *st, void *elem), void *out, bool *found, const char *func);

/* The first column of st's first row as text into buf: ERR_NOTFOUND when
 * there is no row (buf untouched). */
int db_staff_text(struct db *db, sqlite3_stmt *st, char *buf, size_t sz, const char *func);

/* The name of community id into buf ("" for 0, no community). */
int db_staff_community_name(struct db *db, int64_t id, char *buf, size_t sz);

/* ERR_OK if member user_id exists, ERR_NOTFOUND if not. */
int db_staff_member(struct db *db, int64_t user_id);

/* Steps a write of one row guarded by the state the caller read (WHERE
 * ... AND old state): ERR_STATE when it matched nothing because another
 * staff member moved the row first. */
int db_staff_move(struct db *db, sqlite3_stmt *st, const char *func);

/* Is actor staff anywhere: *admin true for an admin or the sysop, false
 * for a moderator of some community; ERR_DENIED for anyone else. */
int db_staff_any(struct db *db, int64_t actor_id, bool *admin);

/* An admin's list: ERR_DENIED unless actor is an admin or the sysop; sql
 * (static text) takes ?1, the most rows, at most 500. As db_collect. */
int db_staff_admin_list(struct db *db, int64_t actor_id, const char *sql, size_t max,
    size_t elsize, void (*row)(sqlite3_stmt *st, void *elem), void **out, size_t *n,
    const char *func);

/* A notice of kind with text to each member whose id is in the first
 * column of st's rows. */
int db_staff_notice_each(struct db *db, sqlite3_stmt *st, const char *kind, const char *text,
    const char *func);

/* SQL: sanction row s is in force at ?NOW (a bound parameter's text, such
 * as "?2"): given, not lifted, not ended. */
#define SANCTION_IN_FORCE(now) \
	"s.lifted_at IS NULL AND s.created_at <= " now \
	" AND (s.ends_at IS NULL OR s.ends_at > " now ")"

#endif
