/* group_state.c - the store's side of re-grouping and explanations
 * (SQLite back end): one event read back, a window of articles cleared and
 * re-assigned. Declared in store/group_store.h. */
#include "store/group_store.h"
#include "store/sqlite_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static int fail(rv_store *s, rv_error *err, const char *what)
{
	return rv_fail(err, RV_EDB, "%s: %s", what, sqlite3_errmsg(s->db));
}

int rv_store_get_event(rv_store *s, int64_t id, rv_event *out, rv_error *err)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(s->db,
			       "SELECT storyline, first_day, last_day, n_articles, title, centroid, weekdays"
			       " FROM events WHERE id = ?1",
			       -1, &st, NULL))
		return fail(s, err, "reading an event");
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? rv_fail(err, RV_EINPUT, "no event %lld", (long long)id)
					 : fail(s, err, "reading an event");
	}
	out->id = id;
	out->storyline = sqlite3_column_int64(st, 0);
	out->first_day = sqlite3_column_type(st, 1) == SQLITE_NULL ? RV_NO_DAY : sqlite3_column_int64(st, 1);
	out->last_day = sqlite3_column_type(st, 2) == SQLITE_NULL ? RV_NO_DAY : sqlite3_column_int64(st, 2);
	out->n_articles = sqlite3_column_int(st, 3);
	out->weekdays = (unsigned)sqlite3_column_int(st, 6) & 0x7f;
	const char *title = (const char *)sqlite3_column_text(st, 4);
	out->title = title ? strdup(title) : NULL;
	json_t *arr = json_loads((const char *)sqlite3_column_text(st, 5), 0, NULL);
	size_t n = json_array_size(arr);
	out->centroid = n ? calloc(n, sizeof *out->centroid) : NULL;
	for (size_t i = 0; out->centroid && i < n; i++) {
		json_t *pair = json_array_get(arr, i);
		const char *t = json_string_value(json_array_get(pair, 0));
		if (!t)
			continue;
		out->centroid[out->n_centroid].term = strdup(t);
		out->centroid[out->n_centroid].weight = (float)json_number_value(json_array_get(pair, 1));
		if (out->centroid[out->n_centroid].term)
			out->n_centroid++;
	}
	json_decref(arr);
	sqlite3_finalize(st);
	return RV_OK;
}

/* The events that began in the window (?1: its first day, YYYY-MM-DD): a
 * subquery, so that each statement below reads them as the store is then. */
#define WINDOW_EVENTS                                                                          \
	"(SELECT id FROM events WHERE first_day IS NOT NULL AND first_day >="                    \
	" (SELECT published_day FROM articles WHERE substr(published, 1, 10) >= ?1"              \
	" AND published_day IS NOT NULL ORDER BY published_day LIMIT 1))"

/* Run one statement, its ?1 (when it has one) bound to text, else to num.
 * With row, *row gets the first column of the first row. */
static int run_sql(rv_store *s, const char *sql, const char *text, int64_t num, int64_t *row,
		   const char *what, rv_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
		return fail(s, err, what);
	if (sqlite3_bind_parameter_count(st)) {
		if (text)
			sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, 1, num);
	}
	int step = sqlite3_step(st), rc = RV_OK;
	if (row && step == SQLITE_ROW)
		*row = sqlite3_column_int64(st, 0);
	else if (step != SQLITE_DONE)
		rc = fail(s, err, what);
	sqlite3_finalize(st);
	return rc;
}

int rv_store_regroup_window(rv_store *s, const char *since, int64_t **ids, size_t *n, rv_error *err)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st;
	/* originals published since the day, in ingest order; then the undated
	 * ones of the events rebuilt, placed by content after them as ingest
	 * places them (left alone, they kept an event that no longer exists) */
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id FROM (SELECT id, 0 AS undated FROM articles WHERE duplicate_of IS NULL"
			       " AND substr(published, 1, 10) >= ?1"
			       " UNION ALL SELECT id, 1 FROM articles WHERE duplicate_of IS NULL"
			       " AND published_day IS NULL AND event IN " WINDOW_EVENTS ")"
			       " ORDER BY undated, id",
			       -1, &st, NULL))
		return fail(s, err, "selecting the window");
	sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int rc = RV_OK, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			int64_t *p = realloc(*ids, cap * sizeof *p);
			if (!p) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			*ids = p;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc == RV_OK && step != SQLITE_DONE)
		rc = fail(s, err, "selecting the window");
	sqlite3_finalize(st);
	if (rc)
		goto out;
	/* Events that began in the window are rebuilt from scratch; the
	 * window's articles lose their event until placed again, the undated
	 * ones of those events first (the second step deletes the events). */
	static const struct {
		const char *sql, *what;
	} clear[] = {
		/* what each article was in, for rv_store_regroup_keep_ids */
		{ "CREATE TEMP TABLE IF NOT EXISTS regroup_before"
		  " (article INTEGER PRIMARY KEY, event INTEGER, storyline INTEGER)",
		  "remembering the events" },
		{ "DELETE FROM regroup_before", "remembering the events" },
		{ "INSERT INTO regroup_before SELECT id, event, storyline FROM articles"
		  " WHERE duplicate_of IS NULL AND event IS NOT NULL AND (substr(published, 1, 10) >= ?1"
		  " OR (published_day IS NULL AND event IN " WINDOW_EVENTS "))",
		  "remembering the events" },
		{ "UPDATE articles SET event = NULL, storyline = NULL, event_similarity = NULL"
		  " WHERE published_day IS NULL AND event IN " WINDOW_EVENTS,
		  "clearing the window" },
		{ "DELETE FROM events WHERE id IN " WINDOW_EVENTS,
		  "clearing events" },
		{ "UPDATE articles SET event = NULL, storyline = NULL, event_similarity = NULL"
		  " WHERE substr(published, 1, 10) >= ?1",
		  "clearing the window" },
	};
	for (size_t i = 0; i < sizeof clear / sizeof *clear && rc == RV_OK; i++)
		rc = run_sql(s, clear[i].sql, since, 0, NULL, clear[i].what, err);
out:
	if (rc) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

int rv_store_regroup_keep_ids(rv_store *s, int64_t first_event, int64_t first_storyline, int64_t *rebuilt,
			      int64_t *kept, rv_error *err)
{
	*rebuilt = *kept = 0;
	/* Each new event takes the number of the old one most of its articles
	 * were in, most articles first (ties: the lower numbers), while that
	 * number is free: OR IGNORE skips a pair whose new event has its number
	 * already or whose old number went to another. Old numbers are below
	 * first_event and new ones from it, so the renaming never collides. */
	static const char *const events[] = {
		"CREATE TEMP TABLE IF NOT EXISTS regroup_map (new INTEGER PRIMARY KEY, old INTEGER UNIQUE)",
		"DELETE FROM regroup_map",
		"INSERT OR IGNORE INTO regroup_map SELECT a.event, b.event FROM articles a"
		" JOIN regroup_before b ON b.article = a.id WHERE a.event >= ?1"
		" AND b.event NOT IN (SELECT id FROM events)"
		" GROUP BY a.event, b.event ORDER BY COUNT(*) DESC, a.event, b.event",
		"UPDATE articles SET event = (SELECT old FROM regroup_map WHERE new = articles.event)"
		" WHERE event IN (SELECT new FROM regroup_map)",
		"UPDATE events SET id = (SELECT old FROM regroup_map WHERE new = events.id)"
		" WHERE id IN (SELECT new FROM regroup_map)",
	};
	/* storylines the same way, an old one free when no event has it */
	static const char *const storylines[] = {
		"DELETE FROM regroup_map",
		"INSERT OR IGNORE INTO regroup_map SELECT a.storyline, b.storyline FROM articles a"
		" JOIN regroup_before b ON b.article = a.id WHERE a.storyline >= ?1"
		" AND b.storyline NOT IN (SELECT storyline FROM events WHERE storyline IS NOT NULL)"
		" GROUP BY a.storyline, b.storyline ORDER BY COUNT(*) DESC, a.storyline, b.storyline",
		"UPDATE articles SET storyline = (SELECT old FROM regroup_map WHERE new = articles.storyline)"
		" WHERE storyline IN (SELECT new FROM regroup_map)",
		"UPDATE events SET storyline = (SELECT old FROM regroup_map WHERE new = events.storyline)"
		" WHERE storyline IN (SELECT new FROM regroup_map)",
	};
	static const char what[] = "keeping the event numbers";
	int rc = run_sql(s, "SELECT COUNT(*) FROM events WHERE id >= ?1", NULL, first_event, rebuilt, what,
			 err);
	for (size_t i = 0; i < sizeof events / sizeof *events && !rc; i++) {
		rc = run_sql(s, events[i], NULL, first_event, NULL, what, err);
		if (!rc && i == 2) /* the pairs kept */
			*kept = sqlite3_changes(s->db);
	}
	for (size_t i = 0; i < sizeof storylines / sizeof *storylines && !rc; i++)
		rc = run_sql(s, storylines[i], NULL, first_storyline, NULL, what, err);
	return rc;
}

int rv_store_set_grouping(rv_store *s, const rv_article *a, rv_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "UPDATE articles SET event = ?2, storyline = ?3, event_similarity = ?4"
			       " WHERE id = ?1",
			       -1, &st, NULL))
		return fail(s, err, "updating an article");
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, a->event);
	sqlite3_bind_int64(st, 3, a->storyline);
	sqlite3_bind_double(st, 4, a->event_similarity);
	int rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : fail(s, err, "updating an article");
	sqlite3_finalize(st);
	return rc;
}

int rv_store_sync_duplicates(rv_store *s, rv_error *err)
{
	const char *sql = "UPDATE articles SET"
			  " event = (SELECT o.event FROM articles o WHERE o.id = articles.duplicate_of),"
			  " storyline = (SELECT o.storyline FROM articles o WHERE o.id = articles.duplicate_of)"
			  " WHERE duplicate_of IS NOT NULL";
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg)) {
		int rc = rv_fail(err, RV_EDB, "updating duplicates: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return rc;
	}
	return RV_OK;
}

struct df_writer {
	rv_store *s;
	sqlite3_stmt *st;
};

static int write_df(const char *term, uint32_t df, void *ctx)
{
	struct df_writer *w = ctx;
	sqlite3_reset(w->st);
	sqlite3_bind_text(w->st, 1, term, -1, SQLITE_STATIC);
	sqlite3_bind_int64(w->st, 2, df);
	return sqlite3_step(w->st) == SQLITE_DONE ? RV_OK : RV_EDB;
}

struct count_writer {
	rv_store *s;
	const char *prefix;
	rv_error *err;
};

static int write_language(const char *lang, uint32_t n, void *ctx)
{
	struct count_writer *w = ctx;
	return rv_store_write_count(w->s, w->prefix, lang, n, w->err);
}

int rv_store_save_group_state(rv_store *s, rv_grouper *g, rv_error *err)
{
	struct df_writer w = { s, NULL };
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO group_df (term, df) VALUES (?1, ?2)"
			       " ON CONFLICT(term) DO UPDATE SET df = excluded.df",
			       -1, &w.st, NULL))
		return fail(s, err, "saving document frequencies");
	int rc = rv_grouper_flush_df(g, write_df, &w);
	sqlite3_finalize(w.st);
	if (rc)
		return fail(s, err, "saving document frequencies");
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO group_meta (key, value) VALUES ('docs', ?1)"
			       " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			       -1, &st, NULL))
		return fail(s, err, "saving the document count");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)rv_grouper_docs(g));
	rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : fail(s, err, "saving the document count");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	struct count_writer cw = { s, "lang:", err };
	return rv_grouper_each_language(g, write_language, &cw);
}

int rv_store_write_count(rv_store *s, const char *prefix, const char *name, uint64_t n, rv_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO group_meta (key, value) VALUES (?1 || ?2, ?3)"
			       " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			       -1, &st, NULL))
		return fail(s, err, "saving a count");
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, n > INT64_MAX ? INT64_MAX : (sqlite3_int64)n);
	int rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : fail(s, err, "saving a count");
	sqlite3_finalize(st);
	return rc;
}

int rv_store_each_count(rv_store *s, const char *prefix, rv_count_fn fn, void *ctx, rv_error *err)
{
	sqlite3_stmt *st;
	/* a range, not LIKE: the prefix is data */
	if (sqlite3_prepare_v2(s->db,
			       "SELECT substr(key, length(?1) + 1), value FROM group_meta"
			       " WHERE key > ?1 AND key < ?1 || char(255) ORDER BY value DESC, key",
			       -1, &st, NULL))
		return fail(s, err, "reading counts");
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 n = sqlite3_column_int64(st, 1);
		if (n > 0)
			fn((const char *)sqlite3_column_text(st, 0), n > UINT32_MAX ? UINT32_MAX : (uint32_t)n, ctx);
	}
	sqlite3_finalize(st);
	return RV_OK;
}

static void seed_language(const char *lang, uint32_t n, void *ctx)
{
	rv_grouper_count_language(ctx, lang, n);
}

int rv_store_load_group_languages(rv_store *s, rv_grouper *g, rv_error *err)
{
	return rv_store_each_count(s, "lang:", seed_language, g, err);
}

/* How many documents the stored frequencies count; 0 when none are stored. */
static int read_docs(rv_store *s, uint64_t *docs, rv_error *err)
{
	*docs = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM group_meta WHERE key = 'docs'", -1, &st, NULL))
		return fail(s, err, "reading the document count");
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0)
		*docs = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return RV_OK;
}

int rv_store_load_group_state(rv_store *s, rv_grouper *g, rv_error *err)
{
	uint64_t docs;
	int rc = read_docs(s, &docs, err);
	if (rc)
		return rc;
	if (docs)
		rv_grouper_set_docs(g, docs);
	if ((rc = rv_store_load_group_languages(s, g, err)))
		return rc;
	sqlite3_stmt *st;
	/* Terms seen once weigh as much as unseen ones: leaving them out keeps
	 * the start of a run short on a large store. */
	if (sqlite3_prepare_v2(s->db, "SELECT term, df FROM group_df WHERE df >= 2", -1, &st, NULL))
		return fail(s, err, "loading document frequencies");
	while (rc == RV_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		sqlite3_int64 df = sqlite3_column_int64(st, 1);
		if (term && df > 0 && df < UINT32_MAX)
			rc = rv_grouper_set_df(g, term, (uint32_t)df);
	}
	sqlite3_finalize(st);
	return rc ? rv_fail(err, rc, "loading document frequencies: out of memory") : RV_OK;
}

struct rv_df_reader {
	sqlite3_stmt *st;
};

int rv_store_df_reader_open(rv_store *s, rv_df_reader **out, uint64_t *docs, rv_error *err)
{
	*out = NULL;
	int rc = read_docs(s, docs, err);
	if (rc)
		return rc;
	rv_df_reader *r = calloc(1, sizeof *r);
	if (!r)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	if (sqlite3_prepare_v2(s->db, "SELECT df FROM group_df WHERE term = ?1", -1, &r->st, NULL)) {
		free(r);
		return fail(s, err, "reading document frequencies");
	}
	*out = r;
	return RV_OK;
}

bool rv_store_df_read(void *reader, const char *term, uint32_t *df)
{
	rv_df_reader *r = reader;
	sqlite3_bind_text(r->st, 1, term, -1, SQLITE_STATIC);
	bool found = false;
	if (sqlite3_step(r->st) == SQLITE_ROW) {
		sqlite3_int64 v = sqlite3_column_int64(r->st, 0);
		if (v > 0 && v < UINT32_MAX) {
			*df = (uint32_t)v;
			found = true;
		}
	}
	sqlite3_reset(r->st); /* no read lock held between terms */
	sqlite3_clear_bindings(r->st);
	return found;
}

void rv_store_df_reader_close(rv_df_reader **r)
{
	if (!r || !*r)
		return;
	sqlite3_finalize((*r)->st);
	free(*r);
	*r = NULL;
}
