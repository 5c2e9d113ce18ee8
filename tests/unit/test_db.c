/* The data layer's handle: open, migrations, seed, data_version, check,
 * backup and the statement cache. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-internal.h"
#include "db/db-mentor.h"
#include "db/db-notice.h"
#include "db/db-user.h"
#include "db/sqlembed.h"

static int
latest_version(void)
{
	int v = 0;

	for (const struct sql_script *s = sql_migrations; s->name != NULL; s++)
		if (s->version > v)
			v = s->version;
	return v;
}

/* One integer from SQL the test writes itself (not the code under test). */
static int64_t
query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

TEST(db_open_memory_migrates_and_seeds)
{
	struct db *db = NULL;
	char err[256];

	CHECK_INT(db_open(":memory:", &db, err, sizeof err), 0);
	CHECK(latest_version() >= 1);
	CHECK_INT(db_schema_version(db), latest_version());
	CHECK_INT(query_int(db, "SELECT count(*) FROM communities WHERE kind = 'region'"), 10);
	CHECK_INT(query_int(db, "SELECT count(*) FROM communities WHERE kind = 'career'"), 9);
	CHECK_INT(query_int(db, "SELECT count(*) FROM communities WHERE description = ''"), 0);
	CHECK_INT(query_int(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(query_int(db, "SELECT count(*) FROM users"), 0);
	db_close(db);
	db_close(NULL);
}

TEST(db_open_file_creates_parent_and_reopens_idempotently)
{
	struct db *db = NULL;
	char err[256];
	const char *dir, *path;
	struct stat sb;
	sqlite3_stmt *st = NULL;

	CHECK((dir = fx_tmpdir()) != NULL);
	path = fx_path(dir, "a/b/bbs.db");
	CHECK_INT(db_open(path, &db, err, sizeof err), 0);
	CHECK(stat(path, &sb) == 0);
	CHECK(sqlite3_prepare_v2(db_sqlite(db), "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	/* FULL (2): a commit a member saw is on disk, power loss or not. */
	CHECK_INT(query_int(db, "PRAGMA synchronous"), 2);
	CHECK(fx_member(db, "alice", ROLE_ALUMNI) > 0);
	db_close(db);

	for (int i = 0; i < 2; i++) {
		db = NULL;
		CHECK_INT(db_open(path, &db, err, sizeof err), 0);
		CHECK_INT(db_schema_version(db), latest_version());
		/* Seeds ran once, on creation only. */
		CHECK_INT(query_int(db, "SELECT count(*) FROM communities"), 19);
		CHECK_INT(query_int(db, "SELECT count(*) FROM users WHERE login = 'alice'"), 1);
		db_close(db);
	}
}

TEST(db_open_refuses_newer_schema_and_foreign_files)
{
	struct db *db = NULL;
	sqlite3 *raw = NULL;
	char err[256] = "";
	const char *dir, *path, *junk, *other;
	static const char not_sqlite[] =
	    "this is not a database, just some text that is long enough ......"
	    "...............................................................\n";

	CHECK((dir = fx_tmpdir()) != NULL);
	path = fx_path(dir, "newer.db");
	CHECK_INT(db_open(path, &db, err, sizeof err), 0);
	CHECK(sqlite3_exec(db_sqlite(db), "PRAGMA user_version = 999", NULL, NULL, NULL) ==
	    SQLITE_OK);
	db_close(db);
	db = NULL;
	CHECK_INT(db_open(path, &db, err, sizeof err), ERR_INTERNAL);
	CHECK(db == NULL);
	CHECK(strstr(err, "newer") != NULL);

	/* A file that is not SQLite at all. */
	junk = fx_path(dir, "junk.db");
	CHECK(fx_write(junk, not_sqlite, sizeof not_sqlite - 1));
	CHECK_INT(db_open(junk, &db, err, sizeof err), ERR_INTERNAL);
	CHECK(err[0] != '\0');

	/* Someone else's SQLite database is not migrated over. */
	other = fx_path(dir, "other.db");
	CHECK(sqlite3_open(other, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "CREATE TABLE t (x)", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	CHECK_INT(db_open(other, &db, err, sizeof err), ERR_INTERNAL);
	CHECK(strstr(err, "not a mentorbbs database") != NULL);

	CHECK_INT(db_open("", &db, err, sizeof err), ERR_INTERNAL);
}

TEST(db_data_version_changes_on_other_connection_commit)
{
	struct db *a = NULL, *b = NULL;
	char err[256];
	const char *dir, *path;
	int64_t v1, v2, v3;

	CHECK((dir = fx_tmpdir()) != NULL);
	path = fx_path(dir, "dv.db");
	CHECK_INT(db_open(path, &a, err, sizeof err), 0);
	CHECK_INT(db_open(path, &b, err, sizeof err), 0);
	v1 = db_data_version(a);
	CHECK(v1 >= 0);
	CHECK_INT(db_data_version(a), v1);	/* steady when nothing happens */
	CHECK(fx_member(b, "bob", ROLE_ALUMNI) > 0);
	v2 = db_data_version(a);
	CHECK(v2 != v1);
	/* A's own writes do not count: it already knows. */
	CHECK(fx_member(a, "carol", ROLE_ALUMNI) > 0);
	v3 = db_data_version(a);
	CHECK_INT(v3, v2);
	db_close(a);
	db_close(b);
}

TEST(db_check_ok_and_finds_broken_foreign_key)
{
	struct db *db = fx_db();
	char msg[256];

	CHECK(db != NULL);
	CHECK_INT(db_check(db, msg, sizeof msg), 0);
	CHECK_STR(msg, "ok");
	/* Break a reference behind the data layer's back. */
	CHECK(sqlite3_exec(db_sqlite(db), "PRAGMA foreign_keys = OFF; "
	    "INSERT INTO ssh_keys (user_id, type, blob_b64, fingerprint, created_at) "
	    "VALUES (42, 'ssh-ed25519', 'AAAA', 'SHA256:x', 0)", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(db_check(db, msg, sizeof msg), ERR_INTERNAL);
	CHECK(strstr(msg, "ssh_keys") != NULL);
}

TEST(db_backup_copies_and_refuses_existing_file)
{
	struct db *db = NULL, *copy = NULL;
	struct member *m = calloc(1, sizeof *m);
	char err[256], msg[256];
	const char *dir, *src, *dest;
	struct stat sb;

	CHECK(m != NULL);
	CHECK((dir = fx_tmpdir()) != NULL);
	src = fx_path(dir, "live.db");
	dest = fx_path(dir, "backup.db");
	CHECK_INT(db_open(src, &db, err, sizeof err), 0);
	CHECK(fx_member_with(db, "alice", ROLE_ALUMNI, &(struct fx_who){ .name = "Alice Ng" }) > 0);
	CHECK(fx_member_with(db, "bob", ROLE_ALUMNI, &(struct fx_who){ .name = "Bob Roy" }) > 0);
	CHECK_INT(db_backup(db, dest, err, sizeof err), 0);
	CHECK(stat(dest, &sb) == 0);
	CHECK_INT(sb.st_mode & 077, 0);		/* holds password hashes */

	CHECK_INT(db_backup(db, dest, err, sizeof err), ERR_EXISTS);
	CHECK(strstr(err, "exists") != NULL);
	db_close(db);			/* db_open's, not a fixture's */

	CHECK_INT(db_open(dest, &copy, err, sizeof err), 0);
	CHECK_INT(db_check(copy, msg, sizeof msg), 0);
	CHECK_INT(db_user_get_by_login(copy, "alice", m), 0);
	CHECK_STR(m->name, "Alice Ng");
	CHECK_INT(db_user_get_by_login(copy, "bob", m), 0);
	CHECK_INT(query_int(copy, "SELECT count(*) FROM communities"), 19);
	db_close(copy);

	/* An unwritable destination fails cleanly and leaves nothing. */
	CHECK((db = fx_db()) != NULL);
	CHECK_INT(db_backup(db, fx_path(dir, "no/such/dir/x.db"), err, sizeof err), ERR_INTERNAL);
	free(m);
}

TEST(db_now_can_be_pinned)
{
	db_set_now_for_tests(1700000000);
	CHECK_INT(db_now(), 1700000000);
	db_set_now_for_tests(0);
	CHECK(db_now() > 1700000000);
}

TEST(db_stmt_cache_hands_out_a_private_copy_when_busy)
{
	struct db *db = fx_db();
	sqlite3_stmt *a, *b, *c;

	CHECK(db != NULL);
	a = db_stmt(db, "SELECT 1");
	b = db_stmt(db, "SELECT 1");
	CHECK(a != NULL && b != NULL && a != b);
	CHECK(sqlite3_step(a) == SQLITE_ROW);
	CHECK(sqlite3_step(b) == SQLITE_ROW);
	db_stmt_done(db, b);
	db_stmt_done(db, a);
	c = db_stmt(db, "SELECT 1");
	CHECK(c == a);				/* the cached one is free again */
	db_stmt_done(db, c);
	CHECK(db_stmt(db, "SELECT nonsense FROM nowhere") == NULL);
}

TEST(db_transactions_roll_back)
{
	struct db *db = fx_db();

	CHECK(db != NULL);
	CHECK_INT(db_begin(db), 0);
	CHECK(fx_member(db, "dana", ROLE_ALUMNI) > 0);
	db_rollback(db);
	CHECK_INT(query_int(db, "SELECT count(*) FROM users"), 0);
	CHECK_INT(db_begin(db), 0);
	CHECK(fx_member(db, "dana", ROLE_ALUMNI) > 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(query_int(db, "SELECT count(*) FROM users"), 1);
	db_rollback(db);			/* no transaction: harmless */
}

/* Two connections to one file; a waits at most 20 ms for a lock. */
static int
open_pair(struct db **a, struct db **b, const char *name)
{
	const char *dir = fx_tmpdir(), *path;
	char err[256];

	if (dir == NULL)
		return -1;
	path = fx_path(dir, name);
	if (db_open(path, a, err, sizeof err) != 0 || db_open(path, b, err, sizeof err) != 0)
		return -1;
	sqlite3_busy_timeout(db_sqlite(*a), 20);
	return 0;
}

TEST(db_busy_past_the_timeout_is_err_busy)
{
	struct db *a = NULL, *b = NULL;

	CHECK_INT(open_pair(&a, &b, "busy.db"), 0);
	CHECK_INT(db_begin(b), 0);		/* b holds the write lock */
	CHECK_INT(db_begin(a), ERR_BUSY);
	CHECK(sqlite3_get_autocommit(db_sqlite(a)));	/* nothing left open */
	db_rollback(b);
	CHECK_INT(db_begin(a), 0);		/* free again: a goes ahead */
	db_rollback(a);
	db_close(a);
	db_close(b);
}

TEST(db_commit_that_fails_rolls_back)
{
	struct db *db = NULL;
	char err[256];

	CHECK_INT(db_open(":memory:", &db, err, sizeof err), 0);
	CHECK_INT(db_begin(db), 0);
	/* A foreign key checked only at COMMIT: the commit fails. */
	CHECK(sqlite3_exec(db_sqlite(db), "PRAGMA defer_foreign_keys = ON; "
	    "INSERT INTO ssh_keys (user_id, type, blob_b64, fingerprint, created_at) "
	    "VALUES (42, 'ssh-ed25519', 'AAAA', 'SHA256:x', 0)", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(db_commit(db), ERR_NOTFOUND);
	CHECK(sqlite3_get_autocommit(db_sqlite(db)));
	CHECK_INT(query_int(db, "SELECT count(*) FROM ssh_keys"), 0);
	CHECK_INT(db_begin(db), 0);		/* the next transaction can start */
	db_rollback(db);
	db_close(db);
}

/* Fault injection for reads: the authorizer refuses one column, so only
 * the statements that read it fail (at prepare, or when a cached one is
 * prepared again: setting an authorizer expires every statement). */
static const char *deny_table, *deny_column;

static int
deny_cb(void *ud, int action, const char *table, const char *column, const char *dbname,
    const char *trigger)
{
	(void)ud;
	(void)dbname;
	(void)trigger;
	if (action == SQLITE_READ && table != NULL && column != NULL &&
	    strcmp(table, deny_table) == 0 && strcmp(column, deny_column) == 0)
		return SQLITE_DENY;
	return SQLITE_OK;
}

static void
deny_read(struct db *db, const char *table, const char *column)
{
	deny_table = table;
	deny_column = column;
	sqlite3_set_authorizer(db_sqlite(db), table != NULL ? deny_cb : NULL, NULL);
}

TEST(db_failed_reads_leave_out_parameters_alone)
{
	struct db *db = NULL;
	struct notice newest = { .id = 77 };
	char err[256];
	int64_t id, count = 77;
	bool ask = true;

	CHECK_INT(db_open(":memory:", &db, err, sizeof err), 0);
	CHECK((id = fx_member(db, "dana", ROLE_ALUMNI)) > 0);
	CHECK_INT(db_notice_add(db, id, "board", "Bob replied"), 0);
	/* The count reads no kind; the newest notice does, after it. */
	deny_read(db, "notices", "kind");
	CHECK(db_notice_unseen(db, id, &count, &newest) != 0);
	CHECK_INT(count, 77);
	CHECK_INT(newest.id, 77);
	deny_read(db, "mentor_stats", "confirmed_at");
	CHECK(db_mentor_needs_confirm(db, id, db_now(), &ask) != 0);
	CHECK(ask);
	deny_read(db, NULL, NULL);
	CHECK_INT(db_notice_unseen(db, id, &count, &newest), 0);
	CHECK_INT(count, 1);
	CHECK_STR(newest.text, "Bob replied");
	CHECK_INT(db_mentor_needs_confirm(db, id, db_now(), &ask), 0);
	CHECK(!ask);				/* not open to mentoring */
	db_close(db);
}

/* Three hundred distinct statements, "SELECT 100" to "SELECT 399", each a
 * literal of its own: more than the 64 slots the cache once had, and more
 * than its index starts with room for (256), so it has to grow. */
#define STMT_D(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", p "9"
#define STMT_C(p) STMT_D(p "0"), STMT_D(p "1"), STMT_D(p "2"), STMT_D(p "3"), \
	STMT_D(p "4"), STMT_D(p "5"), STMT_D(p "6"), STMT_D(p "7"), STMT_D(p "8"), STMT_D(p "9")
static const char *const many_stmts[] = {
	STMT_C("SELECT 1"), STMT_C("SELECT 2"), STMT_C("SELECT 3"),
};
#define MANY_STMTS (sizeof many_stmts / sizeof many_stmts[0])

/* Statements alive on the connection (cached ones stay prepared). */
static int
live_stmts(struct db *db)
{
	int n = 0;

	for (sqlite3_stmt *st = NULL; (st = sqlite3_next_stmt(db_sqlite(db), st)) != NULL;)
		n++;
	return n;
}

TEST(db_stmt_cache_holds_every_statement_and_prepares_each_once)
{
	static sqlite3_stmt *first[MANY_STMTS];
	struct db *db = NULL;
	char err[256];
	int before;

	CHECK_INT(MANY_STMTS, 300);
	CHECK_INT(db_open(":memory:", &db, err, sizeof err), 0);
	before = live_stmts(db);
	for (size_t i = 0; i < MANY_STMTS; i++) {
		CHECK((first[i] = db_stmt(db, many_stmts[i])) != NULL);
		CHECK(sqlite3_step(first[i]) == SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(first[i], 0), 100 + (int)i);
		db_stmt_done(db, first[i]);
	}
	CHECK_INT(live_stmts(db), before + 300);	/* all kept, none finalized */
	for (size_t i = 0; i < MANY_STMTS; i++) {
		sqlite3_stmt *st = db_stmt(db, many_stmts[i]);

		CHECK(st == first[i]);			/* the cached handle, not a new one */
		db_stmt_done(db, st);
	}
	CHECK_INT(live_stmts(db), before + 300);
	db_close(db);
}

/* A password check that cannot read the hash says so: it is not a wrong
 * password, and changing the password says why. */
TEST(db_account_password_check_tells_a_failed_read_from_a_wrong_password)
{
	struct db *db = NULL;
	const char *why = NULL;
	char err[256];
	int64_t id;

	CHECK_INT(db_open(":memory:", &db, err, sizeof err), 0);
	CHECK((id = fx_member(db, "dana", ROLE_ALUMNI)) > 0);
	CHECK_INT(db_account_password_check(db, id, "anything at all"), ERR_AUTH);	/* key-only */
	CHECK_INT(db_account_set_password(db, id, id, "a long enough password", &why), 0);
	CHECK_INT(db_account_password_check(db, id, "a long enough password"), 0);
	CHECK_INT(db_account_password_check(db, id, "not the password at all"), ERR_AUTH);
	CHECK_INT(db_account_password_check(db, id + 1, "a long enough password"), ERR_AUTH);
	deny_read(db, "users", "pw_hash");
	CHECK_INT(db_account_password_check(db, id, "a long enough password"), ERR_INTERNAL);
	CHECK_INT(db_account_change_password(db, id, "a long enough password",
	    "another long password", &why), ERR_INTERNAL);
	CHECK_STR(why, "database error");
	deny_read(db, NULL, NULL);
	CHECK_INT(db_account_change_password(db, id, "not the password at all",
	    "another long password", &why), ERR_AUTH);
	CHECK(strstr(why, "current password is wrong") != NULL);
	db_close(db);
}
