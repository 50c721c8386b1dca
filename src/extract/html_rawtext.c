/* html_rawtext.c - empty the <script>, <style> and <svg> elements of a page
 * before libxml2 parses it.
 *
 * Why: about half the bytes of a crawled news page are scripts and style
 * sheets, and libxml2's HTML parser reads their text one character at a
 * time (htmlParseScript) only for the extractor to skip it. Nothing reads
 * that text from the tree: the dates in scripts are searched in the raw
 * page, and the one script whose text is read, JSON-LD, is kept. Dropping
 * the bodies first leaves the same tree without the ignored text nodes.
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

/* The end of the tag that starts at p ('<' + letter): the '>' outside
 * quotes, or NULL. */
static const char *tag_end(const char *p, const char *end)
{
	char quote = 0;
	for (p++; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			/* only a quote that opens an attribute value quotes */
			if (p[-1] == '=' || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n')
				quote = *p;
		} else if (*p == '>') {
			return p;
		}
	}
	return NULL;
}

/* Whether the tag [p, e) names the raw-text element name (lower case). */
static bool tag_is(const char *p, const char *e, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(e - p) < n + 1 || strncasecmp(p + 1, name, n))
		return false;
	char after = p[1 + n];
	return !is_alpha(after) && after != '-' && !(after >= '0' && after <= '9');
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
			p = c + 3;
			continue;
		}
		if (p + 1 >= end || !is_alpha(p[1])) {
			p++;
			continue;
		}
		const char *e = tag_end(p, end);
		if (!e)
			break;
		bool script = tag_is(p, e, "script"), style = tag_is(p, e, "style");
		bool svg = !script && !style && tag_is(p, e, "svg");
		if (!script && !style && !svg) {
			p = e + 1;
			continue;
		}
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
