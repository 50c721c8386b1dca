/* store.h - where articles, events and storylines are kept.
 *
 * The one interface to storage; nothing above it writes SQL. The SQLite back
 * end (sqlite.c) is the embedded default: one file, WAL, a versioned schema
 * migrated on open, every statement parameterised. Writes happen inside
 * rv_store_begin()/rv_store_commit() so a kill -9 loses at most the batch in
 * flight and never corrupts what is stored.
 */
#ifndef RV_STORE_H
#define RV_STORE_H

#include "core/article.h"
#include "core/error.h"
#include "group/group.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct rv_store rv_store;

/* Open (creating and migrating as needed). read_only opens without writing. */
int rv_store_open(const char *path, bool read_only, rv_store **out, rv_error *err);
void rv_store_close(rv_store **s);

int rv_store_begin(rv_store *s, rv_error *err);
int rv_store_commit(rv_store *s, rv_error *err);
void rv_store_rollback(rv_store *s);

/* Is this article stored already: its ref with this content, or this content
 * under the same URL, outlet and title from another path? (idempotent ingest) */
int rv_store_has_article(rv_store *s, const rv_article *a, bool *found, rv_error *err);
/* An original article with this content hash: its id, event, storyline and
 * publication time in epoch seconds (0 when undated; *id = 0 when none). */
int rv_store_find_original(rv_store *s, const char *hash, int64_t *id, int64_t *event,
			   int64_t *storyline, int64_t *published, rv_error *err);
/* The event and storyline article id belongs to now (0 when none): the
 * store's rows follow event merges, a copy held elsewhere would not. */
int rv_store_grouping_of(rv_store *s, int64_t id, int64_t *event, int64_t *storyline, rv_error *err);

/* Insert an article with everything extracted and grouped; sets a->id.
 * A duplicate (a->duplicate_of != 0) is stored without its text. */
int rv_store_insert_article(rv_store *s, rv_article *a, rv_error *err);
/* A stored original that page (just stored) supersedes becomes its
 * duplicate: it points to page with similarity and takes its event and
 * storyline; it keeps its text, and its analysis rows only when it adds to
 * page's (adds_text), as a duplicate stored second would have.
 * *superseded: false when old was no original (nothing changed). */
int rv_store_supersede(rv_store *s, int64_t old, const rv_article *page, double similarity,
		       bool adds_text, bool *superseded, rv_error *err);

int rv_store_save_event(rv_store *s, const rv_event *ev, rv_error *err);
/* Events whose last day is within window_days of the newest (and undated). */
int rv_store_load_events(rv_store *s, int window_days, rv_event_fn fn, void *ctx, rv_error *err);
int rv_store_next_ids(rv_store *s, int64_t *next_event, int64_t *next_storyline, rv_error *err);

/* Read one article back (all fields). RV_EINPUT when there is no such id. */
int rv_store_get_article(rv_store *s, int64_t id, rv_article *out, rv_error *err);

typedef struct rv_filter {
	const char *since;   /* ISO date, inclusive */
	const char *until;
	const char *lang;
	const char *source;
	int64_t event;       /* 0: any */
	int64_t storyline;   /* 0: any */
	int limit;           /* 0: no limit */
	int offset;
} rv_filter;

typedef int (*rv_article_fn)(const rv_article *a, void *ctx);
/* Articles in id order (ingest order). */
int rv_store_each_article(rv_store *s, const rv_filter *f, rv_article_fn fn, void *ctx, rv_error *err);

/* An event as listed to readers. */
typedef struct rv_story {
	int64_t id;
	int64_t storyline;
	char *title;
	char *first;         /* first published date seen, "" when undated */
	char *last;
	int n_articles;
	int n_sources;
	rv_strlist langs;
	rv_strlist sources;
} rv_story;

void rv_story_release(rv_story *st);
typedef int (*rv_story_fn)(const rv_story *st, void *ctx);
/* Events newest first (by last date; undated last). */
int rv_store_each_story(rv_store *s, const rv_filter *f, rv_story_fn fn, void *ctx, rv_error *err);
int rv_store_get_story(rv_store *s, int64_t id, rv_story *out, rv_error *err);

#endif
