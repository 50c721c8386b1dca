/* bench_analyze.c - articles/s of the entity, quote and figure passes alone
 * (no extraction, no store) over the "text" of every line of JSONL files, with
 * the line's "lang" when it has one (as the pipeline has by then).
 *
 * usage: bench_analyze [--rounds N] FILE.jsonl ...   (built by run.sh)
 */
#include "analyze/analyze.h"
#include "core/article.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long rounds = 3;
	rv_strlist texts, langs;
	rv_strlist_init(&texts);
	rv_strlist_init(&langs);
	size_t bytes = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rounds") && i + 1 < argc) {
			rounds = strtol(argv[++i], NULL, 10);
			continue;
		}
		FILE *f = fopen(argv[i], "r");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		char *line = NULL;
		size_t cap = 0;
		while (getline(&line, &cap, f) > 0) {
			json_t *o = json_loads(line, 0, NULL);
			const char *t = json_string_value(json_object_get(o, "text"));
			const char *l = json_string_value(json_object_get(o, "lang"));
			if (t) {
				rv_strlist_push(&texts, t);
				rv_strlist_push(&langs, l ? l : "");
				bytes += strlen(t);
			}
			json_decref(o);
		}
		free(line);
		fclose(f);
	}
	if (!texts.len) {
		fprintf(stderr, "usage: bench_analyze [--rounds N] FILE.jsonl ...\n");
		return 1;
	}
	size_t ents = 0, quotes = 0, figures = 0;
	double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (long r = 0; r < rounds; r++) {
		for (size_t i = 0; i < texts.len; i++) {
			rv_article a;
			rv_article_init(&a);
			a.text = strdup(texts.items[i]);
			if (langs.items[i][0])
				a.lang = strdup(langs.items[i]);
			rv_error err;
			rv_error_clear(&err);
			if (rv_find_entities(&a, &err) || rv_find_quotes(&a, &err) ||
			    rv_find_figures(&a, &err)) {
				fprintf(stderr, "error: %s\n", err.msg);
				return 1;
			}
			ents += a.n_entities;
			quotes += a.n_quotes;
			figures += a.n_figures;
			rv_article_release(&a);
		}
	}
	double secs = now(CLOCK_MONOTONIC) - t0, cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	double n = (double)texts.len * rounds;
	/* CPU time, not wall time: the machine is shared, and the target is per core */
	printf("%zu texts (%.1f MB) x %ld rounds: %.2fs CPU (%.2fs wall): %.0f articles/s per core, "
	       "%.1f MB/s (%zu entities, %zu quotes, %zu figures per round)\n",
	       texts.len, bytes / 1e6, rounds, cpu, secs, n / cpu, bytes * rounds / 1e6 / cpu,
	       ents / rounds, quotes / rounds, figures / rounds);
	rv_strlist_release(&texts);
	rv_strlist_release(&langs);
	return 0;
}
