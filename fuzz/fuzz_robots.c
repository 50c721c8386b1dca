/* robots.txt: input "AGENT\nPATH\nrobots.txt text". */

#include "fetch/fetch.h"
#include "fuzz_common.h"

#include <math.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	if (!s)
		return 0;
	char *agent = s, *path = "/", *robots = NULL;
	char *nl = strchr(s, '\n');
	if (nl) {
		*nl = '\0';
		path = nl + 1;
		nl = strchr(path, '\n');
		if (nl) {
			*nl = '\0';
			robots = nl + 1;
		}
	}
	/* robots.txt is bytes with a length, not a C string: keep NULs in it */
	size_t robots_len = robots ? size - (size_t)(robots - s) : 0;
	double delay = 0;
	rv_robots_allows(robots ? robots : "", robots_len, agent, path, &delay);
	if (delay < 0 || isnan(delay))
		abort(); /* a Crawl-delay the fetcher would sleep on */
	free(s);
	return 0;
}
