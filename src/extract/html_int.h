/* html_int.h - internals shared by the HTML extractor's files (html.c:
 * encoding, parsing and the main text; html_meta.c: metadata). Not an API. */
#ifndef RV_HTML_INT_H
#define RV_HTML_INT_H

#include "core/article.h"
#include "core/buf.h"
#include "core/date.h"

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stdint.h>

/* Deepest element the walks visit: libxml2 itself caps HTML nesting, and
 * text nested deeper than this is not article text. */
#define RV__HTML_MAX_DEPTH 256

/* One metadata value and how strong its evidence is (lower wins). */
typedef struct rv__slot {
	char *val;
	int prio;
	const char *source;
} rv__slot;

#define RV__MAX_HINTS 128

typedef struct rv__meta {
	rv__slot title, jname, jheadline, html_title, h1, site, desc, image, canon, lang;
	rv__slot published, modified;
	bool pub_is_mod; /* published stands on the modification date */
	rv_buf vis;	 /* the page's visible text, made once when a rule needs it */
	char *vis_lower; /* the same, ASCII letters lower-cased (label search) */
	bool vis_done;
	rv__slot author; /* raw author text, split and cleaned at the end */
	rv__slot author_org; /* an organisation declared as the author: the
			      * answer only when no person is named */
	rv_strlist tags;
	/* Elements whose class or itemprop hints at a date or a byline, read
	 * after the walk (their text is needed). */
	xmlNode *date_hint[RV__MAX_HINTS];
	int n_date_hint;
	xmlNode *author_hint[RV__MAX_HINTS];
	int n_author_hint;
	xmlNode *time_el[RV__MAX_HINTS];
	bool time_in_article[RV__MAX_HINTS];
	int n_time_el;
	bool in_article;
	int n_h1;		/* Readability's title rules look at the headings */
	bool heading_is_title;
	xmlNode *h1_node; /* the headline element: dates are written next to it */
	xmlNode *root;
	const char *raw; /* the page as UTF-8, for dates in scripts */
	size_t rawlen;
	rv_date limit; /* no date after this (crawl time, else now) */
} rv__meta;

void rv__meta_init(rv__meta *m, const rv_record *rec);
void rv__meta_release(rv__meta *m);
/* Called for every element (depth-first, document order) with whether it
 * lies inside <article>/<main>. */
enum { RV__HINT_AUTHOR = 1, RV__HINT_DATE = 2 };
/* hints: what the element's class/id words suggest (RV__HINT_*). */
void rv__meta_element(rv__meta *m, xmlNode *n, unsigned hints);
/* Settle the fields into the article; body is the top of the extracted
 * body (may be NULL), used for a date written at the head of the article. */
int rv__meta_finish(rv__meta *m, const rv_record *rec, const char *body, rv_article *a);

/* "Par Anne Keller | Publié le …", "By Tom Ashby - Updated …": a line that
 * opens with a byline word, names the writer before a separator, and is
 * dated after it (date_at: where rv_date_find found its date). */
bool rv__dated_byline(const char *line, size_t date_at);

/* Helpers shared by both files. */
/* The value of attribute name. The parser only sees the attributes listed
 * in html_rawtext.c's read_attribute(): add a new one there. */
const char *rv__attr(const xmlNode *n, const char *name);
/* Text of an element's subtree, spaces squeezed, bounded (caller frees). */
char *rv__text(const xmlNode *n, size_t max);
/* Clean UTF-8 NFC copy with spaces squeezed; NULL when empty. */
char *rv__clean(const char *s, size_t len);
bool rv__is_tag(const xmlNode *n, const char *name);

/* A copy of the page without the text of its <script> (JSON-LD excepted),
 * <style> and <svg> elements nor the attributes the extractor does not
 * read, for the parser (html_rawtext.c); NULL when
 * there is nothing to remove or no memory (then parse the page itself).
 * The caller frees it. */
char *rv__drop_raw_text(const char *html, size_t len, size_t *outlen);

#endif
