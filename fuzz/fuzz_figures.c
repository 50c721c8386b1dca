/* Figures: numbers in a dozen written forms, units, ranges, qualifiers.
 * Input: one byte choosing the language, then the text (made valid UTF-8
 * first, as the pipeline does before analysis). */

#include "analyze/facts.h"
#include "core/article.h"
#include "core/utf8.h"
#include "fuzz_common.h"

static const char *const langs[] = { "fr", "en", "de", "es", "it", "pt", "und" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
	char *text = rv_utf8_clean((const char *)data + 1, size - 1, NULL);
	if (!text)
		return 0;
	rv_article a;
	rv_article_init(&a);
	a.text = text;
	a.lang = strdup(lang);
	if (a.lang && rv_find_figures(&a, NULL) == RV_OK) {
		char key[256];
		for (size_t i = 0; i < a.n_figures; i++) {
			const rv_figure *f = &a.figures[i];
			if (!f->text || !rv_utf8_valid(f->text, strlen(f->text)))
				abort(); /* a figure's text is shown and stored as UTF-8 */
			size_t n = rv_figure_unit_key(f->unit, key, sizeof key);
			if (n >= sizeof key)
				abort();
			if (i > 0)
				rv_figure_compatible(f->value, f->value_max, a.figures[0].value,
				                     a.figures[0].value_max);
		}
	}
	rv_article_release(&a);
	return 0;
}
