/* textdump.c - article from a crawler's text dump. STUB: whole text as one paragraph. */
#include "extract/extract.h"

int rv_extract_textdump(const char *text, size_t len, const rv_record *rec,
			rv_article *out, rv_error *err)
{
	(void)len; (void)rec; (void)err;
	return rv_strlist_push(&out->paragraphs, text);
}
