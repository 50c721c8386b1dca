/* entities.c - STUB until the entities pass lands. */
#include "analyze/analyze.h"

int rv_find_entities(rv_article *a, rv_error *err)
{
	(void)a;
	(void)err;
	return RV_OK;
}
