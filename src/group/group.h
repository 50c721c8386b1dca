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
 * Duplicates are decided before grouping (same normalized text = same
 * content_hash, found by the store): they take their original's event.
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
	double storyline_threshold;  /* similarity needed to link an event to a storyline */
	int storyline_window_days;
	double title_weight;         /* title terms count this many times */
	int centroid_terms;          /* terms kept per event centroid */
} rv_group_config;

void rv_group_config_default(rv_group_config *c);

#define RV_NO_DAY INT64_MIN

typedef struct rv_event {
	int64_t id;
	int64_t storyline;
	int64_t first_day;   /* days since 1970-01-01, RV_NO_DAY when undated */
	int64_t last_day;
	int n_articles;
	rv_term *centroid;   /* summed term weights, at most centroid_terms */
	size_t n_centroid;
	char *title;         /* the title of its first article */
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

/* Hand every event created or changed since the last flush to fn. */
typedef int (*rv_event_fn)(const rv_event *ev, void *ctx);
int rv_grouper_flush(rv_grouper *g, rv_event_fn fn, void *ctx);

/* Free what an rv_event holds (not the struct). */
void rv_event_release(rv_event *ev);

#endif
