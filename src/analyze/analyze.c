/* analyze.c - STUB until the analyzer lands. */
#include "analyze/analyze.h"

#include <stdlib.h>

struct rv_analyzer {
	int unused;
};

int rv_analyzer_new(rv_analyzer **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	return *out ? RV_OK : rv_fail(err, RV_ENOMEM, "out of memory");
}

void rv_analyzer_free(rv_analyzer **a)
{
	if (a) {
		free(*a);
		*a = NULL;
	}
}

int rv_analyze(rv_analyzer *an, rv_article *a, rv_error *err)
{
	(void)an; (void)a; (void)err;
	return RV_OK;
}
