/* Header bar, message line and status bar; see ui-frame.h. */
#include <stdio.h>
#include <string.h>
#include "lib/config.h"
#include "ui/screen.h"
#include "lib/text.h"
#include "lib/tz.h"
#include "ui/ui-draw.h"
#include "ui/ui-frame.h"

/* Nothing else fits, so the sentence says how to get out too: q, Esc and
 * Ctrl-C log off here (ui.c), whatever screen is underneath. */
static void
draw_too_small(void)
{
	char m[160];

	snprintf(m, sizeof m, "Terminal too small: need %dx%d, this is %dx%d. "
	    "Enlarge the window, or press q to log off.",
	    UI_MIN_COLS, UI_MIN_ROWS, ui_cols(), ui_rows());
	ui_draw_wrapped(0, 0, ui_rows(), (size_t)ui_cols(), m, 0, UI_A_BOLD);
	ui_draw_cursor(0, 0);
}

static void
draw_header(struct screen_ctx *c, const char *section)
{
	char right[MEMBER_NAME_SZ + 32], zone[TZ_NAME_SZ + 16];
	size_t cols = (size_t)ui_cols(), rw, lw, room;

	ui_draw_fill(0, 0, cols, UI_A_HEADER);
	if (c->me.id == 0)
		snprintf(right, sizeof right, "New member");
	else if (c->me.status == STATUS_PENDING)
		snprintf(right, sizeof right, "%s (awaiting approval)", c->me.name);
	else
		snprintf(right, sizeof right, "%s", c->me.name);
	/* The member's name may be long: it gets what the left side leaves,
	 * and at least half the bar. A narrow bar drops the section, which
	 * the screen's own title says again. */
	lw = ui_draw_text(0, 1, c->cfg->bbs.name, cols / 4, UI_A_HEADER);
	if (section != NULL && !ui_narrow()) {
		ui_draw_text(0, 1 + (int)lw, " | ", 3, UI_A_HEADER);
		lw += 3 + ui_draw_text(0, 4 + (int)lw, section, cols / 4, UI_A_HEADER);
	}
	rw = text_width(right);
	if (rw > cols - lw - 4)
		rw = cols - lw - 4;
	/* A screen that showed a date or time names their zone, once, in
	 * what the name leaves (the name keeps at least a third). */
	room = cols - lw - 4 - (rw < cols / 3 ? rw : cols / 3);
	if (screen_times_shown() && room > 3 + 3) {
		snprintf(zone, sizeof zone, "%s%s", ui_narrow() ? "" : "times: ",
		    screen_zone(c));
		ui_draw_text(0, 1 + (int)lw, " | ", 3, UI_A_HEADER);
		lw += 3 + ui_draw_text(0, 4 + (int)lw, zone, room - 3, UI_A_HEADER);
		if (rw > cols - lw - 4)
			rw = cols - lw - 4;
	}
	ui_draw_text(0, (int)(cols - rw - 1), right, rw, UI_A_HEADER);
}

/* One line of the message row; a sentence too long for it takes the row
 * above as well, so a refusal is never cut before the part that says what
 * to do. */
static void
draw_sentence(const char *text, enum ui_attr a)
{
	int y = ui_msg_row();
	size_t cols = (size_t)ui_cols() - 2;

	if (text_width(text) <= cols) {
		ui_draw_text(y, 1, text, cols, a);
		return;
	}
	ui_draw_fill(y - 1, 0, (size_t)ui_cols(), UI_A_NORMAL);
	ui_draw_fill(y, 0, (size_t)ui_cols(), UI_A_NORMAL);
	ui_draw_wrapped(y - 1, 1, 2, cols, text, 0, a);
}

static void
draw_message(struct screen_ctx *c, int idle_left)
{
	char warn[128];

	if (idle_left > 0) {
		snprintf(warn, sizeof warn, "You will be logged off in %d s for "
		    "inactivity \xe2\x80\x94 press any key", idle_left);
		draw_sentence(warn, UI_A_ERROR);
	} else if (c->asking) {
		draw_sentence(c->question, UI_A_TITLE);
	} else if (c->msg[0] != '\0') {
		draw_sentence(c->msg, c->msg_error ? UI_A_ERROR : UI_A_INFO);
	}
}

/* The right end of the status bar: news for the member, e.g.
 * "2 new messages | 3 notices: Alice Appleton accepted your request", in
 * the room the key hints leave (they come first: they say what works
 * here). Short of room it says only the counts. Returns the columns it
 * took (0 when there is no news). */
static size_t
draw_live(struct screen_ctx *c, int y, size_t cols, size_t room)
{
	const struct screen_live *l = &c->live;
	char full[448], brief[64], tiny[32];
	const char *news = full;
	size_t len = 0, w;

	full[0] = brief[0] = '\0';
	if (l->unread_messages > 0)
		len += (size_t)snprintf(brief, sizeof brief, "%lld new message%s",
		    (long long)l->unread_messages, l->unread_messages == 1 ? "" : "s");
	if (l->notices > 0 && len < sizeof brief)
		snprintf(brief + len, sizeof brief - len, "%s%lld notice%s",
		    len > 0 ? " | " : "", (long long)l->notices, l->notices == 1 ? "" : "s");
	if (brief[0] == '\0')
		return 0;
	if (l->notices > 0)
		snprintf(full, sizeof full, "%s: %s", brief, l->latest);
	else
		snprintf(full, sizeof full, "%s", brief);
	screen_live_shortest(l, tiny, sizeof tiny);
	/* The most that fits: all of it, the start of the newest notice, the
	 * counts, one count with its word. Only that one may cut into the hints. */
	w = text_width(full);
	if (w > room && room >= text_width(brief) + 12) {
		w = room;
	} else if (w > room && text_width(brief) <= room) {
		news = brief;
		w = text_width(brief);
	} else if (w > room) {
		news = tiny;
		w = text_width(tiny);
	}
	ui_draw_text(y, (int)(cols - w - 1), news, w, UI_A_INFO);
	return w + 2;
}

/* An announcement for everyone, on the right of the status bar in place
 * of the news until the member dismisses it: "Announcement: text (^D
 * dismiss)". It may take half the bar from the hints, so that it can be
 * read at 80 columns; a long one is cut. Returns the columns it took. */
static size_t
draw_announcement(struct screen_ctx *c, int y, size_t cols, size_t room)
{
	static const char head[] = "Announcement: ", tail[] = " (^D dismiss)";
	char clean[sizeof c->live.announcement], fit[sizeof c->live.announcement], line[900];
	size_t avail, w;

	if (room < cols / 2)
		room = cols / 2;
	if (room < sizeof head + sizeof tail + 4)
		return 0;
	text_sanitize(clean, sizeof clean, c->live.announcement, false);
	avail = room - (sizeof head - 1) - (sizeof tail - 1);
	text_fit(fit, sizeof fit, clean, avail, NULL);
	snprintf(line, sizeof line, "%s%s%s", head, fit, tail);
	w = text_width(line);
	ui_draw_text(y, (int)(cols - w - 1), line, w, UI_A_INFO);
	return w + 2;
}

static void
draw_status(struct screen_ctx *c)
{
	int y = ui_rows() - 1;
	const char *hints = c->asking ? "y yes  n no" : c->hints;
	size_t cols = (size_t)ui_cols(), hw = text_width(hints), right, room;

	ui_draw_fill(y, 0, cols, UI_A_STATUS);
	room = cols > hw + 4 ? cols - hw - 4 : 0;
	if (c->live.announcement_id > 0)
		right = draw_announcement(c, y, cols, room);
	else
		right = draw_live(c, y, cols, room);
	ui_draw_text(y, 1, hints, cols - 2 - right, UI_A_STATUS);
}

void
ui_frame_draw(struct screen_ctx *c, int idle_left)
{
	struct screen_frame *f = screen_top(c);

	if (ui_too_small()) {
		draw_too_small();
		return;
	}
	screen_draw(c);
	draw_header(c, f != NULL ? f->s->section : NULL);
	draw_message(c, idle_left);
	draw_status(c);
}

void
ui_frame_text(struct screen_ctx *c, const char *text)
{
	if (ui_too_small()) {
		ui_draw_wrapped(0, 0, ui_rows(), (size_t)ui_cols(), text, 0, UI_A_NORMAL);
		return;
	}
	draw_header(c, NULL);
	ui_draw_wrapped(2, 2, ui_rows() - 3, (size_t)ui_cols() - 4, text, 0, UI_A_NORMAL);
}
