/* Blocking between members. A block works both ways for contact: neither
 * member can message the other, ask the other for mentorship or hosting,
 * or find the other in search. Only the blocker can lift it. Features check
 * db_block_between() in their own data functions, so the rule holds
 * whatever the screens show. */
#ifndef DB_BLOCK_H
#define DB_BLOCK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

/* actor blocks other. ERR_INVALID for oneself, ERR_DENIED when either id
 * is not a member's (<= 0), ERR_NOTFOUND if other does not exist;
 * blocking twice is fine (ERR_OK). */
int db_block_add(struct db *db, int64_t actor_id, int64_t other_id);
/* actor lifts their block on other; ERR_NOTFOUND if there was none,
 * ERR_DENIED for an actor <= 0. */
int db_block_remove(struct db *db, int64_t actor_id, int64_t other_id);
/* Sets *blocked when either member blocked the other. */
int db_block_between(struct db *db, int64_t a, int64_t b, bool *blocked);
/* Sets *blocked when actor blocked other (one direction only). */
int db_block_by(struct db *db, int64_t actor_id, int64_t other_id, bool *blocked);

/* The members actor has blocked, newest first. */
struct block_row {
	int64_t user_id;
	char login[33];
	char name[257];
	int64_t created_at;
};
/* Caller frees *out with free(). */
int db_block_list(struct db *db, int64_t actor_id, struct block_row **out, size_t *n);

/* For SQL in other data modules: true when the member bound at ?1 and
 * the member in column col are not blocked either way, e.g.
 *   "SELECT ... WHERE " DB_NOT_BLOCKED("p.author_id")
 * One definition, so every module applies the same rule. */
#define DB_NOT_BLOCKED(col) "NOT EXISTS (SELECT 1 FROM blocks WHERE " \
	"(blocker_id = ?1 AND blocked_id = " col ") OR (blocker_id = " col " AND blocked_id = ?1))"

#endif
