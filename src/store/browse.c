/* browse.c - read-only queries for the API (see browse.h). */
#include "store/browse.h"
#include "store/sqlite_int.h"
#include "core/buf.h"

#include <sqlite3.h>
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

int rv_store_each_entity(rv_store *s, const char *name_prefix, const char *type, int limit, int offset,
			 rv_entity_row_fn fn, void *ctx, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 4096);
	rv_buf_puts(&sql, "SELECT name, COALESCE(type, ''), COUNT(DISTINCT article), SUM(count)"
			  " FROM entities WHERE 1");
	if (name_prefix)
		rv_buf_puts(&sql, " AND name LIKE ? ESCAPE '\\'");
	if (type)
		rv_buf_puts(&sql, " AND type = ?");
	rv_buf_puts(&sql, " GROUP BY name, type ORDER BY 3 DESC, 4 DESC, name LIMIT ? OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return fail(s, err, "listing entities");
	int i = 1;
	if (name_prefix) {
		/* the prefix is data: escape LIKE's wildcards */
		rv_buf pat;
		rv_buf_init(&pat, 4096);
		for (const char *p = name_prefix; *p; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				rv_buf_putc(&pat, '\\');
			rv_buf_putc(&pat, *p);
		}
		rv_buf_putc(&pat, '%');
		sqlite3_bind_text(st, i++, rv_buf_str(&pat), -1, SQLITE_TRANSIENT);
		rv_buf_release(&pat);
	}
	if (type)
		sqlite3_bind_text(st, i++, type, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, i++, limit > 0 ? limit : 50);
	sqlite3_bind_int(st, i, offset > 0 ? offset : 0);
	rc = RV_OK;
	while (rc == RV_OK && sqlite3_step(st) == SQLITE_ROW) {
		rv_entity_row e = { (const char *)sqlite3_column_text(st, 0),
				    (const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 2),
				    sqlite3_column_int(st, 3) };
		rc = fn(&e, ctx);
	}
	sqlite3_finalize(st);
	return rc;
}
