/* Built-in text for every screen file, used when the sysop's file is
 * missing or broken. Shorter than the shipped files but complete enough
 * that a session works without a screens directory. */
#include <string.h>
#include "ui/screenfile.h"

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
	  "keys. Arrow keys and PgUp/PgDn scroll. q or Esc goes back.\n"
	  "On another member's profile: m message, r request mentoring,\n"
	  "k bookmark, o HOST profile, b block or unblock.\n" },
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
	  "match the start of words. Words looks at name, position, institution,\n"
	  "bio, topics, specialty and degree programs; Specialty, Degree program,\n"
	  "Year, Place, Mentoring topic, Role and Accepting narrow it down.\n"
	  "g shows suggestions, b your bookmarks, c clears the filters.\n"
	  "q or Esc goes back.\n" },
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
	  "e end (reason and private fit rating), m message, v profile.\n"
	  "Up/Down, PgUp/PgDn scroll a long message and the check-ins.\n" },
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
	{ "help-rules",
	  "Code of conduct\n\n"
	  "Read the rules, then press y to accept them. Until you do, you can\n"
	  "read but not post or send messages. n, q or Esc: not now.\n" },
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
	  "post, a shows the author, m messages them, f follows or unfollows, x\n"
	  "mutes or unmutes, u jumps to the first unread post. q or Esc goes back.\n" },
	{ "help-board-scan",
	  "New posts\n\n"
	  "Every unread post in your communities and followed threads, one at a\n"
	  "time. Space goes on, r replies, Q quotes, t opens the thread, x mutes\n"
	  "it, A marks everything read. q or Esc goes back.\n" },
	{ "help-board-search",
	  "Search posts\n\n"
	  "Words, \"a phrase\", prefix*, author:LOGIN, in:COMMUNITY (its name or\n"
	  "the start of it; author: or in: alone lists the newest). Enter opens\n"
	  "the selected post in its thread; / searches again. q goes back.\n" },
	{ "help-host",
	  "HOST PROGRAM\n"
	  "\n"
	  "Alumni and trainees host students and trainees who travel for residency or\n"
	  "fellowship interviews, second looks and conferences: a bed, meals, a ride\n"
	  "from the airport or to the hospital, or advice only. Students can find\n"
	  "hosts and send requests; they cannot host.\n"
	  "\n"
	  "  E  My host profile   what you offer, where, household, capacity, dates\n"
	  "  I  My interviews     the programs you will visit: hosts near them first\n"
	  "  F  Find a host       search by place, dates, offers and programs\n"
	  "  M  My HOST           upcoming stays, requests in and out, past stays\n"
	  "  L  Address log       each time a guest was shown your address\n"
	  "\n"
	  "Your street address and phone stay private until you accept a request;\n"
	  "then only that guest sees them, and each time is logged for you.\n"
	  "  q, Esc  back\n" },
	{ "help-host-edit",
	  "YOUR HOST PROFILE\n"
	  "\n"
	  "Up/Down chooses a field; Enter changes it: yes/no fields and choices\n"
	  "toggle, text and numbers open a one-line input (Enter accepts, Esc\n"
	  "cancels). s saves; q asks before dropping changes.\n"
	  "\n"
	  "Status: Hosting, Depends on the request, or Not now (opt out at any time).\n"
	  "Others see your neighbourhood and city, never your street address or phone:\n"
	  "those show only to a guest whose request you accepted.\n"
	  "Blackout dates: e.g. 2026-12-20..2027-01-02, 2027-02-01\n"
	  "Minimum notice: requests arriving sooner are refused (default 14 days).\n" },
	{ "help-host-interviews",
	  "MY INTERVIEWS\n"
	  "\n"
	  "The programs or hospitals you will visit, with dates. Find a host fills\n"
	  "its programs and dates from this list, and hosts whose nearest hospitals\n"
	  "or affiliations match come first.\n"
	  "\n"
	  "  A       add: type the date, a space and the program,\n"
	  "          e.g. 2027-01-14 MGH Internal Medicine\n"
	  "  D       remove the selected interview\n"
	  "  F       find a host\n"
	  "  q, Esc  back\n" },
	{ "help-host-find",
	  "FIND A HOST\n"
	  "\n"
	  "Fill in what matters and press s to search. Empty fields match anything.\n"
	  "Programs visited come from My interviews (separate several with \";\");\n"
	  "hosts near them are marked * and listed first. With dates, only hosts free\n"
	  "on those nights are shown (advice-only hosts show whatever the dates).\n"
	  "\n"
	  "  Enter   change the selected field\n"
	  "  s       search\n"
	  "  q, Esc  back\n" },
	{ "help-host-results",
	  "HOSTS FOUND\n"
	  "\n"
	  "Hosts marked * are near a program you will visit. Each shows what they\n"
	  "offer and their nearest hospitals.\n"
	  "\n"
	  "  Enter   view the host's profile (and ask for a stay from there)\n"
	  "  m       send the host a message\n"
	  "  q, Esc  back to the search\n" },
	{ "help-host-view",
	  "HOST PROFILE\n"
	  "\n"
	  "What this host offers, where (neighbourhood and city only), household,\n"
	  "capacity and dates they are not available. The street address and phone\n"
	  "are shown only after the host accepts your request. Below the fields:\n"
	  "the references guests wrote about this host, newest first. \"(more: PgDn)\"\n"
	  "means there is more below; Up/Down and PgUp/PgDn scroll.\n"
	  "\n"
	  "  r       ask for a stay\n"
	  "  m       send a message\n"
	  "  !       report this host to the moderators\n"
	  "  q, Esc  back\n" },
	{ "help-host-request",
	  "ASK FOR A STAY\n"
	  "\n"
	  "Dates are YYYY-MM-DD. The host's rules apply: no past dates, departure\n"
	  "after arrival, no longer than their maximum nights, at least their minimum\n"
	  "notice, not in their blackout dates, and room for your travellers.\n"
	  "Enter changes a field (the message opens the editor); s sends.\n"
	  "  q, Esc  back (asks before dropping the request)\n" },
	{ "help-host-req",
	  "A STAY REQUEST\n"
	  "\n"
	  "Only the actions you may take now are shown in the status bar:\n"
	  "  a accept, t maybe (with a note), d decline      the host, while open\n"
	  "  o other dates: type \"arrival departure travellers\"   either side\n"
	  "  y agree / n turn down a proposal from the other side\n"
	  "  c confirm                                       the guest, once accepted\n"
	  "  p show the host's address and phone (logged)    the guest, once accepted\n"
	  "  x cancel (with a reason): the guest before departure, the host before\n"
	  "    arrival;  w no-show (with a reason) from the arrival date\n"
	  "  r write a reference: for 14 days after the stay; both show together\n"
	  "  m message, ! report the other side\n"
	  "While a block stands between you, only decline, cancel, no-show, message\n"
	  "and report are offered, and the address is not shown.\n"
	  "Unanswered requests expire on the arrival date.\n" },
	{ "help-host-my",
	  "MY HOST\n"
	  "\n"
	  "Your stays and requests, as host and as guest: upcoming stays, requests\n"
	  "that ask you, requests you sent, then Past stays (they took place) and\n"
	  "Closed requests (declined, cancelled or expired), with their references.\n"
	  "\n"
	  "  Enter   open the request\n"
	  "  l       who was shown your address\n"
	  "  q, Esc  back\n" },
	{ "help-host-log",
	  "ADDRESS LOG\n"
	  "\n"
	  "Each time one of your guests was shown your street address and phone:\n"
	  "when, who, and for which request.\n"
	  "  Up/Down scroll;  q, Esc back\n" },
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
