#include "core/utf8.h"
#include "core/buf.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int32_t rv_utf8_next_slow(const char **p, const char *end)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*p,
					      end - *p, &cp);
	if (n <= 0) {
		(*p)++;
		return -1;
	}
	*p += n;
	return cp;
}

size_t rv_utf8_encode(int32_t cp, char *out)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

bool rv_utf8_valid(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while (p < end)
		if (rv_utf8_next(&p, end) < 0)
			return false;
	return true;
}

char *rv_utf8_clean(const char *s, size_t len, size_t *nbad)
{
	rv_buf b;
	size_t bad = 0;
	rv_buf_init(&b, len * 3 + 16);
	const char *p = s, *end = s + len;
	while (p < end) {
		const char *start = p;
		int32_t cp = rv_utf8_next(&p, end);
		if (cp < 0) {
			bad++;
			if (rv_buf_append(&b, "\xEF\xBF\xBD", 3))
				goto fail;
			continue;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
			continue;
		if (rv_buf_append(&b, start, (size_t)(p - start)))
			goto fail;
	}
	if (nbad)
		*nbad = bad;
	char *raw = rv_buf_detach(&b);
	/* NFC: the same text typed two ways must compare equal. */
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)raw);
	if (!nfc)
		return raw;
	free(raw);
	return (char *)nfc;
fail:
	rv_buf_release(&b);
	return NULL;
}

/* Case folding, composition and mark stripping change nothing in ASCII
 * but A-Z; entity names and words are mostly ASCII, and utf8proc_map
 * costs thousands of instructions per name. */
static char *fold_ascii(const char *s)
{
	size_t n = 0;
	while (s[n] && !((unsigned char)s[n] & 0x80))
		n++;
	if (s[n])
		return NULL;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return out;
}

char *rv_utf8_fold(const char *s)
{
	char *ascii = fold_ascii(s);
	if (ascii)
		return ascii;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
						  UTF8PROC_COMPOSE |
						  UTF8PROC_CASEFOLD |
						  UTF8PROC_STRIPMARK);
	if (n < 0) {
		/* Not valid UTF-8: fold what we can after repairing it. */
		char *clean = rv_utf8_clean(s, strlen(s), NULL);
		if (!clean)
			return NULL;
		n = utf8proc_map((const utf8proc_uint8_t *)clean, 0, &out,
				 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
					 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
					 UTF8PROC_STRIPMARK);
		free(clean);
		if (n < 0)
			return NULL;
	}
	return (char *)out;
}

size_t rv_utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

size_t rv_utf8_prefix(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

bool rv_cp_is_alnum_slow(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 128)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN ||
	       c == UTF8PROC_CATEGORY_MC;
}

bool rv_cp_is_upper_slow(int32_t cp)
{
	return cp >= 0 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
			   utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

bool rv_cp_is_lower_slow(int32_t cp)
{
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool rv_cp_is_space_slow(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	    cp == 0x202F || cp == 0x2009)
		return true;
	return cp > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

char *rv_utf8_convert(const char *from, const char *s, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8//IGNORE", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 + 16;
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	char *in = (char *)s, *o = out;
	size_t inleft = len, oleft = cap - 1;
	while (inleft) {
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		if (r != (size_t)-1)
			break;
		/* glibc's //IGNORE reports the skipped bytes with -1 once the
		 * input is used up: nothing is left to skip then */
		if (oleft < 8 || inleft == 0)
			break;
		/* an invalid or truncated sequence: skip one byte */
		in++;
		inleft--;
	}
	*o = '\0';
	iconv_close(cd);
	*outlen = (size_t)(o - out);
	return out;
}

/* ---- text of unknown encoding ---- */

/* Windows-1252 0x80-0x9F; the rest of the upper half is Latin-1. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Text that is not UTF-8 is, in Western news crawls, nearly always
 * Windows-1252 (a superset of Latin-1 in practice). */
static char *decode_cp1252(const char *s, size_t len)
{
	rv_buf b;
	rv_buf_init(&b, len * 3 + 16);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (rv_buf_putc(&b, (char)c))
				goto fail;
			continue;
		}
		int32_t cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
		char enc[4];
		if (rv_buf_append(&b, enc, rv_utf8_encode(cp, enc)))
			goto fail;
	}
	char *raw = rv_buf_detach(&b);
	char *clean = rv_utf8_clean(raw, strlen(raw), NULL);
	free(raw);
	return clean;
fail:
	rv_buf_release(&b);
	return NULL;
}

char *rv_text_to_utf8(const char *data, size_t len)
{
	size_t skip = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	data += skip;
	len -= skip;
	size_t bad = 0;
	char *clean = rv_utf8_clean(data, len, &bad);
	if (clean && bad * 50 > 0 && bad > len / 200) {
		free(clean);
		return decode_cp1252(data, len);
	}
	return clean;
}
