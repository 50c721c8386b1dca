/* jsonl.c - one JSON object per line: {"text"|"html", "id", "url", "title",
 * "published", "source", "lang"}. A malformed line is rejected alone. */
#include "ingest/ingest.h"
#include "core/buf.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *get_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void reject_line(const rv_ingest_opts *opts, const char *ref, const char *fmt, const char *detail)
{
	char why[512];
	snprintf(why, sizeof why, fmt, detail);
	if (opts->on_reject)
		opts->on_reject(ref, why, opts->ctx);
}

static int read_line(const char *name, size_t lineno, const char *line, size_t len,
		     const rv_ingest_opts *opts)
{
	char ref[4096];
	snprintf(ref, sizeof ref, "%s#%zu", name, lineno);
	if (len > RV_INGEST_MAX_RECORD) {
		reject_line(opts, ref, "%s", "line too long (over 32 MB)");
		return RV_OK;
	}
	json_error_t jerr;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!o) {
		reject_line(opts, ref, "malformed JSON: %s", jerr.text);
		return RV_OK;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		reject_line(opts, ref, "%s", "not a JSON object");
		return RV_OK;
	}
	json_t *jid = json_object_get(o, "id");
	char idbuf[64];
	const char *id = NULL;
	if (json_is_string(jid))
		id = json_string_value(jid);
	else if (json_is_integer(jid)) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
		id = idbuf;
	}
	rv_record rec = { 0 };
	rec.ref = id && *id ? id : ref;
	const char *text = get_str(o, "text");
	const char *html = get_str(o, "html");
	const char *title = get_str(o, "title");
	/* A headline-only record (wire alerts, aggregators) is still news: its
	 * title stands in for the text. */
	if (!text && !html && title && *title)
		text = title;
	if (!text && !html) {
		reject_line(opts, ref, "%s", "no \"text\" or \"html\" string");
		json_decref(o);
		return RV_OK;
	}
	if (html) {
		rec.data = html;
		rec.len = strlen(html);
		rec.format = RV_FORMAT_HTML;
	} else {
		rec.data = text;
		rec.len = strlen(text);
		rec.format = RV_FORMAT_TEXT;
		rec.plain = true;
	}
	rec.url = get_str(o, "url");
	rec.title = title;
	rec.published = get_str(o, "published");
	rec.source = get_str(o, "source");
	rec.lang = get_str(o, "lang");
	rec.fetched_at = get_str(o, "fetched_at");
	int rc = RV_OK;
	if (rec.len == 0 && !(rec.title && *rec.title))
		reject_line(opts, ref, "%s", "empty text");
	else
		rc = opts->on_record(&rec, opts->ctx);
	json_decref(o);
	return rc;
}

int rv_read_jsonl(const char *name, const char *data, size_t len,
		  const rv_ingest_opts *opts, rv_error *err)
{
	(void)err;
	size_t lineno = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		lineno++;
		size_t n = (size_t)(stop - p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		const char *s = p;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (n) {
			int rc = read_line(name, lineno, s, n, opts);
			if (rc)
				return rc;
		}
		p = nl ? nl + 1 : end;
	}
	return RV_OK;
}
