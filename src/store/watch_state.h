/* watch_state.h - what `revue watch` remembers between runs.
 *
 * Feeds (with their validators and polling schedule), the items seen in
 * each feed (GUID or normalised link as identity, so an item edited in place
 * is a revision) and the pages to fetch (normalised URL as identity, so a
 * page is fetched once whatever feeds and GUIDs point at it). Everything is
 * in the store's SQLite file: a watcher killed at any moment resumes where
 * the last commit left it. Strings in returned structs are owned by them.
 */
#ifndef RV_WATCH_STATE_H
#define RV_WATCH_STATE_H

#include "core/error.h"
#include "store/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct rv_watch_state rv_watch_state;

int rv_watch_state_open(rv_store *store, rv_watch_state **out, rv_error *err);
void rv_watch_state_close(rv_watch_state **w);

typedef struct rv_watch_feed {
	int64_t id;
	char *url;
	char *etag;
	char *last_modified;
	int interval; /* seconds */
	int failures;
} rv_watch_feed;

void rv_watch_feed_release(rv_watch_feed *f);

/* Mark every listed feed inactive (before re-reading the feed list); feeds
 * discovered from another keep their state. */
int rv_watch_feeds_deactivate(rv_watch_state *w, rv_error *err);
/* After the list is read: feeds discovered from an inactive one stop too. */
int rv_watch_feeds_orphans(rv_watch_state *w, rv_error *err);
/* Add a feed or reactivate it; *id (may be NULL) gets its id. */
int rv_watch_feed_add(rv_watch_state *w, const char *url, int64_t discovered_from, int interval,
                      int64_t *id, rv_error *err);
int rv_watch_feed_set_active(rv_watch_state *w, int64_t id, bool active, rv_error *err);
/* Active feeds due at now (all active feeds when all); caller frees each
 * with rv_watch_feed_release() and the array with free(). */
int rv_watch_feeds_due(rv_watch_state *w, int64_t now, bool all, rv_watch_feed **out, size_t *n,
                       rv_error *err);
/* Record a poll: validators (NULL keeps the old ones), the new schedule. */
int rv_watch_feed_polled(rv_watch_state *w, int64_t id, const char *kind, const char *etag,
                         const char *last_modified, int interval, int64_t next_poll, int failures,
                         const char *error, bool changed, int64_t now, rv_error *err);

enum { RV_ITEM_SEEN = 0, RV_ITEM_NEW = 1, RV_ITEM_REVISED = 2 };
/* Note an item of a feed; *what is one of the RV_ITEM_* values. */
int rv_watch_item_note(rv_watch_state *w, int64_t feed, const char *guid, const char *url,
                       const char *title, const char *published, int64_t now, int *what,
                       rv_error *err);

/* Queue a page unless known; *added tells whether it was new. */
int rv_watch_page_add(rv_watch_state *w, const char *url, int64_t feed, const char *title,
                      const char *published, int64_t now, bool *added, rv_error *err);

typedef struct rv_watch_page {
	char *url;
	int64_t feed;
	char *title;
	char *published;
	int tries;
} rv_watch_page;

void rv_watch_page_release(rv_watch_page *p);
/* Up to max pages due (new, or failed with next_try <= now) in queue
 * order into out[] (caller releases each); *n gets how many. */
int rv_watch_pages_due(rv_watch_state *w, int64_t now, rv_watch_page *out, size_t max, size_t *n,
                       rv_error *err);
int rv_watch_page_done(rv_watch_state *w, const char *url, long status, int64_t article,
                       int64_t now, rv_error *err);
/* state: "failed" (retried at next_try), "gone" or "blocked". */
int rv_watch_page_failed(rv_watch_state *w, const char *url, const char *state, long status,
                         const char *error, int tries, int64_t next_try, rv_error *err);
/* Earliest time anything is due (a feed poll or a page retry); 0 when nothing. */
int rv_watch_next_due(rv_watch_state *w, int64_t *when, rv_error *err);

#endif
