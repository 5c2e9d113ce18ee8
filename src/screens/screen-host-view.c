/* A host's public profile: where (neighbourhood only), offers, household,
 * capacity, and the references guests wrote once revealed. From here a
 * traveller asks for a stay, messages or reports the host. The street
 * address and phone never show here. Values wrap under themselves, and
 * "(more: PgDn)" says when fields lie below the page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "screens/screen-flag.h"
#include "screens/screen-host-form.h"
#include "lib/text.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "ui/ui-widget.h"
#include "lib/xmalloc.h"

/* The text runs from BODY_TOP to above the row that says "(more: PgDn)"
 * or holds the report input. */
#define BODY_TOP	(UI_BODY_TOP + 3)
/* The fields and up to HOST_PUBLIC_REFS_MAX references of full length. */
#define TEXT_SZ		(16384 + HOST_PUBLIC_REFS_MAX * (HOST_MESSAGE_SZ + MEMBER_NAME_SZ + 32))

struct view {
	struct host_view_arg arg;
	struct host_query q;	/* copy of the search, if any */
	bool has_q, loaded, own;
	struct host_profile p;
	struct host_reference *refs;	/* revealed, newest first */
	size_t nrefs;
	char text[TEXT_SZ];
	size_t top, total;
	size_t cols;		/* the width text was wrapped for */
};

static void
field(struct view *v, size_t *len, const char *label, const char *value)
{
	hf_field_line(v->text, TEXT_SZ, len, v->cols, label, value);
}

/* References come after the fields, each with its author and date. */
static void
add_references(struct view *v, size_t *len)
{
	char when[32];

	text_appendf(v->text, TEXT_SZ, len, "\nReferences from guests%s\n",
	    v->nrefs == 0 ? ": none yet" : "");
	for (size_t i = 0; i < v->nrefs; i++) {
		screen_date(when, sizeof when, v->refs[i].created_at);
		text_appendf(v->text, TEXT_SZ, len, "\n%s, %s:\n%s\n", v->refs[i].author_name,
		    when, v->refs[i].body);
	}
}

static void
build(struct view *v, size_t cols)
{
	const struct host_profile *p = &v->p;
	char num[HOST_LONG_SZ];
	size_t len = 0;

	v->cols = cols;
	v->text[0] = '\0';
	field(v, &len, "Status", host_status_label(p->status));
	host_offers_label(num, sizeof num, p->offers);
	field(v, &len, "Offers", num);
	if (p->offers & HOST_OFFER_HOUSING)
		field(v, &len, "Sleeping arrangement", host_sleeping_label(p->sleeping));
	field(v, &len, "Neighbourhood", p->neighbourhood);
	field(v, &len, "City", p->city);
	field(v, &len, "Region / state", p->region);
	field(v, &len, "Country", p->country);
	field(v, &len, "Nearest hospitals", p->hospitals);
	field(v, &len, "Affiliations", p->affiliations);
	field(v, &len, "Pets", p->pets[0] ? p->pets : "none");
	field(v, &len, "Smoking household", p->smoking ? "yes" : "no");
	field(v, &len, "Partner may stay", p->partner_ok ? "yes" : "no");
	field(v, &len, "Accessibility", p->accessibility);
	field(v, &len, "House rules", p->house_rules);
	snprintf(num, sizeof num, "%d", p->capacity);
	field(v, &len, "Guests at once", num);
	snprintf(num, sizeof num, "%d", p->max_nights);
	field(v, &len, "Max nights per stay", num);
	snprintf(num, sizeof num, "%d days", p->min_notice_days);
	field(v, &len, "Minimum notice", num);
	host_format_blackouts(num, sizeof num, p->blackouts, p->nblackouts);
	field(v, &len, "Not available", num);
	if (v->own) {
		field(v, &len, "Street address (private)", p->address);
		field(v, &len, "Phone (private)", p->phone);
	} else {
		field(v, &len, "Address and phone", "shown to you once the host accepts "
		    "your request");
	}
	add_references(v, &len);
}

static void
load(struct screen_ctx *c, struct view *v)
{
	v->loaded = db_host_get(c->db, c->me.id, v->arg.host_id, &v->p) == 0;
	if (!v->loaded)
		return;
	free(v->refs);
	v->refs = NULL;
	v->nrefs = 0;
	if (db_host_reference_public(c->db, c->me.id, v->arg.host_id, HOST_PUBLIC_REFS_MAX,
	    &v->refs, &v->nrefs) != 0) {
		v->refs = NULL;
		v->nrefs = 0;
	}
	build(v, (size_t)ui_cols() - 4);
}

static void
request(struct screen_ctx *c, void *st)
{
	struct view *v = st;
	struct host_view_arg a = { v->arg.host_id, v->has_q ? &v->q : NULL };

	if (v->own) {
		screen_error(c, "This is your own profile.");
		return;
	}
	if (v->p.status == HOST_OFF || !(v->p.offers & HOST_OFFER_HOUSING)) {
		screen_error(c, "%s is not offering stays now; you can still send a message.",
		    v->p.name);
		return;
	}
	screen_push(c, &screen_host_request, &a);
}

static void
message(struct screen_ctx *c, void *st)
{
	struct view *v = st;

	if (!v->own)
		screen_open_conversation(c, v->arg.host_id);
}

static void
report(struct screen_ctx *c, void *st)
{
	struct view *v = st;

	if (v->own)
		return;
	{
		struct flag_open o = { .kind = FLAG_HOST, .target_id = v->arg.host_id };

		(void)text_appendf(o.label, sizeof o.label, NULL, "the host %s", v->p.name);
		screen_push(c, &screen_flag, &o);
	}
}

static void
edit(struct screen_ctx *c, void *st)
{
	struct view *v = st;

	if (v->own)
		screen_push(c, &screen_host_edit, NULL);
}

static const struct ui_binding other_keys[] = {
	{ 'r', 'R', "r request a stay", request },
	{ 'm', 'M', "m message", message },
	{ '!', 0, "! flag", report },
};
static const struct ui_binding own_keys[] = {
	{ 'e', 'E', "e edit", edit },
};

static void
view_draw(struct screen_ctx *c, void *st)
{
	struct view *v = st;
	size_t cols = (size_t)ui_cols() - 4;
	char title[MEMBER_NAME_SZ + 32];

	if (!v->loaded) {
		ui_draw_text(UI_BODY_TOP + 1, 2, "This member has no host profile.", cols,
		    UI_A_ERROR);
		screen_hints(c, "q back");
		return;
	}
	snprintf(title, sizeof title, "%s: host profile", v->p.name);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, cols, UI_A_TITLE);
	if (cols != v->cols)	/* resized: wrap the values again */
		build(v, cols);
	v->total = ui_draw_wrapped(BODY_TOP, 2, (int)ui_page_rows(BODY_TOP, 0), cols, v->text,
	    v->top, UI_A_NORMAL);
	/* Fields below the page are only reachable with PgDn: say so. */
	ui_draw_more(v->top > 0, v->top + ui_page_rows(BODY_TOP, 0) < v->total, cols);
	if (v->own)
		screen_key_hints(c, own_keys, 1, "  q back  ? help");
	else
		screen_key_hints(c, other_keys, sizeof other_keys / sizeof other_keys[0],
		    "  q back  ? help");
}

static bool
view_key(struct screen_ctx *c, void *st, int key)
{
	struct view *v = st;

	if (!v->loaded)
		return false;
	if (ui_scroll_key(&v->top, key, v->total, ui_page_rows(BODY_TOP, 0)))
		return true;
	if (v->own)
		return ui_keys_run(own_keys, 1, c, st, key);
	return ui_keys_run(other_keys, sizeof other_keys / sizeof other_keys[0], c, st, key);
}

static void
view_update(struct screen_ctx *c, void *st)
{
	load(c, st);
}

/* arg: struct host_view_arg (q may be NULL). */
static void *
view_enter(struct screen_ctx *c, const void *arg)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->arg = *(const struct host_view_arg *)arg;
	if (v->arg.q != NULL) {
		v->q = *v->arg.q;
		v->has_q = true;
	}
	v->arg.q = NULL;
	v->own = v->arg.host_id == c->me.id;
	load(c, v);
	return v;
}

static void
view_leave(struct screen_ctx *c, void *st)
{
	struct view *v = st;

	(void)c;
	free(v->refs);
	free(v);
}

const struct screen screen_host_view = {
	.name = "host-view", .section = "HOST profile", .enter = view_enter,
	.draw = view_draw, .key = view_key, .leave = view_leave, .update = view_update,
};
