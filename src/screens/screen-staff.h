/* The staff's screens: the moderator menu (for the communities one
 * moderates), the admin menu, and what both share (the audit log). The
 * main menu shows the entries to those who hold the power; the data layer
 * refuses everyone else whatever a screen offers. */
#ifndef SCREEN_STAFF_H
#define SCREEN_STAFF_H
#include <stdbool.h>

struct screen_ctx;

/* screen_mod_menu, screen_admin_menu and screen_audit are declared with
 * every screen in ui/screen.h (the registry names them). */

/* The main menu's predicates for its staff entries. */
bool screen_staff_is_moderator(const struct screen_ctx *c);
bool screen_staff_is_admin(const struct screen_ctx *c);

/* The menus' entries for the review queue (screen-review.c): the
 * moderator's communities, every community (admins), the safety queue. */
void screen_review_open_mod(struct screen_ctx *c);
void screen_review_open_admin(struct screen_ctx *c);
void screen_review_open_safety(struct screen_ctx *c);

#endif
