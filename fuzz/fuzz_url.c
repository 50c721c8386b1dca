/* URL normalisation, resolution and the keys built from URLs.
 * Input: "BASE\nREF". Checks the promises the store relies on: a normal
 * form is stable (normalising it again changes nothing) and carries no
 * byte that could split a header or a log line. */

#include "fuzz_common.h"
#include "ingest/url.h"

static void check_clean(const char *u)
{
	if (!u)
		return;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= 0x20 || *p == 0x7f)
			abort(); /* CR, LF, NUL, space or control in a normal form */
}

static void check_stable(const char *u)
{
	if (!u)
		return;
	char *again = rv_url_normalize(u);
	if (!again || strcmp(again, u) != 0)
		abort(); /* normalising a normal form must give it back */
	free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	if (!s)
		return 0;
	char *ref = strchr(s, '\n');
	if (ref)
		*ref++ = '\0';
	else
		ref = s;

	char *norm = rv_url_normalize(s);
	check_clean(norm);
	check_stable(norm);
	char *resolved = rv_url_resolve(s, ref);
	check_clean(resolved);
	check_stable(resolved);
	char *host = rv_url_host_key(s);
	char *origin = rv_url_origin(s);
	char *path = rv_url_path_query(s);
	rv_url_is_tracking_param(ref, strlen(ref));
	free(norm);
	free(resolved);
	free(host);
	free(origin);
	free(path);
	free(s);
	return 0;
}
