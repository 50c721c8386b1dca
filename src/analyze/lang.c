/* lang.c - language identification. STUB until it lands: always "und". */
#include "analyze/analyze.h"

const char *rv_detect_language(rv_analyzer *an, const char *text, size_t len)
{
	(void)an;
	(void)text;
	(void)len;
	return "und";
}
