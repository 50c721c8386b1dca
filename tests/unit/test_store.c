/* Tests of src/store and src/pipeline: round trips, idempotence, duplicates. */
#include "test.h"
#include "db_helper.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "store/entity_list.h"
#include "store/schema.sql.h"
#include "analyze/ner_names.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

static rv_record text_record(const char *ref, const char *text)
{
	rv_record r = { 0 };
	r.ref = ref;
	r.data = text;
	r.len = strlen(text);
	r.format = RV_FORMAT_TEXT;
	r.plain = true;
	return r;
}

TEST(store_article_round_trip)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-store-test");
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	a.ref = strdup("r1");
	a.content_hash = strdup("00ff");
	a.title = strdup("Un <titre> \"cité\"");
	a.published = strdup("2022-01-24T11:48+01:00");
	a.lang = strdup("fr");
	rv_strlist_push(&a.authors, "Victor Koulakov");
	rv_strlist_push(&a.paragraphs, "Premier paragraphe.");
	rv_strlist_push(&a.paragraphs, "Second.");
	rv_article_join_paragraphs(&a);
	a.n_quotes = 1;
	a.quotes = calloc(1, sizeof *a.quotes);
	a.quotes[0].text = strdup("aucune divergence");
	a.quotes[0].speaker = strdup("Ned Price");
	a.event = 3;
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	ASSERT(a.id > 0);
	rv_article b;
	rv_article_init(&b);
	ASSERT_EQ(rv_store_get_article(s, a.id, &b, &err), RV_OK);
	ASSERT_STR_EQ(b.title, a.title);
	ASSERT_STR_EQ(b.published, "2022-01-24T11:48+01:00");
	ASSERT_STR_EQ(b.text, "Premier paragraphe.\n\nSecond.");
	ASSERT_EQ(b.paragraphs.len, 2);
	ASSERT_STR_EQ(b.authors.items[0], "Victor Koulakov");
	ASSERT_EQ(b.n_quotes, 1);
	ASSERT_STR_EQ(b.quotes[0].speaker, "Ned Price");
	ASSERT_EQ(b.event, 3);
	ASSERT_EQ(rv_store_get_article(s, 999, &b, &err), RV_EINPUT);
	rv_article_release(&a);
	rv_article_release(&b);
	rv_store_close(&s);
	ASSERT(s == NULL);
	rv_store_close(&s); /* a no-op on NULL */
	test_db_remove(path);
}

/* Superseding an article that is no original (a duplicate already) changes
 * nothing: its analysis rows stay, and the caller is told. */
TEST(store_supersede_only_an_original)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-supersede-test");
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	rv_article page, old;
	rv_article_init(&page);
	rv_article_init(&old);
	page.ref = strdup("page");
	page.content_hash = strdup("aa01");
	rv_strlist_push(&page.paragraphs, "The page.");
	rv_article_join_paragraphs(&page);
	old.ref = strdup("old");
	old.content_hash = strdup("bb02");
	rv_strlist_push(&old.paragraphs, "The teaser.");
	rv_article_join_paragraphs(&old);
	old.n_quotes = 1;
	old.quotes = calloc(1, sizeof *old.quotes);
	old.quotes[0].text = strdup("we will rebuild the quay");
	old.quotes[0].speaker = strdup("Irena Castell");
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	ASSERT_EQ(rv_store_insert_article(s, &page, &err), RV_OK);
	ASSERT_EQ(rv_store_insert_article(s, &old, &err), RV_OK);
	bool done = false;
	ASSERT_EQ(rv_store_supersede(s, old.id, &page, 0.9, true, &done, &err), RV_OK);
	ASSERT(done);
	/* again, now that it is a duplicate: nothing to do, its quote stays */
	ASSERT_EQ(rv_store_supersede(s, old.id, &page, 0.9, false, &done, &err), RV_OK);
	ASSERT(!done);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	rv_article back;
	rv_article_init(&back);
	ASSERT_EQ(rv_store_get_article(s, old.id, &back, &err), RV_OK);
	ASSERT_EQ(back.duplicate_of, page.id);
	rv_article_release(&back);
	rv_store_close(&s);
	/* a duplicate is read with its original's analysis: count its own rows */
	sqlite3 *db;
	sqlite3_stmt *st;
	ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
	ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM quotes WHERE article = ?1", -1, &st, NULL),
		  SQLITE_OK);
	sqlite3_bind_int64(st, 1, old.id);
	ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
	ASSERT_EQ(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	rv_article_release(&page);
	rv_article_release(&old);
	test_db_remove(path);
}

TEST(pipeline_is_idempotent_and_marks_duplicates)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-store-test");
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	for (int round = 0; round < 2; round++) {
		rv_pipeline *p = NULL;
		ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
		rv_record r1 = text_record("a.txt", "Le port est bloqué.\nLes dockers sont en grève.");
		/* same words, other layout and punctuation: an exact duplicate */
		rv_record r2 = text_record("b.txt", "LE PORT est bloqué !\n\nLes dockers sont en grève");
		rv_record r3 = text_record("c.txt", "Tout autre chose ici.");
		int64_t id1, id2, id3;
		ASSERT_EQ(rv_pipeline_add(p, &r1, &id1, &err), RV_OK);
		ASSERT_EQ(rv_pipeline_add(p, &r2, &id2, &err), RV_OK);
		ASSERT_EQ(rv_pipeline_add(p, &r3, &id3, &err), RV_OK);
		const rv_pipeline_stats *st = rv_pipeline_stats_get(p);
		if (round == 0) {
			ASSERT_EQ(st->stored, 2);
			ASSERT_EQ(st->duplicates, 1);
			rv_article b;
			rv_article_init(&b);
			ASSERT_EQ(rv_pipeline_commit(p, &err), RV_OK);
			ASSERT_EQ(rv_store_get_article(s, id2, &b, &err), RV_OK);
			ASSERT_EQ(b.duplicate_of, id1);
			/* the duplicate reads its original's text */
			ASSERT_CONTAINS(b.text, "Les dockers");
			ASSERT_STR_EQ(b.ref, "b.txt");
			rv_article_release(&b);
		} else {
			ASSERT_EQ(st->unchanged, 3);
			ASSERT_EQ(st->stored, 0);
		}
		ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	}
	rv_store_close(&s);
	test_db_remove(path);
}

TEST(store_rejects_a_newer_schema)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-store-test");
	char cmd[400];
	snprintf(cmd, sizeof cmd, "sqlite3 %s 'PRAGMA user_version = 999'", path);
	ASSERT_EQ(system(cmd), 0);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_EDB);
	ASSERT_CONTAINS(err.msg, "newer");
	test_db_remove(path);
}

/* Two writers on one store (an ingest while `revue watch` runs): a lookup
 * that found a row (a duplicate's original, a ref stored already) was left
 * unreset, so the connection kept reading its old snapshot after COMMIT;
 * when the other writer committed in between, the next BEGIN IMMEDIATE
 * failed at once with "database is locked" (SQLITE_BUSY_SNAPSHOT: waiting
 * cannot help a stale snapshot) and the ingest stopped with exit status 3. */
TEST(second_writer_between_batches_does_not_lock_out_the_first)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-two-writers");
	rv_store *a = NULL, *b = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &a, &err), RV_OK);
	ASSERT_EQ(rv_store_open(path, false, &b, &err), RV_OK);
	rv_pipeline *pa = NULL, *pb = NULL;
	ASSERT_EQ(rv_pipeline_open(a, NULL, &pa, &err), RV_OK);
	rv_record r1 = text_record("a1.txt", "Le port est bloqué.\nLes dockers sont en grève.");
	rv_record r2 = text_record("a2.txt", "Le port est bloqué.\nLes dockers sont en grève.");
	rv_record r3 = text_record("a3.txt", "Le barrage de Lorvaux a cédé dans la nuit.");
	rv_record r4 = text_record("b1.txt", "La mine de Corvan ferme ses portes en juin.");
	int64_t id;
	ASSERT_EQ(rv_pipeline_add(pa, &r1, &id, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_add(pa, &r2, &id, &err), RV_OK); /* finds its original */
	ASSERT_EQ(rv_pipeline_commit(pa, &err), RV_OK);
	/* the other writer commits between two of the first one's batches */
	ASSERT_EQ(rv_pipeline_open(b, NULL, &pb, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_add(pb, &r4, &id, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_close(&pb, &err), RV_OK);
	int rc = rv_pipeline_add(pa, &r3, &id, &err);
	if (rc)
		TEST_FAIL("the first writer's next batch: %s", err.msg);
	ASSERT_EQ(rv_pipeline_close(&pa, &err), RV_OK);
	rv_store_close(&b);
	rv_store_close(&a);
	test_db_remove(path);
}

/* Several revues opening one new store at once (serve, an ingest and a
 * watch started together) each migrate it: the schema version is read
 * again under the write lock, so none runs a migration another has run
 * (the second CREATE TABLE failed with "table articles already exists"). */
TEST(store_opened_at_once_by_many_migrates_once)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-store-many");
	enum { N = 8 };
	pid_t pids[N];
	for (int i = 0; i < N; i++) {
		pids[i] = fork();
		ASSERT(pids[i] >= 0);
		if (pids[i] == 0) {
			rv_store *s = NULL;
			rv_error err;
			int rc = rv_store_open(path, false, &s, &err);
			if (rc)
				fprintf(stderr, "  open %d: %s\n", i, err.msg);
			rv_store_close(&s);
			_exit(rc ? 1 : 0);
		}
	}
	int failed = 0;
	for (int i = 0; i < N; i++) {
		int st = 0;
		ASSERT_EQ(waitpid(pids[i], &st, 0), pids[i]);
		failed += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	ASSERT_EQ(failed, 0);
	test_db_remove(path);
}

/* A store as revue wrote it before entity keys (schema 7): the shipped
 * migrations 1-7 (never edited once shipped), then rows as the old insert
 * wrote them, without a key. */
/* search.h and analyze.h both name an rv_token_fn: this one function only */
int rv_search_register(struct sqlite3 *db);

static void old_store(const char *path)
{
	sqlite3 *db = NULL;
	ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
	ASSERT_EQ(rv_search_register(db), RV_OK);
	for (int v = 0; v < 7; v++) {
		char *msg = NULL;
		if (sqlite3_exec(db, rv_migrations[v], NULL, NULL, &msg) != SQLITE_OK)
			TEST_FAIL("migration %d: %s", v + 1, msg);
	}
	char long_name[400];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	sqlite3_stmt *st;
	ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 7;"
			       "INSERT INTO articles (id, ref, content_hash) VALUES (1, 'a', 'h1'), (2, 'b', 'h2');",
			       NULL, NULL, NULL),
		  SQLITE_OK);
	ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO entities (article, name, type, count) VALUES (?1, ?2, ?3, 1)",
				     -1, &st, NULL),
		  SQLITE_OK);
	static const struct {
		int article;
		const char *name, *type; /* NULL name: one too long to fold */
	} rows[] = { { 1, "Poutine", "person" },
		     { 2, "Путин", "person" },
		     { 1, "PORT-AURÈLE", "location" },
		     { 2, "Port-Aurèle", "organization" },
		     { 2, NULL, "other" } };
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, rows[i].article);
		sqlite3_bind_text(st, 2, rows[i].name ? rows[i].name : long_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rows[i].type, -1, SQLITE_STATIC);
		ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
	}
	sqlite3_finalize(st);
	ASSERT_EQ(sqlite3_close(db), SQLITE_OK);
}

static int count_entity(const rv_entity_row *e, void *ctx)
{
	(void)e;
	++*(int *)ctx;
	return RV_OK;
}

/* Each row's key as stored, beside rv_entity_key of its name and type. */
static void keys_are_current(const char *path, int want_rows)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	ASSERT_EQ(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT name, type, key FROM entities ORDER BY rowid", -1, &st, NULL),
		  SQLITE_OK);
	int n = 0, keyed = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *key = (const char *)sqlite3_column_text(st, 2);
		char want[RV_ENTITY_KEY_MAX];
		size_t len = rv_entity_key(name, type, want, sizeof want);
		if (len)
			ASSERT_STR_EQ(key, want);
		else
			ASSERT(key == NULL);
		keyed += key != NULL;
		n++;
	}
	sqlite3_finalize(st);
	ASSERT_EQ(n, want_rows);
	ASSERT_EQ(keyed, want_rows - 1); /* the name too long to fold has none */
	ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE name = 'entities_key'),"
				     " (SELECT value FROM group_meta WHERE key = 'entity_key_rules'),"
				     " (SELECT user_version FROM pragma_user_version)",
				     -1, &st, NULL),
		  SQLITE_OK);
	ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
	ASSERT_EQ(sqlite3_column_int(st, 0), 1);
	ASSERT(sqlite3_column_int64(st, 1) == rv_entity_key_rules());
	ASSERT_EQ(sqlite3_column_int(st, 2), RV_SCHEMA_VERSION);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Migration 8 adds entities.key to a store an older revue made and keys its
 * rows, in the transaction that sets the version: once, whoever opens it
 * first. A reader (serve, entities) upgrades it too, or its queries would
 * not find the column. */
TEST(store_keys_the_entities_of_an_older_store)
{
	for (int reader = 0; reader < 2; reader++) {
		char path[256];
		test_db_path(path, sizeof path, "revue-store-old");
		old_store(path);
		rv_store *s = NULL;
		rv_error err;
		rv_error_clear(&err);
		int rc = rv_store_open(path, reader, &s, &err);
		if (rc)
			TEST_FAIL("open (reader %d): %s", reader, err.msg);
		/* the connection that opened it lists them at once */
		rv_entity_query q = { 0 };
		int n = 0;
		ASSERT_EQ(rv_store_each_entity(s, &q, count_entity, &n, &err), RV_OK);
		ASSERT_EQ(n, 2); /* Vladimir Putin and Port-Aurèle; the long name has no key */
		rv_store_close(&s);
		keys_are_current(path, 5);
		/* again: nothing left to do, nothing changed (a key marked by
		 * hand would be computed again if the open re-keyed) */
		sqlite3 *db = NULL;
		ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
		ASSERT_EQ(sqlite3_exec(db, "UPDATE entities SET key = 'marked' WHERE rowid = "
					   "(SELECT MIN(rowid) FROM entities WHERE key IS NOT NULL)",
				       NULL, NULL, NULL),
			  SQLITE_OK);
		sqlite3_close(db);
		ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
		rv_store_close(&s);
		ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
		sqlite3_stmt *st;
		ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM entities WHERE key = 'marked'", -1, &st,
					     NULL),
			  SQLITE_OK);
		ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
		ASSERT_EQ(sqlite3_column_int(st, 0), 1);
		sqlite3_finalize(st);
		sqlite3_close(db);
		test_db_remove(path);
	}
}

/* Keys stored under other rules (a revue whose gazetteer keyed names
 * otherwise) are computed again when a writer opens the store. */
TEST(store_keys_entities_again_when_the_rules_change)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-store-rekey");
	old_store(path);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	rv_store_close(&s);
	sqlite3 *db = NULL;
	ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
	ASSERT_EQ(sqlite3_exec(db, "UPDATE entities SET key = 'poutine' WHERE name = 'Poutine';"
			       "UPDATE group_meta SET value = value + 1 WHERE key = 'entity_key_rules'",
			       NULL, NULL, NULL),
		  SQLITE_OK);
	sqlite3_close(db);
	/* a reader leaves them: it only reads keys, and two builds reading one
	 * store must not rewrite it in turn */
	ASSERT_EQ(rv_store_open(path, true, &s, &err), RV_OK);
	rv_store_close(&s);
	ASSERT_EQ(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT key FROM entities WHERE name = 'Poutine'", -1, &st, NULL), SQLITE_OK);
	ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
	ASSERT_STR_EQ((const char *)sqlite3_column_text(st, 0), "poutine");
	sqlite3_finalize(st);
	sqlite3_close(db);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	rv_store_close(&s);
	keys_are_current(path, 5);
	test_db_remove(path);
}

static int64_t insert_with_figure(rv_store *s, const char *ref, int64_t duplicate_of, bool adds_text,
				  const char *figure)
{
	rv_error err;
	rv_article a;
	rv_article_init(&a);
	a.ref = strdup(ref);
	a.content_hash = strdup(ref);
	a.title = strdup("Taux directeur relevé");
	a.text = strdup("La banque centrale relève son taux.");
	a.duplicate_of = duplicate_of;
	a.duplicate_similarity = duplicate_of ? 0.8 : 0;
	a.duplicate_adds_text = adds_text;
	a.event = 1;
	if (figure) {
		a.n_figures = 1;
		a.figures = calloc(1, sizeof *a.figures);
		a.figures[0].value = a.figures[0].value_max = 5;
		a.figures[0].unit = strdup("$");
		a.figures[0].text = strdup(figure);
	}
	ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
	int64_t id = a.id;
	rv_article_release(&a);
	return id;
}

/* A near copy that adds a paragraph keeps its own analysis (README,
 * "Duplicates"): reading it gives its own figures, not its original's (its
 * "$5" of the added paragraph was hidden behind the original's rows); a
 * plain copy, which has none, still shows its original's. */
TEST(store_copy_with_its_own_analysis_reads_its_own)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-own-analysis-test");
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	int64_t original = insert_with_figure(s, "o", 0, false, "4.25%");
	int64_t longer = insert_with_figure(s, "l", original, true, "$5");
	int64_t plain = insert_with_figure(s, "p", original, false, NULL);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	rv_article b;
	rv_article_init(&b);
	ASSERT_EQ(rv_store_get_article(s, longer, &b, &err), RV_OK);
	ASSERT_EQ(b.n_figures, 1);
	ASSERT_STR_EQ(b.figures[0].text, "$5");
	rv_article_release(&b);
	rv_article_init(&b);
	ASSERT_EQ(rv_store_get_article(s, plain, &b, &err), RV_OK);
	ASSERT_EQ(b.n_figures, 1);
	ASSERT_STR_EQ(b.figures[0].text, "4.25%");
	rv_article_release(&b);
	rv_store_close(&s);
	test_db_remove(path);
}
