/* extract.c - dispatch a record to its extractor, then settle the fields
 * every article has whatever its format: ref, url, given metadata, dates in
 * ISO form, and the content hash used to spot exact duplicates. */
#include "extract/extract.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include <xxhash.h>

static int plain_paragraphs(const char *text, rv_article *a)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = rv_strndup(p, n);
		if (!line)
			return RV_ENOMEM;
		rv_str_squeeze(line);
		if (*line) {
			if (rv_strlist_push_take(&a->paragraphs, line))
				return RV_ENOMEM;
		} else {
			free(line);
		}
		p = nl ? nl + 1 : p + n;
	}
	return RV_OK;
}

/* The reference: fold the whole text with utf8proc, then keep letters and
 * digits with one space between words, so that the same words laid out or
 * punctuated differently hash alike. */
static XXH64_hash_t hash_slow(const char *text, bool *ok)
{
	*ok = false;
	char *folded = rv_utf8_fold(text);
	if (!folded)
		return 0;
	char *w = folded;
	bool space = false;
	const char *p = folded, *end = folded + strlen(folded);
	while (p < end) {
		const char *start = p;
		int32_t cp = rv_utf8_next(&p, end);
		if (rv_cp_is_alnum(cp)) {
			if (space && w > folded)
				*w++ = ' ';
			space = false;
			memmove(w, start, (size_t)(p - start));
			w += p - start;
		} else {
			space = true;
		}
	}
	*w = '\0';
	XXH64_hash_t h = XXH3_64bits(folded, (size_t)(w - folded));
	free(folded);
	*ok = true;
	return h;
}

/* The same hash without folding the whole text through utf8proc (which
 * cost more than the rest of rv_extract for a long article). ASCII folds to
 * lower case on its own. Normalisation can only join an ASCII letter to the
 * non-ASCII marks after it (no canonical composition has an ASCII second
 * element, and ASCII characters are starters that stop mark reordering), so
 * each run of non-ASCII characters is folded with the ASCII character just
 * before it and nothing else changes. False when a run cannot be folded
 * this way (invalid UTF-8, unassigned code points): the caller then takes
 * the reference path. */
#define HASH_SEG 256
static bool hash_fast(const char *text, XXH64_hash_t *out)
{
	XXH3_state_t *st = XXH3_createState();
	if (!st || XXH3_64bits_reset(st) != XXH_OK) {
		XXH3_freeState(st);
		return false;
	}
	char buf[4096];
	size_t k = 0;
	bool space = false, any = false, ok = true;
	const unsigned char *p = (const unsigned char *)text;
	const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
			 UTF8PROC_STRIPMARK;
	utf8proc_int32_t local[HASH_SEG];
	while (*p && ok) {
		if (*p < 0x80 && p[1] < 0x80) {
			if (k + 2 > sizeof buf) {
				XXH3_64bits_update(st, buf, k);
				k = 0;
			}
			unsigned char c = *p++;
			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			    (c >= 'A' && c <= 'Z')) {
				if (space && any)
					buf[k++] = ' ';
				space = false;
				any = true;
				buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			} else {
				space = true;
			}
			continue;
		}
		const unsigned char *q = *p < 0x80 ? p + 1 : p;
		while (*q >= 0x80)
			q++;
		utf8proc_int32_t *seg = local;
		utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)p, q - p, seg,
							HASH_SEG, opts);
		if (n > HASH_SEG) {
			/* a long run without ASCII (CJK text) */
			seg = malloc((size_t)n * sizeof *seg);
			if (seg)
				n = utf8proc_decompose((const utf8proc_uint8_t *)p, q - p, seg, n,
						       opts);
			else
				n = -1;
		}
		if (n >= 0)
			n = utf8proc_normalize_utf32(seg, n, opts);
		ok = n >= 0;
		for (utf8proc_ssize_t i = 0; i < n; i++) {
			if (k + 5 > sizeof buf) {
				XXH3_64bits_update(st, buf, k);
				k = 0;
			}
			if (rv_cp_is_alnum(seg[i])) {
				if (space && any)
					buf[k++] = ' ';
				space = false;
				any = true;
				k += (size_t)utf8proc_encode_char(seg[i], (utf8proc_uint8_t *)buf + k);
			} else {
				space = true;
			}
		}
		if (seg != local)
			free(seg);
		p = q;
	}
	if (ok) {
		XXH3_64bits_update(st, buf, k);
		*out = XXH3_64bits_digest(st);
	}
	XXH3_freeState(st);
	return ok;
}

char *rv_text_hash(const char *text)
{
	XXH64_hash_t h;
	bool ok = hash_fast(text, &h);
	if (!ok)
		h = hash_slow(text, &ok);
	if (!ok)
		return NULL;
	char *hex = malloc(17);
	if (hex)
		snprintf(hex, 17, "%016llx", (unsigned long long)h);
	return hex;
}

/* A URL goes into headers, links and exports: one with white space or
 * control bytes inside (a CRLF injection) is not kept. */
static bool url_is_safe(const char *u)
{
	size_t n = strlen(u);
	if (n == 0 || n > 4096)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)u[i];
		if (c <= 0x20 || c == 0x7f)
			return false;
	}
	return true;
}

/* Normalise a date string to ISO; NULL when it is not a date. */
static char *iso_date(const char *s)
{
	rv_date d;
	if (!s || !rv_date_parse(s, &d))
		return NULL;
	char out[RV_DATE_ISO_MAX];
	rv_date_format(&d, out);
	return rv_strdup(out);
}

static int apply_record(const rv_record *rec, rv_article *a)
{
	if (rv_str_set(&a->ref, rec->ref))
		return RV_ENOMEM;
	if (rec->url && url_is_safe(rec->url) && rv_str_set(&a->url, rec->url))
		return RV_ENOMEM;
	if (a->url && !url_is_safe(a->url)) {
		free(a->url);
		a->url = NULL;
	}
	if (rec->title && *rec->title) {
		char *t = rv_utf8_clean(rec->title, strlen(rec->title), NULL);
		if (!t)
			return RV_ENOMEM;
		rv_str_squeeze(t);
		rv_str_take(&a->title, t);
	}
	if (!a->title && rec->fallback_title && *rec->fallback_title) {
		char *t = rv_utf8_clean(rec->fallback_title, strlen(rec->fallback_title), NULL);
		if (!t)
			return RV_ENOMEM;
		rv_str_squeeze(t);
		rv_str_take(&a->title, t);
	}
	if (rec->source && *rec->source && rv_str_set(&a->source, rec->source))
		return RV_ENOMEM;
	if (rec->lang && *rec->lang && rv_str_set(&a->lang, rec->lang))
		return RV_ENOMEM;
	/* The record's authors replace those the text seemed to name; its tags
	 * come first, before the page's. */
	const rv_strlist *given[] = { rec->authors, rec->tags };
	rv_strlist *mine[] = { &a->authors, &a->tags };
	for (size_t k = 0; k < 2; k++) {
		if (!given[k] || !given[k]->len)
			continue;
		rv_strlist found = *mine[k];
		rv_strlist_init(mine[k]);
		int rc = RV_OK;
		for (size_t i = 0; i < given[k]->len && !rc; i++) {
			char *v = rv_utf8_clean(given[k]->items[i], strlen(given[k]->items[i]), NULL);
			if (!v) {
				rc = RV_ENOMEM;
				break;
			}
			rv_str_squeeze(v);
			if (*v)
				rc = rv_strlist_push_unique(mine[k], v, true);
			free(v);
		}
		for (size_t i = 0; k == 1 && i < found.len && !rc; i++)
			rc = rv_strlist_push_unique(mine[k], found.items[i], true);
		rv_strlist_release(&found);
		if (rc)
			return RV_ENOMEM;
	}
	char *pub = iso_date(rec->published);
	if (pub) {
		rv_str_take(&a->published, pub);
		rv_str_set(&a->published_source, "input");
		a->published_inferred = false;
	}
	char *fetched = iso_date(rec->fetched_at);
	if (fetched)
		rv_str_take(&a->fetched_at, fetched);
	/* Whatever an extractor found, dates leave here in ISO form. */
	if (a->published && !pub) {
		char *iso = iso_date(a->published);
		rv_str_take(&a->published, iso);
	}
	if (a->modified) {
		char *iso = iso_date(a->modified);
		rv_str_take(&a->modified, iso);
	}
	return RV_OK;
}

/* "fr-FR", "en_GB", "EN" -> "fr", "en": one code per language, so filters
 * and groupings by language see one value. Junk becomes NULL. */
static void normalize_lang(char **lang)
{
	char *l = *lang;
	if (!l)
		return;
	size_t n = 0;
	while (l[n] && l[n] != '-' && l[n] != '_')
		n++;
	bool ok = n >= 2 && n <= 3;
	for (size_t i = 0; ok && i < n; i++) {
		char c = l[i];
		if (c >= 'A' && c <= 'Z')
			l[i] = (char)(c + 32);
		else if (c < 'a' || c > 'z')
			ok = false;
	}
	if (!ok) {
		free(l);
		*lang = NULL;
		return;
	}
	l[n] = '\0';
}

/* When nothing in the page names the outlet, its web site does:
 * "https://www.northernledger.example/..." -> "northernledger.example". */
static char *outlet_from_url(const char *url)
{
	const char *p = strstr(url, "://");
	if (!p)
		return NULL;
	p += 3;
	size_t n = strcspn(p, "/?#:");
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (n > 4 && !strncasecmp(p, "www.", 4)) {
		p += 4;
		n -= 4;
	}
	if (n == 0 || n > 253 || !memchr(p, '.', n))
		return NULL;
	char *host = rv_strndup(p, n);
	for (char *c = host; c && *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	return host;
}

int rv_extract(const rv_record *rec, rv_article *a, rv_error *err)
{
	int rc;
	if (rec->format == RV_FORMAT_HTML) {
		rc = rv_extract_html(rec->data, rec->len, rec, a, err);
	} else {
		char *text = rv_text_to_utf8(rec->data, rec->len);
		if (!text)
			return rv_fail(err, RV_ENOMEM, "out of memory");
		if (rec->plain)
			rc = plain_paragraphs(text, a);
		else
			rc = rv_extract_textdump(text, strlen(text), rec, a, err);
		free(text);
	}
	if (rc)
		return rc;
	if ((rc = apply_record(rec, a)))
		return rv_fail(err, rc, "out of memory");
	if (rv_article_join_paragraphs(a))
		return rv_fail(err, RV_ENOMEM, "out of memory");
	normalize_lang(&a->lang);
	if (!a->source && a->url)
		a->source = outlet_from_url(a->url);
	const char *basis = a->text && *a->text ? a->text : a->title;
	if (!basis || !*basis)
		return rv_fail(err, RV_EINPUT, "no article text found");
	/* A headline-only record hashes its headline (wire copies repeat it). */
	a->content_hash = rv_text_hash(basis);
	if (!a->content_hash)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	return RV_OK;
}
