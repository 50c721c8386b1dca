/* html.c - main text and metadata from an HTML page (libxml2). STUB: replaced by the HTML extractor. */
#include "extract/extract.h"

int rv_extract_html(const char *text, size_t len, const rv_record *rec,
		    rv_article *out, rv_error *err)
{
	(void)text; (void)len; (void)rec; (void)out;
	return rv_fail(err, RV_EINPUT, "HTML extraction not implemented yet");
}
