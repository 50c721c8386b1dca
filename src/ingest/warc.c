/* warc.c - WARC/1.0 and 1.1 archives, plain or gzip (a member per record or
 * one for the whole file).
 *
 * The archive is already mapped (data, len) and may be many GB: gzip input is
 * inflated through one window (gzstream.c) that only grows to hold a single
 * record (at most RV_INGEST_MAX_RECORD plus its headers), so neither a huge
 * archive nor a gzip bomb can take the memory. Records we skip are inflated
 * and dropped chunk by chunk. Headers are parsed in place, without
 * allocating.
 *
 * ref = path#offset: the compressed offset of the gzip member the record
 * starts (the number `warcio index` and CDX files give), the byte offset in a
 * plain file, or the decompressed offset when several records share one
 * member (whole-file gzip).
 */
#include "ingest/readers.h"
#include "ingest/gzstream.h"
#include "core/buf.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <limits.h>
#include <zlib.h>

#define HEADER_MAX ((size_t)64 << 10)

/* ---- headers, parsed in place ---------------------------------------- */

struct hdr {
	const char *name, *value;
	size_t name_len, value_len;
};

#define MAX_HDRS 64

/* Length of the header block ending in an empty line, 0 when not found. */
static size_t block_end(const char *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] != '\n')
			continue;
		if (p[i + 1] == '\n')
			return i + 2;
		if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* Split "Name: value" lines after the first line; returns the header count. */
static size_t parse_headers(const char *p, size_t n, struct hdr *h, size_t max, const char **first,
                            size_t *first_len)
{
	size_t count = 0, i = 0;
	const char *e = p + n;
	const char *nl = memchr(p, '\n', n);
	if (!nl)
		return 0;
	*first = p;
	*first_len = rv_str_rtrim_len(p, (size_t)(nl - p));
	i = (size_t)(nl - p) + 1;
	while (p + i < e) {
		const char *line = p + i;
		const char *end = memchr(line, '\n', (size_t)(e - line));
		if (!end)
			end = e;
		size_t ll = rv_str_rtrim_len(line, (size_t)(end - line));
		i = (size_t)(end - p) + 1;
		if (!ll)
			break;
		if ((line[0] == ' ' || line[0] == '\t') && count) {
			/* A folded continuation: widen the previous value. */
			h[count - 1].value_len = (size_t)(line + ll - h[count - 1].value);
			continue;
		}
		const char *colon = memchr(line, ':', ll);
		if (!colon || count == max)
			continue;
		const char *v = colon + 1;
		while (v < line + ll && (*v == ' ' || *v == '\t'))
			v++;
		h[count].name = line;
		h[count].name_len = (size_t)(colon - line);
		h[count].value = v;
		h[count].value_len = (size_t)(line + ll - v);
		count++;
	}
	return count;
}

static const struct hdr *find_hdr(const struct hdr *h, size_t n, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < n; i++)
		if (h[i].name_len == len && !strncasecmp(h[i].name, name, len))
			return &h[i];
	return NULL;
}

/* Copy a header value into out (NUL-terminated, truncated); "" when absent. */
static void hdr_copy(const struct hdr *h, char *out, size_t size)
{
	out[0] = '\0';
	if (!h)
		return;
	size_t n = h->value_len < size - 1 ? h->value_len : size - 1;
	memcpy(out, h->value, n);
	out[n] = '\0';
}

static bool hdr_u64(const struct hdr *h, uint64_t *out)
{
	if (!h || !h->value_len || h->value_len > 19)
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < h->value_len; i++) {
		if (h->value[i] < '0' || h->value[i] > '9')
			return false;
		v = v * 10 + (uint64_t)(h->value[i] - '0');
	}
	*out = v;
	return true;
}

static bool has_token(const struct hdr *h, const char *tok)
{
	if (!h)
		return false;
	size_t t = strlen(tok);
	for (size_t i = 0; i + t <= h->value_len; i++)
		if (!strncasecmp(h->value + i, tok, t))
			return true;
	return false;
}

static bool looks_html(const char *p, size_t n)
{
	size_t m = n < 1024 ? n : 1024;
	for (size_t i = 0; i + 5 <= m; i++)
		if (p[i] == '<' &&
		    (!strncasecmp(p + i, "<html", 5) || !strncasecmp(p + i, "<!doc", 5) ||
		     !strncasecmp(p + i, "<head", 5) || !strncasecmp(p + i, "<body", 5)))
			return true;
	return false;
}

/* ---- payload decoding (chunked, gzip/deflate) ------------------------- */

static bool dechunk(const char *p, size_t n, rv_buf *out)
{
	size_t i = 0;
	while (i < n) {
		uint64_t size = 0;
		size_t digits = 0;
		while (i < n) {
			char c = p[i];
			int d = c >= '0' && c <= '9'   ? c - '0'
			        : c >= 'a' && c <= 'f' ? c - 'a' + 10
			        : c >= 'A' && c <= 'F' ? c - 'A' + 10
			                               : -1;
			if (d < 0)
				break;
			if (++digits > 15)
				return false;
			size = size * 16 + (uint64_t)d;
			i++;
		}
		if (!digits)
			return false;
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return false;
		i = (size_t)(nl - p) + 1;
		if (size == 0)
			return true;
		if (size > n - i)
			size = n - i; /* a cut last chunk: keep what arrived */
		if (rv_buf_append(out, p + i, (size_t)size))
			return false;
		i += (size_t)size;
		while (i < n && (p[i] == '\r' || p[i] == '\n'))
			i++;
	}
	return true;
}

/* A zlib header (RFC 1950): deflate, a window of at most 32 KB, and the
 * check bits that make the first two bytes a multiple of 31. */
static bool zlib_header(const unsigned char *p, size_t n)
{
	return n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 && ((p[0] << 8) | p[1]) % 31 == 0;
}

bool rv_inflate(const char *p, size_t n, bool gzip, rv_buf *out, bool *more)
{
	*more = false;
	z_stream zs = {0};
	/* HTTP's deflate is the zlib format; some servers send raw deflate,
	 * and browsers read both (a raw stream opens with a zlib header only
	 * for a stored block with padding bits set, which encoders do not write) */
	int wbits = gzip ? 15 + 32 : zlib_header((const unsigned char *)p, n) ? 15 : -15;
	if (n > UINT_MAX || inflateInit2(&zs, wbits) != Z_OK)
		return false;
	zs.next_in = (Bytef *)p;
	zs.avail_in = (uInt)n;
	unsigned char chunk[65536];
	int zr;
	bool ok = true;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof chunk;
		zr = inflate(&zs, Z_NO_FLUSH);
		size_t got = sizeof chunk - zs.avail_out, room = out->max - out->len;
		if (got > room) {
			*more = true;
			got = room;
		}
		if (got && rv_buf_append(out, chunk, got)) {
			ok = false;
			break;
		}
		if (zr != Z_OK && zr != Z_STREAM_END) {
			ok = out->len > 0; /* keep what a cut stream gave */
			break;
		}
	} while (zr != Z_STREAM_END && !*more);
	inflateEnd(&zs);
	return ok;
}

/* ---- records ---------------------------------------------------------- */

struct warc_ctx {
	const char *name;
	const rv_ingest_opts *opts;
	rv_buf decoded;
};

static void reject_at(const struct warc_ctx *w, uint64_t off, const char *fmt, const char *detail)
{
	if (!w->opts->on_reject)
		return;
	char ref[4096], why[512];
	snprintf(ref, sizeof ref, "%s#%llu", w->name, (unsigned long long)off);
	snprintf(why, sizeof why, fmt, detail);
	w->opts->on_reject(ref, why, w->opts->ctx);
}

/* The archive ends here: say where, and why when gzip knows. */
static void damage(const struct warc_ctx *w, const rv__gz *s, uint64_t off, const char *what)
{
	char why[512];
	if (s->z_err)
		snprintf(why, sizeof why,
		         "%s (%s at compressed offset %zu); the records before it were read", what,
		         s->z_err, s->z_err_off);
	else
		snprintf(why, sizeof why, "%s; the records before it were read", what);
	reject_at(w, off, "%s", why);
}

/* After damage: report it, and go on at the next gzip member when the
 * damage was bad data (not a cut) and another member follows. */
static bool recover(const struct warc_ctx *w, rv__gz *s, uint64_t off, const char *what)
{
	if (s->z_corrupt) {
		what = "damaged gzip member";
		const char *why = s->z_err;
		size_t bad = s->z_err_off;
		if (rv__gz_resync(s)) {
			char msg[512];
			snprintf(msg, sizeof msg,
			         "%s (%s at compressed offset %zu); resuming at the next gzip "
			         "member, offset %zu",
			         what, why, bad, rv__gz_in_pos(s));
			reject_at(w, off, "%s", msg);
			return true;
		}
	}
	damage(w, s, off, what);
	return false;
}

/* Move to the next "WARC/" line of the decompressed stream, from where the
 * reader stands (a whole-file gzip cannot go back). */
static bool scan_stream(rv__gz *s)
{
	for (;;) {
		size_t have = rv__gz_ensure(s, RV__GZ_CHUNK);
		if (have < 6)
			return false;
		const char *p = memmem(rv__gz_cur(s), have, "\nWARC/", 6);
		if (p) {
			rv__gz_consume(s, (size_t)(p + 1 - rv__gz_cur(s)));
			return true;
		}
		rv__gz_consume(s, have - 5);
	}
}

/* A record's framing was wrong (a Content-Length too short, too long,
 * unreadable, or running past the end of the archive): the block cannot be
 * trusted, but the records after it can be found again. A plain archive is
 * searched for the next "WARC/" line after the record's start (it is all in
 * memory); a gzip archive with a member per record restarts at the member
 * after the record's; a whole-file gzip searches on from where it stands.
 * rec is the record's stream offset, comp its member's compressed offset
 * (-1 when it did not start one). Reports and returns true when reading
 * can go on; false (nothing reported) when no record follows. */
static bool realign(const struct warc_ctx *w, rv__gz *s, uint64_t rec, int64_t comp,
                    uint64_t ref_off, const char *what)
{
	uint64_t at;
	if (!s->gz) {
		/* the window is the whole input (rv__gz_skip() may have emptied it) */
		if (rec + 1 >= s->in_len)
			return false;
		const char *p = memmem(s->in + rec + 1, (size_t)(s->in_len - rec - 1), "\nWARC/", 6);
		if (!p)
			return false;
		s->end = s->in_len;
		s->start = (size_t)(p + 1 - (const char *)s->in);
		s->off = s->start;
		at = s->off;
	} else if (s->z_corrupt) {
		return false; /* recover() restarts after damaged data */
	} else if (comp >= 0) {
		if (!rv__gz_restart_member(s, (size_t)comp + 1))
			return false;
		at = s->member_comp;
	} else {
		if (s->z_err || !scan_stream(s))
			return false;
		at = s->off;
	}
	char msg[512];
	snprintf(msg, sizeof msg, "%s; resuming at the next record, offset %llu", what,
	         (unsigned long long)at);
	reject_at(w, ref_off, "%s", msg);
	return true;
}

/* A record whose Content-Length (clen) runs past the end of the archive:
 * realign() past it, saying so. */
static bool resume_past_end(const struct warc_ctx *w, rv__gz *s, uint64_t rec, int64_t comp,
                            uint64_t ref_off, uint64_t clen)
{
	char why[128];
	snprintf(why, sizeof why, "Content-Length %llu runs past the end of the archive, record skipped",
	         (unsigned long long)clen);
	return realign(w, s, rec, comp, ref_off, why);
}

/* One response/resource block in memory: emit it if it is a 2xx HTML page. */
static int emit(struct warc_ctx *w, const char *ref, bool http, const char *block, size_t n,
                const struct hdr *wh, size_t nwh, uint64_t off)
{
	char url[8192], date[128], ctype[512], hdate[128];
	hdr_copy(find_hdr(wh, nwh, "WARC-Target-URI"), url, sizeof url);
	hdr_copy(find_hdr(wh, nwh, "WARC-Date"), date, sizeof date);
	hdr_copy(find_hdr(wh, nwh, "Content-Type"), ctype, sizeof ctype);
	/* Some writers wrap the URI in <>. */
	if (url[0] == '<') {
		size_t l = strlen(url);
		memmove(url, url + 1, l);
		if (l >= 2 && url[l - 2] == '>')
			url[l - 2] = '\0';
	}
	const char *body = block;
	size_t body_len = n;
	if (http) {
		size_t hl = block_end(block, n < HEADER_MAX ? n : HEADER_MAX);
		if (!hl)
			return RV_OK; /* no HTTP header: nothing a page */
		struct hdr hh[MAX_HDRS];
		const char *status = NULL;
		size_t status_len = 0;
		size_t nh = parse_headers(block, hl, hh, MAX_HDRS, &status, &status_len);
		if (!status)
			return RV_OK; /* no status line: not a response we can read */
		/* "HTTP/1.1 200 OK" */
		const char *sp = memchr(status, ' ', status_len);
		if (status_len < 8 || strncmp(status, "HTTP/", 5) || !sp ||
		    (size_t)(sp - status) + 4 > status_len)
			return RV_OK;
		if (sp[1] != '2')
			return RV_OK; /* redirects, errors: not an article */
		const struct hdr *ct = find_hdr(hh, nh, "Content-Type");
		if (ct)
			hdr_copy(ct, ctype, sizeof ctype);
		else
			ctype[0] = '\0';
		hdr_copy(find_hdr(hh, nh, "Date"), hdate, sizeof hdate);
		body = block + hl;
		body_len = n - hl;
		rv_buf_reset(&w->decoded);
		if (has_token(find_hdr(hh, nh, "Transfer-Encoding"), "chunked")) {
			if (!dechunk(body, body_len, &w->decoded)) {
				reject_at(w, off, "%s", "bad chunked encoding");
				return RV_OK;
			}
			body = rv_buf_str(&w->decoded);
			body_len = w->decoded.len;
		}
		const struct hdr *ce = find_hdr(hh, nh, "Content-Encoding");
		if (has_token(ce, "gzip") || has_token(ce, "deflate")) {
			rv_buf raw = w->decoded;
			rv_buf inflated;
			rv_buf_init(&inflated, RV_INGEST_MAX_RECORD);
			bool more;
			/* past the record limit: a bomb */
			bool ok = rv_inflate(body, body_len, has_token(ce, "gzip"), &inflated, &more) && !more;
			w->decoded = inflated;
			rv_buf_release(&raw);
			if (!ok) {
				reject_at(w, off, "%s",
				          "payload does not inflate or exceeds the record limit");
				return RV_OK;
			}
			body = rv_buf_str(&w->decoded);
			body_len = w->decoded.len;
		}
		if (ctype[0] ? !strcasestr(ctype, "html") : !looks_html(body, body_len))
			return RV_OK;
	} else {
		if (ctype[0] ? !strcasestr(ctype, "html") : !looks_html(body, body_len))
			return RV_OK;
	}
	if (!body_len)
		return RV_OK;
	rv_record rec = {0};
	rec.data = body;
	rec.len = body_len;
	rec.format = RV_FORMAT_HTML;
	rec.ref = ref;
	rec.url = url[0] ? url : NULL;
	rec.fetched_at = date[0] ? date : (http && hdate[0] ? hdate : NULL);
	rec.content_type = ctype[0] ? ctype : NULL;
	return w->opts->on_record(&rec, w->opts->ctx);
}

int rv_read_warc(const char *name, const char *data, size_t len, const rv_ingest_opts *opts,
                 rv_error *err)
{
	rv__gz s;
	if (!rv__gz_open(&s, data, len)) {
		if (opts->on_reject)
			opts->on_reject(name, "zlib initialisation failed", opts->ctx);
		return RV_OK;
	}
	return rv_read_warc_stream(name, &s, opts, err);
}

int rv_read_warc_stream(const char *name, rv__gz *s, const rv_ingest_opts *opts,
                        rv_error *err)
{
	(void)err;
	struct warc_ctx w = {name, opts, {0}};
	rv_buf_init(&w.decoded, RV_INGEST_MAX_RECORD);
	int rc = RV_OK;
	size_t records = 0;
	bool damaged = false;
	for (;;) {
		/* Blank lines between records. */
		for (;;) {
			if (!rv__gz_ensure(s, 1))
				break;
			char c = *rv__gz_cur(s);
			if (c != '\r' && c != '\n')
				break;
			rv__gz_consume(s, 1);
		}
		if (!rv__gz_avail(s)) {
			if (s->z_corrupt) {
				if (recover(&w, s, s->member_comp, "damaged gzip member"))
					continue;
				damaged = true;
			}
			break;
		}
		uint64_t off = s->off;
		int64_t comp = s->gz ? rv__gz_member_at(s, off) : (int64_t)off;
		uint64_t ref_off = comp >= 0 ? (uint64_t)comp : off;
		size_t have = rv__gz_ensure(s, 4096);
		if (have < 5 || memcmp(rv__gz_cur(s), "WARC/", 5)) {
			if (!records && !s->z_err)
				reject_at(&w, ref_off, "%s",
				          "not a WARC archive (no WARC/ version line)");
			else if (have >= 5 && !s->z_err &&
			         realign(&w, s, off, comp, ref_off,
			                 "no WARC record where one should start (the Content-Length "
			                 "of the record before it is wrong?)"))
				continue;
			else if (recover(&w, s, ref_off,
			                 have < 5 && s->z_err
			                     ? "archive truncated"
			                     : "no WARC record where one should start"))
				continue;
			damaged = true;
			break;
		}
		size_t hl = block_end(rv__gz_cur(s), have);
		if (!hl && have < HEADER_MAX) {
			have = rv__gz_ensure(s, HEADER_MAX);
			hl = block_end(rv__gz_cur(s), have);
		}
		if (!hl) {
			if (recover(&w, s, ref_off,
			            have < HEADER_MAX ? "archive truncated inside a record header"
			                              : "WARC header longer than 64 KB"))
				continue;
			damaged = true;
			break;
		}
		struct hdr wh[MAX_HDRS];
		const char *vline;
		size_t vlen;
		size_t nwh = parse_headers(rv__gz_cur(s), hl, wh, MAX_HDRS, &vline, &vlen);
		uint64_t clen;
		if (!hdr_u64(find_hdr(wh, nwh, "Content-Length"), &clen)) {
			if (realign(&w, s, off, comp, ref_off,
			            "WARC record without a valid Content-Length, skipped") ||
			    recover(&w, s, ref_off, "WARC record without a valid Content-Length"))
				continue;
			damaged = true;
			break;
		}
		char type[64];
		hdr_copy(find_hdr(wh, nwh, "WARC-Type"), type, sizeof type);
		records++;
		bool http = false, wanted = false;
		if (!strcasecmp(type, "response")) {
			const struct hdr *ct = find_hdr(wh, nwh, "Content-Type");
			http = !ct || has_token(ct, "application/http");
			wanted = true;
		} else if (!strcasecmp(type, "resource") || !strcasecmp(type, "conversion")) {
			wanted = true;
		}
		bool too_large = wanted && clen > RV_INGEST_MAX_RECORD;
		if (too_large)
			wanted = false;
		if (!wanted) {
			rv__gz_consume(s, hl);
			if (rv__gz_skip(s, clen) < clen) {
				if (resume_past_end(&w, s, off, comp, ref_off, clen))
					continue;
				char why[192];
				snprintf(why, sizeof why, "archive truncated inside a %s record",
				         type[0] ? type : "WARC");
				if (recover(&w, s, ref_off, why))
					continue;
				damaged = true;
				break;
			}
			if (too_large)
				reject_at(&w, ref_off, "%s", "record larger than 32 MB, skipped");
			continue;
		}
		/* Header and block contiguous in the window: pointers stay valid
		 * through the callback. */
		size_t total = hl + (size_t)clen;
		if (rv__gz_ensure(s, total) < total) {
			if (resume_past_end(&w, s, off, comp, ref_off, clen))
				continue;
			char why[256];
			snprintf(why, sizeof why,
			         "archive truncated inside a %s record (%llu of %llu bytes)", type,
			         (unsigned long long)(rv__gz_avail(s) - hl),
			         (unsigned long long)clen);
			if (recover(&w, s, ref_off, why))
				continue;
			damaged = true;
			break;
		}
		/* Re-parse: rv__gz_ensure() may have moved the window. */
		nwh = parse_headers(rv__gz_cur(s), hl, wh, MAX_HDRS, &vline, &vlen);
		char ref[4096];
		snprintf(ref, sizeof ref, "%s#%llu", name, (unsigned long long)ref_off);
		rc = emit(&w, ref, http, rv__gz_cur(s) + hl, (size_t)clen, wh, nwh, ref_off);
		rv__gz_consume(s, total);
		if (rc)
			break;
	}
	if (rc == RV_OK && s->z_err && !damaged) {
		char why[512];
		snprintf(why, sizeof why,
		         "%s at compressed offset %zu; the records before it were read", s->z_err,
		         s->z_err_off);
		if (opts->on_reject)
			opts->on_reject(name, why, opts->ctx);
	}
	rv_buf_release(&w.decoded);
	rv__gz_close(s);
	return rc;
}
