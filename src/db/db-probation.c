/* Probation caps and vouches; see db-probation.h. */
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-probation.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "rules/sanction.h"

/* One UI process serves one member with one configuration: a process
 * setting, like the clock override, rather than one per handle. */
static struct probation_limits limits;
static bool limits_set;

void
db_probation_set(const struct probation_limits *l)
{
	limits_set = l != NULL;
	if (l != NULL)
		limits = *l;
}

/* When a member joined and whether anyone vouched for them. */
struct newcomer {
	int64_t joined;
	bool vouched;
};

static void
newcomer_row(sqlite3_stmt *st, void *elem)
{
	struct newcomer *m = elem;

	m->joined = sqlite3_column_int64(st, 0);
	m->vouched = sqlite3_column_int(st, 1) != 0;
}

static int
member_row(struct db *db, int64_t user_id, struct newcomer *m)
{
	return db_staff_row(db, DB_STMT(db, "SELECT u.created_at, EXISTS (SELECT 1 FROM vouches v "
	    "WHERE v.user_id = u.id) FROM users u WHERE u.id = ?", user_id), sizeof *m,
	    newcomer_row, m, NULL, __func__);
}

int
db_probation_get(struct db *db, int64_t user_id, int64_t *ends_at, bool *vouched)
{
	static const struct probation_limits none;
	struct newcomer m;
	int r;

	if ((r = member_row(db, user_id, &m)) != 0)
		return r;
	*ends_at = probation_ends(limits_set ? &limits : &none, m.joined);
	*vouched = m.vouched;
	return ERR_OK;
}

/* What kind counts: the actor's own, in the window. Each is one range of
 * an (author, time) index. */
static const char *const count_sql[PROBATION_KINDS] = {
	"SELECT count(*) FROM threads WHERE author_id = ?1 AND created_at >= ?2",
	"SELECT count(*) FROM posts WHERE author_id = ?1 AND created_at >= ?2 AND "
	    "parent_id IS NOT NULL",
	"SELECT count(*) FROM messages WHERE sender_id = ?1 AND created_at >= ?2",
	"SELECT (SELECT count(*) FROM mentorships WHERE mentee_id = ?1 AND created_at >= ?2) + "
	    "(SELECT count(*) FROM host_requests WHERE guest_id = ?1 AND created_at >= ?2)",
};

/* Is actor at kind's cap now? *ends_at: when probation ends. */
static int
at_cap(struct db *db, int64_t actor_id, enum probation_kind kind, bool *capped,
    int64_t *ends_at)
{
	int64_t now = db_now(), done = 0;
	struct newcomer m;
	int r;

	*capped = false;
	if (!limits_set || actor_id <= 0 || (unsigned)kind >= PROBATION_KINDS)
		return ERR_OK;
	if ((r = member_row(db, actor_id, &m)) != 0)
		return r == ERR_NOTFOUND ? ERR_OK : r;
	*ends_at = probation_ends(&limits, m.joined);
	if (!probation_applies(&limits, kind, m.joined, now, m.vouched))
		return ERR_OK;
	r = db_step_int(db, DB_STMT(db, count_sql[kind], actor_id, now - PROBATION_WINDOW + 1),
	    &done, NULL, __func__);
	if (r == 0)
		*capped = !probation_allows(&limits, kind, done);
	return r;
}

int
db_probation_check(struct db *db, int64_t actor_id, enum probation_kind kind)
{
	int64_t ends = 0;
	bool capped = false;
	int r;

	if ((r = at_cap(db, actor_id, kind, &capped, &ends)) != 0)
		return r;
	return capped ? ERR_TOO_FAST : ERR_OK;
}

int
db_probation_refusal(struct db *db, int64_t actor_id, enum probation_kind kind, char *buf,
    size_t sz)
{
	int64_t ends = 0;
	bool capped = false;
	int r;

	if ((r = at_cap(db, actor_id, kind, &capped, &ends)) != 0)
		return r;
	if (!capped)
		return ERR_NOTFOUND;
	probation_describe(buf, sz, &limits, kind, ends);
	return ERR_OK;
}

const char *
db_probation_why(struct db *db, int64_t actor_id, enum probation_kind kind)
{
	static char buf[400];

	if (db_probation_refusal(db, actor_id, kind, buf, sizeof buf) != 0)
		snprintf(buf, sizeof buf, "New members have a daily limit for their first "
		    "days; it lifts by itself, or when a moderator vouches for you.");
	return buf;
}

static int
vouch_in_tx(struct db *db, int64_t actor_id, int64_t user_id, const char *reason)
{
	bool admin = false;
	int r;

	if (actor_id == user_id)
		return ERR_DENIED;
	if ((r = db_staff_any(db, actor_id, &admin)) != 0 || (r = db_staff_member(db, user_id)) != 0)
		return r;
	r = db_step_done(db, DB_STMT(db, "INSERT INTO vouches (user_id, vouched_by, created_at) "
	    "VALUES (?1, nullif(?2, 0), ?3)", user_id, actor_id, db_now()), __func__);
	if (r != 0)
		return r;
	r = db_audit_record(db, actor_id, &(struct audit_add){ .action = "member.vouch",
	    .target_kind = "member", .target_id = user_id, .reason = reason,
	    .before = "on probation", .after = "vouched for" });
	if (r != 0)
		return r;
	return db_notice_add(db, user_id, "moderation", "A moderator vouched for you: the daily "
	    "limits for new members no longer apply to you.");
}

int
db_probation_vouch(struct db *db, int64_t actor_id, int64_t user_id, const char *reason,
    const char **why)
{
	const char *dummy;
	int r;

	if (why == NULL)
		why = &dummy;
	if (user_id <= 0) {
		*why = "No such member.";
		return ERR_NOTFOUND;
	}
	if ((r = staff_check_reason(reason, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, vouch_in_tx(db, actor_id, user_id, reason));
}
