/* readers.h - the format readers behind rv_ingest_buffer() (internal). */
#ifndef RV_INGEST_READERS_H
#define RV_INGEST_READERS_H

#include "ingest/ingest.h"
#include "core/buf.h"

#include <stdbool.h>

struct rv__gz;

int rv_read_warc(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err);
/* The same from a stream opened on the archive (gzstream.h) and not yet
 * read from, keeping what it has inflated: the reader takes the stream and
 * closes it. */
int rv_read_warc_stream(const char *name, struct rv__gz *s, const rv_ingest_opts *opts,
			rv_error *err);
/* Inflate gzip (or raw deflate) bytes into out, up to out's maximum: false
 * when damaged before anything came out; *more when the stream holds more
 * than out may take (a bomb, or a file to refuse). */
bool rv_inflate(const char *p, size_t n, bool gzip, rv_buf *out, bool *more);
int rv_read_feed(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err);

#endif
