/* Member rules (user.c, authkey.c) and the member/presence data layer
 * (db-user.c, db-presence.c), including who may change what. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"
#include "fixture.h"
#include "lib/crypto.h"
#include "lib/xmalloc.h"
#include "db/db.h"
#include "db/db-account.h"
#include "db/db-presence.h"
#include "db/db-user.h"
#include "rules/user.h"

/* Keys made with ssh-keygen 9.2 (Debian 12); fingerprints as `ssh-keygen -lf`
 * printed them. */
#define ED25519_B64 "AAAAC3NzaC1lZDI1NTE5AAAAIPy5Ei7J4u7wCyjFHvWz6OyLc6P0RbwlQ+WexkOlJohL"
#define ED25519_LINE "ssh-ed25519 " ED25519_B64 " alice@laptop"
#define ED25519_FP "SHA256:BGMOfEtw6B1upef1eW2ZVj+hFevVPfqAtNIRCWrAfTs"

#define RSA2048_B64 "AAAAB3NzaC1yc2EAAAADAQABAAABAQDQolLIDI+WOiyr38mw23v17IygxPcHqyjfZ24wWB7/" \
	"MuIv7lmKP3MGLcXz69SbNkl77VFIEYzYUI6Q1nCdM7L1CQsVkw4DPt6vXaxtu8AzfV1g8OqOizWkp" \
	"/9MaEzkLZrx1FD4IxtOrdIuAYTKzDELnKSitxDQMUxFyQtRi1L96k7pOwx4UoK8vOdfWXrR6LFTVZ" \
	"DRKHXdUI1XvXLCYJVDjga3rWvA3VK0/X63HPNWOPSSSM15DTPCw6/wCL+E3fEjJUU3w1bq4p5Dpj6" \
	"Qr1VDHCAy1UpLUIdjWluskro6VK0sFsY6sdTz7E10yQT9qGOoPE9N1tAUaAr0+X3HeTDd"
#define RSA2048_FP "SHA256:ErZeRuabyfOUgxZhLkj/RmIcyQXNDywaFNPVhaRE4/g"

#define RSA1024_LINE "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDLIXWus40zaS3ldM4SN4h4mbExv1Dr7" \
	"NvKbRiMQfT7z0Uoz4M38yxjJ0PvcPAkoK+I5h0ZN/1L7rYTOKbXO3GIbVnCnoXEEBQCya2U1hS95J" \
	"jgtMsbkaSe2btJ/KYkFIEwzR1Ay/J6pAgjzSdPzvszpnh2/pvzO0i0EKOeGuyVMQ== small"

#define P256_B64 "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCA7qSn0yU0hhzJF" \
	"yqwniHGFAW4UT7ORoCXgtrN83ldONck1YySu1iACC47h6/Jl1FVKZF9ca3DxPQHFBwtKg7c="
#define P256_FP "SHA256:SsG8TgWP/G64ZlqwyBQmBtwl5zdCH60sgmsY98pDNG4"
#define P384_B64 "AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBAFVQO8mxmLmK5cK" \
	"gNgszJzkFc3cGC7dei8qvcGnF/ZsNOlLYpp/hlbvqHAIAINBGbPzoOL5dDSnxkkZz2GewdjN7O0po" \
	"H+IwKrlq/9ni8JfLdI8HSWRYur50isF00nzVw=="
#define P384_FP "SHA256:cNPxeKvoY/uBQUqjRKlVQQzTolEc4tyJgm2N4pcu2+c"
#define P521_B64 "AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBACLzms3n3B9b8qf" \
	"RibOclzpPp18DmqHfcz+h+RIrgIYw+/LzBkbjuE4RwLwFr85xO8aHSUdJWPSqcVPW2o10BjQuwFej" \
	"qKtvtBcq1D1PbrRxmY6r5rIl0GJzGPsiv9eyGsr1DdAYfR0Pnn7y0Xb0w/6QVOfznpc0vdGO1cabe" \
	"yYXsYa4w=="
#define P521_FP "SHA256:CgLmv+3bqGu26n33zZU7JWjsEKV/sMIvlwNyYvTUn4s"

#define DSA_LINE "ssh-dss AAAAB3NzaC1kc3MAAACBAN0enIvsxhR3gTrmplkF7TUygARfW/HRcs0A8heoX" \
	"A2hLpOXQfLm0dJXRKbvbpJVZby6Yl6si/K9VyRqbavzS4usmn1PiSZDDHAtni2u3AsZPav2Ev3NzQz" \
	"9Xwxh73sPBagDOv9juEonj++WfKXftVCr50DrwMxkHx3isc0IYveFAAAAFQDLT/OEXjGpPzBiDqIr3" \
	"QHA0pfDkQAAAIEAp2ilnDzynpScnzlJ90FzuvN2xblwNCDeUxDOyhIGC0Tfd39d/IMq0o6EkWiu4ey" \
	"5e/XUUOHnb0n7h3GYvadu3f9eW1VSw4ssAXFdFfqs+pwkIMaVQbxjgxaXEpyupCP/8zhEIC+gs6Zpd" \
	"ERdofLxL2mWKIVo2COgIKhu490wKSYAAACATVN99zNKfYPPZHxuv808UmggK5D0gF0zzZ3PVwb/3m0" \
	"jvJEzSuuDWL3TGgywKZ+cUTdCzNqBSVlyyUT937jAX1mCLnFCzSZ2efGd6fu4+pDbGRp9K7YX0Cfv" \
	"Rbrebr3sArUP1Zk/Tl2yTESZkBCXtzwDzX/fh+wqBpeiQmgGGQw= root@vm"

/* argon2id with t=1, m=8 MiB: weaker than today's interactive limits, so a
 * login with it must upgrade the stored hash. Password below. */
#define WEAK_HASH "$argon2id$v=19$m=8192,t=1,p=1$+IfIixH3Hhtc164tD658+w$" \
	"mF75r+2i/znIG71h4qSKnOIKc0/w0GGegvkqRM1JPR0"
#define WEAK_PW "correct horse battery"

/* A member to register, on the heap (struct member is large); caller frees. */
static struct member *
new_member(const char *login, const char *name, enum role role)
{
	struct member *m = xmalloc(sizeof *m);

	fx_member_fill(m, login, name, role);
	return m;
}

/* An alumni member named like the login who has not accepted the rules yet,
 * as registration leaves them; returns the id or 0. */
static int64_t
reg(struct db *db, const char *login, const char *password, bool admin)
{
	return fx_member_with(db, login, ROLE_ALUMNI, &(struct fx_who){ .name = login,
	    .admin = admin, .rules_pending = true, .password = password });
}

static bool
login_ok(const char *s)
{
	const char *why = NULL;

	return user_check_login(s, "join", &why) == 0;
}

static bool
name_ok(const char *s)
{
	const char *why = NULL;

	return user_check_name(s, &why) == 0;
}

static bool
password_ok(const char *s)
{
	const char *why = NULL;

	return user_check_password(s, &why) == 0;
}

TEST(user_login_rules)
{
	const char *why = NULL;

	CHECK(login_ok("alice"));
	CHECK(login_ok("ab"));
	CHECK(login_ok("a.b_c-d9"));
	CHECK(login_ok("admin"));
	CHECK(login_ok("0123456789abcdef0123456789abcdef"));	/* 32 */
	CHECK(!login_ok("0123456789abcdef0123456789abcdefg"));	/* 33 */
	CHECK(!login_ok("a"));
	CHECK(!login_ok(""));
	CHECK(!login_ok(NULL));
	CHECK(!login_ok("Alice"));
	CHECK(!login_ok("al ice"));
	CHECK(!login_ok("-alice"));
	CHECK(!login_ok(".alice"));
	CHECK(!login_ok("al\x1b[2Jice"));
	CHECK(!login_ok("\xc3\xa5lice"));	/* å */
	CHECK(!login_ok("root"));
	CHECK(!login_ok("join"));			/* the reserved argument */
	CHECK(user_check_login("join", NULL, &why) == 0);
	CHECK_INT(user_check_login("root", NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "reserved") != NULL);
	CHECK_INT(user_check_login("Bob", NULL, &why), ERR_INVALID);
	CHECK(strstr(why, "lower-case") != NULL);
}

TEST(user_name_rules)
{
	char wide[256] = "", buf[256];
	const char *why = NULL;

	CHECK(name_ok("Alice Ng"));
	CHECK(name_ok("Jos\xc3\xa9 \xc3\x81lvarez"));		/* José Álvarez */
	CHECK(name_ok("\xe7\x8e\x8b\xe5\xb0\x8f\xe6\x98\x8e"));	/* 王小明 */
	CHECK(!name_ok(""));
	CHECK(!name_ok(NULL));
	CHECK(!name_ok("   "));
	CHECK(!name_ok(" Alice"));
	CHECK(!name_ok("Alice "));
	CHECK(!name_ok("Al\x1b[31mice"));			/* ESC */
	CHECK(!name_ok("Al\nice"));
	CHECK(!name_ok("Al\tice"));
	CHECK(!name_ok("Al\xc2\x9bice"));			/* C1 CSI */
	CHECK(!name_ok("Al\x7fice"));				/* DEL */
	CHECK(!name_ok("Alice\xe2\x80\xae" "gnp.exe"));		/* RLO bidi override */
	CHECK(!name_ok("Ali\xe2\x80\x8b" "ce"));		/* ZWSP */
	CHECK(!name_ok("Alice\xff"));				/* invalid UTF-8 */
	CHECK(!name_ok("Alice\xc0\xaf"));			/* overlong */
	CHECK(!name_ok("Alice  Appleton"));			/* passing for "Alice Appleton" */
	CHECK(!name_ok("Alice\xc2\xa0" "Appleton"));		/* no-break space */
	CHECK(!name_ok("Alice\xe3\x80\x80" "Appleton"));	/* ideographic space */
	CHECK_INT(user_check_name("Al\x1b[31mice", &why), ERR_INVALID);
	CHECK(strstr(why, "display name") != NULL);

	/* 64 columns is the limit, counted in columns, not bytes. */
	memset(buf, 'x', 64);
	buf[64] = '\0';
	CHECK(name_ok(buf));
	buf[64] = 'x';
	buf[65] = '\0';
	CHECK(!name_ok(buf));
	for (int i = 0; i < 32; i++)
		memcpy(wide + 3 * i, "\xe6\x9d\x8e", 3);		/* 李: 2 columns */
	CHECK(name_ok(wide));					/* 64 columns */
	wide[96] = 'x';
	CHECK(!name_ok(wide));					/* 65 columns */
	CHECK_INT(user_check_name(wide, &why), ERR_INVALID);
	CHECK(strstr(why, "64 columns") != NULL);
}

TEST(user_password_rules)
{
	char big[1100];
	const char *why = NULL;

	CHECK(password_ok("0123456789"));
	CHECK(password_ok("correct horse battery staple"));
	CHECK(password_ok("\xe5\xaf\x86\xe7\xa0\x81\xe5\xaf\x86\xe7\xa0\x81\xe5\xaf\x86"
	    "\xe7\xa0\x81\xe5\xaf\x86\xe7\xa0\x81\xe5\xaf\x86\xe7\xa0\x81"));	/* 10 CJK */
	CHECK(!password_ok("012345678"));			/* 9 */
	CHECK(!password_ok(""));
	CHECK(!password_ok(NULL));
	CHECK(!password_ok("0123456789\x01"));
	CHECK(!password_ok("0123456789\x7f"));
	CHECK(!password_ok("0123456789\n"));
	CHECK(!password_ok("0123456789\xff"));
	CHECK_INT(user_check_password("short", &why), ERR_INVALID);
	CHECK(strstr(why, "10") != NULL);
	memset(big, 'p', sizeof big);
	big[1024] = '\0';
	CHECK(password_ok(big));
	big[1024] = 'p';
	big[1025] = '\0';
	CHECK(!password_ok(big));
}

TEST(user_profile_rules)
{
	struct member *m = new_member("alice", "Alice", ROLE_ALUMNI);
	const char *why = NULL;

	snprintf(m->specialty, sizeof m->specialty, "Cardiology");
	snprintf(m->bio, sizeof m->bio, "Line one\nLine two\twith a tab");
	m->grad_year = 2010;
	m->open_to_mentoring = true;
	m->max_mentees = 3;
	CHECK_INT(user_check_profile(m, &why), 0);
	m->grad_year = 0;
	CHECK_INT(user_check_profile(m, &why), 0);
	m->grad_year = 1949;
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	m->grad_year = 2045;
	CHECK_INT(user_check_profile(m, &why), 0);
	m->max_mentees = 21;
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	m->max_mentees = 20;
	m->role = ROLE_STUDENT;
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	CHECK(strstr(why, "students") != NULL);
	m->open_to_mentoring = false;
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);	/* 20 mentees */
	m->max_mentees = 0;
	CHECK_INT(user_check_profile(m, &why), 0);
	snprintf(m->specialty, sizeof m->specialty, "Cardio\nlogy");
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	CHECK(strstr(why, "specialty") != NULL);
	snprintf(m->specialty, sizeof m->specialty, "%s", "");
	snprintf(m->bio, sizeof m->bio, "evil \x1b]0;title\x07");
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	CHECK(strstr(why, "bio") != NULL);
	snprintf(m->bio, sizeof m->bio, "crlf\r\n");
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	m->bio[0] = '\0';
	memset(m->city, 'c', 81);
	m->city[81] = '\0';
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	CHECK(strstr(why, "city") != NULL);
	memset(m->city, 'c', sizeof m->city);			/* unterminated */
	CHECK_INT(user_check_profile(m, &why), ERR_INVALID);
	free(m);
}

TEST(user_register_and_duplicate)
{
	struct db *db = fx_db();
	struct member *m = new_member("alice", "Alice Ng", ROLE_TRAINEE), got;
	const char *why = NULL;
	int64_t id = 0, id2 = 0;

	CHECK(db != NULL);
	m->status = STATUS_PENDING;
	snprintf(m->institution, sizeof m->institution, "Penn");
	CHECK_INT(db_account_register(db, m, "a good long password", &id, &why), 0);
	CHECK(id > 0);
	CHECK_INT(db_user_get(db, id, &got), 0);
	CHECK_STR(got.login, "alice");
	CHECK_STR(got.name, "Alice Ng");
	CHECK_STR(got.institution, "Penn");
	CHECK_INT(got.role, ROLE_TRAINEE);
	CHECK_INT(got.status, STATUS_PENDING);		/* the caller decides */
	CHECK(!got.is_admin);
	CHECK(got.created_at > 0);
	CHECK_INT(got.last_login_at, 0);

	CHECK_INT(db_account_register(db, m, "another long password", &id2, &why), ERR_EXISTS);
	CHECK(strstr(why, "taken") != NULL);
	CHECK_INT(id2, 0);
	snprintf(m->login, sizeof m->login, "bob");
	CHECK_INT(db_account_register(db, m, "short", &id2, &why), ERR_INVALID);
	snprintf(m->name, sizeof m->name, "Bob\x1b[H");
	CHECK_INT(db_account_register(db, m, NULL, &id2, &why), ERR_INVALID);
	CHECK_INT(db_user_get_by_login(db, "bob", &got), ERR_NOTFOUND);
	free(m);
}

TEST(user_password_auth)
{
	struct db *db = fx_db();
	struct member got;
	char hash[CRYPTO_PWHASH_LEN], big[1100];
	int64_t id, keyonly;

	CHECK(db != NULL);
	CHECK((id = reg(db, "alice", "a good long password", false)) > 0);
	CHECK((keyonly = reg(db, "kim", NULL, false)) > 0);
	memset(&got, 0, sizeof got);
	CHECK_INT(db_account_auth_password(db, "alice", "a good long password", &got, NULL), 0);
	CHECK_INT(got.id, id);
	CHECK_INT(db_account_auth_password(db, "alice", "a wrong long password", &got, NULL),
	    ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "nobody", "a good long password", &got, NULL),
	    ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "kim", "", &got, NULL), ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "alice", NULL, &got, NULL), ERR_AUTH);
	memset(big, 'p', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(db_account_auth_password(db, "alice", big, &got, NULL), ERR_AUTH);
	CHECK_INT(db_user_pwhash(db, keyonly, hash, sizeof hash), 0);
	CHECK_STR(hash, "");
}

TEST(user_password_rehash_on_login)
{
	struct db *db = fx_db();
	struct member got;
	bool stale = false;
	char hash[CRYPTO_PWHASH_LEN];
	int64_t id;

	CHECK(db != NULL);
	CHECK((id = reg(db, "alice", "placeholder password", false)) > 0);
	CHECK_INT(db_user_set_pwhash(db, id, id, WEAK_HASH), 0);
	CHECK(crypto_password_needs_rehash(WEAK_HASH));
	CHECK_INT(db_account_auth_password(db, "alice", "wrong password!", &got, NULL), ERR_AUTH);
	CHECK_INT(db_user_pwhash(db, id, hash, sizeof hash), 0);
	CHECK_STR(hash, WEAK_HASH);			/* no upgrade on failure */
	CHECK_INT(db_account_auth_password(db, "alice", WEAK_PW, &got, &stale), 0);
	CHECK(stale);
	/* The check writes nothing: the caller rehashes once it has answered. */
	CHECK_INT(db_user_pwhash(db, id, hash, sizeof hash), 0);
	CHECK_STR(hash, WEAK_HASH);
	db_account_rehash(db, got.id, WEAK_PW);
	CHECK_INT(db_user_pwhash(db, id, hash, sizeof hash), 0);
	CHECK(strcmp(hash, WEAK_HASH) != 0);
	CHECK(!crypto_password_needs_rehash(hash));
	CHECK_INT(db_account_auth_password(db, "alice", WEAK_PW, &got, &stale), 0);
	CHECK(!stale);
}

TEST(user_change_and_set_password)
{
	struct db *db = fx_db();
	struct member got;
	const char *why = NULL;
	int64_t a, b;

	CHECK(db != NULL);
	CHECK((a = reg(db, "alice", "first password", false)) > 0);
	CHECK((b = reg(db, "bob", "bobs password", false)) > 0);
	CHECK_INT(db_account_change_password(db, a, "not the password", "second password", &why),
	    ERR_AUTH);
	CHECK_INT(db_account_change_password(db, a, "first password", "short", &why),
	    ERR_INVALID);
	CHECK_INT(db_account_change_password(db, a, "first password", "second password", &why), 0);
	CHECK_INT(db_account_auth_password(db, "alice", "first password", &got, NULL), ERR_AUTH);
	CHECK_INT(db_account_auth_password(db, "alice", "second password", &got, NULL), 0);
	/* Bob may not set Alice's password; an admin may. */
	CHECK_INT(db_account_set_password(db, b, a, "bob was here!", &why), ERR_DENIED);
	CHECK_INT(db_account_auth_password(db, "alice", "second password", &got, NULL), 0);
	CHECK_INT(db_user_set_admin(db, 0, b, true), 0);
	CHECK_INT(db_account_set_password(db, b, a, "reset by admin", &why), 0);
	CHECK_INT(db_account_auth_password(db, "alice", "reset by admin", &got, NULL), 0);
}

TEST(user_key_auth)
{
	struct db *db = fx_db();
	struct member got;
	const char *why = NULL;
	int64_t a, b;

	CHECK(db != NULL);
	CHECK((a = reg(db, "alice", NULL, false)) > 0);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	CHECK_INT(db_account_add_key(db, a, a, ED25519_LINE, &why), 0);
	CHECK_INT(db_account_auth_key(db, "alice", ED25519_B64, &got), 0);
	CHECK_INT(got.id, a);
	CHECK_INT(db_account_auth_key(db, "bob", ED25519_B64, &got), ERR_AUTH);
	CHECK_INT(db_account_auth_key(db, "alice", P256_B64, &got), ERR_AUTH);
	CHECK_INT(db_account_auth_key(db, "nobody", ED25519_B64, &got), ERR_AUTH);
	/* One key, one owner. */
	CHECK_INT(db_account_add_key(db, b, b, ED25519_LINE, &why), ERR_EXISTS);
	CHECK_INT(db_account_add_key(db, b, b, "ssh-ed25519 AAAA", &why), ERR_INVALID);
	CHECK_INT(db_account_add_key(db, b, a, "ecdsa-sha2-nistp256 " P256_B64, &why), ERR_DENIED);
	CHECK_INT(db_account_add_key(db, 0, 9999, "ecdsa-sha2-nistp256 " P256_B64, &why),
	    ERR_INVALID);
}

TEST(authkey_parse_good_keys)
{
	static const struct {
		const char *line, *type, *b64, *fp, *comment;
	} good[] = {
		{ ED25519_LINE, "ssh-ed25519", ED25519_B64, ED25519_FP, "alice@laptop" },
		{ "ssh-rsa " RSA2048_B64 " bob@desk", "ssh-rsa", RSA2048_B64, RSA2048_FP,
		    "bob@desk" },
		{ "ecdsa-sha2-nistp256 " P256_B64 " e256", "ecdsa-sha2-nistp256", P256_B64,
		    P256_FP, "e256" },
		{ "ecdsa-sha2-nistp384 " P384_B64 " e384", "ecdsa-sha2-nistp384", P384_B64,
		    P384_FP, "e384" },
		{ "ecdsa-sha2-nistp521 " P521_B64 " e521", "ecdsa-sha2-nistp521", P521_B64,
		    P521_FP, "e521" },
		/* Spacing, tabs, line endings and no comment are all fine. */
		{ "  ssh-ed25519\t" ED25519_B64 "\r\n", "ssh-ed25519", ED25519_B64, ED25519_FP, "" },
		{ "ssh-ed25519 " ED25519_B64 "   two words  \n", "ssh-ed25519", ED25519_B64,
		    ED25519_FP, "two words" },
	};
	struct authkey k;
	char fp[64];
	const char *why = NULL;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		memset(&k, 0, sizeof k);
		why = NULL;
		CHECK_INT(authkey_parse(good[i].line, &k, &why), 0);
		CHECK(why == NULL);
		CHECK_STR(k.type, good[i].type);
		CHECK_STR(k.blob_b64, good[i].b64);
		CHECK_STR(k.fingerprint, good[i].fp);
		CHECK_STR(k.comment, good[i].comment);
		CHECK_INT(authkey_fingerprint(good[i].b64, fp, sizeof fp), 0);
		CHECK_STR(fp, good[i].fp);
	}
	CHECK_INT(authkey_fingerprint("not base64!", fp, sizeof fp), -1);
	CHECK_INT(authkey_fingerprint(ED25519_B64, fp, 20), -1);
}

/* Appends an SSH wire string. */
static void
put_string(uint8_t *buf, size_t *len, const void *data, size_t n)
{
	buf[(*len)++] = (uint8_t)(n >> 24);
	buf[(*len)++] = (uint8_t)(n >> 16);
	buf[(*len)++] = (uint8_t)(n >> 8);
	buf[(*len)++] = (uint8_t)n;
	memcpy(buf + *len, data, n);
	*len += n;
}

/* "TYPE base64(blob)" for a hand-made blob. */
static const char *
craft_line(char *out, size_t outsz, const char *type, const uint8_t *blob, size_t len)
{
	size_t n = (size_t)snprintf(out, outsz, "%s ", type);

	crypto_base64_encode(out + n, outsz - n, blob, len);
	return out;
}

static const char *
parse_why(const char *line)
{
	struct authkey k;
	const char *why = NULL;

	memset(&k, 0, sizeof k);
	if (authkey_parse(line, &k, &why) == 0)
		return "(accepted)";
	return why != NULL ? why : "(no reason)";
}

TEST(authkey_parse_refuses_bad_lines)
{
	uint8_t blob[256], point[1 + 64], pk[32];
	char line[1024];
	size_t len;

	CHECK(strstr(parse_why(""), "not an SSH public key line") != NULL);
	CHECK(strstr(parse_why("hello world"), "expected: ssh-ed25519 AAAA") != NULL);
	CHECK(strstr(parse_why("ssh-ed25519"), "not an SSH public key line") != NULL);
	CHECK(strstr(parse_why("ssh-ed25519   \n"), "not an SSH public key line") != NULL);
	/* A private key is named as such, with the line to paste instead. */
	CHECK(strstr(parse_why("-----BEGIN OPENSSH PRIVATE KEY-----"),
	    "private key: never paste it anywhere") != NULL);
	CHECK(strstr(parse_why("-----BEGIN RSA PRIVATE KEY-----"), ".pub") != NULL);
	CHECK(strstr(parse_why("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB"),
	    "private key") != NULL);
	CHECK(authkey_is_private("  -----BEGIN EC PRIVATE KEY-----"));
	CHECK(authkey_is_private("PuTTY-User-Key-File-3: ssh-ed25519"));
	CHECK(!authkey_is_private(ED25519_LINE));
	CHECK(!authkey_is_private("hello world"));
	CHECK(strstr(parse_why(DSA_LINE), "key type ssh-dss is not accepted") != NULL);
	CHECK(strstr(parse_why("sk-ssh-ed25519@openssh.com AAAA x"),
	    "key type sk-ssh-ed25519@openssh.com is not accepted") != NULL);
	CHECK(strstr(parse_why("ssh-ed25519-cert-v01@openssh.com AAAA x"),
	    "is not accepted") != NULL);
	CHECK(strstr(parse_why("ssh-ed25519 !!!!"), "bad base64") != NULL);
	CHECK(strstr(parse_why("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPy5Ei7J4u7wCyjF"
	    "HvWz6OyLc6P0RbwlQ+WexkOlJohL="), "bad base64") != NULL);
	CHECK(strstr(parse_why(RSA1024_LINE), "1024 bits") != NULL);

	/* Options before the type, as authorized_keys allows, are refused. */
	CHECK(strstr(parse_why("from=\"10.0.0.1\" " ED25519_LINE), "options") != NULL);
	CHECK(strstr(parse_why("no-pty,command=\"/bin/sh\" " ED25519_LINE), "options") != NULL);
	CHECK(strstr(parse_why("restrict " ED25519_LINE), "options") != NULL);

	/* The declared type must match the blob's own. */
	CHECK(strstr(parse_why("ssh-ed25519 " RSA2048_B64 " x"),
	    "not a ssh-ed25519 key") != NULL);
	CHECK(strstr(parse_why("ecdsa-sha2-nistp256 " P384_B64),
	    "not a ecdsa-sha2-nistp256 key") != NULL);
	CHECK(strstr(parse_why("ssh-rsa " ED25519_B64), "not a ssh-rsa key") != NULL);

	/* Hand-made blobs: wrong curve, short key, trailing bytes, truncation. */
	memset(point, 7, sizeof point);
	point[0] = 0x04;
	len = 0;
	put_string(blob, &len, "ecdsa-sha2-nistp256", 19);
	put_string(blob, &len, "nistp384", 8);
	put_string(blob, &len, point, sizeof point);
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ecdsa-sha2-nistp256", blob, len)),
	    "curve nistp256") != NULL);
	len = 0;
	put_string(blob, &len, "ecdsa-sha2-nistp256", 19);
	put_string(blob, &len, "nistp256", 8);
	point[0] = 0x02;				/* compressed: not allowed */
	put_string(blob, &len, point, sizeof point);
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ecdsa-sha2-nistp256", blob, len)),
	    "damaged") != NULL);

	memset(pk, 9, sizeof pk);
	len = 0;
	put_string(blob, &len, "ssh-ed25519", 11);
	put_string(blob, &len, pk, 31);
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ssh-ed25519", blob, len)),
	    "damaged") != NULL);
	len = 0;
	put_string(blob, &len, "ssh-ed25519", 11);
	put_string(blob, &len, pk, 32);
	CHECK_STR(parse_why(craft_line(line, sizeof line, "ssh-ed25519", blob, len)),
	    "(accepted)");
	blob[len++] = 0;				/* one trailing byte */
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ssh-ed25519", blob, len)),
	    "damaged") != NULL);
	len -= 10;					/* cut inside the key */
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ssh-ed25519", blob, len)),
	    "damaged") != NULL);
	/* A length prefix claiming more than there is. */
	len = 0;
	put_string(blob, &len, "ssh-ed25519", 11);
	blob[len++] = 0xff; blob[len++] = 0xff; blob[len++] = 0xff; blob[len++] = 0xff;
	CHECK(strstr(parse_why(craft_line(line, sizeof line, "ssh-ed25519", blob, len)),
	    "damaged") != NULL);

	/* The comment follows the same text rules as any field. */
	CHECK(strstr(parse_why(ED25519_LINE "\x1b[2J"), "comment") != NULL);
	CHECK(strstr(parse_why(ED25519_LINE "\xe2\x80\xae"), "comment") != NULL);
}

TEST(auth_member_cannot_touch_another_member)
{
	struct db *db = fx_db();
	struct member *mb = calloc(1, sizeof *mb);
	struct member_key *keys = NULL;
	const char *why = NULL;
	int64_t a, b, kb = 0;
	size_t n = 0;

	CHECK(db != NULL && mb != NULL);
	CHECK((a = reg(db, "alice", NULL, false)) > 0);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", ED25519_B64, ED25519_FP, "bob", &kb), 0);
	CHECK_INT(db_user_get(db, b, mb), 0);
	snprintf(mb->bio, sizeof mb->bio, "defaced");

	CHECK_INT(db_user_update_profile(db, a, mb), ERR_DENIED);
	CHECK_INT(db_account_save_profile(db, a, mb, &why), ERR_DENIED);
	CHECK_INT(db_key_remove(db, a, kb), ERR_DENIED);
	CHECK_INT(db_key_list(db, a, b, &keys, &n), ERR_DENIED);
	CHECK(keys == NULL);
	CHECK_INT(db_user_set_status(db, a, b, STATUS_SUSPENDED), ERR_DENIED);
	CHECK_INT(db_user_set_role(db, a, b, ROLE_STUDENT), ERR_DENIED);
	CHECK_INT(db_user_set_admin(db, a, a, true), ERR_DENIED);	/* not even oneself */
	CHECK_INT(db_user_set_pwhash(db, a, b, WEAK_HASH), ERR_DENIED);
	CHECK_INT(db_key_add(db, a, b, "ecdsa-sha2-nistp256", P256_B64, P256_FP, "", NULL),
	    ERR_DENIED);
	/* The CLI's actor 0 is trusted only where the header says so. */
	CHECK_INT(db_user_update_profile(db, 0, mb), ERR_DENIED);
	/* user key list reads any member's keys as the sysop (db-user.h). */
	CHECK_INT(db_key_list(db, 0, b, &keys, &n), 0);
	db_key_list_free(keys, n);
	keys = NULL;
	CHECK_INT(db_user_set_pwhash(db, 0, b, WEAK_HASH), ERR_DENIED);
	CHECK_INT(db_key_remove(db, 0, kb), ERR_DENIED);

	/* Nothing changed. */
	CHECK_INT(db_user_get(db, b, mb), 0);
	CHECK_STR(mb->bio, "");
	CHECK_INT(mb->status, STATUS_ACTIVE);
	CHECK_INT(mb->role, ROLE_ALUMNI);
	CHECK(!mb->is_admin);
	CHECK_INT(db_key_list(db, b, b, &keys, &n), 0);
	CHECK_INT(n, 1);
	CHECK_STR(keys[0].blob_b64, ED25519_B64);
	CHECK_STR(keys[0].fingerprint, ED25519_FP);
	CHECK_STR(keys[0].comment, "bob");
	db_key_list_free(keys, n);
	free(mb);
}

TEST(auth_admin_can_and_owner_can)
{
	struct db *db = fx_db();
	struct member *mb = calloc(1, sizeof *mb);
	struct member_key *keys = NULL;
	const char *why = NULL;
	int64_t adm, b, kb = 0;
	size_t n = 0;

	CHECK(db != NULL && mb != NULL);
	CHECK((adm = reg(db, "root-admin", NULL, true)) > 0);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	CHECK_INT(db_key_add(db, 0, b, "ssh-ed25519", ED25519_B64, ED25519_FP, "", &kb), 0);

	/* The owner edits their own profile; the role is verified by the
	 * admins (issue 10), so a save that changes it is refused whole. */
	CHECK_INT(db_user_get(db, b, mb), 0);
	snprintf(mb->bio, sizeof mb->bio, "Hello\nthere");
	mb->role = ROLE_TRAINEE;
	mb->open_to_mentoring = true;
	CHECK_INT(db_account_save_profile(db, b, mb, &why), ERR_DENIED);
	CHECK(strstr(why, "checked by the admins") != NULL);
	mb->role = ROLE_ALUMNI;
	CHECK_INT(db_account_save_profile(db, b, mb, &why), 0);
	CHECK_INT(db_user_get(db, b, mb), 0);
	CHECK_STR(mb->bio, "Hello\nthere");
	CHECK_INT(mb->role, ROLE_ALUMNI);
	mb->role = ROLE_TRAINEE;
	CHECK_INT(db_user_update_profile(db, adm, mb), 0);

	/* The admin does the rest. */
	snprintf(mb->city, sizeof mb->city, "Boston");
	CHECK_INT(db_user_update_profile(db, adm, mb), 0);
	CHECK_INT(db_key_list(db, adm, b, &keys, &n), 0);
	CHECK_INT(n, 1);
	db_key_list_free(keys, n);
	CHECK_INT(db_user_set_role(db, adm, b, ROLE_STUDENT), 0);
	CHECK_INT(db_user_get(db, b, mb), 0);
	CHECK_INT(mb->role, ROLE_STUDENT);
	CHECK(!mb->open_to_mentoring);		/* students do not mentor */
	CHECK_STR(mb->city, "Boston");
	CHECK_INT(db_user_set_status(db, adm, b, STATUS_SUSPENDED), 0);
	CHECK_INT(db_user_set_status(db, 0, b, STATUS_ACTIVE), 0);
	CHECK_INT(db_user_set_status(db, adm, 9999, STATUS_ACTIVE), ERR_NOTFOUND);
	CHECK_INT(db_user_set_status(db, adm, b, (enum member_status)7), ERR_INVALID);
	CHECK_INT(db_key_remove(db, adm, kb), 0);
	CHECK_INT(db_key_remove(db, adm, kb), ERR_NOTFOUND);

	/* A suspended admin has no admin rights. */
	CHECK_INT(db_user_set_status(db, 0, adm, STATUS_SUSPENDED), 0);
	CHECK_INT(db_user_set_status(db, adm, b, STATUS_SUSPENDED), ERR_DENIED);
	CHECK_INT(db_user_set_admin(db, 0, b, true), 0);
	CHECK_INT(db_user_set_admin(db, b, adm, false), 0);

	/* The owner removes their own key (bob has a password to log in). */
	CHECK_INT(db_user_set_pwhash(db, b, b, "$argon2id$fake"), 0);
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", ED25519_B64, ED25519_FP, "", &kb), 0);
	CHECK_INT(db_key_remove(db, b, kb), 0);
	free(mb);
}

/* A member has at most DB_KEY_MAX keys. */
TEST(keys_are_capped_per_member)
{
	struct db *db = fx_db();
	char blob[64], fp[64];
	int64_t b, c, kid = 0;
	struct member_key *keys = NULL;
	size_t n = 0;

	CHECK(db != NULL);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	CHECK((c = reg(db, "cat", NULL, false)) > 0);
	for (int i = 0; i < DB_KEY_MAX; i++) {
		snprintf(blob, sizeof blob, "AAAAbob%d", i);
		snprintf(fp, sizeof fp, "SHA256:bob%d", i);
		CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", blob, fp, "", &kid), 0);
	}
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", "AAAAbobmore", "SHA256:x", "", &kid),
	    ERR_INVALID);
	/* Not even the sysop's command line goes past it. */
	CHECK_INT(db_key_add(db, 0, b, "ssh-ed25519", "AAAAbobmore", "SHA256:x", "", &kid),
	    ERR_INVALID);
	CHECK_INT(db_key_list(db, b, b, &keys, &n), 0);
	CHECK_INT(n, DB_KEY_MAX);
	db_key_list_free(keys, n);
	/* The cap is bob's alone; after removing one he may add again. */
	CHECK_INT(db_key_add(db, c, c, "ssh-ed25519", "AAAAcat", "SHA256:c", "", &kid), 0);
	CHECK_INT(db_key_remove(db, b, 1), 0);
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", "AAAAbobmore", "SHA256:x", "", &kid), 0);
}

/* A member without a password may not remove their last key, whichever
 * screen (or session) asks: the data layer refuses. */
TEST(keys_last_way_in_stays)
{
	struct db *db = fx_db();
	int64_t adm, b, k1 = 0, k2 = 0;
	struct member_key *keys = NULL;
	size_t n = 0;

	CHECK(db != NULL);
	CHECK((adm = reg(db, "root-admin", NULL, true)) > 0);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", ED25519_B64, ED25519_FP, "", &k1), 0);
	CHECK_INT(db_key_add(db, b, b, "ecdsa-sha2-nistp256", P256_B64, P256_FP, "", &k2), 0);
	CHECK_INT(db_key_remove(db, b, k1), 0);
	CHECK_INT(db_key_remove(db, b, k2), ERR_DENIED);
	CHECK_INT(db_key_list(db, b, b, &keys, &n), 0);
	CHECK_INT(n, 1);
	db_key_list_free(keys, n);
	/* With a password the last key may go. */
	CHECK_INT(db_user_set_pwhash(db, b, b, "$argon2id$fake"), 0);
	CHECK_INT(db_key_remove(db, b, k2), 0);
	/* An admin may take away a key-only member's last key (a lost
	 * laptop); the sysop then helps them back in. */
	CHECK_INT(db_user_set_pwhash(db, b, b, ""), 0);
	CHECK_INT(db_key_add(db, b, b, "ssh-ed25519", ED25519_B64, ED25519_FP, "", &k1), 0);
	CHECK_INT(db_key_remove(db, adm, k1), 0);
}

TEST(db_user_list_count_and_flags)
{
	struct db *db = fx_db();
	struct member *list = NULL, got;
	size_t n = 0;
	int64_t cnt = 0, c;

	CHECK(db != NULL);
	CHECK(reg(db, "zoe", NULL, false) > 0);
	CHECK((c = reg(db, "carl", NULL, false)) > 0);
	CHECK(reg(db, "amy", NULL, true) > 0);
	CHECK_INT(db_user_count(db, &cnt), 0);
	CHECK_INT(cnt, 3);
	CHECK_INT(db_user_list(db, &list, &n), 0);
	CHECK_INT(n, 3);
	CHECK_STR(list[0].login, "amy");
	CHECK(list[0].is_admin);
	CHECK_STR(list[2].login, "zoe");
	free(list);

	db_set_now_for_tests(1800000000);
	CHECK_INT(db_user_touch_login(db, c), 0);
	CHECK_INT(db_user_set_rules_accepted(db, c), 0);
	db_set_now_for_tests(0);
	CHECK_INT(db_user_get(db, c, &got), 0);
	CHECK_INT(got.last_login_at, 1800000000);
	CHECK(got.rules_accepted);
	CHECK_INT(db_user_touch_login(db, 4242), ERR_NOTFOUND);

	CHECK_INT(member_role_parse("trainee", &got.role), 0);
	CHECK_INT(got.role, ROLE_TRAINEE);
	CHECK(member_role_parse("Alumni", &got.role) != 0);
	CHECK_STR(member_role_name(ROLE_STUDENT), "student");
	CHECK_INT(member_status_parse("suspended", &got.status), 0);
	CHECK_INT(got.status, STATUS_SUSPENDED);
	CHECK(member_status_parse("deleted", &got.status) != 0);
	CHECK_STR(member_status_name(STATUS_PENDING), "pending");
}

TEST(presence_enter_list_leave)
{
	struct db *db = fx_db();
	struct presence *p = NULL;
	int64_t a, b, cnt = 0;
	size_t n = 0;
	int me = (int)getpid(), parent = 1;	/* init: always alive */
	struct member *m;

	CHECK(db != NULL);
	CHECK((a = reg(db, "alice", NULL, false)) > 0);
	CHECK((b = reg(db, "bob", NULL, false)) > 0);
	m = new_member("x", "x", ROLE_ALUMNI);
	CHECK_INT(db_user_get(db, b, m), 0);
	snprintf(m->name, sizeof m->name, "Aaron Bob");	/* sorts first */
	CHECK_INT(db_user_update_profile(db, b, m), 0);
	free(m);

	CHECK_INT(db_presence_enter(db, me, a, "Main menu"), 0);
	CHECK_INT(db_presence_enter(db, parent, b, "Boards"), 0);
	CHECK_INT(db_presence_enter(db, 0, a, "Nowhere"), ERR_INVALID);
	CHECK_INT(db_presence_enter(db, me + 1000000, 9999, "x"), ERR_NOTFOUND);
	CHECK_INT(db_presence_update(db, me, "Profile", 1234), 0);
	CHECK_INT(db_presence_update(db, parent, NULL, 0), 0);
	CHECK_INT(db_presence_list(db, &p, &n), 0);
	CHECK_INT(n, 2);
	CHECK_STR(p[0].login, "bob");
	CHECK_STR(p[0].name, "Aaron Bob");
	CHECK_STR(p[0].section, "Boards");
	CHECK_STR(p[1].login, "alice");
	CHECK_STR(p[1].section, "Profile");
	CHECK_INT(p[1].last_input_at, 1234);
	CHECK_INT(p[1].pid, me);
	free(p);
	p = NULL;
	CHECK_INT(db_presence_leave(db, parent), 0);
	CHECK_INT(db_presence_count(db, &cnt), 0);
	CHECK_INT(cnt, 1);
	CHECK_INT(db_presence_leave(db, me), 0);
	CHECK_INT(db_presence_list(db, &p, &n), 0);
	CHECK_INT(n, 0);
	free(p);
	CHECK_INT(db_presence_update(db, me, "Gone", 0), ERR_NOTFOUND);
}

TEST(presence_drops_dead_processes)
{
	struct db *db = fx_db();
	struct presence *p = NULL;
	int64_t a, cnt = -1;
	size_t n = 0;
	pid_t child;
	int status;

	CHECK(db != NULL);
	CHECK((a = reg(db, "alice", NULL, false)) > 0);
	/* A pid that is certainly dead: a child that exited and was reaped. */
	child = fork();
	CHECK(child >= 0);
	if (child == 0)
		_exit(0);
	CHECK(waitpid(child, &status, 0) == child);
	CHECK_INT(db_presence_enter(db, (int)child, a, "Main menu"), 0);
	CHECK_INT(db_presence_enter(db, (int)getpid(), a, "Boards"), 0);
	CHECK_INT(db_presence_list(db, &p, &n), 0);
	CHECK_INT(n, 1);
	CHECK_INT(p[0].pid, getpid());
	free(p);
	CHECK_INT(db_presence_count(db, &cnt), 0);
	CHECK_INT(cnt, 1);
	/* The dead row is gone for good, not just hidden. */
	CHECK_INT(db_presence_update(db, (int)child, "x", 0), ERR_NOTFOUND);
}

/* Nobody can pass for another member in lists that show only names. */
TEST(user_display_names_are_not_shared)
{
	struct db *db = fx_db();
	struct member *a = new_member("alice", "Alice Appleton", ROLE_ALUMNI);
	struct member *c = new_member("carol", "alice appleton", ROLE_STUDENT);
	const char *why = NULL;
	int64_t aid = 0, cid = 0;

	CHECK(db != NULL);
	CHECK_INT(db_account_register(db, a, "alice password", &aid, &why), 0);
	CHECK_INT(db_account_register(db, c, "carol password", &cid, &why), ERR_EXISTS);
	CHECK(strstr(why, "display name") != NULL);
	snprintf(c->name, sizeof c->name, "Carol Chen");
	CHECK_INT(db_account_register(db, c, "carol password", &cid, &why), 0);
	/* Carol cannot take Alice's name later either; Alice keeps hers. */
	c->id = cid;
	snprintf(c->name, sizeof c->name, "ALICE APPLETON");
	CHECK_INT(db_account_save_profile(db, cid, c, &why), ERR_EXISTS);
	a->id = aid;
	snprintf(a->position, sizeof a->position, "Attending");
	CHECK_INT(db_account_save_profile(db, aid, a, &why), 0);
	free(a);
	free(c);
}

/* The status a self-registered member starts with follows the
 * registration mode; closed (or a mode that is not one) refuses and
 * leaves *status as it was. */
TEST(user_registration_status_per_mode)
{
	enum member_status st = STATUS_SUSPENDED;
	const char *why = NULL;

	CHECK_INT(user_registration_status(REG_OPEN, &st, &why), 0);
	CHECK_INT(st, STATUS_ACTIVE);
	CHECK_INT(user_registration_status(REG_APPROVAL, &st, &why), 0);
	CHECK_INT(st, STATUS_PENDING);
	CHECK(why == NULL);
	st = STATUS_SUSPENDED;
	CHECK_INT(user_registration_status(REG_CLOSED, &st, &why), ERR_DENIED);
	CHECK_INT(st, STATUS_SUSPENDED);
	CHECK(why != NULL && strstr(why, "closed") != NULL);
	why = NULL;
	CHECK_INT(user_registration_status((enum reg_mode)(REG_CLOSED + 1), &st, &why),
	    ERR_DENIED);
	CHECK_INT(st, STATUS_SUSPENDED);
	CHECK(why != NULL);
}

/* A student takes no mentees, as they are not open to mentoring: the
 * rules refuse both, whatever a form showed. */
TEST(user_check_profile_refuses_a_student_with_mentees)
{
	struct member m;
	const char *why = NULL;

	fx_member_fill(&m, "sam", NULL, ROLE_STUDENT);
	CHECK_INT(user_check_profile(&m, &why), 0);
	m.max_mentees = 3;
	CHECK(user_check_profile(&m, &why) != 0);
	CHECK(strstr(why, "cannot take mentees") != NULL);
	m.role = ROLE_ALUMNI;
	CHECK_INT(user_check_profile(&m, &why), 0);
}
