/* The live part of the status bar: unseen notices and unread messages.
 * ui.c calls screen_live_refresh once at the start and again whenever
 * PRAGMA data_version says another session wrote, so news reaches a member
 * within one tick of the input loop without any other IPC. */
#include <stdio.h>
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
