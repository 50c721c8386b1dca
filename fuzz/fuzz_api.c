/* The HTTP request path of the server without a socket: rv_api_handle()
 * over a small in-memory store, as http.c calls it.
 *
 * Input: "METHOD\nURL\nIF-NONE-MATCH" (later parts optional). The URL is
 * split at '?' and decoded as libmicrohttpd does with revue's unescape
 * callback: the path with rv_api_unescape, the query with
 * rv_api_parse_query. An input without a newline is a GET of that raw path,
 * which exercises the static-file (web page) resolution.
 *
 * Checked beyond the sanitizers: never a 5xx, every JSON body parses, and a
 * 200 answered again with its own ETag gives 304. */
#include "fuzz_store.h"
#include "serve/api.h"

#include <jansson.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const rv_api_request *req, const rv_api_response *r)
{
	if (r->status >= 500 || r->status < 200) {
		fprintf(stderr, "fuzz_api: status %d for %s %s\n", r->status, req->method, req->path);
		abort();
	}
	if (r->status == 304)
		return;
	if (r->content_type && !strncmp(r->content_type, "application/json", 16)) {
		json_error_t e;
		json_t *j = json_loadb(r->body, r->len, 0, &e);
		if (!j) {
			fprintf(stderr, "fuzz_api: invalid JSON (%s) for %s\n", e.text, req->path);
			abort();
		}
		json_decref(j);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the server refuses requests past 32 KB of headers */
	if (size > (size_t)32 * 1024)
		return 0;
	rv_store *s = fuzz_store_get();
	char *in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';

	rv_api_request req = { 0 };
	char *nl = memchr(in, '\n', size);
	if (!nl) {
		req.method = "GET";
		req.path = in;
	} else {
		*nl = '\0';
		req.method = in;
		char *url = nl + 1;
		char *nl2 = strchr(url, '\n');
		if (nl2) {
			*nl2 = '\0';
			req.if_none_match = nl2 + 1;
		}
		char *q = strchr(url, '?');
		if (q)
			*q++ = '\0';
		rv_api_unescape(url);
		req.path = url;
		if (q)
			rv_api_parse_query(&req, q);
	}
	rv_api_response r;
	rv_api_handle(s, &req, &r);
	check(&req, &r);
	if (r.status == 200) {
		char etag[sizeof r.etag];
		memcpy(etag, r.etag, sizeof etag);
		rv_api_response_release(&r);
		req.if_none_match = etag;
		rv_api_handle(s, &req, &r);
		if (r.status != 304) {
			fprintf(stderr, "fuzz_api: same request, same ETag, status %d\n", r.status);
			abort();
		}
	}
	rv_api_response_release(&r);
	free(in);
	return 0;
}
