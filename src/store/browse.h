/* browse.h - read-only queries the API and web page need beyond store.h:
 * a change counter for caches, per-day volumes, story pages (the entity
 * lists are in entity_list.h). */
#ifndef RV_BROWSE_H
#define RV_BROWSE_H

#include "store/store.h"

#include <stdint.h>

/* A number that changes whenever another connection commits to the store
 * (SQLite's data_version): cached responses are valid while it holds. */
int rv_store_data_version(rv_store *s, int64_t *out, rv_error *err);

int rv_store_count_articles(rv_store *s, int64_t *out, rv_error *err);

/* Articles per published day of one event, oldest day first. */
typedef int (*rv_day_fn)(const char *day, int n, void *ctx);
int rv_store_story_volume(rv_store *s, int64_t event, rv_day_fn fn, void *ctx, rv_error *err);

/* Stories newest first, like rv_store_each_story, but finding the page of
 * event ids first (an index scan) and reading only those stories: the
 * filters choose which stories are listed, each is given with its full
 * counts. Used by the API, where the list is requested most. */
int rv_store_each_story_page(rv_store *s, const rv_filter *f, rv_story_fn fn, void *ctx, rv_error *err);

#endif
