/* Database status and VACUUM; see db-maint.h. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"
#include "db/db-maint.h"

static int
pragma_int(struct db *db, const char *sql, int64_t *out)
{
	return db_step_int(db, db_stmt(db, sql), out, NULL, __func__);
}

static int64_t
file_size(const char *path)
{
	struct stat sb;

	return path != NULL && stat(path, &sb) == 0 ? (int64_t)sb.st_size : 0;
}

int
db_status(struct db *db, struct db_status *out)
{
	struct db_status s = { 0 };
	const char *path = sqlite3_db_filename(db_sqlite(db), "main");
	char wal[4096];
	int r;

	if ((r = pragma_int(db, "PRAGMA page_size", &s.page_size)) != 0 ||
	    (r = pragma_int(db, "PRAGMA page_count", &s.pages)) != 0 ||
	    (r = pragma_int(db, "PRAGMA freelist_count", &s.free_pages)) != 0)
		return r;
	s.schema_version = db_schema_version(db);
	s.file_bytes = file_size(path);
	if (path != NULL && path[0] != '\0' &&
	    (size_t)snprintf(wal, sizeof wal, "%s-wal", path) < sizeof wal)
		s.wal_bytes = file_size(wal);
	s.ok = db_check(db, s.problem, sizeof s.problem) == 0;
	if (s.ok)
		s.problem[0] = '\0';
	*out = s;
	return ERR_OK;
}

int
db_vacuum(struct db *db, int64_t *freed)
{
	int64_t before = 0, after = 0, page = 0;
	int r;

	if ((r = pragma_int(db, "PRAGMA page_size", &page)) != 0 ||
	    (r = pragma_int(db, "PRAGMA page_count", &before)) != 0)
		return r;
	if ((r = db_result(db, sqlite3_exec(db_sqlite(db), "VACUUM", NULL, NULL, NULL),
	    __func__)) != 0)
		return r;
	if ((r = pragma_int(db, "PRAGMA page_count", &after)) != 0)
		return r;
	*freed = (before - after) * page;
	return ERR_OK;
}
