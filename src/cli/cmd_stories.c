/* cmd_stories.c - revue stories (the list) and revue story ID (one event). */
#include "cli/cli.h"
#include "store/browse.h"
#include "pipeline/storyline_name.h"
#include "core/utf8.h"
#include "core/buf.h"
#include "store/story_facts.h"
#include "serve/story_json.h"

#include <getopt.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char stories_usage[] =
	"revue stories [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--lang L] [--source NAME]\n"
	"              [--storyline N] [--limit N] [--json]\n"
	"  Events grouped by storyline, newest first; --storyline N: the events of one\n"
	"  storyline, oldest first (how the story moved).";
static const char story_usage[] =
	"revue story ID [--json] [--why]\n"
	"  One event: its articles by outlet, timeline, quotes and figures.\n"
	"  --why: each article's similarity to the event and the top shared terms.";

static json_t *story_json(const rv_story *st)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(st->id));
	if (st->storyline)
		json_object_set_new(o, "storyline", json_integer(st->storyline));
	json_object_set_new(o, "title", json_string(st->title ? st->title : ""));
	if (st->first)
		json_object_set_new(o, "first", json_string(st->first));
	if (st->last)
		json_object_set_new(o, "last", json_string(st->last));
	json_object_set_new(o, "articles", json_integer(st->n_articles));
	json_object_set_new(o, "sources", rv_strlist_json(&st->sources));
	json_object_set_new(o, "langs", rv_strlist_json(&st->langs));
	return o;
}

/* The listing keeps stories in memory to group them by storyline. */
struct story_list {
	rv_story *items;
	size_t len, cap;
};

static int collect_story(const rv_story *st, void *ctx)
{
	struct story_list *l = ctx;
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		rv_story *p = realloc(l->items, cap * sizeof *p);
		if (!p)
			return RV_ENOMEM;
		l->items = p;
		l->cap = cap;
	}
	rv_story *dst = &l->items[l->len++];
	*dst = *st;
	/* take ownership: the store releases its copy after the callback */
	dst->title = st->title ? strdup(st->title) : NULL;
	dst->first = st->first ? strdup(st->first) : NULL;
	dst->last = st->last ? strdup(st->last) : NULL;
	rv_strlist_init(&dst->langs);
	rv_strlist_init(&dst->sources);
	for (size_t i = 0; i < st->langs.len; i++)
		rv_strlist_push(&dst->langs, st->langs.items[i]);
	for (size_t i = 0; i < st->sources.len; i++)
		rv_strlist_push(&dst->sources, st->sources.items[i]);
	return RV_OK;
}

static void print_story_line(const rv_story *st)
{
	char *langs = rv_strlist_join(&st->langs, ",");
	char dates[64];
	if (st->first && *st->first && strcmp(st->first, st->last))
		snprintf(dates, sizeof dates, "%s..%s", st->first, st->last);
	else
		snprintf(dates, sizeof dates, "%s", st->first && *st->first ? st->first : "undated");
	printf("  #%-6lld %-22s %3d article%s %2d outlet%s [%s]  %s\n", (long long)st->id, dates,
	       st->n_articles, st->n_articles == 1 ? " " : "s", st->n_sources,
	       st->n_sources == 1 ? " " : "s", langs ? langs : "", st->title ? st->title : "");
	free(langs);
}

int cmd_stories(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },   { "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' }, { "lang", required_argument, NULL, 'l' },
		{ "limit", required_argument, NULL, 'n' }, { "json", no_argument, NULL, 'j' },
		{ "source", required_argument, NULL, 'o' }, { "storyline", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	rv_filter f = { 0 };
	bool json = false;
	long limit = 0, storyline = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 's':
		case 'u':
			if (!cli_parse_day(optarg))
				return RV_EXIT_USAGE;
			*(c == 's' ? &f.since : &f.until) = optarg;
			break;
		case 'l': f.lang = optarg; break;
		case 'o': f.source = optarg; break;
		case 'S':
			if (!rv_parse_long(optarg, &storyline) || storyline < 1) {
				fprintf(stderr, "revue: --storyline is a storyline number, not '%s'\n", optarg);
				return cli_usage(stories_usage);
			}
			f.storyline = storyline;
			break;
		case 'n':
			if (!rv_parse_long(optarg, &limit) || limit < 1 || limit > INT32_MAX) {
				fprintf(stderr, "revue: --limit is a number of 1 or more, not '%s'\n", optarg);
				return cli_usage(stories_usage);
			}
			f.limit = (int)limit;
			break;
		case 'j': json = true; break;
		case 'h': puts(stories_usage); return RV_EXIT_OK;
		default: return cli_usage(stories_usage);
		}
	}
	if (optind < argc)
		return cli_usage(stories_usage);
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	struct story_list list = { 0 };
	rv_error err;
	rv_error_clear(&err);
	/* as the API lists them: the filters pick stories, each counted whole */
	int rc = rv_store_each_story_page(store, &f, collect_story, &list, &err);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		rc = RV_EXIT_FAILURE;
		goto out;
	}
	/* one storyline is read as a timeline: its first event first */
	for (size_t i = 0; f.storyline && i < list.len / 2; i++) {
		rv_story t = list.items[i];
		list.items[i] = list.items[list.len - 1 - i];
		list.items[list.len - 1 - i] = t;
	}
	if (json) {
		for (size_t i = 0; i < list.len; i++) {
			json_t *o = story_json(&list.items[i]);
			char *s = json_dumps(o, JSON_COMPACT);
			puts(s);
			free(s);
			json_decref(o);
		}
		goto out;
	}
	/* Text: storylines in the order of their newest event, events below. */
	bool *done = calloc(list.len ? list.len : 1, sizeof *done);
	if (!done) {
		rc = RV_EXIT_FAILURE;
		goto out;
	}
	for (size_t i = 0; i < list.len; i++) {
		if (done[i])
			continue;
		int64_t sl = list.items[i].storyline;
		size_t n_events = 0;
		for (size_t j = i; j < list.len; j++)
			if (!done[j] && list.items[j].storyline == sl)
				n_events++;
		if (sl) {
			char *name = rv_storyline_name(store, sl);
			printf("storyline %lld (%zu event%s)%s%s\n", (long long)sl, n_events,
			       n_events == 1 ? "" : "s", name ? ": " : "", name ? name : "");
			free(name);
		}
		for (size_t j = i; j < list.len; j++) {
			if (done[j] || list.items[j].storyline != sl)
				continue;
			done[j] = true;
			print_story_line(&list.items[j]);
		}
	}
	if (!list.len && f.storyline && !(f.since || f.until || f.lang || f.source))
		printf("no storyline %lld\n", (long long)f.storyline);
	else if (!list.len && (f.since || f.until || f.lang || f.source || f.storyline))
		printf("no stories match these filters\n");
	else if (!list.len)
		printf("no stories yet: run revue ingest PATH first\n");
	free(done);
out:
	rv_store_close(&store);
	for (size_t i = 0; i < list.len; i++)
		rv_story_release(&list.items[i]);
	free(list.items);
	return rc;
}

struct story_articles {
	json_t *arr;
	bool json;
};

/* s in a column of width characters (not bytes: "L'Écho des Vallées"
 * lines up with "Northern Ledger"), cut at a character's boundary. */
static int print_member(const rv_article *a, void *vctx)
{
	struct story_articles *ctx = vctx;
	if (ctx->json) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(a->id));
		if (a->source)
			json_object_set_new(o, "source", json_string(a->source));
		if (a->title)
			json_object_set_new(o, "title", json_string(a->title));
		if (a->published)
			json_object_set_new(o, "published", json_string(a->published));
		if (a->url)
			json_object_set_new(o, "url", json_string(a->url));
		if (a->lang)
			json_object_set_new(o, "lang", json_string(a->lang));
		if (a->ref)
			json_object_set_new(o, "ref", json_string(a->ref));
		if (a->duplicate_of)
			json_object_set_new(o, "duplicate_of", json_integer(a->duplicate_of));
		json_object_set_new(o, "similarity", json_real(a->event_similarity));
		json_t *quotes = json_array();
		for (size_t i = 0; i < a->n_quotes; i++) {
			json_t *q = json_object();
			json_object_set_new(q, "text", json_string(a->quotes[i].text));
			if (a->quotes[i].speaker)
				json_object_set_new(q, "speaker", json_string(a->quotes[i].speaker));
			json_array_append_new(quotes, q);
		}
		json_object_set_new(o, "quotes", quotes);
		json_array_append_new(ctx->arr, o);
		return RV_OK;
	}
	char *from = rv_outlet_label(a->source, a->ref);
	if (!from)
		return RV_ENOMEM;
	printf("  %-25s  ", a->published ? a->published : "undated");
	cli_print_column(from, 24);
	free(from);
	printf("  #%-5lld %s%s\n", (long long)a->id, a->title ? a->title : "(no title)",
	       a->duplicate_of ? "  [duplicate]" : "");
	return RV_OK;
}


/* ---- story facts: who said what, the figures ledger, entities over time ---- */

static void story_facts_json(const rv_story_facts *f, json_t *o)
{
	json_object_set_new(o, "speakers", rv_story_speakers_json(f));
	json_t *ledger = json_array();
	for (size_t i = 0; i < f->n_quantities; i++) {
		const rv_fact_quantity *q = &f->quantities[i];
		json_t *qo = json_object();
		json_object_set_new(qo, "unit", json_string(q->unit));
		json_object_set_new(qo, "key", json_string(q->key));
		json_object_set_new(qo, "outlets", json_integer(q->n_sources));
		json_object_set_new(qo, "disagree", json_boolean(q->disagree));
		json_t *rs = json_array();
		for (size_t k = 0; k < q->n_reports; k++) {
			const rv_fact_report *r = &q->reports[k];
			json_t *ro = json_object();
			json_object_set_new(ro, "article", json_integer(r->article));
			if (r->source)
				json_object_set_new(ro, "source", json_string(r->source));
			json_object_set_new(ro, "value", json_real(r->value));
			json_object_set_new(ro, "value_max", json_real(r->value_max));
			if (r->qualifier)
				json_object_set_new(ro, "qualifier", json_string(r->qualifier));
			if (r->text)
				json_object_set_new(ro, "text", json_string(r->text));
			if (r->context)
				json_object_set_new(ro, "context", json_string(r->context));
			json_array_append_new(rs, ro);
		}
		json_object_set_new(qo, "reports", rs);
		json_array_append_new(ledger, qo);
	}
	json_object_set_new(o, "figures_ledger", ledger);
	json_t *ents = json_array();
	for (size_t i = 0; i < f->n_entities; i++) {
		const rv_fact_entity *e = &f->entities[i];
		json_t *eo = json_object();
		json_object_set_new(eo, "name", json_string(e->name));
		json_object_set_new(eo, "type", json_string(e->type));
		json_object_set_new(eo, "aliases", rv_strlist_json(&e->aliases));
		json_object_set_new(eo, "mentions", json_integer(e->mentions));
		json_object_set_new(eo, "articles", json_integer(e->articles));
		json_t *days = json_object();
		for (size_t d = 0; d < e->n_days; d++)
			json_object_set_new(days, *e->days[d].day ? e->days[d].day : "undated",
					    json_integer(e->days[d].mentions));
		json_object_set_new(eo, "by_day", days);
		json_array_append_new(ents, eo);
	}
	json_object_set_new(o, "entities", ents);
}

static void print_value(double v, double vmax)
{
	if (vmax > v)
		printf("%.15g-%.15g", v, vmax);
	else
		printf("%.15g", v);
}

static void print_story_facts(const rv_story_facts *f)
{
	if (f->n_speakers) {
		printf("\nwho said what\n");
		for (size_t i = 0; i < f->n_speakers; i++) {
			const rv_fact_speaker *sp = &f->speakers[i];
			char *src = rv_strlist_join(&sp->sources, ", ");
			printf("  %s  [%s]\n", sp->speaker ? sp->speaker : "(unattributed)", src ? src : "");
			free(src);
			for (size_t k = 0; k < sp->n_quotes; k++) {
				const rv_fact_quote *q = &sp->quotes[k];
				char *qs = rv_strlist_join(&q->sources, ", ");
				printf("    \"%.300s\"%s%s%s  (%s)\n", q->text, q->role ? " (" : "",
				       q->role ? q->role : "", q->role ? ")" : "", qs ? qs : "");
				free(qs);
			}
		}
	}
	if (f->n_quantities) {
		printf("\nfigures ledger\n");
		for (size_t i = 0; i < f->n_quantities; i++) {
			const rv_fact_quantity *q = &f->quantities[i];
			printf("  %s: %d outlet%s%s\n", q->unit, q->n_sources, q->n_sources == 1 ? "" : "s",
			       q->disagree ? "  [outlets disagree]" : "");
			for (size_t k = 0; k < q->n_reports; k++) {
				const rv_fact_report *r = &q->reports[k];
				printf("    ");
				cli_print_column(r->source ? r->source : "?", 24);
				printf(" #%-5lld ", (long long)r->article);
				print_value(r->value, r->value_max);
				printf("  %s%s\"%s\"\n", r->qualifier ? r->qualifier : "", r->qualifier ? " " : "",
				       r->text ? r->text : "");
			}
		}
	}
	if (f->n_entities) {
		printf("\nentities (mentions by day)\n");
		for (size_t i = 0; i < f->n_entities && i < 20; i++) {
			const rv_fact_entity *e = &f->entities[i];
			printf("  ");
			cli_print_column(e->name, 28);
			printf(" %-12s %3d in %d article%s:", e->type, e->mentions, e->articles,
			       e->articles == 1 ? "" : "s");
			for (size_t d = 0; d < e->n_days; d++)
				printf(" %s=%d", *e->days[d].day ? e->days[d].day : "undated", e->days[d].mentions);
			printf("\n");
		}
	}
}

int cmd_story(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "json", no_argument, NULL, 'j' },
		{ "why", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool json = false, why = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 'j': json = true; break;
		case 'w': why = true; break;
		case 'h': puts(story_usage); return RV_EXIT_OK;
		default: return cli_usage(story_usage);
		}
	}
	int64_t id;
	if (optind != argc - 1)
		return cli_usage(story_usage);
	if (!cli_parse_id(argv[optind], &id))
		return RV_EXIT_USAGE;
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	if (why) { /* story_why.c */
		int wrc = cli_story_why(store, id, json);
		rv_store_close(&store);
		return wrc;
	}
	rv_story st;
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_get_story(store, id, &st, &err);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		rv_store_close(&store);
		return rc == RV_EINPUT ? RV_EXIT_USAGE : RV_EXIT_FAILURE;
	}
	struct story_articles ctx = { json_array(), json };
	rv_filter f = { 0 };
	f.event = id;
	if (!json) {
		printf("event #%lld: %s\n", (long long)st.id, st.title ? st.title : "");
		char *sources = rv_strlist_join(&st.sources, ", ");
		if (st.first && *st.first)
			printf("%s..%s, ", st.first, st.last ? st.last : st.first);
		else
			printf("undated, ");
		printf("%d article%s, outlets: %s\n", st.n_articles, st.n_articles == 1 ? "" : "s",
		       sources && *sources ? sources : "(unknown)");
		free(sources);
		if (st.storyline)
			printf("storyline %lld\n", (long long)st.storyline);
		printf("\n");
	}
	rc = rv_store_each_article(store, &f, print_member, &ctx, &err);
	rv_story_facts facts;
	if (!rc)
		rc = rv_store_story_facts(store, id, RV_FACTS_ENTITY_ALIASES | RV_FACTS_ENTITY_DAYS, &facts,
					  &err);
	else
		memset(&facts, 0, sizeof facts);
	rv_store_close(&store);
	if (!rc && !json)
		print_story_facts(&facts);
	if (!rc && json) {
		json_t *o = story_json(&st);
		json_object_set_new(o, "members", ctx.arr);
		story_facts_json(&facts, o);
		ctx.arr = NULL;
		char *s = json_dumps(o, JSON_COMPACT);
		puts(s);
		free(s);
		json_decref(o);
	}
	json_decref(ctx.arr);
	rv_story_facts_release(&facts);
	rv_story_release(&st);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_FAILURE;
	}
	return RV_EXIT_OK;
}
