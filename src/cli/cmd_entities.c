/* cmd_entities.c - revue entities: the people, organisations and places of
 * the whole store, folded across articles and languages, with their variants. */
#include "cli/cli.h"
#include "store/story_facts.h"

#include <getopt.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char entities_usage[] =
	"revue entities [--type person|organization|location|other] [--limit N] [--json]\n"
	"  Entities of all stored articles, most mentioned first, with the name variants seen.";

int cmd_entities(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },   { "type", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' }, { "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	bool json = false;
	long limit = 50;
	const char *type = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 't':
			if (!rv_entity_type_known(optarg)) {
				fprintf(stderr, "revue: unknown type '%s' (person, organization, location, other)\n",
					optarg);
				return cli_usage(entities_usage);
			}
			type = optarg;
			break;
		case 'n':
			if (!rv_parse_long(optarg, &limit) || limit < 1 || limit > INT32_MAX) {
				fprintf(stderr, "revue: --limit is a number of 1 or more, not '%s'\n", optarg);
				return cli_usage(entities_usage);
			}
			break;
		case 'j': json = true; break;
		case 'h': puts(entities_usage); return RV_EXIT_OK;
		default: return cli_usage(entities_usage);
		}
	}
	if (optind < argc)
		return cli_usage(entities_usage);
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	rv_story_facts f;
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_all_entities(store, 0, &f, &err);
	rv_store_close(&store);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_FAILURE;
	}
	long shown = 0;
	for (size_t i = 0; i < f.n_entities && (!limit || shown < limit); i++) {
		const rv_fact_entity *e = &f.entities[i];
		if (type && strcmp(e->type, type))
			continue;
		shown++;
		if (json) {
			json_t *o = json_object();
			json_object_set_new(o, "name", json_string(e->name));
			json_object_set_new(o, "type", json_string(e->type));
			json_t *al = json_array();
			for (size_t k = 0; k < e->aliases.len; k++)
				json_array_append_new(al, json_string(e->aliases.items[k]));
			json_object_set_new(o, "aliases", al);
			json_object_set_new(o, "mentions", json_integer(e->mentions));
			json_object_set_new(o, "articles", json_integer(e->articles));
			char *s = json_dumps(o, JSON_COMPACT);
			if (s)
				puts(s);
			free(s);
			json_decref(o);
			continue;
		}
		char *al = rv_strlist_join(&e->aliases, " | ");
		printf("%5d  %3d art.  %-12s %s%s%s%s\n", e->mentions, e->articles, e->type, e->name,
		       al && *al ? "  (" : "", al && *al ? al : "", al && *al ? ")" : "");
		free(al);
	}
	if (!json && !f.n_entities)
		printf("no entities yet: run revue ingest PATH first\n");
	rv_story_facts_release(&f);
	return RV_EXIT_OK;
}
