/* Mentoring rules: state machine, input checks, labels and the suggestion
 * score; see mentor.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "rules/mentor.h"
#include "lib/text.h"

static const char *const state_names[MS_COUNT] = {
	[MS_REQUESTED] = "requested",
	[MS_ACTIVE] = "active",
	[MS_PAUSED] = "paused",
	[MS_DECLINED] = "declined",
	[MS_WITHDRAWN] = "withdrawn",
	[MS_EXPIRED] = "expired",
	[MS_ENDED] = "ended",
};

static const char *const state_labels[MS_COUNT] = {
	[MS_REQUESTED] = "waiting for an answer",
	[MS_ACTIVE] = "active",
	[MS_PAUSED] = "paused",
	[MS_DECLINED] = "declined",
	[MS_WITHDRAWN] = "withdrawn",
	[MS_EXPIRED] = "expired unanswered",
	[MS_ENDED] = "ended",
};

/* Every legal move; anything not listed is refused. Only the receiver
 * answers, only the sender withdraws, only the sweep expires; either side
 * pauses, resumes and ends. */
static const struct transition {
	enum mentor_state from;
	enum mentor_action action;
	enum mentor_side who;
	enum mentor_state to;
} transitions[] = {
	{ MS_REQUESTED, MA_ACCEPT, MSIDE_MENTOR, MS_ACTIVE },
	{ MS_REQUESTED, MA_DECLINE, MSIDE_MENTOR, MS_DECLINED },
	{ MS_REQUESTED, MA_WITHDRAW, MSIDE_MENTEE, MS_WITHDRAWN },
	{ MS_REQUESTED, MA_EXPIRE, MSIDE_SYSTEM, MS_EXPIRED },
	{ MS_ACTIVE, MA_PAUSE, MSIDE_MENTOR, MS_PAUSED },
	{ MS_ACTIVE, MA_PAUSE, MSIDE_MENTEE, MS_PAUSED },
	{ MS_PAUSED, MA_RESUME, MSIDE_MENTOR, MS_ACTIVE },
	{ MS_PAUSED, MA_RESUME, MSIDE_MENTEE, MS_ACTIVE },
	{ MS_ACTIVE, MA_END, MSIDE_MENTOR, MS_ENDED },
	{ MS_ACTIVE, MA_END, MSIDE_MENTEE, MS_ENDED },
	{ MS_PAUSED, MA_END, MSIDE_MENTOR, MS_ENDED },
	{ MS_PAUSED, MA_END, MSIDE_MENTEE, MS_ENDED },
};

/* The row of the table for this move, or NULL if it is not listed. */
static const struct transition *
find_transition(enum mentor_state from, enum mentor_action a, enum mentor_side who)
{
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++) {
		const struct transition *t = &transitions[i];

		if (t->from == from && t->action == a && t->who == who)
			return t;
	}
	return NULL;
}

int
mentor_transition(enum mentor_state from, enum mentor_action a, enum mentor_side who,
    enum mentor_state *to)
{
	const struct transition *t = find_transition(from, a, who);

	if (t == NULL)
		return -1;
	*to = t->to;
	return 0;
}

bool
mentor_may(enum mentor_state state, enum mentor_action action, enum mentor_side side)
{
	return find_transition(state, action, side) != NULL;
}

const char *
mentor_state_name(enum mentor_state s)
{
	return (unsigned)s < MS_COUNT ? state_names[s] : "ended";
}

int
mentor_state_parse(const char *s, enum mentor_state *out)
{
	for (int i = 0; i < MS_COUNT; i++) {
		if (strcmp(s, state_names[i]) == 0) {
			*out = (enum mentor_state)i;
			return 0;
		}
	}
	return -1;
}

const char *
mentor_state_label(enum mentor_state s)
{
	return (unsigned)s < MS_COUNT ? state_labels[s] : "?";
}

const char *
mentor_row_label(enum mentor_state s, bool i_am_mentor)
{
	switch (s) {
	case MS_ACTIVE:
		return i_am_mentor ? "Your mentee" : "Your mentor";
	case MS_PAUSED:
		return i_am_mentor ? "Mentee (paused)" : "Mentor (paused)";
	case MS_ENDED:
		return i_am_mentor ? "Was mentee" : "Was mentor";
	default:	/* requested, declined, withdrawn, expired */
		return i_am_mentor ? "Request from" : "Request to";
	}
}

bool
mentor_state_open(enum mentor_state s)
{
	return s == MS_REQUESTED || s == MS_ACTIVE || s == MS_PAUSED;
}

bool
mentor_state_ran(enum mentor_state s)
{
	return s == MS_ACTIVE || s == MS_PAUSED || s == MS_ENDED;
}

bool
mentor_may_checkin(enum mentor_state s)
{
	return s == MS_ACTIVE;
}

/* True if s has at least one character that is not white space. */
static bool
has_content(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return true;
	return false;
}

int
mentor_check_message(const char *msg, const char **why)
{
	const char *bad;

	if (msg == NULL || !has_content(msg)) {
		*why = "a request needs a message: your goals and what help you want";
		return -1;
	}
	if ((bad = text_check_multiline(msg, MENTOR_MESSAGE_MAX)) != NULL) {
		*why = text_chars(msg) > MENTOR_MESSAGE_MAX ?
		    "the message is too long: at most 1000 characters" : bad;
		return -1;
	}
	if (text_chars(msg) < MENTOR_MESSAGE_MIN) {
		*why = "the message is too short: say what your goals are and what "
		    "help you want (at least 20 characters)";
		return -1;
	}
	return 0;
}

int
mentor_check_note(const char *note, size_t max_chars, const char **why)
{
	const char *bad;

	if (note == NULL || note[0] == '\0')
		return 0;
	if ((bad = text_check_line(note, max_chars)) != NULL) {
		*why = text_chars(note) > max_chars ? "the note is too long" : bad;
		return -1;
	}
	return 0;
}

int
mentor_check_checkin(bool met, const char *next_date, const char *note, const char **why)
{
	if (met || (next_date != NULL && next_date[0] != '\0') ||
	    (note != NULL && note[0] != '\0'))
		return 0;
	*why = "a check-in needs something to log: that you met, the next date or a note";
	return -1;
}

int
mentor_check_date(const char *s, int64_t now, const char **why)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	time_t t = (time_t)now;
	struct tm today;
	int y, m, d;

	if (s == NULL || s[0] == '\0')
		return 0;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			goto bad;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 2000 || y > 2100 || m < 1 || m > 12)
		goto bad;
	if (d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))) {
		*why = "there is no such day in that month";
		return -1;
	}
	/* Compared as YYYYMMDD numbers against today's date (UTC). */
	if (gmtime_r(&t, &today) != NULL &&
	    y * 10000 + m * 100 + d <
	    (today.tm_year + 1900) * 10000 + (today.tm_mon + 1) * 100 + today.tm_mday) {
		*why = "the next date is in the past; give today or a later day";
		return -1;
	}
	return 0;
bad:
	*why = "write the date as YYYY-MM-DD";
	return -1;
}

const struct mentor_reason mentor_decline_reasons[] = {
	{ "busy", "I do not have time right now" },
	{ "fit", "My experience does not match these goals" },
	{ "area", "Outside my specialty or region" },
	{ "other", "Another reason" },
};
const size_t mentor_decline_reasons_n =
    sizeof mentor_decline_reasons / sizeof mentor_decline_reasons[0];

const struct mentor_reason mentor_end_reasons[] = {
	{ "goals", "Goals reached" },
	{ "time", "Not enough time" },
	{ "fit", "Not a good fit" },
	{ "other", "Another reason" },
};
const size_t mentor_end_reasons_n = sizeof mentor_end_reasons / sizeof mentor_end_reasons[0];

bool
mentor_reason_valid(const struct mentor_reason *list, size_t n, const char *code)
{
	for (size_t i = 0; code != NULL && i < n; i++)
		if (strcmp(list[i].code, code) == 0)
			return true;
	return false;
}

const char *
mentor_last_active(int64_t last, int64_t now)
{
	int64_t age = now - last;

	if (last <= 0)
		return "never";
	if (age < 86400)
		return "today";
	if (age < 7 * 86400)
		return "this week";
	if (age < 31 * 86400)
		return "this month";
	return "a while ago";
}

void
mentor_reply_label(int64_t secs, char *buf, size_t sz)
{
	if (secs < 0)
		snprintf(buf, sz, "no replies yet");
	else if (secs <= 86400)
		snprintf(buf, sz, "replies within a day");
	else if (secs <= 3 * 86400)
		snprintf(buf, sz, "replies within 3 days");
	else if (secs <= 7 * 86400)
		snprintf(buf, sz, "replies within a week");
	else
		snprintf(buf, sz, "replies in about %lld weeks",
		    (long long)((secs + 7 * 86400 - 1) / (7 * 86400)));
}

void
mentor_progress(enum mentor_state s, int meetings, char *buf, size_t sz)
{
	const char *where = meetings < MENTOR_MEET_MIN ? "not met yet" :
	    meetings < MENTOR_MEET_TYPICAL_LO ? "on the way" :
	    meetings <= MENTOR_MEET_TYPICAL_HI ? "on track" : "beyond the usual";

	/* A closed mentorship is not on its way anywhere: just the count. */
	if (!mentor_state_open(s)) {
		snprintf(buf, sz, "%d meeting%s logged", meetings, meetings == 1 ? "" : "s");
		return;
	}
	snprintf(buf, sz, "%d meeting%s logged, %s (program: at least %d, typically %d-%d)",
	    meetings, meetings == 1 ? "" : "s", where, MENTOR_MEET_MIN,
	    MENTOR_MEET_TYPICAL_LO, MENTOR_MEET_TYPICAL_HI);
}

/* Case-insensitive (ASCII) equality of two trimmed items. */
static bool
same_item(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == 0 || alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

static bool
same_text(const char *a, const char *b)
{
	return same_item(a, strlen(a), b, strlen(b));
}

/* Next item of a list separated by any of seps, trimmed. Returns false at
 * the end. */
static bool
next_item(const char **p, const char *seps, const char **item, size_t *len)
{
	const char *s = *p, *e;

	while (*s != '\0' && (strchr(seps, *s) != NULL || *s == ' '))
		s++;
	if (*s == '\0')
		return false;
	e = s;
	while (*e != '\0' && strchr(seps, *e) == NULL)
		e++;
	*p = e;
	*item = s;
	*len = (size_t)(e - s);
	while (*len > 0 && s[*len - 1] == ' ')
		(*len)--;
	return true;
}

/* Items of list a (split on seps) also in list b; the first is copied to
 * first (capacity firstsz). */
static int
overlap(const char *a, const char *b, const char *seps, char *first, size_t firstsz)
{
	const char *pa = a, *ia, *pb, *ib;
	size_t la, lb;
	int n = 0;

	while (next_item(&pa, seps, &ia, &la)) {
		pb = b;
		while (next_item(&pb, seps, &ib, &lb)) {
			if (!same_item(ia, la, ib, lb))
				continue;
			if (n++ == 0 && firstsz > 0)
				snprintf(first, firstsz, "%.*s", (int)(la < 40 ? la : 40), ia);
			break;
		}
	}
	return n;
}

/* Goal words (5+ letters) of the mentee's bio and sub-specialty found in
 * what the mentor offers: topics, specialty, sub-specialty, position. */
static int
goal_hits(const struct member *mentee, const struct member *mentor)
{
	const char *seps = " ,.;:!?()/\n\t-";
	const char *srcs[2] = { mentee->subspecialty, mentee->bio };
	const char *offers[4] = { mentor->topics, mentor->specialty,
	    mentor->subspecialty, mentor->position };
	const char *p, *it, *q, *jt;
	size_t len, jl;
	int hits = 0;

	for (int s = 0; s < 2 && hits < 3; s++) {
		p = srcs[s];
		while (hits < 3 && next_item(&p, seps, &it, &len)) {
			bool found = false;

			if (len < 5)
				continue;
			for (int o = 0; o < 4 && !found; o++) {
				q = offers[o];
				while (!found && next_item(&q, seps, &jt, &jl))
					found = same_item(it, len, jt, jl);
			}
			hits += found;
		}
	}
	return hits;
}

/* Appends ", what" (or "what" first) to why. */
static void
because(char *why, size_t sz, const char *what)
{
	size_t len = strlen(why);

	if (len + 3 < sz)
		snprintf(why + len, sz - len, "%s%s", len > 0 ? ", " : "", what);
}

int
mentor_score(const struct member *mentee, const struct member *mentor,
    int64_t pending, int64_t asked, char *why, size_t whysz)
{
	char first[48], piece[96];
	int raw = 0, n;

	why[0] = '\0';
	if (mentee->specialty[0] != '\0' && same_text(mentee->specialty, mentor->specialty)) {
		raw += 30;
		because(why, whysz, "same specialty");
	}
	if (mentee->subspecialty[0] != '\0' &&
	    same_text(mentee->subspecialty, mentor->subspecialty))
		raw += 10;
	if ((n = overlap(mentee->topics, mentor->topics, ",;", first, sizeof first)) > 0) {
		raw += 15 * (n > 3 ? 3 : n);
		snprintf(piece, sizeof piece, "topics: %s%s", first, n > 1 ? " +" : "");
		because(why, whysz, piece);
	}
	if (overlap(mentee->programs, mentor->programs, ",;/", first, sizeof first) > 0) {
		raw += 10;
		snprintf(piece, sizeof piece, "also %s", first);
		because(why, whysz, piece);
	}
	if (mentee->city[0] != '\0' && same_text(mentee->city, mentor->city)) {
		raw += 10;
		because(why, whysz, "same city");
	} else if (mentee->region[0] != '\0' && same_text(mentee->region, mentor->region)) {
		raw += 6;
		because(why, whysz, "same region");
	} else if (mentee->country[0] != '\0' && same_text(mentee->country, mentor->country)) {
		raw += 2;
	}
	if ((n = goal_hits(mentee, mentor)) > 0) {
		raw += 4 * n;
		because(why, whysz, "matches your goals");
	}
	if (raw == 0)
		return 0;
	/* Spread requests: a mentor with many waiting requests, or asked a lot
	 * already, ranks below an equally good fit who is asked less. */
	if (pending < 0)
		pending = 0;
	if (asked < 0)
		asked = 0;
	return (int)((int64_t)raw * 1000 / (100 + 40 * pending + 5 * (asked > 40 ? 40 : asked)))
	    + 1;
}

static bool
word_char(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

/* Does a word of text start with w (wlen bytes)? */
static bool
has_prefix_word(const char *text, const char *w, size_t wlen)
{
	const unsigned char *p = (const unsigned char *)text;

	while (*p != '\0') {
		size_t i = 0;

		while (*p != '\0' && !word_char(*p))
			p++;
		while (i < wlen && p[i] != '\0' &&
		    tolower(p[i]) == tolower((unsigned char)w[i]))
			i++;
		if (i == wlen && wlen > 0)
			return true;
		while (*p != '\0' && word_char(*p))
			p++;
	}
	return false;
}

int
mentor_text_score(const char *query, const struct mentor_text *t)
{
	const char *fields[8] = { t->name, t->topics, t->specialty, t->subspecialty,
	    t->position, t->institution, t->programs, t->bio };
	static const int weight[8] = { 10, 5, 5, 5, 4, 3, 2, 1 };
	const unsigned char *p = (const unsigned char *)query;
	int score = 0;

	while (*p != '\0') {
		const char *w;
		size_t len;

		while (*p != '\0' && !word_char(*p))
			p++;
		w = (const char *)p;
		while (*p != '\0' && word_char(*p))
			p++;
		if ((len = (size_t)((const char *)p - w)) == 0)
			break;
		for (int f = 0; f < 8; f++)
			if (fields[f] != NULL && has_prefix_word(fields[f], w, len))
				score += weight[f];
	}
	return score;
}
