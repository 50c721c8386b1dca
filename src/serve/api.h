/* api.h - the JSON API and the compiled-in web page, as plain functions.
 *
 * rv_api_handle() answers one request from a store without any socket, so
 * the handlers are tested directly (tests/unit/test_api.c); http.c puts
 * libmicrohttpd in front of it. Everything is read-only.
 *
 *   GET /api/health                      {"status":"ok","articles":N}
 *   GET /api/stories?since&until&lang&source&limit&offset
 *   GET /api/stories/{id}                story with outlets, timeline, quotes, figures, entities
 *   GET /api/stories/{id}/export?format=jsonl|csv
 *   GET /api/articles/{id}               the JSON article (DESIGN.md contract)
 *   GET /api/search?q&since&until&lang&source&event&entity&limit&offset
 *   GET /api/search/export?q&...&format=jsonl|csv
 *   GET /api/entities?q&type&limit&offset
 *   GET /api/openapi.json
 *   GET /, /index.html, /app.js, /style.css   the page
 *
 * Errors are {"error":{"status":N,"message":"..."}} with that HTTP status.
 */
#ifndef RV_API_H
#define RV_API_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

#define RV_API_MAX_ARGS 32
/* Longest accepted path and argument value (bytes). */
#define RV_API_MAX_PATH 1024
#define RV_API_MAX_VALUE 1024

typedef struct rv_api_arg {
	const char *key;
	const char *value;
} rv_api_arg;

typedef struct rv_api_request {
	const char *method;
	const char *path;          /* percent-decoded, without the query */
	rv_api_arg args[RV_API_MAX_ARGS];
	int n_args;
	bool too_many_args;
	const char *if_none_match; /* the If-None-Match header, or NULL */
} rv_api_request;

typedef struct rv_api_response {
	int status;
	const char *content_type;  /* static string */
	char *body;                /* owned unless body_static */
	size_t len;
	bool body_static;          /* a compiled-in asset: do not free */
	char etag[24];             /* "\"<16 hex>\"" for 200 responses */
	char disposition[128];     /* Content-Disposition for exports, or "" */
} rv_api_response;

/* Answer req from s into out (which the caller releases). Never fails: a
 * problem becomes an error response. A matching If-None-Match gives 304. */
void rv_api_handle(rv_store *s, const rv_api_request *req, rv_api_response *out);
void rv_api_response_release(rv_api_response *r);

/* Split a raw query string ("a=1&b=%C3%A9") in place into req->args,
 * percent-decoding it ('+' is a space); for tests and tools. */
void rv_api_parse_query(rv_api_request *req, char *query);
/* Percent-decode s in place; returns its new length. A decoded NUL becomes
 * 0x7F, which every validator rejects, so it can never cut a string short. */
size_t rv_api_unescape(char *s);

#endif
