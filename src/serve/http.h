/* http.h - libmicrohttpd in front of rv_api_handle().
 *
 * A pool of threads (MHD's internal select/epoll with a thread pool), each
 * with its own read-only store opened on first use and a small cache of
 * whole responses that holds while the store's data_version is unchanged.
 * Limits: per-connection memory (request line + headers + query), idle
 * timeout, connections per IP and in total.
 */
#ifndef RV_HTTP_H
#define RV_HTTP_H

#include "core/error.h"

#include <stdbool.h>

typedef struct rv_http_options {
	const char *db_path;
	const char *bind;       /* IPv4 or IPv6 literal; default 127.0.0.1 */
	int port;               /* 0: pick a free port */
	int threads;            /* 0: number of CPUs (2..16) */
	int timeout_s;          /* idle connection timeout (default 15) */
	bool quiet;
} rv_http_options;

typedef struct rv_http rv_http;

int rv_http_start(const rv_http_options *o, rv_http **out, int *port, rv_error *err);
void rv_http_stop(rv_http **h);

#endif
