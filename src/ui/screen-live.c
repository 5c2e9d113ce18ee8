/* The live part of the status bar: unseen notices and unread messages.
 * ui.c calls screen_live_refresh once at the start and again whenever
 * PRAGMA data_version says another session wrote, so news reaches a member
 * within one tick of the input loop without any other IPC. The newest
 * announcement a member has not dismissed is news too. */
#include <stdio.h>
#include <string.h>
#include "db/db-admin.h"
#include "db/db-message.h"
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"

/* The newest announcement this member has not dismissed (db-admin.h). */
static void
live_announcement(struct screen_ctx *c)
{
	struct announcement a;
	bool found = false;

	if (db_announce_current(c->db, c->me.id, &a, &found) != 0) {
		log_warn("cannot read announcements: %s", db_errmsg(c->db));
		return;
	}
	c->live.announcement_id = found ? a.id : 0;
	memcpy(c->live.announcement, found ? a.text : "", found ? sizeof a.text : 1);
}

/* Plain mode says news in words on the message line as well as counting
 * it in the status bar, since a screen reader does not watch the bar's
 * corner. Not over a refusal the member has yet to read, nor at login,
 * where the main menu says what waits. */
static void
announce(struct screen_ctx *c, int64_t messages_before, int64_t notices_before)
{
	const struct screen_live *l = &c->live;

	if (!c->display.plain || !l->primed || (c->msg[0] != '\0' && c->msg_error))
		return;
	if (l->unread_messages > messages_before)
		screen_info(c, "New private message: %lld unread. Press I on the main menu "
		    "for your inbox.", (long long)l->unread_messages);
	else if (l->notices > notices_before)
		screen_info(c, "New notice: %s", l->latest);
}

void
screen_live_refresh(struct screen_ctx *c)
{
	struct notice newest;
	int64_t count = 0, messages = c->live.unread_messages, notices = c->live.notices;

	if (c->me.id == 0)
		return;
	if (db_notice_unseen(c->db, c->me.id, &count, &newest) != 0) {
		log_warn("cannot read notices: %s", db_errmsg(c->db));
		return;
	}
	c->live.notices = count;
	memcpy(c->live.latest, newest.text, sizeof c->live.latest);
	if (db_message_unread_total(c->db, c->me.id, &count) != 0) {
		log_warn("cannot read unread messages: %s", db_errmsg(c->db));
		return;
	}
	c->live.unread_messages = count;
	live_announcement(c);
	announce(c, messages, notices);
	c->live.primed = true;
}

bool
screen_live_dismiss(struct screen_ctx *c)
{
	if (c->me.id == 0 || c->live.announcement_id == 0)
		return false;
	if (db_announce_dismiss(c->db, c->me.id, c->live.announcement_id) != 0) {
		screen_error(c, "The announcement could not be put away; try again.");
		return true;
	}
	screen_info(c, "Announcement dismissed.");
	screen_live_refresh(c);
	return true;
}

void
screen_live_shortest(const struct screen_live *l, char *buf, size_t sz)
{
	if (l->unread_messages > 0)
		snprintf(buf, sz, "%lld message%s", (long long)l->unread_messages,
		    l->unread_messages == 1 ? "" : "s");
	else
		snprintf(buf, sz, "%lld notice%s", (long long)l->notices,
		    l->notices == 1 ? "" : "s");
}
