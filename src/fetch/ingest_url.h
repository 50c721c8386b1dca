/* ingest_url.h - `revue ingest URL`: fetch one URL politely and hand its
 * bytes to the ingest readers as if they were a file named by the URL. */
#ifndef RV_INGEST_URL_H
#define RV_INGEST_URL_H

#include "fetch/fetch.h"
#include "ingest/ingest.h"

#include <stdbool.h>

/* Does arg look like an http(s) URL rather than a path? */
bool rv_is_url(const char *arg);

/* Fetch url with f and emit its records through opts (ref = the URL, url
 * and fetched_at filled in). A failed fetch goes to on_reject. Returns
 * RV_OK or the first non-OK status of on_record. */
int rv_ingest_url(rv_fetcher *f, const char *url, const rv_ingest_opts *opts, rv_error *err);

#endif
