/* textdump_text.c - the measures textdump.c takes of a line: letters and
 * case, words (also in scripts written without spaces), sentence ends,
 * links. Code points, not bytes, so that every script counts alike. */
#include "extract/textdump_int.h"
#include "core/str.h"
#include "core/utf8.h"

#include <ctype.h>
#include <string.h>

/* Scripts written without spaces between words. */
static bool cp_is_unspaced(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x0E00 && cp <= 0x0E7F) || (cp >= 0x0E80 && cp <= 0x0EFF) ||
	       (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF);
}

/* Words separated by spaces; in Chinese, Japanese, Thai ... a word is
 * about two characters. */
size_t rv__td_count_words(const char *s)
{
	size_t n = 0, unspaced = 0;
	bool in = false;
	const char *end = s + strlen(s);
	for (const char *p = s; *p; p++) {
		if (*p == ' ') {
			in = false;
		} else if (!in) {
			in = true;
			n++;
		}
		if ((unsigned char)*p >= 0xE0) { /* 3-byte sequences hold these scripts */
			const char *q = p;
			int32_t cp = rv_utf8_next(&q, end);
			if (cp_is_unspaced(cp))
				unspaced++;
		}
	}
	return n + unspaced / 2;
}

/* First code point of s (-1 when none). */
int32_t rv__td_first_cp(const char *s)
{
	const char *p = s;
	return *s ? rv_utf8_next(&p, s + strlen(s)) : -1;
}

/* Last code point before end. */
int32_t rv__td_last_cp(const char *s, size_t len)
{
	size_t i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 && len == 0)
		return -1;
	if (i > 0)
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	const char *p = s + i;
	return rv_utf8_next(&p, s + len);
}

bool rv__td_cp_is_letter(int32_t cp)
{
	return cp > 0 && rv_cp_is_alnum(cp) && !(cp >= '0' && cp <= '9');
}

struct rv__td_letters rv__td_count_letters(const char *s, size_t len)
{
	struct rv__td_letters c = {0};
	const char *p = s, *end = s + len;
	while (p < end) {
		unsigned char b = (unsigned char)*p;
		if (b < 0x80) { /* ASCII without a table lookup */
			p++;
			if (isdigit(b)) {
				c.digits++;
			} else if (isalpha(b)) {
				c.letters++;
				if (isupper(b))
					c.upper++;
				else
					c.lower++;
			}
			continue;
		}
		int32_t cp = rv_utf8_next(&p, end);
		if (cp >= '0' && cp <= '9') {
			c.digits++;
		} else if (rv__td_cp_is_letter(cp)) {
			c.letters++;
			if (rv_cp_is_upper(cp))
				c.upper++;
			else if (rv_cp_is_lower(cp))
				c.lower++;
		}
	}
	return c;
}

/* Sentence-final: . ! ? … and closing quotes/brackets after them. */
bool rv__td_ends_sentence(const char *s)
{
	size_t n = strlen(s);
	int32_t cp = rv__td_last_cp(s, n);
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0xBB || cp == '"' ||
	       cp == 0x201D || cp == ')' || cp == 0x201C ||
	       /* 。！？」』） ؟ ۔ । */
	       cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x300D || cp == 0x300F ||
	       cp == 0xFF09 || cp == 0x061F || cp == 0x06D4 || cp == 0x0964;
}

bool rv__td_is_truncated(const char *s)
{
	size_t n = strlen(s);
	return (n >= 3 && !strcmp(s + n - 3, "...")) || rv_str_ends_with(s, "\xE2\x80\xA6"); /* … */
}

/* Accent-free lower-case copy for phrase matching. */
char *rv__td_fold(const char *s)
{
	char *f = rv_utf8_fold(s);
	if (f)
		rv_str_squeeze(f);
	return f;
}

bool rv__td_is_url_token(const char *t, size_t n)
{
	return (n > 8 && !strncmp(t, "http://", 7)) || (n > 9 && !strncmp(t, "https://", 8)) ||
	       (n > 5 && !strncmp(t, "www.", 4));
}
