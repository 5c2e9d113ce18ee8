/* A one-line question under a list whose wording changes with the step
 * (a reason, a slug, logins): the staff list screens ask several in turn,
 * so the list engine's single fixed prompt does not fit. The screen keeps
 * a struct screen_foot in its state, gives it one foot row, its keys and
 * its hints while it is open. */
#ifndef SCREEN_FOOT_H
#define SCREEN_FOOT_H
#include <stdbool.h>
#include <stddef.h>

struct screen_ctx;
struct list;
struct ui_binding;

/* Enter: the typed text, trimmed and checked as one line. Returns true
 * when it was taken (the question closes), false to keep the text after
 * saying why on the message line. */
typedef bool (*screen_foot_done)(struct screen_ctx *c, struct list *l, const char *text);

struct screen_foot {
	bool open;
	char prompt[200];
	size_t max_chars;
	bool empty_ok;
	screen_foot_done done;
	void *line;		/* struct ui_line, owned */
};

/* Opens the question prompt (copied) for at most max_chars characters;
 * empty_ok: Enter on nothing is an answer. */
void screen_foot_open(struct screen_foot *f, const char *prompt, size_t max_chars,
    bool empty_ok, screen_foot_done done);
void screen_foot_close(struct screen_foot *f);
/* Feeds a key while open (true: taken); Esc closes. */
bool screen_foot_key(struct screen_foot *f, struct screen_ctx *c, struct list *l, int key);
/* Draws the question at row y when open. */
void screen_foot_draw(const struct screen_foot *f, int y, size_t cols);
/* The status bar: the question's keys while open, else keys + tail. */
void screen_foot_hints(const struct screen_foot *f, struct screen_ctx *c,
    const struct ui_binding *keys, size_t n, const char *tail);

#endif
