/* test_filter.c - src/store/filter.c: every combination of the filters
 * picks the same articles in each query built on it (article list, story
 * list, story pages, search), the ones a plain C reading of the filter
 * picks. Single filters were tested per call site; a combination binds its
 * values in an order none of them checked. */
#include "test.h"
#include "store/browse.h"
#include "store/search.h"
#include "store/store.h"

#include <stdint.h>
#include <unistd.h>

#define N_LANGS 2
#define N_SOURCES 3
#define N_DAYS 5
#define N_EVENTS 3
#define MAX_ARTS (N_LANGS * N_SOURCES * N_DAYS * N_EVENTS)

static const char *const langs[N_LANGS] = { "fr", "en" };
/* NULL: no outlet, shown and filtered as "[file name]" */
static const char *const sources[N_SOURCES] = { "Le Port", "Harbour Times", NULL };
static const char *const days[N_DAYS] = { "2024-03-01T08:00:00Z", "2024-03-02", "2024-03-03T23:59:00Z",
					  "2024-03-04", NULL };

struct art {
	int64_t id, event, storyline;
	const char *lang, *label, *published;
	char ref[32], file_label[40];
};

struct set {
	int64_t v[MAX_ARTS];
	int n;
};

static bool picks(const struct art *a, const rv_filter *f)
{
	if (f->since && (!a->published || strncmp(a->published, f->since, 10) < 0))
		return false;
	if (f->until && (!a->published || strncmp(a->published, f->until, 10) > 0))
		return false;
	if (f->lang && strcmp(a->lang, f->lang))
		return false;
	if (f->source && strcmp(a->label, f->source))
		return false;
	if (f->event && a->event != f->event)
		return false;
	return !f->storyline || a->storyline == f->storyline;
}

static int on_article(const rv_article *a, void *ctx)
{
	struct set *s = ctx;
	s->v[s->n++] = a->id;
	return RV_OK;
}

static int on_story(const rv_story *st, void *ctx)
{
	struct set *s = ctx;
	s->v[s->n++] = st->id;
	return RV_OK;
}

static int on_hit(const rv_search_hit *h, void *ctx)
{
	struct set *s = ctx;
	s->v[s->n++] = h->id;
	return RV_OK;
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

static void same_set(struct set got, struct set want, const char *what, unsigned mask)
{
	qsort(got.v, (size_t)got.n, sizeof *got.v, cmp_id);
	qsort(want.v, (size_t)want.n, sizeof *want.v, cmp_id);
	if (got.n != want.n)
		TEST_FAIL("%s, filters %#x: %d rows, expected %d", what, mask, got.n, want.n);
	for (int i = 0; i < got.n; i++)
		if (got.v[i] != want.v[i])
			TEST_FAIL("%s, filters %#x: row %lld, expected %lld", what, mask, (long long)got.v[i],
				  (long long)want.v[i]);
}

TEST(filter_combinations_agree_across_queries)
{
	char path[64], side[80];
	snprintf(path, sizeof path, "/tmp/revue-filter-%d.db", (int)getpid());
	unlink(path);
	rv_store *s = NULL;
	rv_error err;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	static struct art arts[MAX_ARTS];
	int n = 0;
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	for (int l = 0; l < N_LANGS; l++)
		for (int o = 0; o < N_SOURCES; o++)
			for (int d = 0; d < N_DAYS; d++)
				for (int e = 0; e < N_EVENTS; e++) {
					struct art *x = &arts[n];
					snprintf(x->ref, sizeof x->ref, "dir/a%d.txt", n);
					snprintf(x->file_label, sizeof x->file_label, "[a%d.txt]", n);
					x->lang = langs[l];
					x->label = sources[o] ? sources[o] : x->file_label;
					x->published = days[d];
					x->event = e + 1;
					x->storyline = e < 2 ? 10 : 20;
					rv_article a;
					rv_article_init(&a);
					a.ref = strdup(x->ref);
					a.content_hash = strdup(x->ref);
					a.title = strdup("Zorglub au port");
					a.text = strdup("Le zorglub est arrivé au port.");
					a.lang = strdup(x->lang);
					a.source = sources[o] ? strdup(sources[o]) : NULL;
					a.published = days[d] ? strdup(days[d]) : NULL;
					a.event = x->event;
					a.storyline = x->storyline;
					ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
					x->id = a.id;
					rv_article_release(&a);
					n++;
				}
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	/* one value per filter; bit k of mask sets filter k */
	for (unsigned mask = 0; mask < 1u << 7; mask++) {
		rv_filter f = { 0 };
		if (mask & 1)
			f.since = "2024-03-02";
		if (mask & 2)
			f.until = "2024-03-03";
		if (mask & 4)
			f.lang = "en";
		if (mask & 8)
			f.source = "Harbour Times";
		if (mask & 16)
			f.event = 2;
		if (mask & 32)
			f.storyline = 10;
		if (mask & 64) /* the label of an article with no outlet */
			f.source = arts[N_DAYS * N_EVENTS * 2 + 4].file_label;
		struct set want = { .n = 0 }, events = { .n = 0 };
		for (int i = 0; i < n; i++) {
			if (!picks(&arts[i], &f))
				continue;
			want.v[want.n++] = arts[i].id;
			bool seen = false;
			for (int k = 0; k < events.n && !seen; k++)
				seen = events.v[k] == arts[i].event;
			if (!seen)
				events.v[events.n++] = arts[i].event;
		}
		struct set got = { .n = 0 };
		ASSERT_EQ(rv_store_each_article(s, &f, on_article, &got, &err), RV_OK);
		same_set(got, want, "articles", mask);

		rv_search_query q = { .q = "zorglub", .f = f };
		q.f.limit = MAX_ARTS;
		got.n = 0;
		int rc = rv_search(s, &q, on_hit, &got, &err);
		if (rc)
			TEST_FAIL("search, filters %#x: %s", mask, err.msg);
		same_set(got, want, "search", mask);

		struct set stories = { .n = 0 }, page = { .n = 0 };
		ASSERT_EQ(rv_store_each_story(s, &f, on_story, &stories, &err), RV_OK);
		f.limit = MAX_ARTS;
		ASSERT_EQ(rv_store_each_story_page(s, &f, on_story, &page, &err), RV_OK);
		/* the page lists the same stories in the same order */
		ASSERT_EQ(page.n, stories.n);
		for (int i = 0; i < page.n; i++)
			ASSERT_EQ(page.v[i], stories.v[i]);
		same_set(stories, events, "stories", mask);
	}
	rv_store_close(&s);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}
