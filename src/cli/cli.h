/* cli.h - what the subcommands share (internal to src/cli). */
#ifndef RV_CLI_H
#define RV_CLI_H

#include "store/store.h"

#include <stdbool.h>

/* Exit statuses of the revue command (DESIGN.md). */
enum { RV_EXIT_OK = 0, RV_EXIT_USAGE = 1, RV_EXIT_REJECTED = 2, RV_EXIT_FAILURE = 3 };

typedef struct rv_cli {
	const char *db_path;   /* --db, $REVUE_DB, or ./revue.db */
} rv_cli;

typedef int (*rv_cmd_fn)(rv_cli *cli, int argc, char **argv);

int cmd_ingest(rv_cli *cli, int argc, char **argv);
int cmd_extract(rv_cli *cli, int argc, char **argv);
int cmd_stories(rv_cli *cli, int argc, char **argv);
int cmd_story(rv_cli *cli, int argc, char **argv);
int cmd_article(rv_cli *cli, int argc, char **argv);
int cmd_export(rv_cli *cli, int argc, char **argv);
int cmd_search(rv_cli *cli, int argc, char **argv);
int cmd_serve(rv_cli *cli, int argc, char **argv);
int cmd_watch(rv_cli *cli, int argc, char **argv);
int cmd_entities(rv_cli *cli, int argc, char **argv);
int cmd_regroup(rv_cli *cli, int argc, char **argv);

/* revue story ID --why: each article's similarity to the event and the top
 * shared terms (story_why.c). */
int cli_story_why(rv_store *store, int64_t event, bool json);

/* Open the store named by cli; prints the reason and returns NULL on failure. */
rv_store *cli_open_store(rv_cli *cli, bool read_only);
/* Parse a positive article/event id; prints a usage error when invalid. */
bool cli_parse_id(const char *s, int64_t *out);
/* A --since/--until day (YYYY-MM-DD, a real date); prints why when not. */
bool cli_parse_day(const char *s);
/* Print s cut or padded to width characters (not bytes: "Rhône" is 5). */
void cli_print_column(const char *s, int width);
/* Print a usage line for cmd to stderr and return RV_EXIT_USAGE. */
int cli_usage(const char *usage);

#endif
