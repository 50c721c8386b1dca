/* explain.c - why each article is in its event.
 *
 * Each stored article is analyzed again and compared with the event's saved
 * centroid (the cosine now, with the document frequencies the store holds,
 * so it can differ from the similarity recorded when the article was
 * placed) and with the sum of the event's other articles: the centroid
 * holds the article itself, so its own words would all look shared. The
 * terms shown are those that weigh most against the others. The grouper's terms are
 * stems ("termin"), translated stems (a French "grev" counts as "strike")
 * and folded names ("@irena castell"); a reader gets them back as the
 * article wrote them ("Terminal", "grève", "Irena Castell").
 *
 * The document frequencies are read from the store term by term
 * (rv_store_df_read), not loaded whole: an event has a few hundred terms,
 * a large store millions.
 */
#include "pipeline/explain.h"
#include "analyze/analyze.h"
#include "core/utf8.h"
#include "pipeline/pipeline.h"
#include "store/group_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPLAIN_TERMS 8
#define EXPLAIN_CENTROID_TERMS 20

/* ---- the words behind the terms ---- */

/* s (n bytes) into out, cut at a character's boundary to fit */
static void copy_word(char *out, size_t cap, const char *s, size_t n)
{
	n = rv_utf8_prefix(s, n, cap - 1);
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The words of an article that stems were made from, for people to read
 * ("terminal" for "termin", "Aurèle" for "aurel"): for each stem the
 * shortest word whose folded form starts with it, as Snowball's stems
 * mostly do (of "port", "port" rather than "portes"), from the title when
 * the title has one; for the stems no word starts with ("lorval" of
 * "Lorvaux", Snowball's plural rule), the shortest word the analyzer stems
 * to it. Each pass reads a text for the stems still without a word. */
struct stem_words {
	const char *text; /* the one being read */
	rv_analyzer *an;  /* NULL: words that start with the stem; else stemmed in lang */
	const char *lang;
	size_t n;
	struct {
		const char *stem;
		size_t stem_len;
		const char *best; /* NULL: none yet */
		size_t best_len, best_folded;
	} s[EXPLAIN_TERMS];
};

static void stem_words_token(const char *tok, size_t len, size_t off, void *ctx)
{
	struct stem_words *w = ctx;
	char stem[64];
	size_t n = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (w->s[i].best && len >= w->s[i].best_folded)
			continue;
		if (!w->an) {
			if (len < w->s[i].stem_len || memcmp(tok, w->s[i].stem, w->s[i].stem_len))
				continue;
		} else {
			if (!n && !(n = rv_stem(w->an, w->lang, tok, len, stem, sizeof stem)))
				return;
			if (n != w->s[i].stem_len || memcmp(stem, w->s[i].stem, n))
				continue;
		}
		w->s[i].best = w->text + off;
		w->s[i].best_len = rv_token_span(w->text, off, tok, len);
		w->s[i].best_folded = len;
	}
}

/* Read text (may be NULL) for the stems of w that have no word yet. */
static void read_missing(struct stem_words *w, const char *text)
{
	struct stem_words rest = { .text = text, .an = w->an, .lang = w->lang, .n = 0 };
	size_t at[EXPLAIN_TERMS];
	for (size_t i = 0; i < w->n; i++)
		if (!w->s[i].best) {
			at[rest.n] = i;
			rest.s[rest.n++] = w->s[i];
		}
	if (!rest.n || !text)
		return;
	rv_tokenize(text, strlen(text), stem_words_token, &rest);
	for (size_t i = 0; i < rest.n; i++)
		w->s[at[i]] = rest.s[i];
}

static void words_of_stems(rv_analyzer *an, const rv_article *a, struct stem_words *w)
{
	w->an = NULL;
	read_missing(w, a->title);
	read_missing(w, a->text);
	if (!a->stem_lang)
		return;
	w->an = an;
	w->lang = a->stem_lang;
	read_missing(w, a->title);
	read_missing(w, a->text);
}

/* ---- one article ---- */

/* An article of the event, analyzed again (duplicates are not: they are
 * explained by their original). */
struct member {
	rv_article a;
	json_t *o; /* its entry in "why" (borrowed) */
};

struct explain {
	rv_analyzer *an;
	rv_grouper *g;
	rv_group_peers *peers;
	const rv_event *ev;
	json_t *why;
	struct member *members;
	size_t n_members;
	rv_error *err;
};

static int json_add(json_t *o, const char *key, json_t *v)
{
	return v && !json_object_set_new(o, key, v) ? RV_OK : RV_ENOMEM;
}

/* Member i's o gets shared_terms and shared_words: the terms its article
 * shares with the event's other articles, the heaviest first. */
static int describe_shared(struct explain *x, size_t i_member)
{
	struct member *m = &x->members[i_member];
	rv_shared_term shared[EXPLAIN_TERMS];
	size_t n = 0;
	double others = rv_group_peers_explain(x->peers, i_member, &m->a, shared, EXPLAIN_TERMS, &n);
	json_t *terms = json_array(), *words = json_array();
	int rc = json_add(m->o, "others_similarity", json_real(others));
	if (!rc)
		rc = json_add(m->o, "shared_terms", terms);
	else
		json_decref(terms);
	if (!rc)
		rc = json_add(m->o, "shared_words", words);
	else
		json_decref(words);
	/* an entity is shown by its name as written, a stem by its word */
	struct stem_words stems = { .n = 0 };
	size_t stem_of[EXPLAIN_TERMS] = { 0 };
	for (size_t i = 0; i < n; i++)
		if (shared[i].term[0] != '@') {
			stem_of[i] = stems.n;
			stems.s[stems.n].stem = shared[i].own;
			stems.s[stems.n++].stem_len = strlen(shared[i].own);
		}
	words_of_stems(x->an, &m->a, &stems);
	for (size_t i = 0; i < n && !rc; i++) {
		char word[64];
		const char *w = shared[i].own;
		size_t len = strlen(w);
		if (shared[i].term[0] != '@' && stems.s[stem_of[i]].best_len) {
			w = stems.s[stem_of[i]].best;
			len = stems.s[stem_of[i]].best_len;
		}
		copy_word(word, sizeof word, w, len);
		if (json_array_append_new(terms, json_string(shared[i].term)) ||
		    json_array_append_new(words, json_string(word)))
			rc = RV_ENOMEM;
	}
	return rc == RV_ENOMEM ? rv_fail(x->err, RV_ENOMEM, "out of memory") : rc;
}

/* A copy of the stored article analyzed again, among the members: o gets
 * centroid_similarity, and the peers its vector. */
static int add_member(struct explain *x, const rv_article *stored, json_t *o)
{
	struct member *m = &x->members[x->n_members];
	rv_article_init(&m->a);
	m->o = o;
	x->n_members++; /* released with the others, however far it got */
	if (rv_str_set(&m->a.title, stored->title) || rv_str_set(&m->a.text, stored->text) ||
	    rv_str_set(&m->a.lang, stored->lang))
		return rv_fail(x->err, RV_ENOMEM, "out of memory");
	int rc = rv_analyze(x->an, &m->a, x->err);
	if (rc)
		return rc;
	rv_shared_term unused[1];
	size_t n = 0;
	double now = rv_group_explain(x->g, &m->a, x->ev, unused, 0, &n);
	if (json_add(o, "centroid_similarity", json_real(now)) || rv_group_peers_add(x->peers, &m->a))
		return rv_fail(x->err, RV_ENOMEM, "out of memory");
	return RV_OK;
}

static int each_article(const rv_article *stored, void *ctx)
{
	struct explain *x = ctx;
	/* the store gives one more than are explained: it only says there are more */
	if (json_array_size(x->why) == RV_EXPLAIN_MAX_ARTICLES)
		return json_array_append_new(x->why, json_null()) ? rv_fail(x->err, RV_ENOMEM, "out of memory")
								 : RV_OK;
	json_t *o = json_object();
	if (!o || json_array_append_new(x->why, o))
		return rv_fail(x->err, RV_ENOMEM, "out of memory");
	int rc = json_add(o, "id", json_integer(stored->id));
	if (!rc)
		rc = json_add(o, "title", stored->title ? json_string(stored->title) : json_null());
	if (!rc)
		rc = json_add(o, "similarity", json_real(stored->event_similarity));
	if (rc)
		return rv_fail(x->err, RV_ENOMEM, "out of memory");
	if (stored->duplicate_of) {
		if (json_add(o, "duplicate_of", json_integer(stored->duplicate_of)) ||
		    json_add(o, "duplicate_similarity", json_real(stored->duplicate_similarity)))
			return rv_fail(x->err, RV_ENOMEM, "out of memory");
		return RV_OK;
	}
	/* the grouper stores a similarity of 1 for the article that started an
	 * event (this one, or one merged into it since) */
	if (json_add(o, "started_event", json_boolean(stored->event_similarity >= 1.0)))
		return rv_fail(x->err, RV_ENOMEM, "out of memory");
	return add_member(x, stored, o);
}

/* ---- the event ---- */

static json_t *thresholds_json(const rv_group_config *cfg)
{
	return json_pack("{s:f, s:f, s:f, s:f}", "event", cfg->event_threshold, "headline",
			 cfg->short_threshold, "full_article", cfg->long_threshold, "clear",
			 cfg->clear_threshold);
}

int rv_explain_event(rv_store *store, int64_t event, const rv_group_config *cfg, json_t **out,
		     rv_error *err)
{
	*out = NULL;
	rv_event ev;
	int rc = rv_store_get_event(store, event, &ev, err);
	if (rc)
		return rc;
	struct explain x = { .ev = &ev, .err = err };
	x.members = calloc(RV_EXPLAIN_MAX_ARTICLES, sizeof *x.members);
	rv_df_reader *dfs = NULL;
	uint64_t docs = 0;
	/* o owns the arrays from the start; they are filled in place */
	json_t *o = json_object(), *centroid = json_array();
	x.why = json_array();
	if (!o || !centroid || !x.why || !x.members) {
		json_decref(centroid);
		json_decref(x.why);
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	if (json_add(o, "event", json_integer(event)) || json_add(o, "thresholds", thresholds_json(cfg)) ||
	    json_object_set_new(o, "centroid_terms", centroid) ||
	    json_add(o, "articles", json_integer(ev.n_articles)) ||
	    json_add(o, "truncated", json_false()) || json_object_set_new(o, "why", x.why)) {
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	if ((rc = rv_analyzer_new(&x.an, err)) || (rc = rv_grouper_new(cfg, &x.g, err)) ||
	    (rc = rv_group_peers_new(x.g, &x.peers, err)) ||
	    (rc = rv_group_load_term_map(x.g, err)) || (rc = rv_store_df_reader_open(store, &dfs, &docs, err)) ||
	    (rc = rv_store_load_group_languages(store, x.g, err)) ||
	    (rc = rv_pipeline_load_stemmed(store, x.an, err)))
		goto out;
	rv_analyzer_set_title_weight(x.an, cfg->title_weight);
	rv_grouper_set_docs(x.g, docs);
	rv_grouper_set_df_source(x.g, rv_store_df_read, dfs);
	for (size_t i = 0; i < ev.n_centroid && i < EXPLAIN_CENTROID_TERMS; i++)
		if (json_array_append_new(centroid, json_string(ev.centroid[i].term))) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			goto out;
		}
	rv_filter f = { 0 };
	f.event = event;
	f.limit = RV_EXPLAIN_MAX_ARTICLES + 1; /* one more tells there are more */
	if ((rc = rv_store_each_article(store, &f, each_article, &x, err)))
		goto out;
	for (size_t i = 0; i < x.n_members; i++)
		if ((rc = describe_shared(&x, i)))
			goto out;
	if (json_array_size(x.why) > RV_EXPLAIN_MAX_ARTICLES) {
		json_array_remove(x.why, RV_EXPLAIN_MAX_ARTICLES);
		if (json_add(o, "truncated", json_true())) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			goto out;
		}
	}
	*out = o;
	o = NULL;
out:
	json_decref(o);
	rv_store_df_reader_close(&dfs);
	for (size_t i = 0; i < x.n_members; i++)
		rv_article_release(&x.members[i].a);
	free(x.members);
	rv_group_peers_free(&x.peers);
	rv_grouper_free(&x.g);
	rv_analyzer_free(&x.an);
	rv_event_release(&ev);
	return rc;
}
