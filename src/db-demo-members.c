/* Synthetic members for seed-demo; see db-demo.h. */
#include <stdio.h>
#include "db.h"
#include "db-demo.h"

int
db_demo_members(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz)
{
	(void)db;
	(void)n;
	(void)seed;
	/* Filled in by the work on issue 3. */
	snprintf(err, errsz, "demo members are not available in this build");
	return DB_ERR;
}
