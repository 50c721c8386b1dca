/* fetch.h - polite HTTP fetching with libcurl.
 *
 * One rv_fetcher fetches one URL at a time, so each host sees at most one
 * connection from it; between two requests to a host it waits at least
 * min_delay seconds, or the host's robots.txt Crawl-delay when longer.
 * robots.txt is fetched once per origin, cached for a day and obeyed (a
 * missing one allows everything; one that fails with 5xx or a timeout
 * disallows the origin until it answers, as RFC 9309 says). Requests send a
 * User-Agent naming revue and the operator's contact, accept any
 * compression, follow at most max_redirects redirects, give up after
 * timeout seconds, refuse bodies over max_body, and retry 5xx answers and
 * transport failures with exponential backoff, never 4xx.
 */
#ifndef RV_FETCH_H
#define RV_FETCH_H

#include "core/buf.h"
#include "core/error.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct rv_fetch_config {
	const char *contact; /* e.g. "mailto:ops@example.org"; NULL: none */
	double min_delay;    /* seconds between requests to one host */
	long timeout;        /* seconds for a whole transfer */
	long connect_timeout;
	size_t max_body; /* bytes, after decompression */
	long max_redirects;
	int retries;    /* extra attempts on 5xx / transport errors */
	double backoff; /* first retry waits this many seconds, then x2 */
	bool ignore_robots;
	volatile sig_atomic_t *stop; /* when set, waits end early (may be NULL) */
} rv_fetch_config;

/* The defaults: 2 s per host, 30 s timeout, 16 MB bodies, 5 redirects, 2
 * retries from 2 s, contact from $REVUE_CONTACT. */
void rv_fetch_config_default(rv_fetch_config *cfg);

typedef enum rv_fetch_outcome {
	RV_FETCH_OK = 0,       /* 2xx, body filled */
	RV_FETCH_NOT_MODIFIED, /* 304 to a conditional GET */
	RV_FETCH_TRANSIENT,    /* 5xx, timeout, cut body, refused: try again later */
	RV_FETCH_PERMANENT,    /* 4xx, redirect loop, body too large, bad URL */
	RV_FETCH_ROBOTS,       /* robots.txt disallows it */
} rv_fetch_outcome;

typedef struct rv_fetch_result {
	rv_fetch_outcome outcome;
	long status; /* last HTTP status, 0 when none */
	rv_buf body;
	char *content_type;
	char *etag;
	char *last_modified;
	char *final_url; /* after redirects */
	int attempts;
	char error[256]; /* why, when not OK */
} rv_fetch_result;

void rv_fetch_result_init(rv_fetch_result *r);
void rv_fetch_result_release(rv_fetch_result *r);

typedef struct rv_fetcher rv_fetcher;

int rv_fetcher_new(const rv_fetch_config *cfg, rv_fetcher **out, rv_error *err);
void rv_fetcher_free(rv_fetcher **f);

/* GET url (conditional when etag / last_modified are given) into res.
 * Returns RV_OK whatever the outcome (see res->outcome); RV_ENOMEM only. */
int rv_fetch(rv_fetcher *f, const char *url, const char *etag, const char *last_modified,
             rv_fetch_result *res);

/* Seconds before url's host may be asked again (0: now). */
double rv_fetcher_wait(rv_fetcher *f, const char *url);

/* The User-Agent sent. */
const char *rv_fetcher_user_agent(const rv_fetcher *f);

/* Parse robots.txt for agent: does it allow path? *delay gets Crawl-delay
 * (seconds, 0 when none). Exposed for tests. */
bool rv_robots_allows(const char *robots, size_t len, const char *agent, const char *path,
                      double *delay);

#endif
