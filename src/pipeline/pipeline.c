#include "pipeline/pipeline.h"
#include "analyze/analyze.h"
#include "core/date.h"
#include "extract/extract.h"
#include "store/group_store.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct rv_pipeline {
	rv_store *store;
	rv_analyzer *analyzer;
	rv_grouper *grouper;
	rv_dedup *dedup;
	bool defer_undated;
	rv_article *deferred;  /* undated articles waiting for the batch's end */
	size_t n_deferred, cap_deferred;
	rv_group_config cfg;
	bool in_tx;
	size_t batch;
	rv_pipeline_stats stats;
};

static int load_event(const rv_event *ev, void *ctx)
{
	return rv_grouper_load_event(ctx, ev);
}

/* The French->English term map built by `make` (build/fr-en.map), found
 * through $REVUE_TERM_MAP, next to the binary's build directory, or the
 * installed data directory. Absent: grouping works without it. */
int rv_group_load_term_map(rv_grouper *g, rv_error *err)
{
	const char *env = getenv("REVUE_TERM_MAP");
	if (env && !*env)
		return RV_OK; /* explicitly off */
	/* next to the binary: ./revue -> build/fr-en.map, build/san/revue -> build/fr-en.map */
	char exe[1024], near1[1100], near2[1100];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	near1[0] = near2[0] = '\0';
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(near1, sizeof near1, "%s/build/fr-en.map", exe);
			snprintf(near2, sizeof near2, "%s/../fr-en.map", exe);
		}
	}
	const char *candidates[] = { env, near1, near2, "/usr/local/share/revue/fr-en.map" };
	for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
		if (!candidates[i] || !*candidates[i] || access(candidates[i], R_OK))
			continue;
		return rv_grouper_load_map(g, "fr", candidates[i], err);
	}
	return RV_OK;
}

int rv_pipeline_open(rv_store *store, const rv_group_config *cfg, rv_pipeline **out, rv_error *err)
{
	*out = NULL;
	rv_pipeline *p = calloc(1, sizeof *p);
	if (!p)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	p->store = store;
	int64_t next_event, next_storyline;
	int rc;
	if (cfg)
		p->cfg = *cfg;
	else if ((rc = rv_group_config_from_env(&p->cfg, err))) {
		free(p);
		return rc;
	}
	if ((rc = rv_analyzer_new(&p->analyzer, err)) ||
	    (rc = rv_grouper_new(&p->cfg, &p->grouper, err)) ||
	    (rc = rv_dedup_new(&p->cfg, &p->dedup, err)) ||
	    (rc = rv_store_next_ids(store, &next_event, &next_storyline, err)))
		goto fail;
	rv_analyzer_set_title_weight(p->analyzer, p->cfg.title_weight);
	rv_grouper_set_next_ids(p->grouper, next_event, next_storyline);
	if ((rc = rv_group_load_term_map(p->grouper, err)))
		goto fail;
	/* Storylines span longer than events: load what either may still join. */
	int window = p->cfg.storyline_window_days > p->cfg.event_window_days
			     ? p->cfg.storyline_window_days
			     : p->cfg.event_window_days;
	if ((rc = rv_store_load_events(store, window, load_event, p->grouper, err)) ||
	    (rc = rv_store_load_group_state(store, p->grouper, err)) ||
	    (rc = rv_pipeline_load_stemmed(store, p->analyzer, err)))
		goto fail;
	*out = p;
	return RV_OK;
fail:
	rv_dedup_free(&p->dedup);
	rv_grouper_free(&p->grouper);
	rv_analyzer_free(&p->analyzer);
	free(p);
	return rc;
}

static void seed_stemmed(const char *lang, uint32_t n, void *ctx)
{
	rv_analyzer_count_stemmed(ctx, lang, n);
}

int rv_pipeline_load_stemmed(rv_store *store, rv_analyzer *an, rv_error *err)
{
	return rv_store_each_count(store, "stem:", seed_stemmed, an, err);
}

struct stem_writer {
	rv_store *store;
	rv_error *err;
};

static int write_stemmed(const char *lang, unsigned n, void *ctx)
{
	struct stem_writer *w = ctx;
	return rv_store_write_count(w->store, "stem:", lang, n, w->err);
}

static int save_event(const rv_event *ev, void *ctx)
{
	rv_pipeline *p = ctx;
	return rv_store_save_event(p->store, ev, NULL);
}

static int place_deferred(rv_pipeline *p, rv_error *err);

int rv_pipeline_commit(rv_pipeline *p, rv_error *err)
{
	if (!p->in_tx)
		return RV_OK;
	int rc = place_deferred(p, err);
	if (rc) {
		rv_store_rollback(p->store);
		p->in_tx = false;
		return rc;
	}
	rc = rv_grouper_flush(p->grouper, save_event, p);
	if (rc == RV_OK)
		rc = rv_store_save_group_state(p->store, p->grouper, err);
	struct stem_writer sw = { p->store, err };
	if (rc == RV_OK)
		rc = rv_analyzer_each_stemmed(p->analyzer, write_stemmed, &sw);
	if (rc) {
		rv_store_rollback(p->store);
		p->in_tx = false;
		return rv_fail(err, rc, "saving events failed");
	}
	rc = rv_store_commit(p->store, err);
	p->in_tx = false;
	p->batch = 0;
	return rc;
}

int rv_pipeline_close(rv_pipeline **pp, rv_error *err)
{
	if (!pp || !*pp)
		return RV_OK;
	rv_pipeline *p = *pp;
	int rc = rv_pipeline_commit(p, err);
	for (size_t i = 0; i < p->n_deferred; i++)
		rv_article_release(&p->deferred[i]);
	free(p->deferred);
	rv_dedup_free(&p->dedup);
	rv_grouper_free(&p->grouper);
	rv_analyzer_free(&p->analyzer);
	free(p);
	*pp = NULL;
	return rc;
}

/* Is a the same text as the stored article orig (published at
 * orig_published, epoch seconds; 0 unknown), published an hour or more
 * earlier? Then a is the original (a wire story read after its reprint),
 * when orig is in this run's memory and can be made its duplicate: hit
 * then names it as superseded. */
static bool earlier_copy(rv_pipeline *p, const rv_article *a, int64_t orig, int64_t orig_published,
			 rv_dup_hit *hit)
{
	int64_t published = rv_date_iso_epoch(a->published);
	return orig_published && published && published + RV_EARLIER_COPY_SECONDS <= orig_published &&
	       !rv_dedup_check(p->dedup, a, hit) && hit->superseded == orig;
}

/* Decide what an analyzed article is (unchanged, duplicate, or an original
 * placed in an event) and store it. */
static int place_and_store(rv_pipeline *p, rv_article *a, int64_t *id, rv_error *err)
{
	int rc;
	bool seen = false;
	if ((rc = rv_store_has_article(p->store, a, &seen, err)))
		return rc;
	if (seen) {
		/* the stream's languages count what is stored, once */
		rv_analyzer_uncount_stemmed(p->analyzer, a->stem_lang);
		p->stats.unchanged++;
		return RV_OK;
	}
	int64_t orig, event, storyline, orig_published;
	rv_dup_hit hit = { 0 };
	bool original = false;
	if ((rc = rv_store_find_original(p->store, a->content_hash, &orig, &event, &storyline,
					 &orig_published, err)))
		return rc;
	if (orig && earlier_copy(p, a, orig, orig_published, &hit))
		orig = 0;
	else
		hit.superseded = 0;
	if (orig) {
		/* Same text elsewhere: a pointer to the original, its event. */
		a->duplicate_of = orig;
		a->duplicate_similarity = 1.0;
		a->event = event;
		a->storyline = storyline;
		p->stats.duplicates++;
	} else if (!hit.superseded && rv_dedup_check(p->dedup, a, &hit)) {
		/* Near-same text or the same page under another URL form. */
		a->duplicate_of = hit.id;
		a->duplicate_similarity = hit.similarity;
		a->duplicate_adds_text = hit.adds_text;
		/* the original's event as it is now (it may have been merged) */
		if ((rc = rv_store_grouping_of(p->store, hit.id, &a->event, &a->storyline, err)))
			return rc;
		p->stats.duplicates++;
	} else {
		if ((rc = rv_grouper_place(p->grouper, a, err)))
			return rc;
		p->stats.stored++;
		original = true;
	}
	if ((rc = rv_store_insert_article(p->store, a, err)))
		return rc;
	if (original)
		rv_dedup_add(p->dedup, a);
	if (original && hit.superseded) {
		/* the page behind a feed teaser, or the same text published
		 * earlier, met after the one stored in this run: that one becomes
		 * its duplicate, as it would have had it come second */
		bool done;
		if ((rc = rv_store_supersede(p->store, hit.superseded, a, hit.similarity,
					     hit.superseded_adds_text, &done, err)))
			return rc;
		if (done) {
			p->stats.stored--;
			p->stats.duplicates++;
		}
	}
	if (id)
		*id = a->id;
	return RV_OK;
}

/* Undated articles of a batch, placed after its dated ones: by then the
 * events they may belong to hold every dated report of the batch, so the
 * choice made on content alone is made with the most evidence. */
static int place_deferred(rv_pipeline *p, rv_error *err)
{
	int rc = RV_OK;
	for (size_t i = 0; i < p->n_deferred; i++) {
		if (rc == RV_OK)
			rc = place_and_store(p, &p->deferred[i], NULL, err);
		rv_article_release(&p->deferred[i]);
	}
	p->n_deferred = 0;
	return rc;
}

static int defer(rv_pipeline *p, rv_article *a)
{
	if (p->n_deferred == p->cap_deferred) {
		size_t cap = p->cap_deferred ? p->cap_deferred * 2 : 32;
		rv_article *d = realloc(p->deferred, cap * sizeof *d);
		if (!d)
			return RV_ENOMEM;
		p->deferred = d;
		p->cap_deferred = cap;
	}
	p->deferred[p->n_deferred++] = *a; /* takes everything a holds */
	rv_article_init(a);
	return RV_OK;
}

void rv_pipeline_defer_undated(rv_pipeline *p, bool on)
{
	p->defer_undated = on;
}

int rv_pipeline_add(rv_pipeline *p, const rv_record *rec, int64_t *id, rv_error *err)
{
	rv_article a;
	rv_article_init(&a);
	int rc;
	p->stats.records++;
	if (id)
		*id = 0;
	if ((rc = rv_extract(rec, &a, err)) || (rc = rv_analyze(p->analyzer, &a, err))) {
		if (rc == RV_EINPUT)
			p->stats.rejected++;
		goto out;
	}
	if (!p->in_tx) {
		if ((rc = rv_store_begin(p->store, err)))
			goto out;
		p->in_tx = true;
	}
	if (p->defer_undated && !a.published)
		rc = defer(p, &a);
	else
		rc = place_and_store(p, &a, id, err);
	if (rc)
		goto out;
	if (++p->batch >= RV_PIPELINE_BATCH)
		rc = rv_pipeline_commit(p, err);
out:
	rv_article_release(&a);
	return rc;
}

const rv_pipeline_stats *rv_pipeline_stats_get(const rv_pipeline *p)
{
	return &p->stats;
}
