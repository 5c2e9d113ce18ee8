/* Filing flags and auto-hide; see db-flag.h. The target is looked up
 * first (who may see it, whom it is about, its community); the duplicate
 * check, the cap, the item and the hide are then one write transaction,
 * so two members flagging at once count as two and hide the post once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-flag.h"
#include "db/db-internal.h"
#include "db/db-message.h"
#include "db/db-notice.h"
#include "db/db-staff.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/flag.h"

/* What a flag is about, learnt before the transaction. */
struct target {
	int64_t community_id;	/* 0: none */
	int64_t subject_id;	/* the member it is about */
};

static int
post_target(struct db *db, int64_t actor_id, int64_t post_id, struct target *t,
    const char **why)
{
	struct board_post p;
	int r;

	if ((r = db_board_post_get(db, actor_id, post_id, &p)) != 0) {
		*why = "That post no longer exists.";
		return r;
	}
	free(p.body);
	if (p.deleted || p.blocked) {
		*why = "That post no longer exists.";
		return ERR_NOTFOUND;
	}
	if (p.author_id == actor_id) {
		*why = "That is your own post; you can edit or delete it instead.";
		return ERR_INVALID;
	}
	t->community_id = p.community_id;
	t->subject_id = p.author_id;
	return 0;
}

static int
message_target(struct db *db, int64_t actor_id, int64_t message_id, struct target *t,
    const char **why)
{
	struct message_row m;
	int r;

	if ((r = db_message_get(db, actor_id, message_id, &m)) != 0) {
		*why = "That message no longer exists.";
		return r;
	}
	free(m.body);
	/* One's own words are not the moderators' business. */
	if (m.sender_id == actor_id) {
		*why = "That is your own message; select one from the other member to flag.";
		return ERR_INVALID;
	}
	t->subject_id = m.sender_id;
	return 0;
}

/* A member, a host (with a profile) or a guest (who asked actor for a stay). */
static int
member_target(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t member_id,
    struct target *t, const char **why)
{
	static const char *const sql[] = {
		[FLAG_MEMBER] = "SELECT EXISTS (SELECT 1 FROM users WHERE id = ?2)",
		[FLAG_HOST] = "SELECT EXISTS (SELECT 1 FROM host_profiles WHERE user_id = ?2)",
		[FLAG_GUEST] = "SELECT EXISTS (SELECT 1 FROM host_requests WHERE host_id = ?1 "
		    "AND guest_id = ?2)",
	};
	sqlite3_stmt *st;
	int64_t yes = 0;
	int r;

	if (member_id == actor_id) {
		*why = "You cannot flag yourself.";
		return ERR_INVALID;
	}
	st = DB_STMT(db, sql[kind], actor_id, member_id);
	if ((r = db_step_int(db, st, &yes, NULL, __func__)) != 0)
		return r;
	if (!yes) {
		*why = kind == FLAG_HOST ? "This member has no host profile." :
		    kind == FLAG_GUEST ? "This member never asked you for a stay." :
		    "There is no such member.";
		return ERR_NOTFOUND;
	}
	t->subject_id = member_id;
	return 0;
}

static int
find_target(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t id,
    struct target *t, const char **why)
{
	memset(t, 0, sizeof *t);
	switch (kind) {
	case FLAG_POST:
		return post_target(db, actor_id, id, t, why);
	case FLAG_MESSAGE:
		return message_target(db, actor_id, id, t, why);
	case FLAG_MEMBER:
	case FLAG_HOST:
	case FLAG_GUEST:
		return member_target(db, actor_id, kind, id, t, why);
	}
	return ERR_INVALID;
}

/* Inside the transaction: ERR_EXISTS for a repeat, ERR_LIMIT past the cap. */
static int
may_file(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t target_id,
    const char **why)
{
	sqlite3_stmt *st;
	int64_t dup = 0, open = 0;
	int r;

	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM flags WHERE flagger_id = ?1 AND "
	    "status = 'open' AND kind = ?2 AND target_id = ?3)", actor_id, 0, target_id);
	if (st != NULL)
		db_bind_text(st, 2, flag_kind_name(kind));
	if ((r = db_step_int(db, st, &dup, NULL, __func__)) != 0)
		return r;
	if (dup) {
		*why = "You already flagged this; the moderators will look at it.";
		return ERR_EXISTS;
	}
	st = DB_STMT(db, "SELECT count(*) FROM flags WHERE flagger_id = ? AND status = 'open'",
	    actor_id);
	if ((r = db_step_int(db, st, &open, NULL, __func__)) != 0)
		return r;
	if (open >= FLAG_OPEN_MAX) {
		*why = "You have many open flags; wait until the moderators have looked at them.";
		return ERR_LIMIT;
	}
	return 0;
}

/* The target's open item in its queue, opened now if there is none. */
static int
item_for(struct db *db, bool safety, enum flag_kind kind, int64_t target_id,
    const struct target *t, int64_t *item_id)
{
	sqlite3_stmt *st;
	bool found = false;
	int r;

	st = DB_STMT(db, "SELECT id FROM review_items WHERE queue = ?1 AND kind = ?2 AND "
	    "target_id = ?3 AND reporter_id IS NULL AND status IN ('open', 'escalated')",
	    0, 0, target_id);
	if (st != NULL) {
		db_bind_text(st, 1, safety ? "safety" : "community");
		db_bind_text(st, 2, flag_kind_name(kind));
	}
	if ((r = db_step_int(db, st, item_id, &found, __func__)) != 0 || found)
		return r;
	st = DB_STMT(db, "INSERT INTO review_items (queue, kind, target_id, community_id, "
	    "subject_id, created_at) VALUES (?1, ?2, ?3, nullif(?4, 0), nullif(?5, 0), ?6)",
	    0, 0, target_id, t->community_id, t->subject_id, db_now());
	if (st != NULL) {
		db_bind_text(st, 1, safety ? "safety" : "community");
		db_bind_text(st, 2, flag_kind_name(kind));
	}
	if ((r = db_step_done(db, st, __func__)) == 0)
		*item_id = sqlite3_last_insert_rowid(db_sqlite(db));
	return r;
}

/* Hides post_id once open flags from threshold distinct members are on it. */
static int
maybe_hide(struct db *db, int64_t post_id, int threshold, bool *hidden)
{
	char title[BOARD_TITLE_SZ], text[BOARD_TITLE_SZ + 160];
	sqlite3_stmt *st;
	int64_t n = 0, author = 0;
	int rc, r;

	st = DB_STMT(db, "SELECT count(DISTINCT flagger_id) FROM flags WHERE kind = 'post' "
	    "AND target_id = ? AND status = 'open'", post_id);
	if ((r = db_step_int(db, st, &n, NULL, __func__)) != 0)
		return r;
	if (!flag_hides(n, threshold))
		return 0;
	st = DB_STMT(db, "UPDATE posts SET hidden = 1 WHERE id = ? AND hidden = 0 AND "
	    "deleted = 0 RETURNING author_id, (SELECT title FROM threads WHERE id = thread_id)",
	    post_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		author = sqlite3_column_int64(st, 0);
		db_column_text(st, 1, title, sizeof title);
		rc = sqlite3_step(st);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0 || author == 0)
		return r;
	*hidden = true;
	snprintf(text, sizeof text, "Your post in \"%s\" is hidden until a moderator has "
	    "reviewed the flags on it; you can still see and edit it", title);
	return db_notice_add_about(db, author, "board", text, NOTICE_ON_POST, post_id);
}

static int
file_in_tx(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t target_id,
    enum flag_type type, const char *note, int threshold, const struct target *t,
    struct flag_filed *f, const char **why)
{
	sqlite3_stmt *st;
	int r;

	if ((r = may_file(db, actor_id, kind, target_id, why)) != 0)
		return r;
	if ((r = item_for(db, flag_is_safety(kind, type), kind, target_id, t, &f->item_id)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO flags (item_id, flagger_id, kind, target_id, community_id, "
	    "type, note, created_at) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8)",
	    f->item_id, actor_id, 0, target_id, t->community_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, flag_kind_name(kind));
	db_bind_text(st, 6, flag_type_name(type));
	db_bind_text(st, 7, note);
	sqlite3_bind_int64(st, 8, db_now());
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	f->flag_id = sqlite3_last_insert_rowid(db_sqlite(db));
	return kind == FLAG_POST ? maybe_hide(db, target_id, threshold, &f->hidden) : 0;
}

int
db_flag_add(struct db *db, int64_t actor_id, enum flag_kind kind, int64_t target_id,
    enum flag_type type, const char *note, int hide_threshold, struct flag_filed *out,
    const char **why)
{
	struct flag_filed f = { 0 };
	struct target t;
	int r;

	*why = "That did not work; please try again.";
	if (actor_id <= 0 || db_board_may_read(db, actor_id) != 0) {
		*why = "You cannot flag anything while your account is not active.";
		return ERR_DENIED;
	}
	if ((unsigned)kind >= FLAG_KINDS || (unsigned)type >= FLAG_TYPES || target_id <= 0) {
		*why = "That cannot be flagged.";
		return ERR_INVALID;
	}
	if ((r = flag_check_note(note, why)) != 0)
		return r;
	if ((r = find_target(db, actor_id, kind, target_id, &t, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, file_in_tx(db, actor_id, kind, target_id, type, note, hide_threshold,
	    &t, &f, why));
	if (r == 0 && out != NULL)
		*out = f;
	return r;
}

int
db_flag_open_by(struct db *db, int64_t actor_id, int64_t *count)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "SELECT count(*) FROM flags WHERE flagger_id = ? AND status = 'open'",
	    actor_id);
	return db_step_int(db, st, count, NULL, __func__);
}

int
db_flag_post_edited(struct db *db, int64_t post_id)
{
	sqlite3_stmt *st;

	/* Still hidden: a moderator looks again. An item already open covers it. */
	st = DB_STMT(db, "INSERT INTO review_items (queue, kind, target_id, community_id, "
	    "subject_id, detail, created_at) SELECT 'community', 'post', id, community_id, "
	    "author_id, 'edited after it was hidden', ?2 FROM posts p WHERE id = ?1 AND "
	    "hidden <> 0 AND deleted = 0 AND NOT EXISTS (SELECT 1 FROM review_items WHERE "
	    "queue = 'community' AND kind = 'post' AND target_id = ?1 AND reporter_id IS NULL "
	    "AND status IN ('open', 'escalated'))", post_id, db_now());
	return db_step_done(db, st, __func__);
}

/* The label of a flag's target: the thread title or the member's login. */
#define FLAG_TARGET_LABEL(f) "CASE " f ".kind WHEN 'post' THEN (SELECT t.title FROM posts p " \
	"JOIN threads t ON t.id = p.thread_id WHERE p.id = " f ".target_id) " \
	"WHEN 'message' THEN (SELECT u.login FROM messages m JOIN users u ON u.id = m.sender_id " \
	"WHERE m.id = " f ".target_id) ELSE (SELECT login FROM users WHERE id = " f ".target_id) END"

static void
flag_row(sqlite3_stmt *st, void *elem)
{
	struct flag_row *f = elem;

	f->id = sqlite3_column_int64(st, 0);
	f->created_at = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, f->kind, sizeof f->kind);
	f->target_id = sqlite3_column_int64(st, 3);
	db_column_text(st, 4, f->target, sizeof f->target);
	db_column_text(st, 5, f->community, sizeof f->community);
	db_column_text(st, 6, f->type, sizeof f->type);
	f->flaggers = sqlite3_column_int64(st, 7);
	db_column_text(st, 8, f->status, sizeof f->status);
	f->item_id = sqlite3_column_int64(st, 9);
	db_column_text(st, 10, f->item_status, sizeof f->item_status);
}

int
db_flag_list(struct db *db, int64_t actor_id, bool open_only, size_t max,
    struct flag_row **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	if ((r = db_staff_require_admin(db, actor_id)) != 0)
		return r;
	st = DB_STMT(db, "SELECT f.id, f.created_at, f.kind, f.target_id, "
	    "coalesce(" FLAG_TARGET_LABEL("f") ", ''), coalesce(c.name, ''), f.type, "
	    "(SELECT count(DISTINCT flagger_id) FROM flags o WHERE o.item_id = f.item_id), "
	    "f.status, f.item_id, i.status FROM flags f JOIN review_items i ON i.id = f.item_id "
	    "LEFT JOIN communities c ON c.id = f.community_id "
	    "WHERE ?1 = 0 OR f.status = 'open' ORDER BY f.id DESC LIMIT ?2",
	    open_only, (int64_t)max);
	if ((r = db_collect(db, st, sizeof **out, flag_row, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}
