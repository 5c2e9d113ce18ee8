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
#include "db/db-internal.h"
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
	CHECK_INT(query_int(db, "PRAGMA busy_timeout"), 5000);
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
	db_close(db);

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
