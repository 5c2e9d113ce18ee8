/* Runs every registered unit test; see test.h. */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include "test.h"
#include "fixture.h"
#include "lib/crypto.h"
#include "lib/log.h"
#include "db/db-probation.h"
#include "db/db.h"
#include "ui/ui-edit.h"

struct test { const char *name; test_fn fn; };
static struct test tests[1024];
static int ntests;
bool test_failed;
static bool quiet;		/* the self-test's planned failure prints nothing */

struct deferred { void (*fn)(void *); void *arg; };
static struct deferred deferred[256];
static int ndeferred;

void
test_register(const char *name, test_fn fn)
{
	if (ntests == (int)(sizeof tests / sizeof tests[0])) {
		fprintf(stderr, "too many tests\n");
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void
test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	test_failed = true;
	if (quiet)
		return;
	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

void
test_defer(void (*fn)(void *), void *arg)
{
	if (ndeferred == (int)(sizeof deferred / sizeof deferred[0])) {
		fprintf(stderr, "too many clean-ups in one test\n");
		exit(2);
	}
	deferred[ndeferred].fn = fn;
	deferred[ndeferred].arg = arg;
	ndeferred++;
}

/* The library's globals a test can set, back to what a process starts with:
 * a test that pinned the clock and failed before unpinning it must not
 * date the next test's rows. */
static void
reset_globals(void)
{
	db_set_now_for_tests(0);
	db_set_tx_hook_for_tests(NULL, NULL);
	log_set_level(LOG_INFO);
	ui_edit_restore_next(false);
	db_probation_set(NULL);
}

/* Runs one test with fresh globals, then its clean-ups. True if it passed. */
static bool
run(test_fn fn)
{
	reset_globals();
	test_failed = false;
	fn();
	while (ndeferred > 0) {
		ndeferred--;
		deferred[ndeferred].fn(deferred[ndeferred].arg);
	}
	return !test_failed;
}

/* The runner's own promise, kept like any test: one that pins the clock,
 * takes a database and a directory and then fails a CHECK leaves none of it
 * to the test after it. */
static char dirty_dir[256];
static bool dirty_deferred_ran;

static void
dirty_note(void *arg)
{
	(void)arg;
	dirty_deferred_ran = true;
}

static void
dirty_then_fail(void)
{
	struct db *db = fx_db();
	const char *dir = fx_tmpdir();

	db_set_now_for_tests(1000000000);
	test_defer(dirty_note, NULL);
	snprintf(dirty_dir, sizeof dirty_dir, "%s", dir != NULL ? dir : "");
	CHECK(db == NULL);		/* fails on purpose: the test ends here */
	db_set_now_for_tests(0);	/* never reached */
}

static void
after_dirty(void)
{
	struct stat sb;

	CHECK(dirty_deferred_ran);
	CHECK_INT(fx_db_open_count(), 0);
	CHECK(dirty_dir[0] != '\0');
	CHECK(stat(dirty_dir, &sb) != 0 && errno == ENOENT);
	CHECK(db_now() >= (int64_t)time(NULL) - 60);	/* the real clock, not 2001 */
}

static bool
runner_self_test(void)
{
	bool dirty_passed;

	quiet = true;
	dirty_passed = run(dirty_then_fail);
	quiet = false;
	if (dirty_passed) {
		printf("  the self-test's failing test passed\n");
		return false;
	}
	return run(after_dirty);
}

int
main(int argc, char **argv)
{
	static const char self_name[] = "runner_undoes_a_failed_test";
	int passed = 0, failed = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (crypto_init() != 0) {
		fprintf(stderr, "crypto_init failed\n");
		return 2;
	}
	if (argc <= 1 || strstr(self_name, argv[1]) != NULL) {
		bool ok = runner_self_test();

		printf("%s %s\n", ok ? "ok" : "FAIL", self_name);
		if (ok)
			passed++;
		else
			failed++;
	}
	for (int i = 0; i < ntests; i++) {
		bool ok;

		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		ok = run(tests[i].fn);
		printf("%s %s\n", ok ? "ok" : "FAIL", tests[i].name);
		fflush(stdout);
		if (ok)
			passed++;
		else
			failed++;
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
