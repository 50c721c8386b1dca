/* cmd_entities.c - revue entities: the people, organisations and places of
 * the whole store, folded across articles and languages, with their variants. */
#include "cli/cli.h"
#include "store/entity_list.h"

#include <getopt.h>
#include <stdint.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char entities_usage[] =
	"revue entities [--type person|organization|location|other] [--limit N] [--json]\n"
	"  Entities of all stored articles, named by the most articles first, with the name variants seen.";

struct shown {
	long n;
};

static int print_json(const rv_entity_row *e, void *p)
{
	struct shown *c = p;
	json_t *al = json_array();
	for (size_t k = 0; k < e->aliases->len; k++)
		json_array_append_new(al, json_string(e->aliases->items[k]));
	json_t *o = json_pack("{s:s,s:s,s:o,s:I,s:I}", "name", e->name, "type", e->type, "aliases", al,
			      "mentions", (json_int_t)e->mentions, "articles", (json_int_t)e->articles);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!s)
		return RV_ENOMEM;
	int rc = puts(s) < 0 ? RV_EIO : RV_OK;
	free(s);
	c->n++;
	return rc;
}

static int print_text(const rv_entity_row *e, void *p)
{
	struct shown *c = p;
	char *al = rv_strlist_join(e->aliases, " | ");
	int rc = printf("%5lld  %3lld art.  %-12s %s%s%s%s\n", (long long)e->mentions,
			(long long)e->articles, e->type, e->name,
			al && *al ? "  (" : "", al && *al ? al : "", al && *al ? ")" : "") < 0
			 ? RV_EIO
			 : RV_OK;
	free(al);
	c->n++;
	return rc;
}

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
	rv_entity_query q = { .type = type, .aliases = true, .limit = (int)limit };
	struct shown shown = { 0 };
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_store_each_entity(store, &q, json ? print_json : print_text, &shown, &err);
	rv_store_close(&store);
	if (rc) {
		/* the printers fail without a message */
		fprintf(stderr, "revue: %s\n", rc == RV_EIO ? "cannot write the list"
					       : rc == RV_ENOMEM ? "out of memory" : err.msg);
		return RV_EXIT_FAILURE;
	}
	if (!json && !shown.n && !type)
		printf("no entities yet: run revue ingest PATH first\n");
	return RV_EXIT_OK;
}
