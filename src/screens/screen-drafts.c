/* The login offer of unsent editor text. The editor saves drafts under keys
 * that say what the text was for (ui-edit.h); after a dropped connection
 * the newest one is offered back here, and yes takes the member to the
 * place it belongs, where the editor gives the text back. */
#include <stdio.h>
#include <string.h>
#include "db/db-board.h"
#include "db/db-user.h"
#include "screens/screen-board.h"
#include "ui/screen.h"
#include "ui/ui-edit.h"

/* The key being offered: static, so a question left unanswered at hangup
 * owns no memory. */
static char offered[BOARD_DRAFT_KEY_SZ];

/* Opens the screen the draft belongs to and presses its write key there,
 * with the editor told to take the draft back at once: one yes at login is
 * enough. */
static void
reopen(struct screen_ctx *c, const struct screen *s, const void *arg, int write_key)
{
	if (s != NULL)
		screen_push(c, s, arg);
	ui_edit_restore_next(true);
	screen_key(c, write_key);
	ui_edit_restore_next(false);
}

static void
resume_answer(struct screen_ctx *c, void *arg, bool yes)
{
	long long id = 0;
	int64_t id64;

	(void)arg;
	if (!yes)
		return;
	if (strncmp(offered, "board:", 6) == 0) {
		screen_board_resume(c, offered);
	} else if (sscanf(offered, "msg:%lld", &id) == 1) {
		screen_open_conversation(c, (int64_t)id);
		reopen(c, NULL, NULL, 'r');
	} else if (sscanf(offered, "mentor:request:%lld", &id) == 1) {
		id64 = id;
		reopen(c, &screen_mentor_request, &id64, 'e');
	} else if (sscanf(offered, "host:reference:%lld", &id) == 1) {
		id64 = id;
		reopen(c, &screen_host_req, &id64, 'r');
	}
}

/* "a message to Alice Appleton", "a post", ... */
static void
describe(struct screen_ctx *c, const char *key, char *buf, size_t sz)
{
	struct member m;
	long long id = 0;

	if (sscanf(key, "msg:%lld", &id) == 1 && db_user_get(c->db, id, &m) == 0)
		snprintf(buf, sz, "a message to %s", m.name);
	else if (sscanf(key, "mentor:request:%lld", &id) == 1 && db_user_get(c->db, id, &m) == 0)
		snprintf(buf, sz, "a mentorship request to %s", m.name);
	else if (strncmp(key, "host:reference:", 15) == 0)
		snprintf(buf, sz, "a HOST reference");
	else if (strncmp(key, "board:", 6) == 0)
		snprintf(buf, sz, "a post");
	else
		buf[0] = '\0';
}

bool
screen_offer_draft(struct screen_ctx *c)
{
	char what[MEMBER_NAME_SZ + 48], age[32], q[MEMBER_NAME_SZ + 160];
	int64_t at = 0;

	if (c->me.id == 0 || db_board_draft_latest(c->db, c->me.id, "", offered,
	    sizeof offered, &at) != 0)
		return false;
	describe(c, offered, what, sizeof what);
	if (what[0] == '\0')
		return false;
	screen_age(age, sizeof age, at);
	snprintf(q, sizeof q, "You have an unsent draft (%s) from %s. Continue it now? [y/n]",
	    what, age);
	screen_ask(c, q, resume_answer, NULL);
	return true;
}
