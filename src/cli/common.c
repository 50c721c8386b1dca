/* common.c - helpers shared by the subcommands. */
#include "cli/cli.h"
#include "core/date.h"
#include "core/str.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rv_store *cli_open_store(rv_cli *cli, bool read_only)
{
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	if (rv_store_open(cli->db_path, read_only, &s, &err)) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return NULL;
	}
	return s;
}

bool cli_parse_id(const char *s, int64_t *out)
{
	long v;
	if (!rv_parse_long(s, &v) || v <= 0) {
		fprintf(stderr, "revue: '%s' is not an id (a positive number)\n", s);
		return false;
	}
	*out = v;
	return true;
}

bool cli_parse_day(const char *s)
{
	rv_date d;
	if (strlen(s) != 10 || !rv_date_parse_iso(s, &d)) {
		fprintf(stderr, "revue: '%s' is not a day (YYYY-MM-DD)\n", s);
		return false;
	}
	return true;
}

void cli_print_column(const char *s, int width)
{
	const char *p = s, *end = s + strlen(s);
	int n = 0;
	while (p < end && n < width) {
		rv_utf8_next(&p, end);
		n++;
	}
	printf("%.*s%*s", (int)(p - s), s, width - n, "");
}

int cli_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	return RV_EXIT_USAGE;
}
