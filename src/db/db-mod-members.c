/* The sanctions in force in one's communities; see db-mod-members.h. */
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-mod-members.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"

int
db_mod_members_sanctions(struct db *db, int64_t actor_id, int64_t before_id, size_t max,
    struct sanction **out, size_t *n)
{
	bool admin = false;
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_any(db, actor_id, &admin)) != 0)
		return r;
	if (max > 500)
		max = 500;
	st = DB_STMT(db, SANCTION_SELECT "WHERE (?1 = 0 OR s.id < ?1) AND " SANCTION_IN_FORCE("?2")
	    " AND (?3 OR s.community_id IN (SELECT community_id FROM community_moderators WHERE "
	    "user_id = ?4)) ORDER BY s.id DESC LIMIT ?5", before_id, db_now(), admin,
	    actor_id, (int64_t)max);
	return db_collect(db, st, sizeof **out, db_sanction_row, (void **)out, n, __func__);
}
