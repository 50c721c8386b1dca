/* Tests for src/store/search.c: the tokenizer's folding and stemming, the
 * query builder, and ranked, filtered search on a temporary store. */
#include "test.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "store/search.h"
#include "store/store.h"
#include "store/sqlite_int.h"

#include <unistd.h>

static int collect(const char *tok, size_t len, void *ctx)
{
	rv_buf *b = ctx;
	if (b->len)
		rv_buf_putc(b, ' ');
	rv_buf_append(b, tok, len);
	return 0;
}

/* The tokens of text in lang, space-separated (caller frees). */
static char *toks(const char *text, const char *lang)
{
	rv_buf b;
	rv_buf_init(&b, 1 << 20);
	ASSERT_EQ(rv_search_tokens(text, lang, collect, &b), 0);
	return rv_buf_detach(&b);
}

TEST(search_tokens_fold_case_and_accents)
{
	char *a = toks("États-Unis", "fr"), *b = toks("Etats-Unis", "fr"), *c = toks("ETATS-unis", "fr");
	ASSERT_STR_EQ(a, b);
	ASSERT_STR_EQ(a, c);
	ASSERT_NOT_CONTAINS(a, "É");
	ASSERT_CONTAINS(a, "etat");
	free(a), free(b), free(c);
}

TEST(search_tokens_stem_by_language)
{
	char *a = toks("militaires", "fr"), *b = toks("militaire", "fr");
	ASSERT_STR_EQ(a, b);
	free(a), free(b);
	a = toks("troops deployed", "en"), b = toks("troop deploying", "en");
	ASSERT_STR_EQ(a, b);
	free(a), free(b);
	/* no stemmer for the language: folded words only */
	a = toks("Militaires déployés", "xx");
	ASSERT_STR_EQ(a, "militaires deployes");
	free(a);
}

TEST(search_tokens_query_expands_to_stems)
{
	char *q = toks("militaires", NULL);
	ASSERT_CONTAINS(q, "militaires");
	ASSERT_CONTAINS(q, "militair");
	free(q);
}

TEST(search_tokens_split_and_bound)
{
	char *a = toks("l'armée, 2 000 soldats; x", "xx");
	ASSERT_STR_EQ(a, "l armee 2 000 soldats x");
	free(a);
	char longw[400];
	memset(longw, 'a', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	a = toks(longw, "en");
	ASSERT_STR_EQ(a, ""); /* not a word: not indexed */
	free(a);
}

TEST(search_match_expr_quotes_everything)
{
	char *e = rv_search_match_expr("a\"b OR c* NOT \"x y\"", NULL);
	ASSERT_STR_EQ(e, "\"a\"\"b\" OR \"c\" * NOT \"x y\"");
	free(e);
	e = rv_search_match_expr("OR --- !!", NULL);
	ASSERT(e == NULL);
	e = rv_search_match_expr("NEAR(a b) col:x ^y", NULL);
	ASSERT_STR_EQ(e, "\"NEAR(a\" AND \"b)\" AND \"col:x\" AND \"^y\"");
	free(e);
	/* a language marker cannot be smuggled in */
	e = rv_search_match_expr("\x01" "en\x01word", "fr");
	ASSERT_STR_EQ(e, "\"\x01" "fr\x01" " en word\"");
	free(e);
}

static char store_dir[64];

static rv_store *make_store(void)
{
	snprintf(store_dir, sizeof store_dir, "/tmp/rv_search_XXXXXX");
	ASSERT(mkdtemp(store_dir));
	char path[128];
	snprintf(path, sizeof path, "%s/t.db", store_dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	return s;
}

static int64_t add(rv_store *s, const char *title, const char *text, const char *lang, const char *source,
		   const char *published, int64_t event, const char *entity)
{
	static int n;
	rv_article a;
	rv_article_init(&a);
	char ref[32];
	snprintf(ref, sizeof ref, "r%d", ++n);
	a.ref = strdup(ref);
	a.content_hash = strdup(ref);
	a.title = strdup(title);
	a.text = strdup(text);
	a.lang = strdup(lang);
	a.source = strdup(source);
	a.published = strdup(published);
	a.event = event;
	if (entity) {
		a.entities = calloc(1, sizeof *a.entities);
		a.entities[0].name = strdup(entity);
		a.entities[0].type = strdup("person");
		a.entities[0].count = 1;
		a.n_entities = 1;
	}
	rv_error err;
	ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
	int64_t id = a.id;
	rv_article_release(&a);
	return id;
}

static void corpus(rv_store *s)
{
	rv_error err;
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	add(s, "Renfort sur la côte", "Les États-Unis envoient 2 000 militaires.", "fr", "Le Port", "2024-03-04", 1,
	    "Marie Dupont");
	add(s, "Les Etats-Unis et le militaire", "Un texte sur la défense.", "fr", "La Gazette", "2024-03-05", 1, NULL);
	add(s, "Troops sent to the coast", "The United States sends 2,000 troops.", "en", "Harbour", "2024-03-06", 2,
	    NULL);
	add(s, "Grève des cheminots", "Le trafic ferroviaire est perturbé.", "fr", "Le Port", "2024-03-10", 3, NULL);
	ASSERT_EQ(rv_store_commit(s, &err), 0);
}

struct hits {
	int64_t ids[16];
	int n;
	char snippet[512];
};

static int on_hit(const rv_search_hit *h, void *ctx)
{
	struct hits *r = ctx;
	if (r->n == 0 && h->snippet)
		snprintf(r->snippet, sizeof r->snippet, "%s", h->snippet);
	if (r->n < 16)
		r->ids[r->n++] = h->id;
	return 0;
}

static struct hits run(rv_store *s, const char *q, rv_filter f, const char *entity)
{
	struct hits r = { 0 };
	rv_search_query sq = { 0 };
	sq.q = q;
	sq.f = f;
	sq.entity = entity;
	rv_error err;
	rv_error_clear(&err);
	int rc = rv_search(s, &sq, on_hit, &r, &err);
	if (rc)
		TEST_FAIL("search '%s': %s", q, err.msg);
	return r;
}

static void cleanup(rv_store **s)
{
	rv_store_close(s);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", store_dir);
	ASSERT_EQ(system(cmd), 0);
}

TEST(search_finds_accent_and_stem_variants)
{
	rv_store *s = make_store();
	corpus(s);
	rv_filter f = { 0 };
	struct hits r = run(s, "Etats-Unis", f, NULL);
	ASSERT_EQ(r.n, 2); /* "États-Unis" in 1's body, "Etats-Unis" in 2's title */
	r = run(s, "militaires", f, NULL);
	ASSERT_EQ(r.n, 2); /* "militaires" and "militaire" */
	r = run(s, "troop", f, NULL);
	ASSERT_EQ(r.n, 1);
	ASSERT_EQ(r.ids[0], 3);
	r = run(s, "cheminot*", f, NULL);
	ASSERT_EQ(r.n, 1);
	r = run(s, "grève OR troops", f, NULL);
	ASSERT_EQ(r.n, 2);
	r = run(s, "nothinglikethis", f, NULL);
	ASSERT_EQ(r.n, 0);
	cleanup(&s);
}

/* A word the index holds under two stems ("climate": English "climat",
 * Italian "clim") is written "(a OR b)"; the next word once followed with
 * no operator, which FTS5 rejects after a ")" (a syntax error). */
TEST(search_word_of_several_stems_then_another)
{
	rv_store *s = make_store();
	rv_error err;
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	add(s, "Climate change is here", "The climate is changing fast.", "en", "Harbour", "2024-03-06", 1, NULL);
	add(s, "Il clima cambia", "Il clima della città cambia.", "it", "Porto", "2024-03-07", 2, NULL);
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	rv_filter f = { 0 };
	struct hits r = run(s, "climate", f, NULL);
	ASSERT_EQ(r.n, 2);
	r = run(s, "climate change", f, NULL);
	ASSERT_EQ(r.n, 1);
	ASSERT_EQ(r.ids[0], 1);
	cleanup(&s);
}

TEST(search_ranks_title_first_and_highlights)
{
	rv_store *s = make_store();
	corpus(s);
	rv_filter f = { 0 };
	struct hits r = run(s, "militaire", f, NULL);
	ASSERT_EQ(r.n, 2);
	ASSERT_EQ(r.ids[0], 2); /* the title hit outranks the body hit */
	r = run(s, "trafic", f, NULL);
	ASSERT_CONTAINS(r.snippet, "\x02trafic\x03");
	ASSERT_NOT_CONTAINS(r.snippet, "\x01");
	cleanup(&s);
}

TEST(search_filters)
{
	rv_store *s = make_store();
	corpus(s);
	rv_filter f = { 0 };
	f.lang = "en";
	ASSERT_EQ(run(s, "2000 OR militaires OR troops", f, NULL).n, 1);
	memset(&f, 0, sizeof f);
	f.source = "Le Port";
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 1);
	memset(&f, 0, sizeof f);
	f.since = "2024-03-05";
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 1);
	f.since = NULL;
	f.until = "2024-03-04";
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 1);
	memset(&f, 0, sizeof f);
	f.event = 2;
	ASSERT_EQ(run(s, "coast OR côte", f, NULL).n, 1);
	memset(&f, 0, sizeof f);
	ASSERT_EQ(run(s, "Etats-Unis", f, "Marie Dupont").n, 1);
	ASSERT_EQ(run(s, "Etats-Unis", f, "Nobody").n, 0);
	f.limit = 1;
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 1);
	f.offset = 1;
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 1);
	f.offset = 2;
	ASSERT_EQ(run(s, "Etats-Unis", f, NULL).n, 0);
	cleanup(&s);
}

/* New articles enter the index when their transaction commits, in one
 * statement; outside a transaction at once; a rolled-back batch leaves
 * nothing behind, and the index stays consistent with the table. */
TEST(search_index_follows_transactions)
{
	rv_store *s = make_store();
	rv_filter f = { 0 };
	rv_error err;
	add(s, "Écluse fermée", "Le canal est fermé pour travaux.", "fr", "Le Port", "2024-03-01", 0, NULL);
	struct hits r = run(s, "écluse", f, NULL);
	ASSERT_EQ(r.n, 1);
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	add(s, "Dredgers at work", "The harbour channel is dredged.", "en", "Harbour", "2024-03-02", 0, NULL);
	rv_store_rollback(s);
	ASSERT_EQ(run(s, "dredger", f, NULL).n, 0);
	corpus(s);
	ASSERT_EQ(run(s, "troops", f, NULL).n, 1);
	ASSERT_EQ(run(s, "cheminots", f, NULL).n, 1);
	ASSERT_EQ(run(s, "écluse", f, NULL).n, 1);
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	add(s, "Dredgers back", "The channel is dredged again.", "en", "Harbour", "2024-03-12", 0, NULL);
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	ASSERT_EQ(run(s, "dredged", f, NULL).n, 1);
	sqlite3_stmt *st = NULL;
	ASSERT_EQ(sqlite3_prepare_v2(s->db,
				     "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
				     -1, &st, NULL),
		  SQLITE_OK);
	ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	cleanup(&s);
}

TEST(search_rejects_empty_query)
{
	rv_store *s = make_store();
	rv_search_query q = { 0 };
	q.q = " -- ";
	struct hits r = { 0 };
	rv_error err;
	ASSERT_EQ(rv_search(s, &q, on_hit, &r, &err), RV_EINPUT);
	cleanup(&s);
}

TEST(search_tokens_fast_fold_matches_utf8proc)
{
	/* the Latin table path and utf8proc must agree (and on mixed words) */
	const char *words[] = { "Straße", "Œuvre", "ÉLÈVE", "Ærø", "Łódź", "Ğüçşİ", "Ñandú", "Москва",
				"Citroën", "e\xcc\x81t\xc3\xa9", "ÅngströM", "ǅemal" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		char *got = toks(words[i], "xx");
		char *want = rv_utf8_fold(words[i]);
		ASSERT_STR_EQ(got, want);
		free(got);
		free(want);
	}
}
