/* Mail: the runner's side of the outbox and the digests; see db-mail.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-mail.h"
#include "db/db-mail-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

const char *const db_mail_state_names[MAIL_STATES] = {
	"queued", "sending", "sent", "failed", "unknown", "cancelled",
};

int
db_mail_recover(struct db *db, int *n)
{
	sqlite3_stmt *st;
	int r;

	st = db_stmt(db, "UPDATE mail_outbox SET state = 'unknown', last_error = "
	    "'the runner stopped while sendmail had it; not sent again' WHERE state = 'sending'");
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	*n = sqlite3_changes(db_sqlite(db));
	return 0;
}

/* The next queued row due, with what decides whether it is still wanted. */
struct due_row {
	int64_t id, user_id;
	enum mail_kind kind;
	int attempts;
	bool wanted;
	char to_addr[MAIL_ADDR_SZ], name[MEMBER_NAME_SZ], login[MEMBER_LOGIN_SZ];
};

static int
next_due(struct db *db, int64_t now, struct due_row *d, char *body, size_t bodysz, bool *found)
{
	char kind[32], digest[16];
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT o.id, o.user_id, o.kind, o.attempts, coalesce(o.body, ''), "
	    "u.display_name, u.login, coalesce(p.email, ''), coalesce(p.immediate, 0), "
	    "coalesce(p.digest, 'off'), coalesce(o.to_addr, ''), "
	    "EXISTS (SELECT 1 FROM mail_verify v WHERE v.user_id = o.user_id AND "
	    "v.email = o.to_addr) FROM mail_outbox o JOIN users u ON u.id = o.user_id "
	    "LEFT JOIN mail_prefs p ON p.user_id = o.user_id "
	    "WHERE o.state = 'queued' AND o.next_at <= ? ORDER BY o.next_at, o.id LIMIT 1", now);
	if (st == NULL)
		return ERR_INTERNAL;
	*found = false;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = true;
		d->id = sqlite3_column_int64(st, 0);
		d->user_id = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, kind, sizeof kind);
		d->attempts = sqlite3_column_int(st, 3);
		db_column_text(st, 4, body, bodysz);
		db_column_text(st, 5, d->name, sizeof d->name);
		db_column_text(st, 6, d->login, sizeof d->login);
		db_column_text(st, 9, digest, sizeof digest);
		d->wanted = mail_kind_parse(kind, &d->kind) == 0;
		if (d->wanted && d->kind == MAIL_CODE) {
			/* A code goes to the address it checks, while it waits. */
			db_column_text(st, 10, d->to_addr, sizeof d->to_addr);
			d->wanted = sqlite3_column_int(st, 11) != 0;
		} else if (d->wanted) {
			db_column_text(st, 7, d->to_addr, sizeof d->to_addr);
			d->wanted = d->to_addr[0] != '\0' && (d->kind == MAIL_DIGEST ?
			    strcmp(digest, "off") != 0 :
			    ((unsigned)sqlite3_column_int(st, 8) & mail_kind_bit(d->kind)) != 0);
		}
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
claim_in_tx(struct db *db, int64_t now, struct mail_job *job, bool *found)
{
	struct due_row d;
	sqlite3_stmt *st;
	int r;

	for (;;) {
		memset(&d, 0, sizeof d);
		if ((r = next_due(db, now, &d, job->body, sizeof job->body, found)) != 0 ||
		    !*found)
			return r;
		if (d.wanted)
			break;
		st = DB_STMT(db, "UPDATE mail_outbox SET state = 'cancelled', last_error = "
		    "'no longer wanted' WHERE id = ? AND state = 'queued'", d.id);
		if ((r = db_step_changed(db, st, __func__)) != 0)
			return r;
	}
	st = DB_STMT(db, "UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1 "
	    "WHERE id = ? AND state = 'queued' AND attempts = ?", d.id, d.attempts);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r;
	job->token[0] = '\0';
	if (d.kind != MAIL_CODE && (r = db_mail_token_new(db, d.user_id, d.id, job->token)) != 0)
		return r;
	job->id = d.id;
	job->user_id = d.user_id;
	job->kind = d.kind;
	job->attempts = d.attempts + 1;
	memcpy(job->to_addr, d.to_addr, sizeof job->to_addr);
	memcpy(job->to_name, d.name, sizeof job->to_name);
	memcpy(job->login, d.login, sizeof job->login);
	return 0;
}

int
db_mail_claim(struct db *db, int64_t now, struct mail_job *job, bool *found)
{
	struct mail_job *j = xcalloc(1, sizeof *j);
	bool f = false;
	int r;

	if ((r = db_begin(db)) == 0)
		r = db_tx_end(db, claim_in_tx(db, now, j, &f));
	if (r == 0) {
		*found = f;
		if (f)
			memcpy(job, j, sizeof *j);
	}
	free(j);
	return r;
}

int
db_mail_sent(struct db *db, int64_t id, int64_t now)
{
	sqlite3_stmt *st = DB_STMT(db, "UPDATE mail_outbox SET state = 'sent', sent_at = ?, "
	    "last_error = NULL, body = CASE WHEN kind = 'code' THEN NULL ELSE body END "
	    "WHERE id = ? AND state = 'sending'", now, id);

	return db_step_changed(db, st, __func__);
}

int
db_mail_failed(struct db *db, int64_t id, int64_t next_at, bool give_up, const char *error)
{
	sqlite3_stmt *st = DB_STMT(db, "UPDATE mail_outbox SET state = CASE WHEN ?1 THEN "
	    "'failed' ELSE 'queued' END, next_at = ?2, last_error = ?3, "
	    "body = CASE WHEN ?1 AND kind = 'code' THEN NULL ELSE body END "
	    "WHERE id = ?4 AND state = 'sending'", give_up, next_at, 0, id);

	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 3, error);
	return db_step_changed(db, st, __func__);
}

int
db_mail_counts(struct db *db, int64_t counts[MAIL_STATES])
{
	int64_t c[MAIL_STATES] = { 0 };
	sqlite3_stmt *st;
	char state[16];
	int rc, r;

	if ((st = db_stmt(db, "SELECT state, count(*) FROM mail_outbox GROUP BY state")) == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_column_text(st, 0, state, sizeof state);
		for (size_t i = 0; i < MAIL_STATES; i++)
			if (strcmp(state, db_mail_state_names[i]) == 0)
				c[i] = sqlite3_column_int64(st, 1);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r == 0)
		memcpy(counts, c, sizeof c);
	return r;
}

/* Digests. */

static int
digest_senders(struct db *db, int64_t user_id, int64_t since, int64_t now,
    struct mail_digest *d)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT u.display_name, cm.unread FROM conversation_members cm "
	    "JOIN users u ON u.id = cm.peer_id WHERE cm.user_id = ? AND cm.unread > 0 AND "
	    "cm.last_at >= ? AND cm.last_at < ? ORDER BY cm.last_at DESC LIMIT 200", user_id, since,
	    now);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->nsenders == MAIL_DIGEST_ROWS) {
			d->more_senders++;
			continue;
		}
		db_column_text(st, 0, d->senders[d->nsenders].name, sizeof d->senders[0].name);
		d->senders[d->nsenders++].count = sqlite3_column_int64(st, 1);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
digest_requests(struct db *db, int64_t user_id, int64_t since, int64_t now,
    struct mail_digest *d)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "SELECT count(*) FROM mentorships WHERE mentor_id = ? AND "
	    "state = 'requested' AND created_at >= ? AND created_at < ?", user_id, since, now);
	if ((r = db_step_int(db, st, &d->mentor_requests, NULL, __func__)) != 0)
		return r;
	st = DB_STMT(db, "SELECT count(*) FROM host_requests WHERE state IN ('requested', "
	    "'tentative') AND updated_at >= ?2 AND updated_at < ?3 AND ((host_id = ?1 AND "
	    "prop_by = 0) OR (prop_by <> 0 AND prop_by <> ?1 AND (host_id = ?1 OR guest_id = ?1)))",
	    user_id, since, now);
	return db_step_int(db, st, &d->host_requests, NULL, __func__);
}

/* New posts by others, not hidden or deleted, in threads the member
 * follows or in communities they joined (muted threads left out); titles
 * only. */
static int
digest_threads(struct db *db, int64_t user_id, int64_t since, int64_t now,
    struct mail_digest *d)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT c.name, t.title, count(*) FROM posts p "
	    "JOIN threads t ON t.id = p.thread_id JOIN communities c ON c.id = t.community_id "
	    "LEFT JOIN thread_reads tr ON tr.user_id = ?1 AND tr.thread_id = t.id "
	    "WHERE p.created_at >= ?2 AND p.created_at < ?3 AND p.author_id <> ?1 AND p.deleted = 0 AND p.hidden = 0 "
	    "AND p.id > coalesce(tr.last_read_id, 0) AND coalesce(tr.follow, 0) <> -1 AND "
	    "(tr.follow = 1 OR EXISTS (SELECT 1 FROM community_members cm WHERE "
	    "cm.community_id = t.community_id AND cm.user_id = ?1)) "
	    "GROUP BY t.id ORDER BY max(p.id) DESC LIMIT 200", user_id, since, now);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->nthreads == MAIL_DIGEST_ROWS) {
			d->more_threads++;
			continue;
		}
		db_column_text(st, 0, d->threads[d->nthreads].community,
		    sizeof d->threads[0].community);
		db_column_text(st, 1, d->threads[d->nthreads].title, sizeof d->threads[0].title);
		d->threads[d->nthreads++].count = sqlite3_column_int64(st, 2);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
digest_announcements(struct db *db, int64_t since, int64_t now, struct mail_digest *d)
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT text FROM announcements WHERE created_at >= ?1 AND "
	    "created_at < ?2 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > ?2) "
	    "ORDER BY id DESC LIMIT 5", since, now);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->nannouncements < 5)
		db_column_text(st, 0, d->announcements[d->nannouncements++].text,
		    sizeof d->announcements[0].text);
	r = db_result(db, rc == SQLITE_ROW ? SQLITE_DONE : rc, __func__);
	db_stmt_done(db, st);
	return r;
}

struct digest_due {
	int64_t user_id, since;
	enum mail_period period;
};

/* One member's digest, in its own transaction: what happened in
 * [since, now), queued only when there is something, and the next date.
 * The second `now` itself is left to the next digest, so an event in the
 * same second as a digest is told once, in the next one, never twice or
 * not at all. */
static int
digest_one(struct db *db, const struct digest_due *m, int64_t now, bool *queued)
{
	struct mail_digest *d = xcalloc(1, sizeof *d);
	char *text = xmalloc(MAIL_BODY_MAX);
	sqlite3_stmt *st;
	int r;

	d->period = m->period;
	if ((r = db_begin(db)) != 0)
		goto out;
	if ((r = digest_senders(db, m->user_id, m->since, now, d)) == 0 &&
	    (r = digest_requests(db, m->user_id, m->since, now, d)) == 0 &&
	    (r = digest_threads(db, m->user_id, m->since, now, d)) == 0)
		r = digest_announcements(db, m->since, now, d);
	if (r == 0 && mail_digest_any(d)) {
		mail_digest_text(d, text, MAIL_BODY_MAX);
		st = DB_STMT(db, "INSERT INTO mail_outbox (user_id, kind, body, next_at, "
		    "created_at) VALUES (?1, 'digest', ?2, ?3, ?3)", m->user_id, 0, now);
		if (st == NULL)
			r = ERR_INTERNAL;
		else {
			db_bind_text(st, 2, text);
			r = db_step_done(db, st, __func__);
		}
		*queued = r == 0;
	}
	if (r == 0) {
		st = DB_STMT(db, "UPDATE mail_prefs SET digest_since = ?1, digest_due_at = ?2 "
		    "WHERE user_id = ?3 AND digest_since = ?4", now,
		    now + mail_period_seconds(m->period), m->user_id, m->since);
		r = db_step_changed(db, st, __func__);
	}
	r = db_tx_end(db, r);
out:
	free(d);
	free(text);
	return r;
}

int
db_mail_digests(struct db *db, int64_t now, bool all_due, int *queued)
{
	struct digest_due *list = NULL;
	size_t n = 0, cap = 0;
	char period[16];
	sqlite3_stmt *st;
	int rc, r, count = 0;

	st = DB_STMT(db, "SELECT user_id, digest_since, digest FROM mail_prefs WHERE "
	    "email IS NOT NULL AND digest <> 'off' AND (digest_due_at <= ? OR ?)", now, all_due);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			list = xreallocarray(list, cap, sizeof *list);
		}
		list[n].user_id = sqlite3_column_int64(st, 0);
		list[n].since = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, period, sizeof period);
		if (mail_period_parse(period, &list[n].period) == 0)
			n++;
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	for (size_t i = 0; r == 0 && i < n; i++) {
		bool q = false;

		r = digest_one(db, &list[i], now, &q);
		if (r == 0)
			count += q;
		else if (r == ERR_NOTFOUND)	/* changed meanwhile: the next run sees it */
			r = 0;
	}
	free(list);
	if (r == 0)
		*queued = count;
	return r;
}
