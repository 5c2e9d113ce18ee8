/* Shared set-up for data-layer tests; see fixture.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "fixture.h"
#include "db/db.h"
#include "db/db-user.h"

struct db *
fx_db(void)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(":memory:", &db, err, sizeof err) != 0) {
		fprintf(stderr, "fx_db: %s\n", err);
		return NULL;
	}
	return db;
}

int64_t
fx_member(struct db *db, const char *login, enum role role)
{
	struct member m;
	int64_t id = 0;

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
