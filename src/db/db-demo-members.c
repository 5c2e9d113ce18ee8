/* Synthetic members for seed-demo; see db-demo.h. Deterministic for a
 * seed: a small xorshift generator picks from tables of names,
 * specialties, places and sentence parts, so 100,000 members look like an
 * alumni community (half alumni, a quarter each trainees and students, many
 * alumni open to mentoring) and insert in one transaction. */
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include "db/db.h"
#include "db/db-demo.h"
#include "db/db-internal.h"
#include "db/db-mentor-search.h"

#define N_OF(a) (sizeof (a) / sizeof (a)[0])

static const char *const first_names[] = {
	"Aisha", "Alejandro", "Amara", "Anders", "Ana", "Benjamin", "Bianca", "Chen",
	"Chiara", "Daniel", "Deepa", "Dmitri", "Elena", "Emeka", "Fatima", "Felix",
	"Grace", "Hana", "Hiroshi", "Ines", "Isaac", "Jamal", "Julia", "Kai", "Kavya",
	"Laura", "Leila", "Lucas", "Maya", "Mateo", "Mei", "Miriam", "Nadia", "Noah",
	"Olga", "Omar", "Priya", "Rafael", "Rosa", "Samuel", "Sara", "Sofia", "Tariq",
	"Thomas", "Uma", "Victor", "Wei", "Yara", "Yusuf", "Zoe", "Hannah", "Marcus",
	"Ingrid", "Kwame", "Lena", "Nikolai", "Paulo", "Quinn", "Ruth", "Sven",
};
static const char *const last_names[] = {
	"Abara", "Andersson", "Bauer", "Bianchi", "Chatterjee", "Chen", "Costa", "Dubois",
	"Eriksen", "Fernandez", "Fischer", "Garcia", "Gupta", "Haddad", "Hansen", "Ito",
	"Jensen", "Kaur", "Kim", "Kowalski", "Lee", "Lopez", "Martin", "Mensah", "Moreau",
	"Murphy", "Nakamura", "Novak", "Okafor", "Olsen", "Patel", "Petrov", "Quinn",
	"Rahman", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Tanaka", "Taylor",
	"Tran", "Usman", "Valdez", "Wagner", "Walsh", "Wang", "Weber", "Yilmaz", "Zhou",
	"Brennan", "Cohen", "Delgado", "Friedman", "Horvat", "Ibrahim", "Lindqvist",
	"Mwangi", "Nguyen", "O'Brien",
};
static const struct specialty {
	const char *name;
	const char *subs[3];
} specialties[] = {
	{ "Cardiology", { "Interventional cardiology", "Electrophysiology", "Heart failure" } },
	{ "Internal Medicine", { "Hospital medicine", "Geriatrics", "Infectious disease" } },
	{ "Pediatrics", { "Neonatology", "Pediatric oncology", "Adolescent medicine" } },
	{ "Surgery", { "Trauma surgery", "Surgical oncology", "Transplant surgery" } },
	{ "Neurology", { "Stroke", "Epilepsy", "Movement disorders" } },
	{ "Psychiatry", { "Child psychiatry", "Addiction psychiatry", "Consultation-liaison" } },
	{ "Radiology", { "Neuroradiology", "Interventional radiology", "Breast imaging" } },
	{ "Oncology", { "Medical oncology", "Radiation oncology", "Hematology" } },
	{ "Emergency Medicine", { "Toxicology", "Ultrasound", "Critical care" } },
	{ "Obstetrics and Gynecology", { "Maternal-fetal medicine", "Reproductive endocrinology",
	    "Gynecologic oncology" } },
	{ "Family Medicine", { "Sports medicine", "Rural health", "Palliative care" } },
	{ "Anesthesiology", { "Pain medicine", "Pediatric anesthesia", "Cardiac anesthesia" } },
	{ "Dermatology", { "Mohs surgery", "Pediatric dermatology", "Dermatopathology" } },
	{ "Orthopedics", { "Spine surgery", "Hand surgery", "Sports orthopedics" } },
	{ "Ophthalmology", { "Retina", "Glaucoma", "Cornea" } },
	{ "Pathology", { "Molecular pathology", "Cytopathology", "Forensic pathology" } },
	{ "Public Health", { "Epidemiology", "Global health", "Health policy" } },
	{ "Endocrinology", { "Diabetes", "Thyroid", "Obesity medicine" } },
	{ "Nephrology", { "Dialysis", "Transplant nephrology", "Glomerular disease" } },
	{ "Gastroenterology", { "Hepatology", "Inflammatory bowel disease", "Endoscopy" } },
	{ "Pulmonology", { "Critical care", "Sleep medicine", "Interstitial lung disease" } },
	{ "Urology", { "Urologic oncology", "Pediatric urology", "Endourology" } },
	{ "Biomedical Research", { "Immunology", "Genomics", "Neuroscience" } },
	{ "Rheumatology", { "Lupus", "Vasculitis", "Inflammatory arthritis" } },
};
static const struct place {
	const char *city, *region, *country;
} places[] = {
	{ "Boston", "Massachusetts", "United States" },
	{ "New York", "New York", "United States" },
	{ "Philadelphia", "Pennsylvania", "United States" },
	{ "Baltimore", "Maryland", "United States" },
	{ "Chicago", "Illinois", "United States" },
	{ "Houston", "Texas", "United States" },
	{ "Dallas", "Texas", "United States" },
	{ "San Francisco", "California", "United States" },
	{ "Los Angeles", "California", "United States" },
	{ "San Diego", "California", "United States" },
	{ "Seattle", "Washington", "United States" },
	{ "Denver", "Colorado", "United States" },
	{ "Atlanta", "Georgia", "United States" },
	{ "Miami", "Florida", "United States" },
	{ "Nashville", "Tennessee", "United States" },
	{ "Minneapolis", "Minnesota", "United States" },
	{ "Pittsburgh", "Pennsylvania", "United States" },
	{ "Ann Arbor", "Michigan", "United States" },
	{ "Cleveland", "Ohio", "United States" },
	{ "Rochester", "Minnesota", "United States" },
	{ "Toronto", "Ontario", "Canada" },
	{ "Montreal", "Quebec", "Canada" },
	{ "Vancouver", "British Columbia", "Canada" },
	{ "London", "England", "United Kingdom" },
	{ "Edinburgh", "Scotland", "United Kingdom" },
	{ "Dublin", "Leinster", "Ireland" },
	{ "Stockholm", "Stockholm County", "Sweden" },
	{ "Berlin", "Berlin", "Germany" },
	{ "Munich", "Bavaria", "Germany" },
	{ "Paris", "Ile-de-France", "France" },
	{ "Amsterdam", "North Holland", "Netherlands" },
	{ "Zurich", "Zurich", "Switzerland" },
	{ "Madrid", "Madrid", "Spain" },
	{ "Milan", "Lombardy", "Italy" },
	{ "Nairobi", "Nairobi County", "Kenya" },
	{ "Lagos", "Lagos State", "Nigeria" },
	{ "Cape Town", "Western Cape", "South Africa" },
	{ "Sao Paulo", "Sao Paulo", "Brazil" },
	{ "Mexico City", "CDMX", "Mexico" },
	{ "Singapore", "Singapore", "Singapore" },
	{ "Tokyo", "Tokyo", "Japan" },
	{ "Seoul", "Seoul", "South Korea" },
	{ "Mumbai", "Maharashtra", "India" },
	{ "Sydney", "New South Wales", "Australia" },
	{ "Melbourne", "Victoria", "Australia" },
};
static const char *const institutions[] = {
	"University Hospital", "Children's Medical Center", "Veterans Affairs Medical Center",
	"County General Hospital", "Cancer Institute", "School of Medicine",
	"Community Health Center", "Regional Medical Center", "Research Institute",
	"Heart and Vascular Institute", "Neuroscience Institute", "Public Health Agency",
	"Academic Medical Center", "Rehabilitation Hospital", "Women's Hospital",
	"Biotech Startup", "Global Health Foundation", "Private Practice",
};
static const char *const programs[] = {
	"MD", "MD", "MD", "MD, PhD", "PhD", "MD, MPH", "MPH", "DO", "MS", "MD, MBA",
};
static const char *const topics[] = {
	"residency applications", "research careers", "work-life balance", "leadership",
	"academic promotion", "grant writing", "fellowship choice", "global health",
	"starting a practice", "women in medicine", "first-generation students",
	"clinical trials", "medical education", "health policy", "physician wellness",
	"industry careers", "public speaking", "negotiation", "parenting in medicine",
	"international graduates", "publishing papers", "quality improvement",
	"digital health", "career change", "board exams",
};
static const char *const alumni_positions[] = {
	"Attending physician", "Associate Professor", "Assistant Professor", "Professor",
	"Division Chief", "Program Director", "Clinical Lecturer", "Consultant",
	"Medical Director", "Research Scientist", "Department Chair", "Staff physician",
};
static const char *const trainee_positions[] = {
	"Resident (PGY-1)", "Resident (PGY-2)", "Resident (PGY-3)", "Chief resident",
	"Clinical fellow", "Research fellow", "Postdoctoral fellow",
};
static const char *const bio_open[] = {
	"I trained here and still remember how much good advice mattered.",
	"After medical school I moved abroad, and I enjoy helping others plan similar moves.",
	"My path was not straight: I changed specialty once and I am happy to talk about it.",
	"I split my time between clinical work and a small research group.",
	"I care a lot about teaching and run our department's journal club.",
	"I came to medicine from engineering and love questions from career changers.",
	"Most of my week is in clinic; the rest goes to students and residents.",
};
/* Sentences around two topics: pre, topic, mid, topic, post. */
static const struct { const char *pre, *mid, *post; } bio_mid[] = {
	{ "I can help with ", " and with ", "." },
	{ "Ask me about ", ", or about ", "." },
	{ "Mentees usually come to me for ", "; I also enjoy talking about ", "." },
	{ "Happy to review plans for ", " and to share what I learned about ", "." },
};
static const char *const bio_close[] = {
	"I prefer a short call every few weeks.",
	"Messages are the best way to reach me.",
	"I answer within a few days.",
	"Coffee chats in person are welcome when I am in town.",
	"",
};

struct rng {
	uint32_t s;
};

static uint32_t
rnd(struct rng *r)
{
	uint32_t x = r->s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return r->s = x;
}

static size_t
pick(struct rng *r, size_t n)
{
	return rnd(r) % n;
}

/* One member's text fields, built into fixed buffers. */
struct demo {
	char login[33], name[128], programs[32], specialty[64], sub[64], position[64];
	char institution[96], topics[160], bio[600];
	const struct place *place;
	const char *role;
	int grad_year, open, seeking, max_mentees;
	int64_t created, last_login;
};

static void
make_member(struct rng *r, int64_t serial, int64_t now, struct demo *d)
{
	const char *fn = first_names[pick(r, N_OF(first_names))];
	const char *ln = last_names[pick(r, N_OF(last_names))];
	const struct specialty *sp = &specialties[pick(r, N_OF(specialties))];
	const char *t1 = topics[pick(r, N_OF(topics))], *t2 = topics[pick(r, N_OF(topics))];
	const char *t3 = topics[pick(r, N_OF(topics))];
	uint32_t roll = rnd(r) % 100;
	char mid[200];
	size_t k;

	snprintf(d->login, sizeof d->login, "%c%.12s%lld", fn[0] | 0x20, ln, (long long)serial);
	for (char *p = d->login; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p | 0x20);
		else if (*p == '\'')
			*p = '-';
	snprintf(d->name, sizeof d->name, "%s %s", fn, ln);
	d->role = roll < 50 ? "alumni" : roll < 75 ? "trainee" : "student";
	d->place = &places[pick(r, N_OF(places))];
	snprintf(d->programs, sizeof d->programs, "%s", programs[pick(r, N_OF(programs))]);
	snprintf(d->specialty, sizeof d->specialty, "%s", sp->name);
	snprintf(d->sub, sizeof d->sub, "%s", rnd(r) % 3 ? sp->subs[pick(r, 3)] : "");
	if (d->role[0] == 'a') {
		snprintf(d->position, sizeof d->position, "%s",
		    alumni_positions[pick(r, N_OF(alumni_positions))]);
		snprintf(d->institution, sizeof d->institution, "%s %s", d->place->city,
		    institutions[pick(r, N_OF(institutions))]);
		d->grad_year = 1975 + (int)pick(r, 48);
		d->open = rnd(r) % 100 < 60;
	} else if (d->role[0] == 't') {
		snprintf(d->position, sizeof d->position, "%s",
		    trainee_positions[pick(r, N_OF(trainee_positions))]);
		snprintf(d->institution, sizeof d->institution, "%s %s", d->place->city,
		    institutions[pick(r, 6)]);
		d->grad_year = 2018 + (int)pick(r, 8);
		d->open = rnd(r) % 100 < 35;
	} else {
		snprintf(d->position, sizeof d->position, "Medical student, year %d",
		    1 + (int)pick(r, 4));
		snprintf(d->institution, sizeof d->institution, "School of Medicine");
		d->specialty[0] = rnd(r) % 2 ? d->specialty[0] : '\0';
		d->sub[0] = '\0';
		d->grad_year = 2026 + (int)pick(r, 4);
		d->open = 0;
	}
	d->seeking = d->role[0] != 'a' && rnd(r) % 100 < 70;
	d->max_mentees = d->open ? 1 + (int)pick(r, 5) : 0;
	snprintf(d->topics, sizeof d->topics, "%s, %s%s%s", t1, t2, rnd(r) % 2 ? ", " : "",
	    rnd(r) % 2 ? "" : t3);
	if (d->topics[strlen(d->topics) - 1] == ' ')
		d->topics[strlen(d->topics) - 2] = '\0';
	k = pick(r, N_OF(bio_mid));
	snprintf(mid, sizeof mid, "%s%s%s%s%s", bio_mid[k].pre, t1, bio_mid[k].mid, t2,
	    bio_mid[k].post);
	snprintf(d->bio, sizeof d->bio, "%s %s\n%s", bio_open[pick(r, N_OF(bio_open))], mid,
	    bio_close[pick(r, N_OF(bio_close))]);
	d->created = now - (int64_t)pick(r, 5 * 365) * 86400 - (int64_t)pick(r, 86400);
	/* Most members log in now and then, a few have drifted away. */
	d->last_login = now - (int64_t)(pick(r, 200) * pick(r, 200) / 200) * 86400 -
	    (int64_t)pick(r, 86400);
	if (d->last_login < d->created)
		d->last_login = d->created;
}

static int
insert(struct db *db, sqlite3_stmt *st, const struct demo *d)
{
	sqlite3_reset(st);
	db_bind_text(st, 1, d->login);
	db_bind_text(st, 2, d->name);
	db_bind_text(st, 3, d->role);
	db_bind_text(st, 4, d->programs);
	sqlite3_bind_int(st, 5, d->grad_year);
	db_bind_text(st, 6, d->specialty);
	db_bind_text(st, 7, d->sub);
	db_bind_text(st, 8, d->position);
	db_bind_text(st, 9, d->institution);
	db_bind_text(st, 10, d->place->city);
	db_bind_text(st, 11, d->place->region);
	db_bind_text(st, 12, d->place->country);
	db_bind_text(st, 13, d->topics);
	db_bind_text(st, 14, d->bio);
	sqlite3_bind_int(st, 15, d->open);
	sqlite3_bind_int(st, 16, d->seeking);
	sqlite3_bind_int(st, 17, d->max_mentees);
	sqlite3_bind_int64(st, 18, d->created);
	sqlite3_bind_int64(st, 19, d->last_login);
	return db_result(db, sqlite3_step(st), "db_demo_members");
}

static int
next_serial(struct db *db, int64_t *serial)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(max(id), 0) + 1 FROM users");

	if (st == NULL)
		return ERR_INTERNAL;
	return db_step_int(db, st, serial, NULL, __func__);
}

int
db_demo_members(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz)
{
	struct rng r = { seed != 0 ? seed * 2654435761u : 0x9e3779b9u };
	int64_t serial = 0, now = db_now();
	sqlite3_stmt *st = NULL;
	struct demo d;
	int rc;

	if (r.s == 0)
		r.s = 1;
	if ((rc = db_begin(db)) != 0)
		goto out;
	if ((rc = next_serial(db, &serial)) != 0)
		goto out;
	/* A private statement: it is reset per row, not handed back. */
	rc = sqlite3_prepare_v2(db_sqlite(db), "INSERT INTO users (login, display_name, role, "
	    "programs, grad_year, specialty, subspecialty, position, institution, city, "
	    "region, country, topics, bio, open_to_mentoring, seeking_mentor, max_mentees, "
	    "created_at, last_login_at, rules_accepted_at, status, origin) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?18, "
	    "'active', 'seed-demo')",
	    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (int64_t i = 0; i < n && rc == 0; i++) {
		make_member(&r, serial + i, now, &d);
		rc = insert(db, st, &d);
	}
out:
	sqlite3_finalize(st);
	if (rc == 0)
		rc = db_commit(db);
	else
		db_rollback(db);
	/* Index now, so the first search does not pay for 100,000 members. */
	if (rc == 0)
		rc = db_mentor_index_sync(db);
	if (rc != 0)
		snprintf(err, errsz, "cannot insert members: %s", db_errmsg(db));
	return rc;
}
