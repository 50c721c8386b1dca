/* Date parsing in every form (ISO, RFC 822, words in six languages). */
#include "fuzz_common.h"
#include "core/date.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	if (!s)
		return 0;
	rv_date d;
	char out[RV_DATE_ISO_MAX];
	if (rv_date_parse(s, &d)) {
		rv_date_format(&d, out);
		rv_date_epoch(&d);
	}
	size_t at, len;
	if (rv_date_find(s, &d, &at, &len)) {
		if (at + len > strlen(s))
			abort();
		rv_date_format(&d, out);
	}
	rv_date_parse_rfc822(s, &d);
	free(s);
	return 0;
}
