/* Menus of fixed entries; see ui-menu.h. */
#include <stdio.h>
#include <string.h>
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-menu.h"
#include "ui/ui-widget.h"

#define MENU_ABOUT_MIN	12	/* columns a description needs to be of use */

static void
choose(const struct ui_menu_item *it, struct screen_ctx *c)
{
	if (it->run != NULL)
		it->run(c);
	else
		screen_push(c, it->opens, NULL);
}

static int
upper(int key)
{
	return key >= 'a' && key <= 'z' ? key - 'a' + 'A' : key;
}

void
ui_menu_draw(const struct ui_menu_item *m, size_t n, struct ui_list *sel, int y,
    size_t cols, size_t rows)
{
	char row[160];
	int w = 16;

	/* The labels make one column, as wide as the longest (labels are ASCII). */
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(m[i].label) > w)
			w = (int)strlen(m[i].label);
	/* Too narrow for the descriptions to say anything: labels only. */
	if (cols < (size_t)w + 6 + MENU_ABOUT_MIN)
		w = 0;
	/* A menu taller than its rows scrolls with the choice. */
	if (rows == 0)
		rows = 1;
	ui_list_resize(sel, n, rows);
	for (size_t i = sel->top; i < n && i - sel->top < rows; i++) {
		int yy = y + (int)(i - sel->top);
		enum ui_attr a = i == sel->sel ? UI_A_SELECT : UI_A_NORMAL;

		if (w > 0)
			snprintf(row, sizeof row, " [%c] %-*s %s", upper(m[i].hotkey), w,
			    m[i].label, m[i].about);
		else
			snprintf(row, sizeof row, " [%c] %s", upper(m[i].hotkey), m[i].label);
		if (i == sel->sel)
			ui_draw_chosen(yy, 2, cols);
		ui_draw_text(yy, 2, row, cols, a);
	}
}

bool
ui_menu_key(const struct ui_menu_item *m, size_t n, struct ui_list *sel,
    struct screen_ctx *c, int key)
{
	if (ui_list_key(sel, key, n))
		return true;
	for (size_t i = 0; i < n; i++) {
		if (key == m[i].hotkey || key == upper(m[i].hotkey)) {
			sel->sel = i;
			choose(&m[i], c);
			return true;
		}
	}
	return false;
}

void
ui_menu_run(const struct ui_menu_item *m, size_t n, const struct ui_list *sel,
    struct screen_ctx *c)
{
	if (sel->sel < n)
		choose(&m[sel->sel], c);
}
