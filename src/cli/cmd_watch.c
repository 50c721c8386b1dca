/* cmd_watch.c - revue watch [--once] FEEDLIST: follow feeds, fetch new
 * articles, store them.
 *
 * Every decision is written to the store before the next step, and the
 * page's "done" mark commits in the same transaction as its article, so a
 * watcher killed at any moment (kill -9 included) neither loses nor repeats
 * an article when restarted. SIGTERM / SIGINT let the current article
 * finish, then stop; SIGHUP re-reads the feed list. One logfmt line per
 * event on stderr.
 */
#include "cli/cli.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/str.h"
#include "fetch/fetch.h"
#include "ingest/feed.h"
#include "ingest/url.h"
#include "pipeline/pipeline.h"
#include "store/watch_state.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
    "revue watch [--db PATH] [--once] [--contact URL|EMAIL] [--delay S] [--timeout S]\n"
    "            [--retries N] [--max-body BYTES] [--min-interval S] [--max-interval S]\n"
    "            [--retry-base S] [--max-tries N] [--max-fetch N] [--ignore-robots] FEEDLIST\n"
    "  Poll the feeds listed in FEEDLIST (one URL per line: RSS, Atom, sitemap, or a\n"
    "  home page announcing feeds), fetch each new article once, extract, group and\n"
    "  store it. --once polls every feed once, fetches what is due and exits.\n"
    "  State lives in the store: a restart resumes where the last run stopped.";

static volatile sig_atomic_t stop_flag;
static volatile sig_atomic_t reload_flag;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		reload_flag = 1;
	else
		stop_flag = 1;
}

struct watch {
	rv_store *store;
	rv_pipeline *pipeline;
	rv_watch_state *state;
	rv_fetcher *fetcher;
	bool once;
	int min_interval, max_interval;
	int retry_base, max_tries;
	long max_fetch;
	int fatal;
	rv_error err;
};

/* ---- logfmt --------------------------------------------------------------- */

/* key=value with the value quoted when it holds spaces, quotes or '='. */
static void kv(rv_buf *b, const char *key, const char *v)
{
	if (!v)
		return;
	bool quote = !*v || strpbrk(v, " \t\"=\\\n\r") != NULL;
	rv_buf_printf(b, " %s=", key);
	if (!quote) {
		rv_buf_puts(b, v);
		return;
	}
	rv_buf_putc(b, '"');
	for (const char *p = v; *p && b->len < 2000; p++) {
		if (*p == '"' || *p == '\\')
			rv_buf_putc(b, '\\');
		if (*p == '\n' || *p == '\r')
			rv_buf_puts(b, "\\n");
		else
			rv_buf_putc(b, *p);
	}
	rv_buf_putc(b, '"');
}

static void kvl(rv_buf *b, const char *key, long long v)
{
	rv_buf_printf(b, " %s=%lld", key, v);
}

static void log_start(rv_buf *b, const char *level, const char *event)
{
	rv_buf_init(b, 4096);
	rv_date d;
	rv_date_from_epoch((int64_t)time(NULL), &d);
	char ts[RV_DATE_ISO_MAX];
	rv_date_format(&d, ts);
	rv_buf_printf(b, "ts=%s level=%s event=%s", ts, level, event);
}

static void log_end(rv_buf *b)
{
	rv_buf_putc(b, '\n');
	fputs(rv_buf_str(b), stderr);
	fflush(stderr);
	rv_buf_release(b);
}

static void log_error(const char *event, const char *msg)
{
	rv_buf b;
	log_start(&b, "error", event);
	kv(&b, "msg", msg);
	log_end(&b);
}

/* ---- feeds --------------------------------------------------------------- */

struct poll_ctx {
	struct watch *w;
	const rv_watch_feed *feed;
	int64_t now;
	size_t items, new_items, new_pages, revised, children, skipped;
	rv_error err;
};

static int on_child_sitemap(const rv_feed_item *it, size_t index, void *vctx);

static int on_item(const rv_feed_item *it, size_t index, void *vctx)
{
	/* A sitemap index lists sitemaps: they become feeds of their own. */
	if (it->kind == RV_FEED_SITEMAP_INDEX)
		return on_child_sitemap(it, index, vctx);
	struct poll_ctx *pc = vctx;
	struct watch *w = pc->w;
	pc->items++;
	char *link = it->link ? rv_url_resolve(pc->feed->url, it->link) : NULL;
	const char *guid = it->guid && *it->guid ? it->guid : link;
	if (!guid) {
		pc->skipped++;
		return RV_OK;
	}
	int rc = RV_OK;
	const char *date = it->published ? it->published : it->updated;
	int what;
	if ((rc = rv_watch_item_note(w->state, pc->feed->id, guid, link, it->title, date, pc->now,
	                             &what, &pc->err)))
		goto out;
	if (what == RV_ITEM_REVISED) {
		/* Same GUID, new title or date: the same article, edited. */
		pc->revised++;
		rv_buf b;
		log_start(&b, "info", "revision");
		kv(&b, "feed", pc->feed->url);
		kv(&b, "guid", guid);
		kv(&b, "title", it->title);
		kv(&b, "date", date);
		log_end(&b);
	} else if (what == RV_ITEM_NEW) {
		pc->new_items++;
	}
	if (link) {
		bool added = false;
		if ((rc = rv_watch_page_add(w->state, link, pc->feed->id, it->title, date, pc->now,
		                            &added, &pc->err)))
			goto out;
		if (added)
			pc->new_pages++;
	}
out:
	free(link);
	return rc;
}

static int on_child_sitemap(const rv_feed_item *it, size_t index, void *vctx)
{
	(void)index;
	struct poll_ctx *pc = vctx;
	pc->items++;
	char *link = it->link ? rv_url_resolve(pc->feed->url, it->link) : NULL;
	if (!link)
		return RV_OK;
	int64_t id = 0;
	int rc =
	    rv_watch_feed_add(pc->w->state, link, pc->feed->id, pc->w->min_interval, &id, &pc->err);
	if (!rc)
		pc->children++;
	free(link);
	return rc;
}

static const char *kind_name(rv_feed_kind k)
{
	switch (k) {
	case RV_FEED_RSS: return "rss";
	case RV_FEED_ATOM: return "atom";
	case RV_FEED_SITEMAP: return "sitemap";
	case RV_FEED_SITEMAP_INDEX: return "sitemapindex";
	default: return NULL;
	}
}

/* A home page instead of a feed: follow the feeds it announces. */
static int discover(struct watch *w, const rv_watch_feed *feed, const rv_fetch_result *r,
                    int64_t now, size_t *found)
{
	rv_strlist links;
	rv_strlist_init(&links);
	rv_error perr;
	*found = 0;
	const char *base = r->final_url ? r->final_url : feed->url;
	int rc = rv_feed_discover(rv_buf_str(&r->body), r->body.len, base, &links, &perr);
	if (rc == RV_OK) {
		for (size_t i = 0; i < links.len && !rc; i++) {
			rc = rv_watch_feed_add(w->state, links.items[i], feed->id, w->min_interval,
			                       NULL, &w->err);
			rv_buf b;
			log_start(&b, "info", "discover");
			kv(&b, "page", feed->url);
			kv(&b, "feed", links.items[i]);
			log_end(&b);
		}
		*found = links.len;
	} else {
		rc = RV_OK;
	}
	(void)now;
	rv_strlist_release(&links);
	return rc;
}

static int poll_feed(struct watch *w, const rv_watch_feed *feed)
{
	int64_t now = (int64_t)time(NULL);
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	rv_fetch(w->fetcher, feed->url, feed->etag, feed->last_modified, &r);
	int interval = feed->interval > 0 ? feed->interval : w->min_interval;
	int rc = RV_OK;
	rv_buf b;
	if (r.outcome == RV_FETCH_NOT_MODIFIED) {
		interval = interval * 3 / 2;
		if (interval > w->max_interval)
			interval = w->max_interval;
		rc = rv_watch_feed_polled(w->state, feed->id, NULL, NULL, NULL, interval,
		                          now + interval, 0, NULL, false, now, &w->err);
		log_start(&b, "info", "poll");
		kv(&b, "feed", feed->url);
		kvl(&b, "status", r.status);
		kvl(&b, "new", 0);
		kvl(&b, "interval", interval);
		log_end(&b);
		goto out;
	}
	if (r.outcome != RV_FETCH_OK) {
		int failures = feed->failures + 1;
		long wait = (long)interval << (failures < 6 ? failures : 6);
		if (wait > w->max_interval)
			wait = w->max_interval;
		rc = rv_watch_feed_polled(w->state, feed->id, NULL, NULL, NULL, interval,
		                          now + wait, failures, r.error, false, now, &w->err);
		log_start(&b, "warn", "poll_failed");
		kv(&b, "feed", feed->url);
		kvl(&b, "status", r.status);
		kv(&b, "error", r.error);
		kvl(&b, "failures", failures);
		kvl(&b, "retry_in", wait);
		log_end(&b);
		goto out;
	}
	struct poll_ctx pc = {0};
	pc.w = w;
	pc.feed = feed;
	pc.now = now;
	rv_feed_kind kind = RV_FEED_UNKNOWN;
	if ((rc = rv_store_begin(w->store, &w->err)))
		goto out;
	rv_error perr;
	rv_error_clear(&perr);
	const char *base = r.final_url ? r.final_url : feed->url;
	int prc = rv_feed_parse(rv_buf_str(&r.body), r.body.len, base, &kind, on_item, &pc, &perr);
	if (prc && prc != RV_EINPUT) {
		/* The store failed inside an item callback. */
		rv_store_rollback(w->store);
		w->err = pc.err.msg[0] ? pc.err : perr;
		rc = prc;
		goto out;
	}
	size_t discovered = 0;
	if (prc == RV_EINPUT && (rc = discover(w, feed, &r, now, &discovered))) {
		rv_store_rollback(w->store);
		goto out;
	}
	bool changed = pc.new_pages > 0 || pc.children > 0;
	if (prc == RV_EINPUT && !discovered) {
		int failures = feed->failures + 1;
		rc = rv_watch_feed_polled(w->state, feed->id, NULL, NULL, NULL, interval,
		                          now + w->max_interval, failures, perr.msg, false, now,
		                          &w->err);
	} else {
		interval = changed ? interval / 2 : interval * 3 / 2;
		if (interval < w->min_interval)
			interval = w->min_interval;
		if (interval > w->max_interval)
			interval = w->max_interval;
		rc = rv_watch_feed_polled(w->state, feed->id, kind_name(kind), r.etag,
		                          r.last_modified, interval, now + interval, 0, NULL,
		                          changed, now, &w->err);
	}
	if (rc || (rc = rv_store_commit(w->store, &w->err))) {
		rv_store_rollback(w->store);
		goto out;
	}
	log_start(&b, prc == RV_EINPUT && !discovered ? "warn" : "info", "poll");
	kv(&b, "feed", feed->url);
	kvl(&b, "status", r.status);
	kv(&b, "kind", kind_name(kind));
	kvl(&b, "items", (long long)pc.items);
	kvl(&b, "new", (long long)pc.new_items);
	kvl(&b, "queued", (long long)pc.new_pages);
	kvl(&b, "revised", (long long)pc.revised);
	if (pc.children)
		kvl(&b, "sitemaps", (long long)pc.children);
	if (discovered)
		kvl(&b, "discovered", (long long)discovered);
	if (prc == RV_EINPUT && !discovered)
		kv(&b, "error", perr.msg);
	kvl(&b, "interval", interval);
	log_end(&b);
out:
	rv_fetch_result_release(&r);
	return rc;
}

/* ---- pages --------------------------------------------------------------- */

static rv_format page_format(const rv_fetch_result *r)
{
	const char *ct = r->content_type;
	if (ct && (strcasestr(ct, "html") || strcasestr(ct, "xml")))
		return RV_FORMAT_HTML;
	if (ct && strcasestr(ct, "text/plain"))
		return RV_FORMAT_TEXT;
	const char *p = rv_buf_str(&r->body);
	size_t n = r->body.len < 1024 ? r->body.len : 1024;
	for (size_t i = 0; i + 5 < n; i++)
		if (p[i] == '<' &&
		    (!strncasecmp(p + i, "<html", 5) || !strncasecmp(p + i, "<!doc", 5)))
			return RV_FORMAT_HTML;
	return ct ? RV_FORMAT_AUTO : RV_FORMAT_TEXT;
}

static int process_page(struct watch *w, const rv_watch_page *pg)
{
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rv_fetch(w->fetcher, pg->url, NULL, NULL, &r);
	int64_t now = (int64_t)time(NULL);
	int rc = RV_OK;
	const char *outcome = NULL;
	char why[512] = "";
	int64_t article = 0;
	if (r.outcome == RV_FETCH_OK) {
		rv_format fmt = page_format(&r);
		if (fmt == RV_FORMAT_AUTO) {
			snprintf(why, sizeof why, "not an article: %s", r.content_type);
			rc = rv_watch_page_failed(w->state, pg->url, "gone", r.status, why,
			                          pg->tries + 1, 0, &w->err);
			outcome = "skipped";
		} else {
			rv_date d;
			rv_date_from_epoch(now, &d);
			char fetched[RV_DATE_ISO_MAX];
			rv_date_format(&d, fetched);
			rv_record rec = {0};
			rec.data = rv_buf_str(&r.body);
			rec.len = r.body.len;
			rec.format = fmt;
			rec.ref = pg->url;
			rec.url = pg->url;
			rec.fetched_at = fetched;
			rec.content_type = r.content_type;
			/* the page's headline is the full one; a feed often shortens it */
			rec.fallback_title = pg->title;
			rec.published = pg->published;
			rv_pipeline_stats before = *rv_pipeline_stats_get(w->pipeline);
			rv_error perr;
			rv_error_clear(&perr);
			int prc = rv_pipeline_add(w->pipeline, &rec, &article, &perr);
			const rv_pipeline_stats *after = rv_pipeline_stats_get(w->pipeline);
			if (prc == RV_EINPUT) {
				snprintf(why, sizeof why, "%s", perr.msg);
				outcome = "rejected";
				rc = rv_watch_page_failed(w->state, pg->url, "gone", r.status, why,
				                          pg->tries + 1, 0, &w->err);
			} else if (prc) {
				w->err = perr;
				rc = prc;
			} else {
				outcome = after->stored > before.stored           ? "stored"
				          : after->duplicates > before.duplicates ? "duplicate"
				                                                  : "unchanged";
				/* In the article's own transaction: both or neither. */
				rc = rv_watch_page_done(w->state, pg->url, r.status, article, now,
				                        &w->err);
			}
			if (!rc)
				rc = rv_pipeline_commit(w->pipeline, &w->err);
		}
	} else if (r.outcome == RV_FETCH_TRANSIENT) {
		int tries = pg->tries + 1;
		bool give_up = tries >= w->max_tries;
		long wait = (long)w->retry_base << (tries - 1 < 10 ? tries - 1 : 10);
		rc = rv_watch_page_failed(w->state, pg->url, give_up ? "gone" : "failed", r.status,
		                          r.error, tries, now + wait, &w->err);
		outcome = give_up ? "gave_up" : "retry";
		snprintf(why, sizeof why, "%s", r.error);
	} else {
		bool robots = r.outcome == RV_FETCH_ROBOTS;
		rc = rv_watch_page_failed(w->state, pg->url, robots ? "blocked" : "gone", r.status,
		                          r.error, pg->tries + 1, 0, &w->err);
		outcome = robots ? "blocked" : "gone";
		snprintf(why, sizeof why, "%s", r.error);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (outcome) {
		rv_buf b;
		bool bad = strcmp(outcome, "stored") && strcmp(outcome, "duplicate") &&
		           strcmp(outcome, "unchanged");
		log_start(&b, bad ? "warn" : "info", "fetch");
		kv(&b, "url", pg->url);
		kvl(&b, "status", r.status);
		kv(&b, "outcome", outcome);
		if (article)
			kvl(&b, "article", article);
		if (r.attempts > 1)
			kvl(&b, "attempts", r.attempts);
		if (why[0])
			kv(&b, "error", why);
		kvl(&b, "bytes", (long long)r.body.len);
		kvl(&b, "ms",
		    (long long)(t1.tv_sec - t0.tv_sec) * 1000 +
		        (long long)(t1.tv_nsec - t0.tv_nsec) / 1000000);
		log_end(&b);
	}
	rv_fetch_result_release(&r);
	return rc;
}

/* ---- the feed list ------------------------------------------------------- */

static int load_feedlist(struct watch *w, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return rv_fail(&w->err, RV_EIO, "%s: %s", path, strerror(errno));
	int rc = rv_store_begin(w->store, &w->err);
	if (!rc)
		rc = rv_watch_feeds_deactivate(w->state, &w->err);
	char line[8192];
	size_t n = 0, lineno = 0;
	while (!rc && fgets(line, sizeof line, f)) {
		lineno++;
		char *s = (char *)rv_str_ltrim(line);
		s[rv_str_rtrim_len(s, strlen(s))] = '\0';
		if (!*s || *s == '#')
			continue;
		char *url = rv_url_normalize(s);
		if (!url) {
			char where[64];
			snprintf(where, sizeof where, "%s:%zu", path, lineno);
			rv_buf b;
			log_start(&b, "warn", "bad_feed_url");
			kv(&b, "at", where);
			kv(&b, "url", s);
			log_end(&b);
			continue;
		}
		rc = rv_watch_feed_add(w->state, url, 0, w->min_interval, NULL, &w->err);
		free(url);
		n++;
	}
	fclose(f);
	if (!rc)
		rc = rv_watch_feeds_orphans(w->state, &w->err);
	if (rc) {
		rv_store_rollback(w->store);
		return rc;
	}
	if ((rc = rv_store_commit(w->store, &w->err)))
		return rc;
	if (!n)
		return rv_fail(&w->err, RV_EINPUT, "%s: no feed URL in the list", path);
	return RV_OK;
}

/* ---- the loop ------------------------------------------------------------ */

static void sleep_until(int64_t when)
{
	while (!stop_flag && !reload_flag && (int64_t)time(NULL) < when) {
		struct timespec ts = {0, 200 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
}

static int cycle(struct watch *w, bool all_feeds)
{
	int64_t now = (int64_t)time(NULL);
	rv_watch_feed *feeds = NULL;
	size_t nf = 0;
	int rc = rv_watch_feeds_due(w->state, now, all_feeds, &feeds, &nf, &w->err);
	for (size_t i = 0; i < nf && !rc && !stop_flag; i++)
		rc = poll_feed(w, &feeds[i]);
	for (size_t i = 0; i < nf; i++)
		rv_watch_feed_release(&feeds[i]);
	free(feeds);
	/* Feeds found in a sitemap index or a home page: poll them now. */
	if (!rc && !stop_flag && all_feeds) {
		rc = rv_watch_feeds_due(w->state, now, false, &feeds, &nf, &w->err);
		for (size_t i = 0; i < nf && !rc && !stop_flag; i++)
			rc = poll_feed(w, &feeds[i]);
		for (size_t i = 0; i < nf; i++)
			rv_watch_feed_release(&feeds[i]);
		free(feeds);
	}
	long fetched = 0;
	rv_watch_page due[64];
	while (!rc && !stop_flag && (!w->max_fetch || fetched < w->max_fetch)) {
		/* A long backlog must not starve the feeds: give them a turn. */
		if (!w->once && (int64_t)time(NULL) - now >= 60)
			break;
		/* Of the next pages in the queue, the one whose host is ready
		 * soonest: one slow or strict host does not hold up the others. */
		size_t n = 0;
		if ((rc =
		         rv_watch_pages_due(w->state, (int64_t)time(NULL), due, 64, &n, &w->err)) ||
		    !n)
			break;
		size_t pick = 0;
		double best = -1;
		for (size_t i = 0; i < n; i++) {
			double wait = rv_fetcher_wait(w->fetcher, due[i].url);
			if (best < 0 || wait < best) {
				best = wait;
				pick = i;
			}
			if (wait <= 0)
				break;
		}
		rc = process_page(w, &due[pick]);
		for (size_t i = 0; i < n; i++)
			rv_watch_page_release(&due[i]);
		fetched++;
	}
	return rc;
}

static bool parse_num(const char *s, long min, long *out)
{
	long v;
	if (!rv_parse_long(s, &v) || v < min)
		return false;
	*out = v;
	return true;
}

int cmd_watch(rv_cli *cli, int argc, char **argv);

int cmd_watch(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"db", required_argument, NULL, 'D'},
	    {"once", no_argument, NULL, '1'},
	    {"contact", required_argument, NULL, 'c'},
	    {"delay", required_argument, NULL, 'd'},
	    {"timeout", required_argument, NULL, 't'},
	    {"retries", required_argument, NULL, 'r'},
	    {"max-body", required_argument, NULL, 'b'},
	    {"min-interval", required_argument, NULL, 'i'},
	    {"max-interval", required_argument, NULL, 'I'},
	    {"retry-base", required_argument, NULL, 'B'},
	    {"max-tries", required_argument, NULL, 'T'},
	    {"max-fetch", required_argument, NULL, 'F'},
	    {"ignore-robots", no_argument, NULL, 'R'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	rv_fetch_config fc;
	rv_fetch_config_default(&fc);
	struct watch w = {0};
	w.min_interval = 300;
	w.max_interval = 6 * 3600;
	w.retry_base = 60;
	w.max_tries = 5;
	fc.contact = getenv("REVUE_CONTACT");
	int c;
	long v;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case '1': w.once = true; break;
		case 'c': fc.contact = optarg; break;
		case 'd': {
			char *end;
			double d = strtod(optarg, &end);
			if (end == optarg || *end || d < 0 || d > 3600)
				return cli_usage(usage_text);
			fc.min_delay = d;
			break;
		}
		case 't':
			if (!parse_num(optarg, 1, &v))
				return cli_usage(usage_text);
			fc.timeout = v;
			fc.connect_timeout = v < fc.connect_timeout ? v : fc.connect_timeout;
			break;
		case 'r':
			if (!parse_num(optarg, 0, &v) || v > 10)
				return cli_usage(usage_text);
			fc.retries = (int)v;
			break;
		case 'b':
			if (!parse_num(optarg, 1024, &v))
				return cli_usage(usage_text);
			fc.max_body = (size_t)v;
			break;
		case 'i':
			if (!parse_num(optarg, 1, &v) || v > 86400)
				return cli_usage(usage_text);
			w.min_interval = (int)v;
			break;
		case 'I':
			if (!parse_num(optarg, 1, &v) || v > 7 * 86400)
				return cli_usage(usage_text);
			w.max_interval = (int)v;
			break;
		case 'B':
			if (!parse_num(optarg, 0, &v) || v > 86400)
				return cli_usage(usage_text);
			w.retry_base = (int)v;
			break;
		case 'T':
			if (!parse_num(optarg, 1, &v) || v > 100)
				return cli_usage(usage_text);
			w.max_tries = (int)v;
			break;
		case 'F':
			if (!parse_num(optarg, 0, &v))
				return cli_usage(usage_text);
			w.max_fetch = v;
			break;
		case 'R': fc.ignore_robots = true; break;
		case 'h': puts(usage_text); return RV_EXIT_OK;
		default: return cli_usage(usage_text);
		}
	}
	if (optind != argc - 1)
		return cli_usage(usage_text);
	if (w.max_interval < w.min_interval)
		w.max_interval = w.min_interval;
	const char *feedlist = argv[optind];

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	stop_flag = 0;
	reload_flag = 0;
	fc.stop = &stop_flag;

	w.store = cli_open_store(cli, false);
	if (!w.store)
		return RV_EXIT_FAILURE;
	rv_error_clear(&w.err);
	int rc;
	if ((rc = rv_pipeline_open(w.store, NULL, &w.pipeline, &w.err)) ||
	    (rc = rv_watch_state_open(w.store, &w.state, &w.err)) ||
	    (rc = rv_fetcher_new(&fc, &w.fetcher, &w.err)) || (rc = load_feedlist(&w, feedlist)))
		goto out;
	rv_buf b;
	log_start(&b, "info", "start");
	kv(&b, "feeds", feedlist);
	kv(&b, "db", cli->db_path);
	kv(&b, "mode", w.once ? "once" : "daemon");
	kv(&b, "user_agent", rv_fetcher_user_agent(w.fetcher));
	log_end(&b);
	bool first = true;
	while (!stop_flag) {
		if ((rc = cycle(&w, first && w.once)))
			break;
		first = false;
		if (w.once)
			break;
		int64_t when = 0;
		if ((rc = rv_watch_next_due(w.state, &when, &w.err)))
			break;
		int64_t now = (int64_t)time(NULL);
		if (!when || when > now + 60)
			when = now + 60;
		sleep_until(when);
		if (reload_flag) {
			/* SIGHUP: the feed list changed; a bad new list keeps the old. */
			reload_flag = 0;
			rv_error_clear(&w.err);
			int lrc = load_feedlist(&w, feedlist);
			log_start(&b, lrc ? "warn" : "info", "reload");
			kv(&b, "feeds", feedlist);
			if (lrc)
				kv(&b, "error", w.err.msg);
			log_end(&b);
			if (lrc && lrc != RV_EINPUT && lrc != RV_EIO) {
				rc = lrc;
				break;
			}
		}
	}
out:
	if (w.pipeline) {
		rv_error cerr;
		if (rv_pipeline_close(&w.pipeline, &cerr) && !rc) {
			rc = RV_EDB;
			w.err = cerr;
		}
	}
	if (rc)
		log_error("fatal", w.err.msg);
	log_start(&b, "info", "stop");
	kv(&b, "reason", rc ? "error" : stop_flag ? "signal" : "done");
	log_end(&b);
	rv_fetcher_free(&w.fetcher);
	rv_watch_state_close(&w.state);
	rv_store_close(&w.store);
	return rc == RV_EINPUT ? RV_EXIT_USAGE : rc ? RV_EXIT_FAILURE : RV_EXIT_OK;
}
