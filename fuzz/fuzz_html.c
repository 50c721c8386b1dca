/* HTML extraction: main text, metadata, JSON-LD, encodings. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest(data, size, RV_FORMAT_HTML, false);
	return 0;
}
