/* story_json.c - see story_json.h. */
#include "serve/story_json.h"
#include "store/story_facts.h"
#include "core/date.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A story larger than this is shown by its first articles only. */
#define MAX_STORY_ARTICLES 500
#define EXCERPT_BYTES 600

json_t *rv_strlist_json(const rv_strlist *l)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < l->len; i++)
		json_array_append_new(arr, json_string(l->items[i]));
	return arr;
}

static void set_str(json_t *o, const char *k, const char *v)
{
	if (v && *v)
		json_object_set_new(o, k, json_string(v));
}

json_t *rv_story_summary_json(const rv_story *st)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(st->id));
	if (st->storyline)
		json_object_set_new(o, "storyline", json_integer(st->storyline));
	json_object_set_new(o, "title", json_string(st->title ? st->title : ""));
	set_str(o, "first", st->first);
	set_str(o, "last", st->last);
	json_object_set_new(o, "articles", json_integer(st->n_articles));
	json_object_set_new(o, "sources", rv_strlist_json(&st->sources));
	json_object_set_new(o, "langs", rv_strlist_json(&st->langs));
	json_object_set_new(o, "n_sources", json_integer((json_int_t)st->sources.len));
	json_object_set_new(o, "n_langs", json_integer((json_int_t)st->langs.len));
	return o;
}

/* A prefix of text cut at a UTF-8 boundary. */
static json_t *excerpt(const char *text)
{
	if (!text)
		return json_string("");
	size_t n = strlen(text);
	if (n <= EXCERPT_BYTES)
		return json_string(text);
	n = rv_utf8_prefix(text, n, EXCERPT_BYTES);
	char *s = malloc(n + 4);
	if (!s)
		return json_string("");
	snprintf(s, n + 4, "%.*s…", (int)n, text);
	json_t *v = json_string(s);
	free(s);
	return v ? v : json_string("");
}

struct story_ctx {
	json_t *articles;  /* array */
	json_t *outlets;   /* source -> array of article refs */
	json_t *days;      /* day -> array */
	json_t *speakers;  /* speaker -> array of quotes */
	json_t *figures;   /* array */
	json_t *figures_seen; /* "outlet\x1ftext\x1fcontext" -> true */
};

/* Whether this outlet's figure in this sentence is listed already (a feed
 * item, a copy of its outlet's page, is read with the page's figures); marks
 * it listed. A key that cannot be built counts as new. */
static bool figure_listed(struct story_ctx *c, const char *source, const rv_figure *f)
{
	const char *text = f->text ? f->text : "", *context = f->context ? f->context : "";
	size_t n = strlen(source) + strlen(text) + strlen(context) + 3;
	char *key = malloc(n);
	if (!key)
		return false;
	snprintf(key, n, "%s\x1f%s\x1f%s", source, text, context);
	bool seen = json_object_get(c->figures_seen, key) != NULL;
	if (!seen)
		json_object_set_new(c->figures_seen, key, json_true());
	free(key);
	return seen;
}

static json_t *article_ref(const rv_article *a)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(a->id));
	set_str(o, "title", a->title);
	/* as outlet cards and quotes name it: "[file.txt]" when unknown */
	char *label = rv_outlet_label(a->source, a->ref);
	set_str(o, "source", label);
	free(label);
	set_str(o, "published", a->published);
	set_str(o, "lang", a->lang);
	set_str(o, "url", a->url);
	if (a->duplicate_of)
		json_object_set_new(o, "duplicate_of", json_integer(a->duplicate_of));
	return o;
}

static int add_article(const rv_article *a, void *p)
{
	struct story_ctx *c = p;
	char *source = rv_outlet_label(a->source, a->ref);
	if (!source)
		return RV_ENOMEM;
	json_t *full = article_ref(a);
	json_object_set_new(full, "excerpt", excerpt(a->text));
	json_t *quotes = json_array(), *figures = json_array();
	for (size_t i = 0; i < a->n_quotes; i++) {
		const rv_quote *q = &a->quotes[i];
		json_t *o = json_object();
		set_str(o, "text", q->text);
		set_str(o, "speaker", q->speaker);
		set_str(o, "role", q->role);
		json_array_append(quotes, o);
		json_object_set_new(o, "article", json_integer(a->id));
		json_object_set_new(o, "source", json_string(source));
		const char *who = q->speaker && *q->speaker ? q->speaker : "";
		json_t *list = json_object_get(c->speakers, who);
		if (!list) {
			list = json_array();
			json_object_set_new(c->speakers, who, list);
		}
		json_array_append_new(list, o);
	}
	for (size_t i = 0; i < a->n_figures; i++) {
		const rv_figure *f = &a->figures[i];
		json_t *o = json_object();
		json_object_set_new(o, "value", json_real(f->value));
		if (f->value_max != f->value)
			json_object_set_new(o, "value_max", json_real(f->value_max));
		set_str(o, "unit", f->unit);
		set_str(o, "qualifier", f->qualifier);
		set_str(o, "text", f->text);
		set_str(o, "context", f->context);
		json_array_append(figures, o);
		json_object_set_new(o, "article", json_integer(a->id));
		json_object_set_new(o, "source", json_string(source));
		if (figure_listed(c, source, f))
			json_decref(o); /* the article keeps it; the story's table has it */
		else
			json_array_append_new(c->figures, o);
	}
	json_object_set_new(full, "quotes", quotes);
	json_object_set_new(full, "figures", figures);
	json_array_append_new(c->articles, full);

	json_t *by_source = json_object_get(c->outlets, source);
	if (!by_source) {
		by_source = json_array();
		json_object_set_new(c->outlets, source, by_source);
	}
	json_array_append_new(by_source, article_ref(a));
	char day[11] = "";
	if (a->published && strlen(a->published) >= 10) {
		memcpy(day, a->published, 10);
		day[10] = '\0';
	}
	json_t *list = json_object_get(c->days, day);
	if (!list) {
		list = json_array();
		json_object_set_new(c->days, day, list);
	}
	json_array_append_new(list, article_ref(a));
	free(source);
	return RV_OK;
}

/* Article refs of one day in the order they were published (their zones
 * read), the undated last; ids break ties. */
static int64_t published_epoch(json_t *ref)
{
	rv_date d;
	const char *p = json_string_value(json_object_get(ref, "published"));
	return p && rv_date_parse_iso(p, &d) && d.has_time ? rv_date_epoch(&d) : INT64_MAX;
}

static int cmp_published(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int64_t ta = published_epoch(a), tb = published_epoch(b);
	if (ta != tb)
		return ta < tb ? -1 : 1;
	json_int_t ia = json_integer_value(json_object_get(a, "id"));
	json_int_t ib = json_integer_value(json_object_get(b, "id"));
	return (ia > ib) - (ia < ib);
}

static void sort_by_time(json_t *list)
{
	size_t n = json_array_size(list);
	json_t **items = n > 1 ? malloc(n * sizeof(json_t *)) : NULL;
	if (!items)
		return;
	for (size_t i = 0; i < n; i++)
		items[i] = json_incref(json_array_get(list, i));
	qsort(items, n, sizeof(json_t *), cmp_published);
	json_array_clear(list);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, items[i]);
	free(items);
}

static int cmp_key(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Keys of an object, sorted ("" last when last_empty). */
static const char **sorted_keys(json_t *obj, size_t *n)
{
	*n = json_object_size(obj);
	const char **keys = calloc(*n ? *n : 1, sizeof *keys);
	if (!keys)
		return NULL;
	size_t i = 0;
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) keys[i++] = k;
	qsort(keys, *n, sizeof *keys, cmp_key);
	return keys;
}

/* The story's entities as every entity list groups them (entity_list.h),
 * so the page and `revue story` show the same ones. */
static json_t *entities_json(const rv_story_facts *f)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < f->n_entities; i++) {
		const rv_fact_entity *e = &f->entities[i];
		json_array_append_new(arr, json_pack("{s:s,s:s,s:i,s:i}", "name", e->name, "type", e->type,
						     "mentions", e->mentions, "articles", e->articles));
	}
	return arr;
}

json_t *rv_story_speakers_json(const rv_story_facts *f)
{
	json_t *speakers = json_array();
	for (size_t i = 0; i < f->n_speakers; i++) {
		const rv_fact_speaker *sp = &f->speakers[i];
		json_t *so = json_object();
		json_object_set_new(so, "speaker", sp->speaker ? json_string(sp->speaker) : json_null());
		json_object_set_new(so, "sources", rv_strlist_json(&sp->sources));
		json_t *quotes = json_array();
		for (size_t k = 0; k < sp->n_quotes; k++) {
			const rv_fact_quote *q = &sp->quotes[k];
			json_t *qo = json_object();
			json_object_set_new(qo, "text", json_string(q->text));
			if (q->role)
				json_object_set_new(qo, "role", json_string(q->role));
			json_object_set_new(qo, "sources", rv_strlist_json(&q->sources));
			json_array_append_new(quotes, qo);
		}
		json_object_set_new(so, "quotes", quotes);
		json_array_append_new(speakers, so);
	}
	return speakers;
}

static json_t *ledger_json(const rv_story_facts *f)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < f->n_quantities; i++) {
		const rv_fact_quantity *q = &f->quantities[i];
		json_t *o = json_object();
		set_str(o, "unit", q->unit);
		set_str(o, "key", q->key);
		json_object_set_new(o, "n_sources", json_integer(q->n_sources));
		json_object_set_new(o, "disagree", json_boolean(q->disagree));
		json_t *reports = json_array();
		for (size_t j = 0; j < q->n_reports; j++) {
			const rv_fact_report *r = &q->reports[j];
			json_t *ro = json_object();
			json_object_set_new(ro, "article", json_integer(r->article));
			set_str(ro, "source", r->source);
			json_object_set_new(ro, "value", json_real(r->value));
			if (r->value_max != r->value)
				json_object_set_new(ro, "value_max", json_real(r->value_max));
			set_str(ro, "qualifier", r->qualifier);
			set_str(ro, "text", r->text);
			set_str(ro, "context", r->context);
			json_array_append_new(reports, ro);
		}
		json_object_set_new(o, "reports", reports);
		json_array_append_new(arr, o);
	}
	return arr;
}

int rv_story_json(rv_store *s, int64_t id, json_t **out, rv_error *err)
{
	*out = NULL;
	rv_story st;
	int rc = rv_store_get_story(s, id, &st, err);
	if (rc)
		return rc;
	struct story_ctx c = { json_array(), json_object(), json_object(), json_object(), json_array(), json_object() };
	rv_filter f = { 0 };
	f.event = id;
	f.limit = MAX_STORY_ARTICLES;
	rc = rv_store_each_article(s, &f, add_article, &c, err);
	json_t *o = rv_story_summary_json(&st);
	rv_story_release(&st);
	if (rc) {
		json_decref(o);
		goto done;
	}
	json_object_set(o, "members", c.articles);
	json_object_set_new(o, "truncated", json_boolean(json_array_size(c.articles) >= MAX_STORY_ARTICLES));

	size_t n;
	const char **keys = sorted_keys(c.outlets, &n);
	json_t *outlets = json_array();
	for (size_t i = 0; keys && i < n; i++)
		json_array_append_new(outlets, json_pack("{s:s,s:O}", "source", keys[i], "articles",
							 json_object_get(c.outlets, keys[i])));
	free(keys);
	json_object_set_new(o, "outlets", outlets);

	keys = sorted_keys(c.days, &n);
	for (size_t i = 0; keys && i < n; i++)
		sort_by_time(json_object_get(c.days, keys[i]));
	json_t *timeline = json_array();
	/* dated days in order, then the undated ("") */
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; keys && i < n; i++)
			if ((pass == 0) == (keys[i][0] != '\0'))
				json_array_append_new(timeline,
						      json_pack("{s:o,s:O}", "day",
								keys[i][0] ? json_string(keys[i]) : json_null(),
								"articles", json_object_get(c.days, keys[i])));
	free(keys);
	json_object_set_new(o, "timeline", timeline);

	keys = sorted_keys(c.speakers, &n);
	json_t *quotes = json_array();
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; keys && i < n; i++)
			if ((pass == 0) == (keys[i][0] != '\0'))
				json_array_append_new(quotes,
						      json_pack("{s:o,s:O}", "speaker",
								keys[i][0] ? json_string(keys[i]) : json_null(),
								"quotes", json_object_get(c.speakers, keys[i])));
	free(keys);
	json_object_set_new(o, "quotes", quotes);
	json_object_set(o, "figures", c.figures);

	/* The figures ledger: one quantity as each outlet reported it, with
	 * the disagreements flagged, and the entities (src/store/story_facts.c). */
	rv_story_facts facts;
	memset(&facts, 0, sizeof facts);
	/* its entities are listed without their aliases and days (entities_json) */
	if ((rc = rv_store_story_facts(s, id, 0, &facts, err))) {
		json_decref(o);
		goto done;
	}
	json_object_set_new(o, "entities", entities_json(&facts));
	json_object_set_new(o, "ledger", ledger_json(&facts));
	json_object_set_new(o, "speakers", rv_story_speakers_json(&facts));
	rv_story_facts_release(&facts);
	*out = o;
done:
	json_decref(c.articles);
	json_decref(c.outlets);
	json_decref(c.days);
	json_decref(c.speakers);
	json_decref(c.figures);
	json_decref(c.figures_seen);
	return rc;
}
