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

int64_t
fx_member(struct db *db, const char *login, enum role role)
{
	struct member m;
	int64_t id = 0;

	if (db == NULL)
		return 0;
	memset(&m, 0, sizeof m);
	snprintf(m.login, sizeof m.login, "%s", login);
	snprintf(m.name, sizeof m.name, "%s", login);
	m.name[0] = (char)toupper((unsigned char)m.name[0]);
	m.role = role;
	m.status = STATUS_ACTIVE;
	if (db_user_create(db, &m, NULL, &id) != 0)
		return 0;
	if (db_user_set_rules_accepted(db, id) != 0)
		return 0;
	return id;
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
