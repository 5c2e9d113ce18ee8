/* Asking a host for a stay: a form prefilled from the search, sent with
 * db_host_request_create, which applies every stay rule and says why. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db/db-host.h"
#include "db/db.h"
#include "ui/screen.h"
#include "screens/screen-host-form.h"
#include "ui/ui-draw.h"
#include "ui/ui-keys.h"
#include "lib/xmalloc.h"

#define R(fld) offsetof(struct host_request, fld)

static const char *purpose_choice(int v) { return host_purpose_label((enum host_purpose)v); }

static const struct hf_field fields[] = {
	{ "Arrival (YYYY-MM-DD)", HF_DAY, R(arrive), 0, 10, 1, 0, NULL },
	{ "Departure (YYYY-MM-DD)", HF_DAY, R(depart), 0, 10, 1, 0, NULL },
	{ "Dates are flexible", HF_BOOL, R(flexible), 0, 0, 0, 0, NULL },
	{ "Travellers (partner too)", HF_INT, R(travellers), 0, 2, 1, HOST_CAPACITY_MAX, NULL },
	{ "Partner coming", HF_BOOL, R(partner), 0, 0, 0, 0, NULL },
	{ "Pet allergy", HF_BOOL, R(pet_allergy), 0, 0, 0, 0, NULL },
	{ "Accessibility needs", HF_TEXT, R(accessibility),
	  sizeof ((struct host_request *)0)->accessibility, HOST_TEXT_MAX, 0, 0, NULL },
	{ "Purpose", HF_CHOICE, R(purpose), 0, 0, 0, HP_COUNT, purpose_choice },
	{ "Programs visited", HF_TEXT, R(programs),
	  sizeof ((struct host_request *)0)->programs, HOST_LONG_MAX, 0, 0, NULL },
	{ "Message", HF_EDITOR, R(message), sizeof ((struct host_request *)0)->message,
	  HOST_MESSAGE_MAX, 0, 0, NULL },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static void
send(struct screen_ctx *c, void *st)
{
	struct host_request *q = hf_screen_draft(st);
	const char *why = "that did not work; please try again";
	int r;

	if (q->arrive == 0 || q->depart == 0) {
		screen_error(c, "Give your arrival and departure dates.");
		return;
	}
	r = db_host_request_create(c->db, c->me.id, q, NULL, &why);
	if (r != 0) {
		screen_refused(c, why);
		return;
	}
	screen_pop(c);
	screen_info(c, "Request sent: you will see the answer in My HOST and your notices.");
}

static void
leave_form(struct screen_ctx *c, void *st)
{
	screen_leave_form(c, hf_screen_dirty(st), "Discard this request? [y/n]");
}

static const struct ui_binding keys[] = {
	{ 's', 'S', "s send", send },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, send },
	{ 'q', 'Q', "q back", leave_form },
	{ UI_KEY_ESC, 0, NULL, leave_form },
};

/* arg: struct host_view_arg; its search (if any) fills the dates. */
static void
rf_init(struct screen_ctx *c, const void *arg, void *draft, char *title, size_t titlesz)
{
	const struct host_view_arg *a = arg;
	struct host_request *r = draft;
	struct host_profile *p = xcalloc(1, sizeof *p);

	r->host_id = a->host_id;
	r->travellers = 1;
	r->purpose = HP_RESIDENCY;
	if (a->q != NULL) {
		r->arrive = a->q->arrive;
		r->depart = a->q->depart;
		r->travellers = host_party_size(a->q->travellers, a->q->partner);
		r->partner = a->q->partner;
		r->pet_allergy = a->q->no_pets;
		snprintf(r->programs, sizeof r->programs, "%s", a->q->programs);
	}
	snprintf(title, titlesz, "Ask %s for a stay",
	    db_host_get(c->db, c->me.id, a->host_id, p) == 0 ? p->name : "");
	free(p);
}

static const struct hf_screen_def request_form = {
	.fields = fields, .n = NFIELDS, .draft_size = sizeof(struct host_request),
	.init = rf_init, .keys = keys, .nkeys = sizeof keys / sizeof keys[0],
	.hints = "Enter change  s send  q back  Up/Down choose  ? help",
};

static void *
rf_enter(struct screen_ctx *c, const void *arg)
{
	return hf_screen_enter(c, &request_form, arg);
}

const struct screen screen_host_request = {
	.name = "host-request", .section = "HOST request", .enter = rf_enter,
	.draw = hf_screen_draw, .key = hf_screen_key, .leave = hf_screen_leave,
};
