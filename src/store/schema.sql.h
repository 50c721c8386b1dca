/* schema.sql.h - the store's schema, one migration per version (internal).
 * Append new migrations; never edit one that has shipped. */
#ifndef RV_STORE_SCHEMA_H
#define RV_STORE_SCHEMA_H

static const char *const rv_migrations[] = {
	/* 1: articles, events, analysis results */
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  ref TEXT NOT NULL,"
	"  content_hash TEXT NOT NULL,"
	"  url TEXT, source TEXT, title TEXT, description TEXT,"
	"  published TEXT, published_day INTEGER, published_source TEXT,"
	"  published_inferred INTEGER NOT NULL DEFAULT 0,"
	"  modified TEXT, fetched_at TEXT, lang TEXT, image TEXT,"
	"  authors TEXT, tags TEXT,"       /* JSON arrays */
	"  text TEXT, paragraphs TEXT,"    /* NULL for duplicates */
	"  duplicate_of INTEGER REFERENCES articles(id),"
	"  duplicate_similarity REAL,"
	"  event INTEGER, storyline INTEGER, event_similarity REAL,"
	"  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
	");"
	"CREATE UNIQUE INDEX articles_ref_hash ON articles(ref, content_hash);"
	"CREATE INDEX articles_hash ON articles(content_hash) WHERE duplicate_of IS NULL;"
	"CREATE INDEX articles_event ON articles(event);"
	"CREATE INDEX articles_storyline ON articles(storyline);"
	"CREATE INDEX articles_published ON articles(published_day);"
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  storyline INTEGER,"
	"  first_day INTEGER, last_day INTEGER,"
	"  n_articles INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT,"
	"  centroid TEXT"                  /* JSON [[term, weight], ...] */
	");"
	"CREATE INDEX events_last_day ON events(last_day);"
	"CREATE TABLE entities ("
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  name TEXT NOT NULL, type TEXT, aliases TEXT, count INTEGER"
	");"
	"CREATE INDEX entities_article ON entities(article);"
	"CREATE INDEX entities_name ON entities(name);"
	"CREATE TABLE quotes ("
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  text TEXT NOT NULL, speaker TEXT, role TEXT"
	");"
	"CREATE INDEX quotes_article ON quotes(article);"
	"CREATE TABLE figures ("
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  value REAL, value_max REAL, unit TEXT, qualifier TEXT, text TEXT, context TEXT"
	");"
	"CREATE INDEX figures_article ON figures(article);",
	/* 2: full-text search (placeholder until search lands) */
	"SELECT 1;",
	/* 3: watch state: feeds, items, fetches (placeholder until watch lands) */
	"SELECT 1;",
	/* 4: grouping state: document frequencies (the IDF) and counters */
	"CREATE TABLE group_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE group_meta (key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;",
};

#define RV_SCHEMA_VERSION ((int)(sizeof rv_migrations / sizeof *rv_migrations))

#endif
