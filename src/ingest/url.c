/* url.c - URL normalisation for item identity (see url.h). */
#include "ingest/url.h"
#include "core/buf.h"
#include "core/str.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define URL_MAX ((size_t)16 << 10)

struct parts {
	const char *scheme, *host, *port, *path, *query;
	size_t scheme_len, host_len, port_len, path_len, query_len;
};

/* Split without allocating; false unless http(s)://host... */
static bool split(const char *u, struct parts *p)
{
	memset(p, 0, sizeof *p);
	u = rv_str_ltrim(u);
	size_t n = rv_str_rtrim_len(u, strlen(u));
	if (n > URL_MAX)
		return false;
	const char *e = u + n;
	const char *c = memchr(u, ':', n);
	if (!c || c + 3 > e || c[1] != '/' || c[2] != '/')
		return false;
	p->scheme = u;
	p->scheme_len = (size_t)(c - u);
	if (!((p->scheme_len == 4 && !strncasecmp(u, "http", 4)) ||
	      (p->scheme_len == 5 && !strncasecmp(u, "https", 5))))
		return false;
	const char *a = c + 3;
	const char *auth_end = a;
	while (auth_end < e && *auth_end != '/' && *auth_end != '?' && *auth_end != '#')
		auth_end++;
	/* Drop user:password@ (never part of an article's identity). */
	const char *at = NULL;
	for (const char *q = a; q < auth_end; q++)
		if (*q == '@')
			at = q;
	if (at)
		a = at + 1;
	const char *colon = NULL;
	if (a < auth_end && *a == '[') {
		const char *rb = memchr(a, ']', (size_t)(auth_end - a));
		if (!rb)
			return false;
		if (rb + 1 < auth_end && rb[1] == ':')
			colon = rb + 1;
	} else {
		colon = memchr(a, ':', (size_t)(auth_end - a));
	}
	p->host = a;
	p->host_len = (size_t)((colon ? colon : auth_end) - a);
	while (p->host_len && a[p->host_len - 1] == '.')
		p->host_len--;
	if (!p->host_len)
		return false;
	/* A host with a space, a control byte or a quote is no host: taking it
	 * would carry the byte into the identity, the logs and a request line. */
	for (size_t i = 0; i < p->host_len; i++) {
		unsigned char ch = (unsigned char)a[i];
		if (ch <= 0x20 || ch == 0x7f || ch == '"' || ch == '<' || ch == '>' || ch == '\\' ||
		    ch == '^' || ch == '`' || ch == '{' || ch == '|' || ch == '}')
			return false;
	}
	if (colon) {
		p->port = colon + 1;
		p->port_len = (size_t)(auth_end - p->port);
		for (size_t i = 0; i < p->port_len; i++)
			if (p->port[i] < '0' || p->port[i] > '9')
				return false;
		/* Leading zeros: "0080" is port 80. */
		while (p->port_len > 1 && p->port[0] == '0') {
			p->port++;
			p->port_len--;
		}
	}
	const char *r = auth_end;
	const char *hash = memchr(r, '#', (size_t)(e - r));
	if (hash)
		e = hash;
	const char *qm = memchr(r, '?', (size_t)(e - r));
	p->path = r;
	p->path_len = (size_t)((qm ? qm : e) - r);
	if (qm) {
		p->query = qm + 1;
		p->query_len = (size_t)(e - qm - 1);
	}
	return true;
}

bool rv_url_is_tracking_param(const char *name, size_t len)
{
	static const char *const exact[] = {
	    "fbclid",     "gclid",       "gclsrc",    "dclid",       "msclkid",
	    "yclid",      "mc_cid",      "mc_eid",    "igshid",      "_ga",
	    "_gl",        "_hsenc",      "_hsmi",     "mkt_tok",     "oly_anon_id",
	    "oly_enc_id", "vero_id",     "vero_conv", "wt.mc_id",    "wt_mc_id",
	    "xtor",       "ito",         "cmpid",     "ns_campaign", "ns_mchannel",
	    "ns_source",  "ns_linkname", "ns_fee",    "at_medium",   "at_campaign",
	    "ocid",       "ref_src",     "s_cid",     "soc_src",     "soc_trk",
	    "twclid",     "ttclid",      "li_fat_id", "spm",         "__twitter_impression",
	    "trk",        "trkcampaign", NULL,
	};
	if (len >= 4 && !strncasecmp(name, "utm_", 4))
		return true;
	for (size_t i = 0; exact[i]; i++)
		if (strlen(exact[i]) == len && !strncasecmp(name, exact[i], len))
			return true;
	return false;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* Percent escapes with upper-case hex; unreserved characters decoded. */
static int put_escaped(rv_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			int v = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
			bool unreserved = (v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z') ||
			                  (v >= '0' && v <= '9') || v == '-' || v == '.' ||
			                  v == '_' || v == '~';
			int rc = unreserved ? rv_buf_putc(b, (char)v)
			                    : rv_buf_printf(b, "%%%c%c", hex[v >> 4], hex[v & 15]);
			if (rc)
				return rc;
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f || c == '%') {
			/* a '%' that starts no escape is a literal one: written "%25" so
			 * that it cannot pair with what follows on the next pass */
			if (rv_buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]))
				return -1;
		} else if (rv_buf_putc(b, (char)c)) {
			return -1;
		}
	}
	return 0;
}

static int cmp_param(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *rv_url_normalize(const char *url)
{
	struct parts p;
	if (!url || !split(url, &p))
		return NULL;
	rv_buf b;
	rv_buf_init(&b, URL_MAX * 3 + 64);
	bool https = p.scheme_len == 5;
	int rc = rv_buf_puts(&b, https ? "https://" : "http://");
	for (size_t i = 0; i < p.host_len && !rc; i++) {
		char c = p.host[i];
		rc = rv_buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
	if (!rc && p.port_len) {
		bool dflt = (https && p.port_len == 3 && !memcmp(p.port, "443", 3)) ||
		            (!https && p.port_len == 2 && !memcmp(p.port, "80", 2));
		if (!dflt) {
			rc = rv_buf_putc(&b, ':') || rv_buf_append(&b, p.port, p.port_len);
		}
	}
	if (!rc)
		rc = p.path_len ? put_escaped(&b, p.path, p.path_len) : rv_buf_putc(&b, '/');
	if (!rc && p.query_len) {
		size_t np = 1;
		for (size_t i = 0; i < p.query_len; i++)
			if (p.query[i] == '&' || p.query[i] == ';')
				np++;
		/* Parameters are escaped first and sorted in their escaped form:
		 * sorting raw bytes would order "%A9" and "\xa9" differently, and the
		 * normal form of a normal form would change. */
		char **ps = malloc(np * sizeof *ps);
		if (!ps) {
			rv_buf_release(&b);
			return NULL;
		}
		size_t k = 0;
		const char *s = p.query, *e = p.query + p.query_len;
		while (s <= e && !rc) {
			const char *t = s;
			while (t < e && *t != '&' && *t != ';')
				t++;
			size_t len = (size_t)(t - s);
			if (len) {
				/* the name is tested escaped too: "ut%6D_source" is utm_source */
				rv_buf one;
				rv_buf_init(&one, len * 3 + 1);
				rc = put_escaped(&one, s, len);
				char *esc = rc ? NULL : rv_buf_detach(&one);
				if (!esc)
					rc = -1;
				else if (rv_url_is_tracking_param(esc, strcspn(esc, "=")))
					free(esc);
				else
					ps[k++] = esc;
				rv_buf_release(&one);
			}
			s = t + 1;
		}
		qsort(ps, k, sizeof *ps, cmp_param);
		for (size_t i = 0; i < k && !rc; i++)
			rc = rv_buf_putc(&b, i ? '&' : '?') || rv_buf_puts(&b, ps[i]);
		for (size_t i = 0; i < k; i++)
			free(ps[i]);
		free(ps);
	}
	if (rc) {
		rv_buf_release(&b);
		return NULL;
	}
	return rv_buf_detach(&b);
}

char *rv_url_resolve(const char *base, const char *ref)
{
	if (!ref)
		return NULL;
	ref = rv_str_ltrim(ref);
	if (strlen(ref) > URL_MAX || (base && strlen(base) > URL_MAX))
		return NULL;
	xmlChar *abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)(base ? base : ""));
	if (!abs)
		return NULL;
	char *out = rv_url_normalize((const char *)abs);
	xmlFree(abs);
	return out;
}

char *rv_url_host_key(const char *url)
{
	char *n = rv_url_normalize(url);
	if (!n)
		return NULL;
	char *h = strstr(n, "://") + 3;
	size_t l = strcspn(h, "/?");
	char *out = rv_strndup(h, l);
	free(n);
	return out;
}

char *rv_url_origin(const char *url)
{
	char *n = rv_url_normalize(url);
	if (!n)
		return NULL;
	char *h = strstr(n, "://") + 3;
	h[strcspn(h, "/?")] = '\0';
	return n;
}

char *rv_url_path_query(const char *url)
{
	char *n = rv_url_normalize(url);
	if (!n)
		return NULL;
	char *h = strstr(n, "://") + 3;
	char *out = rv_strdup(h + strcspn(h, "/?"));
	free(n);
	return out;
}
