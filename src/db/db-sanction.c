/* Sanctions; see db-sanction.h. */
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-mail.h"
#include "db/db-notice.h"
#include "db/db-sanction.h"
#include "db/db-staff-internal.h"

void
db_sanction_row(sqlite3_stmt *st, void *elem)
{
	struct sanction *s = elem;
	char word[16];

	s->id = sqlite3_column_int64(st, 0);
	s->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, word, sizeof word);
	/* The CHECK keeps the word valid; an unknown one reads as the mildest. */
	if (sanction_kind_parse(word, &s->kind) != 0)
		s->kind = SANCTION_WARN;
	s->community_id = sqlite3_column_int64(st, 3);
	db_column_text(st, 4, s->community, sizeof s->community);
	db_column_text(st, 5, s->login, sizeof s->login);
	db_column_text(st, 6, s->by, sizeof s->by);
	db_column_text(st, 7, s->reason, sizeof s->reason);
	s->created_at = sqlite3_column_int64(st, 8);
	s->ends_at = sqlite3_column_int64(st, 9);
	s->lifted_at = sqlite3_column_int64(st, 10);
}

/* The target's standing against the actor's: ERR_DENIED when actor may
 * not sanction user_id (themselves, an admin, a fellow moderator). */
static int
may_sanction(struct db *db, int64_t actor_id, int64_t user_id, int64_t community_id)
{
	enum staff_power mine, theirs;
	int r;

	if (actor_id == user_id)
		return ERR_DENIED;
	if ((r = db_staff_power(db, actor_id, community_id, &mine)) != 0)
		return r;
	if (mine < (community_id > 0 ? STAFF_MODERATOR : STAFF_ADMIN))
		return ERR_DENIED;
	if ((r = db_staff_member(db, user_id)) != 0)
		return r;
	if (mine == STAFF_SYSOP_POWER)
		return ERR_OK;
	if ((r = db_staff_power(db, user_id, community_id, &theirs)) != 0)
		return r;
	return theirs >= mine ? ERR_DENIED : ERR_OK;
}

static int
add_in_tx(struct db *db, int64_t actor_id, int64_t user_id, enum sanction_kind kind,
    int64_t community_id, int64_t ends_at, const char *reason, int64_t *id)
{
	char where[AUDIT_LABEL_SZ], text[NOTICE_TEXT_SZ], until[40] = "";
	sqlite3_stmt *st;
	int64_t now = db_now(), newid;
	int r;

	if ((r = may_sanction(db, actor_id, user_id, community_id)) != 0 ||
	    (r = db_staff_community_name(db, community_id, where, sizeof where)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO sanctions (user_id, kind, community_id, reason, created_by, "
	    "created_at, ends_at) VALUES (?1, ?2, nullif(?3, 0), ?4, nullif(?5, 0), ?6, "
	    "nullif(?7, 0))", user_id, 0, community_id, 0, actor_id, now, ends_at);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, sanction_kind_name(kind));
	db_bind_text(st, 4, reason);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	newid = sqlite3_last_insert_rowid(db_sqlite(db));
	if (ends_at > 0)
		staff_time(until, sizeof until, ends_at);
	r = db_audit_record(db, actor_id, &(struct audit_add){
	    .action = kind == SANCTION_WARN ? "sanction.warn" : kind == SANCTION_SILENCE ?
	    "sanction.silence" : kind == SANCTION_SUSPEND ? "sanction.suspend" : "sanction.ban",
	    .community_id = community_id, .target_kind = "member", .target_id = user_id,
	    .reason = reason, .after = until[0] != '\0' ? until : "no end" });
	if (r != 0)
		return r;
	sanction_describe(text, sizeof text, kind, where, ends_at, reason);
	if ((r = db_notice_add(db, user_id, "moderation", text)) != 0)
		return r;
	if (kind == SANCTION_WARN && (r = db_mail_queue(db, user_id, MAIL_WARNING, text)) != 0)
		return r;
	*id = newid;
	return ERR_OK;
}

int
db_sanction_add_in_tx(struct db *db, int64_t actor_id, int64_t user_id,
    enum sanction_kind kind, int64_t community_id, int64_t ends_at, const char *reason,
    const char **why, int64_t *id)
{
	const char *dummy;
	int64_t newid = 0;
	int r;

	if (why == NULL)
		why = &dummy;
	if (user_id <= 0 || community_id < 0) {
		*why = "No such member.";
		return ERR_INVALID;
	}
	if ((r = sanction_check(kind, community_id > 0, ends_at, db_now(), reason, why)) != 0)
		return r;
	if ((r = add_in_tx(db, actor_id, user_id, kind, community_id, ends_at, reason,
	    &newid)) != 0)
		return r;
	if (id != NULL)
		*id = newid;
	return ERR_OK;
}

int
db_sanction_add(struct db *db, int64_t actor_id, int64_t user_id, enum sanction_kind kind,
    int64_t community_id, int64_t ends_at, const char *reason, const char **why, int64_t *id)
{
	const char *dummy;
	int64_t newid = 0;
	int r;

	if (why == NULL)
		why = &dummy;
	/* The rules first, outside the lock: nothing to wait for to say no. */
	if (user_id > 0 && community_id >= 0 &&
	    (r = sanction_check(kind, community_id > 0, ends_at, db_now(), reason, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, db_sanction_add_in_tx(db, actor_id, user_id, kind, community_id,
	    ends_at, reason, why, &newid));
	if (r == 0 && id != NULL)
		*id = newid;
	return r;
}

static int
lift_in_tx(struct db *db, int64_t actor_id, int64_t sanction_id, const char *reason)
{
	struct sanction s;
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, SANCTION_SELECT "WHERE s.id = ?", sanction_id);
	if ((r = db_staff_row(db, st, sizeof s, db_sanction_row, &s, NULL, __func__)) != 0)
		return r;
	if ((r = may_sanction(db, actor_id, s.user_id, s.community_id)) != 0)
		return r;
	/* Guarded by the old state: of two staff lifting at once, one does. */
	st = DB_STMT(db, "UPDATE sanctions AS s SET lifted_at = ?2, lifted_by = nullif(?3, 0), "
	    "lift_reason = ?4 WHERE s.id = ?1 AND " SANCTION_IN_FORCE("?2"),
	    sanction_id, db_now(), actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 4, reason);
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	r = db_audit_record(db, actor_id, &(struct audit_add){ .action = "sanction.lift",
	    .community_id = s.community_id, .target_kind = "member", .target_id = s.user_id,
	    .reason = reason, .before = sanction_kind_name(s.kind), .after = "lifted" });
	if (r != 0)
		return r;
	{
		char text[NOTICE_TEXT_SZ];

		snprintf(text, sizeof text, "Lifted early: %s%s%s (%s)",
		    sanction_kind_state(s.kind), s.community[0] != '\0' ? " in " : "",
		    s.community, reason);
		return db_notice_add(db, s.user_id, "moderation", text);
	}
}

int
db_sanction_lift(struct db *db, int64_t actor_id, int64_t sanction_id, const char *reason)
{
	const char *why;
	int r;

	if (sanction_id <= 0 || staff_check_reason(reason, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, lift_in_tx(db, actor_id, sanction_id, reason));
}

int
db_sanction_in_force(struct db *db, int64_t user_id, int64_t community_id,
    enum sanction_kind least, struct sanction *out, bool *found)
{
	static const char sql[] = SANCTION_SELECT
	    "WHERE s.user_id = ?1 AND (s.community_id IS NULL OR s.community_id = ?2) AND "
	    "CASE s.kind WHEN 'warn' THEN 0 WHEN 'silence' THEN 1 WHEN 'suspend' THEN 2 "
	    "ELSE 3 END >= ?4 AND " SANCTION_IN_FORCE("?3")
	    " ORDER BY CASE s.kind WHEN 'warn' THEN 0 WHEN 'silence' THEN 1 WHEN 'suspend' "
	    "THEN 2 ELSE 3 END DESC, coalesce(s.ends_at, 9223372036854775807) DESC LIMIT 1";
	struct sanction s;
	bool f = false;
	int r;

	r = db_staff_row(db, DB_STMT(db, sql, user_id, community_id, db_now(), (int64_t)least),
	    sizeof s, db_sanction_row, &s, &f, __func__);
	if (r != 0)
		return r;
	*found = f;
	if (f && out != NULL)
		*out = s;
	return ERR_OK;
}

int
db_sanction_may_speak(struct db *db, int64_t user_id, int64_t community_id)
{
	bool found = false;
	int r;

	if ((r = db_sanction_in_force(db, user_id, community_id, SANCTION_SILENCE, NULL,
	    &found)) != 0)
		return r;
	return found ? ERR_DENIED : ERR_OK;
}

int
db_sanction_list(struct db *db, int64_t actor_id, int64_t user_id, bool in_force_only,
    size_t max, struct sanction **out, size_t *n)
{
	enum staff_power p;
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_power(db, actor_id, 0, &p)) != 0)
		return r;
	if (max > 500)
		max = 500;
	/* Own, all (admin), or those in the communities actor moderates. */
	st = DB_STMT(db, SANCTION_SELECT "WHERE s.user_id = ?1 AND "
	    "(?2 = ?1 OR ?3 OR s.community_id IN (SELECT community_id FROM "
	    "community_moderators WHERE user_id = ?2)) AND (?4 = 0 OR " SANCTION_IN_FORCE("?5")
	    ") ORDER BY s.id DESC LIMIT ?6", user_id, actor_id, p >= STAFF_ADMIN,
	    in_force_only, db_now(), (int64_t)max);
	return db_collect(db, st, sizeof **out, db_sanction_row, (void **)out, n, __func__);
}
