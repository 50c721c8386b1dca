/* test_feed.c - RSS, Atom, sitemaps, discovery, and the feed ingest reader. */
#include "test.h"
#include "ingest/feed.h"
#include "ingest/ingest.h"
#include "core/str.h"

struct got {
	size_t n;
	char guid[8][256], link[8][256], title[8][256], body[8][512], published[8][64],
	    updated[8][64];
	char feed_title[8][256], authors[8][256], categories[8][256];
	int html[8];
	size_t title_len[8];
};

static void cp(char *dst, const char *s)
{
	snprintf(dst, 256, "%s", s ? s : "");
}

static int collect(const rv_feed_item *it, size_t index, void *ctx)
{
	struct got *g = ctx;
	if (index != g->n + 1)
		TEST_FAIL("index %zu after %zu", index, g->n);
	if (g->n < 8) {
		cp(g->guid[g->n], it->guid);
		cp(g->link[g->n], it->link);
		cp(g->title[g->n], it->title);
		snprintf(g->body[g->n], 512, "%s", it->body ? it->body : "");
		cp(g->published[g->n], it->published);
		cp(g->updated[g->n], it->updated);
		g->html[g->n] = it->body_html;
		cp(g->feed_title[g->n], it->feed_title);
		char *a = rv_strlist_join(it->authors, ";"), *c = rv_strlist_join(it->categories, ";");
		cp(g->authors[g->n], a);
		cp(g->categories[g->n], c);
		free(a);
		free(c);
		g->title_len[g->n] = it->title ? strlen(it->title) : 0;
	}
	g->n++;
	return 0;
}

static rv_feed_kind parse_fixture(const char *path, const char *base, struct got *g)
{
	size_t len;
	char *data = rv_test_read_file(path, &len);
	memset(g, 0, sizeof *g);
	rv_feed_kind kind;
	rv_error err;
	int rc = rv_feed_parse(data, len, base, &kind, collect, g, &err);
	free(data);
	if (rc)
		TEST_FAIL("%s: %s", path, err.msg);
	return kind;
}

TEST(feed_rss2)
{
	struct got g;
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/rss2.xml"), "https://gazette.example/feed", &g),
	          RV_FEED_RSS);
	ASSERT_EQ(g.n, 2);
	ASSERT_STR_EQ(g.guid[0], "gazette-1001");
	ASSERT_STR_EQ(g.title[0], "North quay reopens after eleven weeks");
	ASSERT_STR_EQ(g.link[0], "https://gazette.example/2022/01/quay?id=7");
	ASSERT_CONTAINS(g.body[0], "<p>The harbour authority reopened");
	ASSERT(g.html[0]);
	ASSERT_STR_EQ(g.published[0], "Mon, 24 Jan 2022 11:48:00 +0100");
	ASSERT_STR_EQ(g.link[1], "https://gazette.example/2022/01/ferry");
	ASSERT_STR_EQ(g.published[1], "2022-01-25T08:00:00Z");
	ASSERT_CONTAINS(g.body[1], "<i>earlier</i>");
	/* the outlet without its section; bylines and categories */
	ASSERT_STR_EQ(g.feed_title[0], "Harbour Gazette");
	ASSERT_STR_EQ(g.authors[0], "Ana Ruiz");
	ASSERT_STR_EQ(g.categories[0], "Port;Ville");
	ASSERT_STR_EQ(g.authors[1], "Tom Hale"); /* "desk@… (Tom Hale)" */
	ASSERT_STR_EQ(g.categories[1], "");
}

TEST(feed_atom)
{
	struct got g;
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/atom.xml"), NULL, &g), RV_FEED_ATOM);
	ASSERT_EQ(g.n, 2);
	ASSERT_STR_EQ(g.guid[0], "tag:courier.example,2022:5");
	ASSERT_STR_EQ(g.link[0], "https://courier.example/bridge#top");
	ASSERT_CONTAINS(g.body[0], "hairline cracks");
	ASSERT_STR_EQ(g.published[0], "2022-02-02T09:30:00+01:00");
	ASSERT_STR_EQ(g.updated[0], "2022-02-02T10:00:00+01:00");
	ASSERT_STR_EQ(g.link[1], "https://courier.example/market");
	ASSERT_CONTAINS(g.body[1], "market hall closes in March");
	ASSERT_STR_EQ(g.published[1], "");
	ASSERT_STR_EQ(g.feed_title[0], "Valley Courier");
	ASSERT_STR_EQ(g.authors[0], "Léa Morel");
	ASSERT_STR_EQ(g.categories[0], "Transports");
	ASSERT_STR_EQ(g.authors[1], "");
}

TEST(feed_rss1_and_091)
{
	struct got g;
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/rss1.rdf"), NULL, &g), RV_FEED_RSS);
	ASSERT_EQ(g.n, 1);
	ASSERT_STR_EQ(g.link[0], "https://ridge.example/snow");
	ASSERT_STR_EQ(g.published[0], "2022-01-20");
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/rss091.xml"), NULL, &g), RV_FEED_RSS);
	ASSERT_EQ(g.n, 1);
	ASSERT_STR_EQ(g.title[0], "Clock tower repaired");
}

TEST(feed_sitemaps)
{
	struct got g;
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/news-sitemap.xml"), NULL, &g), RV_FEED_SITEMAP);
	ASSERT_EQ(g.n, 2);
	ASSERT_STR_EQ(g.link[0], "https://port.example/news/tide-record");
	ASSERT_STR_EQ(g.title[0], "Record tide floods the promenade");
	ASSERT_STR_EQ(g.published[0], "2022-01-24T11:00:00Z");
	ASSERT_STR_EQ(g.updated[1], "2022-01-23");
	ASSERT_EQ(parse_fixture(FIXTURE("feeds/sitemapindex.xml"), NULL, &g),
	          RV_FEED_SITEMAP_INDEX);
	ASSERT_EQ(g.n, 2);
	ASSERT_STR_EQ(g.link[1], "https://port.example/sitemap-2021.xml");
}

TEST(feed_no_external_entities)
{
	struct got g;
	parse_fixture(FIXTURE("feeds/xxe.xml"), NULL, &g);
	ASSERT_EQ(g.n, 1);
	ASSERT_NOT_CONTAINS(g.title[0], "root:");
}

TEST(feed_not_a_feed)
{
	const char *s = "<html><body>x</body></html>";
	rv_error err;
	struct got g = {0};
	ASSERT_EQ(rv_feed_parse(s, strlen(s), NULL, NULL, collect, &g, &err), RV_EINPUT);
	ASSERT_EQ(rv_feed_parse("\x01\x02", 2, NULL, NULL, collect, &g, &err), RV_EINPUT);
}

TEST(feed_discover)
{
	size_t len;
	char *html = rv_test_read_file(FIXTURE("feeds/home.html"), &len);
	rv_strlist l;
	rv_strlist_init(&l);
	rv_error err;
	ASSERT_EQ(rv_feed_discover(html, len, "https://gazette.example/index.html", &l, &err), 0);
	ASSERT_EQ(l.len, 2);
	ASSERT_STR_EQ(l.items[0], "https://gazette.example/feeds/all.rss");
	ASSERT_STR_EQ(l.items[1], "https://gazette.example/feeds/atom.xml");
	rv_strlist_release(&l);
	free(html);
}

TEST(feed_html_text)
{
	const char *h = "<p>One  <b>two</b></p><p>Three</p><script>x()</script>";
	char *t = rv_feed_html_text(h, strlen(h));
	ASSERT_STR_EQ(t, "One two\n\nThree");
	free(t);
}

struct recs {
	int n;
	char ref[4][256], url[4][256], title[4][256], text[4][256], pub[4][64], source[4][256];
	size_t n_authors[4];
};

static int on_rec(const rv_record *r, void *ctx)
{
	struct recs *rs = ctx;
	if (rs->n < 4) {
		cp(rs->ref[rs->n], r->ref);
		cp(rs->url[rs->n], r->url);
		cp(rs->title[rs->n], r->title);
		snprintf(rs->text[rs->n], 256, "%.*s", (int)r->len, r->data);
		cp(rs->pub[rs->n], r->published);
		cp(rs->source[rs->n], r->source);
		rs->n_authors[rs->n] = r->authors ? r->authors->len : 0;
	}
	rs->n++;
	return 0;
}

TEST(feed_ingest_reader)
{
	struct recs rs = {0};
	rv_ingest_opts o = {0};
	o.on_record = on_rec;
	o.ctx = &rs;
	rv_error err;
	ASSERT_EQ(rv_ingest_path(FIXTURE("feeds/rss2.xml"), &o, &err), 0);
	ASSERT_EQ(rs.n, 2);
	ASSERT_STR_EQ(rs.ref[0], "tests/fixtures/feeds/rss2.xml#1");
	ASSERT_STR_EQ(rs.text[0], "The harbour authority reopened the north quay on "
	                          "Monday.\n\nRepairs had lasted eleven weeks.");
	ASSERT_STR_EQ(rs.title[0], "North quay reopens after eleven weeks");
	ASSERT_STR_EQ(rs.source[0], "Harbour Gazette"); /* the channel, not the host */
	ASSERT_EQ(rs.n_authors[0], 1);
	ASSERT_STR_EQ(rs.pub[0], "Mon, 24 Jan 2022 11:48:00 +0100");
	ASSERT_STR_EQ(rs.ref[1], "tests/fixtures/feeds/rss2.xml#2");
	ASSERT_STR_EQ(rs.text[1], "Winter ferries will leave earlier from February.");
}

TEST(feed_entity_expansion_bounded)
{
	/* Nested internal entities (a billion laughs): refused or cut short,
	 * never expanded to gigabytes. */
	size_t len;
	char *data = rv_test_read_file(FIXTURE("feeds/laughs.xml"), &len);
	struct got g;
	memset(&g, 0, sizeof g);
	rv_error err;
	int rc = rv_feed_parse(data, len, NULL, NULL, collect, &g, &err);
	free(data);
	ASSERT(rc == 0 || rc == RV_EINPUT);
	for (size_t i = 0; i < g.n && i < 8; i++)
		ASSERT(g.title_len[i] < 100000);
}
