/* mkwnmap.c - build the English concept map from WordNet word pairs (build step).
 *
 * usage: tools/wn_edges.py /usr/share/wordnet | mkwnmap [MAX_SET] > OUT
 * Reads "word<TAB>word" lines (two words that name one concept: an
 * irregular inflection, a derived form, a synonym), stems both sides
 * exactly as the analyzer does for English (rv_tokenize, rv_stem), joins
 * the stems into sets (union-find; a pair that would make a set larger
 * than MAX_SET, default 6, is dropped: a long chain of senses wanders off
 * the concept) and writes "stem<TAB>~concept" for each stem of a set of
 * two or more, the concept named by its shortest stem. The grouper adds
 * the concept term to English articles' vectors (src/group/events.c).
 */
#include "analyze/analyze.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEMS (1u << 18)

static char *stems[MAX_STEMS];
static uint32_t parent[MAX_STEMS], size[MAX_STEMS], slots[MAX_STEMS * 2];
static uint32_t n_stems;

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

/* The id of stem s (added when new), UINT32_MAX when full or out of memory. */
static uint32_t stem_id(const char *s)
{
	uint32_t mask = MAX_STEMS * 2 - 1;
	for (uint32_t j = hash(s) & mask, k = 0; k <= mask; j = (j + 1) & mask, k++) {
		if (!slots[j]) {
			if (n_stems == MAX_STEMS)
				return UINT32_MAX;
			char *c = strdup(s);
			if (!c)
				return UINT32_MAX;
			stems[n_stems] = c;
			parent[n_stems] = n_stems;
			size[n_stems] = 1;
			slots[j] = ++n_stems;
			return n_stems - 1;
		}
		if (!strcmp(stems[slots[j] - 1], s))
			return slots[j] - 1;
	}
	return UINT32_MAX;
}

static uint32_t find(uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

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

/* The English stem of one word, false for several tokens or a stop word. */
static bool stem_word(rv_analyzer *an, const char *w, char *out, size_t cap)
{
	struct one o = { 0 };
	rv_tokenize(w, strlen(w), one_token, &o);
	if (o.n != 1 || strlen(o.tok) < 2 || rv_is_stopword("en", o.tok, strlen(o.tok)))
		return false;
	return rv_stem(an, "en", o.tok, strlen(o.tok), out, cap) > 1;
}

static bool shorter(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	return na != nb ? na < nb : strcmp(a, b) < 0;
}

int main(int argc, char **argv)
{
	uint32_t max_set = argc > 1 ? (uint32_t)atoi(argv[1]) : 6;
	rv_analyzer *an;
	rv_error err = { 0 };
	if (rv_analyzer_new(&an, &err)) {
		fprintf(stderr, "mkwnmap: %s\n", err.msg);
		return 1;
	}
	char line[512], s1[80], s2[80];
	size_t dropped = 0;
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		if (!stem_word(an, line, s1, sizeof s1) || !stem_word(an, tab + 1, s2, sizeof s2) ||
		    !strcmp(s1, s2))
			continue;
		uint32_t a = stem_id(s1), b = stem_id(s2);
		if (a == UINT32_MAX || b == UINT32_MAX) {
			fprintf(stderr, "mkwnmap: too many stems\n");
			return 1;
		}
		a = find(a);
		b = find(b);
		if (a == b)
			continue;
		if (size[a] + size[b] > max_set) {
			dropped++;
			continue;
		}
		if (size[a] < size[b]) {
			uint32_t t = a;
			a = b;
			b = t;
		}
		parent[b] = a;
		size[a] += size[b];
	}
	/* each set is named by its shortest stem */
	static uint32_t name[MAX_STEMS];
	for (uint32_t i = 0; i < n_stems; i++)
		name[i] = UINT32_MAX;
	for (uint32_t i = 0; i < n_stems; i++) {
		uint32_t r = find(i);
		if (name[r] == UINT32_MAX || shorter(stems[i], stems[name[r]]))
			name[r] = i;
	}
	size_t written = 0;
	for (uint32_t i = 0; i < n_stems; i++) {
		uint32_t r = find(i);
		if (size[r] < 2)
			continue;
		printf("%s\t~%s\n", stems[i], stems[name[r]]);
		written++;
	}
	fprintf(stderr, "mkwnmap: %zu English stems in concepts (%zu pairs dropped)\n", written,
		dropped);
	for (uint32_t i = 0; i < n_stems; i++)
		free(stems[i]);
	rv_analyzer_free(&an);
	return 0;
}
