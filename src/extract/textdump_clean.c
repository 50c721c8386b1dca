/* textdump_clean.c - repairs of the body's paragraphs: glued paragraphs
 * split, photo credits and the closing subscription pitch cut, stray
 * punctuation tidied. */
#include "extract/textdump_int.h"
#include "core/error.h"
#include "core/str.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A token longer than this is a link or garbage, never two glued words. */
#define MAX_TOKEN 256
/* Credits cut from one paragraph at most (each cut moves the rest). */
#define MAX_CREDITS 64

static bool token_is_link(const char *s, size_t start, size_t pos)
{
	/* the space-delimited token around pos */
	size_t b = pos;
	while (b > start && s[b - 1] != ' ' && pos - b < MAX_TOKEN)
		b--;
	size_t e = pos;
	while (s[e] && s[e] != ' ' && e - pos < MAX_TOKEN)
		e++;
	if (pos - b >= MAX_TOKEN || e - pos >= MAX_TOKEN)
		return true;
	const char *t = s + b;
	size_t n = e - b;
	return rv__td_is_url_token(t, n) || memchr(t, '/', n) || memchr(t, '@', n);
}

/* Split where a crawler glued two paragraphs (or a heading and a paragraph):
 * "du conflit.Le département", "s'abstientAu lendemain", "à KievL'hystérie".
 * Not "M.Biden", "8.500", "U.S.Army", "LinkedIn", "iPhone" or a domain. */
int rv__textdump_split_glued(const char *s, rv_strlist *out)
{
	size_t n = strlen(s), start = 0;
	const char *end = s + n;
	int rc = RV_OK;
	/* Walk code points keeping the two before and the two after. */
	const char *p = s;
	while (p < end && !rc) {
		const char *here = p;
		int32_t cp = rv_utf8_next(&p, end);
		size_t cut = 0; /* byte offset where the next paragraph starts */
		const char *q = p;
		int32_t n1 = q < end ? rv_utf8_next(&q, end) : -1;
		int32_t n2 = q < end ? rv_utf8_next(&q, end) : -1;
		if ((cp == '.' || cp == '!' || cp == '?') && rv_cp_is_upper(n1) &&
		    (rv_cp_is_lower(n2) || n2 == '\'' || n2 == 0x2019)) {
			/* left: a word of two or more lower-case letters, or a
			 * closing quote/bracket after one */
			size_t i = (size_t)(here - s);
			int32_t b1 = rv__td_last_cp(s, i);
			size_t j = i;
			if (b1 == '"' || b1 == 0xBB || b1 == 0x201D || b1 == ')') {
				while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
					j--;
				if (j > 0)
					j--;
				b1 = rv__td_last_cp(s, j);
			}
			size_t k = j;
			while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
				k--;
			if (k > 0)
				k--;
			int32_t b2 = rv__td_last_cp(s, k);
			if (rv_cp_is_lower(b1) && rv__td_cp_is_letter(b2) &&
			    !token_is_link(s, start, i)) {
				/* the right word must not run into a further dot
				 * (a domain: "site.Com.fr") */
				const char *w = p;
				while (w < end && *w != ' ' && *w != '.')
					w++;
				if (w >= end || *w != '.' || w + 1 >= end || w[1] == ' ')
					cut = (size_t)(p - s);
			}
		} else if (rv_cp_is_lower(cp) && rv_cp_is_upper(n1) &&
		           (n2 == '\'' || n2 == 0x2019)) {
			/* "KievL'hystérie": an elided article glued to a word */
			cut = (size_t)(p - s);
		} else if (rv_cp_is_lower(cp) && rv_cp_is_upper(n1) && rv_cp_is_lower(n2)) {
			/* "s'abstientAu": the letters before are all lower case,
			 * three or more of them (brand names start upper-case). */
			size_t i = (size_t)(p - s);
			size_t run = 0;
			bool lower = true;
			size_t k = i;
			while (k > start) {
				size_t b = k;
				while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80)
					b--;
				if (b > 0)
					b--;
				const char *bp = s + b;
				int32_t c = rv_utf8_next(&bp, end);
				if (!rv__td_cp_is_letter(c))
					break;
				if (!rv_cp_is_lower(c))
					lower = false;
				run++;
				k = b;
			}
			if (lower && run >= 3 && !token_is_link(s, start, i))
				cut = i;
		}
		if (cut > start) {
			rc = rv_strlist_push_take(out, rv_strndup(s + start, cut - start));
			if (!rc && !out->items[out->len - 1])
				rc = RV_ENOMEM;
			start = cut;
		}
	}
	if (!rc && start < n) {
		char *last = rv_strndup(s + start, n - start);
		rc = last ? rv_strlist_push_take(out, last) : RV_ENOMEM;
	}
	return rc;
}

/* Photo credits glued into a paragraph: "... interne. Vladimir Poutine |
 * SPUTNIK / VIA AFP-JIJI Poutine s'est ..." -> "... interne. Poutine s'est".
 * A " | " followed by a run of upper-case words is a credit; a short
 * fragment without sentence end before it is the caption. */
void rv__textdump_strip_credits(char *s)
{
	char *bar;
	char *from = s;
	size_t cuts = 0;
	while (cuts < MAX_CREDITS && (bar = strstr(from, " | "))) {
		char *r = bar + 3;
		char *run_end = r;
		size_t caps_words = 0;
		for (;;) {
			char *e = strchr(r, ' ');
			size_t n = e ? (size_t)(e - r) : strlen(r);
			struct rv__td_letters c = rv__td_count_letters(r, n);
			bool sep = n == 1 && (*r == '/' || *r == '-' || *r == '&');
			if (!sep && (c.lower || (c.letters < 2 && !c.digits)))
				break;
			if (!sep)
				caps_words++;
			r += n;
			run_end = r;
			if (!e)
				break;
			r++;
		}
		if (caps_words == 0) {
			from = bar + 3;
			continue;
		}
		/* the caption fragment before the bar: back to a sentence end */
		char *cap = bar;
		int32_t before = rv__td_last_cp(s, (size_t)(bar - s));
		bool closed = before == '.' || before == '!' || before == '?' || before == 0xBB ||
		              before == '"' || before == 0x201D;
		while (!closed && cap > s && bar - cap < 400 &&
		       !(cap[-1] == ' ' && cap - 1 > s &&
		         (cap[-2] == '.' || cap[-2] == '!' || cap[-2] == '?')))
			cap--;
		size_t frag_words = 0;
		for (char *c = cap; c < bar; c++)
			if (*c == ' ')
				frag_words++;
		char *cut_from = (!closed && frag_words < 8) ? cap : bar;
		while (*run_end == ' ')
			run_end++;
		if (cut_from == bar)
			*cut_from++ = ' ';
		memmove(cut_from, run_end, strlen(run_end) + 1);
		from = cut_from;
		cuts++;
	}
}

/* Words of a subscription pitch (folded) and of the line before it. */
static const char *const pitch_words[] = {
    "abonnant", "abonnez",  "abonner", "abonnement", "subscrib",
    "abonnier", "abonnent", "suscrib", "suscrip",    "subscrip", NULL,
};
/* Read only in the sentence right before a pitch: "Good reporting takes
 * time and money. If you value …". */
static const char *const pitch_lead_words[] = {
    "journalis",
    "periodismo",
    "reporting",
    "reportage",
    "independent news",
    "information de qualite",
    "presse independante",
    NULL,
};

static bool has_any(const char *f, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(f, words[i]))
			return true;
	return false;
}

/* Start offset of the sentence containing byte i of s. */
static size_t sentence_start(const char *s, size_t i)
{
	while (i > 1) {
		if (s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '!' || s[i - 2] == '?'))
			return i;
		i--;
	}
	return 0;
}

/* Cut the closing pitch ("... un journalisme de qualité est plus crucial
 * que jamais. En vous abonnant, vous pouvez nous aider ... ABONNEZ-VOUS")
 * from the end of the last paragraph: only in its last three sentences. */
int rv__textdump_cut_pitch(char **para)
{
	char *s = *para;
	size_t n = strlen(s);
	/* Offsets of the last few sentence starts. */
	size_t starts[4];
	size_t k = 0;
	size_t i = n;
	while (k < 4) {
		size_t st = sentence_start(s, i);
		starts[k++] = st;
		if (st == 0)
			break;
		i = st - 1;
	}
	/* starts[k-1] is the earliest; look from it to the end for a pitch. */
	for (size_t j = k; j-- > 0;) {
		size_t st = starts[j];
		size_t en = j > 0 ? starts[j - 1] : n;
		char *sent = rv_strndup(s + st, en - st);
		if (!sent)
			return RV_ENOMEM;
		char *f = rv__td_fold(sent);
		free(sent);
		if (!f)
			return RV_ENOMEM;
		bool pitch = has_any(f, pitch_words);
		free(f);
		if (!pitch)
			continue;
		size_t cut = st;
		if (j + 1 < k) {
			size_t pst = starts[j + 1];
			char *prev = rv_strndup(s + pst, st - pst);
			if (!prev)
				return RV_ENOMEM;
			char *pf = rv__td_fold(prev);
			free(prev);
			if (!pf)
				return RV_ENOMEM;
			if (has_any(pf, pitch_lead_words))
				cut = pst;
			free(pf);
		}
		s[cut] = '\0';
		rv_str_squeeze(s);
		return RV_OK;
	}
	return RV_OK;
}

/* Drop the last sentence of *para when it is a pitch's lead-in. */
int rv__textdump_cut_pitch_lead(char **para)
{
	char *s = *para;
	size_t n = strlen(s);
	size_t st = sentence_start(s, n > 0 ? n - 1 : 0);
	char *f = rv__td_fold(s + st);
	if (!f)
		return RV_ENOMEM;
	if (has_any(f, pitch_lead_words) && rv__td_count_words(s + st) <= 40) {
		s[st] = '\0';
		rv_str_squeeze(s);
	}
	free(f);
	return RV_OK;
}

/* ". ." and " ." left where a caption or a link was cut out. */
void rv__textdump_tidy(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (*r == ' ' && r[1] == '.' && (r[2] == ' ' || r[2] == '\0') && w > s &&
		    (w[-1] == '.' || w[-1] == ' ')) {
			r++;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	rv_str_squeeze(s);
	/* A paragraph that is only punctuation left at the start: ". Ces" */
	if (s[0] == '.' && s[1] == ' ')
		memmove(s, s + 2, strlen(s + 2) + 1);
}
