/* References after a stay; see db-host.h (flags of hosts and guests are
 * db-flag.c's). A reference is hidden from its subject until both sides
 * have written or the window has closed (db_host_sweep reveals those),
 * and it cannot change once revealed. A "did not feel safe" answer opens
 * a safety item (trigger host_reference_unsafe, migration 013). */
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-block.h"
#include "db/db-host.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "lib/text.h"

struct stay {
	int64_t host_id, guest_id, depart;
	enum host_state state;
};

static int
load_stay(struct db *db, int64_t id, struct stay *s)
{
	sqlite3_stmt *st;
	char buf[16];
	int rc, r;

	st = DB_STMT(db, "SELECT host_id, guest_id, depart_day, state FROM host_requests "
	    "WHERE id = ?", id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->host_id = sqlite3_column_int64(st, 0);
		s->guest_id = sqlite3_column_int64(st, 1);
		s->depart = sqlite3_column_int64(st, 2);
		db_column_text(st, 3, buf, sizeof buf);
		s->state = HS_EXPIRED;
		(void)host_state_parse(buf, &s->state);
	}
	r = rc == SQLITE_DONE ? ERR_NOTFOUND : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

/* -1: none written; 0: written, hidden; 1: written and revealed. */
static int
ref_state(struct db *db, int64_t request_id, int64_t author_id, int *state)
{
	sqlite3_stmt *st;
	int64_t shown = -1;
	int r;

	st = DB_STMT(db, "SELECT revealed_at IS NOT NULL FROM host_references "
	    "WHERE request_id = ? AND author_id = ?", request_id, author_id);
	if ((r = db_step_int(db, st, &shown, NULL, __func__)) == 0)
		*state = (int)shown;
	return r;
}

static int
store(struct db *db, int64_t request_id, int64_t author, int64_t subject, const char *body,
    bool felt_safe)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "INSERT OR REPLACE INTO host_references (request_id, author_id, "
	    "subject_id, body, felt_safe, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	    request_id, author, subject);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 4, body);
	sqlite3_bind_int(st, 5, felt_safe);
	sqlite3_bind_int64(st, 6, db_now());
	return db_step_done(db, st, __func__);
}

/* Both sides have written: both show now, and both hear of it. */
static int
reveal_both(struct db *db, const struct stay *s, int64_t request_id)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "UPDATE host_references SET revealed_at = ? WHERE request_id = ?",
	    db_now(), request_id);
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	if ((r = db_notice_add_about(db, s->host_id, "host",
	    "HOST: the references of your stay are now visible", NOTICE_ON_HOST_REQUEST,
	    request_id)) != 0)
		return r;
	return db_notice_add_about(db, s->guest_id, "host",
	    "HOST: the references of your stay are now visible", NOTICE_ON_HOST_REQUEST,
	    request_id);
}

/* Checks and stores actor's reference inside the caller's transaction:
 * whether the other side has written is read under the same lock as the
 * write, so two references written at once still show each other. */
static int
reference_in_tx(struct db *db, int64_t actor_id, int64_t request_id, const char *body,
    bool felt_safe, const char **why)
{
	struct stay s;
	int64_t other;
	int mine, theirs, r;

	if ((r = load_stay(db, request_id, &s)) != 0)
		return r;
	if (actor_id != s.host_id && actor_id != s.guest_id)
		return ERR_NOTFOUND;
	other = actor_id == s.host_id ? s.guest_id : s.host_id;
	if (!host_reference_open(s.state, host_today(db_now()), s.depart)) {
		*why = "references can be written for 14 days after a completed stay";
		return ERR_INVALID;
	}
	if ((r = ref_state(db, request_id, actor_id, &mine)) != 0 ||
	    (r = ref_state(db, request_id, other, &theirs)) != 0)
		return r;
	if (mine == 1) {
		*why = "your reference is visible now and can no longer change";
		return ERR_INVALID;
	}
	r = store(db, request_id, actor_id, other, body, felt_safe);
	if (r == 0 && theirs >= 0)
		r = reveal_both(db, &s, request_id);
	return r;
}

int
db_host_reference_write(struct db *db, int64_t actor_id, int64_t request_id,
    const char *body, bool felt_safe, const char **why)
{
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((*why = text_check_multiline(body, HOST_MESSAGE_MAX)) != NULL)
		return ERR_INVALID;
	if (body[0] == '\0') {
		*why = "write a few words";
		return ERR_INVALID;
	}
	if ((r = db_host_sweep(db, db_now())) != 0 || (r = db_begin(db)) != 0)
		return r;
	return db_host_end(db, reference_in_tx(db, actor_id, request_id, body, felt_safe, why));
}

int
db_host_reference_list(struct db *db, int64_t actor_id, int64_t request_id,
    struct host_reference out[2], size_t *n)
{
	struct host_reference refs[2];
	struct host_actor a;
	struct stay s;
	sqlite3_stmt *st;
	size_t k = 0;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0 || (r = load_stay(db, request_id, &s)) != 0 ||
	    (r = db_host_actor(db, actor_id, &a)) != 0)
		return r;
	if (actor_id != s.host_id && actor_id != s.guest_id && !a.admin)
		return ERR_NOTFOUND;
	st = DB_STMT(db, "SELECT f.author_id, f.subject_id, u.display_name, f.body, f.felt_safe, "
	    "f.created_at, f.revealed_at IS NOT NULL FROM host_references f "
	    "JOIN users u ON u.id = f.author_id WHERE f.request_id = ?1 "
	    "ORDER BY f.author_id = ?2, f.created_at LIMIT 2", request_id);
	if (st == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 2, s.host_id);	/* the guest's reference first */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < 2) {
		struct host_reference *f = &refs[k++];

		memset(f, 0, sizeof *f);
		f->author_id = sqlite3_column_int64(st, 0);
		f->subject_id = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, f->author_name, sizeof f->author_name);
		f->revealed = sqlite3_column_int(st, 6) != 0;
		f->visible = f->revealed || f->author_id == actor_id || a.admin;
		if (f->visible)
			db_column_text(st, 3, f->body, sizeof f->body);
		f->felt_safe = a.admin ? sqlite3_column_int(st, 4) : -1;
		f->created_at = sqlite3_column_int64(st, 5);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	memcpy(out, refs, k * sizeof refs[0]);
	*n = k;
	return 0;
}

/* db_collect's row reader for the public list. */
static void
public_elem(sqlite3_stmt *st, void *elem)
{
	struct host_reference *f = elem;

	f->author_id = sqlite3_column_int64(st, 0);
	f->subject_id = sqlite3_column_int64(st, 1);
	db_column_text(st, 2, f->author_name, sizeof f->author_name);
	db_column_text(st, 3, f->body, sizeof f->body);
	f->created_at = sqlite3_column_int64(st, 4);
	f->visible = f->revealed = true;
	f->felt_safe = -1;
}

int
db_host_reference_public(struct db *db, int64_t actor_id, int64_t host_id, size_t max,
    struct host_reference **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	bool blocked = false;
	int r;

	if (actor_id <= 0)
		return ERR_DENIED;
	if ((r = db_host_sweep(db, db_now())) != 0 ||
	    (r = db_block_between(db, actor_id, host_id, &blocked)) != 0)
		return r;
	if (blocked)
		return ERR_NOTFOUND;
	/* Revealed references guests wrote about this host, by the subject
	 * index; felt_safe is never read here. Authors blocked either way
	 * with the reader are left out. */
	st = DB_STMT(db, "SELECT f.author_id, f.subject_id, u.display_name, f.body, f.created_at "
	    "FROM host_references f JOIN host_requests q ON q.id = f.request_id "
	    "JOIN users u ON u.id = f.author_id "
	    "WHERE f.subject_id = ?2 AND f.revealed_at IS NOT NULL AND q.host_id = ?2 AND "
	    DB_NOT_BLOCKED("f.author_id") " ORDER BY f.revealed_at DESC, f.created_at DESC "
	    "LIMIT ?3", actor_id, host_id, (int64_t)max);
	if ((r = db_collect(db, st, sizeof **out, public_elem, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}
