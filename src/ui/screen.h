/* Screens: each is a const descriptor in its own screen-*.c (or ui-edit.c
 * for the editor), kept on a navigation stack here. Screens never include
 * curses, sqlite3.h or libssh: they draw through ui-draw.h, take keys from
 * ui-keys.h and reach data through db*.h and the rules in user.h.
 *
 * The one event loop is in ui.c: it draws the top screen, waits for input
 * and hands each key to screen_key(). Work a screen triggers (a push, a
 * question, a message) is recorded in struct screen_ctx and shown on the
 * next frame. */
#ifndef SCREEN_H
#define SCREEN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db-display.h"
#include "db/db-sanction.h"
#include "rules/member.h"

struct db;
struct config;
struct ui_args;
struct screen_ctx;
struct list_def;

struct screen {
	const char *name;	/* help text is screens/help-<name>.txt */
	const char *section;	/* header bar and Who's online: "Main menu" */
	/* Creates the screen's state from arg (may return NULL). */
	void *(*enter)(struct screen_ctx *c, const void *arg);
	/* Draws the body rows and sets the status bar hints. */
	void (*draw)(struct screen_ctx *c, void *st);
	/* Handles a key; false passes it on to the global keys (? q Esc). */
	bool (*key)(struct screen_ctx *c, void *st, int key);
	void (*resize)(struct screen_ctx *c, void *st);	/* may be NULL */
	void (*leave)(struct screen_ctx *c, void *st);	/* frees st; may be NULL */
	/* The database changed (another session wrote): reload. May be NULL. */
	void (*update)(struct screen_ctx *c, void *st);
	/* A list screen names its list instead (ui/list.h): the engine then
	 * is its enter, draw, key, update and leave. */
	const struct list_def *list;
};

/* Every screen, also listed in the registry in screen.c. */
extern const struct screen screen_main;
extern const struct screen screen_register;
extern const struct screen screen_profile;
extern const struct screen screen_profile_edit;
extern const struct screen screen_password;
extern const struct screen screen_mail;
extern const struct screen screen_settings;
extern const struct screen screen_keys;
extern const struct screen screen_online;
extern const struct screen screen_help;
extern const struct screen screen_notices;
extern const struct screen screen_rules;
extern const struct screen screen_inbox;
extern const struct screen screen_conversation;
extern const struct screen screen_blocked;
extern const struct screen screen_host;
extern const struct screen screen_host_edit;
extern const struct screen screen_host_interviews;
extern const struct screen screen_host_find;
extern const struct screen screen_host_results;
extern const struct screen screen_host_view;
extern const struct screen screen_host_request;
extern const struct screen screen_host_req;
extern const struct screen screen_host_my;
extern const struct screen screen_host_log;
extern const struct screen ui_edit_screen;
extern const struct screen screen_mentor_find;
extern const struct screen screen_mentor_results;
extern const struct screen screen_mentor_request;
extern const struct screen screen_mentor_my;
extern const struct screen screen_mentor_ship;
extern const struct screen screen_mentor_checkin;
extern const struct screen screen_communities;
extern const struct screen screen_community_requests;
extern const struct screen screen_board_threads;
extern const struct screen screen_board_thread;
extern const struct screen screen_board_scan;
extern const struct screen screen_board_search;
extern const struct screen screen_mod_menu;
extern const struct screen screen_admin_menu;
extern const struct screen screen_audit;
extern const struct screen screen_thread_mod;
extern const struct screen screen_mod_members;
extern const struct screen screen_members;
extern const struct screen screen_signups;
extern const struct screen screen_announce;
extern const struct screen screen_role_requests;
extern const struct screen screen_role_request;
extern const struct screen screen_flag;
extern const struct screen screen_review;
extern const struct screen screen_review_item;
extern const struct screen screen_mod_guidelines;
extern const struct screen screen_admin_requests;
extern const struct screen screen_mod_applications;
extern const struct screen screen_admin_moderators;
extern const struct screen screen_admin_mod_list;

#define SCREEN_STACK_MAX	16

struct screen_frame {
	const struct screen *s;
	void *st;
};

enum screen_quit { SCREEN_RUN, SCREEN_GOODBYE, SCREEN_EXIT };

struct screen_ctx {
	struct db *db;
	const struct config *cfg;
	const struct ui_args *args;
	struct member me;		/* me.id == 0 while registering */
	bool first_login;
	int64_t session_start;		/* unix seconds: a kick at or after it ends us */

	struct screen_frame stack[SCREEN_STACK_MAX];
	size_t depth;
	/* Called when the top screen changes, before the new screen loads,
	 * so presence says where the member is (set by ui.c; may be NULL). */
	void (*moved)(struct screen_ctx *c);

	char msg[320];			/* message line, cleared by the next key */
	bool msg_error;
	char hints[256];		/* status bar, set by each draw */

	bool asking;			/* a [y/n] question owns the keys */
	char question[320];
	void (*answer)(struct screen_ctx *c, void *arg, bool yes);
	void *answer_arg;

	enum screen_quit quit;
	int exit_status;

	/* What the status bar shows on the right: re-read by screen_live_refresh
	 * whenever the database changed (screen-live.c). */
	struct screen_live {
		int64_t notices;	/* unseen notices */
		char latest[321];	/* the newest unseen notice */
		int64_t unread_messages; /* private messages not read yet */
		int64_t announcement_id; /* the newest not dismissed; 0: none */
		char announcement[801];
		bool primed;		/* read once: later rises are news */
	} live;

	/* The member's powers and the sanction on them, re-read with me
	 * (screen-standing.c): the menus show the staff entries from it and
	 * the refusals quote the sanction. The data layer checks again. */
	struct screen_standing {
		bool moderator, admin;
		bool sanctioned;		/* silenced or worse, everywhere */
		struct sanction sanction;	/* when sanctioned */
	} standing;

	/* How this session looks (screen-display.c): the member's settings,
	 * what "automatic" means for this connection, and what is in force. */
	struct screen_display {
		struct member_display set;	/* the member's choice (db-display.h) */
		bool auto_plain;		/* NO_COLOR, or a dumb or unknown TERM */
		char client_zone[TZ_NAME_SZ];	/* TZ from the client if known, or "" */
		char system_zone[TZ_NAME_SZ];	/* the server's */
		bool plain;			/* in force */
		char zone[TZ_NAME_SZ];		/* in force */
	} display;
};

/* Navigation. Pushing a screen calls its enter; popping calls leave. */
void screen_push(struct screen_ctx *c, const struct screen *s, const void *arg);
void screen_pop(struct screen_ctx *c);
/* Leaves every screen (at exit), without reloading anything. */
void screen_leave_all(struct screen_ctx *c);
/* Leaves every screen and starts over with s (after registration). */
void screen_reset(struct screen_ctx *c, const struct screen *s, const void *arg);
struct screen_frame *screen_top(struct screen_ctx *c);
const struct screen *screen_lookup(const char *name);
/* Every registered screen (for tests and help checks). */
const struct screen *const *screen_registry(size_t *n);

/* Routes a key: a pending question first, then the top screen, then the
 * global keys: ? and F1 help, q and Esc back. */
void screen_key(struct screen_ctx *c, int key);
/* Draws the top screen's body; ui.c draws the bars around it. */
void screen_draw(struct screen_ctx *c);
void screen_resize(struct screen_ctx *c);
void screen_update(struct screen_ctx *c);

/* Message line. */
void screen_info(struct screen_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void screen_error(struct screen_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Shows a refusal reason from user.h/text.h ("login must ...") as a
 * sentence. */
void screen_refused(struct screen_ctx *c, const char *why);
void screen_clear_msg(struct screen_ctx *c);

/* Asks a yes/no question on the message line; the answer comes back
 * through fn (Esc and n are no). question should end in "[y/n]". */
void screen_ask(struct screen_ctx *c, const char *question,
    void (*fn)(struct screen_ctx *c, void *arg, bool yes), void *arg);

/* Leaves the top screen (a form): at once when nothing changed, else only
 * after yes to question ("Discard changes? [y/n]"). */
void screen_leave_form(struct screen_ctx *c, bool dirty, const char *question);

/* Status bar hints for this frame. */
void screen_hints(struct screen_ctx *c, const char *hints);
/* Status bar hints from a binding table (ui-keys.h), then tail (the keys
 * the table does not hold: "  q back  ? help"). */
struct ui_binding;
void screen_key_hints(struct screen_ctx *c, const struct ui_binding *t, size_t n,
    const char *tail);

/* Ends the session: SCREEN_GOODBYE shows the goodbye text first. */
void screen_quit(struct screen_ctx *c, enum screen_quit how, int status);

/* Opens the private conversation with a member from wherever they are
 * named (profile, post author, search result, mentorship, host). False,
 * with the reason on the message line, when there is none to open (oneself,
 * no such member): a prompt that asked for the member then stays open. */
bool screen_open_conversation(struct screen_ctx *c, int64_t peer_id);

/* The member has opened or acted on a thing (a NOTICE_ON_* kind of
 * db-notice.h and its id): their notices about it are seen.
 * (screen-notices.c) */
void screen_notice_dealt(struct screen_ctx *c, const char *target_kind, int64_t target_id);
/* The same for the posts of a thread the member has open. */
void screen_notice_dealt_thread(struct screen_ctx *c, int64_t thread_id);

/* Offers the newest unsent editor draft back (at login); true if it asked.
 * (screen-drafts.c) */
bool screen_offer_draft(struct screen_ctx *c);

/* Re-reads c->live (notices, unread messages) for the status bar. */
void screen_live_refresh(struct screen_ctx *c);
/* Puts the announcement in the status bar away for this member, for good
 * (Ctrl-D anywhere a screen does not take it). False if there was none. */
bool screen_live_dismiss(struct screen_ctx *c);
/* The shortest news the status bar shows when nothing longer fits: still
 * says what it counts ("2 messages", or "1 notice" when no message waits). */
void screen_live_shortest(const struct screen_live *l, char *buf, size_t sz);

/* Before the sandbox: what "automatic" means here (NO_COLOR, the TERM
 * fallback, TZ from the client, the server's zone). Then
 * screen_display_load reads the member's settings and applies them (plain
 * mode, the time zone); screen_display_apply applies c->display.set after
 * the member changed it. (screen-display.c) */
void screen_display_init(struct screen_ctx *c, bool term_fallback);
void screen_display_load(struct screen_ctx *c);
void screen_display_apply(struct screen_ctx *c);
/* "Europe/Berlin": the zone times are shown in. */
const char *screen_zone(const struct screen_ctx *c);
/* True when this frame showed a date or time (screen_date, screen_datetime),
 * so the frame names the zone once. Reset by screen_draw. */
bool screen_times_shown(void);

/* Reloads c->me from the database after a change. */
void screen_reload_me(struct screen_ctx *c);
/* Re-reads c->standing. If the member may no longer be here (suspended,
 * banned) it says why on the screen's last line and quits: false. */
bool screen_standing_refresh(struct screen_ctx *c);
/* True if the member c->me may not log in; the sentence goes to buf. */
bool screen_standing_refusal(struct screen_ctx *c, char *buf, size_t sz);

/* The one place that decides whether this member may post or send
 * messages: active and rules accepted (pending members only read). */
bool screen_can_post(const struct screen_ctx *c);
/* Why this member cannot post, as a sentence for the message line; NULL
 * when they can. */
const char *screen_post_refusal(const struct screen_ctx *c);

/* Text of screens/<name>.txt (or the built-in text) with this member's
 * variables filled in. Never NULL; caller frees. */
char *screen_text(struct screen_ctx *c, const char *name);

/* "Alumni", "Trainee (resident/fellow)", "Student". */
const char *screen_role_label(enum role r);

/* "2025-03-04" for a unix time in the member's zone, "-" for 0. */
void screen_date(char *buf, size_t sz, int64_t t);
/* "2025-03-04 14:05" in the member's zone, "-" for 0. */
void screen_datetime(char *buf, size_t sz, int64_t t);
/* sanction_describe for the member themselves: the end in their own zone,
 * named ("until 2026-12-10 15:00 Europe/Berlin"); in UTC, named, before
 * the zone is set (the refusal at login). */
void screen_sanction_describe(const struct screen_ctx *c, char *buf, size_t sz,
    const struct sanction *sn);
/* A day days from today in the member's zone, "2026-01-14": the example a
 * hint gives for a date field, so it is one the field takes. */
void screen_example_day(char *buf, size_t sz, int days);
/* How long ago: "just now", "5m ago", "3h ago", "2d ago"; "-" for 0. */
void screen_age(char *buf, size_t sz, int64_t t);

#endif
