/* readers.h - the format readers behind rv_ingest_buffer() (internal). */
#ifndef RV_INGEST_READERS_H
#define RV_INGEST_READERS_H

#include "ingest/ingest.h"

int rv_read_warc(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err);
int rv_read_feed(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err);

#endif
