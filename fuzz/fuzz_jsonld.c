/* JSON-LD metadata: the input is the body of a <script type="application/
 * ld+json"> in an otherwise plain news page, so every byte reaches the JSON
 * parser and the schema.org walk (authors, dates, @graph, arrays). */

#include "fuzz_common.h"

static const char head[] = "<!DOCTYPE html><html lang=\"fr\"><head><title>Titre - Site</title>"
                           "<script type=\"application/ld+json\">";
static const char tail[] = "</script></head><body><article><h1>Titre</h1><p>Le porte-parole a "
                           "annoncé 8 500 soldats en alerte, a-t-il déclaré lundi.</p><p>Un "
                           "second paragraphe assez long pour compter comme un texte.</p>"
                           "</article></body></html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return 0;
	size_t n = sizeof head - 1 + size + sizeof tail - 1;
	char *page = malloc(n);
	if (!page)
		return 0;
	memcpy(page, head, sizeof head - 1);
	memcpy(page + sizeof head - 1, data, size);
	memcpy(page + sizeof head - 1 + size, tail, sizeof tail - 1);
	fuzz_ingest((const uint8_t *)page, n, RV_FORMAT_HTML, false);
	free(page);
	return 0;
}
