/* Terminal setup and waiting; see ui-term.h. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "lib/log.h"
#include "lib/sigevent.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/text.h"
#include "ui/ui-term.h"
#include "ui/ui.h"


static SCREEN *scr;
static FILE *term_in, *term_out;
static char farewell[512];
static int wake_fd = -1;		/* ui_term_set_wake */
static void (*wake_drain)(int fd);	/* ui_term_farewell: printed after endwin */
static int in_fd = -1, out_fd = -1;
static bool fallback;			/* TERM was not usable: vt100 */

/* Installed before newterm so curses keeps its hands off them: SIGTERM
 * must leave presence cleanly, and SIGWINCH must wake our poll. */
static int
signals_install(void)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGWINCH };

	if (sigevent_open(sigs, sizeof sigs / sizeof sigs[0]) != 0)
		return -1;
	signal(SIGPIPE, SIG_IGN);
	return 0;
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
	if (t == NULL)
		t = getenv("TERM");
	return text_term_name(t);
}

/* Our own stdio streams on copies of the fds, so closing them later
 * leaves the caller's descriptors alone. */
static int
open_streams(const struct ui_args *a)
{
	int fi = dup(a->in_fd), fo = dup(a->out_fd);

	if (fi != -1 && (term_in = fdopen(fi, "r")) == NULL)
		close(fi);
	if (fo != -1 && (term_out = fdopen(fo, "w")) == NULL)
		close(fo);
	if (term_in == NULL || term_out == NULL) {
		log_err("cannot open the terminal: %s", strerror(errno));
		return -1;
	}
	in_fd = a->in_fd;
	out_fd = a->out_fd;
	return 0;
}

static void
curses_modes(void)
{
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	/* Keys are read after poll() says so, until none is left. */
	nodelay(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	ui_draw_init();
	/* Bracketed paste: the terminal marks where a paste begins and ends,
	 * so a pasted newline can be told from the Enter key (ui.c). Terminals
	 * without it ignore the request. */
	define_key("\033[200~", UI_CURSES_PASTE_BEGIN);
	define_key("\033[201~", UI_CURSES_PASTE_END);
	fputs("\033[?2004h", term_out);
	fflush(term_out);
}

/* True if the terminal can move the cursor, which every screen needs. */
static bool
can_address(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (const char *)-1;
}

int
ui_term_open(const struct ui_args *a)
{
	const char *name = term_name(a->term);

	if (signals_install() != 0) {
		log_err("cannot install signal handlers: %s", strerror(errno));
		return -1;
	}
	locale_setup();
	if (open_streams(a) != 0)
		return -1;
	if ((scr = newterm(name, term_out, term_in)) != NULL && !can_address()) {
		/* "dumb" and friends: a screen we could not draw. */
		endwin();
		delscreen(scr);
		scr = NULL;
	}
	if (scr == NULL) {
		fallback = true;
		log_warn("unknown or unusable terminal type, using vt100");
		if ((scr = newterm("vt100", term_out, term_in)) == NULL) {
			log_err("cannot start curses on the terminal");
			return -1;
		}
	}
	set_term(scr);
	curses_modes();
	return 0;
}

bool
ui_term_fallback(void)
{
	return fallback;
}

void
ui_term_farewell(const char *line)
{
	text_copy(farewell, sizeof farewell, line);
}

void
ui_term_close(void)
{
	if (scr != NULL) {
		fputs("\033[?2004l", term_out);
		fflush(term_out);
		endwin();
		delscreen(scr);
		scr = NULL;
		/* After endwin, so it lands on the screen the member returns
		 * to rather than the one curses wipes. */
		if (farewell[0] != '\0') {
			fprintf(term_out, "%s\r\n", farewell);
			fflush(term_out);
		}
	}
	if (term_in != NULL)
		fclose(term_in);
	if (term_out != NULL)
		fclose(term_out);
	term_in = term_out = NULL;
}

enum ui_term_event
ui_term_wait(int timeout_ms)
{
	struct pollfd p[3] = {
		{ .fd = in_fd, .events = POLLIN },
		{ .fd = sigevent_fd(), .events = POLLIN },
		{ .fd = wake_fd, .events = POLLIN },
	};
	bool woken;
	int n;

	n = poll(p, wake_fd >= 0 ? 3 : 2, timeout_ms);
	if (n < 0)
		return errno == EINTR ? UI_TERM_SIGNAL : UI_TERM_GONE;
	if (p[1].revents & POLLIN)
		sigevent_drain();
	if ((woken = wake_fd >= 0 && (p[2].revents & POLLIN) != 0))
		wake_drain(wake_fd);
	if (p[0].revents & (POLLERR | POLLNVAL))
		return UI_TERM_GONE;
	if (p[0].revents & (POLLIN | POLLHUP))
		return UI_TERM_INPUT;
	if (woken)
		return UI_TERM_WAKE;
	return n == 0 ? UI_TERM_TIMEOUT : UI_TERM_SIGNAL;
}

void
ui_term_set_wake(int fd, void (*drain)(int fd))
{
	wake_fd = drain != NULL ? fd : -1;
	wake_drain = drain;
}

bool
ui_term_hangup(void)
{
	return sigevent_seen(SIGHUP) || sigevent_seen(SIGTERM);
}

/* The pty's size is the truth; curses is told with resize_term. */
bool
ui_term_resized(void)
{
	struct winsize ws;

	if (!sigevent_take(SIGWINCH))
		return false;
	if (ioctl(out_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	return true;
}

int64_t
ui_term_mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}
