/* stemcache.h - remembered Snowball stems (internal).
 *
 * The same words come back in every article ("said", "government"), and a
 * Snowball stem costs far more than a table look-up; the terms for
 * grouping and the search index both stem every word. One cache per owner
 * of stemmers (an analyzer, an FTS tokenizer), so never shared between
 * threads. Direct-mapped, fixed size: a colliding word replaces the older
 * one. Words or stems longer than RV_STEM_CACHE_WORD bytes are not kept.
 */
#ifndef RV_STEMCACHE_H
#define RV_STEMCACHE_H

#include <libstemmer.h>
#include <stddef.h>

#define RV_STEM_CACHE_WORD 27

typedef struct rv_stem_cache rv_stem_cache;

/* NULL when out of memory: rv_stem_cached then stems every word. */
rv_stem_cache *rv_stem_cache_new(void);
void rv_stem_cache_free(rv_stem_cache *c);

/* The stem of word w (n bytes) by st, as sb_stemmer_stem() gives it, and
 * its length in *len; NULL when the stemmer failed. The pointer is valid
 * until the next call with the same cache or stemmer. */
const char *rv_stem_cached(rv_stem_cache *c, struct sb_stemmer *st, const char *w, size_t n,
			   int *len);

#endif
