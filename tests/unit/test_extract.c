/* Tests of src/extract/extract.c: what every article gets whatever its
 * format - record overrides, ISO dates, language codes, safe URLs, text
 * encodings and the content hash. */
#include "test.h"
#include "extract/extract.h"

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
