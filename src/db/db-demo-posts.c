/* Synthetic posts for seed-demo; see db-demo.h. Threads are written a
 * few dozen at a time, interleaved the way a live board grows, with tree
 * paths built here (board_path_child) and explicit ids, so one prepared
 * INSERT per post (and one into the search index) is all the work:
 * a million posts take a minute or two. Authors are the existing active
 * members; with fewer than 50, a few hundred demo authors are made first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rules/board.h"
#include "db/db.h"
#include "db/db-demo.h"
#include "db/db-internal.h"
#include "lib/xmalloc.h"

#define MIN_AUTHORS	50
#define DEMO_AUTHORS	300
#define ACTIVE		48		/* threads growing at once */
#define MAX_THREAD	80		/* posts in the longest thread */
#define BATCH		20000		/* posts per transaction */
#define SPAN		(2 * 365 * 86400LL)	/* the demo covers two years */

struct gen {
	struct db *db;
	uint32_t rng;
	int64_t *authors, *communities;
	size_t nauthors, ncommunities;
	int64_t next_thread, next_post, start;
	char *err;
	size_t errsz;
};

struct slot {
	int64_t id, community;
	int target, count;
	char (*paths)[BOARD_PATH_SZ];
	int *depths;
	int64_t *ids;
	int64_t last_at;
};

static uint32_t
rnd(struct gen *g)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 17;
	g->rng ^= g->rng << 5;
	return g->rng;
}

static const char *
pick(struct gen *g, const char *const *list, size_t n)
{
	return list[rnd(g) % n];
}
#define PICK(g, a) pick(g, a, sizeof a / sizeof a[0])

static const char *const first_names[] = { "Aisha", "Ben", "Carmen", "David", "Elena",
	"Farid", "Grace", "Hiro", "Imani", "Jonas", "Kavya", "Liam", "Maya", "Nikhil",
	"Olivia", "Pedro", "Quinn", "Rosa", "Samuel", "Tara", "Uma", "Victor", "Wen",
	"Yusuf", "Zoe" };
static const char *const last_names[] = { "Adeyemi", "Brennan", "Chen", "Dubois",
	"Esposito", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kim", "Lopez",
	"Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka", "Walsh" };
static const char *const topics[] = { "Residency interviews", "Fellowship applications",
	"Moving", "Housing", "Childcare", "Research funding", "Contract negotiation",
	"Board exams", "Work-life balance", "Job search", "Networking", "Loan repayment",
	"Starting a lab", "Teaching residents", "Switching specialties", "Grant writing",
	"Mentorship", "Leadership roles", "Private practice", "Industry jobs" };
static const char *const hooks[] = { "any advice?", "what worked for you?",
	"looking for tips", "a few questions", "lessons learned", "who has done this?",
	"meetup this month?", "resources to share" };
static const char *const sentences[] = {
	"I went through this last year and the first month was the hardest.",
	"Talk to the program coordinator early; they know more than the website says.",
	"Our alumni group meets on the first Thursday of every month.",
	"Happy to review anyone's personal statement or CV.",
	"The best advice I got was to ask for protected time in writing.",
	"Does anyone know how the new call schedule affects fellows?",
	"I found the neighbourhood near the hospital affordable and quiet.",
	"Negotiate the start date as well as the salary.",
	"Write down what you want from a mentor before the first meeting.",
	"Thanks, this is really helpful.",
	"I can introduce you to a colleague who made the same switch.",
	"K awards take longer than you think; start the draft a year ahead.",
	"Childcare waitlists are long here, so sign up as soon as you match.",
	"We should put together a shared document of these tips.",
	"Agreed, and the department chair was supportive when I asked.",
	"Remember to keep patient details out of these posts.",
};

static int
fail(struct gen *g, const char *what)
{
	snprintf(g->err, g->errsz, "%s: %s", what, db_errmsg(g->db));
	return ERR_INTERNAL;
}

static int
load_ids(struct gen *g, const char *sql, int64_t **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(g->db, sql);
	size_t cap = 0;
	int rc;

	free(*out);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return fail(g, "reading ids");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	db_stmt_done(g->db, st);
	return rc == SQLITE_DONE ? ERR_OK : fail(g, "reading ids");
}

/* A few hundred demo authors when the database has almost no members. */
static int
make_authors(struct gen *g)
{
	char login[32], name[96];
	sqlite3_stmt *st;

	for (int i = 0; i < DEMO_AUTHORS; i++) {
		st = db_stmt(g->db, "INSERT OR IGNORE INTO users (login, display_name, role, "
		    "created_at, rules_accepted_at) VALUES (?, ?, ?, ?, ?)");
		if (st == NULL)
			return fail(g, "adding demo authors");
		snprintf(login, sizeof login, "demo%04d", i);
		snprintf(name, sizeof name, "%s %s", PICK(g, first_names), PICK(g, last_names));
		db_bind_text(st, 1, login);
		db_bind_text(st, 2, name);
		db_bind_text(st, 3, i % 3 == 0 ? "alumni" : i % 3 == 1 ? "trainee" : "student");
		sqlite3_bind_int64(st, 4, g->start);
		sqlite3_bind_int64(st, 5, g->start);
		if (db_step_done(g->db, st, __func__) != 0)
			return fail(g, "adding demo authors");
	}
	return 0;
}

static int
next_ids(struct gen *g)
{
	sqlite3_stmt *st = db_stmt(g->db, "SELECT coalesce((SELECT max(id) FROM threads), 0), "
	    "coalesce((SELECT max(id) FROM posts), 0)");

	if (st == NULL || sqlite3_step(st) != SQLITE_ROW) {
		if (st != NULL)
			db_stmt_done(g->db, st);
		return fail(g, "reading ids");
	}
	g->next_thread = sqlite3_column_int64(st, 0) + 1;
	g->next_post = sqlite3_column_int64(st, 1) + 1;
	db_stmt_done(g->db, st);
	return 0;
}

static int64_t
author(struct gen *g)
{
	return g->authors[rnd(g) % g->nauthors];
}

static int
thread_open(struct gen *g, struct slot *s, int64_t now)
{
	char title[160];
	sqlite3_stmt *st;

	s->id = g->next_thread++;
	s->community = g->communities[rnd(g) % g->ncommunities];
	/* Most threads are short; a few run long. */
	s->target = 1 + (int)(rnd(g) % 8);
	if (rnd(g) % 4 == 0)
		s->target += (int)(rnd(g) % (MAX_THREAD - 8));
	s->count = 0;
	snprintf(title, sizeof title, "%s: %s", PICK(g, topics), PICK(g, hooks));
	st = db_stmt(g->db, "INSERT INTO threads (id, community_id, author_id, title, "
	    "created_at, last_post_at) VALUES (?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		return fail(g, "adding a thread");
	sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_int64(st, 2, s->community);
	sqlite3_bind_int64(st, 3, author(g));
	db_bind_text(st, 4, title);
	sqlite3_bind_int64(st, 5, now);
	sqlite3_bind_int64(st, 6, now);
	if (db_step_done(g->db, st, __func__) != 0)
		return fail(g, "adding a thread");
	/* Titles are searched too (migration 010), like the bodies below. */
	if ((st = db_stmt(g->db, "INSERT INTO threads_fts (rowid, title) VALUES (?, ?)")) == NULL)
		return fail(g, "indexing a thread title");
	sqlite3_bind_int64(st, 1, s->id);
	db_bind_text(st, 2, title);
	return db_step_done(g->db, st, __func__) == 0 ? ERR_OK :
	    fail(g, "indexing a thread title");
}

static int
thread_close(struct gen *g, struct slot *s)
{
	sqlite3_stmt *st;

	st = db_stmt(g->db, "UPDATE threads SET post_count = ?, next_seq = ?, last_post_id = ?, "
	    "last_post_at = ? WHERE id = ?");
	if (st == NULL)
		return fail(g, "finishing a thread");
	sqlite3_bind_int(st, 1, s->count);
	sqlite3_bind_int(st, 2, s->count);
	sqlite3_bind_int64(st, 3, s->ids[s->count - 1]);
	sqlite3_bind_int64(st, 4, s->last_at);
	sqlite3_bind_int64(st, 5, s->id);
	s->id = 0;
	return db_step_done(g->db, st, __func__) == 0 ? ERR_OK : fail(g, "finishing a thread");
}

static void
body(struct gen *g, char *buf, size_t sz)
{
	size_t len = 0;
	int n = 1 + (int)(rnd(g) % 4);

	buf[0] = '\0';
	for (int i = 0; i < n && len + 2 < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i > 0 ? " " : "",
		    PICK(g, sentences));
}

static int
add_post(struct gen *g, struct slot *s, int64_t now)
{
	char text[600];
	int parent = -1, depth = 0, r;
	int64_t id = g->next_post++;
	sqlite3_stmt *st;

	if (s->count > 0)
		parent = rnd(g) % 3 == 0 ? 0 : (int)(rnd(g) % (uint32_t)s->count);
	if (!board_path_child(parent < 0 ? "" : s->paths[parent], parent < 0 ? 0 :
	    s->depths[parent], s->count + 1, s->paths[s->count], BOARD_PATH_SZ, &depth))
		return fail(g, "building a path");
	s->depths[s->count] = depth;
	s->ids[s->count] = id;
	body(g, text, sizeof text);
	st = db_stmt(g->db, "INSERT INTO posts (id, thread_id, community_id, parent_id, "
	    "author_id, path, depth, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		return fail(g, "adding a post");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->id);
	sqlite3_bind_int64(st, 3, s->community);
	if (parent >= 0)
		sqlite3_bind_int64(st, 4, s->ids[parent]);
	sqlite3_bind_int64(st, 5, author(g));
	db_bind_text(st, 6, s->paths[s->count]);
	sqlite3_bind_int(st, 7, depth);
	db_bind_text(st, 8, text);
	sqlite3_bind_int64(st, 9, now);
	if (db_step_done(g->db, st, __func__) != 0)
		return fail(g, "adding a post");
	if ((st = db_stmt(g->db, "INSERT INTO posts_fts (rowid, body) VALUES (?, ?)")) == NULL)
		return fail(g, "indexing a post");
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, text);
	if ((r = db_step_done(g->db, st, __func__)) != 0)
		return fail(g, "indexing a post");
	s->count++;
	s->last_at = now;
	return 0;
}

static int
generate(struct gen *g, int64_t n)
{
	struct slot slots[ACTIVE];
	int r = ERR_OK;

	memset(slots, 0, sizeof slots);
	for (int i = 0; i < ACTIVE; i++) {
		slots[i].paths = xcalloc(MAX_THREAD, sizeof *slots[i].paths);
		slots[i].depths = xcalloc(MAX_THREAD, sizeof *slots[i].depths);
		slots[i].ids = xcalloc(MAX_THREAD, sizeof *slots[i].ids);
	}
	if ((r = db_begin(g->db)) != 0) {
		fail(g, "starting");
		goto out;
	}
	for (int64_t i = 0; i < n && r == 0; i++) {
		struct slot *s = &slots[rnd(g) % ACTIVE];
		int64_t now = g->start + (int64_t)((double)SPAN * (double)i / (double)n);

		if (s->id == 0 && (r = thread_open(g, s, now)) != 0)
			break;
		if ((r = add_post(g, s, now)) != 0)
			break;
		if (s->count == s->target && (r = thread_close(g, s)) != 0)
			break;
		if ((i + 1) % BATCH == 0 && ((r = db_commit(g->db)) != 0 ||
		    (r = db_begin(g->db)) != 0))
			fail(g, "committing");
	}
	for (int i = 0; i < ACTIVE && r == 0; i++)
		if (slots[i].id != 0 && slots[i].count > 0)
			r = thread_close(g, &slots[i]);
	if (r == 0 && (r = db_commit(g->db)) != 0)
		fail(g, "committing");
	if (r != 0)
		db_rollback(g->db);
out:
	for (int i = 0; i < ACTIVE; i++) {
		free(slots[i].paths);
		free(slots[i].depths);
		free(slots[i].ids);
	}
	return r;
}

int
db_demo_posts(struct db *db, int64_t n, uint32_t seed, char *err, size_t errsz)
{
	struct gen g;
	int r;

	memset(&g, 0, sizeof g);
	g.db = db;
	g.rng = seed != 0 ? seed : 1;
	g.err = err;
	g.errsz = errsz;
	g.start = db_now() - SPAN;
	if ((r = load_ids(&g, "SELECT id FROM users WHERE status = 'active'", &g.authors,
	    &g.nauthors)) != 0)
		goto out;
	if (g.nauthors < MIN_AUTHORS && ((r = make_authors(&g)) != 0 ||
	    (r = load_ids(&g, "SELECT id FROM users WHERE status = 'active'", &g.authors,
	    &g.nauthors)) != 0))
		goto out;
	if ((r = load_ids(&g, "SELECT id FROM communities", &g.communities,
	    &g.ncommunities)) != 0)
		goto out;
	if (g.ncommunities == 0 || g.nauthors == 0) {
		snprintf(err, errsz, "no communities or no members to post");
		r = ERR_INTERNAL;
		goto out;
	}
	if ((r = next_ids(&g)) != 0)
		goto out;
	r = generate(&g, n);
out:
	free(g.authors);
	free(g.communities);
	return r;
}
