/* Helper of bench-boards.py, built by it against build/libmentorbbs.a:
 *   boards-page read DB MEMBER COMMUNITY N   page times, DB and render
 *   boards-page write DB MEMBER SECONDS      replies as fast as it can
 * Render times draw the real screens into a curses terminal that writes to
 * /dev/null. Prints "name p50_us p95_us" lines, or "posts N". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <curses.h>
#include "db/db.h"
#include "db/db-board.h"
#include "db/db-user.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "screens/screen-board.h"
#include "ui/ui-draw.h"

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *name, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp);
	printf("%s %.0f %.0f\n", name, t[n / 2], t[n * 95 / 100]);
}

static int64_t
max_thread(struct db *db, int64_t member)
{
	struct board_thread *t = NULL;
	size_t n = 0;
	int64_t id = 0;

	/* Any thread id below the newest exists: ids are dense. */
	for (int64_t c = 1; c <= 19; c++) {
		if (db_board_thread_page(db, member, c, NULL, false, 1, &t, &n) == 0 && n > 0 &&
		    t[0].id > id)
			id = t[0].id;
		free(t);
		t = NULL;
	}
	return id;
}

static int
run_read(struct db *db, int64_t member, int64_t community, int n)
{
	double *tl = calloc((size_t)n, sizeof(double)), *tr = calloc((size_t)n, sizeof(double));
	double *vl = calloc((size_t)n, sizeof(double)), *vr = calloc((size_t)n, sizeof(double));
	double *sn = calloc((size_t)n, sizeof(double)), *sc = calloc((size_t)n, sizeof(double));
	struct screen_ctx c;
	int64_t top = max_thread(db, member);
	FILE *null = fopen("/dev/null", "w");
	SCREEN *scr = newterm("xterm-256color", null, stdin);

	if (scr == NULL || top == 0)
		return 1;
	set_term(scr);
	ui_draw_init();
	memset(&c, 0, sizeof c);
	c.db = db;
	if (db_user_get(db, member, &c.me) != 0)
		return 1;
	srand(7);
	for (int i = 0; i < n; i++) {
		struct board_thread t, *rows = NULL;
		struct board_post *posts = NULL;
		struct board_thread_key k;
		size_t nr = 0, np = 0;
		double t0;
		void *st;
		int64_t tid = 1 + (int64_t)rand() % top;

		if (db_board_thread_get(db, member, tid, &t) != 0) {
			i--;
			continue;
		}
		/* A thread-list page somewhere deep in the community. */
		k.pinned = t.pinned;
		k.last_post_at = t.last_post_at;
		k.id = t.id;
		t0 = now_us();
		db_board_thread_page(db, member, community, &k, false, 20, &rows, &nr);
		tl[i] = now_us() - t0;
		free(rows);
		/* A thread page, then the real screens drawn. */
		t0 = now_us();
		db_board_post_page(db, member, tid, NULL, false, false, 25, &posts, &np, NULL);
		vl[i] = now_us() - t0;
		db_board_posts_free(posts, np);
		{
			struct board_community_arg a = { community };
			struct board_open o = { tid, 0 };

			/* The thread list is a list screen: the engine is its
			 * enter, draw and leave. */
			st = list_enter(&c, screen_board_threads.list, &a);
			t0 = now_us();
			ui_draw_begin();
			list_draw(&c, st);
			ui_draw_end(false);
			tr[i] = now_us() - t0;
			list_leave(&c, st);
			st = screen_board_thread.enter(&c, &o);
			t0 = now_us();
			ui_draw_begin();
			screen_board_thread.draw(&c, st);
			ui_draw_end(false);
			vr[i] = now_us() - t0;
			screen_board_thread.leave(&c, st);
		}
	}
	endwin();
	/* The member has every post of the community unread (the bench set
	 * read_floor 0): a scan step and the counts must stay bounded. */
	for (int i = 0; i < n; i++) {
		struct board_post p;
		struct board_community *coms = NULL;
		size_t nc = 0;
		int64_t left = 0;
		double t0 = now_us();

		if (db_board_read_next(db, member, i % 2 ? 1 + (int64_t)rand() % top : 0, &p) ==
		    ERR_OK)
			free(p.body);
		sn[i] = now_us() - t0;
		t0 = now_us();
		db_board_read_count(db, member, &left);
		db_board_community_list(db, member, true, &coms, &nc);
		sc[i] = now_us() - t0;
		free(coms);
	}
	report("scan-step-db", sn, n);
	report("unread-counts-db", sc, n);
	report("thread-list-db", tl, n);
	report("thread-list-render", tr, n);
	report("thread-view-db", vl, n);
	report("thread-view-render", vr, n);
	return 0;
}

static int
run_write(struct db *db, int64_t member, double seconds)
{
	int64_t top = max_thread(db, member), posts = 0, pid;
	double end = now_us() + seconds * 1e6;
	struct board_post *p = NULL;
	size_t n = 0;

	srand((unsigned)getpid());
	while (now_us() < end) {
		int64_t tid = 1 + (int64_t)rand() % top;

		if (db_board_post_page(db, member, tid, NULL, false, false, 1, &p, &n, NULL) == 0 &&
		    n == 1 && db_board_post_reply(db, member, p[0].id,
		    "A benchmark reply with a few words in it.", NULL, &pid) == 0)
			posts++;
		db_board_posts_free(p, n);
		p = NULL;
	}
	printf("posts %lld\n", (long long)posts);
	return 0;
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	char err[256];
	int r;

	if (argc < 5 || db_open(argv[2], &db, err, sizeof err) != 0) {
		fprintf(stderr, "usage: boards-page read|write DB MEMBER ...\n");
		return 2;
	}
	if (strcmp(argv[1], "read") == 0 && argc >= 6)
		r = run_read(db, atoll(argv[3]), atoll(argv[4]), atoi(argv[5]));
	else
		r = run_write(db, atoll(argv[3]), atof(argv[4]));
	db_close(db);
	return r;
}
