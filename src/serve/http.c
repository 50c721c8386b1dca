/* http.c - see http.h. */
#include "serve/http.h"
#include "serve/api.h"
#include "core/buf.h"
#include "store/browse.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define CONN_MEMORY ((size_t)32 * 1024) /* request line + headers + query must fit */
#define PER_IP_LIMIT 256
#define CONN_LIMIT 1024
#define CACHE_SLOTS 512
#define CACHE_MAX_BODY (4u << 20)
#define CACHE_BUDGET ((size_t)64 << 20) /* bytes of bodies per thread */

struct rv_http {
	struct MHD_Daemon *d;
	char *db_path;
};

/* Per pool thread: its store and its response cache. */
struct cache_entry {
	char *key;
	struct MHD_Response *resp;
	char etag[24];
};

struct worker {
	rv_store *store;
	int64_t version;
	size_t cached_bytes;
	struct cache_entry cache[CACHE_SLOTS];
};

static pthread_key_t worker_key;
static pthread_once_t worker_once = PTHREAD_ONCE_INIT;

static void cache_clear(struct worker *w)
{
	w->cached_bytes = 0;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		free(w->cache[i].key);
		if (w->cache[i].resp)
			MHD_destroy_response(w->cache[i].resp);
		memset(&w->cache[i], 0, sizeof w->cache[i]);
	}
}

static void worker_free(void *p)
{
	struct worker *w = p;
	cache_clear(w);
	rv_store_close(&w->store);
	free(w);
}

static void make_key(void)
{
	pthread_key_create(&worker_key, worker_free);
}

static struct worker *get_worker(const char *db_path)
{
	pthread_once(&worker_once, make_key);
	struct worker *w = pthread_getspecific(worker_key);
	if (w && w->store)
		return w;
	if (!w) {
		w = calloc(1, sizeof *w);
		if (!w)
			return NULL;
		pthread_setspecific(worker_key, w);
	}
	rv_error err;
	rv_error_clear(&err);
	if (rv_store_open(db_path, true, &w->store, &err))
		return w; /* store stays NULL: 503, retried on the next request */
	w->version = -1;
	return w;
}

static unsigned long hash_key(const char *s)
{
	unsigned long h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

struct args_ctx {
	rv_api_request *req;
	rv_buf *key;
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct args_ctx *c = cls;
	rv_api_request *req = c->req;
	if (req->n_args == RV_API_MAX_ARGS) {
		req->too_many_args = true;
		return MHD_NO;
	}
	req->args[req->n_args].key = key;
	req->args[req->n_args++].value = value ? value : "";
	/* lengths keep the key unambiguous: "q=a&limit=1" and "q=a%26limit%3D1"
	 * must not share a cache slot */
	rv_buf_printf(c->key, "&%zu:%s=%zu:%s", strlen(key), key, value ? strlen(value) : 0, value ? value : "");
	return MHD_YES;
}

static void add_headers(struct MHD_Response *resp, const char *type, const char *etag, const char *disposition)
{
	if (type)
		MHD_add_response_header(resp, "Content-Type", type);
	if (etag && *etag)
		MHD_add_response_header(resp, "ETag", etag);
	if (disposition && *disposition)
		MHD_add_response_header(resp, "Content-Disposition", disposition);
	/* revalidate each time: the ETag makes that cheap */
	MHD_add_response_header(resp, "Cache-Control", "no-cache");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
				" connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

static enum MHD_Result send_304(struct MHD_Connection *conn, const char *etag)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	add_headers(resp, NULL, etag, NULL);
	enum MHD_Result r = MHD_queue_response(conn, MHD_HTTP_NOT_MODIFIED, resp);
	MHD_destroy_response(resp);
	return r;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
			      const char *version, const char *upload_data, size_t *upload_data_size,
			      void **con_cls)
{
	rv_http *h = cls;
	static int seen;
	/* Answer once the whole request is read (the second call): answering
	 * on the first makes libmicrohttpd close the connection. */
	if (!*con_cls) {
		*con_cls = &seen;
		return MHD_YES;
	}
	if (*upload_data_size) {
		*upload_data_size = 0; /* GET and HEAD carry no body: drop it */
		return MHD_YES;
	}
	rv_api_request req = { 0 };
	req.method = method;
	req.path = url;
	req.if_none_match = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
	rv_buf key;
	rv_buf_init(&key, CONN_MEMORY);
	rv_buf_printf(&key, "%zu:%s", strlen(url), url);
	struct args_ctx ac = { &req, &key };
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, &ac);

	struct worker *w = get_worker(h->db_path);
	bool is_get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
	struct cache_entry *slot = NULL;
	/* past RV_API_MAX_ARGS the key misses arguments: no cache (the API says 400) */
	if (w && w->store && is_get && !req.too_many_args) {
		int64_t v;
		if (rv_store_data_version(w->store, &v, NULL) == RV_OK && v != w->version) {
			cache_clear(w);
			w->version = v;
		}
		slot = &w->cache[hash_key(rv_buf_str(&key)) % CACHE_SLOTS];
		if (slot->key && !strcmp(slot->key, rv_buf_str(&key))) {
			rv_buf_release(&key);
			if (req.if_none_match && strstr(req.if_none_match, slot->etag))
				return send_304(conn, slot->etag);
			return MHD_queue_response(conn, MHD_HTTP_OK, slot->resp);
		}
	}

	rv_api_response r;
	if (w && w->store) {
		rv_api_handle(w->store, &req, &r);
	} else {
		memset(&r, 0, sizeof r);
		r.status = 503;
		r.content_type = "application/json";
		r.body = strdup("{\"error\":{\"status\":503,\"message\":\"the store cannot be opened\"}}");
		r.len = r.body ? strlen(r.body) : 0;
	}
	if (r.status == 304) {
		rv_buf_release(&key);
		return send_304(conn, r.etag);
	}
	struct MHD_Response *resp;
	if (r.body_static)
		resp = MHD_create_response_from_buffer(r.len, r.body, MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer_with_free_callback(r.len, r.body, free);
	if (!resp) {
		rv_api_response_release(&r);
		rv_buf_release(&key);
		return MHD_NO;
	}
	r.body = NULL; /* the response owns it now */
	add_headers(resp, r.content_type, r.etag, r.disposition);
	if (r.status == 405)
		MHD_add_response_header(resp, "Allow", "GET, HEAD");
	if (slot && r.status == 200 && r.len <= CACHE_MAX_BODY) {
		if (w->cached_bytes + r.len > CACHE_BUDGET)
			cache_clear(w); /* crude but bounded: start over */
		w->cached_bytes += r.len;
		free(slot->key);
		if (slot->resp)
			MHD_destroy_response(slot->resp);
		slot->key = rv_buf_detach(&key);
		slot->resp = resp;
		memcpy(slot->etag, r.etag, sizeof slot->etag);
		return MHD_queue_response(conn, (unsigned)r.status, resp); /* the cache keeps its reference */
	}
	rv_buf_release(&key);
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r.status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* MHD's own unescaping, but a decoded NUL becomes 0x7F so it can neither cut
 * a value short nor slip past validation (api.c rejects control bytes). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	return rv_api_unescape(s);
}

int rv_http_start(const rv_http_options *o, rv_http **out, int *port, rv_error *err)
{
	*out = NULL;
	rv_http *h = calloc(1, sizeof *h);
	if (!h || !(h->db_path = strdup(o->db_path))) {
		free(h);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	/* fail early, with a message, if the store cannot be read */
	rv_store *probe = NULL;
	if (rv_store_open(o->db_path, true, &probe, err)) {
		free(h->db_path);
		free(h);
		return RV_EDB;
	}
	rv_store_close(&probe);

	const char *bind = o->bind ? o->bind : "127.0.0.1";
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	if (inet_pton(AF_INET, bind, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)o->port);
	} else if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)o->port);
		flags |= MHD_USE_IPv6;
	} else {
		free(h->db_path);
		free(h);
		return rv_fail(err, RV_EINPUT, "--bind %s: not an IP address", bind);
	}
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned int threads = o->threads > 0 ? (unsigned)o->threads : (unsigned)(ncpu < 2 ? 2 : ncpu > 16 ? 16 : ncpu);
	h->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, h,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				MHD_OPTION_THREAD_POOL_SIZE, threads,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout_s > 0 ? o->timeout_s : 15),
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PER_IP_LIMIT,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONN_LIMIT,
				MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
				MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
				MHD_OPTION_END);
	if (!h->d) {
		free(h->db_path);
		free(h);
		return rv_fail(err, RV_EIO, "cannot listen on %s port %d", bind, o->port);
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	*port = info ? info->port : o->port;
	*out = h;
	return RV_OK;
}

void rv_http_stop(rv_http **hp)
{
	if (!hp || !*hp)
		return;
	MHD_stop_daemon((*hp)->d);
	free((*hp)->db_path);
	free(*hp);
	*hp = NULL;
}
