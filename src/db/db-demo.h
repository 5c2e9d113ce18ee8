/* Synthetic communities for demos and benchmarks (`mentorbbs seed-demo`).
 * Each generator is deterministic for a given seed, inserts in large
 * transactions with prepared statements, and adds to what is there (so
 * members first, then posts and hosts that pick authors among them).
 * Each returns ERR_OK, or an error with a one-line reason in err. */
#ifndef DB_DEMO_H
#define DB_DEMO_H
#include <stddef.h>
#include <stdint.h>

struct db;

/* n members with realistic names, roles, specialties, cities, bios and
 * mentoring settings (db-demo-members.c). */
int db_demo_members(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz);
/* n posts in threads across the communities, authored by existing members
 * (db-demo-posts.c). */
int db_demo_posts(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz);
/* n host profiles among existing alumni and trainees (db-demo-hosts.c). */
int db_demo_hosts(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz);

#endif
