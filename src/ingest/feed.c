/* feed.c - RSS/Atom feeds and sitemaps. STUB until the feed reader lands. */
#include "ingest/readers.h"

int rv_read_feed(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err)
{
	(void)data; (void)len; (void)err;
	if (opts->on_reject)
		opts->on_reject(name, "feeds are not supported yet", opts->ctx);
	return RV_OK;
}
