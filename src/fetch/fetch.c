/* fetch.c - polite fetching with libcurl (see fetch.h). */
#include "fetch/fetch.h"
#include "core/str.h"
#include "ingest/url.h"

#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define ROBOTS_TTL (24.0 * 3600)
#define ROBOTS_MAX ((size_t)512 << 10)
#define ROBOTS_RETRY 600.0

struct host {
	char *key;    /* host[:port] */
	double last;  /* monotonic time of the last request */
	char *robots; /* body, NULL when none (allow all) */
	bool robots_known;
	bool robots_unreachable;
	char robots_error[200]; /* why robots.txt was unreachable: "URL: curl's reason" */
	double robots_at;
	double crawl_delay;
	struct host *next;
};

struct rv_fetcher {
	rv_fetch_config cfg;
	CURL *curl;
	char ua[512];
	struct host *hosts;
};

static double now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleep, waking early when stop is set. */
static void nap(const rv_fetch_config *cfg, double seconds)
{
	while (seconds > 0 && !(cfg->stop && *cfg->stop)) {
		double step = seconds > 0.2 ? 0.2 : seconds;
		struct timespec ts = {(time_t)step, (long)((step - (double)(time_t)step) * 1e9)};
		nanosleep(&ts, NULL);
		seconds -= step;
	}
}

void rv_fetch_config_default(rv_fetch_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->min_delay = 2.0;
	cfg->timeout = 30;
	cfg->connect_timeout = 10;
	cfg->max_body = (size_t)16 << 20;
	cfg->max_redirects = 5;
	cfg->retries = 2;
	cfg->backoff = 2.0;
	cfg->contact = getenv("REVUE_CONTACT");
}

void rv_fetch_result_init(rv_fetch_result *r)
{
	memset(r, 0, sizeof *r);
	rv_buf_init(&r->body, (size_t)16 << 20);
}

void rv_fetch_result_release(rv_fetch_result *r)
{
	rv_buf_release(&r->body);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	free(r->final_url);
	memset(r, 0, sizeof *r);
}

int rv_fetcher_new(const rv_fetch_config *cfg, rv_fetcher **out, rv_error *err)
{
	*out = NULL;
	static bool global_done;
	if (!global_done) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT))
			return rv_fail(err, RV_ERR, "libcurl initialisation failed");
		global_done = true;
	}
	rv_fetcher *f = calloc(1, sizeof *f);
	if (!f)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	if (cfg)
		f->cfg = *cfg;
	else
		rv_fetch_config_default(&f->cfg);
	f->curl = curl_easy_init();
	if (!f->curl) {
		free(f);
		return rv_fail(err, RV_ERR, "libcurl: cannot create a handle");
	}
	if (f->cfg.contact && *f->cfg.contact)
		snprintf(f->ua, sizeof f->ua, "revue/0.1 (press review; +%s)", f->cfg.contact);
	else
		snprintf(f->ua, sizeof f->ua, "revue/0.1 (press review)");
	*out = f;
	return RV_OK;
}

void rv_fetcher_free(rv_fetcher **fp)
{
	if (!fp || !*fp)
		return;
	rv_fetcher *f = *fp;
	for (struct host *h = f->hosts, *next; h; h = next) {
		next = h->next;
		free(h->key);
		free(h->robots);
		free(h);
	}
	curl_easy_cleanup(f->curl);
	free(f);
	*fp = NULL;
}

const char *rv_fetcher_user_agent(const rv_fetcher *f)
{
	return f->ua;
}

static struct host *host_get(rv_fetcher *f, const char *key)
{
	for (struct host *h = f->hosts; h; h = h->next)
		if (!strcmp(h->key, key))
			return h;
	struct host *h = calloc(1, sizeof *h);
	if (!h || !(h->key = rv_strdup(key))) {
		free(h);
		return NULL;
	}
	h->next = f->hosts;
	f->hosts = h;
	return h;
}

/* ---- robots.txt -------------------------------------------------------- */

/* Does pattern (with * and a final $) match the start of path? */
/* Does a robots.txt rule match the path? '*' matches any run of bytes, a
 * final '$' anchors the end, otherwise the rule is a prefix. One pass with a
 * single backtrack point, O(pattern x path): a recursive matcher took
 * exponential time on "Allow: ****...*x" (found by fuzz_robots). */
static bool robots_match(const char *pat, size_t plen, const char *path)
{
	if (!plen)
		return false;
	bool anchored = pat[plen - 1] == '$';
	if (anchored)
		plen--;
	size_t n = strlen(path), p = 0, s = 0, star = SIZE_MAX, mark = 0;
	while (s < n) {
		if (p == plen && !anchored)
			return true; /* the rule is a prefix of the path */
		if (p < plen && pat[p] == '*') {
			star = p++;
			mark = s;
		} else if (p < plen && pat[p] == path[s]) {
			p++;
			s++;
		} else if (star != SIZE_MAX) {
			p = star + 1;
			s = ++mark;
		} else {
			return false;
		}
	}
	while (p < plen && pat[p] == '*')
		p++;
	return p == plen;
}

bool rv_robots_allows(const char *robots, size_t len, const char *agent, const char *path,
                      double *delay)
{
	if (delay)
		*delay = 0;
	/* Two passes: our own group when there is one, else the * group. */
	for (int pass = 0; pass < 2; pass++) {
		bool in_group = false, last_was_agent = false, found = false;
		size_t best = 0;
		bool allowed = true;
		double d = 0;
		const char *p = robots, *e = robots + len;
		while (p < e) {
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			const char *le = nl ? nl : e;
			const char *hash = memchr(p, '#', (size_t)(le - p));
			const char *ce = hash ? hash : le;
			const char *colon = memchr(p, ':', (size_t)(ce - p));
			if (colon) {
				const char *k = rv_str_ltrim(p);
				size_t kl = rv_str_rtrim_len(k, (size_t)(colon - k));
				const char *v = colon + 1;
				while (v < ce && (*v == ' ' || *v == '\t'))
					v++;
				size_t vl = rv_str_rtrim_len(v, (size_t)(ce - v));
				if (kl == 10 && !strncasecmp(k, "user-agent", 10)) {
					if (!last_was_agent)
						in_group = false;
					bool mine = pass == 0
					                ? (vl >= strlen(agent) &&
					                   !strncasecmp(v, agent, strlen(agent)))
					                : (vl == 1 && v[0] == '*');
					if (mine) {
						in_group = true;
						found = true;
					}
					last_was_agent = true;
				} else {
					last_was_agent = false;
					if (in_group &&
					    ((kl == 8 && !strncasecmp(k, "disallow", 8)) ||
					     (kl == 5 && !strncasecmp(k, "allow", 5)))) {
						bool allow = kl == 5;
						if (vl && robots_match(v, vl, path) &&
						    (vl > best || (vl == best && allow))) {
							best = vl;
							allowed = allow;
						}
					} else if (in_group && kl == 11 &&
					           !strncasecmp(k, "crawl-delay", 11)) {
						char num[32];
						size_t n =
						    vl < sizeof num - 1 ? vl : sizeof num - 1;
						memcpy(num, v, n);
						num[n] = '\0';
						char *end;
						double x = strtod(num, &end);
						if (end != num && x > 0 && x < 86400)
							d = x;
					}
				}
			}
			p = nl ? nl + 1 : e;
		}
		if (found) {
			if (delay)
				*delay = d;
			return allowed;
		}
	}
	return true;
}

/* ---- one transfer ----------------------------------------------------- */

struct xfer {
	rv_fetch_result *res;
	size_t max;
	bool too_big;
};

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct xfer *x = ctx;
	size_t len = size * n;
	if (x->res->body.len + len > x->max || rv_buf_append(&x->res->body, data, len)) {
		x->too_big = true;
		return 0;
	}
	return len;
}

static char *header_value(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name);
	if (len <= nl + 1 || strncasecmp(line, name, nl) || line[nl] != ':')
		return NULL;
	const char *v = line + nl + 1;
	size_t vl = len - nl - 1;
	while (vl && (*v == ' ' || *v == '\t')) {
		v++;
		vl--;
	}
	vl = rv_str_rtrim_len(v, vl);
	return vl && vl < 1024 ? rv_strndup(v, vl) : NULL;
}

static size_t on_header(char *line, size_t size, size_t n, void *ctx)
{
	struct xfer *x = ctx;
	size_t len = size * n;
	char *v;
	if (len > 5 && !strncmp(line, "HTTP/", 5)) {
		/* A new response (after a redirect): forget the last one's headers. */
		free(x->res->etag);
		free(x->res->last_modified);
		free(x->res->content_type);
		x->res->etag = x->res->last_modified = x->res->content_type = NULL;
	} else if ((v = header_value(line, len, "ETag"))) {
		free(x->res->etag);
		x->res->etag = v;
	} else if ((v = header_value(line, len, "Last-Modified"))) {
		free(x->res->last_modified);
		x->res->last_modified = v;
	} else if ((v = header_value(line, len, "Content-Type"))) {
		free(x->res->content_type);
		x->res->content_type = v;
	}
	return len;
}

static void once(rv_fetcher *f, const char *url, const char *etag, const char *lm,
                 rv_fetch_result *res, size_t max_body)
{
	CURL *c = f->curl;
	curl_easy_reset(c);
	rv_buf_reset(&res->body);
	struct xfer x = {res, max_body, false};
	struct curl_slist *hdrs = NULL;
	char line[1200];
	if (etag && *etag) {
		snprintf(line, sizeof line, "If-None-Match: %s", etag);
		hdrs = curl_slist_append(hdrs, line);
	}
	if (lm && *lm) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", lm);
		hdrs = curl_slist_append(hdrs, line);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_USERAGENT, f->ua);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, f->cfg.max_redirects);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_TIMEOUT, f->cfg.timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, f->cfg.connect_timeout);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max_body);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &x);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &x);
	CURLcode rc = curl_easy_perform(c);
	curl_slist_free_all(hdrs);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	res->status = status;
	char *eff = NULL;
	curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
	free(res->final_url);
	res->final_url = eff ? rv_strdup(eff) : NULL;
	res->attempts++;
	res->error[0] = '\0';
	if (rc == CURLE_OK) {
		if (status >= 200 && status < 300)
			res->outcome = RV_FETCH_OK;
		else if (status == 304)
			res->outcome = RV_FETCH_NOT_MODIFIED;
		else if (status >= 500 || status == 429 || status == 408)
			res->outcome = RV_FETCH_TRANSIENT;
		else
			res->outcome = RV_FETCH_PERMANENT;
		if (res->outcome != RV_FETCH_OK && res->outcome != RV_FETCH_NOT_MODIFIED)
			snprintf(res->error, sizeof res->error, "HTTP %ld", status);
		return;
	}
	if (x.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		res->outcome = RV_FETCH_PERMANENT;
		snprintf(res->error, sizeof res->error, "body larger than %zu bytes", max_body);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS || rc == CURLE_UNSUPPORTED_PROTOCOL ||
	           rc == CURLE_URL_MALFORMAT) {
		res->outcome = RV_FETCH_PERMANENT;
		snprintf(res->error, sizeof res->error, "%s", curl_easy_strerror(rc));
	} else {
		/* Timeouts, refused or reset connections, bodies cut short. */
		res->outcome = RV_FETCH_TRANSIENT;
		snprintf(res->error, sizeof res->error, "%s", curl_easy_strerror(rc));
	}
}

static double host_gap(const rv_fetcher *f, const struct host *h)
{
	return f->cfg.min_delay > h->crawl_delay ? f->cfg.min_delay : h->crawl_delay;
}

double rv_fetcher_wait(rv_fetcher *f, const char *url)
{
	char *key = rv_url_host_key(url);
	if (!key)
		return 0;
	double wait = 0;
	for (struct host *h = f->hosts; h; h = h->next) {
		if (!strcmp(h->key, key)) {
			if (h->last > 0)
				wait = h->last + host_gap(f, h) - now_mono();
			break;
		}
	}
	free(key);
	return wait > 0 ? wait : 0;
}

static void wait_turn(rv_fetcher *f, struct host *h)
{
	double gap = host_gap(f, h);
	if (h->last > 0) {
		double wait = h->last + gap - now_mono();
		if (wait > 0)
			nap(&f->cfg, wait);
	}
	h->last = now_mono();
}

static void load_robots(rv_fetcher *f, struct host *h, const char *url)
{
	double t = now_mono();
	if (h->robots_known &&
	    t - h->robots_at < (h->robots_unreachable ? ROBOTS_RETRY : ROBOTS_TTL))
		return;
	char *origin = rv_url_origin(url);
	if (!origin)
		return;
	char robots_url[8192];
	snprintf(robots_url, sizeof robots_url, "%s/robots.txt", origin);
	free(origin);
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	wait_turn(f, h);
	once(f, robots_url, NULL, NULL, &r, ROBOTS_MAX);
	free(h->robots);
	h->robots = NULL;
	h->robots_unreachable = false;
	h->crawl_delay = 0;
	if (r.outcome == RV_FETCH_OK) {
		h->robots = rv_strndup(rv_buf_str(&r.body), r.body.len);
		if (h->robots)
			rv_robots_allows(h->robots, strlen(h->robots), "revue", "/",
			                 &h->crawl_delay);
	} else if (r.outcome == RV_FETCH_TRANSIENT) {
		h->robots_unreachable = true;
		snprintf(h->robots_error, sizeof h->robots_error, "%.120s: %.70s", robots_url, r.error);
	}
	h->robots_known = true;
	h->robots_at = t;
	rv_fetch_result_release(&r);
}

int rv_fetch(rv_fetcher *f, const char *url, const char *etag, const char *last_modified,
             rv_fetch_result *res)
{
	rv_buf_reset(&res->body);
	res->attempts = 0;
	char *key = rv_url_host_key(url);
	if (!key) {
		res->outcome = RV_FETCH_PERMANENT;
		snprintf(res->error, sizeof res->error, "not an http(s) URL");
		return RV_OK;
	}
	struct host *h = host_get(f, key);
	free(key);
	if (!h)
		return RV_ENOMEM;
	if (!f->cfg.ignore_robots) {
		load_robots(f, h, url);
		if (h->robots_unreachable) {
			res->outcome = RV_FETCH_TRANSIENT;
			/* the reason names the host: a typo in it, a server down */
			snprintf(res->error, sizeof res->error,
			         "robots.txt unreachable (%s): origin paused", h->robots_error);
			return RV_OK;
		}
		char *path = rv_url_path_query(url);
		bool ok = !h->robots || !path ||
		          rv_robots_allows(h->robots, strlen(h->robots), "revue", path, NULL);
		free(path);
		if (!ok) {
			res->outcome = RV_FETCH_ROBOTS;
			snprintf(res->error, sizeof res->error, "disallowed by robots.txt");
			return RV_OK;
		}
	}
	double backoff = f->cfg.backoff;
	for (int attempt = 0;; attempt++) {
		wait_turn(f, h);
		once(f, url, etag, last_modified, res, f->cfg.max_body);
		if (res->outcome != RV_FETCH_TRANSIENT || attempt >= f->cfg.retries ||
		    (f->cfg.stop && *f->cfg.stop))
			break;
		nap(&f->cfg, backoff);
		backoff *= 2;
	}
	return RV_OK;
}
