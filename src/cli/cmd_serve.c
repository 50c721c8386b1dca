/* cmd_serve.c - revue serve [--bind ADDR] [--port N] [--threads N] */
#include "cli/cli.h"
#include "serve/http.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"revue serve [--bind 127.0.0.1] [--port 8080] [--threads N] [--timeout SECONDS]\n"
	"  The JSON API (/api/...) and the web page, read-only, until SIGINT or SIGTERM.\n"
	"  --port 0 picks a free port; the address is printed on stdout.";

int cmd_serve(rv_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'D' },      { "bind", required_argument, NULL, 'b' },
		{ "port", required_argument, NULL, 'p' },    { "threads", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	rv_http_options o = { 0 };
	o.bind = "127.0.0.1";
	o.port = 8080;
	long v;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'D': cli->db_path = optarg; break;
		case 'b': o.bind = optarg; break;
		case 'p':
			if (!rv_parse_long(optarg, &v) || v < 0 || v > 65535)
				return cli_usage(usage_text);
			o.port = (int)v;
			break;
		case 't':
			if (!rv_parse_long(optarg, &v) || v < 1 || v > 256)
				return cli_usage(usage_text);
			o.threads = (int)v;
			break;
		case 'T':
			if (!rv_parse_long(optarg, &v) || v < 1 || v > 3600)
				return cli_usage(usage_text);
			o.timeout_s = (int)v;
			break;
		case 'h': puts(usage_text); return RV_EXIT_OK;
		default: return cli_usage(usage_text);
		}
	}
	if (optind != argc)
		return cli_usage(usage_text);
	o.db_path = cli->db_path;

	/* Block the stop signals before MHD starts its threads so that only
	 * sigwait below receives them. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	rv_http *h = NULL;
	rv_error err;
	rv_error_clear(&err);
	int port = 0;
	if (rv_http_start(&o, &h, &port, &err)) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return RV_EXIT_FAILURE;
	}
	if (strchr(o.bind, ':'))
		printf("revue: serving %s on http://[%s]:%d/\n", cli->db_path, o.bind, port);
	else
		printf("revue: serving %s on http://%s:%d/\n", cli->db_path, o.bind, port);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	rv_http_stop(&h);
	return RV_EXIT_OK;
}
