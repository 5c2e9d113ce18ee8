/* Host profiles with their blackouts and search row; see db-host.h. */
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "db/db-user.h"
#include "lib/text.h"

int
db_host_actor(struct db *db, int64_t id, struct host_actor *out)
{
	sqlite3_stmt *st;
	char role[16], status[16];
	enum member_status ms = STATUS_SUSPENDED;
	int rc, r;

	st = DB_STMT(db, "SELECT role, status, is_admin FROM users WHERE id = ?", id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_text(st, 0, role, sizeof role);
		db_column_text(st, 1, status, sizeof status);
		out->role = ROLE_STUDENT;
		(void)member_role_parse(role, &out->role);
		(void)member_status_parse(status, &ms);
		out->active = ms == STATUS_ACTIVE;
		out->admin = sqlite3_column_int(st, 2) != 0 && out->active;
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
load_blackouts(struct db *db, struct host_profile *p)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT first_day, last_day FROM host_blackouts WHERE host_id = ? "
	    "ORDER BY first_day LIMIT 12", p->user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	p->nblackouts = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && p->nblackouts < HOST_BLACKOUTS_MAX) {
		p->blackouts[p->nblackouts].first = sqlite3_column_int64(st, 0);
		p->blackouts[p->nblackouts].last = sqlite3_column_int64(st, 1);
		p->nblackouts++;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_host_load(struct db *db, int64_t host_id, struct host_profile *out)
{
	struct host_profile p;
	sqlite3_stmt *st;
	char buf[16];
	int rc, r;

	st = DB_STMT(db, "SELECT h.status, h.offers, h.sleeping, h.city, h.region, h.country, "
	    "h.neighbourhood, h.hospitals, h.affiliations, h.pets, h.smoking, h.partner_ok, "
	    "h.accessibility, h.house_rules, h.capacity, h.max_nights, h.min_notice_days, "
	    "h.address, h.phone, h.updated_at, u.display_name "
	    "FROM host_profiles h JOIN users u ON u.id = h.user_id WHERE h.user_id = ?",
	    host_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		host_profile_init(&p, host_id);
		db_column_text(st, 0, buf, sizeof buf);
		(void)host_status_parse(buf, &p.status);
		p.offers = (unsigned)sqlite3_column_int(st, 1);
		db_column_text(st, 2, buf, sizeof buf);
		(void)host_sleeping_parse(buf, &p.sleeping);
		db_column_text(st, 3, p.city, sizeof p.city);
		db_column_text(st, 4, p.region, sizeof p.region);
		db_column_text(st, 5, p.country, sizeof p.country);
		db_column_text(st, 6, p.neighbourhood, sizeof p.neighbourhood);
		db_column_text(st, 7, p.hospitals, sizeof p.hospitals);
		db_column_text(st, 8, p.affiliations, sizeof p.affiliations);
		db_column_text(st, 9, p.pets, sizeof p.pets);
		p.smoking = sqlite3_column_int(st, 10) != 0;
		p.partner_ok = sqlite3_column_int(st, 11) != 0;
		db_column_text(st, 12, p.accessibility, sizeof p.accessibility);
		db_column_text(st, 13, p.house_rules, sizeof p.house_rules);
		p.capacity = sqlite3_column_int(st, 14);
		p.max_nights = sqlite3_column_int(st, 15);
		p.min_notice_days = sqlite3_column_int(st, 16);
		db_column_text(st, 17, p.address, sizeof p.address);
		db_column_text(st, 18, p.phone, sizeof p.phone);
		p.updated_at = sqlite3_column_int64(st, 19);
		db_column_text(st, 20, p.name, sizeof p.name);
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0 && (r = load_blackouts(db, &p)) == 0)
		*out = p;
	return r;
}

int
db_host_get(struct db *db, int64_t actor_id, int64_t host_id, struct host_profile *out)
{
	struct host_profile p;
	bool blocked = false;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if (actor_id != host_id) {
		if ((r = db_block_between(db, actor_id, host_id, &blocked)) != 0)
			return r;
		if (blocked)
			return ERR_NOTFOUND;
	}
	if ((r = db_host_load(db, host_id, &p)) != 0)
		return r;
	if (actor_id != host_id) {
		struct host_actor h;

		/* A profile its host has turned off, or whose host is not an
		 * active member, is not there for anyone else. */
		if ((r = db_host_actor(db, host_id, &h)) != 0)
			return r;
		if (p.status == HOST_OFF || !h.active)
			return ERR_NOTFOUND;
		p.address[0] = '\0';
		p.phone[0] = '\0';
	}
	*out = p;
	return 0;
}

static int
save_row(struct db *db, const struct host_profile *p)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "INSERT OR REPLACE INTO host_profiles (user_id, status, offers, "
	    "sleeping, city, region, country, neighbourhood, hospitals, affiliations, pets, "
	    "smoking, partner_ok, accessibility, house_rules, capacity, max_nights, "
	    "min_notice_days, address, phone, updated_at) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p->user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, host_status_name(p->status));
	sqlite3_bind_int(st, 3, (int)p->offers);
	db_bind_text(st, 4, host_sleeping_name(p->sleeping));
	db_bind_text(st, 5, p->city);
	db_bind_text(st, 6, p->region);
	db_bind_text(st, 7, p->country);
	db_bind_text(st, 8, p->neighbourhood);
	db_bind_text(st, 9, p->hospitals);
	db_bind_text(st, 10, p->affiliations);
	db_bind_text(st, 11, p->pets);
	sqlite3_bind_int(st, 12, p->smoking);
	sqlite3_bind_int(st, 13, p->partner_ok);
	db_bind_text(st, 14, p->accessibility);
	db_bind_text(st, 15, p->house_rules);
	sqlite3_bind_int(st, 16, p->capacity);
	sqlite3_bind_int(st, 17, p->max_nights);
	sqlite3_bind_int(st, 18, p->min_notice_days);
	db_bind_text(st, 19, p->address);
	db_bind_text(st, 20, p->phone);
	sqlite3_bind_int64(st, 21, db_now());
	return db_step_done(db, st, __func__);
}

static int
save_blackouts(struct db *db, const struct host_profile *p)
{
	sqlite3_stmt *st;
	int r;

	if ((st = db_stmt(db, "DELETE FROM host_blackouts WHERE host_id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, p->user_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	for (size_t i = 0; i < p->nblackouts; i++) {
		st = DB_STMT(db, "INSERT INTO host_blackouts (host_id, first_day, last_day) "
		    "VALUES (?, ?, ?)",
		    p->user_id, p->blackouts[i].first, p->blackouts[i].last);
		if ((r = db_step_done(db, st, __func__)) != 0)
			return r;
	}
	return 0;
}

/* Initials of each name in a "; " or ", " separated list, so a traveller
 * typing "MGH" finds "Massachusetts General Hospital": the first letters
 * of its capitalised words, when there are at least two. */
static void
initials(const char *list, char *out, size_t sz)
{
	char word[16];
	size_t len = 0, k = 0;
	bool start = true;

	out[0] = '\0';
	for (const char *p = list;; p++) {
		if (*p == ';' || *p == ',' || *p == '\0') {
			if (k >= 2 && len + k + 2 < sz) {
				memcpy(out + len, word, k);
				len += k;
				out[len++] = ' ';
				out[len] = '\0';
			}
			k = 0;
			start = true;
			if (*p == '\0')
				break;
			continue;
		}
		if (*p == ' ') {
			start = true;
			continue;
		}
		if (start && *p >= 'A' && *p <= 'Z' && k < sizeof word)
			word[k++] = *p;
		start = false;
	}
}

/* The search index row: rowid is the host's user id. */
static int
save_fts(struct db *db, const struct host_profile *p)
{
	char abbr[HOST_LONG_SZ * 2], more[HOST_LONG_SZ];
	sqlite3_stmt *st;
	int r;

	initials(p->hospitals, abbr, sizeof abbr);
	initials(p->affiliations, more, sizeof more);
	text_copy(abbr + strlen(abbr), sizeof abbr - strlen(abbr), more);

	if ((st = db_stmt(db, "DELETE FROM host_fts WHERE rowid = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, p->user_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO host_fts (rowid, hospitals, affiliations, initials) "
	    "VALUES (?, ?, ?, ?)", p->user_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, p->hospitals);
	db_bind_text(st, 3, p->affiliations);
	db_bind_text(st, 4, abbr);
	return db_step_done(db, st, __func__);
}

/* Checks and writes actor's profile inside the caller's transaction. */
static int
save_in_tx(struct db *db, int64_t actor_id, const struct host_profile *p, const char **why)
{
	struct host_profile old;
	struct host_actor a;
	int r;

	if ((r = db_host_actor(db, actor_id, &a)) != 0)
		return r == ERR_NOTFOUND ? ERR_DENIED : r;
	if (!a.active) {
		*why = "your account is not active";
		return ERR_DENIED;
	}
	if (a.role == ROLE_STUDENT) {
		*why = "students cannot host; alumni and trainees can";
		return ERR_DENIED;
	}
	if ((r = host_check_profile(p, a.role, why)) != 0)
		return r;
	/* New blackout ranges must not have ended already. */
	if ((r = db_host_load(db, actor_id, &old)) == ERR_NOTFOUND) {
		old.nblackouts = 0;
		r = ERR_OK;
	}
	if (r != 0)
		return r;
	if ((r = host_check_blackouts_ahead(p->blackouts, p->nblackouts, old.blackouts,
	    old.nblackouts, host_today(db_now()), why)) != 0)
		return r;
	return db_host_write(db, p);
}

int
db_host_end(struct db *db, int r)
{
	if (r != 0) {
		db_rollback(db);
		return r;
	}
	return db_commit(db);
}

int
db_host_save(struct db *db, int64_t actor_id, const struct host_profile *p, const char **why)
{
	int r;

	if (actor_id <= 0 || p->user_id != actor_id)
		return ERR_DENIED;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_host_end(db, save_in_tx(db, actor_id, p, why));
}

int
db_host_write(struct db *db, const struct host_profile *p)
{
	int r;

	if ((r = save_row(db, p)) != 0 || (r = save_blackouts(db, p)) != 0)
		return r;
	return save_fts(db, p);
}

/* The profile as it is now, with the new status: read and written under
 * one lock, so an edit saved meanwhile in another session is not undone. */
static int
status_in_tx(struct db *db, int64_t actor_id, enum host_status s, const char **why)
{
	struct host_profile p;
	int r;

	if ((r = db_host_load(db, actor_id, &p)) != 0)
		return r;
	p.status = s;
	return save_in_tx(db, actor_id, &p, why);
}

int
db_host_set_status(struct db *db, int64_t actor_id, enum host_status s, const char **why)
{
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_host_end(db, status_in_tx(db, actor_id, s, why));
}

int
db_host_booked(struct db *db, int64_t host_id, int64_t arrive, int64_t depart,
    int64_t skip_id, int *booked)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int r;

	st = DB_STMT(db, "SELECT coalesce(sum(travellers), 0) FROM host_requests "
	    "WHERE host_id = ? AND state IN ('accepted', 'confirmed') "
	    "AND arrive_day < ? AND ? < depart_day AND id <> ?",
	    host_id, depart, arrive, skip_id);
	if ((r = db_step_int(db, st, &n, NULL, __func__)) == 0)
		*booked = (int)n;
	return r;
}
