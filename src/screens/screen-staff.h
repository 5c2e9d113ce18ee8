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

#endif
