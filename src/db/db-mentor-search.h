/* Finding mentors: filtered, full-text search (FTS5 over name, position,
 * institution, bio and topics, prefix matching, ranked), "Suggested for
 * you", bookmarks and check-ins. The searcher never sees themself, nor
 * members blocked either way, nor anyone not open to mentoring. */
#ifndef DB_MENTOR_SEARCH_H
#define DB_MENTOR_SEARCH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"
#include "rules/mentor.h"

struct db;

#define MENTOR_QUERY_SZ	MEMBER_FIELD_SZ

/* Every filter is optional: "" or 0 means any. Text filters match words
 * (case-insensitive, the last word as a prefix) in their field. */
struct mentor_query {
	char text[MENTOR_QUERY_SZ];	/* free text: name, position, institution, bio, topics */
	char specialty[MENTOR_QUERY_SZ];	/* specialty or sub-specialty */
	char program[MENTOR_QUERY_SZ];	/* degree program */
	char place[MENTOR_QUERY_SZ];	/* city, region or country */
	char topic[MENTOR_QUERY_SZ];	/* mentoring topics */
	int year_from, year_to;		/* graduation years; 0 = open end */
	int role;			/* -1 any, ROLE_ALUMNI, ROLE_TRAINEE */
	bool accepting;			/* only mentors with room now */
};

void mentor_query_init(struct mentor_query *q);

/* Folds the members changed since the last call (queued by triggers on
 * users) into the full-text index. Search and suggestions call it first;
 * cheap when nothing changed. */
int db_mentor_index_sync(struct db *db);

/* One mentor in a result list. */
struct mentor_hit {
	int64_t id;
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
	enum role role;
	char specialty[MEMBER_FIELD_SZ];
	char position[MEMBER_FIELD_SZ];
	char city[MEMBER_FIELD_SZ];
	char region[MEMBER_FIELD_SZ];
	char country[MEMBER_FIELD_SZ];
	int max_mentees, active;
	bool paused, has_room;
	int64_t last_login_at;		/* 0: never */
	int64_t reply_secs;		/* -1: no replies yet */
	int score;			/* suggestions only */
	char why[96];			/* suggestions only: "same specialty, ..." */
};

#define MENTOR_SEARCH_POOL 200	/* matches ranked per search */

/* Results offset..offset+limit-1 for actor: ranked by relevance when
 * there is free text, else by name, among the first MENTOR_SEARCH_POOL
 * matching mentors (so offset + limit beyond that returns nothing). Caller frees *out. ERR_INVALID if a
 * text filter has nothing searchable in it (only punctuation);
 * ERR_TOOBROAD when it ran out of its time budget, ERR_BUSY while another
 * search of actor's runs (db-search.h); the same for suggestions. */
int db_mentor_search(struct db *db, int64_t actor_id, const struct mentor_query *q,
    size_t offset, size_t limit, struct mentor_hit **out, size_t *n);

/* Up to max mentors for actor, best first, each with a reason. Mentors
 * with no room, and those actor already asked or works with, are left
 * out. Caller frees *out. */
int db_mentor_suggest(struct db *db, int64_t actor_id, size_t max,
    struct mentor_hit **out, size_t *n);

/* Bookmarks: actor's own only. */
int db_mentor_bookmark(struct db *db, int64_t actor_id, int64_t mentor_id, bool on);
int db_mentor_bookmarked(struct db *db, int64_t actor_id, int64_t mentor_id, bool *on);
/* actor's bookmarked mentors (not blocked either way), newest first. */
int db_mentor_bookmarks(struct db *db, int64_t actor_id, struct mentor_hit **out, size_t *n);

/* Check-ins. Only the two members of an active mentorship add them (a
 * block between them refuses with ERR_DENIED); they and admins read them.
 * note up to MENTOR_CHECKIN_MAX, next_date empty or YYYY-MM-DD. */
struct mentor_checkin {
	int64_t id;
	int64_t author_id;
	char author_name[MEMBER_NAME_SZ];
	bool met;
	char next_date[11];
	char note[MENTOR_CHECKIN_SZ];
	int64_t created_at;
};
int db_mentor_checkin_add(struct db *db, int64_t actor_id, int64_t ship_id, bool met,
    const char *next_date, const char *note);
/* Newest first. Caller frees *out. */
int db_mentor_checkins(struct db *db, int64_t actor_id, int64_t ship_id,
    struct mentor_checkin **out, size_t *n);

#endif
