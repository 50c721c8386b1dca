/* test.h - a plain unit-test registry (after libuv's test-list.h).
 *
 * TEST(name) { ... } defines and registers a test; the runner (main.c) runs
 * each in its own forked process with a time limit, so a crash or a leak
 * report fails only that test. ASSERT_* print both sides on failure.
 */
#ifndef RV_TEST_H
#define RV_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*rv_test_fn)(void);
void rv_test_register(const char *name, const char *file, rv_test_fn fn);

#define TEST(name)                                                         \
	static void test_##name(void);                                     \
	__attribute__((constructor)) static void register_##name(void)    \
	{                                                                  \
		rv_test_register(#name, __FILE__, test_##name);           \
	}                                                                  \
	static void test_##name(void)

#define TEST_FAIL(...)                                                     \
	do {                                                               \
		fprintf(stderr, "  %s:%d: ", __FILE__, __LINE__);         \
		fprintf(stderr, __VA_ARGS__);                              \
		fprintf(stderr, "\n");                                     \
		exit(1);                                                   \
	} while (0)

#define ASSERT(cond)                                                       \
	do {                                                               \
		if (!(cond))                                               \
			TEST_FAIL("assertion failed: %s", #cond);          \
	} while (0)

#define ASSERT_EQ(a, b)                                                    \
	do {                                                               \
		long long a_ = (long long)(a), b_ = (long long)(b);        \
		if (a_ != b_)                                              \
			TEST_FAIL("%s == %s: %lld != %lld", #a, #b, a_, b_); \
	} while (0)

#define ASSERT_STR_EQ(a, b)                                                \
	do {                                                               \
		const char *a_ = (a), *b_ = (b);                           \
		if (!a_ || !b_ || strcmp(a_, b_))                          \
			TEST_FAIL("%s == %s:\n    got      \"%s\"\n    expected \"%s\"", \
				  #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)

#define ASSERT_CONTAINS(hay, needle)                                       \
	do {                                                               \
		const char *h_ = (hay), *n_ = (needle);                    \
		if (!h_ || !strstr(h_, n_))                                \
			TEST_FAIL("%s should contain \"%s\":\n    \"%.300s\"", #hay, n_, \
				  h_ ? h_ : "(null)");                     \
	} while (0)

#define ASSERT_NOT_CONTAINS(hay, needle)                                   \
	do {                                                               \
		const char *h_ = (hay), *n_ = (needle);                    \
		if (h_ && strstr(h_, n_))                                  \
			TEST_FAIL("%s should not contain \"%s\"", #hay, n_); \
	} while (0)

/* Path of a fixture under tests/fixtures (tests run from the repo root). */
#define FIXTURE(name) ("tests/fixtures/" name)

/* Read a whole file into a malloc'd NUL-terminated buffer (test helper). */
char *rv_test_read_file(const char *path, size_t *len);

#endif
