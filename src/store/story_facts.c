/* story_facts.c - who said what, the figures ledger and entity counts of
 * one event (queries over the quotes, figures and entities tables). */
#include "store/story_facts.h"

#include "analyze/facts.h"
#include "analyze/ner_names.h"
#include "core/sort.h"
#include "store/sqlite_int.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static int entities_by_mentions(const void *x, const void *y)
{
	const rv_fact_entity *a = x, *b = y;
	return (a->mentions < b->mentions) - (a->mentions > b->mentions);
}

static int days_in_order(const void *x, const void *y)
{
	return strcmp(((const rv_fact_day *)x)->day, ((const rv_fact_day *)y)->day);
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
	char key[KEY_MAX], k2[KEY_MAX];
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = col_str(st, 0);
		const char *speaker = sqlite3_column_text(st, 1) ? col_str(st, 1) : NULL;
		const char *source = col_str(st, 3);
		if (!*text)
			continue;
		if (speaker && !rv_entity_key(speaker, "person", key, sizeof key))
			speaker = NULL;
		rv_fact_speaker *sp = NULL;
		for (size_t i = 0; i < out->n_speakers && !sp; i++) {
			rv_fact_speaker *x = &out->speakers[i];
			if (!speaker || !x->speaker) {
				if (!speaker && !x->speaker)
					sp = x;
				continue;
			}
			if (rv_entity_key(x->speaker, "person", k2, sizeof k2) && !strcmp(k2, key))
				sp = x;
		}
		if (!sp) {
			sp = grow((void **)&out->speakers, &out->n_speakers, sizeof *sp);
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

static int add_alias(rv_fact_entity *e, const char *form)
{
	if (!strcmp(form, e->name))
		return 0;
	return rv_strlist_push_unique(&e->aliases, form, false);
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

/* One name typed two ways by two articles ("SUD-Dockers" an organisation
 * here, a person there) is one entity of the type most of its mentions
 * have. from is merged into into and released. */
static int merge_entity(rv_fact_entity *into, rv_fact_entity *from)
{
	if (from->mentions > into->mentions) {
		char *t = into->type;
		into->type = from->type;
		from->type = t;
	}
	into->mentions += from->mentions;
	into->articles += from->articles;
	int rc = RV_OK;
	/* its name and forms, but never into's own name as its alias */
	rc = add_alias(into, from->name);
	for (size_t a = 0; a < from->aliases.len && !rc; a++)
		rc = add_alias(into, from->aliases.items[a]);
	for (size_t k = 0; k < from->n_days && !rc; k++) {
		rv_fact_day *d = NULL;
		for (size_t i = 0; i < into->n_days && !d; i++)
			if (!strcmp(into->days[i].day, from->days[k].day))
				d = &into->days[i];
		if (!d) {
			d = grow((void **)&into->days, &into->n_days, sizeof *d);
			if (!d) {
				rc = RV_ENOMEM;
				break;
			}
			d->day = from->days[k].day;
			from->days[k].day = NULL;
		}
		d->mentions += from->days[k].mentions;
	}
	release_entity(from);
	return rc;
}

static int cmp_entity_name(const void *x, const void *y)
{
	return strcasecmp(((const rv_fact_entity *)x)->name, ((const rv_fact_entity *)y)->name);
}

/* Sorted by name, the forms of one name lie side by side: one pass merges
 * them (the store's whole entity list can hold a hundred thousand names). */
static int merge_types(rv_story_facts *out)
{
	if (out->n_entities < 2)
		return RV_OK;
	/* stable: of forms equal but for case, the first the store gave names it */
	if (!rv_sort_stable(out->entities, out->n_entities, sizeof *out->entities, cmp_entity_name))
		return RV_ENOMEM;
	size_t kept = 0;
	int rc = RV_OK;
	for (size_t i = 0; i < out->n_entities; i++) {
		if (kept && !strcasecmp(out->entities[kept - 1].name, out->entities[i].name)) {
			if (merge_entity(&out->entities[kept - 1], &out->entities[i]))
				rc = RV_ENOMEM; /* the rest is still merged, then freed */
			continue;
		}
		out->entities[kept++] = out->entities[i];
	}
	out->n_entities = kept;
	return rc;
}

/* The entities met so far by type and key (rv_entity_key): open
 * addressing over their indexes, so that each row of the whole store's
 * entity list finds its entity at once instead of folding every name
 * seen before it. keys[i] is entity i's "type\x1fkey". */
struct entity_index {
	uint32_t *slots; /* index + 1; 0 empty */
	size_t cap;      /* a power of two, over twice the entities */
	char **keys;
	size_t n;
};

static uint64_t key_hash(const char *k)
{
	uint64_t h = 14695981039346656037u;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211u;
	return h;
}

/* The index of the entity keyed tk, or ix->n when there is none. */
static size_t index_find(const struct entity_index *ix, const char *tk)
{
	if (!ix->cap)
		return ix->n;
	for (size_t h = key_hash(tk) & (ix->cap - 1);; h = (h + 1) & (ix->cap - 1)) {
		uint32_t v = ix->slots[h];
		if (!v)
			return ix->n;
		if (!strcmp(ix->keys[v - 1], tk))
			return v - 1;
	}
}

static void index_slot(struct entity_index *ix, size_t i)
{
	size_t h = key_hash(ix->keys[i]) & (ix->cap - 1);
	while (ix->slots[h])
		h = (h + 1) & (ix->cap - 1);
	ix->slots[h] = (uint32_t)(i + 1);
}

/* Entity ix->n is keyed tk (copied). RV_ENOMEM out of memory. */
static int index_add(struct entity_index *ix, const char *tk)
{
	if ((ix->n + 1) * 2 > ix->cap) {
		size_t cap = ix->cap ? ix->cap * 2 : 64;
		uint32_t *slots = calloc(cap, sizeof *slots);
		char **keys = slots ? realloc(ix->keys, cap / 2 * sizeof *keys) : NULL;
		if (!keys) {
			free(slots);
			return RV_ENOMEM;
		}
		free(ix->slots);
		ix->slots = slots;
		ix->keys = keys;
		ix->cap = cap;
		for (size_t i = 0; i < ix->n; i++)
			index_slot(ix, i);
	}
	if (!(ix->keys[ix->n] = strdup(tk)))
		return RV_ENOMEM;
	index_slot(ix, ix->n++);
	return RV_OK;
}

static void index_release(struct entity_index *ix)
{
	for (size_t i = 0; i < ix->n; i++)
		free(ix->keys[i]);
	free(ix->keys);
	free(ix->slots);
}

static int load_entities(rv_store *s, int64_t event, int limit, bool days, rv_story_facts *out,
			 rv_error *err)
{
	static const char sql_event[] =
		"SELECT e.name, e.type, e.aliases, e.count, substr(a.published, 1, 10), a.id"
		" FROM entities e JOIN articles a ON a.id = e.article WHERE a.event = ?1"
		" ORDER BY a.id";
	static const char sql_all[] =
		"SELECT e.name, e.type, e.aliases, e.count, substr(a.published, 1, 10), a.id"
		" FROM entities e JOIN articles a ON a.id = e.article WHERE a.duplicate_of IS NULL"
		" ORDER BY a.id";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, event ? sql_event : sql_all, -1, &st, NULL) != SQLITE_OK)
		return fail(s, err, "story entities");
	if (event)
		sqlite3_bind_int64(st, 1, event);
	int rc = RV_OK, r;
	char key[KEY_MAX], tk[2 * KEY_MAX];
	int64_t *last_article = NULL;
	struct entity_index ix = { 0 };
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = col_str(st, 0);
		const char *type = col_str(st, 1);
		int count = sqlite3_column_int(st, 3);
		int64_t art = sqlite3_column_int64(st, 5);
		if (!rv_entity_key(name, type, key, sizeof key))
			continue;
		/* a longer form renames the entity below, under the same key */
		snprintf(tk, sizeof tk, "%.*s\x1f%s", KEY_MAX - 1, type, key);
		size_t idx = index_find(&ix, tk);
		rv_fact_entity *e;
		if (idx == out->n_entities) {
			if (index_add(&ix, tk)) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			e = grow((void **)&out->entities, &out->n_entities, sizeof *e);
			int64_t *la = e ? realloc(last_article, out->n_entities * sizeof *la) : NULL;
			if (!e || !la || !(e->name = strdup(name)) || !(e->type = strdup(type))) {
				if (la)
					last_article = la;
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			last_article = la;
			last_article[idx] = 0;
			rv_strlist_init(&e->aliases);
		} else {
			e = &out->entities[idx];
		}
		/* the fullest form names the entity: "Sergey Lavrov" over "Lavrov" */
		if (strlen(name) > strlen(e->name) && strchr(name, ' ')) {
			char *d = strdup(name);
			if (!d || rv_strlist_push_unique(&e->aliases, e->name, false)) {
				free(d);
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				break;
			}
			free(e->name);
			e->name = d;
			for (size_t a = 0; a < e->aliases.len; a++)
				if (!strcmp(e->aliases.items[a], d)) {
					free(e->aliases.items[a]);
					e->aliases.items[a] = e->aliases.items[--e->aliases.len];
					break;
				}
		}
		e->mentions += count;
		if (last_article && last_article[idx] != art) {
			e->articles++;
			last_article[idx] = art;
		}
		if (add_alias(e, name)) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			break;
		}
		json_t *al = sqlite3_column_text(st, 2) ? json_loads(col_str(st, 2), 0, NULL) : NULL;
		size_t ai;
		json_t *av;
		json_array_foreach(al, ai, av)
			if (json_is_string(av) && add_alias(e, json_string_value(av)))
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
		json_decref(al);
		if (rc)
			break;
		if (days) {
			const char *day = col_str(st, 4);
			rv_fact_day *d = NULL;
			for (size_t i = 0; i < e->n_days && !d; i++)
				if (!strcmp(e->days[i].day, day))
					d = &e->days[i];
			if (!d) {
				d = grow((void **)&e->days, &e->n_days, sizeof *d);
				if (!d || !(d->day = strdup(day))) {
					rc = rv_fail(err, RV_ENOMEM, "out of memory");
					break;
				}
			}
			d->mentions += count;
		}
	}
	if (rc == RV_OK && r != SQLITE_DONE)
		rc = fail(s, err, "story entities");
	sqlite3_finalize(st);
	free(last_article);
	index_release(&ix);
	if (rc == RV_OK && merge_types(out))
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
	/* the whole store's names for "revue entities": a sort, not insertions */
	if (rc == RV_OK &&
	    !rv_sort_stable(out->entities, out->n_entities, sizeof *out->entities, entities_by_mentions))
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
	for (size_t i = 0; i < out->n_entities && rc == RV_OK; i++)
		if (!rv_sort_stable(out->entities[i].days, out->entities[i].n_days, sizeof *out->entities[i].days,
				    days_in_order))
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
	if (limit > 0 && out->n_entities > (size_t)limit) {
		rv_story_facts tail = {0};
		tail.entities = out->entities + limit;
		tail.n_entities = out->n_entities - (size_t)limit;
		for (size_t i = 0; i < tail.n_entities; i++) {
			rv_fact_entity *e = &tail.entities[i];
			free(e->name);
			free(e->type);
			rv_strlist_release(&e->aliases);
			for (size_t d = 0; d < e->n_days; d++)
				free(e->days[d].day);
			free(e->days);
		}
		out->n_entities = (size_t)limit;
	}
	return rc;
}

int rv_store_story_facts(rv_store *s, int64_t event, rv_story_facts *out, rv_error *err)
{
	memset(out, 0, sizeof *out);
	int rc = load_quotes(s, event, out, err);
	if (!rc)
		rc = load_figures(s, event, out, err);
	if (!rc)
		rc = load_entities(s, event, 0, true, out, err);
	if (rc)
		rv_story_facts_release(out);
	return rc;
}

int rv_store_all_entities(rv_store *s, int limit, rv_story_facts *out, rv_error *err)
{
	memset(out, 0, sizeof *out);
	int rc = load_entities(s, 0, limit, false, out, err);
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
