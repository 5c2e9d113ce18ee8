/* The multi-line editor: a screen of its own (ui_edit_screen) opened on top
 * of the caller, so the profile bio today and board posts later use the
 * same code. Word wrap at the window width, UTF-8, arrows/Home/End/PgUp/
 * PgDn, Backspace/Delete, Enter for a new line, Ctrl-X or F2 to save, Esc to
 * cancel (asking "Discard changes? [y/n]" if anything changed). Text beyond
 * max_chars, or beyond UI_EDIT_MAX_BYTES, is refused with a message, so a
 * huge paste stays responsive. Characters that never reach a terminal
 * (bidi controls, zero-width and other invisible ones) are left out, and
 * the message line says how many.
 *
 * Drafts: with a draft_key the text is saved for the member every few
 * seconds while it changes and when the connection drops, so nothing typed
 * is lost; the next editor opened with the same key offers it back. Saving
 * or discarding ends the draft. Keys name what the text is for, e.g.
 * "board:reply:123" or "msg:45"; each feature picks its own prefix. */
#ifndef UI_EDIT_H
#define UI_EDIT_H
#include <stdbool.h>
#include <stddef.h>

struct screen_ctx;

#define UI_EDIT_MAX_BYTES	65536	/* the paste cap, whatever max_chars says */
#define UI_EDIT_DRAFT_EVERY	3	/* seconds between draft saves */

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
	/* Optional (NULL: no drafts): at most 63 bytes, see above. */
	const char *draft_key;
	/* Take the draft back at once instead of asking (the member already
	 * said yes, e.g. to the offer at login). */
	bool draft_restore;
};

void ui_edit_open(struct screen_ctx *c, const struct ui_edit_req *req);

/* While on, the next editor opened with a draft key takes its draft back
 * at once, as draft_restore does: the member already said yes (to the
 * offer at login) and the editor is opened by the screen the draft
 * belongs to. Turn it off again after that screen had its chance. */
void ui_edit_restore_next(bool on);

#endif
