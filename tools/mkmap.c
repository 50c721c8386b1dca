/* mkmap.c - build the French->English stem map from FreeDict (build step).
 *
 * usage: mkmap FRA-ENG-BASE ENG-FRA-BASE OUT
 * (BASE = /usr/share/dictd/freedict-fra-eng, reading BASE.index and
 * BASE.dict.dz). Writes "french_stem<TAB>english_stem" lines, sorted, one
 * per French stem: the grouper maps the terms of French articles with it
 * so French and English reports of one event share keys. Both sides are
 * folded and stemmed exactly as the analyzer does (rv_tokenize, rv_stem).
 * Only single-word entries and translations are used; a French stem keeps
 * its first translation (dictionaries list the main sense first).
 * The FreeDict data is GPL: the map is generated at build time from the
 * installed Debian packages and never committed.
 */
#include "analyze/analyze.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define MAX_DICT (64u << 20)

static char *read_dz(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n == cap) {
			if (cap >= MAX_DICT)
				break;
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		int r = gzread(f, buf + n, (unsigned)(cap - n));
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	gzclose(f);
	*len = n;
	return buf;
}

static long b64num(const char *s)
{
	static const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	long v = 0;
	for (; *s && *s != '\t' && *s != '\n'; s++) {
		const char *p = strchr(alpha, *s);
		if (!p)
			return -1;
		v = v * 64 + (p - alpha);
	}
	return v;
}

typedef struct pair {
	char *from, *to;
	int order;
} pair;

static pair *pairs;
static size_t n_pairs, cap_pairs;

/* The single folded token of s, or false when s is not one word. */
struct one {
	char tok[80];
	int n;
};

static void one_token(const char *tok, size_t len, size_t off, void *ctx)
{
	(void)off;
	struct one *o = ctx;
	if (++o->n == 1)
		snprintf(o->tok, sizeof o->tok, "%.*s", (int)len, tok);
}

static bool stem_word(rv_analyzer *an, const char *lang, const char *w, size_t n, char *out,
		      size_t cap)
{
	struct one o = { 0 };
	rv_tokenize(w, n, one_token, &o);
	if (o.n != 1 || strlen(o.tok) < 2 || rv_is_stopword(lang, o.tok, strlen(o.tok)))
		return false;
	return rv_stem(an, lang, o.tok, strlen(o.tok), out, cap) > 1;
}

static void add_pair(const char *from, const char *to)
{
	if (n_pairs == cap_pairs) {
		cap_pairs = cap_pairs ? cap_pairs * 2 : 4096;
		pairs = realloc(pairs, cap_pairs * sizeof *pairs);
		if (!pairs)
			exit(3);
	}
	pairs[n_pairs].from = strdup(from);
	pairs[n_pairs].to = strdup(to);
	pairs[n_pairs].order = (int)n_pairs;
	n_pairs++;
}

/* Translations of one entry body: the lines after the headword, split at
 * ',' and ';', numbering "1. " and "to " removed, parentheses dropped. */
static void each_translation(const char *body, size_t len, void (*fn)(const char *, size_t, void *),
			     void *ctx)
{
	const char *p = memchr(body, '\n', len);
	if (!p)
		return;
	const char *end = body + len;
	p++;
	while (p < end) {
		const char *e = p;
		while (e < end && *e != ',' && *e != ';' && *e != '\n')
			e++;
		const char *s = p;
		while (s < e && (*s == ' ' || (*s >= '0' && *s <= '9') || *s == '.'))
			s++;
		if (e - s > 3 && !strncmp(s, "to ", 3))
			s += 3;
		const char *t = e;
		while (t > s && t[-1] == ' ')
			t--;
		if (t > s && !memchr(s, '(', (size_t)(t - s)) && !memchr(s, '<', (size_t)(t - s)))
			fn(s, (size_t)(t - s), ctx);
		p = e + 1;
	}
}

struct entry_ctx {
	rv_analyzer *an;
	const char *head_lang, *tr_lang;
	char head_stem[80];
	bool fr_is_head;
};

static void on_translation(const char *s, size_t n, void *ctx)
{
	struct entry_ctx *c = ctx;
	char st[80];
	if (!stem_word(c->an, c->tr_lang, s, n, st, sizeof st))
		return;
	if (c->fr_is_head)
		add_pair(c->head_stem, st);
	else
		add_pair(st, c->head_stem);
}

static int load(rv_analyzer *an, const char *base, bool fr_is_head)
{
	char path[512];
	size_t dlen;
	snprintf(path, sizeof path, "%s.dict.dz", base);
	char *dict = read_dz(path, &dlen);
	snprintf(path, sizeof path, "%s.index", base);
	FILE *idx = fopen(path, "r");
	if (!dict || !idx) {
		fprintf(stderr, "mkmap: cannot read %s\n", base);
		free(dict);
		if (idx)
			fclose(idx);
		return 1;
	}
	struct entry_ctx c = { .an = an, .fr_is_head = fr_is_head,
			       .head_lang = fr_is_head ? "fr" : "en",
			       .tr_lang = fr_is_head ? "en" : "fr" };
	char line[1024];
	while (fgets(line, sizeof line, idx)) {
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t2 || !strncmp(line, "00database", 10))
			continue;
		long off = b64num(t1 + 1), len = b64num(t2 + 1);
		if (off < 0 || len <= 0 || (size_t)(off + len) > dlen)
			continue;
		if (!stem_word(an, c.head_lang, line, (size_t)(t1 - line), c.head_stem,
			       sizeof c.head_stem))
			continue;
		each_translation(dict + off, (size_t)len, on_translation, &c);
	}
	fclose(idx);
	free(dict);
	return 0;
}

/* Edit distance of two short strings (bytes), for the cognate tie-break. */
static int distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 60 || m > 60)
		return 99;
	int row[64];
	for (size_t j = 0; j <= m; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	return row[m];
}

static int by_from(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	int c = strcmp(x->from, y->from);
	if (!c)
		c = strcmp(x->to, y->to);
	return c ? c : x->order - y->order;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mkmap FRA-ENG-BASE ENG-FRA-BASE OUT\n");
		return 1;
	}
	rv_analyzer *an;
	rv_error err = { 0 };
	if (rv_analyzer_new(&an, &err))
		return 3;
	/* fr->en entries first: their order wins over the reverse dictionary */
	int rc = load(an, argv[1], true) | load(an, argv[2], false);
	qsort(pairs, n_pairs, sizeof *pairs, by_from);
	if (getenv("MKMAP_DEBUG"))
		for (size_t i = 0; i < n_pairs; i++)
			if (!strcmp(pairs[i].from, getenv("MKMAP_DEBUG")))
				fprintf(stderr, "%s %s %d\n", pairs[i].from, pairs[i].to, pairs[i].order);
	FILE *out = fopen(argv[3], "w");
	if (!out) {
		fprintf(stderr, "mkmap: cannot write %s\n", argv[3]);
		return 1;
	}
	/* Per French stem: a cognate translation first (contrôleur ->
	 * control, troupe -> troop, annuler -> annul: news vocabulary is full
	 * of them, and a stem equal in both languages needs no mapping), then
	 * the translation given most often (both directions agreeing beats a
	 * first-listed rare sense: soldat -> soldier, not pawn), then the
	 * closest spelling, then the first listed. */
	size_t written = 0;
	for (size_t i = 0; i < n_pairs;) {
		size_t j = i, best = i;
		int best_count = 0, best_order = 0, best_dist = 99;
		bool first = true;
		while (j < n_pairs && !strcmp(pairs[j].from, pairs[i].from)) {
			size_t k = j;
			int count = 0, order = pairs[j].order;
			while (k < n_pairs && !strcmp(pairs[k].from, pairs[j].from) &&
			       !strcmp(pairs[k].to, pairs[j].to)) {
				count++;
				k++;
			}
			int dist = distance(pairs[j].from, pairs[j].to);
			bool cognate = dist * 3 <= (int)strlen(pairs[j].from);
			bool best_cognate = best_dist * 3 <= (int)strlen(pairs[best].from);
			if (first || (cognate && !best_cognate) ||
			    (cognate == best_cognate &&
			     (count > best_count ||
			      (count == best_count &&
			       (dist < best_dist || (dist == best_dist && order < best_order)))))) {
				best = j;
				first = false;
				best_dist = dist;
				best_count = count;
				best_order = order;
			}
			j = k;
		}
		/* the same stem in both languages: nothing to map */
		if (strcmp(pairs[best].from, pairs[best].to)) {
			fprintf(out, "%s\t%s\n", pairs[best].from, pairs[best].to);
			written++;
		}
		i = j;
	}
	fclose(out);
	for (size_t i = 0; i < n_pairs; i++) {
		free(pairs[i].from);
		free(pairs[i].to);
	}
	free(pairs);
	rv_analyzer_free(&an);
	fprintf(stderr, "mkmap: %zu French stems mapped\n", written);
	return rc;
}
