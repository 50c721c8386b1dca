/* explain.h - why each article is in its event, for `revue story ID --why`
 * and GET /api/stories/ID/why (explain.c).
 */
#ifndef RV_EXPLAIN_H
#define RV_EXPLAIN_H

#include "core/error.h"
#include "group/group.h"
#include "store/store.h"

#include <jansson.h>
#include <stddef.h>

/* The articles explained at most: a larger event lists its first ones. */
#define RV_EXPLAIN_MAX_ARTICLES 500

/* Re-analyze each article of event (by id, at most RV_EXPLAIN_MAX_ARTICLES)
 * and compare it with the event's stored centroid and with the event's
 * other articles (leave one out: the centroid holds the article's own
 * words), with the settings cfg and the document frequencies the store
 * holds. *out (caller decrefs):
 *   {"event", "thresholds": {"event","headline","full_article","clear"},
 *    "centroid_terms": [...], "articles": n, "truncated": bool,
 *    "why": [{"id", "title", "similarity" (at placement), "started_event",
 *             "centroid_similarity" (now), "others_similarity" (now),
 *             "shared_terms", "shared_words"}
 *            | {"id", "title", "similarity", "duplicate_of", "duplicate_similarity"}]}
 * shared_terms are the terms the article shares with the other articles
 * (heaviest first), shared_words the same as the article wrote them.
 * RV_EINPUT when there is no such event. */
int rv_explain_event(rv_store *store, int64_t event, const rv_group_config *cfg, json_t **out,
		     rv_error *err);

#endif
