/* entity_list.c - the entities grouped by key (see entity_list.h).
 *
 * One statement reads the mentions, each article's together, and each row
 * is added to its entity's tallies, found by key in a hash table: counts,
 * types and names are tallied in one pass, then the entities are sorted.
 * The whole list reads in article order (the index entities_article, which
 * follows the table's own order); reading in key order (entities_key) cost
 * a lookup in the table at a random place for every row, two thirds of
 * `revue entities` on a million mentions. A prefix picks a few keys and
 * reads them by key. Grouping in SQL (window functions joined over grouped
 * subqueries, as GET /api/entities did) left SQLite joining them row by
 * row: minutes on a million mentions.
 */
#include "store/entity_list.h"
#include "store/sqlite_int.h"
#include "analyze/ner_names.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* ?1 event, ?2 and ?3 the prefix as written and folded. */
static const char rows_sql[] = "SELECT e.key, e.name, COALESCE(e.type, ''), e.article, e.count";
static const char rows_aliases[] = ", e.aliases";
static const char rows_day[] = ", COALESCE(substr(a.published, 1, 10), '')"
			       " FROM entities e JOIN articles a ON a.id = e.article";
static const char rows_from[] = " FROM entities e";
static const char rows_keyed[] = " WHERE e.key IS NOT NULL";
static const char rows_of_event[] = " AND e.article IN (SELECT id FROM articles WHERE event = ?1)";
/* every form of the entity counts: a prefix of "Poutine" finds the entity
 * named "Vladimir Poutine". Each distinct name is folded once (the index
 * entities_name gives them), not every mention's: LIMIT -1 keeps SQLite
 * from pushing the test into the DISTINCT, where it would run on every row. */
static const char rows_of_prefix[] = " AND e.key IN (SELECT key FROM entities WHERE key IS NOT NULL"
				     " AND name IN (SELECT name FROM (SELECT DISTINCT name FROM entities LIMIT -1)"
				     " WHERE name LIKE ?2 ESCAPE '\\'"
				     " OR COALESCE(rv_fold(name), name) LIKE ?3 ESCAPE '\\'))";
/* Either order gives an entity's rows of one article one after the other,
 * which its article counts need (tally_add). */
static const char rows_by_article[] = " ORDER BY e.article";
static const char rows_by_key[] = " ORDER BY e.key, e.article";

enum { COL_KEY, COL_NAME, COL_TYPE, COL_ARTICLE, COL_COUNT, COL_MORE };

/* A form, a type, a day or an alias list of an entity, and its mentions. */
struct tally {
	char *s;
	int64_t mentions;
	int64_t articles;
	int64_t last; /* the last article counted in articles */
};

struct tallies {
	struct tally *v;
	size_t n, cap;
};

/* An entity while its rows are read. */
struct tallied {
	char *key;
	uint64_t hash; /* of key */
	int64_t articles, mentions, last;
	struct tallies names, types, days;
	struct tallies alias_lists; /* the aliases column's distinct values, read
				     * once each when the entity is finished */
};

/* One entity as listed. */
struct entity {
	char *key, *name, *type;
	int64_t articles, mentions;
	rv_strlist aliases;
	rv_entity_day *days;
	size_t n_days;
};

struct reading {
	const rv_entity_query *q;
	bool days;
	/* the entities being read, found by key through slots (open
	 * addressing: index in tallied + 1, 0 for none) */
	struct tallied *tallied;
	size_t n_tallied, cap_tallied;
	uint32_t *slots;
	size_t n_slots; /* a power of two, at least twice n_tallied */
	/* the entities read */
	struct entity *out;
	size_t n_out, cap_out;
};

static int fail(rv_store *s, rv_error *err)
{
	return rv_fail(err, RV_EDB, "%s: listing entities: %s", s->path, sqlite3_errmsg(s->db));
}

/* rv_fold(text): lower case, no accents (a prefix folded the same way is
 * a prefix of it), NULL when it does not fit. */
static void sql_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char out[RV_ENTITY_KEY_MAX];
	size_t n = s ? rv__ner_fold(s, strlen(s), out, sizeof out) : 0;
	if (n)
		sqlite3_result_text(cx, out, (int)n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
}

int rv__entity_list_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	return sqlite3_create_function(db, "rv_fold", 1, flags, NULL, sql_fold, NULL, NULL) ? RV_EDB : RV_OK;
}

/* A LIKE pattern "prefix%" with the prefix's wildcards escaped (it is data). */
static int like_prefix(sqlite3_stmt *st, int i, const char *prefix)
{
	rv_buf pat;
	rv_buf_init(&pat, 1 << 16);
	int rc = RV_OK;
	for (const char *p = prefix; *p && rc == RV_OK; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			rc = rv_buf_putc(&pat, '\\');
		if (rc == RV_OK)
			rc = rv_buf_putc(&pat, *p);
	}
	if (rc == RV_OK)
		rc = rv_buf_putc(&pat, '%');
	if (rc == RV_OK)
		sqlite3_bind_text(st, i, rv_buf_str(&pat), -1, SQLITE_TRANSIENT);
	rv_buf_release(&pat);
	return rc;
}

/* Add mentions of s in article to its tally (made when new). A linear
 * search: an entity has a few types, spellings and alias lists, and its
 * days are those of one story. */
static int tally_add(struct tallies *t, const char *s, int64_t article, int64_t mentions)
{
	struct tally *x = NULL;
	for (size_t i = t->n; i-- > 0 && !x;)
		if (!strcmp(t->v[i].s, s))
			x = &t->v[i];
	if (!x) {
		if (t->n == t->cap) {
			/* most entities have one type and one or two forms:
			 * small first, for the tens of thousands of them */
			size_t cap = t->cap ? t->cap * 2 : 2;
			struct tally *v = realloc(t->v, cap * sizeof *v);
			if (!v)
				return RV_ENOMEM;
			t->v = v;
			t->cap = cap;
		}
		x = &t->v[t->n];
		if (!(x->s = strdup(s)))
			return RV_ENOMEM;
		x->mentions = x->articles = x->last = 0;
		t->n++;
	}
	x->mentions += mentions;
	if (x->last != article) {
		x->articles++;
		x->last = article;
	}
	return RV_OK;
}

static void tallies_release(struct tallies *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].s);
	free(t->v);
	memset(t, 0, sizeof *t);
}

static void tallied_release(struct tallied *t)
{
	free(t->key);
	tallies_release(&t->names);
	tallies_release(&t->types);
	tallies_release(&t->days);
	tallies_release(&t->alias_lists);
}

/* No ASCII lower-case letter: "PORT-AURÈLE", "NATO" (SQL's upper(name) = name). */
static bool capitals(const char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			return false;
	return true;
}

/* Whether form a names the entity better than b (entity_list.h). */
static bool better_name(const struct tally *a, const struct tally *b, bool person)
{
	if (person) {
		bool fa = strchr(a->s, ' ') != NULL, fb = strchr(b->s, ' ') != NULL;
		if (fa != fb)
			return fa;
	}
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions;
	if (a->articles != b->articles)
		return a->articles > b->articles;
	bool ca = capitals(a->s), cb = capitals(b->s);
	if (ca != cb)
		return cb;
	size_t la = rv_utf8_length(a->s), lb = rv_utf8_length(b->s);
	if (la != lb)
		return la > lb;
	return strcmp(a->s, b->s) < 0;
}

static int cmp_form(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int cmp_day(const void *x, const void *y)
{
	return strcmp(((const struct tally *)x)->s, ((const struct tally *)y)->s);
}

static void entity_release(struct entity *e)
{
	free(e->key);
	free(e->name);
	free(e->type);
	rv_strlist_release(&e->aliases);
	for (size_t i = 0; i < e->n_days; i++)
		free((char *)e->days[i].day);
	free(e->days);
}

/* Its spellings and the variants its articles folded into them, sorted,
 * without its name. */
static int collect_aliases(struct tallied *t, const char *name, rv_strlist *aliases)
{
	rv_strlist forms;
	rv_strlist_init(&forms);
	int rc = RV_OK;
	for (size_t i = 0; i < t->names.n && !rc; i++)
		rc = rv_strlist_push(&forms, t->names.v[i].s);
	for (size_t l = 0; l < t->alias_lists.n && !rc; l++) {
		json_t *arr = json_loads(t->alias_lists.v[l].s, 0, NULL);
		size_t i;
		json_t *v;
		json_array_foreach(arr, i, v) {
			if (json_is_string(v) && (rc = rv_strlist_push(&forms, json_string_value(v))))
				break;
		}
		json_decref(arr);
	}
	if (!rc && forms.len)
		qsort(forms.items, forms.len, sizeof *forms.items, cmp_form);
	for (size_t i = 0; i < forms.len && !rc; i++) {
		const char *f = forms.items[i];
		if (strcmp(f, name) && (!i || strcmp(f, forms.items[i - 1])))
			rc = rv_strlist_push(aliases, f);
	}
	rv_strlist_release(&forms);
	return rc;
}

/* The entity t, read whole: its type and name are chosen, and it is kept
 * when it has the type asked for. t's key and days move to the list. */
static int finish(struct reading *r, struct tallied *t)
{
	struct entity e = { 0 };
	rv_strlist_init(&e.aliases);
	int rc = RV_OK;
	const struct tally *type = &t->types.v[0];
	for (size_t i = 1; i < t->types.n; i++) {
		const struct tally *x = &t->types.v[i];
		if (x->mentions > type->mentions || (x->mentions == type->mentions && strcmp(x->s, type->s) < 0))
			type = x;
	}
	if (r->q->type && strcmp(type->s, r->q->type))
		goto done;
	bool person = !strcmp(type->s, "person");
	const struct tally *name = &t->names.v[0];
	for (size_t i = 1; i < t->names.n; i++)
		if (better_name(&t->names.v[i], name, person))
			name = &t->names.v[i];
	e.articles = t->articles;
	e.mentions = t->mentions;
	if (!(e.name = strdup(name->s)) || !(e.type = strdup(type->s))) {
		rc = RV_ENOMEM;
		goto done;
	}
	e.key = t->key;
	t->key = NULL;
	if (r->q->aliases)
		rc = collect_aliases(t, name->s, &e.aliases);
	if (!rc && r->days && t->days.n) {
		qsort(t->days.v, t->days.n, sizeof *t->days.v, cmp_day);
		if (!(e.days = calloc(t->days.n, sizeof *e.days)))
			rc = RV_ENOMEM;
		for (size_t i = 0; i < t->days.n && !rc; i++) {
			e.days[i].day = t->days.v[i].s;
			e.days[i].mentions = t->days.v[i].mentions;
			t->days.v[i].s = NULL; /* moved */
			e.n_days++;
		}
	}
	if (!rc && r->n_out == r->cap_out) {
		size_t cap = r->cap_out ? r->cap_out * 2 : 64;
		struct entity *v = realloc(r->out, cap * sizeof *v);
		if (!v)
			rc = RV_ENOMEM;
		else {
			r->out = v;
			r->cap_out = cap;
		}
	}
	if (!rc) {
		r->out[r->n_out++] = e;
		memset(&e, 0, sizeof e);
	}
done:
	entity_release(&e);
	return rc;
}

/* Twice as many slots, every entity placed again. */
static int grow_slots(struct reading *r)
{
	size_t n = r->n_slots ? r->n_slots * 2 : 1024;
	if (n > UINT32_MAX)
		return RV_ENOMEM;
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return RV_ENOMEM;
	for (size_t i = 0; i < r->n_tallied; i++) {
		size_t at = r->tallied[i].hash & (n - 1);
		while (slots[at])
			at = (at + 1) & (n - 1);
		slots[at] = (uint32_t)i + 1;
	}
	free(r->slots);
	r->slots = slots;
	r->n_slots = n;
	return RV_OK;
}

/* The entity of key, made when new; NULL when out of memory. */
static struct tallied *find_tallied(struct reading *r, const char *key)
{
	uint64_t hash = XXH3_64bits(key, strlen(key));
	if (2 * (r->n_tallied + 1) > r->n_slots && grow_slots(r))
		return NULL;
	size_t at = hash & (r->n_slots - 1);
	for (; r->slots[at]; at = (at + 1) & (r->n_slots - 1)) {
		struct tallied *t = &r->tallied[r->slots[at] - 1];
		if (t->hash == hash && !strcmp(t->key, key))
			return t;
	}
	if (r->n_tallied == r->cap_tallied) {
		size_t cap = r->cap_tallied ? r->cap_tallied * 2 : 256;
		struct tallied *v = realloc(r->tallied, cap * sizeof *v);
		if (!v)
			return NULL;
		r->tallied = v;
		r->cap_tallied = cap;
	}
	struct tallied *t = &r->tallied[r->n_tallied];
	memset(t, 0, sizeof *t);
	if (!(t->key = strdup(key)))
		return NULL;
	t->hash = hash;
	r->slots[at] = (uint32_t)++r->n_tallied;
	return t;
}

/* One mention row, added to its entity's tallies. */
static int read_row(struct reading *r, sqlite3_stmt *st)
{
	const char *key = (const char *)sqlite3_column_text(st, COL_KEY);
	const char *name = (const char *)sqlite3_column_text(st, COL_NAME);
	const char *type = (const char *)sqlite3_column_text(st, COL_TYPE);
	int64_t article = sqlite3_column_int64(st, COL_ARTICLE);
	int64_t count = sqlite3_column_int64(st, COL_COUNT);
	if (!key || !name || !type)
		return RV_OK;
	struct tallied *t = find_tallied(r, key);
	if (!t)
		return RV_ENOMEM;
	t->mentions += count;
	if (t->last != article) {
		t->articles++;
		t->last = article;
	}
	int rc;
	if ((rc = tally_add(&t->names, name, article, count)) || (rc = tally_add(&t->types, type, article, count)))
		return rc;
	int col = COL_MORE;
	if (r->q->aliases) {
		/* "[]" adds no form: most rows */
		const char *al = (const char *)sqlite3_column_text(st, col++);
		if (al && strcmp(al, "[]") && (rc = tally_add(&t->alias_lists, al, article, 0)))
			return rc;
	}
	if (r->days)
		rc = tally_add(&t->days, (const char *)sqlite3_column_text(st, col), article, count);
	return rc;
}

/* named by the most articles first, then the most mentions, then by name */
static int cmp_entity(const void *x, const void *y)
{
	const struct entity *a = x, *b = y;
	if (a->articles != b->articles)
		return a->articles < b->articles ? 1 : -1;
	if (a->mentions != b->mentions)
		return a->mentions < b->mentions ? 1 : -1;
	int c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->key, b->key);
}

static int prepare(rv_store *s, const rv_entity_query *q, bool days, sqlite3_stmt **st, rv_error *err)
{
	rv_buf sql;
	rv_buf_init(&sql, 4096);
	int rc = rv_buf_puts(&sql, rows_sql);
	if (!rc && q->aliases)
		rc = rv_buf_puts(&sql, rows_aliases);
	if (!rc)
		rc = rv_buf_puts(&sql, days ? rows_day : rows_from);
	if (!rc)
		rc = rv_buf_puts(&sql, rows_keyed);
	if (!rc && q->event)
		rc = rv_buf_puts(&sql, rows_of_event);
	if (!rc && q->prefix)
		rc = rv_buf_puts(&sql, rows_of_prefix);
	if (!rc)
		rc = rv_buf_puts(&sql, q->prefix ? rows_by_key : rows_by_article);
	if (rc)
		rc = rv_fail(err, RV_EINPUT, "listing entities: the query does not fit");
	else if (sqlite3_prepare_v2(s->db, rv_buf_str(&sql), -1, st, NULL))
		rc = fail(s, err);
	rv_buf_release(&sql);
	if (rc)
		return rc;
	if (q->event)
		sqlite3_bind_int64(*st, 1, q->event);
	if (q->prefix) {
		char folded[RV_ENTITY_KEY_MAX];
		size_t n = rv__ner_fold(q->prefix, strlen(q->prefix), folded, sizeof folded);
		if (like_prefix(*st, 2, q->prefix) || like_prefix(*st, 3, n ? folded : q->prefix)) {
			sqlite3_finalize(*st);
			*st = NULL;
			return rv_fail(err, RV_EINPUT, "the name prefix is too long");
		}
	}
	return RV_OK;
}

int rv_store_each_entity(rv_store *s, const rv_entity_query *q, rv_entity_row_fn fn, void *ctx,
			 rv_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, q, q->days, &st, err);
	if (rc)
		return rc;
	struct reading r = { .q = q, .days = q->days };
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW && !(rc = read_row(&r, st)))
		;
	if (!rc && step != SQLITE_DONE)
		rc = fail(s, err);
	sqlite3_finalize(st);
	/* each entity is finished as soon as it is listed: the tallies of
	 * the rest stay, not two copies of every entity */
	for (size_t i = 0; i < r.n_tallied; i++) {
		if (!rc)
			rc = finish(&r, &r.tallied[i]);
		tallied_release(&r.tallied[i]);
	}
	free(r.tallied);
	free(r.slots);
	if (rc == RV_ENOMEM)
		rv_fail(err, rc, "out of memory");
	if (!rc && r.n_out)
		qsort(r.out, r.n_out, sizeof *r.out, cmp_entity);
	size_t from = q->offset > 0 ? (size_t)q->offset : 0;
	size_t to = q->limit > 0 && from + (size_t)q->limit < r.n_out ? from + (size_t)q->limit : r.n_out;
	for (size_t i = from; !rc && i < to; i++) {
		const struct entity *e = &r.out[i];
		rv_entity_row row = { e->key, e->name, e->type, e->articles, e->mentions,
				      q->aliases ? &e->aliases : NULL, e->days, e->n_days };
		rc = fn(&row, ctx);
	}
	for (size_t i = 0; i < r.n_out; i++)
		entity_release(&r.out[i]);
	free(r.out);
	return rc;
}
