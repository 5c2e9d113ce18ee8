/* The one error vocabulary, as OpenSSH's SSH_ERR_*: every function that can
 * fail for a reason the caller may act on returns 0 or one of these negative
 * codes, from the rules, the data layer and the account operations alike.
 * Callers test `!= 0` (or name the code they handle); a sentence for the
 * member, when there is one, travels separately in a `const char **why`.
 * Out-parameters are written only when 0 is returned. */
#ifndef ERR_H
#define ERR_H

#define ERR_OK		0
#define ERR_INTERNAL	(-1)	/* I/O, corruption, a constraint we did not expect */
#define ERR_NOTFOUND	(-2)	/* no such row, or not one the actor may see */
#define ERR_EXISTS	(-3)	/* a unique key is taken */
#define ERR_DENIED	(-4)	/* the actor may not do this */
#define ERR_INVALID	(-5)	/* a value or a move refused by a rule */
#define ERR_AUTH	(-6)	/* wrong login, password or key */
#define ERR_BUSY	(-7)	/* a lock stayed taken: the database's past the busy
				 * timeout, or the member's search lock (db-search.h) */
#define ERR_STATE	(-8)	/* not possible from the state the target is in */
#define ERR_TOOBROAD	(-9)	/* a search ran out of its time budget: narrow it */
#define ERR_FULL	(-10)	/* no room left (a mentor's mentees) */
#define ERR_PAUSED	(-11)	/* the other member paused what was asked for */
#define ERR_LIMIT	(-12)	/* too many waiting at once (requests) */
#define ERR_NOT_OFFERED	(-13)	/* the other member does not offer it (mentoring) */
#define ERR_TOO_FAST	(-14)	/* over a rate limit: try again in a minute */

/* A short lower-case phrase for a code, for logs and the CLI's one line
 * ("not found", "permission denied"); never NULL, "unknown error" for a
 * code not listed above. */
const char *err_str(int code);

#endif
