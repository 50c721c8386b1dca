/* watch_state.c - the watch daemon's tables (migration 3), see watch_state.h. */
#include "store/watch_state.h"
#include "store/sqlite_int.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

enum {
	W_DEACTIVATE,
	W_ORPHANS,
	W_FEED_ADD,
	W_FEED_ID,
	W_FEED_ACTIVE,
	W_FEEDS_DUE,
	W_FEED_POLLED,
	W_ITEM_GET,
	W_ITEM_INSERT,
	W_ITEM_REVISE,
	W_ITEM_TOUCH,
	W_PAGE_ADD,
	W_PAGE_NEXT,
	W_PAGE_DONE,
	W_PAGE_FAILED,
	W_NEXT_DUE,
	W_COUNT
};

static const char *const sql[W_COUNT] = {
    [W_DEACTIVATE] = "UPDATE watch_feeds SET active = 0 WHERE discovered_from IS NULL",
    [W_ORPHANS] = "UPDATE watch_feeds SET active = 0 WHERE discovered_from IN"
                  " (SELECT id FROM watch_feeds WHERE active = 0)",
    [W_FEED_ADD] = "INSERT INTO watch_feeds (url, discovered_from, interval) VALUES (?1, ?2, ?3)"
                   " ON CONFLICT(url) DO UPDATE SET active = 1",
    [W_FEED_ID] = "SELECT id FROM watch_feeds WHERE url = ?1",
    [W_FEED_ACTIVE] = "UPDATE watch_feeds SET active = ?2 WHERE id = ?1",
    [W_FEEDS_DUE] = "SELECT id, url, etag, last_modified, interval, failures FROM watch_feeds"
                    " WHERE active = 1 AND (?2 OR next_poll <= ?1) ORDER BY next_poll, id",
    [W_FEED_POLLED] = "UPDATE watch_feeds SET kind = COALESCE(?2, kind), etag = COALESCE(?3, etag),"
                      " last_modified = COALESCE(?4, last_modified), interval = ?5, next_poll = ?6,"
                      " failures = ?7, last_error = ?8, last_poll = ?9,"
                      " last_change = CASE WHEN ?10 THEN ?9 ELSE last_change END WHERE id = ?1",
    [W_ITEM_GET] = "SELECT COALESCE(title, ''), COALESCE(published, '') FROM watch_items"
                   " WHERE feed = ?1 AND guid = ?2",
    [W_ITEM_INSERT] =
        "INSERT INTO watch_items (feed, guid, url, title, published, first_seen, last_seen)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    [W_ITEM_REVISE] = "UPDATE watch_items SET title = ?3, published = ?4, url = COALESCE(?5, url),"
                      " revisions = revisions + 1, last_seen = ?6 WHERE feed = ?1 AND guid = ?2",
    [W_ITEM_TOUCH] = "UPDATE watch_items SET last_seen = ?3 WHERE feed = ?1 AND guid = ?2",
    [W_PAGE_ADD] = "INSERT OR IGNORE INTO watch_pages (url, feed, title, published, added_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
    [W_PAGE_NEXT] =
        "SELECT url, feed, title, published, tries FROM watch_pages"
        " WHERE state IN ('new', 'failed') AND next_try <= ?1 ORDER BY next_try, rowid LIMIT ?2",
    [W_PAGE_DONE] = "UPDATE watch_pages SET state = 'done', http_status = ?2, article = ?3,"
                    " fetched_at = ?4, last_error = NULL WHERE url = ?1",
    [W_PAGE_FAILED] = "UPDATE watch_pages SET state = ?2, http_status = ?3, last_error = ?4,"
                      " tries = ?5, next_try = ?6 WHERE url = ?1",
    [W_NEXT_DUE] =
        "SELECT MIN(t) FROM (SELECT MIN(next_poll) AS t FROM watch_feeds WHERE active = 1"
        " UNION ALL SELECT MIN(next_try) FROM watch_pages WHERE state IN ('new', 'failed'))",
};

struct rv_watch_state {
	rv_store *store;
	sqlite3_stmt *st[W_COUNT];
};

static int fail(rv_watch_state *w, rv_error *err, const char *what)
{
	return rv_fail(err, RV_EDB, "%s: %s: %s", w->store->path, what,
	               sqlite3_errmsg(w->store->db));
}

static sqlite3_stmt *get(rv_watch_state *w, int id, rv_error *err)
{
	if (!w->st[id] && sqlite3_prepare_v3(w->store->db, sql[id], -1, SQLITE_PREPARE_PERSISTENT,
	                                     &w->st[id], NULL)) {
		fail(w, err, "preparing a watch statement");
		return NULL;
	}
	sqlite3_reset(w->st[id]);
	sqlite3_clear_bindings(w->st[id]);
	return w->st[id];
}

static void bt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? rv_strdup((const char *)t) : NULL;
}

/* Run a statement with no rows; reset it so it holds no lock. */
static int run(rv_watch_state *w, sqlite3_stmt *st, rv_error *err, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? RV_OK : fail(w, err, what);
}

int rv_watch_state_open(rv_store *store, rv_watch_state **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	(*out)->store = store;
	return RV_OK;
}

void rv_watch_state_close(rv_watch_state **wp)
{
	if (!wp || !*wp)
		return;
	for (int i = 0; i < W_COUNT; i++)
		sqlite3_finalize((*wp)->st[i]);
	free(*wp);
	*wp = NULL;
}

void rv_watch_feed_release(rv_watch_feed *f)
{
	free(f->url);
	free(f->etag);
	free(f->last_modified);
	memset(f, 0, sizeof *f);
}

void rv_watch_page_release(rv_watch_page *p)
{
	free(p->url);
	free(p->title);
	free(p->published);
	memset(p, 0, sizeof *p);
}

int rv_watch_feeds_deactivate(rv_watch_state *w, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_DEACTIVATE, err);
	return st ? run(w, st, err, "deactivating feeds") : RV_EDB;
}

int rv_watch_feeds_orphans(rv_watch_state *w, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_ORPHANS, err);
	return st ? run(w, st, err, "deactivating feeds") : RV_EDB;
}

int rv_watch_feed_add(rv_watch_state *w, const char *url, int64_t discovered_from, int interval,
                      int64_t *id, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_FEED_ADD, err);
	if (!st)
		return RV_EDB;
	bt(st, 1, url);
	if (discovered_from)
		sqlite3_bind_int64(st, 2, discovered_from);
	sqlite3_bind_int(st, 3, interval);
	if (run(w, st, err, "adding a feed"))
		return RV_EDB;
	if (!id)
		return RV_OK;
	if (!(st = get(w, W_FEED_ID, err)))
		return RV_EDB;
	bt(st, 1, url);
	*id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return RV_OK;
}

int rv_watch_feed_set_active(rv_watch_state *w, int64_t id, bool active, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_FEED_ACTIVE, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active);
	return run(w, st, err, "updating a feed");
}

int rv_watch_feeds_due(rv_watch_state *w, int64_t now, bool all, rv_watch_feed **out, size_t *n,
                       rv_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = get(w, W_FEEDS_DUE, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, all);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			rv_watch_feed *g = realloc(*out, cap * sizeof *g);
			if (!g) {
				sqlite3_reset(st);
				return rv_fail(err, RV_ENOMEM, "out of memory");
			}
			*out = g;
		}
		rv_watch_feed *f = &(*out)[(*n)++];
		f->id = sqlite3_column_int64(st, 0);
		f->url = col_str(st, 1);
		f->etag = col_str(st, 2);
		f->last_modified = col_str(st, 3);
		f->interval = sqlite3_column_int(st, 4);
		f->failures = sqlite3_column_int(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? RV_OK : fail(w, err, "listing feeds");
}

int rv_watch_feed_polled(rv_watch_state *w, int64_t id, const char *kind, const char *etag,
                         const char *last_modified, int interval, int64_t next_poll, int failures,
                         const char *error, bool changed, int64_t now, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_FEED_POLLED, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	bt(st, 2, kind);
	bt(st, 3, etag);
	bt(st, 4, last_modified);
	sqlite3_bind_int(st, 5, interval);
	sqlite3_bind_int64(st, 6, next_poll);
	sqlite3_bind_int(st, 7, failures);
	bt(st, 8, error);
	sqlite3_bind_int64(st, 9, now);
	sqlite3_bind_int(st, 10, changed);
	return run(w, st, err, "recording a poll");
}

int rv_watch_item_note(rv_watch_state *w, int64_t feed, const char *guid, const char *url,
                       const char *title, const char *published, int64_t now, int *what,
                       rv_error *err)
{
	sqlite3_stmt *st = get(w, W_ITEM_GET, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, feed);
	bt(st, 2, guid);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		bool same =
		    !strcmp((const char *)sqlite3_column_text(st, 0), title ? title : "") &&
		    !strcmp((const char *)sqlite3_column_text(st, 1), published ? published : "");
		sqlite3_reset(st);
		*what = same ? RV_ITEM_SEEN : RV_ITEM_REVISED;
		if (!(st = get(w, same ? W_ITEM_TOUCH : W_ITEM_REVISE, err)))
			return RV_EDB;
		sqlite3_bind_int64(st, 1, feed);
		bt(st, 2, guid);
		if (same) {
			sqlite3_bind_int64(st, 3, now);
		} else {
			bt(st, 3, title);
			bt(st, 4, published);
			bt(st, 5, url);
			sqlite3_bind_int64(st, 6, now);
		}
		return run(w, st, err, "updating an item");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return fail(w, err, "looking up an item");
	*what = RV_ITEM_NEW;
	if (!(st = get(w, W_ITEM_INSERT, err)))
		return RV_EDB;
	sqlite3_bind_int64(st, 1, feed);
	bt(st, 2, guid);
	bt(st, 3, url);
	bt(st, 4, title);
	bt(st, 5, published);
	sqlite3_bind_int64(st, 6, now);
	return run(w, st, err, "adding an item");
}

int rv_watch_page_add(rv_watch_state *w, const char *url, int64_t feed, const char *title,
                      const char *published, int64_t now, bool *added, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_PAGE_ADD, err);
	if (!st)
		return RV_EDB;
	bt(st, 1, url);
	sqlite3_bind_int64(st, 2, feed);
	bt(st, 3, title);
	bt(st, 4, published);
	sqlite3_bind_int64(st, 5, now);
	if (run(w, st, err, "queueing a page"))
		return RV_EDB;
	if (added)
		*added = sqlite3_changes(w->store->db) > 0;
	return RV_OK;
}

int rv_watch_pages_due(rv_watch_state *w, int64_t now, rv_watch_page *out, size_t max, size_t *n,
                       rv_error *err)
{
	*n = 0;
	sqlite3_stmt *st = get(w, W_PAGE_NEXT, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while (*n < max && sqlite3_step(st) == SQLITE_ROW) {
		rv_watch_page *p = &out[*n];
		memset(p, 0, sizeof *p);
		p->url = col_str(st, 0);
		p->feed = sqlite3_column_int64(st, 1);
		p->title = col_str(st, 2);
		p->published = col_str(st, 3);
		p->tries = sqlite3_column_int(st, 4);
		if (p->url)
			(*n)++;
	}
	sqlite3_reset(st);
	return RV_OK;
}

int rv_watch_page_done(rv_watch_state *w, const char *url, long status, int64_t article,
                       int64_t now, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_PAGE_DONE, err);
	if (!st)
		return RV_EDB;
	bt(st, 1, url);
	sqlite3_bind_int64(st, 2, status);
	if (article)
		sqlite3_bind_int64(st, 3, article);
	sqlite3_bind_int64(st, 4, now);
	return run(w, st, err, "marking a page done");
}

int rv_watch_page_failed(rv_watch_state *w, const char *url, const char *state, long status,
                         const char *error, int tries, int64_t next_try, rv_error *err)
{
	sqlite3_stmt *st = get(w, W_PAGE_FAILED, err);
	if (!st)
		return RV_EDB;
	bt(st, 1, url);
	bt(st, 2, state);
	if (status)
		sqlite3_bind_int64(st, 3, status);
	bt(st, 4, error);
	sqlite3_bind_int(st, 5, tries);
	sqlite3_bind_int64(st, 6, next_try);
	return run(w, st, err, "marking a page failed");
}

int rv_watch_next_due(rv_watch_state *w, int64_t *when, rv_error *err)
{
	*when = 0;
	sqlite3_stmt *st = get(w, W_NEXT_DUE, err);
	if (!st)
		return RV_EDB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*when = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RV_OK
	                                             : fail(w, err, "finding the next due time");
}
