/* Harness for bench-host.py: times db_host_search on a seeded database.
 *   host-search DB ACTOR_ID N
 * Prints p50/p95 in milliseconds for a few typical searches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db/db.h"
#include "db/db-host.h"
#include "rules/host.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
run(struct db *db, int64_t actor, const char *label, const struct host_query *q, int n)
{
	double *t = calloc((size_t)n, sizeof *t);
	struct host_hit *hits = NULL;
	size_t k = 0, first = 0;

	for (int i = 0; i < n; i++) {
		double t0 = now_ms();

		if (db_host_search(db, actor, q, 200, &hits, &k) != 0) {
			printf("%s: search failed\n", label);
			exit(1);
		}
		t[i] = now_ms() - t0;
		first = k;
		free(hits);
	}
	qsort(t, (size_t)n, sizeof *t, cmp);
	printf("host search %-34s p50 %6.2f ms  p95 %6.2f ms  (%zu hits)\n", label,
	    t[n / 2], t[n * 95 / 100], first);
	free(t);
}

int
main(int argc, char **argv)
{
	struct host_query q;
	struct db *db = NULL;
	char err[256];
	int64_t actor, today;
	int n;

	if (argc != 4)
		return 2;
	actor = atoll(argv[2]);
	n = atoi(argv[3]);
	if (db_open(argv[1], &db, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	today = host_today(db_now());
	memset(&q, 0, sizeof q);
	run(db, actor, "(no filters, by name)", &q, n);
	snprintf(q.programs, sizeof q.programs, "MGH Internal Medicine; Johns Hopkins Pediatrics");
	run(db, actor, "(two programs, ranked)", &q, n);
	q.arrive = today + 30;
	q.depart = today + 33;
	q.offers = HOST_OFFER_HOUSING;
	run(db, actor, "(programs + dates + housing)", &q, n);
	snprintf(q.where, sizeof q.where, "Boston");
	q.no_pets = true;
	run(db, actor, "(Boston, dates, no pets, programs)", &q, n);
	db_close(db);
	return 0;
}
