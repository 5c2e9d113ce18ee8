/* The UI process: the one event loop that owns every timeout (input, live
 * updates, idle logoff, signals), presence, and the way in and out.
 * Screens are driven through screen.h, the terminal through ui-term.h.
 * This file does not include curses. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/config.h"
#include "lib/crypto.h"
#include "db/db-presence.h"
#include "db/db-probation.h"
#include "db/db-user.h"
#include "db/db.h"
#include "db/db-wake.h"
#include "lib/log.h"
#include "lib/sandbox.h"
#include "lib/sigevent.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "rules/user.h"
#include "ui/ui-draw.h"
#include "ui/ui-frame.h"
#include "ui/ui-keys.h"
#include "ui/ui-term.h"
#include "ui/ui.h"

#define TICK_MS			1000	/* live updates and the idle clock */
#define PRESENCE_INPUT_EVERY	10	/* seconds between last_input writes */
#define GOODBYE_SECONDS		2
#define CLOSED_SECONDS		5
#define EMPTY_WAKEUPS_GONE	3	/* readable but no key: EOF */
#define BUSY_SENTENCE		"The database is busy; retrying..."

struct ui {
	struct screen_ctx c;		/* first: screen callbacks cast back */
	int64_t last_key;		/* monotonic seconds */
	int64_t presence_input;		/* monotonic seconds of the last write */
	int64_t db_version;
	bool present;			/* our presence row exists */
	bool gone;			/* the terminal went away */
	bool full_redraw;
	int empty_wakeups;
	bool pasting;			/* inside a bracketed paste */
	bool paste_dropping;		/* the rest of this paste is not used */
	bool paste_cut;			/* ... because a pasted newline ended it */
	bool size_cap_said;		/* told that the terminal is clamped */
	bool term_open;			/* the terminal is ours to draw on */
};

/* The session clamps a bigger terminal to [limits] max_cols x max_rows
 * (ssh-chan.c): say so once, on the message line. */
static void
say_size_cap(struct ui *u)
{
	const struct config *cfg = u->c.cfg;

	if (u->size_cap_said || (ui_cols() < cfg->limits.max_cols &&
	    ui_rows() < cfg->limits.max_rows))
		return;
	u->size_cap_said = true;
	screen_info(&u->c, "Your window is larger than mentorbbs draws: it uses %dx%d at most.",
	    cfg->limits.max_cols, cfg->limits.max_rows);
}

static void
resize(struct ui *u)
{
	screen_resize(&u->c);
	u->full_redraw = true;
	say_size_cap(u);
}

static void
presence_section(struct ui *u)
{
	struct screen_frame *f = screen_top(&u->c);
	const char *section = f != NULL ? f->s->section : screen_main.section;

	if (u->c.me.id == 0)
		return;
	if (!u->present) {
		if (db_presence_enter(u->c.db, (int)getpid(), u->c.me.id, section) != 0 ||
		    db_presence_set_peer(u->c.db, (int)getpid(), u->c.args->peer) != 0)
			log_warn("cannot record presence: %s", db_errmsg(u->c.db));
		u->present = true;
		return;
	}
	if (db_presence_update(u->c.db, (int)getpid(), section, 0) != 0)
		log_warn("cannot update presence: %s", db_errmsg(u->c.db));
}

/* screen_ctx is the first member of struct ui. */
static void
on_moved(struct screen_ctx *c)
{
	presence_section((struct ui *)c);
}

static void
presence_input(struct ui *u)
{
	if (!u->present || u->last_key - u->presence_input < PRESENCE_INPUT_EVERY)
		return;
	u->presence_input = u->last_key;
	if (db_presence_update(u->c.db, (int)getpid(),
	    screen_top(&u->c)->s->section, db_now()) != 0)
		log_warn("cannot update presence: %s", db_errmsg(u->c.db));
}

/* Called by the data layer from inside a wait for a lock another
 * connection holds, once it has lasted 0.8 s (db_set_busy_notify): the
 * member is told at once, on the message line, instead of looking at a
 * frozen screen. Only that line is drawn, since a screen may be half way
 * through changing its state; the next frame, once the call returns,
 * draws everything again without it. Keys typed meanwhile wait in the
 * terminal and are read afterwards, none lost. */
static void
busy_notice(void *arg)
{
	struct ui *u = arg;
	int y = ui_msg_row();

	if (!u->term_open)
		return;
	ui_draw_fill(y, 0, (size_t)ui_cols(), UI_A_INFO);
	ui_draw_text(y, 1, BUSY_SENTENCE, (size_t)ui_cols() - 2, UI_A_INFO);
	ui_draw_end(false);
}

/* Seconds until the idle logoff when the warning is due, 0 when it is
 * time to go, -1 otherwise. */
static int
idle_left(struct ui *u)
{
	const struct config *cfg = u->c.cfg;
	int64_t left;

	if (cfg->session.idle_timeout <= 0)
		return -1;
	left = cfg->session.idle_timeout - (ui_term_mono_now() - u->last_key);
	if (left <= 0)
		return 0;
	return left <= cfg->session.idle_warn ? (int)left : -1;
}

/* A paste is text, not commands. In the editor a pasted newline is a new
 * line; anywhere else it would act as Enter and the lines after it as
 * keys (a multi-line paste into the search field could answer questions
 * or open screens), so the first pasted newline ends what is used of the
 * paste and the member is told. Returns true if the key is used up here. */
static bool
paste_filter(struct ui *u, int key)
{
	struct screen_frame *f;

	if (key == UI_KEY_PASTE_BEGIN) {
		u->pasting = true;
		u->paste_dropping = u->paste_cut = false;
		return true;
	}
	if (key == UI_KEY_PASTE_END) {
		/* A refusal during the paste (a pasted secret) says more. */
		if (u->paste_cut && !u->c.msg_error)
			screen_info(&u->c, "Only the first line of the pasted text was "
			    "used; the rest was left out.");
		u->pasting = u->paste_dropping = false;
		return true;
	}
	if (!u->pasting)
		return false;
	if (u->paste_dropping)
		return true;
	f = screen_top(&u->c);
	if (key == UI_KEY_ENTER && (f == NULL || f->s != &ui_edit_screen) && !u->c.asking) {
		u->paste_dropping = u->paste_cut = true;
		return true;
	}
	/* A question takes no paste at all: y or n must be a key press. */
	if (u->c.asking) {
		u->paste_dropping = true;
		return true;
	}
	return false;
}

/* Below the smallest size nothing is drawn but the sentence, so no screen
 * gets the key (it could not show what it did): q and Esc (Ctrl-C decodes
 * as Esc) log off at once, as the sentence says, since a question could
 * not be seen either; every other key waits for a bigger window. */
static void
too_small_key(struct ui *u, int key)
{
	char esc[64];

	if (key != 'q' && key != 'Q' && key != UI_KEY_ESC)
		return;
	log_info("goodbye: user=%s (terminal too small)",
	    text_escape_log(esc, sizeof esc, u->c.me.login));
	ui_term_farewell("Logged off: the terminal window was too small for mentorbbs.");
	screen_quit(&u->c, SCREEN_EXIT, 0);
}

static void
handle_key(struct ui *u, int key)
{
	bool warned = idle_left(u) > 0;

	if (paste_filter(u, key))
		return;

	u->last_key = ui_term_mono_now();
	presence_input(u);
	if (key == UI_KEY_RESIZE) {
		resize(u);
		return;
	}
	/* "press any key" means just that: the key only wakes the session. */
	if (warned)
		return;
	if (ui_too_small()) {
		too_small_key(u, key);
		return;
	}
	screen_clear_msg(&u->c);
	screen_key(&u->c, key);
}

/* Reads every key that is waiting before the next frame is drawn, so a
 * large paste is handled at full speed and drawn once. */
static void
drain_keys(struct ui *u)
{
	int key, n = 0;

	while (u->c.quit == SCREEN_RUN && !ui_term_hangup() &&
	    (key = ui_keys_read()) != UI_KEY_NONE) {
		handle_key(u, key);
		n++;
	}
	if (n > 0) {
		u->empty_wakeups = 0;
		/* This session's own writes (notices seen, messages read) do not
		 * move data_version for it: re-read the news after its keys. */
		screen_live_refresh(&u->c);
	}
	if (n == 0 && !ui_keys_partial() && ++u->empty_wakeups >= EMPTY_WAKEUPS_GONE)
		u->gone = true;
}

static void
check_data_version(struct ui *u)
{
	int64_t v = db_data_version(u->c.db);

	if (v == u->db_version)
		return;
	u->db_version = v;
	screen_reload_me(&u->c);
	screen_update(&u->c);
	/* After the update: an open conversation marks what it shows read,
	 * and its notices seen (its own write moves no data_version here). */
	screen_live_refresh(&u->c);
}

static void
draw(struct ui *u, int idle)
{
	ui_draw_begin();
	ui_frame_draw(&u->c, idle);
	ui_draw_end(u->full_redraw);
	u->full_redraw = false;
}

static void
idle_logoff(struct ui *u)
{
	char esc[64], why[96];
	int t = u->c.cfg->session.idle_timeout;

	log_info("idle logoff: user=%s after %d s",
	    text_escape_log(esc, sizeof esc, u->c.me.login), t);
	/* The screen is wiped at the end: one line says why. */
	if (t % 60 == 0)
		snprintf(why, sizeof why, "Logged off after %d minute%s without a key.",
		    t / 60, t == 60 ? "" : "s");
	else
		snprintf(why, sizeof why, "Logged off after %d second%s without a key.",
		    t, t == 1 ? "" : "s");
	ui_term_farewell(why);
	screen_quit(&u->c, SCREEN_GOODBYE, 0);
}

static void
run_loop(struct ui *u)
{
	enum ui_term_event ev;
	int idle;

	u->full_redraw = true;
	while (u->c.quit == SCREEN_RUN && !ui_term_hangup() && !u->gone) {
		if (ui_term_resized())
			resize(u);
		if ((idle = idle_left(u)) == 0) {
			idle_logoff(u);
			break;
		}
		check_data_version(u);
		draw(u, idle);
		ev = ui_term_wait(TICK_MS);
		if (ev == UI_TERM_GONE)
			u->gone = true;
		else if (ev == UI_TERM_INPUT)
			drain_keys(u);
	}
	/* By login, like every other line: a member who registered in this
	 * session has one by now. */
	if ((ui_term_hangup() && !sigevent_seen(SIGTERM)) || u->gone) {
		char esc[64];

		log_info("terminal gone: user=%s",
		    text_escape_log(esc, sizeof esc, u->c.me.login));
	}
}

/* Shows a full-screen text until a key or the time is up. */
static void
show_text(struct ui *u, const char *name, int seconds)
{
	char *text = screen_text(&u->c, name);
	int64_t end = ui_term_mono_now() + seconds;

	ui_draw_begin();
	ui_frame_text(&u->c, text);
	ui_draw_end(false);
	free(text);
	while (!ui_term_hangup() && !u->gone && ui_term_mono_now() < end) {
		enum ui_term_event ev = ui_term_wait(250);

		if (ev == UI_TERM_GONE)
			break;
		if (ev == UI_TERM_INPUT && ui_keys_read() != UI_KEY_NONE)
			break;
	}
}

static int
load_member(struct ui *u, int64_t id)
{
	struct screen_ctx *c = &u->c;
	char why[400];

	if (db_user_get(c->db, id, &c->me) != 0) {
		log_err("no member with id %lld", (long long)id);
		return -1;
	}
	if (screen_standing_refusal(c, why, sizeof why - 2)) {
		log_warn("suspended member %lld refused", (long long)id);
		strcat(why, "\r\n");
		if (write(c->args->out_fd, why, strlen(why)) < 0)
			log_debug("cannot tell the member: terminal gone");
		return -1;
	}
	c->first_login = c->me.last_login_at == 0;
	c->session_start = db_now();
	return 0;
}

/* The UI records the login: it knows a session really started. It writes
 * once the terminal is open, so a locked database shows the busy line. */
static void
record_login(struct ui *u)
{
	struct screen_ctx *c = &u->c;

	if (c->me.id == 0)
		return;
	if (db_user_touch_login(c->db, c->me.id) != 0)
		log_warn("cannot record login time for member %lld", (long long)c->me.id);
	screen_reload_me(c);
}

static void
start(struct ui *u, const struct ui_args *a)
{
	char esc[64];

	if (a->user_id == 0) {
		log_info("registration started: peer=%s", a->peer);
		screen_push(&u->c, &screen_register, NULL);
		return;
	}
	log_info("session start: user=%s peer=%s",
	    text_escape_log(esc, sizeof esc, u->c.me.login), a->peer);
	screen_push(&u->c, &screen_main, NULL);
	/* An expired password is changed before anything else. */
	if (u->c.me.pw_expired)
		screen_push(&u->c, &screen_password, "expired");
}

/* May a newcomer register here at all? The member rules decide, as they
 * decide the status the wizard gives them. */
static bool
registration_open(const struct config *cfg)
{
	enum member_status st;
	const char *why;

	return user_registration_status(cfg->registration.mode, &st, &why) == 0;
}

static void
finish(struct ui *u)
{
	if (u->c.quit == SCREEN_GOODBYE && !ui_term_hangup() && !u->gone)
		show_text(u, "goodbye", GOODBYE_SECONDS);
	if (u->present && db_presence_leave(u->c.db, (int)getpid()) != 0)
		log_warn("cannot remove presence: %s", db_errmsg(u->c.db));
	screen_leave_all(&u->c);
}

/* From here on the UI can reach only the database directory and the
 * screens: the terminal, terminfo, the locale and the database are open. */
static int
enter_sandbox(const struct ui_args *a)
{
	struct sandbox_paths p = { a->cfg->server.db, a->cfg->server.screens,
	    a->cfg->server.keys };
	char err[256];

	if (sandbox_apply(&p, NULL, err, sizeof err) != 0) {
		log_err("cannot sandbox the UI: %s", err);
		return -1;
	}
	return 0;
}

void
ui_report_member(const struct ui_args *a, int64_t id, const char *login)
{
	char msg[sizeof id + MEMBER_LOGIN_SZ];
	size_t len = strnlen(login, MEMBER_LOGIN_SZ - 1);

	if (a->report_fd <= 0)
		return;
	/* One write under PIPE_BUF arrives whole: the session reads it at once. */
	memcpy(msg, &id, sizeof id);
	memcpy(msg + sizeof id, login, len);
	if (write(a->report_fd, msg, sizeof id + len) != (ssize_t)(sizeof id + len))
		log_warn("cannot report the new member to the session");
	close(a->report_fd);
}

/* SIGTERM is the system stopping (the listener, or systemd, sends it): the
 * member is told in plain text after curses has let go of the terminal, so
 * the sentence stays on their screen once ssh has exited, and before any
 * database work, which a lock could hold up past the stop's deadline.
 * SIGHUP (the client went) has nobody to tell. True when we were stopped. */
static bool
shutdown_told(struct ui *u, const struct ui_args *a)
{
	static const char msg[] = "\r\nThe system is shutting down.\r\n";
	char esc[64];

	if (!sigevent_seen(SIGTERM) || sigevent_seen(SIGHUP) || u->gone)
		return false;
	ui_term_close();
	if (write(a->out_fd, msg, sizeof msg - 1) < 0)
		log_debug("cannot tell the member: terminal gone");
	log_info("shutdown: user=%s told", text_escape_log(esc, sizeof esc, u->c.me.login));
	return true;
}

int
ui_main(const struct ui_args *a)
{
	struct probation_limits probation;
	struct ui u;
	char err[256];
	int status = 1;
	bool stopped;

	memset(&u, 0, sizeof u);
	u.c.cfg = a->cfg;
	u.c.args = a;
	u.c.moved = on_moved;
	if (crypto_init() != 0) {
		log_err("cannot initialise libsodium");
		return 1;
	}
	if (db_open(a->cfg->server.db, &u.c.db, err, sizeof err) != 0) {
		log_err("cannot open the database: %s", err);
		return 1;
	}
	db_set_search_ms(u.c.db, a->cfg->limits.search_ms);
	probation_from_config(a->cfg, &probation);
	db_probation_set(&probation);
	db_set_busy_notify(u.c.db, busy_notice, &u);
	if (a->user_id != 0 && load_member(&u, a->user_id) != 0)
		goto out;
	if (ui_term_open(a) != 0)
		goto out;
	/* Plain mode and the time zone, from the connection and the member,
	 * before the sandbox (which still lets the zone database be read). */
	screen_display_init(&u.c, ui_term_fallback());
	screen_display_load(&u.c);
	/* The FIFO is made before the sandbox, which allows no mknod. */
	ui_term_set_wake(db_wake_listen(u.c.db), db_wake_drain);
	if (a->sandbox && enter_sandbox(a) != 0)
		goto out;
	u.term_open = true;
	record_login(&u);
	u.last_key = u.presence_input = ui_term_mono_now();
	u.db_version = db_data_version(u.c.db);
	if (a->user_id == 0 && !registration_open(a->cfg)) {
		log_info("registration refused (closed): peer=%s", a->peer);
		show_text(&u, "closed", CLOSED_SECONDS);
		status = 0;
		goto out;
	}
	start(&u, a);
	say_size_cap(&u);
	screen_live_refresh(&u.c);
	/* At login the whole announcement, once, on the message line. */
	if (u.c.live.announcement_id > 0 && u.c.msg[0] == '\0')
		screen_info(&u.c, "Announcement: %s", u.c.live.announcement);
	run_loop(&u);
	stopped = shutdown_told(&u, a);
	finish(&u);
	status = stopped || u.c.quit == SCREEN_RUN ? 0 : u.c.exit_status;
out:
	u.term_open = false;
	ui_term_close();
	db_close(u.c.db);
	return status;
}
