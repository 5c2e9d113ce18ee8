/* Synthetic hosts for seed-demo; see db-demo.h. Picks alumni and trainees
 * who do not host yet, in id order, and gives each a realistic city with
 * its teaching hospitals, offers, household and capacity. Deterministic
 * for a seed; one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-demo.h"
#include "db/db-host-internal.h"
#include "db/db-internal.h"
#include "rules/host.h"
#include "lib/xmalloc.h"

static const struct place {
	const char *city, *region, *country;
	const char *hoods[3];
	const char *hospitals[4];
} places[] = {
	{ "Boston", "MA", "USA", { "Back Bay", "Jamaica Plain", "Brookline" },
	  { "Massachusetts General Hospital", "Brigham and Women's Hospital",
	    "Beth Israel Deaconess Medical Center", "Boston Children's Hospital" } },
	{ "Baltimore", "MD", "USA", { "Fells Point", "Canton", "Mount Vernon" },
	  { "Johns Hopkins Hospital", "University of Maryland Medical Center",
	    "Johns Hopkins Bayview Medical Center", "Sinai Hospital" } },
	{ "Philadelphia", "PA", "USA", { "Rittenhouse", "Fairmount", "University City" },
	  { "Hospital of the University of Pennsylvania", "Children's Hospital of Philadelphia",
	    "Thomas Jefferson University Hospital", "Penn Presbyterian Medical Center" } },
	{ "New York", "NY", "USA", { "Upper East Side", "Washington Heights", "Park Slope" },
	  { "NewYork-Presbyterian Hospital", "Mount Sinai Hospital", "NYU Langone Health",
	    "Memorial Sloan Kettering Cancer Center" } },
	{ "San Francisco", "CA", "USA", { "Inner Sunset", "Mission Bay", "Noe Valley" },
	  { "UCSF Medical Center", "Zuckerberg San Francisco General Hospital",
	    "California Pacific Medical Center", "Kaiser Permanente San Francisco" } },
	{ "Rochester", "MN", "USA", { "Kutzky Park", "Slatterly Park", "Pill Hill" },
	  { "Mayo Clinic Hospital Saint Marys", "Mayo Clinic Methodist Hospital",
	    "Olmsted Medical Center", "Mayo Clinic" } },
	{ "Chicago", "IL", "USA", { "Hyde Park", "Lincoln Park", "Streeterville" },
	  { "Northwestern Memorial Hospital", "University of Chicago Medical Center",
	    "Rush University Medical Center", "Lurie Children's Hospital" } },
	{ "Houston", "TX", "USA", { "Montrose", "West University", "Museum District" },
	  { "Houston Methodist Hospital", "MD Anderson Cancer Center",
	    "Texas Children's Hospital", "Ben Taub Hospital" } },
	{ "Seattle", "WA", "USA", { "Capitol Hill", "Ravenna", "Queen Anne" },
	  { "Harborview Medical Center", "UW Medical Center", "Seattle Children's Hospital",
	    "Virginia Mason Medical Center" } },
	{ "Toronto", "ON", "Canada", { "The Annex", "Leslieville", "Cabbagetown" },
	  { "Toronto General Hospital", "Mount Sinai Hospital Toronto",
	    "Hospital for Sick Children", "St. Michael's Hospital" } },
	{ "Ann Arbor", "MI", "USA", { "Kerrytown", "Burns Park", "Water Hill" },
	  { "Michigan Medicine University Hospital", "C.S. Mott Children's Hospital",
	    "VA Ann Arbor Healthcare System", "Trinity Health Ann Arbor" } },
	{ "Nashville", "TN", "USA", { "Hillsboro Village", "East Nashville", "Midtown" },
	  { "Vanderbilt University Medical Center", "Monroe Carell Jr. Children's Hospital",
	    "Saint Thomas West Hospital", "TriStar Centennial Medical Center" } },
};
#define NPLACES (sizeof places / sizeof places[0])

static const char *const pets[] = { "", "", "", "a friendly cat", "a small dog", "two cats" };
static const char *const rules[] = {
	"Quiet after 10 pm, please.", "Shoes off inside.", "No guests after midnight.",
	"Help yourself to coffee and the fridge.", "",
};

static uint32_t
next(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

/* Alumni and trainees without a host profile, oldest first, at most n. */
static int
candidates(struct db *db, int64_t n, int64_t **ids, int64_t *k)
{
	sqlite3_stmt *st;
	int64_t *out = xcalloc((size_t)n, sizeof *out), m = 0;
	int rc, r;

	st = DB_STMT(db, "SELECT u.id FROM users u WHERE u.role IN ('alumni', 'trainee') "
	    "AND u.status = 'active' AND NOT EXISTS (SELECT 1 FROM host_profiles h "
	    "WHERE h.user_id = u.id) ORDER BY u.id LIMIT ?", n);
	if (st == NULL) {
		free(out);
		return ERR_INTERNAL;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && m < n)
		out[m++] = sqlite3_column_int64(st, 0);
	r = db_result(db, rc, __func__);
	db_stmt_done(db, st);
	if (r != 0) {
		free(out);
		return r;
	}
	*ids = out;
	*k = m;
	return 0;
}

static void
make(struct host_profile *p, int64_t id, uint32_t *s)
{
	const struct place *pl = &places[next(s) % NPLACES];
	unsigned a = next(s) % 4, b = (a + 1 + next(s) % 3) % 4;
	int64_t today = host_today(db_now());

	host_profile_init(p, id);
	p->status = next(s) % 5 == 0 ? HOST_MAYBE : HOST_HOSTING;
	p->offers = next(s) % 8 == 0 ? HOST_OFFER_ADVICE :
	    HOST_OFFER_HOUSING | (next(s) % 2 ? HOST_OFFER_MEALS : 0) |
	    (next(s) % 3 == 0 ? HOST_OFFER_PICKUP : 0) | (next(s) % 2 ? HOST_OFFER_RIDES : 0);
	p->sleeping = (enum host_sleeping)(next(s) % SLEEP_COUNT);
	snprintf(p->city, sizeof p->city, "%s", pl->city);
	snprintf(p->region, sizeof p->region, "%s", pl->region);
	snprintf(p->country, sizeof p->country, "%s", pl->country);
	snprintf(p->neighbourhood, sizeof p->neighbourhood, "%s", pl->hoods[next(s) % 3]);
	snprintf(p->hospitals, sizeof p->hospitals, "%s; %s", pl->hospitals[a], pl->hospitals[b]);
	snprintf(p->affiliations, sizeof p->affiliations, "%s", pl->hospitals[a]);
	snprintf(p->pets, sizeof p->pets, "%s", pets[next(s) % 6]);
	p->smoking = next(s) % 10 == 0;
	p->partner_ok = next(s) % 2 == 0;
	snprintf(p->house_rules, sizeof p->house_rules, "%s", rules[next(s) % 5]);
	p->capacity = 1 + (int)(next(s) % 3);
	p->max_nights = 2 + (int)(next(s) % 6);
	p->min_notice_days = 7 * (int)(next(s) % 3) + 7;
	if (next(s) % 3 == 0) {
		p->blackouts[0].first = today + 20 + next(s) % 60;
		p->blackouts[0].last = p->blackouts[0].first + next(s) % 10;
		p->nblackouts = 1;
	}
	snprintf(p->address, sizeof p->address, "%u %s St", 1 + next(s) % 400,
	    pl->hoods[next(s) % 3]);
	snprintf(p->phone, sizeof p->phone, "+1 555 %04u", next(s) % 10000);
}

int
db_demo_hosts(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz)
{
	struct host_profile *p = xcalloc(1, sizeof *p);
	int64_t *ids = NULL, k = 0;
	uint32_t s = seed ? seed : 1;
	int r;

	if ((r = candidates(db, n, &ids, &k)) != 0)
		goto out;
	if (k < n) {
		snprintf(err, errsz, "only %lld alumni and trainees without a host profile; "
		    "add members first (--members)", (long long)k);
		r = ERR_INVALID;
		goto out;
	}
	if ((r = db_begin(db)) != 0)
		goto out;
	for (int64_t i = 0; i < k && r == 0; i++) {
		make(p, ids[i], &s);
		r = db_host_write(db, p);
	}
	if (r == 0)
		r = db_commit(db);
	else
		db_rollback(db);
out:
	if (r != 0 && r != ERR_INVALID)
		snprintf(err, errsz, "%s", db_errmsg(db));
	free(ids);
	free(p);
	return r;
}
