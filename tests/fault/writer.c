/* Helper of the fault tests (make fault-test builds it against
 * build/libmentorbbs.a): a member posting through the data layer, as the
 * board screens do, printing every acknowledgement.
 *   fault-writer thread DB MEMBER COMMUNITY   starts a thread; prints "ok POST_ID"
 *   fault-writer reply DB MEMBER POST [N]     replies until killed (or N done)
 * Each commit that returned success prints "ok POST_ID", flushed before the
 * next write starts, so whatever the test reads was acknowledged; a failure
 * prints "fail PHRASE" and the writer tries again 20 ms later. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "db/db.h"
#include "db/db-board.h"
#include "lib/err.h"

static int
reply(struct db *db, int64_t member, int64_t parent, long max)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (long done = 0; max <= 0 || done < max;) {
		int64_t id;
		int r = db_board_post_reply(db, member, parent,
		    "A reply from the fault tests, with a few words in it.", NULL, &id);

		if (r == 0) {
			printf("ok %lld\n", (long long)id);
			done++;
		} else {
			printf("fail %s\n", err_str(r));
			usleep(20000);
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	char err[256];
	int64_t tid, pid;
	int r;

	if (argc < 5) {
		fprintf(stderr, "usage: fault-writer thread|reply DB MEMBER ID [N]\n");
		return 2;
	}
	if (db_open(argv[2], &db, err, sizeof err) != 0) {
		fprintf(stderr, "fault-writer: %s\n", err);
		return 1;
	}
	if (strcmp(argv[1], "thread") == 0) {
		r = db_board_thread_create(db, atoll(argv[3]), atoll(argv[4]), "Fault tests",
		    "The first post of the fault tests.", NULL, &tid, &pid);
		if (r == 0)
			printf("ok %lld\n", (long long)pid);
		else
			fprintf(stderr, "fault-writer: %s\n", err_str(r));
	} else {
		r = reply(db, atoll(argv[3]), atoll(argv[4]), argc > 5 ? atol(argv[5]) : 0);
	}
	db_close(db);
	return r == 0 ? 0 : 1;
}
