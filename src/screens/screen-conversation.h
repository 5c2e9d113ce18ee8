/* Shared by the two files of the conversation screen (nothing else
 * includes it): screen-conversation.c loads, lays out and draws the
 * messages and handles movement; screen-conversation-act.c holds what the
 * member does to them (reply, delete, report, archive). */
#ifndef SCREEN_CONVERSATION_H
#define SCREEN_CONVERSATION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db-message.h"
#include "rules/member.h"
#include "rules/message.h"
#include "ui/ui-widget.h"

struct screen_ctx;

struct conversation {
	struct member peer;
	int64_t conv;			/* 0 until the first message */
	int64_t first_unread;		/* messages from here on are "new" */
	bool blocked_by_me;		/* shown to me only */
	struct message_row *rows;	/* oldest first */
	size_t n;
	bool has_older;
	size_t sel;			/* selected message */
	size_t top;			/* first virtual row shown */
	size_t *heights;		/* rows each message takes at `width` */
	size_t width;
	char *draft;			/* text of a refused reply, kept */
	struct message_limits lim;
};

/* screen-conversation.c */
/* Loads the newest page (first time) or what arrived since, marks it read
 * and refreshes the status bar count. */
void conversation_load_new(struct screen_ctx *c, struct conversation *cv);
/* Forgets what is loaded and reads the newest page again. */
void conversation_reload(struct screen_ctx *c, struct conversation *cv);
/* Selects the newest message and scrolls to it. */
void conversation_to_bottom(struct conversation *cv);

/* screen-conversation-act.c: key bindings (st is the conversation). */
void conversation_reply(struct screen_ctx *c, void *st);
void conversation_ask_delete(struct screen_ctx *c, void *st);
/* Flags the selected message (screen_flag). */
void conversation_open_flag(struct screen_ctx *c, void *st);
void conversation_archive(struct screen_ctx *c, void *st);
void conversation_view_profile(struct screen_ctx *c, void *st);

#endif
