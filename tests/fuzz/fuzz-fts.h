/* Shared by the search targets: the real schema (db_open of ":memory:"
 * runs every migration, so the tables and column names are the ones the
 * searches query) and whether FTS5 accepts a MATCH expression there. */
#ifndef FUZZ_FTS_H
#define FUZZ_FTS_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-internal.h"

static struct db *fuzz_db;

/* Opens the database once and adds rows so a MATCH has something to read. */
static inline void
fuzz_fts_open(const char *rows_sql)
{
	char err[256];

	if (fuzz_db != NULL)
		return;
	if (db_open(":memory:", &fuzz_db, err, sizeof err) != 0)
		abort();
	if (rows_sql != NULL && sqlite3_exec(db_sqlite(fuzz_db), rows_sql, NULL, NULL, NULL) != SQLITE_OK)
		abort();
}

/* Runs "SELECT rowid FROM table WHERE table MATCH expr" to the end; the
 * last SQLite code (SQLITE_DONE when FTS5 read the expression). */
static inline int
fuzz_fts_match(const char *table, const char *expr)
{
	char sql[128];
	sqlite3_stmt *st = NULL;
	int rc;

	snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1", table, table);
	if (sqlite3_prepare_v2(db_sqlite(fuzz_db), sql, -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	return rc;
}

/* Splits data at its 0x00 bytes into up to n NUL-terminated fields of at
 * most sz bytes each (longer ones cut, as a form field would be). */
static inline void
fuzz_fields(const uint8_t *data, size_t size, char *fields, size_t n, size_t sz)
{
	size_t f = 0, len = 0;

	memset(fields, 0, n * sz);
	for (size_t i = 0; i < size && f < n; i++) {
		if (data[i] == 0) {
			f++;
			len = 0;
		} else if (len + 1 < sz)
			fields[f * sz + len++] = (char)data[i];
	}
}

/* True if the LIKE pattern p, with its escapes undone, is s (or the
 * start of s if cut), with '%' only where the caller put one. */
static inline int
fuzz_like_ok(const char *p, const char *s, int lead, int trail)
{
	size_t i = 0, k = 0, len = strlen(p);

	if (lead) {
		if (p[0] != '%')
			return 0;
		i = 1;
	}
	if (trail) {
		if (len < 1 + (size_t)lead || p[len - 1] != '%')
			return 0;
		len--;
	}
	while (i < len) {
		char c = p[i++];

		if (c == '\\') {
			if (i == len)
				return 0;
			c = p[i++];
			if (c != '%' && c != '_' && c != '\\')
				return 0;
		} else if (c == '%' || c == '_')
			return 0;
		if (s[k++] != c)
			return 0;
	}
	return 1;
}

#endif
