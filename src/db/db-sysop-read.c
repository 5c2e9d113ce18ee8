/* What the sysop's operations commands read: a member's export, the
 * counts of mentorbbs stats; see db-sysop.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-presence.h"
#include "db/db-sysop.h"
#include "lib/json.h"
#include "lib/xmalloc.h"

/* One part of the export: every row of sql (?1 is the member) as an
 * object keyed by column name. one: the part is a single object (or null),
 * not an array. */
struct export_part {
	const char *name;
	bool one;
	const char *sql;
};

static const struct export_part export_parts[] = {
	{ "member", true, "SELECT id, login, display_name, role, is_admin, status, email, "
	    "created_at, last_login_at, rules_accepted_at, role_verified_at, programs, "
	    "grad_year, specialty, subspecialty, position, institution, city, region, country, "
	    "topics, bio, open_to_mentoring, seeking_mentor, max_mentees FROM users "
	    "WHERE id = ?1" },
	{ "ssh_keys", false, "SELECT type, fingerprint, comment, created_at FROM ssh_keys "
	    "WHERE user_id = ?1 ORDER BY id" },
	{ "communities", false, "SELECT c.slug, c.name, m.joined_at FROM community_members m "
	    "JOIN communities c ON c.id = m.community_id WHERE m.user_id = ?1 ORDER BY c.slug" },
	{ "threads", false, "SELECT t.id, c.slug AS community, t.title, t.created_at FROM "
	    "threads t JOIN communities c ON c.id = t.community_id WHERE t.author_id = ?1 "
	    "ORDER BY t.id" },
	{ "posts", false, "SELECT id, thread_id, parent_id, body, created_at, edited_at, "
	    "deleted FROM posts WHERE author_id = ?1 ORDER BY id" },
	{ "messages", false, "SELECT m.conversation_id, s.login AS sender, CASE WHEN "
	    "c.user_a = ?1 THEN b.login ELSE a.login END AS with_member, m.body, m.created_at "
	    "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
	    "JOIN users s ON s.id = m.sender_id JOIN users a ON a.id = c.user_a "
	    "JOIN users b ON b.id = c.user_b WHERE c.user_a = ?1 OR c.user_b = ?1 "
	    "ORDER BY m.id" },
	{ "mentorships", false, "SELECT m.id, me.login AS mentee, mo.login AS mentor, "
	    "m.state, m.message, m.created_at FROM mentorships m JOIN users me ON "
	    "me.id = m.mentee_id JOIN users mo ON mo.id = m.mentor_id WHERE m.mentee_id = ?1 "
	    "OR m.mentor_id = ?1 ORDER BY m.id" },
	{ "mentor_checkins", false, "SELECT * FROM mentor_checkins WHERE author_id = ?1 "
	    "ORDER BY id" },
	{ "host_profile", true, "SELECT * FROM host_profiles WHERE user_id = ?1" },
	{ "host_requests", false, "SELECT * FROM host_requests WHERE host_id = ?1 OR "
	    "guest_id = ?1 ORDER BY id" },
	{ "host_references", false, "SELECT * FROM host_references WHERE author_id = ?1" },
	{ "notices", false, "SELECT * FROM notices WHERE user_id = ?1 ORDER BY id" },
	{ "blocks", false, "SELECT u.login AS blocked, b.created_at FROM blocks b JOIN users u "
	    "ON u.id = b.blocked_id WHERE b.blocker_id = ?1" },
	{ "bookmarks", false, "SELECT u.login AS mentor FROM mentor_bookmarks b JOIN users u "
	    "ON u.id = b.mentor_id WHERE b.user_id = ?1" },
	{ "sanctions", false, "SELECT kind, reason, created_at, ends_at, lifted_at FROM "
	    "sanctions WHERE user_id = ?1 ORDER BY id" },
	{ "drafts", false, "SELECT key, text, updated_at FROM drafts WHERE user_id = ?1" },
};

/* The current row as an object. */
static void
export_row(struct json *j, sqlite3_stmt *st)
{
	json_raw(j, "{");
	for (int c = 0; c < sqlite3_column_count(st); c++) {
		json_key(j, sqlite3_column_name(st, c));
		switch (sqlite3_column_type(st, c)) {
		case SQLITE_INTEGER:
			json_int(j, sqlite3_column_int64(st, c));
			break;
		case SQLITE_NULL:
			json_raw(j, "null");
			break;
		default:	/* text; nothing we store is a blob or a float */
			json_strn(j, (const char *)sqlite3_column_text(st, c),
			    (size_t)sqlite3_column_bytes(st, c));
			break;
		}
	}
	json_raw(j, "}");
}

static int
export_part(struct db *db, struct json *j, const struct export_part *p, int64_t user_id)
{
	sqlite3_stmt *st = DB_STMT(db, p->sql, user_id);
	bool any = false;
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	json_key(j, p->name);
	if (!p->one)
		json_raw(j, "[");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_sep(j);
		export_row(j, st);
		any = true;
		if (p->one)
			break;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	json_raw(j, p->one ? (any ? "" : "null") : "]");
	return r;
}

int
db_sysop_export(struct db *db, int64_t user_id, char **json)
{
	struct json j = { NULL, 0, 0 };
	int64_t n = 0;
	int r;

	/* One read transaction: the parts agree with each other. */
	if ((r = db_step_done(db, db_stmt(db, "BEGIN"), __func__)) != 0)
		return r;
	if ((r = db_step_int(db, DB_STMT(db, "SELECT count(*) FROM users WHERE id = ? AND "
	    "deleted_at IS NULL", user_id), &n, NULL, __func__)) == 0 && n == 0)
		r = ERR_NOTFOUND;
	json_raw(&j, "{");
	json_key(&j, "format");
	json_str(&j, "mentorbbs-export-1");
	json_key(&j, "exported_at");
	json_int(&j, db_now());
	for (size_t i = 0; r == 0 && i < sizeof export_parts / sizeof export_parts[0]; i++)
		r = export_part(db, &j, &export_parts[i], user_id);
	json_raw(&j, "}\n");
	db_rollback(db);	/* it only read */
	if (r != 0) {
		json_free(&j);
		return r;
	}
	*json = json_take(&j);
	return 0;
}

/* One family of counts: the fixed keys of words under prefix, from sql
 * (rows of word, count; ?1 unused) so a word with no rows counts 0. */
struct stat_family {
	const char *prefix;
	const char *const *words;
	const char *sql;
};

static const char *const role_words[] = { "alumni", "trainee", "student", NULL };
static const char *const status_words[] = { "active", "suspended", "pending", NULL };
static const char *const mentorship_words[] = { "requested", "active", "paused", "declined",
    "withdrawn", "expired", "ended", NULL };
static const char *const stay_words[] = { "requested", "tentative", "accepted", "confirmed",
    "declined", "cancelled", "expired", "completed", "noshow", NULL };
static const char *const total_word[] = { "total", NULL };

static const struct stat_family stat_families[] = {
	{ "members", total_word, "SELECT 'total', count(*) FROM users WHERE deleted_at IS NULL" },
	{ "members.alumni", status_words, "SELECT status, count(*) FROM users WHERE "
	    "deleted_at IS NULL AND role = 'alumni' GROUP BY status" },
	{ "members.trainee", status_words, "SELECT status, count(*) FROM users WHERE "
	    "deleted_at IS NULL AND role = 'trainee' GROUP BY status" },
	{ "members.student", status_words, "SELECT status, count(*) FROM users WHERE "
	    "deleted_at IS NULL AND role = 'student' GROUP BY status" },
	{ "members.role", role_words, "SELECT role, count(*) FROM users WHERE "
	    "deleted_at IS NULL GROUP BY role" },
	{ "members.former", total_word, "SELECT 'total', count(*) FROM users WHERE "
	    "deleted_at IS NOT NULL" },
	{ "threads", total_word, "SELECT 'total', count(*) FROM threads" },
	{ "posts", total_word, "SELECT 'total', count(*) FROM posts WHERE deleted = 0" },
	{ "messages", total_word, "SELECT 'total', count(*) FROM messages" },
	{ "mentorships", mentorship_words, "SELECT state, count(*) FROM mentorships "
	    "GROUP BY state" },
	{ "stays", stay_words, "SELECT state, count(*) FROM host_requests GROUP BY state" },
};

static void
stat_put(struct db_stat **out, size_t *n, size_t *cap, const char *prefix, const char *word,
    int64_t v)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	if (strcmp(word, "total") == 0)
		snprintf((*out)[*n].key, sizeof (*out)[*n].key, "%s", prefix);
	else
		snprintf((*out)[*n].key, sizeof (*out)[*n].key, "%s.%s", prefix, word);
	(*out)[*n].n = v;
	(*n)++;
}

static int
stat_family_read(struct db *db, const struct stat_family *f, struct db_stat **out,
    size_t *n, size_t *cap)
{
	sqlite3_stmt *st = db_stmt(db, f->sql);
	size_t first = *n;
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	for (size_t w = 0; f->words[w] != NULL; w++)
		stat_put(out, n, cap, f->prefix, f->words[w], 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *word = (const char *)sqlite3_column_text(st, 0);

		for (size_t w = 0; word != NULL && f->words[w] != NULL; w++)
			if (strcmp(word, f->words[w]) == 0)
				(*out)[first + w].n = sqlite3_column_int64(st, 1);
	}
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_sysop_stats(struct db *db, struct db_stat **out, size_t *n)
{
	struct db_stat *s = NULL;
	size_t k = 0, cap = 0;
	int64_t sessions = 0;
	int r = 0;

	for (size_t i = 0; r == 0 && i < sizeof stat_families / sizeof stat_families[0]; i++)
		r = stat_family_read(db, &stat_families[i], &s, &k, &cap);
	/* Live sessions: the presence rows of processes that still run. */
	if (r == 0 && (r = db_presence_count(db, &sessions)) == 0)
		stat_put(&s, &k, &cap, "sessions", "total", sessions);
	if (r != 0) {
		free(s);
		return r;
	}
	*out = s;
	*n = k;
	return 0;
}
