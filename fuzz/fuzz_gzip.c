/* A gzip file of another format (page, JSONL dump, text): members, padding,
 * junk, cuts and damage, then the reader of what it holds. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
		return 0; /* not a gzip file: the other targets' inputs */
	fuzz_ingest(data, size, RV_FORMAT_AUTO, false);
	return 0;
}
