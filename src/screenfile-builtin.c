/* Built-in text for every screen file, used when the sysop's file is
 * missing or broken. Shorter than the shipped files but complete enough
 * that a session works without a screens directory. */
#include <string.h>
#include "screenfile.h"

static const struct {
	const char *name;
	const char *text;
} builtin[] = {
	{ "welcome",
	  "This is {bbs}, where alumni of our medical centre mentor students and\n"
	  "trainees. Members online now: {online}. Today is {date}.\n" },
	{ "rules",
	  "Code of conduct\n\n"
	  "1. Be respectful. Disagree with ideas, never attack people.\n"
	  "2. Never share patient information (no PHI): no names, dates, images,\n"
	  "   record numbers or details that could identify a patient.\n"
	  "3. Keep what members tell you private. Do not copy posts or messages\n"
	  "   outside this system without permission.\n"
	  "4. No solicitation: no advertising, recruiting or fundraising.\n"
	  "5. HOST program: meet in public places first, respect your host's\n"
	  "   home and household, and report any concern at once.\n"
	  "6. Report harassment, PHI or unsafe behaviour to the sysops.\n\n"
	  "Breaking these rules can lead to suspension of your account.\n" },
	{ "goodbye",
	  "Goodbye, {name}. Thank you for visiting {bbs}.\n" },
	{ "closed",
	  "Registration is closed.\n\n"
	  "{bbs} is not accepting new members right now. If you are an alumnus,\n"
	  "trainee or student of our medical centre, ask a sysop for an account.\n" },
	{ "help-main",
	  "Main menu\n\n"
	  "Move with the arrow keys and press Enter, or press the highlighted\n"
	  "letter of an entry. ? shows help on every screen; q or Esc goes back.\n"
	  "On the main menu q asks whether to log off.\n" },
	{ "help-profile",
	  "Profile\n\n"
	  "e edits your profile, p changes your password, k manages your SSH\n"
	  "keys. Arrow keys and PgUp/PgDn scroll. q or Esc goes back.\n" },
	{ "help-profile-edit",
	  "Editing your profile\n\n"
	  "Choose a field with the arrow keys and press Enter to change it.\n"
	  "Yes/no fields and the role change with Enter or Space. s saves;\n"
	  "q or Esc leaves (you are asked before unsaved changes are lost).\n" },
	{ "help-password",
	  "Changing your password\n\n"
	  "Type your current password, then the new one twice. Passwords have\n"
	  "at least 10 characters. Esc cancels.\n" },
	{ "help-edit",
	  "Text editor\n\n"
	  "Type as usual; Enter starts a new line. Arrows, Home, End, PgUp and\n"
	  "PgDn move. Ctrl-X or F2 saves; Esc cancels (asks first if you\n"
	  "changed something). F1 shows this help.\n" },
	{ "help-keys",
	  "SSH keys\n\n"
	  "Log in without a password by adding your public key. a adds a key:\n"
	  "paste one line from your ~/.ssh/id_ed25519.pub. d removes the\n"
	  "selected key after asking. q or Esc goes back.\n" },
	{ "help-mentor-find",
	  "Find a mentor\n\n"
	  "Fill in any filters and press s to search; filters combine and words\n"
	  "match the start of words. g shows suggestions, b your bookmarks,\n"
	  "c clears the filters. q or Esc goes back.\n" },
	{ "help-mentor-results",
	  "Mentors\n\n"
	  "Name, role, room for mentees and last activity; then specialty,\n"
	  "position and place, or why a mentor was suggested. Enter opens the\n"
	  "profile (r request, k bookmark), m sends a message. q goes back.\n" },
	{ "help-mentor-request",
	  "Request mentorship\n\n"
	  "e writes your message (goals, help wanted; 20-1000 characters), s\n"
	  "sends it. Reminder after 7 days, expiry after 14. q goes back.\n" },
	{ "help-mentor-my",
	  "My mentoring\n\n"
	  "Your mentors, mentees, requests and history. Enter opens one, m sends\n"
	  "a message, a pauses or resumes your availability. q goes back.\n" },
	{ "help-mentor-ship",
	  "A mentorship\n\n"
	  "a accept, d decline, w withdraw, c check in, p pause, r resume,\n"
	  "e end (reason and private fit rating), m message, v profile.\n" },
	{ "help-mentor-checkin",
	  "Check-in\n\n"
	  "Did you meet, the next date (YYYY-MM-DD) and a one-line note.\n"
	  "Enter changes a field, s saves, q goes back.\n" },
	{ "help-online",
	  "Who's online\n\n"
	  "Members connected now, where they are and how long they have been\n"
	  "idle. The list updates by itself. Enter shows a member's profile.\n" },
	{ "help-inbox",
	  "Inbox\n\n"
	  "Your private conversations, newest first, with unread counts. Enter\n"
	  "opens one, n writes to a member by login, a archives, t shows the\n"
	  "archive, d deletes for you, B lists the members you blocked.\n" },
	{ "help-conversation",
	  "Conversation\n\n"
	  "r replies (Ctrl-X sends). Up/Down choose a message, Up at the top\n"
	  "loads older ones. d deletes a message for you, ! reports it to the\n"
	  "moderators, a archives, p shows the member's profile.\n" },
	{ "help-blocked",
	  "Members you blocked\n\n"
	  "They cannot message you nor you them. u unblocks the selected\n"
	  "member; Enter shows their profile.\n" },
	{ "help-notices",
	  "Notices\n\n"
	  "What happened for you while you were here or away: requests, answers,\n"
	  "replies. Opening this screen marks them seen. Up/Down scroll.\n" },
	{ "help-register",
	  "Registration\n\n"
	  "Answer each question and press Enter. Esc goes back one step.\n"
	  "Your login is how you connect (ssh LOGIN@host); your display name is\n"
	  "what other members see.\n" },
	{ "help-communities",
	  "Communities\n\n"
	  "Regional networks and career paths. Enter opens a community, j joins\n"
	  "or leaves, m shows only yours with unread counts, r reads new posts,\n"
	  "/ searches, n asks for a new community, v volunteers to moderate, s\n"
	  "shows your requests. q or Esc goes back.\n" },
	{ "help-community-requests",
	  "Your community requests\n\n"
	  "New communities you asked for and offers to moderate, with their\n"
	  "status: pending, approved or declined. q or Esc goes back.\n" },
	{ "help-board-threads",
	  "Threads\n\n"
	  "Pinned first, then by last activity; * marks unread. Enter reads, n\n"
	  "starts a thread, j joins or leaves, PgUp/PgDn page. q goes back.\n" },
	{ "help-board-thread",
	  "A thread\n\n"
	  "Replies sit under the post they answer. Up/Down move, PgUp/PgDn page,\n"
	  "r replies, Q quotes, R replies to the thread, e/d edit or delete your\n"
	  "post, a shows the author, m messages them, f follows, x mutes, u jumps\n"
	  "to the first unread post. q or Esc goes back.\n" },
	{ "help-board-scan",
	  "New posts\n\n"
	  "Every unread post in your communities and followed threads, one at a\n"
	  "time. Space goes on, r replies, Q quotes, t opens the thread, x mutes\n"
	  "it, A marks everything read. q or Esc goes back.\n" },
	{ "help-board-search",
	  "Search posts\n\n"
	  "Words, \"a phrase\", prefix*, author:LOGIN, in:COMMUNITY. Enter opens\n"
	  "the selected post in its thread; / searches again. q goes back.\n" },
	{ "help-help",
	  "Help\n\n"
	  "Arrow keys and PgUp/PgDn scroll. q or Esc goes back.\n" },
};

static const char generic_help[] =
    "No help is written for this screen yet.\n\n"
    "? shows help, q or Esc goes back.\n";

const char *
screenfile_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcmp(builtin[i].name, name) == 0)
			return builtin[i].text;
	if (strncmp(name, "help-", 5) == 0)
		return generic_help;
	return "";
}
