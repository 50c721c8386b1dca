/* feed.h - RSS 0.9x/1.0/2.0, Atom, sitemaps and Google News sitemaps.
 *
 * rv_feed_parse() reads one feed document with libxml2 (no network, no
 * external entities, no DTD) and calls fn for each item in document order.
 * Item strings are borrowed: valid only during the callback. A sitemap
 * index yields one item per child sitemap (kind RV_FEED_SITEMAP_INDEX).
 */
#ifndef RV_FEED_H
#define RV_FEED_H

#include "core/error.h"
#include "core/str.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum rv_feed_kind {
	RV_FEED_UNKNOWN = 0,
	RV_FEED_RSS,
	RV_FEED_ATOM,
	RV_FEED_SITEMAP,
	RV_FEED_SITEMAP_INDEX,
} rv_feed_kind;

typedef struct rv_feed_item {
	rv_feed_kind kind; /* of the document it comes from */
	const char *guid;  /* RSS guid / Atom id; NULL when absent */
	const char *link;  /* absolute when the feed gave a base */
	const char *title;
	const char *body;      /* content:encoded / content, else description / summary */
	bool body_html;        /* body is HTML (else plain text) */
	const char *published; /* as written: pubDate, published, dc:date, news:publication_date */
	const char *updated;   /* Atom updated, sitemap lastmod */
	const char *feed_title; /* the channel's or feed's title: the outlet */
	const rv_strlist *authors;    /* dc:creator, RSS author, Atom author name */
	const rv_strlist *categories; /* category text, Atom term or label */
} rv_feed_item;

typedef int (*rv_feed_item_fn)(const rv_feed_item *item, size_t index, void *ctx);

/* Parse a feed; base_url (may be NULL) resolves relative links. Returns
 * RV_EINPUT when the bytes are not a feed, or fn's first non-OK status. */
int rv_feed_parse(const char *data, size_t len, const char *base_url, rv_feed_kind *kind,
                  rv_feed_item_fn fn, void *ctx, rv_error *err);

/* Feed URLs announced by an HTML page (<link rel="alternate"
 * type="application/rss+xml|atom+xml" href>), resolved against base_url. */
int rv_feed_discover(const char *html, size_t len, const char *base_url, rv_strlist *out,
                     rv_error *err);

/* Text of an HTML fragment, paragraphs separated by blank lines (caller frees). */
char *rv_feed_html_text(const char *html, size_t len);

#endif
