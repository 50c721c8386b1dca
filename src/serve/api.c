/* api.c - routing, validation and JSON for the HTTP API (see api.h). */
#include "serve/api.h"
#include "serve/assets.h"
#include "serve/story_json.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"
#include "pipeline/explain.h"
#include "pipeline/storyline_name.h"
#include "store/browse.h"
#include "store/entity_list.h"
#include "store/search.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define MAX_LIMIT 100
#define MAX_EXPORT 5000
#define MAX_OFFSET 1000000

static const char ct_json[] = "application/json; charset=utf-8";

static void set_error(rv_api_response *r, int status, const char *msg)
{
	json_t *o = json_pack("{s:{s:i,s:s}}", "error", "status", status, "message", msg);
	rv_api_response_release(r);
	r->status = status;
	r->content_type = ct_json;
	r->body = json_dumps(o, JSON_COMPACT);
	r->len = r->body ? strlen(r->body) : 0;
	json_decref(o);
}

static void set_json(rv_api_response *r, json_t *o)
{
	r->status = 200;
	r->content_type = ct_json;
	/* ten digits: 0.3, not 0.29999999999999999 */
	r->body = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10));
	r->len = r->body ? strlen(r->body) : 0;
	json_decref(o);
	if (!r->body)
		set_error(r, 500, "out of memory");
}

static void set_text(rv_api_response *r, const char *type, char *body, size_t len)
{
	r->status = 200;
	r->content_type = type;
	r->body = body;
	r->len = len;
}

void rv_api_response_release(rv_api_response *r)
{
	if (!r->body_static)
		free(r->body);
	r->body = NULL;
	r->body_static = false;
	r->len = 0;
}

/* Arguments */

static const char *arg(const rv_api_request *req, const char *key)
{
	for (int i = 0; i < req->n_args; i++)
		if (req->args[i].key && !strcmp(req->args[i].key, key))
			return req->args[i].value ? req->args[i].value : "";
	return NULL;
}

/* Text arguments: valid UTF-8, bounded, no control characters. */
static bool text_ok(const char *v)
{
	size_t n = strlen(v);
	if (n > RV_API_MAX_VALUE || !rv_utf8_valid(v, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return false;
	return true;
}

/* "until: '2026-13-01' is not a day (YYYY-MM-DD)": the argument and the
 * value refused (its first 60 bytes, cut at a character), then what it
 * should be. The value is valid UTF-8 without control bytes (text_ok). */
static void set_bad_arg(rv_api_response *r, const char *key, const char *value, const char *want)
{
	char msg[256];
	size_t n = rv_utf8_prefix(value, strlen(value), 60);
	snprintf(msg, sizeof msg, "%s: '%.*s%s' %s", key, (int)n, value, value[n] ? "…" : "", want);
	set_error(r, 400, msg);
}

struct params {
	rv_filter f;
	const char *q, *entity, *type, *format;
};

/* Parse the common filters; false (with an error set) when one is bad. */
static bool read_params(const rv_api_request *req, rv_api_response *r, struct params *p, int max_limit)
{
	memset(p, 0, sizeof *p);
	p->f.limit = 20;
	if (req->too_many_args) {
		set_error(r, 400, "too many query arguments");
		return false;
	}
	for (int i = 0; i < req->n_args; i++) {
		const char *k = req->args[i].key, *v = req->args[i].value ? req->args[i].value : "";
		if (!k || !text_ok(k)) {
			set_error(r, 400, "a query argument's name is not valid UTF-8 text of at most 1 kB");
			return false;
		}
		if (!text_ok(v)) {
			/* the name cut at a character: JSON refuses a cut one */
			char msg[128];
			int kn = (int)rv_utf8_prefix(k, strlen(k), 60);
			snprintf(msg, sizeof msg, "%.*s: the value is not valid UTF-8 text of at most 1 kB", kn, k);
			set_error(r, 400, msg);
			return false;
		}
		if (!*v)
			continue; /* an empty form field means "any" */
		rv_date d;
		long n;
		if (!strcmp(k, "since") || !strcmp(k, "until")) {
			if (strlen(v) != 10 || !rv_date_parse_iso(v, &d)) {
				set_bad_arg(r, k, v, "is not a day (YYYY-MM-DD)");
				return false;
			}
			*(k[0] == 's' ? &p->f.since : &p->f.until) = v;
		} else if (!strcmp(k, "lang")) {
			p->f.lang = v;
		} else if (!strcmp(k, "source")) {
			p->f.source = v;
		} else if (!strcmp(k, "q")) {
			p->q = v;
		} else if (!strcmp(k, "entity")) {
			p->entity = v;
		} else if (!strcmp(k, "type")) {
			if (!rv_entity_type_known(v)) {
				set_bad_arg(r, k, v, "is not a type (person, organization, location or other)");
				return false;
			}
			p->type = v;
		} else if (!strcmp(k, "format")) {
			p->format = v;
		} else if (!strcmp(k, "event")) {
			if (!rv_parse_long(v, &n) || n <= 0) {
				set_bad_arg(r, k, v, "is not a story id (a positive number)");
				return false;
			}
			p->f.event = n;
		} else if (!strcmp(k, "storyline")) {
			if (!rv_parse_long(v, &n) || n <= 0) {
				set_bad_arg(r, k, v, "is not a storyline id (a positive number)");
				return false;
			}
			p->f.storyline = n;
		} else if (!strcmp(k, "limit")) {
			if (!rv_parse_long(v, &n) || n < 1 || n > max_limit) {
				char want[64];
				snprintf(want, sizeof want, "is not a number from 1 to %d", max_limit);
				set_bad_arg(r, k, v, want);
				return false;
			}
			p->f.limit = (int)n;
		} else if (!strcmp(k, "offset")) {
			if (!rv_parse_long(v, &n) || n < 0 || n > MAX_OFFSET) {
				set_bad_arg(r, k, v, "is not a number from 0 to 1000000");
				return false;
			}
			p->f.offset = (int)n;
		}
		/* unknown arguments are ignored, as browsers and proxies add some */
	}
	return true;
}

/* An id path segment: digits only, positive, no trailing junk. */
static bool parse_id(const char *s, size_t n, int64_t *out)
{
	if (!n || n > 18)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return v > 0;
}

static int store_error(rv_api_response *r, int rc, const rv_error *err)
{
	if (rc == RV_EINPUT)
		set_error(r, 404, err->msg);
	else
		set_error(r, 500, "the store failed");
	return rc;
}

/* Handlers */

static void h_health(rv_store *s, rv_api_response *r)
{
	rv_error err;
	rv_error_clear(&err);
	int64_t n;
	if (rv_store_count_articles(s, &n, &err)) {
		set_error(r, 503, "the store cannot be read");
		return;
	}
	set_json(r, json_pack("{s:s,s:I}", "status", "ok", "articles", (json_int_t)n));
}

static int add_day(const char *day, int n, void *ctx)
{
	json_array_append_new(ctx, json_pack("{s:s,s:i}", "day", day ? day : "", "n", n));
	return RV_OK;
}

struct stories_ctx {
	rv_store *s;
	json_t *arr;
	int limit;
	bool more;
	rv_error *err;
};

static int add_story(const rv_story *st, void *p)
{
	struct stories_ctx *c = p;
	if ((int)json_array_size(c->arr) == c->limit) {
		c->more = true;
		return RV_OK;
	}
	json_t *o = rv_story_summary_json(st);
	json_t *vol = json_array();
	int rc = rv_store_story_volume(c->s, st->id, add_day, vol, c->err);
	json_object_set_new(o, "volume", vol);
	json_array_append_new(c->arr, o);
	return rc;
}

static void paged(json_t *o, const struct params *p, bool more)
{
	json_object_set_new(o, "offset", json_integer(p->f.offset));
	json_object_set_new(o, "limit", json_integer(p->f.limit));
	json_object_set_new(o, "next_offset", more ? json_integer(p->f.offset + p->f.limit) : json_null());
}

static void h_stories(rv_store *s, const rv_api_request *req, rv_api_response *r)
{
	struct params p;
	if (!read_params(req, r, &p, MAX_LIMIT))
		return;
	rv_error err;
	rv_error_clear(&err);
	struct stories_ctx c = { s, json_array(), p.f.limit, false, &err };
	rv_filter f = p.f;
	f.limit = p.f.limit + 1; /* one more tells whether there is a next page */
	int rc = rv_store_each_story_page(s, &f, add_story, &c, &err);
	if (rc) {
		json_decref(c.arr);
		store_error(r, rc, &err);
		return;
	}
	json_t *o = json_object();
	json_object_set_new(o, "stories", c.arr);
	paged(o, &p, c.more);
	set_json(r, o);
}

static void h_story(rv_store *s, int64_t id, rv_api_response *r)
{
	rv_error err;
	rv_error_clear(&err);
	json_t *o = NULL;
	int rc = rv_story_json(s, id, &o, &err);
	if (rc) {
		store_error(r, rc, &err);
		return;
	}
	/* the storyline's name, for the page's storyline section */
	json_int_t sl = json_integer_value(json_object_get(o, "storyline"));
	char *name = sl > 0 ? rv_storyline_name(s, sl) : NULL;
	if (name)
		json_object_set_new(o, "storyline_name", json_string(name));
	free(name);
	set_json(r, o);
}

/* Why each article is in the story (as revue story ID --why --json), with
 * the grouping settings the server runs with ($REVUE_GROUP...). */
static void h_story_why(rv_store *s, int64_t id, rv_api_response *r)
{
	rv_error err;
	rv_error_clear(&err);
	rv_group_config cfg;
	json_t *o = NULL;
	int rc = rv_group_config_from_env(&cfg, &err);
	if (rc) {
		set_error(r, 500, err.msg);
		return;
	}
	if ((rc = rv_explain_event(s, id, &cfg, &o, &err))) {
		store_error(r, rc, &err);
		return;
	}
	set_json(r, o);
}

static void h_article(rv_store *s, int64_t id, rv_api_response *r)
{
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_get_article(s, id, &a, &err);
	if (rc) {
		rv_article_release(&a);
		store_error(r, rc, &err);
		return;
	}
	char *body = rv_article_to_json(&a);
	rv_article_release(&a);
	if (!body) {
		set_error(r, 500, "out of memory");
		return;
	}
	set_text(r, ct_json, body, strlen(body));
}

struct hits_ctx {
	json_t *arr;
	int limit;
	bool more;
};

static int add_hit(const rv_search_hit *h, void *p)
{
	struct hits_ctx *c = p;
	if ((int)json_array_size(c->arr) == c->limit) {
		c->more = true;
		return RV_OK;
	}
	json_t *o = rv_search_hit_json(h);
	if (!o)
		return RV_ENOMEM;
	json_array_append_new(c->arr, o);
	return RV_OK;
}

static bool search_query(const rv_api_request *req, rv_api_response *r, struct params *p, int max_limit,
			 rv_search_query *q)
{
	if (!read_params(req, r, p, max_limit))
		return false;
	if (!p->q || !*p->q) {
		set_error(r, 400, "q (the words to search for) is required");
		return false;
	}
	memset(q, 0, sizeof *q);
	q->q = p->q;
	q->f = p->f;
	q->entity = p->entity;
	return true;
}

static void h_search(rv_store *s, const rv_api_request *req, rv_api_response *r)
{
	struct params p;
	rv_search_query q;
	if (!search_query(req, r, &p, MAX_LIMIT, &q))
		return;
	q.f.limit = p.f.limit + 1;
	struct hits_ctx c = { json_array(), p.f.limit, false };
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_search(s, &q, add_hit, &c, &err);
	if (rc) {
		json_decref(c.arr);
		if (rc == RV_EINPUT)
			set_error(r, 400, err.msg);
		else
			set_error(r, 500, "search failed");
		return;
	}
	json_t *o = json_object();
	json_object_set_new(o, "query", json_string(p.q));
	json_object_set_new(o, "hits", c.arr);
	paged(o, &p, c.more);
	set_json(r, o);
}

/* Exports */


struct export_ctx {
	rv_buf b;
	bool csv;
	int n;
};

static int export_article(const rv_article *a, void *p)
{
	struct export_ctx *c = p;
	c->n++;
	if (!c->csv) {
		char *s = rv_article_to_json(a);
		if (!s)
			return RV_ENOMEM;
		int rc = rv_buf_puts(&c->b, s);
		free(s);
		return rc ? rc : rv_buf_putc(&c->b, '\n');
	}
	return rv_csv_article(&c->b, a);
}

static bool export_format(const struct params *p, rv_api_response *r, bool *csv)
{
	if (!p->format || !strcmp(p->format, "jsonl")) {
		*csv = false;
		return true;
	}
	if (!strcmp(p->format, "csv")) {
		*csv = true;
		return true;
	}
	set_error(r, 400, "format is jsonl or csv");
	return false;
}

static void finish_export(struct export_ctx *c, rv_api_response *r, const char *name)
{
	size_t len = c->b.len;
	set_text(r, c->csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
		 rv_buf_detach(&c->b), len);
	snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s.%s\"", name,
		 c->csv ? "csv" : "jsonl");
}

static void h_story_export(rv_store *s, int64_t id, const rv_api_request *req, rv_api_response *r)
{
	struct params p;
	if (!read_params(req, r, &p, MAX_EXPORT))
		return;
	struct export_ctx c = { .n = 0 };
	if (!export_format(&p, r, &c.csv))
		return;
	rv_buf_init(&c.b, RV_BUF_DEFAULT_MAX);
	if (c.csv)
		rv_buf_puts(&c.b, rv_csv_article_header);
	rv_filter f = { 0 };
	f.event = id;
	f.limit = MAX_EXPORT;
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_each_article(s, &f, export_article, &c, &err);
	if (!rc && !c.n)
		rc = rv_fail(&err, RV_EINPUT, "no story %lld", (long long)id);
	if (rc) {
		rv_buf_release(&c.b);
		store_error(r, rc, &err);
		return;
	}
	char name[48];
	snprintf(name, sizeof name, "story-%lld", (long long)id);
	finish_export(&c, r, name);
}

struct id_list {
	int64_t *ids;
	size_t n, cap;
};

static int collect_id(const rv_search_hit *h, void *p)
{
	struct id_list *l = p;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		int64_t *ids = realloc(l->ids, cap * sizeof *ids);
		if (!ids)
			return RV_ENOMEM;
		l->ids = ids;
		l->cap = cap;
	}
	l->ids[l->n++] = h->id;
	return RV_OK;
}

static void h_search_export(rv_store *s, const rv_api_request *req, rv_api_response *r)
{
	struct params p;
	rv_search_query q;
	if (!search_query(req, r, &p, MAX_EXPORT, &q))
		return;
	struct export_ctx c = { .n = 0 };
	if (!export_format(&p, r, &c.csv))
		return;
	if (!arg(req, "limit"))
		q.f.limit = 1000;
	struct id_list ids = { 0 };
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_search(s, &q, collect_id, &ids, &err);
	rv_buf_init(&c.b, RV_BUF_DEFAULT_MAX);
	if (c.csv)
		rv_buf_puts(&c.b, rv_csv_article_header);
	for (size_t i = 0; rc == RV_OK && i < ids.n; i++) {
		rv_article a;
		rv_article_init(&a);
		rc = rv_store_get_article(s, ids.ids[i], &a, &err);
		if (!rc)
			rc = export_article(&a, &c);
		rv_article_release(&a);
	}
	free(ids.ids);
	if (rc) {
		rv_buf_release(&c.b);
		if (rc == RV_EINPUT)
			set_error(r, 400, err.msg);
		else
			set_error(r, 500, "export failed");
		return;
	}
	finish_export(&c, r, "search");
}

static int add_entity(const rv_entity_row *e, void *p)
{
	json_array_append_new(p, json_pack("{s:s,s:s,s:I,s:I}", "name", e->name, "type", e->type, "articles",
					   (json_int_t)e->articles, "mentions", (json_int_t)e->mentions));
	return RV_OK;
}

static void h_entities(rv_store *s, const rv_api_request *req, rv_api_response *r)
{
	struct params p;
	if (!read_params(req, r, &p, MAX_LIMIT))
		return;
	json_t *arr = json_array();
	rv_error err;
	rv_error_clear(&err);
	rv_entity_query q = { .prefix = p.q, .type = p.type, .limit = p.f.limit + 1, .offset = p.f.offset };
	int rc = rv_store_each_entity(s, &q, add_entity, arr, &err);
	if (rc) {
		json_decref(arr);
		store_error(r, rc, &err);
		return;
	}
	bool more = (int)json_array_size(arr) > p.f.limit;
	if (more)
		json_array_remove(arr, json_array_size(arr) - 1);
	json_t *o = json_object();
	json_object_set_new(o, "entities", arr);
	paged(o, &p, more);
	set_json(r, o);
}

static const rv_asset *find_asset(const char *name)
{
	for (size_t i = 0; i < rv_n_assets; i++)
		if (!strcmp(rv_assets[i].name, name))
			return &rv_assets[i];
	return NULL;
}

static void set_asset(rv_api_response *r, const rv_asset *a)
{
	r->status = 200;
	r->content_type = a->content_type;
	r->body = (char *)a->data;
	r->len = a->len;
	r->body_static = true;
}

/* Paths are matched against fixed names only; anything odd is refused
 * before that so no request can even look like it reaches a file. */
static bool path_ok(const char *p)
{
	size_t n = strlen(p);
	if (n == 0 || n > RV_API_MAX_PATH || p[0] != '/' || strstr(p, "..") || strstr(p, "//") ||
	    strchr(p, '\\') || !rv_utf8_valid(p, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return false;
	return true;
}

static void route(rv_store *s, const rv_api_request *req, rv_api_response *r)
{
	const char *path = req->path ? req->path : "";
	if (!req->method || (strcmp(req->method, "GET") && strcmp(req->method, "HEAD"))) {
		set_error(r, 405, "only GET and HEAD");
		return;
	}
	if (!path_ok(path)) {
		set_error(r, 400, "bad path");
		return;
	}
	if (strncmp(path, "/api/", 5)) {
		const rv_asset *a = find_asset(!strcmp(path, "/") ? "/index.html" : path);
		/* openapi.json lives at /api/openapi.json only */
		if (a && strcmp(a->name, "/openapi.json"))
			set_asset(r, a);
		else
			set_error(r, 404, "not found");
		return;
	}
	const char *rest = path + 5;
	int64_t id;
	if (!strcmp(rest, "health")) {
		h_health(s, r);
	} else if (!strcmp(rest, "openapi.json")) {
		const rv_asset *a = find_asset("/openapi.json");
		if (a)
			set_asset(r, a);
		else
			set_error(r, 404, "not found");
	} else if (!strcmp(rest, "stories")) {
		h_stories(s, req, r);
	} else if (!strncmp(rest, "stories/", 8)) {
		const char *idp = rest + 8, *slash = strchr(idp, '/');
		size_t n = slash ? (size_t)(slash - idp) : strlen(idp);
		if (!parse_id(idp, n, &id))
			set_error(r, 404, "a story id is a positive number");
		else if (!slash)
			h_story(s, id, r);
		else if (!strcmp(slash, "/export"))
			h_story_export(s, id, req, r);
		else if (!strcmp(slash, "/why"))
			h_story_why(s, id, r);
		else
			set_error(r, 404, "not found");
	} else if (!strncmp(rest, "articles/", 9)) {
		if (!parse_id(rest + 9, strlen(rest + 9), &id))
			set_error(r, 404, "an article id is a positive number");
		else
			h_article(s, id, r);
	} else if (!strcmp(rest, "search")) {
		h_search(s, req, r);
	} else if (!strcmp(rest, "search/export")) {
		h_search_export(s, req, r);
	} else if (!strcmp(rest, "entities")) {
		h_entities(s, req, r);
	} else {
		set_error(r, 404, "not found");
	}
}

void rv_api_handle(rv_store *s, const rv_api_request *req, rv_api_response *out)
{
	memset(out, 0, sizeof *out);
	route(s, req, out);
	if (out->status != 200)
		return;
	snprintf(out->etag, sizeof out->etag, "\"%016llx\"",
		 (unsigned long long)XXH3_64bits(out->body, out->len));
	if (req->if_none_match && strstr(req->if_none_match, out->etag)) {
		rv_api_response_release(out);
		out->status = 304;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 32) >= 'a' && (c | 32) <= 'f')
		return (c | 32) - 'a' + 10;
	return -1;
}

size_t rv_api_unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '%' && hexval(r[1]) >= 0 && hexval(r[2]) >= 0) {
			char c = (char)(hexval(r[1]) * 16 + hexval(r[2]));
			*w++ = c ? c : 0x7f;
			r += 2;
		} else if (*r == '+') {
			*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

void rv_api_parse_query(rv_api_request *req, char *query)
{
	char *save = NULL;
	for (char *kv = strtok_r(query, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
		if (req->n_args == RV_API_MAX_ARGS) {
			req->too_many_args = true;
			return;
		}
		char *eq = strchr(kv, '=');
		if (eq)
			*eq++ = '\0';
		rv_api_unescape(kv);
		if (eq)
			rv_api_unescape(eq);
		req->args[req->n_args].key = kv;
		req->args[req->n_args++].value = eq ? eq : "";
	}
}
