/* Text-dump cleaning, encodings, analysis. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest(data, size, RV_FORMAT_TEXT, true);
	return 0;
}
