/* Keyboard input: curses key codes to UI_KEY_* and key tables. */
#include <curses.h>
#include <stdint.h>
#include <string.h>
#include "lib/text.h"
#include "ui/ui-keys.h"

static const struct {
	int curses;
	int ui;
} special_keys[] = {
	{ KEY_UP, UI_KEY_UP },
	{ KEY_DOWN, UI_KEY_DOWN },
	{ KEY_LEFT, UI_KEY_LEFT },
	{ KEY_RIGHT, UI_KEY_RIGHT },
	{ KEY_HOME, UI_KEY_HOME },
	{ KEY_FIND, UI_KEY_HOME },	/* Home on some vt220-style terminals */
	{ KEY_END, UI_KEY_END },
	{ KEY_SELECT, UI_KEY_END },
	{ KEY_LL, UI_KEY_END },
	{ KEY_PPAGE, UI_KEY_PGUP },
	{ KEY_NPAGE, UI_KEY_PGDN },
	{ KEY_BACKSPACE, UI_KEY_BACKSPACE },
	{ KEY_DC, UI_KEY_DELETE },
	{ KEY_ENTER, UI_KEY_ENTER },
	{ KEY_F(1), UI_KEY_F1 },
	{ KEY_F(2), UI_KEY_F2 },
	{ KEY_RESIZE, UI_KEY_RESIZE },
	{ UI_CURSES_PASTE_BEGIN, UI_KEY_PASTE_BEGIN },
	{ UI_CURSES_PASTE_END, UI_KEY_PASTE_END },
};

/* Control characters that stand for a key of their own. */
static const struct {
	wint_t ch;
	int ui;
} control_keys[] = {
	{ '\r', UI_KEY_ENTER },
	{ '\n', UI_KEY_ENTER },
	{ 3, UI_KEY_ESC },		/* Ctrl-C: what people press to get out */
	{ 127, UI_KEY_BACKSPACE },
	{ 8, UI_KEY_BACKSPACE },
	{ '\t', UI_KEY_TAB },
};

/* An Esc that arrives with more input right behind it was not the Esc key
 * but part of something typed or pasted (an escape sequence curses did not
 * know, or Alt+key): it is handed on as the character, for the input checks
 * to refuse visibly. A lone Esc is the key. */
static int
esc_or_char(void)
{
	int r = wgetch(stdscr);

	if (r == ERR)
		return UI_KEY_ESC;
	ungetch(r);
	return 27;
}

/* UTF-8 is decoded here, not by curses: wget_wch drops the rest of its
 * input at the first byte that is not UTF-8, so one Latin-1 character in a
 * paste would lose everything after it. A byte that does not fit becomes
 * U+FFFD, visible and harmless, and nothing after it is lost. A sequence
 * split across reads waits in the decoder for its last bytes. */
#define REPLACEMENT	0xFFFD

static size_t
utf8_need(unsigned char b)
{
	if (b >= 0xc2 && b <= 0xdf)
		return 2;
	if (b >= 0xe0 && b <= 0xef)
		return 3;
	if (b >= 0xf0 && b <= 0xf4)
		return 4;
	return 0;
}

/* Adds byte b to the pending sequence. Returns a code point when one is
 * complete, REPLACEMENT for a byte that breaks the sequence (*again: b is
 * to be fed again, to start afresh), or UI_KEY_NONE while more bytes are
 * due. */
static int
utf8_feed(struct ui_keys_decoder *d, unsigned char b, bool *again)
{
	uint32_t cp;

	if (d->len == 0) {
		if (b < 0x80)
			return b;
		if ((d->need = utf8_need(b)) == 0)
			return REPLACEMENT;
		d->pending[d->len++] = b;
		return UI_KEY_NONE;
	}
	if ((b & 0xc0) != 0x80) {
		d->len = 0;
		*again = true;
		return REPLACEMENT;
	}
	d->pending[d->len++] = b;
	if (d->len < d->need)
		return UI_KEY_NONE;
	d->len = 0;
	cp = d->need == 2 ? (uint32_t)(d->pending[0] & 0x1f) << 6 | (d->pending[1] & 0x3f) :
	    d->need == 3 ? (uint32_t)(d->pending[0] & 0x0f) << 12 |
	    (uint32_t)(d->pending[1] & 0x3f) << 6 | (d->pending[2] & 0x3f) :
	    (uint32_t)(d->pending[0] & 0x07) << 18 | (uint32_t)(d->pending[1] & 0x3f) << 12 |
	    (uint32_t)(d->pending[2] & 0x3f) << 6 | (d->pending[3] & 0x3f);
	/* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
	if ((d->need == 3 && cp < 0x800) || (d->need == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return REPLACEMENT;
	return (int)cp;
}

int
ui_keys_decode(struct ui_keys_decoder *d, int c, bool *again)
{
	int cp;

	*again = false;
	if (c >= KEY_MIN) {
		/* A special key inside a broken sequence ends it. */
		if (d->len > 0) {
			d->len = 0;
			*again = true;
			return REPLACEMENT;
		}
		for (size_t i = 0; i < sizeof special_keys / sizeof special_keys[0]; i++)
			if (special_keys[i].curses == c)
				return special_keys[i].ui;
		return UI_KEY_OTHER;
	}
	if ((cp = utf8_feed(d, (unsigned char)c, again)) == UI_KEY_NONE)
		return UI_KEY_NONE;
	for (size_t i = 0; i < sizeof control_keys / sizeof control_keys[0]; i++)
		if ((int)control_keys[i].ch == cp)
			return control_keys[i].ui;
	return cp;
}

/* The terminal's one decoder: its state outlives a read. */
static struct ui_keys_decoder input;

bool
ui_keys_partial(void)
{
	return input.len > 0;
}

int
ui_keys_read(void)
{
	bool again;
	int r, key;

	do {
		if ((r = wgetch(stdscr)) == ERR)
			return UI_KEY_NONE;
		key = ui_keys_decode(&input, r, &again);
		if (again)
			ungetch(r);
	} while (key == UI_KEY_NONE);
	return key == 27 ? esc_or_char() : key;
}

bool
ui_keys_is_text(int key)
{
	return key >= 0x20 && key < 0x110000 && !text_cp_is_unsafe((uint32_t)key);
}

bool
ui_keys_run(const struct ui_binding *t, size_t n, struct screen_ctx *c,
    void *st, int key)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i].key == key || (t[i].key2 != 0 && t[i].key2 == key)) {
			t[i].run(c, st);
			return true;
		}
	}
	return false;
}

void
ui_keys_hints(const struct ui_binding *t, size_t n, char *buf, size_t sz)
{
	size_t used = 0, len;

	if (sz == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (t[i].hint == NULL)
			continue;
		len = strlen(t[i].hint) + (used > 0 ? 2 : 0);
		if (used + len + 1 > sz)
			break;
		if (used > 0)
			memcpy(buf + used, "  ", 2);
		memcpy(buf + used + len - strlen(t[i].hint), t[i].hint, strlen(t[i].hint));
		used += len;
		buf[used] = '\0';
	}
}
