/* A menu of fixed entries, each with a hotkey: the main menu, the HOST
 * menu. The entries are a const table; the selection is a struct ui_list
 * the screen keeps (n = the number of entries). */
#ifndef UI_MENU_H
#define UI_MENU_H
#include <stdbool.h>
#include <stddef.h>

struct screen_ctx;
struct screen;
struct ui_list;

/* An entry opens a screen (pushed with no argument), or runs a function
 * when run is set. */
struct ui_menu_item {
	int hotkey;		/* lower case; upper case works too */
	const char *label;
	const char *about;
	const struct screen *opens;
	void (*run)(struct screen_ctx *c);
};

/* Draws " [P] Label            about" for each entry from row y over cols
 * columns and at most rows rows, the chosen one highlighted (and marked
 * in plain mode); a narrow menu leaves the descriptions out, a short one
 * scrolls to keep the choice in view (sel->top). */
void ui_menu_draw(const struct ui_menu_item *m, size_t n, struct ui_list *sel, int y,
    size_t cols, size_t rows);
/* Up/Down/Home/End choose; a hotkey chooses its entry and runs it. True if
 * the key was one of those. (Enter is the screen's: ui_menu_run.) */
bool ui_menu_key(const struct ui_menu_item *m, size_t n, struct ui_list *sel,
    struct screen_ctx *c, int key);
/* Runs the chosen entry. */
void ui_menu_run(const struct ui_menu_item *m, size_t n, const struct ui_list *sel,
    struct screen_ctx *c);

#endif
