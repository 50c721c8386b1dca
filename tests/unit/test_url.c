/* test_url.c - URL normalisation, resolution, hosts. */
#include "test.h"
#include "ingest/url.h"

static void check_norm(const char *in, const char *want)
{
	char *got = rv_url_normalize(in);
	if (!want) {
		if (got)
			TEST_FAIL("%s should not normalise, got %s", in, got);
		return;
	}
	if (!got || strcmp(got, want))
		TEST_FAIL("normalize(%s):\n    got      %s\n    expected %s", in,
		          got ? got : "(null)", want);
	free(got);
}

TEST(url_normalize_case_ports_fragments)
{
	check_norm("HTTP://Example.COM:80/A/b#frag", "http://example.com/A/b");
	check_norm("https://example.com:443", "https://example.com/");
	check_norm("https://example.com:8443/x", "https://example.com:8443/x");
	check_norm("http://user:pw@Example.com./x", "http://example.com/x");
	check_norm("  http://example.com/a b  ", "http://example.com/a%20b");
	check_norm("http://example.com/%7euser/%2f", "http://example.com/~user/%2F");
}

TEST(url_normalize_tracking_and_sort)
{
	check_norm("https://n.example/a?utm_source=x&b=2&a=1&fbclid=zz#c",
	           "https://n.example/a?a=1&b=2");
	check_norm("https://n.example/a?utm_campaign=x&gclid=1&mc_cid=2", "https://n.example/a");
	check_norm("https://n.example/a?UTM_Medium=x&id=3", "https://n.example/a?id=3");
	check_norm("https://n.example/?q=&x", "https://n.example/?q=&x");
}

TEST(url_normalize_rejects)
{
	check_norm("ftp://example.com/a", NULL);
	check_norm("mailto:a@b.c", NULL);
	check_norm("/relative/path", NULL);
	check_norm("http://", NULL);
	check_norm("http://host:12ab/", NULL);
	check_norm(NULL, NULL);
}

/* Found by fuzz_url: the normal form of a normal form must be itself. */
TEST(url_normalize_is_stable)
{
	/* a lone '%' is written %25, so it cannot pair with the next bytes later */
	check_norm("http://e.example/ne%%30ez", "http://e.example/ne%250ez");
	check_norm("http://e.example/ne%250ez", "http://e.example/ne%250ez");
	/* parameters sort in their escaped form */
	check_norm("https://e.example/?m=1&\xa9=2", "https://e.example/?%A9=2&m=1");
	check_norm("https://e.example/?%A9=2&m=1", "https://e.example/?%A9=2&m=1");
	/* a tracking name written with escapes is still one */
	check_norm("https://e.example/?ut%6D_source=x&id=1", "https://e.example/?id=1");
	/* a space or control byte in the host: no URL */
	check_norm("http://a b.example/x", NULL);
	check_norm("http://a\r\nSet-Cookie:x/", NULL);
}

TEST(url_resolve_relative)
{
	char *u = rv_url_resolve("https://gazette.example/news/index.html",
	                         "../feeds/all.rss?utm_source=a");
	ASSERT_STR_EQ(u, "https://gazette.example/feeds/all.rss");
	free(u);
	u = rv_url_resolve("https://gazette.example/a/", "//other.example/x");
	ASSERT_STR_EQ(u, "https://other.example/x");
	free(u);
	u = rv_url_resolve(NULL, "https://Abs.example");
	ASSERT_STR_EQ(u, "https://abs.example/");
	free(u);
}

TEST(url_host_origin_path)
{
	char *h = rv_url_host_key("https://WWW.Example.com:8080/a?b");
	ASSERT_STR_EQ(h, "www.example.com:8080");
	free(h);
	char *o = rv_url_origin("http://example.com:80/x/y?z=1");
	ASSERT_STR_EQ(o, "http://example.com");
	free(o);
	char *p = rv_url_path_query("http://example.com/x/y?z=1&utm_term=q");
	ASSERT_STR_EQ(p, "/x/y?z=1");
	free(p);
	ASSERT(rv_url_is_tracking_param("utm_content", 11));
	ASSERT(!rv_url_is_tracking_param("id", 2));
}
