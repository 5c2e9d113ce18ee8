/* Thread moderation; see db-thread-mod.h. Every action reads the thread
 * under the write lock (db_begin is BEGIN IMMEDIATE), asks for the power
 * over its community there, and writes guarded by the state it read, so
 * two moderators acting at once do one thing each, one after the other,
 * never half of each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-internal.h"
#include "db/db-probation.h"
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "db/db-thread-mod.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/moderation.h"
#include "rules/sanction.h"

#define STATE_SELECT "SELECT t.id, t.community_id, c.name, t.title, t.locked, t.pinned, " \
	"t.slow_seconds, t.post_count FROM threads t JOIN communities c ON " \
	"c.id = t.community_id WHERE t.id = ?"

static void
state_row(sqlite3_stmt *st, void *elem)
{
	struct thread_mod_state *out = elem;

	out->id = sqlite3_column_int64(st, 0);
	out->community_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, out->community, sizeof out->community);
	db_column_text(st, 3, out->title, sizeof out->title);
	out->locked = sqlite3_column_int(st, 4) != 0;
	out->pinned = sqlite3_column_int(st, 5) != 0;
	out->slow_seconds = sqlite3_column_int(st, 6);
	out->post_count = sqlite3_column_int64(st, 7);
}

static int
read_state(struct db *db, int64_t thread_id, struct thread_mod_state *out)
{
	return db_staff_row(db, DB_STMT(db, STATE_SELECT, thread_id), sizeof *out, state_row, out,
	    NULL, __func__);
}

int
db_thread_mod_get(struct db *db, int64_t actor_id, int64_t thread_id,
    struct thread_mod_state *out)
{
	struct thread_mod_state s;
	int r;

	if ((r = db_board_may_read(db, actor_id)) != 0 || (r = read_state(db, thread_id, &s)) != 0)
		return r;
	*out = s;
	return ERR_OK;
}

/* The start every action shares, inside its transaction: the thread as it
 * is now, and the actor's power over its community. */
static int
begin_action(struct db *db, int64_t actor_id, int64_t thread_id, struct thread_mod_state *s)
{
	int r;

	if ((r = read_state(db, thread_id, s)) != 0)
		return r;
	return db_staff_require_mod(db, actor_id, s->community_id);
}

static int
record(struct db *db, int64_t actor_id, const struct thread_mod_state *s, const char *action,
    const char *reason, const char *before, const char *after)
{
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = action,
	    .community_id = s->community_id, .target_kind = "thread", .target_id = s->id,
	    .target = s->title, .reason = reason, .before = before, .after = after });
}

/* A flag of the thread (locked, pinned) from `from` to its opposite. */
static int
flag_in_tx(struct db *db, int64_t actor_id, int64_t thread_id, bool on, bool pin,
    const char *reason)
{
	static const char lock_sql[] = "UPDATE threads SET locked = ?2 WHERE id = ?1 AND "
	    "locked = ?3";
	static const char pin_sql[] = "UPDATE threads SET pinned = ?2 WHERE id = ?1 AND "
	    "pinned = ?3";
	struct thread_mod_state s;
	int r;

	if ((r = begin_action(db, actor_id, thread_id, &s)) != 0)
		return r;
	r = db_staff_move(db, DB_STMT(db, pin ? pin_sql : lock_sql, thread_id, on, !on),
	    __func__);
	if (r != 0)
		return r;
	if (pin)
		return record(db, actor_id, &s, on ? "thread.pin" : "thread.unpin", reason,
		    on ? "unpinned" : "pinned", on ? "pinned" : "unpinned");
	return record(db, actor_id, &s, on ? "thread.lock" : "thread.unlock", reason,
	    on ? "unlocked" : "locked", on ? "locked" : "unlocked");
}

static int
check_args(int64_t thread_id, const char *reason, const char **why)
{
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (thread_id <= 0) {
		*why = "No such thread.";
		return ERR_INVALID;
	}
	return staff_check_reason(reason, why);
}

int
db_thread_mod_lock(struct db *db, int64_t actor_id, int64_t thread_id, bool lock,
    const char *reason, const char **why)
{
	int r;

	if ((r = check_args(thread_id, reason, why)) != 0 || (r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, flag_in_tx(db, actor_id, thread_id, lock, false, reason));
}

int
db_thread_mod_pin(struct db *db, int64_t actor_id, int64_t thread_id, bool pin,
    const char *reason, const char **why)
{
	int r;

	if ((r = check_args(thread_id, reason, why)) != 0 || (r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, flag_in_tx(db, actor_id, thread_id, pin, true, reason));
}

static int
retitle_in_tx(struct db *db, int64_t actor_id, int64_t thread_id, const char *title,
    const char *reason)
{
	struct thread_mod_state s;
	sqlite3_stmt *st;
	int r;

	if ((r = begin_action(db, actor_id, thread_id, &s)) != 0)
		return r;
	if (strcmp(s.title, title) == 0)
		return ERR_STATE;
	/* The title index follows by hand: out with the old, in with the new. */
	st = DB_STMT(db, "INSERT INTO threads_fts (threads_fts, rowid, title) SELECT 'delete', "
	    "id, title FROM threads WHERE id = ?", thread_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	if ((st = DB_STMT(db, "UPDATE threads SET title = ?2 WHERE id = ?1 AND title = ?3",
	    thread_id)) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, s.title);
	if ((r = db_staff_move(db, st, __func__)) != 0)
		return r;
	if ((st = DB_STMT(db, "INSERT INTO threads_fts (rowid, title) VALUES (?1, ?2)",
	    thread_id)) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, title);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	return record(db, actor_id, &s, "thread.retitle", reason, s.title, title);
}

int
db_thread_mod_retitle(struct db *db, int64_t actor_id, int64_t thread_id,
    const char *title, const char *reason, const char **why)
{
	const char *dummy;
	int r;

	if (why == NULL)
		why = &dummy;
	if ((r = check_args(thread_id, reason, why)) != 0)
		return r;
	if (title == NULL || (*why = text_check_line(title, BOARD_TITLE_MAX)) != NULL ||
	    title[0] == '\0') {
		if (title == NULL || title[0] == '\0')
			*why = "A thread needs a title.";
		return ERR_INVALID;
	}
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, retitle_in_tx(db, actor_id, thread_id, title, reason));
}

static int
move_in_tx(struct db *db, int64_t actor_id, int64_t thread_id, int64_t to, const char *reason)
{
	char name[BOARD_NAME_MAX * 4 + 1];
	struct thread_mod_state s;
	int r;

	if ((r = begin_action(db, actor_id, thread_id, &s)) != 0 ||
	    (r = db_staff_community_name(db, to, name, sizeof name)) != 0 ||
	    (r = db_staff_require_mod(db, actor_id, to)) != 0)
		return r;
	if (s.community_id == to)
		return ERR_STATE;
	r = db_staff_move(db, DB_STMT(db, "UPDATE threads SET community_id = ?2 WHERE "
	    "id = ?1 AND community_id = ?3", thread_id, to, s.community_id), __func__);
	if (r != 0)
		return r;
	r = db_step_done(db, DB_STMT(db, "UPDATE posts SET community_id = ?2 WHERE "
	    "thread_id = ?1", thread_id, to), __func__);
	if (r != 0)
		return r;
	/* Recorded in both communities: each side's moderators see it. */
	if ((r = record(db, actor_id, &s, "thread.move", reason, s.community, name)) != 0)
		return r;
	s.community_id = to;
	return record(db, actor_id, &s, "thread.move", reason, s.community, name);
}

int
db_thread_mod_move(struct db *db, int64_t actor_id, int64_t thread_id, int64_t to_community,
    const char *reason, const char **why)
{
	int r;

	if ((r = check_args(thread_id, reason, why)) != 0)
		return r;
	if (to_community <= 0)
		return ERR_NOTFOUND;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, move_in_tx(db, actor_id, thread_id, to_community, reason));
}

/* The posts of one thread, for the merge. */
struct moved {
	int64_t id;
	char path[BOARD_PATH_SZ];
};

static void
moved_row(sqlite3_stmt *st, void *elem)
{
	struct moved *m = elem;

	m->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, m->path, sizeof m->path);
}

/* The first post of a thread (the root of its tree) and its last
 * sequence number. */
struct root {
	int64_t id, next_seq;
	char path[BOARD_PATH_SZ];
};

static void
root_row(sqlite3_stmt *st, void *elem)
{
	struct root *t = elem;

	t->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, t->path, sizeof t->path);
	t->next_seq = sqlite3_column_int64(st, 2);
}

static int
thread_root(struct db *db, int64_t thread_id, struct root *out)
{
	return db_staff_row(db, DB_STMT(db, "SELECT p.id, p.path, t.next_seq FROM threads t JOIN "
	    "posts p ON p.thread_id = t.id WHERE t.id = ? ORDER BY p.path LIMIT 1", thread_id),
	    sizeof *out, root_row, out, NULL, __func__);
}

/* Each moved post: its new thread, community, path and depth; the first
 * post of `from` becomes a reply to the first post of `into`. */
static int
move_posts(struct db *db, const struct thread_mod_state *into, int64_t from, int64_t root,
    const char *root_path, int64_t offset, int64_t from_root)
{
	struct moved *m = NULL;
	size_t n = 0;
	int r;

	r = db_collect(db, DB_STMT(db, "SELECT id, path FROM posts WHERE thread_id = ? ORDER BY "
	    "path", from), sizeof *m, moved_row, (void **)&m, &n, __func__);
	if (r != 0)
		return r;
	for (size_t i = 0; r == 0 && i < n; i++) {
		char path[BOARD_PATH_SZ];
		sqlite3_stmt *st;
		int depth;

		if (!mod_merge_path(root_path, m[i].path, offset, path, sizeof path, &depth)) {
			r = ERR_STATE;
			break;
		}
		st = DB_STMT(db, "UPDATE posts SET thread_id = ?2, community_id = ?3, depth = ?4, "
		    "parent_id = CASE WHEN id = ?5 THEN ?6 ELSE parent_id END, path = ?7 WHERE "
		    "id = ?1 AND thread_id = ?8", m[i].id, into->id, into->community_id,
		    (int64_t)depth, from_root, root, 0, from);
		if (st == NULL) {
			r = ERR_INTERNAL;
			break;
		}
		db_bind_text(st, 7, path);
		r = db_staff_move(db, st, __func__);
	}
	free(m);
	return r;
}

/* Read pointers and follows of `from` go to `into`: the lower pointer of
 * the two (a member who read only one of them still sees the other's
 * posts as unread), a follow of either, a mute only of both. */
static int
merge_reads(struct db *db, int64_t from, int64_t into)
{
	static const char sql[] = "INSERT INTO thread_reads (user_id, thread_id, last_read_id, "
	    "follow) SELECT f.user_id, ?2, CASE WHEN i.user_id IS NULL THEN 0 ELSE "
	    "min(i.last_read_id, f.last_read_id) END, CASE WHEN i.user_id IS NULL THEN "
	    "max(f.follow, 0) ELSE max(i.follow, f.follow) END FROM thread_reads f LEFT JOIN "
	    "thread_reads i ON i.user_id = f.user_id AND i.thread_id = ?2 WHERE "
	    "f.thread_id = ?1 AND true ON CONFLICT (user_id, thread_id) DO UPDATE SET "
	    "last_read_id = excluded.last_read_id, follow = excluded.follow";
	int r;

	if ((r = db_step_done(db, DB_STMT(db, sql, from, into), __func__)) != 0)
		return r;
	return db_step_done(db, DB_STMT(db, "DELETE FROM thread_reads WHERE thread_id = ?",
	    from), __func__);
}

static int
merge_in_tx(struct db *db, int64_t actor_id, int64_t from, int64_t into, const char *reason)
{
	struct thread_mod_state f, t;
	struct root ir, fr;
	char after[AUDIT_LABEL_SZ];
	sqlite3_stmt *st;
	int r;

	if ((r = begin_action(db, actor_id, from, &f)) != 0 ||
	    (r = begin_action(db, actor_id, into, &t)) != 0)
		return r;
	if ((r = thread_root(db, into, &ir)) != 0 || (r = thread_root(db, from, &fr)) != 0)
		return r;
	if (fr.next_seq > BOARD_SEQ_MAX - ir.next_seq)
		return ERR_STATE;
	if ((r = move_posts(db, &t, from, ir.id, ir.path, ir.next_seq, fr.id)) != 0)
		return r;
	/* The joined thread's counters, guarded by the sequence number read. */
	r = db_staff_move(db, DB_STMT(db, "UPDATE threads SET next_seq = next_seq + ?2, "
	    "post_count = (SELECT count(*) FROM posts WHERE thread_id = ?1), "
	    "last_post_id = (SELECT max(id) FROM posts WHERE thread_id = ?1), "
	    "last_post_at = max(last_post_at, (SELECT last_post_at FROM threads WHERE id = ?3)) "
	    "WHERE id = ?1 AND next_seq = ?4", into, fr.next_seq, from, ir.next_seq), __func__);
	if (r != 0)
		return r;
	if ((r = merge_reads(db, from, into)) != 0)
		return r;
	st = DB_STMT(db, "INSERT INTO threads_fts (threads_fts, rowid, title) SELECT 'delete', "
	    "id, title FROM threads WHERE id = ?", from);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	/* Nothing is left under it: no post, no pointer. */
	r = db_staff_move(db, DB_STMT(db, "DELETE FROM threads WHERE id = ?1 AND NOT EXISTS "
	    "(SELECT 1 FROM posts WHERE thread_id = ?1)", from), __func__);
	if (r != 0)
		return r;
	snprintf(after, sizeof after, "merged into #%lld", (long long)into);
	if ((r = record(db, actor_id, &f, "thread.merge", reason, f.title, after)) != 0)
		return r;
	if (t.community_id == f.community_id)
		return ERR_OK;
	return record(db, actor_id, &t, "thread.merge", reason, f.title, after);
}

int
db_thread_mod_merge(struct db *db, int64_t actor_id, int64_t from, int64_t into,
    const char *reason, const char **why)
{
	int r;

	if ((r = check_args(from, reason, why)) != 0)
		return r;
	if (into <= 0)
		return ERR_NOTFOUND;
	if (from == into) {
		if (why != NULL)
			*why = "A thread cannot be merged into itself.";
		return ERR_INVALID;
	}
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, merge_in_tx(db, actor_id, from, into, reason));
}

static int
slow_in_tx(struct db *db, int64_t actor_id, int64_t thread_id, int seconds, const char *reason)
{
	struct thread_mod_state s;
	char before[40], after[40];
	int r;

	if ((r = begin_action(db, actor_id, thread_id, &s)) != 0)
		return r;
	if (s.slow_seconds == seconds)
		return ERR_STATE;
	r = db_staff_move(db, DB_STMT(db, "UPDATE threads SET slow_seconds = ?2 WHERE id = ?1 "
	    "AND slow_seconds = ?3", thread_id, seconds, s.slow_seconds), __func__);
	if (r != 0)
		return r;
	snprintf(before, sizeof before, "off");
	snprintf(after, sizeof after, "off");
	if (s.slow_seconds > 0)
		mod_span(before, sizeof before, s.slow_seconds);
	if (seconds > 0)
		mod_span(after, sizeof after, seconds);
	return record(db, actor_id, &s, "thread.slow", reason, before, after);
}

int
db_thread_mod_slow(struct db *db, int64_t actor_id, int64_t thread_id, int seconds,
    const char *reason, const char **why)
{
	const char *dummy;
	int r;

	if (why == NULL)
		why = &dummy;
	if ((r = check_args(thread_id, reason, why)) != 0 ||
	    (r = mod_slow_check(seconds, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	return db_tx_end(db, slow_in_tx(db, actor_id, thread_id, seconds, reason));
}

/* How long actor still waits in thread_id under slow mode (0: may post). */
static int
slow_wait(struct db *db, int64_t actor_id, int64_t thread_id, int slow, int64_t *wait)
{
	int64_t last = 0;
	int r;

	*wait = 0;
	if (slow <= 0)
		return ERR_OK;
	/* posts_thread_author: one seek. */
	r = db_step_int(db, DB_STMT(db, "SELECT coalesce(max(created_at), 0) FROM posts WHERE "
	    "thread_id = ? AND author_id = ?", thread_id, actor_id), &last, NULL, __func__);
	if (r == 0)
		*wait = mod_slow_wait(slow, last, db_now());
	return r;
}

/* What keeps actor from replying in thread_id now: nothing, the lock, or
 * slow mode for *wait more seconds (s: the thread as read). A thread's
 * moderators are never held. */
enum hold { HOLD_NONE, HOLD_LOCKED, HOLD_SLOW };

static int
reply_hold(struct db *db, int64_t actor_id, int64_t thread_id, int64_t community_id,
    struct thread_mod_state *s, int64_t *wait, enum hold *out)
{
	enum staff_power p;
	int r;

	*wait = 0;
	if ((r = read_state(db, thread_id, s)) != 0)
		return r;
	/* The common case asks nothing more. */
	if (!s->locked && s->slow_seconds == 0) {
		*out = HOLD_NONE;
		return ERR_OK;
	}
	if ((r = db_staff_power(db, actor_id, community_id, &p)) != 0)
		return r;
	if (p >= STAFF_MODERATOR) {
		*out = HOLD_NONE;
		return ERR_OK;
	}
	if (s->locked) {
		*out = HOLD_LOCKED;
		return ERR_OK;
	}
	if ((r = slow_wait(db, actor_id, thread_id, s->slow_seconds, wait)) != 0)
		return r;
	*out = *wait > 0 ? HOLD_SLOW : HOLD_NONE;
	return ERR_OK;
}

int
db_thread_mod_may_reply(struct db *db, int64_t actor_id, int64_t thread_id,
    int64_t community_id)
{
	struct thread_mod_state s;
	int64_t wait = 0;
	enum hold h = HOLD_NONE;
	int r;

	if ((r = reply_hold(db, actor_id, thread_id, community_id, &s, &wait, &h)) != 0)
		return r;
	return h == HOLD_LOCKED ? ERR_STATE : h == HOLD_SLOW ? ERR_TOO_FAST : ERR_OK;
}

/* The thread and community of a post. */
struct place {
	int64_t thread_id, community_id;
};

static void
place_row(sqlite3_stmt *st, void *elem)
{
	struct place *p = elem;

	p->thread_id = sqlite3_column_int64(st, 0);
	p->community_id = sqlite3_column_int64(st, 1);
}

/* A locked thread or slow mode, as a sentence. */
static int
thread_refusal(struct db *db, int64_t actor_id, int64_t thread_id, int64_t community_id,
    char *buf, size_t sz)
{
	struct thread_mod_state s;
	int64_t wait = 0;
	enum hold h = HOLD_NONE;
	int r;

	if ((r = reply_hold(db, actor_id, thread_id, community_id, &s, &wait, &h)) != 0)
		return r;
	if (h == HOLD_NONE)
		return ERR_NOTFOUND;
	if (h == HOLD_LOCKED)
		snprintf(buf, sz, "This thread is locked: the moderators closed it to new replies.");
	else
		mod_slow_describe(buf, sz, s.slow_seconds, wait);
	return ERR_OK;
}

int
db_thread_mod_refusal(struct db *db, int64_t actor_id, int64_t community_id,
    int64_t parent_post_id, char *buf, size_t sz)
{
	struct place at = { 0, community_id };
	struct sanction sn;
	int64_t thread_id;
	bool found = false;
	int r;

	if (parent_post_id > 0 && (r = db_staff_row(db, DB_STMT(db, "SELECT thread_id, "
	    "community_id FROM posts WHERE id = ?", parent_post_id), sizeof at, place_row, &at,
	    NULL, __func__)) != 0)
		return r;
	thread_id = at.thread_id;
	community_id = at.community_id;
	if ((r = db_sanction_in_force(db, actor_id, community_id, SANCTION_SILENCE, &sn,
	    &found)) != 0)
		return r;
	if (found) {
		sanction_describe(buf, sz, sn.kind, sn.community, sn.ends_at, sn.reason);
		return ERR_OK;
	}
	if (thread_id > 0 && (r = thread_refusal(db, actor_id, thread_id, community_id, buf,
	    sz)) != ERR_NOTFOUND)
		return r;
	return db_probation_refusal(db, actor_id, thread_id > 0 ? PROBATION_REPLIES :
	    PROBATION_THREADS, buf, sz);
}
