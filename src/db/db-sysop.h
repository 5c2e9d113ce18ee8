/* The sysop's changes to members from the command line (actor 0, "sysop"
 * in the audit log): passwords, keys, deleting a member, importing a
 * roster, kicking, and what the operations commands read (export, stats,
 * who). Every change is one transaction with its audit entry, guarded by
 * the state it was checked in: a former member (user delete) changes no
 * more (ERR_NOTFOUND, as if there were none). */
#ifndef DB_SYSOP_H
#define DB_SYSOP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"
#include "rules/user.h"

struct db;

/* A new password hash (hash NULL: keep the password) and, with expire,
 * the member must choose another at the next login. ERR_STATE when only
 * expire was asked and the member has no password (key-only). */
int db_sysop_passwd(struct db *db, int64_t user_id, const char *hash, bool expire);

/* Adds a parsed key. ERR_EXISTS: registered to someone (*owner_id set when
 * not NULL); ERR_INVALID: the member already has DB_KEY_MAX keys. */
int db_sysop_key_add(struct db *db, int64_t user_id, const struct authkey *k,
    int64_t *owner_id);
/* Removes the member's key with this fingerprint (ERR_NOTFOUND: none).
 * *locked_out: the member has no password, key or setup code left. */
int db_sysop_key_remove(struct db *db, int64_t user_id, const char *fingerprint,
    bool *locked_out);

/* What user delete did, table by table (docs/sysop.md). */
struct db_delete_report {
	int64_t keys, conversations, messages, host_requests, mentorships, notices;
	int64_t threads_kept, posts_kept;
};
/* Deletes a member: their keys, private conversations (both sides' copies,
 * with every message), host profile, stays, references, interviews,
 * mentorships, bookmarks, blocks, notices, drafts, memberships and staff
 * powers go; their posts and threads stay, shown as "former member"; the
 * users row stays as that former member (login "~ID", which nobody can
 * type or register, every profile field emptied, no way to log in), so
 * flags, sanctions and the audit log keep who they are about. Their
 * sessions end at once. The login becomes free for someone else. */
int db_sysop_delete(struct db *db, int64_t user_id, struct db_delete_report *rep);

/* A member's own data as one JSON object (account and profile without the
 * password hash, keys, communities, threads, posts, private messages of
 * their conversations, mentorships, check-ins they wrote, host profile,
 * stays, references, notices, blocks, bookmarks, sanctions, drafts).
 * *json is the caller's to free. */
int db_sysop_export(struct db *db, int64_t user_id, char **json);

/* One roster row for db_sysop_import_row. */
struct db_import_row {
	const struct member *m;		/* login, name, role, programs, grad_year */
	const char *email;
	const struct authkey *key;	/* NULL: no key */
	const char *code_hash;		/* hex SHA-256 of a one-time code, or NULL */
	int64_t code_until;
};
/* Creates one imported member (origin 'import', active, rules not yet
 * accepted), their key, and the audit entry, inside the caller's
 * transaction. A setup code also marks the password expired, so the
 * member sets one at once. ERR_EXISTS with *why: login, display name or
 * key taken; ERR_INVALID with *why: a value the rules refuse. */
int db_sysop_import_row(struct db *db, const struct db_import_row *row, int64_t *id,
    const char **why);

/* Savepoints for the importer: one per row, inside db_begin's transaction,
 * so a refused row is undone alone. */
int db_savepoint(struct db *db);
int db_savepoint_release(struct db *db);
void db_savepoint_rollback(struct db *db);

/* Ends the member's live sessions: kicked_at = now, which every UI
 * process of theirs that started at or before it reads as its end (on the
 * wake-up this sends, or within a second). *sessions: how many there
 * were. */
int db_sysop_kick(struct db *db, int64_t user_id, int64_t *sessions);

/* One counted thing of mentorbbs stats: key is "members.alumni.active",
 * "sessions", "mentorships.active", ... */
struct db_stat {
	char key[48];
	int64_t n;
};
/* Every count, in a fixed order (zero rows included). *out is the
 * caller's to free. */
int db_sysop_stats(struct db *db, struct db_stat **out, size_t *n);

/* Refuses to let seed-demo write into a real community: *real is the
 * number of members (not former ones) seed-demo did not make. */
int db_sysop_real_members(struct db *db, int64_t *real);

#endif
