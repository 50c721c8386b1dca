/* search.h - full-text search over the store (SQLite FTS5).
 *
 * The index is the FTS5 table articles_fts (schema migration 2), an external
 * content table over a view of articles, kept in step by triggers. Its
 * tokenizer ("revue", written here in C) folds case and accents and stems
 * each word with the Snowball stemmer of the article's language. FTS5 (before
 * SQLite 3.47) gives a tokenizer no locale, so the language travels inside
 * the indexed text: each column value starts with a marker "\x01" LANG "\x01"
 * that the tokenizer reads and does not index. A query carries the marker
 * when the caller names a language; without one each query word becomes an
 * OR of its folded form and its stems in the common languages, keeping only
 * the forms the index holds (the fts5vocab table articles_vocab). 
 */
#ifndef RV_SEARCH_H
#define RV_SEARCH_H

#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

struct sqlite3;

/* Register the "revue" FTS5 tokenizer on a connection (every connection that
 * reads or writes the store needs it; rv_store_open calls this). */
int rv_search_register(struct sqlite3 *db);

/* The tokens the index would hold for text in lang (NULL: expand to the
 * common languages as a query does). fn gets each folded, stemmed token; a
 * non-zero return stops. For tests and tools. */
typedef int (*rv_token_fn)(const char *tok, size_t len, void *ctx);
int rv_search_tokens(const char *text, const char *lang, rv_token_fn fn, void *ctx);

typedef struct rv_search_query {
	const char *q;        /* user words; "phrases", OR, NOT, word* understood */
	rv_filter f;          /* since, until, lang, source, event, limit, offset */
	const char *entity;   /* only articles naming this entity */
} rv_search_query;

/* Snippet highlight markers (the hit is between them). */
#define RV_HL_START '\x02'
#define RV_HL_END '\x03'

/* One hit; strings are borrowed for the duration of the callback. */
typedef struct rv_search_hit {
	int64_t id;
	int64_t event;
	double score;          /* BM25, lower is better (FTS5 convention) */
	const char *title;
	const char *source;
	const char *published;
	const char *lang;
	const char *url;
	const char *snippet;   /* with RV_HL_START/RV_HL_END around the hits */
} rv_search_hit;

typedef int (*rv_search_fn)(const rv_search_hit *h, void *ctx);

/* The hit's fields as a new JSON object (id, event, score, title, source,
 * published, lang, url, snippet as one line, snippet_parts with the hits
 * marked), or NULL when out of memory. One shape for `revue search --json`
 * and the API. */
struct json_t;
struct json_t *rv_search_hit_json(const rv_search_hit *h);

/* Best hits first (title weighted 5x over body). RV_EINPUT when the query
 * has no searchable word or is longer than 64 KB. */
int rv_search(rv_store *s, const rv_search_query *q, rv_search_fn fn, void *ctx, rv_error *err);

/* The FTS5 MATCH expression for a user query (caller frees); NULL when it
 * holds no word or is longer than 64 KB. Exposed for tests. */
char *rv_search_match_expr(const char *q, const char *lang);

#endif
