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
	{ "Travellers", HF_INT, R(travellers), 0, 2, 1, HOST_CAPACITY_MAX, NULL },
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

struct reqform {
	struct host_request r;
	struct hf_form form;
	char host_name[MEMBER_NAME_SZ];
};

static void
send(struct screen_ctx *c, void *st)
{
	struct reqform *f = st;
	const char *why = "that did not work; please try again";
	int r;

	if (f->r.arrive == 0 || f->r.depart == 0) {
		screen_error(c, "Give your arrival and departure dates.");
		return;
	}
	r = db_host_request_create(c->db, c->me.id, &f->r, NULL, &why);
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
	struct reqform *f = st;

	screen_leave_form(c, f->form.dirty, "Discard this request? [y/n]");
}

static const struct ui_binding keys[] = {
	{ 's', 'S', "s send", send },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, send },
	{ 'q', 'Q', "q back", leave_form },
	{ UI_KEY_ESC, 0, NULL, leave_form },
};

static void
rf_draw(struct screen_ctx *c, void *st)
{
	struct reqform *f = st;
	char title[MEMBER_NAME_SZ + 32];

	snprintf(title, sizeof title, "Ask %s for a stay", f->host_name);
	ui_draw_text(UI_BODY_TOP + 1, 2, title, (size_t)ui_cols() - 4, UI_A_TITLE);
	hf_draw(c, &f->form);
	if (hf_editing(&f->form))
		screen_hints(c, "Enter accept  Esc cancel  Ctrl-U clear");
	else
		screen_hints(c, "Enter change  s send  q back  Up/Down choose  ? help");
}

static bool
rf_key(struct screen_ctx *c, void *st, int key)
{
	struct reqform *f = st;

	if (hf_key(c, &f->form, key))
		return true;
	return ui_keys_run(keys, sizeof keys / sizeof keys[0], c, st, key);
}

/* arg: struct host_view_arg; its search (if any) fills the dates. */
static void *
rf_enter(struct screen_ctx *c, const void *arg)
{
	const struct host_view_arg *a = arg;
	struct reqform *f = xcalloc(1, sizeof *f);
	struct host_profile *p = xcalloc(1, sizeof *p);

	f->r.host_id = a->host_id;
	f->r.travellers = 1;
	f->r.purpose = HP_RESIDENCY;
	if (a->q != NULL) {
		f->r.arrive = a->q->arrive;
		f->r.depart = a->q->depart;
		f->r.travellers = a->q->travellers > 0 ? a->q->travellers : 1;
		f->r.partner = a->q->partner;
		f->r.pet_allergy = a->q->no_pets;
		snprintf(f->r.programs, sizeof f->r.programs, "%s", a->q->programs);
	}
	if (db_host_get(c->db, c->me.id, a->host_id, p) == 0)
		snprintf(f->host_name, sizeof f->host_name, "%s", p->name);
	free(p);
	f->form.fields = fields;
	f->form.n = NFIELDS;
	f->form.draft = &f->r;
	f->form.list.n = NFIELDS;
	f->form.top = UI_BODY_TOP + 3;
	return f;
}

static void
rf_leave(struct screen_ctx *c, void *st)
{
	struct reqform *f = st;

	(void)c;
	hf_close(&f->form);
	free(f);
}

const struct screen screen_host_request = {
	.name = "host-request",
	.section = "HOST request",
	.enter = rf_enter,
	.draw = rf_draw,
	.key = rf_key,
	.leave = rf_leave,
};
