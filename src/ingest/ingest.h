/* ingest.h - readers that turn files, directories and stdin into raw records.
 *
 * ingest knows formats and transport, nothing about news. rv_ingest_path()
 * walks a path (a file, a directory recursively, or "-" for stdin), sniffs
 * each file's format unless one is forced, and hands every record to
 * on_record. Inputs that cannot be read or are rejected (empty, binary, too
 * large, malformed line) go to on_reject with a reason and the walk carries
 * on: one bad input never stops a batch.
 */
#ifndef RV_INGEST_H
#define RV_INGEST_H

#include "core/article.h"
#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>

/* Files larger than this are rejected whole (a 200 MB "page" is junk), and
 * so is a gzip file of one that inflates to more. */
#define RV_INGEST_MAX_FILE ((size_t)64 << 20)
/* A WARC or JSONL file may be larger: it is read record by record (a gzip
 * file of one is inflated into a temporary file, up to this bound too). */
#define RV_INGEST_MAX_STREAM ((size_t)16 << 30)
/* Standard input cannot be mapped: it is read into memory, so it gets a
 * bound the machine can hold (a larger stream: give its path instead). */
#define RV_INGEST_MAX_STDIN ((size_t)1 << 30)
/* Longest JSONL line / single record accepted. */
#define RV_INGEST_MAX_RECORD ((size_t)32 << 20)
/* Authors or tags one record may name (JSONL lists, feed creators and
 * categories): more is a broken feed, not a byline. */
#define RV_INGEST_MAX_NAMES 64

/* Return RV_OK to go on, anything else stops the walk (e.g. a store failure). */
typedef int (*rv_record_fn)(const rv_record *rec, void *ctx);
typedef void (*rv_reject_fn)(const char *ref, const char *reason, void *ctx);

typedef struct rv_ingest_opts {
	rv_format format;        /* RV_FORMAT_AUTO to sniff */
	rv_record_fn on_record;
	rv_reject_fn on_reject;
	void *ctx;
} rv_ingest_opts;

/* Walk path and emit records. Returns RV_OK when the walk finished (even if
 * inputs were rejected), or the first non-OK status of on_record. */
int rv_ingest_path(const char *path, const rv_ingest_opts *opts, rv_error *err);

/* Emit the records of one in-memory input named name (used for refs). */
int rv_ingest_buffer(const char *name, const char *data, size_t len,
		     const rv_ingest_opts *opts, rv_error *err);

/* Guess the format of bytes (name may help: ".html", ".jsonl", ".warc.gz"). */
rv_format rv_sniff_format(const char *data, size_t len, const char *name);

/* Format readers: each emits the records found in one whole input. */
int rv_read_jsonl(const char *name, const char *data, size_t len,
		  const rv_ingest_opts *opts, rv_error *err);

#endif
