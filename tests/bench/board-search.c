/* Helper of bench-boards.py, built by it against build/libmentorbbs.a:
 *   board-search DB MEMBER QUERY...
 * Runs each post search three times as MEMBER and prints one line per
 * query: the median time in microseconds, the result code and the hits,
 * then the query ("us code hits query"). No assertions: figures only. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "db/db.h"
#include "db/db-board.h"

#define RUNS	3
#define HITS	100

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	char err[256];
	int64_t member;

	if (argc < 4) {
		fprintf(stderr, "usage: board-search DB MEMBER QUERY...\n");
		return 2;
	}
	if (db_open(argv[1], &db, err, sizeof err) != 0) {
		fprintf(stderr, "board-search: %s\n", err);
		return 1;
	}
	member = strtoll(argv[2], NULL, 10);
	for (int i = 3; i < argc; i++) {
		double t[RUNS], x;
		size_t n = 0;
		int r = 0;

		for (int k = 0; k < RUNS; k++) {
			struct board_hit *hits = NULL;
			double t0 = now_us();

			r = db_board_search(db, member, argv[i], HITS, &hits, &n);
			t[k] = now_us() - t0;
			if (r == 0)
				free(hits);
			else
				n = 0;
		}
		/* The median of three. */
		if (t[0] > t[1]) { x = t[0]; t[0] = t[1]; t[1] = x; }
		if (t[1] > t[2]) { x = t[1]; t[1] = t[2]; t[2] = x; }
		if (t[0] > t[1]) { x = t[0]; t[0] = t[1]; t[1] = x; }
		printf("%.0f %d %zu %s\n", t[1], r, n, argv[i]);
	}
	db_close(db);
	return 0;
}
