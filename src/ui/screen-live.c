/* The live part of the status bar: unseen notices and unread messages.
 * ui.c calls screen_live_refresh once at the start and again whenever
 * PRAGMA data_version says another session wrote, so news reaches a member
 * within one tick of the input loop without any other IPC. */
#include <string.h>
#include "db/db-message.h"
#include "db/db-notice.h"
#include "db/db.h"
#include "lib/log.h"
#include "ui/screen.h"

void
screen_live_refresh(struct screen_ctx *c)
{
	struct notice newest;
	int64_t count = 0;

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
}
