/* The sysop's member commands below the CLI (issue 15): the CSV reader,
 * JSON escaping, reserved logins and e-mail, and in the data layer delete
 * (what each table keeps), export, the one-time setup code, expiry and
 * kick. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-internal.h"
#include "db/db-sysop.h"
#include "db/db-user.h"
#include "lib/crypto.h"
#include "lib/csv.h"
#include "lib/json.h"
#include "rules/user.h"

/* Reads every record of text: "a|b|c;" per record, "!why;" per refusal. */
static void
csv_all(const char *text, size_t len, size_t bufsz, char *out, size_t outsz)
{
	FILE *f = fmemopen((void *)text, len, "r");
	char buf[256], *fl[4];
	const char *why;
	struct csv c;
	size_t nf, line, o = 0;
	int r;

	out[0] = '\0';
	if (f == NULL)
		return;
	csv_init(&c, f);
	while ((r = csv_read(&c, buf, bufsz, fl, 4, &nf, &line, &why)) != 0) {
		if (r < 0) {
			o += (size_t)snprintf(out + o, outsz - o, "%zu!%s;", line, why);
			continue;
		}
		o += (size_t)snprintf(out + o, outsz - o, "%zu:", line);
		for (size_t i = 0; i < nf; i++)
			o += (size_t)snprintf(out + o, outsz - o, "%s%s", i ? "|" : "", fl[i]);
		o += (size_t)snprintf(out + o, outsz - o, ";");
	}
	fclose(f);
}

#define CSV_IS(text, want) do { char got_[512]; \
	csv_all(text, sizeof text - 1, 256, got_, sizeof got_); CHECK_STR(got_, want); } while (0)

TEST(csv_quotes_commas_crlf_bom)
{
	CSV_IS("a,b,c\n", "1:a|b|c;");
	CSV_IS("\xef\xbb\xbflogin,name\r\nann,\"Ann, Jr.\"\r\n", "1:login|name;2:ann|Ann, Jr.;");
	CSV_IS("\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x;");
	CSV_IS("\"two\nlines\",x\nnext\n", "1:two\nlines|x;3:next;");
	CSV_IS("a,,\n\nlast", "1:a||;2:;3:last;");
	CSV_IS("é,ü\n", "1:é|ü;");
}

TEST(csv_refusals_resync)
{
	CSV_IS("\"ok\"x,1\nb\n", "1!text after a closing quote (write a quote inside a quoted "
	    "field as \"\");2:b;");
	CSV_IS("a,b,c,d,e\nf\n", "1!too many fields;2:f;");
	CSV_IS("a\rb\nc\n", "1!a carriage return inside a field;2:c;");
	CSV_IS("\"never closed\n", "1!a quoted field is never closed;");
	{
		char got[512];
		static const char t[] = "0123456789abcdef0123\nok\n";

		csv_all(t, sizeof t - 1, 16, got, sizeof got);
		CHECK_STR(got, "1!the record is too long;2:ok;");
	}
}

TEST(json_escapes_everything)
{
	struct json j = { NULL, 0, 0 };
	char *s;

	json_raw(&j, "{");
	json_key(&j, "k");
	json_str(&j, "q\" b\\ nl\n tab\t esc\x1b del\x7f é \xff end");
	json_key(&j, "n");
	json_int(&j, -42);
	json_key(&j, "a");
	json_raw(&j, "[");
	json_sep(&j);
	json_int(&j, 1);
	json_sep(&j);
	json_int(&j, 2);
	json_raw(&j, "]}");
	s = json_take(&j);
	CHECK_STR(s, "{\"k\":\"q\\\" b\\\\ nl\\u000a tab\\u0009 esc\\u001b del\\u007f é \xef\xbf\xbd "
	    "end\",\"n\":-42,\"a\":[1,2]}");
	free(s);
	json_free(&j);
}

TEST(reserved_logins)
{
	static const char *const staff[] = { "admin", "sysop", "root", "moderator", "support",
	    "postmaster", "new" };
	const char *why = NULL;

	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++)
		CHECK_INT(user_check_new_login(staff[i], NULL, NULL, &why), ERR_INVALID);
	CHECK_INT(user_check_new_login("join", "join", NULL, &why), ERR_INVALID);
	CHECK_INT(user_check_new_login("dean", NULL, "billing, dean,it-help", &why), ERR_INVALID);
	CHECK_INT(user_check_new_login("it-help", NULL, "billing, dean,it-help", &why),
	    ERR_INVALID);
	CHECK_INT(user_check_new_login("deanna", NULL, "billing, dean,it-help", &why), 0);
	CHECK_INT(user_check_new_login("alice", "join", "", &why), 0);
	/* Looking up an existing "admin" still works. */
	CHECK_INT(user_check_login("admin", NULL, &why), 0);
}

TEST(reserved_login_refused_by_registration)
{
	struct db *db = fx_db();
	struct member m;
	const char *why = NULL;
	int64_t id = 0;

	fx_member_fill(&m, "support", "Support Desk", ROLE_ALUMNI);
	CHECK_INT(db_account_register(db, &m, NULL, &id, &why), ERR_INVALID);
	CHECK_STR(why, "that login is reserved for the system");
}

TEST(email_check)
{
	const char *why = NULL;

	CHECK_INT(user_check_email("a@b.org", &why), 0);
	CHECK_INT(user_check_email("ann.lee+bbs@mail.example.edu", &why), 0);
	CHECK_INT(user_check_email("no-at.org", &why), ERR_INVALID);
	CHECK_INT(user_check_email("@b.org", &why), ERR_INVALID);
	CHECK_INT(user_check_email("a@b@c.org", &why), ERR_INVALID);
	CHECK_INT(user_check_email("a@org", &why), ERR_INVALID);
	CHECK_INT(user_check_email("a@b.", &why), ERR_INVALID);
	CHECK_INT(user_check_email("a b@c.org", &why), ERR_INVALID);
	CHECK_INT(user_check_email("é@c.org", &why), ERR_INVALID);
}

static int64_t
count(struct db *db, const char *sql, int64_t id)
{
	int64_t v = -1;

	if (db_step_int(db, DB_STMT(db, sql, id), &v, NULL, "count") != 0)
		return -1;
	return v;
}

static bool
exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	bool ok = sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &msg) == SQLITE_OK;

	if (!ok)
		test_fail(__FILE__, __LINE__, "sql: %s", msg != NULL ? msg : "?");
	sqlite3_free(msg);
	return ok;
}

/* Ann (id a) with a key, a conversation with Bob, a thread and a reply, a
 * host profile, a mentorship with Bob, a notice, a block of Bob; Bob's
 * reply in her thread. */
static void
world(struct db *db, int64_t a, int64_t b)
{
	char sql[2048];

	CHECK_INT(db_key_add(db, 0, a, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIAnnKey",
	    "SHA256:ann", "ann@laptop", NULL), 0);
	snprintf(sql, sizeof sql,
	    "INSERT INTO conversations (id, user_a, user_b, created_at, last_at) VALUES (1, %1$lld, "
	    "%2$lld, 1, 1);"
	    "INSERT INTO messages (conversation_id, sender_id, body, created_at) VALUES "
	    "(1, %1$lld, 'hello bob', 1), (1, %2$lld, 'hi ann', 2);"
	    "INSERT INTO threads (id, community_id, author_id, title, created_at) SELECT 1, id, "
	    "%1$lld, 'Ann''s thread', 1 FROM communities LIMIT 1;"
	    "INSERT INTO posts (thread_id, community_id, author_id, path, body, created_at) "
	    "SELECT 1, community_id, %1$lld, '0001', 'first', 1 FROM threads WHERE id = 1;"
	    "INSERT INTO posts (thread_id, community_id, author_id, path, body, created_at) "
	    "SELECT 1, community_id, %2$lld, '0001.0001', 'reply', 2 FROM threads WHERE id = 1;"
	    "INSERT INTO host_profiles (user_id, city, updated_at) VALUES (%1$lld, 'Boston', 1);"
	    "INSERT INTO mentorships (mentee_id, mentor_id, message, created_at) VALUES "
	    "(%2$lld, %1$lld, 'help', 1);"
	    "INSERT INTO notices (user_id, kind, text, created_at) VALUES (%1$lld, 'x', 'n', 1);"
	    "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (%1$lld, %2$lld, 1);"
	    "UPDATE users SET email = 'ann@example.org', bio = 'my bio' WHERE id = %1$lld;",
	    (long long)a, (long long)b);
	CHECK(exec(db, sql));
}

TEST(delete_keeps_posts_drops_the_rest)
{
	struct db *db = fx_db();
	struct db_delete_report rep;
	struct member m;
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_TRAINEE);
	char msg[256];

	world(db, a, b);
	CHECK_INT(db_sysop_delete(db, a, &rep), 0);
	CHECK_INT(rep.keys, 1);
	CHECK_INT(rep.conversations, 1);
	CHECK_INT(rep.messages, 2);
	CHECK_INT(rep.mentorships, 1);
	CHECK_INT(rep.posts_kept, 1);
	CHECK_INT(rep.threads_kept, 1);
	/* What stays: the posts, under a former member nobody can log in as. */
	CHECK_INT(count(db, "SELECT count(*) FROM posts WHERE author_id = ?", a), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM threads WHERE author_id = ?", a), 1);
	CHECK_INT(db_user_get(db, a, &m), 0);
	CHECK_STR(m.name, "former member");
	CHECK(m.login[0] == '~');
	CHECK_INT(m.status, STATUS_SUSPENDED);
	CHECK_STR(m.bio, "");
	CHECK_INT(count(db, "SELECT count(*) FROM users WHERE id = ? AND pw_hash IS NULL AND "
	    "email = '' AND deleted_at IS NOT NULL", a), 1);
	/* What goes. */
	CHECK_INT(count(db, "SELECT count(*) FROM ssh_keys WHERE user_id = ?", a), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM messages WHERE sender_id = ?", b), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM conversations WHERE user_a = ?1 OR "
	    "user_b = ?1", a), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM host_profiles WHERE user_id = ?", a), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM mentorships WHERE mentor_id = ?", a), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM notices WHERE user_id = ?", a), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM blocks WHERE blocker_id = ?", a), 0);
	/* Bob's own post stays, the audit log says the sysop did it. */
	CHECK_INT(count(db, "SELECT count(*) FROM posts WHERE author_id = ?", b), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM audit_log WHERE actor = 'sysop' AND action = "
	    "'member.delete' AND target = 'ann' AND target_id = ?", a), 1);
	/* Gone from the lists, the login free again, and a second delete changes nothing. */
	CHECK_INT(db_user_get_by_login(db, "ann", &m), ERR_NOTFOUND);
	CHECK_INT(db_sysop_delete(db, a, &rep), ERR_NOTFOUND);
	CHECK_INT(db_sysop_kick(db, a, &rep.keys), ERR_NOTFOUND);
	CHECK_INT(db_check(db, msg, sizeof msg), 0);
	fx_member(db, "ann", ROLE_STUDENT);
	CHECK_INT(db_user_get_by_login(db, "ann", &m), 0);
}

TEST(export_is_the_members_own_json)
{
	struct db *db = fx_db();
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), b = fx_member(db, "bob", ROLE_TRAINEE);
	char *json = NULL;

	world(db, a, b);
	CHECK(exec(db, "UPDATE users SET bio = 'line one\nquote \" and \\ back' WHERE login = 'ann'"));
	CHECK_INT(db_sysop_export(db, a, &json), 0);
	CHECK(json != NULL);
	CHECK(strstr(json, "\"login\":\"ann\"") != NULL);
	CHECK(strstr(json, "\"bio\":\"line one\\u000aquote \\\" and \\\\ back\"") != NULL);
	CHECK(strstr(json, "\"email\":\"ann@example.org\"") != NULL);
	CHECK(strstr(json, "\"body\":\"hi ann\"") != NULL);
	CHECK(strstr(json, "\"fingerprint\":\"SHA256:ann\"") != NULL);
	CHECK(strstr(json, "\"host_profile\":{") != NULL);
	CHECK(strstr(json, "pw_hash") == NULL);
	free(json);
	json = NULL;
	CHECK_INT(db_sysop_export(db, 999999, &json), ERR_NOTFOUND);
	CHECK(json == NULL);
}

TEST(passwd_expire_and_setup_code)
{
	struct db *db = fx_db();
	struct db_import_row row;
	struct member m, got;
	const char *why = NULL;
	char hash[CRYPTO_PWHASH_LEN], hex[65];
	uint8_t sum[32];
	int64_t id = 0, key_only;
	bool stale = true;

	/* Expiry: needs a password; setting a new one clears it. */
	key_only = fx_member(db, "kim", ROLE_ALUMNI);
	CHECK_INT(db_sysop_passwd(db, key_only, NULL, true), ERR_STATE);
	CHECK_INT(crypto_password_hash(hash, "a long password 1"), 0);
	CHECK_INT(db_sysop_passwd(db, key_only, hash, true), 0);
	CHECK_INT(db_user_get(db, key_only, &got), 0);
	CHECK(got.pw_expired);
	CHECK_INT(db_account_set_password(db, key_only, key_only, "another long one", &why), 0);
	CHECK_INT(db_user_get(db, key_only, &got), 0);
	CHECK(!got.pw_expired);
	CHECK_INT(count(db, "SELECT count(*) FROM audit_log WHERE action = 'member.password' AND "
	    "target_id = ?", key_only), 1);

	/* A one-time code logs in once, never as a stored password. */
	crypto_sha256(sum, "abcde-fghjk", 11);
	for (size_t i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	fx_member_fill(&m, "newbie", "New Bie", ROLE_STUDENT);
	row = (struct db_import_row){ &m, "n@example.org", NULL, hex, db_now() + 3600 };
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_sysop_import_row(db, &row, &id, &why), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_account_auth_password(db, "newbie", "abcde-fghjk", &got, &stale), 0);
	CHECK(!stale);
	CHECK(got.pw_expired);
	CHECK_INT(db_account_auth_password(db, "newbie", "abcde-fghjx", &got, NULL), ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "kim", "abcde-fghjk", &got, NULL), ERR_AUTH);
	/* Choosing a password ends the code. */
	CHECK_INT(db_account_set_password(db, id, id, "my own password", &why), 0);
	CHECK_INT(db_account_auth_password(db, "newbie", "abcde-fghjk", &got, NULL), ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "newbie", "my own password", &got, NULL), 0);
	CHECK(!got.pw_expired);
	/* An expired code does nothing. */
	fx_member_fill(&m, "late", "Late Comer", ROLE_STUDENT);
	row = (struct db_import_row){ &m, "l@example.org", NULL, hex, db_now() - 1 };
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_sysop_import_row(db, &row, &id, &why), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_account_auth_password(db, "late", "abcde-fghjk", &got, NULL), ERR_AUTH);
	CHECK_INT(count(db, "SELECT count(*) FROM users WHERE origin = 'import'", 0), 2);
}

TEST(import_row_reasons_and_savepoints)
{
	struct db *db = fx_db();
	struct db_import_row row;
	struct member m;
	const char *why = NULL;
	int64_t id = 0;

	fx_member(db, "ann", ROLE_ALUMNI);
	CHECK_INT(db_begin(db), 0);
	fx_member_fill(&m, "ann2", "Ann Two", ROLE_ALUMNI);
	row = (struct db_import_row){ &m, "a@b.org", NULL, NULL, 0 };
	CHECK_INT(db_savepoint(db), 0);
	CHECK_INT(db_sysop_import_row(db, &row, &id, &why), 0);
	CHECK_INT(db_savepoint_release(db), 0);
	fx_member_fill(&m, "ann", "Someone Else", ROLE_ALUMNI);
	CHECK_INT(db_savepoint(db), 0);
	CHECK_INT(db_sysop_import_row(db, &row, &id, &why), ERR_EXISTS);
	CHECK_STR(why, "that login is taken");
	db_savepoint_rollback(db);
	fx_member_fill(&m, "carl", "ann", ROLE_ALUMNI);	/* fx_member named ann "Ann" */
	CHECK_INT(db_savepoint(db), 0);
	CHECK_INT(db_sysop_import_row(db, &row, &id, &why), ERR_EXISTS);
	CHECK(strstr(why, "display name") != NULL);
	db_savepoint_rollback(db);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM users WHERE origin = 'import'", 0), 1);
}

TEST(kick_and_stats)
{
	struct db *db = fx_db();
	struct db_stat *s = NULL;
	struct member m;
	int64_t a = fx_member(db, "ann", ROLE_ALUMNI), sessions = -1, real = -1;
	size_t n = 0;
	bool seen = false;

	CHECK_INT(db_sysop_kick(db, a, &sessions), 0);
	CHECK_INT(sessions, 0);
	CHECK_INT(db_user_get(db, a, &m), 0);
	CHECK(m.kicked_at >= db_now() - 1);
	CHECK_INT(db_sysop_stats(db, &s, &n), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].key, "members.alumni.active") == 0) {
			CHECK_INT(s[i].n, 1);
			seen = true;
		}
	CHECK(seen);
	free(s);
	CHECK_INT(db_sysop_real_members(db, &real), 0);
	CHECK_INT(real, 1);
}
