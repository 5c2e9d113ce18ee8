/* `mentorbbs mentor-bench --db PATH [--rounds N]`: times typical mentor
 * searches and suggestions through the real data functions and prints one
 * line per call ("search LABEL WALL_US RESULTS CPU_US"); the benchmark
 * script (tests/bench/bench-mentor.py) turns them into percentiles. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "db/db-mentor-search.h"
#include "db/db-user.h"
#include "db/db.h"
#include "lib/text.h"

struct bench_args {
	const char *db_path, *rounds;
};

static const struct cli_opt bench_opts[] = {
	CLI_STR("db", struct bench_args, db_path),
	CLI_STR("rounds", struct bench_args, rounds),
};

static const char *const specs[] = { "cardiology", "pediatrics", "surgery", "neuro",
	"onc", "psychiatry", "internal medicine", "radiol" };
static const char *const placesv[] = { "boston", "london", "toronto", "texas", "germany",
	"new york", "calif", "tokyo" };
static const char *const words[] = { "grant writing", "chen", "leadership", "patel",
	"research careers", "global health", "interventional", "work-life" };

static double
clock_us(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* Wall time and this thread's CPU time: on a busy machine the second
 * shows the work apart from waiting for a core. */
static void
start(double *t)
{
	t[0] = clock_us(CLOCK_MONOTONIC);
	t[1] = clock_us(CLOCK_THREAD_CPUTIME_ID);
}

static void
stop(const double *t, const char *what, const char *label, size_t n)
{
	printf("%s %s %.0f %zu %.0f\n", what, label, clock_us(CLOCK_MONOTONIC) - t[0], n,
	    clock_us(CLOCK_THREAD_CPUTIME_ID) - t[1]);
}

/* Fills q with the k-th typical query of round r; returns its label. */
static const char *
typical(int k, int r, struct mentor_query *q, size_t *offset)
{
	mentor_query_init(q);
	*offset = 0;
	switch (k) {
	case 0: text_copy(q->specialty, sizeof q->specialty, specs[r % 8]); return "specialty";
	case 1: text_copy(q->specialty, sizeof q->specialty, specs[r % 8]);
		text_copy(q->place, sizeof q->place, placesv[r % 8]); return "specialty+place";
	case 2: text_copy(q->text, sizeof q->text, words[r % 8]); return "words";
	case 3: text_copy(q->place, sizeof q->place, placesv[r % 8]);
		q->accepting = true; return "place+accepting";
	case 4: text_copy(q->topic, sizeof q->topic, "residency");
		q->role = ROLE_ALUMNI; return "topic+role";
	case 5: q->accepting = true; return "browse-accepting";
	case 6: text_copy(q->text, sizeof q->text, words[(r + 3) % 8]);
		text_copy(q->specialty, sizeof q->specialty, specs[(r + 1) % 8]);
		return "words+specialty";
	case 7: q->year_from = 1990; q->year_to = 2005;
		text_copy(q->specialty, sizeof q->specialty, specs[(r + 2) % 8]);
		return "years+specialty";
	case 8: text_copy(q->program, sizeof q->program, "phd");
		text_copy(q->place, sizeof q->place, placesv[(r + 4) % 8]); return "program+place";
	default: text_copy(q->specialty, sizeof q->specialty, specs[(r + 5) % 8]);
		*offset = 50; return "specialty-page2";
	}
}

/* The first n members of a role, as searchers. */
static int
searchers(struct db *db, int64_t *ids, int n)
{
	struct member *all = NULL;
	size_t count = 0;
	int got = 0;

	if (db_user_list(db, &all, &count) != 0)
		return 0;
	for (size_t i = 0; i < count && got < n; i++)
		if (all[i].role == ROLE_STUDENT)
			ids[got++] = all[i].id;
	free(all);
	return got;
}

static void
run(struct db *db, int rounds, const int64_t *who, int nwho)
{
	struct mentor_hit *h;
	struct mentor_query q;
	size_t n, offset;
	double t[2];

	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < 10; k++) {
			const char *label = typical(k, r, &q, &offset);

			start(t);
			if (db_mentor_search(db, who[r % nwho], &q, offset, 50, &h, &n) != 0)
				n = 0, h = NULL;
			stop(t, "search", label, n);
			free(h);
		}
		start(t);
		if (db_mentor_suggest(db, who[r % nwho], 20, &h, &n) != 0)
			n = 0, h = NULL;
		stop(t, "suggest", "all", n);
		free(h);
	}
}

int
cli_mentor_bench(int argc, char **argv)
{
	struct bench_args a = { NULL, "20" };
	int rounds, c, nwho;
	int64_t who[64];
	struct db *db = NULL;

	if ((c = cli_parse("mentor-bench", argc, argv, bench_opts,
	    sizeof bench_opts / sizeof bench_opts[0], &a, 0, NULL, NULL)) != 0)
		return c;
	rounds = atoi(a.rounds);
	if (a.db_path == NULL || rounds < 1 || rounds > 10000)
		return cli_usage("mentor-bench: --db PATH [--rounds 1-10000]");
	if ((c = cli_open_db(a.db_path, &db)) != 0)
		return c;
	if ((nwho = searchers(db, who, 64)) == 0) {
		db_close(db);
		return cli_fail("mentor-bench: no students to search as (run seed-demo first)");
	}
	run(db, rounds, who, nwho);
	db_close(db);
	return 0;
}
