/* The permission matrix's world; see fx-staff.h. */
#include <stdbool.h>
#include <stdlib.h>
#include "db/db-board.h"
#include "db/db-staff.h"
#include "db/db-user.h"
#include "db/db.h"
#include "fixture.h"
#include "fx-staff.h"
#include "lib/xmalloc.h"

static const struct board_limits no_limits = { .rate = RATE_LIMITS_NONE };

static bool
thread_in(struct fx_staff *w, int64_t author, int64_t community, int64_t *thread,
    int64_t *post)
{
	return db_board_community_join(w->db, author, community, 0) == 0 &&
	    db_board_thread_create(w->db, author, community, "A thread to act on",
	    "The first post of the thread.", &no_limits, thread, post) == 0;
}

bool
fx_staff_world(struct fx_staff *w)
{
	struct board_community *cs = NULL;
	size_t n = 0;
	bool ok;

	*w = (struct fx_staff){ .db = fx_db() };
	w->member = fx_member(w->db, "member", ROLE_ALUMNI);
	if (w->member == 0 || db_board_community_list(w->db, w->member, false, &cs, &n) != 0 ||
	    n < 2) {
		free(cs);
		return false;
	}
	w->x = cs[0].id;
	w->y = cs[1].id;
	free(cs);
	w->mod_x = fx_member(w->db, "modx", ROLE_ALUMNI);
	w->mod_y = fx_member(w->db, "mody", ROLE_ALUMNI);
	w->admin = fx_member_with(w->db, "admin", ROLE_ALUMNI, &(struct fx_who){ .admin = true });
	w->suspended = fx_member(w->db, "suspended", ROLE_ALUMNI);
	w->author_x = fx_member(w->db, "authorx", ROLE_TRAINEE);
	w->author_y = fx_member(w->db, "authory", ROLE_TRAINEE);
	ok = w->member && w->mod_x && w->mod_y && w->admin && w->suspended && w->author_x &&
	    w->author_y;
	ok = ok && db_staff_appoint(w->db, STAFF_SYSOP, w->mod_x, w->x, "test world") == 0 &&
	    db_staff_appoint(w->db, STAFF_SYSOP, w->mod_y, w->y, "test world") == 0;
	ok = ok && thread_in(w, w->author_x, w->x, &w->thread_x, &w->post_x) &&
	    thread_in(w, w->author_y, w->y, &w->thread_y, &w->post_y);
	/* Suspended last: a suspended member could not have joined or posted. */
	return ok && db_user_set_status(w->db, STAFF_SYSOP, w->suspended, STATUS_SUSPENDED) == 0;
}

int64_t
fx_staff_actor(const struct fx_staff *w, enum fx_row r)
{
	switch (r) {
	case FX_MEMBER: return w->member;
	case FX_MOD_X: return w->mod_x;
	case FX_MOD_Y: return w->mod_y;
	case FX_ADMIN: return w->admin;
	case FX_SUSPENDED: return w->suspended;
	default: return -1;
	}
}

const char *
fx_staff_row_name(enum fx_row r)
{
	static const char *const names[FX_ROWS] = { "member", "moderator of X",
		"moderator of Y", "admin", "suspended member" };

	return (unsigned)r < FX_ROWS ? names[r] : "?";
}
