/* analyze.h - what is in the text: language, tokens, stems (and later
 * entities, quotes and figures).
 *
 * An rv_analyzer holds the language models and stemmers; it is not shared
 * between threads (make one per thread). rv_analyze() fills a->lang when it
 * is not already known and a->terms (stems with weights, title counted
 * more, sorted by term).
 */
#ifndef RV_ANALYZE_H
#define RV_ANALYZE_H

#include "core/article.h"
#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct rv_analyzer rv_analyzer;

int rv_analyzer_new(rv_analyzer **out, rv_error *err);
void rv_analyzer_free(rv_analyzer **a);

/* Title terms count this many times in a->terms (default below; the
 * pipeline sets rv_group_config.title_weight). */
#define RV_TITLE_WEIGHT_DEFAULT 2.0
void rv_analyzer_set_title_weight(rv_analyzer *an, double w);

/* The languages texts were stemmed in so far (a short text without telling
 * stop words is stemmed in the stream's language): read them out to save
 * them, and seed a new analyzer with them so a resumed run goes on alike. */
void rv_analyzer_count_stemmed(rv_analyzer *an, const char *lang, unsigned n);
/* Take back the count of an analyzed article that is not stored after all
 * (already in the store: ingesting it again changes nothing). */
void rv_analyzer_uncount_stemmed(rv_analyzer *an, const char *lang);
typedef int (*rv_stem_count_fn)(const char *lang, unsigned n, void *ctx);
int rv_analyzer_each_stemmed(const rv_analyzer *an, rv_stem_count_fn fn, void *ctx);

/* Fill a->terms from a->title and a->text, stemmed for lang (NULL or
 * unknown: folded tokens unstemmed). Called by rv_analyze(). */
int rv_terms_build(rv_analyzer *an, rv_article *a, const char *lang, rv_error *err);

int rv_analyze(rv_analyzer *an, rv_article *a, rv_error *err);

/* What rv_analyze() computes besides the language (default: all). Terms
 * only serve grouping and are not in the JSON article, so `revue extract`
 * leaves them out; `revue extract --no-analysis` also leaves out entities,
 * quotes and figures. */
enum { RV_ANALYZE_TERMS = 1, RV_ANALYZE_FACTS = 2, RV_ANALYZE_ALL = 3 };
void rv_analyzer_set_passes(rv_analyzer *an, unsigned passes);

/* ISO 639-1 code of the text's language, or "und" when unsure (too short,
 * no letters). The returned string is static. */
const char *rv_detect_language(rv_analyzer *an, const char *text, size_t len);

/* Calls fn for each word of text (letters and digits of any script, with
 * inner apostrophes/hyphens split), lower-cased and accent-folded in buf. */
typedef void (*rv_token_fn)(const char *tok, size_t len, size_t offset, void *ctx);
void rv_tokenize(const char *text, size_t len, rv_token_fn fn, void *ctx);
/* The bytes of text that rv_tokenize read as the token tok (len bytes)
 * at off, as written: "Norvalsk" for "norvalsk", "2 000" for "2.000". */
size_t rv_token_span(const char *text, size_t off, const char *tok, size_t len);

/* Stem a folded token for lang into out (NUL-terminated, at most cap bytes).
 * Unknown languages return the token unchanged. */
size_t rv_stem(rv_analyzer *an, const char *lang, const char *tok, size_t len,
	       char *out, size_t cap);

/* True for the stop words of lang (folded form). */
int rv_is_stopword(const char *lang, const char *tok, size_t len);



/* The analysis passes behind rv_analyze(), each in its own file. They read
 * a->title, a->text and a->lang and fill their own arrays. */
int rv_find_entities(rv_article *a, rv_error *err);   /* entities.c */
int rv_find_quotes(rv_article *a, rv_error *err);     /* quotes.c */
/* A wire dateline ("PARIS, Feb. 3 (Reuters) - ") opening text[s..e): the
 * index after it, or s when there is none (quotes.c). */
size_t rv__dateline_end(const char *t, size_t s, size_t e);
/* The byte length of the AP's abbreviation of a US state ("Mass.", "N.Y.",
 * "W.Va.") written at t[i], within t[0..e), that a dateline puts after its
 * city ("BOSTON, Mass. (AP) - "); 0 when there is none (quotes.c). */
size_t rv__us_state_abbreviation_length(const char *t, size_t i, size_t e);
int rv_find_figures(rv_article *a, rv_error *err);    /* figures.c */

#endif
