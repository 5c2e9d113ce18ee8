/* Keyboard input: curses key codes to UI_KEY_* and key tables. */
#include <curses.h>
#include <string.h>
#include "text.h"
#include "ui-keys.h"

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
	wint_t wc;
	int r = wget_wch(stdscr, &wc);

	if (r == ERR)
		return UI_KEY_ESC;
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
	return 27;
}

int
ui_keys_read(void)
{
	wint_t wc;
	int r;

	r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return UI_KEY_NONE;
	if (r == OK && wc == 27)
		return esc_or_char();
	if (r == KEY_CODE_YES) {
		for (size_t i = 0; i < sizeof special_keys / sizeof special_keys[0]; i++)
			if (special_keys[i].curses == (int)wc)
				return special_keys[i].ui;
		return UI_KEY_OTHER;
	}
	for (size_t i = 0; i < sizeof control_keys / sizeof control_keys[0]; i++)
		if (control_keys[i].ch == wc)
			return control_keys[i].ui;
	if (wc >= 0x110000)
		return UI_KEY_OTHER;
	return (int)wc;
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
