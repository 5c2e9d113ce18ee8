/* Mentoring rules without a database (mentor.c): the state machine, input
 * checks, labels and the suggestion score. */
#include <string.h>
#include "test.h"
#include <stdlib.h>
#include "rules/mentor.h"
#include "ui/screenfile.h"

#define NOW	1796040000	/* 2026-11-30 12:00 UTC */

/* The legal moves, written out independently of the table in mentor.c. */
static bool
legal(enum mentor_state s, enum mentor_action a, enum mentor_side w, enum mentor_state *to)
{
	switch (a) {
	case MA_ACCEPT: *to = MS_ACTIVE; return s == MS_REQUESTED && w == MSIDE_MENTOR;
	case MA_DECLINE: *to = MS_DECLINED; return s == MS_REQUESTED && w == MSIDE_MENTOR;
	case MA_WITHDRAW: *to = MS_WITHDRAWN; return s == MS_REQUESTED && w == MSIDE_MENTEE;
	case MA_EXPIRE: *to = MS_EXPIRED; return s == MS_REQUESTED && w == MSIDE_SYSTEM;
	case MA_PAUSE: *to = MS_PAUSED; return s == MS_ACTIVE && w != MSIDE_SYSTEM;
	case MA_RESUME: *to = MS_ACTIVE; return s == MS_PAUSED && w != MSIDE_SYSTEM;
	case MA_END: *to = MS_ENDED;
		return (s == MS_ACTIVE || s == MS_PAUSED) && w != MSIDE_SYSTEM;
	default: return false;
	}
}

TEST(mentor_every_transition_legal_or_refused)
{
	int checked = 0, allowed = 0;

	for (int s = 0; s < MS_COUNT; s++)
		for (int a = 0; a < MA_COUNT; a++)
			for (int w = MSIDE_MENTEE; w <= MSIDE_SYSTEM; w++) {
				enum mentor_state want = MS_COUNT, got = MS_COUNT;
				bool ok = legal(s, a, w, &want);
				int r = mentor_transition(s, a, w, &got);

				if (ok) {
					CHECK_INT(r, 0);
					CHECK_INT(got, want);
					allowed++;
				} else {
					CHECK_INT(r, -1);
				}
				checked++;
			}
	CHECK_INT(checked, MS_COUNT * MA_COUNT * 3);
	CHECK_INT(allowed, 12);
}

TEST(mentor_closed_states_are_final)
{
	enum mentor_state to;
	const enum mentor_state closed[] = { MS_DECLINED, MS_WITHDRAWN, MS_EXPIRED, MS_ENDED };

	for (size_t i = 0; i < 4; i++) {
		CHECK(!mentor_state_open(closed[i]));
		for (int a = 0; a < MA_COUNT; a++)
			for (int w = MSIDE_MENTEE; w <= MSIDE_SYSTEM; w++)
				CHECK_INT(mentor_transition(closed[i], a, w, &to), -1);
	}
	CHECK(mentor_state_open(MS_REQUESTED) && mentor_state_open(MS_PAUSED));
}

TEST(mentor_state_names_round_trip)
{
	enum mentor_state s;

	for (int i = 0; i < MS_COUNT; i++) {
		CHECK_INT(mentor_state_parse(mentor_state_name(i), &s), 0);
		CHECK_INT(s, i);
	}
	CHECK_INT(mentor_state_parse("accepted", &s), -1);
}

TEST(mentor_message_checks)
{
	char big[MENTOR_MESSAGE_MAX + 10];
	const char *why = NULL;

	CHECK_INT(mentor_check_message("", &why), -1);
	CHECK_INT(mentor_check_message("   \n  ", &why), -1);
	CHECK_INT(mentor_check_message("hi", &why), -1);
	CHECK(strstr(why, "too short") != NULL);
	CHECK_INT(mentor_check_message("I want to apply to cardiology fellowships.\n"
	    "Could you review my plan?", &why), 0);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(mentor_check_message(big, &why), -1);
	CHECK(strstr(why, "too long") != NULL);
	CHECK_INT(mentor_check_message("Goals: learn \x1b[31m about research", &why), -1);
	CHECK_INT(mentor_check_message("Goals: learn \xe2\x80\xae about research", &why), -1);
}

TEST(mentor_note_and_date_checks)
{
	const char *why;

	CHECK_INT(mentor_check_note("", 10, &why), 0);
	CHECK_INT(mentor_check_note("short", 10, &why), 0);
	CHECK_INT(mentor_check_note("far too long for it", 10, &why), -1);
	CHECK_INT(mentor_check_note("two\nlines", 80, &why), -1);
	CHECK_INT(mentor_check_date("", NOW, &why), 0);
	CHECK_INT(mentor_check_date("2026-12-03", NOW, &why), 0);
	CHECK_INT(mentor_check_date("2026-02-30", NOW, &why), -1);
	CHECK_INT(mentor_check_date("2026-13-01", NOW, &why), -1);
	CHECK_INT(mentor_check_date("03/12/2026", NOW, &why), -1);
	CHECK_INT(mentor_check_date("2026-1-3", NOW, &why), -1);
	CHECK_INT(mentor_check_date("2028-02-29", NOW, &why), 0);
	CHECK_INT(mentor_check_date("2027-02-29", NOW, &why), -1);
}

TEST(mentor_check_date_refuses_the_past)
{
	const char *why = NULL;

	/* NOW is 2026-11-30 12:00 UTC. */
	CHECK_INT(mentor_check_date("2026-11-30", NOW, &why), 0);	/* today is fine */
	CHECK_INT(mentor_check_date("2026-12-01", NOW, &why), 0);
	CHECK_INT(mentor_check_date("2026-11-29", NOW, &why), -1);
	CHECK_STR(why, "the next date is in the past; give today or a later day");
	CHECK_INT(mentor_check_date("2025-12-31", NOW, &why), -1);
	CHECK_INT(mentor_check_date("2001-01-01", NOW, &why), -1);
}

TEST(mentor_labels)
{
	char buf[64];
	int64_t now = 1800000000;

	CHECK_STR(mentor_last_active(0, now), "never");
	CHECK_STR(mentor_last_active(now - 3600, now), "today");
	CHECK_STR(mentor_last_active(now - 3 * 86400, now), "this week");
	CHECK_STR(mentor_last_active(now - 20 * 86400, now), "this month");
	CHECK_STR(mentor_last_active(now - 90 * 86400, now), "a while ago");
	mentor_reply_label(-1, buf, sizeof buf);
	CHECK_STR(buf, "no replies yet");
	mentor_reply_label(7200, buf, sizeof buf);
	CHECK_STR(buf, "replies within a day");
	mentor_reply_label(20 * 86400, buf, sizeof buf);
	CHECK_STR(buf, "replies in about 3 weeks");
	mentor_progress(MS_ACTIVE, 0, buf, sizeof buf);
	CHECK(strstr(buf, "not met yet") != NULL);
	mentor_progress(MS_PAUSED, 4, buf, sizeof buf);
	CHECK(strstr(buf, "on track") != NULL);
	CHECK(mentor_reason_valid(mentor_decline_reasons, mentor_decline_reasons_n, "busy"));
	CHECK(!mentor_reason_valid(mentor_decline_reasons, mentor_decline_reasons_n, "rude"));
	CHECK(!mentor_reason_valid(mentor_end_reasons, mentor_end_reasons_n, NULL));
}

TEST(mentor_row_label_says_request_for_requests_that_never_ran)
{
	CHECK_STR(mentor_row_label(MS_ACTIVE, true), "Your mentee");
	CHECK_STR(mentor_row_label(MS_PAUSED, false), "Mentor (paused)");
	CHECK_STR(mentor_row_label(MS_REQUESTED, true), "Request from");
	CHECK_STR(mentor_row_label(MS_REQUESTED, false), "Request to");
	CHECK_STR(mentor_row_label(MS_DECLINED, true), "Request from");
	CHECK_STR(mentor_row_label(MS_DECLINED, false), "Request to");
	CHECK_STR(mentor_row_label(MS_WITHDRAWN, true), "Request from");
	CHECK_STR(mentor_row_label(MS_EXPIRED, false), "Request to");
	CHECK_STR(mentor_row_label(MS_ENDED, true), "Was mentee");
	CHECK_STR(mentor_row_label(MS_ENDED, false), "Was mentor");
}

TEST(mentor_progress_of_a_closed_mentorship_is_only_the_count)
{
	char buf[96];

	mentor_progress(MS_ACTIVE, 2, buf, sizeof buf);
	CHECK_STR(buf, "2 meetings logged, on the way (program: at least 1, typically 3-6)");
	mentor_progress(MS_ENDED, 2, buf, sizeof buf);
	CHECK_STR(buf, "2 meetings logged");
	mentor_progress(MS_ENDED, 1, buf, sizeof buf);
	CHECK_STR(buf, "1 meeting logged");
	mentor_progress(MS_DECLINED, 0, buf, sizeof buf);
	CHECK_STR(buf, "0 meetings logged");
	mentor_progress(MS_WITHDRAWN, 0, buf, sizeof buf);
	CHECK(strstr(buf, "not met yet") == NULL);
	mentor_progress(MS_EXPIRED, 0, buf, sizeof buf);
	CHECK(strstr(buf, "program") == NULL);
}

TEST(mentor_score_overlap_reasons_and_load_balance)
{
	struct member me, a, b;
	char why[96];
	int sa, sb, s_busy;

	memset(&me, 0, sizeof me);
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	strcpy(me.specialty, "Cardiology");
	strcpy(me.topics, "residency applications, research careers");
	strcpy(me.programs, "MD, PhD");
	strcpy(me.city, "Boston");
	strcpy(a.specialty, "cardiology");
	strcpy(a.topics, "Research careers, leadership");
	strcpy(a.programs, "MD");
	strcpy(a.city, "Boston");
	strcpy(b.specialty, "Dermatology");
	strcpy(b.city, "Tokyo");
	sa = mentor_score(&me, &a, 0, 0, why, sizeof why);
	CHECK(sa > 0);
	CHECK(strstr(why, "same specialty") != NULL);
	CHECK(strstr(why, "topics: research careers") != NULL);
	CHECK(strstr(why, "same city") != NULL);
	CHECK(strstr(why, "also MD") != NULL);
	sb = mentor_score(&me, &b, 0, 0, why, sizeof why);
	CHECK_INT(sb, 0);
	CHECK_STR(why, "");
	/* The same fit with three requests waiting ranks lower. */
	s_busy = mentor_score(&me, &a, 3, 10, why, sizeof why);
	CHECK(s_busy > 0 && s_busy < sa);
}

/* name, position, institution, topics, bio; no specialty fields. */
static int
score5(const char *q, const char *name, const char *pos, const char *inst, const char *topics,
    const char *bio)
{
	return mentor_text_score(q, &(const struct mentor_text){ name, pos, inst, topics, bio,
	    NULL, NULL, NULL });
}

TEST(mentor_text_score_weights_fields_and_prefixes)
{
	CHECK_INT(score5("", "Ann Lee", "", "", "", ""), 0);
	CHECK_INT(score5("lee", "Ann Lee", "", "", "", ""), 10);
	CHECK_INT(score5("LE", "Ann Lee", "", "", "", ""), 10);
	CHECK_INT(score5("ee", "Ann Lee", "", "", "", ""), 0);	/* not a word start */
	CHECK_INT(score5("grant", "X", "", "", "grant writing", "I write grants"), 6);
	CHECK_INT(score5("grant prof", "X", "Professor", "", "grant writing", ""), 9);
	CHECK_INT(score5("\"*(", "X", "", "", "", ""), 0);
}

TEST(mentor_text_score_counts_specialty_and_programs)
{
	struct mentor_text t = { "Ann Lee", "", "", "", "", "Cardiology", "Electrophysiology",
	    "MD, PhD" };

	CHECK_INT(mentor_text_score("card", &t), 5);
	CHECK_INT(mentor_text_score("card*", &t), 5);
	CHECK_INT(mentor_text_score("electro", &t), 5);
	CHECK_INT(mentor_text_score("phd", &t), 2);
	/* A name still outranks any one specialty field. */
	CHECK(mentor_text_score("lee", &t) > mentor_text_score("cardiology", &t));
}

/* The Find a mentor help names every filter, in the file and built in. */
TEST(mentor_find_help_names_every_filter)
{
	static const char *const filters[] = { "Words", "Specialty", "Degree program",
	    "Year", "Place", "Mentoring topic", "Role", "Accepting" };
	const char *builtin = screenfile_builtin("help-mentor-find");
	struct screenfile_vars v = { 0 };
	bool from_file = false;
	char *file = screenfile_load("screens", "help-mentor-find", &v, &from_file);

	CHECK(from_file);
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		CHECK(strstr(builtin, filters[i]) != NULL);
		CHECK(strstr(file, filters[i]) != NULL);
	}
	free(file);
}

/* mentor_may answers from the one table: for every state, action and
 * side it agrees with mentor_transition and with the moves written out
 * above, so a screen asking it offers exactly what the data layer does. */
TEST(mentor_may_matches_the_transition_table)
{
	int allowed = 0;

	for (int s = 0; s < MS_COUNT; s++)
		for (int a = 0; a < MA_COUNT; a++)
			for (int w = MSIDE_MENTEE; w <= MSIDE_SYSTEM; w++) {
				enum mentor_state want = MS_COUNT, got = MS_COUNT;
				bool ok = legal(s, a, w, &want);

				CHECK_INT(mentor_may(s, a, w), ok);
				CHECK_INT(mentor_may(s, a, w), mentor_transition(s, a, w, &got) == 0);
				allowed += ok;
			}
	CHECK_INT(allowed, 12);
	/* Values outside the enums are never allowed. */
	CHECK(!mentor_may(MS_COUNT, MA_ACCEPT, MSIDE_MENTOR));
	CHECK(!mentor_may(MS_REQUESTED, MA_COUNT, MSIDE_MENTOR));
	CHECK(!mentor_may(MS_REQUESTED, MA_ACCEPT, (enum mentor_side)(MSIDE_SYSTEM + 1)));
}

/* What My mentoring's one-mentorship screen shows besides the moves:
 * progress once a mentorship ran, check-ins only while it is active. */
TEST(mentor_state_ran_and_checkins)
{
	static const struct { enum mentor_state s; bool ran, checkin; } want[] = {
		{ MS_REQUESTED, false, false }, { MS_ACTIVE, true, true },
		{ MS_PAUSED, true, false }, { MS_DECLINED, false, false },
		{ MS_WITHDRAWN, false, false }, { MS_EXPIRED, false, false },
		{ MS_ENDED, true, false },
	};

	CHECK_INT(sizeof want / sizeof want[0], MS_COUNT);
	for (size_t i = 0; i < MS_COUNT; i++) {
		CHECK_INT(mentor_state_ran(want[i].s), want[i].ran);
		CHECK_INT(mentor_may_checkin(want[i].s), want[i].checkin);
	}
}
