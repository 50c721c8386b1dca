/* html.c - main text and metadata from an HTML page (libxml2).
 *
 * The bytes are first made UTF-8 (BOM, HTTP Content-Type, <meta charset>,
 * else a guess from the byte statistics), then parsed by libxml2's HTML
 * parser with its input limits on. Two walks over the tree follow:
 *
 * 1. count: per element, the visible text length and how much of it sits in
 *    links; metadata elements are handed to html_meta.c on the way;
 * 2. collect: the text as paragraphs (block elements end a paragraph),
 *    skipping boilerplate subtrees (by tag, by class/id words in several
 *    languages, hidden elements) unless a subtree holds most of the page.
 *
 * Paragraphs then score their containers (readability's idea: length and
 * commas, given to the parent, half to the grandparent, a sixth above,
 * weighted by link density and class hints); the best container, widened to
 * parents that add only prose, joined by its good siblings and the lead
 * paragraphs just before it, is the article. Long link-free prose elsewhere
 * and lines between two kept ones join it. Its paragraphs are filtered once
 * more (link-heavy lines, prompts and credits, date lines, headings over
 * link lists, teaser excerpts, labels above the first real paragraph,
 * signatures and headings after the last) and kept in order. README.md,
 * "Extraction", says why each rule is there.
 */
#include "extract/extract.h"
#include "extract/html_int.h"
#include "extract/xml_arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Pages beyond this are cut before parsing: an article is at the top. */
#define HTML_MAX_INPUT ((size_t)32 << 20)
#define MAX_NODES 2000000u
#define MAX_PARA_BYTES ((size_t)64 << 10)

/* ---------------------------------------------------------------- helpers */

bool rv__is_tag(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       !strcmp((const char *)n->name, name);
}

const char *rv__attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->name && a->name[0] == (unsigned char)name[0] &&
		    !strcmp((const char *)a->name, name)) {
			if (a->children && a->children->type == XML_TEXT_NODE &&
			    a->children->content)
				return (const char *)a->children->content;
			return "";
		}
	}
	return NULL;
}

/* True when s is valid UTF-8 without controls and already in NFC because
 * every code point is in a range that normalisation leaves alone (Latin
 * below the combining marks, Cyrillic, general punctuation, CJK ideographs,
 * full-width forms): the common case, which then skips utf8proc. */
static bool plain_nfc(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return false;
			if (c == 0x7F)
				return false;
			p++;
			continue;
		}
		int32_t cp = rv_utf8_next(&p, end);
		if (cp < 0)
			return false;
		if (cp < 0x300 || (cp >= 0x400 && cp < 0x500) || (cp >= 0x2002 && cp < 0x20D0) ||
		    (cp >= 0x4E00 && cp < 0xA000) || (cp >= 0xFF01 && cp < 0xFF5F))
			continue;
		return false;
	}
	return true;
}

char *rv__clean(const char *s, size_t len)
{
	if (!s)
		return NULL;
	char *c = plain_nfc(s, len) ? rv_strndup(s, len) : rv_utf8_clean(s, len, NULL);
	if (!c)
		return NULL;
	/* no-break and thin spaces are spaces to a reader; soft hyphens
	 * ("Mag&shy;da&shy;le&shy;na") are invisible unless a line breaks */
	char *w = c;
	for (const char *p = c; *p;) {
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			*w++ = ' ';
			p += 2;
		} else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAD) {
			p += 2;
		} else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
			   ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89 ||
			    (unsigned char)p[2] == 0x8B)) {
			if ((unsigned char)p[2] != 0x8B)
				*w++ = ' ';
			p += 3;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	rv_str_squeeze(c);
	if (!*c) {
		free(c);
		return NULL;
	}
	return c;
}

static void text_rec(const xmlNode *n, rv_buf *b, int depth)
{
	if (depth > RV__HTML_MAX_DEPTH)
		return;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content && rv_buf_puts(b, (const char *)c->content))
				return;
		} else if (c->type == XML_ELEMENT_NODE) {
			const char *t = (const char *)c->name;
			if (!strcmp(t, "script") || !strcmp(t, "style") ||
			    !strcmp(t, "noscript") || !strcmp(t, "template") || !strcmp(t, "rt") ||
			    !strcmp(t, "rp"))
				continue;
			bool blk = !strcmp(t, "br") || !strcmp(t, "p") || !strcmp(t, "div") ||
				   !strcmp(t, "li");
			if (blk)
				rv_buf_putc(b, ' ');
			text_rec(c, b, depth + 1);
			if (blk)
				rv_buf_putc(b, ' ');
		}
	}
}

char *rv__text(const xmlNode *n, size_t max)
{
	rv_buf b;
	rv_buf_init(&b, max);
	text_rec(n, &b, 0);
	char *s = rv__clean(rv_buf_str(&b), b.len);
	rv_buf_release(&b);
	return s;
}

/* 1 for a byte that starts a visible character: not a UTF-8 continuation
 * byte, not ASCII white space (0xC2 is undone below when it starts a
 * no-break space). */
static const uint8_t visible_start[256] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, /* 00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 10 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 70 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 80 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 90 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* A0 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* B0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* E0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* F0 */
};

/* Visible characters: code points other than white space. Every text node
 * of the page goes through here: a table, no branch per byte. */
static uint32_t count_chars(const char *s)
{
	uint32_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		n += visible_start[*p];
		n -= *p == 0xC2 && p[1] == 0xA0;
	}
	return n;
}

/* --------------------------------------------------------------- encoding */

static const char *canon_charset(const char *name, size_t n, char *out, size_t outsz)
{
	if (n == 0 || n >= outsz)
		return NULL;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)name[i]);
	out[n] = '\0';
	/* WHATWG: the Latin-1 labels mean Windows-1252, GB2312/GBK mean GB18030. */
	if (!strcmp(out, "utf-8") || !strcmp(out, "utf8") || !strcmp(out, "unicode-1-1-utf-8"))
		return "UTF-8";
	if (!strcmp(out, "iso-8859-1") || !strcmp(out, "latin1") || !strcmp(out, "latin-1") ||
	    !strcmp(out, "us-ascii") || !strcmp(out, "ascii") || !strcmp(out, "windows-1252") ||
	    !strcmp(out, "cp1252") || !strcmp(out, "iso8859-1") || !strcmp(out, "l1"))
		return "WINDOWS-1252";
	if (!strcmp(out, "gb2312") || !strcmp(out, "gbk") || !strcmp(out, "gb18030") ||
	    !strcmp(out, "x-gbk") || !strcmp(out, "cp936"))
		return "GB18030";
	if (!strcmp(out, "windows-1251") || !strcmp(out, "cp1251"))
		return "WINDOWS-1251";
	if (!strcmp(out, "utf-16") || !strcmp(out, "utf-16le") || !strcmp(out, "utf-16be"))
		return NULL; /* a UTF-16 page announces itself by its BOM */
	/* Any other label: let iconv judge it (upper case is its spelling). */
	for (size_t i = 0; i < n; i++) {
		char c = out[i];
		if (!isalnum((unsigned char)c) && c != '-' && c != '_' && c != ':' && c != '.')
			return NULL;
		out[i] = (char)toupper((unsigned char)c);
	}
	return out;
}

/* charset=NAME inside s (bounded by end); with skip_utf8, the first
 * declaration that names something else. */
static const char *find_charset(const char *s, const char *end, char *out, size_t outsz,
				bool skip_utf8)
{
	static const char key[] = "charset";
	for (const char *p = s; p + 7 < end; p++) {
		if (strncasecmp(p, key, 7))
			continue;
		const char *q = p + 7;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= end || *q != '=')
			continue;
		q++;
		while (q < end && (*q == ' ' || *q == '"' || *q == '\''))
			q++;
		const char *v = q;
		while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_' ||
				   *q == ':' || *q == '.'))
			q++;
		const char *cs = canon_charset(v, (size_t)(q - v), out, outsz);
		if (cs && !(skip_utf8 && !strcmp(cs, "UTF-8")))
			return cs;
	}
	return NULL;
}

/* Count UTF-8 errors, stopping early once the answer is clear. */
static size_t utf8_errors(const char *s, size_t len, size_t *nonascii)
{
	const char *p = s, *end = s + len;
	size_t bad = 0, hi = 0;
	while (p < end) {
		/* 32, then eight ASCII bytes at a time */
		if (end - p >= 32) {
			uint64_t v[4];
			memcpy(v, p, 32);
			if (!((v[0] | v[1] | v[2] | v[3]) & 0x8080808080808080ull)) {
				p += 32;
				continue;
			}
		}
		if (end - p >= 8) {
			uint64_t v;
			memcpy(&v, p, 8);
			if (!(v & 0x8080808080808080ull)) {
				p += 8;
				continue;
			}
		}
		if (!((unsigned char)*p & 0x80)) {
			p++;
			continue;
		}
		hi++;
		if (rv_utf8_next(&p, end) < 0)
			bad++;
	}
	*nonascii = hi;
	return bad;
}

/* No declaration and not UTF-8: look at the runs of high bytes. Cyrillic
 * in Windows-1251 makes whole words of them separated by spaces, Chinese
 * in GB18030 long runs with few spaces, Western text lone accented letters. */
static const char *guess_charset(const char *s, size_t len)
{
	size_t runs = 0, hibytes = 0, spaces = 0, letters = 0, lead_gb = 0;
	size_t n = len < ((size_t)1 << 20) ? len : (size_t)1 << 20;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t j = i;
			while (j < n && (unsigned char)s[j] >= 0x80)
				j++;
			runs++;
			hibytes += j - i;
			if (j - i >= 4)
				lead_gb++;
			i = j;
			continue;
		}
		if (c == ' ')
			spaces++;
		else if (isalpha(c))
			letters++;
		i++;
	}
	if (!runs)
		return "WINDOWS-1252";
	double avg = (double)hibytes / (double)runs;
	if (avg < 1.6)
		return "WINDOWS-1252";
	if (hibytes > letters && spaces * 20 < hibytes && lead_gb * 2 > runs)
		return "GB18030";
	return avg >= 3 ? "WINDOWS-1251" : "WINDOWS-1252";
}

/* Replace invalid UTF-8 by U+FFFD (without normalising: the strings taken
 * out of the tree are normalised one by one). */
static char *repair_utf8(const char *s, size_t len, size_t *outlen)
{
	char *out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	char *w = out;
	const char *p = s, *end = s + len;
	while (p < end) {
		const char *st = p;
		int32_t cp = rv_utf8_next(&p, end);
		if (cp < 0 || cp == 0) {
			if (cp < 0) {
				memcpy(w, "\xEF\xBF\xBD", 3);
				w += 3;
			}
			continue;
		}
		memcpy(w, st, (size_t)(p - st));
		w += p - st;
	}
	*w = '\0';
	*outlen = (size_t)(w - out);
	return out;
}

/* The page as UTF-8: *conv is set to a new buffer when conversion was
 * needed (caller frees), else the input is used as it is. */
static int to_utf8(const char *data, size_t len, const rv_record *rec, char **conv,
		   const char **out, size_t *outlen, rv_error *err)
{
	*conv = NULL;
	if (len >= 2 && ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE)) {
		*conv = rv_utf8_convert("UTF-16LE", data + 2, len - 2, outlen);
		goto done;
	}
	if (len >= 2 && ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)) {
		*conv = rv_utf8_convert("UTF-16BE", data + 2, len - 2, outlen);
		goto done;
	}
	bool bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3);
	if (bom) {
		data += 3;
		len -= 3;
	}
	size_t hi = 0, bad = utf8_errors(data, len, &hi);
	bool has_nul = memchr(data, '\0', len) != NULL;
	if (!bad && !has_nul) {
		*out = data;
		*outlen = len;
		return RV_OK;
	}
	char namebuf[64];
	const char *cs = NULL;
	if (!bom && rec && rec->content_type)
		cs = find_charset(rec->content_type,
				  rec->content_type + strlen(rec->content_type), namebuf,
				  sizeof namebuf, false);
	if (!bom && !cs)
		cs = find_charset(data, data + (len < 4096 ? len : 4096), namebuf, sizeof namebuf,
				  false);
	/* A page that says UTF-8 (or has its BOM) with a few bad bytes is UTF-8
	 * with damage; one that is mostly invalid was mislabelled. */
	bool mostly_utf8 = bad * 20 < hi;
	/* A page mostly invalid as UTF-8 whose first charset= says UTF-8 may
	 * declare its real charset further on: the first one was a <script
	 * charset> (an archive's injected toolbar), not the document's. */
	if (!bom && cs && !strcmp(cs, "UTF-8") && !mostly_utf8) {
		const char *other = find_charset(data, data + (len < 4096 ? len : 4096), namebuf,
						 sizeof namebuf, true);
		if (other)
			cs = other;
	}
	if (bom || (cs && !strcmp(cs, "UTF-8") && mostly_utf8) || (!cs && bad * 200 < hi)) {
		*conv = repair_utf8(data, len, outlen);
		goto done;
	}
	if (!cs || !strcmp(cs, "UTF-8"))
		cs = guess_charset(data, len);
	*conv = rv_utf8_convert(cs, data, len, outlen);
	if (!*conv) /* an encoding iconv does not know */
		*conv = rv_utf8_convert(guess_charset(data, len), data, len, outlen);
done:
	if (!*conv)
		return rv_fail(err, RV_ENOMEM, "out of memory converting the page to UTF-8");
	/* NULs would end libxml2's strings early */
	char *w = *conv;
	for (size_t i = 0; i < *outlen; i++)
		if ((*conv)[i])
			*w++ = (*conv)[i];
	*w = '\0';
	*outlen = (size_t)(w - *conv);
	*out = *conv;
	return RV_OK;
}

/* Binary data named .html: many control bytes near the top. */
static bool looks_binary(const char *s, size_t len)
{
	size_t n = len < 4096 ? len : 4096, ctl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			ctl++;
	}
	return n && ctl * 10 > n;
}

/* ------------------------------------------------------------ node info */

enum {
	F_SKIP = 1,     /* never text: script, style ... */
	F_JUNK_TAG = 2, /* boilerplate by tag (nav, aside, footer ...) */
	F_JUNK_CLS = 4, /* boilerplate by class/id or hidden */
	F_BLOCK = 8,
	F_ARTICLE = 16, /* <article>, <main>, itemprop=articleBody */
	F_POS = 32,
	F_HAS_MAIN = 64, /* holds an <article>, <main>, articleBody or <h1> */
	F_WEAK = 128,    /* boilerplate only by a weak class word */
};

/* Pages repeat the same class strings: remember the answers, each in one
 * word (the upper 56 bits of a 64-bit hash of the string, the flags in the
 * low byte). A few hundred pages of different sites hold tens of thousands
 * of distinct class strings; at 4096 entries most lookups missed. */
#define CLASS_CACHE 32768

typedef struct ninfo {
	xmlNode *node;
	uint32_t pre, post;
	uint32_t text, links;
	uint32_t own, ownlinks; /* direct text children */
	uint32_t vtext, vlinks; /* text and links outside boilerplate subtrees */
	float score;
	int16_t cw;
	uint8_t flags;
	uint8_t kind;
	bool headline_box; /* a page header holding the headline */
} ninfo;

enum { K_NONE, K_H1, K_H2, K_H3, K_H4, K_H5, K_H6, K_P, K_LI, K_QUOTE, K_PRE, K_CELL, K_DIV };

typedef struct para {
	char *text;
	uint32_t chars, links;
	uint32_t blockpre; /* pre index of the block holding it */
	xmlNode *block;
	uint8_t kind;
	bool in_head; /* inside a page header that holds the headline */
} para;

typedef struct walker {
	ninfo *info;
	uint32_t n, cap;
	bool full;
	rv__meta *meta;
	uint32_t body_text, body_links;
	/* collect */
	para *paras;
	size_t npara, cappara;
	rv_buf cur;
	uint32_t cur_links;
	xmlNode *cur_block;
	int in_head; /* depth of headline boxes around the walk */
	bool oom;
	const char *dateline; /* a date-only line in the article, if any */
	const char *dateline2; /* the next one ("Aktualisiert: …" under it), if any */
} walker;

static ninfo *info_of(const walker *w, const xmlNode *n)
{
	uintptr_t i = (uintptr_t)n->_private;
	return i ? &w->info[i - 1] : NULL;
}

enum { T_SKIP = 1, T_BLOCK = 2, T_JUNK = 4,
       /* names the first walk tests, found by the same lookup */
       T_MAIN = 8, T_HEAD = 16, T_HEADER = 32, T_A = 64, T_H1 = 128, T_ROOT = 256 };

/* SKIP: never text (scripts, controls, media); BLOCK: ends a paragraph;
 * JUNK: boilerplate by its very tag. */
static const struct tagdef {
	const char *name;
	uint16_t flags;
} tags[] = {
	{ "a", T_A },
	{ "address", T_BLOCK }, { "article", T_BLOCK | T_MAIN }, { "aside", T_BLOCK | T_JUNK },
	{ "audio", T_SKIP }, { "blockquote", T_BLOCK }, { "body", T_BLOCK | T_ROOT },
	{ "br", T_BLOCK }, { "button", T_SKIP }, { "canvas", T_SKIP },
	{ "caption", T_BLOCK }, { "center", T_BLOCK }, { "dd", T_BLOCK },
	{ "details", T_BLOCK }, { "dialog", T_BLOCK | T_JUNK }, { "div", T_BLOCK },
	{ "dl", T_BLOCK }, { "dt", T_BLOCK }, { "embed", T_SKIP },
	{ "fieldset", T_BLOCK | T_JUNK }, { "figcaption", T_BLOCK | T_JUNK },
	{ "figure", T_BLOCK }, { "footer", T_BLOCK | T_JUNK }, { "form", T_BLOCK | T_JUNK },
	{ "h1", T_BLOCK | T_H1 }, { "h2", T_BLOCK }, { "h3", T_BLOCK }, { "h4", T_BLOCK },
	{ "h5", T_BLOCK }, { "h6", T_BLOCK }, { "head", T_SKIP | T_HEAD },
	{ "header", T_BLOCK | T_HEADER }, { "hgroup", T_BLOCK }, { "hr", T_BLOCK },
	{ "html", T_BLOCK | T_ROOT },
	{ "iframe", T_SKIP }, { "input", T_SKIP }, { "label", T_JUNK },
	{ "legend", T_BLOCK }, { "li", T_BLOCK }, { "main", T_BLOCK | T_MAIN }, { "map", T_SKIP },
	{ "math", T_SKIP }, { "menu", T_BLOCK | T_JUNK }, { "nav", T_BLOCK | T_JUNK },
	{ "noscript", T_BLOCK | T_JUNK }, { "object", T_SKIP }, { "ol", T_BLOCK },
	{ "option", T_SKIP }, { "p", T_BLOCK }, { "pre", T_BLOCK }, { "rp", T_SKIP },
	{ "rt", T_SKIP }, { "script", T_SKIP },
	{ "section", T_BLOCK }, { "select", T_SKIP }, { "style", T_SKIP },
	{ "summary", T_BLOCK }, { "svg", T_SKIP }, { "table", T_BLOCK },
	{ "tbody", T_BLOCK }, { "td", T_BLOCK }, { "template", T_SKIP },
	{ "textarea", T_SKIP }, { "tfoot", T_BLOCK }, { "th", T_BLOCK },
	{ "thead", T_BLOCK }, { "title", T_SKIP }, { "tr", T_BLOCK }, { "ul", T_BLOCK },
	{ "video", T_SKIP },
};

/* Every element is looked up: an open-addressing table of the names,
 * hashed on length and first and last bytes, built once. */
#define TAG_SLOTS 256
static uint8_t tag_slot[TAG_SLOTS]; /* index into tags + 1; 0: empty */
/* room left, so that a probe for an unknown name ends at an empty slot */
_Static_assert(sizeof tags / sizeof *tags <= TAG_SLOTS / 2, "tags outgrow tag_slot");
static pthread_once_t tags_once = PTHREAD_ONCE_INIT;

static unsigned tag_hash(const char *t, size_t n)
{
	return ((unsigned)n * 97u + (unsigned char)t[0] * 31u + (unsigned char)t[n - 1] * 7u +
		(n > 1 ? (unsigned char)t[1] : 0u)) &
	       (TAG_SLOTS - 1);
}

static void tags_build(void)
{
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		unsigned h = tag_hash(tags[i].name, strlen(tags[i].name));
		while (tag_slot[h])
			h = (h + 1) & (TAG_SLOTS - 1);
		tag_slot[h] = (uint8_t)(i + 1);
	}
}

static uint16_t tag_flags(const char *t)
{
	pthread_once(&tags_once, tags_build);
	size_t n = strlen(t);
	if (!n)
		return 0;
	for (unsigned h = tag_hash(t, n); tag_slot[h]; h = (h + 1) & (TAG_SLOTS - 1)) {
		const char *name = tags[tag_slot[h] - 1].name;
		if (name[0] == t[0] && !strcmp(name, t))
			return tags[tag_slot[h] - 1].flags;
	}
	return 0;
}

/* Class and id words that mark boilerplate, matched against each word of
 * class+id (split at '-', '_', ' ' and case changes are ignored). Several
 * languages: navigation, comments, sharing, cookie/consent, newsletter and
 * paywall prompts, related/recommended lists, ads, bylines, captions. */
static const char *const junk_words[] = {
	"nav", "navbar", "navigation", "menu", "menue", "submenu", "footer", "sidebar",
	"aside", "related", "comments", "comment", "kommentare", "commentaires", "cookie",
	"cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
	"breadcrumb", "breadcrumbs", "tags", "tagcloud", "pagination", "pager", "login",
	"signup", "disqus", "outbrain", "taboola", "byline", "author", "authors", "autor",
	"auteur", "caption", "credit", "credits", "copyright", "rating", "sr", "teaserlist",
	"recommended", "recommendations", "empfehlungen", "trending", "popular", "mostread",
	"meistgelesen", "partage", "abonnement", "abo", "masthead", "topbar", "sitemap",
	"newsticker", "ticker", "community", "feedback", "reactions", "relacionados",
	"relacionadas", "correlati", "compartir", "condividi", "noprint", "postmeta",
	"dateline", "timestamp", "infobox", "disclaimer", "crumbs", "textwidget", "cta",
	"disclosure", "teasers", "postmetadata",
	/* image legends (Italian "didascalia", "dida"), fact boxes beside the text */
	"legend", "didascalia", "dida", "factbox", NULL
};
/* Substrings for compounds ("articleComments", "share-bar", "mehr-zum-thema"). */
static const char *const junk_parts[] = {
	"comment", "kommentar", "cookie", "consent", "newsletter", "breadcrumb",
	"sidebar", "social", "sharing", "sharebar", "share-", "related", "recommend",
	"empfehl", "outbrain", "taboola", "advert", "sponsor", "subscri", "abonn",
	"byline", "footer", "navbar", "navigation", "masthead", "pagination", "caption",
	"authorbox", "author-box", "author-bio", "authorbio", "about-author",
	"signup", "lireaussi", "lire-aussi", "a-lire", "mehr-zum", "mehrzum", "lesen-sie",
	"more-stories", "mostpopular", "most-popular",
	"skip-link", "skiplink", "visually-hidden", "screen-reader", "sr-only", "teaser-list",
	"inline-list", "socialbar", "voir-aussi", "ver-tambien", "leggi-anche",
	"relacionad", "correlat", "partage", "compartir", "condivid", "tooltip",
	"next-post", "prev-post", "nextpost", "post-nav", "nextstory", "sabox", "news-letter", NULL
};
/* Words that mark the article's own container. */
static const char *const good_parts[] = {
	"article", "content", "entry", "post", "story", "text", "body", "main", "artikel",
	"inhalt", "contenu", "texte", "beitrag", "cuerpo", "corpo", "testo", "noticia",
	"nachricht", "blog", "page-content", NULL
};

/* The attributes the walk looks at, found in one pass. */
typedef struct hattrs {
	const char *cls, *id, *itemprop, *style;
	bool hidden;
} hattrs;

static void attrs_of(const xmlNode *n, hattrs *h)
{
	memset(h, 0, sizeof *h);
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *nm = (const char *)a->name;
		if (!nm)
			continue;
		const char *v = a->children && a->children->type == XML_TEXT_NODE &&
					a->children->content
					? (const char *)a->children->content
					: "";
		switch (nm[0]) {
		case 'c':
			if (!strcmp(nm, "class"))
				h->cls = v;
			break;
		case 'i':
			if (!strcmp(nm, "id"))
				h->id = v;
			else if (!strcmp(nm, "itemprop"))
				h->itemprop = v;
			break;
		case 's':
			if (!strcmp(nm, "style"))
				h->style = v;
			break;
		case 'h':
			if (!strcmp(nm, "hidden"))
				h->hidden = true;
			break;
		}
	}
}

/* Lower-case class + " " + id, bounded. */
static size_t class_id(const hattrs *h, char *buf, size_t sz)
{
	size_t k = 0;
	const char *parts[2] = { h->cls, h->id };
	for (int i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		for (const char *p = parts[i]; *p && k + 2 < sz; p++)
			buf[k++] = (char)tolower((unsigned char)*p);
		if (k + 2 < sz)
			buf[k++] = ' ';
	}
	buf[k] = '\0';
	return k;
}

enum { C_JUNK = 1, C_GOOD = 2, C_AUTHOR = 4, C_DATE = 8, C_WEAK = 16, C_DONE = 128 };

/* All class/id patterns in one table indexed by first byte, so that a
 * class string is scanned once whatever the number of patterns. */
enum { P_JUNK = 1, P_GOOD = 2, P_AUTHOR = 4, P_DATE = 8, P_COMMENT = 16, P_UPDATE = 32,
       P_WORD = 64, /* junk only as a whole word */
       P_WEAK = 128 /* junk words that content wrappers also carry */ };

/* Ads, sharing and meta words end up in the class names of wrappers that
 * hold the article ("TestReport__Section--Ads", "post has-share-bar"):
 * alone they do not condemn a block full of prose. */
static const char *const weak_words[] = { "ad", "ads", "advert", "advertisement", "anzeige",
					  "werbung", "pub", "publicite", "banner", "promo",
					  "sponsor", "sponsored", "share", "sharing", "shares",
					  "social", "socials", "meta", "modal", "popup", "overlay",
					  "lightbox", "toolbar", "dropdown", "offcanvas", NULL };

/* Parts that name a collapsed or paywalled block as often as a button or
 * a prompt ("entry-content-read-more", "js_readmore",
 * "steady-paywall-container"): weak too. */
static const char *const weak_parts[] = { "read-more", "readmore", "paywall", NULL };

static const char *const author_words[] = { "byline", "author", "autor", "auteur",
					    "writer", "creator", NULL };
static const char *const date_words[] = { "date", "datum", "publish", "posted", "fecha",
					  "dateline", "byline", "entry-meta", "post-meta",
					  "article-meta", "timestamp", NULL };

#define MAX_PATS 512
static struct pat {
	const char *s;
	uint8_t len, flags;
} pats[MAX_PATS];
static uint16_t pat_first[257];
/* Which two-byte starts some pattern has: most positions of a class string
 * start none, and the test is one bit. A one-byte pattern sets every
 * second byte. */
static uint64_t pat_pair[256 * 256 / 64];
static pthread_once_t pats_once = PTHREAD_ONCE_INIT;

static void pats_add(const char *const *list, uint8_t flag, size_t *n)
{
	for (; *list && *n < MAX_PATS; list++)
		pats[(*n)++] = (struct pat){ *list, (uint8_t)strlen(*list), flag };
}

/* By first, then second byte (a one-byte pattern's second is its NUL):
 * the scan stops in a first-byte bucket once past the second byte. */
static int pat_cmp(const void *a, const void *b)
{
	const unsigned char *x = (const unsigned char *)((const struct pat *)a)->s;
	const unsigned char *y = (const unsigned char *)((const struct pat *)b)->s;
	if (x[0] != y[0])
		return x[0] - y[0];
	return x[1] - y[1];
}

static void pats_build(void)
{
	size_t n = 0;
	pats_add(junk_words, P_WORD, &n);
	pats_add(weak_words, P_WORD | P_WEAK, &n);
	pats_add(junk_parts, P_JUNK, &n);
	pats_add(weak_parts, P_WEAK, &n);
	pats_add(good_parts, P_GOOD, &n);
	pats_add(author_words, P_AUTHOR, &n);
	pats_add(date_words, P_DATE, &n);
	pats_add((const char *const[]){ "comment", NULL }, P_COMMENT, &n);
	pats_add((const char *const[]){ "update", NULL }, P_UPDATE, &n);
	qsort(pats, n, sizeof *pats, pat_cmp);
	size_t k = 0;
	for (int c = 0; c < 256; c++) {
		pat_first[c] = (uint16_t)k;
		while (k < n && (unsigned char)pats[k].s[0] == c)
			k++;
	}
	pat_first[256] = (uint16_t)k;
	for (size_t i = 0; i < n; i++) {
		unsigned a = (unsigned char)pats[i].s[0];
		for (unsigned b = 0; b < 256; b++) {
			if (pats[i].len > 1 && b != (unsigned char)pats[i].s[1])
				continue;
			unsigned bit = a * 256 + b;
			pat_pair[bit / 64] |= 1ull << (bit % 64);
		}
	}
}

/* Whether the word at ci[i] follows a state prefix: "has-ads",
 * "o-section--has-ads", "with-sidebar", "no-comments" describe a wrapper,
 * not what it holds. */
static bool modifier_before(const char *ci, size_t i)
{
	static const char *const prefixes[] = { "has", "with", "no", NULL };
	if (i < 3 || (ci[i - 1] != '-' && ci[i - 1] != '_'))
		return false;
	for (const char *const *p = prefixes; *p; p++) {
		size_t n = strlen(*p);
		if (i < n + 1 || memcmp(ci + i - 1 - n, *p, n))
			continue;
		if (i == n + 1 || !isalnum((unsigned char)ci[i - 2 - n]))
			return true;
	}
	return false;
}

/* The P_* flags of the patterns found in ci (words matched whole). */
static unsigned pats_scan(const char *ci)
{
	pthread_once(&pats_once, pats_build);
	size_t n = strlen(ci);
	unsigned f = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)ci[i];
		unsigned bit = c * 256u + (unsigned char)ci[i + 1];
		if (!(pat_pair[bit / 64] & (1ull << (bit % 64))))
			continue;
		bool word_start = !i || !isalnum((unsigned char)ci[i - 1]);
		bool state = word_start && modifier_before(ci, i);
		unsigned char c1 = (unsigned char)ci[i + 1];
		for (unsigned k = pat_first[c]; k < pat_first[c + 1]; k++) {
			const struct pat *p = &pats[k];
			if (p->len > 1) {
				if ((unsigned char)p->s[1] < c1)
					continue;
				if ((unsigned char)p->s[1] > c1)
					break;
			}
			/* many share two bytes ("co": comment, cookie, consent ...) */
			if ((p->len > 2 && p->s[2] != ci[i + 2]) || p->len > n - i ||
			    memcmp(ci + i, p->s, p->len))
				continue;
			if (state && (p->flags & (P_WORD | P_JUNK | P_WEAK)))
				continue;
			if (p->flags & P_WORD) {
				if (word_start && !isalnum((unsigned char)ci[i + p->len]))
					f |= (p->flags & P_WEAK) ? P_WEAK : P_JUNK;
			} else {
				f |= p->flags;
			}
		}
	}
	return f;
}

/* C_JUNK or C_GOOD (junk wins when both: "article-comments"), plus hints
 * about bylines and dates for the metadata. */
static unsigned class_hint(const char *ci)
{
	if (!*ci)
		return 0;
	unsigned f = pats_scan(ci), h = 0;
	if (!(f & P_COMMENT)) {
		if (f & P_AUTHOR)
			h |= C_AUTHOR;
		if ((f & P_DATE) && !(f & P_UPDATE))
			h |= C_DATE;
	}
	if (f & P_JUNK)
		return C_JUNK | h;
	if (f & P_WEAK)
		return C_JUNK | C_WEAK | h;
	if (f & P_GOOD)
		return C_GOOD | h;
	return h;
}

/* Per thread and kept across pages: sites share their frameworks' class
 * names ("row", "col-md-8", "entry-content"). */
static _Thread_local uint64_t memo[CLASS_CACHE];

static unsigned class_cached(const char *ci)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)ci; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	h ^= h >> 29; /* FNV's low bits index the table: mix the high ones in */
	uint64_t *e = &memo[h % CLASS_CACHE];
	if ((*e & C_DONE) && (*e & ~(uint64_t)0xFF) == (h & ~(uint64_t)0xFF))
		return (unsigned)(*e & 0xFF);
	unsigned flags = class_hint(ci) | C_DONE;
	*e = (h & ~(uint64_t)0xFF) | flags;
	return flags;
}


static bool is_hidden(const hattrs *h)
{
	if (h->hidden)
		return true;
	if (h->style) {
		char buf[128];
		size_t k = 0;
		for (const char *p = h->style; *p && k + 1 < sizeof buf; p++)
			if (*p != ' ')
				buf[k++] = (char)tolower((unsigned char)*p);
		buf[k] = '\0';
		if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
			return true;
	}
	return false;
}

/* The head holds no text, only metadata. */
static void meta_walk(rv__meta *m, xmlNode *n, int depth)
{
	if (depth >= RV__HTML_MAX_DEPTH)
		return;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !c->name)
			continue;
		m->in_article = false;
		rv__meta_element(m, c, 0);
		meta_walk(m, c, depth + 1);
	}
}

/* Walk 1: number the elements, count text and link text, tag hints,
 * metadata. */
static uint32_t count_walk(walker *w, xmlNode *n, int depth, bool in_link, bool in_article)
{
	uint32_t own = 0; /* visible characters of n's direct text children */
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				own += count_chars((const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !c->name)
			continue;
		if (depth >= RV__HTML_MAX_DEPTH || w->n >= MAX_NODES)
			continue;
		if (w->n == w->cap) {
			uint32_t nc = w->cap ? w->cap * 2 : 1024;
			ninfo *ni = realloc(w->info, nc * sizeof *ni);
			if (!ni) {
				w->oom = true;
				return own;
			}
			w->info = ni;
			w->cap = nc;
		}
		uint32_t idx = w->n++;
		c->_private = (void *)(uintptr_t)(idx + 1);
		ninfo *in = &w->info[idx];
		memset(in, 0, sizeof *in);
		in->node = c;
		in->pre = idx;
		const char *t = (const char *)c->name;
		uint16_t tf = tag_flags(t);
		bool is_art = tf & T_MAIN;
		bool art = in_article || is_art;
		unsigned cf = 0;
		char ci[256];
		hattrs ha = { 0 };
		if (c->properties) {
			attrs_of(c, &ha);
			/* a heading's id is an anchor made of its words
			 * ("nav_nur_die_folie"), not a role */
			if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
				ha.id = NULL;
			if (class_id(&ha, ci, sizeof ci) && !(tf & T_ROOT))
				cf = class_cached(ci);
		}
		w->meta->in_article = art;
		rv__meta_element(w->meta, c,
				 ((cf & C_AUTHOR) ? RV__HINT_AUTHOR : 0) |
					 ((cf & C_DATE) ? RV__HINT_DATE : 0));
		if (tf & T_SKIP) {
			if (tf & T_HEAD)
				meta_walk(w->meta, c, depth + 1);
			in->flags |= F_SKIP;
			in->post = idx;
			continue;
		}
		if (tf & T_BLOCK)
			in->flags |= F_BLOCK;
		if (tf & T_JUNK)
			in->flags |= F_JUNK_TAG;
		/* A page header outside the article is the site's masthead. */
		if ((tf & T_HEADER) && !in_article)
			in->flags |= F_JUNK_TAG;
		if (is_art)
			in->flags |= F_ARTICLE;
		if (c->properties) {
			const char *ip = ha.itemprop;
			if (ip && (strstr(ip, "articleBody") || strstr(ip, "text")))
				in->flags |= F_ARTICLE;
			if (cf & C_JUNK) {
				in->flags |= (uint8_t)(F_JUNK_CLS | ((cf & C_WEAK) ? F_WEAK : 0));
				in->cw = -25;
			} else if (cf & C_GOOD) {
				in->flags |= F_POS;
				in->cw = 25;
			}
			if (is_hidden(&ha))
				in->flags |= F_JUNK_CLS;
		}
		bool link = in_link || (tf & T_A);
		uint32_t tx = count_walk(w, c, depth + 1, link, art);
		if (w->oom)
			return own;
		in = &w->info[idx]; /* realloc may have moved it */
		in->text += tx;
		in->own = tx;
		if (link) {
			in->links += tx;
			in->ownlinks = tx;
		}
		in->post = w->n - 1;
		if ((in->flags & F_ARTICLE) || (tf & T_H1))
			in->flags |= F_HAS_MAIN;
		in->headline_box = (tf & T_HEADER) && !in_article && (in->flags & F_HAS_MAIN);
		/* add to the parent */
		ninfo *pi = info_of(w, n);
		if (pi && !(in->flags & F_SKIP)) {
			pi->text += in->text;
			pi->links += in->links;
			pi->flags |= in->flags & F_HAS_MAIN;
		}
	}
	return own;
}

/* ---------------------------------------------------------- paragraphs */

static uint8_t kind_of(const char *t)
{
	if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
		return (uint8_t)(K_H1 + (t[1] - '1'));
	if (!strcmp(t, "p"))
		return K_P;
	if (!strcmp(t, "li") || !strcmp(t, "dd") || !strcmp(t, "dt"))
		return K_LI;
	if (!strcmp(t, "blockquote"))
		return K_QUOTE;
	if (!strcmp(t, "pre"))
		return K_PRE;
	if (!strcmp(t, "td") || !strcmp(t, "th"))
		return K_CELL;
	return K_DIV;
}

/* Spaces collapsed, controls dropped; the text is valid UTF-8 already (the
 * page was made so before parsing), and NFC is left for the paragraphs that
 * are kept. NULL when nothing visible is left. */
static char *squeeze(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			c = ' ';
		}
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			space = k > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = (char)c;
	}
	out[k] = '\0';
	if (!k) {
		free(out);
		return NULL;
	}
	return out;
}

static void flush(walker *w)
{
	if (!w->cur.len || !w->cur_block) {
		rv_buf_reset(&w->cur);
		w->cur_links = 0;
		return;
	}
	char *t = squeeze(rv_buf_str(&w->cur), w->cur.len);
	rv_buf_reset(&w->cur);
	uint32_t links = w->cur_links;
	w->cur_links = 0;
	if (!t)
		return;
	if (w->npara == w->cappara) {
		size_t nc = w->cappara ? w->cappara * 2 : 256;
		para *np = realloc(w->paras, nc * sizeof *np);
		if (!np) {
			free(t);
			w->oom = true;
			return;
		}
		w->paras = np;
		w->cappara = nc;
	}
	para *p = &w->paras[w->npara++];
	p->text = t;
	p->chars = count_chars(t);
	p->links = links > p->chars ? p->chars : links;
	p->block = w->cur_block;
	ninfo *bi = info_of(w, w->cur_block);
	p->blockpre = bi ? bi->pre : 0;
	p->kind = kind_of((const char *)w->cur_block->name);
	p->in_head = w->in_head > 0;
}

static bool junk_here(const walker *w, const ninfo *in)
{
	if (!(in->flags & (F_JUNK_TAG | F_JUNK_CLS)))
		return false;
	/* Ads/share/meta words on a block of plain prose: a wrapper. */
	if ((in->flags & (F_JUNK_CLS | F_JUNK_TAG | F_WEAK)) == (F_JUNK_CLS | F_WEAK) &&
	    in->text - in->links >= 500 && in->links * 10 < in->text)
		return false;
	/* A layout wrapper named for its sidebar ("container sidebar_right")
	 * that holds the article itself is not boilerplate. */
	if ((in->flags & (F_JUNK_CLS | F_JUNK_TAG)) == F_JUNK_CLS && (in->flags & F_HAS_MAIN) &&
	    in->text > 200 && in->links * 2 < in->text)
		return false;
	/* A "boilerplate" container that holds most of the page's text with
	 * few links is the page's main wrapper ("content-with-sidebar"). */
	uint32_t own = in->text - in->links;
	bool big = w->body_text && own * 2 > w->body_text - w->body_links;
	return !big;
}

/* Walk 2: the text as paragraphs, boilerplate skipped. */
static void collect_walk(walker *w, xmlNode *n, int depth, xmlNode *block, bool in_link)
{
	for (xmlNode *c = n->children; c && !w->oom; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (!c->content)
				continue;
			if (!w->cur.len && block != w->cur_block)
				w->cur_block = block;
			size_t before = w->cur.len;
			if (w->cur.len < MAX_PARA_BYTES)
				rv_buf_puts(&w->cur, (const char *)c->content);
			if (in_link)
				w->cur_links += count_chars(w->cur.data + before);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		ninfo *in = info_of(w, c);
		if (!in || (in->flags & F_SKIP))
			continue;
		/* A page header outside <article> is the masthead, unless it
		 * holds the headline: then it is the article's own header,
		 * whose standfirst is read (and nothing else, see
		 * keep_standfirst). */
		bool head = false;
		if (junk_here(w, in)) {
			head = in->headline_box && (in->flags & (F_JUNK_TAG | F_JUNK_CLS)) == F_JUNK_TAG;
			if (!head)
				continue;
		}
		w->in_head += head;
		const char *t = (const char *)c->name;
		if (!strcmp(t, "br")) {
			rv_buf_putc(&w->cur, '\n');
			/* two breaks in a row end a paragraph */
			if (w->cur.len >= 2 && w->cur.data[w->cur.len - 2] == '\n')
				flush(w);
			continue;
		}
		if (in->flags & F_BLOCK) {
			flush(w);
			collect_walk(w, c, depth + 1, c, in_link || !strcmp(t, "a"));
			flush(w);
			w->cur_block = block;
		} else {
			if (!strcmp(t, "img") || !strcmp(t, "wbr"))
				continue;
			collect_walk(w, c, depth + 1, block, in_link || !strcmp(t, "a"));
		}
		w->in_head -= head;
		in = info_of(w, c);
		in->vtext += in->own;
		in->vlinks += in->ownlinks;
		ninfo *pi = info_of(w, n);
		if (pi) {
			pi->vtext += in->vtext;
			pi->vlinks += in->vlinks;
		}
	}
}

/* ----------------------------------------------------------- selection */

static bool is_heading(uint8_t k)
{
	return k >= K_H1 && k <= K_H6;
}

static uint32_t commas(const char *s)
{
	uint32_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ',')
			n++;
		else if (!strncmp(p, "\xEF\xBC\x8C", 3) || !strncmp(p, "\xE3\x80\x81", 3) ||
			 !strncmp(p, "\xD8\x8C", 2))
			n++; /* fullwidth, ideographic, Arabic commas */
	}
	return n;
}

/* A figure's numbered caption at the start of a line: "Abbildung 4:",
 * "Abb. 2:", "Figure 3:", "Fig. 1.2:", "Grafik 2:", "Bild 5:". */
static bool figure_label(const char *s)
{
	static const char *const figs[] = { "abbildung", "abb.", "figure", "fig.", "grafik",
					     "bild", "image", "illustration", "photo", "foto", NULL };
	for (const char *const *l = figs; *l; l++) {
		size_t k = strlen(*l);
		if (strncasecmp(s, *l, k))
			continue;
		const char *q = s + k;
		while (*q == ' ')
			q++;
		const char *num = q;
		while (isdigit((unsigned char)*q) || *q == '.')
			q++;
		if (q > num && isdigit((unsigned char)q[-1]) && *q == ':')
			return true;
	}
	return false;
}

/* A photo credit or caption line: a copyright sign or a credit label
 * ("Foto:", "Photo :", "Credit:", "Quelle:") anywhere in a short line
 * ("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / M. Bertorello"),
 * or a numbered figure label at its start. */
static bool credit_line(const para *p)
{
	static const char *const labels[] = { "foto", "fotos", "photo", "photos", "bild",
					      "credit", "credits", "quelle", "bildquelle", NULL };
	if (p->chars >= 250)
		return false;
	if (strstr(p->text, "\xC2\xA9") || figure_label(p->text))
		return true;
	/* each colon: is the word before it (a space allowed) a label? */
	for (const char *c = strchr(p->text, ':'); c; c = strchr(c + 1, ':')) {
		const char *e = c;
		if (e > p->text && e[-1] == ' ')
			e--;
		const char *b = e;
		while (b > p->text && isalpha((unsigned char)b[-1]))
			b--;
		if (b > p->text && isalnum((unsigned char)b[-1]))
			continue;
		for (const char *const *l = labels; *l; l++)
			if (strlen(*l) == (size_t)(e - b) && !strncasecmp(b, *l, (size_t)(e - b)))
				return true;
	}
	return false;
}

/* A prompt matched at the start of low (the paragraph, lower-cased) is
 * one when it ends a word there ("share", not "shares in Valchem fell",
 * "subscribe", not "subscribers to the bonds"). The words that also open
 * sentences are prompts only before a capital, a colon or nothing:
 * "Category: Weather", but "Category 4 Hurricane Irma …", "Loading of the
 * cargo resumed …", "Copyright holders sued …" ("Copyright 2023 …" is the
 * notice). */
static bool prompt_ends(const para *p, const char *low, const char *prompt)
{
	static const char *const sentence_openers[] = { "category", "loading", "copyright",
							"partager", "sommaire", "chargement",
							"cargando", NULL };
	size_t n = strlen(prompt);
	unsigned char next = (unsigned char)low[n];
	unsigned char last = (unsigned char)prompt[n - 1];
	if ((isalnum(last) || last >= 0x80) && (isalnum(next) || next >= 0x80))
		return false;
	bool opener = false;
	for (const char *const *w = sentence_openers; *w && !opener; w++)
		opener = !strcmp(prompt, *w);
	if (!opener)
		return true;
	const char *r = p->text + n; /* the words as written, for their case */
	while (*r == ' ')
		r++;
	if (!*r || strchr(":|-\xC2", *r))
		return true;
	if (isdigit((unsigned char)*r))
		return !strcmp(prompt, "copyright");
	return isupper((unsigned char)*r) != 0;
}

/* A contact card's line: an e-mail address and a telephone label in under
 * 200 characters ("Felix Muster E-Mail: presse@example.org Telefon: +49 …",
 * "Büro Muster * Hafenstr. 6 * Tel.: 0471 … * info@example.org"). */
static bool contact_line(const para *p)
{
	static const char *const phone[] = { "tel.", "tel:", "telefon", "phone", "fax", "tél",
					     NULL };
	if (p->chars >= 200)
		return false;
	const char *at = strchr(p->text, '@');
	if (!at || at == p->text || !isalnum((unsigned char)at[-1]) || !strchr(at, '.'))
		return false;
	for (const char *const *t = phone; *t; t++)
		if (strcasestr(p->text, *t))
			return true;
	return false;
}

/* A post's statistics and fields in one line, two or more "Label:" parts
 * split by two or more bars ("Aufrufe: 1120 | Hinzugefügt von: Posh |
 * Tags: …", "Views: 85 | Comments: 0 | Rating: 4.5"). */
static bool fields_line(const para *p)
{
	if (p->chars >= 200)
		return false;
	int bars = 0, labels = 0;
	for (const char *q = p->text; *q; q++) {
		if (*q == '|')
			bars++;
		else if (*q == ':' && q > p->text && isalpha((unsigned char)q[-1]))
			labels++;
	}
	return bars >= 2 && labels >= 2;
}

/* Lines that are only a prompt or a label, in several languages. */
static bool boiler_line(const para *p)
{
	static const char *const starts[] = {
		"share", "teilen", "partager", "compartir", "condividi", "read more",
		"read also", "see also", "related:", "lesen sie auch", "lesen sie mehr",
		"mehr zum thema", "weiterlesen", "lire aussi", "lire la suite", "à lire aussi",
		"a lire aussi", "voir aussi", "sur le même sujet", "leggi anche", "lee también",
		"leia também", "advertisement", "anzeige", "werbung", "publicité", "publicidad",
		"pubblicità", "sign up", "subscribe", "abonnez-vous", "jetzt abonnieren",
		"newsletter", "follow us", "folgen sie uns", "suivez-nous", "click here",
		"cliquez ici", "klicken sie", "all rights reserved", "tous droits réservés",
		"alle rechte vorbehalten", "©", "copyright", "photo:", "foto:", "bild:",
		"image:", "credit:", "quelle:", "source:", "(c)", "auch interessant",
		"das könnte", "schon gelesen", "vous aimerez", "you might also", "you may also",
		"siehe auch", "schlagworte", "nächster artikel", "vorheriger artikel",
		"weiterführende", "neueste artikel", "die neuesten", "mehr von", "mehr zum",
		"mehr interessantes", "related", "tags:", "quellenangaben", "kontakt:",
		"war der artikel", "war dieser artikel", "möchten sie den artikel", "wird geladen",
		"czytaj także", "czytaj też", "zobacz także", "źródło:", "publikacja:",
		"inne artykuły", "pour accéder", "category", "written permission",
		"this article is the copyright", "min read", "minuten lesezeit", "lesezeit",
		"minut czytania", "loading", "chargement", "cargando", "zobacz także",
		"empfohlene beiträge", "diese beiträge", "noch mehr", "subscribe to",
		"receive our", "be sociable", "like it?", "dieser artikel gefällt",
		"sie lesen gern", "nos siga", "siguenos", "síguenos", "contenido relacionado",
		"puede escribirnos", "à découvrir", "a découvrir", "permalien", "permalink",
		"titelbild", "erschienen in", "themen:", "weitere informationen",
		"weitere infos", "quellen ausblenden", "warning:", "erstellt am",
		"ten tekst przeczytasz", "czytasz właśnie", "materiał chroniony",
		"wir respektieren deine privatsphäre", "diese website verwendet",
		"this website uses", "we use cookies", "nous utilisons des cookies", "never miss",
		"do you want to be informed", "to view the full story", "first-time subscribers",
		"if you’re seeing this message", "if you're seeing this message", "view comments",
		"we rely on your support", "jede kleine spende", "vorschau auf den nächsten",
		"für links auf dieser seite", "alle angaben ohne gewähr", "*werbung",
		"highlights aus dem heft", "zusatzinformationen", "aktualisiert am",
		"den artikel mit anderen", "telefon:", "gefällt dir unser", "hazte miembro",
		"notas relacionadas", "si vous souhaitez", "instant access", "ähnliche beiträge",
		"externer inhalt", "mehr kolumnen", "empfehlungen aus", "for the latest stories",
		"submit your letter", "únete", "¿ya sabías", "tú también puedes", "download the",
		"über diese reihe", "missed the", "sign in", "log in", "anmelden", "connectez-vous",
		"inicia sesión", "Ähnliche beiträge", "Über diese reihe", "Únete",
		"À lire aussi", "À découvrir",
		/* comment logins, newsletters, memberships and support appeals,
		 * tables of contents, image and print buttons, post footers */
		"you must be logged in", "sie müssen sich anmelden", "du musst eingeloggt",
		"vous devez être connecté", "debes iniciar sesión", "zum newsletter",
		"explore further", "get the latest", "if you enjoyed", "support us",
		"unterstütze", "soutenez", "become a member", "werden sie mitglied",
		"devenez membre", "join the discussion", "join the conversation",
		"diskutieren sie mit", "bei fragen und anregungen", "table of contents",
		"inhaltsverzeichnis", "sommaire", "índice", "Índice", "bild anzeigen", "bild vergrößern",
		"vergrößern", "enlarge", "agrandir", "rezept drucken", "print recipe",
		"imprimer la recette", "this entry was posted", "dieser eintrag wurde",
		"suggested citation", "zitiervorschlag", "pour citer",
		/* breadcrumbs announced as such */
		"vous êtes ici", "you are here", "sie sind hier", "estás aquí", "usted está aquí",
		"sei qui", NULL
	};
	if (credit_line(p) || contact_line(p) || fields_line(p))
		return true;
	if (p->chars > 160)
		return false;
	/* "Accueil > Économie > Grève au port …": a breadcrumb, however it
	 * is introduced */
	size_t crumbs = 0;
	for (const char *s = p->text; (s = strstr(s, " > ")); s += 3)
		crumbs++;
	/* » closes a quotation where « opens one */
	for (const char *s = p->text; !strstr(p->text, "\xC2\xAB") && (s = strstr(s, " \xC2\xBB ")); s += 4)
		crumbs++;
	if (crumbs >= 2)
		return true;
	char low[96];
	size_t k = 0;
	for (const char *s = p->text; *s && k + 1 < sizeof low; s++)
		low[k++] = (char)tolower((unsigned char)*s);
	low[k] = '\0';
	for (const char *const *q = starts; *q; q++)
		if ((*q)[0] == low[0] && !strncmp(low, *q, strlen(*q)) && prompt_ends(p, low, *q))
			return true;
	return false;
}

/* A line that is only a date (a dateline, "Aktualisiert: 23.10.2018") is
 * metadata, not body. */
/* "18h40", "5:50pm GMT", "09:12": a live blog's time stamp on a line of
 * its own. */
static bool time_line(const char *s)
{
	size_t n = strlen(s), digits = 0;
	if (n > 16 || !isdigit((unsigned char)s[0]))
		return false;
	bool sep = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c))
			digits++;
		else if ((c == ':' || c == 'h' || c == 'H' || c == '.') && i > 0 && isdigit((unsigned char)s[i - 1]))
			sep = true;
		else if (!strchr(" apmAPMGTUC", c))
			return false;
	}
	return sep && digits >= 3 && digits <= 4;
}

static bool date_line(const para *p)
{
	if (p->chars >= 120 || is_heading(p->kind))
		return false;
	if (time_line(p->text))
		return true;
	rv_date d;
	size_t at, len;
	if (!rv_date_find(p->text, &d, &at, &len))
		return false;
	if (p->chars < 40 && len * 5 >= strlen(p->text) * 3)
		return true;
	/* "Publié le 14 mars 2026 à 10h05, mis à jour le 16 mars 2026 à 08h30",
	 * "Publicado el 14 de marzo de 2026", "Updated March 16": a dateline
	 * with its words */
	static const char *const openers[] = { "publié", "publie", "published", "posted",
					       "publicado", "veröffentlicht", "pubblicato", NULL };
	for (const char *const *o = openers; *o; o++)
		if (!strncasecmp(p->text, *o, strlen(*o)) && at <= strlen(*o) + 8)
			return true;
	size_t n;
	if (rv_date_update_words(p->text, strlen(p->text), &n) == 0 && at <= n + 8)
		return true;
	/* a byline with its dates: the metadata reads the writer from it */
	return rv__dated_byline(p->text, at);
}

/* Whether a line ends as a sentence or a quotation does (. ! ? … : , ;
 * closing quotes and brackets, CJK full stops), rather than as a label. */
static bool ends_sentence(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return false;
	if (strchr(".!?:,;\"')", s[n - 1]))
		return true;
	static const char *const ends[] = { "\xE2\x80\xA6" /* … */, "\xC2\xBB" /* » */,
					    "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */,
					    "\xE2\x80\x9C" /* “ */, "\xC2\xAB" /* « */,
					    "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x81" /* ！ */,
					    "\xEF\xBC\x9F" /* ？ */, "\xE3\x80\x8D" /* 」 */, NULL };
	for (const char *const *e = ends; *e; e++) {
		size_t k = strlen(*e);
		if (n >= k && !memcmp(s + n - k, *e, k))
			return true;
	}
	return false;
}

/* What the selection decided for each paragraph. */
enum { OUT = 0, KEPT = 1, LINKS = 2, OUTSIDE = 3 };

/* Whether paragraph i is a kept excerpt right under a linked title, with
 * only a heading (or nothing) kept after it. A teaser card often closes
 * with its own labels before the next title: a date, "Par … Le
 * 05/02/2020", the next card's category ("Überwachung"), a "Learn" link;
 * up to three short lines that are not sentences, and link lines, may
 * stand between. */
static bool teaser_excerpt(const walker *w, const uint8_t *keep, size_t i)
{
	const para *p = &w->paras[i], *t = &w->paras[i - 1];
	if (keep[i] != KEPT || p->chars >= 400 || is_heading(p->kind) || !is_heading(t->kind) ||
	    t->links * 2 <= t->chars)
		return false;
	size_t k = i + 1, labels = 0;
	for (; k < w->npara && !is_heading(w->paras[k].kind); k++) {
		const para *q = &w->paras[k];
		if (keep[k] == OUT || keep[k] == LINKS)
			continue;
		if (q->chars >= 60 || ends_sentence(q->text) || ++labels > 3)
			return false;
	}
	return k == w->npara || is_heading(w->paras[k].kind);
}

/* The kept paragraphs below drop out: each returns the characters dropped. */

/* Teasers: a linked title, then one short excerpt, then the next title (or
 * nothing). Two or more such pairs are a list of other articles ("related
 * posts" with their first lines). */
static uint32_t drop_teasers(const walker *w, uint8_t *keep)
{
	size_t units = 0;
	for (size_t i = 1; i < w->npara; i++)
		units += teaser_excerpt(w, keep, i);
	if (units < 2)
		return 0;
	uint32_t dropped = 0;
	for (size_t i = 1; i < w->npara; i++)
		if (teaser_excerpt(w, keep, i)) {
			keep[i] = OUT;
			dropped += w->paras[i].chars;
		}
	return dropped;
}

/* Signatures after the text: short lines after the last real paragraph
 * ("aja/PAP", an author's name, a source note). A heading there opens
 * something else ("Weitere Beiträge", "Verwendete Produkte", a contact
 * box); list items and table cells are data, and a short sentence that
 * ends as one (". ! ?": "Be there or be square!") is the text's last
 * word, not a signature. */
static uint32_t drop_after_last(const walker *w, uint8_t *keep)
{
	size_t last = w->npara;
	for (size_t i = 0; i < w->npara; i++)
		if (keep[i] == KEPT && w->paras[i].chars >= 150)
			last = i;
	uint32_t dropped = 0;
	for (size_t i = last + 1; last < w->npara && i < w->npara; i++) {
		const para *p = &w->paras[i];
		bool sentence = !is_heading(p->kind) && strchr(".!?", p->text[strlen(p->text) - 1]);
		if (keep[i] == KEPT && p->kind != K_LI && p->kind != K_CELL && !sentence &&
		    p->chars < (is_heading(p->kind) ? 100u : 25u)) {
			keep[i] = OUT;
			dropped += p->chars;
		}
	}
	return dropped;
}

/* Labels before the article's first real paragraph: a kicker, a category,
 * a date and time, names, a photo credit - short lines that are not
 * sentences ("Promis", "Kategorie: News", "Judy Eddy/WENN.com"). */
static uint32_t drop_labels_before_first(const walker *w, uint8_t *keep)
{
	size_t first = 0;
	while (first < w->npara && !(keep[first] == KEPT && w->paras[first].chars >= 150))
		first++;
	if (first == w->npara)
		return 0;
	uint32_t dropped = 0;
	for (size_t i = 0; i < first; i++) {
		const para *p = &w->paras[i];
		if (keep[i] == KEPT && p->chars < 60 && !is_heading(p->kind) && !ends_sentence(p->text)) {
			keep[i] = OUT;
			dropped += p->chars;
		}
	}
	return dropped;
}

/* A page has one headline: an <h1> after the page's first one titles
 * something else (a teaser, a widget, another article of a list), not a
 * part of this article. */
static uint32_t drop_later_h1(const walker *w, uint8_t *keep)
{
	size_t h = 0;
	while (h < w->npara && w->paras[h].kind != K_H1)
		h++;
	uint32_t dropped = 0;
	for (size_t i = h + 1; i < w->npara; i++)
		if (keep[i] == KEPT && w->paras[i].kind == K_H1) {
			keep[i] = OUT;
			dropped += w->paras[i].chars;
		}
	return dropped;
}

/* The standfirst: a sentence or two set between the headline and the
 * body, in a header block of its own ("texto-bajada", a live blog's lead
 * entry, an <h2> of 100+ characters), too short for the prose-outside
 * rule. The paragraphs right after the last <h1> before the first kept
 * one, up to six, are taken when they are link-free sentences of 60+
 * characters; a short heading or a link line ends the search. An <h1>
 * that is a link is the site's logo, not the headline. Returns the
 * characters added. */
static uint32_t keep_standfirst(const walker *w, uint8_t *keep)
{
	size_t first = 0, h1 = w->npara;
	while (first < w->npara && keep[first] != KEPT)
		first++;
	for (size_t j = 0; j < first; j++)
		if (w->paras[j].kind == K_H1 && w->paras[j].links * 2 <= w->paras[j].chars)
			h1 = j;
	uint32_t added = 0;
	for (size_t j = h1 + 1; h1 < first && j < first && j <= h1 + 6; j++) {
		const para *p = &w->paras[j];
		if ((is_heading(p->kind) && p->chars < 100) || p->links * 2 > p->chars)
			break;
		if (keep[j] == OUTSIDE && p->chars >= 60 && p->links * 5 < p->chars &&
		    ends_sentence(p->text) && !boiler_line(p) && !date_line(p)) {
			keep[j] = KEPT;
			added += p->chars;
		}
	}
	return added;
}

/* Whether a line ends with an ellipsis, as excerpts cut by a teaser list do. */
static bool cut_short(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && (!strcmp(s + n - 3, "...") || !strcmp(s + n - 3, "\xE2\x80\xA6"));
}

typedef struct range {
	uint32_t lo, hi;
} range;

static int select_body(walker *w, rv_article *a)
{
	if (!w->npara)
		return RV_OK;
	/* Score containers. */
	for (size_t i = 0; i < w->npara; i++) {
		para *p = &w->paras[i];
		if (p->chars < 25 || p->links * 2 > p->chars || is_heading(p->kind))
			continue;
		float s = 1.0f + (float)commas(p->text) +
			  (float)(p->chars / 100 > 3 ? 3 : p->chars / 100);
		xmlNode *n = p->kind == K_DIV ? p->block : p->block->parent;
		for (int lvl = 0; n && lvl < 3; lvl++, n = n->parent) {
			ninfo *in = n->type == XML_ELEMENT_NODE ? info_of(w, n) : NULL;
			if (!in)
				break;
			in->score += s / (lvl == 0 ? 1.0f : lvl == 1 ? 2.0f : 3.0f * (float)lvl);
		}
	}
	ninfo *top = NULL;
	float best = 0;
	for (uint32_t i = 0; i < w->n; i++) {
		ninfo *in = &w->info[i];
		if (in->score <= 0)
			continue;
		float ld = in->text ? (float)in->links / (float)in->text : 0;
		float s = (in->score + in->cw + ((in->flags & F_ARTICLE) ? 10 : 0)) * (1 - ld);
		in->score = s;
		if (s > best) {
			best = s;
			top = in;
		}
	}
	range r[64];
	size_t nr = 0;
	if (top) {
		/* The article's own wrapper often holds the best candidate's
		 * parts: climb to an <article> ancestor that is not much bigger
		 * in links, then add siblings that score well too. */
		xmlNode *tn = top->node;
		if (tn) {
			for (xmlNode *n = tn->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
				ninfo *in = info_of(w, n);
				if (!in || rv__is_tag(n, "body"))
					break;
				if ((in->flags & F_ARTICLE) && in->vlinks * 4 < in->vtext + 1 &&
				    top->vtext * 2 >= in->vtext / 2) {
					tn = n;
					top = in;
				}
			}
			/* Articles split over several blocks: widen to the parent
			 * while what it adds is prose (few links) and not much more
			 * than the article itself. */
			for (int up = 0; up < 3; up++) {
				xmlNode *pn = tn->parent;
				ninfo *pi = pn && pn->type == XML_ELEMENT_NODE ? info_of(w, pn) : NULL;
				if (!pi || rv__is_tag(pn, "body") || rv__is_tag(pn, "html"))
					break;
				if (pi->vlinks * 10 >= pi->vtext || pi->vtext * 2 > top->vtext * 5)
					break;
				tn = pn;
				top = pi;
			}
			r[nr++] = (range){ top->pre, top->post };
			xmlNode *par = tn->parent;
			float thr = best * 0.2f > 10 ? best * 0.2f : 10;
			if (par && par->type == XML_ELEMENT_NODE && info_of(w, par)) {
				for (xmlNode *s = par->children; s && nr < 64; s = s->next) {
					if (s == tn || s->type != XML_ELEMENT_NODE)
						continue;
					ninfo *si = info_of(w, s);
					if (!si || (si->flags & F_SKIP) || junk_here(w, si))
						continue;
					float ld = si->text ? (float)si->links / (float)si->text : 1;
					bool ok = si->score >= thr;
					if (!ok && rv__is_tag(s, "p"))
						ok = (si->text > 80 && ld < 0.25f) ||
						     (si->text > 0 && ld == 0);
					if (ok)
						r[nr++] = (range){ si->pre, si->post };
				}
			}
		}
	}
	/* The lead: a standfirst or intro often sits just before the body's
	 * container (in the article header). Take the prose paragraphs right
	 * before the first chosen one, within the container's grandparent,
	 * stopping at the headline or at a link list. */
	if (nr && nr < 64 && top && top->node && top->node->parent) {
		xmlNode *gp = top->node->parent;
		if (gp->parent && gp->parent->type == XML_ELEMENT_NODE)
			gp = gp->parent;
		ninfo *gi = info_of(w, gp);
		size_t first = w->npara;
		for (size_t i = 0; i < w->npara && first == w->npara; i++)
			for (size_t k = 0; k < nr; k++)
				if (w->paras[i].blockpre >= r[k].lo && w->paras[i].blockpre <= r[k].hi) {
					first = i;
					break;
				}
		for (size_t j = first, steps = 0; gi && j-- > 0 && steps < 8 && nr < 64; steps++) {
			para *p = &w->paras[j];
			if (p->blockpre < gi->pre || p->blockpre > gi->post)
				break;
			if (p->kind == K_H1 || p->links * 2 > p->chars)
				break;
			if (p->chars >= 60 && p->links * 5 < p->chars && !is_heading(p->kind))
				r[nr++] = (range){ p->blockpre, p->blockpre };
		}
	}
	/* Paragraphs of the chosen ranges, in order, filtered. */
	uint8_t *keep = calloc(w->npara ? w->npara : 1, 1);
	if (!keep)
		return RV_ENOMEM;
	uint32_t got = 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *prev = NULL;
		memset(keep, OUT, w->npara);
		got = 0;
		for (size_t i = 0; i < w->npara; i++) {
			para *p = &w->paras[i];
			if (p->in_head) {
				keep[i] = OUTSIDE;
				continue;
			}
			bool in = pass == 1;
			for (size_t k = 0; k < nr && !in; k++)
				in = p->blockpre >= r[k].lo && p->blockpre <= r[k].hi;
			/* Prose outside the container (a split layout, a lead
			 * box): long lines with hardly a link, not boilerplate;
			 * an excerpt cut short ("War Volkswagen anfangs vom ...")
			 * is another page's teaser. */
			if (!in && p->chars >= 100 && p->links * 20 < p->chars && !is_heading(p->kind) &&
			    !cut_short(p->text))
				in = true;
			if (!in) {
				keep[i] = OUTSIDE;
				continue;
			}
			if (pass == 1) {
				/* no article container found: whole-page prose only */
				if (p->chars < 40 && !is_heading(p->kind))
					continue;
				if (p->links * 10 > p->chars * 3) {
					keep[i] = LINKS;
					continue;
				}
			}
			if ((p->links * 2 > p->chars && !(p->chars > 200 && p->links * 5 < p->chars * 3)) ||
			    (p->kind == K_LI && p->links * 10 > p->chars * 4)) {
				keep[i] = LINKS;
				continue;
			}
			if (date_line(p)) {
				/* kept aside: it dates the article */
				if (!w->dateline && pass == 0)
					w->dateline = p->text;
				else if (!w->dateline2 && pass == 0 && strcmp(w->dateline, p->text))
					w->dateline2 = p->text;
				continue;
			}
			if (boiler_line(p))
				continue;
			/* A short line more than 35 % links points elsewhere
			 * ("Tipp: … finden Sie auf der Seite …", "Mehr dazu im
			 * Dossier …"), or is a post's line of date and linked
			 * categories, which still dates the article. */
			if (p->kind != K_LI && p->kind != K_CELL && p->chars < 200 &&
			    p->links * 20 > p->chars * 7) {
				rv_date d;
				size_t at, len;
				if (pass == 0 && !w->dateline && rv_date_find(p->text, &d, &at, &len))
					w->dateline = p->text;
				keep[i] = LINKS;
				continue;
			}
			if (prev && !strcmp(prev, p->text))
				continue;
			keep[i] = KEPT;
			prev = p->text;
			got += p->chars;
		}
		/* A line outside the chosen blocks but between two kept ones
		 * (a subheading or short paragraph in a block of its own) is
		 * part of the article. */
		for (size_t i = 1; pass == 0 && i + 1 < w->npara; i++) {
			para *p = &w->paras[i];
			if (keep[i] != OUTSIDE || p->links * 5 > p->chars || boiler_line(p) || date_line(p))
				continue;
			size_t lo = i, hi = i;
			while (lo > 0 && i - lo < 6 && keep[lo - 1] != KEPT)
				lo--;
			while (hi + 1 < w->npara && hi - i < 6 && keep[hi + 1] != KEPT)
				hi++;
			if (lo > 0 && keep[lo - 1] == KEPT && hi + 1 < w->npara && keep[hi + 1] == KEPT) {
				keep[i] = KEPT;
				got += p->chars;
			}
		}
		if (pass == 0)
			got += keep_standfirst(w, keep);
		for (size_t i = 0; i < w->npara; i++)
			if (keep[i] == OUTSIDE)
				keep[i] = OUT;
		/* A heading or a short label followed only by links, up to the
		 * next heading or the end, names a list of other articles
		 * ("Auch interessant", "Vous aimerez aussi"): drop it. */
		for (size_t i = 0; i < w->npara; i++) {
			para *p = &w->paras[i];
			if (keep[i] != KEPT || (!is_heading(p->kind) && p->chars >= 40) || p->chars >= 100)
				continue;
			bool prose = false, links = false;
			for (size_t j = i + 1; j < w->npara; j++) {
				if (keep[j] == OUT)
					continue;
				if (is_heading(w->paras[j].kind) && keep[j] == KEPT)
					break;
				if (keep[j] == LINKS) {
					links = true;
					continue;
				}
				prose = true;
				break;
			}
			if (!prose && (links || is_heading(p->kind))) {
				keep[i] = OUT;
				got -= p->chars;
			}
		}
		got -= drop_teasers(w, keep);
		got -= drop_after_last(w, keep);
		got -= drop_labels_before_first(w, keep);
		got -= drop_later_h1(w, keep);
		if (got >= 200 || pass == 1)
			break;
		/* The chosen container is too small to be an article: start over
		 * from the whole page. */
		if (nr && w->info[r[0].lo].text >= 200)
			break;
	}
	for (size_t i = 0; i < w->npara; i++) {
		if (keep[i] != KEPT)
			continue;
		char *clean = rv__clean(w->paras[i].text, strlen(w->paras[i].text));
		if (clean && rv_strlist_push_take(&a->paragraphs, clean)) {
			free(keep);
			return RV_ENOMEM;
		}
	}
	free(keep);
	return RV_OK;
}

/* Whether line is the title, or the title is line plus a short label after
 * a separator: a declared title keeps the outlet's name ("Grève au port |
 * Le Courrier") that the page's own heading leaves out. */
static bool repeats_title(const char *line, const char *title)
{
	size_t n = strlen(line);
	if (strncmp(line, title, n))
		return false;
	const char *rest = title + n;
	if (!*rest)
		return true;
	size_t k = rv_title_sep_len(rest);
	return k && n >= 10 && strlen(rest + k) <= 60;
}

/* Drop a leading heading that repeats the title. */
static void drop_title_line(rv_article *a)
{
	if (!a->title || !a->paragraphs.len)
		return;
	for (size_t i = 0; i < a->paragraphs.len && i < 3; i++) {
		if (repeats_title(a->paragraphs.items[i], a->title)) {
			free(a->paragraphs.items[i]);
			memmove(&a->paragraphs.items[i], &a->paragraphs.items[i + 1],
				(a->paragraphs.len - i - 1) * sizeof(char *));
			a->paragraphs.len--;
			return;
		}
	}
}

/* ------------------------------------------------------------- entry */

static void quiet_errors(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int rv_extract_html(const char *data, size_t len, const rv_record *rec, rv_article *a,
		    rv_error *err)
{
	if (!data || !len)
		return rv_fail(err, RV_EINPUT, "empty page");
	if (looks_binary(data, len) && !(len >= 2 && ((unsigned char)data[0] == 0xFF ||
						      (unsigned char)data[0] == 0xFE)))
		return rv_fail(err, RV_EINPUT, "binary data, not HTML");
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	char *conv = NULL;
	const char *u8 = NULL;
	size_t u8len = 0;
	int rc = to_utf8(data, len, rec, &conv, &u8, &u8len, err);
	if (rc)
		return rc;
	xmlSetGenericErrorFunc(NULL, quiet_errors);
	/* the tree lives in an arena until rv__xml_arena_end() */
	rv__xml_arena_begin();
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		rv__xml_arena_end();
		free(conv);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	size_t parse_len = u8len;
	char *parse_copy = rv__drop_raw_text(u8, u8len, &parse_len);
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, parse_copy ? parse_copy : u8, (int)parse_len,
					    NULL, "UTF-8",
					    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
						    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
						    HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
						    HTML_PARSE_NOBLANKS);
	/* Why libxml2 gave up, if it did (its limits: nesting, sizes). */
	char stopped[160] = "";
	if (ctxt->lastError.level == XML_ERR_FATAL && ctxt->lastError.message) {
		snprintf(stopped, sizeof stopped, "; the parser stopped: %s",
			 ctxt->lastError.message);
		rv_str_squeeze(stopped);
	}
	htmlFreeParserCtxt(ctxt);
	free(parse_copy);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		rv__xml_arena_end();
		free(conv);
		return rv_fail(err, RV_EINPUT, "not parseable as HTML%s", stopped);
	}
	rv__meta meta;
	rv__meta_init(&meta, rec);
	walker w = { 0 };
	w.meta = &meta;
	meta.root = root;
	meta.raw = u8;
	meta.rawlen = u8len;
	rv_buf_init(&w.cur, MAX_PARA_BYTES + 4096);
	/* about one element per 40 bytes of HTML: one allocation, few reallocs;
	 * the root element itself gets entry 0 so that its children have a
	 * parent with info */
	w.cap = (uint32_t)(u8len / 40 < MAX_NODES ? u8len / 40 + 1024 : MAX_NODES);
	w.info = malloc(w.cap * sizeof *w.info);
	if (!w.info) {
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	memset(&w.info[0], 0, sizeof *w.info);
	w.info[0].node = root;
	w.n = 1;
	root->_private = (void *)(uintptr_t)1;
	meta.in_article = false;
	rv__meta_element(&meta, root, 0);
	count_walk(&w, root, 1, false, false);
	if (w.oom) {
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	w.info[0].post = w.n - 1;
	xmlNode *body = NULL;
	for (xmlNode *c = root->children; c; c = c->next)
		if (rv__is_tag(c, "body"))
			body = c;
	ninfo *bi = body ? info_of(&w, body) : &w.info[0];
	w.body_text = bi ? bi->text : 0;
	w.body_links = bi ? bi->links : 0;
	w.cur_block = body ? body : root;
	collect_walk(&w, body ? body : root, 1, body ? body : root, false);
	flush(&w);
	if (w.oom) {
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	rc = select_body(&w, a);
	if (rc) {
		rc = rv_fail(err, rc, "out of memory");
		goto out;
	}
	/* The article's top lines (and its datelines: the publication's and
	 * the update's, "Mis à jour le …" on a line of its own) are all the
	 * metadata needs of the body. */
	char head[512];
	size_t hk = 0;
	head[0] = '\0';
	if (w.dateline)
		hk += (size_t)snprintf(head, sizeof head, "%s\n", w.dateline);
	if (w.dateline2 && hk + 1 < sizeof head)
		hk += (size_t)snprintf(head + hk, sizeof head - hk, "%s\n", w.dateline2);
	for (size_t i = 0; i < a->paragraphs.len && hk + 1 < sizeof head; i++)
		hk += (size_t)snprintf(head + hk, sizeof head - hk, "%s\n", a->paragraphs.items[i]);
	rc = rv__meta_finish(&meta, rec, head, a);
	if (rc) {
		rc = rv_fail(err, rc, "out of memory");
		goto out;
	}
	drop_title_line(a);
	if (!a->paragraphs.len && !a->title)
		rc = rv_fail(err, RV_EINPUT, "no text found in the page (%s%s)",
			     w.body_text ? "only boilerplate" : "no visible text", stopped);
out:
	for (size_t i = 0; i < w.npara; i++)
		free(w.paras[i].text);
	free(w.paras);
	free(w.info);
	rv_buf_release(&w.cur);
	rv__meta_release(&meta);
	rv__xml_arena_end(); /* the tree with it */
	free(conv);
	return rc;
}
