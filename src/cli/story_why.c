/* story_why.c - revue story ID --why: why each article is in its event.
 * Re-analyzes each stored article and compares it with the event's saved
 * centroid: the cosine (with IDF as the grouper had it when the centroid was
 * saved, so it can differ from the similarity recorded at placement) and the
 * terms that contribute most. */
#include "analyze/analyze.h"
#include "cli/cli.h"
#include "core/utf8.h"
#include "pipeline/pipeline.h"
#include "store/group_store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define WHY_TERMS 8

struct why {
	rv_analyzer *an;
	rv_grouper *g;
	const rv_event *ev;
	bool json;
	json_t *arr;
	bool seen_start; /* an article that started an event was listed */
	int rc;
	rv_error err;
};

/* The word of text at off as written: letters and digits, and the
 * separators inside a figure ("1,200"), as rv_tokenize read it. */
static size_t word_at(const char *text, size_t off)
{
	const char *p = text + off, *end = text + off + strlen(text + off);
	while (p < end) {
		const char *at = p;
		int32_t cp = rv_utf8_next(&p, end);
		if (rv_cp_is_alnum(cp))
			continue;
		bool in_figure = (cp == '.' || cp == ',') && at > text + off && at[-1] >= '0' &&
				 at[-1] <= '9' && p < end && *p >= '0' && *p <= '9';
		if (!in_figure) {
			p = at;
			break;
		}
	}
	return (size_t)(p - (text + off));
}

/* The word of an article a stem was made from, for people to read:
 * "terminal" for "termin", "Aurèle" for "aurel". The shortest word whose
 * folded form starts with the stem, as Snowball's stems mostly do (of
 * "port", "port" rather than "portes"), from the title if it has one; the
 * stem itself when no word does. */
struct stem_word {
	const char *stem, *text; /* text: the one being read */
	size_t stem_len;
	const char *best; /* the word found, NULL: none yet */
	size_t best_len, best_folded;
};

static void stem_word_token(const char *tok, size_t len, size_t off, void *ctx)
{
	struct stem_word *w = ctx;
	if (len < w->stem_len || memcmp(tok, w->stem, w->stem_len) || (w->best && len >= w->best_folded))
		return;
	w->best = w->text + off;
	w->best_len = word_at(w->text, off);
	w->best_folded = len;
}

static void word_of_stem(const rv_article *a, const char *stem, char *out, size_t cap)
{
	struct stem_word w = { .stem = stem, .stem_len = strlen(stem) };
	const char *texts[2] = { a->title, a->text };
	for (int i = 0; i < 2 && !w.best; i++) {
		if (!texts[i])
			continue;
		w.text = texts[i];
		rv_tokenize(texts[i], strlen(texts[i]), stem_word_token, &w);
	}
	if (w.best && w.best_len)
		snprintf(out, cap, "%.*s", (int)w.best_len, w.best);
	else
		snprintf(out, cap, "%s", stem);
}

static int why_article(const rv_article *stored, void *vctx)
{
	struct why *w = vctx;
	json_t *o = w->json ? json_object() : NULL;
	if (o) {
		json_object_set_new(o, "id", json_integer(stored->id));
		if (stored->title)
			json_object_set_new(o, "title", json_string(stored->title));
		json_object_set_new(o, "similarity", json_real(stored->event_similarity));
	}
	if (stored->duplicate_of) {
		if (o) {
			json_object_set_new(o, "duplicate_of", json_integer(stored->duplicate_of));
			json_object_set_new(o, "duplicate_similarity",
					    json_real(stored->duplicate_similarity));
			json_array_append_new(w->arr, o);
		} else {
			printf("  #%-6lld duplicate of #%lld (text similarity %.2f)  %s\n",
			       (long long)stored->id, (long long)stored->duplicate_of,
			       stored->duplicate_similarity, stored->title ? stored->title : "");
		}
		return RV_OK;
	}
	/* a copy to analyze: the callback's article is borrowed */
	rv_article a;
	rv_article_init(&a);
	if (rv_str_set(&a.title, stored->title) || rv_str_set(&a.text, stored->text) ||
	    rv_str_set(&a.lang, stored->lang)) {
		rv_article_release(&a);
		json_decref(o);
		return RV_ENOMEM;
	}
	int rc = rv_analyze(w->an, &a, &w->err);
	if (rc) {
		rv_article_release(&a);
		json_decref(o);
		return rc;
	}
	rv_shared_term shared[WHY_TERMS];
	size_t n = 0;
	double now = rv_group_explain(w->g, &a, w->ev, shared, WHY_TERMS, &n);
	/* what the article wrote: a stem's word, an entity's name as written */
	char words[WHY_TERMS][64];
	for (size_t i = 0; i < n; i++) {
		if (shared[i].term[0] == '@')
			snprintf(words[i], sizeof words[i], "%s", shared[i].own);
		else
			word_of_stem(&a, shared[i].own, words[i], sizeof words[i]);
	}
	/* The grouper stores a similarity of 1 for the article that started
	 * an event; the first of them (by id) started this one, any other one
	 * an event merged into it since. */
	bool started = stored->event_similarity >= 1.0;
	bool first = started && !w->seen_start;
	if (started)
		w->seen_start = true;
	if (o) {
		json_object_set_new(o, "started_event", json_boolean(started));
		json_object_set_new(o, "centroid_similarity", json_real(now));
		json_t *t = json_array(), *ws = json_array();
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(t, json_string(shared[i].term));
			json_array_append_new(ws, json_string(words[i]));
		}
		json_object_set_new(o, "shared_terms", t);
		json_object_set_new(o, "shared_words", ws);
		json_array_append_new(w->arr, o);
	} else {
		if (first)
			printf("  #%-6lld started the event, now %.2f to it; shared:", (long long)stored->id, now);
		else if (started)
			printf("  #%-6lld started an event merged into this one, now %.2f to it; shared:",
			       (long long)stored->id, now);
		else
			printf("  #%-6lld joined at %.2f, now %.2f to the event; shared:",
			       (long long)stored->id, stored->event_similarity, now);
		size_t shown = 0;
		for (size_t i = 0; i < n; i++) {
			/* a name and the word it is written with say one thing */
			bool again = false;
			for (size_t j = 0; j < i && !again; j++)
				again = !strcasecmp(words[j], words[i]);
			if (!again)
				printf("%s %s", shown++ ? "," : "", words[i]);
		}
		printf("\n      %s\n", stored->title ? stored->title : "(no title)");
	}
	rv_article_release(&a);
	return RV_OK;
}

int cli_story_why(rv_store *store, int64_t event, bool json)
{
	struct why w = { .json = json };
	rv_error_clear(&w.err);
	rv_event ev;
	rv_group_config cfg;
	int rc;
	if ((rc = rv_store_get_event(store, event, &ev, &w.err))) {
		fprintf(stderr, "revue: %s\n", w.err.msg);
		return rc == RV_EINPUT ? RV_EXIT_USAGE : RV_EXIT_FAILURE;
	}
	w.ev = &ev;
	if ((rc = rv_group_config_from_env(&cfg, &w.err)) || (rc = rv_analyzer_new(&w.an, &w.err)) ||
	    (rc = rv_grouper_new(&cfg, &w.g, &w.err)) || (rc = rv_group_load_term_map(w.g, &w.err)))
		goto out;
	rv_analyzer_set_title_weight(w.an, cfg.title_weight);
	/* the IDF the grouper had; a store without it only explains less well */
	if (rv_store_load_group_state(store, w.g, &w.err))
		rv_error_clear(&w.err);
	if (json)
		w.arr = json_array();
	else
		/* the threshold an article met depends on what it is (a headline,
		 * a full article, one that no other event came close to): name the
		 * main ones rather than one that would contradict "joined at" */
		printf("why: each article's similarity to event #%lld (joins at %.2f; undated headlines "
		       "%.2f, full articles %.2f, %.2f when no other event comes close; all: "
		       "revue regroup --show-config)\n",
		       (long long)event, cfg.event_threshold, cfg.short_threshold, cfg.long_threshold,
		       cfg.clear_threshold);
	rv_filter f = { 0 };
	f.event = event;
	rc = rv_store_each_article(store, &f, why_article, &w, &w.err);
	if (!rc && json) {
		json_t *o = json_object();
		json_object_set_new(o, "event", json_integer(event));
		json_t *c = json_array();
		for (size_t i = 0; i < ev.n_centroid && i < 20; i++)
			json_array_append_new(c, json_string(ev.centroid[i].term));
		json_object_set_new(o, "centroid_terms", c);
		json_object_set_new(o, "why", w.arr);
		w.arr = NULL;
		char *s = json_dumps(o, JSON_COMPACT);
		if (s)
			puts(s);
		free(s);
		json_decref(o);
	}
out:
	json_decref(w.arr);
	rv_grouper_free(&w.g);
	rv_analyzer_free(&w.an);
	rv_event_release(&ev);
	if (rc) {
		fprintf(stderr, "revue: %s\n", w.err.msg);
		return RV_EXIT_FAILURE;
	}
	return RV_EXIT_OK;
}
