/* Members in SQLite, and who may change them; see db-user.h. Their SSH
 * keys are in db-key.c. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-sanction.h"
#include "db/db-staff-internal.h"
#include "db/db-user.h"
#include "lib/xmalloc.h"

static const char *const role_names[] = { "alumni", "trainee", "student" };
static const char *const status_names[] = { "active", "suspended", "pending" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Index of s in words, or -1. */
static int
word_index(const char *const *words, size_t n, const char *s)
{
	for (size_t i = 0; s != NULL && i < n; i++)
		if (strcmp(s, words[i]) == 0)
			return (int)i;
	return -1;
}

/* words[i], or "unknown" past the end. */
static const char *
word_at(const char *const *words, size_t n, unsigned i)
{
	return i < n ? words[i] : "unknown";
}

int
member_role_parse(const char *s, enum role *out)
{
	int i = word_index(role_names, NELEM(role_names), s);

	if (i >= 0)
		*out = (enum role)i;
	return i >= 0 ? 0 : ERR_INVALID;
}

const char *
member_role_name(enum role r)
{
	return word_at(role_names, NELEM(role_names), (unsigned)r);
}

int
member_status_parse(const char *s, enum member_status *out)
{
	int i = word_index(status_names, NELEM(status_names), s);

	if (i >= 0)
		*out = (enum member_status)i;
	return i >= 0 ? 0 : ERR_INVALID;
}

const char *
member_status_name(enum member_status s)
{
	return word_at(status_names, NELEM(status_names), (unsigned)s);
}

static bool
role_valid(enum role r)
{
	return (unsigned)r < NELEM(role_names);
}

static bool
status_valid(enum member_status s)
{
	return (unsigned)s < NELEM(status_names);
}

/* The column order row_to_member reads. */
#define USER_COLS \
	"id, login, display_name, role, is_admin, status, created_at, " \
	"coalesce(last_login_at, 0), rules_accepted_at IS NOT NULL, " \
	"programs, grad_year, specialty, subspecialty, position, institution, " \
	"city, region, country, topics, bio, open_to_mentoring, seeking_mentor, " \
	"max_mentees, pw_expired, coalesce(kicked_at, 0)"

static void
row_to_member(sqlite3_stmt *st, struct member *m)
{
	char word[16];

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, m->login, sizeof m->login);
	db_column_text(st, 2, m->name, sizeof m->name);
	/* The CHECK constraints keep these words valid; an unknown one reads
	 * as the least privileged value rather than failing the whole list. */
	db_column_text(st, 3, word, sizeof word);
	if (member_role_parse(word, &m->role) != 0)
		m->role = ROLE_STUDENT;
	m->is_admin = sqlite3_column_int(st, 4) != 0;
	db_column_text(st, 5, word, sizeof word);
	if (member_status_parse(word, &m->status) != 0)
		m->status = STATUS_SUSPENDED;
	m->created_at = sqlite3_column_int64(st, 6);
	m->last_login_at = sqlite3_column_int64(st, 7);
	m->rules_accepted = sqlite3_column_int(st, 8) != 0;
	db_column_text(st, 9, m->programs, sizeof m->programs);
	m->grad_year = sqlite3_column_int(st, 10);
	db_column_text(st, 11, m->specialty, sizeof m->specialty);
	db_column_text(st, 12, m->subspecialty, sizeof m->subspecialty);
	db_column_text(st, 13, m->position, sizeof m->position);
	db_column_text(st, 14, m->institution, sizeof m->institution);
	db_column_text(st, 15, m->city, sizeof m->city);
	db_column_text(st, 16, m->region, sizeof m->region);
	db_column_text(st, 17, m->country, sizeof m->country);
	db_column_text(st, 18, m->topics, sizeof m->topics);
	db_column_text(st, 19, m->bio, sizeof m->bio);
	m->open_to_mentoring = sqlite3_column_int(st, 20) != 0;
	m->seeking_mentor = sqlite3_column_int(st, 21) != 0;
	m->max_mentees = sqlite3_column_int(st, 22);
	m->pw_expired = sqlite3_column_int(st, 23) != 0;
	m->kicked_at = sqlite3_column_int64(st, 24);
}

/* Binds the display name, role and profile of m to the sixteen parameters
 * first..first+15, in the column order the INSERT and UPDATE below share. */
static void
bind_profile(sqlite3_stmt *st, int first, const struct member *m)
{
	db_bind_text(st, first + 0, m->name);
	db_bind_text(st, first + 1, member_role_name(m->role));
	db_bind_text(st, first + 2, m->programs);
	sqlite3_bind_int(st, first + 3, m->grad_year);
	db_bind_text(st, first + 4, m->specialty);
	db_bind_text(st, first + 5, m->subspecialty);
	db_bind_text(st, first + 6, m->position);
	db_bind_text(st, first + 7, m->institution);
	db_bind_text(st, first + 8, m->city);
	db_bind_text(st, first + 9, m->region);
	db_bind_text(st, first + 10, m->country);
	db_bind_text(st, first + 11, m->topics);
	db_bind_text(st, first + 12, m->bio);
	sqlite3_bind_int(st, first + 13, m->open_to_mentoring);
	sqlite3_bind_int(st, first + 14, m->seeking_mentor);
	sqlite3_bind_int(st, first + 15, m->max_mentees);
}

/* True if every string of m is terminated inside its buffer. */
static bool
member_terminated(const struct member *m)
{
	return memchr(m->login, 0, sizeof m->login) && memchr(m->name, 0, sizeof m->name) &&
	    memchr(m->programs, 0, sizeof m->programs) &&
	    memchr(m->specialty, 0, sizeof m->specialty) &&
	    memchr(m->subspecialty, 0, sizeof m->subspecialty) &&
	    memchr(m->position, 0, sizeof m->position) &&
	    memchr(m->institution, 0, sizeof m->institution) &&
	    memchr(m->city, 0, sizeof m->city) && memchr(m->region, 0, sizeof m->region) &&
	    memchr(m->country, 0, sizeof m->country) &&
	    memchr(m->topics, 0, sizeof m->topics) && memchr(m->bio, 0, sizeof m->bio);
}

int
db_user_create(struct db *db, const struct member *m, const char *pw_hash, int64_t *id)
{
	sqlite3_stmt *st;
	int64_t now = db_now();
	int r;

	if (!member_terminated(m) || !role_valid(m->role) || !status_valid(m->status))
		return ERR_INVALID;
	st = db_stmt(db, "INSERT INTO users (display_name, role, programs, grad_year, "
	    "specialty, subspecialty, position, institution, city, region, country, "
	    "topics, bio, open_to_mentoring, seeking_mentor, max_mentees, "
	    "login, is_admin, status, pw_hash, created_at, rules_accepted_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	    "?17, ?18, ?19, ?20, ?21, ?22)");
	if (st == NULL)
		return ERR_INTERNAL;
	bind_profile(st, 1, m);
	db_bind_text(st, 17, m->login);
	sqlite3_bind_int(st, 18, m->is_admin);
	db_bind_text(st, 19, member_status_name(m->status));
	db_bind_text(st, 20, pw_hash != NULL && *pw_hash != '\0' ? pw_hash : NULL);
	sqlite3_bind_int64(st, 21, now);
	if (m->rules_accepted)
		sqlite3_bind_int64(st, 22, now);
	r = db_step_done(db, st, __func__);
	if (r == 0)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return r;
}

/* Runs a SELECT USER_COLS statement with one row expected. */
static int
user_get_one(struct db *db, sqlite3_stmt *st, struct member *out)
{
	struct member *m;
	int rc, r;

	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* Read into a copy so *out is untouched on failure. */
		m = xmalloc(sizeof *m);
		row_to_member(st, m);
		*out = *m;
		free(m);
		r = ERR_OK;
	} else if (rc == SQLITE_DONE)
		r = ERR_NOTFOUND;
	else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_user_get(struct db *db, int64_t id, struct member *out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " USER_COLS " FROM users WHERE id = ?");

	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	return user_get_one(db, st, out);
}

int
db_user_get_by_login(struct db *db, const char *login, struct member *out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " USER_COLS " FROM users WHERE login = ?");

	if (st != NULL)
		db_bind_text(st, 1, login);
	return user_get_one(db, st, out);
}

/* Admin rights count only while the admin's account is active. Returns
 * 0 and *yes (false for no such member), or the read's error. */
static int
user_is_admin(struct db *db, int64_t id, bool *yes)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	int r;

	st = db_stmt(db, "SELECT is_admin = 1 AND status = 'active' FROM users WHERE id = ?");
	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	if ((r = db_step_int(db, st, &v, NULL, __func__)) == 0)
		*yes = v != 0;
	return r;
}

/* See db-internal.h. */
int
db_user_may(struct db *db, int64_t actor_id, int64_t owner_id, bool cli_ok)
{
	bool admin = false;
	int r;

	if (actor_id == 0)
		return cli_ok ? ERR_OK : ERR_DENIED;
	if (actor_id < 0)
		return ERR_DENIED;
	if (actor_id == owner_id)
		return 0;
	if ((r = user_is_admin(db, actor_id, &admin)) != 0)
		return r;
	return admin ? ERR_OK : ERR_DENIED;
}

int
db_user_name_taken(struct db *db, const char *name, int64_t except_id, bool *taken)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int r;

	st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM users WHERE "
	    "display_name = ?1 COLLATE NOCASE AND id <> ?2)");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, except_id);
	if ((r = db_step_int(db, st, &n, NULL, __func__)) == 0)
		*taken = n != 0;
	return r;
}

int
db_user_may_post(struct db *db, int64_t actor_id)
{
	sqlite3_stmt *st;
	int rc, r;

	if (actor_id <= 0)
		return ERR_DENIED;
	st = DB_STMT(db, "SELECT status = 'active' AND rules_accepted_at IS NOT NULL "
	    "FROM users WHERE id = ?", actor_id);
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		r = sqlite3_column_int(st, 0) != 0 ? ERR_OK : ERR_DENIED;
	else
		r = rc == SQLITE_DONE ? ERR_DENIED : db_result(db, rc, __func__);
	db_stmt_done(db, st);
	/* A silence (or worse) anywhere stops posting, messages and requests. */
	return r != 0 ? r : db_sanction_may_speak(db, actor_id, 0);
}

int
db_user_pwhash(struct db *db, int64_t id, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;
	const char *h;
	int rc, r;

	if ((st = db_stmt(db, "SELECT coalesce(pw_hash, '') FROM users WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h = (const char *)sqlite3_column_text(st, 0);
		if (h != NULL && strlen(h) < bufsz) {
			memcpy(buf, h, strlen(h) + 1);
			r = ERR_OK;
		} else
			r = ERR_INTERNAL;
	} else if (rc == SQLITE_DONE)
		r = ERR_NOTFOUND;
	else
		r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_user_set_pwhash(struct db *db, int64_t actor_id, int64_t id, const char *hash)
{
	sqlite3_stmt *st;
	int r;

	if ((r = db_user_may(db, actor_id, id, false)) != 0)
		return r;
	if ((st = db_stmt(db, "UPDATE users SET pw_hash = ? WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, hash != NULL && *hash != '\0' ? hash : NULL);
	sqlite3_bind_int64(st, 2, id);
	return db_step_changed(db, st, __func__);
}

int
db_user_setup_code(struct db *db, int64_t id, char hex[65])
{
	sqlite3_stmt *st;
	int rc, r;

	st = DB_STMT(db, "SELECT coalesce(setup_code_hash, '') FROM users WHERE id = ?1 AND "
	    "deleted_at IS NULL AND coalesce(setup_code_until, 0) > ?2", id, db_now());
	if (st == NULL)
		return ERR_INTERNAL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_text(st, 0, hex, 65);
	else
		hex[0] = '\0';
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	return r;
}

int
db_user_set_password_hash(struct db *db, int64_t actor_id, int64_t id, const char *hash,
    bool expired)
{
	sqlite3_stmt *st;
	int r;

	if (hash == NULL || *hash == '\0')
		return ERR_INVALID;
	if ((r = db_user_may(db, actor_id, id, true)) != 0)
		return r;
	st = DB_STMT(db, "UPDATE users SET pw_hash = ?2, pw_expired = ?3, setup_code_hash = NULL, "
	    "setup_code_until = NULL WHERE id = ?1 AND deleted_at IS NULL", id);
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 2, hash);
	sqlite3_bind_int(st, 3, expired);
	return db_step_changed(db, st, __func__);
}

int
db_user_update_profile(struct db *db, int64_t actor_id, const struct member *m)
{
	sqlite3_stmt *st;
	int64_t exists = 0;
	bool admin = false;
	int r;

	if (!member_terminated(m) || !role_valid(m->role))
		return ERR_INVALID;
	if ((r = db_user_may(db, actor_id, m->id, false)) != 0 ||
	    (r = user_is_admin(db, actor_id, &admin)) != 0)
		return r;
	/* The role is verified by the admins: a member's own save may keep it,
	 * never change it (that is a request, db-admin.h). One statement checks
	 * and writes, so no admin decision can slip in between. */
	st = db_stmt(db, "UPDATE users SET display_name = ?1, role = ?2, programs = ?3, "
	    "grad_year = ?4, specialty = ?5, subspecialty = ?6, position = ?7, "
	    "institution = ?8, city = ?9, region = ?10, country = ?11, topics = ?12, "
	    "bio = ?13, open_to_mentoring = ?14, seeking_mentor = ?15, max_mentees = ?16 "
	    "WHERE id = ?17 AND (?18 OR role = ?2)");
	if (st == NULL)
		return ERR_INTERNAL;
	bind_profile(st, 1, m);
	sqlite3_bind_int64(st, 17, m->id);
	sqlite3_bind_int(st, 18, admin);
	if ((r = db_step_changed(db, st, __func__)) != ERR_NOTFOUND)
		return r;
	st = DB_STMT(db, "SELECT count(*) FROM users WHERE id = ?", m->id);
	if ((r = db_step_int(db, st, &exists, NULL, __func__)) != 0)
		return r;
	return exists ? ERR_DENIED : ERR_NOTFOUND;
}

/* Admin-only changes share the check (the CLI, 0, or an active admin)
 * and the audit entry (actor "sysop" for the CLI), written in the caller's
 * transaction when there is one (user set makes one for all its changes). */
static int
user_admin_change(struct db *db, int64_t actor_id, sqlite3_stmt *st, const char *func,
    const char *action, int64_t id, const char *after)
{
	int r;

	if ((r = db_user_may(db, actor_id, -1, true)) != 0) {
		db_stmt_done(db, st);
		return r;
	}
	if ((r = db_step_changed(db, st, func)) != 0)
		return r;
	return db_audit_record(db, actor_id, &(struct audit_add){ .action = action,
	    .target_kind = "member", .target_id = id, .after = after });
}

int
db_user_set_status(struct db *db, int64_t actor_id, int64_t id, enum member_status s)
{
	sqlite3_stmt *st;
	int r;

	if (!status_valid(s))
		return ERR_INVALID;
	if ((st = db_stmt(db, "UPDATE users SET status = ? WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, member_status_name(s));
	sqlite3_bind_int64(st, 2, id);
	if ((r = user_admin_change(db, actor_id, st, __func__, "member.status", id,
	    member_status_name(s))) == 0)
		db_wake_member(db, id);	/* a suspension ends their session at once */
	return r;
}

int
db_user_set_role(struct db *db, int64_t actor_id, int64_t id, enum role ro)
{
	sqlite3_stmt *st;

	if (!role_valid(ro))
		return ERR_INVALID;
	/* Students do not mentor: becoming one closes mentoring. */
	st = db_stmt(db, "UPDATE users SET role = ?1, "
	    "open_to_mentoring = (open_to_mentoring AND ?1 <> 'student') WHERE id = ?2");
	if (st == NULL)
		return ERR_INTERNAL;
	db_bind_text(st, 1, member_role_name(ro));
	sqlite3_bind_int64(st, 2, id);
	return user_admin_change(db, actor_id, st, __func__, "member.role", id,
	    member_role_name(ro));
}

int
db_user_set_admin(struct db *db, int64_t actor_id, int64_t id, bool admin)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, "UPDATE users SET is_admin = ? WHERE id = ?")) == NULL)
		return ERR_INTERNAL;
	sqlite3_bind_int(st, 1, admin);
	sqlite3_bind_int64(st, 2, id);
	return user_admin_change(db, actor_id, st, __func__, "member.admin", id,
	    admin ? "admin" : "not admin");
}

int
db_user_set_rules_accepted(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "UPDATE users SET rules_accepted_at = ? WHERE id = ?",
	    db_now(), id);
	return db_step_changed(db, st, __func__);
}

int
db_user_touch_login(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	st = DB_STMT(db, "UPDATE users SET last_login_at = ? WHERE id = ?", db_now(), id);
	return db_step_changed(db, st, __func__);
}
/* db_collect's row reader. */
static void
member_elem(sqlite3_stmt *st, void *elem)
{
	row_to_member(st, elem);
}

int
db_user_list(struct db *db, struct member **out, size_t *n)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int r;

	if ((st = db_stmt(db, "SELECT " USER_COLS " FROM users WHERE deleted_at IS NULL "
	    "ORDER BY login")) == NULL)
		return ERR_INTERNAL;
	if ((r = db_collect(db, st, sizeof **out, member_elem, &rows, n, __func__)) == 0)
		*out = rows;
	return r;
}

int
db_user_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, "SELECT count(*) FROM users WHERE deleted_at IS NULL")) == NULL)
		return ERR_INTERNAL;
	return db_step_int(db, st, n, NULL, __func__);
}
