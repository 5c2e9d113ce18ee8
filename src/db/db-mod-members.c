/* The sanctions in force in one's communities; see db-mod-members.h. */
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-mod-members.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"

/* The columns of db-sanction.c's rows, read the same way. */
static void
row(sqlite3_stmt *st, void *elem)
{
	struct sanction *s = elem;
	char word[16];

	s->id = sqlite3_column_int64(st, 0);
	s->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, word, sizeof word);
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

int
db_mod_members_sanctions(struct db *db, int64_t actor_id, int64_t before_id, size_t max,
    struct sanction **out, size_t *n)
{
	bool moderator = false, admin = false;
	enum staff_power p;
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_power(db, actor_id, 0, &p)) != 0)
		return r;
	if (p < STAFF_ADMIN && (r = db_staff_roles(db, actor_id, &moderator, &admin)) != 0)
		return r;
	if (p < STAFF_ADMIN && !moderator)
		return ERR_DENIED;
	if (max > 500)
		max = 500;
	st = DB_STMT(db, "SELECT s.id, s.user_id, s.kind, coalesce(s.community_id, 0), "
	    "coalesce(c.name, ''), u.login, coalesce(b.login, 'sysop'), s.reason, s.created_at, "
	    "coalesce(s.ends_at, 0), coalesce(s.lifted_at, 0) FROM sanctions s JOIN users u ON "
	    "u.id = s.user_id LEFT JOIN communities c ON c.id = s.community_id LEFT JOIN users b "
	    "ON b.id = s.created_by WHERE (?1 = 0 OR s.id < ?1) AND " SANCTION_IN_FORCE("?2")
	    " AND (?3 OR s.community_id IN (SELECT community_id FROM community_moderators WHERE "
	    "user_id = ?4)) ORDER BY s.id DESC LIMIT ?5", before_id, db_now(), p >= STAFF_ADMIN,
	    actor_id, (int64_t)max);
	return db_collect(db, st, sizeof **out, row, (void **)out, n, __func__);
}
