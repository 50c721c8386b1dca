/* bench_warc.c - the WARC reader alone: read an archive through
 * rv_ingest_path() with a callback that only counts, and print records/s
 * and decompressed MB/s. Built and run by bench/warc/run.sh. */
#include "ingest/ingest.h"

#include <stdio.h>
#include <time.h>

struct count {
	size_t records, bytes, rejected;
};

static int on_record(const rv_record *rec, void *ctx)
{
	struct count *c = ctx;
	c->records++;
	c->bytes += rec->len;
	return RV_OK;
}

static void on_reject(const char *ref, const char *reason, void *ctx)
{
	struct count *c = ctx;
	c->rejected++;
	fprintf(stderr, "%s: %s\n", ref, reason);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_warc FILE.warc[.gz]\n");
		return 1;
	}
	struct count c = {0};
	rv_ingest_opts o = {0};
	o.format = RV_FORMAT_WARC;
	o.on_record = on_record;
	o.on_reject = on_reject;
	o.ctx = &c;
	rv_error err;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = rv_ingest_path(argv[1], &o, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("records=%zu html_bytes=%zu rejected=%zu seconds=%.3f records_per_s=%.0f\n",
	       c.records, c.bytes, c.rejected, s, (double)c.records / s);
	return rc ? 1 : 0;
}
