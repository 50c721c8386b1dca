/* utf8.h - UTF-8 checking, repair and folding (utf8proc underneath). */
#ifndef RV_UTF8_H
#define RV_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool rv_utf8_valid(const char *s, size_t len);

/* Decode one code point at *p (advancing it); returns -1 on an invalid
 * sequence (advancing one byte) and never reads at or past end. */
int32_t rv_utf8_next(const char **p, const char *end);

/* Encode cp into out (at least 4 bytes); returns the byte count. */
size_t rv_utf8_encode(int32_t cp, char *out);

/* A new NUL-terminated copy of s that is valid UTF-8 in NFC: invalid
 * sequences become U+FFFD, NUL and C0 controls other than \t \n \r are
 * dropped. *nbad (may be NULL) receives the count of repaired sequences.
 * NULL only when out of memory. */
char *rv_utf8_clean(const char *s, size_t len, size_t *nbad);

/* Case-folded copy without accents ("États-Unis" -> "etats-unis"), for
 * matching and search keys. s must be valid UTF-8. NULL when out of memory. */
char *rv_utf8_fold(const char *s);

/* Number of code points in a valid UTF-8 string. */
size_t rv_utf8_length(const char *s);

/* True for letters (any script) and digits. */
bool rv_cp_is_alnum(int32_t cp);
bool rv_cp_is_upper(int32_t cp);
bool rv_cp_is_lower(int32_t cp);
bool rv_cp_is_space(int32_t cp);

#endif
