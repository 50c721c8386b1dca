/* storyline_name.c - a readable name for a storyline: its characteristic
 * title words. Computed when listed (not stored): the words that recur in
 * the titles of the storyline's articles, most frequent first, in the
 * spelling first seen (a hyphenated name, "Port-Aurèle", is one word);
 * stop words of the article's language (or of any supported language when
 * unknown) and numbers left out. Two words the titles mostly write side by
 * side are named together ("Kofi Adjei", not "Adjei, …, Kofi"). */
#include "analyze/analyze.h"
#include "core/utf8.h"
#include "pipeline/storyline_name.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_WORDS 3
#define MAX_WORDS 256
#define MAX_TITLES 200

struct word {
	char key[64];      /* folded */
	char surface[64];  /* as first written */
	int count;         /* titles it appears in */
	int last_title;
};

/* Two content words written one after the other, a space between. */
struct pair {
	int first, second; /* in namer.w */
	char surface[128]; /* as first written */
	int count;         /* titles it appears in */
	int last_title;
};

struct namer {
	struct word w[MAX_WORDS];
	int n, titles;
	struct pair p[MAX_WORDS];
	int n_pairs;
	int prev;        /* the word counted just before in this title, or -1 */
	bool title_case; /* this title capitalises its words: capitals say no name */
	size_t prev_start, prev_end;
	const char *title, *lang;
	/* the word being read: tokens joined by hyphens ("Port-Aurèle",
	 * "États-Unis") are one word of the name */
	char key[64];
	size_t start, end; /* its bytes in the title */
	int parts;
	bool content; /* a part that is no stop word, number or short word */
};

static const char *const any_lang[] = { "fr", "en", "de", "es", "it", "pt" };

static bool is_content(const struct namer *nm, const char *tok, size_t len)
{
	if (len < 3 || (tok[0] >= '0' && tok[0] <= '9'))
		return false;
	if (nm->lang)
		return !rv_is_stopword(nm->lang, tok, len);
	for (size_t i = 0; i < sizeof any_lang / sizeof *any_lang; i++)
		if (rv_is_stopword(any_lang[i], tok, len))
			return false;
	return true;
}

/* Whether the word at w starts with a capital letter. */
static bool capitalised(const char *w)
{
	const char *p = w;
	int32_t c = rv_utf8_next(&p, w + strnlen(w, 4));
	return c > 0 && rv_cp_is_upper(c);
}

/* Copy the title's bytes [start, end) into out (cap bytes), whole
 * characters only. */
static void copy_surface(const struct namer *nm, size_t start, size_t end, char *out, size_t cap)
{
	size_t n = rv_utf8_prefix(nm->title + start, end - start, cap - 1);
	memcpy(out, nm->title + start, n);
	out[n] = '\0';
}

/* Count the pair of words i after nm->prev, once per title (both written
 * with a capital there, in a title not in title case). */
static void count_pair(struct namer *nm, int i)
{
	int k = 0;
	while (k < nm->n_pairs && (nm->p[k].first != nm->prev || nm->p[k].second != i))
		k++;
	if (k == nm->n_pairs) {
		if (nm->n_pairs == MAX_WORDS)
			return;
		struct pair *p = &nm->p[nm->n_pairs++];
		p->first = nm->prev;
		p->second = i;
		copy_surface(nm, nm->prev_start, nm->end, p->surface, sizeof p->surface);
		p->count = 0;
		p->last_title = 0;
	}
	if (nm->p[k].last_title != nm->titles) {
		nm->p[k].count++;
		nm->p[k].last_title = nm->titles;
	}
}

/* Count the word just read, once per title. */
static void count_word(struct namer *nm)
{
	if (!nm->parts)
		return;
	nm->parts = 0;
	if (!nm->content) {
		nm->prev = -1;
		return;
	}
	int i = 0;
	while (i < nm->n && strcmp(nm->w[i].key, nm->key))
		i++;
	if (i == nm->n) {
		if (nm->n == MAX_WORDS) {
			nm->prev = -1;
			return;
		}
		struct word *w = &nm->w[nm->n++];
		snprintf(w->key, sizeof w->key, "%s", nm->key);
		copy_surface(nm, nm->start, nm->end, w->surface, sizeof w->surface);
		w->count = 0;
		w->last_title = 0;
	}
	if (nm->w[i].last_title != nm->titles) {
		nm->w[i].count++;
		nm->w[i].last_title = nm->titles;
	}
	if (nm->prev >= 0 && nm->prev != i && !nm->title_case && nm->start == nm->prev_end + 1 &&
	    nm->title[nm->prev_end] == ' ' && capitalised(nm->title + nm->prev_start) &&
	    capitalised(nm->title + nm->start))
		count_pair(nm, i);
	nm->prev = i;
	nm->prev_start = nm->start;
	nm->prev_end = nm->end;
}

static void name_token(const char *tok, size_t len, size_t off, void *ctx)
{
	struct namer *nm = ctx;
	/* its bytes in the title, as the tokenizer read them (a byte test for
	 * "«»" also stopped inside Cyrillic letters: "Норва" of "Норвальске") */
	size_t end = off + rv_token_span(nm->title, off, tok, len);
	size_t have = strlen(nm->key);
	if (nm->parts && off == nm->end + 1 && nm->title[nm->end] == '-' && have + 1 + len < sizeof nm->key &&
	    end - nm->start < sizeof nm->w[0].surface) {
		snprintf(nm->key + have, sizeof nm->key - have, "-%.*s", (int)len, tok);
		nm->end = end;
		nm->parts++;
		nm->content |= is_content(nm, tok, len);
		return;
	}
	count_word(nm);
	if (len >= sizeof nm->key)
		return;
	snprintf(nm->key, sizeof nm->key, "%.*s", (int)len, tok);
	nm->start = off;
	nm->end = end;
	nm->parts = 1;
	nm->content = is_content(nm, tok, len);
}

/* "Jobless Claims Post Surprise Gain": most words of four letters or more
 * capitalised (three or more such words, four in five of them). */
static bool in_title_case(const char *title)
{
	int words = 0, capitals = 0;
	const char *end = title + strlen(title);
	for (const char *p = title; p < end;) {
		int32_t first = rv_utf8_next(&p, end);
		if (first <= 0 || !rv_cp_is_alnum(first))
			continue;
		int letters = 1;
		for (const char *q = p; q < end;) {
			int32_t c = rv_utf8_next(&q, end);
			if (c <= 0 || !rv_cp_is_alnum(c))
				break;
			letters++;
			p = q;
		}
		if (letters >= 4) {
			words++;
			capitals += rv_cp_is_upper(first);
		}
	}
	return words >= 3 && 5 * capitals >= 4 * words;
}

static int name_article(const rv_article *a, void *ctx)
{
	struct namer *nm = ctx;
	if (!a->title || nm->titles >= MAX_TITLES)
		return RV_OK;
	nm->titles++;
	nm->title = a->title;
	nm->lang = a->lang;
	nm->parts = 0;
	nm->prev = -1;
	nm->title_case = in_title_case(a->title);
	rv_tokenize(a->title, strlen(a->title), name_token, nm);
	count_word(nm);
	return RV_OK;
}

char *rv_storyline_name(rv_store *store, int64_t storyline)
{
	struct namer *nm = calloc(1, sizeof *nm);
	if (!nm)
		return NULL;
	rv_filter f = { 0 };
	f.storyline = storyline;
	f.limit = MAX_TITLES; /* the names read no more titles than that */
	rv_error err;
	rv_error_clear(&err);
	char *out = NULL;
	if (rv_store_each_article(store, &f, name_article, nm, &err) || nm->titles < 2)
		goto done;
	char buf[256] = "";
	size_t used = 0;
	int counts[MAX_WORDS]; /* before any is taken into the name */
	for (int i = 0; i < nm->n; i++)
		counts[i] = nm->w[i].count;
	for (int k = 0; k < NAME_WORDS && used < sizeof buf;) {
		int best = -1;
		for (int i = 0; i < nm->n; i++)
			if (nm->w[i].count >= 2 && (best < 0 || nm->w[i].count > nm->w[best].count))
				best = i;
		if (best < 0)
			break;
		nm->w[best].count = 0;
		/* a name of two capitalised words (counted so only), its rarer
		 * word written in it three times in four and the word chosen at
		 * least every other time: "Kofi Adjei" (the surname also alone),
		 * not "Brigitte Macron" for a storyline of Emmanuel Macron's */
		int pair = -1;
		for (int i = 0; i < nm->n_pairs; i++) {
			const struct pair *p = &nm->p[i];
			if (p->first != best && p->second != best)
				continue;
			int rarer = counts[p->first] < counts[p->second] ? counts[p->first] : counts[p->second];
			if (p->count >= 2 && 4 * p->count >= 3 * rarer && 2 * p->count >= counts[best] &&
			    (pair < 0 || p->count > nm->p[pair].count))
				pair = i;
		}
		if (pair >= 0) {
			int other = nm->p[pair].first == best ? nm->p[pair].second : nm->p[pair].first;
			if (counts[other] && !nm->w[other].count)
				continue; /* its name is in already, with the other word first */
			nm->w[other].count = 0;
		}
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", k ? ", " : "",
					 pair >= 0 ? nm->p[pair].surface : nm->w[best].surface);
		k++;
	}
	if (*buf)
		out = strdup(buf);
done:
	free(nm);
	return out;
}
