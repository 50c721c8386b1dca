/* The FTS tokenizer and the query builder.
 *
 * Input: one selector byte, then text. The selector picks the language
 * (none, fr, en, de, und, a bogus code) and the text goes through
 * rv_search_tokens (what the index would hold), rv_search_match_expr (the
 * FTS5 expression a user query becomes) and rv_search over a tiny in-memory
 * store. The query builder promises that no user text is FTS5 syntax, so
 * any error other than "no word to search for" aborts. */
#include "fuzz_store.h"
#include "store/search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_token(const char *tok, size_t len, void *ctx)
{
	size_t *n = ctx;
	if (len == 0 || !tok) {
		fprintf(stderr, "fuzz_search: empty token\n");
		abort();
	}
	(*n)++;
	return 0;
}

static int count_hit(const rv_search_hit *h, void *ctx)
{
	int *n = ctx;
	if (!h->title || !h->snippet)
		abort();
	(*n)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { NULL, "fr", "en", "de", "und", "x\x01y" };
	if (size < 1 || size > (size_t)64 * 1024)
		return 0;
	const char *lang = langs[data[0] % (sizeof langs / sizeof *langs)];
	char *text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';

	size_t ntok = 0;
	rv_search_tokens(text, lang, count_token, &ntok);
	free(rv_search_match_expr(text, lang));

	rv_search_query q = { 0 };
	q.q = text;
	q.f.lang = lang;
	q.f.limit = 1 + data[0] % 7;
	if (data[0] & 0x80)
		q.entity = "Anne Morel";
	int hits = 0;
	rv_error err;
	int rc = rv_search(fuzz_store_get(), &q, count_hit, &hits, &err);
	if (rc != RV_OK && rc != RV_EINPUT) {
		fprintf(stderr, "fuzz_search: rc %d: %s\n", rc, err.msg);
		abort();
	}
	free(text);
	return 0;
}
