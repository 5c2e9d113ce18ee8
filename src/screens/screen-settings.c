/* Profile -> Display and time: plain mode and the time zone, the member's
 * own settings (db/db-display.h). Saved settings apply at once, this
 * session included (ui/screen-display.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-display.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/tz.h"
#include "lib/xmalloc.h"
#include "screens/screen-host-form.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"

#define FORM_TOP	(UI_BODY_TOP + 6)

struct draft {
	int plain;			/* enum display_plain */
	char zone[TZ_NAME_SZ];
};

struct settings {
	struct draft d;
	struct hf_form form;
};

static const char *
plain_label(int v)
{
	static const char *const labels[] = { "automatic", "on", "off" };

	return v >= 0 && v < 3 ? labels[v] : "?";
}

#define D(m) offsetof(struct draft, m), sizeof(((struct draft *)0)->m)
static const struct hf_field fields[] = {
	{ "Plain mode", HF_CHOICE, D(plain), 0, 0, 3, plain_label },
	{ "Time zone (empty: automatic)", HF_TEXT, D(zone), TZ_NAME_MAX, 0, 0, NULL },
};
#undef D

static void
save(struct screen_ctx *c, void *st)
{
	struct settings *s = st;
	struct member_display set;
	char esc[64];
	int r;

	memset(&set, 0, sizeof set);
	set.plain = (enum display_plain)s->d.plain;
	text_copy(set.time_zone, sizeof set.time_zone, s->d.zone);
	if (set.time_zone[0] != '\0' && !tz_known(set.time_zone)) {
		screen_error(c, "There is no time zone called %s here: write it as Region/City, "
		    "for example Europe/Berlin or America/New_York.", set.time_zone);
		return;
	}
	if ((r = db_display_set(c->db, c->me.id, c->me.id, &set)) != 0) {
		screen_error(c, "Your display settings could not be saved; nothing changed. "
		    "Try again.");
		return;
	}
	log_info("display settings saved: user=%s",
	    text_escape_log(esc, sizeof esc, c->me.login));
	c->display.set = set;
	screen_display_apply(c);
	s->form.dirty = false;
	screen_info(c, "Saved: plain mode %s, times in %s.", c->display.plain ? "on" : "off",
	    screen_zone(c));
}

static void
leave(struct screen_ctx *c, void *st)
{
	struct settings *s = st;

	screen_leave_form(c, s->form.dirty, "Discard changes? [y/n]");
}

static const struct ui_binding keys[] = {
	{ 's', 'S', "s save", save },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, save },
	{ 'q', 'Q', "q back", leave },
	{ UI_KEY_ESC, 0, NULL, leave },
};

/* What "automatic" gives on this connection, so the choice is informed. */
static void
draw_now(struct screen_ctx *c, int y, size_t cols)
{
	const struct screen_display *d = &c->display;
	char line[256];

	snprintf(line, sizeof line, "Plain mode is %s now%s.", d->plain ? "on" : "off",
	    d->set.plain != DISPLAY_PLAIN_AUTO ? "" : d->auto_plain ?
	    " (automatic: NO_COLOR is set or the terminal is plain)" :
	    " (automatic: your terminal has colour)");
	y += (int)ui_draw_wrapped(y, 2, 2, cols, line, 0, UI_A_INFO);
	snprintf(line, sizeof line, "Times are shown in %s%s.", screen_zone(c),
	    d->set.time_zone[0] != '\0' ? "" : d->client_zone[0] != '\0' ?
	    " (automatic: from your computer)" : " (automatic: the server's)");
	ui_draw_wrapped(y, 2, FORM_TOP - 1 - y, cols, line, 0, UI_A_INFO);
}

static void
settings_draw(struct screen_ctx *c, void *st)
{
	struct settings *s = st;
	size_t cols = (size_t)ui_cols() - 4;

	ui_draw_text(UI_BODY_TOP + 1, 2, s->form.dirty ? "Display and time (not saved yet)" :
	    "Display and time", cols, UI_A_TITLE);
	draw_now(c, UI_BODY_TOP + 2, cols);
	hf_draw(c, &s->form);
	if (hf_editing(&s->form))
		screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
	else
		screen_key_hints(c, keys, sizeof keys / sizeof keys[0],
		    "  Enter change  ? help");
}

static bool
settings_key(struct screen_ctx *c, void *st, int key)
{
	struct settings *s = st;

	if (hf_key(c, &s->form, key))
		return true;
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

static void *
settings_enter(struct screen_ctx *c, const void *arg)
{
	struct settings *s = xcalloc(1, sizeof *s);

	(void)arg;
	s->d.plain = (int)c->display.set.plain;
	text_copy(s->d.zone, sizeof s->d.zone, c->display.set.time_zone);
	s->form.fields = fields;
	s->form.n = sizeof fields / sizeof fields[0];
	s->form.draft = &s->d;
	s->form.list.n = s->form.n;
	s->form.top = FORM_TOP;
	return s;
}

static void
settings_leave(struct screen_ctx *c, void *st)
{
	struct settings *s = st;

	(void)c;
	hf_close(&s->form);
	free(s);
}

const struct screen screen_settings = {
	.name = "settings", .section = "Profile", .enter = settings_enter,
	.draw = settings_draw, .key = settings_key, .leave = settings_leave,
};
