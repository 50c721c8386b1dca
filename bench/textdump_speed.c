/* textdump_speed.c - rv_extract() alone on text dumps, in one process:
 * the cost of the text-dump extractor (plus extract.c's UTF-8 repair and
 * content hash) without the analysis, the store or the JSON output.
 *
 *   cc -O2 -Isrc $(pkg-config --cflags libxml-2.0) -o build/textdump_speed \
 *      bench/textdump_speed.c $(find build/rel/src -name '*.o' ! -name main.o) \
 *      $(pkg-config --libs libxml-2.0 libexttextcat jansson sqlite3 libutf8proc \
 *        zlib libdeflate libxxhash libcurl libmicrohttpd) -lstemmer -lm -lpthread
 *   build/textdump_speed ROUNDS FILE...
 */
#include "core/article.h"
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s ROUNDS FILE...\n", argv[0]);
		return 1;
	}
	long rounds = strtol(argv[1], NULL, 10);
	int nf = argc - 2;
	char **data = calloc((size_t)nf, sizeof *data);
	size_t *len = calloc((size_t)nf, sizeof *len);
	size_t bytes = 0;
	for (int i = 0; i < nf; i++) {
		FILE *f = fopen(argv[i + 2], "rb");
		if (!f)
			return 1;
		fseek(f, 0, SEEK_END);
		len[i] = (size_t)ftell(f);
		fseek(f, 0, SEEK_SET);
		data[i] = malloc(len[i] + 1);
		if (fread(data[i], 1, len[i], f) != len[i])
			return 1;
		fclose(f);
		bytes += len[i];
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	long n = 0, ok = 0;
	for (long r = 0; r < rounds; r++)
		for (int i = 0; i < nf; i++) {
			rv_record rec = {.data = data[i],
			                 .len = len[i],
			                 .format = RV_FORMAT_TEXT,
			                 .ref = argv[i + 2]};
			rv_article a;
			rv_article_init(&a);
			rv_error err;
			if (!rv_extract(&rec, &a, &err))
				ok++;
			rv_article_release(&a);
			n++;
		}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf(
	    "%ld dumps (%ld ok, %.1f KiB each on average) in %.3f s CPU: %.0f dumps/s, %.1f MB/s\n",
	    n, ok, (double)bytes / nf / 1024, s, (double)n / s,
	    (double)bytes * (double)rounds / s / 1e6);
	for (int i = 0; i < nf; i++)
		free(data[i]);
	free(data);
	free(len);
	return 0;
}
