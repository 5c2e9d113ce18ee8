/* A host's street address and phone: read by the host, or by the guest of
 * an accepted or confirmed stay, each guest read logged for the host; see
 * db-host.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* Is request_id actor's stay with host in a state that shows the details? */
static int
guest_may_see(struct db *db, int64_t actor_id, int64_t host_id, int64_t request_id, bool *ok)
{
	sqlite3_stmt *st;
	enum host_state s;
	char state[16];
	bool visible = false;
	int rc, r;

	st = DB_STMT(db, "SELECT state FROM host_requests WHERE id = ? AND guest_id = ? "
	    "AND host_id = ?", request_id, actor_id, host_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_text(st, 0, state, sizeof state);
		visible = host_state_parse(state, &s) == 0 && host_private_visible(s);
	}
	r = rc == SQLITE_DONE ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0)
		*ok = visible;
	return r;
}

static int
log_access(struct db *db, int64_t host_id, int64_t guest_id, int64_t request_id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "INSERT INTO host_access_log (host_id, guest_id, request_id, shown_at) "
	    "VALUES (?, ?, ?, ?)", host_id, guest_id, request_id, db_now());
	return db_step_done(db, st, __func__);
}

/* A guest's read: the state, the block, the details and the log row in one
 * transaction, so a stay cancelled meanwhile shows nothing and no read
 * goes without its record. */
static int
guest_read_in_tx(struct db *db, int64_t actor_id, int64_t host_id, int64_t request_id,
    struct host_profile *p)
{
	bool ok = false, blocked = false;
	int r;

	if ((r = guest_may_see(db, actor_id, host_id, request_id, &ok)) != 0)
		return r;
	if (!ok)
		return ERR_DENIED;
	/* A block either way closes the door, whatever the request says;
	 * lifted, the accepted stay shows them again. */
	if ((r = db_block_between(db, actor_id, host_id, &blocked)) != 0)
		return r;
	if (blocked)
		return ERR_DENIED;
	if ((r = db_host_load(db, host_id, p)) != 0)
		return r;
	return log_access(db, host_id, actor_id, request_id);
}

int
db_host_private(struct db *db, int64_t actor_id, int64_t host_id, int64_t request_id,
    struct host_private *out)
{
	struct host_profile p;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0)
		return r;
	if (actor_id == host_id) {
		r = db_host_load(db, host_id, &p);
	} else if ((r = db_begin(db)) == 0) {
		r = db_host_end(db, guest_read_in_tx(db, actor_id, host_id, request_id, &p));
	}
	if (r != 0)
		return r;
	text_copy(out->address, sizeof out->address, p.address);
	text_copy(out->phone, sizeof out->phone, p.phone);
	return 0;
}

static void
access_row(sqlite3_stmt *st, void *elem)
{
	struct host_access *a = elem;

	a->id = sqlite3_column_int64(st, 0);
	a->guest_id = sqlite3_column_int64(st, 1);
	a->request_id = sqlite3_column_int64(st, 2);
	a->shown_at = sqlite3_column_int64(st, 3);
	db_column_text(st, 4, a->guest_name, sizeof a->guest_name);
}

int
db_host_access_log(struct db *db, int64_t actor_id, int64_t host_id, size_t max,
    struct host_access **out, size_t *n)
{
	struct host_actor a;
	sqlite3_stmt *st;
	int r;

	if ((r = db_user_may(db, actor_id, host_id, false)) != 0 ||
	    (r = db_host_actor(db, actor_id, &a)) != 0)
		return r;
	/* A student cannot host, so has no address to log: not theirs to ask. */
	if (a.role == ROLE_STUDENT && !a.admin)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT l.id, l.guest_id, l.request_id, l.shown_at, u.display_name "
	    "FROM host_access_log l JOIN users u ON u.id = l.guest_id "
	    "WHERE l.host_id = ? ORDER BY l.id DESC LIMIT ?", host_id, (int64_t)max);
	return db_collect(db, st, sizeof(struct host_access), access_row, (void **)out, n,
	    __func__);
}
