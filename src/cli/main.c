/* main.c - the revue command: global options and the subcommand table. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct command {
	const char *name;
	rv_cmd_fn fn;
	const char *summary;
};


/* Adding a command is one row here and one file in src/cli/. */
static const struct command commands[] = {
	{ "ingest", cmd_ingest, "add files, directories or stdin to the store; dedup and group" },
	{ "extract", cmd_extract, "print one JSON article per input, without storing" },
	{ "stories", cmd_stories, "list events and storylines, newest first" },
	{ "story", cmd_story, "one event: articles, outlets, timeline" },
	{ "article", cmd_article, "one stored article with everything extracted" },
	{ "export", cmd_export, "all articles or events as JSONL or CSV" },
	{ "search", cmd_search, "ranked full-text search with filters" },
	{ "serve", cmd_serve, "HTTP JSON API and web page (127.0.0.1:8080)" },
	{ "watch", cmd_watch, "poll feeds, fetch new articles and store them (--once: one pass)" },
	{ "entities", cmd_entities, "people, organisations and places across the store, with variants" },
	{ "regroup", cmd_regroup, "re-cluster a window of articles into events and storylines" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: revue [--db PATH] COMMAND [ARGS]\n\n"
		     "revue turns crawled news into clean articles grouped into events.\n\n"
		     "commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nevery command takes --db PATH (default $REVUE_DB or ./revue.db)\n"
		     "and --help. Exit status: 0 ok, 1 usage error, 2 input rejected,\n"
		     "3 failure (store, memory).\n");
}

static bool is_command(const char *word)
{
	for (size_t c = 0; c < sizeof commands / sizeof *commands; c++)
		if (!strcmp(word, commands[c].name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	rv_cli cli = { 0 };
	cli.db_path = getenv("REVUE_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "revue.db";
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--db")) {
			/* "revue --db stories" lost its path: the command is not one
			 * (a store named so is written ./stories) */
			if (i + 1 >= argc || is_command(argv[i + 1])) {
				fprintf(stderr, "revue: --db needs a PATH (revue --db PATH COMMAND ...)\n");
				return RV_EXIT_USAGE;
			}
			cli.db_path = argv[i + 1];
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli.db_path = argv[i] + 5;
			i++;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return RV_EXIT_OK;
		} else {
			fprintf(stderr, "revue: unknown option %s\n", argv[i]);
			usage(stderr);
			return RV_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return RV_EXIT_USAGE;
	}
	for (size_t c = 0; c < sizeof commands / sizeof *commands; c++)
		if (!strcmp(argv[i], commands[c].name))
			return commands[c].fn(&cli, argc - i, argv + i);
	fprintf(stderr, "revue: unknown command '%s'\n", argv[i]);
	usage(stderr);
	return RV_EXIT_USAGE;
}
