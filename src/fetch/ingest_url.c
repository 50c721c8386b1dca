/* ingest_url.c - see ingest_url.h. */
#include "fetch/ingest_url.h"
#include "core/date.h"
#include "core/str.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

bool rv_is_url(const char *arg)
{
	return rv_str_istarts_with(arg, "http://") || rv_str_istarts_with(arg, "https://");
}

struct wrap {
	const rv_ingest_opts *outer;
	const char *url;
	const char *content_type;
	char fetched[RV_DATE_ISO_MAX];
};

/* Fill in what the transport knows and the reader could not. */
static int on_record(const rv_record *rec, void *ctx)
{
	struct wrap *w = ctx;
	rv_record r = *rec;
	if (!r.url)
		r.url = w->url;
	if (!r.fetched_at)
		r.fetched_at = w->fetched;
	if (!r.content_type)
		r.content_type = w->content_type;
	return w->outer->on_record(&r, w->outer->ctx);
}

static void on_reject(const char *ref, const char *reason, void *ctx)
{
	struct wrap *w = ctx;
	if (w->outer->on_reject)
		w->outer->on_reject(ref, reason, w->outer->ctx);
}

int rv_ingest_url(rv_fetcher *f, const char *url, const rv_ingest_opts *opts, rv_error *err)
{
	rv_fetch_result r;
	rv_fetch_result_init(&r);
	int rc = rv_fetch(f, url, NULL, NULL, &r);
	if (rc) {
		rv_fetch_result_release(&r);
		return rv_fail(err, rc, "out of memory");
	}
	if (r.outcome != RV_FETCH_OK) {
		char why[320];
		snprintf(why, sizeof why, "cannot fetch: %s", r.error[0] ? r.error : "no answer");
		if (opts->on_reject)
			opts->on_reject(url, why, opts->ctx);
		rv_fetch_result_release(&r);
		return RV_OK;
	}
	struct wrap w = {opts, r.final_url ? r.final_url : url, r.content_type, ""};
	rv_date d;
	rv_date_from_epoch((int64_t)time(NULL), &d);
	rv_date_format(&d, w.fetched);
	rv_ingest_opts inner = *opts;
	inner.on_record = on_record;
	inner.on_reject = on_reject;
	inner.ctx = &w;
	/* A plain-text answer is text whatever it looks like. */
	if (!inner.format && r.content_type && strcasestr(r.content_type, "text/plain"))
		inner.format = RV_FORMAT_TEXT;
	rc = rv_ingest_buffer(url, rv_buf_str(&r.body), r.body.len, &inner, err);
	rv_fetch_result_release(&r);
	return rc;
}
