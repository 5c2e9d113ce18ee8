/* Editing one's own host profile: a form over a draft, saved with
 * db_host_save (which refuses students and bad values with a reason). */
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

#define P(fld) offsetof(struct host_profile, fld)
#define TEXT(label, fld, max) { label, HF_TEXT, P(fld), sizeof ((struct host_profile *)0)->fld, max, 0, 0, NULL }
#define BIT(label, bit) { label, HF_BIT, P(offers), 0, 0, bit, 0, NULL }
#define BOOL(label, fld) { label, HF_BOOL, P(fld), 0, 0, 0, 0, NULL }
#define INT(label, fld, lo, hi) { label, HF_INT, P(fld), 0, 3, lo, hi, NULL }

static const char *status_choice(int v) { return host_status_label((enum host_status)v); }
static const char *sleeping_choice(int v) { return host_sleeping_label((enum host_sleeping)v); }

static const struct hf_field fields[] = {
	{ "Status", HF_CHOICE, P(status), 0, 0, 0, HOST_STATUS_COUNT, status_choice },
	BIT("Offer: housing", HOST_OFFER_HOUSING),
	{ "Sleeping arrangement", HF_CHOICE, P(sleeping), 0, 0, 0, SLEEP_COUNT, sleeping_choice },
	BIT("Offer: meals", HOST_OFFER_MEALS),
	BIT("Offer: airport pickup", HOST_OFFER_PICKUP),
	BIT("Offer: hospital rides", HOST_OFFER_RIDES),
	BIT("Offer: advice only", HOST_OFFER_ADVICE),
	TEXT("City", city, HOST_TEXT_MAX),
	TEXT("Region / state", region, HOST_TEXT_MAX),
	TEXT("Country", country, HOST_TEXT_MAX),
	TEXT("Neighbourhood (public)", neighbourhood, HOST_TEXT_MAX),
	TEXT("Nearest hospitals", hospitals, HOST_LONG_MAX),
	TEXT("Affiliations", affiliations, HOST_LONG_MAX),
	TEXT("Pets (empty: none)", pets, HOST_TEXT_MAX),
	BOOL("Smoking household", smoking),
	BOOL("Partner may stay", partner_ok),
	TEXT("Accessibility", accessibility, HOST_TEXT_MAX),
	TEXT("House rules", house_rules, HOST_LONG_MAX),
	INT("Guests at once", capacity, 1, HOST_CAPACITY_MAX),
	INT("Max nights per stay", max_nights, 1, HOST_NIGHTS_MAX),
	INT("Minimum notice (days)", min_notice_days, 0, HOST_NOTICE_MAX),
	{ "Blackout dates", HF_BLACKOUTS, 0, 0, HOST_LONG_MAX, 0, 0, NULL },
	TEXT("Street address (private)", address, HOST_LONG_MAX),
	TEXT("Phone (private)", phone, HOST_TEXT_MAX),
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static void
save(struct screen_ctx *c, void *st)
{
	const char *why = "that did not work; please try again";
	int r;

	r = db_host_save(c->db, c->me.id, hf_screen_draft(st), &why);
	if (r != 0) {
		screen_refused(c, why);
		return;
	}
	screen_pop(c);
	screen_info(c, "Your host profile has been saved.");
}

static void
leave_form(struct screen_ctx *c, void *st)
{
	screen_leave_form(c, hf_screen_dirty(st), "Discard changes? [y/n]");
}

static const struct ui_binding edit_keys[] = {
	{ 's', 'S', "s save", save },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, save },
	{ 'q', 'Q', "q back", leave_form },
	{ UI_KEY_ESC, 0, NULL, leave_form },
};

/* A new profile starts from the member's own place and institution. */
static void
edit_init(struct screen_ctx *c, const void *arg, void *draft, char *title, size_t titlesz)
{
	struct host_profile *p = draft;

	(void)arg, (void)title, (void)titlesz;
	if (db_host_get(c->db, c->me.id, c->me.id, p) != 0) {
		host_profile_init(p, c->me.id);
		snprintf(p->city, sizeof p->city, "%s", c->me.city);
		snprintf(p->region, sizeof p->region, "%s", c->me.region);
		snprintf(p->country, sizeof p->country, "%s", c->me.country);
		snprintf(p->affiliations, sizeof p->affiliations, "%s", c->me.institution);
	}
}

static const struct hf_screen_def edit_form = {
	.fields = fields, .n = NFIELDS, .draft_size = sizeof(struct host_profile),
	.init = edit_init, .title = "Your host profile",
	.dirty_title = "Your host profile (not saved yet)", .keys = edit_keys,
	.nkeys = sizeof edit_keys / sizeof edit_keys[0],
	.hints = "Enter change  s save  q back  Up/Down choose  ? help",
};

static void *
edit_enter(struct screen_ctx *c, const void *arg)
{
	return hf_screen_enter(c, &edit_form, arg);
}

const struct screen screen_host_edit = {
	.name = "host-edit", .section = "HOST profile", .enter = edit_enter,
	.draw = hf_screen_draw, .key = hf_screen_key, .leave = hf_screen_leave,
};
