/* story_facts.c - who said what, the figures ledger and entity counts of
 * one event (queries over the quotes, figures and entities tables). */
#include "store/story_facts.h"

#include "analyze/facts.h"
#include "analyze/ner_names.h"
#include "core/sort.h"
#include "store/entity_list.h"
#include "store/sqlite_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 256

static int fail(rv_store *s, rv_error *err, const char *what)
{
	return rv_fail(err, RV_EDB, "%s: %s", what, sqlite3_errmsg(s->db));
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

static const char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* Grow *arr (of *n items of size sz) by one zeroed item; NULL on failure. */
static void *grow(void **arr, size_t *n, size_t sz)
{
	char *p = realloc(*arr, (*n + 1) * sz);
	if (!p)
		return NULL;
	memset(p + *n * sz, 0, sz);
	*arr = p;
	return p + (*n)++ * sz;
}

/* ---- orders (stable: among equals, the order the store gave) ---- */

/* most quoted first, unattributed last */
static int speakers_by_quotes(const void *x, const void *y)
{
	const rv_fact_speaker *a = x, *b = y;
	if (!a->speaker || !b->speaker)
		return !a->speaker - !b->speaker;
	return (a->n_quotes < b->n_quotes) - (a->n_quotes > b->n_quotes);
}

static int quantities_by_sources(const void *x, const void *y)
{
	const rv_fact_quantity *a = x, *b = y;
	return (a->n_sources < b->n_sources) - (a->n_sources > b->n_sources);
}

/* Quotes that are the same words: folded equality or one inside the other. */
static bool same_quote(const char *a, const char *b)
{
	char fa[1024], fb[1024];
	size_t la = rv__ner_fold(a, strlen(a), fa, sizeof fa);
	size_t lb = rv__ner_fold(b, strlen(b), fb, sizeof fb);
	if (!la || !lb)
		return !strcmp(a, b);
	if (la > lb)
		return lb >= 12 && strstr(fa, fb) != NULL;
	return la >= 12 && strstr(fb, fa) != NULL;
}

static int load_quotes(rv_store *s, int64_t event, rv_story_facts *out, rv_error *err)
{
	static const char sql[] =
		"SELECT q.text, q.speaker, q.role, " RV_OUTLET_LABEL_SQL("a") ", a.published FROM quotes q"
		" JOIN articles a ON a.id = q.article WHERE a.event = ?1"
		" ORDER BY a.published_day IS NULL, a.published_day, a.id, q.rowid";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(s, err, "story quotes");
	sqlite3_bind_int64(st, 1, event);
	int rc = RV_OK, r;
	char key[KEY_MAX];
	/* each speaker's key, out->speakers[i]'s at i: a fuller name that
	 * replaces a speaker's has its key, the one it was found by */
	char (*keys)[KEY_MAX] = NULL;
	size_t n_keys = 0;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = col_str(st, 0);
		const char *speaker = sqlite3_column_text(st, 1) ? col_str(st, 1) : NULL;
		const char *source = col_str(st, 3);
		if (!*text)
			continue;
		if (speaker && !rv_entity_key(speaker, "person", key, sizeof key))
			speaker = NULL;
		rv_fact_speaker *sp = NULL;
		for (size_t i = 0; i < n_keys && !sp; i++) {
			rv_fact_speaker *x = &out->speakers[i];
			if (!speaker || !x->speaker) {
				if (!speaker && !x->speaker)
					sp = x;
				continue;
			}
			if (!strcmp(keys[i], key))
				sp = x;
		}
		if (!sp) {
			char (*more)[KEY_MAX] = realloc(keys, (n_keys + 1) * sizeof *keys);
			if (more) {
				keys = more;
				const char *k = speaker ? key : "";
				memcpy(keys[n_keys++], k, strlen(k) + 1);
			}
			sp = more ? grow((void **)&out->speakers, &out->n_speakers, sizeof *sp) : NULL;
			if (!sp || (speaker && !(sp->speaker = strdup(speaker)))) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			rv_strlist_init(&sp->sources);
		} else if (speaker && sp->speaker && strlen(speaker) > strlen(sp->speaker)) {
			/* the fullest form names the speaker: "John Kirby" over "Kirby" */
			char *d = strdup(speaker);
			if (d) {
				free(sp->speaker);
				sp->speaker = d;
			}
		}
		rv_fact_quote *q = NULL;
		for (size_t i = 0; i < sp->n_quotes && !q; i++)
			if (same_quote(sp->quotes[i].text, text))
				q = &sp->quotes[i];
		if (!q) {
			q = grow((void **)&sp->quotes, &sp->n_quotes, sizeof *q);
			if (!q || !(q->text = strdup(text))) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			rv_strlist_init(&q->sources);
			rv_strlist_init(&q->published);
		}
		if (!q->role && sqlite3_column_text(st, 2))
			q->role = col_dup(st, 2);
		if (!rv_strlist_contains(&q->sources, source, false)) {
			if (rv_strlist_push(&q->sources, source) ||
			    rv_strlist_push(&q->published, col_str(st, 4))) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
		}
		if (rv_strlist_push_unique(&sp->sources, source, false)) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			break;
		}
	}
	free(keys);
	if (rc == RV_OK && r != SQLITE_DONE)
		rc = fail(s, err, "story quotes");
	sqlite3_finalize(st);
	if (rc == RV_OK && !rv_sort_stable(out->speakers, out->n_speakers, sizeof *out->speakers,
					   speakers_by_quotes))
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
	return rc;
}

/* Outlets disagree when two of them give no value in common: an outlet
 * that reports the new count (187) and the old one (214) agrees with one
 * that gives only the new. Reports are sorted by value so that only the
 * outlets of one value are paired: a story of thousands of reports stays
 * cheap. */
struct valued {
	double value, value_max;
	size_t source; /* index among the quantity's distinct sources */
};

static int cmp_valued(const void *x, const void *y)
{
	const struct valued *a = x, *b = y;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	return (a->value_max > b->value_max) - (a->value_max < b->value_max);
}

static bool outlets_disagree(const rv_fact_quantity *q)
{
	size_t n = q->n_reports, ns = 0;
	struct valued *v = malloc((n ? n : 1) * sizeof *v);
	const char **sources = malloc((n ? n : 1) * sizeof *sources);
	bool *common = NULL, disagree = false;
	if (!v || !sources)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const char *src = q->reports[i].source ? q->reports[i].source : "";
		size_t k = 0;
		while (k < ns && strcmp(sources[k], src))
			k++;
		if (k == ns)
			sources[ns++] = src;
		v[i] = (struct valued){ q->reports[i].value, q->reports[i].value_max, k };
	}
	if (ns < 2 || !(common = calloc(ns * ns, sizeof *common)))
		goto out;
	qsort(v, n, sizeof *v, cmp_valued);
	for (size_t a = 0; a < n;) {
		size_t b = a;
		while (b < n && !cmp_valued(&v[a], &v[b]))
			b++;
		for (size_t x = a; x < b; x++)
			for (size_t y = a; y < b; y++)
				common[v[x].source * ns + v[y].source] = true;
		a = b;
	}
	for (size_t x = 0; x < ns && !disagree; x++)
		for (size_t y = x + 1; y < ns && !disagree; y++)
			disagree = !common[x * ns + y];
out:
	free(v);
	free(sources);
	free(common);
	return disagree;
}

static int load_figures(rv_store *s, int64_t event, rv_story_facts *out, rv_error *err)
{
	static const char sql[] =
		"SELECT f.value, f.value_max, f.unit, f.qualifier, f.text, f.context, " RV_OUTLET_LABEL_SQL("a") ", a.id"
		" FROM figures f JOIN articles a ON a.id = f.article WHERE a.event = ?1"
		" AND f.unit IS NOT NULL"
		" ORDER BY a.published_day IS NULL, a.published_day, a.id, f.rowid";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(s, err, "story figures");
	sqlite3_bind_int64(st, 1, event);
	int rc = RV_OK, r;
	char key[KEY_MAX];
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		double v = sqlite3_column_double(st, 0);
		double vm = sqlite3_column_type(st, 1) == SQLITE_NULL ? v : sqlite3_column_double(st, 1);
		if (vm < v)
			vm = v;
		const char *unit = col_str(st, 2);
		int64_t art = sqlite3_column_int64(st, 7);
		if (!rv_figure_unit_key(unit, key, sizeof key))
			continue;
		rv_fact_quantity *qt = NULL;
		for (size_t i = 0; i < out->n_quantities && !qt; i++) {
			rv_fact_quantity *x = &out->quantities[i];
			if (strcmp(x->key, key))
				continue;
			for (size_t k = 0; k < x->n_reports; k++)
				if (rv_figure_compatible(v, vm, x->reports[k].value, x->reports[k].value_max)) {
					qt = x;
					break;
				}
		}
		if (!qt) {
			qt = grow((void **)&out->quantities, &out->n_quantities, sizeof *qt);
			if (!qt || !(qt->unit = strdup(unit)) || !(qt->key = strdup(key))) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
		}
		/* one report per article and value */
		bool seen = false, new_source = true;
		for (size_t k = 0; k < qt->n_reports; k++) {
			if (qt->reports[k].article == art && qt->reports[k].value == v &&
			    qt->reports[k].value_max == vm)
				seen = true;
			if (!strcmp(qt->reports[k].source ? qt->reports[k].source : "", col_str(st, 6)))
				new_source = false;
		}
		if (seen)
			continue;
		rv_fact_report *rp = grow((void **)&qt->reports, &qt->n_reports, sizeof *rp);
		if (!rp) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			break;
		}
		rp->article = art;
		rp->value = v;
		rp->value_max = vm;
		rp->qualifier = col_dup(st, 3);
		rp->text = col_dup(st, 4);
		rp->context = col_dup(st, 5);
		rp->source = col_dup(st, 6);
		if (new_source)
			qt->n_sources++;
	}
	if (rc == RV_OK && r != SQLITE_DONE)
		rc = fail(s, err, "story figures");
	sqlite3_finalize(st);
	for (size_t i = 0; i < out->n_quantities; i++)
		out->quantities[i].disagree = outlets_disagree(&out->quantities[i]);
	if (rc == RV_OK && !rv_sort_stable(out->quantities, out->n_quantities, sizeof *out->quantities,
					   quantities_by_sources))
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
	return rc;
}

static void release_entity(rv_fact_entity *e)
{
	free(e->name);
	free(e->type);
	rv_strlist_release(&e->aliases);
	for (size_t d = 0; d < e->n_days; d++)
		free(e->days[d].day);
	free(e->days);
}

static int copy_entity(const rv_entity_row *row, void *p)
{
	rv_story_facts *out = p;
	rv_fact_entity *e = grow((void **)&out->entities, &out->n_entities, sizeof *e);
	if (!e)
		return RV_ENOMEM;
	rv_strlist_init(&e->aliases);
	e->mentions = row->mentions > INT32_MAX ? INT32_MAX : (int)row->mentions;
	e->articles = row->articles > INT32_MAX ? INT32_MAX : (int)row->articles;
	if (!(e->name = strdup(row->name)) || !(e->type = strdup(row->type)))
		return RV_ENOMEM;
	for (size_t i = 0; row->aliases && i < row->aliases->len; i++)
		if (rv_strlist_push(&e->aliases, row->aliases->items[i]))
			return RV_ENOMEM;
	if (row->n_days && !(e->days = calloc(row->n_days, sizeof *e->days)))
		return RV_ENOMEM;
	for (size_t d = 0; d < row->n_days; d++, e->n_days++) {
		if (!(e->days[d].day = strdup(row->days[d].day)))
			return RV_ENOMEM;
		int64_t m = row->days[d].mentions;
		e->days[d].mentions = m > INT32_MAX ? INT32_MAX : (int)m;
	}
	return RV_OK;
}

/* The story's entities as every list groups them (entity_list.h). */
static int load_entities(rv_store *s, int64_t event, unsigned want, rv_story_facts *out, rv_error *err)
{
	rv_entity_query q = { .event = event,
			      .aliases = (want & RV_FACTS_ENTITY_ALIASES) != 0,
			      .days = (want & RV_FACTS_ENTITY_DAYS) != 0 };
	int rc = rv_store_each_entity(s, &q, copy_entity, out, err);
	if (rc == RV_ENOMEM)
		rv_fail(err, rc, "out of memory");
	return rc;
}

int rv_store_story_facts(rv_store *s, int64_t event, unsigned want, rv_story_facts *out, rv_error *err)
{
	memset(out, 0, sizeof *out);
	int rc = load_quotes(s, event, out, err);
	if (!rc)
		rc = load_figures(s, event, out, err);
	if (!rc)
		rc = load_entities(s, event, want, out, err);
	if (rc)
		rv_story_facts_release(out);
	return rc;
}

void rv_story_facts_release(rv_story_facts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_speakers; i++) {
		rv_fact_speaker *sp = &f->speakers[i];
		free(sp->speaker);
		for (size_t k = 0; k < sp->n_quotes; k++) {
			free(sp->quotes[k].text);
			free(sp->quotes[k].role);
			rv_strlist_release(&sp->quotes[k].sources);
			rv_strlist_release(&sp->quotes[k].published);
		}
		free(sp->quotes);
		rv_strlist_release(&sp->sources);
	}
	free(f->speakers);
	for (size_t i = 0; i < f->n_quantities; i++) {
		rv_fact_quantity *q = &f->quantities[i];
		free(q->unit);
		free(q->key);
		for (size_t k = 0; k < q->n_reports; k++) {
			free(q->reports[k].source);
			free(q->reports[k].qualifier);
			free(q->reports[k].text);
			free(q->reports[k].context);
		}
		free(q->reports);
	}
	free(f->quantities);
	for (size_t i = 0; i < f->n_entities; i++)
		release_entity(&f->entities[i]);
	free(f->entities);
	memset(f, 0, sizeof *f);
}
