/* fuzz_common.h - shared bits of the fuzz targets (libFuzzer entry points). */
#ifndef RV_FUZZ_COMMON_H
#define RV_FUZZ_COMMON_H

#include "analyze/analyze.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (NULL when out of memory); the
 * caller frees it. Readers of C strings stop at the first NUL in it. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* Extract (and analyze) every record an ingest reader yields. */
static inline int fuzz_on_record(const rv_record *rec, void *ctx)
{
	rv_analyzer *an = ctx;
	rv_article a;
	rv_article_init(&a);
	if (rv_extract(rec, &a, NULL) == RV_OK && an)
		rv_analyze(an, &a, NULL);
	char *json = rv_article_to_json(&a);
	free(json);
	rv_article_release(&a);
	return RV_OK;
}

static inline void fuzz_on_reject(const char *ref, const char *reason, void *ctx)
{
	(void)ref;
	(void)reason;
	(void)ctx;
}

/* One analyzer for the whole run, as the pipeline keeps one for a whole
 * batch: making one per input (language profiles, tables) cost 20 times the
 * analysis itself. Reachable from here until exit, so no leak to report. */
static inline rv_analyzer *fuzz_analyzer(void)
{
	static rv_analyzer *an;
	if (!an)
		rv_analyzer_new(&an, NULL);
	return an;
}

/* Run bytes through the reader of one format, then extract + analyze. */
static inline void fuzz_ingest(const uint8_t *data, size_t size, rv_format fmt, bool analyze)
{
	rv_ingest_opts o = { fmt, fuzz_on_record, fuzz_on_reject, analyze ? fuzz_analyzer() : NULL };
	rv_ingest_buffer("fuzz-input", (const char *)data, size, &o, NULL);
}

#endif
