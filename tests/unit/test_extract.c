/* Tests of src/extract/extract.c: what every article gets whatever its
 * format - record overrides, ISO dates, language codes, safe URLs, text
 * encodings and the content hash. */
#include "test.h"
#include "extract/extract.h"
#include "core/utf8.h"

#include <xxhash.h>

static rv_record plain(const char *ref, const char *text)
{
	rv_record r = { 0 };
	r.ref = ref;
	r.data = text;
	r.len = strlen(text);
	r.format = RV_FORMAT_TEXT;
	r.plain = true;
	return r;
}

TEST(extract_record_fields_win_and_dates_become_iso)
{
	rv_record r = plain("id-1", "Premier paragraphe.\nSecond paragraphe.");
	r.title = "  Un   titre  ";
	r.published = "Mon, 24 Jan 2022 11:48:00 +0100";
	r.url = "https://x.example/a";
	r.source = "Le Courrier";
	r.lang = "fr-FR";
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	ASSERT_EQ(rv_extract(&r, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.ref, "id-1");
	ASSERT_STR_EQ(a.title, "Un titre");
	ASSERT_STR_EQ(a.published, "2022-01-24T11:48:00+01:00");
	ASSERT_STR_EQ(a.published_source, "input");
	ASSERT_STR_EQ(a.url, "https://x.example/a");
	ASSERT_STR_EQ(a.source, "Le Courrier");
	ASSERT_STR_EQ(a.lang, "fr");
	ASSERT_EQ(a.paragraphs.len, 2);
	ASSERT_STR_EQ(a.text, "Premier paragraphe.\n\nSecond paragraphe.");
	ASSERT(a.content_hash && strlen(a.content_hash) == 16);
	rv_article_release(&a);
}

TEST(extract_rejects_bad_dates_urls_and_empty_text)
{
	rv_record r = plain("id-2", "Du texte.");
	r.published = "99999-01-01";
	r.url = "http://x.example/a\r\nSet-Cookie: x=1";
	r.lang = "??";
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_extract(&r, &a, NULL), RV_OK);
	ASSERT(a.published == NULL || strncmp(a.published, "9999", 4));
	ASSERT(a.url == NULL);
	ASSERT(a.lang == NULL);
	rv_article_release(&a);

	rv_record e = plain("id-3", "   \n \n");
	rv_article b;
	rv_article_init(&b);
	rv_error err;
	ASSERT_EQ(rv_extract(&e, &b, &err), RV_EINPUT);
	ASSERT_CONTAINS(err.msg, "no article text");
	rv_article_release(&b);
}

TEST(extract_reads_windows_1252_text)
{
	rv_record r = plain("cp", "Caf\xe9 cr\xe8me \x80 5 \x93guillemets\x94");
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_extract(&r, &a, NULL), RV_OK);
	ASSERT_STR_EQ(a.text, "Café crème € 5 “guillemets”");
	rv_article_release(&a);
}

TEST(content_hash_ignores_layout_case_and_punctuation)
{
	char *h1 = rv_text_hash("Les dockers sont en grève.\n\nLe port est bloqué !");
	char *h2 = rv_text_hash("LES DOCKERS sont en grève -- le port est bloqué");
	char *h3 = rv_text_hash("Les dockers ont repris le travail.");
	ASSERT_STR_EQ(h1, h2);
	ASSERT(strcmp(h1, h3));
	free(h1);
	free(h2);
	free(h3);
}

/* The hash as defined: the whole text folded by utf8proc, letters and
 * digits kept with one space between words. rv_text_hash folds piecewise
 * for speed and must give the same value. */
static char *reference_hash(const char *text)
{
	char *f = rv_utf8_fold(text);
	if (!f)
		return NULL;
	char *w = f;
	bool space = false;
	const char *p = f, *end = f + strlen(f);
	while (p < end) {
		const char *start = p;
		int32_t cp = rv_utf8_next(&p, end);
		if (rv_cp_is_alnum(cp)) {
			if (space && w > f)
				*w++ = ' ';
			space = false;
			memmove(w, start, (size_t)(p - start));
			w += p - start;
		} else {
			space = true;
		}
	}
	char *hex = malloc(17);
	snprintf(hex, 17, "%016llx", (unsigned long long)XXH3_64bits(f, (size_t)(w - f)));
	free(f);
	return hex;
}

TEST(content_hash_equals_the_whole_text_fold)
{
	/* marks after ASCII letters (compose, then stripped), marks in odd
	 * order, expanding folds, Hangul jamo, Greek finals, CJK, ligatures,
	 * marks after spaces, punctuation runs, invalid bytes */
	static const char *const parts[] = {
		"Cafe\xcc\x81", "e\xcc\x81\xcc\xa3t", "STRA\xc3\x9f" "E", "\xef\xac\x81n",
		"\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", "\xce\xa3\xce\x9f\xce\xa6\xce\x9f\xce\xa3",
		"\xe4\xb8\xad\xe6\x96\x87", " \xcc\x81x", "\xe2\x80\x94", "--", "K\xe2\x84\xaa",
		"\xc4\xb0stanbul", "\xd0\x99\xd0\xbe\xd0\xb4", "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7",
		"\xe2\x85\xa0", "A\xcc\x8a", "n\xcc\x83", "\xc2\xa0", "\n\n", " ", "x", "42",
	};
	size_t np = sizeof parts / sizeof *parts;
	for (size_t i = 0; i < np; i++) {
		char *a = rv_text_hash(parts[i]), *b = reference_hash(parts[i]);
		ASSERT(a && b);
		ASSERT_STR_EQ(a, b);
		free(a);
		free(b);
	}
	/* long mixed texts (buffer flushes), and a long run without ASCII */
	uint32_t seed = 7;
	for (int round = 0; round < 20; round++) {
		char text[20000];
		size_t k = 0;
		while (k + 64 < sizeof text) {
			seed = seed * 1103515245u + 12345u;
			const char *q = parts[(seed >> 8) % np];
			size_t n = strlen(q);
			memcpy(text + k, q, n);
			k += n;
		}
		text[k] = '\0';
		char *a = rv_text_hash(text), *b = reference_hash(text);
		ASSERT_STR_EQ(a, b);
		free(a);
		free(b);
	}
	char cjk[3 * 2000 + 1];
	for (int i = 0; i < 2000; i++)
		memcpy(cjk + 3 * i, i % 2 ? "\xe4\xb8\xad" : "\xe3\x80\x82", 3);
	cjk[sizeof cjk - 1] = '\0';
	char *a = rv_text_hash(cjk), *b = reference_hash(cjk);
	ASSERT_STR_EQ(a, b);
	free(a);
	free(b);
	/* not UTF-8: repaired, then hashed */
	a = rv_text_hash("abc \xff\xfe def");
	ASSERT(a != NULL);
	free(a);
}

TEST(extract_outlet_falls_back_to_the_web_site)
{
	rv_record r = plain("u1", "Du texte.");
	r.url = "https://www.Northern-Ledger.example:443/2026/03/02/a?x=1";
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_extract(&r, &a, NULL), RV_OK);
	ASSERT_STR_EQ(a.source, "northern-ledger.example");
	rv_article_release(&a);
	rv_record q = plain("u2", "Du texte.");
	q.url = "https://x.example/a";
	q.source = "Le Courrier";
	rv_article b;
	rv_article_init(&b);
	ASSERT_EQ(rv_extract(&q, &b, NULL), RV_OK);
	ASSERT_STR_EQ(b.source, "Le Courrier");
	rv_article_release(&b);
}
