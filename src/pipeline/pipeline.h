/* pipeline.h - one record through every stage into the store.
 *
 * extract -> analyze -> duplicate check -> group -> store, in batches of
 * RV_PIPELINE_BATCH records per transaction. Re-adding a record already
 * stored with the same content changes nothing (idempotent); an exact
 * duplicate of another article is stored as a pointer to it.
 */
#ifndef RV_PIPELINE_H
#define RV_PIPELINE_H

#include "analyze/analyze.h"
#include "core/article.h"
#include "core/error.h"
#include "group/group.h"
#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

#define RV_PIPELINE_BATCH 500

typedef struct rv_pipeline_stats {
	size_t records;     /* records seen */
	size_t stored;      /* new originals */
	size_t duplicates;  /* stored as duplicates of an earlier article */
	size_t unchanged;   /* already in the store */
	size_t rejected;    /* nothing usable extracted */
} rv_pipeline_stats;

typedef struct rv_pipeline rv_pipeline;

/* Load the French->English term map (build/fr-en.map next to the binary,
 * or $REVUE_TERM_MAP; "" turns it off) into g. No map: RV_OK. */
int rv_group_load_term_map(rv_grouper *g, rv_error *err);

/* Seed an analyzer with the languages the stored texts were stemmed in
 * (group_meta 'stem:xx', saved at each commit), as a pipeline does when it
 * opens and an explanation does before it re-reads articles. */
int rv_pipeline_load_stemmed(rv_store *store, rv_analyzer *an, rv_error *err);

/* The pipeline borrows store (which must outlive it). cfg may be NULL for
 * the defaults. */
int rv_pipeline_open(rv_store *store, const rv_group_config *cfg, rv_pipeline **out, rv_error *err);
/* Commit what is pending and free. Returns the commit's status. */
int rv_pipeline_close(rv_pipeline **p, rv_error *err);

/* Add one record. RV_EINPUT: this record was rejected (reason in err), go
 * on with the next; any other failure is the store's and fatal. On success
 * *id (may be NULL) is the stored article's id (0 when unchanged). */
int rv_pipeline_add(rv_pipeline *p, const rv_record *rec, int64_t *id, rv_error *err);
/* Batch mode (revue ingest): place the undated articles of each batch after
 * its dated ones, at commit. Off by default: then every article is stored
 * when rv_pipeline_add returns (and *id is set), as `revue watch` needs. */
void rv_pipeline_defer_undated(rv_pipeline *p, bool on);

/* Commit the current batch now. */
int rv_pipeline_commit(rv_pipeline *p, rv_error *err);

const rv_pipeline_stats *rv_pipeline_stats_get(const rv_pipeline *p);

#endif
