/* html_meta.c - an HTML page's metadata, each field from the strongest
 * evidence the page gives.
 *
 * Every source offers candidates with a priority (lower is stronger):
 * JSON-LD (schema.org Article types, @graph, arrays), then the meta tags
 * (Dublin Core before OpenGraph before Twitter, as Readability does), then
 * microdata, <time datetime>, the URL, and last the text of elements whose
 * class says "date" or "byline", and the body. Dates after the crawl time
 * (or now) are refused; a date found only in running text is marked as
 * inferred.
 */
#include "extract/html_int.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/error.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_JSONLD ((size_t)1 << 20)

void rv__meta_init(rv__meta *m, const rv_record *rec)
{
	memset(m, 0, sizeof *m);
	rv_strlist_init(&m->tags);
	rv_buf_init(&m->vis, 1u << 19);
	bool have = false;
	if (rec && rec->fetched_at)
		have = rv_date_parse(rec->fetched_at, &m->limit);
	if (!have)
		rv_date_from_epoch((int64_t)time(NULL), &m->limit);
}

static void slot_release(rv__slot *s)
{
	free(s->val);
	s->val = NULL;
}

void rv__meta_release(rv__meta *m)
{
	rv__slot *all[] = { &m->jname, &m->jheadline, &m->title, &m->html_title, &m->h1, &m->site, &m->desc,
			    &m->image, &m->canon, &m->lang, &m->published, &m->modified,
			    &m->author, &m->author_org };
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) /* NOLINT(bugprone-sizeof-expression): an array of pointers */
		slot_release(all[i]);
	rv_strlist_release(&m->tags);
	rv_buf_release(&m->vis);
	free(m->vis_lower);
}

/* Keep val when it is stronger than what the slot holds. */
static void offer(rv__slot *s, const char *val, int prio, const char *source)
{
	if (!val || (s->val && s->prio <= prio))
		return;
	char *c = rv__clean(val, strlen(val));
	if (!c)
		return;
	free(s->val);
	s->val = c;
	s->prio = prio;
	s->source = source;
}

static bool date_ok(const rv__meta *m, const rv_date *d)
{
	/* a day of slack for time zones */
	return d->year >= 1990 && rv_date_days(d) <= rv_date_days(&m->limit) + 1;
}

static void offer_date(rv__meta *m, rv__slot *s, const char *val, int prio, const char *source)
{
	rv_date d;
	if (!val || (s->val && s->prio <= prio))
		return;
	if (!rv_date_parse(val, &d) || !date_ok(m, &d))
		return;
	char iso[RV_DATE_ISO_MAX];
	rv_date_format(&d, iso);
	offer(s, iso, prio, source);
}

static void add_tags(rv__meta *m, const char *val)
{
	if (!val || m->tags.len >= 40)
		return;
	char *c = rv__clean(val, strlen(val));
	if (!c)
		return;
	char *save = NULL;
	for (char *t = strtok_r(c, ",;|", &save); t && m->tags.len < 40;
	     t = strtok_r(NULL, ",;|", &save)) {
		rv_str_squeeze(t);
		if (*t && strlen(t) < 80)
			rv_strlist_push_unique(&m->tags, t, true);
	}
	free(c);
}

static void split_authors(const char *raw, rv_strlist *out);
static void drop_leading(char *s, const char *const *prefixes);
static bool org_author_ok(const char *s);
static bool is_org(const char *s);
static size_t words(const char *s);

/* An author value counts only when a name comes out of it: a login
 * ("CC7567") or a label must not hide a weaker source that names the
 * person. A value that names no person but an organisation ("BBC News")
 * is kept apart, as the answer of last resort. Repeated tags of one kind
 * (two <meta name="DC.creator">, one per author) add up. */
static void offer_author(rv__meta *m, const char *val, int prio, const char *source)
{
	if (!val || !*val)
		return;
	rv_strlist t;
	rv_strlist_init(&t);
	split_authors(val, &t);
	if (t.len) {
		if (m->author.val && m->author.prio == prio && !strcmp(source, "meta") &&
		    !strcmp(m->author.source, "meta")) {
			rv_buf b;
			rv_buf_init(&b, 4096);
			if (rv_buf_puts(&b, m->author.val) == RV_OK && rv_buf_puts(&b, "; ") == RV_OK &&
			    rv_buf_puts(&b, val) == RV_OK) {
				char *c = rv__clean(rv_buf_str(&b), b.len);
				if (c)
					rv_str_take(&m->author.val, c);
			}
			rv_buf_release(&b);
		} else {
			offer(&m->author, val, prio, source);
		}
	} else if (org_author_ok(val)) {
		offer(&m->author_org, val, prio, source);
	}
	rv_strlist_release(&t);
}

/* ---------------------------------------------------------------- JSON-LD */

static bool type_is(json_t *o, const char *const *types)
{
	json_t *t = json_object_get(o, "@type");
	if (json_is_string(t)) {
		for (const char *const *k = types; *k; k++)
			if (!strcmp(json_string_value(t), *k))
				return true;
	} else if (json_is_array(t)) {
		size_t i;
		json_t *v;
		json_array_foreach(t, i, v)
		{
			for (const char *const *k = types; *k; k++)
				if (json_is_string(v) && !strcmp(json_string_value(v), *k))
					return true;
		}
	}
	return false;
}

static const char *const article_types[] = {
	"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
	"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
	"LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
	"Blog", "Review", "Recipe", "VideoObject", "Posting", NULL
};
static const char *const page_types[] = { "WebPage", "ItemPage", "AboutPage", NULL };
static const char *const org_types[] = { "Organization", "NewsMediaOrganization",
					  "Corporation", "WebSite", "Brand", NULL };

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_array(v) && json_is_string(json_array_get(v, 0)))
		return json_string_value(json_array_get(v, 0));
	return NULL;
}

static void jsonld_authors(rv__meta *m, json_t *v, rv_buf *names, rv_buf *orgs, int depth)
{
	if (!v || depth > 4)
		return;
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (strncmp(s, "http", 4)) {
			if (names->len)
				rv_buf_puts(names, ", ");
			rv_buf_puts(names, s);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			jsonld_authors(m, e, names, orgs, depth + 1);
	} else if (json_is_object(v) && type_is(v, org_types)) {
		const char *n = jstr(v, "name");
		if (n && strncmp(n, "http", 4) && !orgs->len)
			rv_buf_puts(orgs, n);
	} else if (json_is_object(v)) {
		const char *n = jstr(v, "name");
		if (n && strncmp(n, "http", 4)) {
			if (names->len)
				rv_buf_puts(names, ", ");
			rv_buf_puts(names, n);
		}
	}
}

static void jsonld_article(rv__meta *m, json_t *o, int base)
{
	/* headline or name: settled against <title> at the end */
	offer(&m->jheadline, jstr(o, "headline"), base, "jsonld");
	offer(&m->jname, jstr(o, "name"), base, "jsonld");
	offer_date(m, &m->published, jstr(o, "datePublished"), base, "jsonld");
	offer_date(m, &m->published, jstr(o, "dateCreated"), base + 2, "jsonld");
	offer_date(m, &m->modified, jstr(o, "dateModified"), base, "jsonld");
	offer(&m->desc, jstr(o, "description"), base, "jsonld");
	rv_buf names, orgs;
	rv_buf_init(&names, 4096);
	rv_buf_init(&orgs, 512);
	jsonld_authors(m, json_object_get(o, "author"), &names, &orgs, 0);
	offer_author(m, rv_buf_str(&names), base, "jsonld");
	rv_buf_reset(&names);
	jsonld_authors(m, json_object_get(o, "creator"), &names, &orgs, 0);
	offer_author(m, rv_buf_str(&names), base + 1, "jsonld");
	if (orgs.len && org_author_ok(rv_buf_str(&orgs)))
		offer(&m->author_org, rv_buf_str(&orgs), base, "jsonld");
	rv_buf_release(&names);
	rv_buf_release(&orgs);
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	if (json_is_object(pub))
		offer(&m->site, jstr(pub, "name"), base + 10, "jsonld");
	json_t *img = json_object_get(o, "image");
	if (json_is_array(img))
		img = json_array_get(img, 0);
	if (json_is_string(img))
		offer(&m->image, json_string_value(img), 30, "jsonld");
	else if (json_is_object(img))
		offer(&m->image, jstr(img, "url"), 30, "jsonld");
	const char *u = jstr(o, "url");
	if (u && !strncmp(u, "http", 4))
		offer(&m->canon, u, 30, "jsonld");
	json_t *lang = json_object_get(o, "inLanguage");
	if (json_is_string(lang))
		offer(&m->lang, json_string_value(lang), 20, "jsonld");
	json_t *kw = json_object_get(o, "keywords");
	if (json_is_string(kw))
		add_tags(m, json_string_value(kw));
	else if (json_is_array(kw)) {
		size_t i;
		json_t *e;
		json_array_foreach(kw, i, e)
			if (json_is_string(e))
				add_tags(m, json_string_value(e));
	}
}

static void jsonld_walk(rv__meta *m, json_t *v, int depth)
{
	if (depth > 6 || !v)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			if (i > 64)
				break;
			jsonld_walk(m, e, depth + 1);
		}
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *g = json_object_get(v, "@graph");
	if (g)
		jsonld_walk(m, g, depth + 1);
	if (type_is(v, article_types)) {
		jsonld_article(m, v, 10);
	} else if (type_is(v, page_types)) {
		jsonld_article(m, v, 25);
		json_t *me = json_object_get(v, "mainEntity");
		if (json_is_object(me))
			jsonld_walk(m, me, depth + 1);
	} else if (type_is(v, org_types) && depth <= 1) {
		if (type_is(v, (const char *const[]){ "WebSite", NULL }))
			offer(&m->site, jstr(v, "name"), 14, "jsonld");
		else
			offer(&m->site, jstr(v, "name"), 16, "jsonld");
	}
}

static void jsonld(rv__meta *m, const char *s)
{
	size_t n = strlen(s);
	if (n > MAX_JSONLD)
		return;
	/* CDATA and comment wrappers around the JSON; the wrapper words are
	 * cut whole so that a JSON array's own '[' survives */
	for (;;) {
		while (n && isspace((unsigned char)*s))
			s++, n--;
		static const char *const wraps[] = { "<![CDATA[", "//<![CDATA[", "<!--", "//", NULL };
		const char *const *w = wraps;
		for (; *w; w++)
			if (!strncmp(s, *w, strlen(*w)))
				break;
		if (!*w)
			break;
		s += strlen(*w);
		n -= strlen(*w);
	}
	json_error_t je;
	json_t *v = json_loadb(s, n, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &je);
	if (!v)
		return;
	jsonld_walk(m, v, 0);
	json_decref(v);
}

/* ----------------------------------------------------------- meta tags */

struct meta_rule {
	const char *key;
	int field; /* index below */
	int prio;
};

enum { M_TITLE, M_AUTHOR, M_DESC, M_SITE, M_PUB, M_MOD, M_TAGS, M_IMAGE, M_URL, M_LANG };

/* Keys are lower-case with '.' read as ':' (DC.title = dc:title). */
static const struct meta_rule meta_rules[] = {
	{ "dc:title", M_TITLE, 12 }, { "dcterm:title", M_TITLE, 13 },
	{ "dcterms:title", M_TITLE, 13 }, { "og:title", M_TITLE, 14 },
	{ "title", M_TITLE, 16 }, { "twitter:title", M_TITLE, 17 },
	{ "parsely-title", M_TITLE, 18 }, { "parsely-pub-date", M_PUB, 23 },
	{ "dc:creator", M_AUTHOR, 12 }, { "dcterm:creator", M_AUTHOR, 13 },
	{ "dcterms:creator", M_AUTHOR, 13 }, { "author", M_AUTHOR, 14 },
	{ "parsely-author", M_AUTHOR, 15 }, { "article:author", M_AUTHOR, 16 },
	/* not a standard property, and often the outlet: below the page's
	 * own byline elements */
	{ "og:article:author", M_AUTHOR, 61 },
	{ "sailthru:author", M_AUTHOR, 17 }, { "byl", M_AUTHOR, 17 },
	{ "citation_author", M_AUTHOR, 17 },
	{ "dc:description", M_DESC, 12 }, { "dcterm:description", M_DESC, 13 },
	{ "og:description", M_DESC, 14 }, { "description", M_DESC, 15 },
	{ "twitter:description", M_DESC, 16 },
	{ "og:site_name", M_SITE, 10 }, { "application-name", M_SITE, 20 },
	{ "article:published_time", M_PUB, 20 }, { "og:published_time", M_PUB, 21 },
	{ "og:article:published_time", M_PUB, 21 }, { "article:published", M_PUB, 21 },
	{ "datepublished", M_PUB, 22 }, { "dc:date:issued", M_PUB, 22 },
	{ "dcterms:issued", M_PUB, 22 }, { "dcterms:created", M_PUB, 23 },
	{ "dc:date:created", M_PUB, 23 }, { "dc:date", M_PUB, 23 }, { "dcterms:date", M_PUB, 23 },
	{ "pubdate", M_PUB, 23 }, { "publishdate", M_PUB, 23 }, { "publish-date", M_PUB, 23 },
	{ "publish_date", M_PUB, 23 }, { "publication_date", M_PUB, 23 },
	{ "publication-date", M_PUB, 23 }, { "sailthru:date", M_PUB, 24 },
	{ "parsely-pub-date", M_PUB, 23 }, { "citation_publication_date", M_PUB, 23 },
	{ "citation_date", M_PUB, 24 }, { "originalpublicationdate", M_PUB, 22 },
	{ "date", M_PUB, 24 }, { "created", M_PUB, 25 }, { "article:post_date", M_PUB, 23 },
	{ "article_date_original", M_PUB, 22 }, { "datecreated", M_PUB, 24 },
	{ "release_date", M_PUB, 24 }, { "og:pubdate", M_PUB, 22 }, { "date_published", M_PUB, 22 },
	{ "dc:date:published", M_PUB, 22 }, { "firstpublisheddate", M_PUB, 22 },
	{ "article:modified_time", M_MOD, 20 }, { "og:updated_time", M_MOD, 21 },
	{ "dateModified", M_MOD, 22 }, { "datemodified", M_MOD, 22 }, { "dateupdate", M_MOD, 22 },
	{ "dcterms:modified", M_MOD, 22 }, { "dc:date:modified", M_MOD, 22 },
	{ "last-modified", M_MOD, 23 }, { "lastmod", M_MOD, 23 }, { "article:modified", M_MOD, 22 },
	{ "article:tag", M_TAGS, 0 }, { "keywords", M_TAGS, 0 }, { "news_keywords", M_TAGS, 0 },
	{ "parsely-tags", M_TAGS, 0 }, { "article:section", M_TAGS, 0 },
	{ "og:image", M_IMAGE, 10 }, { "og:image:url", M_IMAGE, 10 },
	{ "twitter:image", M_IMAGE, 20 }, { "twitter:image:src", M_IMAGE, 20 },
	{ "og:url", M_URL, 20 }, { "content-language", M_LANG, 20 }, { "og:locale", M_LANG, 30 },
	{ "dc:language", M_LANG, 25 },
};

/* Library and scholarly metadata write one author per tag as "Surname,
 * Given" ("Jong, Michiel de", "Kooman, F."): read as "Given Surname", and
 * not as two authors. Only when the part before the comma is one word and
 * the part after one to three words; "Jane Doe, John Smith" is a list. */
static char *surname_first(const char *v)
{
	const char *c = strchr(v, ',');
	if (!c || strchr(c + 1, ',') || strchr(v, ';'))
		return NULL;
	char *last = rv__clean(v, (size_t)(c - v));
	char *given = rv__clean(c + 1, strlen(c + 1));
	char *out = NULL;
	if (last && given && words(last) == 1 && words(given) <= 3 &&
	    (rv_cp_is_upper((int32_t)(unsigned char)last[0]) || (unsigned char)last[0] >= 0x80) &&
	    (rv_cp_is_upper((int32_t)(unsigned char)given[0]) || (unsigned char)given[0] >= 0x80) &&
	    !is_org(last) && !is_org(given) && !strpbrk(v, "0123456789@&")) {
		size_t n = strlen(last) + strlen(given) + 2;
		out = malloc(n);
		if (out)
			snprintf(out, n, "%s %s", given, last);
	}
	free(last);
	free(given);
	return out;
}

static void meta_value(rv__meta *m, const char *key, const char *val, int bump)
{
	char k[64];
	size_t n = 0;
	for (const char *p = key; *p && n + 1 < sizeof k; p++)
		k[n++] = *p == '.' ? ':' : (char)tolower((unsigned char)*p);
	k[n] = '\0';
	for (size_t i = 0; i < sizeof meta_rules / sizeof *meta_rules; i++) {
		const struct meta_rule *r = &meta_rules[i];
		if (k[0] != r->key[0] || strcmp(k, r->key))
			continue;
		switch (r->field) {
		case M_TITLE: offer(&m->title, val, r->prio + bump, "meta"); break;
		case M_AUTHOR:
			if (strncmp(val, "http", 4) && !strchr(val, '@')) {
				char *inv = surname_first(val);
				offer_author(m, inv ? inv : val, r->prio + bump, "meta");
				free(inv);
			}
			break;
		case M_DESC: offer(&m->desc, val, r->prio, "meta"); break;
		case M_SITE: offer(&m->site, val, r->prio, "meta"); break;
		case M_PUB: offer_date(m, &m->published, val, r->prio, "meta"); break;
		case M_MOD: offer_date(m, &m->modified, val, r->prio, "meta"); break;
		case M_TAGS:
			if (strcmp(k, "article:section"))
				add_tags(m, val);
			break;
		case M_IMAGE: offer(&m->image, val, r->prio, "meta"); break;
		case M_URL:
			if (!strncmp(val, "http", 4))
				offer(&m->canon, val, r->prio, "meta");
			break;
		case M_LANG: offer(&m->lang, val, r->prio, "meta"); break;
		}
		return;
	}
}


static void lower_copy(const char *s, char *out, size_t sz)
{
	size_t k = 0;
	for (; s && *s && k + 1 < sz; s++)
		out[k++] = (char)tolower((unsigned char)*s);
	out[k] = '\0';
}

void rv__meta_element(rv__meta *m, xmlNode *n, unsigned hints)
{
	const char *t = (const char *)n->name;
	/* most elements carry nothing for us */
	if (!n->properties && t[0] != 't' && t[0] != 'h')
		return;
	if (!strcmp(t, "html")) {
		offer(&m->lang, rv__attr(n, "lang"), 10, "html");
		offer(&m->lang, rv__attr(n, "xml:lang"), 11, "html");
		return;
	}
	if (!strcmp(t, "meta")) {
		const char *val = rv__attr(n, "content");
		if (!val)
			return;
		const char *keys[] = { rv__attr(n, "property"), rv__attr(n, "name"),
				       rv__attr(n, "itemprop"), rv__attr(n, "http-equiv") };
		for (int i = 0; i < 4; i++) {
			if (!keys[i])
				continue;
			/* property="og:title twitter:title" lists several */
			char buf[128];
			lower_copy(keys[i], buf, sizeof buf);
			char *save = NULL;
			for (char *k = strtok_r(buf, " ", &save); k; k = strtok_r(NULL, " ", &save))
				meta_value(m, k, val, i == 1);
		}
		return;
	}
	if (!strcmp(t, "title")) {
		if (!m->html_title.val && n->children && n->children->content) {
			char *s = rv__text(n, 4096);
			offer(&m->html_title, s, 1, "title");
			free(s);
		}
		return;
	}
	if (!strcmp(t, "link")) {
		const char *rel = rv__attr(n, "rel"), *href = rv__attr(n, "href");
		if (rel && href && !strcasecmp(rel, "canonical") && !strncmp(href, "http", 4))
			offer(&m->canon, href, 10, "link");
		return;
	}
	if (!strcmp(t, "script")) {
		const char *ty = rv__attr(n, "type");
		if (ty && strstr(ty, "ld+json") && n->children && n->children->content)
			jsonld(m, (const char *)n->children->content);
		return;
	}
	if ((!strcmp(t, "h1") || !strcmp(t, "h2")) && m->html_title.val && !m->heading_is_title) {
		char *s = rv__text(n, 4096);
		if (s) {
			rv_str_squeeze(s);
			m->heading_is_title = !strcmp(s, m->html_title.val);
		}
		free(s);
	}
	if (!strcmp(t, "h1"))
		m->n_h1++;
	if (!strcmp(t, "h1") && (!m->h1.val || (m->in_article && m->h1.prio > 1))) {
		char *s = rv__text(n, 4096);
		if (s && strlen(s) < 400) {
			offer(&m->h1, s, m->in_article ? 1 : 2, "h1");
			m->h1_node = n;
		}
		free(s);
	}
	if (!strcmp(t, "time") && m->n_time_el < RV__MAX_HINTS) {
		m->time_in_article[m->n_time_el] = m->in_article;
		m->time_el[m->n_time_el++] = n;
		return;
	}
	/* one look at the attributes before asking for each */
	bool any = false, titled = false;
	for (const xmlAttr *at = n->properties; at && !any; at = at->next) {
		const char *an = (const char *)at->name;
		any = an && ((an[0] == 'i' && !strcmp(an, "itemprop")) ||
			     (an[0] == 'p' && !strcmp(an, "property")) ||
			     (an[0] == 'r' && !strcmp(an, "rel")));
		titled |= an && an[0] == 't' && !strcmp(an, "title");
	}
	/* hAtom's <abbr class="updated" title="2013-04-04T18:52:11+00:00">:
	 * the last change, in machine form */
	if (titled && !m->modified.val) {
		const char *cl = rv__attr(n, "class");
		if (cl && strstr(cl, "updated"))
			offer_date(m, &m->modified, rv__attr(n, "title"), 33, "meta");
	}
	if (!any)
		goto hints;
	const char *ip = rv__attr(n, "itemprop");
	if (ip) {
		const char *v = rv__attr(n, "content");
		if (!v)
			v = rv__attr(n, "datetime");
		if (strstr(ip, "datePublished"))
			offer_date(m, &m->published, v, 22, "meta");
		else if (strstr(ip, "uploadDate") || strstr(ip, "dateCreated"))
			offer_date(m, &m->published, v, 24, "meta");
		else if (strstr(ip, "dateModified") || strstr(ip, "dateUpdate"))
			offer_date(m, &m->modified, v, 22, "meta");
		else if (strstr(ip, "author") || strstr(ip, "creator")) {
			if (m->n_author_hint < RV__MAX_HINTS)
				m->author_hint[m->n_author_hint++] = n;
			return;
		}
	}
	/* RDFa and the like: property="schema:dateCreated" content="..." */
	const char *prop = rv__attr(n, "property");
	if (prop && rv__attr(n, "content") && strcasestr(prop, "date"))
		offer_date(m, strcasestr(prop, "modif") ? &m->modified : &m->published,
			   rv__attr(n, "content"), 24, "meta");
	const char *rel = rv__attr(n, "rel");
	if (rel && !strcmp(t, "a") && strstr(rel, "author")) {
		if (m->n_author_hint < RV__MAX_HINTS)
			m->author_hint[m->n_author_hint++] = n;
		return;
	}
hints:
	if ((hints & RV__HINT_AUTHOR) && m->n_author_hint < RV__MAX_HINTS)
		m->author_hint[m->n_author_hint++] = n;
	if ((hints & RV__HINT_DATE) && m->n_date_hint < RV__MAX_HINTS)
		m->date_hint[m->n_date_hint++] = n;
}

/* ------------------------------------------------------------- titles */

static bool fold_eq(const char *a, const char *b)
{
	char *fa = rv_utf8_fold(a), *fb = rv_utf8_fold(b);
	bool eq = fa && fb && !strcmp(fa, fb);
	free(fa);
	free(fb);
	return eq;
}

static size_t words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; *s; s++) {
		if (*s == ' ')
			in = false;
		else if (!in) {
			in = true;
			n++;
		}
	}
	return n;
}

static size_t word_count(const char *s)
{
	/* split on runs of white space, as Readability counts */
	size_t n = 1;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p) && !isspace((unsigned char)p[1]) && p[1])
			n++;
	return n;
}

static bool is_tsep(char c)
{
	return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
}

/* " X " with X a separator (| - \ / > or the two bytes of »); returns its
 * length without the spaces, 0 when none starts at p. */
static size_t sep_at(const char *p)
{
	if (p[0] != ' ')
		return 0;
	if (is_tsep(p[1]) && p[2] == ' ')
		return 1;
	if ((unsigned char)p[1] == 0xC2 && (unsigned char)p[2] == 0xBB && p[3] == ' ')
		return 2;
	/* en and em dash */
	if ((unsigned char)p[1] == 0xE2 && (unsigned char)p[2] == 0x80 &&
	    ((unsigned char)p[3] == 0x93 || (unsigned char)p[3] == 0x94) && p[4] == ' ')
		return 3;
	return 0;
}

/* The document title as Readability.js reads <title> (the gold of the
 * metadata set and the common reference): cut the part after the last
 * " | ", " - ", " / ", " > ", " » " (a site or section label), or before a
 * ": " (a category) unless a heading repeats the title; keep the whole when
 * the cut leaves four words or fewer, as such a short rest is seldom the
 * headline itself. */
static char *title_from_tag(const rv__meta *m, const char *orig)
{
	char *cur = rv_strdup(orig);
	if (!cur)
		return NULL;
	bool hier = false;
	const char *last = NULL, *first = NULL;
	for (const char *p = orig; *p; p++) {
		size_t k = sep_at(p);
		if (!k)
			continue;
		if (!first)
			first = p;
		last = p;
		if (k == 1 && p[1] != '|' && p[1] != '-')
			hier = true;
		if (k == 2)
			hier = true;
	}
	if (last) {
		cur[last - orig] = '\0';
		if (word_count(cur) < 3)
			rv_str_set(&cur, first + 1 + sep_at(first));
	} else if (strstr(orig, ": ")) {
		if (!m->heading_is_title) {
			const char *lc = strrchr(orig, ':');
			rv_str_set(&cur, lc + 1);
			if (word_count(cur) < 3) {
				rv_str_set(&cur, strchr(orig, ':') + 1);
			} else {
				char *head = rv_strdup(orig);
				if (head) {
					*strchr(head, ':') = '\0';
					if (word_count(head) > 5)
						rv_str_set(&cur, orig);
					free(head);
				}
			}
		}
	} else if ((strlen(orig) > 150 || strlen(orig) < 15) && m->n_h1 == 1 && m->h1.val) {
		rv_str_set(&cur, m->h1.val);
	}
	if (!cur)
		return NULL;
	rv_str_squeeze(cur);
	size_t wc = word_count(cur);
	if (wc <= 4) {
		/* words of the original with the separators taken out */
		char *bare = rv_strdup(orig);
		size_t k = 0;
		if (bare) {
			for (const char *p = orig; *p; p++) {
				if (is_tsep(*p))
					continue;
				if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xBB) {
					p++;
					continue;
				}
				if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
				    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)) {
					p += 2;
					continue;
				}
				bare[k++] = *p;
			}
			bare[k] = '\0';
		}
		if (!hier || !bare || wc != word_count(bare) - 1)
			rv_str_set(&cur, orig);
		free(bare);
	}
	return cur;
}

/* Share of b's word characters that a also has (Readability's
 * _textSimilarity): tokens are runs of letters and digits, case folded. */
static double similarity(const char *a, const char *b)
{
	char *fa = rv_utf8_fold(a), *fb = rv_utf8_fold(b);
	double sim = 0;
	if (fa && fb) {
		size_t all = 0, uniq = 0, nb = 0;
		for (const char *p = fb; *p;) {
			while (*p && !(isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
				p++;
			const char *st = p;
			while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
				p++;
			size_t len = (size_t)(p - st);
			if (!len)
				break;
			all += len + (nb++ ? 1 : 0);
			bool found = false;
			for (const char *q = fa; *q && !found;) {
				while (*q && !(isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80))
					q++;
				const char *qs = q;
				while (*q && (isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80))
					q++;
				found = (size_t)(q - qs) == len && !memcmp(qs, st, len);
			}
			if (!found)
				uniq += len + 1;
		}
		if (all)
			sim = 1.0 - (double)(uniq ? uniq - 1 : 0) / (double)all;
	}
	free(fa);
	free(fb);
	return sim;
}

/* No outlet declared: "<title>Headline - Le Courrier de l'Est</title>" names
 * it after the headline, when the part before the separator is the title. */
static void site_from_title_tag(const char *tag, rv_article *a)
{
	static const char *const seps[] = { " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL };
	const char *best = NULL;
	size_t sep_len = 0;
	for (const char *const *s = seps; *s; s++)
		for (const char *p = strstr(tag, *s); p; p = strstr(p + 1, *s))
			if (p > best) {
				best = p;
				sep_len = strlen(*s);
			}
	if (!best)
		return;
	const char *site = best + sep_len;
	size_t words = 1;
	for (const char *p = site; *p; p++)
		words += *p == ' ';
	const char *c = site;
	if (!*site || words > 5 || !rv_cp_is_upper(rv_utf8_next(&c, site + strlen(site))))
		return;
	char *head = rv_strndup(tag, (size_t)(best - tag));
	if (head && similarity(head, a->title) > 0.75 && !strstr(a->title, site))
		rv_str_set(&a->source, site);
	free(head);
}

/* ------------------------------------------------------------ authors */

static bool is_org(const char *s)
{
	static const char *const orgs[] = {
		"staff", "redaktion", "rédaction", "redaccion", "redacción", "redazione",
		"agence", "agency", "agencies", "afp", "reuters", "dpa", "associated press",
		"ap ", "newsroom", "editor", "editorial", "team", "desk", "press", "news",
		"media", "zeitung", "online", "admin", "webmaster", "gmbh", "ltd", "inc",
		"group", "magazin", "journal", ".com", ".de", ".fr", "http",
		"organization", "organisation", "foundation", "institute", "association",
		"university", "contributors", "company", "corporation", "ministry", "edition",
		/* labels that are no names */
		"updated", "published", "aktualisiert", "veroffentlicht", "mis a jour", "control",
		"follow", "sign in", NULL
	};
	char *f = rv_utf8_fold(s);
	if (!f)
		return false;
	bool org = false;
	size_t n = strlen(f);
	char padded[512];
	snprintf(padded, sizeof padded, " %s ", f);
	for (const char *const *o = orgs; *o && !org; o++) {
		const char *hit = strstr(padded, *o);
		if (!hit)
			continue;
		size_t ol = strlen(*o);
		if ((*o)[ol - 1] == ' ')
			ol--;
		/* whole words only for the short ones */
		if (ol <= 4 && (isalnum((unsigned char)hit[-1]) || isalnum((unsigned char)hit[ol])))
			continue;
		org = true;
	}
	(void)n;
	free(f);
	return org;
}

/* Words that label a role or a page function, never who wrote: even as a
 * last resort they are no author. */
static bool generic_author(const char *f)
{
	static const char *const labels[] = { "staff", "redaktion", "rédaction", "newsroom",
					      "editor", "team", "desk", "admin", "webmaster",
					      "updated", "published", "aktualisiert", "follow",
					      "sign in", "anonym", "guest", "unknown", "user",
					      "control", "agencies", "writer", "correspondent",
					      "reporter", "columnist", "redacci", "redazione", "cortes",
					      "courtesy", "verifiz", NULL };
	for (const char *const *l = labels; *l; l++)
		if (strstr(f, *l))
			return true;
	return false;
}

/* An organisation named as the author ("BBC News", "Contributors to
 * Wikimedia projects"): a short name, no login, address, date or label. */
static bool org_author_ok(const char *s)
{
	if (!s || strlen(s) < 2 || strlen(s) > 80 || words(s) > 8 || strpbrk(s, "@0123456789<>{}[]|:") ||
	    strstr(s, "http") || strstr(s, "www."))
		return false;
	/* a name starts with a capital: "mcupdate" is a login */
	if ((unsigned char)s[0] < 0x80 && !isupper((unsigned char)s[0]))
		return false;
	char *f = rv_utf8_fold(s);
	bool ok = f && !generic_author(f);
	free(f);
	return ok;
}

/* The organisation of last resort, cleaned like a name but kept whole. */
static void push_org_author(rv_strlist *out, const char *raw)
{
	char *s = rv__clean(raw, strlen(raw));
	if (!s)
		return;
	/* only the byline words: an outlet may start with "De" or "From" */
	static const char *const prefixes[] = { "by ", "par ", "von ", "por ", NULL };
	drop_leading(s, prefixes);
	if (*s && org_author_ok(s))
		rv_strlist_push_unique(out, s, true);
	free(s);
}

/* Ends what is left of a name: punctuation and the bullets and dashes
 * that sit between a byline and its date ("James Akinaka • 8h"). */
static void trim_name_tail(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		while (n && (s[n - 1] == ' ' || strchr(".,;:-|/\\", s[n - 1])))
			s[--n] = '\0';
		/* U+2022 bullet, U+00B7 middle dot, U+2013/2014 dashes */
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0xA2 || (unsigned char)s[n - 1] == 0x93 ||
		     (unsigned char)s[n - 1] == 0x94)) {
			n -= 3;
			s[n] = '\0';
			continue;
		}
		if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xB7) {
			n -= 2;
			s[n] = '\0';
			continue;
		}
		break;
	}
}

/* Drop the leading words of s found in prefixes (lower case, with their
 * space), again while one leads. */
static void drop_leading(char *s, const char *const *prefixes)
{
	rv_str_squeeze(s);
	bool again = true;
	while (again) {
		again = false;
		for (const char *const *p = prefixes; *p; p++) {
			if (rv_str_istarts_with(s, *p)) {
				memmove(s, s + strlen(*p), strlen(s + strlen(*p)) + 1);
				rv_str_squeeze(s);
				again = true;
			}
		}
	}
}

static void push_author(rv_strlist *out, char *s)
{
	static const char *const prefixes[] = {
		"by ", "par ", "von ", "por ", "di ", "de ", "door ", "written by ", "posted by ",
		"texte: ", "text: ", "texte ", "autor: ", "autorin: ", "auteur: ", "author: ",
		"from ", "reporting by ", "story by ", "words by ", "und ", "and ", "et ", "avec ",
		"with ", "mit ", NULL
	};
	drop_leading(s, prefixes);
	/* "John Smith for Daily Mail", "Jane Doe, Reuters" */
	/* a name inside a longer byline: "Tech Industry by Jane Doe" */
	char low[256];
	lower_copy(s, low, sizeof low);
	const char *by = strstr(low, " by ");
	if (!by)
		by = strstr(low, " par ");
	if (!by) {
		/* "von" is also a particle: "Walter von Aachen", "Ursula von der
		 * Leyen" (one capitalised given name before it) keep it */
		by = strstr(low, " von ");
		if (by && by > low && memchr(low, ' ', (size_t)(by - low)) == NULL &&
		    rv_cp_is_upper((int32_t)(unsigned char)s[0])) {
			static const char *const lead[] = { "text", "bericht", "artikel", "beitrag",
							    "foto", "fotos", "interview", "kommentar",
							    "gastbeitrag", "video", "audio", "erstellt",
							    "eingestellt", "geschrieben", "verfasst",
							    "gepostet", "publiziert", "redigiert", NULL };
			bool is_lead = false;
			for (const char *const *l = lead; *l && !is_lead; l++)
				is_lead = strlen(*l) == (size_t)(by - low) && !strncmp(low, *l, strlen(*l));
			if (!is_lead)
				by = NULL;
		}
	}
	if (by && (size_t)(by - low) < strlen(s)) {
		size_t off = (size_t)(strchr(by + 1, ' ') - low) + 1;
		memmove(s, s + off, strlen(s + off) + 1);
	}
	/* a date or a count after the name ends it */
	rv_date dd;
	size_t dat;
	if (rv_date_find(s, &dd, &dat, NULL))
		s[dat] = '\0';
	for (char *p = s; *p; p++)
		if (isdigit((unsigned char)*p)) {
			*p = '\0';
			break;
		}
	/* drop URLs inside */
	char *h = strstr(s, "http");
	if (h)
		*h = '\0';
	static const char *const cuts[] = { " for ", " pour ", " für ", " | ", " / ", " - ",
					    " \xE2\x80\x93 ", "  ", NULL };
	for (const char *const *c = cuts; *c; c++) {
		char *p = strstr(s, *c);
		if (!p)
			continue;
		/* "Jane Doe for Daily Mail" ends at "for"; in "Organization for
		 * Transformative Works" no name stands before it */
		if (c - cuts < 3) {
			char keep = *p;
			*p = '\0';
			bool name_before = words(s) >= 2;
			*p = keep;
			if (!name_before)
				continue;
		}
		*p = '\0';
	}
	rv_str_squeeze(s);
	trim_name_tail(s);
	/* the word that led to a date cut above: "Moritz Gathmann am" */
	static const char *const tails[] = { " am", " on", " le", " el", " il", " um", " at",
					     " vom", " du", " den", NULL };
	for (const char *const *t = tails; *t; t++) {
		size_t sl = strlen(s), tl = strlen(*t);
		if (sl > tl && !strcasecmp(s + sl - tl, *t)) {
			s[sl - tl] = '\0';
			trim_name_tail(s);
		}
	}
	size_t n = strlen(s);
	if (n < 3 || n > 60 || words(s) > 5 || strpbrk(s, "@|*:#=<>[]{}") || is_org(s))
		return;
	/* a label left alone: "Von" over a missing name, "Stand" before a date */
	// NOLINTBEGIN(bugprone-suspicious-missing-comma): literals split before a \x escape
	static const char *const labels[] = { "von", "par", "por", "door", "from", "stand",
					      "autor", "author", "auteur", "text", "texte",
					      "foto", "fotos", "photo", "photos", "quelle",
					      "source", "credit", "credits", "update", "posted",
					      "published", "publiziert", "geschrieben", "written",
					      "ver\xc3\xb6" "ffentlicht", "publi\xc3\xa9", NULL };
	// NOLINTEND(bugprone-suspicious-missing-comma)
	for (const char *const *l = labels; *l; l++)
		if (!strcasecmp(s, *l))
			return;
	/* every word of a name is capitalised but its particles ("Michiel de
	 * Jong", "Ludwig van Beethoven"): "Please enter your name here" is a
	 * form's prompt */
	static const char *const particles[] = { "de", "da", "di", "du", "des", "del", "della",
						 "van", "von", "der", "den", "ter", "le", "la",
						 "y", "e", "al", "el", "bin", "ibn", "dos", "das",
						 "zu", "af", "mc", NULL };
	for (const char *w = s; *w;) {
		while (*w == ' ')
			w++;
		size_t wl = strcspn(w, " ");
		if (wl && islower((unsigned char)*w)) {
			bool part = false;
			for (const char *const *p = particles; *p && !part; p++)
				part = strlen(*p) == wl && !strncmp(w, *p, wl);
			if (!part)
				return;
		}
		w += wl;
	}
	if (!rv_cp_is_upper((int32_t)(unsigned char)s[0]) && (unsigned char)s[0] < 0x80)
		return;
	rv_strlist_push_unique(out, s, true);
}

static void split_authors(const char *raw, rv_strlist *out)
{
	char *s = rv_strdup(raw);
	if (!s)
		return;
	/* separators between names: , ; & and the words for "and" */
	/* a parenthesis holds another name or a handle: "Martin Untersinger
	 * (avec Damien Leloup)", "Jane Doe (jdoe)" */
	bool apart = false; /* the open parenthesis stood after a space */
	for (char *p = s; *p; p++) {
		if (*p == '(') {
			apart = p > s && p[-1] == ' ';
			*p = apart ? ',' : ' ';
		} else if (*p == ')') {
			*p = apart ? ',' : ' ';
		} else if (*p == '\n' || *p == '\t') {
			*p = ' ';
		}
	}
	/* "By Jane Doe March 25, 2015": the date ends the byline */
	rv_date dd;
	size_t dat;
	if (rv_date_find(s, &dd, &dat, NULL))
		s[dat] = '\0';
	/* Credits that are not authorship end the byline: "Written by Rob
	 * Ewaschuk Edited by Betsy Beyer", "Jane Doe Photos by Tom Ellis" */
	static const char *const credits[] = { "edited by", "editing by", "photos by",
					       "photo by", "photography by", "illustration by",
					       "illustrations by", "video by", "fotos:", "foto:",
					       "photos :", "photo :", "mit material von", NULL };
	for (const char *const *c = credits; *c; c++) {
		char *p = strcasestr(s, *c);
		if (p && (p == s || p[-1] == ' '))
			*p = '\0';
	}
	static const char *const ands[] = { " and ", " et ", " und ", " y ", " e ", " & ",
					    " avec ", " with ", " mit ", " con ", NULL };
	for (const char *const *a = ands; *a; a++) {
		char *from = s, *p;
		while ((p = strstr(from, *a))) {
			/* "Mac & i", "AT & T": a side too short to be a name
			 * means the "and" belongs to one name */
			size_t al = strlen(*a);
			const char *l = p;
			while (l > s && l[-1] != ',' && l[-1] != ';')
				l--;
			size_t right = strcspn(p + al, ",;");
			size_t left = (size_t)(p - l);
			while (left && *l == ' ')
				l++, left--;
			if ((left && left < 3) || (right && right < 3)) {
				from = p + al;
				continue;
			}
			*p = ',';
			memmove(p + 1, p + al, strlen(p + al) + 1);
			from = p + 1;
		}
	}
	char *save = NULL;
	for (char *t = strtok_r(s, ",;\n", &save); t && out->len < 10;
	     t = strtok_r(NULL, ",;\n", &save))
		push_author(out, t);
	free(s);
}

/* ---------------------------------------------------------- URL dates */

static bool url_date(const char *u, rv_date *d)
{
	if (!u)
		return false;
	const char *p = strstr(u, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	for (; p && *p; p++) {
		if (!isdigit((unsigned char)*p) || isdigit((unsigned char)p[-1]))
			continue;
		int y, mo, da;
		memset(d, 0, sizeof *d);
		/* /2022/01/24/ or 2022-01-24 or 2022_01_24 */
		if (sscanf(p, "%4d%*[/_-]%2d%*[/_-]%2d", &y, &mo, &da) == 3 && p[4] && !isdigit((unsigned char)p[4])) {
			d->year = y;
			d->month = mo;
			d->day = da;
			if (rv_date_check(d) && !isdigit((unsigned char)p[10]))
				return true;
		}
		/* 24-01-2022 or 24.01.2022 as a path segment's start
		 * (".../meldungen/29-10-2021", ".../23-01-2022-headline-words") */
		if ((p[-1] == '/' || p[-1] == '-' || p[-1] == '_') &&
		    sscanf(p, "%2d%*[._-]%2d%*[._-]%4d", &da, &mo, &y) == 3 && isdigit((unsigned char)p[1]) &&
		    strchr("._-", p[2]) && isdigit((unsigned char)p[4]) && p[5] == p[2] &&
		    isdigit((unsigned char)p[9]) && !isdigit((unsigned char)p[10])) {
			d->year = y;
			d->month = mo;
			d->day = da;
			if (rv_date_check(d) && d->year >= 1995)
				return true;
			memset(d, 0, sizeof *d);
		}
		/* 20220124 standing alone */
		size_t k = 0;
		while (isdigit((unsigned char)p[k]))
			k++;
		if (k == 8 && (p[0] == '1' || p[0] == '2')) {
			d->year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			d->month = (p[4] - '0') * 10 + (p[5] - '0');
			d->day = (p[6] - '0') * 10 + (p[7] - '0');
			if (rv_date_check(d) && d->year >= 1995)
				return true;
		}
	}
	return false;
}

/* ----------------------------------------------------------- finishing */

static void text_date(rv__meta *m, xmlNode *n, int prio, const char *source)
{
	if (m->published.val && m->published.prio <= prio)
		return;
	/* <abbr class="published" title="2009-08-06T14:12">, content=, datetime= */
	static const char *const attrs[] = { "datetime", "content", "title", NULL };
	for (const char *const *at = attrs; *at; at++) {
		const char *v = rv__attr(n, *at);
		if (v && strlen(v) < 64) {
			offer_date(m, &m->published, v, prio - 1, source);
			if (m->published.val && m->published.prio <= prio)
				return;
		}
	}
	char *s = rv__text(n, 2048);
	if (!s)
		return;
	rv_date d;
	size_t at, len;
	if (strlen(s) < 300 && rv_date_find(s, &d, &at, &len) && date_ok(m, &d)) {
		char iso[RV_DATE_ISO_MAX];
		rv_date_format(&d, iso);
		offer(&m->published, iso, prio, source);
	}
	free(s);
}

/* Inside a block that lists other pages or readers' posts (teasers,
 * related articles, comments, sidebars, footers): a date there dates
 * something else than the article. Looks at the element and a few of its
 * ancestors' class and id. */
static bool contains(const xmlNode *outer, const xmlNode *n)
{
	for (int up = 0; n && up < 200; up++, n = n->parent)
		if (n == outer)
			return true;
	return false;
}

static bool aside_node(const rv__meta *m, const xmlNode *n);

static bool in_aside(const rv__meta *m, const xmlNode *n)
{
	for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < 8; up++, n = n->parent)
		if (aside_node(m, n))
			return true;
	return false;
}

/* A class word as a whole token (a final 's' allowed): "comments",
 * "related-posts", but not "ArticleHeaderComment". Every element of the
 * page's text asks: the first letter sorts most tokens out. */
static bool aside_word(const char *tok, size_t tl)
{
	static const struct {
		const char *s;
		size_t len;
	} words[] = { { "teaser", 6 }, { "related", 7 }, { "comment", 7 }, { "sidebar", 7 },
		      { "recommend", 9 }, { "widget", 6 }, { "promo", 5 }, { "similar", 7 },
		      { "reply", 5 }, { "respond", 7 }, { "commentlist", 11 } };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t wl = words[i].len;
		if (tok[0] == words[i].s[0] && (tl == wl || (tl == wl + 1 && tok[wl] == 's')) &&
		    !memcmp(tok, words[i].s, wl))
			return true;
	}
	return false;
}

static bool aside_node(const rv__meta *m, const xmlNode *n)
{
	bool hit = rv__is_tag(n, "aside");
	const char *const at[] = { rv__attr(n, "class"), rv__attr(n, "id") };
	for (int k = 0; k < 2 && !hit; k++) {
		if (!at[k])
			continue;
		char lc[256];
		lower_copy(at[k], lc, sizeof lc);
		for (char *tok = lc; *tok && !hit;) {
			while (*tok && !isalnum((unsigned char)*tok))
				tok++;
			char *e = tok;
			while (*e && isalnum((unsigned char)*e))
				e++;
			size_t tl = (size_t)(e - tok);
			hit = tl && aside_word(tok, tl);
			tok = e;
		}
	}
	/* a block that holds the headline is the article itself
	 * ("sticky-sidebar-parent" around it) */
	return hit && !(m->h1_node && contains(n, m->h1_node));
}

/* Text of a subtree in document order, scripts left out, up to max bytes. */
static void subtree_text(const xmlNode *n, rv_buf *b, size_t max, int depth)
{
	if (depth > 40)
		return;
	for (; n && b->len < max; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			rv_buf_puts(b, (const char *)n->content);
			rv_buf_puts(b, " ");
		} else if (n->type == XML_ELEMENT_NODE && !rv__is_tag(n, "script") &&
			   !rv__is_tag(n, "style")) {
			subtree_text(n->children, b, max, depth + 1);
		}
	}
}

/* The headline's neighbourhood: a byline or dateline sits right below the
 * <h1> (or right above it, as a kicker), and a date there dates the
 * article far better than the most frequent one on the page, which is
 * often a teaser's or a comment's. */
static void headline_date(rv__meta *m, int prio)
{
	if (!m->h1_node || (m->published.val && m->published.prio <= prio))
		return;
	rv_buf b;
	rv_buf_init(&b, 4096);
	enum { AFTER = 240 };
	/* what follows the h1: its later siblings, then its parents' */
	const xmlNode *n = m->h1_node;
	for (int up = 0; n && up < 8 && b.len < AFTER; up++) {
		for (const xmlNode *s = n->next; s && b.len < AFTER; s = s->next) {
			if (s->type == XML_TEXT_NODE && s->content)
				rv_buf_puts(&b, (const char *)s->content);
			else if (s->type == XML_ELEMENT_NODE && !rv__is_tag(s, "script") &&
				 !rv__is_tag(s, "style"))
				subtree_text(s->children, &b, AFTER, 0);
			rv_buf_puts(&b, " ");
		}
		n = n->parent;
	}
	const char *t = rv_buf_str(&b);
	char head[AFTER + 8];
	snprintf(head, sizeof head, "%s", t ? t : "");
	rv_date d;
	if (rv_date_find(head, &d, NULL, NULL) && date_ok(m, &d)) {
		char iso[RV_DATE_ISO_MAX];
		rv_date_format(&d, iso);
		offer(&m->published, iso, prio, "text");
	}
	rv_buf_release(&b);
}

/* What a <time datetime> says: its attribute, unless the text it shows
 * writes a whole other day ("<time datetime=2019-07-03...>Publié le 29
 * juin 2019</time>"): the attribute is then often the template's build or
 * edit time, and the day shown is the one readers and editors go by. */
static const char *time_value(const rv__meta *m, const xmlNode *n, char iso[RV_DATE_ISO_MAX])
{
	const char *dt = rv__attr(n, "datetime");
	rv_date a, t;
	if (!dt || !rv_date_parse(dt, &a))
		return dt;
	char *s = rv__text(n, 256);
	size_t at, len;
	if (s && rv_date_find(s, &t, &at, &len) && date_ok(m, &t) &&
	    rv_date_days(&t) != rv_date_days(&a)) {
		rv_date_format(&t, iso);
		free(s);
		return iso;
	}
	free(s);
	return dt;
}

/* The first <time datetime> in document order below n, counting the text
 * passed on the way against *left; NULL when the text runs out first. */
static const xmlNode *first_time(const xmlNode *n, int *left, int depth)
{
	if (depth > 40)
		return NULL;
	for (; n && *left > 0; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			*left -= (int)strlen((const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE && !rv__is_tag(n, "script") &&
			   !rv__is_tag(n, "style")) {
			if (rv__is_tag(n, "time") && rv__attr(n, "datetime"))
				return n;
			const xmlNode *t = first_time(n->children, left, depth + 1);
			if (t)
				return t;
		}
	}
	return NULL;
}

/* A <time datetime> in the byline right below the headline dates the
 * article more surely than one marked pubdate elsewhere (often a teaser's)
 * or the first one in the article: only the URL is stronger. */
static void headline_time(rv__meta *m, int prio)
{
	if (!m->h1_node || (m->published.val && m->published.prio <= prio))
		return;
	int left = 240;
	const xmlNode *n = m->h1_node;
	for (int up = 0; n && up < 8 && left > 0; up++, n = n->parent) {
		const xmlNode *t = first_time(n->next, &left, 0);
		if (t) {
			char ci[128];
			const char *cls = rv__attr(t, "class");
			const char *ip = rv__attr(t, "itemprop");
			lower_copy(cls ? cls : "", ci, sizeof ci);
			if (!strstr(ci, "update") && !strstr(ci, "modif") &&
			    !(ip && strstr(ip, "dateModified")) && !in_aside(m, t))
			{
				char iso[RV_DATE_ISO_MAX];
				offer_date(m, &m->published, time_value(m, t, iso), prio, "time");
			}
			return;
		}
	}
}

/* A kicker or dateline right above the headline ("24. April 2020 |
 * Pressemitteilungen" over the <h1>): the element just before it, or just
 * before its parent, when that is short. */
static void kicker_date(rv__meta *m, int prio)
{
	if (!m->h1_node || (m->published.val && m->published.prio <= prio))
		return;
	const xmlNode *n = m->h1_node;
	for (int up = 0; n && up < 3; up++, n = n->parent) {
		const xmlNode *s = n->prev;
		while (s && s->type == XML_TEXT_NODE && s->content &&
		       strspn((const char *)s->content, " \t\r\n") == strlen((const char *)s->content))
			s = s->prev;
		if (!s)
			continue;
		if (s->type != XML_ELEMENT_NODE || rv__is_tag(s, "script") || rv__is_tag(s, "style") ||
		    in_aside(m, s))
			return;
		char *t = rv__text(s, 512);
		rv_date d;
		if (t && strlen(t) <= 200 && rv_date_find(t, &d, NULL, NULL) && date_ok(m, &d)) {
			char iso[RV_DATE_ISO_MAX];
			rv_date_format(&d, iso);
			offer(&m->published, iso, prio, "text");
		}
		free(t);
		return;
	}
}

/* Visible text in document order, teaser/comment blocks left out. */
static void visible_text(const rv__meta *m, const xmlNode *n, rv_buf *b, size_t max, int depth)
{
	if (depth > RV__HTML_MAX_DEPTH)
		return;
	for (; n && b->len < max; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			rv_buf_puts(b, (const char *)n->content);
			rv_buf_puts(b, " ");
		} else if (n->type == XML_ELEMENT_NODE && !rv__is_tag(n, "script") &&
			   !rv__is_tag(n, "style") && !rv__is_tag(n, "head") && !aside_node(m, n)) {
			visible_text(m, n->children, b, max, depth + 1);
		}
	}
}

/* The page's visible text, spaces squeezed, made on first use (several
 * date rules read it). */
static const char *page_text(rv__meta *m)
{
	if (!m->vis_done) {
		m->vis_done = true;
		if (m->root)
			visible_text(m, m->root, &m->vis, (1u << 19) - 4096, 0);
		if (m->vis.data) {
			rv_str_squeeze(m->vis.data);
			m->vis.len = strlen(m->vis.data);
		}
	}
	return rv_buf_str(&m->vis);
}

/* The visible text with ASCII letters lower-cased, offsets unchanged: the
 * labels are searched with strstr there, several times faster than
 * strcasestr over the original (which folds ASCII only, as this does). */
static const char *page_text_lower(rv__meta *m)
{
	const char *t = page_text(m);
	if (!m->vis_lower) {
		size_t n = strlen(t);
		m->vis_lower = malloc(n + 1);
		if (!m->vis_lower)
			return NULL;
		for (size_t i = 0; i <= n; i++)
			m->vis_lower[i] = (char)tolower((unsigned char)t[i]);
	}
	return m->vis_lower;
}

/* A date the page labels as its publication ("Stand: 09.10.2017",
 * "Veröffentlicht am", "Published", "Publié le", "Posted on"): stronger
 * than the first or most frequent date of the text, which is often an
 * event's. Labels of updates are left to the modified date. */
static void labelled_date(rv__meta *m, const char *const *labels, int prio, size_t maxat)
{
	if (!m->root || (m->published.val && m->published.prio <= prio))
		return;
	const char *t = page_text(m);
	const char *low = page_text_lower(m);
	if (!low)
		return;
	size_t tl = strlen(t);
	const char *best = NULL;
	rv_date bd = { 0 };
	for (const char *const *l = labels; *l; l++) {
		size_t ll = strlen(*l);
		for (const char *lp = low; (lp = strstr(lp, *l)); lp += ll) {
			const char *p = t + (lp - low); /* labels are lower case */
			if (best && p > best)
				break;
			if (p > t && isalpha((unsigned char)p[-1]))
				continue;
			char win[128];
			size_t avail = tl - (size_t)(p + ll - t);
			size_t k = avail < sizeof win - 1 ? avail : sizeof win - 1;
			memcpy(win, p + ll, k);
			win[k] = '\0';
			rv_date d;
			size_t at, len;
			if (rv_date_find(win, &d, &at, &len) && at <= maxat && date_ok(m, &d)) {
				best = p;
				bd = d;
				break;
			}
		}
	}
	if (best) {
		char iso[RV_DATE_ISO_MAX];
		rv_date_format(&bd, iso);
		offer(&m->published, iso, prio, "text");
	}
}

/* Literals are split where a \x escape would swallow the next letter. */
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
static const char *const pub_labels[] = {
	"stand:", "stand vom", "ver\xc3\xb6" "ffentlicht", "veroeffentlicht", "erstellt am",
	"erschienen am", "published", "posted on", "posted:", "publi\xc3\xa9" " le",
	"date de publication", "publicado", "pubblicato", "datum:", "online seit",
	"publication date", "date published", NULL
};

/* A byline that names the writer before the date ("Submitted by rasos on
 * 24 July 2017", "Gespeichert von rasos am 24. Juli 2017"): the date may
 * stand a name's length after the label. */
static const char *const by_labels[] = { "submitted by", "posted by", "gespeichert von",
					 "geschrieben von", "verfasst von", "publi\xc3\xa9" " par",
					 "\xc3\xa9" "crit par", "eingestellt von", NULL };

/* A wiki dates its page by the last edit only ("This page was last edited
 * on", "Diese Seite wurde zuletzt am ... geändert"): that is the page's
 * date when nothing else is. */
static const char *const edit_labels[] = { "last edited on", "last modified on",
					   "zuletzt am", "zuletzt bearbeitet am",
					   "derni\xc3\xa8" "re modification", NULL };
// NOLINTEND(bugprone-suspicious-missing-comma)

/* Every date written in the page's text (and in title attributes), with
 * how often each day occurs: the last resort for pages that date nothing
 * explicitly. */
#define MAX_VOTES 256
typedef struct votes {
	rv_date d[MAX_VOTES];
	int count[MAX_VOTES];
	int n;
	int budget; /* text nodes left to scan */
} votes;

static void vote_text(rv__meta *m, votes *v, const char *s)
{
	size_t l = strlen(s);
	if (l < 8 || l > 4000 || v->budget-- <= 0)
		return;
	size_t at, len;
	rv_date d;
	for (int k = 0; k < 8 && *s && rv_date_find(s, &d, &at, &len); k++) {
		s += at + (len ? len : 1);
		if (!date_ok(m, &d))
			continue;
		int i;
		for (i = 0; i < v->n; i++)
			if (rv_date_days(&v->d[i]) == rv_date_days(&d))
				break;
		if (i == v->n) {
			if (v->n == MAX_VOTES)
				return;
			v->d[v->n] = d;
			v->count[v->n++] = 0;
		}
		v->count[i]++;
	}
}

static void link_dates(rv__meta *m, votes *v)
{
	const char *end = m->raw + m->rawlen;
	for (const char *p = m->raw; p + 10 < end; p++) {
		p = memchr(p, '/', (size_t)(end - p));
		if (!p || p + 10 >= end)
			break;
		if (p[1] != '1' && p[1] != '2')
			continue;
		char buf[16] = { 0 };
		size_t k = 0;
		while (k < 12 && p + 1 + k < end && (isdigit((unsigned char)p[1 + k]) ||
						      strchr("/-_", p[1 + k])))
			k++;
		memcpy(buf, p + 1, k);
		buf[k] = '\0';
		int y, mo, da;
		rv_date d = { 0 };
		if ((sscanf(buf, "%4d/%2d/%2d", &y, &mo, &da) == 3 && buf[4] == '/' && buf[7] == '/') ||
		    (sscanf(buf, "%4d-%2d-%2d", &y, &mo, &da) == 3 && buf[4] == '-' && buf[7] == '-') ||
		    (k >= 8 && sscanf(buf, "%4d%2d%2d", &y, &mo, &da) == 3 &&
		     (k == 8 || !isdigit((unsigned char)buf[8])))) {
			d.year = y;
			d.month = mo;
			d.day = da;
			if (!rv_date_check(&d) || !date_ok(m, &d))
				continue;
			int i;
			for (i = 0; i < v->n; i++)
				if (rv_date_days(&v->d[i]) == rv_date_days(&d))
					break;
			if (i == v->n) {
				if (v->n == MAX_VOTES)
					return;
				v->d[v->n] = d;
				v->count[v->n++] = 0;
			}
			v->count[i]++;
		}
	}
}

static void page_dates(rv__meta *m, votes *v, xmlNode *n, int depth)
{
	if (depth > RV__HTML_MAX_DEPTH)
		return;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			vote_text(m, v, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (rv__is_tag(c, "script") || rv__is_tag(c, "style") || rv__is_tag(c, "head"))
				continue;
			const char *ti = rv__attr(c, "title");
			if (ti && strlen(ti) < 80)
				vote_text(m, v, ti);
			page_dates(m, v, c, depth + 1);
		}
	}
}

/* A UTC time moves late-evening articles of the Americas to the next day:
 * when the page writes the same instant with its local offset anywhere
 * (often in analytics scripts), keep that form. */
static void localise(rv__meta *m, rv__slot *slot)
{
	rv_date best;
	if (!slot->val || !m->raw || !rv_date_parse_iso(slot->val, &best) || !best.has_time ||
	    !best.has_tz || best.tz_minutes != 0)
		return;
	int64_t want = rv_date_epoch(&best);
	const char *end = m->raw + m->rawlen;
	for (const char *p = m->raw + 10; p + 6 < end; p++) {
		p = memchr(p, 'T', (size_t)(end - p));
		if (!p || p + 6 >= end)
			break;
		const char *st = p - 10;
		if (!isdigit((unsigned char)st[0]) || st[4] != '-' || st[7] != '-' ||
		    !isdigit((unsigned char)p[1]))
			continue;
		char tok[40];
		size_t j = 0;
		for (const char *q = st; q < end && j + 1 < sizeof tok &&
					 (isdigit((unsigned char)*q) || strchr("-T:+.Z", *q));
		     q++)
			tok[j++] = *q;
		tok[j] = '\0';
		rv_date d;
		if (rv_date_parse_iso(tok, &d) && d.has_tz && d.tz_minutes != 0 &&
		    llabs(rv_date_epoch(&d) - want) <= 60) {
			char iso[RV_DATE_ISO_MAX];
			rv_date_format(&d, iso);
			char *c = rv_strdup(iso);
			if (c)
				rv_str_take(&slot->val, c);
			return;
		}
	}
}

/* Day number of the last Sunday of a month. */
static int64_t last_sunday(int year, int month)
{
	rv_date d = { .year = year, .month = month + 1, .day = 1 };
	if (month == 12) {
		d.year++;
		d.month = 1;
	}
	int64_t last = rv_date_days(&d) - 1;
	int64_t wd = ((last + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday; 0 = Sunday */
	return last - wd;
}

/* A UTC time on a page written in a language of central Europe is shown to
 * its readers in CET/CEST: an article stamped 23:10Z is there dated the
 * next day. Same instant, the outlet's offset (when the page gave none). */
static void central_european(rv__meta *m, rv__slot *slot)
{
	static const char *const langs[] = { "de", "fr", "it", "nl", "pl", "cs", "da", "sv",
					     "nb", "no", "hu", "sk", "sl", "hr", "lb", NULL };
	rv_date d;
	if (!slot->val || !m->lang.val || !rv_date_parse_iso(slot->val, &d) || !d.has_time ||
	    !d.has_tz || d.tz_minutes != 0)
		return;
	bool eu = false;
	for (const char *const *l = langs; *l && !eu; l++)
		eu = !strncasecmp(m->lang.val, *l, 2) && !isalpha((unsigned char)m->lang.val[2]);
	if (!eu)
		return;
	int64_t t = rv_date_epoch(&d);
	int64_t start = last_sunday(d.year, 3) * 86400 + 3600;
	int64_t end = last_sunday(d.year, 10) * 86400 + 3600;
	int off = (t >= start && t < end) ? 120 : 60;
	rv_date loc;
	rv_date_from_epoch(t + off * 60, &loc);
	loc.has_seconds = d.has_seconds;
	loc.tz_minutes = off;
	char iso[RV_DATE_ISO_MAX];
	rv_date_format(&loc, iso);
	char *c = rv_strdup(iso);
	if (c)
		rv_str_take(&slot->val, c);
}

/* Whether the text writes the calendar day d (any form rv_date_find reads). */
static bool day_written(const char *t, int64_t d)
{
	size_t at, len;
	rv_date x;
	for (int k = 0; k < 4096 && *t && rv_date_find(t, &x, &at, &len); k++) {
		if (rv_date_days(&x) == d)
			return true;
		t += at + (len ? len : 1);
	}
	return false;
}

/* A publication date from the metadata that the page never shows, on a
 * page that shows its modification date in the headline's byline instead
 * ("Aktualisiert am 06.03.2023", "Stand: 07.11.2023"): the page presents
 * itself as of that day (an article republished or rewritten under the same
 * address, or a CMS that stamps the draft's creation as datePublished), and
 * that is the date it is read and cited by. A last-edit line at the foot of
 * a wiki page does not count: it must sit near the headline. */
static void shown_date(rv__meta *m)
{
	rv_date p, u;
	if (!m->published.val || !m->modified.val || !m->root || !m->h1_node || m->published.prio >= 28 ||
	    !rv_date_parse_iso(m->published.val, &p) || !rv_date_parse_iso(m->modified.val, &u))
		return;
	int64_t pd = rv_date_days(&p), ud = rv_date_days(&u);
	if (ud <= pd)
		return;
	/* squeezed as rv__text squeezes the headline */
	const char *t = page_text(m);
	size_t tl = strlen(t);
	char *h = rv__text(m->h1_node, 512);
	const char *at = h && strlen(h) >= 8 ? strstr(t, h) : NULL;
	if (at) {
		enum { BEFORE = 300, AFTER = 2000 };
		size_t st = (size_t)(at - t) > BEFORE ? (size_t)(at - t) - BEFORE : 0;
		size_t en = (size_t)(at - t) + strlen(h) + AFTER;
		char *win = rv_strndup(t + st, en < tl ? en - st : tl - st);
		/* the small window first: the whole text is read only then */
		if (win && day_written(win, ud) && !day_written(t, pd)) {
			rv_str_set(&m->published.val, m->modified.val);
			m->published.source = "modified"; /* what the JSON says it stands on */
			m->pub_is_mod = true;
		}
		free(win);
	}
	free(h);
}

/* The itemprop="name" inside a microdata scope, a few levels down. */
static const xmlNode *itemprop_name(const xmlNode *n, int depth)
{
	if (depth > 5)
		return NULL;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *ip = rv__attr(c, "itemprop");
		if (ip && !strcmp(ip, "name"))
			return c;
		const xmlNode *r = itemprop_name(c, depth + 1);
		if (r)
			return r;
	}
	return NULL;
}

/* Where each of the quoted keys (NULL-ended list) first occurs in the raw
 * page: one pass over its quotes instead of one search per key. */
static void first_keys(const char *raw, size_t len, const char *const *keys, const char **first)
{
	size_t nkeys = 0, left;
	char starts[32];
	while (keys[nkeys] && nkeys < sizeof starts - 1) {
		starts[nkeys] = keys[nkeys][1];
		nkeys++;
	}
	starts[nkeys] = '\0';
	left = nkeys;
	const char *end = raw + len;
	for (const char *p = raw; left && p + 1 < end; p++) {
		p = memchr(p, '"', (size_t)(end - p - 1));
		if (!p)
			break;
		if (!strchr(starts, p[1]))
			continue;
		for (size_t k = 0; k < nkeys; k++) {
			size_t kl = strlen(keys[k]);
			if (!first[k] && keys[k][1] == p[1] && kl <= (size_t)(end - p) &&
			    !memcmp(p, keys[k], kl)) {
				first[k] = p;
				left--;
			}
		}
	}
}

/* "Publié le …, mis à jour le 16 mars 2026 à 08h30", "Updated March 16",
 * "Aktualisiert: …": the update day a text names, as modified. */
static void modified_in(rv__meta *m, const char *text)
{
	char head[300];
	snprintf(head, sizeof head, "%s", text);
	rv_date d;
	if (!m->modified.val && rv_date_after_update_words(head, 0, &d) && date_ok(m, &d)) {
		char iso[RV_DATE_ISO_MAX];
		rv_date_format(&d, iso);
		offer(&m->modified, iso, 50, "text");
	}
}

bool rv__dated_byline(const char *line, size_t date_at)
{
	static const char *const openers[] = { "par ", "by ", "von ", "por ", "di ", NULL };
	for (const char *const *o = openers; *o; o++)
		if (!strncasecmp(line, *o, strlen(*o))) {
			/* | , or a dash (– — are 0xE2 …) after the name */
			size_t sep = strlen(*o) + strcspn(line + strlen(*o), "|,\xE2-");
			return sep < 60 && line[sep] && date_at > sep;
		}
	return false;
}

/* The writer of a dated byline among the body's first lines (the text
 * keeps such a line aside: it is metadata), when nothing else named one. */
static void byline_author(rv__meta *m, const char *body)
{
	for (int k = 0; k < 3 && body && *body; k++) {
		size_t n = strcspn(body, "\n");
		char *line = rv_strndup(body, n);
		rv_date d;
		size_t at;
		if (line && rv_date_find(line, &d, &at, NULL) && rv__dated_byline(line, at)) {
			rv_strlist names;
			rv_strlist_init(&names);
			split_authors(line, &names);
			if (names.len) {
				char *j = rv_strlist_join(&names, ", ");
				offer(&m->author, j, 65, "text");
				free(j);
			}
			rv_strlist_release(&names);
			free(line);
			return;
		}
		free(line);
		body += n + (body[n] == '\n');
	}
}

int rv__meta_finish(rv__meta *m, const rv_record *rec, const char *body, rv_article *a)
{
	/* <time>: a publication time when marked so or in the article. */
	for (int i = 0; i < m->n_time_el; i++) {
		xmlNode *n = m->time_el[i];
		const char *dt = rv__attr(n, "datetime");
		char ci[128];
		const char *cls = rv__attr(n, "class");
		lower_copy(cls ? cls : "", ci, sizeof ci);
		const char *ip = rv__attr(n, "itemprop");
		bool upd = strstr(ci, "update") || strstr(ci, "modif") ||
			   (ip && strstr(ip, "dateModified"));
		bool pub = rv__attr(n, "pubdate") || strstr(ci, "publi") ||
			   (ip && strstr(ip, "datePublished"));
		if (!dt) {
			if (!upd)
				text_date(m, n, pub ? 31 : 36, "time");
			continue;
		}
		char iso[RV_DATE_ISO_MAX];
		dt = time_value(m, n, iso);
		if (upd)
			offer_date(m, &m->modified, dt, 31, "time");
		else
			/* a bare <time> outside the article, or one in a list of
			 * teasers or comments, dates something else */
			offer_date(m, &m->published, dt,
				   in_aside(m, n)	       ? 46
				   : pub		       ? 30
				   : m->time_in_article[i] ? 32 + (i ? 1 : 0)
							   : 46,
				   "time");
	}
	headline_time(m, 29);
	/* the URL */
	rv_date d;
	const char *u = rec && rec->url ? rec->url : m->canon.val;
	if (url_date(u, &d) && date_ok(m, &d)) {
		char iso[RV_DATE_ISO_MAX];
		rv_date_format(&d, iso);
		offer(&m->published, iso, 28, "url");
	}
	for (int i = 0; i < m->n_date_hint; i++)
		if (!in_aside(m, m->date_hint[i]))
			text_date(m, m->date_hint[i], 40, "text");
	labelled_date(m, pub_labels, 44, 16);
	labelled_date(m, by_labels, 45, 48);
	labelled_date(m, edit_labels, 47, 16);
	headline_date(m, 48);
	kicker_date(m, 49);
	if (!m->published.val && body) {
		/* The first date in the article's first lines. */
		char head[300];
		snprintf(head, sizeof head, "%s", body);
		if (rv_date_find(head, &d, NULL, NULL) && date_ok(m, &d)) {
			char iso[RV_DATE_ISO_MAX];
			rv_date_format(&d, iso);
			offer(&m->published, iso, 50, "text");
		}
	}
	/* in the article's first lines, else in a byline element the text
	 * left out ("Par X | Publié le …, modifié le …") */
	if (!m->modified.val && body)
		modified_in(m, body);
	for (int i = 0; i < m->n_author_hint && !m->modified.val; i++) {
		xmlNode *n = m->author_hint[i];
		if (rv__attr(n, "itemprop") || rv__attr(n, "rel"))
			continue;
		char *t = rv__text(n, 512);
		if (t)
			modified_in(m, t);
		free(t);
	}
	/* Dates in the page's scripts (application state as JSON). */
	static const char *const keys[] = { "\"datePublished\"", "\"published_at\"",
					    "\"publishDate\"", "\"publishedAt\"",
					    "\"date_published\"", "\"pubDate\"",
					    "\"firstPublished\"", "\"created_at\"",
					    "\"publishedDate\"", "\"createdAt\"", "\"datePosted\"",
					    NULL };
	enum { NKEYS = sizeof keys / sizeof *keys - 1 };
	const char *first[NKEYS] = { 0 };
	if (m->raw && !(m->published.val && m->published.prio <= 45))
		first_keys(m->raw, m->rawlen, keys, first);
	for (const char *const *k = keys; *k && m->raw && !(m->published.val && m->published.prio <= 45); k++) {
		const char *p = first[k - keys];
		if (!p)
			continue;
		/* the raw page is not NUL-terminated: every read stays before end */
		const char *end = m->raw + m->rawlen;
		p += strlen(*k);
		while (p < end && (*p == ' ' || *p == ':' || *p == '"' || *p == '\\'))
			p++;
		char v[48];
		size_t j = 0;
		while (j + 1 < sizeof v && p + j < end && p[j] && p[j] != '"' && p[j] != '\\')
			j++;
		memcpy(v, p, j);
		v[j] = '\0';
		offer_date(m, &m->published, v, 45, "script");
	}
	/* Last resort: the day the page's text names most often (the first
	 * one seen on a tie). */
	if (!m->published.val && m->root) {
		votes *v = calloc(1, sizeof *v);
		if (v) {
			v->budget = 20000;
			page_dates(m, v, m->root, 0);
			/* the page's own summary and title count too */
			if (m->desc.val)
				vote_text(m, v, m->desc.val);
			if (m->html_title.val)
				vote_text(m, v, m->html_title.val);
			/* nothing in the text: dates in the page's links and image
			 * paths ("/2016/05/22/", "/20200428/") */
			if (!v->n && m->raw)
				link_dates(m, v);
			int best = -1;
			for (int i = 0; i < v->n; i++)
				if (best < 0 || v->count[i] > v->count[best])
					best = i;
			if (best >= 0) {
				char iso[RV_DATE_ISO_MAX];
				rv_date_format(&v->d[best], iso);
				offer(&m->published, iso, 55, "text");
			}
			free(v);
		}
	}
	/* A page that dates only its last change (a wiki, a reference page, an
	 * "updated" stamp): that day beats a date guessed from the text. */
	if (m->modified.val && m->modified.prio < 50 && (!m->published.val || m->published.prio >= 50))
	{
		offer(&m->published, m->modified.val, 49, "modified");
		m->pub_is_mod = true;
	}
	/* Authors from the page when no meta named them: microdata first, then
	 * rel=author links, then elements whose class says byline. */
	for (int pass = 0; pass < 3 && !(m->author.val && m->author.prio <= 60); pass++) {
		for (int i = 0; i < m->n_author_hint && !(m->author.val && m->author.prio <= 60); i++) {
			xmlNode *n = m->author_hint[i];
			int kind = rv__attr(n, "itemprop") ? 0 : rv__attr(n, "rel") ? 1 : 2;
			if (kind != pass)
				continue;
			const xmlNode *nm = kind == 0 ? itemprop_name(n, 0) : NULL;
			char *s = NULL;
			if (nm) {
				s = rv__text(nm, 512);
			} else {
				const char *cv = rv__attr(n, "content");
				s = cv ? rv__clean(cv, strlen(cv)) : rv__text(n, 512);
			}
			if (s && strlen(s) < 120) {
				rv_strlist tmp;
				rv_strlist_init(&tmp);
				split_authors(s, &tmp);
				if (tmp.len) {
					char *j = rv_strlist_join(&tmp, ", ");
					offer(&m->author, j, 60, "text");
					free(j);
				}
				rv_strlist_release(&tmp);
			}
			free(s);
		}
	}

	if (!m->author.val)
		byline_author(m, body);
	localise(m, &m->published);
	localise(m, &m->modified);
	central_european(m, &m->published);
	central_european(m, &m->modified);
	shown_date(m);
	/* Settle. */
	/* JSON-LD names an article twice; Readability's rule: the name, unless
	 * only the headline agrees with <title>. */
	if (m->jname.val || m->jheadline.val) {
		const char *pick = m->jname.val ? m->jname.val : m->jheadline.val;
		if (m->jname.val && m->jheadline.val && strcmp(m->jname.val, m->jheadline.val)) {
			char *ht = m->html_title.val ? title_from_tag(m, m->html_title.val) : NULL;
			const char *ref = ht ? ht : "";
			bool name_ok = similarity(m->jname.val, ref) > 0.75;
			bool head_ok = similarity(m->jheadline.val, ref) > 0.75;
			/* a "name" that is the site's is no title */
			bool name_site = m->site.val && fold_eq(m->site.val, m->jname.val);
			if ((head_ok && !name_ok) || name_site)
				pick = m->jheadline.val;
			free(ht);
		}
		offer(&m->title, pick, m->jname.val ? m->jname.prio : m->jheadline.prio, "jsonld");
	}
	const char *title = m->title.val;
	char *t = NULL;
	if (title) {
		/* the publisher's declared title, as published: outlets that put
		 * their name in og:title chose it (Readability keeps it too) */
		t = rv_strdup(title);
	} else if (m->html_title.val) {
		t = title_from_tag(m, m->html_title.val);
	} else if (m->h1.val) {
		t = rv_strdup(m->h1.val);
	}
	if (t) {
		rv_str_squeeze(t);
		if (*t)
			rv_str_take(&a->title, t);
		else
			free(t);
	}
	if (m->site.val)
		rv_str_set(&a->source, m->site.val);
	else if (m->html_title.val && a->title)
		site_from_title_tag(m->html_title.val, a);
	if (m->desc.val)
		rv_str_set(&a->description, m->desc.val);
	if (m->image.val && !strncmp(m->image.val, "http", 4))
		rv_str_set(&a->image, m->image.val);
	if (m->canon.val && !(rec && rec->url))
		rv_str_set(&a->url, m->canon.val);
	if (m->lang.val) {
		char l[16];
		size_t k = 0;
		for (const char *p = m->lang.val; *p && k + 1 < sizeof l; p++) {
			if (!isalpha((unsigned char)*p) && *p != '-' && *p != '_')
				break;
			l[k++] = *p == '_' ? '-' : *p;
		}
		l[k] = '\0';
		if (k >= 2)
			rv_str_set(&a->lang, l);
	}
	if (m->published.val) {
		rv_str_set(&a->published, m->published.val);
		rv_str_set(&a->published_source, m->published.source);
		a->published_inferred = m->published.prio >= 50 || m->pub_is_mod;
	}
	if (m->modified.val && (!m->published.val || strcmp(m->modified.val, m->published.val) ||
				m->pub_is_mod))
		rv_str_set(&a->modified, m->modified.val);
	if (m->author.val)
		split_authors(m->author.val, &a->authors);
	if (!a->authors.len && m->author_org.val)
		push_org_author(&a->authors, m->author_org.val);
	for (size_t i = 0; i < m->tags.len; i++)
		rv_strlist_push(&a->tags, m->tags.items[i]);
	return RV_OK;
}
