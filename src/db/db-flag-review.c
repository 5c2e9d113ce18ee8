/* The review and safety queues; see db-flag.h. Each action is one write
 * transaction: read the item, check the actor's power over it, move it
 * from the state just read (the UPDATE is guarded by that state), close
 * its flags, change the post, write the audit entry and the notices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-flag.h"
#include "db/db-internal.h"
#include "db/db-notice.h"
#include "db/db-sanction.h"
#include "db/db-staff.h"
#include "db/db-staff-internal.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/flag.h"
#include "rules/sanction.h"

/* The label of an item's target: a thread title, a login. */
#define ITEM_TARGET "coalesce(CASE i.kind WHEN 'post' THEN (SELECT t.title FROM posts p " \
	"JOIN threads t ON t.id = p.thread_id WHERE p.id = i.target_id) WHEN 'stay' THEN " \
	"'HOST stay' WHEN 'mentorship' THEN 'mentorship' ELSE (SELECT login FROM users " \
	"WHERE id = i.subject_id) END, '')"

#define ITEM_SELECT "SELECT i.id, i.queue, i.kind, i.target_id, coalesce(i.community_id, 0), " \
	"coalesce(c.name, ''), coalesce(i.subject_id, 0), coalesce(s.display_name, ''), " \
	"coalesce(i.reporter_id, 0), i.detail, i.status, i.created_at, " ITEM_TARGET ", " \
	"(SELECT count(DISTINCT flagger_id) FROM flags WHERE item_id = i.id), " \
	"coalesce((SELECT group_concat(type, ', ') FROM (SELECT DISTINCT type FROM flags " \
	"WHERE item_id = i.id ORDER BY type)), ''), " \
	"CASE i.kind WHEN 'post' THEN coalesce((SELECT CASE WHEN deleted THEN 3 ELSE hidden END " \
	"FROM posts WHERE id = i.target_id), 0) ELSE 0 END " \
	"FROM review_items i LEFT JOIN communities c ON c.id = i.community_id " \
	"LEFT JOIN users s ON s.id = i.subject_id "

static int stale_hours_now;	/* for item_row: set by the caller before reading */

static void
item_row(sqlite3_stmt *st, void *elem)
{
	struct review_item *it = elem;

	it->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, it->queue, sizeof it->queue);
	db_column_text(st, 2, it->kind, sizeof it->kind);
	it->target_id = sqlite3_column_int64(st, 3);
	it->community_id = sqlite3_column_int64(st, 4);
	db_column_text(st, 5, it->community, sizeof it->community);
	it->subject_id = sqlite3_column_int64(st, 6);
	db_column_text(st, 7, it->subject, sizeof it->subject);
	it->reporter_id = sqlite3_column_int64(st, 8);
	db_column_text(st, 9, it->detail, sizeof it->detail);
	db_column_text(st, 10, it->status, sizeof it->status);
	it->created_at = sqlite3_column_int64(st, 11);
	db_column_text(st, 12, it->target, sizeof it->target);
	it->flaggers = sqlite3_column_int64(st, 13);
	db_column_text(st, 14, it->types, sizeof it->types);
	it->hidden = sqlite3_column_int(st, 15);
	it->stale = flag_is_stale(it->created_at, db_now(), stale_hours_now);
}

/* ERR_OK if actor may act on an item in this queue, community and state. */
static int
item_power(struct db *db, int64_t actor_id, const struct review_item *it)
{
	if (strcmp(it->queue, "safety") == 0 || it->community_id == 0 ||
	    strcmp(it->status, "escalated") == 0)
		return db_staff_require_admin(db, actor_id);
	return db_staff_require_mod(db, actor_id, it->community_id);
}

static int
load_item(struct db *db, int64_t item_id, struct review_item *out)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	size_t n = 0;
	int r;

	st = DB_STMT(db, ITEM_SELECT "WHERE i.id = ?", item_id);
	if ((r = db_collect(db, st, sizeof *out, item_row, &rows, &n, __func__)) != 0)
		return r;
	if (n == 0)
		return ERR_NOTFOUND;
	*out = *(struct review_item *)rows;
	free(rows);
	return 0;
}

int
db_review_list(struct db *db, int64_t actor_id, enum review_scope scope, int stale_hours,
    size_t max, struct review_item **out, size_t *n)
{
	static const char *const sql[] = {
		[REVIEW_MODERATOR] = ITEM_SELECT "WHERE i.queue = 'community' AND i.status = "
		    "'open' AND i.community_id IN (SELECT community_id FROM community_moderators "
		    "WHERE user_id = ?1) ORDER BY i.created_at, i.id LIMIT ?2",
		[REVIEW_ADMIN] = ITEM_SELECT "WHERE i.queue = 'community' AND i.status IN "
		    "('open', 'escalated') AND ?1 = ?1 ORDER BY i.status = 'open', i.created_at, "
		    "i.id LIMIT ?2",
		[REVIEW_SAFETY] = ITEM_SELECT "WHERE i.queue = 'safety' AND i.status IN "
		    "('open', 'escalated') AND ?1 = ?1 ORDER BY i.created_at, i.id LIMIT ?2",
	};
	sqlite3_stmt *st;
	void *rows = NULL;
	bool mod = false, admin = false;
	int r;

	if ((unsigned)scope > REVIEW_SAFETY)
		return ERR_INVALID;
	if ((r = db_staff_roles(db, actor_id, &mod, &admin)) != 0)
		return r;
	if (scope == REVIEW_MODERATOR ? !mod && !admin : !admin)
		return ERR_DENIED;
	stale_hours_now = stale_hours;
	st = DB_STMT(db, sql[scope], actor_id, (int64_t)max);
	if ((r = db_collect(db, st, sizeof **out, item_row, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}

int
db_review_get(struct db *db, int64_t actor_id, int64_t item_id, int stale_hours,
    struct review_item *out)
{
	struct review_item it;
	int r;

	stale_hours_now = stale_hours;
	if ((r = load_item(db, item_id, &it)) != 0 || (r = item_power(db, actor_id, &it)) != 0)
		return r;
	*out = it;
	return 0;
}

/* ---- context ---- */

#define CONTEXT_SZ	32768

static void
ctx_post(struct db *db, const struct review_item *it, char *buf, size_t *len)
{
	char when[32];
	sqlite3_stmt *st;

	st = DB_STMT(db, "SELECT t.title, u.display_name, p.body, p.created_at, p.hidden, "
	    "p.deleted, coalesce(p.removed_reason, '') FROM posts p JOIN threads t ON "
	    "t.id = p.thread_id JOIN users u ON u.id = p.author_id WHERE p.id = ?", it->target_id);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		staff_time(when, sizeof when, sqlite3_column_int64(st, 3));
		text_appendf(buf, CONTEXT_SZ, len, "Thread: %s\nPost by %s, %s%s:\n\n%s\n",
		    (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		    when, sqlite3_column_int(st, 5) ? " (removed)" : sqlite3_column_int(st, 4) == 1 ?
		    " (hidden pending review)" : sqlite3_column_int(st, 4) == 2 ?
		    " (hidden by a moderator)" : "", (const char *)sqlite3_column_text(st, 2));
	} else
		text_appendf(buf, CONTEXT_SZ, len, "The post no longer exists.\n");
	db_stmt_done(db, st);
}

/* The message and the five before it in its conversation. */
static void
ctx_message(struct db *db, const struct review_item *it, char *buf, size_t *len)
{
	struct { char who[129]; char *body; } rows[6];
	sqlite3_stmt *st;
	int k = 0;

	st = DB_STMT(db, "SELECT u.display_name, m.body FROM messages m JOIN users u ON "
	    "u.id = m.sender_id WHERE m.conversation_id = (SELECT conversation_id FROM messages "
	    "WHERE id = ?1) AND m.id <= ?1 ORDER BY m.id DESC LIMIT 6", it->target_id);
	if (st == NULL)
		return;
	while (k < 6 && sqlite3_step(st) == SQLITE_ROW) {
		db_column_text(st, 0, rows[k].who, sizeof rows[k].who);
		rows[k].body = xstrdup((const char *)sqlite3_column_text(st, 1));
		k++;
	}
	db_stmt_done(db, st);
	text_appendf(buf, CONTEXT_SZ, len, "Private message by %s, with the messages before "
	    "it:\n\n", it->subject);
	for (int i = k - 1; i >= 0; i--) {
		text_appendf(buf, CONTEXT_SZ, len, "%s%s: %s\n", i == 0 ? "> " : "  ", rows[i].who,
		    rows[i].body);
		free(rows[i].body);
	}
}

/* Stays, mentorships and messages between the subject and the reporter. */
static void
ctx_history(struct db *db, int64_t a, int64_t b, char *buf, size_t *len)
{
	sqlite3_stmt *st;

	if (a == 0 || b == 0)
		return;
	st = DB_STMT(db, "SELECT (SELECT count(*) FROM host_requests WHERE (host_id = ?1 AND "
	    "guest_id = ?2) OR (host_id = ?2 AND guest_id = ?1)), (SELECT count(*) FROM "
	    "host_requests WHERE ((host_id = ?1 AND guest_id = ?2) OR (host_id = ?2 AND "
	    "guest_id = ?1)) AND state = 'completed'), (SELECT count(*) FROM mentorships WHERE "
	    "(mentor_id = ?1 AND mentee_id = ?2) OR (mentor_id = ?2 AND mentee_id = ?1)), "
	    "(SELECT count(*) FROM messages WHERE conversation_id = (SELECT id FROM "
	    "conversations WHERE user_a = min(?1, ?2) AND user_b = max(?1, ?2))), "
	    "(SELECT display_name FROM users WHERE id = ?2)", a, b);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		text_appendf(buf, CONTEXT_SZ, len, "\nHistory with %s: %lld stay request(s), "
		    "%lld completed stay(s), %lld mentorship(s), %lld private message(s).\n",
		    (const char *)sqlite3_column_text(st, 4), (long long)sqlite3_column_int64(st, 0),
		    (long long)sqlite3_column_int64(st, 1), (long long)sqlite3_column_int64(st, 2),
		    (long long)sqlite3_column_int64(st, 3));
	db_stmt_done(db, st);
}

static void
ctx_flags(struct db *db, const struct review_item *it, char *buf, size_t *len,
    int64_t *first_flagger)
{
	char when[32];
	sqlite3_stmt *st;
	int k = 0;

	st = DB_STMT(db, "SELECT u.login, f.type, f.note, f.created_at, f.flagger_id FROM flags f "
	    "JOIN users u ON u.id = f.flagger_id WHERE f.item_id = ? ORDER BY f.id", it->id);
	if (st == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (k++ == 0) {
			text_appendf(buf, CONTEXT_SZ, len, "\nFlags:\n");
			*first_flagger = sqlite3_column_int64(st, 4);
		}
		staff_time(when, sizeof when, sqlite3_column_int64(st, 3));
		text_appendf(buf, CONTEXT_SZ, len, "  %s by %s, %s%s%s\n",
		    (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 0),
		    when, sqlite3_column_bytes(st, 2) > 0 ? ": " : "",
		    (const char *)sqlite3_column_text(st, 2));
	}
	db_stmt_done(db, st);
}

int
db_review_context(struct db *db, int64_t actor_id, int64_t item_id, char **text)
{
	struct review_item it;
	int64_t other = 0;
	size_t len = 0;
	char *buf;
	int r;

	if ((r = db_review_get(db, actor_id, item_id, 0, &it)) != 0)
		return r;
	buf = xmalloc(CONTEXT_SZ);
	buf[0] = '\0';
	if (strcmp(it.kind, "post") == 0)
		ctx_post(db, &it, buf, &len);
	else if (strcmp(it.kind, "message") == 0)
		ctx_message(db, &it, buf, &len);
	else if (strcmp(it.kind, "stay") == 0 || strcmp(it.kind, "mentorship") == 0)
		text_appendf(buf, CONTEXT_SZ, &len, "About %s: %s (%s #%lld).\n", it.subject,
		    it.detail, it.kind, (long long)it.target_id);
	else
		text_appendf(buf, CONTEXT_SZ, &len, "%s %s (%s).\n", strcmp(it.kind, "host") == 0 ?
		    "Host" : strcmp(it.kind, "guest") == 0 ? "Guest" : "Member", it.subject,
		    it.target);
	if (it.detail[0] != '\0' && strcmp(it.queue, "community") == 0)
		text_appendf(buf, CONTEXT_SZ, &len, "(%s)\n", it.detail);
	ctx_flags(db, &it, buf, &len, &other);
	if (strcmp(it.queue, "safety") == 0)
		ctx_history(db, it.subject_id, it.reporter_id != 0 ? it.reporter_id : other, buf,
		    &len);
	*text = buf;
	return 0;
}

/* ---- actions ---- */

static const char *const item_status_of[] = {
	[REVIEW_AGREE_HIDE] = "agreed", [REVIEW_AGREE_REMOVE] = "agreed",
	[REVIEW_DISAGREE] = "disagreed", [REVIEW_DISMISS] = "dismissed",
	[REVIEW_ESCALATE] = "escalated", [REVIEW_RESOLVE] = "resolved",
};

static const char *const audit_action_of[] = {
	[REVIEW_AGREE_HIDE] = "flag.agree.hide", [REVIEW_AGREE_REMOVE] = "flag.agree.remove",
	[REVIEW_DISAGREE] = "flag.disagree", [REVIEW_DISMISS] = "flag.dismiss",
	[REVIEW_ESCALATE] = "flag.escalate", [REVIEW_RESOLVE] = "safety.resolve",
};

static const char *
post_state_word(int hidden)
{
	return hidden == 3 ? "removed" : hidden == 1 ? "hidden for review" :
	    hidden == 2 ? "hidden" : "shown";
}

/* Moves item from the status it was read in to `to`; ERR_STATE when
 * another session moved it first. Flags close with it (not on escalate). */
static int
close_item(struct db *db, int64_t actor_id, const struct review_item *it, const char *to,
    const char *reason)
{
	sqlite3_stmt *st;
	int r;

	st = DB_STMT(db, "UPDATE review_items SET status = ?1, handled_by = nullif(?2, 0), "
	    "handled_at = ?3, reason = ?4 WHERE id = ?5 AND status = ?6", 0, actor_id, db_now(),
	    0, it->id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, to);
	db_bind_text(st, 4, reason);
	db_bind_text(st, 6, it->status);
	if ((r = db_step_changed(db, st, __func__)) != 0)
		return r == ERR_NOTFOUND ? ERR_STATE : r;
	if (strcmp(to, "escalated") == 0)
		return 0;
	st = DB_STMT(db, "UPDATE flags SET status = ?1, handled_by = nullif(?2, 0), "
	    "handled_at = ?3 WHERE item_id = ?4 AND status = 'open'", 0, actor_id, db_now(),
	    it->id);
	if (st != NULL)
		db_bind_text(st, 1, strcmp(to, "sanctioned") == 0 ? "resolved" : to);
	return db_step_done(db, st, __func__);
}

static int
notice_author(struct db *db, int64_t post_id, const char *what, const char *reason)
{
	char text[BOARD_TITLE_SZ + STAFF_REASON_MAX * 4 + 96];
	sqlite3_stmt *st;
	int64_t author = 0;
	int r = 0;

	st = DB_STMT(db, "SELECT p.author_id, t.title FROM posts p JOIN threads t ON "
	    "t.id = p.thread_id WHERE p.id = ?", post_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		author = sqlite3_column_int64(st, 0);
		snprintf(text, sizeof text, "A moderator %s your post in \"%s\": %s", what,
		    (const char *)sqlite3_column_text(st, 1), reason);
	}
	db_stmt_done(db, st);
	if (author != 0)
		r = db_notice_add_about(db, author, "board", text, NOTICE_ON_POST, post_id);
	return r;
}

static int
set_hidden(struct db *db, int64_t post_id, int hidden)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "UPDATE posts SET hidden = ?2 WHERE id = ?1 AND deleted = 0", post_id,
	    hidden);
	return db_step_done(db, st, __func__);
}

/* Agreeing on a flagged private message removes it: both members then read
 * the stub with the reason, the sender is told, and both screens wake. */
static int
remove_message(struct db *db, int64_t message_id, const char *reason)
{
	char text[NOTICE_TEXT_SZ];
	sqlite3_stmt *st;
	int64_t sender = 0, conv = 0;
	int rc, r;

	st = DB_STMT(db, "UPDATE messages SET removed_reason = ?2 WHERE id = ?1 AND "
	    "removed_reason IS NULL RETURNING sender_id, conversation_id", message_id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, reason);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sender = sqlite3_column_int64(st, 0);
		conv = sqlite3_column_int64(st, 1);
		rc = sqlite3_step(st);
	}
	r = rc == SQLITE_DONE ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0 || sender == 0)
		return r;	/* already removed: the item still closes */
	st = DB_STMT(db, "SELECT user_id FROM conversation_members WHERE conversation_id = ?",
	    conv);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_wake_member(db, sqlite3_column_int64(st, 0));
	db_stmt_done(db, st);
	snprintf(text, sizeof text, "A moderator removed one of your private messages: %s",
	    reason);
	return db_notice_add(db, sender, "moderation", text);
}

/* What the action does to the target; after the item has moved. */
static int
apply(struct db *db, const struct review_item *it, enum review_action a, const char *reason)
{
	bool post = strcmp(it->kind, "post") == 0;
	int r;

	if (strcmp(it->kind, "message") == 0 &&
	    (a == REVIEW_AGREE_HIDE || a == REVIEW_AGREE_REMOVE))
		return remove_message(db, it->target_id, reason);
	if (!post)
		return 0;
	switch (a) {
	case REVIEW_AGREE_HIDE:
		if ((r = set_hidden(db, it->target_id, 2)) != 0)
			return r;
		return notice_author(db, it->target_id, "hid", reason);
	case REVIEW_AGREE_REMOVE:
		if ((r = db_board_post_remove(db, it->target_id, reason)) != 0 && r != ERR_STATE)
			return r;
		return notice_author(db, it->target_id, "removed", reason);
	case REVIEW_DISAGREE:
	case REVIEW_DISMISS:
		return it->hidden == 1 || it->hidden == 2 ? set_hidden(db, it->target_id, 0) : 0;
	default:
		return 0;
	}
}

static int
notice_admins(struct db *db, const struct review_item *it)
{
	char text[320];

	snprintf(text, sizeof text, "Review queue: a flagged %s (%s) was escalated to the admins",
	    it->kind, it->target);
	sqlite3_stmt *st = DB_STMT(db, "SELECT id FROM users WHERE is_admin = 1 AND "
	    "status = 'active' AND ?1 = ?1", 0);
	int rc, r = ERR_OK;

	if (st == NULL)
		return ERR_INTERNAL;
	/* Each notice opens the item (db_notice_add_about). */
	while (r == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		r = db_notice_add_about(db, sqlite3_column_int64(st, 0), "moderation", text,
		    NOTICE_ON_REVIEW, it->id);
	if (r == 0 && rc != SQLITE_DONE)
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

static int
act_in_tx(struct db *db, int64_t actor_id, int64_t item_id, enum review_action a,
    const char *reason)
{
	struct review_item it;
	bool post, message;
	int r, after;

	if ((r = load_item(db, item_id, &it)) != 0 || (r = item_power(db, actor_id, &it)) != 0)
		return r;
	if (strcmp(it.status, "open") != 0 && strcmp(it.status, "escalated") != 0)
		return ERR_STATE;
	post = strcmp(it.kind, "post") == 0;
	message = strcmp(it.kind, "message") == 0;
	if ((a == REVIEW_AGREE_REMOVE && !post && !message) ||
	    (a == REVIEW_RESOLVE && strcmp(it.queue, "safety") != 0))
		return ERR_INVALID;
	if (a == REVIEW_ESCALATE && strcmp(it.status, "open") != 0)
		return ERR_STATE;
	if ((r = close_item(db, actor_id, &it, item_status_of[a], reason)) != 0 ||
	    (r = apply(db, &it, a, reason)) != 0)
		return r;
	if (a == REVIEW_ESCALATE && (r = notice_admins(db, &it)) != 0)
		return r;
	after = a == REVIEW_AGREE_REMOVE ? 3 : a == REVIEW_AGREE_HIDE ? 2 :
	    (a == REVIEW_DISAGREE || a == REVIEW_DISMISS) && it.hidden != 3 ? 0 : it.hidden;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = audit_action_of[a],
	    .community_id = it.community_id, .target_kind = it.kind, .target_id = it.target_id,
	    .target = it.target, .reason = reason,
	    .before = post ? post_state_word(it.hidden) : message ? "shown" : it.status,
	    .after = post ? post_state_word(after) : message && (a == REVIEW_AGREE_HIDE ||
	    a == REVIEW_AGREE_REMOVE) ? "removed" : item_status_of[a] });
}

int
db_review_act(struct db *db, int64_t actor_id, int64_t item_id, enum review_action a,
    const char *reason, const char **why)
{
	int r;

	if ((unsigned)a > REVIEW_RESOLVE)
		return ERR_INVALID;
	if ((r = staff_check_reason(reason, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, act_in_tx(db, actor_id, item_id, a, reason));
	if (r == ERR_STATE)
		*why = "Someone else handled this item first; the queue shows what is left.";
	else if (r == ERR_DENIED)
		*why = "You cannot act on this item: it is not in a community you moderate.";
	else if (r == ERR_INVALID)
		*why = "That action does not fit this item.";
	return r;
}

int
db_review_sanction(struct db *db, int64_t actor_id, int64_t item_id, enum sanction_kind kind,
    int64_t ends_at, const char *reason, const char **why)
{
	struct review_item it;
	int r;

	if ((r = db_review_get(db, actor_id, item_id, 0, &it)) != 0)
		return r;
	if (strcmp(it.queue, "safety") != 0 || it.subject_id == 0)
		return ERR_INVALID;
	if (strcmp(it.status, "open") != 0 && strcmp(it.status, "escalated") != 0) {
		*why = "Someone else has already closed this item; nothing was done.";
		return ERR_STATE;
	}
	/* One transaction, the item first: it closes from the state it was read
	 * in, or nothing happens, so two admins never sanction twice for it. */
	if ((r = db_begin(db)) != 0)
		return r;
	if ((r = close_item(db, actor_id, &it, "sanctioned", reason)) == 0)
		r = db_sanction_add_in_tx(db, actor_id, it.subject_id, kind, 0, ends_at, reason,
		    why, NULL);
	else if (r == ERR_STATE)
		*why = "Someone else has already closed this item; nothing was done.";
	return db_tx_end(db, r);
}

/* ---- staff removal from the thread view ---- */

static int
remove_in_tx(struct db *db, int64_t actor_id, int64_t post_id, const char *reason)
{
	int64_t community = 0, hidden = 0;
	char title[BOARD_TITLE_SZ];
	sqlite3_stmt *st;
	bool found = false;
	int rc, r;

	st = DB_STMT(db, "SELECT p.community_id, p.hidden, t.title FROM posts p JOIN threads t "
	    "ON t.id = p.thread_id WHERE p.id = ? AND p.deleted = 0", post_id);
	if (st == NULL)
		return ERR_INTERNAL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = true;
		community = sqlite3_column_int64(st, 0);
		hidden = sqlite3_column_int64(st, 1);
		db_column_text(st, 2, title, sizeof title);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0)
		return r;
	if (!found)
		return ERR_STATE;
	if ((r = db_staff_require_mod(db, actor_id, community)) != 0)
		return r;
	if ((r = db_board_post_remove(db, post_id, reason)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE flags SET status = 'agreed', handled_by = nullif(?2, 0), "
	    "handled_at = ?3 WHERE kind = 'post' AND target_id = ?1 AND status = 'open'",
	    post_id, actor_id, db_now());
	if ((r = db_step_done(db, st, __func__)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE review_items SET status = 'agreed', handled_by = nullif(?2, 0), "
	    "handled_at = ?3, reason = ?4 WHERE kind = 'post' AND target_id = ?1 AND "
	    "status IN ('open', 'escalated')", post_id, actor_id, db_now(), 0);
	if (st != NULL)
		db_bind_text(st, 4, reason);
	if ((r = db_step_done(db, st, __func__)) != 0 ||
	    (r = notice_author(db, post_id, "removed", reason)) != 0)
		return r;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = "post.remove",
	    .community_id = community, .target_kind = "post", .target_id = post_id,
	    .target = title, .reason = reason, .before = post_state_word((int)hidden),
	    .after = "removed" });
}

int
db_review_remove_post(struct db *db, int64_t actor_id, int64_t post_id, const char *reason,
    const char **why)
{
	int r;

	if ((r = staff_check_reason(reason, why)) != 0)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	r = db_tx_end(db, remove_in_tx(db, actor_id, post_id, reason));
	if (r == ERR_STATE)
		*why = "That post is already deleted or removed.";
	else if (r == ERR_DENIED)
		*why = "You can only delete your own posts.";
	return r;
}

/* ---- the stale sweep ---- */

#define STALE_DUE "queue = 'community' AND status = 'open' AND stale_noticed = 0 AND " \
	"community_id IS NOT NULL AND created_at <= ?"
#define STALE_BATCH	64	/* communities per sweep; the rest wait for the next */

/* One notice per community with items past the cutoff to each of its
 * moderators (through db_notice_add, so their screens wake), and those
 * items marked told, under the sweep's write lock. */
static int
stale_in_tx(struct db *db, int64_t cutoff, int stale_hours)
{
	char text[320];
	int64_t coms[STALE_BATCH];
	sqlite3_stmt *st;
	size_t n = 0;
	int rc, r;

	st = DB_STMT(db, "SELECT DISTINCT community_id FROM review_items WHERE " STALE_DUE
	    " LIMIT 64", cutoff);
	if (st == NULL)
		return ERR_INTERNAL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < STALE_BATCH)
		coms[n++] = sqlite3_column_int64(st, 0);
	r = rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	snprintf(text, sizeof text, "Review queue: a flagged item has waited more than %d "
	    "hours for a moderator", stale_hours);
	for (size_t i = 0; r == 0 && i < n; i++) {
		st = DB_STMT(db, "UPDATE review_items SET stale_noticed = 1 WHERE community_id = ? "
		    "AND " STALE_DUE, coms[i], cutoff);
		if ((r = db_step_done(db, st, __func__)) != 0)
			break;
		st = DB_STMT(db, "SELECT user_id FROM community_moderators WHERE community_id = ?",
		    coms[i]);
		r = db_staff_notice_each(db, st, "moderation", text, __func__);
	}
	return r;
}

int
db_review_sweep(struct db *db, int64_t now, int stale_hours)
{
	sqlite3_stmt *st;
	int64_t due = 0;
	int r;

	if (stale_hours <= 0)
		return 0;
	/* Read first: every commit wakes every session, so write only when due. */
	st = DB_STMT(db, "SELECT EXISTS (SELECT 1 FROM review_items WHERE " STALE_DUE ")",
	    now - (int64_t)stale_hours * 3600);
	if ((r = db_step_int(db, st, &due, NULL, __func__)) != 0 || !due)
		return r;
	if ((r = db_begin(db)) != 0)
		return r;
	r = stale_in_tx(db, now - (int64_t)stale_hours * 3600, stale_hours);
	return db_tx_end(db, r);
}
