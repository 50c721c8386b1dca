/* browse.c - read-only queries for the API (see browse.h). */
#include "store/browse.h"
#include "store/sqlite_int.h"
#include "analyze/ner_names.h"
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

/* rv_fold(text): lower case, no accents (a prefix folded the same way is
 * a prefix of it), NULL when it does not fit. */
static void sql_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char out[256];
	size_t n = s ? rv__ner_fold(s, strlen(s), out, sizeof out) : 0;
	if (n)
		sqlite3_result_text(cx, out, (int)n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
}

int rv__browse_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (sqlite3_create_function(db, "rv_fold", 1, flags, NULL, sql_fold, NULL, NULL))
		return RV_EDB;
	return RV_OK;
}

/* A LIKE pattern "prefix%" with the prefix's wildcards escaped (it is data). */
static void like_prefix(rv_buf *pat, const char *prefix)
{
	for (const char *p = prefix; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			rv_buf_putc(pat, '\\');
		rv_buf_putc(pat, *p);
	}
	rv_buf_putc(pat, '%');
}

int rv_store_each_entity(rv_store *s, const char *name_prefix, const char *type, int limit, int offset,
			 rv_entity_row_fn fn, void *ctx, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 4096);
	/* One row per entity as `revue entities` folds names (rv_entity_key:
	 * "PORT-AURÈLE" and "Port-Aurèle" are one), shown under its most
	 * frequent spelling, of the type most of its mentions have, with the
	 * articles naming it in any spelling and all its mentions. */
	rv_buf_puts(&sql, "WITH r AS (SELECT COALESCE(rv_entity_key(name, type), name) AS k, name,"
			  " COALESCE(type, '') AS type, article, count FROM entities)");
	if (name_prefix)
		/* a name of the entity starts with the prefix, as written
		 * (ASCII case aside) or folded */
		rv_buf_puts(&sql, ", rr AS (SELECT * FROM r WHERE k IN (SELECT k FROM r"
				  " WHERE name LIKE ?1 ESCAPE '\\'"
				  " OR COALESCE(rv_fold(name), name) LIKE ?2 ESCAPE '\\'))");
	else
		rv_buf_puts(&sql, ", rr AS (SELECT * FROM r)");
	rv_buf_puts(&sql, ", t AS (SELECT k, type, ROW_NUMBER() OVER (PARTITION BY k"
			  " ORDER BY SUM(count) DESC, type) AS rk FROM rr GROUP BY k, type)"
			  ", nm AS (SELECT k, name, ROW_NUMBER() OVER (PARTITION BY k"
			  " ORDER BY SUM(count) DESC, COUNT(DISTINCT article) DESC,"
			  " name = upper(name), name) AS rk FROM rr GROUP BY k, name)"
			  ", tot AS (SELECT k, COUNT(DISTINCT article) AS arts, SUM(count) AS m"
			  " FROM rr GROUP BY k)"
			  " SELECT nm.name, t.type, tot.arts, tot.m FROM tot"
			  " JOIN nm ON nm.k = tot.k AND nm.rk = 1 JOIN t ON t.k = tot.k AND t.rk = 1");
	if (type)
		rv_buf_puts(&sql, " WHERE t.type = ?3");
	rv_buf_puts(&sql, " ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?4 OFFSET ?5");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return fail(s, err, "listing entities");
	if (name_prefix) {
		rv_buf pat;
		rv_buf_init(&pat, 4096);
		like_prefix(&pat, name_prefix);
		sqlite3_bind_text(st, 1, rv_buf_str(&pat), -1, SQLITE_TRANSIENT);
		rv_buf_release(&pat);
		char folded[256];
		size_t fn_len = rv__ner_fold(name_prefix, strlen(name_prefix), folded, sizeof folded);
		rv_buf_init(&pat, 4096);
		like_prefix(&pat, fn_len ? folded : name_prefix);
		sqlite3_bind_text(st, 2, rv_buf_str(&pat), -1, SQLITE_TRANSIENT);
		rv_buf_release(&pat);
	}
	if (type)
		sqlite3_bind_text(st, 3, type, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, limit > 0 ? limit : 50);
	sqlite3_bind_int(st, 5, offset > 0 ? offset : 0);
	rc = RV_OK;
	int r = SQLITE_DONE;
	while (rc == RV_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
		rv_entity_row e = { (const char *)sqlite3_column_text(st, 0),
				    (const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 2),
				    sqlite3_column_int(st, 3) };
		rc = fn(&e, ctx);
	}
	if (rc == RV_OK && r != SQLITE_DONE)
		rc = fail(s, err, "listing entities");
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
