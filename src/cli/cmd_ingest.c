/* cmd_ingest.c - revue ingest [--format F] [--quiet] PATH|- ... */
#include "cli/cli.h"
#include "cli/progress.h"
#include "fetch/ingest_url.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"revue ingest [--db PATH] [--format auto|text|html|jsonl|warc|feed] [--source NAME] [--quiet]\n"
	"             PATH|URL|- ...\n"
	"  Add files, directories (recursively), http(s) URLs or stdin (-) to the store: extract,\n"
	"  analyze, mark duplicates and group into events. Re-ingesting changes nothing.\n"
	"  --source NAME: the outlet of these inputs (a JSONL record's own \"source\" still wins).";

struct ingest_ctx {
	rv_pipeline *pipeline;
	rv_progress *progress;
	const char *source;  /* --source: the outlet of records that name none */
	size_t rejected;
	int fatal;
	rv_error fatal_err;
};

static void on_reject(const char *ref, const char *reason, void *vctx)
{
	struct ingest_ctx *ctx = vctx;
	ctx->rejected++;
	rv_progress_interrupt(ctx->progress);
	fprintf(stderr, "revue: %s: %s\n", ref, reason);
}

static int on_record(const rv_record *rec, void *vctx)
{
	struct ingest_ctx *ctx = vctx;
	rv_error err;
	rv_error_clear(&err);
	rv_record with_source;
	if (ctx->source && !(rec->source && *rec->source)) {
		with_source = *rec;
		with_source.source = ctx->source;
		rec = &with_source;
	}
	int rc = rv_pipeline_add(ctx->pipeline, rec, NULL, &err);
	const rv_pipeline_stats *st = rv_pipeline_stats_get(ctx->pipeline);
	rv_progress_update(ctx->progress, rec->ref, st->records, st->records - st->rejected);
	if (rc == RV_EINPUT) {
		on_reject(rec->ref, err.msg, ctx);
		return RV_OK;
	}
	if (rc) {
		ctx->fatal = rc;
		ctx->fatal_err = err;
	}
	return rc;
}

int cmd_ingest(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "source", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	rv_ingest_opts opts = { 0 };
	bool quiet = false;
	const char *source = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:q", longopts, NULL)) != -1) {
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
		case 's':
			source = optarg;
			break;
		case 'q':
			quiet = true;
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

	rv_store *store = cli_open_store(cli, false);
	if (!store)
		return RV_EXIT_FAILURE;
	struct ingest_ctx ctx = { 0 };
	ctx.source = source;
	rv_error err;
	rv_error_clear(&err);
	if (rv_pipeline_open(store, NULL, &ctx.pipeline, &err)) {
		fprintf(stderr, "revue: %s\n", err.msg);
		rv_store_close(&store);
		return RV_EXIT_FAILURE;
	}
	rv_pipeline_defer_undated(ctx.pipeline, true);
	opts.on_record = on_record;
	opts.on_reject = on_reject;
	opts.ctx = &ctx;
	ctx.progress = rv_progress_new(stderr, quiet);
	for (int i = optind; i < argc; i++)
		rv_progress_add_path(ctx.progress, argv[i]);
	int rc = RV_OK;
	rv_fetcher *fetcher = NULL; /* made when a URL is given */
	for (int i = optind; i < argc && rc == RV_OK; i++) {
		if (!rv_is_url(argv[i]))
			rc = rv_ingest_path(argv[i], &opts, &err);
		else if (fetcher || !(rc = rv_fetcher_new(NULL, &fetcher, &err)))
			rc = rv_ingest_url(fetcher, argv[i], &opts, &err);
	}
	rv_fetcher_free(&fetcher);
	rv_progress_finish(ctx.progress);
	rv_progress_free(&ctx.progress);
	if (rc == RV_OK)
		rc = rv_pipeline_commit(ctx.pipeline, &err); /* places deferred articles */
	rv_pipeline_stats stats = *rv_pipeline_stats_get(ctx.pipeline);
	int close_rc = rv_pipeline_close(&ctx.pipeline, &err);
	rv_store_close(&store);
	if (ctx.fatal) {
		fprintf(stderr, "revue: %s\n", ctx.fatal_err.msg);
		return RV_EXIT_FAILURE;
	}
	if (rc || close_rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_FAILURE;
	}
	if (!quiet)
		fprintf(stderr,
			"ingest: %zu records: %zu stored, %zu duplicates, %zu unchanged, %zu rejected\n",
			/* every input counted once: a rejected file is a record too */
			stats.stored + stats.duplicates + stats.unchanged + ctx.rejected, stats.stored,
			stats.duplicates, stats.unchanged, ctx.rejected);
	return ctx.rejected ? RV_EXIT_REJECTED : RV_EXIT_OK;
}
