/* sqlite.c - the embedded store: one SQLite file in WAL mode.
 *
 * Every statement is prepared once with placeholders and bound; nothing from
 * input is ever pasted into SQL. Lists (authors, tags, centroid) are stored
 * as JSON text.
 */
#include "store/store.h"
#include "store/schema.sql.h"
#include "store/search.h"
#include "store/sqlite_int.h"
#include "analyze/ner_names.h"
#include "ingest/url.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const stmt_sql[ST_COUNT] = {
	/* Stored already: the same input again (its ref; standard input has no
	 * name worth trusting), or the same text under the same URL, outlet and
	 * title read from another path (a copied or moved crawl). With neither
	 * URL nor outlet, the file name (?6) must match too: two files of one
	 * text and nothing else are still two records. URLs compare normalised
 * (rv_url_key): a crawler's request URL with its tracking tags and the
 * page's canonical link are one address. */
	[ST_HAS_ARTICLE] = "SELECT 1 FROM articles WHERE content_hash = ?2"
			   " AND ((ref = ?1 AND ?1 <> '-' AND substr(?1, 1, 2) <> '-#')"
			   " OR (rv_url_key(url) IS ?3 AND source IS ?4 AND title IS ?5"
			   " AND (?3 IS NOT NULL OR ?4 IS NOT NULL OR ref = ?6"
			   " OR substr(ref, -length(?6) - 1) = '/' || ?6))) LIMIT 1",
	[ST_FIND_ORIGINAL] = "SELECT id, event, storyline, published FROM articles"
			     " WHERE content_hash = ?1 AND duplicate_of IS NULL ORDER BY id LIMIT 1",
	[ST_GROUPING_OF] = "SELECT event, storyline FROM articles WHERE id = ?1",
	/* an event the grouper merged into another: its articles move over */
	[ST_MERGE_MOVE] = "UPDATE articles SET event = ?2, storyline = ?3 WHERE event = ?1",
	[ST_MERGE_DROP] = "DELETE FROM events WHERE id = ?1",
	/* an original another article supersedes: its pointers, then (unless
	 * it adds to the page) the analysis a duplicate does not keep */
	[ST_SUPERSEDE] = "UPDATE articles SET duplicate_of = ?2, duplicate_similarity = ?3, event = ?4,"
			 " storyline = ?5 WHERE id = ?1 AND duplicate_of IS NULL",
	[ST_DROP_ENTITIES] = "DELETE FROM entities WHERE article = ?1",
	[ST_DROP_QUOTES] = "DELETE FROM quotes WHERE article = ?1",
	[ST_DROP_FIGURES] = "DELETE FROM figures WHERE article = ?1",
	[ST_INSERT_ARTICLE] =
		"INSERT INTO articles (ref, content_hash, url, source, title, description,"
		" published, published_day, published_source, published_inferred, modified,"
		" fetched_at, lang, image, authors, tags, text, paragraphs, duplicate_of,"
		" duplicate_similarity, event, storyline, event_similarity)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)",
	[ST_INSERT_ENTITY] = "INSERT INTO entities (article, name, type, aliases, count, key)"
			     " VALUES (?1,?2,?3,?4,?5,?6)",
	[ST_INSERT_QUOTE] = "INSERT INTO quotes (article, text, speaker, role) VALUES (?1,?2,?3,?4)",
	[ST_INSERT_FIGURE] = "INSERT INTO figures (article, value, value_max, unit, qualifier, text, context)"
			     " VALUES (?1,?2,?3,?4,?5,?6,?7)",
	[ST_SAVE_EVENT] = "INSERT INTO events (id, storyline, first_day, last_day, n_articles, title, centroid,"
			  " weekdays) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(id) DO UPDATE SET"
			  " storyline=excluded.storyline, first_day=excluded.first_day,"
			  " last_day=excluded.last_day, n_articles=excluded.n_articles,"
			  " title=excluded.title, centroid=excluded.centroid, weekdays=excluded.weekdays",
	[ST_GET_ARTICLE] =
		"SELECT a.id, a.ref, a.content_hash, COALESCE(a.url, ''), a.source,"
		" COALESCE(a.title, o.title), COALESCE(a.description, o.description), a.published,"
		" a.published_source, a.published_inferred, a.modified, a.fetched_at,"
		" COALESCE(a.lang, o.lang), COALESCE(a.image, o.image), COALESCE(a.authors, o.authors),"
		" COALESCE(a.tags, o.tags), COALESCE(a.text, o.text), COALESCE(a.paragraphs, o.paragraphs),"
		" a.duplicate_of, a.duplicate_similarity, a.event, a.storyline, a.event_similarity"
		" FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = ?1",
	[ST_GET_ENTITIES] = "SELECT name, type, aliases, count FROM entities WHERE article = ?1 ORDER BY rowid",
	[ST_GET_QUOTES] = "SELECT text, speaker, role FROM quotes WHERE article = ?1 ORDER BY rowid",
	/* The search index of the articles from ?1 on (see rv_store_commit). */
	[ST_INDEX_FROM] = "INSERT INTO articles_fts (rowid, title, text) SELECT id,"
			  " char(1) || COALESCE(lang, '') || char(1) || COALESCE(title, ''),"
			  " char(1) || COALESCE(lang, '') || char(1) || COALESCE(text, '')"
			  " FROM articles WHERE id >= ?1 ORDER BY id",
	[ST_GET_FIGURES] = "SELECT value, value_max, unit, qualifier, text, context FROM figures"
			   " WHERE article = ?1 ORDER BY rowid",
	[ST_HAS_ANALYSIS] = "SELECT EXISTS (SELECT 1 FROM entities WHERE article = ?1)"
			    " OR EXISTS (SELECT 1 FROM quotes WHERE article = ?1)"
			    " OR EXISTS (SELECT 1 FROM figures WHERE article = ?1)",
};


static int db_fail(rv_store *s, rv_error *err, const char *what)
{
	return rv_fail(err, RV_EDB, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static sqlite3_stmt *stmt(rv_store *s, enum stmt_id id, rv_error *err)
{
	if (!s->stmt[id] &&
	    sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL)) {
		db_fail(s, err, "preparing a statement");
		return NULL;
	}
	sqlite3_reset(s->stmt[id]);
	sqlite3_clear_bindings(s->stmt[id]);
	return s->stmt[id];
}

static int exec(rv_store *s, const char *sql, rv_error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		rv_fail(err, RV_EDB, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return RV_EDB;
	}
	return RV_OK;
}

static int schema_version(rv_store *s, int *version, rv_error *err)
{
	sqlite3_stmt *st;
	*version = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL))
		return db_fail(s, err, "reading the schema version");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RV_OK : db_fail(s, err, "reading the schema version");
}

static int newer(rv_store *s, int version, rv_error *err)
{
	return rv_fail(err, RV_EDB, "%s: schema version %d is newer than this revue (%d)", s->path, version,
		       RV_SCHEMA_VERSION);
}

/* Each migration is one transaction with the version it sets. The version
 * is read again once the write lock is held: two revues opening an older
 * store at once (serve and an ingest) would otherwise both run the same
 * migration, and the second would fail on its ALTER TABLE. */
static int migrate(rv_store *s, rv_error *err)
{
	int v;
	if (schema_version(s, &v, err))
		return RV_EDB;
	if (v > RV_SCHEMA_VERSION)
		return newer(s, v, err);
	if (v == RV_SCHEMA_VERSION)
		return RV_OK; /* no write lock taken for nothing */
	for (;;) {
		if (exec(s, "BEGIN IMMEDIATE", err))
			return RV_EDB;
		if (schema_version(s, &v, err) || (v > RV_SCHEMA_VERSION && newer(s, v, err))) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return RV_EDB;
		}
		if (v == RV_SCHEMA_VERSION)
			return exec(s, "COMMIT", err);
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(s, rv_migrations[v], err) || exec(s, pragma, err)) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return RV_EDB;
		}
		if (exec(s, "COMMIT", err))
			return RV_EDB;
	}
}

/* The form of a URL two addresses of one page share (rv_url_normalize:
 * case, default port, fragment, tracking tags, parameter order); a URL it
 * cannot read stays as it is. NULL when out of memory. */
static char *url_key(const char *url)
{
	char *key = rv_url_normalize(url);
	return key ? key : strdup(url);
}

/* rv_url_key(url) in SQL. */
static void sql_url_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *url = (const char *)sqlite3_value_text(argv[0]);
	if (!url) {
		sqlite3_result_null(ctx);
		return;
	}
	char *key = url_key(url);
	if (!key) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

/* rv_entity_key(name, type) in SQL, as the store keys entities at insert
 * (migration 8 and rekey_entities key older rows with it); NULL when the
 * name has no key. */
static void sql_entity_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *type = (const char *)sqlite3_value_text(argv[1]);
	char key[RV_ENTITY_KEY_MAX];
	size_t n = name ? rv_entity_key(name, type, key, sizeof key) : 0;
	if (n)
		sqlite3_result_text(cx, key, (int)n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
}

static void sql_entity_key_rules(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int64(cx, rv_entity_key_rules());
}

static int register_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (rv_search_register(db) || rv__entity_list_register(db) ||
	    sqlite3_create_function(db, "rv_url_key", 1, flags, NULL, sql_url_key, NULL, NULL) ||
	    sqlite3_create_function(db, "rv_entity_key", 2, flags, NULL, sql_entity_key, NULL, NULL) ||
	    sqlite3_create_function(db, "rv_entity_key_rules", 0, flags, NULL, sql_entity_key_rules, NULL,
				    NULL))
		return RV_EDB;
	return RV_OK;
}

/* The rules the store's entity keys were computed with (0 when it holds
 * none: a store older than migration 8). */
static int stored_key_rules(rv_store *s, int64_t *rules, rv_error *err)
{
	sqlite3_stmt *st;
	*rules = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM group_meta WHERE key = 'entity_key_rules'", -1, &st,
			       NULL))
		return db_fail(s, err, "reading the entity key rules");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rules = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, err, "reading the entity key rules");
	return RV_OK;
}

/* A row whose key changes: its new key, NULL for none. */
struct rekeyed {
	int64_t rowid;
	char *key;
};

/* Every row's key computed once, and written when it changed, after the
 * scan (which writes to the table must not disturb). An UPDATE whose WHERE
 * compared the key with rv_entity_key() computed it again for every row it
 * wrote. */
static int rekey_rows(rv_store *s, rv_error *err)
{
	sqlite3_stmt *st = NULL;
	struct rekeyed *v = NULL;
	size_t n = 0, cap = 0;
	int rc = RV_OK, step;
	if (sqlite3_prepare_v2(s->db, "SELECT rowid, name, type, key FROM entities", -1, &st, NULL))
		return db_fail(s, err, "keying the entities again");
	while (rc == RV_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *type = (const char *)sqlite3_column_text(st, 2);
		const char *old = (const char *)sqlite3_column_text(st, 3);
		char key[RV_ENTITY_KEY_MAX];
		size_t len = name ? rv_entity_key(name, type, key, sizeof key) : 0;
		bool same = !old ? !len : len && strlen(old) == len && !memcmp(old, key, len);
		if (same)
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 256;
			struct rekeyed *more = realloc(v, c * sizeof *v);
			if (!more) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			v = more;
			cap = c;
		}
		v[n].rowid = sqlite3_column_int64(st, 0);
		v[n].key = len ? strndup(key, len) : NULL;
		if (len && !v[n].key) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			break;
		}
		n++;
	}
	if (rc == RV_OK && step != SQLITE_DONE)
		rc = db_fail(s, err, "keying the entities again");
	sqlite3_finalize(st);
	st = NULL;
	if (rc == RV_OK && n &&
	    sqlite3_prepare_v2(s->db, "UPDATE entities SET key = ?1 WHERE rowid = ?2", -1, &st, NULL))
		rc = db_fail(s, err, "keying the entities again");
	for (size_t i = 0; i < n && rc == RV_OK; i++) {
		sqlite3_reset(st);
		if (v[i].key)
			sqlite3_bind_text(st, 1, v[i].key, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 1);
		sqlite3_bind_int64(st, 2, v[i].rowid);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err, "keying the entities again");
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	return rc;
}

/* Keys stored by a revue whose gazetteer (or folding) keys names otherwise
 * would split one entity between the old key and the new, once this revue
 * adds rows: they are computed again, in one transaction, when this revue
 * opens the store to write. Only the rows whose key changes are written. */
static int rekey_entities(rv_store *s, rv_error *err)
{
	int64_t have;
	if (stored_key_rules(s, &have, err))
		return RV_EDB;
	if (have == rv_entity_key_rules())
		return RV_OK;
	if (exec(s, "BEGIN IMMEDIATE", err))
		return RV_EDB;
	/* another revue may have done it while this one waited for the lock */
	int rc = stored_key_rules(s, &have, err);
	if (!rc && have != rv_entity_key_rules())
		rc = rekey_rows(s, err);
	if (!rc && have != rv_entity_key_rules())
		rc = exec(s, "INSERT OR REPLACE INTO group_meta (key, value)"
			     " VALUES ('entity_key_rules', rv_entity_key_rules());", err);
	if (rc) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return RV_EDB;
	}
	return exec(s, "COMMIT", err);
}

/* A reader (revue serve, stories, entities) meeting a store an older revue
 * wrote upgrades it once, through a writing connection of its own, before
 * it reads: its queries need the current schema. A file revue never wrote
 * (version 0) is left alone, and so is a newer store (read as before).
 * Keys made under other rules are left to the next writer: a reader only
 * reads them, and two builds reading one store must not rewrite it in
 * turn. */
static int upgrade_for_reading(const char *path, rv_error *err)
{
	rv_store *w = NULL;
	int rc = rv_store_open(path, false, &w, err);
	rv_store_close(&w);
	if (rc && err) {
		char why[sizeof err->msg];
		snprintf(why, sizeof why, "%s", err->msg);
		return rv_fail(err, RV_EDB,
			       "%s: this store was written by an older revue and must be upgraded once"
			       " by a revue that can write to it (%s)",
			       path, why);
	}
	return rc ? RV_EDB : RV_OK;
}

int rv_store_open(const char *path, bool read_only, rv_store **out, rv_error *err)
{
	*out = NULL;
	rv_store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rv_fail(err, RV_EDB, "%s: cannot open the store: %s", path,
			s->db ? sqlite3_errmsg(s->db) : "out of memory");
		rv_store_close(&s);
		return RV_EDB;
	}
	sqlite3_busy_timeout(s->db, 10000);
	if (register_functions(s->db)) {
		rv_fail(err, RV_EDB, "%s: cannot register the search tokenizer and SQL functions", path);
		rv_store_close(&s);
		return RV_EDB;
	}
	if (!read_only) {
		/* WAL + NORMAL: a crash may lose the last commit, never corrupts. */
		if (exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
			    " PRAGMA foreign_keys = ON;", err) ||
		    migrate(s, err) || rekey_entities(s, err)) {
			rv_store_close(&s);
			return RV_EDB;
		}
	} else {
		int v;
		if (schema_version(s, &v, err) ||
		    (v > 0 && v < RV_SCHEMA_VERSION && upgrade_for_reading(path, err))) {
			rv_store_close(&s);
			return RV_EDB;
		}
	}
	exec(s, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;", NULL);
	*out = s;
	return RV_OK;
}

void rv_store_close(rv_store **sp)
{
	if (!sp || !*sp)
		return;
	rv_store *s = *sp;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
	*sp = NULL;
}

/* A statement left on a row keeps its read snapshot open after COMMIT; if
 * another writer (`revue watch`, a second ingest) commits meanwhile, BEGIN
 * IMMEDIATE on that stale snapshot fails at once with SQLITE_BUSY_SNAPSHOT
 * ("database is locked", no waiting can help). The store's own statements
 * are one-shot lookups: none is read across a transaction's start, so they
 * are all reset here, and the lookups reset themselves besides. */
int rv_store_begin(rv_store *s, rv_error *err)
{
	s->fts_from = 0;
	for (int i = 0; i < ST_COUNT; i++)
		if (s->stmt[i])
			sqlite3_reset(s->stmt[i]);
	return exec(s, "BEGIN IMMEDIATE", err);
}

/* The articles stored since fts_from go into the search index in one
 * statement. FTS5 writes its pending terms out at every statement that
 * touches it, so indexing each article as it was inserted (a trigger, as
 * before schema 5) wrote one tiny segment per article and spent its time
 * merging them. Same transaction, so a crash keeps both or neither. */
static int index_pending(rv_store *s, rv_error *err)
{
	if (!s->fts_from)
		return RV_OK;
	sqlite3_stmt *st = stmt(s, ST_INDEX_FROM, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, s->fts_from);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "indexing articles for search");
	s->fts_from = 0;
	return RV_OK;
}

int rv_store_commit(rv_store *s, rv_error *err)
{
	int rc = index_pending(s, err);
	if (rc) {
		rv_store_rollback(s);
		return rc;
	}
	return exec(s, "COMMIT", err);
}

void rv_store_rollback(rv_store *s)
{
	s->fts_from = 0;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

int rv_store_has_article(rv_store *s, const rv_article *a, bool *found, rv_error *err)
{
	sqlite3_stmt *st = stmt(s, ST_HAS_ARTICLE, err);
	if (!st)
		return RV_EDB;
	char *key = NULL;
	if (a->url && !(key = url_key(a->url)))
		return rv_fail(err, RV_ENOMEM, "out of memory");
	bind_text(st, 1, a->ref);
	bind_text(st, 2, a->content_hash);
	bind_text(st, 3, key);
	bind_text(st, 4, a->source);
	bind_text(st, 5, a->title);
	const char *slash = a->ref ? strrchr(a->ref, '/') : NULL;
	bind_text(st, 6, slash ? slash + 1 : a->ref);
	int rc = sqlite3_step(st);
	free(key); /* bound as a copy */
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, err, "looking up a ref");
	*found = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return RV_OK;
}

int rv_store_find_original(rv_store *s, const char *hash, int64_t *id, int64_t *event,
			   int64_t *storyline, int64_t *published, rv_error *err)
{
	sqlite3_stmt *st = stmt(s, ST_FIND_ORIGINAL, err);
	if (!st)
		return RV_EDB;
	bind_text(st, 1, hash);
	int rc = sqlite3_step(st);
	*id = *event = *storyline = *published = 0;
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*event = sqlite3_column_int64(st, 1);
		*storyline = sqlite3_column_int64(st, 2);
		*published = rv_date_iso_epoch((const char *)sqlite3_column_text(st, 3));
	} else if (rc != SQLITE_DONE) {
		return db_fail(s, err, "looking up a content hash");
	}
	sqlite3_reset(st); /* no read snapshot held past this lookup (see rv_store_begin) */
	return RV_OK;
}

int rv_store_grouping_of(rv_store *s, int64_t id, int64_t *event, int64_t *storyline, rv_error *err)
{
	sqlite3_stmt *st = stmt(s, ST_GROUPING_OF, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*event = *storyline = 0;
	if (rc == SQLITE_ROW) {
		*event = sqlite3_column_int64(st, 0);
		*storyline = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		return db_fail(s, err, "looking up an article's event");
	}
	sqlite3_reset(st);
	return RV_OK;
}

/* s as a JSON string, escaped as jansson's dump escapes it (the readers
 * parse it with jansson). */
static int put_json_string(rv_buf *b, const char *s, size_t n)
{
	int rc = rv_buf_putc(b, '"');
	size_t from = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		char esc[8] = { '\\', (char)c, '\0' };
		switch (c) {
		case '"':
		case '\\':
			break;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
		}
		rc = rv_buf_append(b, s + from, i - from);
		if (!rc)
			rc = rv_buf_puts(b, esc);
		from = i + 1;
	}
	if (!rc)
		rc = rv_buf_append(b, s + from, n - from);
	return rc ? rc : rv_buf_putc(b, '"');
}

/* The list as the JSON array jansson's json_dumps(JSON_COMPACT) wrote, byte
 * for byte, and as it did a string that is not valid UTF-8 is left out
 * (json_string() refused it). Written here because building jansson's tree
 * and dumping it through its callback a character at a time took a
 * fiftieth of an ingest: every article's paragraphs are stored this way. */
static char *list_json(const rv_strlist *l)
{
	if (!l->len)
		return NULL;
	rv_buf b;
	rv_buf_init(&b, RV_BUF_DEFAULT_MAX);
	int rc = rv_buf_putc(&b, '[');
	bool first = true;
	for (size_t i = 0; !rc && i < l->len; i++) {
		const char *s = l->items[i];
		size_t n = s ? strlen(s) : 0;
		if (!s || !rv_utf8_valid(s, n))
			continue;
		if (!first)
			rc = rv_buf_putc(&b, ',');
		first = false;
		if (!rc)
			rc = put_json_string(&b, s, n);
	}
	if (!rc)
		rc = rv_buf_putc(&b, ']');
	if (rc) {
		rv_buf_release(&b);
		return NULL;
	}
	return rv_buf_detach(&b);
}

static void list_from_json(const char *text, rv_strlist *l)
{
	if (!text)
		return;
	json_t *arr = json_loads(text, 0, NULL);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (json_is_string(v))
			rv_strlist_push(l, json_string_value(v));
	}
	json_decref(arr);
}

static int insert_analysis(rv_store *s, const rv_article *a, rv_error *err)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		const rv_entity *e = &a->entities[i];
		sqlite3_stmt *st = stmt(s, ST_INSERT_ENTITY, err);
		if (!st)
			return RV_EDB;
		char *aliases = list_json(&e->aliases);
		char key[RV_ENTITY_KEY_MAX];
		size_t key_len = e->name ? rv_entity_key(e->name, e->type, key, sizeof key) : 0;
		sqlite3_bind_int64(st, 1, a->id);
		bind_text(st, 2, e->name);
		bind_text(st, 3, e->type);
		bind_text(st, 4, aliases);
		sqlite3_bind_int(st, 5, e->count);
		if (key_len)
			sqlite3_bind_text(st, 6, key, (int)key_len, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		free(aliases);
		if (rc != SQLITE_DONE)
			return db_fail(s, err, "storing an entity");
	}
	for (size_t i = 0; i < a->n_quotes; i++) {
		const rv_quote *q = &a->quotes[i];
		sqlite3_stmt *st = stmt(s, ST_INSERT_QUOTE, err);
		if (!st)
			return RV_EDB;
		sqlite3_bind_int64(st, 1, a->id);
		bind_text(st, 2, q->text);
		bind_text(st, 3, q->speaker);
		bind_text(st, 4, q->role);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(s, err, "storing a quote");
	}
	for (size_t i = 0; i < a->n_figures; i++) {
		const rv_figure *f = &a->figures[i];
		sqlite3_stmt *st = stmt(s, ST_INSERT_FIGURE, err);
		if (!st)
			return RV_EDB;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_double(st, 2, f->value);
		sqlite3_bind_double(st, 3, f->value_max);
		bind_text(st, 4, f->unit);
		bind_text(st, 5, f->qualifier);
		bind_text(st, 6, f->text);
		bind_text(st, 7, f->context);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(s, err, "storing a figure");
	}
	return RV_OK;
}

int rv_store_insert_article(rv_store *s, rv_article *a, rv_error *err)
{
	sqlite3_stmt *st = stmt(s, ST_INSERT_ARTICLE, err);
	if (!st)
		return RV_EDB;
	/* a duplicate's text is its original's, unless it adds to it */
	bool dup = a->duplicate_of != 0 && !a->duplicate_adds_text;
	char *authors = list_json(&a->authors);
	char *tags = list_json(&a->tags);
	char *paragraphs = dup ? NULL : list_json(&a->paragraphs);
	rv_date d;
	bind_text(st, 1, a->ref);
	bind_text(st, 2, a->content_hash);
	bind_text(st, 3, a->url);
	bind_text(st, 4, a->source);
	bind_text(st, 5, a->title);
	bind_text(st, 6, dup ? NULL : a->description);
	bind_text(st, 7, a->published);
	if (a->published && rv_date_parse_iso(a->published, &d))
		sqlite3_bind_int64(st, 8, rv_date_days(&d));
	bind_text(st, 9, a->published_source);
	sqlite3_bind_int(st, 10, a->published_inferred);
	bind_text(st, 11, a->modified);
	bind_text(st, 12, a->fetched_at);
	bind_text(st, 13, a->lang);
	bind_text(st, 14, a->image);
	bind_text(st, 15, authors);
	bind_text(st, 16, tags);
	bind_text(st, 17, dup ? NULL : a->text);
	bind_text(st, 18, paragraphs);
	bind_id(st, 19, a->duplicate_of);
	if (a->duplicate_of)
		sqlite3_bind_double(st, 20, a->duplicate_similarity);
	bind_id(st, 21, a->event);
	bind_id(st, 22, a->storyline);
	sqlite3_bind_double(st, 23, a->event_similarity);
	int rc = sqlite3_step(st);
	free(authors);
	free(tags);
	free(paragraphs);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "storing an article");
	a->id = sqlite3_last_insert_rowid(s->db);
	if (!s->fts_from)
		s->fts_from = a->id;
	/* Outside a transaction, nothing would index it later. */
	if (sqlite3_get_autocommit(s->db) && (rc = index_pending(s, err)))
		return rc;
	return dup ? RV_OK : insert_analysis(s, a, err);
}

int rv_store_supersede(rv_store *s, int64_t old, const rv_article *page, double similarity,
		       bool adds_text, bool *superseded, rv_error *err)
{
	/* Its text stays (a duplicate reads its own text first), so the search
	 * index, filled at commit, is not touched: only pointers change. */
	static const enum stmt_id steps[] = { ST_SUPERSEDE, ST_DROP_ENTITIES, ST_DROP_QUOTES,
					      ST_DROP_FIGURES };
	*superseded = false;
	size_t n_steps = adds_text ? 1 : sizeof steps / sizeof *steps;
	for (size_t i = 0; i < n_steps; i++) {
		sqlite3_stmt *st = stmt(s, steps[i], err);
		if (!st)
			return RV_EDB;
		sqlite3_bind_int64(st, 1, old);
		if (i == 0) {
			sqlite3_bind_int64(st, 2, page->id);
			sqlite3_bind_double(st, 3, similarity);
			bind_id(st, 4, page->event);
			bind_id(st, 5, page->storyline);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, err, "marking a superseded original as a duplicate");
		/* no such original (it is a duplicate already): its analysis
		 * rows are not ours to drop */
		if (i == 0 && !sqlite3_changes(s->db))
			return RV_OK;
	}
	*superseded = true;
	return RV_OK;
}

/* An event the grouper merged into another: its articles move over. */
static int merge_event(rv_store *s, const rv_event *ev, rv_error *err)
{
	static const enum stmt_id steps[] = { ST_MERGE_MOVE, ST_MERGE_DROP };
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		sqlite3_stmt *st = stmt(s, steps[i], err);
		if (!st)
			return RV_EDB;
		sqlite3_bind_int64(st, 1, ev->id);
		if (steps[i] == ST_MERGE_MOVE) {
			sqlite3_bind_int64(st, 2, ev->merged_into);
			bind_id(st, 3, ev->storyline);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s, err, "merging events");
	}
	return RV_OK;
}

int rv_store_save_event(rv_store *s, const rv_event *ev, rv_error *err)
{
	if (ev->merged_into)
		return merge_event(s, ev, err);
	sqlite3_stmt *st = stmt(s, ST_SAVE_EVENT, err);
	if (!st)
		return RV_EDB;
	json_t *arr = json_array();
	for (size_t i = 0; i < ev->n_centroid; i++)
		json_array_append_new(arr, json_pack("[sf]", ev->centroid[i].term,
						     (double)ev->centroid[i].weight));
	char *centroid = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	sqlite3_bind_int64(st, 1, ev->id);
	bind_id(st, 2, ev->storyline);
	if (ev->first_day != RV_NO_DAY) {
		sqlite3_bind_int64(st, 3, ev->first_day);
		sqlite3_bind_int64(st, 4, ev->last_day);
	}
	sqlite3_bind_int(st, 5, ev->n_articles);
	bind_text(st, 6, ev->title);
	bind_text(st, 7, centroid);
	sqlite3_bind_int(st, 8, (int)(ev->weekdays & 0x7f));
	int rc = sqlite3_step(st);
	free(centroid);
	return rc == SQLITE_DONE ? RV_OK : db_fail(s, err, "storing an event");
}

int rv_store_load_events(rv_store *s, int window_days, rv_event_fn fn, void *ctx, rv_error *err)
{
	sqlite3_stmt *st;
	const char *sql = "SELECT id, storyline, first_day, last_day, n_articles, title, centroid,"
			  " weekdays FROM events WHERE last_day IS NULL OR last_day >="
			  " (SELECT MAX(last_day) FROM events) - ?1 ORDER BY id";
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
		return db_fail(s, err, "loading events");
	sqlite3_bind_int(st, 1, window_days);
	int rc = RV_OK, step;
	while (rc == RV_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		rv_event ev = { 0 };
		ev.id = sqlite3_column_int64(st, 0);
		ev.storyline = sqlite3_column_int64(st, 1);
		ev.first_day = sqlite3_column_type(st, 2) == SQLITE_NULL ? RV_NO_DAY : sqlite3_column_int64(st, 2);
		ev.last_day = sqlite3_column_type(st, 3) == SQLITE_NULL ? RV_NO_DAY : sqlite3_column_int64(st, 3);
		ev.n_articles = sqlite3_column_int(st, 4);
		ev.title = (char *)sqlite3_column_text(st, 5);
		ev.weekdays = (unsigned)sqlite3_column_int(st, 7) & 0x7f;
		json_t *arr = json_loads((const char *)sqlite3_column_text(st, 6), 0, NULL);
		size_t n = json_array_size(arr);
		rv_term *terms = n ? calloc(n, sizeof *terms) : NULL;
		for (size_t i = 0; terms && i < n; i++) {
			json_t *pair = json_array_get(arr, i);
			terms[i].term = (char *)json_string_value(json_array_get(pair, 0));
			terms[i].weight = (float)json_number_value(json_array_get(pair, 1));
		}
		ev.centroid = terms;
		ev.n_centroid = terms ? n : 0;
		rc = fn(&ev, ctx); /* borrowed strings: fn copies what it keeps */
		free(terms);
		json_decref(arr);
	}
	/* a read error must not pass for the end of the events */
	if (rc == RV_OK && step != SQLITE_DONE)
		rc = db_fail(s, err, "loading events");
	sqlite3_finalize(st);
	return rc;
}

int rv_store_next_ids(rv_store *s, int64_t *next_event, int64_t *next_storyline, rv_error *err)
{
	sqlite3_stmt *st;
	const char *sql = "SELECT MAX(COALESCE((SELECT MAX(id) FROM events), 0),"
			  " COALESCE((SELECT MAX(event) FROM articles), 0)),"
			  " MAX(COALESCE((SELECT MAX(storyline) FROM events), 0),"
			  " COALESCE((SELECT MAX(storyline) FROM articles), 0))";
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
		return db_fail(s, err, "reading ids");
	*next_event = *next_storyline = 1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*next_event = sqlite3_column_int64(st, 0) + 1;
		*next_storyline = sqlite3_column_int64(st, 1) + 1;
	}
	sqlite3_finalize(st);
	return RV_OK;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v && *v ? strdup((const char *)v) : NULL;
}

/* A copy shows its original's analysis, unless it has its own: a near copy
 * that adds a paragraph keeps its rows (its added words are counted), a
 * plain copy or a teaser has none. */
static int analysis_owner(rv_store *s, const rv_article *a, int64_t *id, rv_error *err)
{
	*id = a->id;
	if (!a->duplicate_of)
		return RV_OK;
	sqlite3_stmt *st = stmt(s, ST_HAS_ANALYSIS, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, a->id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(s, err, "reading an article's analysis");
	if (!sqlite3_column_int(st, 0))
		*id = a->duplicate_of;
	sqlite3_reset(st); /* done: it holds no read open */
	return RV_OK;
}

static int read_analysis(rv_store *s, rv_article *a, rv_error *err)
{
	int64_t id;
	int rc = analysis_owner(s, a, &id, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = stmt(s, ST_GET_ENTITIES, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (a->n_entities == cap) {
			cap = cap ? cap * 2 : 8;
			rv_entity *p = realloc(a->entities, cap * sizeof *p);
			if (!p)
				return rv_fail(err, RV_ENOMEM, "out of memory");
			a->entities = p;
		}
		rv_entity *e = &a->entities[a->n_entities++];
		memset(e, 0, sizeof *e);
		e->name = col_dup(st, 0);
		e->type = col_dup(st, 1);
		list_from_json((const char *)sqlite3_column_text(st, 2), &e->aliases);
		e->count = sqlite3_column_int(st, 3);
	}
	st = stmt(s, ST_GET_QUOTES, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (a->n_quotes == cap) {
			cap = cap ? cap * 2 : 8;
			rv_quote *p = realloc(a->quotes, cap * sizeof *p);
			if (!p)
				return rv_fail(err, RV_ENOMEM, "out of memory");
			a->quotes = p;
		}
		rv_quote *q = &a->quotes[a->n_quotes++];
		memset(q, 0, sizeof *q);
		q->text = col_dup(st, 0);
		q->speaker = col_dup(st, 1);
		q->role = col_dup(st, 2);
	}
	st = stmt(s, ST_GET_FIGURES, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (a->n_figures == cap) {
			cap = cap ? cap * 2 : 8;
			rv_figure *p = realloc(a->figures, cap * sizeof *p);
			if (!p)
				return rv_fail(err, RV_ENOMEM, "out of memory");
			a->figures = p;
		}
		rv_figure *f = &a->figures[a->n_figures++];
		memset(f, 0, sizeof *f);
		f->value = sqlite3_column_double(st, 0);
		f->value_max = sqlite3_column_double(st, 1);
		f->unit = col_dup(st, 2);
		f->qualifier = col_dup(st, 3);
		f->text = col_dup(st, 4);
		f->context = col_dup(st, 5);
	}
	return RV_OK;
}

int rv_store_get_article(rv_store *s, int64_t id, rv_article *a, rv_error *err)
{
	sqlite3_stmt *st = stmt(s, ST_GET_ARTICLE, err);
	if (!st)
		return RV_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return rv_fail(err, RV_EINPUT, "no article %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(s, err, "reading an article");
	a->id = sqlite3_column_int64(st, 0);
	a->ref = col_dup(st, 1);
	a->content_hash = col_dup(st, 2);
	a->url = col_dup(st, 3);
	a->source = col_dup(st, 4);
	a->title = col_dup(st, 5);
	a->description = col_dup(st, 6);
	a->published = col_dup(st, 7);
	a->published_source = col_dup(st, 8);
	a->published_inferred = sqlite3_column_int(st, 9) != 0;
	a->modified = col_dup(st, 10);
	a->fetched_at = col_dup(st, 11);
	a->lang = col_dup(st, 12);
	a->image = col_dup(st, 13);
	list_from_json((const char *)sqlite3_column_text(st, 14), &a->authors);
	list_from_json((const char *)sqlite3_column_text(st, 15), &a->tags);
	a->text = col_dup(st, 16);
	list_from_json((const char *)sqlite3_column_text(st, 17), &a->paragraphs);
	a->duplicate_of = sqlite3_column_int64(st, 18);
	a->duplicate_similarity = sqlite3_column_double(st, 19);
	a->event = sqlite3_column_int64(st, 20);
	a->storyline = sqlite3_column_int64(st, 21);
	a->event_similarity = sqlite3_column_double(st, 22);
	sqlite3_reset(st);
	return read_analysis(s, a, err);
}

int rv_store_each_article(rv_store *s, const rv_filter *f, rv_article_fn fn, void *ctx, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 4096);
	rv_buf_puts(&sql, "SELECT a.id FROM articles a WHERE 1");
	rv__filter_sql(&sql, f);
	rv_buf_puts(&sql, " ORDER BY a.id LIMIT ? OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return db_fail(s, err, "listing articles");
	int i = rv__filter_bind(st, 1, f);
	sqlite3_bind_int(st, i++, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, i, f->offset);
	rc = RV_OK;
	while (rc == RV_OK && sqlite3_step(st) == SQLITE_ROW) {
		rv_article a;
		rv_article_init(&a);
		rc = rv_store_get_article(s, sqlite3_column_int64(st, 0), &a, err);
		if (rc == RV_OK)
			rc = fn(&a, ctx);
		rv_article_release(&a);
	}
	sqlite3_finalize(st);
	return rc;
}

void rv_story_release(rv_story *st)
{
	free(st->title);
	free(st->first);
	free(st->last);
	rv_strlist_release(&st->langs);
	rv_strlist_release(&st->sources);
	memset(st, 0, sizeof *st);
}

static const char story_select[] =
	"SELECT a.event, MAX(a.storyline),"
	" COALESCE((SELECT title FROM events e WHERE e.id = a.event),"
	"          (SELECT title FROM articles t WHERE t.event = a.event ORDER BY t.id LIMIT 1)),"
	" COALESCE(MIN(substr(a.published, 1, 10)), ''), COALESCE(MAX(substr(a.published, 1, 10)), ''),"
	" COUNT(*), COUNT(DISTINCT " RV_OUTLET_LABEL_SQL("a") "),"
	" (SELECT json_group_array(DISTINCT l.lang) FROM articles l WHERE l.event = a.event AND l.lang IS NOT NULL),"
	" (SELECT json_group_array(DISTINCT " RV_OUTLET_LABEL_SQL("o") ") FROM articles o WHERE o.event = a.event)"
	" FROM articles a";

static void story_from_row(sqlite3_stmt *st, rv_story *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	out->storyline = sqlite3_column_int64(st, 1);
	out->title = col_dup(st, 2);
	out->first = col_dup(st, 3);
	out->last = col_dup(st, 4);
	out->n_articles = sqlite3_column_int(st, 5);
	out->n_sources = sqlite3_column_int(st, 6);
	list_from_json((const char *)sqlite3_column_text(st, 7), &out->langs);
	list_from_json((const char *)sqlite3_column_text(st, 8), &out->sources);
}

int rv_store_each_story(rv_store *s, const rv_filter *f, rv_story_fn fn, void *ctx, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 8192);
	rv_buf_puts(&sql, story_select);
	rv_buf_puts(&sql, " WHERE a.event IS NOT NULL");
	rv__filter_sql(&sql, f);
	rv_buf_puts(&sql, " GROUP BY a.event"
			  " ORDER BY MAX(a.published) IS NULL, MAX(substr(a.published, 1, 10)) DESC,"
			  " COUNT(*) DESC, a.event DESC LIMIT ? OFFSET ?");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return db_fail(s, err, "listing stories");
	int i = rv__filter_bind(st, 1, f);
	sqlite3_bind_int(st, i++, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, i, f->offset);
	rc = RV_OK;
	while (rc == RV_OK && sqlite3_step(st) == SQLITE_ROW) {
		rv_story story;
		story_from_row(st, &story);
		rc = fn(&story, ctx);
		rv_story_release(&story);
	}
	sqlite3_finalize(st);
	return rc;
}

int rv_store_get_story(rv_store *s, int64_t id, rv_story *out, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 8192);
	rv_buf_puts(&sql, story_select);
	rv_buf_puts(&sql, " WHERE a.event = ?1 GROUP BY a.event");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, &st, NULL);
	rv_buf_release(&sql);
	if (rc)
		return db_fail(s, err, "reading a story");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		story_from_row(st, out);
		rc = RV_OK;
	} else {
		rc = rv_fail(err, RV_EINPUT, "no story %lld", (long long)id);
	}
	sqlite3_finalize(st);
	return rc;
}
