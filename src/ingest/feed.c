/* feed.c - RSS, Atom and sitemaps with libxml2 (see feed.h).
 *
 * Parsed with XML_PARSE_NONET and without NOENT or DTD loading: a feed can
 * never make the parser fetch anything or expand an external entity.
 * RECOVER keeps the items of a feed that breaks near its end.
 */
#include "ingest/feed.h"
#include "ingest/readers.h"
#include "ingest/url.h"
#include "core/buf.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static const char *ns_prefix(const xmlNode *n)
{
	return n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "";
}

static const char *ns_href(const xmlNode *n)
{
	return n->ns && n->ns->href ? (const char *)n->ns->href : "";
}

/* Trimmed text content (owned by the caller via xmlFree-compatible free). */
static char *text_of(const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	if (!c)
		return NULL;
	char *s = rv_strdup(rv_str_ltrim((const char *)c));
	xmlFree(c);
	if (s)
		s[rv_str_rtrim_len(s, strlen(s))] = '\0';
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

static void set(char **slot, char *v)
{
	if (!v)
		return;
	if (*slot) {
		free(v);
		return; /* the first occurrence wins */
	}
	*slot = v;
}

static void replace(char **slot, char *v)
{
	if (!v)
		return;
	free(*slot);
	*slot = v;
}

struct item {
	char *guid, *link, *title, *content, *summary, *published, *updated;
	rv_strlist authors, categories;
	bool content_html, summary_html;
};

static void item_release(struct item *it)
{
	free(it->guid);
	free(it->link);
	free(it->title);
	free(it->content);
	free(it->summary);
	free(it->published);
	free(it->updated);
	rv_strlist_release(&it->authors);
	rv_strlist_release(&it->categories);
	memset(it, 0, sizeof *it);
}

static bool atom_html(const xmlNode *n)
{
	xmlChar *t = xmlGetProp(n, (const xmlChar *)"type");
	bool html = !t || !strcasecmp((const char *)t, "html") ||
	            !strcasecmp((const char *)t, "xhtml") || strstr((const char *)t, "html");
	if (t && !strcasecmp((const char *)t, "text"))
		html = false;
	xmlFree(t);
	return html;
}

/* Atom xhtml content: the markup of its children. */
static char *inner_xml(xmlNode *n)
{
	xmlBufferPtr b = xmlBufferCreate();
	if (!b)
		return NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		xmlNodeDump(b, n->doc, c, 0, 0);
	char *s = rv_strdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return s;
}

/* Takes v (may be NULL); keeps it when it has something besides spaces. */
static void add_trimmed(rv_strlist *l, char *v)
{
	if (!v)
		return;
	rv_str_squeeze(v);
	if (*v && l->len < RV_INGEST_MAX_NAMES && !rv_strlist_contains(l, v, true))
		rv_strlist_push_take(l, v);
	else
		free(v);
}

/* Atom: <author><name>. RSS <author> is an address, "jane@x.org (Jane
 * Roe)": the name in parentheses, else nothing (an address is no byline). */
static void add_author(xmlNode *c, rv_strlist *out, bool atom)
{
	if (atom) {
		for (xmlNode *n = c->children; n; n = n->next)
			if (n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, "name"))
				add_trimmed(out, text_of(n));
		return;
	}
	char *v = text_of(c);
	if (!v)
		return;
	if (!strchr(v, '@')) {
		add_trimmed(out, v);
		return;
	}
	char *open = strchr(v, '('), *close = open ? strchr(open, ')') : NULL;
	if (open && close) {
		*close = '\0';
		add_trimmed(out, rv_strdup(open + 1));
	}
	free(v);
}

static void read_item(xmlNode *node, struct item *it, bool atom)
{
	for (xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		const char *prefix = ns_prefix(c);
		if (!strcasecmp(name, "title") && !*prefix) {
			set(&it->title, text_of(c));
		} else if (!strcasecmp(name, "title") && strstr(ns_href(c), "sitemap-news")) {
			set(&it->title, text_of(c));
		} else if (!strcasecmp(name, "link")) {
			xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
			if (href) {
				xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
				if (!rel || !strcasecmp((const char *)rel, "alternate"))
					set(&it->link, rv_strdup((const char *)href));
				xmlFree(rel);
				xmlFree(href);
			} else if (!*prefix) {
				set(&it->link, text_of(c));
			}
		} else if (!strcasecmp(name, "loc")) {
			set(&it->link, text_of(c));
		} else if (!strcasecmp(name, "guid") || (atom && !strcasecmp(name, "id"))) {
			set(&it->guid, text_of(c));
		} else if (!strcasecmp(name, "encoded") || (atom && !strcasecmp(name, "content"))) {
			bool html = atom ? atom_html(c) : true;
			xmlChar *t = atom ? xmlGetProp(c, (const xmlChar *)"type") : NULL;
			bool xhtml = t && !strcasecmp((const char *)t, "xhtml");
			xmlFree(t);
			set(&it->content, xhtml ? inner_xml(c) : text_of(c));
			it->content_html = html;
		} else if (!strcasecmp(name, "description") || !strcasecmp(name, "summary")) {
			if (!it->summary)
				it->summary_html = atom ? atom_html(c) : true;
			set(&it->summary, text_of(c));
		} else if (!strcasecmp(name, "pubDate") || !strcasecmp(name, "published") ||
		           !strcasecmp(name, "publication_date") || !strcasecmp(name, "issued")) {
			set(&it->published, text_of(c));
		} else if (!strcasecmp(name, "date") && !strcmp(prefix, "dc")) {
			set(&it->published, text_of(c));
		} else if (!strcasecmp(name, "updated") || !strcasecmp(name, "lastmod") ||
		           !strcasecmp(name, "modified")) {
			replace(&it->updated, text_of(c));
		} else if (!strcasecmp(name, "news")) {
			read_item(c, it, atom); /* news:news holds the title and date */
		} else if ((!strcasecmp(name, "creator") && !strcmp(prefix, "dc")) ||
			   (!strcasecmp(name, "author") && !*prefix)) {
			add_author(c, &it->authors, atom);
		} else if (!strcasecmp(name, "category") && !*prefix) {
			xmlChar *term = atom ? xmlGetProp(c, (const xmlChar *)"label") : NULL;
			if (!term && atom)
				term = xmlGetProp(c, (const xmlChar *)"term");
			char *v = term ? rv_strdup((const char *)term) : text_of(c);
			xmlFree(term);
			add_trimmed(&it->categories, v);
		}
	}
}

struct walk {
	const char *feed_title;
	const char *base;
	rv_feed_item_fn fn;
	void *ctx;
	size_t n;
	bool atom;
	int rc;
	rv_feed_kind kind;
};

static void emit_item(struct walk *w, xmlNode *node)
{
	if (w->rc)
		return;
	struct item it = {0};
	read_item(node, &it, w->atom);
	/* RSS 1.0: the item's rdf:about is its link. */
	if (!it.link) {
		xmlChar *about = xmlGetProp(node, (const xmlChar *)"about");
		if (about)
			it.link = rv_strdup((const char *)about);
		xmlFree(about);
	}
	if (it.link && w->base) {
		char *abs = rv_url_resolve(w->base, it.link);
		if (abs)
			replace(&it.link, abs);
	}
	rv_feed_item fi = {0};
	fi.kind = w->kind;
	fi.guid = it.guid;
	fi.link = it.link;
	fi.title = it.title;
	fi.body = it.content ? it.content : it.summary;
	fi.body_html = it.content ? it.content_html : it.summary_html;
	fi.published = it.published;
	fi.updated = it.updated;
	fi.feed_title = w->feed_title;
	fi.authors = &it.authors;
	fi.categories = &it.categories;
	w->n++;
	w->rc = w->fn(&fi, w->n, w->ctx);
	item_release(&it);
}

static void walk_items(struct walk *w, xmlNode *parent, const char *item_name, int depth)
{
	for (xmlNode *c = parent->children; c && !w->rc; c = c->next) {
		if (is(c, item_name))
			emit_item(w, c);
		else if (c->type == XML_ELEMENT_NODE && depth < 2 &&
		         (is(c, "channel") || !strcasecmp(item_name, "item")))
			walk_items(w, c, item_name, depth + 1);
	}
}

/* "Northern Ledger - Top stories", "BBC News | World", "NYT > Top Stories",
 * "Reuters: World News": the outlet is what comes before the section. */
static void cut_section(char *t)
{
	static const char *const seps[] = { " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ",
					    " > ", " \xC2\xBB ", " : ", ": " };
	char *cut = NULL;
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
		char *p = strstr(t, seps[i]);
		if (p && p > t + 1 && (!cut || p < cut))
			cut = p;
	}
	if (cut)
		*cut = '\0';
}

/* The outlet a feed names: <channel><title> (RSS 0.9x-2.0, RSS 1.0) or the
 * Atom <feed>'s own <title>, without a section after it. NULL when absent
 * or blank. */
static char *channel_title(xmlNode *parent, int depth)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || *ns_prefix(c))
			continue;
		if (!strcasecmp((const char *)c->name, "title")) {
			char *t = text_of(c);
			if (t) {
				rv_str_squeeze(t);
				cut_section(t);
			}
			if (t && *t)
				return t;
			free(t);
		} else if (depth == 0 && !strcasecmp((const char *)c->name, "channel")) {
			char *t = channel_title(c, 1);
			if (t)
				return t;
		}
	}
	return NULL;
}

int rv_feed_parse(const char *data, size_t len, const char *base_url, rv_feed_kind *kind,
                  rv_feed_item_fn fn, void *ctx, rv_error *err)
{
	if (kind)
		*kind = RV_FEED_UNKNOWN;
	if (len > (size_t)INT32_MAX)
		return rv_fail(err, RV_EINPUT, "feed too large");
	xmlDoc *doc =
	    xmlReadMemory(data, (int)len, base_url, NULL,
	                  XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_RECOVER |
	                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc)
		return rv_fail(err, RV_EINPUT, "not well-formed XML");
	xmlNode *root = xmlDocGetRootElement(doc);
	char *title = channel_title(root, 0);
	struct walk w = {title, base_url, fn, ctx, 0, false, RV_OK, RV_FEED_UNKNOWN};
	rv_feed_kind k = RV_FEED_UNKNOWN;
	if (is(root, "rss") || is(root, "rdf")) {
		k = w.kind = RV_FEED_RSS;
		walk_items(&w, root, "item", 0);
	} else if (is(root, "feed")) {
		k = w.kind = RV_FEED_ATOM;
		w.atom = true;
		walk_items(&w, root, "entry", 0);
	} else if (is(root, "urlset")) {
		k = w.kind = RV_FEED_SITEMAP;
		walk_items(&w, root, "url", 0);
	} else if (is(root, "sitemapindex")) {
		k = w.kind = RV_FEED_SITEMAP_INDEX;
		walk_items(&w, root, "sitemap", 0);
	}
	xmlFreeDoc(doc);
	free(title);
	if (kind)
		*kind = k;
	if (k == RV_FEED_UNKNOWN)
		return rv_fail(err, RV_EINPUT, "not an RSS, Atom or sitemap document");
	return w.rc;
}

/* ---- HTML fragments to text ------------------------------------------ */

static bool is_block(const char *name)
{
	static const char *const blocks[] = {
	    "p",  "div",   "br",         "li",         "h1",      "h2",      "h3",  "h4",
	    "h5", "h6",    "blockquote", "tr",         "section", "article", "pre", "ul",
	    "ol", "table", "figure",     "figcaption", "hr",      NULL};
	for (size_t i = 0; blocks[i]; i++)
		if (!strcasecmp(name, blocks[i]))
			return true;
	return false;
}

static void gather(xmlNode *n, rv_buf *b)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			rv_buf_puts(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)c->name;
			if (!strcasecmp(name, "script") || !strcasecmp(name, "style"))
				continue;
			bool block = is_block(name);
			if (block)
				rv_buf_puts(b, "\n\n");
			gather(c->children, b);
			if (block)
				rv_buf_puts(b, "\n\n");
		}
	}
}

char *rv_feed_html_text(const char *html, size_t len)
{
	if (len > (size_t)INT32_MAX)
		return NULL;
	htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	if (!doc)
		return NULL;
	rv_buf b;
	rv_buf_init(&b, len * 2 + 64);
	gather(xmlDocGetRootElement(doc), &b);
	xmlFreeDoc(doc);
	/* Tidy: squeeze spaces within paragraphs, one blank line between them. */
	char *raw = rv_buf_detach(&b);
	rv_buf out;
	rv_buf_init(&out, strlen(raw) + 1);
	char *save = NULL;
	for (char *para = strtok_r(raw, "\n", &save); para; para = strtok_r(NULL, "\n", &save)) {
		rv_str_squeeze(para);
		if (!*para)
			continue;
		if (out.len)
			rv_buf_puts(&out, "\n\n");
		rv_buf_puts(&out, para);
	}
	free(raw);
	return rv_buf_detach(&out);
}

/* ---- discovery -------------------------------------------------------- */

static void find_links(xmlNode *n, const char *base, rv_strlist *out, int depth)
{
	for (xmlNode *c = n; c && depth < 64; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcasecmp((const char *)c->name, "link")) {
			xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
			xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
			xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
			if (rel && type && href && strcasestr((const char *)rel, "alternate") &&
			    (strcasestr((const char *)type, "rss+xml") ||
			     strcasestr((const char *)type, "atom+xml") ||
			     strcasestr((const char *)type, "rdf+xml"))) {
				char *abs = rv_url_resolve(base, (const char *)href);
				if (abs) {
					rv_strlist_push_unique(out, abs, false);
					free(abs);
				}
			}
			xmlFree(rel);
			xmlFree(type);
			xmlFree(href);
		}
		if (strcasecmp((const char *)c->name, "body"))
			find_links(c->children, base, out, depth + 1);
	}
}

int rv_feed_discover(const char *html, size_t len, const char *base_url, rv_strlist *out,
                     rv_error *err)
{
	if (len > (size_t)INT32_MAX)
		return rv_fail(err, RV_EINPUT, "page too large");
	htmlDocPtr doc = htmlReadMemory(html, (int)len, base_url, NULL,
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	if (!doc)
		return rv_fail(err, RV_EINPUT, "not HTML");
	find_links(xmlDocGetRootElement(doc), base_url, out, 0);
	xmlFreeDoc(doc);
	return RV_OK;
}

/* ---- the ingest reader: a feed file's items as articles --------------- */

struct ingest_walk {
	const char *name;
	const rv_ingest_opts *opts;
};

static int ingest_item(const rv_feed_item *it, size_t index, void *vctx)
{
	struct ingest_walk *iw = vctx;
	char ref[4096];
	snprintf(ref, sizeof ref, "%s#%zu", iw->name, index);
	char *text = NULL;
	if (it->body)
		text = it->body_html ? rv_feed_html_text(it->body, strlen(it->body))
		                     : rv_strdup(it->body);
	if ((!text || !*text) && !(it->title && *it->title)) {
		free(text);
		if (iw->opts->on_reject)
			iw->opts->on_reject(ref, "feed item without title or text", iw->opts->ctx);
		return RV_OK;
	}
	rv_record rec = {0};
	rec.data = text ? text : "";
	rec.len = text ? strlen(text) : 0;
	rec.format = RV_FORMAT_TEXT;
	rec.plain = true;
	rec.ref = ref;
	rec.url = it->link;
	rec.title = it->title;
	rec.source = it->feed_title;
	rec.authors = it->authors;
	rec.tags = it->categories;
	rec.published = it->published ? it->published : it->updated;
	int rc = iw->opts->on_record(&rec, iw->opts->ctx);
	free(text);
	return rc;
}

int rv_read_feed(const char *name, const char *data, size_t len, const rv_ingest_opts *opts,
                 rv_error *err)
{
	if (len > RV_INGEST_MAX_FILE) {
		if (opts->on_reject)
			opts->on_reject(name, "feed larger than 64 MB", opts->ctx);
		return RV_OK;
	}
	struct ingest_walk iw = {name, opts};
	rv_error perr;
	rv_error_clear(&perr);
	int rc = rv_feed_parse(data, len, NULL, NULL, ingest_item, &iw, &perr);
	if (rc == RV_EINPUT) {
		if (opts->on_reject)
			opts->on_reject(name, perr.msg, opts->ctx);
		return RV_OK;
	}
	if (rc && err)
		*err = perr;
	return rc;
}
