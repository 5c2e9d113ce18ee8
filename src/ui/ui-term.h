/* The UI process's terminal: locale, TERM, curses on the given fds, the
 * signals that concern it (hangup, terminate, window size) and waiting for
 * input. One terminal per process, so the state is module-wide. */
#ifndef UI_TERM_H
#define UI_TERM_H
#include <stdbool.h>
#include <stdint.h>

struct ui_args;

enum ui_term_event {
	UI_TERM_INPUT,		/* bytes (or EOF) to read */
	UI_TERM_TIMEOUT,
	UI_TERM_SIGNAL,		/* check ui_term_hangup / ui_term_resized */
	UI_TERM_WAKE,		/* another session wrote something for us (db-wake.h) */
	UI_TERM_GONE		/* the terminal is gone */
};

/* Installs the signal handlers, then makes the locale UTF-8 and starts
 * curses on a->in_fd/out_fd with a->term (NULL: $TERM), falling back to
 * vt100 for a bad or unknown name. Returns 0, or -1 after logging. */
int ui_term_open(const struct ui_args *a);
/* True when the client's TERM was dumb, unknown or unusable and vt100 is
 * used instead: plain mode is then the default (screen-display.c). */
bool ui_term_fallback(void);
/* Ends curses; safe when open failed or was never called. */
void ui_term_close(void);
/* One line for ui_term_close to leave on the terminal once the screen is
 * gone (the member's shell shows it, saying why the session ended).
 * Copied; the last call wins. */
void ui_term_farewell(const char *line);

/* Waits up to timeout_ms for input or a signal. */
enum ui_term_event ui_term_wait(int timeout_ms);
/* Also wait on fd, the data layer's wake-up FIFO (-1: none), and empty it
 * with drain when it is readable. */
void ui_term_set_wake(int fd, void (*drain)(int fd));

/* SIGHUP or SIGTERM arrived: leave now. */
bool ui_term_hangup(void);
/* If SIGWINCH arrived, takes the new size from the pty and returns true. */
bool ui_term_resized(void);

/* Seconds on the monotonic clock, for the idle timer and the editor's
 * autosave: wall-clock jumps must not end a session or skip a save. */
int64_t ui_term_mono_now(void);

#endif
