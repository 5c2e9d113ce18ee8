/* Line input and list selection; see ui-widget.h. */
#include <stdlib.h>
#include <string.h>
#include "lib/crypto.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/wrap.h"
#include "lib/xmalloc.h"

/* Removes bytes [from, to) and keeps the character count right. */
static void
cut(struct ui_line *l, size_t from, size_t to)
{
	char saved = l->buf[to];

	l->buf[to] = '\0';
	l->chars -= text_chars(l->buf + from);
	l->buf[to] = saved;
	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	if (l->cur > to)
		l->cur -= to - from;
	else if (l->cur > from)
		l->cur = from;
}

static void
insert(struct ui_line *l, struct screen_ctx *c, int key)
{
	char enc[4];
	int k;

	if (l->chars >= l->max_chars) {
		screen_error(c, "At most %zu characters fit here.", l->max_chars);
		return;
	}
	if ((k = text_utf8_encode((uint32_t)key, enc)) <= 0 ||
	    l->len + (size_t)k >= l->cap)
		return;
	memmove(l->buf + l->cur + k, l->buf + l->cur, l->len - l->cur + 1);
	memcpy(l->buf + l->cur, enc, (size_t)k);
	l->len += (size_t)k;
	l->cur += (size_t)k;
	l->chars++;
}

void
ui_line_open(struct ui_line *l, const char *initial, size_t max_chars, bool hidden)
{
	ui_line_close(l);
	l->max_chars = max_chars;
	l->cap = max_chars * 4 + 1;
	l->buf = xmalloc(l->cap);
	l->buf[0] = '\0';
	l->hidden = hidden;
	l->active = true;
	ui_line_set(l, initial);
}

void
ui_line_set(struct ui_line *l, const char *text)
{
	/* Sanitised: an old row with escapes edits as replacement characters. */
	text_sanitize(l->buf, l->cap, text != NULL ? text : "", false);
	l->len = strlen(l->buf);
	l->chars = text_chars(l->buf);
	while (l->chars > l->max_chars) {
		l->len = text_prev_char(l->buf, l->len);
		l->buf[l->len] = '\0';
		l->chars--;
	}
	l->cur = l->len;
}

enum ui_line_result
ui_line_key(struct ui_line *l, struct screen_ctx *c, int key)
{
	switch (key) {
	case UI_KEY_ENTER:
	case UI_KEY_CTRL('x'):	/* members learn Ctrl-X as "done" in the editor */
		return UI_LINE_DONE;
	case UI_KEY_ESC:
		return UI_LINE_CANCEL;
	case UI_KEY_LEFT:
		l->cur = text_prev_char(l->buf, l->cur);
		break;
	case UI_KEY_RIGHT:
		l->cur = text_next_char(l->buf, l->len, l->cur);
		break;
	case UI_KEY_HOME:
	case UI_KEY_CTRL('a'):
		l->cur = 0;
		break;
	case UI_KEY_END:
	case UI_KEY_CTRL('e'):
		l->cur = l->len;
		break;
	case UI_KEY_BACKSPACE:
		if (l->cur > 0)
			cut(l, text_prev_char(l->buf, l->cur), l->cur);
		break;
	case UI_KEY_DELETE:
	case UI_KEY_CTRL('d'):
		if (l->cur < l->len)
			cut(l, l->cur, text_next_char(l->buf, l->len, l->cur));
		break;
	case UI_KEY_CTRL('u'):
		cut(l, 0, l->cur);
		break;
	case UI_KEY_CTRL('k'):
		cut(l, l->cur, l->len);
		break;
	default:
		/* An unbound control key does nothing: inserted, it would
		 * only come back as a refused character. Other characters a
		 * check refuses (bidi controls, say) are kept, so the member
		 * sees what was typed and why it is refused. */
		if (key >= 0x20 && key < 0x110000 && key != 0x7f)
			insert(l, c, key);
		break;
	}
	return UI_LINE_EDITING;
}

static void
draw_hidden(const struct ui_line *l, int y, int x, size_t width)
{
	char stars[512];
	size_t n = l->chars < width - 1 ? l->chars : width - 1, before;

	if (n > sizeof stars - 1)
		n = sizeof stars - 1;
	memset(stars, '*', n);
	stars[n] = '\0';
	ui_draw_text(y, x, stars, width, UI_A_INPUT);
	before = text_chars(l->buf) - text_chars(l->buf + l->cur);
	ui_draw_cursor(y, x + (int)(before < n ? before : n));
}

void
ui_line_draw(const struct ui_line *l, int y, int x, size_t cols, const char *prompt)
{
	size_t pcols = ui_draw_text(y, x, prompt, cols, UI_A_BOLD);
	size_t width = cols > pcols + 1 ? cols - pcols : 1, curcol, scroll, start;
	int fx = x + (int)pcols;

	if (!l->active)
		return;
	ui_draw_fill(y, fx, width, UI_A_INPUT);
	if (l->hidden) {
		draw_hidden(l, y, fx, width);
		return;
	}
	/* Scroll sideways so the cursor stays inside the field. */
	curcol = wrap_width(l->buf, l->cur);
	scroll = curcol >= width ? curcol - width + 1 : 0;
	start = wrap_offset_at_col(l->buf, l->len, scroll);
	ui_draw_text(y, fx, l->buf + start, width, UI_A_INPUT);
	ui_draw_cursor(y, fx + (int)(curcol - wrap_width(l->buf, start)));
}

enum ui_line_result
ui_line_prompt(struct ui_line *l, struct screen_ctx *c, int key)
{
	enum ui_line_result r = ui_line_key(l, c, key);

	if (r == UI_LINE_CANCEL)
		ui_line_close(l);
	return r;
}

const char *
ui_line_text(const struct ui_line *l)
{
	return l->buf != NULL ? l->buf : "";
}

void
ui_line_close(struct ui_line *l)
{
	if (l->buf != NULL) {
		/* Passwords pass through here. */
		crypto_wipe(l->buf, l->cap);
		free(l->buf);
	}
	memset(l, 0, sizeof *l);
}

static void
list_show(struct ui_list *l, size_t page)
{
	if (page == 0)
		page = 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	/* No empty rows at the end while there are rows above. */
	if (l->top + page > l->n)
		l->top = l->n > page ? l->n - page : 0;
}

bool
ui_list_key(struct ui_list *l, int key, size_t page)
{
	size_t last = l->n > 0 ? l->n - 1 : 0;

	switch (key) {
	case UI_KEY_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case UI_KEY_DOWN:
		if (l->sel < last)
			l->sel++;
		break;
	case UI_KEY_PGUP:
		l->sel = l->sel > page ? l->sel - page : 0;
		break;
	case UI_KEY_PGDN:
		l->sel = l->sel + page < last ? l->sel + page : last;
		break;
	case UI_KEY_HOME:
		l->sel = 0;
		break;
	case UI_KEY_END:
		l->sel = last;
		break;
	default:
		return false;
	}
	list_show(l, page);
	return true;
}

void
ui_list_resize(struct ui_list *l, size_t n, size_t page)
{
	l->n = n;
	if (l->sel >= n)
		l->sel = n > 0 ? n - 1 : 0;
	list_show(l, page);
}

bool
ui_scroll_key(size_t *top, int key, size_t total, size_t page)
{
	size_t max = total > page ? total - page : 0;

	switch (key) {
	case UI_KEY_UP:
		if (*top > 0)
			(*top)--;
		break;
	case UI_KEY_DOWN:
		if (*top < max)
			(*top)++;
		break;
	case UI_KEY_PGUP:
		*top = *top > page ? *top - page : 0;
		break;
	case UI_KEY_PGDN:
	case ' ':
		*top = *top + page < max ? *top + page : max;
		break;
	case UI_KEY_HOME:
		*top = 0;
		break;
	case UI_KEY_END:
		*top = max;
		break;
	default:
		return false;
	}
	return true;
}
