/* cmd_regroup.c - revue regroup: place a window of stored articles again
 * (after changing the grouping thresholds). */
#include "analyze/analyze.h"
#include "cli/cli.h"
#include "group/group.h"
#include "pipeline/pipeline.h"
#include "store/group_store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char regroup_usage[] =
	"revue regroup --since YYYY-MM-DD [--config FILE] [--set NAME=VALUE]... [--show-config]\n"
	"  Re-cluster the articles published since the day into events and storylines,\n"
	"  with the grouping settings of FILE / --set (default: the built-in ones,\n"
	"  $REVUE_GROUP_CONFIG, $REVUE_GROUP). Duplicates follow their originals.\n"
	"  --show-config prints the settings in effect and exits.";

static int save_event(const rv_event *ev, void *ctx)
{
	return rv_store_save_event(ctx, ev, NULL);
}

static int load_event(const rv_event *ev, void *ctx)
{
	return rv_grouper_load_event(ctx, ev);
}

int cmd_regroup(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },	    { "since", required_argument, NULL, 's' },
		{ "config", required_argument, NULL, 'c' }, { "set", required_argument, NULL, 'S' },
		{ "show-config", no_argument, NULL, 'p' },  { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	rv_group_config cfg;
	rv_error err;
	rv_error_clear(&err);
	if (rv_group_config_from_env(&cfg, &err)) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_USAGE;
	}
	const char *since = NULL;
	bool show = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 's':
			if (!cli_parse_day(optarg))
				return RV_EXIT_USAGE;
			since = optarg;
			break;
		case 'c':
			if (rv_group_config_load(&cfg, optarg, &err)) {
				fprintf(stderr, "revue: %s\n", err.msg);
				return RV_EXIT_USAGE;
			}
			break;
		case 'S': {
			char name[64];
			const char *eq = strchr(optarg, '=');
			if (!eq || (size_t)(eq - optarg) >= sizeof name)
				return cli_usage(regroup_usage);
			snprintf(name, sizeof name, "%.*s", (int)(eq - optarg), optarg);
			if (rv_group_config_set(&cfg, name, eq + 1, &err)) {
				fprintf(stderr, "revue: %s\n", err.msg);
				return RV_EXIT_USAGE;
			}
			break;
		}
		case 'p': show = true; break;
		case 'h': puts(regroup_usage); return RV_EXIT_OK;
		default: return cli_usage(regroup_usage);
		}
	}
	if (show) {
		rv_group_config_print(&cfg, stdout);
		return RV_EXIT_OK;
	}
	if (optind < argc || !since || strlen(since) < 4)
		return cli_usage(regroup_usage);
	rv_store *store = cli_open_store(cli, false);
	if (!store)
		return RV_EXIT_FAILURE;
	rv_analyzer *an = NULL;
	rv_grouper *g = NULL;
	int64_t *ids = NULL, next_event, next_storyline;
	size_t n = 0, placed = 0;
	int rc;
	if ((rc = rv_store_begin(store, &err)))
		goto out;
	/* numbered above every old event, so that the old numbers are free to
	 * be taken back (rv_store_regroup_keep_ids) rather than reused in
	 * placement order for other stories */
	if ((rc = rv_store_next_ids(store, &next_event, &next_storyline, &err)) ||
	    (rc = rv_store_regroup_window(store, since, &ids, &n, &err)) ||
	    (rc = rv_analyzer_new(&an, &err)) || (rc = rv_grouper_new(&cfg, &g, &err)) ||
	    (rc = rv_group_load_term_map(g, &err)))
		goto fail;
	rv_analyzer_set_title_weight(an, cfg.title_weight);
	rv_grouper_set_next_ids(g, next_event, next_storyline);
	int window = cfg.storyline_window_days > cfg.event_window_days ? cfg.storyline_window_days
								       : cfg.event_window_days;
	if ((rc = rv_store_load_events(store, window, load_event, g, &err)))
		goto fail;
	int64_t first_new = next_event, first_new_storyline = next_storyline, rebuilt, kept;
	for (size_t i = 0; i < n; i++) {
		rv_article a;
		rv_article_init(&a);
		if ((rc = rv_store_get_article(store, ids[i], &a, &err)) ||
		    (rc = rv_analyze(an, &a, &err)) || (rc = rv_grouper_place(g, &a, &err)) ||
		    (rc = rv_store_set_grouping(store, &a, &err))) {
			rv_article_release(&a);
			goto fail;
		}
		rv_article_release(&a);
		placed++;
	}
	if ((rc = rv_grouper_flush(g, save_event, store))) {
		rv_fail(&err, rc, "saving events failed");
		goto fail;
	}
	if ((rc = rv_store_regroup_keep_ids(store, first_new, first_new_storyline, &rebuilt, &kept, &err)) ||
	    (rc = rv_store_sync_duplicates(store, &err)))
		goto fail;
	if ((rc = rv_store_commit(store, &err)))
		goto out;
	printf("regroup: %zu articles since %s placed again; %lld events rebuilt, %lld under their old "
	       "numbers\n",
	       placed, since, (long long)rebuilt, (long long)kept);
	goto out;
fail:
	rv_store_rollback(store);
out:
	if (rc)
		fprintf(stderr, "revue: %s\n", err.msg);
	free(ids);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	rv_store_close(&store);
	return rc ? RV_EXIT_FAILURE : RV_EXIT_OK;
}
