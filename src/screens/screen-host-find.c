/* Find a host: a search form prefilled from one's interviews (programs and
 * dates); s runs the search and shows the results. */
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

#define Q(fld) offsetof(struct host_query, fld)

static const struct hf_field fields[] = {
	{ "City, region or country", HF_TEXT, Q(where), sizeof ((struct host_query *)0)->where,
	  HOST_TEXT_MAX, 0, 0, NULL },
	{ "Programs visited", HF_TEXT, Q(programs), sizeof ((struct host_query *)0)->programs,
	  HOST_LONG_MAX, 0, 0, NULL },
	{ "Arrival (YYYY-MM-DD)", HF_DAY, Q(arrive), 0, 10, 0, 0, NULL },
	{ "Departure (YYYY-MM-DD)", HF_DAY, Q(depart), 0, 10, 0, 0, NULL },
	{ "Travellers (partner too)", HF_INT, Q(travellers), 0, 2, 1, HOST_CAPACITY_MAX, NULL },
	{ "Want: housing", HF_BIT, Q(offers), 0, 0, HOST_OFFER_HOUSING, 0, NULL },
	{ "Want: meals", HF_BIT, Q(offers), 0, 0, HOST_OFFER_MEALS, 0, NULL },
	{ "Want: airport pickup", HF_BIT, Q(offers), 0, 0, HOST_OFFER_PICKUP, 0, NULL },
	{ "Want: hospital rides", HF_BIT, Q(offers), 0, 0, HOST_OFFER_RIDES, 0, NULL },
	{ "No pets (allergy)", HF_BOOL, Q(no_pets), 0, 0, 0, 0, NULL },
	{ "Partner coming", HF_BOOL, Q(partner), 0, 0, 0, 0, NULL },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Programs and dates from the member's interviews: arrive the day before
 * the first, leave the day after the last. */
static void
prefill(struct screen_ctx *c, struct host_query *q)
{
	struct host_interview *iv = NULL;
	size_t n = 0, len = 0;

	q->travellers = 1;
	if (db_host_interview_list(c->db, c->me.id, &iv, &n) != 0)
		return;
	for (size_t i = 0; i < n && len < sizeof q->programs; i++)
		len += (size_t)snprintf(q->programs + len, sizeof q->programs - len, "%s%s",
		    i ? "; " : "", iv[i].program);
	if (len >= sizeof q->programs)
		q->programs[0] = '\0';	/* never a cut name: the member retypes */
	if (n > 0) {
		q->arrive = iv[0].day - 1;
		q->depart = iv[n - 1].day + 1;
	}
	free(iv);
}

static void
search(struct screen_ctx *c, void *st)
{
	struct host_query *q = hf_screen_draft(st);

	if ((q->arrive == 0) != (q->depart == 0)) {
		screen_error(c, "Give both dates, or neither.");
		return;
	}
	if (q->arrive != 0 && q->depart <= q->arrive) {
		screen_error(c, "The departure date must be after the arrival date.");
		return;
	}
	screen_push(c, &screen_host_results, q);
}

static void
back(struct screen_ctx *c, void *st)
{
	(void)st;
	screen_pop(c);
}

static const struct ui_binding find_keys[] = {
	{ 's', 'S', "s search", search },
	{ UI_KEY_CTRL('x'), UI_KEY_F2, NULL, search },
	{ 'q', 'Q', "q back", back },
	{ UI_KEY_ESC, 0, NULL, back },
};

static void
find_init(struct screen_ctx *c, const void *arg, void *draft, char *title, size_t titlesz)
{
	(void)arg, (void)title, (void)titlesz;
	prefill(c, draft);
}

static const struct hf_screen_def find_form = {
	.fields = fields, .n = NFIELDS, .draft_size = sizeof(struct host_query),
	.init = find_init, .title = "Find a host", .keys = find_keys,
	.nkeys = sizeof find_keys / sizeof find_keys[0],
	.hints = "Enter change  s search  q back  Up/Down choose  ? help",
};

static void *
find_enter(struct screen_ctx *c, const void *arg)
{
	return hf_screen_enter(c, &find_form, arg);
}

const struct screen screen_host_find = {
	.name = "host-find", .section = "HOST search", .enter = find_enter,
	.draw = hf_screen_draw, .key = hf_screen_key, .leave = hf_screen_leave,
};
