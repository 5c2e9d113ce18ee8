/* What surrounds every screen: the header bar (system, section, member),
 * the message line and the status bar with key hints; and the full-screen
 * texts shown on the way out. */
#ifndef UI_FRAME_H
#define UI_FRAME_H

struct screen_ctx;

/* Draws one frame: the top screen's body and the bars around it, or only
 * "Terminal too small ..." (and how to log off) below UI_MIN_COLS x
 * UI_MIN_ROWS. A narrow header leaves the section out. idle_left > 0
 * shows the idle warning on the message line. */
void ui_frame_draw(struct screen_ctx *c, int idle_left);

/* Draws a full-screen text (goodbye, registration closed) under the
 * header bar. */
void ui_frame_text(struct screen_ctx *c, const char *text);

#endif
