/* test_fetch.c - robots.txt rules (the network side is in e2e/watch_*). */
#include "test.h"
#include "fetch/fetch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

static bool allows(const char *robots, const char *path, double *delay)
{
	return rv_robots_allows(robots, strlen(robots), "revue", path, delay);
}

TEST(robots_star_group)
{
	const char *r = "User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: "
	                "other\nDisallow: /\n";
	double d;
	ASSERT(allows(r, "/news/1", &d));
	ASSERT(!allows(r, "/private/x", &d));
	ASSERT(allows(r, "/private/open/1", &d));
	ASSERT_EQ((long)d, 0);
}

TEST(robots_own_group_wins)
{
	const char *r =
	    "User-agent: *\nDisallow: /\n\nUser-agent: Revue\nCrawl-delay: 7\nDisallow: /tmp\n";
	double d;
	ASSERT(allows(r, "/news", &d));
	ASSERT(!allows(r, "/tmp/a", &d));
	ASSERT_EQ((long)d, 7);
}

TEST(robots_wildcards_and_comments)
{
	const char *r = "# comment\nUser-agent: *   # all\nDisallow: /*.pdf$\nDisallow: "
	                "/search*q=\nDisallow:\n";
	ASSERT(!allows(r, "/a/b.pdf", NULL));
	ASSERT(allows(r, "/a/b.pdf?x=1", NULL));
	ASSERT(!allows(r, "/search?q=1", NULL));
	ASSERT(allows(r, "/searching", NULL));
	ASSERT(allows(r, "/", NULL));
}

TEST(robots_grouped_agents_and_empty)
{
	const char *r = "User-agent: a\nUser-agent: revue\nDisallow: /x\n";
	ASSERT(!allows(r, "/x/y", NULL));
	ASSERT(allows("", "/anything", NULL));
	ASSERT(allows("garbage without rules", "/", NULL));
	/* An empty Disallow allows everything. */
	ASSERT(allows("User-agent: *\nDisallow:\n", "/a", NULL));
	ASSERT(!allows("User-agent: *\r\nDisallow: /\r\n", "/a", NULL));
}

TEST(fetcher_user_agent_has_contact)
{
	rv_fetch_config cfg;
	rv_fetch_config_default(&cfg);
	cfg.contact = "mailto:desk@example.org";
	rv_fetcher *f;
	rv_error err;
	ASSERT_EQ(rv_fetcher_new(&cfg, &f, &err), 0);
	ASSERT_CONTAINS(rv_fetcher_user_agent(f), "revue/");
	ASSERT_CONTAINS(rv_fetcher_user_agent(f), "mailto:desk@example.org");
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	ASSERT_EQ(rv_fetch(f, "ftp://example.org/x", NULL, NULL, &r), 0);
	ASSERT_EQ(r.outcome, RV_FETCH_PERMANENT);
	rv_fetch_result_release(&r);
	rv_fetcher_free(&f);
	ASSERT(f == NULL);
}

/* Found by fuzz_robots: a rule of many stars took exponential time. */
TEST(robots_many_stars_linear)
{
	char robots[600] = "User-agent: *\nDisallow: /";
	size_t n = strlen(robots);
	for (int i = 0; i < 300; i++)
		robots[n++] = '*';
	memcpy(robots + n, "x$\n", 4);
	char path[400];
	memset(path, 'a', sizeof path - 1);
	path[0] = '/';
	path[sizeof path - 1] = '\0';
	ASSERT(allows(robots, path, NULL));  /* never ends in x */
	path[sizeof path - 2] = 'x';
	ASSERT(!allows(robots, path, NULL)); /* ends in x */
	ASSERT(!allows("User-agent: *\nDisallow: /a*b*c\n", "/a-b-c-d", NULL));
	ASSERT(allows("User-agent: *\nDisallow: /a*b*c$\n", "/a-b-c-d", NULL));
	ASSERT(!allows("User-agent: *\nDisallow: /a*b*c$\n", "/a-b-cc", NULL));
	ASSERT(!allows("User-agent: *\nDisallow: $\n", "", NULL));
}

/* A URL whose host cannot be reached says so, with curl's reason: the
 * robots.txt asked first failed, and the message was only "robots.txt
 * unreachable: origin paused", for a typo in a host name as for a server
 * down. */
TEST(fetch_unreachable_host_says_why)
{
	/* a loopback port nobody listens on: bound, then closed */
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	ASSERT(fd >= 0);
	struct sockaddr_in sa = { 0 };
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof sa;
	ASSERT_EQ(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	ASSERT_EQ(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	close(fd);
	char url[64], robots[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/news/a.html", ntohs(sa.sin_port));
	snprintf(robots, sizeof robots, "http://127.0.0.1:%d/robots.txt", ntohs(sa.sin_port));
	rv_fetch_config cfg;
	rv_fetch_config_default(&cfg);
	cfg.retries = 0;
	rv_fetcher *f;
	rv_error err;
	ASSERT_EQ(rv_fetcher_new(&cfg, &f, &err), 0);
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	ASSERT_EQ(rv_fetch(f, url, NULL, NULL, &r), 0);
	ASSERT_EQ(r.outcome, RV_FETCH_TRANSIENT);
	ASSERT_CONTAINS(r.error, robots);
	ASSERT_CONTAINS(r.error, "connect");
	/* asked again while the origin is paused: the same reason */
	rv_fetch_result_release(&r);
	rv_fetch_result_init(&r);
	ASSERT_EQ(rv_fetch(f, url, NULL, NULL, &r), 0);
	ASSERT_CONTAINS(r.error, "connect");
	rv_fetch_result_release(&r);
	rv_fetcher_free(&f);
}
