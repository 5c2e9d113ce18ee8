/* The line input and list widgets, without a terminal. */
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include "ui/screen.h"
#include "ui/screenfile.h"
#include "test.h"
#include "lib/text.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

static void
type(struct ui_line *l, struct screen_ctx *c, const int *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ui_line_key(l, c, keys[i]);
}

TEST(ui_line_utf8_editing)
{
	struct screen_ctx c;
	struct ui_line l;
	const int keys[] = { UI_KEY_BACKSPACE, UI_KEY_LEFT, UI_KEY_LEFT, UI_KEY_LEFT,
	    UI_KEY_BACKSPACE, 'X', UI_KEY_END, 0x4e2d };

	memset(&c, 0, sizeof c);
	memset(&l, 0, sizeof l);
	ui_line_open(&l, "h\xc3\xa9llo", 10, false);
	CHECK_INT(l.chars, 5);
	type(&l, &c, keys, sizeof keys / sizeof keys[0]);
	CHECK_STR(ui_line_text(&l), "X\xc3\xa9ll\xe4\xb8\xad");
	CHECK_INT(l.chars, 5);
	CHECK_INT(l.cur, l.len);
	ui_line_key(&l, &c, UI_KEY_HOME);
	ui_line_key(&l, &c, UI_KEY_DELETE);
	ui_line_key(&l, &c, UI_KEY_DELETE);
	CHECK_STR(ui_line_text(&l), "ll\xe4\xb8\xad");
	CHECK_INT(ui_line_key(&l, &c, UI_KEY_ENTER), UI_LINE_DONE);
	CHECK_INT(ui_line_key(&l, &c, UI_KEY_ESC), UI_LINE_CANCEL);
	ui_line_close(&l);
	CHECK(l.buf == NULL);
}

TEST(ui_line_refuses_beyond_max_and_keeps_text)
{
	struct screen_ctx c;
	struct ui_line l;
	const int keys[] = { 'a', 'b', 'c', 'd' };

	memset(&c, 0, sizeof c);
	memset(&l, 0, sizeof l);
	ui_line_open(&l, NULL, 3, false);
	type(&l, &c, keys, 4);
	CHECK_STR(ui_line_text(&l), "abc");
	CHECK(c.msg_error);
	CHECK(strstr(c.msg, "At most 3") != NULL);
	ui_line_close(&l);
}

TEST(ui_line_ctrl_u_and_control_keys)
{
	struct screen_ctx c;
	struct ui_line l;

	memset(&c, 0, sizeof c);
	memset(&l, 0, sizeof l);
	ui_line_open(&l, "abcdef", 20, true);
	ui_line_key(&l, &c, UI_KEY_LEFT);
	ui_line_key(&l, &c, UI_KEY_LEFT);
	ui_line_key(&l, &c, UI_KEY_CTRL('u'));
	CHECK_STR(ui_line_text(&l), "ef");
	CHECK_INT(l.cur, 0);
	ui_line_key(&l, &c, UI_KEY_CTRL('k'));
	CHECK_STR(ui_line_text(&l), "");
	/* Unbound control keys do nothing; a bidi control stays, for the
	 * input check to refuse with a reason. */
	ui_line_key(&l, &c, 'Z');
	ui_line_key(&l, &c, 27);
	ui_line_key(&l, &c, UI_KEY_CTRL('b'));
	ui_line_key(&l, &c, UI_KEY_CTRL('g'));
	ui_line_key(&l, &c, UI_KEY_CTRL('t'));
	ui_line_key(&l, &c, 0x7f);
	ui_line_key(&l, &c, '[');
	ui_line_key(&l, &c, 0x202e);
	CHECK_STR(ui_line_text(&l), "Z[\xe2\x80\xae");
	CHECK_INT(l.chars, 3);
	CHECK(text_check_line(ui_line_text(&l), 64) != NULL);
	ui_line_key(&l, &c, 0);		/* NUL never enters a string */
	CHECK_INT(l.chars, 3);
	/* Ctrl-X ends a one-line field as Enter does, as in the editor. */
	CHECK_INT(ui_line_key(&l, &c, UI_KEY_CTRL('x')), UI_LINE_DONE);
	CHECK_STR(ui_line_text(&l), "Z[\xe2\x80\xae");
	ui_line_close(&l);
}

TEST(ui_line_sanitises_initial_text)
{
	struct ui_line l;

	memset(&l, 0, sizeof l);
	ui_line_open(&l, "a\x1b[2Jb", 40, false);
	CHECK(strchr(ui_line_text(&l), '\x1b') == NULL);
	ui_line_set(&l, "0123456789abcdefghijklmnopqrstuvwxyz0123456789");
	CHECK_INT(l.chars, 40);
	ui_line_close(&l);
}

TEST(ui_list_keeps_selection_in_view)
{
	struct ui_list l = { 0, 0, 10 };

	CHECK(ui_list_key(&l, UI_KEY_DOWN, 3));
	CHECK(ui_list_key(&l, UI_KEY_DOWN, 3));
	CHECK(ui_list_key(&l, UI_KEY_DOWN, 3));
	CHECK_INT(l.sel, 3);
	CHECK_INT(l.top, 1);
	CHECK(ui_list_key(&l, UI_KEY_END, 3));
	CHECK_INT(l.sel, 9);
	CHECK_INT(l.top, 7);
	ui_list_resize(&l, 4, 3);
	CHECK_INT(l.sel, 3);
	CHECK_INT(l.top, 1);
	CHECK(!ui_list_key(&l, 'x', 3));
}

TEST(ui_scroll_stays_in_range)
{
	size_t top = 0;

	CHECK(ui_scroll_key(&top, UI_KEY_PGDN, 25, 10));
	CHECK_INT(top, 10);
	CHECK(ui_scroll_key(&top, UI_KEY_PGDN, 25, 10));
	CHECK_INT(top, 15);
	CHECK(ui_scroll_key(&top, UI_KEY_UP, 25, 10));
	CHECK_INT(top, 14);
	CHECK(ui_scroll_key(&top, UI_KEY_HOME, 25, 10));
	CHECK_INT(top, 0);
	CHECK(ui_scroll_key(&top, UI_KEY_DOWN, 5, 10));
	CHECK_INT(top, 0);
}

TEST(screen_registry_has_help_for_every_screen)
{
	const char *generic = screenfile_builtin("help-no-such-screen");
	size_t n = 0;
	const struct screen *const *all = screen_registry(&n);
	char file[64];

	CHECK(n >= 10);
	for (size_t i = 0; i < n; i++) {
		const struct screen *s = all[i];

		CHECK(s != NULL && s->name != NULL);
		CHECK(screen_lookup(s->name) == s);
		/* A list screen's engine (ui/list.h) is its enter, draw and key. */
		CHECK(s->section != NULL && (s->list != NULL ||
		    (s->enter != NULL && s->draw != NULL && s->key != NULL)));
		snprintf(file, sizeof file, "help-%s", s->name);
		if (screenfile_builtin(file) == generic)
			printf("  no built-in help for screen %s\n", s->name);
		CHECK(screenfile_builtin(file) != generic);
		snprintf(file, sizeof file, "screens/help-%s.txt", s->name);
		if (access(file, R_OK) != 0)
			printf("  no %s\n", file);
		CHECK(access(file, R_OK) == 0);
	}
	CHECK(screen_lookup("nothing") == NULL);
}

/* A prompt: Enter hands the text to the caller with the line still open
 * (a refusal keeps it); Esc closes it. */
TEST(ui_line_prompt_enter_keeps_esc_closes)
{
	struct screen_ctx c;
	struct ui_line l;

	memset(&c, 0, sizeof c);
	memset(&l, 0, sizeof l);
	ui_line_open(&l, NULL, 20, false);
	CHECK_INT(ui_line_prompt(&l, &c, 'b'), UI_LINE_EDITING);
	CHECK_INT(ui_line_prompt(&l, &c, UI_KEY_ENTER), UI_LINE_DONE);
	CHECK(l.active);
	CHECK_STR(ui_line_text(&l), "b");
	CHECK_INT(ui_line_prompt(&l, &c, UI_KEY_ESC), UI_LINE_CANCEL);
	CHECK(!l.active);
}

TEST(status_bar_shortest_news_says_what_it_counts)
{
	struct screen_live l = { .notices = 1, .unread_messages = 2 };
	char buf[32];

	screen_live_shortest(&l, buf, sizeof buf);
	CHECK_STR(buf, "2 messages");
	l.unread_messages = 1;
	screen_live_shortest(&l, buf, sizeof buf);
	CHECK_STR(buf, "1 message");
	l.unread_messages = 0;
	screen_live_shortest(&l, buf, sizeof buf);
	CHECK_STR(buf, "1 notice");
}
