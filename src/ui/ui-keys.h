/* Keys as the screens see them, without curses: a typed character is its
 * Unicode code point; special keys are UI_KEY_* values above the Unicode
 * range. ui-keys.c translates curses input into these. */
#ifndef UI_KEYS_H
#define UI_KEYS_H
#include <stdbool.h>
#include <stddef.h>

struct screen_ctx;

#define UI_KEY_NONE	(-1)		/* nothing pending */
#define UI_KEY_CTRL(c)	((c) & 0x1f)

enum {
	UI_KEY_UP = 0x110001,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_PGUP,
	UI_KEY_PGDN,
	UI_KEY_BACKSPACE,
	UI_KEY_DELETE,
	UI_KEY_ENTER,
	UI_KEY_ESC,
	UI_KEY_TAB,
	UI_KEY_F1,
	UI_KEY_F2,
	UI_KEY_RESIZE,
	UI_KEY_PASTE_BEGIN,		/* bracketed paste: the terminal's markers */
	UI_KEY_PASTE_END,
	UI_KEY_OTHER,			/* a function key we do not use */
};

/* The curses key codes ui-term.c gives the bracketed-paste markers (above
 * KEY_MAX, so they clash with no curses key). */
#define UI_CURSES_PASTE_BEGIN	01001
#define UI_CURSES_PASTE_END	01002

/* One entry of a screen's key table. key2 is an alternative (0 = none),
 * e.g. the upper-case letter. hint is shown in the status bar ("e edit"),
 * NULL to keep a binding out of it. */
struct ui_binding {
	int key, key2;
	const char *hint;
	void (*run)(struct screen_ctx *c, void *st);
};

/* Runs the binding for key, if any. Returns true if one ran. */
bool ui_keys_run(const struct ui_binding *t, size_t n, struct screen_ctx *c,
    void *st, int key);

/* Status bar text from the hints of a table, separated by two spaces. */
void ui_keys_hints(const struct ui_binding *t, size_t n, char *buf, size_t sz);

/* True for a key that is text to insert (a printable code point). */
bool ui_keys_is_text(int key);

/* The byte-to-key decoder behind ui_keys_read, without curses calls, so
 * tests and tests/fuzz can feed it. Zero it to start. */
struct ui_keys_decoder {
	unsigned char pending[4];	/* a UTF-8 character's first bytes */
	size_t len, need;		/* bytes pending, bytes the character has */
};

/* Decodes c, one wgetch() result (a byte, or a curses key code at or
 * above KEY_MIN). Returns the key; UI_KEY_NONE while a UTF-8 character
 * waits for more bytes; U+FFFD for a byte that is not UTF-8 or ends a
 * broken sequence, and then *again says whether c itself was not used
 * and must be fed again. Esc comes back as 27: whether it is the key or
 * the start of something typed is the reader's question. */
int ui_keys_decode(struct ui_keys_decoder *d, int c, bool *again);

/* Next key if one is waiting, else UI_KEY_NONE; never blocks beyond the
 * Esc delay. Only ui.c calls this. */
int ui_keys_read(void);
/* True while the first bytes of a UTF-8 character wait for the rest (so a
 * wake-up that produced no key was not the terminal going away). */
bool ui_keys_partial(void);

#endif
