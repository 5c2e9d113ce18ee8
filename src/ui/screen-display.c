/* How a session looks: plain mode and the time zone. Both are member
 * settings (db/db-display.h) whose "automatic" depends on the connection:
 * plain when the client sends NO_COLOR or its terminal is dumb or unknown;
 * the zone the client's TZ names, else the server's. All of it is decided
 * before the sandbox reads its first byte from the member; the zone
 * database stays readable afterwards (lib/sandbox.c), so a change in
 * Profile applies at once. */
#include <stdlib.h>
#include <string.h>
#include "db/db-display.h"
#include "db/db.h"
#include "lib/log.h"
#include "lib/text.h"
#include "lib/tz.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"

void
screen_display_init(struct screen_ctx *c, bool term_fallback)
{
	struct screen_display *d = &c->display;
	const char *nc = getenv("NO_COLOR"), *tz = getenv("TZ");

	/* no-color.org: set and not empty. */
	d->auto_plain = (nc != NULL && nc[0] != '\0') || term_fallback;
	d->client_zone[0] = '\0';
	if (tz != NULL && tz[0] == ':')
		tz++;
	if (tz != NULL && tz_known(tz))
		text_copy(d->client_zone, sizeof d->client_zone, tz);
	else if (tz != NULL && tz[0] != '\0')
		log_info("TZ from the client is not a zone we know; using the server's");
	tz_system(d->system_zone, sizeof d->system_zone);
	d->set.plain = DISPLAY_PLAIN_AUTO;
	d->set.time_zone[0] = '\0';
	screen_display_apply(c);
}

void
screen_display_load(struct screen_ctx *c)
{
	struct member_display set;

	if (c->me.id == 0)
		return;
	if (db_display_get(c->db, c->me.id, c->me.id, &set) != 0) {
		log_warn("cannot read display settings of member %lld", (long long)c->me.id);
		return;
	}
	c->display.set = set;
	screen_display_apply(c);
}

void
screen_display_apply(struct screen_ctx *c)
{
	struct screen_display *d = &c->display;
	const char *zone = d->set.time_zone[0] != '\0' ? d->set.time_zone :
	    d->client_zone[0] != '\0' ? d->client_zone : d->system_zone;

	d->plain = d->set.plain == DISPLAY_PLAIN_ON ||
	    (d->set.plain == DISPLAY_PLAIN_AUTO && d->auto_plain);
	ui_draw_set_plain(d->plain);
	/* A zone removed from the system since it was chosen: the server's. */
	if (tz_use(zone) != 0) {
		log_warn("time zone %s is not known here; using %s", zone, d->system_zone);
		zone = d->system_zone;
		if (tz_use(zone) != 0) {
			zone = "UTC";
			(void)tz_use(zone);
		}
	}
	text_copy(d->zone, sizeof d->zone, zone);
}

const char *
screen_zone(const struct screen_ctx *c)
{
	return c->display.zone[0] != '\0' ? c->display.zone : "UTC";
}
