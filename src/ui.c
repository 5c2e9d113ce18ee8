/* The UI process: terminal setup, the one event loop that owns every
 * timeout (input, live updates, idle logoff, signals), presence, and the
 * way out. Screens are driven through screen.h. */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include "config.h"
#include "crypto.h"
#include "db-presence.h"
#include "db-user.h"
#include "db.h"
#include "log.h"
#include "screen.h"
#include "text.h"
#include "ui-draw.h"
#include "ui-frame.h"
#include "ui-keys.h"
#include "ui.h"

#define TICK_MS			1000	/* live updates and the idle clock */
#define PRESENCE_INPUT_EVERY	10	/* seconds between last_input writes */
#define GOODBYE_SECONDS		2
#define CLOSED_SECONDS		5
#define EMPTY_WAKEUPS_GONE	3	/* readable but no key: EOF */

enum wait_result { WAIT_INPUT, WAIT_TIMEOUT, WAIT_SIGNAL, WAIT_GONE };

struct ui {
	struct screen_ctx c;
	SCREEN *scr;
	FILE *in, *out;
	int in_fd, out_fd;
	int64_t last_key;		/* monotonic seconds */
	int64_t presence_input;		/* monotonic seconds of the last write */
	int64_t db_version;
	bool present;			/* our presence row exists */
	bool gone;			/* the terminal went away */
	int empty_wakeups;
};

static volatile sig_atomic_t got_hangup, got_winch;
static int sig_pipe[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig == SIGWINCH)
		got_winch = 1;
	else
		got_hangup = 1;
	if (sig_pipe[1] != -1 && write(sig_pipe[1], "s", 1) < 0) {
		/* The pipe is full: a wakeup is already pending. */
	}
	errno = saved;
}

/* Installed before newterm so curses keeps its hands off them: SIGTERM
 * must leave presence cleanly, and SIGWINCH wakes our poll. */
static int
signals_install(void)
{
	struct sigaction sa;
	static const int sigs[] = { SIGHUP, SIGTERM, SIGWINCH };

	if (pipe2(sig_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return -1;
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static int64_t
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static void
locale_setup(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		log_warn("no UTF-8 locale: non-ASCII text will not display");
}

/* The client chooses TERM, so it is only a name to look up, never a path. */
static const char *
term_name(const char *t)
{
	size_t len;

	if (t == NULL)
		t = getenv("TERM");
	if (t == NULL || (len = strlen(t)) == 0 || len >= 64)
		return "vt100";
	for (size_t i = 0; i < len; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
		    (t[i] >= '0' && t[i] <= '9') || strchr("._+-", t[i]) != NULL))
			return "vt100";
	return t;
}

static int
term_open(struct ui *u, const struct ui_args *a)
{
	const char *name = term_name(a->term);
	int in_fd = dup(a->in_fd), out_fd = dup(a->out_fd);

	u->in_fd = a->in_fd;
	u->out_fd = a->out_fd;
	if (in_fd == -1 || out_fd == -1 || (u->in = fdopen(in_fd, "r")) == NULL ||
	    (u->out = fdopen(out_fd, "w")) == NULL) {
		log_err("cannot open the terminal: %s", strerror(errno));
		return -1;
	}
	if ((u->scr = newterm(name, u->out, u->in)) == NULL) {
		log_warn("unknown terminal type, using vt100");
		if ((u->scr = newterm("vt100", u->out, u->in)) == NULL) {
			log_err("cannot start curses on the terminal");
			return -1;
		}
	}
	set_term(u->scr);
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	ui_draw_init();
	return 0;
}

static void
term_close(struct ui *u)
{
	if (u->scr != NULL) {
		endwin();
		delscreen(u->scr);
	}
	if (u->in != NULL)
		fclose(u->in);
	if (u->out != NULL)
		fclose(u->out);
}

/* Follows the window size: the pty's size is the truth. */
static void
term_resize(struct ui *u)
{
	struct winsize ws;

	got_winch = 0;
	if (ioctl(u->out_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	screen_resize(&u->c);
}

static enum wait_result
wait_input(struct ui *u, int timeout_ms)
{
	struct pollfd p[2] = {
		{ .fd = u->in_fd, .events = POLLIN },
		{ .fd = sig_pipe[0], .events = POLLIN },
	};
	char drain[64];
	int n;

	n = poll(p, 2, timeout_ms);
	if (n < 0)
		return errno == EINTR ? WAIT_SIGNAL : WAIT_GONE;
	if (p[1].revents & POLLIN)
		while (read(sig_pipe[0], drain, sizeof drain) > 0)
			;
	if (p[0].revents & (POLLERR | POLLNVAL))
		return WAIT_GONE;
	if (p[0].revents & (POLLIN | POLLHUP))
		return WAIT_INPUT;
	return n == 0 ? WAIT_TIMEOUT : WAIT_SIGNAL;
}

static void
presence_section(struct ui *u)
{
	struct screen_frame *f = screen_top(&u->c);
	const char *section = f != NULL ? f->s->section : "Main menu";

	u->c.moved = false;
	if (u->c.me.id == 0)
		return;
	if (!u->present) {
		if (db_presence_enter(u->c.db, (int)getpid(), u->c.me.id, section) != 0)
			log_warn("cannot record presence: %s", db_errmsg(u->c.db));
		u->present = true;
		return;
	}
	if (db_presence_update(u->c.db, (int)getpid(), section, 0) != 0)
		log_warn("cannot update presence: %s", db_errmsg(u->c.db));
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

/* Seconds until the idle logoff when the warning is due, 0 when it is
 * time to go, -1 otherwise. */
static int
idle_left(struct ui *u)
{
	const struct config *cfg = u->c.cfg;
	int64_t left;

	if (cfg->idle_timeout <= 0)
		return -1;
	left = cfg->idle_timeout - (mono_now() - u->last_key);
	if (left <= 0)
		return 0;
	return left <= cfg->idle_warn ? (int)left : -1;
}

static void
handle_key(struct ui *u, int key)
{
	bool warned = idle_left(u) > 0;

	u->last_key = mono_now();
	presence_input(u);
	if (key == UI_KEY_RESIZE) {
		term_resize(u);
		return;
	}
	/* "press any key" means just that: the key only wakes the session. */
	if (warned || ui_cols() < UI_MIN_COLS || ui_rows() < UI_MIN_ROWS)
		return;
	screen_clear_msg(&u->c);
	screen_key(&u->c, key);
	if (u->c.moved)
		presence_section(u);
}

/* Reads every key that is waiting before the next frame is drawn, so a
 * large paste is handled at full speed and drawn once. */
static void
drain_keys(struct ui *u)
{
	int key, n = 0;

	while (u->c.quit == SCREEN_RUN && !got_hangup &&
	    (key = ui_keys_read()) != UI_KEY_NONE) {
		handle_key(u, key);
		n++;
	}
	if (n > 0)
		u->empty_wakeups = 0;
	else if (++u->empty_wakeups >= EMPTY_WAKEUPS_GONE)
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
}

static void
draw(struct ui *u, int idle, bool full)
{
	ui_draw_begin();
	ui_frame_draw(&u->c, idle);
	ui_draw_end(full);
}

static void
idle_logoff(struct ui *u)
{
	char esc[64];

	log_info("idle logoff: user=%s after %d s",
	    text_escape_log(esc, sizeof esc, u->c.me.login), u->c.cfg->idle_timeout);
	screen_quit(&u->c, SCREEN_GOODBYE, 0);
}

static void
run_loop(struct ui *u)
{
	enum wait_result w;
	bool full = true;
	int idle;

	while (u->c.quit == SCREEN_RUN && !got_hangup && !u->gone) {
		if (got_winch) {
			term_resize(u);
			full = true;
		}
		if ((idle = idle_left(u)) == 0) {
			idle_logoff(u);
			break;
		}
		check_data_version(u);
		draw(u, idle, full);
		full = false;
		w = wait_input(u, TICK_MS);
		if (w == WAIT_GONE)
			u->gone = true;
		else if (w == WAIT_INPUT)
			drain_keys(u);
	}
	if (got_hangup || u->gone)
		log_info("terminal gone: user=%lld", (long long)u->c.me.id);
}

/* Shows a full-screen text until a key or the time is up. */
static void
show_text(struct ui *u, const char *name, int seconds)
{
	char *text = screen_text(&u->c, name);
	int64_t end = mono_now() + seconds;

	ui_draw_begin();
	ui_frame_text(&u->c, text);
	ui_draw_end(false);
	free(text);
	while (!got_hangup && !u->gone && mono_now() < end) {
		enum wait_result w = wait_input(u, 250);

		if (w == WAIT_GONE)
			break;
		if (w == WAIT_INPUT && ui_keys_read() != UI_KEY_NONE)
			break;
	}
}

static int
load_member(struct ui *u, int64_t id)
{
	struct screen_ctx *c = &u->c;

	if (db_user_get(c->db, id, &c->me) != 0) {
		log_err("no member with id %lld", (long long)id);
		return -1;
	}
	if (c->me.status == STATUS_SUSPENDED) {
		log_warn("suspended member %lld refused", (long long)id);
		return -1;
	}
	/* The UI records the login: it knows a session really started. */
	c->first_login = c->me.last_login_at == 0;
	if (db_user_touch_login(c->db, id) != 0)
		log_warn("cannot record login time for member %lld", (long long)id);
	return 0;
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
	presence_section(u);
}

static void
finish(struct ui *u)
{
	if (u->c.quit == SCREEN_GOODBYE && !got_hangup && !u->gone)
		show_text(u, "goodbye", GOODBYE_SECONDS);
	if (u->present && db_presence_leave(u->c.db, (int)getpid()) != 0)
		log_warn("cannot remove presence: %s", db_errmsg(u->c.db));
	while (u->c.depth > 0)
		screen_pop(&u->c);
}

int
ui_main(const struct ui_args *a)
{
	struct ui u;
	char err[256];
	int status = 1;

	memset(&u, 0, sizeof u);
	u.c.cfg = a->cfg;
	u.c.args = a;
	locale_setup();
	if (crypto_init() != 0) {
		log_err("cannot initialise libsodium");
		return 1;
	}
	if (db_open(a->cfg->db_path, &u.c.db, err, sizeof err) != 0) {
		log_err("cannot open the database: %s", err);
		return 1;
	}
	if (a->user_id != 0 && load_member(&u, a->user_id) != 0)
		goto out;
	if (signals_install() != 0 || term_open(&u, a) != 0)
		goto out;
	u.last_key = u.presence_input = mono_now();
	u.db_version = db_data_version(u.c.db);
	if (a->user_id == 0 && a->cfg->reg_mode == REG_CLOSED) {
		log_info("registration refused (closed): peer=%s", a->peer);
		show_text(&u, "closed", CLOSED_SECONDS);
		status = 0;
		goto out;
	}
	start(&u, a);
	run_loop(&u);
	finish(&u);
	status = u.c.quit != SCREEN_RUN ? u.c.exit_status : 0;
out:
	term_close(&u);
	db_close(u.c.db);
	return status;
}
