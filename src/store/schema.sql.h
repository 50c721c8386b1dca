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
	/* 2: full-text search (src/store/search.c). An external-content FTS5
	 * table over a view that prefixes each column with the language marker
	 * the "revue" tokenizer reads (\x01 LANG \x01); triggers keep it in step. */
	"CREATE VIEW articles_fts_src AS SELECT id,"
	"  char(1) || COALESCE(lang, '') || char(1) || COALESCE(title, '') AS title,"
	"  char(1) || COALESCE(lang, '') || char(1) || COALESCE(text, '') AS text"
	"  FROM articles;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
	"  content = 'articles_fts_src', content_rowid = 'id', tokenize = 'revue');"
	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id,"
	"    char(1) || COALESCE(new.lang, '') || char(1) || COALESCE(new.title, ''),"
	"    char(1) || COALESCE(new.lang, '') || char(1) || COALESCE(new.text, ''));"
	"END;"
	"CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id,"
	"    char(1) || COALESCE(old.lang, '') || char(1) || COALESCE(old.title, ''),"
	"    char(1) || COALESCE(old.lang, '') || char(1) || COALESCE(old.text, ''));"
	"END;"
	"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text, lang ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id,"
	"    char(1) || COALESCE(old.lang, '') || char(1) || COALESCE(old.title, ''),"
	"    char(1) || COALESCE(old.lang, '') || char(1) || COALESCE(old.text, ''));"
	"  INSERT INTO articles_fts (rowid, title, text) VALUES (new.id,"
	"    char(1) || COALESCE(new.lang, '') || char(1) || COALESCE(new.title, ''),"
	"    char(1) || COALESCE(new.lang, '') || char(1) || COALESCE(new.text, ''));"
	"END;"
	"INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
	/* which terms the index holds: query words are expanded to those only */
	"CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');"
	/* the API lists stories by their last day: a covering index lets the
	 * page of event ids come from an index scan */
	"CREATE INDEX articles_event_published ON articles(event, published);",
	/* 3: watch state: feeds polled, items seen in them, pages fetched.
	 * Times are epoch seconds. A page's state is new, done, failed (retry
	 * at next_try), gone (permanent failure) or blocked (robots.txt). */
	"CREATE TABLE watch_feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  kind TEXT,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  discovered_from INTEGER,"
	"  etag TEXT, last_modified TEXT,"
	"  interval INTEGER NOT NULL DEFAULT 600,"
	"  next_poll INTEGER NOT NULL DEFAULT 0,"
	"  last_poll INTEGER, last_change INTEGER,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT"
	");"
	"CREATE TABLE watch_items ("
	"  feed INTEGER NOT NULL REFERENCES watch_feeds(id),"
	"  guid TEXT NOT NULL,"
	"  url TEXT,"
	"  title TEXT, published TEXT,"
	"  revisions INTEGER NOT NULL DEFAULT 0,"
	"  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
	"  PRIMARY KEY (feed, guid)"
	");"
	"CREATE INDEX watch_items_url ON watch_items(url);"
	"CREATE TABLE watch_pages ("
	"  url TEXT PRIMARY KEY,"
	"  feed INTEGER,"
	"  title TEXT, published TEXT,"
	"  state TEXT NOT NULL DEFAULT 'new',"
	"  tries INTEGER NOT NULL DEFAULT 0,"
	"  next_try INTEGER NOT NULL DEFAULT 0,"
	"  http_status INTEGER, last_error TEXT,"
	"  article INTEGER,"
	"  fetched_at INTEGER,"
	"  added_at INTEGER NOT NULL"
	");"
	"CREATE INDEX watch_pages_todo ON watch_pages(state, next_try);",
	/* 4: grouping state: document frequencies (the IDF) and counters */
	"CREATE TABLE group_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE group_meta (key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;",
	/* 5: new articles enter the search index once per transaction, from
	 * rv_store_commit() (a trigger indexed each row on its own); the
	 * update and delete triggers stay. */
	"DROP TRIGGER articles_fts_ai;",
	/* 6: the days of the week an event's articles name (rv_event.weekdays),
	 * so the grouper still reads them after a restart */
	"ALTER TABLE events ADD COLUMN weekdays INTEGER NOT NULL DEFAULT 0;",
	/* 7: ingest asks whether a text is stored already under the same URL,
	 * outlet and title, duplicates included: the hash index covers all rows */
	"DROP INDEX articles_hash;"
	"CREATE INDEX articles_hash ON articles(content_hash);",
	/* 8: each entity row's key, rv_entity_key(name, type), which the
	 * entity lists group by (browse.c, story_facts.c): computed once at
	 * insert instead of for every row of every listing, and one key for
	 * the CLI and the API. NULL for a name with no key (one too long to
	 * fold), which no list shows. The rows of an older store are keyed
	 * here; group_meta 'entity_key_rules' holds rv_entity_key_rules() of
	 * the keys, so that a revue whose gazetteer keys names otherwise keys
	 * them again on open (sqlite.c, rekey_entities). */
	"ALTER TABLE entities ADD COLUMN key TEXT;"
	"UPDATE entities SET key = rv_entity_key(name, type);"
	"CREATE INDEX entities_key ON entities(key, article);"
	"INSERT OR REPLACE INTO group_meta (key, value) VALUES ('entity_key_rules', rv_entity_key_rules());",
};

#define RV_SCHEMA_VERSION ((int)(sizeof rv_migrations / sizeof *rv_migrations))

#endif
