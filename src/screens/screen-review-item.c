/* One item of the review or safety queue: what it is, its context (the
 * post in its thread, the message with those before it, the history
 * between two members), its flags, and the actions. Every action asks for
 * a reason on a line under the text; the data layer decides again whether
 * this member may act and whether the item is still open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db.h"
#include "db/db-flag.h"
#include "db/db-notice.h"
#include "lib/config.h"
#include "lib/text.h"
#include "lib/xmalloc.h"
#include "rules/sanction.h"
#include "screens/screen-staff.h"
#include "ui/screen.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"

#define BODY_TOP	(UI_BODY_TOP + 4)

enum pending { P_NONE, P_ACT, P_WARN, P_SUSPEND };

struct item_view {
	int64_t id;
	bool loaded;
	struct review_item it;
	char *text;
	size_t top, total;
	struct ui_line reason;
	enum pending pending;
	enum review_action action;
};

static void
load(struct screen_ctx *c, struct item_view *v)
{
	free(v->text);
	v->text = NULL;
	v->loaded = db_review_get(c->db, c->me.id, v->id, c->cfg->moderation.review_stale_hours,
	    &v->it) == 0 && db_review_context(c->db, c->me.id, v->id, &v->text) == 0;
}

/* arg: a const int64_t * (the item id). */
static void *
item_enter(struct screen_ctx *c, const void *arg)
{
	struct item_view *v = xcalloc(1, sizeof *v);

	v->id = *(const int64_t *)arg;
	load(c, v);
	if (v->loaded)
		screen_notice_dealt(c, NOTICE_ON_REVIEW, v->id);
	return v;
}

static bool
is_open(const struct item_view *v)
{
	return strcmp(v->it.status, "open") == 0 || strcmp(v->it.status, "escalated") == 0;
}

static bool
is_safety(const struct item_view *v)
{
	return strcmp(v->it.queue, "safety") == 0;
}

static bool
is_post(const struct item_view *v)
{
	return strcmp(v->it.kind, "post") == 0;
}

/* A private message: agreeing removes it (there is no pending state). */
static bool
is_message(const struct item_view *v)
{
	return strcmp(v->it.kind, "message") == 0;
}

static const char *
hints(const struct item_view *v)
{
	if (!is_open(v))
		return "Up/Down scroll  q back";
	if (is_safety(v))
		return "v resolve  w warn  s suspend 7 days  r remove post  q back";
	if (is_post(v))
		return strcmp(v->it.status, "open") == 0 ?
		    "a agree: hide  r agree: remove  d disagree  i dismiss  e escalate  q back" :
		    "a agree: hide  r agree: remove  d disagree  i dismiss  q back";
	if (is_message(v))
		return strcmp(v->it.status, "open") == 0 ?
		    "r agree: remove  d disagree  i dismiss  e escalate  q back" :
		    "r agree: remove  d disagree  i dismiss  q back";
	return strcmp(v->it.status, "open") == 0 ? "a agree  d disagree  i dismiss  e escalate  q back" :
	    "a agree  d disagree  i dismiss  q back";
}

static void
item_draw(struct screen_ctx *c, void *st)
{
	struct item_view *v = st;
	size_t cols = (size_t)ui_cols() - 4;
	char line[512], age[32];
	int rows;

	if (!v->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This item is gone, or not yours to review.", cols,
		    UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	screen_age(age, sizeof age, v->it.created_at);
	snprintf(line, sizeof line, "%s %s%s%s, flagged %s%s", is_safety(v) ? "Safety:" :
	    "Review:", v->it.kind, v->it.community[0] != '\0' ? " in " : "", v->it.community, age,
	    v->it.stale ? " (STALE: waiting too long)" : "");
	ui_draw_text(UI_BODY_TOP + 1, 2, line, cols, UI_A_TITLE);
	snprintf(line, sizeof line, "Status: %s   %lld flagger%s%s%s", v->it.status,
	    (long long)v->it.flaggers, v->it.flaggers == 1 ? "" : "s",
	    v->it.types[0] != '\0' ? ": " : "", v->it.types);
	ui_draw_text(UI_BODY_TOP + 2, 2, line, cols, UI_A_BOLD);
	rows = (int)ui_page_rows(BODY_TOP, v->reason.active ? 2 : 0);
	v->total = ui_draw_wrapped(BODY_TOP, 2, rows, cols, v->text, v->top, UI_A_NORMAL);
	if (v->reason.active) {
		ui_line_draw(&v->reason, ui_msg_row() - 1, 2, cols, "Reason: ");
		screen_hints(c, "Enter confirm  Esc cancel");
		return;
	}
	ui_draw_more(v->top > 0, v->top + (size_t)rows < v->total, cols);
	screen_hints(c, hints(v));
}

static void
done(struct screen_ctx *c, const char *what)
{
	screen_pop(c);
	screen_info(c, "%s It is in the audit log with your reason.", what);
}

static void
confirm(struct screen_ctx *c, struct item_view *v)
{
	static const char *const said[] = {
		[REVIEW_AGREE_HIDE] = "Agreed: hidden.", [REVIEW_AGREE_REMOVE] = "Agreed: removed.",
		[REVIEW_DISAGREE] = "Disagreed: restored, flags closed.",
		[REVIEW_DISMISS] = "Dismissed.", [REVIEW_ESCALATE] = "Escalated to the admins.",
		[REVIEW_RESOLVE] = "Resolved.",
	};
	char reason[STAFF_REASON_MAX * 4 + 1];
	const char *why = "That did not work; please try again.";
	int r;

	text_copy(reason, sizeof reason, ui_line_text(&v->reason));
	text_trim(reason);
	if (v->pending == P_ACT)
		r = db_review_act(c->db, c->me.id, v->id, v->action, reason, &why);
	else
		r = db_review_sanction(c->db, c->me.id, v->id, v->pending == P_WARN ?
		    SANCTION_WARN : SANCTION_SUSPEND, v->pending == P_WARN ? 0 :
		    db_now() + 7 * 86400, reason, &why);
	if (r == ERR_INVALID && staff_check_reason(reason, &why) != 0) {
		screen_refused(c, why);	/* the reason stays */
		return;
	}
	ui_line_close(&v->reason);
	if (r != 0) {
		screen_error(c, "%s", why);
		load(c, v);
		return;
	}
	done(c, v->pending == P_ACT ? said[v->action] : v->pending == P_WARN ?
	    "Warned, item closed." : "Suspended for 7 days, item closed.");
}

static void
ask(struct item_view *v, enum pending p, enum review_action a)
{
	v->pending = p;
	v->action = a;
	ui_line_open(&v->reason, NULL, STAFF_REASON_MAX, false);
}

static bool
item_key(struct screen_ctx *c, void *st, int key)
{
	struct item_view *v = st;

	if (v->reason.active) {
		if (ui_line_prompt(&v->reason, c, key) == UI_LINE_DONE)
			confirm(c, v);
		return key != UI_KEY_F1;
	}
	if (!v->loaded)
		return false;
	if (ui_scroll_key(&v->top, key, v->total, ui_page_rows(BODY_TOP, 0)))
		return true;
	if (!is_open(v))
		return false;
	switch (key) {
	case 'a':
		if (!is_safety(v))
			ask(v, P_ACT, is_message(v) ? REVIEW_AGREE_REMOVE : REVIEW_AGREE_HIDE);
		return true;
	case 'r': if (is_post(v) || is_message(v)) ask(v, P_ACT, REVIEW_AGREE_REMOVE); return true;
	case 'd': if (!is_safety(v)) ask(v, P_ACT, REVIEW_DISAGREE); return true;
	case 'i': if (!is_safety(v)) ask(v, P_ACT, REVIEW_DISMISS); return true;
	case 'e': if (!is_safety(v)) ask(v, P_ACT, REVIEW_ESCALATE); return true;
	case 'v': if (is_safety(v)) ask(v, P_ACT, REVIEW_RESOLVE); return true;
	case 'w': if (is_safety(v)) ask(v, P_WARN, REVIEW_RESOLVE); return true;
	case 's': if (is_safety(v)) ask(v, P_SUSPEND, REVIEW_RESOLVE); return true;
	default: return false;
	}
}

static void
item_update(struct screen_ctx *c, void *st)
{
	struct item_view *v = st;

	if (!v->reason.active)
		load(c, v);
}

static void
item_leave(struct screen_ctx *c, void *st)
{
	struct item_view *v = st;

	(void)c;
	ui_line_close(&v->reason);
	free(v->text);
	free(v);
}

const struct screen screen_review_item = {
	.name = "review-item", .section = "Review queue", .enter = item_enter, .draw = item_draw,
	.key = item_key, .leave = item_leave, .update = item_update,
};
