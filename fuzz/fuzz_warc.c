/* WARC reader (plain and gzip). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest(data, size, RV_FORMAT_WARC, false);
	return 0;
}
