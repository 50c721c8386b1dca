/* group.h - where an article belongs: events and storylines, online.
 *
 * An rv_grouper holds the recent events in memory (loaded from the store at
 * start) and places each arriving article at once: it joins the most similar
 * event active within the time window, above the threshold, or starts a new
 * one. New events are linked into storylines. The grouper allocates event
 * and storyline ids (continuing after what the store holds); events it
 * created or changed are handed to the caller by rv_grouper_flush() so the
 * store can save them in the same transaction as the articles.
 *
 * Duplicates are decided before grouping: the same normalized text (same
 * content_hash, found by the store), then near-same text or the same
 * canonical URL (rv_dedup below); they take their original's event.
 * All thresholds are in rv_group_config (README.md, "Grouping").
 */
#ifndef RV_GROUP_H
#define RV_GROUP_H

#include "core/article.h"
#include "core/error.h"

#include <stdbool.h>
#include <stdint.h>

/* All thresholds live here, documented in README.md ("Grouping"). */
typedef struct rv_group_config {
	double event_threshold;      /* similarity needed to join an event */
	int event_window_days;       /* an event takes articles this close to its dates */
	int long_window_days;        /* the same for an article longer than a headline (more than short_terms terms) */
	double storyline_threshold;  /* similarity needed to link an event to a storyline */
	int storyline_window_days;
	double title_weight;         /* title terms count this many times */
	int centroid_terms;          /* terms kept per event centroid */
	int article_terms;           /* terms kept per article vector (top TF-IDF) */
	int probe_terms;             /* article terms looked up in the index */
	int posting_cap;             /* recent events kept per term in the index */
	double time_decay;           /* similarity lost at one window of distance */
	double time_bonus;           /* similarity added for the same day, down to 0 at the window */
	double min_content;          /* no time bonus below this content similarity */
	double undated_margin;       /* undated: the best event must beat the runner-up by this */
	double drift_damping;        /* the k-th article joins the centroid with weight k^-this */
	double undated_drift;        /* the same for an undated article joining an undated event */
	double size_penalty;         /* similarity lost per log(1 + articles) of the event */
	double person_conflict;      /* similarity lost when the article's protagonist is not the members'; 0: off */
	int org_protagonist;         /* mentions that make an organisation the protagonist of a report naming no person; 0: never */
	double weekday_conflict;     /* similarity lost when the article and the event name days of the week, none shared; 0: off */
	double weekday_agree;        /* similarity gained (x (1 + this)) when they name one same day; 0: off */
	double scope_factor;         /* cosine against the event's top (this x article terms) terms; 0: all */
	double entity_weight;        /* an entity counts this many times a term */
	int headline_name_words;     /* in a headline, names of this many words or more get no key; 0: off */
	int headline_surname;        /* in a headline, a person is keyed by the last word of the name; 0: off */
	int entity_alias;            /* longer than a headline, a listed name is keyed by the gazetteer's canonical name; 0: off */
	double member_link;          /* content = max(centroid cosine, this x best member cosine); 0: off */
	double short_threshold;      /* event_threshold for an undated article of at most short_terms terms */
	int short_terms;
	double char_grams;           /* a French headline's stems' character 3-grams as terms, at this x a term's weight; 0: off */
	double long_threshold;       /* event_threshold for an article whose terms fill article_terms */
	double clear_threshold;      /* full article: joins at this when no other event comes close */
	double clear_ratio;          /* ... the runner-up scores below this x the best; 0: off */
	double lede_clear_threshold; /* undated lede: joins at this when no other event comes close */
	double lede_clear_ratio;     /* ... the runner-up scores below this x the best; 0: off */
	int lede_terms;              /* a lede has more than short_terms, fewer than this terms (before the cut) */
	double contested_threshold;  /* undated, longer than a headline: threshold when ... */
	double contested_ratio;      /* ... the runner-up scores at least this x the best; 0: off */
	double idf_prior;            /* IDF = ln((N + this) / (df + 0.5)): unseen documents assumed early on */
	double cohesion;             /* centroid cosine x (|centroid| / articles)^this: diffuse events take less */
	double lede_cohesion;        /* lede vs an undated event of ledes: centroid cosine x cohesion^this (1: average link); 0: off */
	double merge_members;        /* merges with an undated event: centroid^(1-this) x best member pair^this */
	double merge_near;           /* merge check: skip events the article was farther than this from */
	double merge_threshold;      /* an event that grows this close to another absorbs it; 0: off */
	double bridge_threshold;     /* a headline this close to two events (content) merges them; 0: off */
	double half_dated;           /* similarity lost by a dated article vs an undated event, or a merge of the two kinds */
	double anchor_share;         /* non-headline: similarity falls when 2 shared terms carry more; 1: off */
	double member_mix;           /* undated: content = centroid^(1-this) x best member^this; 0: off */
	int member_keep;             /* latest member vectors kept per event for member_link */
	int retire_after;            /* events untouched for this many articles leave memory */
	double near_dup_threshold;   /* estimated Jaccard of word shingles */
	int near_dup_min_tokens;     /* shorter texts are never near-duplicates */
	int near_dup_memory;         /* recent originals kept in the LSH index */
} rv_group_config;

/* member_keep's highest value: the ring of member vectors an event holds */
#define RV_GROUP_MEMBER_KEEP_MAX 32

void rv_group_config_default(rv_group_config *c);
/* Set one field by name from a string ("event_threshold", "0.3").
 * RV_EINPUT for an unknown name or a bad value. */
int rv_group_config_set(rv_group_config *c, const char *name, const char *value, rv_error *err);
/* Read "name = value" lines ('#' comments) from a file. */
int rv_group_config_load(rv_group_config *c, const char *path, rv_error *err);
/* Print the configuration as "name = value" lines. */
void rv_group_config_print(const rv_group_config *c, void *file);
/* The defaults, then the file named by $REVUE_GROUP_CONFIG ("name = value"
 * lines), then $REVUE_GROUP ("name=value,..."). */
int rv_group_config_from_env(rv_group_config *c, rv_error *err);

#define RV_NO_DAY INT64_MIN

typedef struct rv_event {
	int64_t id;
	int64_t storyline;
	int64_t first_day;   /* days since 1970-01-01, RV_NO_DAY when undated */
	int64_t last_day;
	int n_articles;
	unsigned weekdays;   /* the days of the week its articles name (bit 0: Monday) */
	rv_term *centroid;   /* summed term weights, at most centroid_terms */
	size_t n_centroid;
	char *title;         /* the title of its first article */
	int64_t merged_into; /* nonzero: this event is gone, its articles now belong to that
			      * event (and storyline): move them and forget this one */
} rv_event;

typedef struct rv_grouper rv_grouper;

int rv_grouper_new(const rv_group_config *cfg, rv_grouper **out, rv_error *err);
void rv_grouper_free(rv_grouper **g);

/* Give the grouper an event from the store (copied) and the ids to continue
 * from. Call before placing articles. */
int rv_grouper_load_event(rv_grouper *g, const rv_event *ev);
void rv_grouper_set_next_ids(rv_grouper *g, int64_t next_event, int64_t next_storyline);

/* Place a (non-duplicate) analyzed article: sets a->event, a->storyline and
 * a->event_similarity. */
int rv_grouper_place(rv_grouper *g, rv_article *a, rv_error *err);

/* The work done so far, counted rather than timed (benchmarks: the cost
 * per article must stay flat as the corpus grows). */
typedef struct rv_group_work {
	uint64_t placed;         /* articles placed */
	uint64_t postings;       /* index postings walked by their probes */
	uint64_t compared;       /* article-to-event cosines */
	uint64_t merge_compared; /* event-to-event cosines of the merge check */
} rv_group_work;
void rv_grouper_work(const rv_grouper *g, rv_group_work *out);

/* Document frequencies (the IDF of every later article): load them from
 * the store before placing, and hand the changed ones to fn at each commit
 * (rv_grouper_flush_df clears the list even when fn fails). */
int rv_grouper_set_df(rv_grouper *g, const char *term, uint32_t df);
void rv_grouper_set_docs(rv_grouper *g, uint64_t n_docs);
uint64_t rv_grouper_docs(const rv_grouper *g);
typedef int (*rv_df_fn)(const char *term, uint32_t df, void *ctx);
int rv_grouper_flush_df(rv_grouper *g, rv_df_fn fn, void *ctx);

/* The languages of the articles placed so far, which decide the stemming of
 * a headline (a short text's detected language is a guess): saved with the
 * frequencies and read back, so a resumed ingest or an explanation reads
 * a headline as the first run did. */
void rv_grouper_count_language(rv_grouper *g, const char *lang, uint32_t n);
typedef int (*rv_lang_count_fn)(const char *lang, uint32_t n, void *ctx);
int rv_grouper_each_language(const rv_grouper *g, rv_lang_count_fn fn, void *ctx);

/* A bilingual map: terms (stems) of one language to the key of the same
 * word in another, applied to articles in lang. File lines are
 * "from<TAB>to"; see make target build/fr-en.map. Optional. */
int rv_grouper_load_map(rv_grouper *g, const char *lang, const char *path, rv_error *err);
/* Add one pair (tests, small maps). */
int rv_grouper_map_add(rv_grouper *g, const char *lang, const char *from, const char *to);

/* Where an explanation finds the document frequencies of the terms it
 * meets, instead of the grouper's table (which then need not hold a large
 * store's whole vocabulary): *df for term, returns false when unknown. */
typedef bool (*rv_df_lookup_fn)(void *ctx, const char *term, uint32_t *df);
void rv_grouper_set_df_source(rv_grouper *g, rv_df_lookup_fn fn, void *ctx);

/* A term an article shares with an event, for explanations. */
typedef struct rv_shared_term {
	const char *term; /* the grouper's term: a stem, a figure or "@" and a folded name */
	const char *own;  /* what the article had: its own stem (before the bilingual map
			   * translated it) or the name of the entity; borrowed from the
			   * article, or term when nothing matches */
	double weight;    /* its share of the cosine */
} rv_shared_term;

/* The article's feature vector against an event centroid: the cosine and
 * the top shared terms, heaviest first (up to n into out; term borrowed
 * until the next call, own as long as the article). Used by "revue story
 * ID --why". */
double rv_group_explain(rv_grouper *g, const rv_article *a, const rv_event *ev,
			rv_shared_term *out, size_t n, size_t *n_out);

/* An event's articles compared each with the others (leave one out), so
 * that an article's own words do not count as shared with its event, as
 * they would against the centroid that holds it. Add every article first
 * (analyzed, as rv_group_explain wants them), then explain each. */
typedef struct rv_group_peers rv_group_peers;
int rv_group_peers_new(rv_grouper *g, rv_group_peers **out, rv_error *err);
void rv_group_peers_free(rv_group_peers **p);
/* RV_ENOMEM out of memory */
int rv_group_peers_add(rv_group_peers *p, const rv_article *a);
/* The cosine of a, the i-th article added (from 0), with the sum of the
 * other articles' vectors, and the top shared terms as rv_group_explain
 * gives them; 0 and none when a is alone (or out of memory). */
double rv_group_peers_explain(rv_group_peers *p, size_t i, const rv_article *a, rv_shared_term *out,
			      size_t n, size_t *n_out);

/* Hand every event created or changed since the last flush to fn; events
 * merged into another come first, in order, with merged_into set. */
typedef int (*rv_event_fn)(const rv_event *ev, void *ctx);
int rv_grouper_flush(rv_grouper *g, rv_event_fn fn, void *ctx);

/* Free what an rv_event holds (not the struct). */
void rv_event_release(rv_event *ev);

/* ---- duplicates (dedup.c) ---- */

/* A copy published this much earlier than the stored one (seconds) is the
 * original: a wire story read after its reprint. */
#define RV_EARLIER_COPY_SECONDS 3600

/* The canonical form of a URL for duplicate detection: no scheme, no
 * "www."/"m."/"amp." host prefix, no tracking parameters (utm_*, fbclid,
 * gclid ...), no fragment, no AMP path or query marker, no trailing slash.
 * A new string the caller frees; NULL when url is not http(s) or out of
 * memory. */
char *rv_url_canonical(const char *url);

/* Near-duplicates: MinHash over word 3-shingles of the body, LSH banding,
 * and canonical URLs, over the last near_dup_memory originals (in memory;
 * not persisted, so a new process starts empty). */
typedef struct rv_dedup rv_dedup;
int rv_dedup_new(const rv_group_config *cfg, rv_dedup **out, rv_error *err);
void rv_dedup_free(rv_dedup **d);

typedef struct rv_dup_hit {
	int64_t id;          /* the original (its event: rv_store_grouping_of) */
	double similarity;   /* estimated Jaccard; 1 for the same URL */
	bool adds_text;      /* a near copy longer than its original by a
	                        paragraph or more: its own text is worth keeping */
	int64_t superseded;  /* when false is returned: a stored original that a
	                        supersedes (a is the full page behind that feed
	                        teaser, or the same text published earlier), else 0 */
	bool superseded_adds_text; /* and that one is longer: it keeps its analysis */
} rv_dup_hit;

/* Compute a's signature (kept for rv_dedup_add) and look for an earlier
 * original it duplicates: true with *hit filled when found. False with
 * hit->superseded set: a is to be stored as the original and that stored
 * one made its duplicate (a is the far richer page behind a feed teaser
 * under the same URL, or a near copy published an hour or more earlier). */
bool rv_dedup_check(rv_dedup *d, const rv_article *a, rv_dup_hit *hit);
/* Remember a (just stored original; a->id set) under the
 * signature computed by the last rv_dedup_check(d, a). */
void rv_dedup_add(rv_dedup *d, const rv_article *a);
/* Estimated Jaccard of two texts' shingles (tests, explanations). */
double rv_dedup_similarity(const char *text1, const char *text2);

#endif
