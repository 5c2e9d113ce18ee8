/* What the admin menu's screens share: a question under a list that asks
 * for one line at a time (a login, an end date, a reason), and the order
 * of questions an action needs. The list engine's own prompt has a fixed
 * question; these screens ask several in turn, so they keep their own. */
#ifndef SCREEN_ADMIN_H
#define SCREEN_ADMIN_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/ui-widget.h"

struct list;
struct screen_ctx;
struct ui_binding;

#define ADMIN_ASK_ROWS	2

struct admin_ask {
	struct ui_line line;
	char question[200];
	int step;		/* the screen's own: which question this is; 0 closed */
};

/* Opens the question (an empty field of max_chars characters). */
void admin_ask_open(struct admin_ask *a, int step, const char *question, size_t max_chars);
void admin_ask_close(struct admin_ask *a);
bool admin_ask_active(const struct admin_ask *a);
/* Rows under the list while it is open (for list_def.foot_rows). */
int admin_ask_rows(const struct admin_ask *a);
/* Draws the question and the field right above the "(more)" row. */
void admin_ask_draw(struct screen_ctx *c, const struct admin_ask *a, size_t cols);
/* Feeds a key: UI_LINE_DONE with the typed text in *text (the caller
 * checks it and closes, or keeps it open with a reason), UI_LINE_CANCEL
 * when Esc closed it, UI_LINE_EDITING otherwise. */
enum ui_line_result admin_ask_key(struct admin_ask *a, struct screen_ctx *c, int key,
    const char **text);

/* ---- for list screens whose context begins with a struct admin_ask ---- */

/* list_def.foot_rows, .draw_foot and .fini (closes the question, frees
 * the context) for such a screen. */
int admin_ask_list_rows(struct screen_ctx *c, struct list *l);
void admin_ask_list_draw(struct screen_ctx *c, struct list *l, int y, size_t cols);
void admin_ask_list_free(void *ctx);
/* The hints: the field's while the question is open, else the keys
 * followed by tail. */
void admin_ask_hints(struct screen_ctx *c, struct list *l, const struct ui_binding *keys,
    size_t n, const char *tail);
/* Tells the outcome r of a decision the question's reason was for: a
 * refused reason keeps the question open; otherwise done (r == 0), state
 * (ERR_STATE), denied (ERR_DENIED) or the error is said, the question
 * closes and the list reloads. */
void admin_ask_decided(struct screen_ctx *c, struct list *l, int r, const char *done,
    const char *state, const char *denied);

#endif
