/* analyze.c - the analyzer object and the order of the passes.
 * STUB parts (tokenize, stem, terms) are replaced by the grouping work. */
#include "analyze/analyze.h"

#include <stdlib.h>
#include <string.h>

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

void rv_tokenize(const char *text, size_t len, rv_token_fn fn, void *ctx)
{
	(void)text; (void)len; (void)fn; (void)ctx;
}

size_t rv_stem(rv_analyzer *an, const char *lang, const char *tok, size_t len,
	       char *out, size_t cap)
{
	(void)an; (void)lang;
	size_t n = len < cap - 1 ? len : cap - 1;
	memcpy(out, tok, n);
	out[n] = '\0';
	return n;
}

int rv_is_stopword(const char *lang, const char *tok, size_t len)
{
	(void)lang; (void)tok; (void)len;
	return 0;
}

int rv_analyze(rv_analyzer *an, rv_article *a, rv_error *err)
{
	int rc;
	if (!a->lang || !*a->lang) {
		const char *basis = a->text && *a->text ? a->text : (a->title ? a->title : "");
		const char *lang = rv_detect_language(an, basis, strlen(basis));
		free(a->lang);
		a->lang = strcmp(lang, "und") ? strdup(lang) : NULL;
	}
	if ((rc = rv_find_entities(a, err)) || (rc = rv_find_quotes(a, err)) ||
	    (rc = rv_find_figures(a, err)))
		return rc;
	return RV_OK;
}
