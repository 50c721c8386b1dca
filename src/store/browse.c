/* browse.c - read-only queries for the API (see browse.h). */
#include "store/browse.h"
#include "store/sqlite_int.h"
#include "core/buf.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int fail(rv_store *s, rv_error *err, const char *what)
{
	return rv_fail(err, RV_EDB, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int one_int(rv_store *s, const char *sql, int64_t *out, rv_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
		return fail(s, err, "reading the store");
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RV_OK : fail(s, err, "reading the store");
}

int rv_store_data_version(rv_store *s, int64_t *out, rv_error *err)
{
	return one_int(s, "PRAGMA data_version", out, err);
}

int rv_store_count_articles(rv_store *s, int64_t *out, rv_error *err)
{
	return one_int(s, "SELECT COUNT(*) FROM articles", out, err);
}

int rv_store_story_volume(rv_store *s, int64_t event, rv_day_fn fn, void *ctx, rv_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT substr(published, 1, 10) AS d, COUNT(*) FROM articles"
			       " WHERE event = ?1 AND published IS NOT NULL GROUP BY d ORDER BY d",
			       -1, &st, NULL))
		return fail(s, err, "reading a story's volume");
	sqlite3_bind_int64(st, 1, event);
	int rc = RV_OK;
	while (rc == RV_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1), ctx);
	sqlite3_finalize(st);
	return rc;
}

struct page_ev {
	int64_t id, day, count;
};

static int cmp_page_ev(const void *x, const void *y)
{
	const struct page_ev *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? 1 : -1;
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

/* Unfiltered pages without aggregating every event: walk articles newest
 * day first (articles_published index); the first sighting of an event is
 * its last day. Once offset+limit events are seen and their last day is
 * complete, those are all the candidates; they are sorted as
 * rv_store_each_story sorts. *ids is NULL when the walk ran out of dated
 * articles (undated stories are then needed: the caller aggregates). */
static int newest_ids(rv_store *s, int want, int offset, int64_t **ids, size_t *n, rv_error *err)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st, *cnt;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT event, published_day FROM articles WHERE published_day IS NOT NULL"
			       " AND event IS NOT NULL ORDER BY published_day DESC",
			       -1, &st, NULL))
		return fail(s, err, "listing stories");
	if (sqlite3_prepare_v2(s->db, "SELECT COUNT(*) FROM articles WHERE event = ?1", -1, &cnt, NULL)) {
		sqlite3_finalize(st);
		return fail(s, err, "listing stories");
	}
	size_t need = (size_t)want + (size_t)offset, len = 0, cap = 0;
	struct page_ev *ev = NULL;
	int rc = RV_OK;
	bool complete = false;
	int64_t boundary = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), day = sqlite3_column_int64(st, 1);
		if (len >= need && day != boundary) {
			complete = true;
			break;
		}
		bool seen = false;
		for (size_t k = len; k-- > 0 && !seen;)
			seen = ev[k].id == id;
		if (seen)
			continue;
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			struct page_ev *p = realloc(ev, cap * sizeof *p);
			if (!p) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			ev = p;
		}
		sqlite3_reset(cnt);
		sqlite3_bind_int64(cnt, 1, id);
		int64_t c = sqlite3_step(cnt) == SQLITE_ROW ? sqlite3_column_int64(cnt, 0) : 0;
		ev[len++] = (struct page_ev){ id, day, c };
		boundary = day;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(cnt);
	if (rc == RV_OK && complete) {
		if (len) /* ev is NULL when nothing was read */
			qsort(ev, len, sizeof *ev, cmp_page_ev);
		size_t from = (size_t)offset < len ? (size_t)offset : len;
		size_t m = !ev ? 0 : len - from < (size_t)want ? len - from : (size_t)want;
		*ids = malloc((m ? m : 1) * sizeof **ids);
		if (!*ids) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
		} else {
			for (size_t k = 0; k < m; k++)
				(*ids)[k] = ev[from + k].id;
			*n = m;
		}
	}
	free(ev);
	return rc;
}

static int each_story_id(rv_store *s, int64_t *ids, size_t n, rv_story_fn fn, void *ctx, rv_error *err)
{
	int rc = RV_OK;
	for (size_t k = 0; rc == RV_OK && k < n; k++) {
		rv_story story;
		rc = rv_store_get_story(s, ids[k], &story, err);
		if (rc == RV_OK) {
			rc = fn(&story, ctx);
			rv_story_release(&story);
		}
	}
	return rc;
}

int rv_store_each_story_page(rv_store *s, const rv_filter *f, rv_story_fn fn, void *ctx, rv_error *err)
{
	if (!rv__filter_any(f) && f->limit > 0 && (int64_t)f->limit + f->offset <= 10000) {
		int64_t *ids;
		size_t n;
		int rc = newest_ids(s, f->limit, f->offset, &ids, &n, err);
		if (rc)
			return rc;
		if (ids) {
			rc = each_story_id(s, ids, n, fn, ctx, err);
			free(ids);
			return rc;
		}
	}
	rv_buf sql;
	rv_buf_init(&sql, 4096);
	rv_buf_puts(&sql, "SELECT a.event FROM articles a WHERE a.event IS NOT NULL");
	rv__filter_sql(&sql, f);
	/* the same order as rv_store_each_story */
	rv_buf_puts(&sql, " GROUP BY a.event ORDER BY MAX(a.published) IS NULL,"
			  " MAX(substr(a.published, 1, 10)) DESC, COUNT(*) DESC, a.event DESC LIMIT ? OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return fail(s, err, "listing stories");
	int i = rv__filter_bind(st, 1, f);
	sqlite3_bind_int(st, i++, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, i, f->offset > 0 ? f->offset : 0);
	/* ids first: the statement is done before the stories are read */
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	rc = RV_OK;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			int64_t *p = realloc(ids, cap * sizeof *p);
			if (!p) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			ids = p;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == RV_OK)
		rc = each_story_id(s, ids, n, fn, ctx, err);
	free(ids);
	return rc;
}
