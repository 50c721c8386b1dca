/* cmd_search.c - revue search QUERY [--json] [filters] */
#include "cli/cli.h"
#include "core/date.h"
#include "store/search.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"revue search QUERY [--json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--lang L]\n"
	"             [--source NAME] [--event ID] [--entity NAME] [--limit N] [--offset N]\n"
	"  Ranked full-text search (case, accents and word endings do not matter).\n"
	"  \"a phrase\", OR, NOT and word* (prefix) are understood.";

/* The snippet with its highlight markers turned into [brackets] for a
 * terminal (JSON carries the spans as snippet_parts). */
static char *snippet_bracketed(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == RV_HL_START || s[i] == RV_HL_END) {
			out[j++] = s[i] == RV_HL_START ? '[' : ']';
			continue;
		}
		/* one line per snippet: paragraph breaks become spaces */
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			if (j && out[j - 1] != ' ')
				out[j++] = ' ';
			continue;
		}
		out[j++] = s[i];
	}
	out[j] = '\0';
	return out;
}

struct ctx {
	bool json;
	int n;
};

static int print_hit(const rv_search_hit *h, void *p)
{
	struct ctx *c = p;
	c->n++;
	if (c->json) {
		json_t *o = rv_search_hit_json(h);
		char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (!s)
			return RV_ENOMEM;
		puts(s);
		free(s);
		return RV_OK;
	}
	char *snip = snippet_bracketed(h->snippet);
	printf("#%-6lld %.10s  ", (long long)h->id, h->published ? h->published : "----------");
	cli_print_column(h->source ? h->source : "", 20);
	printf(" %s\n", h->title ? h->title : "(no title)");
	if (snip && *snip)
		printf("         %s\n", snip);
	free(snip);
	return RV_OK;
}

int cmd_search(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },     { "json", no_argument, NULL, 'j' },
		{ "since", required_argument, NULL, 's' },  { "until", required_argument, NULL, 'u' },
		{ "lang", required_argument, NULL, 'l' },   { "source", required_argument, NULL, 'o' },
		{ "event", required_argument, NULL, 'e' },  { "entity", required_argument, NULL, 'E' },
		{ "limit", required_argument, NULL, 'n' },  { "offset", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
	};
	rv_search_query q = { 0 };
	q.f.limit = 20;
	struct ctx c = { 0 };
	long v;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 'D': cli->db_path = optarg; break;
		case 'j': c.json = true; break;
		case 's':
		case 'u':
			if (!cli_parse_day(optarg))
				return RV_EXIT_USAGE;
			*(opt == 's' ? &q.f.since : &q.f.until) = optarg;
			break;
		case 'l': q.f.lang = optarg; break;
		case 'o': q.f.source = optarg; break;
		case 'E': q.entity = optarg; break;
		case 'e':
			if (!cli_parse_id(optarg, &q.f.event))
				return RV_EXIT_USAGE;
			break;
		case 'n':
		case 'O':
			if (!rv_parse_long(optarg, &v) || v < (opt == 'n' ? 1 : 0) || v > 100000) {
				fprintf(stderr, "revue: bad --%s '%s'\n", opt == 'n' ? "limit" : "offset", optarg);
				return RV_EXIT_USAGE;
			}
			*(opt == 'n' ? &q.f.limit : &q.f.offset) = (int)v;
			break;
		case 'h': puts(usage_text); return RV_EXIT_OK;
		default: return cli_usage(usage_text);
		}
	}
	if (optind != argc - 1)
		return cli_usage(usage_text);
	q.q = argv[optind];
	rv_store *store = cli_open_store(cli, true);
	if (!store)
		return RV_EXIT_FAILURE;
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_search(store, &q, print_hit, &c, &err);
	rv_store_close(&store);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return rc == RV_EINPUT ? RV_EXIT_USAGE : RV_EXIT_FAILURE;
	}
	if (!c.json && !c.n)
		fprintf(stderr, "no match\n");
	return RV_EXIT_OK;
}
