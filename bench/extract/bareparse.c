/* bareparse.c - libxml2's HTML parser alone on the same pages: the
 * practical ceiling for any extractor built on it. Parses every file given
 * (once each, with the flags revue uses) and prints "pages seconds" (CPU
 * time of the parse and free alone; reading the files is not counted). */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int pages = 0;
	double total = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		char *buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
			fclose(f);
			free(buf);
			continue;
		}
		fclose(f);
		double t0 = now();
		htmlDocPtr doc = htmlReadMemory(buf, (int)n, NULL, NULL,
						HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
							HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
							HTML_PARSE_COMPACT);
		if (doc)
			xmlFreeDoc(doc);
		total += now() - t0;
		pages++;
		free(buf);
	}
	printf("%d %.6f\n", pages, total);
	return 0;
}
