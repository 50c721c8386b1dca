/* cmd_article.c - revue article ID [--json] */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char usage_text[] = "revue article ID [--json]\n"
				 "  One stored article with everything extracted.";

static void print_text(const rv_article *a)
{
	printf("#%lld  %s\n", (long long)a->id, a->title ? a->title : "(no title)");
	if (a->source)
		printf("outlet:    %s\n", a->source);
	if (a->url)
		printf("url:       %s\n", a->url);
	if (a->published)
		printf("published: %s%s%s%s\n", a->published, a->published_source ? " (" : "",
		       a->published_source ? a->published_source : "", a->published_source ? ")" : "");
	if (a->modified)
		printf("modified:  %s\n", a->modified);
	if (a->authors.len) {
		char *s = rv_strlist_join(&a->authors, ", ");
		printf("authors:   %s\n", s);
		free(s);
	}
	if (a->tags.len) {
		char *s = rv_strlist_join(&a->tags, ", ");
		printf("tags:      %s\n", s);
		free(s);
	}
	if (a->lang)
		printf("language:  %s\n", a->lang);
	if (a->event)
		printf("event:     %lld (storyline %lld)\n", (long long)a->event, (long long)a->storyline);
	if (a->duplicate_of)
		printf("duplicate of #%lld\n", (long long)a->duplicate_of);
	printf("\n%s\n", a->text ? a->text : "");
}

int cmd_article(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool json = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 'j': json = true; break;
		case 'h': puts(usage_text); return RV_EXIT_OK;
		default: return cli_usage(usage_text);
		}
	}
	int64_t id;
	if (optind != argc - 1)
		return cli_usage(usage_text);
	if (!cli_parse_id(argv[optind], &id))
		return RV_EXIT_USAGE;
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	rv_article a;
	rv_article_init(&a);
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_get_article(store, id, &a, &err);
	rv_store_close(&store);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		rv_article_release(&a);
		return rc == RV_EINPUT ? RV_EXIT_USAGE : RV_EXIT_FAILURE;
	}
	if (json) {
		char *s = rv_article_to_json(&a);
		if (s)
			puts(s);
		free(s);
	} else {
		print_text(&a);
	}
	rv_article_release(&a);
	return RV_EXIT_OK;
}
