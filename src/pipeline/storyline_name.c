/* storyline_name.c - a readable name for a storyline: its characteristic
 * title words. Computed when listed (not stored): the words that recur in
 * the titles of the storyline's articles, most frequent first, in the
 * spelling first seen (a hyphenated name, "Port-Aurèle", is one word);
 * stop words of the article's language (or of any supported language when
 * unknown) and numbers left out. Two or three capitalised words the titles
 * mostly write side by side, or with a particle between them, are named
 * together ("Kofi Adjei", not "Adjei, …, Kofi"; "Martin Luther King",
 * "Charles de Gaulle"). */
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
#define RUN_WORDS 3    /* the longest name read whole */
#define MAX_RUNS 512
#define MAX_PARTICLES 2 /* "von der" */

struct word {
	char key[64];      /* folded */
	char surface[64];  /* as first written */
	int count;         /* titles it appears in */
	int last_title;
};

/* Two or three capitalised content words written one after the other, a
 * space or particles ("de", "von der") between them. */
struct run {
	int words[RUN_WORDS]; /* in namer.w */
	int n;
	char surface[200]; /* as first written */
	int count;         /* titles it appears in */
	int last_title;
};

struct namer {
	struct word w[MAX_WORDS];
	int n, titles;
	struct run r[MAX_RUNS];
	int n_runs;
	/* the capitalised words just read in this title, side by side: their
	 * indices and where each starts; the end of the last word or particle */
	int chain[RUN_WORDS];
	size_t chain_start[RUN_WORDS];
	int chain_len;
	size_t chain_end;
	/* particles read after the chain ("de", "von der"): inside a name if a
	 * capitalised word follows, else words like the others ("London van
	 * attack") */
	struct {
		char key[64];
		size_t start, end;
		bool content;
	} held[MAX_PARTICLES];
	int particles;
	bool title_case; /* this title capitalises its words: capitals say no name */
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

/* Count the last n words of the chain, the last ending at end, as a run,
 * once per title. */
static void count_run(struct namer *nm, int n, size_t end)
{
	const int *words = nm->chain + nm->chain_len - n;
	int k = 0;
	while (k < nm->n_runs &&
	       (nm->r[k].n != n || memcmp(nm->r[k].words, words, (size_t)n * sizeof *words)))
		k++;
	if (k == nm->n_runs) {
		if (nm->n_runs == MAX_RUNS)
			return;
		struct run *r = &nm->r[nm->n_runs++];
		memcpy(r->words, words, (size_t)n * sizeof *words);
		r->n = n;
		copy_surface(nm, nm->chain_start[nm->chain_len - n], end, r->surface,
			     sizeof r->surface);
		r->count = 0;
		r->last_title = 0;
	}
	if (nm->r[k].last_title != nm->titles) {
		nm->r[k].count++;
		nm->r[k].last_title = nm->titles;
	}
}

/* Whether a word starting at start follows the chain, one space after its
 * last word or particle. */
static bool follows_chain(const struct namer *nm, size_t start)
{
	return nm->chain_len && start == nm->chain_end + 1 && nm->title[nm->chain_end] == ' ';
}

/* "de", "von der" between two capitalised words: part of a name ("Charles
 * de Gaulle", "Ursula von der Leyen"), not a break in it. Lower case only:
 * "De" opens a title. */
static bool particle(const struct namer *nm)
{
	static const char *const particles[] = { "de", "du", "des", "da", "di", "do", "dos",
						  "del", "della", "van", "von", "der", "den",
						  "ter", "bin", "ibn" };
	if (nm->parts != 1 || capitalised(nm->title + nm->start))
		return false;
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (!strcmp(nm->key, particles[i]))
			return true;
	return false;
}

/* Add word i, at title bytes [start, end), to the chain of capitalised
 * words (a new chain unless it follows the last), and count the names of
 * two and three words it ends. */
static void extend_chain(struct namer *nm, int i, size_t start, size_t end)
{
	bool linked = follows_chain(nm, start);
	for (int k = 0; k < nm->chain_len; k++)
		linked &= nm->chain[k] != i;
	nm->particles = 0; /* inside the name when linked, counted already when not */
	if (nm->title_case || !capitalised(nm->title + start)) {
		nm->chain_len = 0;
		return;
	}
	if (!linked)
		nm->chain_len = 0;
	if (nm->chain_len == RUN_WORDS) {
		memmove(nm->chain, nm->chain + 1, (RUN_WORDS - 1) * sizeof *nm->chain);
		memmove(nm->chain_start, nm->chain_start + 1,
			(RUN_WORDS - 1) * sizeof *nm->chain_start);
		nm->chain_len--;
	}
	nm->chain[nm->chain_len] = i;
	nm->chain_start[nm->chain_len] = start;
	nm->chain_len++;
	nm->chain_end = end;
	for (int n = 2; n <= nm->chain_len; n++)
		count_run(nm, n, end);
}

/* Count the word key, at title bytes [start, end), once per title. */
static void add_word(struct namer *nm, const char *key, size_t start, size_t end, bool content)
{
	if (!content) {
		nm->chain_len = 0;
		nm->particles = 0;
		return;
	}
	int i = 0;
	while (i < nm->n && strcmp(nm->w[i].key, key))
		i++;
	if (i == nm->n) {
		if (nm->n == MAX_WORDS) {
			nm->chain_len = 0;
			nm->particles = 0;
			return;
		}
		struct word *w = &nm->w[nm->n++];
		snprintf(w->key, sizeof w->key, "%s", key);
		copy_surface(nm, start, end, w->surface, sizeof w->surface);
		w->count = 0;
		w->last_title = 0;
	}
	if (nm->w[i].last_title != nm->titles) {
		nm->w[i].count++;
		nm->w[i].last_title = nm->titles;
	}
	extend_chain(nm, i, start, end);
}

/* The particles held after a chain that no capitalised word continued:
 * words of the title like any other. */
static void release_particles(struct namer *nm)
{
	int n = nm->particles;
	nm->particles = 0;
	nm->chain_len = 0;
	for (int k = 0; k < n; k++)
		add_word(nm, nm->held[k].key, nm->held[k].start, nm->held[k].end,
			 nm->held[k].content);
}

/* Count the word just read. */
static void count_word(struct namer *nm)
{
	if (!nm->parts)
		return;
	if (nm->particles < MAX_PARTICLES && follows_chain(nm, nm->start) && particle(nm)) {
		nm->parts = 0;
		snprintf(nm->held[nm->particles].key, sizeof nm->held[0].key, "%s", nm->key);
		nm->held[nm->particles].start = nm->start;
		nm->held[nm->particles].end = nm->end;
		nm->held[nm->particles].content = nm->content;
		nm->particles++;
		nm->chain_end = nm->end;
		return;
	}
	nm->parts = 0;
	if (nm->particles && !(nm->content && !nm->title_case &&
			       capitalised(nm->title + nm->start) && follows_chain(nm, nm->start)))
		release_particles(nm);
	add_word(nm, nm->key, nm->start, nm->end, nm->content);
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
	nm->chain_len = 0;
	nm->particles = 0;
	nm->title_case = in_title_case(a->title);
	rv_tokenize(a->title, strlen(a->title), name_token, nm);
	count_word(nm);
	release_particles(nm);
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
		/* a name of two or three capitalised words (counted so only), its
		 * rarest word written in it three times in four and the word chosen
		 * at least every other time: "Kofi Adjei" (the surname also alone),
		 * not "Brigitte Macron" for a storyline of Emmanuel Macron's; the
		 * longer name when both qualify ("Martin Luther King", not "Luther
		 * King") */
		int run = -1;
		for (int i = 0; i < nm->n_runs; i++) {
			const struct run *r = &nm->r[i];
			int rarest = 0;
			bool has_best = false;
			for (int j = 0; j < r->n; j++) {
				has_best |= r->words[j] == best;
				if (!j || counts[r->words[j]] < rarest)
					rarest = counts[r->words[j]];
			}
			if (has_best && r->count >= 2 && 4 * r->count >= 3 * rarest &&
			    2 * r->count >= counts[best] &&
			    (run < 0 || r->n > nm->r[run].n ||
			     (r->n == nm->r[run].n && r->count > nm->r[run].count)))
				run = i;
		}
		if (run >= 0) {
			const struct run *r = &nm->r[run];
			bool named_already = false;
			for (int j = 0; j < r->n; j++)
				named_already |= r->words[j] != best && !nm->w[r->words[j]].count;
			if (named_already)
				continue; /* its name is in already, its words in another order */
			for (int j = 0; j < r->n; j++)
				nm->w[r->words[j]].count = 0;
		}
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", k ? ", " : "",
					 run >= 0 ? nm->r[run].surface : nm->w[best].surface);
		k++;
	}
	if (*buf)
		out = strdup(buf);
done:
	free(nm);
	return out;
}
