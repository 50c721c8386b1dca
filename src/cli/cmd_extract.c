/* cmd_extract.c - revue extract [--format F] PATH|- ... : JSON lines, no store. */
#include "cli/cli.h"
#include "analyze/analyze.h"
#include "extract/extract.h"
#include "fetch/ingest_url.h"
#include "ingest/ingest.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static const char usage_text[] =
	"revue extract [--format auto|text|html|jsonl|warc|feed] [--no-analysis] PATH|URL|- ...\n"
	"  Print one JSON article per input record on stdout (nothing is stored).\n"
	"  --no-analysis  text, metadata and language only: no entities, quotes, figures";

struct extract_ctx {
	rv_analyzer *analyzer;
	size_t rejected;
};

static void on_reject(const char *ref, const char *reason, void *vctx)
{
	struct extract_ctx *ctx = vctx;
	ctx->rejected++;
	fprintf(stderr, "revue: %s: %s\n", ref, reason);
}

static int on_record(const rv_record *rec, void *vctx)
{
	struct extract_ctx *ctx = vctx;
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_extract(rec, &a, &err);
	if (!rc)
		rc = rv_analyze(ctx->analyzer, &a, &err);
	if (rc == RV_OK) {
		char *json = rv_article_to_json(&a);
		if (json) {
			fputs(json, stdout);
			fputc('\n', stdout);
			free(json);
		} else {
			rc = RV_ENOMEM;
		}
	}
	rv_article_release(&a);
	if (rc == RV_EINPUT) {
		on_reject(rec->ref, err.msg, ctx);
		return RV_OK;
	}
	if (rc)
		fprintf(stderr, "revue: %s: %s\n", rec->ref, err.msg[0] ? err.msg : "out of memory");
	return rc;
}

int cmd_extract(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "no-analysis", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	rv_ingest_opts opts = { 0 };
	bool analysis = true;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (c) {
		case 'D':
			cli->db_path = optarg;
			break;
		case 'f': {
			int f = rv_format_from_name(optarg);
			if (f < 0) {
				fprintf(stderr, "revue: unknown format '%s' (auto, text, html, jsonl, warc, feed)\n",
					optarg);
				return cli_usage(usage_text);
			}
			opts.format = (rv_format)f;
			break;
		}
		case 'N':
			analysis = false;
			break;
		case 'h':
			puts(usage_text);
			return RV_EXIT_OK;
		default:
			return cli_usage(usage_text);
		}
	}
	if (optind >= argc)
		return cli_usage(usage_text);
	struct extract_ctx ctx = { 0 };
	rv_error err;
	rv_error_clear(&err);
	if (rv_analyzer_new(&ctx.analyzer, &err)) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_FAILURE;
	}
	/* Terms serve grouping only: the JSON article has none. */
	rv_analyzer_set_passes(ctx.analyzer, analysis ? RV_ANALYZE_FACTS : 0);
	opts.on_record = on_record;
	opts.on_reject = on_reject;
	opts.ctx = &ctx;
	int rc = RV_OK;
	rv_fetcher *fetcher = NULL; /* made when a URL is given, as ingest does */
	for (int i = optind; i < argc && rc == RV_OK; i++) {
		if (!rv_is_url(argv[i]))
			rc = rv_ingest_path(argv[i], &opts, &err);
		else if (fetcher || !(rc = rv_fetcher_new(NULL, &fetcher, &err)))
			rc = rv_ingest_url(fetcher, argv[i], &opts, &err);
	}
	rv_fetcher_free(&fetcher);
	if (rc)
		fprintf(stderr, "revue: %s\n", err.msg);
	rv_analyzer_free(&ctx.analyzer);
	if (rc)
		return RV_EXIT_FAILURE;
	return ctx.rejected ? RV_EXIT_REJECTED : RV_EXIT_OK;
}
