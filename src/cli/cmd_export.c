/* cmd_export.c - revue export [--format jsonl|csv] [--what articles|events] */
#include "cli/cli.h"
#include "store/browse.h"
#include "core/buf.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"revue export [--format jsonl|csv] [--what articles|events] [--since D] [--until D] [--lang L]\n"
	"  Everything stored, one record per line, in ingest order.";

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

/* The rows are the API's (rv_csv_article): one buffer, reused. */
static int article_csv(const rv_article *a, void *ctx)
{
	rv_buf *row = ctx;
	rv_buf_reset(row);
	if (rv_csv_article(row, a))
		return RV_ENOMEM;
	fwrite(rv_buf_str(row), 1, row->len, stdout);
	return RV_OK;
}

static int event_csv(const rv_story *st, rv_buf *row)
{
	char id[24], storyline[24], n[24];
	snprintf(id, sizeof id, "%lld", (long long)st->id);
	snprintf(storyline, sizeof storyline, "%lld", (long long)st->storyline);
	snprintf(n, sizeof n, "%d", st->n_articles);
	char *sources = rv_strlist_join(&st->sources, "; ");
	char *langs = rv_strlist_join(&st->langs, "; ");
	rv_buf_reset(row);
	int rc = !sources || !langs;
	if (!rc)
		rc = rv_csv_field(row, id, false) | rv_csv_field(row, st->storyline ? storyline : "", false) |
		     rv_csv_field(row, st->title, false) | rv_csv_field(row, st->first, false) |
		     rv_csv_field(row, st->last, false) | rv_csv_field(row, n, false) |
		     rv_csv_field(row, sources, false) | rv_csv_field(row, langs, true);
	free(sources);
	free(langs);
	if (rc)
		return RV_ENOMEM;
	fwrite(rv_buf_str(row), 1, row->len, stdout);
	return RV_OK;
}

struct event_ctx {
	bool csv;
	rv_buf row;
};

static int event_out(const rv_story *st, void *vctx)
{
	struct event_ctx *ctx = vctx;
	if (ctx->csv)
		return event_csv(st, &ctx->row);
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
			else if (strcmp(optarg, "jsonl") && strcmp(optarg, "json")) {
				fprintf(stderr, "revue: --format is jsonl or csv, not '%s'\n", optarg);
				return cli_usage(usage_text);
			}
			break;
		case 'w':
			if (!strcmp(optarg, "events"))
				events = true;
			else if (strcmp(optarg, "articles")) {
				fprintf(stderr, "revue: --what is articles or events, not '%s'\n", optarg);
				return cli_usage(usage_text);
			}
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
	struct event_ctx ctx = { .csv = csv };
	rv_buf_init(&ctx.row, RV_BUF_DEFAULT_MAX);
	if (events) {
		if (csv)
			fputs("id,storyline,title,first,last,articles,sources,langs\r\n", stdout);
		rc = rv_store_each_story_page(store, &f, event_out, &ctx, &err);
	} else {
		if (csv)
			fputs(rv_csv_article_header, stdout);
		rc = rv_store_each_article(store, &f, csv ? article_csv : article_jsonl, &ctx.row, &err);
	}
	rv_buf_release(&ctx.row);
	rv_store_close(&store);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg[0] ? err.msg : "export failed");
		return RV_EXIT_FAILURE;
	}
	return RV_EXIT_OK;
}
