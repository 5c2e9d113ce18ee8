/* Widgets a screen embeds in its state and feeds keys to: a one-line text
 * input and a list selection. They hold no curses state and draw through
 * ui-draw.h. */
#ifndef UI_WIDGET_H
#define UI_WIDGET_H
#include <stdbool.h>
#include <stddef.h>

struct screen_ctx;

enum ui_line_result { UI_LINE_EDITING, UI_LINE_DONE, UI_LINE_CANCEL };

/* A one-line input: UTF-8 aware, cursor movement, Backspace/Delete,
 * Home/End (Ctrl-A/Ctrl-E), Ctrl-U clears before the cursor, Ctrl-K after.
 * At most max_chars characters; typing more shows a message and keeps the
 * text. Control keys that are not editing keys do nothing (Ctrl-X is
 * Enter, as in the editor); other characters an input check refuses are
 * kept, so it can say why. Hidden mode draws '*'
 * for each character (passwords). */
struct ui_line {
	char *buf;		/* owned; NUL terminated */
	size_t len, cap;	/* bytes */
	size_t cur;		/* cursor byte offset */
	size_t chars, max_chars;
	bool hidden;
	bool active;
};

/* What every screen with a hidden line says about it: one behaviour (the
 * widget draws stars), one sentence. */
#define UI_LINE_HIDDEN_NOTE	"What you type shows as stars."

/* Starts editing initial (may be NULL) with room for max_chars characters. */
void ui_line_open(struct ui_line *l, const char *initial, size_t max_chars, bool hidden);
/* Feeds one key. Enter or Ctrl-X returns UI_LINE_DONE (the text stays for
 * the caller to check: on refusal it calls nothing and the member keeps
 * typing), Esc UI_LINE_CANCEL, anything else UI_LINE_EDITING. */
enum ui_line_result ui_line_key(struct ui_line *l, struct screen_ctx *c, int key);
/* Draws prompt then the field at y, x over cols columns and places the
 * cursor; the text scrolls sideways to keep the cursor visible. */
void ui_line_draw(const struct ui_line *l, int y, int x, size_t cols, const char *prompt);
/* ui_line_key for a prompt that Esc abandons: on UI_LINE_CANCEL the line
 * is closed here; on UI_LINE_DONE the caller checks the text and closes
 * the line itself once it is taken. */
enum ui_line_result ui_line_prompt(struct ui_line *l, struct screen_ctx *c, int key);
const char *ui_line_text(const struct ui_line *l);
/* Replaces the text (cursor to the end). */
void ui_line_set(struct ui_line *l, const char *text);
/* Wipes and frees the text; safe on a closed line. */
void ui_line_close(struct ui_line *l);

/* A selection in a list of n rows shown page rows at a time. */
struct ui_list {
	size_t sel, top, n;
};

/* Moves the selection for Up/Down/PgUp/PgDn/Home/End and keeps it in view.
 * Returns true if the key was one of those. */
bool ui_list_key(struct ui_list *l, int key, size_t page);
/* Sets the row count (after a reload), keeping sel in range and in view. */
void ui_list_resize(struct ui_list *l, size_t n, size_t page);

/* Scrolling through lines of text: Up/Down/PgUp/PgDn/Home/End change *top
 * within [0, total - page]. Returns true if the key was one of those. */
bool ui_scroll_key(size_t *top, int key, size_t total, size_t page);

#endif
