/* quotes.c - STUB until the quotes pass lands. */
#include "analyze/analyze.h"

int rv_find_quotes(rv_article *a, rv_error *err)
{
	(void)a;
	(void)err;
	return RV_OK;
}
