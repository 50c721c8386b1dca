/* group_store.h - store functions for re-grouping and explanations
 * (group_state.c). Part of the store interface: nothing above writes SQL. */
#ifndef RV_GROUP_STORE_H
#define RV_GROUP_STORE_H

#include "store/store.h"

/* One event with its centroid (the caller releases it with
 * rv_event_release). RV_EINPUT when there is no such event. */
int rv_store_get_event(rv_store *s, int64_t id, rv_event *out, rv_error *err);

/* Prepare re-grouping the articles published since the day (YYYY-MM-DD):
 * *ids (caller frees) receives the originals to place again, in ingest
 * order; events that began in the window are deleted and the window's
 * articles lose their event. Call inside a transaction. */
int rv_store_regroup_window(rv_store *s, const char *since, int64_t **ids, size_t *n, rv_error *err);

/* After a regroup placed the window again (its new events numbered from
 * first_event, new storylines from first_storyline): each rebuilt event
 * takes back the number of the old event most of its articles were in,
 * when no other took it, and storylines the same, so that a story's link
 * still names that story. *rebuilt: the events made again, *kept: those
 * under an old number. Call in the regroup's transaction, before
 * rv_store_sync_duplicates. */
int rv_store_regroup_keep_ids(rv_store *s, int64_t first_event, int64_t first_storyline, int64_t *rebuilt,
			      int64_t *kept, rv_error *err);

/* Write a->event, a->storyline and a->event_similarity for article a->id. */
int rv_store_set_grouping(rv_store *s, const rv_article *a, rv_error *err);

/* Every duplicate takes its original's event and storyline again. */
int rv_store_sync_duplicates(rv_store *s, rv_error *err);

/* The grouper's document frequencies and article count (migration 4):
 * save the ones changed since the last save (inside the batch's
 * transaction), load them when a run starts. */
int rv_store_save_group_state(rv_store *s, rv_grouper *g, rv_error *err);
int rv_store_load_group_state(rv_store *s, rv_grouper *g, rv_error *err);
/* Named counters in group_meta ("PREFIX" NAME -> n): write one; hand each
 * of a prefix to fn, largest first. */
int rv_store_write_count(rv_store *s, const char *prefix, const char *name, uint64_t n, rv_error *err);
typedef void (*rv_count_fn)(const char *name, uint32_t n, void *ctx);
int rv_store_each_count(rv_store *s, const char *prefix, rv_count_fn fn, void *ctx, rv_error *err);

/* Only the stream's language counts (group_meta 'lang:xx'), for a grouper
 * that reads frequencies one by one (explanations). */
int rv_store_load_group_languages(rv_store *s, rv_grouper *g, rv_error *err);

/* Document frequencies read one term at a time, for explaining a few
 * articles without loading a large store's whole vocabulary: open gives
 * the article count in *docs; rv_store_df_read fits rv_df_lookup_fn (false:
 * the store has no count for the term). */
typedef struct rv_df_reader rv_df_reader;
int rv_store_df_reader_open(rv_store *s, rv_df_reader **out, uint64_t *docs, rv_error *err);
bool rv_store_df_read(void *reader, const char *term, uint32_t *df);
void rv_store_df_reader_close(rv_df_reader **r);

#endif
