/* storyline_name.c - a readable name for a storyline: its characteristic
 * title words. Computed when listed (not stored): the words that recur in
 * the titles of the storyline's articles, most frequent first, in the
 * spelling first seen (a hyphenated name, "Port-Aurèle", is one word);
 * stop words of the article's language (or of any supported language when
 * unknown) and numbers left out. */
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

struct namer {
	struct word w[MAX_WORDS];
	int n, titles;
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

/* Count the word just read, once per title. */
static void count_word(struct namer *nm)
{
	if (!nm->parts || !nm->content)
		return;
	nm->parts = 0;
	for (int i = 0; i < nm->n; i++) {
		if (!strcmp(nm->w[i].key, nm->key)) {
			if (nm->w[i].last_title != nm->titles) {
				nm->w[i].count++;
				nm->w[i].last_title = nm->titles;
			}
			return;
		}
	}
	if (nm->n == MAX_WORDS)
		return;
	struct word *w = &nm->w[nm->n++];
	snprintf(w->key, sizeof w->key, "%s", nm->key);
	size_t n = rv_utf8_prefix(nm->title + nm->start, nm->end - nm->start, sizeof w->surface - 1);
	memcpy(w->surface, nm->title + nm->start, n);
	w->surface[n] = '\0';
	w->count = 1;
	w->last_title = nm->titles;
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

static int name_article(const rv_article *a, void *ctx)
{
	struct namer *nm = ctx;
	if (!a->title || nm->titles >= MAX_TITLES)
		return RV_OK;
	nm->titles++;
	nm->title = a->title;
	nm->lang = a->lang;
	nm->parts = 0;
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
	rv_error err;
	rv_error_clear(&err);
	char *out = NULL;
	if (rv_store_each_article(store, &f, name_article, nm, &err) || nm->titles < 2)
		goto done;
	char buf[256] = "";
	size_t used = 0;
	for (int k = 0; k < NAME_WORDS; k++) {
		int best = -1;
		for (int i = 0; i < nm->n; i++)
			if (nm->w[i].count >= 2 && (best < 0 || nm->w[i].count > nm->w[best].count))
				best = i;
		if (best < 0)
			break;
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", k ? ", " : "",
					 nm->w[best].surface);
		nm->w[best].count = 0;
		if (used >= sizeof buf)
			break;
	}
	if (*buf)
		out = strdup(buf);
done:
	free(nm);
	return out;
}
