/* html_rawtext.c - the page as libxml2 needs to see it: without the text
 * of its <script>, <style> and <svg> elements, nor the attributes the
 * extractor never reads.
 *
 * Why: about half the bytes of a crawled news page are scripts and style
 * sheets, and most of the rest attributes; libxml2's HTML parser reads
 * every one of them a character at a time, for the extractor to skip
 * them. Nothing reads that text from the tree (the dates in scripts are
 * searched in the raw page; JSON-LD, the one script whose text is read, is
 * kept), nor any attribute but the few listed in read_attribute(). Dropping
 * them first leaves the same tree without the parts nobody reads: a
 * quarter fewer instructions per article ingested from a WARC archive.
 *
 * The scan follows the tokenizer only as far as it must to know where a
 * raw-text element starts: comments, declarations and quoted attribute
 * values are stepped over, so "<script" inside them is not a tag. An
 * element whose end tag is missing is left alone (libxml2 then reads the
 * rest of the page as its text, as it would have anyway). */
#include "extract/html_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The answer of one forward search, kept: the first match at or after any
 * position in [from, at] is at (NULL: none after from). Positions only
 * grow during the scan, so each byte is searched about once and a page
 * of unclosed "<svg>" or "<script>" tags costs no more than one search. */
typedef struct search {
	const char *from, *at;
	bool done;
} search;

static bool search_knows(const search *s, const char *p)
{
	return s->done && p >= s->from && (!s->at || p <= s->at);
}

/* First "<" + needle (lower case, case-insensitive) in [p, end). */
static const char *find_ci(search *s, const char *p, const char *end, const char *needle)
{
	if (search_knows(s, p))
		return s->at;
	size_t n = strlen(needle);
	const char *q = p, *found = NULL;
	while (q + n <= end && (q = memchr(q, '<', (size_t)(end - q))) && q + n <= end) {
		if (!strncasecmp(q, needle, n)) {
			found = q;
			break;
		}
		q++;
	}
	*s = (search){ .from = p, .at = found, .done = true };
	return found;
}

/* The end of the tag whose attributes start at q: the '>' outside quotes,
 * or NULL. */
static const char *tag_end(const char *q, const char *end)
{
	char quote = 0;
	for (; q < end; q++) {
		if (quote) {
			if (*q == quote)
				quote = 0;
		} else if (*q == '"' || *q == '\'') {
			/* only a quote that opens an attribute value quotes */
			if (q[-1] == '=' || q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\n')
				quote = *q;
		} else if (*q == '>') {
			return q;
		}
	}
	return NULL;
}

/* Whether the tag [p, e) declares JSON-LD: "ld+json", its '+' possibly
 * written as a character reference ("ld&#x2B;json"), which libxml2 decodes
 * before html_meta.c reads the type. */
static bool tag_is_jsonld(const char *p, const char *e)
{
	for (; p + 7 <= e; p++) {
		if (strncasecmp(p, "ld", 2))
			continue;
		const char *q = p + 2;
		if (*q == '+') {
			q++;
		} else if (*q == '&') {
			const char *semi = memchr(q, ';', (size_t)(e - q) < 10 ? (size_t)(e - q) : 10);
			if (!semi)
				continue;
			q = semi + 1;
		} else {
			continue;
		}
		if (e - q >= 4 && !strncasecmp(q, "json", 4))
			return true;
	}
	return false;
}

/* The first token at or after p that an <svg> drawing does not hold: a
 * comment, another <svg>, or the end tag of an element SVG does not have
 * ("</div>", and "</svg>" itself). Unlike script and style, SVG is parsed
 * as elements, and an <svg> left open ends where its parent does, so its
 * "body" is dropped only when the first such token is its own end tag. */
static const char *not_drawing(search *s, const char *p, const char *end)
{
	static const char *const names[] = {
		"g", "path", "use", "defs", "symbol", "title", "desc", "circle", "rect",
		"line", "polyline", "polygon", "ellipse", "text", "tspan", "stop", "mask",
		"pattern", "filter", "image", "clippath", "lineargradient",
		"radialgradient", "fegaussianblur", "feoffset", "feblend", "fecolormatrix",
		"feflood", "fecomposite", "femerge", "femergenode", "metadata", NULL,
	};
	if (search_knows(s, p))
		return s->at;
	const char *q = p, *found = NULL;
	while (!found && q < end && (q = memchr(q, '<', (size_t)(end - q)))) {
		const char *t = q++;
		if (q >= end)
			break;
		if (*q == '!' || (end - q >= 3 && !strncasecmp(q, "svg", 3))) {
			found = t;
		} else if (*q == '/') {
			const char *name = ++q;
			while (q < end && is_alpha(*q))
				q++;
			size_t n = (size_t)(q - name);
			const char *const *k = names;
			while (*k && !(strlen(*k) == n && !strncasecmp(*k, name, n)))
				k++;
			if (!*k)
				found = t;
		}
	}
	*s = (search){ .from = p, .at = found, .done = true };
	return found;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static bool is_name_char(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

/* The attributes the extractor reads (rv__attr and attrs_of in html.c,
 * rv__meta_element in html_meta.c): a name read there must be listed
 * here, or the parser never sees it. href is read on <link> only. */
static bool read_attribute(const char *name, size_t n, bool link)
{
#define NAME(s) { (s), sizeof(s) - 1 }
	static const struct {
		const char *s;
		size_t n;
	} names[] = {
		NAME("class"),	  NAME("id"),	    NAME("itemprop"), NAME("style"),	 NAME("hidden"),
		NAME("content"),  NAME("datetime"), NAME("rel"),      NAME("property"), NAME("xml:lang"),
		NAME("lang"),	  NAME("type"),	    NAME("title"),    NAME("pubdate"),	 NAME("name"),
		NAME("http-equiv"), NAME("charset"),
	};
#undef NAME
	char c0 = (char)(name[0] | 0x20);
	if (link && n == 4 && !strncasecmp(name, "href", 4))
		return true;
	for (size_t k = 0; k < sizeof names / sizeof *names; k++)
		if (names[k].n == n && names[k].s[0] == c0 && !strncasecmp(names[k].s, name, n))
			return true;
	return false;
}

/* Read the attributes of a start tag from q (after its name) to its '>',
 * noting the spans of unread ones (at most max, each with the blanks
 * before it). Returns the '>', or NULL when the tag has no end. At the
 * first attribute it cannot read plainly (name="value", name='value' or a
 * bare name) it stops noting: the rest of the tag goes to libxml2 as
 * written. */
static const char *read_attributes(const char *q, const char *end, bool link,
				   const char *span[][2], int max, int *nspan)
{
	int n = 0;
	while (q < end && n < max) {
		const char *from = q;
		while (q < end && is_blank(*q))
			q++;
		if (q < end && *q == '>')
			break;
		if (q == from || q >= end || !(is_alpha(*q) || *q == '_' || *q == ':'))
			break;
		const char *name = q;
		while (q < end && is_name_char(*q))
			q++;
		size_t len = (size_t)(q - name);
		const char *after = q;
		while (after < end && is_blank(*after))
			after++;
		if (after < end && *after == '=') {
			after++;
			while (after < end && is_blank(*after))
				after++;
			if (after >= end || (*after != '"' && *after != '\''))
				break;
			const char *close = memchr(after + 1, *after, (size_t)(end - after - 1));
			if (!close)
				break;
			q = close + 1;
		} else if (q < end && !is_blank(*q) && *q != '>') {
			break;
		}
		if (!read_attribute(name, len, link)) {
			span[n][0] = from;
			span[n][1] = q;
			n++;
		}
	}
	*nspan = n;
	if (q < end && *q == '>')
		return q;
	return tag_end(q, end);
}

/* Whether the tag name [name, name + n) is the literal word (lower case). */
#define NAME_IS(name, n, word) ((n) == sizeof(word) - 1 && !strncasecmp((name), (word), sizeof(word) - 1))

char *rv__drop_raw_text(const char *html, size_t len, size_t *outlen)
{
	const char *end = html + len, *p = html, *copied = html;
	search script_end = { 0 }, style_end = { 0 }, svg_end = { 0 }, svg_foreign = { 0 };
	char *out = NULL;
	size_t olen = 0;
	while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
		if (p + 4 <= end && !memcmp(p, "<!--", 4)) {
			const char *c = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
			if (!c)
				break;
			/* nothing reads comments: the parser need not see them */
			if (!out && !(out = malloc(len + 1)))
				return NULL;
			memcpy(out + olen, copied, (size_t)(p - copied));
			olen += (size_t)(p - copied);
			copied = p = c + 3;
			continue;
		}
		if (p + 1 >= end || !is_alpha(p[1])) {
			p++;
			continue;
		}
		const char *name = p + 1, *q = name;
		while (q < end && is_name_char(*q))
			q++;
		size_t nlen = (size_t)(q - name);
		bool script = NAME_IS(name, nlen, "script"), style = NAME_IS(name, nlen, "style");
		bool svg = NAME_IS(name, nlen, "svg");
		if (!script && !style && !svg) {
			const char *span[16][2];
			int n = 0;
			const char *e = read_attributes(q, end, NAME_IS(name, nlen, "link"), span, 16, &n);
			if (n && !out && !(out = malloc(len + 1)))
				return NULL;
			for (int k = 0; k < n; k++) {
				memcpy(out + olen, copied, (size_t)(span[k][0] - copied));
				olen += (size_t)(span[k][0] - copied);
				copied = span[k][1];
			}
			if (!e)
				break;
			p = e + 1;
			continue;
		}
		const char *e = tag_end(q, end);
		if (!e)
			break;
		const char *close;
		if (script)
			close = find_ci(&script_end, e + 1, end, "</script");
		else if (style)
			close = find_ci(&style_end, e + 1, end, "</style");
		else
			close = find_ci(&svg_end, e + 1, end, "</svg");
		if (!close && !svg) /* libxml2 reads the rest as its text */
			break;
		/* Script and style text runs to its end tag whatever it holds;
		 * a drawing is dropped only when it is one. JSON-LD is read from
		 * the tree, and a short body costs nothing. */
		bool keep = !close || close - (e + 1) < 64 || (script && tag_is_jsonld(p, e)) ||
			    (svg && not_drawing(&svg_foreign, e + 1, end) != close);
		if (keep) {
			p = svg ? e + 1 : close;
			continue;
		}
		if (!out) {
			out = malloc(len + 1);
			if (!out)
				return NULL;
		}
		memcpy(out + olen, copied, (size_t)(e + 1 - copied));
		olen += (size_t)(e + 1 - copied);
		copied = p = close;
	}
	if (!out)
		return NULL;
	memcpy(out + olen, copied, (size_t)(end - copied));
	olen += (size_t)(end - copied);
	out[olen] = '\0';
	*outlen = olen;
	return out;
}
