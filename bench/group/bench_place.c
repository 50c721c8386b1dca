/* bench_place.c - grouping alone: rv_grouper_place() on precomputed features.
 *
 * usage: bench_place FILE.jsonl
 * Reads articles (title, text, published) in chunks of CHUNK, analyzes each
 * chunk untimed (tokens, stems, terms), then times placing the chunk and
 * flushing its events (to a callback that only counts, no store). Prints
 * articles/s for each 100,000 articles of the stream, so a growing cost per article
 * shows, and the total. Times are CPU time of this process (the machine is
 * shared; wall clock would measure the neighbours), and the work per
 * article counted by the grouper (index postings walked, article-to-event
 * and merge-check cosines), which the noise does not move.
 */
#include "analyze/analyze.h"
#include "group/group.h"
#include "pipeline/pipeline.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK 10000

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_event(const rv_event *ev, void *ctx)
{
	(void)ev;
	(*(size_t *)ctx)++;
	return RV_OK;
}

static char *dup_field(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? strdup(s) : NULL;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_place FILE.jsonl\n");
		return 1;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	rv_error err = { 0 };
	rv_group_config cfg;
	rv_group_config_default(&cfg);
	/* $REVUE_GROUP_CONFIG / $REVUE_GROUP, as revue reads them */
	if (rv_group_config_from_env(&cfg, &err)) {
		fprintf(stderr, "bench_place: %s\n", err.msg);
		return 2;
	}
	rv_analyzer *an;
	rv_grouper *g;
	if (rv_analyzer_new(&an, &err) || rv_grouper_new(&cfg, &g, &err)) {
		fprintf(stderr, "bench_place: %s\n", err.msg);
		return 3;
	}
	rv_article *chunk = calloc(CHUNK, sizeof *chunk);
	char *line = NULL;
	size_t cap = 0, total = 0, saved = 0;
	double placing = 0, analyzing = 0, window_t = 0;
	size_t window_n = 0;
	rv_group_work last = { 0 };
	int64_t max_event = 0;
	bool eof = false;
	while (!eof) {
		size_t n = 0;
		double t0 = now();
		while (n < CHUNK) {
			if (getline(&line, &cap, f) < 0) {
				eof = true;
				break;
			}
			json_t *o = json_loads(line, 0, NULL);
			if (!o)
				continue;
			rv_article *a = &chunk[n];
			rv_article_init(a);
			a->title = dup_field(o, "title");
			a->text = dup_field(o, "text");
			a->published = dup_field(o, "published");
			json_decref(o);
			if (rv_analyze(an, a, &err)) {
				rv_article_release(a);
				continue;
			}
			n++;
		}
		double t1 = now();
		for (size_t i = 0; i < n; i++) {
			if (rv_grouper_place(g, &chunk[i], &err)) {
				fprintf(stderr, "bench_place: %s\n", err.msg);
				return 3;
			}
			if (chunk[i].event > max_event)
				max_event = chunk[i].event;
		}
		rv_grouper_flush(g, count_event, &saved);
		double t2 = now();
		for (size_t i = 0; i < n; i++)
			rv_article_release(&chunk[i]);
		analyzing += t1 - t0;
		placing += t2 - t1;
		total += n;
		window_t += t2 - t1;
		window_n += n;
		if (window_n >= 100000 || (eof && window_n)) {
			/* the work per article, which the machine's noise does not move */
			rv_group_work w;
			rv_grouper_work(g, &w);
			double per = (double)(w.placed - last.placed);
			printf("  at %8zu: %9.0f articles/s (last %zu); per article: %.1f postings, %.1f + %.1f cosines\n",
			       total, window_n / window_t, window_n, (double)(w.postings - last.postings) / per,
			       (double)(w.compared - last.compared) / per, (double)(w.merge_compared - last.merge_compared) / per);
			last = w;
			window_t = 0;
			window_n = 0;
		}
	}
	printf("articles=%zu events=%lld saved_events=%zu group_s=%.2f group_per_s=%.0f analyze_per_s=%.0f\n",
	       total, (long long)max_event, saved, placing, total / placing, total / analyzing);
	free(line);
	free(chunk);
	fclose(f);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return 0;
}
