/* RSS / Atom / sitemap reader. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest(data, size, RV_FORMAT_FEED, false);
	return 0;
}
