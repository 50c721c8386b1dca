/* Tests for src/serve/api.c: handlers called directly, no socket. */
#include "test.h"
#include "cli/cli.h"
#include "serve/api.h"
#include "store/browse.h"
#include "store/store.h"

#include <jansson.h>
#include <unistd.h>

static char dir[64];

static rv_store *make_store(void)
{
	snprintf(dir, sizeof dir, "/tmp/rv_api_XXXXXX");
	ASSERT(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/t.db", dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	struct {
		const char *title, *text, *lang, *source, *published, *speaker;
		int64_t event;
	} rows[] = {
		{ "Les États-Unis envoient des militaires", "Les États-Unis envoient 2 000 militaires.", "fr",
		  "Le Port", "2024-03-04", "Marie Dupont", 1 },
		{ "<script>alert(1)</script> Renfort", "Un renfort militaire.", "fr", "La Gazette", "2024-03-05",
		  NULL, 1 },
		{ "=HYPERLINK(\"x\") Troops", "Troops were sent.", "en", "Harbour", "2024-03-09", NULL, 2 },
	};
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "r%zu", i);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup(rows[i].title);
		a.text = strdup(rows[i].text);
		a.lang = strdup(rows[i].lang);
		a.source = strdup(rows[i].source);
		a.published = strdup(rows[i].published);
		a.url = strdup("https://example.org/a");
		a.event = rows[i].event;
		a.storyline = rows[i].event;
		if (rows[i].speaker) {
			a.quotes = calloc(1, sizeof *a.quotes);
			a.quotes[0].text = strdup("Nous ne laisserons pas faire");
			a.quotes[0].speaker = strdup(rows[i].speaker);
			a.n_quotes = 1;
			a.figures = calloc(1, sizeof *a.figures);
			a.figures[0].value = a.figures[0].value_max = 2000;
			a.figures[0].unit = strdup("militaires");
			a.figures[0].text = strdup("2 000 militaires");
			a.n_figures = 1;
			a.entities = calloc(1, sizeof *a.entities);
			a.entities[0].name = strdup("Marie Dupont");
			a.entities[0].type = strdup("person");
			a.entities[0].count = 2;
			a.n_entities = 1;
		}
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	return s;
}

static void done(rv_store **s)
{
	rv_store_close(s);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ASSERT_EQ(system(cmd), 0);
}

/* GET url (with its query) into r; the body is NUL-terminated JSON or text. */
static void get(rv_store *s, const char *url, const char *inm, rv_api_response *r)
{
	char buf[2048];
	snprintf(buf, sizeof buf, "%s", url);
	rv_api_request req = { 0 };
	req.method = "GET";
	char *q = strchr(buf, '?');
	if (q) {
		*q++ = '\0';
		rv_api_parse_query(&req, q);
	}
	rv_api_unescape(buf);
	req.path = buf;
	req.if_none_match = inm;
	rv_api_handle(s, &req, r);
}

static json_t *get_json(rv_store *s, const char *url, int status)
{
	rv_api_response r;
	get(s, url, NULL, &r);
	if (r.status != status)
		TEST_FAIL("%s: status %d, expected %d: %.200s", url, r.status, status, r.body ? r.body : "");
	ASSERT_CONTAINS(r.content_type, "json");
	json_error_t e;
	json_t *o = json_loadb(r.body, r.len, 0, &e);
	if (!o)
		TEST_FAIL("%s: not JSON: %s", url, e.text);
	rv_api_response_release(&r);
	return o;
}

TEST(api_health_and_stories)
{
	rv_store *s = make_store();
	json_t *o = get_json(s, "/api/health", 200);
	ASSERT_EQ(json_integer_value(json_object_get(o, "articles")), 3);
	json_decref(o);
	o = get_json(s, "/api/stories", 200);
	json_t *st = json_object_get(o, "stories");
	ASSERT_EQ(json_array_size(st), 2);
	/* newest first */
	ASSERT_EQ(json_integer_value(json_object_get(json_array_get(st, 0), "id")), 2);
	json_t *first = json_array_get(st, 1);
	ASSERT_EQ(json_integer_value(json_object_get(first, "n_sources")), 2);
	ASSERT_EQ(json_array_size(json_object_get(first, "volume")), 2);
	ASSERT(json_is_null(json_object_get(o, "next_offset")));
	json_decref(o);
	o = get_json(s, "/api/stories?limit=1", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "stories")), 1);
	ASSERT_EQ(json_integer_value(json_object_get(o, "next_offset")), 1);
	json_decref(o);
	o = get_json(s, "/api/stories?lang=en", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "stories")), 1);
	json_decref(o);
	json_decref(get_json(s, "/api/stories?limit=0", 400));
	json_decref(get_json(s, "/api/stories?limit=1000", 400));
	json_decref(get_json(s, "/api/stories?since=yesterday", 400));
	json_decref(get_json(s, "/api/stories?offset=-1", 400));
	done(&s);
}

TEST(api_story_detail)
{
	rv_store *s = make_store();
	json_t *o = get_json(s, "/api/stories/1", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "members")), 2);
	ASSERT_EQ(json_array_size(json_object_get(o, "outlets")), 2);
	ASSERT_EQ(json_array_size(json_object_get(o, "timeline")), 2);
	json_t *q = json_array_get(json_object_get(o, "quotes"), 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(q, "speaker")), "Marie Dupont");
	json_t *f = json_array_get(json_object_get(o, "figures"), 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(f, "source")), "Le Port");
	json_t *e = json_array_get(json_object_get(o, "entities"), 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(e, "name")), "Marie Dupont");
	json_decref(o);
	json_decref(get_json(s, "/api/stories/99", 404));
	json_decref(get_json(s, "/api/stories/abc", 404));
	json_decref(get_json(s, "/api/stories/1x", 404));
	json_decref(get_json(s, "/api/stories/0", 404));
	json_decref(get_json(s, "/api/stories/99999999999999999999", 404));
	done(&s);
}

TEST(api_article_search_entities)
{
	rv_store *s = make_store();
	json_t *o = get_json(s, "/api/articles/2", 200);
	/* JSON carries the title as data; the page shows it with textContent */
	ASSERT_STR_EQ(json_string_value(json_object_get(o, "title")), "<script>alert(1)</script> Renfort");
	json_decref(o);
	json_decref(get_json(s, "/api/articles/4", 404));
	o = get_json(s, "/api/search?q=Etats-Unis+militaire", 200);
	json_t *hits = json_object_get(o, "hits");
	ASSERT_EQ(json_array_size(hits), 1);
	json_t *parts = json_object_get(json_array_get(hits, 0), "snippet_parts");
	bool matched = false;
	size_t i;
	json_t *p;
	json_array_foreach(parts, i, p) matched |= json_is_true(json_object_get(p, "match"));
	ASSERT(matched);
	json_decref(o);
	o = get_json(s, "/api/search?q=militaires&source=La%20Gazette", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "hits")), 1);
	json_decref(o);
	o = get_json(s, "/api/search?q=militaires&entity=Marie+Dupont", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "hits")), 1);
	json_decref(o);
	json_decref(get_json(s, "/api/search", 400));
	json_decref(get_json(s, "/api/search?q=%22%22", 400));
	json_decref(get_json(s, "/api/search?q=a%00b", 400));
	o = get_json(s, "/api/entities?q=Marie", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "entities")), 1);
	json_decref(o);
	o = get_json(s, "/api/entities?q=%25", 200); /* a LIKE wildcard is data */
	ASSERT_EQ(json_array_size(json_object_get(o, "entities")), 0);
	json_decref(o);
	json_decref(get_json(s, "/api/entities?type=persn", 400)); /* not silently empty */
	o = get_json(s, "/api/openapi.json", 200);
	ASSERT_STR_EQ(json_string_value(json_object_get(o, "openapi")), "3.0.3");
	json_decref(o);
	done(&s);
}

TEST(api_exports)
{
	rv_store *s = make_store();
	rv_api_response r;
	get(s, "/api/stories/2/export?format=csv", NULL, &r);
	ASSERT_EQ(r.status, 200);
	ASSERT_CONTAINS(r.content_type, "text/csv");
	ASSERT_CONTAINS(r.body, "id,ref,url,source,title,published,authors,lang,event,storyline,duplicate_of\r\n"); /* as revue export */
	ASSERT_CONTAINS(r.body, "\"'=HYPERLINK(\"\"x\"\") Troops\""); /* formula defused, quotes doubled */
	ASSERT_CONTAINS(r.disposition, "story-2.csv");
	rv_api_response_release(&r);
	get(s, "/api/stories/1/export", NULL, &r);
	ASSERT_EQ(r.status, 200);
	size_t lines = 0;
	for (const char *p = r.body; *p; p++)
		lines += *p == '\n';
	ASSERT_EQ(lines, 2);
	rv_api_response_release(&r);
	get(s, "/api/search/export?q=troops&format=jsonl", NULL, &r);
	ASSERT_EQ(r.status, 200);
	ASSERT_CONTAINS(r.body, "\"Troops were sent.\"");
	rv_api_response_release(&r);
	json_decref(get_json(s, "/api/stories/1/export?format=xml", 400));
	json_decref(get_json(s, "/api/stories/9/export", 404));
	done(&s);
}

TEST(api_etag_304)
{
	rv_store *s = make_store();
	rv_api_response r;
	get(s, "/api/stories/1", NULL, &r);
	ASSERT_EQ(r.status, 200);
	char etag[32];
	snprintf(etag, sizeof etag, "%s", r.etag);
	ASSERT(strlen(etag) == 18 && etag[0] == '"');
	rv_api_response_release(&r);
	get(s, "/api/stories/1", etag, &r);
	ASSERT_EQ(r.status, 304);
	ASSERT(r.body == NULL);
	get(s, "/api/stories/2", etag, &r);
	ASSERT_EQ(r.status, 200);
	rv_api_response_release(&r);
	done(&s);
}

TEST(api_static_files_only)
{
	rv_store *s = make_store();
	rv_api_response r;
	get(s, "/", NULL, &r);
	ASSERT_EQ(r.status, 200);
	ASSERT_CONTAINS(r.content_type, "text/html");
	ASSERT_CONTAINS(r.body, "<!doctype html>");
	rv_api_response_release(&r);
	get(s, "/app.js", NULL, &r);
	ASSERT_EQ(r.status, 200);
	ASSERT_NOT_CONTAINS(r.body, "innerHTML =");
	rv_api_response_release(&r);
	const char *bad[] = { "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd",
			      "//etc/passwd", "/etc/passwd", "/index.html%00.png", "/src/serve/web/app.js",
			      "/%5c..%5cwindows", "/app.js/", "/openapi.json", "/api/../index.html" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		get(s, bad[i], NULL, &r);
		if (r.status != 400 && r.status != 404)
			TEST_FAIL("%s: status %d", bad[i], r.status);
		ASSERT_CONTAINS(r.body, "\"error\"");
		ASSERT_NOT_CONTAINS(r.body, "root:");
		rv_api_response_release(&r);
	}
	rv_api_request req = { 0 };
	req.method = "POST";
	req.path = "/api/health";
	rv_api_handle(s, &req, &r);
	ASSERT_EQ(r.status, 405);
	rv_api_response_release(&r);
	done(&s);
}

TEST(api_query_parsing)
{
	char q[] = "a=1&q=%C3%A9tats+unis&nul=x%00y&flag&bad=%zz";
	rv_api_request req = { 0 };
	rv_api_parse_query(&req, q);
	ASSERT_EQ(req.n_args, 5);
	ASSERT_STR_EQ(req.args[1].value, "états unis");
	ASSERT_STR_EQ(req.args[2].value, "x\x7fy");
	ASSERT_STR_EQ(req.args[3].value, "");
	ASSERT_STR_EQ(req.args[4].value, "%zz");
	char many[400] = "";
	for (int i = 0; i < 40; i++)
		strncat(many, "a=1&", sizeof many - strlen(many) - 1);
	rv_api_request r2 = { 0 };
	rv_api_parse_query(&r2, many);
	ASSERT(r2.too_many_args);
}

struct ids {
	int64_t v[32];
	int n;
};

static int take_id(const rv_story *st, void *ctx)
{
	struct ids *l = ctx;
	if (l->n < 32)
		l->v[l->n++] = st->id;
	return 0;
}

TEST(api_story_page_same_order_as_store)
{
	snprintf(dir, sizeof dir, "/tmp/rv_api_XXXXXX");
	ASSERT(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/t.db", dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	/* event, published: ties on the last day, counts, undated */
	struct {
		int64_t event;
		const char *published;
	} rows[] = { { 1, "2024-03-01" }, { 1, "2024-03-05" }, { 2, "2024-03-05" }, { 2, "2024-03-04" },
		     { 3, "2024-03-03" }, { 4, NULL },         { 5, "2024-03-05T10:00:00Z" },
		     { 6, "2024-03-02" }, { 6, NULL },         { 7, "2024-02-28" } };
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "p%zu", i);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup(ref);
		a.text = strdup("text");
		a.published = rows[i].published ? strdup(rows[i].published) : NULL;
		a.event = rows[i].event;
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	int pages[][2] = { { 2, 0 }, { 2, 2 }, { 3, 4 }, { 10, 0 }, { 1, 6 }, { 5, 5 } };
	for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
		rv_filter f = { 0 };
		f.limit = pages[k][0];
		f.offset = pages[k][1];
		struct ids want = { 0 }, got = { 0 };
		ASSERT_EQ(rv_store_each_story(s, &f, take_id, &want, &err), 0);
		ASSERT_EQ(rv_store_each_story_page(s, &f, take_id, &got, &err), 0);
		ASSERT_EQ(got.n, want.n);
		for (int i = 0; i < got.n; i++)
			if (got.v[i] != want.v[i])
				TEST_FAIL("page %d+%d, #%d: story %lld, store says %lld", pages[k][0], pages[k][1],
					  i, (long long)got.v[i], (long long)want.v[i]);
	}
	done(&s);
}

/* The lines a revue command prints (stdout caught in a file), each a JSON
 * value. */
static json_t *cli_json(rv_cmd_fn cmd, const char *db, int argc, char **argv)
{
	char out[128];
	snprintf(out, sizeof out, "%s/cli.out", dir);
	fflush(stdout);
	int saved = dup(1);
	ASSERT(saved >= 0);
	ASSERT(freopen(out, "w", stdout));
	rv_cli cli = { db };
	int rc = cmd(&cli, argc, argv);
	fflush(stdout);
	ASSERT(dup2(saved, 1) == 1);
	close(saved);
	ASSERT_EQ(rc, RV_EXIT_OK);
	json_t *arr = json_array();
	FILE *f = fopen(out, "r");
	ASSERT(f);
	static char line[1 << 16];
	while (fgets(line, sizeof line, f)) {
		json_t *o = json_loads(line, 0, NULL);
		if (!o)
			TEST_FAIL("revue %s printed a line that is not JSON: %s", argv[0], line);
		json_array_append_new(arr, o);
	}
	fclose(f);
	return arr;
}

/* An entity list as "name|type|articles|mentions; ..." (caller frees). */
static char *rows_of(json_t *arr)
{
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	ASSERT(out);
	out[0] = '\0';
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *e = json_array_get(arr, i);
		int n = snprintf(out + len, cap - len, "%s|%s|%lld|%lld; ",
				 json_string_value(json_object_get(e, "name")),
				 json_string_value(json_object_get(e, "type")),
				 (long long)json_integer_value(json_object_get(e, "articles")),
				 (long long)json_integer_value(json_object_get(e, "mentions")));
		ASSERT(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
	return out;
}

static void same_entities(json_t *cli, json_t *api)
{
	char *c = rows_of(cli), *a = rows_of(api);
	if (strcmp(c, a))
		TEST_FAIL("the CLI and the API disagree:\n    cli %s\n    api %s", c, a);
	free(c);
	free(a);
}

struct entity_row {
	const char *name, *type;
	int count;
	int article; /* 1-based; several rows may share one */
};

/* A store of articles 1..N of event 1, each naming the rows of its number;
 * article copy (0: none) is a copy of article 1 that adds a paragraph, with
 * an analysis of its own. */
static rv_store *entity_store(char *path, size_t n, const struct entity_row *rows, size_t n_rows, int copy)
{
	snprintf(dir, sizeof dir, "/tmp/rv_api_XXXXXX");
	ASSERT(mkdtemp(dir));
	snprintf(path, n, "%s/t.db", dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	int last = 0;
	for (size_t i = 0; i < n_rows; i++)
		last = rows[i].article > last ? rows[i].article : last;
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	int64_t first = 0;
	for (int art = 1; art <= last; art++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "p%d", art);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup(ref);
		a.text = strdup("Le port rouvre.");
		a.lang = strdup("fr");
		a.published = strdup(art < 3 ? "2024-03-04" : "2024-03-05");
		a.event = 1;
		a.storyline = 1;
		if (art == copy) {
			a.duplicate_of = first;
			a.duplicate_similarity = 0.9;
			a.duplicate_adds_text = true;
		}
		a.entities = calloc(n_rows, sizeof *a.entities);
		for (size_t i = 0; i < n_rows; i++) {
			if (rows[i].article != art)
				continue;
			rv_entity *e = &a.entities[a.n_entities++];
			e->name = strdup(rows[i].name);
			e->type = strdup(rows[i].type);
			e->count = rows[i].count;
		}
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
		if (art == 1)
			first = a.id;
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	return s;
}

/* Five articles whose entities two groupings told apart: one place spelt
 * and typed two ways ("Port-Aurèle" a place, "PORT-AURELE" an
 * organisation), one spelling under two keys ("Président Poutine" the
 * person, keyed as Vladimir Putin, and a mistyped organisation), and a copy
 * of article 1 with mentions of its own. */
static const struct entity_row disputed[] = {
	{ "Port-Aurèle", "location", 3, 1 },          { "Marie Dupont", "person", 2, 1 },
	{ "PORT-AURELE", "organization", 1, 2 },      { "Président Poutine", "person", 1, 3 },
	{ "Marie Dupont", "person", 1, 3 },           { "Président Poutine", "organization", 2, 4 },
	{ "Port-Aurèle", "location", 1, 5 },
};

/* /api/entities folds names as `revue entities` does: case and accent
 * variants are one row, under the most frequent spelling, with the articles
 * and mentions of every spelling. */
TEST(api_entities_fold_case_and_accents)
{
	static const struct entity_row rows[] = {
		{ "Port-Aurèle", "location", 3, 1 },  { "PORT-AURÈLE", "location", 1, 2 },
		{ "Port-Aurele", "location", 1, 3 },  { "Port-Aurèle", "location", 2, 4 },
		{ "Hydrelec Sud", "organization", 1, 5 },
	};
	char path[128];
	rv_store *s = entity_store(path, sizeof path, rows, sizeof rows / sizeof *rows, 0);
	json_t *o = get_json(s, "/api/entities", 200);
	json_t *arr = json_object_get(o, "entities");
	ASSERT_EQ(json_array_size(arr), 2);
	json_t *e = json_array_get(arr, 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(e, "name")), "Port-Aurèle");
	ASSERT_STR_EQ(json_string_value(json_object_get(e, "type")), "location");
	ASSERT_EQ(json_integer_value(json_object_get(e, "articles")), 4);
	ASSERT_EQ(json_integer_value(json_object_get(e, "mentions")), 7);
	json_decref(o);
	/* a prefix in any spelling finds the one row */
	static const char *const prefixes[] = { "port-au", "PORT-AUR%C3%88", "Port-Aure" };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		char url[96];
		snprintf(url, sizeof url, "/api/entities?q=%s", prefixes[i]);
		o = get_json(s, url, 200);
		arr = json_object_get(o, "entities");
		ASSERT_EQ(json_array_size(arr), 1);
		ASSERT_EQ(json_integer_value(json_object_get(json_array_get(arr, 0), "mentions")), 7);
		json_decref(o);
	}
	o = get_json(s, "/api/entities?type=organization", 200);
	ASSERT_EQ(json_array_size(json_object_get(o, "entities")), 1);
	json_decref(o);
	done(&s);
}

/* An entity's article is counted once, however its rows come: the whole
 * list reads the mentions in article order, a prefix by key; one article
 * names "Lorvaux" under two types with another name between them. */
TEST(api_entities_count_an_article_once_in_either_order)
{
	static const struct entity_row rows[] = {
		{ "Lorvaux", "organization", 2, 1 }, { "Anselm Brik", "person", 1, 1 },
		{ "Lorvaux", "location", 1, 1 },     { "Anselm Brik", "person", 2, 2 },
		{ "Lorvaux", "organization", 1, 2 }, { "Lorvaux", "location", 3, 3 },
	};
	char path[128];
	rv_store *s = entity_store(path, sizeof path, rows, sizeof rows / sizeof *rows, 0);
	static const char *const urls[] = { "/api/entities", "/api/entities?q=lor", "/api/entities?q=L" };
	for (size_t i = 0; i < sizeof urls / sizeof *urls; i++) {
		json_t *o = get_json(s, urls[i], 200);
		json_t *arr = json_object_get(o, "entities");
		ASSERT(json_array_size(arr) >= 1);
		json_t *e = json_array_get(arr, 0);
		ASSERT_STR_EQ(json_string_value(json_object_get(e, "name")), "Lorvaux");
		ASSERT_STR_EQ(json_string_value(json_object_get(e, "type")), "location");
		ASSERT_EQ(json_integer_value(json_object_get(e, "articles")), 3);
		ASSERT_EQ(json_integer_value(json_object_get(e, "mentions")), 7);
		if (i == 0) {
			ASSERT_EQ(json_array_size(arr), 2);
			e = json_array_get(arr, 1);
			ASSERT_EQ(json_integer_value(json_object_get(e, "articles")), 2);
			ASSERT_EQ(json_integer_value(json_object_get(e, "mentions")), 3);
		}
		json_decref(o);
	}
	done(&s);
}

/* `revue entities` and GET /api/entities list the same entities, under the
 * same names and types, with the same counts, in the same order. They were
 * two groupings: the CLI split the place spelt and typed two ways, merged
 * the two keys of "Président Poutine" into one organisation (and counted
 * its article per type), and left out the copy's own mentions; the API did
 * none of these. */
TEST(api_entities_as_the_cli_lists_them)
{
	char path[128];
	rv_store *s = entity_store(path, sizeof path, disputed, sizeof disputed / sizeof *disputed, 5);
	char *argv[] = { "entities", "--json", "--limit", "100", NULL };
	json_t *cli = cli_json(cmd_entities, path, 4, argv);
	json_t *o = get_json(s, "/api/entities?limit=100", 200);
	json_t *api = json_object_get(o, "entities");
	same_entities(cli, api);
	/* one place in three articles (the copy has its own), two spellings */
	json_t *port = json_array_get(api, 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(port, "name")), "Port-Aurèle");
	ASSERT_STR_EQ(json_string_value(json_object_get(port, "type")), "location");
	ASSERT_EQ(json_integer_value(json_object_get(port, "articles")), 3);
	ASSERT_EQ(json_integer_value(json_object_get(port, "mentions")), 5);
	ASSERT_STR_EQ(json_string_value(json_array_get(json_object_get(json_array_get(cli, 0), "aliases"), 0)),
		      "PORT-AURELE");
	/* Port-Aurèle, Marie Dupont, and "Président Poutine" under its two keys */
	ASSERT_EQ(json_array_size(api), 4);
	json_decref(cli);
	json_decref(o);
	done(&s);
}

/* A story's entities are the same in `revue story ID --json` and GET
 * /api/stories/ID (the API grouped them by exact name, apart from the
 * CLI's grouping), and the same as the store's list restricted to it. */
TEST(api_story_entities_as_the_cli_shows_them)
{
	char path[128];
	rv_store *s = entity_store(path, sizeof path, disputed, sizeof disputed / sizeof *disputed, 5);
	char *argv[] = { "story", "1", "--json", NULL };
	json_t *cli = cli_json(cmd_story, path, 3, argv);
	ASSERT_EQ(json_array_size(cli), 1);
	json_t *o = get_json(s, "/api/stories/1", 200);
	same_entities(json_object_get(json_array_get(cli, 0), "entities"), json_object_get(o, "entities"));
	json_t *list = get_json(s, "/api/entities?limit=100", 200);
	same_entities(json_object_get(list, "entities"), json_object_get(o, "entities"));
	json_decref(list);
	json_decref(cli);
	json_decref(o);
	done(&s);
}

/* A story of three articles whose quotes two outlets share; the first
 * outlet's second article (its own copy) repeats its first one's quote. */
struct quote_row {
	int article;
	const char *speaker, *text;
};

static rv_store *quote_store(char *path, size_t cap, const struct quote_row *rows, size_t n_rows)
{
	snprintf(dir, sizeof dir, "/tmp/rv_api_XXXXXX");
	ASSERT(mkdtemp(dir));
	snprintf(path, cap, "%s/t.db", dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	static const char *const outlets[] = { "Le Courrier", "Le Courrier", "Harbour Times" };
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	for (int art = 1; art <= 3; art++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "q%d", art);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup(ref);
		a.text = strdup("Le port reste bloqué.");
		a.lang = strdup("fr");
		a.source = strdup(outlets[art - 1]);
		a.published = strdup(art == 1 ? "2024-03-04" : "2024-03-05");
		a.event = 1;
		a.storyline = 1;
		a.quotes = calloc(n_rows, sizeof *a.quotes);
		for (size_t i = 0; i < n_rows; i++) {
			if (rows[i].article != art)
				continue;
			rv_quote *q = &a.quotes[a.n_quotes++];
			q->text = strdup(rows[i].text);
			q->speaker = rows[i].speaker ? strdup(rows[i].speaker) : NULL;
		}
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	return s;
}

/* GET /api/stories/ID gives `speakers` as `revue story ID --json` does: a
 * speaker once, the most quoted
 * first (the API's `quotes` sorted names by their bytes, so "Étienne" came
 * after every lower-case "the harbour master"), each quote once with every
 * outlet that carried it (an outlet's copy of its own article repeated it). */
TEST(api_story_speakers_as_the_cli_shows_them)
{
	static const struct quote_row rows[] = {
		{ 1, "Étienne Rocheval", "Chaque jour de blocage coûte quatre millions d'euros" },
		{ 1, "Ana Borel", "Nous tiendrons aussi longtemps qu'il le faudra" },
		{ 2, "Étienne Rocheval", "Chaque jour de blocage coûte quatre millions d'euros" },
		{ 3, "Étienne Rocheval", "Chaque jour de blocage coûte quatre millions d'euros" },
		{ 3, "Étienne Rocheval", "La direction reste ouverte au dialogue" },
		{ 3, NULL, "Les navires attendent au large" },
	};
	char path[128];
	rv_store *s = quote_store(path, sizeof path, rows, sizeof rows / sizeof *rows);
	char *argv[] = { "story", "1", "--json", NULL };
	json_t *cli = cli_json(cmd_story, path, 3, argv);
	json_t *o = get_json(s, "/api/stories/1", 200);
	json_t *api = json_object_get(o, "speakers");
	ASSERT(json_is_array(api));
	ASSERT(json_equal(api, json_object_get(json_array_get(cli, 0), "speakers")));
	ASSERT_EQ(json_array_size(api), 3);
	json_t *first = json_array_get(api, 0);
	ASSERT_STR_EQ(json_string_value(json_object_get(first, "speaker")), "Étienne Rocheval");
	json_t *quotes = json_object_get(first, "quotes");
	ASSERT_EQ(json_array_size(quotes), 2);
	json_t *shared = json_object_get(json_array_get(quotes, 0), "sources");
	ASSERT_EQ(json_array_size(shared), 2);
	ASSERT_STR_EQ(json_string_value(json_array_get(shared, 0)), "Le Courrier");
	ASSERT_STR_EQ(json_string_value(json_array_get(shared, 1)), "Harbour Times");
	ASSERT_STR_EQ(json_string_value(json_object_get(json_array_get(api, 1), "speaker")), "Ana Borel");
	ASSERT(json_is_null(json_object_get(json_array_get(api, 2), "speaker")));
	json_decref(cli);
	json_decref(o);
	done(&s);
}

/* A 400 names the argument and the value it refused, as the CLI does
 * ("'2026-13-01' is not a day"): "dates are YYYY-MM-DD" left a caller with
 * since and until to guess which was wrong. */
TEST(api_bad_argument_is_named_with_its_value)
{
	rv_store *s = make_store();
	static const struct {
		const char *url, *needle1, *needle2;
	} cases[] = {
		{ "/api/stories?since=2024-03-01&until=2026-13-01", "until", "2026-13-01" },
		{ "/api/search?q=x&since=yesterday", "since", "yesterday" },
		{ "/api/stories?limit=1000", "limit", "1000" },
		{ "/api/stories?offset=-4", "offset", "-4" },
		{ "/api/search?q=x&event=abc", "event", "abc" },
		{ "/api/stories?storyline=0", "storyline", "0" },
		{ "/api/entities?type=people", "type", "people" },
		{ "/api/stories?source=%C3%28", "source", "UTF-8" },
		/* a long name is cut at a character, not inside "é" */
		{ "/api/stories?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%C3%A9=%C3%28",
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "UTF-8" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *o = get_json(s, cases[i].url, 400);
		const char *msg = json_string_value(json_object_get(json_object_get(o, "error"), "message"));
		ASSERT(msg);
		ASSERT_CONTAINS(msg, cases[i].needle1);
		ASSERT_CONTAINS(msg, cases[i].needle2);
		json_decref(o);
	}
	done(&s);
}

/* An outlet's feed item is stored as a copy of its page and read with the
 * page's figures: the story's figures table listed each of them twice under
 * the same outlet. One row per outlet, figure and sentence. */
TEST(api_story_figures_once_per_outlet)
{
	snprintf(dir, sizeof dir, "/tmp/rv_api_XXXXXX");
	ASSERT(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/t.db", dir);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), 0);
	ASSERT_EQ(rv_store_begin(s, &err), 0);
	static const char *const outlets[] = { "Northern Ledger", "Northern Ledger", "Harbour Times" };
	int64_t page = 0;
	for (int i = 0; i < 3; i++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "f%d", i);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup("Dockers walk out");
		a.text = strdup("Dockers walked out; 38 ships wait offshore.");
		a.source = strdup(outlets[i]);
		a.published = strdup("2026-03-02");
		a.event = 1;
		a.storyline = 1;
		if (i == 1) { /* the feed's teaser: a copy of the page, without rows */
			a.duplicate_of = page;
			a.duplicate_similarity = 1;
		} else {
			a.figures = calloc(1, sizeof *a.figures);
			a.figures[0].value = a.figures[0].value_max = 38;
			a.figures[0].unit = strdup("ships");
			a.figures[0].text = strdup("38 ships");
			a.figures[0].context = strdup("Dockers walked out; 38 ships wait offshore.");
			a.n_figures = 1;
		}
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), 0);
		if (i == 0)
			page = a.id;
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), 0);
	json_t *o = get_json(s, "/api/stories/1", 200);
	json_t *figures = json_object_get(o, "figures");
	ASSERT_EQ(json_array_size(figures), 2);
	ASSERT_STR_EQ(json_string_value(json_object_get(json_array_get(figures, 0), "source")), "Northern Ledger");
	ASSERT_STR_EQ(json_string_value(json_object_get(json_array_get(figures, 1), "source")), "Harbour Times");
	json_decref(o);
	done(&s);
}
