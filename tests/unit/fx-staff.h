/* The permission matrix's world (issue 10): two communities X and Y, and
 * one member of each kind the matrix has rows for. Every moderation test
 * builds on it, so each row means the same everywhere:
 *   member     an active alumna, no powers
 *   mod_x      moderator of X (only)
 *   mod_y      moderator of Y (only)
 *   admin      an active admin
 *   suspended  a member whose account is suspended
 * plus author_x / author_y, ordinary members who joined X / Y and whose
 * thread (thread_x / thread_y, first post post_x / post_y) the actions
 * target. The moderators were appointed by the sysop. */
#ifndef FX_STAFF_H
#define FX_STAFF_H
#include <stdbool.h>
#include <stdint.h>

struct db;

struct fx_staff {
	struct db *db;
	int64_t x, y;				/* community ids */
	int64_t member, mod_x, mod_y, admin, suspended;
	int64_t author_x, author_y;
	int64_t thread_x, thread_y, post_x, post_y;
};

/* Fills w with a fresh world in a fresh database; false if a step failed
 * (the test then fails with CHECK(fx_staff_world(&w))). */
bool fx_staff_world(struct fx_staff *w);

/* The rows of the matrix in order, with their names for messages. */
enum fx_row { FX_MEMBER, FX_MOD_X, FX_MOD_Y, FX_ADMIN, FX_SUSPENDED, FX_ROWS };
int64_t fx_staff_actor(const struct fx_staff *w, enum fx_row r);
const char *fx_staff_row_name(enum fx_row r);

#endif
