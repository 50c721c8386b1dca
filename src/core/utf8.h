/* utf8.h - UTF-8 checking, repair and folding (utf8proc underneath). */
#ifndef RV_UTF8_H
#define RV_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool rv_utf8_valid(const char *s, size_t len);

/* Decode one code point at *p (advancing it); returns -1 on an invalid
 * sequence (advancing one byte) and never reads at or past end.
 * The tokenisers call it for every character: ASCII and two-byte letters
 * (accents, umlauts, Cyrillic) are decoded here, inline, and the rest by
 * rv_utf8_next_slow (utf8proc), which gives the same results for these. */
int32_t rv_utf8_next_slow(const char **p, const char *end);

static inline int32_t rv_utf8_next(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;
	if ((const char *)s < end) {
		if (s[0] < 0x80) {
			*p += 1;
			return s[0];
		}
		if (s[0] >= 0xC2 && s[0] <= 0xDF && (const char *)s + 1 < end && (s[1] & 0xC0) == 0x80) {
			*p += 2;
			return (int32_t)(((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu));
		}
	}
	return rv_utf8_next_slow(p, end);
}

/* Encode cp into out (at least 4 bytes); returns the byte count. */
size_t rv_utf8_encode(int32_t cp, char *out);

/* A new NUL-terminated copy of s that is valid UTF-8 in NFC: invalid
 * sequences become U+FFFD, NUL and C0 controls other than \t \n \r are
 * dropped. *nbad (may be NULL) receives the count of repaired sequences.
 * NULL only when out of memory. */
char *rv_utf8_clean(const char *s, size_t len, size_t *nbad);

/* Valid UTF-8 (NFC) of text bytes of unknown encoding: UTF-8 as it is (a
 * leading byte-order mark dropped, a stray bad byte replaced), else read as
 * Windows-1252, which text that is not UTF-8 nearly always is in Western
 * news crawls. A new string; NULL when out of memory. */
char *rv_text_to_utf8(const char *data, size_t len);

/* Case-folded copy without accents ("États-Unis" -> "etats-unis"), for
 * matching and search keys. s must be valid UTF-8. NULL when out of memory. */
char *rv_utf8_fold(const char *s);

/* Number of code points in a valid UTF-8 string. */
size_t rv_utf8_length(const char *s);

/* The length of the longest prefix of s (len bytes) of at most max bytes
 * that ends at a character's boundary: a copy cut to a buffer stays valid
 * UTF-8 (JSON refuses a cut one). */
size_t rv_utf8_prefix(const char *s, size_t len, size_t max);

/* True for letters (any script) and digits. ASCII is answered inline (the
 * bulk of most texts), the rest by utf8proc's categories. */
bool rv_cp_is_alnum_slow(int32_t cp);
bool rv_cp_is_upper_slow(int32_t cp);
bool rv_cp_is_lower_slow(int32_t cp);
bool rv_cp_is_space_slow(int32_t cp);

static inline bool rv_cp_is_alnum(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return rv_cp_is_alnum_slow(cp);
}

static inline bool rv_cp_is_upper(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return cp >= 'A' && cp <= 'Z';
	return rv_cp_is_upper_slow(cp);
}

static inline bool rv_cp_is_lower(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return cp >= 'a' && cp <= 'z';
	return rv_cp_is_lower_slow(cp);
}

/* ASCII white space is the space, \t, \n and \r (not \v or \f). */
static inline bool rv_cp_is_space(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
	return rv_cp_is_space_slow(cp);
}

/* A new NUL-terminated UTF-8 copy of s (len bytes in the iconv charset
 * from), *outlen its length; invalid or truncated sequences are skipped.
 * NULL when iconv does not know the charset or memory runs out. */
char *rv_utf8_convert(const char *from, const char *s, size_t len, size_t *outlen);

#endif
