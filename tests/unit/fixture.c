/* Shared set-up for unit tests; see fixture.h. */
#include <ctype.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"
#include "fixture.h"
#include "db/db.h"
#include "db/db-user.h"
#include "lib/crypto.h"
#include "lib/xmalloc.h"

static int open_dbs;

static void
close_db(void *db)
{
	db_close(db);
	open_dbs--;
}

struct db *
fx_db(void)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(":memory:", &db, err, sizeof err) != 0) {
		fprintf(stderr, "fx_db: %s\n", err);
		return NULL;
	}
	open_dbs++;
	test_defer(close_db, db);
	return db;
}

int
fx_db_open_count(void)
{
	return open_dbs;
}

void
fx_member_fill(struct member *m, const char *login, const char *name, enum role role)
{
	memset(m, 0, sizeof *m);
	snprintf(m->login, sizeof m->login, "%s", login);
	if (name != NULL) {
		snprintf(m->name, sizeof m->name, "%s", name);
	} else {
		snprintf(m->name, sizeof m->name, "%s", login);
		m->name[0] = (char)toupper((unsigned char)m->name[0]);
	}
	m->role = role;
	m->status = STATUS_ACTIVE;
}

int64_t
fx_member_with(struct db *db, const char *login, enum role role, const struct fx_who *who)
{
	static const struct fx_who plain;
	struct member *m = xmalloc(sizeof *m);
	char hash[CRYPTO_PWHASH_LEN] = "";
	int64_t id = 0;

	if (who == NULL)
		who = &plain;
	fx_member_fill(m, login, who->name, role);
	m->is_admin = who->admin;
	m->rules_accepted = !who->rules_pending;
	if (db == NULL)
		goto out;
	if (who->password != NULL && crypto_password_hash(hash, who->password) != 0)
		goto out;
	if (db_user_create(db, m, hash, &id) != 0)
		id = 0;
out:
	free(m);
	return id;
}

int64_t
fx_member(struct db *db, const char *login, enum role role)
{
	return fx_member_with(db, login, role, NULL);
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
remove_tree(void *dir)
{
	if (nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "could not remove %s\n", (char *)dir);
	free(dir);
}

const char *
fx_tmpdir(void)
{
	char *dir = xstrdup("/tmp/mentorbbs-test.XXXXXX");

	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	test_defer(remove_tree, dir);
	return dir;
}

const char *
fx_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + 1 + strlen(name) + 1;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, name);
	test_defer(free, p);
	return p;
}

bool
fx_write(const char *path, const void *data, size_t len)
{
	FILE *f;
	bool ok;

	if ((f = fopen(path, "wb")) == NULL)
		return false;
	ok = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}
