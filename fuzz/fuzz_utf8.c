/* UTF-8 repair, folding and the content hash. */
#include "fuzz_common.h"
#include "core/utf8.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean = rv_utf8_clean((const char *)data, size, NULL);
	if (!clean)
		return 0;
	if (!rv_utf8_valid(clean, strlen(clean)))
		abort(); /* the promise of rv_utf8_clean */
	char *folded = rv_utf8_fold(clean);
	char *hash = rv_text_hash(clean);
	free(folded);
	free(hash);
	free(clean);
	return 0;
}
