/* Shared by db-mentor*.c only: the one way a mentor row of a list (search,
 * suggestions, bookmarks) is selected and read, so every list shows the
 * same role, room and load for the same member. */
#ifndef DB_MENTOR_INTERNAL_H
#define DB_MENTOR_INTERNAL_H
#include <sqlite3.h>
#include "db/db-mentor-search.h"

/* Select list for users u LEFT JOIN mentor_stats s; a query may add its
 * own columns after these, from index DB_MENTOR_HIT_NCOLS on. Column 16
 * is "may take mentees at all", the rule db_mentor_avail() applies. */
#define DB_MENTOR_HIT_COLS "u.id, u.login, u.display_name, u.role, u.specialty, " \
	"u.position, u.city, u.region, u.country, u.max_mentees, coalesce(s.active, 0), " \
	"coalesce(s.paused, 0), coalesce(u.last_login_at, 0), " \
	"coalesce(s.reply_secs, -1), coalesce(s.pending, 0), coalesce(s.asked, 0), " \
	"(u.open_to_mentoring = 1 AND u.role <> 'student' AND u.status = 'active') "
#define DB_MENTOR_HIT_NCOLS	17
#define DB_MENTOR_HIT_PENDING	14	/* requests waiting (for suggestions) */
#define DB_MENTOR_HIT_ASKED	15	/* requests ever received */

/* Fills h (zeroed first) from a row that starts with DB_MENTOR_HIT_COLS.
 * has_room: may take mentees, not paused, fewer active than the maximum. */
void db_mentor_hit_row(sqlite3_stmt *st, struct mentor_hit *h);

#endif
