/* Communities as the staff run them: add, archive, list, and the
 * moderators of each; see db-community.h. Requests and applications are
 * in db-community-request.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-community.h"
#include "db/db-community-internal.h"
#include "db/db-internal.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "lib/text.h"
#include "rules/sanction.h"

/* The first of slug, slug-2, slug-3, ... that no community has. */
static int
free_slug(struct db *db, const char *name, char *slug, size_t sz)
{
	char base[COMMUNITY_SLUG_MAX + 1];
	sqlite3_stmt *st;
	int64_t taken;
	int r;

	community_slug(name, base, sizeof base);
	for (int i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(slug, sz, "%s", base);
		else
			snprintf(slug, sz, "%s-%d", base, i);
		if ((st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM communities WHERE slug = ?1)"))
		    == NULL)
			return ERR_INTERNAL;
		db_bind_text(st, 1, slug);
		taken = 1;
		if ((r = db_step_int(db, st, &taken, NULL, __func__)) != 0)
			return r;
		if (!taken)
			return ERR_OK;
	}
	return ERR_EXISTS;
}

int
db_community_insert(struct db *db, const char *name, const char *kind,
    const char *description, int64_t *id, char *slug, size_t slugsz)
{
	char s[COMMUNITY_SLUG_SZ];
	sqlite3_stmt *st;
	int64_t dup = 0;
	int r;

	if ((st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM communities WHERE name = ?1 "
	    "COLLATE NOCASE)")) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, name);
	if ((r = db_step_int(db, st, &dup, NULL, __func__)) != 0)
		return r;
	if (dup)
		return ERR_EXISTS;
	if ((r = free_slug(db, name, s, sizeof s)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO communities (slug, name, kind, description, created_at) "
	    "VALUES (?2, ?3, ?4, ?5, ?1)", db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, s);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, kind);
	db_bind_text(st, 5, description);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	*id = sqlite3_last_insert_rowid(db_sqlite(db));
	if (slug != NULL)
		snprintf(slug, slugsz, "%s", s);
	return ERR_OK;
}

static int
add_in_tx(struct db *db, int64_t actor_id, const char *name, const char *kind,
    const char *description, int64_t *id, char *slug, size_t slugsz)
{
	char s[COMMUNITY_SLUG_SZ];
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	if ((r = db_community_insert(db, name, kind, description, id, s, sizeof s)) != 0)
		return r;
	if (slug != NULL)
		snprintf(slug, slugsz, "%s", s);
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "community.add",
	    .community_id = *id, .target_kind = "community", .target_id = *id, .target = name,
	    .after = s });
}

int
db_community_add(struct db *db, int64_t actor_id, const char *name, const char *kind,
    const char *description, int64_t *id, char *slug, size_t slugsz)
{
	const char *why;
	int64_t newid = 0;
	int r;

	if (community_check(name, kind, description, &why) != 0)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, add_in_tx(db, actor_id, name, kind, description, &newid, slug, slugsz));
	if (r == 0)
		*id = newid;
	return r;
}

int
db_community_open_for_posts(struct db *db, int64_t community_id)
{
	sqlite3_stmt *st = DB_STMT(db, "SELECT archived_at IS NOT NULL FROM communities "
	    "WHERE id = ?", community_id);
	int64_t archived = 0;
	bool found = false;
	int r;

	if ((r = db_step_int(db, st, &archived, &found, __func__)) != 0)
		return r;
	return !found ? ERR_NOTFOUND : archived ? ERR_STATE : ERR_OK;
}

static int
archive_in_tx(struct db *db, int64_t actor_id, int64_t community_id, const char *reason)
{
	char name[BOARD_NAME_MAX * 4 + 1] = "";
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	if ((r = db_community_open_for_posts(db, community_id)) != 0 ||
	    (r = db_staff_community_name(db, community_id, name, sizeof name)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE communities SET archived_at = ?2 WHERE id = ?1 AND "
	    "archived_at IS NULL", community_id, db_now());
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "community.archive",
	    .community_id = community_id, .target_kind = "community", .target_id = community_id,
	    .target = name, .reason = reason, .before = "open", .after = "archived" });
}

int
db_community_archive(struct db *db, int64_t actor_id, int64_t community_id, const char *reason)
{
	int r;

	if (reason != NULL && reason[0] != '\0' && text_check_line(reason, STAFF_REASON_MAX) != NULL)
		return ERR_INVALID;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, archive_in_tx(db, actor_id, community_id, reason));
}

static void
info_row(sqlite3_stmt *st, void *elem)
{
	struct community_info *c = elem;

	c->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, c->slug, sizeof c->slug);
	db_column_text(st, 2, c->name, sizeof c->name);
	db_column_text(st, 3, c->kind, sizeof c->kind);
	db_column_text(st, 4, c->description, sizeof c->description);
	c->members = sqlite3_column_int64(st, 5);
	c->moderators = sqlite3_column_int64(st, 6);
	c->created_at = sqlite3_column_int64(st, 7);
	c->archived_at = sqlite3_column_int64(st, 8);
}

int
db_community_list_all(struct db *db, int64_t actor_id, struct community_info **out, size_t *n)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = db_stmt(db, "SELECT c.id, c.slug, c.name, c.kind, c.description, "
	    "(SELECT count(*) FROM community_members WHERE community_id = c.id), "
	    "(SELECT count(*) FROM community_moderators WHERE community_id = c.id), "
	    "c.created_at, coalesce(c.archived_at, 0) FROM communities c "
	    "ORDER BY c.kind DESC, c.name");
	return db_collect(db, st, sizeof **out, info_row, (void **)out, n, __func__);
}

int
db_community_by_slug(struct db *db, const char *slug, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM communities WHERE slug = ?1");
	int64_t v = 0;
	bool found = false;
	int r;

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, slug);
	if ((r = db_step_int(db, st, &v, &found, __func__)) != 0)
		return r;
	if (!found)
		return ERR_NOTFOUND;
	*id = v;
	return ERR_OK;
}

static void
moderator_row(sqlite3_stmt *st, void *elem)
{
	struct community_moderator *m = elem;

	m->community_id = sqlite3_column_int64(st, 0);
	m->user_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, m->community, sizeof m->community);
	db_column_text(st, 3, m->login, sizeof m->login);
	db_column_text(st, 4, m->name, sizeof m->name);
}

int
db_community_moderators(struct db *db, int64_t actor_id, struct community_moderator **out,
    size_t *n)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = db_stmt(db, "SELECT cm.community_id, cm.user_id, c.name, u.login, u.display_name "
	    "FROM community_moderators cm JOIN communities c ON c.id = cm.community_id "
	    "JOIN users u ON u.id = cm.user_id ORDER BY c.name, u.login");
	return db_collect(db, st, sizeof **out, moderator_row, (void **)out, n, __func__);
}
