/* jsonl.c - one JSON object per line: {"text"|"html", "id", "url", "title",
 * "published", "source", "lang", "authors", "tags"}. A malformed line is
 * rejected alone, and so is a record whose "published" is not a date. */
#include "ingest/ingest.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *get_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "authors": "A" or ["A", "B"]; a list of other things is ignored. */
static int get_list(json_t *o, const char *key, rv_strlist *out)
{
	json_t *v = json_object_get(o, key);
	if (json_is_string(v))
		return rv_strlist_push(out, json_string_value(v));
	size_t i;
	json_t *item;
	json_array_foreach(v, i, item)
	{
		if (out->len >= RV_INGEST_MAX_NAMES)
			break;
		if (json_is_string(item) && rv_strlist_push(out, json_string_value(item)))
			return RV_ENOMEM;
	}
	return RV_OK;
}

/* "2026-02-30", "2026-04-31T10:00Z": the ISO form, refused only for its day.
 * Telling it from a malformed value points the producer at the right bug
 * (a date computed wrong, not a format written wrong): the same value with
 * the day set to 01 parses. */
static bool impossible_day(const char *s)
{
	char copy[64];
	size_t n = strlen(s);
	if (n >= sizeof copy || n < 10)
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	memcpy(copy, s, n + 1);
	copy[8] = '0';
	copy[9] = '1';
	rv_date d;
	return rv_date_parse_iso(copy, &d);
}

/* Why a "published" value is refused, or NULL. The contract says ISO 8601;
 * the RSS form is taken too. A slashed day ("03/02/2026") is refused, not
 * guessed: day-first and month-first readers disagree on it. A date more
 * than a day ahead of now is a typo or a placeholder. */
static const char *published_problem(const char *s)
{
	rv_date d;
	if (!rv_date_parse_iso(s, &d) && !rv_date_parse_rfc822(s, &d)) {
		if (impossible_day(s))
			return "not a real day (the form is right, the calendar has no such day)";
		return "not an ISO 8601 date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a zone)";
	}
	if (rv_date_epoch(&d) > (int64_t)time(NULL) + 86400)
		return "in the future";
	return NULL;
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
	/* a line that is not UTF-8 (a Windows-1252 export) is read as other
	 * text is, rather than lost: JSON's own characters are ASCII in both */
	char *decoded = NULL;
	if (!rv_utf8_valid(line, len)) {
		if (!(decoded = rv_text_to_utf8(line, len)))
			return RV_ENOMEM;
		line = decoded;
		len = strlen(decoded);
	}
	json_error_t jerr;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	free(decoded);
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
	rv_strlist authors, tags;
	rv_strlist_init(&authors);
	rv_strlist_init(&tags);
	int rc = RV_OK;
	const char *bad_date = rec.published && *rec.published ? published_problem(rec.published) : NULL;
	if (bad_date) {
		char why[256];
		snprintf(why, sizeof why, "\"published\": \"%.40s\" is %s", rec.published, bad_date);
		reject_line(opts, ref, "%s", why);
	} else if (rec.len == 0 && !(rec.title && *rec.title)) {
		reject_line(opts, ref, "%s", "empty text");
	} else if (get_list(o, "authors", &authors) || get_list(o, "tags", &tags)) {
		rc = RV_ENOMEM;
	} else {
		rec.authors = &authors;
		rec.tags = &tags;
		rc = opts->on_record(&rec, opts->ctx);
	}
	rv_strlist_release(&authors);
	rv_strlist_release(&tags);
	json_decref(o);
	return rc;
}

int rv_read_jsonl(const char *name, const char *data, size_t len,
		  const rv_ingest_opts *opts, rv_error *err)
{
	(void)err;
	size_t lineno = 0;
	bool any = false;
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
			any = true;
			int rc = read_line(name, lineno, s, n, opts);
			if (rc)
				return rc;
		}
		p = nl ? nl + 1 : end;
	}
	if (!any && opts->on_reject)
		opts->on_reject(name, "empty file (blank lines only)", opts->ctx);
	return RV_OK;
}
