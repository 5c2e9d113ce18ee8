/* A tiny unit-test harness. Each TEST registers itself at load time; the
 * runner (main.c) runs them all in order of registration, or those whose
 * name contains argv[1], and prints one line per test:
 *   ok <name>            / FAIL <name>: <file>:<line>: <what>
 * and at the end "unit: N passed, N failed". A failed CHECK stops its test.
 *
 * Because a test can stop anywhere, it does not clean up after itself: what
 * it takes from the fixture (fixture.h) is given back by the runner after
 * the test, passed or failed, and the runner puts back the library's
 * test-settable globals (the pinned clock above all) before each test. */
#ifndef TEST_H
#define TEST_H
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
void test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
extern bool test_failed;

/* Runs fn(arg) once the running test has ended, however it ended; the last
 * registered runs first. For the fixture: a test's own clean-up after its
 * last CHECK never runs when an earlier CHECK fails. */
void test_defer(void (*fn)(void *), void *arg);

#define TEST(name) \
	static void test_##name(void); \
	__attribute__((constructor)) static void reg_##name(void) \
	{ test_register(#name, test_##name); } \
	static void test_##name(void)

#define CHECK(cond) do { if (!(cond)) { \
	test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); return; } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { test_fail(__FILE__, __LINE__, "%s == %lld, expected %s == %lld", \
	    #a, a_, #b, b_); return; } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) { \
	test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, \
	    a_ ? a_ : "(null)", b_ ? b_ : "(null)"); return; } } while (0)

#endif
