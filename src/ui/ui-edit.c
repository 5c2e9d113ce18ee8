/* The multi-line editor; see ui-edit.h. The text is one UTF-8 buffer with
 * a byte cursor; wrapped lines are recomputed from it when it is drawn or
 * when the cursor moves between lines, never per typed key, so a long
 * paste costs one memmove per character and one layout per frame. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db/db-board.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-edit.h"
#include "ui/ui-keys.h"
#include "ui/ui-term.h"
#include "lib/wrap.h"
#include "lib/xmalloc.h"

struct edit {
	char title[64];
	char *buf;
	size_t len, cap, chars, max_chars;
	size_t cur;			/* byte offset of the cursor */
	size_t goal;			/* column kept while moving up and down */
	bool keep_goal;
	size_t top;			/* first wrapped line shown */
	bool dirty;			/* changed since opening */
	void (*done)(struct screen_ctx *, void *, const char *);
	void *arg;
	struct wrap_line *lines;	/* layout for width, valid if laid_out */
	size_t nlines, width;
	bool laid_out;
	char draft_key[BOARD_DRAFT_KEY_SZ];	/* "" without drafts */
	bool draft_dirty;		/* changed since the last draft save */
	int64_t draft_at;		/* monotonic seconds of that save */
	bool finished;			/* saved or discarded: no draft left */
	bool draft_declined;		/* a stored draft was not taken back */
	size_t max_bytes;
	/* Characters that were not inserted because they never reach a
	 * terminal (bidi controls, zero-width, C1): counted over the keys of
	 * one frame (a paste arrives in one), said on the message line. */
	size_t left_out;
	bool left_out_drawn;		/* the count was on screen: start again */
};

static void
draft_save(struct screen_ctx *c, struct edit *e)
{
	if (e->draft_key[0] == '\0' || !e->draft_dirty || e->buf == NULL)
		return;
	if (db_board_draft_save(c->db, c->me.id, e->draft_key, e->buf) != 0)
		return;	/* tried again after the next change */
	e->draft_dirty = false;
	e->draft_at = ui_term_mono_now();
}

/* The draft is over: the text was handed on or thrown away. */
static void
draft_end(struct screen_ctx *c, struct edit *e)
{
	e->finished = true;
	if (e->draft_key[0] != '\0')
		(void)db_board_draft_delete(c->db, c->me.id, e->draft_key);
}

static size_t
text_width_cols(void)
{
	return ui_cols() > 2 ? (size_t)ui_cols() - 2 : 1;
}

static size_t
text_rows(void)
{
	return ui_body_rows() > 2 ? (size_t)ui_body_rows() - 1 : 1;
}

static void
layout(struct edit *e)
{
	size_t w = text_width_cols();

	if (e->laid_out && e->width == w)
		return;
	free(e->lines);
	e->nlines = wrap_text(e->buf, w, &e->lines);
	e->width = w;
	e->laid_out = true;
}

/* The wrapped line holding the cursor. */
static size_t
cursor_line(struct edit *e)
{
	size_t i = 0;

	layout(e);
	while (i + 1 < e->nlines && e->lines[i + 1].off <= e->cur)
		i++;
	return i;
}

static size_t
cursor_col(struct edit *e, size_t line)
{
	return e->lines[line].lead +
	    wrap_width(e->buf + e->lines[line].off, e->cur - e->lines[line].off);
}

static void
changed(struct edit *e)
{
	e->dirty = true;
	e->draft_dirty = true;
	e->laid_out = false;
}

static void
insert(struct edit *e, struct screen_ctx *c, uint32_t cp)
{
	char enc[4];
	int k;

	if (e->chars >= e->max_chars) {
		screen_error(c, "The text is limited to %zu characters; the rest was "
		    "not added.", e->max_chars);
		return;
	}
	if ((k = text_utf8_encode(cp, enc)) <= 0)
		return;
	if (e->len + (size_t)k > e->max_bytes || e->len + (size_t)k >= e->cap) {
		screen_error(c, "The text is limited to %zu KiB; the rest was not added.",
		    e->max_bytes / 1024);
		return;
	}
	memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, (size_t)k);
	e->len += (size_t)k;
	e->cur += (size_t)k;
	e->chars++;
	changed(e);
}

/* Deletes the character starting at i. */
static void
delete_at(struct edit *e, size_t i)
{
	size_t j = text_next_char(e->buf, e->len, i);

	if (j == i)
		return;
	memmove(e->buf + i, e->buf + j, e->len - j + 1);
	e->len -= j - i;
	e->chars--;
	if (e->cur > i)
		e->cur = i;
	changed(e);
}

/* Moves the cursor by delta wrapped lines, keeping the column. */
static void
move_lines(struct edit *e, long delta)
{
	size_t line = cursor_line(e), target;
	const struct wrap_line *l;

	if (!e->keep_goal)
		e->goal = cursor_col(e, line);
	if (delta < 0)
		target = (size_t)-delta > line ? 0 : line - (size_t)-delta;
	else
		target = line + (size_t)delta >= e->nlines ? e->nlines - 1 : line + (size_t)delta;
	l = &e->lines[target];
	e->cur = l->off + wrap_offset_at_col(e->buf + l->off, l->len,
	    e->goal > l->lead ? e->goal - l->lead : 0);
	e->keep_goal = true;
}

static void
save(struct screen_ctx *c, struct edit *e)
{
	void (*done)(struct screen_ctx *, void *, const char *) = e->done;
	void *arg = e->arg;
	const char *why;
	char *text;

	if ((why = text_check_multiline(e->buf, e->max_chars)) != NULL) {
		screen_refused(c, why);
		return;
	}
	/* The state goes with the screen; the text is handed on first. */
	text = e->buf;
	e->buf = NULL;
	draft_end(c, e);
	screen_pop(c);
	done(c, arg, text);
	free(text);
}

static void
discard(struct screen_ctx *c, void *arg, bool yes)
{
	struct edit *e = arg;
	void (*done)(struct screen_ctx *, void *, const char *) = e->done;
	void *done_arg = e->arg;

	if (!yes)
		return;
	draft_end(c, e);
	screen_pop(c);
	done(c, done_arg, NULL);
}

static void
cancel(struct screen_ctx *c, struct edit *e)
{
	void (*done)(struct screen_ctx *, void *, const char *) = e->done;
	void *done_arg = e->arg;

	if (e->dirty) {
		screen_ask(c, "Discard changes? [y/n]", discard, e);
		return;
	}
	if (e->draft_declined) {
		/* Nothing typed over it: the draft stays, as the member was told. */
		e->finished = true;
		screen_pop(c);
		done(c, done_arg, NULL);
		screen_info(c, "Your draft is still kept; it is offered again next time.");
		return;
	}
	discard(c, e, true);
}

/* Keys that move the cursor. Returns false if key is not one of them. */
static bool
move_key(struct edit *e, int key)
{
	size_t line;

	switch (key) {
	case UI_KEY_LEFT:
		e->cur = text_prev_char(e->buf, e->cur);
		break;
	case UI_KEY_RIGHT:
		e->cur = text_next_char(e->buf, e->len, e->cur);
		break;
	case UI_KEY_UP:
	case UI_KEY_DOWN:
	case UI_KEY_PGUP:
	case UI_KEY_PGDN:
		move_lines(e, key == UI_KEY_UP ? -1 : key == UI_KEY_DOWN ? 1 :
		    key == UI_KEY_PGUP ? -(long)text_rows() + 1 : (long)text_rows() - 1);
		return true;
	case UI_KEY_HOME:
	case UI_KEY_CTRL('a'):
		line = cursor_line(e);
		e->cur = e->lines[line].off;
		break;
	case UI_KEY_END:
	case UI_KEY_CTRL('e'):
		line = cursor_line(e);
		e->cur = e->lines[line].off + e->lines[line].len;
		break;
	default:
		return false;
	}
	e->keep_goal = false;
	return true;
}

static bool
edit_key(struct screen_ctx *c, void *st, int key)
{
	struct edit *e = st;

	if (e->left_out_drawn) {
		e->left_out = 0;
		e->left_out_drawn = false;
	}
	if (move_key(e, key))
		return true;
	e->keep_goal = false;
	/* Saving or discarding may free e: nothing after them touches it. */
	if (key == UI_KEY_CTRL('x') || key == UI_KEY_F2) {
		save(c, e);
		return true;
	}
	if (key == UI_KEY_ESC) {
		cancel(c, e);
		return true;
	}
	if (key == UI_KEY_F1)
		return false;
	if (key == UI_KEY_ENTER)
		insert(e, c, '\n');
	else if (key == UI_KEY_TAB)
		for (int i = 0; i < 4; i++)
			insert(e, c, ' ');
	else if (key == UI_KEY_BACKSPACE && e->cur > 0)
		delete_at(e, text_prev_char(e->buf, e->cur));
	else if (key == UI_KEY_DELETE || key == UI_KEY_CTRL('d'))
		delete_at(e, e->cur);
	else if (ui_keys_is_text(key))
		insert(e, c, (uint32_t)key);
	else if (key >= 0x20 && key < 0x110000)
		e->left_out++;
	/* The message line is cleared before each key: say it again after
	 * every key of the paste, unless something else was said. */
	if (e->left_out > 0 && (c->msg[0] == '\0' || strstr(c->msg, " left out.") != NULL))
		screen_info(c, "%zu invisible or control character%s left out.", e->left_out,
		    e->left_out == 1 ? " was" : "s were");
	if (e->draft_dirty && ui_term_mono_now() - e->draft_at >= UI_EDIT_DRAFT_EVERY)
		draft_save(c, e);
	return true;
}

static void
draw_title(struct edit *e)
{
	char t[160];

	snprintf(t, sizeof t, "Editing: %s  (%zu of %zu characters)", e->title,
	    e->chars, e->max_chars);
	ui_draw_text(UI_BODY_TOP, 1, t, (size_t)ui_cols() - 2, UI_A_TITLE);
}

static void
edit_draw(struct screen_ctx *c, void *st)
{
	struct edit *e = st;
	size_t line, rows = text_rows(), col;
	char row[4096];

	if (e->left_out > 0)
		e->left_out_drawn = true;
	line = cursor_line(e);
	if (line < e->top)
		e->top = line;
	if (line >= e->top + rows)
		e->top = line - rows + 1;
	draw_title(e);
	for (size_t r = 0; r < rows && e->top + r < e->nlines; r++) {
		wrap_row(e->buf, &e->lines[e->top + r], row, sizeof row);
		ui_draw_text(UI_BODY_TOP + 1 + (int)r, 1, row, e->width, UI_A_NORMAL);
	}
	col = cursor_col(e, line);
	if (col >= e->width)
		col = e->width - 1;
	ui_draw_cursor(UI_BODY_TOP + 1 + (int)(line - e->top), 1 + (int)col);
	screen_hints(c, "Ctrl-X or F2 save  Esc cancel  arrows PgUp PgDn move  F1 help");
}

/* Puts text in the buffer, sanitised and cut to the limits. */
static void
set_text(struct edit *e, const char *text)
{
	text_sanitize(e->buf, e->cap, text, true);
	e->len = strlen(e->buf);
	while (e->len > e->max_bytes) {
		e->len = text_prev_char(e->buf, e->len);
		e->buf[e->len] = '\0';
	}
	e->chars = text_chars(e->buf);
	while (e->chars > e->max_chars) {
		e->len = text_prev_char(e->buf, e->len);
		e->buf[e->len] = '\0';
		e->chars--;
	}
	e->cur = e->len;
	e->top = 0;
	e->laid_out = false;
}

static void
draft_answer(struct screen_ctx *c, void *arg, bool yes)
{
	struct edit *e = arg;
	char *text = NULL;
	int64_t at = 0;

	if (!yes || db_board_draft_get(c->db, c->me.id, e->draft_key, &text, &at) != 0) {
		e->draft_declined = true;
		screen_info(c, "The draft is kept until you save or discard this text.");
		return;
	}
	set_text(e, text);
	free(text);
	e->dirty = true;
	screen_info(c, "Your draft is back. Ctrl-X saves it.");
}

/* Offers an unsent draft kept under this editor's key. */
static void
draft_offer(struct screen_ctx *c, struct edit *e)
{
	char *text = NULL, q[160], age[32];
	int64_t at = 0;

	if (e->draft_key[0] == '\0' || c->me.id == 0 ||
	    db_board_draft_get(c->db, c->me.id, e->draft_key, &text, &at) != 0)
		return;
	if (strcmp(text, e->buf) != 0) {
		screen_age(age, sizeof age, at);
		snprintf(q, sizeof q, "You have an unsent draft here (%zu characters, %s). "
		    "Restore it? [y/n]", text_chars(text), age);
		screen_ask(c, q, draft_answer, e);
	}
	free(text);
}

static bool restore_next;

void
ui_edit_restore_next(bool on)
{
	restore_next = on;
}

static void *
edit_enter(struct screen_ctx *c, const void *arg)
{
	const struct ui_edit_req *req = arg;
	struct edit *e = xcalloc(1, sizeof *e);

	text_copy(e->title, sizeof e->title, req->title != NULL ? req->title : "Text");
	e->max_chars = req->max_chars;
	e->cap = req->max_chars * 4 + 1;
	e->max_bytes = e->cap - 1 < UI_EDIT_MAX_BYTES ? e->cap - 1 : UI_EDIT_MAX_BYTES;
	e->buf = xmalloc(e->cap);
	/* An old row is shown inert: escapes become replacement characters. */
	set_text(e, req->text != NULL ? req->text : "");
	e->done = req->done;
	e->arg = req->arg;
	if (req->draft_key != NULL)
		text_copy(e->draft_key, sizeof e->draft_key, req->draft_key);
	e->draft_at = ui_term_mono_now();
	if ((req->draft_restore || restore_next) && e->draft_key[0] != '\0')
		draft_answer(c, e, true);
	else
		draft_offer(c, e);
	return e;
}

static void
edit_resize(struct screen_ctx *c, void *st)
{
	struct edit *e = st;

	(void)c;
	e->laid_out = false;
}

static void
edit_leave(struct screen_ctx *c, void *st)
{
	struct edit *e = st;

	/* Leaving without saving or discarding: the connection dropped or the
	 * session ended. Keep what was typed. */
	if (!e->finished)
		draft_save(c, e);
	free(e->buf);
	free(e->lines);
	free(e);
}

const struct screen ui_edit_screen = {
	.name = "edit",
	.section = "Editor",
	.enter = edit_enter,
	.draw = edit_draw,
	.key = edit_key,
	.resize = edit_resize,
	.leave = edit_leave,
};

void
ui_edit_open(struct screen_ctx *c, const struct ui_edit_req *req)
{
	screen_push(c, &ui_edit_screen, req);
}
