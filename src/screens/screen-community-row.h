/* One community request drawn as two lines, for the members' list and
 * the admins' (the same words in both). */
#ifndef SCREEN_COMMUNITY_ROW_H
#define SCREEN_COMMUNITY_ROW_H
#include <stddef.h>
#include "ui/ui-draw.h"

struct community_request;

/* "open      2 supporters (you)  New community: Denver (region) by Bob" over
 * the description and why, or the admins' answer. Returns 2 (the list
 * engine's row height). */
int screen_community_request_row(const struct community_request *q, int y, int x, size_t cols,
    int max_rows, enum ui_attr a);

#endif
