/* The multi-line editor: a screen of its own (ui_edit_screen) opened on top
 * of the caller, so the profile bio today and board posts later use the
 * same code. Word wrap at the window width, UTF-8, arrows/Home/End/PgUp/
 * PgDn, Backspace/Delete, Enter for a new line, Ctrl-X or F2 to save, Esc to
 * cancel (asking "Discard changes? [y/n]" if anything changed). Text beyond
 * max_chars is refused with a message, so a huge paste stays responsive. */
#ifndef UI_EDIT_H
#define UI_EDIT_H
#include <stddef.h>

struct screen_ctx;

struct ui_edit_req {
	const char *title;	/* "Bio" */
	const char *text;	/* starting text (copied); NULL = empty */
	size_t max_chars;
	/* Called after the editor has closed, with the saved text (valid
	 * UTF-8, only printable characters, \n and \t, at most max_chars
	 * characters; the caller copies it) or NULL if cancelled. arg is the
	 * caller's own state, which stays alive underneath the editor. */
	void (*done)(struct screen_ctx *c, void *arg, const char *text);
	void *arg;
};

void ui_edit_open(struct screen_ctx *c, const struct ui_edit_req *req);

#endif
