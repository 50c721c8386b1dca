/* The unit-test runner: runs every registered test in a child process. */
#include "test.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

struct test_entry {
	const char *name;
	const char *file;
	rv_test_fn fn;
};

static struct test_entry tests[1024];
static size_t n_tests;

void rv_test_register(const char *name, const char *file, rv_test_fn fn)
{
	if (n_tests < sizeof tests / sizeof *tests)
		tests[n_tests++] = (struct test_entry){ name, file, fn };
}

char *rv_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		TEST_FAIL("cannot open fixture %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		TEST_FAIL("cannot read fixture %s", path);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;
	for (size_t i = 0; i < n_tests; i++) {
		if (only && !strstr(tests[i].name, only) && !strstr(tests[i].file, only))
			continue;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			alarm(120);
			tests[i].fn();
			exit(0);
		}
		int status = 0;
		waitpid(pid, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			passed++;
			printf("ok   %s\n", tests[i].name);
		} else {
			failed++;
			if (WIFSIGNALED(status))
				printf("FAIL %s (%s, signal %d)\n", tests[i].name, tests[i].file,
				       WTERMSIG(status));
			else
				printf("FAIL %s (%s)\n", tests[i].name, tests[i].file);
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
