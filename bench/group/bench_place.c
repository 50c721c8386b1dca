/* bench_place.c - grouping alone: rv_grouper_place() on precomputed features.
 *
 * usage: bench_place FILE.jsonl [--reference]
 * Reads articles (title, text, published) in chunks of CHUNK, analyzes each
 * chunk untimed (tokens, stems, terms), then times placing the chunk and
 * flushing its events (to a callback that only counts, no store). Prints
 * articles/s for each 100,000 articles of the stream, so a growing cost per article
 * shows, and the total. Times are CPU time of this process (the machine is
 * shared; wall clock would measure the neighbours), and the work per
 * article counted by the grouper (index postings walked, article-to-event
 * and merge-check cosines), which the noise does not move.
 *
 * --reference keeps the stream's first CHUNK articles and, after placing
 * each later chunk, places them again into a fresh grouper: the throughput
 * at 10k measured right beside each chunk of the long run (before it and
 * after it in turn), under the same load of the machine. A shared
 * machine's speed drifts by a third from one minute to the next, so a 10k
 * run and a 1M run taken apart compare the machine, not the grouper; the
 * median of the paired ratios does not.
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

/* Place the reference articles into a fresh grouper; articles/s, 0 on
 * failure (said on stderr). Not inlined, so that a profile tells its
 * placements from the long run's. */
__attribute__((noinline)) static double place_reference(const rv_group_config *cfg, rv_article *ref, size_t n)
{
	rv_error err = { 0 };
	rv_grouper *g;
	if (rv_grouper_new(cfg, &g, &err)) {
		fprintf(stderr, "bench_place: reference: %s\n", err.msg);
		return 0;
	}
	size_t saved = 0;
	double t0 = now();
	int rc = RV_OK;
	for (size_t i = 0; i < n && rc == RV_OK; i++)
		rc = rv_grouper_place(g, &ref[i], &err);
	if (rc == RV_OK)
		rc = rv_grouper_flush(g, count_event, &saved);
	double t = now() - t0;
	rv_grouper_free(&g);
	if (rc != RV_OK) {
		fprintf(stderr, "bench_place: reference: %s\n", err.msg[0] ? err.msg : "flush failed");
		return 0;
	}
	return t > 0 ? n / t : 0;
}

typedef struct double_list {
	double *v;
	size_t n, cap;
} double_list;

static bool push(double_list *l, double x)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? 2 * l->cap : 64;
		double *nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return false;
		l->v = nv;
		l->cap = nc;
	}
	l->v[l->n++] = x;
	return true;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Sorts the list. */
static double median(double_list *l)
{
	qsort(l->v, l->n, sizeof *l->v, by_value);
	return l->v[l->n / 2];
}

static char *dup_field(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? strdup(s) : NULL;
}

int main(int argc, char **argv)
{
	bool reference = argc == 3 && !strcmp(argv[2], "--reference");
	if (argc != 2 && !reference) {
		fprintf(stderr, "usage: bench_place FILE.jsonl [--reference]\n");
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
	if (!chunk) {
		fprintf(stderr, "bench_place: out of memory\n");
		return 3;
	}
	rv_article *ref = NULL; /* --reference: the first chunk, kept */
	size_t n_ref = 0, chunks = 0;
	double_list all = { 0 }, window = { 0 }, refs = { 0 };
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
		/* the reference placed before the chunk every other time: one
		 * of the two runs right after the analysis, whose own data has
		 * pushed the grouper's out of the caches */
		double analyzed_at = now();
		double r = ref && n && chunks % 2 ? place_reference(&cfg, ref, n_ref) : 0;
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
		if (ref && n) {
			if (!(chunks % 2))
				r = place_reference(&cfg, ref, n_ref);
			if (r <= 0)
				return 3;
			double x = n / (t2 - t1) / r;
			if (!push(&all, x) || !push(&window, x) || !push(&refs, r)) {
				fprintf(stderr, "bench_place: out of memory\n");
				return 3;
			}
		}
		if (reference && !ref) {
			/* keep this chunk; read the next into a new one */
			ref = chunk;
			n_ref = n;
			chunk = calloc(CHUNK, sizeof *chunk);
			if (!chunk) {
				fprintf(stderr, "bench_place: out of memory\n");
				return 3;
			}
		} else {
			for (size_t i = 0; i < n; i++)
				rv_article_release(&chunk[i]);
		}
		chunks++;
		analyzing += analyzed_at - t0;
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
			if (window.n) {
				printf("             first %zu again beside each chunk: median %9.0f articles/s; "
				       "the chunks at a median %.0f %% of it\n",
				       n_ref, median(&refs), 100 * median(&window));
				window.n = refs.n = 0;
			}
			window_t = 0;
			window_n = 0;
		}
	}
	printf("articles=%zu events=%lld saved_events=%zu group_s=%.2f group_per_s=%.0f analyze_per_s=%.0f\n",
	       total, (long long)max_event, saved, placing, total / placing, total / analyzing);
	if (all.n)
		printf("chunks after the first against the first %zu placed beside them: median %.0f %% (%zu chunks)\n",
		       n_ref, 100 * median(&all), all.n);
	free(all.v);
	free(window.v);
	free(refs.v);
	for (size_t i = 0; i < n_ref; i++)
		rv_article_release(&ref[i]);
	free(ref);
	free(line);
	free(chunk);
	fclose(f);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return 0;
}
