/* lang.h - the private side of language identification (lang.c).
 *
 * rv_detect_language() (declared in analyze.h) keeps its models - the
 * libexttextcat fingerprints and the word table - in a context owned by the
 * calling thread, built on first use. rv_lang_cleanup() releases the calling
 * thread's context; call it once per thread that detected languages, when
 * that thread is done (revue calls it from rv_analyzer_free()). Calling it
 * twice, or without any detection, is harmless; a later detection simply
 * builds the context again.
 */
#ifndef RV_LANG_H
#define RV_LANG_H

#include <stddef.h>

void rv_lang_cleanup(void);

/* Every code rv_detect_language() can answer (besides "und"), NULL-ended. */
extern const char *const rv_lang_supported[];

#endif
