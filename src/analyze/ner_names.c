/* ner_names.c - folding, transliteration and the gazetteer index. */
#include "analyze/ner_names.h"

#include "core/utf8.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Raise when a change to the code of rv_entity_key or rv__ner_fold keys
 * some name otherwise (a gazetteer change is seen without it). */
#define RV_ENTITY_KEY_RULES 1

/* Russian/Ukrainian Cyrillic to Latin, close to the BGN/PCGN spellings the
 * English press uses ("Путин" -> "putin", "Київ" -> "kyiv"). Lower case only:
 * folding happens first. Index: code point - 0x430. */
static const char *const cyr_lower[] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

static const char *cyr_extra(int32_t cp)
{
	switch (cp) {
	case 0x451: return "e";   /* ё */
	case 0x454: return "ye";  /* є */
	case 0x456: return "i";   /* і */
	case 0x457: return "yi";  /* ї */
	case 0x491: return "g";   /* ґ */
	case 0x439: return "y";   /* й */
	default: return NULL;
	}
}

size_t rv__ner_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	bool space = false;
	bool ascii = true;
	size_t i0 = 0;
	/* eight ASCII bytes at a time first: most keys are all ASCII */
	for (uint64_t w; i0 + 8 <= n; i0 += 8) {
		memcpy(&w, s + i0, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	for (size_t i = i0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) {
			/* Latin-1 letters (U+00C0..U+00FF) fold by table below */
			if ((unsigned char)s[i] == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
			    (unsigned char)s[i + 1] <= 0xBF) {
				i++;
				continue;
			}
			if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98))
			{
				i += 2;
				continue;
			}
			ascii = false;
			break;
		}
	char *tmp = NULL;
	const char *p = s, *end = s + n;
	if (!ascii) {
		char *copy = malloc(n + 1);
		if (!copy)
			return 0;
		memcpy(copy, s, n);
		copy[n] = '\0';
		tmp = rv_utf8_fold(copy);
		free(copy);
		if (!tmp)
			return 0;
		p = tmp;
		end = tmp + strlen(tmp);
	}
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		const char *rep = NULL;
		char one[5];
		size_t rl;
		if (c == 0xC3 && ascii && p + 1 < end) {
			/* À..ÿ: the letter without its accent, lower case */
			static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
						     "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
			unsigned char d = (unsigned char)p[1];
			p += 2;
			char f = latin1[d - 0x80];
			if (d == 0x86 || d == 0xA6) {          /* Æ æ */
				one[0] = 'a';
				one[1] = 'e';
				rl = 2;
			} else if (d == 0x9F) {                /* ß */
				one[0] = 's';
				one[1] = 's';
				rl = 2;
			} else if (f == '*' || f == '/') {     /* × ÷ */
				one[0] = (char)0xC3;
				one[1] = (char)d;
				rl = 2;
			} else {
				one[0] = f;
				rl = 1;
			}
			rep = one;
		} else if (c < 0x80) {
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				p++;
				space = o > 0;
				continue;
			}
			if (space) {
				if (o + 1 >= cap)
					goto full;
				out[o++] = ' ';
				space = false;
			}
			/* a run of ASCII without white space (most of a word), in one loop */
			for (;;) {
				if (o + 1 >= cap)
					goto full;
				out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				if (++p == end)
					break;
				c = (unsigned char)*p;
				if (c >= 0x80 || c == ' ' || c == '\t' || c == '\n' || c == '\r')
					break;
			}
			continue;
		} else {
			int32_t cp = rv_utf8_next(&p, end);
			if (cp == 0x2019 || cp == 0x2018) {
				one[0] = '\'';
				rl = 1;
				rep = one;
			} else if (cp == 0xA0 || cp == 0x202F || cp == 0x2009) {
				space = o > 0;
				continue;
			} else if (cp >= 0x430 && cp <= 0x44F) {
				rep = cyr_lower[cp - 0x430];
				rl = strlen(rep);
			} else if ((rep = cyr_extra(cp))) {
				rl = strlen(rep);
			} else if (cp < 0) {
				continue;
			} else {
				rl = rv_utf8_encode(cp, one);
				rep = one;
			}
		}
		if (space) {
			if (o + 1 >= cap)
				goto full;
			out[o++] = ' ';
			space = false;
		}
		if (o + rl >= cap)
			goto full;
		if (rl == 1) /* most characters: no memcpy call per byte */
			out[o] = *rep;
		else
			memcpy(out + o, rep, rl);
		o += rl;
	}
	if (tmp)
		free(tmp);
	out[o] = '\0';
	return o;
full:
	free(tmp);
	if (cap)
		out[0] = '\0';
	return 0;
}

typedef struct gaz_key {
	char *key;
	int row;
} gaz_key;

static gaz_key *gaz_keys;
static size_t gaz_n;
static pthread_once_t gaz_once = PTHREAD_ONCE_INIT;
static rv__strindex gaz_index;

static int gaz_cmp(const void *a, const void *b)
{
	const gaz_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->row - y->row;
}

static void gaz_build(void)
{
	size_t cap = 0;
	for (int r = 0; rv__ner_gazetteer[r]; r++)
		for (const char *p = rv__ner_gazetteer[r]; *p; p++)
			cap += *p == '|';
	gaz_keys = calloc(cap + 1, sizeof *gaz_keys);
	if (!gaz_keys)
		return;
	for (int r = 0; rv__ner_gazetteer[r]; r++) {
		const char *at = NULL;
		char buf[256];
		while (rv__ner_gaz_next_folded(r, &at, buf, sizeof buf)) {
			char *k = strdup(buf);
			if (!k)
				continue;
			gaz_keys[gaz_n].key = k;
			gaz_keys[gaz_n].row = r;
			gaz_n++;
		}
	}
	qsort(gaz_keys, gaz_n, sizeof *gaz_keys, gaz_cmp);
	rv__strindex_build(&gaz_index, gaz_keys, gaz_n, sizeof *gaz_keys);
}

int rv__ner_gaz_find(const char *key, char *type)
{
	pthread_once(&gaz_once, gaz_build);
	long i = rv__strindex_find(&gaz_index, key);
	if (i < 0)
		return -1;
	if (type) {
		char t = rv__ner_gazetteer[gaz_keys[i].row][0];
		*type = t == 'C' ? 'L' : t; /* a country is a location (rv__ner_gaz_country) */
	}
	return gaz_keys[i].row;
}

bool rv__ner_gaz_country(int row)
{
	return row >= 0 && rv__ner_gazetteer[row][0] == 'C';
}

bool rv__ner_gaz_next_folded(int row, const char **at, char *out, size_t cap)
{
	const char *p = *at ? *at : strchr(rv__ner_gazetteer[row], '|');
	while (p && *p == '|') {
		const char *s = p + 1;
		size_t n = strcspn(s, "|");
		p = s + n; /* the next '|', or the row's end */
		if (rv__ner_fold(s, n, out, cap)) {
			*at = p;
			return true;
		}
	}
	*at = "";
	return false;
}

const char *rv__ner_gaz_name(int row, size_t *len)
{
	const char *s = rv__ner_gazetteer[row] + 2;
	const char *bar = strchr(s, '|');
	*len = bar ? (size_t)(bar - s) : strlen(s);
	return s;
}

/* Whether a variant of gazetteer row row has the folded word w. */
static bool row_has_word(int row, const char *w, size_t wl)
{
	const char *at = NULL;
	char buf[256];
	while (rv__ner_gaz_next_folded(row, &at, buf, sizeof buf)) {
		for (const char *q = buf; *q;) {
			size_t m = strcspn(q, " ");
			if (m == wl && !memcmp(q, w, wl))
				return true;
			q += m;
			q += *q == ' ';
		}
	}
	return false;
}

/* Whether a word of the folded name before its surname (at last) is another
 * person's given name: one the row does not have, and no title, particle or
 * initial. "Melania Trump", "Lyndon Johnson", "Rahul Gandhi" are not the
 * listed Trump, Johnson and Gandhi; "Président Vladimir V. Poutine" is Putin. */
static bool other_given_name(int row, const char *name, const char *last)
{
	for (const char *w = name; w < last; w += strspn(w, " ")) {
		size_t wl = strcspn(w, " ");
		/* "mr." is the title "mr", "v." an initial */
		size_t cl = wl > 1 && w[wl - 1] == '.' ? wl - 1 : wl;
		char word[64];
		if (cl >= sizeof word)
			return true;
		memcpy(word, w, cl);
		word[cl] = '\0';
		if (cl > 1 && !rv__ner_name_prefix_word(word) && !row_has_word(row, w, wl))
			return true;
		w += wl;
	}
	return false;
}

size_t rv_entity_key(const char *name, const char *type, char *out, size_t cap)
{
	size_t n = rv__ner_fold(name, strlen(name), out, cap);
	if (!n)
		return 0;
	char t;
	int row = rv__ner_gaz_find(out, &t);
	if (row < 0 && type && !strcmp(type, "person")) {
		/* "Vladimir Poutine" is listed; "Président Vladimir V. Poutine" is
		 * not: fall back on the surname. */
		const char *last = strrchr(out, ' ');
		if (last) {
			row = rv__ner_gaz_find(last + 1, &t);
			if (row >= 0 && t != 'P')
				row = -1;
			if (row >= 0 && other_given_name(row, out, last))
				row = -1;
		}
	}
	if (row >= 0) {
		size_t len;
		const char *canon = rv__ner_gaz_name(row, &len);
		n = rv__ner_fold(canon, len, out, cap);
	}
	return n;
}

static int64_t key_rules;
static pthread_once_t key_rules_once = PTHREAD_ONCE_INIT;

static void fnv(uint64_t *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ (unsigned char)s[i]) * 1099511628211u;
}

static void key_rules_digest(void)
{
	uint64_t h = 14695981039346656037u;
	char rules[24];
	int n = snprintf(rules, sizeof rules, "%d\n", RV_ENTITY_KEY_RULES);
	fnv(&h, rules, (size_t)n);
	const char *v = utf8proc_version();
	fnv(&h, v, strlen(v) + 1);
	for (int r = 0; rv__ner_gazetteer[r]; r++)
		fnv(&h, rv__ner_gazetteer[r], strlen(rv__ner_gazetteer[r]) + 1);
	/* SQLite stores it as a signed 64-bit integer */
	memcpy(&key_rules, &h, sizeof key_rules);
}

int64_t rv_entity_key_rules(void)
{
	pthread_once(&key_rules_once, key_rules_digest);
	return key_rules;
}

/* Eight bytes at a time (a byte at a time was a tenth of the entity pass: every
 * feature of the type model and every word is looked up); the last bytes are read
 * as one overlapping word, or two, or three bytes for the shortest keys (as
 * wyhash does). Mixed as MurmurHash3's finaliser so that the low bits (the slot)
 * and bits 7.. (the filter) both spread. */
static unsigned strhash(const char *s, size_t n)
{
	const uint64_t m = 0xFF51AFD7ED558CCDu;
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, w;
	size_t left = n;
	for (const char *p = s; left > 8; p += 8, left -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * m;
		h ^= h >> 32;
	}
	if (n >= 8) {
		memcpy(&w, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n) {
		w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (unsigned char)s[n - 1];
	} else {
		w = 0;
	}
	h = (h ^ w) * m;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return (unsigned)h;
}

static const char *item_key(const rv__strindex *ix, size_t i)
{
	return *(const char *const *)(const void *)(ix->base + i * ix->stride);
}

bool rv__strindex_build(rv__strindex *ix, const void *base, size_t n, size_t stride)
{
	size_t cap = 16;
	while (cap < n * 2)
		cap *= 2;
	ix->slots = calloc(cap * 2, sizeof *ix->slots);
	/* 4 bits per slot: about 1 present key in 8 bits, few false hits */
	ix->fmask = cap * 4 - 1;
	ix->filter = calloc(cap * 4 / 64 + 1, sizeof *ix->filter);
	ix->base = base;
	ix->stride = stride;
	ix->mask = ix->slots && ix->filter ? cap - 1 : 0;
	if (!ix->slots || !ix->filter) {
		free(ix->slots);
		free(ix->filter);
		ix->slots = NULL;
		ix->filter = NULL;
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const char *key = item_key(ix, i);
		unsigned hv = strhash(key, strlen(key));
		size_t h = hv & ix->mask;
		while (ix->slots[2 * h])
			h = (h + 1) & ix->mask;
		ix->slots[2 * h] = (unsigned)i + 1;
		ix->slots[2 * h + 1] = hv;
		size_t fb = (hv >> 7) & ix->fmask;
		ix->filter[fb / 64] |= (uint64_t)1 << (fb % 64);
	}
	return true;
}

long rv__strindex_find(const rv__strindex *ix, const char *key)
{
	return rv__strindex_findn(ix, key, strlen(key));
}

long rv__strindex_findn(const rv__strindex *ix, const char *key, size_t n)
{
	if (!ix->slots)
		return -1;
	unsigned hv = strhash(key, n);
	size_t fb = (hv >> 7) & ix->fmask;
	if (!(ix->filter[fb / 64] & ((uint64_t)1 << (fb % 64))))
		return -1;
	size_t h = hv & ix->mask;
	while (ix->slots[2 * h]) {
		size_t i = ix->slots[2 * h] - 1;
		if (ix->slots[2 * h + 1] == hv && !strcmp(item_key(ix, i), key))
			return (long)i;
		h = (h + 1) & ix->mask;
	}
	return -1;
}
