#include "core/article.h"
#include "core/buf.h"
#include "core/error.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const format_names[] = {
	[RV_FORMAT_AUTO] = "auto", [RV_FORMAT_TEXT] = "text",
	[RV_FORMAT_HTML] = "html", [RV_FORMAT_JSONL] = "jsonl",
	[RV_FORMAT_WARC] = "warc", [RV_FORMAT_FEED] = "feed",
};

const char *rv_format_name(rv_format f)
{
	return (size_t)f < sizeof format_names / sizeof *format_names ? format_names[f] : "?";
}

int rv_format_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (!strcmp(name, format_names[i]))
			return (int)i;
	if (!strcmp(name, "txt"))
		return RV_FORMAT_TEXT;
	if (!strcmp(name, "rss") || !strcmp(name, "atom"))
		return RV_FORMAT_FEED;
	return -1;
}

void rv_article_init(rv_article *a)
{
	memset(a, 0, sizeof *a);
	rv_strlist_init(&a->authors);
	rv_strlist_init(&a->tags);
	rv_strlist_init(&a->paragraphs);
}

void rv_article_clear_analysis(rv_article *a)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		free(a->entities[i].name);
		free(a->entities[i].type);
		rv_strlist_release(&a->entities[i].aliases);
	}
	free(a->entities);
	for (size_t i = 0; i < a->n_quotes; i++) {
		free(a->quotes[i].text);
		free(a->quotes[i].speaker);
		free(a->quotes[i].role);
	}
	free(a->quotes);
	for (size_t i = 0; i < a->n_figures; i++) {
		free(a->figures[i].unit);
		free(a->figures[i].qualifier);
		free(a->figures[i].text);
		free(a->figures[i].context);
	}
	free(a->figures);
	for (size_t i = 0; i < a->n_terms; i++)
		free(a->terms[i].term);
	free(a->terms);
	a->entities = NULL;
	a->quotes = NULL;
	a->figures = NULL;
	a->terms = NULL;
	a->n_entities = a->n_quotes = a->n_figures = a->n_terms = 0;
	a->weekdays = 0;
}

void rv_article_release(rv_article *a)
{
	free(a->ref);
	free(a->url);
	free(a->source);
	free(a->title);
	free(a->description);
	free(a->published);
	free(a->published_source);
	free(a->modified);
	free(a->fetched_at);
	free(a->lang);
	free(a->image);
	free(a->text);
	free(a->content_hash);
	rv_strlist_release(&a->authors);
	rv_strlist_release(&a->tags);
	rv_strlist_release(&a->paragraphs);
	rv_article_clear_analysis(a);
	rv_article_init(a);
}

int rv_article_join_paragraphs(rv_article *a)
{
	char *t = rv_strlist_join(&a->paragraphs, "\n\n");
	if (!t)
		return RV_ENOMEM;
	rv_str_take(&a->text, t);
	return RV_OK;
}

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v && *v)
		json_object_set_new(o, key, json_string(v));
}

static json_t *str_array(const rv_strlist *l)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < l->len; i++)
		json_array_append_new(arr, json_string(l->items[i]));
	return arr;
}

char *rv_article_to_json(const rv_article *a)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (a->id)
		json_object_set_new(o, "id", json_integer(a->id));
	set_str(o, "ref", a->ref);
	set_str(o, "url", a->url);
	set_str(o, "source", a->source);
	set_str(o, "title", a->title);
	set_str(o, "description", a->description);
	set_str(o, "published", a->published);
	if (a->published) {
		set_str(o, "published_source", a->published_source);
		if (a->published_inferred)
			json_object_set_new(o, "published_inferred", json_true());
	}
	set_str(o, "modified", a->modified);
	set_str(o, "fetched_at", a->fetched_at);
	if (a->authors.len)
		json_object_set_new(o, "authors", str_array(&a->authors));
	if (a->tags.len)
		json_object_set_new(o, "tags", str_array(&a->tags));
	set_str(o, "lang", a->lang);
	set_str(o, "image", a->image);
	json_object_set_new(o, "text", json_string(a->text ? a->text : ""));
	json_object_set_new(o, "paragraphs", str_array(&a->paragraphs));
	if (a->n_entities) {
		json_t *arr = json_array();
		for (size_t i = 0; i < a->n_entities; i++) {
			const rv_entity *e = &a->entities[i];
			json_t *je = json_object();
			set_str(je, "name", e->name);
			set_str(je, "type", e->type);
			json_object_set_new(je, "aliases", str_array(&e->aliases));
			json_object_set_new(je, "count", json_integer(e->count));
			json_array_append_new(arr, je);
		}
		json_object_set_new(o, "entities", arr);
	}
	if (a->n_quotes) {
		json_t *arr = json_array();
		for (size_t i = 0; i < a->n_quotes; i++) {
			const rv_quote *q = &a->quotes[i];
			json_t *jq = json_object();
			set_str(jq, "text", q->text);
			set_str(jq, "speaker", q->speaker);
			set_str(jq, "role", q->role);
			json_array_append_new(arr, jq);
		}
		json_object_set_new(o, "quotes", arr);
	}
	if (a->n_figures) {
		json_t *arr = json_array();
		for (size_t i = 0; i < a->n_figures; i++) {
			const rv_figure *f = &a->figures[i];
			json_t *jf = json_object();
			json_object_set_new(jf, "value", json_real(f->value));
			if (f->value_max != f->value)
				json_object_set_new(jf, "value_max", json_real(f->value_max));
			set_str(jf, "unit", f->unit);
			set_str(jf, "qualifier", f->qualifier);
			set_str(jf, "text", f->text);
			set_str(jf, "context", f->context);
			json_array_append_new(arr, jf);
		}
		json_object_set_new(o, "figures", arr);
	}
	if (a->duplicate_of) {
		json_object_set_new(o, "duplicate_of", json_integer(a->duplicate_of));
		json_object_set_new(o, "duplicate_similarity", json_real(a->duplicate_similarity));
	}
	if (a->event)
		json_object_set_new(o, "event", json_integer(a->event));
	if (a->storyline)
		json_object_set_new(o, "storyline", json_integer(a->storyline));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
	json_decref(o);
	return s;
}

char *rv_outlet_label(const char *source, const char *ref)
{
	if (source && *source)
		return strdup(source);
	const char *name = ref ? ref : "";
	const char *slash = strrchr(name, '/');
	if (slash)
		name = slash + 1;
	size_t n = strlen(name);
	char *out = malloc(n + 3);
	if (out)
		snprintf(out, n + 3, "[%s]", name);
	return out;
}

const char rv_csv_article_header[] =
	"id,ref,url,source,title,published,authors,lang,event,storyline,duplicate_of\r\n";

int rv_csv_field(rv_buf *b, const char *v, bool last)
{
	int rc = rv_buf_putc(b, '"');
	if (v && (*v == '=' || *v == '+' || *v == '-' || *v == '@'))
		rc |= rv_buf_putc(b, '\'');
	for (const char *p = v ? v : ""; *p; p++) {
		if (*p == '"')
			rc |= rv_buf_putc(b, '"');
		rc |= rv_buf_putc(b, *p);
	}
	rc |= rv_buf_puts(b, last ? "\"\r\n" : "\",");
	return rc ? RV_ENOMEM : RV_OK;
}

int rv_csv_article(rv_buf *b, const rv_article *a)
{
	char id[24], event[24], storyline[24], dup[24];
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	snprintf(event, sizeof event, "%lld", (long long)a->event);
	snprintf(storyline, sizeof storyline, "%lld", (long long)a->storyline);
	snprintf(dup, sizeof dup, "%lld", (long long)a->duplicate_of);
	char *authors = rv_strlist_join(&a->authors, "; ");
	if (!authors)
		return RV_ENOMEM;
	int rc = rv_csv_field(b, a->id ? id : "", false) | rv_csv_field(b, a->ref, false) |
		 rv_csv_field(b, a->url, false) | rv_csv_field(b, a->source, false) |
		 rv_csv_field(b, a->title, false) | rv_csv_field(b, a->published, false) |
		 rv_csv_field(b, authors, false) | rv_csv_field(b, a->lang, false) |
		 rv_csv_field(b, a->event ? event : "", false) |
		 rv_csv_field(b, a->storyline ? storyline : "", false) |
		 rv_csv_field(b, a->duplicate_of ? dup : "", true);
	free(authors);
	return rc ? RV_ENOMEM : RV_OK;
}

bool rv_entity_type_known(const char *type)
{
	static const char *const types[] = { "person", "organization", "location", "other" };
	for (size_t i = 0; type && i < sizeof types / sizeof *types; i++)
		if (!strcmp(type, types[i]))
			return true;
	return false;
}
