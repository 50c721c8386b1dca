/* url.h - URLs as identities: normalisation, resolution, hosts.
 *
 * Two links to the same article should compare equal once normalised:
 * scheme and host lower-cased, default ports, fragments and tracking
 * parameters (utm_*, fbclid, gclid, ...) dropped, remaining parameters sorted.
 * Every function returns a string the caller frees, or NULL when the input
 * is not an absolute http(s) URL (or memory ran out).
 */
#ifndef RV_URL_H
#define RV_URL_H

#include <stdbool.h>
#include <stddef.h>

/* The normal form of an absolute http(s) URL. */
char *rv_url_normalize(const char *url);
/* ref resolved against base (RFC 3986), then normalised. */
char *rv_url_resolve(const char *base, const char *ref);
/* "host" or "host:port" of a URL, lower-cased: the politeness key. */
char *rv_url_host_key(const char *url);
/* "scheme://host[:port]" of a URL (for robots.txt). */
char *rv_url_origin(const char *url);
/* The path and query ("/a/b?c=d") of a URL. */
char *rv_url_path_query(const char *url);
/* Is this query parameter name a tracking tag (utm_source, fbclid ...)? */
bool rv_url_is_tracking_param(const char *name, size_t len);

#endif
