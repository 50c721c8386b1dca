/* cmd_export.c - revue export [--format jsonl|csv] [--what articles|events] */
#include "cli/cli.h"
#include "store/browse.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"revue export [--format jsonl|csv] [--what articles|events] [--since D] [--until D] [--lang L]\n"
	"  Everything stored, one record per line, in ingest order.";

/* RFC 4180: quote every field, double the quotes inside. */
static void csv_field(const char *s, bool last)
{
	putchar('"');
	for (; s && *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
	putchar(last ? '\n' : ',');
}

static void csv_id(long long v, bool last)
{
	if (v)
		printf("%lld", v);
	putchar(last ? '\n' : ',');
}

static int article_jsonl(const rv_article *a, void *ctx)
{
	(void)ctx;
	char *s = rv_article_to_json(a);
	if (!s)
		return RV_ENOMEM;
	puts(s);
	free(s);
	return RV_OK;
}

static int article_csv(const rv_article *a, void *ctx)
{
	(void)ctx;
	char *authors = rv_strlist_join(&a->authors, "; ");
	csv_id(a->id, false);
	csv_field(a->ref, false);
	csv_field(a->url, false);
	csv_field(a->source, false);
	csv_field(a->title, false);
	csv_field(a->published, false);
	csv_field(authors, false);
	csv_field(a->lang, false);
	csv_id(a->event, false);
	csv_id(a->storyline, false);
	csv_id(a->duplicate_of, true);
	free(authors);
	return RV_OK;
}

static int event_out(const rv_story *st, void *ctx)
{
	bool csv = *(bool *)ctx;
	if (csv) {
		char *sources = rv_strlist_join(&st->sources, "; ");
		char *langs = rv_strlist_join(&st->langs, "; ");
		csv_id(st->id, false);
		csv_id(st->storyline, false);
		csv_field(st->title, false);
		csv_field(st->first, false);
		csv_field(st->last, false);
		printf("%d,", st->n_articles);
		csv_field(sources, false);
		csv_field(langs, true);
		free(sources);
		free(langs);
		return RV_OK;
	}
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(st->id));
	if (st->storyline)
		json_object_set_new(o, "storyline", json_integer(st->storyline));
	json_object_set_new(o, "title", json_string(st->title ? st->title : ""));
	json_object_set_new(o, "first", json_string(st->first ? st->first : ""));
	json_object_set_new(o, "last", json_string(st->last ? st->last : ""));
	json_object_set_new(o, "articles", json_integer(st->n_articles));
	json_t *src = json_array(), *lg = json_array();
	for (size_t i = 0; i < st->sources.len; i++)
		json_array_append_new(src, json_string(st->sources.items[i]));
	for (size_t i = 0; i < st->langs.len; i++)
		json_array_append_new(lg, json_string(st->langs.items[i]));
	json_object_set_new(o, "sources", src);
	json_object_set_new(o, "langs", lg);
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s)
		return RV_ENOMEM;
	puts(s);
	free(s);
	return RV_OK;
}

int cmd_export(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },   { "format", required_argument, NULL, 'f' },
		{ "what", required_argument, NULL, 'w' },  { "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' }, { "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	bool csv = false, events = false;
	rv_filter f = { 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 'f':
			if (!strcmp(optarg, "csv"))
				csv = true;
			else if (strcmp(optarg, "jsonl") && strcmp(optarg, "json"))
				return cli_usage(usage_text);
			break;
		case 'w':
			if (!strcmp(optarg, "events"))
				events = true;
			else if (strcmp(optarg, "articles"))
				return cli_usage(usage_text);
			break;
		case 's':
		case 'u':
			if (!cli_parse_day(optarg))
				return RV_EXIT_USAGE;
			*(c == 's' ? &f.since : &f.until) = optarg;
			break;
		case 'l': f.lang = optarg; break;
		case 'h': puts(usage_text); return RV_EXIT_OK;
		default: return cli_usage(usage_text);
		}
	}
	if (optind < argc)
		return cli_usage(usage_text);
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	rv_error err;
	rv_error_clear(&err);
	int rc;
	if (events) {
		if (csv)
			puts("id,storyline,title,first,last,articles,sources,langs");
		rc = rv_store_each_story_page(store, &f, event_out, &csv, &err);
	} else {
		if (csv)
			puts("id,ref,url,source,title,published,authors,lang,event,storyline,duplicate_of");
		rc = rv_store_each_article(store, &f, csv ? article_csv : article_jsonl, NULL, &err);
	}
	rv_store_close(&store);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg[0] ? err.msg : "export failed");
		return RV_EXIT_FAILURE;
	}
	return RV_EXIT_OK;
}
