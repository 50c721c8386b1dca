/* test_html_meta.c - the metadata rules of the HTML extractor (authors,
 * dates, titles), each on a small page written here. */
#include "test.h"

#include "core/article.h"
#include "core/error.h"
#include "extract/extract.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A page: head extras, then a body with a headline, the given byline
 * markup and enough article text to be extracted. */
static void page(rv_article *a, const char *head, const char *byline)
{
	static char buf[16384];
	snprintf(buf, sizeof buf,
		 "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
		 "<title>Harbour reopens after two years of works</title>%s</head><body>"
		 "<article><h1>Harbour reopens after two years of works</h1>%s"
		 "<p>The harbour of the small town reopened on Monday after two years of works "
		 "that rebuilt its quays, its lock and the fish market along the old pier.</p>"
		 "<p>Fishermen said the new quays were wider and safer, and that the boats could "
		 "now come in at any tide, which the old lock did not allow in winter.</p>"
		 "<p>The council said the works cost less than planned and that the market would "
		 "open on Saturdays too from next month, with stalls for local growers.</p>"
		 "</article></body></html>",
		 head, byline);
	rv_record rec = { 0 };
	rec.data = buf;
	rec.len = strlen(buf);
	rec.format = RV_FORMAT_HTML;
	rec.ref = "test";
	rv_article_init(a);
	rv_error err = { 0 };
	int rc = rv_extract(&rec, a, &err);
	if (rc != RV_OK)
		TEST_FAIL("extract failed: %d", rc);
}

static void expect_authors(const rv_article *a, size_t n, const char *const *want)
{
	if (a->authors.len != n) {
		for (size_t i = 0; i < a->authors.len; i++)
			fprintf(stderr, "  got author [%s]\n", a->authors.items[i]);
		TEST_FAIL("%zu authors, want %zu", a->authors.len, n);
	}
	for (size_t i = 0; i < n; i++)
		ASSERT_STR_EQ(a->authors.items[i], want[i]);
}

TEST(meta_author_repeated_tags_surname_first)
{
	rv_article a;
	page(&a,
	     "<meta name=\"DC.Creator\" content=\"Kooman, F.\">"
	     "<meta name=\"DC.Creator\" content=\"Jong, Michiel de\">",
	     "");
	expect_authors(&a, 2, (const char *const[]){ "F. Kooman", "Michiel de Jong" });
	rv_article_release(&a);
}

TEST(meta_author_list_with_comma_is_not_inverted)
{
	rv_article a;
	page(&a, "<meta name=\"author\" content=\"Jane Doe, John Smith\">", "");
	expect_authors(&a, 2, (const char *const[]){ "Jane Doe", "John Smith" });
	rv_article_release(&a);
}

TEST(meta_author_login_does_not_hide_byline)
{
	rv_article a;
	page(&a,
	     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	     "\"headline\":\"Harbour reopens after two years of works\",\"creator\":\"XY7567\"}"
	     "</script>",
	     "<div class=\"byline\"><span>Jane Holm</span> \xE2\x80\xA2 8h</div>");
	expect_authors(&a, 1, (const char *const[]){ "Jane Holm" });
	rv_article_release(&a);
}

TEST(meta_author_organisation_only_as_last_resort)
{
	rv_article a;
	page(&a,
	     "<script type=\"application/ld+json\">{\"@type\":\"Article\","
	     "\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette News\"}}</script>",
	     "");
	expect_authors(&a, 1, (const char *const[]){ "Harbour Gazette News" });
	rv_article_release(&a);
	/* a person named anywhere wins */
	page(&a,
	     "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":["
	     "{\"@type\":\"Organization\",\"name\":\"Harbour Gazette News\"},"
	     "{\"@type\":\"Person\",\"name\":\"Lena Berg\"}]}</script>",
	     "");
	expect_authors(&a, 1, (const char *const[]){ "Lena Berg" });
	rv_article_release(&a);
	/* a role label is no author, even as a last resort */
	page(&a, "<meta name=\"author\" content=\"Staff\">", "");
	ASSERT_EQ(a.authors.len, 0);
	rv_article_release(&a);
}

TEST(meta_author_for_only_after_a_name)
{
	rv_article a;
	page(&a, "<meta name=\"author\" content=\"Jane Doe for Daily Mail\">", "");
	expect_authors(&a, 1, (const char *const[]){ "Jane Doe" });
	rv_article_release(&a);
	page(&a, "<meta name=\"author\" content=\"Organization for Harbour Works\">", "");
	expect_authors(&a, 1, (const char *const[]){ "Organization for Harbour Works" });
	rv_article_release(&a);
}

TEST(meta_author_ampersand_inside_a_name)
{
	rv_article a;
	page(&a, "<meta name=\"author\" content=\"Mac &amp; i\">", "");
	expect_authors(&a, 1, (const char *const[]){ "Mac & i" });
	rv_article_release(&a);
	page(&a, "<meta name=\"author\" content=\"Jane Doe &amp; John Smith\">", "");
	expect_authors(&a, 2, (const char *const[]){ "Jane Doe", "John Smith" });
	rv_article_release(&a);
}

TEST(meta_author_editor_is_no_author)
{
	rv_article a;
	page(&a, "", "<p class=\"byline author\">Written by Rob Ellis<br>Edited by Betty Bauer</p>");
	expect_authors(&a, 1, (const char *const[]){ "Rob Ellis" });
	rv_article_release(&a);
}

TEST(meta_author_prompts_and_labels_rejected)
{
	rv_article a;
	page(&a, "", "<div class=\"author\">Please enter your name here</div>");
	ASSERT_EQ(a.authors.len, 0);
	rv_article_release(&a);
	page(&a, "", "<div class=\"byline\">Posted on 12 March 2021</div>");
	ASSERT_EQ(a.authors.len, 0);
	rv_article_release(&a);
	page(&a, "", "<div class=\"byline\">Von MORITZ HALM am 12. März 2021</div>");
	expect_authors(&a, 1, (const char *const[]){ "MORITZ HALM" });
	rv_article_release(&a);
}

TEST(meta_author_handle_in_parentheses_dropped)
{
	rv_article a;
	page(&a, "<meta name=\"author\" content=\"Jane Doe (jdoe)\">", "");
	expect_authors(&a, 1, (const char *const[]){ "Jane Doe" });
	rv_article_release(&a);
	page(&a, "<meta name=\"author\" content=\"Martin Unter (avec Damien Lelou et Morgane Tua)\">", "");
	expect_authors(&a, 3, (const char *const[]){ "Martin Unter", "Damien Lelou", "Morgane Tua" });
	rv_article_release(&a);
}
