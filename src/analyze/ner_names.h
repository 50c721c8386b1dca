/* ner_names.h - name lists and name keys shared by the entity, quote and
 * story passes (internal to revue; rv__ names are not a stable API).
 */
#ifndef RV_NER_NAMES_H
#define RV_NER_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Hand-written gazetteer rows "T|Canonical|variant|..." (ner_gazetteer.c),
 * NULL-terminated. */
extern const char *const rv__ner_gazetteer[];

/* Look up a folded key in the gazetteer: returns the row index (>= 0) and
 * its type letter (P, O, L, M; a country gives L) in *type, or -1.
 * Thread-safe. */
int rv__ner_gaz_find(const char *key, char *type);
/* Whether a gazetteer row is a country. */
bool rv__ner_gaz_country(int row);

/* The canonical display name of a gazetteer row, as a pointer into the row
 * and a length. */
const char *rv__ner_gaz_name(int row, size_t *len);
/* Each name of gazetteer row row (canonical first, then its variants),
 * folded into out (cap bytes) in turn: *at is NULL before the first call
 * and kept between calls; false after the last. A name that does not fold
 * into cap bytes is passed over. */
bool rv__ner_gaz_next_folded(int row, const char **at, char *out, size_t cap);

/* Fold a name for matching into out (cap bytes, NUL-terminated): lower case,
 * no accents, Cyrillic transliterated to Latin, white space collapsed.
 * Returns the length, or 0 when it does not fit. */
size_t rv__ner_fold(const char *s, size_t n, char *out, size_t cap);

/* The key under which mentions of one entity meet across articles and
 * languages: the gazetteer's canonical name when the name (or its last
 * word, for people) is listed ("Poutine", "Путин" -> "vladimir putin"),
 * else the folded name. Writes into out (cap bytes); returns its length. */
size_t rv_entity_key(const char *name, const char *type, char *out, size_t cap);
/* The cap every stored key is computed with: a name whose key does not fit
 * has none, the same at insert and in SQL. */
#define RV_ENTITY_KEY_MAX 256

/* A number that changes whenever rv_entity_key may key some name otherwise:
 * a digest of the gazetteer, the Unicode folding library's version and
 * RV_ENTITY_KEY_RULES. A store that keeps keys keeps it beside them and
 * keys its rows again when it differs. Thread-safe. */
int64_t rv_entity_key_rules(void);

/* The gender a person's name suggests by its first word: 'f' for a given name
 * mostly women's, 'm' for another listed given name, 0 when unknown. */
int rv__ner_name_gender(const char *name);

/* Whether a folded word may stand before a person's name without being part
 * of it: a title ("president", "dr") or a particle ("le", "de"). */
bool rv__ner_name_prefix_word(const char *key);

#endif

/* A hash index over a static array of structs whose first member is the
 * key (const char *): built once, then read-only (thread-safe to read). */
typedef struct rv__strindex {
	unsigned *slots;      /* pairs: item index + 1 (0 = empty), then the key's hash, so that
			       * most probes end in one cache line without touching the key */
	uint64_t *filter;     /* one bit per (hash >> 7) & fmask: a key whose bit is clear is absent,
			       * which saves most misses a trip to the large slot array */
	size_t fmask;
	size_t mask;
	const char *base;
	size_t stride;
} rv__strindex;

/* Build the index; false when out of memory (lookups then find nothing). */
bool rv__strindex_build(rv__strindex *ix, const void *base, size_t n, size_t stride);
/* The item's index, or -1. */
long rv__strindex_find(const rv__strindex *ix, const char *key);
/* The same for a key whose length n is known (key[n] is its NUL). */
long rv__strindex_findn(const rv__strindex *ix, const char *key, size_t n);
