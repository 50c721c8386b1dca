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

/* Extract one HTML page (fetched_at bounds its dates when given). */
static void extract_page(rv_article *a, const char *html, const char *fetched_at)
{
	rv_record rec = {0};
	rec.data = html;
	rec.len = strlen(html);
	rec.format = RV_FORMAT_HTML;
	rec.ref = "test";
	rec.fetched_at = fetched_at;
	rv_article_init(a);
	rv_error err = {0};
	int rc = rv_extract(&rec, a, &err);
	if (rc != RV_OK)
		TEST_FAIL("extract failed: %d (%s)", rc, err.msg);
}

static void page_at(rv_article *a, const char *head, const char *top, const char *foot);

/* A page: head extras, then a body with a headline, the given byline
 * markup and enough article text to be extracted. */
static void page(rv_article *a, const char *head, const char *byline)
{
	page_at(a, head, byline, "");
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

/* The authors of a page made of head and body. */
static void check_authors(const char *head, const char *body, size_t n, const char *const *want)
{
	rv_article a;
	page(&a, head, body);
	expect_authors(&a, n, want);
	rv_article_release(&a);
}

TEST(meta_author_repeated_tags_surname_first)
{
	check_authors("<meta name=\"DC.Creator\" content=\"Kooman, F.\">"
	     "<meta name=\"DC.Creator\" content=\"Jong, Michiel de\">",
	     "", 2, (const char *const[]){"F. Kooman", "Michiel de Jong"});
}

TEST(meta_author_list_with_comma_is_not_inverted)
{
	check_authors("<meta name=\"author\" content=\"Jane Doe, John Smith\">", "", 2, (const char *const[]){"Jane Doe", "John Smith"});
}

TEST(meta_author_login_does_not_hide_byline)
{
	check_authors("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	     "\"headline\":\"Harbour reopens after two years of works\",\"creator\":\"XY7567\"}"
	     "</script>",
	     "<div class=\"byline\"><span>Jane Holm</span> \xE2\x80\xA2 8h</div>", 1, (const char *const[]){"Jane Holm"});
}

TEST(meta_author_organisation_only_as_last_resort)
{
	rv_article a;
	check_authors("<script type=\"application/ld+json\">{\"@type\":\"Article\","
	     "\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette News\"}}</script>",
	     "", 1, (const char *const[]){"Harbour Gazette News"});
	/* a person named anywhere wins */
	check_authors("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":["
	     "{\"@type\":\"Organization\",\"name\":\"Harbour Gazette News\"},"
	     "{\"@type\":\"Person\",\"name\":\"Lena Berg\"}]}</script>",
	     "", 1, (const char *const[]){"Lena Berg"});
	/* a role label is no author, even as a last resort */
	page(&a, "<meta name=\"author\" content=\"Staff\">", "");
	ASSERT_EQ(a.authors.len, 0);
	rv_article_release(&a);
}

TEST(meta_author_for_only_after_a_name)
{
	check_authors("<meta name=\"author\" content=\"Jane Doe for Daily Mail\">", "", 1, (const char *const[]){"Jane Doe"});
	check_authors("<meta name=\"author\" content=\"Organization for Harbour Works\">", "", 1, (const char *const[]){"Organization for Harbour Works"});
}

TEST(meta_author_ampersand_inside_a_name)
{
	check_authors("<meta name=\"author\" content=\"Mac &amp; i\">", "", 1, (const char *const[]){"Mac & i"});
	check_authors("<meta name=\"author\" content=\"Jane Doe &amp; John Smith\">", "", 2, (const char *const[]){"Jane Doe", "John Smith"});
}

TEST(meta_author_editor_is_no_author)
{
	check_authors("",
	     "<p class=\"byline author\">Written by Rob Ellis<br>Edited by Betty Bauer</p>", 1, (const char *const[]){"Rob Ellis"});
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
	check_authors("", "<div class=\"byline\">Von MORITZ HALM am 12. März 2021</div>", 1, (const char *const[]){"MORITZ HALM"});
}

TEST(meta_author_handle_in_parentheses_dropped)
{
	check_authors("<meta name=\"author\" content=\"Jane Doe (jdoe)\">", "", 1, (const char *const[]){"Jane Doe"});
	check_authors("<meta name=\"author\" content=\"Martin Unter (avec Damien Lelou et Morgane Tua)\">",
	     "", 3, (const char *const[]){"Martin Unter", "Damien Lelou", "Morgane Tua"});
}

/* ---------------------------------------------------------------- dates */

static void page_at(rv_article *a, const char *head, const char *top, const char *foot)
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
	         "</article>%s</body></html>",
	         head, top, foot);
	extract_page(a, buf, "2024-01-01T00:00:00Z");
}

TEST(meta_date_shown_update_beats_hidden_publication)
{
	const char *head =
	    "<meta property=\"article:published_time\" content=\"2021-11-29T15:13:37+01:00\">"
	    "<meta property=\"article:modified_time\" content=\"2022-01-12T15:27:30+01:00\">";
	rv_article a;
	/* only the update is shown, under the headline */
	page_at(&a, head, "<p class=\"meta\">Updated 12.01.2022</p>", "");
	ASSERT(!strncmp(a.published, "2022-01-12", 10));
	ASSERT_STR_EQ(a.published_source, "modified"); /* not the metadata it replaced */
	ASSERT(a.published_inferred);
	ASSERT(a.modified && !strncmp(a.modified, "2022-01-12", 10));
	rv_article_release(&a);
	/* the publication day is shown too: it stays */
	page_at(&a, head, "<p class=\"meta\">29.11.2021, updated 12.01.2022</p>", "");
	ASSERT(!strncmp(a.published, "2021-11-29", 10));
	ASSERT(!strncmp(a.modified, "2022-01-12", 10));
	rv_article_release(&a);
	/* a last-edit line far below the headline does not count */
	char foot[6000];
	size_t k = 0;
	for (; k < 2400; k++)
		foot[k] = (k % 7 == 6) ? ' ' : 'x';
	snprintf(foot + k, sizeof foot - k,
	         "<footer>This page was last edited on 12.01.2022</footer>");
	char filler[6100];
	snprintf(filler, sizeof filler, "<div>%s</div>", foot);
	page_at(&a, head, "", filler);
	ASSERT(!strncmp(a.published, "2021-11-29", 10));
	rv_article_release(&a);
}

TEST(meta_date_time_below_headline_wins)
{
	rv_article a;
	page_at(
	    &a, "",
	    "<p class=\"publication\">Le <time datetime=\"2019-06-28T13:49:45Z\">28 juin "
	    "2019</time></p>"
	    "<div class=\"other\"><p>Earlier: <time pubdate datetime=\"2019-09-22T07:30:29Z\">22 "
	    "septembre 2019</time></p></div>",
	    "");
	ASSERT(!strncmp(a.published, "2019-06-28", 10));
	ASSERT_STR_EQ(a.published_source, "time");
	rv_article_release(&a);
}

TEST(meta_date_time_text_beats_its_attribute)
{
	rv_article a;
	page_at(&a, "",
	        "<div class=\"time\"><time datetime=\"2019-07-03T10:18:46Z\">Publié le 29 juin "
	        "2019</time></div>",
	        "");
	ASSERT(!strncmp(a.published, "2019-06-29", 10));
	rv_article_release(&a);
	/* the same day in another form: the attribute's time is kept */
	page_at(&a, "", "<time datetime=\"2019-06-29T10:18:46+02:00\">29 juin 2019</time>", "");
	ASSERT_STR_EQ(a.published, "2019-06-29T10:18:46+02:00");
	rv_article_release(&a);
}

/* A shown date with a 12-hour clock: the marker moves the hour. */
TEST(meta_date_twelve_hour_clock_below_headline)
{
	rv_article a;
	page_at(&a, "", "<p>Posted on March 4, 2023 at 11:45 PM</p>", "");
	ASSERT_STR_EQ(a.published, "2023-03-04T23:45");
	rv_article_release(&a);
	page_at(&a, "", "<p class=\"dateline\">Updated 12:10 a.m. EST, Sat March 4, 2023</p>", "");
	ASSERT(!strncmp(a.published, "2023-03-04", 10));
	rv_article_release(&a);
}

TEST(meta_date_update_stamp_when_nothing_else)
{
	rv_article a;
	page_at(&a, "", "<span class=\"updated\" title=\"2013-04-04T18:52:11+00:00\"></span>",
	        "<p>Archived 10.11.2013, 10.11.2013 and 10.11.2013.</p>");
	ASSERT(!strncmp(a.published, "2013-04-04", 10));
	ASSERT_STR_EQ(a.published_source, "modified");
	ASSERT(a.published_inferred);
	ASSERT(a.modified && !strncmp(a.modified, "2013-04-04", 10));
	rv_article_release(&a);
	page_at(&a, "<meta itemprop=\"dateUpdate\" content=\"2020-02-14 10:47:36\">", "", "");
	ASSERT(!strncmp(a.published, "2020-02-14", 10));
	rv_article_release(&a);
}

TEST(meta_date_day_first_in_url_path)
{
	rv_article a;
	page_at(&a, "<link rel=\"canonical\" href=\"https://harbour.example/news/29-10-2021\">", "",
	        "");
	ASSERT_STR_EQ(a.published, "2021-10-29");
	ASSERT_STR_EQ(a.published_source, "url");
	rv_article_release(&a);
	page_at(&a,
	        "<link rel=\"canonical\" "
	        "href=\"https://harbour.example/news/23-01-2022-harbour-reopens\">",
	        "", "");
	ASSERT_STR_EQ(a.published, "2022-01-23");
	rv_article_release(&a);
	/* a product number is no date */
	page_at(&a, "<link rel=\"canonical\" href=\"https://harbour.example/item/12-34-5678\">", "",
	        "");
	ASSERT(!a.published || strcmp(a.published_source, "url"));
	rv_article_release(&a);
}

TEST(meta_date_kicker_above_headline)
{
	static const char page_src[] =
	    "<html><head><title>Harbour reopens</title></head><body><div class=\"detail\">"
	    "<p class=\"category\"> 24. April 2020 | <a href=\"/press\">Press releases</a></p>"
	    "<h1>Harbour reopens after two years of works</h1><h2>The town celebrates on 3 May</h2>"
	    "<p>The harbour of the small town reopened on Monday after two years of works "
	    "that rebuilt its quays, its lock and the fish market along the old pier.</p>"
	    "<p>Fishermen said the new quays were wider and safer, and that the old rules of "
	    "28.02.2017 no longer applied to the boats that come in at any tide.</p>"
	    "</div></body></html>";
	rv_record rec = {0};
	rec.data = page_src;
	rec.len = strlen(page_src);
	rec.format = RV_FORMAT_HTML;
	rec.ref = "t";
	rec.fetched_at = "2024-01-01T00:00:00Z";
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.published, "2020-04-24");
	rv_article_release(&a);
}

TEST(meta_date_label_then_name_then_date)
{
	rv_article a;
	page_at(&a, "", "",
	        "<div class=\"submitted\">Gespeichert von <span>rasos</span> am 24. Juli 2017 - "
	        "18:55</div>"
	        "<p>Wir fahren am 23.-26.8.2017 hin, am 26.8.2017 zurück, 26.8.2017.</p>");
	ASSERT(!strncmp(a.published, "2017-07-24", 10));
	rv_article_release(&a);
}

TEST(meta_author_von_as_particle)
{
	check_authors("", "<div class=\"byline\">Christoph von Eichhorn</div>", 1, (const char *const[]){"Christoph von Eichhorn"});
	check_authors("", "<div class=\"byline\">Ein Bericht von Jana Holm</div>", 1, (const char *const[]){"Jana Holm"});
	check_authors("", "<div class=\"byline\">Erstellt von Andri Bryn</div>", 1, (const char *const[]){"Andri Bryn"});
}
