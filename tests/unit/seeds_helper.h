/* seeds_helper.h - load a seed file of ../shared/seeds as an article body for
 * the analysis tests (they skip when the seeds are absent). */
#ifndef RV_TEST_SEEDS_HELPER_H
#define RV_TEST_SEEDS_HELPER_H

#include "analyze/analyze.h"
#include "core/article.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fill a with the seed whose name starts with prefix ("002"), run the
 * entity, quote and figure passes; false when the seeds are absent. */
static inline bool seed_article(const char *prefix, rv_article *a)
{
	DIR *d = opendir("../shared/seeds");
	if (!d) {
		fprintf(stderr, "  (skipped: ../shared/seeds is absent)\n");
		return false;
	}
	struct dirent *e;
	char path[512] = "";
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix)))
			snprintf(path, sizeof path, "../shared/seeds/%s", e->d_name);
	closedir(d);
	if (!*path)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	size_t got = buf ? fread(buf, 1, (size_t)n, f) : 0;
	fclose(f);
	if (!buf)
		return false;
	buf[got] = '\0';
	rv_article_init(a);
	a->text = buf;
	rv_error err;
	rv_error_clear(&err);
	if (rv_find_entities(a, &err) || rv_find_quotes(a, &err) || rv_find_figures(a, &err))
		return false;
	return true;
}

#endif
