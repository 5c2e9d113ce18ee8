/* Community requests decided by the admins, support (+1) from members,
 * and applications to moderate with the moderators' recommendations; see
 * db-community.h. Each decision is one transaction: the permission, the
 * write guarded by status = 'open', the audit entry and the notices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-community.h"
#include "db/db-community-internal.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "lib/text.h"
#include "rules/sanction.h"

#define APPLICATIONS_MAX	200
#define NOTICE_KIND		"community"

/* The columns of a request that decisions look at. */
struct req {
	int64_t user_id, community_id;
	char kind[16], status[16];
	char name[BOARD_NAME_MAX * 4 + 1], community_kind[16];
	char description[BOARD_DESC_MAX * 4 + 1];
	char community[BOARD_NAME_MAX * 4 + 1];
};

static void
req_row(sqlite3_stmt *st, void *elem)
{
	struct req *q = elem;

	q->user_id = sqlite3_column_int64(st, 0);
	q->community_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, q->kind, sizeof q->kind);
	db_column_text(st, 3, q->status, sizeof q->status);
	db_column_text(st, 4, q->name, sizeof q->name);
	db_column_text(st, 5, q->community_kind, sizeof q->community_kind);
	db_column_text(st, 6, q->description, sizeof q->description);
	db_column_text(st, 7, q->community, sizeof q->community);
}

/* Reads request id of kind; a missing one or one of the other kind is
 * ERR_NOTFOUND. */
static int
req_get(struct db *db, int64_t id, const char *kind, struct req *q, const char **why)
{
	int r;

	memset(q, 0, sizeof *q);
	r = db_staff_row(db, DB_STMT(db, "SELECT r.user_id, coalesce(r.community_id, 0), r.kind, "
	    "r.status, r.name, r.community_kind, r.description, coalesce(c.name, '') "
	    "FROM community_requests r LEFT JOIN communities c ON c.id = r.community_id "
	    "WHERE r.id = ?", id), sizeof *q, req_row, q, NULL, __func__);

	if (r == ERR_OK && strcmp(q->kind, kind) != 0)
		r = ERR_NOTFOUND;
	if (r == ERR_NOTFOUND)
		*why = "That request no longer exists.";
	return r;
}

static int
req_still_open(const struct req *q, const char **why)
{
	if (strcmp(q->status, "open") == 0)
		return ERR_OK;
	*why = "Someone has decided that request already.";
	return ERR_STATE;
}

/* The start of every admin decision, inside its transaction: the power,
 * and request id of kind as it is now, still open. */
static int
req_open(struct db *db, int64_t actor_id, int64_t id, const char *kind, struct req *q,
    const char **why)
{
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0 ||
	    (r = req_get(db, id, kind, q, why)) != 0)
		return r;
	return req_still_open(q, why);
}

/* The one write of a decision: status moves from open to, guarded. */
static int
req_decide(struct db *db, int64_t actor_id, int64_t id, const char *status, int64_t community_id,
    const char *reason, const char **why)
{
	sqlite3_stmt *st = DB_STMT(db, "UPDATE community_requests SET status = ?5, decided_at = ?2, "
	    "decided_by = nullif(?3, 0), community_id = coalesce(nullif(?4, 0), community_id), "
	    "reason = ?6 WHERE id = ?1 AND status = 'open'", id, db_now(), actor_id, community_id);
	int r;

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 5, status);
	db_bind_text(st, 6, reason != NULL ? reason : "");
	if ((r = db_step_changed(db, st, __func__)) == ERR_NOTFOUND) {
		*why = "Someone has decided that request already.";
		return ERR_STATE;
	}
	return r;
}

/* The end of a decision on a request for a community: status moves from
 * open (community_id: the community it made or went into), the audit
 * entry, and the requester hears mine, each supporter theirs. */
static int
req_close(struct db *db, int64_t actor_id, int64_t id, const struct req *q,
    const char *status, int64_t community_id, const char *reason, const char *action,
    const char *mine, const char *theirs, const char **why)
{
	int r;

	if ((r = req_decide(db, actor_id, id, status, community_id, reason, why)) != 0)
		return r;
	if ((r = db_audit_record(db, actor_id, &(struct audit_add){ .action = action,
	    .community_id = community_id, .target_kind = "request", .target_id = id,
	    .target = q->name, .reason = reason, .before = "open", .after = status })) != 0)
		return r;
	if ((r = db_notice_add(db, q->user_id, NOTICE_KIND, mine)) != 0)
		return r;
	return db_staff_notice_each(db, DB_STMT(db, "SELECT user_id FROM "
	    "community_request_supports WHERE request_id = ? ORDER BY user_id", id), NOTICE_KIND,
	    theirs, __func__);
}

/* ---- the member's side: the list and support ---- */

#define REQUEST_SELECT "SELECT r.id, r.user_id, u.login, u.display_name, r.kind, " \
	"CASE WHEN r.kind = 'create' THEN r.name ELSE coalesce(c.name, '') END, " \
	"r.community_kind, r.description, r.why, r.status, r.reason, coalesce(c.name, ''), " \
	"coalesce(r.community_id, 0), (SELECT count(*) FROM community_request_supports s " \
	"WHERE s.request_id = r.id), EXISTS (SELECT 1 FROM community_request_supports s " \
	"WHERE s.request_id = r.id AND s.user_id = ?1), r.user_id = ?1, r.created_at, " \
	"coalesce(r.decided_at, 0) FROM community_requests r JOIN users u ON u.id = r.user_id " \
	"LEFT JOIN communities c ON c.id = r.community_id "

static void
request_row(sqlite3_stmt *st, void *elem)
{
	struct community_request *q = elem;
	char status[16];

	q->id = sqlite3_column_int64(st, 0);
	q->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, q->login, sizeof q->login);
	db_column_text(st, 3, q->requester, sizeof q->requester);
	db_column_text(st, 4, q->kind, sizeof q->kind);
	db_column_text(st, 5, q->name, sizeof q->name);
	db_column_text(st, 6, q->community_kind, sizeof q->community_kind);
	db_column_text(st, 7, q->description, sizeof q->description);
	db_column_text(st, 8, q->why, sizeof q->why);
	db_column_text(st, 9, status, sizeof status);
	if (!community_request_status_parse(status, &q->status))
		q->status = CREQ_OPEN;
	db_column_text(st, 10, q->reason, sizeof q->reason);
	db_column_text(st, 11, q->community, sizeof q->community);
	q->community_id = sqlite3_column_int64(st, 12);
	q->supporters = sqlite3_column_int64(st, 13);
	q->supported = sqlite3_column_int(st, 14) != 0;
	q->mine = sqlite3_column_int(st, 15) != 0;
	q->created_at = sqlite3_column_int64(st, 16);
	q->decided_at = sqlite3_column_int64(st, 17);
}

int
db_community_request_list(struct db *db, int64_t actor_id, bool staff_view,
    struct community_request **out, size_t *n)
{
	sqlite3_stmt *st;
	int r;

	if (staff_view) {
		if ((r = db_staff_require_admin(db, actor_id)) != 0)
			return r;
		st = DB_STMT(db, REQUEST_SELECT "WHERE r.kind = 'create' AND r.status = 'open' "
		    "ORDER BY r.id LIMIT ?2", actor_id, 2 * BOARD_REQUESTS_LIST_MAX);
	} else {
		if ((r = db_board_may_read(db, actor_id)) != 0)
			return r;
		st = DB_STMT(db, REQUEST_SELECT "WHERE (r.kind = 'create' AND r.status = 'open') "
		    "OR r.user_id = ?1 ORDER BY r.status <> 'open', r.id DESC LIMIT ?2", actor_id,
		    2 * BOARD_REQUESTS_LIST_MAX);
	}
	return db_collect(db, st, sizeof **out, request_row, (void **)out, n, __func__);
}

static int
support_in_tx(struct db *db, int64_t actor_id, int64_t id, bool support, const char **why)
{
	struct req q;
	sqlite3_stmt *st;
	int r;

	if ((r = db_board_may_post(db, actor_id)) != 0)
		return r;
	if ((r = req_get(db, id, "create", &q, why)) != 0 || (r = req_still_open(&q, why)) != 0)
		return r;
	if (q.user_id == actor_id) {
		*why = "This is your own request: other members can support it.";
		return ERR_DENIED;
	}
	if (support)
		st = DB_STMT(db, "INSERT OR IGNORE INTO community_request_supports (request_id, "
		    "user_id, created_at) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM "
		    "community_requests WHERE id = ?1 AND status = 'open')", id, actor_id, db_now());
	else
		st = DB_STMT(db, "DELETE FROM community_request_supports WHERE request_id = ?1 AND "
		    "user_id = ?2 AND EXISTS (SELECT 1 FROM community_requests WHERE id = ?1 AND "
		    "status = 'open')", id, actor_id);
	if ((r = db_step_changed(db, st, __func__)) == ERR_NOTFOUND) {
		*why = support ? "You support this request already." :
		    "You have not supported this request.";
		return support ? ERR_EXISTS : ERR_NOTFOUND;
	}
	return r;
}

int
db_community_request_support(struct db *db, int64_t actor_id, int64_t request_id, bool support,
    const char **why)
{
	const char *dummy;
	int r;

	if (why == NULL)
		why = &dummy;
	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, support_in_tx(db, actor_id, request_id, support, why));
}

/* ---- the admins' decisions on requests for a new community ---- */

/* Appoints one member to the new community; already appointed is fine. */
static int
appoint_one(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id,
    int64_t request_id, const char **why)
{
	char reason[64];
	int r;

	snprintf(reason, sizeof reason, "Approved community request #%lld", (long long)request_id);
	r = db_staff_appoint_in_tx(db, actor_id, user_id, community_id, reason, true);
	if (r == ERR_EXISTS)
		return ERR_OK;
	if (r == ERR_STATE)
		*why = "A member to appoint is not active: approve without appointing them.";
	else if (r == ERR_NOTFOUND)
		*why = "A member to appoint does not exist.";
	return r;
}

static int
approve_in_tx(struct db *db, int64_t actor_id, int64_t id, const struct community_approval *a,
    int64_t *community_id, const char **why)
{
	char mine[NOTICE_TEXT_SZ], theirs[NOTICE_TEXT_SZ];
	struct req q;
	int64_t cid = 0;
	int r;

	if ((r = req_open(db, actor_id, id, "create", &q, why)) != 0)
		return r;
	if ((r = community_check(q.name, q.community_kind, q.description, why)) != 0)
		return r;
	if ((r = db_community_insert(db, q.name, q.community_kind, q.description, &cid, NULL, 0))
	    != 0) {
		if (r == ERR_EXISTS)
			*why = "A community of that name exists now: merge the request into it.";
		return r;
	}
	if (a != NULL && a->appoint_requester &&
	    (r = appoint_one(db, actor_id, q.user_id, cid, id, why)) != 0)
		return r;
	for (size_t i = 0; a != NULL && i < a->n; i++)
		if ((r = appoint_one(db, actor_id, a->moderators[i], cid, id, why)) != 0)
			return r;
	snprintf(mine, sizeof mine, "Your request was approved: %s is open in Communities", q.name);
	snprintf(theirs, sizeof theirs, "%s, which you supported, is open in Communities", q.name);
	if ((r = req_close(db, actor_id, id, &q, "approved", cid, NULL, "community.approve", mine,
	    theirs, why)) != 0)
		return r;
	*community_id = cid;
	return ERR_OK;
}

int
db_community_request_approve(struct db *db, int64_t actor_id, int64_t request_id,
    const struct community_approval *a, int64_t *community_id, const char **why)
{
	const char *dummy;
	int64_t cid = 0;
	int r;

	if (why == NULL)
		why = &dummy;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, approve_in_tx(db, actor_id, request_id, a, &cid, why));
	if (r == 0 && community_id != NULL)
		*community_id = cid;
	return r;
}

static int
decline_in_tx(struct db *db, int64_t actor_id, int64_t id, const char *reason, const char **why)
{
	char mine[NOTICE_TEXT_SZ], theirs[NOTICE_TEXT_SZ];
	struct req q;
	int r;

	if ((r = req_open(db, actor_id, id, "create", &q, why)) != 0)
		return r;
	snprintf(mine, sizeof mine, "Your request for %s was declined: %s", q.name, reason);
	snprintf(theirs, sizeof theirs, "%s, which you supported, was declined: %s", q.name,
	    reason);
	return req_close(db, actor_id, id, &q, "declined", 0, reason, "community.decline", mine,
	    theirs, why);
}

static int
merge_in_tx(struct db *db, int64_t actor_id, int64_t id, int64_t into, const char *reason,
    const char **why)
{
	char mine[NOTICE_TEXT_SZ], theirs[NOTICE_TEXT_SZ], name[BOARD_NAME_MAX * 4 + 1] = "";
	struct req q;
	int r;

	if ((r = req_open(db, actor_id, id, "create", &q, why)) != 0)
		return r;
	if ((r = db_community_open_for_posts(db, into)) != 0) {
		*why = r == ERR_STATE ? "That community is archived: merge into an open one." :
		    "There is no such community.";
		return r;
	}
	if ((r = db_staff_community_name(db, into, name, sizeof name)) != 0)
		return r;
	snprintf(mine, sizeof mine, "Your request for %s was merged into %s", q.name, name);
	snprintf(theirs, sizeof theirs, "%s, which you supported, was merged into %s", q.name,
	    name);
	return req_close(db, actor_id, id, &q, "merged", into, reason, "community.merge", mine,
	    theirs, why);
}

/* ---- applications to moderate ---- */

static void
application_row(sqlite3_stmt *st, void *elem)
{
	struct community_application *a = elem;

	a->id = sqlite3_column_int64(st, 0);
	a->user_id = sqlite3_column_int64(st, 1);
	a->community_id = sqlite3_column_int64(st, 2);
	db_column_text(st, 3, a->login, sizeof a->login);
	db_column_text(st, 4, a->applicant, sizeof a->applicant);
	db_column_text(st, 5, a->community, sizeof a->community);
	db_column_text(st, 6, a->why, sizeof a->why);
	a->created_at = sqlite3_column_int64(st, 7);
	a->guidelines_at = sqlite3_column_int64(st, 8);
	db_column_text(st, 9, a->recommended_by, sizeof a->recommended_by);
	db_column_text(st, 10, a->recommend_note, sizeof a->recommend_note);
	a->recommended_at = sqlite3_column_int64(st, 11);
}

int
db_community_applications(struct db *db, int64_t actor_id, int64_t community_id,
    struct community_application **out, size_t *n)
{
	bool moderator = false, admin = false;
	int r;

	if (actor_id == STAFF_SYSOP)
		admin = true;
	else if ((r = db_staff_roles(db, actor_id, &moderator, &admin)) != 0)
		return r;
	if (!admin && !moderator)
		return ERR_DENIED;
	if (!admin && community_id != 0 &&
	    (r = db_staff_require_mod(db, actor_id, community_id)) != 0)
		return r;
	return db_collect(db, DB_STMT(db, "SELECT r.id, r.user_id, r.community_id, u.login, "
	    "u.display_name, c.name, r.why, r.created_at, coalesce(r.guidelines_at, 0), "
	    "CASE WHEN r.recommended_at IS NULL THEN '' ELSE coalesce(ru.login, 'sysop') END, "
	    "r.recommend_note, coalesce(r.recommended_at, 0) FROM community_requests r "
	    "JOIN users u ON u.id = r.user_id JOIN communities c ON c.id = r.community_id "
	    "LEFT JOIN users ru ON ru.id = r.recommended_by WHERE r.kind = 'moderate' AND "
	    "r.status = 'open' AND (?2 = 0 OR r.community_id = ?2) AND (?3 = 1 OR "
	    "r.community_id IN (SELECT community_id FROM community_moderators WHERE "
	    "user_id = ?1)) ORDER BY r.id LIMIT ?4", actor_id, community_id, admin,
	    APPLICATIONS_MAX), sizeof **out, application_row, (void **)out, n, __func__);
}

static int
recommend_in_tx(struct db *db, int64_t actor_id, int64_t id, const char *note, const char **why)
{
	sqlite3_stmt *st;
	struct req q;
	int r;

	if ((r = req_get(db, id, "moderate", &q, why)) != 0)
		return r;
	if ((r = db_staff_require_mod(db, actor_id, q.community_id)) != 0 ||
	    (r = req_still_open(&q, why)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE community_requests SET recommended_by = nullif(?2, 0), "
	    "recommended_at = ?3, recommend_note = ?4 WHERE id = ?1 AND status = 'open' AND "
	    "recommended_at IS NULL", id, actor_id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 4, note);
	if ((r = db_step_changed(db, st, __func__)) == ERR_NOTFOUND) {
		*why = "That application is recommended already.";
		return ERR_EXISTS;
	}
	if (r != 0)
		return r;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "application.recommend",
	    .community_id = q.community_id, .target_kind = "member", .target_id = q.user_id,
	    .reason = note, .before = "applied", .after = "recommended" });
}

static int
answer_in_tx(struct db *db, int64_t actor_id, int64_t id, bool appoint, const char *reason,
    const char **why)
{
	char text[NOTICE_TEXT_SZ];
	struct req q;
	int r;

	if ((r = req_open(db, actor_id, id, "moderate", &q, why)) != 0)
		return r;
	if ((r = req_decide(db, actor_id, id, appoint ? "approved" : "declined", 0,
	    appoint ? NULL : reason, why)) != 0)
		return r;
	if (appoint) {
		/* Its own audit entry (moderator.appoint) and notice. */
		r = db_staff_appoint_in_tx(db, actor_id, q.user_id, q.community_id, reason, true);
		if (r == ERR_EXISTS)
			*why = "They moderate that community already.";
		else if (r == ERR_STATE)
			*why = "Their account is not active: decline the application instead.";
		return r;
	}
	if ((r = db_audit_record(db, actor_id, &(struct audit_add){ .action = "application.decline",
	    .community_id = q.community_id, .target_kind = "member", .target_id = q.user_id,
	    .reason = reason, .before = "applied", .after = "declined" })) != 0)
		return r;
	snprintf(text, sizeof text, "Your offer to moderate %s was declined: %s", q.community,
	    reason);
	return db_notice_add(db, q.user_id, NOTICE_KIND, text);
}

/* ---- every decision with a reason, one way in ---- */

enum decision { DECLINE, MERGE, RECOMMEND, APPOINT, REFUSE };

static int
decision_in_tx(struct db *db, int64_t actor_id, int64_t id, enum decision d, int64_t into,
    const char *reason, const char **why)
{
	switch (d) {
	case DECLINE:
		return decline_in_tx(db, actor_id, id, reason, why);
	case MERGE:
		return merge_in_tx(db, actor_id, id, into, reason, why);
	case RECOMMEND:
		return recommend_in_tx(db, actor_id, id, reason, why);
	default:
		return answer_in_tx(db, actor_id, id, d == APPOINT, reason, why);
	}
}

static int
decide(struct db *db, int64_t actor_id, int64_t id, enum decision d, int64_t into,
    const char *reason, const char **why)
{
	const char *dummy;
	int r;

	if (why == NULL)
		why = &dummy;
	/* A merge explains itself; a reason given is still checked. */
	if ((d != MERGE || (reason != NULL && reason[0] != '\0')) &&
	    staff_check_reason(reason, why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, decision_in_tx(db, actor_id, id, d, into, reason, why));
}

int
db_community_request_decline(struct db *db, int64_t actor_id, int64_t request_id,
    const char *reason, const char **why)
{
	return decide(db, actor_id, request_id, DECLINE, 0, reason, why);
}

int
db_community_request_merge(struct db *db, int64_t actor_id, int64_t request_id, int64_t into_id,
    const char *reason, const char **why)
{
	return decide(db, actor_id, request_id, MERGE, into_id, reason, why);
}

int
db_community_application_recommend(struct db *db, int64_t actor_id, int64_t app_id,
    const char *note, const char **why)
{
	return decide(db, actor_id, app_id, RECOMMEND, 0, note, why);
}

int
db_community_application_appoint(struct db *db, int64_t actor_id, int64_t app_id,
    const char *reason, const char **why)
{
	return decide(db, actor_id, app_id, APPOINT, 0, reason, why);
}

int
db_community_application_decline(struct db *db, int64_t actor_id, int64_t app_id,
    const char *reason, const char **why)
{
	return decide(db, actor_id, app_id, REFUSE, 0, reason, why);
}
