/* warc.c - WARC archives. STUB until the WARC reader lands. */
#include "ingest/readers.h"

int rv_read_warc(const char *name, const char *data, size_t len,
		 const rv_ingest_opts *opts, rv_error *err)
{
	(void)data; (void)len; (void)err;
	if (opts->on_reject)
		opts->on_reject(name, "WARC archives are not supported yet", opts->ctx);
	return RV_OK;
}
