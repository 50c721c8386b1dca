/* test_html.c - the HTML extractor on pages written for these tests
 * (tests/fixtures/html/) and on hostile input built here. */
#include "test.h"

#include "core/article.h"
#include "core/error.h"
#include "extract/extract.h"
#include "extract/html_int.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *name, size_t *len)
{
	const char *root = getenv("REVUE_ROOT");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/html/%s", root ? root : ".", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		TEST_FAIL("cannot open %s", path);
	char *buf = malloc(1 << 20);
	ASSERT(buf);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int extract_bytes(const char *data, size_t len, rv_article *a, rv_error *err)
{
	rv_record rec = { 0 };
	rec.data = data;
	rec.len = len;
	rec.format = RV_FORMAT_HTML;
	rec.ref = "test";
	rv_article_init(a);
	return rv_extract(&rec, a, err);
}

static void extract_file(const char *name, rv_article *a)
{
	size_t len;
	char *data = slurp(name, &len);
	rv_error err = { 0 };
	int rc = extract_bytes(data, len, a, &err);
	if (rc)
		TEST_FAIL("%s: %s", name, err.msg);
	free(data);
}

static bool has(const rv_strlist *l, const char *s)
{
	return rv_strlist_contains(l, s, false);
}

TEST(html_fr_body_bounds)
{
	rv_article a;
	extract_file("fr_news.html", &a);
	ASSERT(a.paragraphs.len >= 5);
	ASSERT(!strncmp(a.paragraphs.items[0], "Les pêcheurs du port", 21));
	ASSERT_STR_EQ(a.paragraphs.items[a.paragraphs.len - 1],
		      "Les plaisanciers devront patienter jusqu'au printemps pour retrouver "
		      "leurs anneaux, le temps d'achever le dragage du bassin nord.");
	/* headings, lists and quotes stay, in order */
	const char *h2 = strstr(a.text, "Un chantier de douze millions");
	const char *li = strstr(a.text, "Un ponton de 180 mètres");
	const char *q = strstr(a.text, "Le port doit rester le cœur");
	ASSERT(h2 && li && q && h2 < li && li < q);
	rv_article_release(&a);
}

TEST(html_fr_boilerplate_absent)
{
	rv_article a;
	extract_file("fr_news.html", &a);
	const char *bad[] = { "cookies", "Accueil", "Partager", "Sur le même sujet",
			      "La criée bat des records", "Inscrivez-vous", "Posté par",
			      "commentaires", "Tous droits réservés", "Photo : archives",
			      "ne doit pas apparaître", "Camille Vernet" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (strstr(a.text, bad[i]))
			TEST_FAIL("boilerplate \"%s\" in body", bad[i]);
	rv_article_release(&a);
}

TEST(html_fr_metadata)
{
	rv_article a;
	extract_file("fr_news.html", &a);
	ASSERT_STR_EQ(a.title, "Le port de Brest-sur-Loire rouvre ses quais");
	ASSERT_STR_EQ(a.source, "Le Courrier du Littoral");
	ASSERT_STR_EQ(a.published, "2022-01-24T11:48:00+01:00");
	ASSERT_STR_EQ(a.published_source, "jsonld");
	ASSERT(!a.published_inferred);
	ASSERT_STR_EQ(a.modified, "2022-01-25T08:05:00+01:00");
	ASSERT_EQ(a.authors.len, 1); /* the organisation is not an author */
	ASSERT_STR_EQ(a.authors.items[0], "Camille Vernet");
	ASSERT_STR_EQ(a.url, "https://courrier-littoral.example/2022/01/24/port-quais");
	ASSERT_STR_EQ(a.lang, "fr"); /* one code per language (extract.c) */
	ASSERT_STR_EQ(a.image, "https://courrier-littoral.example/img/quai.jpg");
	ASSERT_STR_EQ(a.description, "Après deux ans de travaux, les quais rouvrent aux pêcheurs.");
	ASSERT(has(&a.tags, "Ports"));
	ASSERT(has(&a.tags, "Pêche"));
	rv_article_release(&a);
}

TEST(html_en_body_and_boilerplate)
{
	rv_article a;
	extract_file("en_news.html", &a);
	ASSERT(!strncmp(a.paragraphs.items[0], "The city council voted seven to two", 35));
	ASSERT(!strncmp(a.paragraphs.items[a.paragraphs.len - 1], "Construction is expected", 24));
	ASSERT_CONTAINS(a.text, "6.5 million dollars"); /* the table is kept */
	const char *bad[] = { "Home", "Share on Facebook", "Tweet this", "covers city hall",
			      "Most read", "New bakery", "Subscribe today" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (strstr(a.text, bad[i]))
			TEST_FAIL("boilerplate \"%s\" in body", bad[i]);
	rv_article_release(&a);
}

TEST(html_en_metadata)
{
	rv_article a;
	extract_file("en_news.html", &a);
	/* the " | Site" suffix goes */
	ASSERT_STR_EQ(a.title, "Council approves river bridge plan");
	ASSERT_STR_EQ(a.source, "The Valley Herald");
	ASSERT_STR_EQ(a.published, "2023-03-14T09:30:00-05:00");
	ASSERT_STR_EQ(a.published_source, "meta");
	ASSERT_STR_EQ(a.modified, "2023-03-15T10:00:00-05:00");
	/* "By", "and", "for Valley Herald" removed */
	ASSERT_EQ(a.authors.len, 2);
	ASSERT_STR_EQ(a.authors.items[0], "Jane Doe");
	ASSERT_STR_EQ(a.authors.items[1], "Tom Ellis");
	ASSERT_EQ(a.tags.len, 3);
	ASSERT(has(&a.tags, "city council"));
	ASSERT_STR_EQ(a.lang, "en");
	ASSERT(!a.url);
	rv_article_release(&a);
}

TEST(html_windows_1252_declared)
{
	rv_article a;
	extract_file("cp1252.html", &a);
	ASSERT_CONTAINS(a.text, "Le café crème coûte désormais");
	ASSERT_CONTAINS(a.text, "“une hausse de 20 %”");
	ASSERT_CONTAINS(a.text, "qu’ils continueront à venir");
	ASSERT_CONTAINS(a.title, "Café crème");
	rv_article_release(&a);
}

TEST(html_latin1_undeclared_guessed)
{
	rv_article a;
	extract_file("latin1_undeclared.html", &a);
	ASSERT_CONTAINS(a.text, "Les élèves de la région ont découvert");
	ASSERT_CONTAINS(a.text, "plus tôt que prévu par le ministère");
	rv_article_release(&a);
}

TEST(html_no_body)
{
	rv_article a;
	extract_file("nobody.html", &a);
	ASSERT_STR_EQ(a.title, "Notes from the harbour");
	ASSERT_EQ(a.paragraphs.len, 2);
	ASSERT_CONTAINS(a.text, "harbour master retired");
	rv_article_release(&a);
}

TEST(html_empty_page_rejected)
{
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes("", 0, &a, &err), RV_EINPUT);
	ASSERT(err.msg[0]);
	rv_article_release(&a);
	ASSERT_EQ(extract_bytes("<html><body>  </body></html>", 28, &a, &err), RV_EINPUT);
	ASSERT(err.msg[0]);
	rv_article_release(&a);
}

TEST(html_only_scripts_rejected)
{
	const char *page = "<html><head><script>var a = 'lots of text in a script that is "
			   "never shown to a reader';</script></head><body><script>document."
			   "write('more text');</script><style>p{color:red}</style></body></html>";
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_EINPUT);
	ASSERT_CONTAINS(err.msg, "no text");
	rv_article_release(&a);
}

TEST(html_binary_rejected)
{
	char bin[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof bin; i++) {
		x = x * 1103515245u + 12345u;
		bin[i] = (char)(x >> 16);
	}
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(bin, sizeof bin, &a, &err), RV_EINPUT);
	ASSERT_CONTAINS(err.msg, "binary");
	rv_article_release(&a);
}

TEST(html_deeply_nested_divs)
{
	/* 100,000 nested divs around a paragraph, then a paragraph after them:
	 * bounded time, no crash, the shallow text is found. */
	size_t n = 100000;
	size_t cap = n * 11 + 1024;
	char *page = malloc(cap);
	ASSERT(page);
	size_t k = 0;
	k += (size_t)snprintf(page + k, cap - k, "<html><body>");
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(page + k, cap - k, "<div>");
	k += (size_t)snprintf(page + k, cap - k, "<p>deep text</p>");
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(page + k, cap - k, "</div>");
	k += (size_t)snprintf(page + k, cap - k,
			      "<p>The shallow paragraph after the nested block is long "
			      "enough to count as the article text of this page.</p></body></html>");
	rv_article a;
	rv_error err = { 0 };
	clock_t t0 = clock();
	int rc = extract_bytes(page, k, &a, &err);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ASSERT(rc == RV_OK || rc == RV_EINPUT);
	ASSERT(secs < 30); /* generous: sanitizers are slow */
	if (rc == RV_OK)
		ASSERT_CONTAINS(a.text, "shallow paragraph");
	rv_article_release(&a);
	free(page);
}

TEST(html_broken_entities_and_bytes)
{
	const char *page = "<html><body><p>Caf&eacute &amp;amp; th&#xZZ; &#99999999; "
			   "bad \xff\xfe bytes \xc3 here, and a long enough sentence to be "
			   "kept as the body of this small page.</p></body></html>";
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "long enough sentence");
	rv_article_release(&a);
}

TEST(html_date_from_url_and_text)
{
	const char *page =
		"<html><head><link rel=\"canonical\" href=\"https://x.example/news/20220124/story\">"
		"</head><body><article><p>Un texte assez long pour être retenu comme corps de "
		"l'article, avec des phrases complètes et quelques virgules, comme il se doit.</p>"
		"</article></body></html>";
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_STR_EQ(a.published, "2022-01-24");
	ASSERT_STR_EQ(a.published_source, "url");
	rv_article_release(&a);

	const char *page2 =
		"<html><body><div class=\"post-date\">Veröffentlicht am 16. Oktober 2019</div>"
		"<article><p>Ein Text, der lang genug ist, um als Artikel zu gelten, mit Kommas, "
		"Sätzen und allem, was dazugehört, damit er bleibt.</p></article></body></html>";
	ASSERT_EQ(extract_bytes(page2, strlen(page2), &a, &err), RV_OK);
	ASSERT_STR_EQ(a.published, "2019-10-16");
	ASSERT_STR_EQ(a.published_source, "text");
	rv_article_release(&a);
}

TEST(html_date_not_after_crawl)
{
	const char *page =
		"<html><head><meta property=\"article:published_time\" content=\"2030-05-01\">"
		"<meta property=\"og:updated_time\" content=\"2021-05-01T10:00:00Z\"></head>"
		"<body><p>A sentence long enough to be the body of the article, written with "
		"commas, clauses and a full stop at its end.</p></body></html>";
	rv_record rec = { 0 };
	rec.data = page;
	rec.len = strlen(page);
	rec.format = RV_FORMAT_HTML;
	rec.ref = "t";
	rec.fetched_at = "2022-01-01T00:00:00Z";
	rv_article a;
	rv_article_init(&a);
	rv_error err = { 0 };
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT(!a.published || strcmp(a.published, "2030-05-01"));
	ASSERT_STR_EQ(a.modified, "2021-05-01T10:00:00Z");
	rv_article_release(&a);
}

TEST(html_utf16_bom)
{
	const char *ascii = "<html><body><p>Texte en UTF-16 avec un BOM, assez long pour "
			    "rester comme corps de la page.</p></body></html>";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 * n + 2);
	ASSERT(u16);
	u16[0] = (char)0xFF;
	u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = ascii[i];
		u16[3 + 2 * i] = 0;
	}
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(u16, 2 * n + 2, &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Texte en UTF-16 avec un BOM");
	rv_article_release(&a);
	free(u16);
}

TEST(html_utc_shown_in_outlet_zone)
{
	/* A German page stamped 22:04Z on 18 October is dated the 19th
	 * (00:04 CEST) for its readers; the instant is unchanged. */
	const char *page =
		"<html lang=\"de\"><head><meta property=\"article:published_time\" "
		"content=\"2019-10-18T22:04:00Z\"></head><body><article><p>Ein Text, der lang "
		"genug ist, um als Artikel zu gelten, mit Kommas, Sätzen und allem.</p>"
		"</article></body></html>";
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_STR_EQ(a.published, "2019-10-19T00:04:00+02:00");
	rv_article_release(&a);
	/* ... and a page that writes the local form elsewhere keeps that one */
	const char *page2 =
		"<html lang=\"en\"><head><meta property=\"article:published_time\" "
		"content=\"2023-11-09T01:09:55Z\"><script>var t = '2023-11-08T18:09:55-07:00';"
		"</script></head><body><article><p>A sentence long enough to be the body of "
		"the article, with commas, clauses and a full stop.</p></article></body></html>";
	ASSERT_EQ(extract_bytes(page2, strlen(page2), &a, &err), RV_OK);
	ASSERT_STR_EQ(a.published, "2023-11-08T18:09:55-07:00");
	rv_article_release(&a);
}

static char *title_of(const char *page)
{
	rv_article a;
	rv_error err = { 0 };
	if (extract_bytes(page, strlen(page), &a, &err) != RV_OK)
		TEST_FAIL("extract failed");
	char *t = a.title ? strdup(a.title) : NULL;
	rv_article_release(&a);
	return t;
}

#define BODY "<body><article><p>Un texte assez long pour être retenu comme corps de " \
	     "l'article, avec des phrases complètes et quelques virgules, comme il se " \
	     "doit.</p></article></body></html>"

TEST(html_title_rules)
{
	/* a long headline loses the site label of <title> */
	char *t = title_of("<html><head><title>Le conseil vote le budget de la ville | "
			   "Le Journal</title></head>" BODY);
	ASSERT_STR_EQ(t, "Le conseil vote le budget de la ville");
	free(t);
	/* a cut that would leave four words or fewer keeps the whole */
	t = title_of("<html><head><title>Budget voté – Le Journal</title></head>" BODY);
	ASSERT_STR_EQ(t, "Budget voté – Le Journal");
	free(t);
	/* og:title is the publisher's own: kept as written */
	t = title_of("<html><head><title>x</title><meta property=\"og:title\" content=\"Le "
		     "conseil vote le budget | Le Journal\"></head>" BODY);
	ASSERT_STR_EQ(t, "Le conseil vote le budget | Le Journal");
	free(t);
	/* JSON-LD in a CDATA wrapper, an array; the name is the site's, the
	 * headline matches <title> */
	t = title_of("<html><head><title>Le conseil vote le budget de la ville | Le Journal"
		     "</title><script type=\"application/ld+json\">\n<![CDATA[\n[{\"@context\":"
		     "\"https://schema.org\",\"@type\":\"NewsArticle\",\"name\":\"Le Journal\","
		     "\"headline\":\"Le conseil vote le budget de la ville\"}]\n]]></script>"
		     "</head>" BODY);
	ASSERT_STR_EQ(t, "Le conseil vote le budget de la ville");
	free(t);
}

static void published_of(const char *page, const char *want)
{
	rv_article a;
	rv_error err = { 0 };
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT(a.published);
	ASSERT_STR_EQ(a.published, want);
	rv_article_release(&a);
}

TEST(html_date_ranking)
{
	/* a labelled date beats an event date that comes first in the text */
	published_of("<html><body><article><p>Das Fest findet am 5. Februar 2020 statt, mit "
		     "Musik, Essen und vielen Gästen, wie jedes Jahr im Winter.</p>"
		     "<p>Stand: 09.10.2017</p></article></body></html>",
		     "2017-10-09");
	/* the date under the headline beats a teaser's date marked as such */
	published_of("<html><body><div class=\"teaser-list\"><span class=\"date\">"
		     "04.11.2021</span><a href=\"/a\">Anderer Artikel</a></div><article>"
		     "<h1>Reisehinweise für Italien</h1><span>12.11.2021</span><p>Ein Text, "
		     "der lang genug ist, um als Artikel zu gelten, mit Kommas, Sätzen und "
		     "allem, was dazugehört.</p></article></body></html>",
		     "2021-11-12");
	/* a French time lead after accent folding */
	published_of("<html><body><article><p class=\"date\">Publié le 14 mars 2023 à 10:05</p>"
		     "<p>Un texte assez long pour être retenu comme corps de l'article, avec des "
		     "phrases complètes et quelques virgules.</p></article></body></html>",
		     "2023-03-14T10:05");
}

/* The page's own headline repeats the title without the outlet's label the
 * declared title carries: it is the title, not the first paragraph. */
TEST(html_heading_repeating_labelled_title_goes)
{
	const char page[] =
		"<html><head><meta property=\"og:title\" content=\"Crue de la Saône : trois communes "
		"évacuées | Le Courrier du Rhône\"></head><body><article><h1>Crue de la Saône : trois "
		"communes évacuées</h1><p>La préfecture a ordonné dimanche l'évacuation de trois communes "
		"riveraines, où l'eau a atteint 6,20 mètres, un niveau jamais vu depuis 1983.</p>"
		"<p>Quelque 1 200 habitants ont été relogés dans des gymnases, selon la mairie.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	ASSERT_EQ(extract_bytes(page, sizeof page - 1, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.title, "Crue de la Saône : trois communes évacuées | Le Courrier du Rhône");
	ASSERT(a.paragraphs.len > 0);
	ASSERT(strncmp(a.paragraphs.items[0], "La préfecture", strlen("La préfecture")) == 0);
	rv_article_release(&a);
}

/* A title the publisher declares (og:title, JSON-LD) is kept as published,
 * its outlet's name included; only the <title> element loses its " | Site"
 * label (html_en_metadata). */
TEST(html_meta_title_declared_is_kept_as_published)
{
	const char page[] =
		"<html><head><title>Grève au port : la médiation échoue | Le Courrier du Rhône</title>"
		"<meta property=\"og:site_name\" content=\"Le Courrier du Rhône\">"
		"<meta property=\"og:title\" content=\"Grève au port : la médiation échoue | Le Courrier du Rhône\">"
		"</head><body><article><p>Les dockers de Port-Aurèle ont rejeté lundi la proposition du "
		"médiateur, a annoncé le syndicat, qui revendique 1 500 grévistes.</p></article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	ASSERT_EQ(extract_bytes(page, sizeof page - 1, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.title, "Grève au port : la médiation échoue | Le Courrier du Rhône");
	ASSERT_STR_EQ(a.source, "Le Courrier du Rhône");
	rv_article_release(&a);

	/* without og:title, the same <title> is cut */
	const char bare[] =
		"<html><head><title>Grève au port : la médiation échoue | Le Courrier du Rhône</title>"
		"</head><body><article><p>Les dockers de Port-Aurèle ont rejeté lundi la proposition du "
		"médiateur, a annoncé le syndicat, qui revendique 1 500 grévistes.</p></article></body></html>";
	rv_article c;
	rv_article_init(&c);
	ASSERT_EQ(extract_bytes(bare, sizeof bare - 1, &c, &err), RV_OK);
	ASSERT_STR_EQ(c.title, "Grève au port : la médiation échoue");
	rv_article_release(&c);

	const char other[] =
		"<html><head><meta property=\"og:site_name\" content=\"Northern Ledger\">"
		"<meta property=\"og:title\" content=\"Dam inquiry | Day two\"></head><body><article><p>The "
		"parliamentary inquiry into the Lorvaux dam failure heard its first witnesses on Tuesday.</p>"
		"</article></body></html>";
	rv_article b;
	rv_article_init(&b);
	ASSERT_EQ(extract_bytes(other, sizeof other - 1, &b, &err), RV_OK);
	ASSERT_STR_EQ(b.title, "Dam inquiry | Day two");
	rv_article_release(&b);
}

/* The article text of a page written inline (caller frees). */
static char *text_of(const char *page)
{
	rv_article a;
	rv_error err = { 0 };
	if (extract_bytes(page, strlen(page), &a, &err) != RV_OK)
		TEST_FAIL("extract failed: %s", err.msg);
	char *t = a.text ? strdup(a.text) : strdup("");
	rv_article_release(&a);
	return t;
}

#define PROSE_A "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, " \
		"die alte Markthalle zu sanieren, statt sie abzureißen und neu zu bauen."
#define PROSE_B "Die Kosten werden auf rund vier Millionen Euro geschätzt, wobei das Land " \
		"einen Teil davon übernehmen soll, wie der Bürgermeister erklärte."

/* An unclosed <div> in a <noscript> makes the parser put the whole page
 * inside it: such a <noscript> is the page, not a fallback message. */
TEST(html_noscript_holding_the_page)
{
	char *t = text_of("<html><body><noscript><div id=\"nojs\"></noscript>"
			  "<div class=\"main\"><h1>Markthalle</h1><p>" PROSE_A "</p><p>" PROSE_B
			  "</p></div></body></html>");
	ASSERT_CONTAINS(t, "beschlossen, die alte Markthalle");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	free(t);
	/* a real fallback message stays out */
	t = text_of("<html><body><noscript><p>Bitte aktivieren Sie JavaScript, um alle "
		    "Funktionen dieser Seite zu nutzen.</p></noscript><article><p>" PROSE_A
		    "</p><p>" PROSE_B "</p></article></body></html>");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT(!strstr(t, "JavaScript"));
	free(t);
}

/* A heading that only introduces links or another heading goes; a
 * "heading" of 100+ characters is a paragraph set in large type. */
TEST(html_long_heading_is_prose)
{
	char *t = text_of("<html><body><article><h2>Der Gemeinderat hat am Dienstagabend nach "
			  "langer Debatte beschlossen, die alte Markthalle im Zentrum der Stadt zu sanieren."
			  "</h2><h3>Die Kosten</h3><p>" PROSE_A "</p><p>" PROSE_B "</p><h3>Mehr "
			  "aus der Stadt</h3><ul><li><a href=\"/a\">Neuer Radweg am Fluss eröffnet"
			  "</a></li><li><a href=\"/b\">Schwimmbad bleibt im Winter geschlossen</a>"
			  "</li></ul></article></body></html>");
	ASSERT_CONTAINS(t, "die alte Markthalle im Zentrum der Stadt zu sanieren.");
	ASSERT(!strstr(t, "Mehr aus der Stadt"));
	free(t);
}

#define PROSE_LONG "Die Sanierung soll im Frühjahr beginnen und rund zwei Jahre dauern. " \
		   "Während der Bauarbeiten ziehen die Händler in ein Zelt auf dem Parkplatz " \
		   "neben dem Rathaus, wo sie ihre Stände wie gewohnt betreiben können."

/* After the article's last real paragraph a heading opens something else
 * (a contact box, "Weitere Beiträge"); before it, it is a subheading. */
TEST(html_heading_after_the_last_paragraph)
{
	char *t = text_of("<html><body><article><p>" PROSE_A "</p><h2>Der Zeitplan</h2><p>"
			  PROSE_LONG "</p><h3>Ansprechpartnerin zum Thema</h3><p>Anna Beispiel"
			  "</p></article></body></html>");
	ASSERT_CONTAINS(t, "Der Zeitplan");
	ASSERT_CONTAINS(t, "neben dem Rathaus");
	ASSERT(!strstr(t, "Ansprechpartnerin"));
	free(t);
}

/* Short labels before the first real paragraph (a kicker, a category, a
 * photo credit) go; a short sentence there stays. */
TEST(html_labels_before_the_first_paragraph)
{
	char *t = text_of("<html><body><article><div>Kategorie: Lokales</div><div>Foto: "
			  "Anna Beispiel/Stadtarchiv</div><p>Endlich ist es so weit!</p><p>"
			  PROSE_LONG "</p><p>" PROSE_A "</p></article></body></html>");
	ASSERT(!strstr(t, "Kategorie"));
	ASSERT(!strstr(t, "Stadtarchiv"));
	ASSERT_CONTAINS(t, "Endlich ist es so weit!");
	ASSERT_CONTAINS(t, "neben dem Rathaus");
	free(t);
}

/* Breadcrumbs written "crumbs", text widgets, calls to action, affiliate
 * disclosures, teaser lists and post metadata are boilerplate by class. */
TEST(html_more_boilerplate_class_words)
{
	static const char *const classes[] = { "entry-crumbs", "textwidget", "letters-cta",
					       "disclosure-text", "mod-teasers", "postmetadata" };
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
		char page[2048];
		snprintf(page, sizeof page,
			 "<html><body><article><p>" PROSE_A "</p><p>" PROSE_LONG "</p><div "
			 "class=\"%s\"><p>Wir möchten wissen, was Sie über diesen Beitrag denken, "
			 "und freuen uns über jede Zuschrift an die Redaktion, per Post oder "
			 "E-Mail.</p></div><p>" PROSE_B "</p></article></body></html>",
			 classes[i]);
		char *t = text_of(page);
		if (strstr(t, "Zuschrift"))
			TEST_FAIL("class %s kept", classes[i]);
		ASSERT_CONTAINS(t, "vier Millionen Euro");
		free(t);
	}
}

/* A short line with a copyright sign or a credit label anywhere is a
 * caption or a credit, not the article's text. */
TEST(html_credit_lines)
{
	char *t = text_of("<html><body><article><p>" PROSE_A "</p><div>Die alte Markthalle "
			  "im Winter. © Stadtarchiv / Anna Beispiel</div><p>" PROSE_LONG "</p>"
			  "<div>Der Bürgermeister bei der Sitzung. (Foto : Max Muster)</div><p>"
			  PROSE_B "</p></article></body></html>");
	ASSERT(!strstr(t, "Stadtarchiv"));
	ASSERT(!strstr(t, "Max Muster"));
	ASSERT_CONTAINS(t, "neben dem Rathaus");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	free(t);
}

/* Short lines after the last real paragraph are signatures, except list
 * items and table cells: those are the article's data. */
TEST(html_short_list_items_after_the_last_paragraph)
{
	char *t = text_of("<html><body><article><p>" PROSE_A "</p><p>" PROSE_LONG "</p><ul>"
			  "<li>Neue Dächer</li><li>Breitere Gänge</li></ul><table><tr><td>Kosten"
			  "</td><td>4,1 Mio.</td></tr></table><p>aja/PAP</p></article></body></html>");
	ASSERT_CONTAINS(t, "Breitere Gänge");
	ASSERT_CONTAINS(t, "4,1 Mio.");
	ASSERT(!strstr(t, "aja/PAP"));
	free(t);
}

/* "has-ads", "with-sidebar", "no-comments" say what a wrapper has around
 * it, not that it is boilerplate. */
TEST(html_state_classes_are_not_boilerplate)
{
	char *t = text_of("<html><body><article><section class=\"o-section o-section--has-ads\">"
			  "<p>" PROSE_A "</p></section><div class=\"body with-sidebar\"><p>"
			  PROSE_B "</p></div><div class=\"post-sidebar\"><p>Unsere Partner: "
			  "Stadtwerke, Sparkasse, Verkehrsverein und die Freunde der "
			  "Markthalle.</p></div></article></body></html>");
	ASSERT_CONTAINS(t, "die alte Markthalle zu sanieren");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT(!strstr(t, "Unsere Partner"));
	free(t);
}

/* Two or more linked titles, each with one short excerpt under it, are a
 * list of other articles; the article's own linked title and its first
 * paragraph stay. */
TEST(html_teaser_excerpts)
{
	char *t = text_of("<html><body><article><h2><a href=\"/markthalle\">Markthalle wird "
			  "saniert</a></h2><p>" PROSE_A "</p><p>" PROSE_LONG "</p><p>" PROSE_B
			  "</p><div><h3><a href=\"/radweg\">Neuer Radweg am Fluss</a></h3>"
			  "<p>Nach zwei Jahren Bauzeit ist der Radweg entlang des Flusses fertig.</p>"
			  "<h3><a href=\"/bad\">Schwimmbad bleibt geschlossen</a></h3><p>Die Sanierung "
			  "des Hallenbads dauert länger als geplant.</p></div></article></body></html>");
	ASSERT_CONTAINS(t, "die alte Markthalle zu sanieren");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT(!strstr(t, "Radweg entlang"));
	ASSERT(!strstr(t, "Hallenbads"));
	free(t);
}

/* The climb to the enclosing <article> weighs visible text only: a long
 * comment section inside it does not keep the list after the steps out. */
TEST(html_article_climb_ignores_boilerplate_text)
{
	char page[8192];
	size_t k = (size_t)snprintf(page, sizeof page,
				    "<html><body><article><div class=\"intro\"><p>" PROSE_LONG
				    "</p><p>" PROSE_LONG "</p><p>" PROSE_LONG "</p></div>"
				    "<div class=\"steps-text\"><p>" PROSE_A "</p><p>" PROSE_B
				    "</p></div><ul><li>500 g Mehl</li><li>Zwei Eier</li></ul>"
				    "<div class=\"comments\">");
	for (int i = 0; i < 7; i++)
		k += (size_t)snprintf(page + k, sizeof page - k, "<p>Ein Leser schreibt, "
				      "dass er das Rezept schon oft gebacken hat, immer mit "
				      "Erfolg, und dass es allen sehr gut geschmeckt hat.</p>");
	k += (size_t)snprintf(page + k, sizeof page - k, "</div></article><footer>");
	for (int i = 0; i < 12; i++)
		k += (size_t)snprintf(page + k, sizeof page - k, "<p>Unsere Partner aus "
				      "der Region bieten Kurse, Zutaten und Geräte für alle, die "
				      "gern backen, zu fairen Preisen an.</p>");
	snprintf(page + k, sizeof page - k, "</footer></body></html>");
	char *t = text_of(page);
	ASSERT_CONTAINS(t, "500 g Mehl");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT(!strstr(t, "Ein Leser schreibt"));
	free(t);
}

/* Soft hyphens are invisible to a reader: "Mark&shy;thalle" is one word. */
TEST(html_soft_hyphens_dropped)
{
	char *t = text_of("<html><body><article><p>Die alte Mark&shy;thalle wird sa&shy;niert, "
			  "statt sie abzureißen und an ihrer Stelle ein Parkhaus zu bauen, wie es "
			  "der Gemeinderat beschlossen hat.</p></article></body></html>");
	ASSERT_CONTAINS(t, "Die alte Markthalle wird saniert,");
	free(t);
}

/* Interface lines inside the article: a table of contents' title, image
 * and print buttons, comment logins, support appeals, post footers. */
TEST(html_interface_prompts)
{
	char *t = text_of("<html><body><article><p>Inhaltsverzeichnis</p><p>" PROSE_A "</p>"
			  "<div>Vergrößern Die Markthalle im Jahr 1910.</div><p>" PROSE_LONG "</p>"
			  "<p>If you enjoyed reading this post, consider supporting our work.</p><p>"
			  PROSE_B "</p><p>Sie müssen sich anmelden, um Kommentare zu schreiben."
			  "</p></article></body></html>");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT(!strstr(t, "Inhaltsverzeichnis"));
	ASSERT(!strstr(t, "1910"));
	ASSERT(!strstr(t, "enjoyed"));
	ASSERT(!strstr(t, "anmelden"));
	free(t);
}

/* A paywalled or collapsed block full of prose is the article; a short
 * paywall prompt is not. */
TEST(html_paywall_block_with_prose)
{
	char *t = text_of("<html><body><article><p>" PROSE_A "</p><div class=\"entry "
			  "paywall-container\"><p>" PROSE_LONG "</p><p>" PROSE_B "</p><p>"
			  PROSE_LONG " Der Markt bleibt dabei jeden Samstag geöffnet.</p></div><div "
			  "class=\"paywall-prompt\"><p>Lesen Sie weiter mit unserem Digitalabo, "
			  "jederzeit kündbar.</p></div></article><footer><p>" PROSE_LONG "</p><p>"
			  PROSE_LONG "</p><p>" PROSE_LONG "</p></footer></body></html>");
	ASSERT_CONTAINS(t, "vier Millionen Euro");
	ASSERT_CONTAINS(t, "jeden Samstag");
	ASSERT(!strstr(t, "Digitalabo"));
	free(t);
}

/* The first charset= of a page that is not UTF-8 may belong to an injected
 * <script charset="utf-8">: the page's own declaration further on wins. */
TEST(html_script_charset_is_not_the_page_charset)
{
	char page[2048];
	size_t k = (size_t)snprintf(page, sizeof page,
				    "<html><head><script charset=\"utf-8\" src=\"/toolbar.js\">"
				    "</script><meta http-equiv=\"Content-Type\" content=\"text/html; "
				    "charset=gb2312\"></head><body><article><p>");
	/* "中文 新闻 报道 " in GB2312, twelve times: short runs between
	 * spaces, which the byte statistics alone would take for Cyrillic */
	for (int i = 0; i < 12; i++)
		k += (size_t)snprintf(page + k, sizeof page - k,
				      "\xD6\xD0\xCE\xC4 \xD0\xC2\xCE\xC5 \xB1\xA8\xB5\xC0 ");
	snprintf(page + k, sizeof page - k, "</p></article></body></html>");
	char *t = text_of(page);
	ASSERT_CONTAINS(t, "中文 新闻 报道 中文");
	free(t);
}

/* Ruby annotations (furigana) are reading aids, not text. */
TEST(html_ruby_annotations_skipped)
{
	char *t = text_of("<html><body><article><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待"
			  "<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律"
			  "<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が子どもを"
			  "教育するために、たたいたりする体罰を禁止することになりました。</p>"
			  "</article></body></html>");
	ASSERT_CONTAINS(t, "子どもへの虐待をなくすための法律ができて、親が");
	free(t);
}

/* A heading's id is an anchor built from its words, not a role: "nav_…"
 * there does not make it navigation. */
TEST(html_heading_id_is_an_anchor)
{
	char *t = text_of("<html><body><article><p>" PROSE_A "</p><h3 id=\"nav_die_kosten__1\">"
			  "Die Kosten im Detail</h3><p>" PROSE_B "</p><p>" PROSE_LONG "</p>"
			  "</article></body></html>");
	ASSERT_CONTAINS(t, "Die Kosten im Detail");
	free(t);
}

/* The parser is given the page without the text of its scripts, style
 * sheets and drawings; what the tokenizer would not read as such stays. */
static char *dropped(const char *html)
{
	size_t n = 0;
	char *out = rv__drop_raw_text(html, strlen(html), &n);
	ASSERT(!out || strlen(out) == n);
	return out;
}

#define FILLER "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

TEST(html_raw_text_dropped_before_parsing)
{
	char *out = dropped("<p>a</p><script type=\"text/javascript\">var s = '" FILLER
			    "';</script><style>p{}" FILLER "</style><p>b</p>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<p>a</p><script type=\"text/javascript\"></script><style></style><p>b</p>");
	free(out);
	/* JSON-LD is kept, its '+' written as a character reference too */
	ASSERT(!dropped("<script type=\"application&#x2F;ld&#x2B;json\">{\"a\":\"" FILLER
			"\"}</script>"));
	/* "<script" in a comment or an attribute value starts nothing (and
	 * comments, which nothing reads, go too) */
	out = dropped("a<!-- <script> -->b<p title=\"<script>\">" FILLER "</p></script>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "ab<p title=\"<script>\">" FILLER "</p></script>");
	free(out);
	/* an <svg> left open ends with its parent, so its "body" is text */
	out = dropped("<div><svg><use href=\"#i\"/></div><p>" FILLER "</p><!-- </svg> -->");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<div><svg><use/></div><p>" FILLER "</p>");
	free(out);
	out = dropped("<a><svg viewBox=\"0 0 9 9\"><g><path d=\"M" FILLER "\"/></g></svg>x</a>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<a><svg viewBox=\"0 0 9 9\"></svg>x</a>");
	free(out);
	/* no end tag: libxml2 reads the rest as the script's, as before */
	ASSERT(!dropped("<script>" FILLER "<p>never shown</p>"));
}

TEST(html_raw_text_dropped_keeps_metadata)
{
	const char *page =
		"<html><head><title>Budget vote delayed</title>"
		"<script type=\"application&#x2F;ld&#x2B;json\">{\"@type\":\"NewsArticle\","
		"\"datePublished\":\"2024-02-03T08:00:00Z\"}</script>"
		"<script>window.cfg = {\"publishDate\": \"2020-01-01\", \"pad\": \"" FILLER "\"};</script>"
		"<style>body { color: red; } /* " FILLER " */</style></head><body><article>"
		"<h1>Budget vote delayed</h1><p>The council postponed the budget vote to next week after a "
		"long debate on school funding and road repairs in the northern districts.</p>"
		"<p>Members said the figures needed another review before any decision.</p>"
		"</article></body></html>";
	rv_article a;
	rv_error err = { 0 };
	ASSERT(!extract_bytes(page, strlen(page), &a, &err));
	ASSERT_STR_EQ(a.published_source, "jsonld");
	ASSERT(!strncmp(a.published, "2024-02-03", 10));
	ASSERT(strstr(a.text, "postponed the budget vote"));
	ASSERT(!strstr(a.text, "window.cfg") && !strstr(a.text, "color: red"));
	rv_article_release(&a);
}

TEST(html_unread_attributes_dropped_before_parsing)
{
	char *out = dropped("<div class=\"story\" data-track='{\"a\":1}' onclick=\"go()\">"
			    "<img src=\"a.jpg\" srcset=\"a2.jpg 2x\" alt=\"x\" title=\"t\"></div>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<div class=\"story\"><img title=\"t\"></div>");
	free(out);
	/* read attributes stay (href on <link> only), and after one it cannot
	 * read plainly (unquoted, "@click") the tag is left as written */
	ASSERT(!dropped("<link rel=\"canonical\" href=\"https://a.example/x\">"));
	out = dropped("<a href=\"/x\" rel=\"author\" itemprop=\"name\">A</a>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<a rel=\"author\" itemprop=\"name\">A</a>");
	free(out);
	ASSERT(!dropped("<p width=100 data-x=\"1\">a</p><p @click=\"f\" data-y=\"2\">b</p>"));
	out = dropped("<p data-x=\"1\" width=100 data-y=\"2\">a</p>");
	ASSERT(out);
	ASSERT_STR_EQ(out, "<p width=100 data-y=\"2\">a</p>");
	free(out);
}

/* A breadcrumb in the page's body ("Vous êtes ici : Accueil > Économie > …")
 * is not the article's first paragraph; a paragraph with « quotes » is kept. */
TEST(html_breadcrumb_is_not_text)
{
	const char *page =
		"<html><head><title>Grève au port</title></head><body><article>"
		"<div id=\"fil\">Vous êtes ici : <a href=\"/\">Accueil</a> &gt; <a href=\"/eco\">Économie</a>"
		" &gt; Grève au port</div><h1>Grève au port</h1>"
		"<p>Accueil &gt; Économie &gt; Social &gt; Grève au port</p>"
		"<p>Les dockers du port ont cessé le travail lundi matin, bloquant trente-huit navires "
		"en rade, selon le syndicat qui réclame une hausse des salaires de six pour cent.</p>"
		"<p>« Nous ne céderons pas » , a dit la ministre. « Le dialogue reste ouvert » , a "
		"répondu le syndicat, qui appelle à une nouvelle journée d'action jeudi prochain.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT(a.text);
	ASSERT(!strstr(a.text, "Accueil"));
	ASSERT(!strstr(a.text, "Vous êtes ici"));
	ASSERT_CONTAINS(a.text, "Le dialogue reste ouvert");
	rv_article_release(&a);
}

/* A prompt is a whole word ("Share", not "Shareholders …"), and the words
 * that also open sentences are prompts only as labels: "Category: Weather"
 * goes, "Category 4 Hurricane Irma …" stays. */
TEST(html_sentences_that_start_like_prompts)
{
	const char *page =
		"<html lang=\"en\"><body><article><h1>Storm hits the coast hard overnight</h1>"
		"<p>Category 4 Hurricane Irma made landfall on Sunday near the town, officials said.</p>"
		"<p>Shareholders will be asked to approve an emergency capital increase in April.</p>"
		"<p>Subscribers to the company bonds were told their coupons would be paid.</p>"
		"<p>Loading of the cargo resumed on Monday morning at the port terminal.</p>"
		"<p>Copyright holders sued the platform over the videos posted last year.</p>"
		"<p>Share this article</p><p>Category: Weather</p><p>Subscribe</p>"
		"<p>Copyright 2026 Storm News. All rights reserved.</p>"
		"<p>The storm left 40,000 homes without power across the region, the utility said.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	static const char *const kept[] = { "Category 4 Hurricane", "Shareholders will", "Subscribers to",
					    "Loading of the cargo", "Copyright holders", "40,000 homes" };
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
		ASSERT_CONTAINS(a.text, kept[i]);
	ASSERT(!strstr(a.text, "Share this"));
	ASSERT(!strstr(a.text, "Category: Weather"));
	ASSERT(!strstr(a.text, "All rights reserved"));
	rv_article_release(&a);
}

/* "Publié le … à …, mis à jour le …" is a dateline: it dates the page and is
 * not its first paragraph. */
TEST(html_dateline_with_words_is_not_text)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Incendie chez Valchem : une enquête ouverte</h1>"
		"<p>Publié le 15/03/2026 à 10h05 - Mis à jour le 16/03/2026 à 08h30</p>"
		"<p>Le parquet de Marseille a ouvert une enquête pour mise en danger de la vie d'autrui, "
		"a indiqué dimanche le procureur, après l'incendie de l'usine de Saint-Marcel.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT(!strstr(a.text, "Publié le"));
	ASSERT(a.published && !strncmp(a.published, "2026-03-15", 10));
	ASSERT_STR_EQ(a.modified, "2026-03-16T08:30");
	rv_article_release(&a);
}

/* An update line kept aside as a second date-only line, under the publication
 * line, gives the modified date and leaves the published one alone. */
static void assert_update_line(const char *lines, const char *published, const char *modified)
{
	char page[2048];
	snprintf(page, sizeof page,
		 "<html><body><article><h1>Le pont de Vauclair rouvre</h1>%s"
		 "<p>Le pont sur la Lerne a rouvert mardi à la circulation après trois années de "
		 "travaux, a indiqué la mairie, qui prévoit aussi des bus dès la semaine prochaine.</p>"
		 "<p>Die Stadt hat die Mehrkosten im Herbst bewilligt, nachdem das Fundament verstärkt "
		 "werden musste; the council approved the extra cost in the autumn.</p>"
		 "</article></body></html>",
		 lines);
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT(a.published && !strncmp(a.published, published, strlen(published)));
	ASSERT(a.modified != NULL);
	ASSERT_STR_EQ(a.modified, modified);
	ASSERT(!strstr(a.text, "2026"));
	rv_article_release(&a);
}

/* A byline with two days, "Publié le …, modifié le …", "Published …; updated …":
 * the second is the update. */
TEST(html_byline_with_two_dates)
{
	assert_update_line("<p>Publié le 3 mars 2026 à 10h, modifié le 4 mars 2026 à 08h</p>",
			   "2026-03-03T10:00", "2026-03-04T08:00");
	assert_update_line("<p>Published March 3, 2026; updated March 4, 2026</p>", "2026-03-03",
			   "2026-03-04");
	assert_update_line("<p>Published March 3, 2026; modified March 4, 2026</p>", "2026-03-03",
			   "2026-03-04");
	assert_update_line("<p>Veröffentlicht am 03.03.2026, geändert am 04.03.2026</p>",
			   "2026-03-03", "2026-03-04");
}

/* A byline that names the writer before its dates, as a plain paragraph or
 * in an element whose class says byline: the writer is the author, the
 * dates date the page, and the line is not body text. */
TEST(html_byline_with_the_writer_and_two_dates)
{
	static const char *const lines[] = {
		"<p>Par Anne Keller | Publié le 12/03/2026 à 09h15, modifié le 13/03/2026 à 10h00</p>",
		"<p class=\"byline\">Par Anne Keller | Publié le 12/03/2026 à 09h15, modifié le 13/03/2026 à "
		"10h00</p>",
		"<p>By Anne Keller - Published March 12, 2026; updated March 13, 2026</p>",
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		char page[2048];
		snprintf(page, sizeof page,
			 "<html><body><article><h1>Le pont de Vauclair rouvre</h1>%s"
			 "<p>Le pont sur la Lerne a rouvert mardi à la circulation après trois années de "
			 "travaux, a indiqué la mairie, qui prévoit aussi des bus dès la semaine prochaine.</p>"
			 "</article></body></html>",
			 lines[i]);
		rv_article a;
		rv_article_init(&a);
		rv_error err = {0};
		ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
		ASSERT_EQ(a.authors.len, 1);
		ASSERT_STR_EQ(a.authors.items[0], "Anne Keller");
		ASSERT(a.published && !strncmp(a.published, "2026-03-12", 10));
		ASSERT(a.modified && !strncmp(a.modified, "2026-03-13", 10));
		ASSERT(!strstr(a.text, "Keller") && !strstr(a.text, "2026"));
		rv_article_release(&a);
	}
}

TEST(html_update_line_gives_modified)
{
	assert_update_line("<p>10.03.2026, 09:30</p><p>Aktualisiert: 12.03.2026, 14:05</p>",
			   "2026-03-10T09:30", "2026-03-12T14:05");
	assert_update_line("<p>Publié le 3 mars 2026 à 10h00</p><p>Mis à jour le 4 mars 2026 à 08h15</p>",
			   "2026-03-03T10:00", "2026-03-04T08:15");
	assert_update_line("<p>March 3, 2026</p><p>Updated March 4, 2026 at 8:15 a.m.</p>",
			   "2026-03-03", "2026-03-04T08:15");
}

/* With no outlet declared, the <title>'s part after the headline names it. */
TEST(html_outlet_from_the_title_tag)
{
	const char *page =
		"<html lang=\"fr\"><head><title>Incendie chez Valchem : une enquête ouverte - Le Courrier "
		"de l'Est</title></head><body><article><h1>Incendie chez Valchem : une enquête ouverte</h1>"
		"<p>Le parquet de Marseille a ouvert une enquête pour mise en danger de la vie d'autrui, "
		"a indiqué dimanche le procureur, après l'incendie de l'usine de Saint-Marcel.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_STR_EQ(a.source, "Le Courrier de l'Est");
	ASSERT_STR_EQ(a.title, "Incendie chez Valchem : une enquête ouverte");
	rv_article_release(&a);
}

/* A live blog's time stamps ("18h40", "5:50pm GMT") are not paragraphs. */
TEST(html_live_blog_times_are_not_text)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Incendie à Saint-Marcel : le direct</h1>"
		"<p>18h40</p><p>Le préfet annonce la levée du confinement des habitants de Saint-Marcel.</p>"
		"<p>5:50pm GMT</p><p>Selon les pompiers, 120 sapeurs-pompiers restent mobilisés sur le site.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT(!strstr(a.text, "18h40"));
	ASSERT(!strstr(a.text, "5:50pm"));
	ASSERT_CONTAINS(a.text, "120 sapeurs-pompiers");
	rv_article_release(&a);
}

/* A list of other articles whose cards close with a date or the next
 * card's category: the excerpts go, the article stays. */
TEST(html_teaser_cards_with_labels)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Grève au port de Marseille</h1>"
		"<p>Les dockers du port de Marseille ont cessé le travail lundi matin, à l'appel de "
		"leur syndicat, pour protester contre la réforme des horaires annoncée la semaine "
		"dernière par la direction du port autonome.</p>"
		"<p>La direction affirme que le trafic des conteneurs reprendra mardi, mais les "
		"syndicats promettent de poursuivre le mouvement tant que la réforme n'est pas retirée.</p>"
		"<h2>Articles liés</h2>"
		"<div class=\"card\"><h3><a href=\"/a\">Les ferries bloqués à Toulon</a></h3>"
		"<p>Trois ferries sont restés à quai dimanche, faute de personnel pour les manœuvres.</p>"
		"<div>Le 05/02/2026</div></div>"
		"<div class=\"card\"><div>Transports</div><h3><a href=\"/b\">Le tramway reprend à Nice</a></h3>"
		"<p>La circulation a repris samedi sur toute la ligne après deux jours de travaux.</p>"
		"<div>Le 04/02/2026</div></div>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Les dockers du port");
	ASSERT_CONTAINS(a.text, "syndicats promettent");
	ASSERT(!strstr(a.text, "Trois ferries"));
	ASSERT(!strstr(a.text, "La circulation a repris"));
	rv_article_release(&a);
}

/* The standfirst in a header block between the headline and the body,
 * with a sidebar list in between, is the article's first paragraph. */
TEST(html_standfirst_under_the_headline)
{
	const char *page =
		"<html lang=\"fr\"><body><div class=\"encabezado\"><h1>Grève au port de Marseille</h1>"
		"<div class=\"chapo\"><p>Les dockers cessent le travail lundi contre la réforme des horaires voulue par la direction.</p></div></div>"
		"<div class=\"colonne\"><h3><a href=\"/a\">Les ferries bloqués à Toulon</a></h3>"
		"<h3><a href=\"/b\">Le tramway reprend à Nice</a></h3></div>"
		"<div class=\"corps\"><p>Les dockers du port de Marseille ont cessé le travail lundi matin, "
		"à l'appel de leur syndicat, pour protester contre la réforme des horaires annoncée la "
		"semaine dernière par la direction du port autonome.</p>"
		"<p>La direction affirme que le trafic des conteneurs reprendra mardi, mais les syndicats "
		"promettent de poursuivre le mouvement tant que la réforme n'est pas retirée.</p></div>"
		"</body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "voulue par la direction.");
	ASSERT_CONTAINS(a.text, "syndicats promettent");
	ASSERT(!strstr(a.text, "ferries"));
	rv_article_release(&a);
}

/* After the last long paragraph, a short sentence stays; a signature goes. */
TEST(html_short_last_sentence_is_not_a_signature)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Fête du port à Sète</h1>"
		"<p>La fête du port revient à Sète le premier week-end de juillet, avec des joutes, "
		"un marché aux poissons et un concert sur le quai de la Consigne le samedi soir.</p>"
		"<p>Les joutes opposeront dimanche les équipes des quartiers, devant les tribunes "
		"installées le long du canal royal, comme chaque année depuis trois siècles, puis la "
		"municipalité offrira un feu d'artifice tiré depuis le môle Saint-Louis.</p>"
		"<p>Venez nombreux !</p><p>jmd/AFP</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Venez nombreux !");
	ASSERT(!strstr(a.text, "jmd/AFP"));
	rv_article_release(&a);
}

/* A numbered figure caption in the text block is not a paragraph; a
 * sentence that mentions a figure is. */
TEST(html_numbered_figure_captions)
{
	const char *page =
		"<html lang=\"de\"><body><article><h1>Lawinen im Frühjahr</h1>"
		"<p>Im Frühjahr werden Nassschneelawinen häufiger, weil die Sonne die Schneedecke "
		"tagsüber durchfeuchtet und die Bindung zwischen den Schichten schwächt, wie die "
		"Messungen im Gebiet des Gotthardpasses zeigen.</p>"
		"<div>Abbildung 4: Eine nasse Schicht über einer Kruste.</div>"
		"<p>Wie Abbildung 4 zeigt, gleitet die nasse Schicht auf der harten Kruste ab, sobald "
		"die Temperatur am Nachmittag über null Grad steigt und das Schmelzwasser die "
		"Grenzfläche erreicht.</p>"
		"<div>Fig. 2.1: Temperaturverlauf am Messpunkt.</div>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Wie Abbildung 4 zeigt");
	ASSERT(!strstr(a.text, "Eine nasse Schicht"));
	ASSERT(!strstr(a.text, "Temperaturverlauf"));
	rv_article_release(&a);
}

/* A press contact's line (an address and a telephone) is not text; a
 * sentence with an e-mail address is. */
TEST(html_contact_line_is_not_text)
{
	const char *page =
		"<html lang=\"de\"><body><article><h1>Neue Windparks vor Rügen</h1>"
		"<p>Der Betreiber will vor Rügen zwei neue Windparks bauen, die ab 2028 rund "
		"400.000 Haushalte mit Strom versorgen sollen, teilte das Unternehmen am Montag mit.</p>"
		"<p>Fragen der Anwohner beantwortet das Bürgerbüro unter buero@example.org, das "
		"dafür eigens eine Sprechstunde im Rathaus von Sassnitz eingerichtet hat.</p>"
		"<p>Pressekontakt: Erika Muster E-Mail: presse@example.org Telefon: +49 40 1234 567</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "buero@example.org");
	ASSERT(!strstr(a.text, "presse@example.org"));
	rv_article_release(&a);
}

/* Image legends, fact boxes and a "news-letter" block inside the article
 * are not its text. */
TEST(html_legend_factbox_newsletter_classes)
{
	const char *page =
		"<html lang=\"it\"><body><article><h1>Orsi nel parco</h1>"
		"<p>Nel parco nazionale sono state contate diciotto femmine con cuccioli durante la "
		"scorsa estate, il numero più alto registrato da quando sono iniziati i censimenti "
		"sistematici della popolazione.</p>"
		"<div class=\"foto\"><div class=\"dida\">Grafico delle femmine con cuccioli</div></div>"
		"<div class=\"image\"><div class=\"legend\">Un'orsa con due cuccioli al pascolo</div></div>"
		"<div class=\"art-ins mol-factbox\"><p>I numeri del censimento in breve, regione per regione</p></div>"
		"<div class=\"news-letter-section\"><p>Notizie e consigli ogni settimana per te</p></div>"
		"<p>I guardiaparco raccomandano ai visitatori di restare sui sentieri segnati e di non "
		"lasciare cibo incustodito, per evitare che gli animali si abituino alla presenza umana.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "I guardiaparco raccomandano");
	ASSERT(!strstr(a.text, "Grafico delle femmine"));
	ASSERT(!strstr(a.text, "al pascolo"));
	ASSERT(!strstr(a.text, "in breve"));
	ASSERT(!strstr(a.text, "ogni settimana"));
	rv_article_release(&a);
}

/* A long excerpt cut short by an ellipsis outside the article is another
 * page's teaser, however long; uncut prose there still joins the text. */
TEST(html_cut_excerpt_outside_is_a_teaser)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Grève au port de Marseille</h1>"
		"<p>Les dockers du port de Marseille ont cessé le travail lundi matin, à l'appel de "
		"leur syndicat, pour protester contre la réforme des horaires annoncée la semaine "
		"dernière par la direction du port autonome.</p>"
		"<p>La direction affirme que le trafic des conteneurs reprendra mardi, mais les "
		"syndicats promettent de poursuivre le mouvement tant que la réforme n'est pas retirée.</p>"
		"</article><div class=\"row\"><div class=\"col\"><p>Les ferries de la Corse sont restés "
		"à quai dimanche à Toulon, faute de personnel pour les manœuvres, et les passagers ont "
		"dû attendre ...</p></div></div></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "syndicats promettent");
	ASSERT(!strstr(a.text, "ferries de la Corse"));
	rv_article_release(&a);
}

/* A line of post fields split by bars is not text; a sentence with one
 * colon and one bar is. */
TEST(html_post_fields_line_is_not_text)
{
	const char *page =
		"<html lang=\"de\"><body><article><h1>Briefe an die Stadt</h1>"
		"<p>Die Stadt hat im vergangenen Jahr mehr als dreitausend Briefe ihrer Bürger "
		"beantwortet, die meisten zu Baustellen, zum Nahverkehr und zu den Öffnungszeiten "
		"der Bäder, heißt es im Jahresbericht.</p>"
		"<p>Der Bericht nennt eine Zahl: 3.214 Briefe | davon 1.020 zu Baustellen, die übrigen "
		"zu anderen Themen.</p>"
		"<p>Aufrufe: 1120 | Hinzugefügt von: Redaktion | Bewertung: 4.5/5</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Der Bericht nennt eine Zahl");
	ASSERT(!strstr(a.text, "Aufrufe"));
	rv_article_release(&a);
}

/* A page header outside <article> that holds the headline is the
 * article's own header: its standfirst is text, its kicker and byline are
 * not; a header without the headline (the site's masthead) stays out. */
TEST(html_standfirst_in_the_headline_header)
{
	const char *page =
		"<html lang=\"fr\"><body><header class=\"site\"><p>Le journal des ports et des marins "
		"de la Méditerranée, chaque jour depuis 1921.</p></header>"
		"<header class=\"tete\"><div>Économie</div><h1>Grève au port de Marseille</h1>"
		"<p>Les dockers cessent le travail lundi contre la réforme des horaires voulue par la direction.</p>"
		"<p>Par Anne Keller</p></header>"
		"<article><p>Les dockers du port de Marseille ont cessé le travail lundi matin, "
		"à l'appel de leur syndicat, pour protester contre la réforme des horaires annoncée la "
		"semaine dernière par la direction du port autonome.</p>"
		"<p>La direction affirme que le trafic des conteneurs reprendra mardi, mais les syndicats "
		"promettent de poursuivre le mouvement tant que la réforme n'est pas retirée.</p></article>"
		"</body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "voulue par la direction.");
	ASSERT_CONTAINS(a.text, "syndicats promettent");
	ASSERT(!strstr(a.text, "Économie"));
	ASSERT(!strstr(a.text, "Anne Keller"));
	ASSERT(!strstr(a.text, "depuis 1921"));
	rv_article_release(&a);
}

/* A short line whose words are more than a third links sends the reader
 * elsewhere ("Tipp: … finden Sie auf der Seite …"); a sentence with a
 * short link in it is text. */
TEST(html_short_pointer_lines_are_links)
{
	const char *page =
		"<html lang=\"de\"><body><article><h1>Neue Windparks vor Rügen</h1>"
		"<p>Der Betreiber will vor Rügen zwei neue Windparks bauen, die ab 2028 rund "
		"400.000 Haushalte mit Strom versorgen sollen, teilte das Unternehmen am Montag mit.</p>"
		"<p>Tipp: Alle Zahlen zum Ausbau der Netze finden Sie auf unserer Seite "
		"<a href=\"/z\">Windkraft an der Küste</a> und im <a href=\"/d\">Dossier Energiewende</a>.</p>"
		"<p>Die Genehmigung erteilte das <a href=\"/a\">Bergamt</a> nach einer Prüfung, die "
		"mehr als zwei Jahre gedauert hat.</p>"
		"<p>Die Anwohner können ihre Einwände noch bis Ende März im Rathaus von Sassnitz "
		"vorbringen, wo die Pläne ausliegen und die Gemeinde eine Sprechstunde eingerichtet hat.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "Die Genehmigung erteilte das Bergamt");
	ASSERT_CONTAINS(a.text, "Die Anwohner können");
	ASSERT(!strstr(a.text, "Tipp:"));
	rv_article_release(&a);
}

/* A post's line of date and linked categories is not text, but it still
 * dates the post. */
TEST(html_linked_category_line_dates_the_post)
{
	const char *page =
		"<html lang=\"en\"><body><div class=\"post\"><h1>Packing tools for Python</h1>"
		"<div>January 13, 2020 at 08:45 AM | categories: <a href=\"/c/p\">Python</a>, "
		"<a href=\"/c/m\">Mercurial</a> | <a href=\"/c\">View Comments</a></div>"
		"<p>Shipping a Python application as one file remains harder than it should be, "
		"because the interpreter expects its modules on disk and most tools copy them out "
		"to a temporary directory before the program can start.</p>"
		"<p>The tool described here loads the modules from memory instead, which makes "
		"start-up faster and leaves nothing behind once the program exits.</p>"
		"</div></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "loads the modules from memory");
	ASSERT(!strstr(a.text, "View Comments"));
	ASSERT(a.published && !strncmp(a.published, "2020-01-13", 10));
	rv_article_release(&a);
}

/* A page has one headline: a later <h1> inside the article block (a
 * widget's or another article's title) is not a line of the text. */
TEST(html_later_h1_is_not_text)
{
	const char *page =
		"<html lang=\"fr\"><body><article><h1>Grève au port de Marseille</h1>"
		"<p>Les dockers du port de Marseille ont cessé le travail lundi matin, à l'appel de "
		"leur syndicat, pour protester contre la réforme des horaires annoncée la semaine "
		"dernière par la direction du port autonome.</p>"
		"<h1>Notre lettre du matin</h1>"
		"<p>La direction affirme que le trafic des conteneurs reprendra mardi, mais les "
		"syndicats promettent de poursuivre le mouvement tant que la réforme n'est pas retirée, "
		"et appellent les autres ports de la façade méditerranéenne à les rejoindre jeudi.</p>"
		"</article></body></html>";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(extract_bytes(page, strlen(page), &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "syndicats promettent");
	ASSERT(!strstr(a.text, "lettre du matin"));
	rv_article_release(&a);
}
