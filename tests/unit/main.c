/* Runs every registered unit test; see test.h. */
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include "test.h"
#include "lib/crypto.h"

struct test { const char *name; test_fn fn; };
static struct test tests[1024];
static int ntests;
bool test_failed;

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
	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

int
main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (crypto_init() != 0) {
		fprintf(stderr, "crypto_init failed\n");
		return 2;
	}
	for (int i = 0; i < ntests; i++) {
		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		test_failed = false;
		tests[i].fn();
		printf("%s %s\n", test_failed ? "FAIL" : "ok", tests[i].name);
		fflush(stdout);
		if (test_failed)
			failed++;
		else
			passed++;
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
