/* Domain rules for one-on-one mentoring: the state machine of a
 * mentorship, what a request message and a check-in may contain, the
 * reasons a member picks from, the responsiveness labels and the score
 * behind "Suggested for you". No SQL (that is db-mentor*.c), no curses.
 *
 * Functions that can refuse input return 0, or -1 with a human-readable
 * reason in *why (a static string). */
#ifndef MENTOR_H
#define MENTOR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rules/member.h"

#define MENTOR_MESSAGE_MAX	1000	/* characters of a request message */
#define MENTOR_MESSAGE_MIN	20	/* goals need a sentence, not "hi" */
#define MENTOR_NOTE_MAX		200	/* note with an answer */
#define MENTOR_CHECKIN_MAX	120	/* one-line check-in note */
#define MENTOR_MESSAGE_SZ	(MENTOR_MESSAGE_MAX * 4 + 1)
#define MENTOR_NOTE_SZ		(MENTOR_NOTE_MAX * 4 + 1)
#define MENTOR_CHECKIN_SZ	(MENTOR_CHECKIN_MAX * 4 + 1)
#define MENTOR_SILENT_DAYS	90	/* ask to re-confirm availability after */
#define MENTOR_MEET_MIN		1	/* the program expects at least one meeting */
#define MENTOR_MEET_TYPICAL_LO	3
#define MENTOR_MEET_TYPICAL_HI	6

enum mentor_state {
	MS_REQUESTED, MS_ACTIVE, MS_PAUSED, MS_DECLINED, MS_WITHDRAWN,
	MS_EXPIRED, MS_ENDED, MS_COUNT
};

enum mentor_action {
	MA_ACCEPT, MA_DECLINE, MA_WITHDRAW, MA_EXPIRE, MA_PAUSE, MA_RESUME,
	MA_END, MA_COUNT
};

/* Who acts: the sender of the request, its receiver, or the sweep. */
enum mentor_side { MSIDE_MENTEE, MSIDE_MENTOR, MSIDE_SYSTEM };

/* The one table of legal transitions. Returns 0 and *to, or -1 if `who`
 * may not do `a` in state `from`. */
int mentor_transition(enum mentor_state from, enum mentor_action a,
    enum mentor_side who, enum mentor_state *to);
/* May `side` do `action` to a mentorship in `state`? Answered from the
 * same table, so a screen offers exactly the moves the data layer makes
 * (and the data layer refuses exactly the rest). False for any value out
 * of range. */
bool mentor_may(enum mentor_state state, enum mentor_action action, enum mentor_side side);

/* "requested", "active", ... (the words stored in the database). */
const char *mentor_state_name(enum mentor_state s);
int mentor_state_parse(const char *s, enum mentor_state *out);
/* What a member reads: "waiting for an answer", "active", ... */
const char *mentor_state_label(enum mentor_state s);
/* The first column of a row in My mentoring: "Your mentee", "Mentor
 * (paused)", "Request from"/"Request to" for a request whether it waits
 * or was declined, withdrawn or expired (it never became a mentorship),
 * and "Was mentee"/"Was mentor" only for an ended mentorship. */
const char *mentor_row_label(enum mentor_state s, bool i_am_mentor);
/* requested, active or paused: counts against limits and duplicates. */
bool mentor_state_open(enum mentor_state s);
/* active, paused or ended: the request was accepted, so meetings count
 * (requested, declined, withdrawn and expired never ran). */
bool mentor_state_ran(enum mentor_state s);
/* Check-ins are logged only while a mentorship is active. */
bool mentor_may_checkin(enum mentor_state s);

/* A request message: required, goals and wanted help, multi-line,
 * MENTOR_MESSAGE_MIN..MENTOR_MESSAGE_MAX characters. */
int mentor_check_message(const char *msg, const char **why);
/* An optional one-line note (answer: MENTOR_NOTE_MAX; check-in:
 * MENTOR_CHECKIN_MAX). Empty is fine. */
int mentor_check_note(const char *note, size_t max_chars, const char **why);
/* A next-meeting date: empty or YYYY-MM-DD with a real month and day,
 * not before the UTC day of `now` (unix seconds; a next meeting cannot be
 * in the past). */
int mentor_check_date(const char *s, int64_t now, const char **why);
/* A check-in says something: that they met, the next date or a note. No
 * meeting and nothing else is an empty form, refused with *why. */
int mentor_check_checkin(bool met, const char *next_date, const char *note,
    const char **why);

/* Reasons picked from a list. Codes are stored; labels are shown to the
 * one who picks them and to admins, never to the mentee (declines). */
struct mentor_reason {
	const char *code;
	const char *label;
};
extern const struct mentor_reason mentor_decline_reasons[];
extern const size_t mentor_decline_reasons_n;
extern const struct mentor_reason mentor_end_reasons[];
extern const size_t mentor_end_reasons_n;
/* True if code is in the list (n entries). */
bool mentor_reason_valid(const struct mentor_reason *list, size_t n, const char *code);

/* Responsiveness: "today", "this week", "this month", "a while ago",
 * "never" for the last login at `last` seen at `now`. */
const char *mentor_last_active(int64_t last, int64_t now);
/* Typical reply time in words into buf: "replies within a day",
 * "replies within a week", "replies in about 2 weeks", "no replies yet"
 * for secs < 0. */
void mentor_reply_label(int64_t secs, char *buf, size_t sz);

/* Meetings so far against the program's expectation while the mentorship
 * runs (requested, active, paused), e.g. "2 meetings logged, on the way
 * (program: at least 1, typically 3-6)"; once it is closed (ended,
 * declined, withdrawn, expired) only the count: "2 meetings logged". */
void mentor_progress(enum mentor_state s, int meetings, char *buf, size_t sz);

/* Scores mentor for mentee "Suggested for you": overlap of specialty,
 * topics, degree program, place, and the mentee's goals (their topics,
 * sub-specialty and bio words) with what the mentor offers; then spread
 * across mentors by dividing by the requests the mentor already has
 * waiting and ever had. Returns the score (0: no reason to suggest) and a
 * few words of why into why ("same specialty, topics: residency"). */
int mentor_score(const struct member *mentee, const struct member *mentor,
    int64_t pending, int64_t asked, char *why, size_t whysz);

/* The fields of a mentor that free-text search looks at. */
struct mentor_text {
	const char *name, *position, *institution, *topics, *bio;
	const char *specialty, *subspecialty, *programs;
};

/* Relevance of a member's text to free-text search words, for ranking a
 * search: each word that starts a word of a field adds that field's
 * weight (name 10, topics 5, specialty 5, sub-specialty 5, position 4,
 * institution 3, degree programs 2, bio 1). Words are compared
 * case-insensitively (ASCII); a trailing '*' (prefix matching is the
 * default anyway) and other punctuation only separate words. NULL fields
 * count as empty. 0: no word found. */
int mentor_text_score(const char *query, const struct mentor_text *t);

#endif
