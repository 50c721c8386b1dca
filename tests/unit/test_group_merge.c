/* test_group_merge.c - events that grow close merge; the store follows.
 * Every text here is written for these tests. */
#include "analyze/analyze.h"
#include "core/date.h"
#include "group/group.h"
#include "pipeline/pipeline.h"
#include "store/group_store.h"
#include "store/store.h"
#include "test.h"
#include "db_helper.h"

#include <math.h>
#include <stdio.h>
#include <unistd.h>

static const char *NORVALE =
	"The river in Norvale flooded the valley and families were evacuated; the mayor Irena "
	"Castell said the river rose overnight and the families went to shelters.";

/* An event of the given days (RV_NO_DAY: undated) whose centroid is the
 * given stems, weight 1 each. */
static void load_event_on(rv_grouper *g, int64_t id, const char *const *stems, size_t n, int64_t day)
{
	rv_term terms[16];
	for (size_t i = 0; i < n && i < 16; i++)
		terms[i] = (rv_term){ .term = (char *)stems[i], .weight = 1.0f };
	rv_event ev = { .id = id, .storyline = id, .first_day = day, .last_day = day,
			.n_articles = 3, .centroid = terms, .n_centroid = n < 16 ? n : 16 };
	ASSERT_EQ(rv_grouper_load_event(g, &ev), RV_OK);
}

/* An undated event whose centroid is the given stems, weight 1 each. */
static void load_event(rv_grouper *g, int64_t id, const char *const *stems, size_t n)
{
	load_event_on(g, id, stems, n, RV_NO_DAY);
}

/* An English article of text, analyzed (release it after); its first 16
 * terms, the stems the analyzer gives, into stems (may be NULL). Returns
 * how many. */
static size_t analyzed(rv_analyzer *an, rv_article *a, const char *text, const char *stems[16])
{
	rv_error err = { 0 };
	rv_article_init(a);
	a->lang = strdup("en");
	a->text = strdup(text);
	ASSERT_EQ(rv_analyze(an, a, &err), RV_OK);
	size_t n = 0;
	for (size_t i = 0; stems && i < a->n_terms && n < 16; i++)
		stems[n++] = a->terms[i].term;
	return n;
}

struct seen {
	int n, merged;
	int64_t gone, kept;
};

static int on_event(const rv_event *ev, void *ctx)
{
	struct seen *s = ctx;
	s->n++;
	if (ev->merged_into) {
		s->merged++;
		s->gone = ev->id;
		s->kept = ev->merged_into;
		ASSERT(s->n == 1); /* merges come before the changed events */
	}
	return RV_OK;
}

/* Two events with one centroid (two starts of one story) and an article
 * that joins one of them: with merging on, the older id absorbs the other. */
static void two_starts(const char *merge, int64_t *event, struct seen *seen)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "merge_threshold", merge, &err), RV_OK);
	/* the article is close to both: only merge_step is tested here */
	ASSERT_EQ(rv_group_config_set(&cfg, "bridge_threshold", "0", &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	const char *stems[16];
	size_t n = analyzed(an, &a, NORVALE, stems);
	load_event(g, 5, stems, n);
	load_event(g, 7, stems, n);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	*event = a.event;
	memset(seen, 0, sizeof *seen);
	ASSERT_EQ(rv_grouper_flush(g, on_event, seen), RV_OK);
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_merge_events_that_grow_close)
{
	int64_t ev;
	struct seen seen;
	two_starts("0.5", &ev, &seen);
	ASSERT_EQ(ev, 5);          /* the older id stays */
	ASSERT_EQ(seen.merged, 1); /* the store is told to move event 7's articles */
	ASSERT_EQ(seen.gone, 7);
	ASSERT_EQ(seen.kept, 5);
	/* off: both events stay */
	two_starts("0", &ev, &seen);
	ASSERT_EQ(seen.merged, 0);
}

TEST(group_merge_asks_at_least_the_join_threshold)
{
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.merge_threshold > 0 && c.merge_threshold <= 1);
	ASSERT(c.long_threshold > 0 && c.member_mix >= 0 && c.member_mix <= 1);
	ASSERT_EQ(rv_group_config_set(&c, "merge_threshold", "1.5", &err), RV_EINPUT);
	ASSERT(c.bridge_threshold > 0 && c.bridge_threshold <= 1);
	ASSERT_EQ(rv_group_config_set(&c, "bridge_threshold", "1.5", &err), RV_EINPUT);
	ASSERT(c.anchor_share >= 0.5 && c.anchor_share <= 1);
	ASSERT_EQ(rv_group_config_set(&c, "anchor_share", "0.2", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "long_threshold", "-1", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "member_mix", "2", &err), RV_EINPUT);
}

static const char *LINDQVIST =
	"The grandmaster Tobias Lindqvist won the Halden chess open on Sunday after a long "
	"endgame against the young champion Mira Olsen, who had led the tournament for six rounds "
	"and needed only a draw in the last game to take the title for the first time.";

static void merge_in_store(rv_store *s, int64_t gone, int64_t kept, int64_t storyline)
{
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	rv_event m = { .id = gone, .merged_into = kept, .storyline = storyline,
		       .first_day = RV_NO_DAY, .last_day = RV_NO_DAY };
	ASSERT_EQ(rv_store_save_event(s, &m, &err), RV_OK);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
}

static void get_grouping(rv_store *s, int64_t id, int64_t *event, int64_t *storyline)
{
	rv_article a;
	rv_error err = { 0 };
	rv_article_init(&a);
	ASSERT_EQ(rv_store_get_article(s, id, &a, &err), RV_OK);
	*event = a.event;
	*storyline = a.storyline;
	rv_article_release(&a);
}

/* A store at path with two stored articles in two events: a flood (ida,
 * event *kept) and a chess open (idb, event *gone); the pipeline stays open
 * between batches. */
static rv_store *two_events(const char *path, rv_pipeline **p, int64_t *ida, int64_t *idb,
			    int64_t *kept, int64_t *gone, int64_t *storyline)
{
	rv_store *s;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, p, &err), RV_OK);
	test_add_text(*p, "a", NULL, "Floods in Norvale",
		      "The river in Norvale flooded the valley overnight and families left their homes.",
		      "2023-03-07", ida);
	test_add_text(*p, "b", NULL, "Lindqvist wins the Halden open", LINDQVIST, "2023-03-07", idb);
	ASSERT_EQ(rv_pipeline_commit(*p, &err), RV_OK);
	int64_t gsl;
	get_grouping(s, *ida, kept, storyline);
	get_grouping(s, *idb, gone, &gsl);
	ASSERT(*kept && *gone && *kept != *gone);
	return s;
}

/* A near-duplicate that arrives after its original's event was merged away
 * takes the surviving event: the original's grouping is read from the
 * store, which follows merges, not from what the dedup index remembered. */
TEST(group_merge_near_duplicate_after_merge)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group_merge_dup");
	rv_pipeline *p;
	rv_error err = { 0 };
	int64_t ida = 0, idb = 0, idc = 0, kept, gone, sl;
	rv_store *s = two_events(path, &p, &ida, &idb, &kept, &gone, &sl);
	merge_in_store(s, gone, kept, sl);
	/* the same report again, with a new headline and its last words cut */
	char copy[512];
	snprintf(copy, sizeof copy, "%.*s.", (int)(strlen(LINDQVIST) - 25), LINDQVIST);
	test_add_text(p, "c", NULL, "Chess: Lindqvist takes Halden", copy, "2023-03-07", &idc);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_article c;
	rv_article_init(&c);
	ASSERT_EQ(rv_store_get_article(s, idc, &c, &err), RV_OK);
	ASSERT_EQ(c.duplicate_of, idb);
	ASSERT_EQ(c.event, kept);
	ASSERT_EQ(c.storyline, sl);
	rv_article_release(&c);
	rv_store_close(&s);
	test_db_remove(path);
}

TEST(group_merge_moves_articles_in_store)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group_merge");
	rv_pipeline *p;
	rv_error err = { 0 };
	int64_t ida = 0, idb = 0, kept, gone, sl;
	rv_store *s = two_events(path, &p, &ida, &idb, &kept, &gone, &sl);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	merge_in_store(s, gone, kept, sl);
	int64_t event, storyline;
	get_grouping(s, idb, &event, &storyline);
	ASSERT_EQ(event, kept);
	ASSERT_EQ(storyline, sl);
	rv_event ev = { 0 };
	ASSERT(rv_store_get_event(s, gone, &ev, &err) != RV_OK); /* the absorbed event is gone */
	rv_store_close(&s);
	test_db_remove(path);
}

/* Two undated events that share no stem and a headline made of half of
 * each: the headline joins one and, close to both, merges them (bridge on),
 * or leaves the other alone (bridge_threshold 0). */
static void bridge(const char *threshold, int64_t *event, struct seen *seen)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "bridge_threshold", threshold, &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	a.lang = strdup("en");
	a.title = strdup("Norvale dam holds, Castell thanks rescuers");
	a.text = strdup("Norvale dam holds, Castell thanks rescuers");
	ASSERT_EQ(rv_analyze(an, &a, &err), RV_OK);
	ASSERT(a.n_terms >= 4 && a.n_terms <= (size_t)cfg.short_terms);
	const char *first[8], *second[8];
	size_t n1 = 0, n2 = 0;
	for (size_t i = 0; i < a.n_terms && i < 8; i++) {
		if (i % 2 == 0)
			first[n1++] = a.terms[i].term;
		else
			second[n2++] = a.terms[i].term;
	}
	first[n1++] = "harvest";
	second[n2++] = "shelter";
	load_event(g, 5, first, n1);
	load_event(g, 7, second, n2);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	*event = a.event;
	memset(seen, 0, sizeof *seen);
	ASSERT_EQ(rv_grouper_flush(g, on_event, seen), RV_OK);
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_merge_headline_close_to_two_events)
{
	int64_t ev;
	struct seen seen;
	bridge("0.35", &ev, &seen);
	ASSERT_EQ(ev, 5);
	ASSERT_EQ(seen.merged, 1);
	ASSERT_EQ(seen.gone, 7);
	ASSERT_EQ(seen.kept, 5);
	/* off: the headline joins one event, the other stays */
	bridge("0", &ev, &seen);
	ASSERT_EQ(seen.merged, 0);
	ASSERT(ev == 5 || ev == 7);
}

/* An event about one name and a longer article that shares nothing with it
 * but that name: on the event's topic only, so it starts its own event
 * (anchor_share), or joins at anchor_share 1 (off). */
static int64_t anchored(const char *share)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "anchor_share", share, &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	a.lang = strdup("en");
	a.title = strdup("Kestrelton");
	a.text = strdup("Kestrelton opened the harbour festival with music, lanterns, boats, "
			"bakers, painters, dancers, and a parade; Kestrelton visitors praised the "
			"weather, the market stalls, the fireworks and the fishing contest.");
	ASSERT_EQ(rv_analyze(an, &a, &err), RV_OK);
	ASSERT(a.n_terms > (size_t)cfg.short_terms);
	const char *stems[4];
	size_t n = 0;
	for (size_t i = 0; i < a.n_terms; i++)
		if (!strncmp(a.terms[i].term, "kestrelton", 10))
			stems[n++] = a.terms[i].term;
	ASSERT_EQ(n, 1);
	stems[n++] = "@kestrelton";
	load_event(g, 5, stems, n);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	int64_t ev = a.event;
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return ev;
}

TEST(group_match_on_one_name_only)
{
	ASSERT_EQ(anchored("1"), 5);
	ASSERT(anchored("0.7") != 5);
}

/* Place NORVALE, undated, under the default settings changed by settings
 * ("name", "value", ..., NULL), next to event 5 (and event 7 when rival)
 * whose centroid is the article's two first stems and the words in extra,
 * which it lacks. Returns the event it joins or starts. */
static int64_t place_norvale(const char *const *settings, const char *const *extra, size_t n_extra,
			     bool rival)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	for (const char *const *kv = settings; *kv; kv += 2)
		ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	analyzed(an, &a, NORVALE, NULL);
	ASSERT(a.n_terms >= 5 && n_extra <= 8);
	const char *stems[10] = { a.terms[0].term, a.terms[1].term };
	for (size_t i = 0; i < n_extra; i++)
		stems[2 + i] = extra[i];
	load_event(g, 5, stems, 2 + n_extra);
	if (rival)
		load_event(g, 7, stems, 2 + n_extra);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	ASSERT(a.event_similarity > 0); /* placed */
	int64_t ev = a.event;
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return ev;
}

/* A full article (it fills article_terms) below the long threshold of every
 * event: it joins the one that stands clear of the others at
 * clear_threshold, and starts its own event when clear_ratio is 0 or when a
 * second event is as close. */
static int64_t clear_winner(const char *ratio, bool rival)
{
	const char *const settings[] = {
		"clear_ratio", ratio, "clear_threshold", "0.01", "long_threshold", "0.99",
		"event_threshold", "0.99", "short_terms", "0", "article_terms", "5",
		"anchor_share", "1", "merge_threshold", "0", NULL,
	};
	const char *const extra[] = { "harvest", "tractor", "orchard", "cider" };
	return place_norvale(settings, extra, 4, rival);
}

TEST(group_full_article_joins_a_clear_winner)
{
	ASSERT_EQ(clear_winner("0.5", false), 5);
	ASSERT(clear_winner("0", false) != 5);
	int64_t ev = clear_winner("0.5", true);
	ASSERT(ev != 5 && ev != 7);
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.clear_threshold > 0 && c.clear_threshold < c.long_threshold);
	ASSERT_EQ(rv_group_config_set(&c, "clear_ratio", "2", &err), RV_EINPUT);
}

/* An undated lede (more than short_terms, fewer than article_terms terms)
 * below every other threshold: it joins the event that stands clear of the
 * others at lede_clear_threshold, and starts its own event when
 * lede_clear_ratio is 0 or when a second event is as close. */
static int64_t lede_clear_winner(const char *ratio, bool rival)
{
	const char *const settings[] = {
		"lede_clear_ratio", ratio, "lede_clear_threshold", "0.01", "event_threshold", "0.99",
		"long_threshold", "0.99", "short_terms", "0", "article_terms", "1000",
		"clear_ratio", "0", "contested_ratio", "0", "anchor_share", "1",
		"merge_threshold", "0", NULL,
	};
	const char *const extra[] = { "harvest", "tractor", "orchard", "cider" };
	return place_norvale(settings, extra, 4, rival);
}

TEST(group_lede_joins_a_clear_winner)
{
	ASSERT_EQ(lede_clear_winner("0.4", false), 5);
	ASSERT(lede_clear_winner("0", false) != 5);
	int64_t ev = lede_clear_winner("0.4", true);
	ASSERT(ev != 5 && ev != 7);
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.lede_clear_threshold > 0 && c.lede_clear_threshold < c.event_threshold);
	ASSERT(c.lede_clear_ratio > 0 && c.lede_clear_ratio < c.clear_ratio);
	ASSERT_EQ(rv_group_config_set(&c, "lede_clear_ratio", "2", &err), RV_EINPUT);
}

/* An undated article longer than a headline, about as close to two events
 * (a topic both share): below contested_threshold it joins neither; alone
 * with one of them, or with contested_ratio 0, it joins at the usual
 * threshold. */
static int64_t contested(const char *ratio, bool rival)
{
	const char *const settings[] = {
		"contested_ratio", ratio, "contested_threshold", "0.99", "event_threshold", "0.01",
		"long_threshold", "0.01", "clear_ratio", "0", "short_terms", "0",
		"anchor_share", "1", "merge_threshold", "0", NULL,
	};
	const char *const extra[] = { "harvest", "tractor" };
	return place_norvale(settings, extra, 2, rival);
}

TEST(group_article_between_two_events_needs_more)
{
	int64_t ev = contested("0.8", true);
	ASSERT(ev != 5 && ev != 7);
	ev = contested("0", true);
	ASSERT(ev == 5 || ev == 7);
	ASSERT_EQ(contested("0.8", false), 5);
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.contested_threshold > c.event_threshold && c.contested_ratio > 0);
	ASSERT_EQ(rv_group_config_set(&c, "contested_ratio", "-0.1", &err), RV_EINPUT);
}

static int keep_centroid(const rv_event *ev, void *ctx)
{
	double *w = ctx;
	for (size_t i = 0; i < ev->n_centroid; i++)
		if (!strncmp(ev->centroid[i].term, "lantern", 7))
			*w = ev->centroid[i].weight;
	return RV_OK;
}

/* The weight a second article's own word gets in the centroid of the
 * event it joins: damped by undated_drift when both are undated. */
static double second_article_weight(const char *drift, const char *published)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "undated_drift", drift, &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	int64_t ev[2];
	for (int i = 0; i < 2; i++) {
		rv_article a;
		rv_article_init(&a);
		a.lang = strdup("en");
		char text[512];
		snprintf(text, sizeof text, "%s%s", NORVALE, i ? " Volunteers carried a lantern." : "");
		a.text = strdup(text);
		if (published)
			a.published = strdup(published);
		ASSERT_EQ(rv_analyze(an, &a, &err), RV_OK);
		ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
		ev[i] = a.event;
		rv_article_release(&a);
	}
	ASSERT_EQ(ev[0], ev[1]);
	double w = 0;
	ASSERT_EQ(rv_grouper_flush(g, keep_centroid, &w), RV_OK);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	ASSERT(w > 0);
	return w;
}

TEST(group_undated_event_keeps_its_first_articles)
{
	double plain = second_article_weight("0", NULL);
	double damped = second_article_weight("0.5", NULL);
	/* the second article joins with weight 2^-0.5 */
	ASSERT(fabs(damped / plain - 1 / sqrt(2.0)) < 0.01);
	/* dated: drift_damping (0) rules */
	double dated = second_article_weight("0.5", "2023-03-07");
	ASSERT(fabs(dated - second_article_weight("0", "2023-03-07")) < 1e-6);
}

/* Place an article whose stems are words (weight 1) and whose entities are
 * the persons in names ("Name:count" separated by ';'), published on the
 * given day (NULL: undated). */
/* The days of the week the next article placed names (rv_article.weekdays). */
static uint8_t next_weekdays;

static int64_t place_on(rv_grouper *g, const char *words, const char *names, const char *published)
{
	rv_article a;
	rv_error err = { 0 };
	rv_article_init(&a);
	a.lang = strdup("en");
	a.weekdays = next_weekdays;
	if (published)
		a.published = strdup(published);
	char *copy = strdup(words);
	a.terms = calloc(16, sizeof *a.terms);
	a.entities = calloc(4, sizeof *a.entities);
	ASSERT(copy && a.terms && a.entities);
	char *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w && a.n_terms < 16; w = strtok_r(NULL, " ", &save))
		a.terms[a.n_terms++] = (rv_term){ .term = strdup(w), .weight = 1.0f };
	free(copy);
	copy = strdup(names);
	ASSERT(copy);
	for (char *w = strtok_r(copy, ";", &save); w && a.n_entities < 4; w = strtok_r(NULL, ";", &save)) {
		char *colon = strchr(w, ':');
		ASSERT(colon);
		*colon = '\0';
		rv_entity *en = &a.entities[a.n_entities++];
		/* "#Name": an organisation, else a person */
		en->name = strdup(w[0] == '#' ? w + 1 : w);
		en->type = strdup(w[0] == '#' ? "organization" : "person");
		en->count = (int)strtol(colon + 1, NULL, 10);
	}
	free(copy);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	int64_t ev = a.event;
	rv_article_release(&a);
	return ev;
}

static int64_t place_about(rv_grouper *g, const char *words, const char *names)
{
	return place_on(g, words, names, NULL);
}

/* Place an undated article whose stems are the given words (weight 1). */
static int64_t place_words(rv_grouper *g, const char *words)
{
	return place_about(g, words, "");
}

/* Two events of one topic, the second undated, the first published on day
 * (NULL: undated too): each member names the topic's words and its own.
 * Their centroids meet on the topic, no member of one is close to a member
 * of the other: they merge on centroids alone (merge_members 0), not when
 * the members must agree too. */
static int topic_merges_half(const char *members, const char *day, const char *half_dated)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "merge_members", members, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "half_dated", half_dated, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "undated_drift", "0", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "bridge_threshold", "0", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "merge_threshold", "0.3", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "short_threshold", "0.3", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t a1 = place_on(g, "topic alpha beta", "", day);
	int64_t a2 = place_on(g, "topic gamma delta", "", day);
	int64_t b1 = place_words(g, "topic kappa lambda mu nu xi");
	int64_t b2 = place_words(g, "topic kappa lambda rho sigma tau");
	ASSERT_EQ(a1, a2);
	ASSERT(b1 != a1);
	struct seen seen = { 0 };
	ASSERT_EQ(rv_grouper_flush(g, on_event, &seen), RV_OK);
	rv_grouper_free(&g);
	return seen.merged && b2 == a1 ? 2 : seen.merged ? 1 : 0;
}

static int topic_merges_on(const char *members, const char *day)
{
	return topic_merges_half(members, day, "0");
}

static int topic_merges(const char *members)
{
	return topic_merges_on(members, NULL);
}

TEST(group_undated_merge_needs_close_members)
{
	ASSERT(topic_merges("0") > 0);
	ASSERT_EQ(topic_merges("0.5"), 0);
	/* one event dated, the other not: the date bounds only one of them */
	ASSERT(topic_merges_on("0", "2023-03-07") > 0);
	ASSERT_EQ(topic_merges_on("0.5", "2023-03-07"), 0);
}

/* An undated headline, then a dated one sharing two of its five words
 * (cosine 0.4 at equal IDFs, above the 0.3 to join): with half_dated the
 * date that cannot be checked costs that share, 0.4 x 0.7 < 0.3. */
static bool dated_joins_undated(const char *half_dated)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	const char *const settings[] = {
		"half_dated", half_dated, "idf_prior", "1000000", "event_threshold", "0.3",
		"short_threshold", "0.3", NULL,
	};
	for (const char *const *kv = settings; *kv; kv += 2)
		ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_words(g, "senate budget vote delay quarrel");
	int64_t e2 = place_on(g, "senate budget hearing nominee judge", "", "2023-03-07");
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_one_side_dated_needs_more)
{
	ASSERT(dated_joins_undated("0"));
	ASSERT(!dated_joins_undated("0.3"));
	/* two events of one topic, one dated, merge on their centroids
	 * (merge_members 0) at half_dated 0; not at 0.3 */
	ASSERT(topic_merges_half("0", "2023-03-07", "0") > 0);
	ASSERT_EQ(topic_merges_half("0", "2023-03-07", "0.3"), 0);
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.half_dated > 0 && c.half_dated < 1);
	ASSERT_EQ(rv_group_config_set(&c, "half_dated", "1.5", &err), RV_EINPUT);
}

/* Two fights of one kind, one boxer each: the second report shares part of
 * the first one's words. Does it join the first one's event? */
static bool second_fight_joins(const char *conflict, const char *first, const char *second)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "person_conflict", conflict, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_about(g, "boxer title fight knockout round arena belt crowd", first);
	int64_t e2 = place_about(g, "boxer title fight knockout judges decision rematch promoter", second);
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_other_protagonist_is_another_happening)
{
	const char *varga = "Tomas Varga:3;Ed Lunn:1", *okafor = "Lenny Okafor:4";
	/* without the rule the words are enough */
	ASSERT(second_fight_joins("0", varga, okafor));
	/* a report about another boxer, who never names the first one */
	ASSERT(!second_fight_joins("0.4", varga, okafor));
	/* the same boxer, or a report that names the other one too, joins */
	ASSERT(second_fight_joins("0.4", varga, "Varga:2"));
	ASSERT(second_fight_joins("0.4", varga, "Lenny Okafor:4;Tomas Varga:1"));
	/* no clear protagonist (two persons as often): no evidence */
	ASSERT(second_fight_joins("0.4", varga, "Lenny Okafor:2;Sam Reyes:2"));
}

/* Two software flaws of one kind, one firm each and no person: the second
 * report shares part of the first one's words. Does it join? */
static bool second_flaw_joins(const char *org_mentions, const char *first, const char *second)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "org_protagonist", org_mentions, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_about(g, "flaw patch browser attackers update exploit users vendor", first);
	int64_t e2 = place_about(g, "flaw patch browser attackers researchers warning fix bounty", second);
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_organisation_protagonist_of_a_report_without_persons)
{
	const char *quillsec = "#Quillsec:3", *vellacor = "#Vellacor:4";
	/* organisations are no protagonists: the words are enough */
	ASSERT(second_flaw_joins("0", quillsec, vellacor));
	/* another firm, named three times or more, never naming the first */
	ASSERT(!second_flaw_joins("3", quillsec, vellacor));
	/* the same firm joins; a firm named twice is no protagonist */
	ASSERT(second_flaw_joins("3", quillsec, "#Quillsec:3"));
	ASSERT(second_flaw_joins("3", quillsec, "#Vellacor:2"));
	/* a person named twice is the protagonist, not the firm */
	ASSERT(second_flaw_joins("3", "#Quillsec:3;Ada Brenner:2", "#Vellacor:4;Ada Brenner:2"));
}

/* A headline whose entities pass read three clauses as names, and a second
 * headline of the same story sharing three of its words. Does it join? */
static bool headline_after_clauses_joins(const char *name_words)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "headline_name_words", name_words, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "short_threshold", "0.36", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_about(g, "ferry storm harbour cancel coast wind crossing",
				 "Nobody could stop the waves:1;All boats stay in port tonight:1;"
				 "The sea was never this rough:1");
	int64_t e2 = place_about(g, "ferry storm harbour passengers stranded dock queue", "");
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_headline_clause_is_no_name_key)
{
	/* three keys no other text has: 3 shared of 10 and 7 terms, cosine .33 */
	ASSERT(!headline_after_clauses_joins("0"));
	/* without them 3 of 7 and 7: .40 (× the IDF of shared words) */
	ASSERT(headline_after_clauses_joins("4"));
	/* names shorter than the limit keep their keys (these have 5 and 6 words) */
	ASSERT(!headline_after_clauses_joins("7"));
}

/* One story's two headlines, naming its person by the whole name and by
 * the surname. Does the second join the first one's event? */
static bool surname_headline_joins(const char *surname)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "headline_surname", surname, &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_about(g, "kessler verdict jury court ruling", "Marta Kessler:1");
	int64_t e2 = place_about(g, "kessler appeal lawyer prison sentence", "Kessler:1");
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_headline_person_keyed_by_surname)
{
	/* @marta kessler and @kessler: one shared term of 6 and 6, cosine .17 */
	ASSERT(!surname_headline_joins("0"));
	/* both @kessler: two shared, .33 (x the IDF of shared words) */
	ASSERT(surname_headline_joins("1"));
}

/* Three undated ledes of one topic, each with its own two words, then a
 * fourth that shares the topic's two words with each: its cosine with the
 * event's centroid is about 1.5 / sqrt(6) = 0.61, its average cosine with
 * the members about 0.5. Returns the similarity it joins with. */
static double lede_similarity(const char *cohesion, const char *lede_terms)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	const char *const settings[] = {
		"lede_cohesion", cohesion, "lede_terms", lede_terms, "short_terms", "2",
		"idf_prior", "1000000", "event_threshold", "0.3", "long_threshold", "0.3",
		"member_mix", "0", "undated_drift", "0", "anchor_share", "1", "contested_ratio", "0",
		"merge_threshold", "0", "bridge_threshold", "0", NULL,
	};
	for (const char *const *kv = settings; *kv; kv += 2)
		if (kv[1])
			ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_words(g, "topic alpha beta gamma");
	ASSERT_EQ(place_words(g, "topic alpha delta epsilon"), e1);
	ASSERT_EQ(place_words(g, "topic alpha zeta eta"), e1);
	rv_article a;
	rv_article_init(&a);
	a.lang = strdup("en");
	a.terms = calloc(4, sizeof *a.terms);
	ASSERT(a.terms);
	const char *words[] = { "topic", "alpha", "theta", "iota" };
	for (int i = 0; i < 4; i++)
		a.terms[a.n_terms++] = (rv_term){ .term = strdup(words[i]), .weight = 1.0f };
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	ASSERT_EQ(a.event, e1);
	double sim = a.event_similarity;
	rv_article_release(&a);
	rv_grouper_free(&g);
	return sim;
}

TEST(group_lede_joins_by_average_link)
{
	/* a lede (more than short_terms, fewer than lede_terms terms): the
	 * average link, about 0.5 (the shared words are a little more common
	 * than the others, hence a little lighter) */
	double lede = lede_similarity("1", "70"), centroid = lede_similarity("0", "70");
	ASSERT(lede > 0.45 && lede < 0.5);
	ASSERT(centroid > 0.55);
	/* the centroid's norm over the event's size: sqrt(6) / 3 */
	ASSERT(fabs(lede / centroid - sqrt(6.0) / 3) < 0.02);
	/* longer ones keep the centroid cosine; 5 terms are a lede */
	ASSERT(fabs(lede_similarity("1", "4") - centroid) < 1e-6);
	ASSERT(fabs(lede_similarity("1", "5") - lede) < 1e-6);
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.lede_cohesion > 0);
	ASSERT_EQ(rv_group_config_set(&c, "lede_cohesion", "-1", &err), RV_EINPUT);
}

TEST(group_lede_cohesion_leans_to_average_link)
{
	/* by default a lede is judged between the centroid and the average
	 * link, nearer the average: (sqrt(6) / 3)^0.8 of the centroid cosine.
	 * Two ledes of one happening told by outlets of opposite slant share
	 * few words with each member (AllSides .7600 -> .7620 against 1). */
	double centroid = lede_similarity("0", "70"), lede = lede_similarity(NULL, "70");
	ASSERT(fabs(lede / centroid - pow(sqrt(6.0) / 3, 0.8)) < 0.02);
	ASSERT(lede > lede_similarity("1", "70") + 0.01);
}

/* Two ledes of one summit, one naming the country "USA", the other
 * "Etats-Unis" (both rows of the gazetteer's United States). Does the
 * second join the first? headline: only 4 terms are a headline. */
static bool alias_lede_joins(const char *alias, bool headline)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	const char *const settings[] = {
		"entity_alias", alias, "short_terms", headline ? "6" : "2", "idf_prior", "1000000",
		"event_threshold", "0.5", "short_threshold", "0.5", "long_threshold", "0.5",
		"lede_clear_ratio", "0", "contested_ratio", "0", "anchor_share", "1",
		"merge_threshold", "0", "bridge_threshold", "0", NULL,
	};
	for (const char *const *kv = settings; *kv; kv += 2)
		ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	const char *words[2][4] = { { "summit", "leader", "trade", "tariff" },
				    { "summit", "leader", "visit", "border" } };
	const char *names[2] = { "USA", "Etats-Unis" };
	int64_t ev[2];
	for (int k = 0; k < 2; k++) {
		rv_article a;
		rv_article_init(&a);
		a.lang = strdup("en");
		a.terms = calloc(4, sizeof *a.terms);
		a.entities = calloc(1, sizeof *a.entities);
		ASSERT(a.lang && a.terms && a.entities);
		for (int i = 0; i < 4; i++)
			a.terms[a.n_terms++] = (rv_term){ .term = strdup(words[k][i]), .weight = 1.0f };
		a.entities[0] = (rv_entity){ .name = strdup(names[k]), .type = strdup("location"), .count = 1 };
		a.n_entities = 1;
		ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
		ev[k] = a.event;
		rv_article_release(&a);
	}
	rv_grouper_free(&g);
	return ev[0] == ev[1];
}

TEST(group_entity_alias_keys_longer_texts)
{
	/* @usa and @etats-unis: 2 shared terms of 5 and 5, cosine below .4 */
	ASSERT(!alias_lede_joins("0", false));
	/* both @united states: 3 of 5, about .6 */
	ASSERT(alias_lede_joins("1", false));
	/* a headline keeps the names it writes */
	ASSERT(!alias_lede_joins("1", true));
}

/* Two dated texts of the same words, two days apart. Does the second join
 * the first? headline: their 4 terms are a headline (short_terms 6), else
 * a longer text (short_terms 2). */
static bool two_days_apart_join(const char *long_days, bool headline)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "long_window_days", long_days, &err), RV_OK);
	/* merges keep event_window_days: two events this alike would merge */
	ASSERT_EQ(rv_group_config_set(&cfg, "merge_threshold", "0", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "short_terms", headline ? "6" : "2", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&cfg, "idf_prior", "1000000", &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	int64_t e1 = place_on(g, "storm harbour ferry cancel", "", "2023-03-07");
	int64_t e2 = place_on(g, "storm harbour ferry cancel", "", "2023-03-09");
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_longer_text_window_is_a_day)
{
	/* a longer text two days from the event is a later turn */
	ASSERT(!two_days_apart_join("1", false));
	ASSERT(two_days_apart_join("3", false));
	/* a headline keeps event_window_days (3) */
	ASSERT(two_days_apart_join("1", true));
}

#define MON 1u
#define THU (1u << 3)
#define FRI (1u << 4)

/* Two undated headlines sharing some of their words (equal IDFs), the
 * first naming the day first (a mask of days), the second second. Does
 * the second join the first one's event (joining asks 0.35)? */
static bool joins_by_day(const char *words2, unsigned first, unsigned second, const char *conflict,
			 const char *agree)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	const char *const settings[] = {
		"weekday_conflict", conflict, "weekday_agree", agree, "idf_prior", "1000000",
		"short_threshold", "0.35", NULL,
	};
	for (const char *const *kv = settings; *kv; kv += 2)
		ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	next_weekdays = (uint8_t)first;
	int64_t e1 = place_words(g, "senate budget vote delay quarrel recess");
	next_weekdays = (uint8_t)second;
	int64_t e2 = place_words(g, words2);
	next_weekdays = 0;
	rv_grouper_free(&g);
	return e1 == e2;
}

TEST(group_weekdays_tell_happenings_apart)
{
	/* 3 words of 6 shared: cosine .5, joins; at a conflict of 0.5 (.25) not */
	const char *close = "senate budget vote hearing nominee judge";
	ASSERT(joins_by_day(close, THU, FRI, "0", "0"));
	ASSERT(!joins_by_day(close, THU, FRI, "0.5", "0"));
	/* one day shared, or one side naming none: no conflict */
	ASSERT(joins_by_day(close, THU, THU | FRI, "0.5", "0"));
	ASSERT(joins_by_day(close, THU, 0, "0.5", "0"));
	/* 2 of 6: cosine .33, under 0.35; the one same day (× 1.1): .37, joins */
	const char *far = "senate budget hearing nominee judge oath";
	ASSERT(!joins_by_day(far, THU, THU, "0", "0"));
	ASSERT(joins_by_day(far, THU, THU, "0", "0.1"));
	/* a day shared among others is no such evidence */
	ASSERT(!joins_by_day(far, THU, THU | MON, "0", "0.1"));
	ASSERT(!joins_by_day(far, THU | MON, THU, "0", "0.1"));
	rv_group_config c;
	rv_group_config_default(&c);
	ASSERT(c.weekday_conflict > 0 && c.weekday_agree > 0);
}

/* Two events of one topic (see topic_merges_half), the first one's
 * articles naming day_a, the second one's day_b: do they merge? */
static bool topic_merges_days(unsigned day_a, unsigned day_b, const char *conflict)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	const char *const settings[] = {
		"merge_members", "0", "idf_prior", "1000000", "undated_drift", "0",
		"bridge_threshold", "0", "merge_threshold", "0.3", "short_threshold", "0.3",
		"weekday_conflict", conflict, "weekday_agree", "0", NULL,
	};
	for (const char *const *kv = settings; *kv; kv += 2)
		ASSERT_EQ(rv_group_config_set(&cfg, kv[0], kv[1], &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	next_weekdays = (uint8_t)day_a;
	int64_t a1 = place_words(g, "topic alpha beta");
	int64_t a2 = place_words(g, "topic gamma delta");
	next_weekdays = (uint8_t)day_b;
	int64_t b1 = place_words(g, "topic kappa lambda mu nu xi");
	place_words(g, "topic kappa lambda rho sigma tau");
	next_weekdays = 0;
	ASSERT_EQ(a1, a2);
	ASSERT(b1 != a1);
	struct seen seen = { 0 };
	ASSERT_EQ(rv_grouper_flush(g, on_event, &seen), RV_OK);
	rv_grouper_free(&g);
	return seen.merged;
}

TEST(group_weekdays_bound_merges)
{
	ASSERT(topic_merges_days(THU, FRI, "0"));
	ASSERT(!topic_merges_days(THU, FRI, "0.5"));
	ASSERT(topic_merges_days(THU, THU, "0.5"));
}

/* An event of 30 stems: the first shared with an article, the rest its own
 * invented words ("qa0lor", ...), so the article is compared with it and
 * finds it far. */
static void load_far_event(rv_grouper *g, int64_t id, const char *shared)
{
	char words[29][16];
	rv_term terms[30];
	terms[0] = (rv_term){ .term = (char *)shared, .weight = 1.0f };
	for (int k = 0; k < 29; k++) {
		snprintf(words[k], sizeof words[k], "q%c%clor", 'a' + (int)(id % 26), 'a' + k);
		terms[k + 1] = (rv_term){ .term = words[k], .weight = 1.0f };
	}
	rv_event ev = { .id = id, .storyline = id, .first_day = RV_NO_DAY, .last_day = RV_NO_DAY,
			.n_articles = 3, .centroid = terms, .n_centroid = 30 };
	ASSERT_EQ(rv_grouper_load_event(g, &ev), RV_OK);
}

/* The merge check after a placement compares the event that changed only
 * with events the article was compared with and found near: with 80 events
 * in the index that share a word with the article (so it meets them all)
 * and two starts of its own story, the twin is the one merge candidate,
 * and the two still merge. */
TEST(group_merge_checks_only_what_the_article_is_near)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_group_config_set(&cfg, "bridge_threshold", "0", &err), RV_OK);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	const char *stems[16];
	size_t n = analyzed(an, &a, NORVALE, stems);
	ASSERT(n >= 8);
	for (size_t i = 0; i < 80; i++) /* more than the grouper compares one by one */
		load_far_event(g, 100 + (int64_t)i, stems[i % n]);
	load_event(g, 5, stems, n);
	load_event(g, 7, stems, n);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	rv_group_work w;
	rv_grouper_work(g, &w);
	ASSERT_EQ(w.placed, 1);
	ASSERT(w.postings > 40);  /* it met the far events in the index */
	ASSERT(w.compared > 40);  /* and was compared with them */
	ASSERT_EQ(w.merge_compared, 1); /* the twin only */
	ASSERT_EQ(a.event, 5);
	struct seen seen = { 0 };
	ASSERT_EQ(rv_grouper_flush(g, on_event, &seen), RV_OK);
	ASSERT_EQ(seen.merged, 1);
	ASSERT_EQ(seen.gone, 7);
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

/* The cost of a placement does not grow with the corpus: each probed term
 * leads to its posting_cap most recent events at most. With 200 events
 * that share the article's words, its 10 probes walk at most 10 x 32. */
TEST(group_index_walk_is_bounded)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(cfg.probe_terms, 10);
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	const char *stems[16];
	size_t n = analyzed(an, &a, NORVALE, stems);
	for (int64_t id = 1; id <= 200; id++)
		load_event(g, id, stems, n);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	rv_group_work w;
	rv_grouper_work(g, &w);
	ASSERT(w.postings >= 200);
	ASSERT(w.postings <= 10 * 32);
	ASSERT(w.compared <= 10 * 32);
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

struct day_ctx {
	rv_store *s;
	rv_grouper *g;
	unsigned weekdays;
	int n;
};

static int save_days(const rv_event *ev, void *ctx)
{
	struct day_ctx *d = ctx;
	rv_error err = { 0 };
	d->weekdays = ev->weekdays;
	d->n++;
	return rv_store_save_event(d->s, ev, &err);
}

static int load_days(const rv_event *ev, void *ctx)
{
	struct day_ctx *d = ctx;
	d->weekdays = ev->weekdays;
	d->n++;
	return rv_grouper_load_event(d->g, ev);
}

/* The days of the week an event's reports name are stored with it, so a
 * later ingest (a new grouper, events loaded from the store) still reads
 * them: a report naming no day that joins the loaded event leaves it
 * naming Thursday. */
TEST(group_event_days_survive_a_restart)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-weekdays-test");
	rv_error err = { 0 };
	rv_store *s;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	rv_group_config cfg;
	rv_group_config_default(&cfg);
	rv_analyzer *an;
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	char text[512];
	snprintf(text, sizeof text, "%s It happened on Thursday.", NORVALE);
	rv_article a;
	analyzed(an, &a, text, NULL);
	ASSERT_EQ(a.weekdays, 1u << 3);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	int64_t event = a.event;
	rv_article_release(&a);
	struct day_ctx d = { .s = s };
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	ASSERT_EQ(rv_grouper_flush(g, save_days, &d), RV_OK);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	ASSERT_EQ(d.n, 1);
	ASSERT_EQ(d.weekdays, 1u << 3);
	rv_grouper_free(&g);

	/* a restart: a new grouper from the store */
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	d = (struct day_ctx){ .s = s, .g = g };
	ASSERT_EQ(rv_store_load_events(s, 30, load_days, &d, &err), RV_OK);
	ASSERT_EQ(d.n, 1);
	ASSERT_EQ(d.weekdays, 1u << 3);
	analyzed(an, &a, NORVALE, NULL);
	ASSERT_EQ(a.weekdays, 0u);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	ASSERT_EQ(a.event, event);
	rv_article_release(&a);
	d = (struct day_ctx){ .s = s };
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	ASSERT_EQ(rv_grouper_flush(g, save_days, &d), RV_OK);
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	ASSERT_EQ(d.weekdays, 1u << 3); /* the loaded event still names Thursday */
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	rv_store_close(&s);
	test_db_remove(path);
}

/* Days since 1970 of an ISO date. */
static int64_t day_of(const char *iso)
{
	rv_date d;
	ASSERT(rv_date_parse(iso, &d));
	return rv_date_days(&d);
}

/* A grouper with the default configuration, one setting changed (name
 * NULL: none). */
static rv_grouper *grouper_with(const char *name, const char *value)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	if (name)
		ASSERT_EQ(rv_group_config_set(&cfg, name, value, &err), RV_OK);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	return g;
}

/* Enough undated events on words of their own that candidates come from
 * the index (more than the grouper compares all at once). */
static void fillers(rv_grouper *g, int64_t first_id)
{
	char words[32];
	for (int64_t i = 0; i < 80; i++) {
		snprintf(words, sizeof words, "filler%lld", (long long)i);
		const char *stem[1] = { words };
		load_event(g, first_id + i, stem, 1);
	}
}

/* The walk marks each event it meets with its stamp, 16 bits that wrap
 * after 65,535 walks: an event last met exactly that many walks before
 * must not read as met by the walk that takes its stamp again. */
TEST(group_walk_stamp_wraps)
{
	rv_error err = { 0 };
	rv_grouper *g = grouper_with("retire_after", "1000000");
	rv_analyzer *an;
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	fillers(g, 1); /* events 1 .. 80, sharing no word with the flood report */
	rv_article a;
	const char *stems[16];
	size_t n = analyzed(an, &a, NORVALE, stems);
	load_event(g, 81, stems, n);
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK); /* walk 1 meets event 81 */
	ASSERT_EQ(a.event, 81);
	char words[32];
	for (int i = 0; i < 65534; i++) { /* walks 2 .. 65,535 */
		snprintf(words, sizeof words, "filler%d", i % 80);
		place_words(g, words);
	}
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK); /* walk 65,536: stamp 1 again */
	ASSERT_EQ(a.event, 81);
	rv_article_release(&a);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

static const char *const FLOOD[] = { "flood", "valley", "river", "norval", "evacu", "shelter" };
#define FLOOD_WORDS "flood valley river norval evacu shelter"

/* The walk reads an event's days from a copy beside its postings: an event
 * loaded from the store 40 days before the report is too old to take it,
 * however alike their words. */
TEST(group_loaded_event_keeps_its_days)
{
	rv_grouper *g = grouper_with(NULL, NULL);
	fillers(g, 100);
	load_event_on(g, 1, FLOOD, 6, day_of("2024-03-01"));
	ASSERT(place_on(g, FLOOD_WORDS, "", "2024-04-10") != 1);
	/* and one of the event's own days joins it */
	load_event_on(g, 2, FLOOD, 6, day_of("2024-04-30"));
	ASSERT_EQ(place_on(g, FLOOD_WORDS, "", "2024-04-30"), 2);
	rv_grouper_free(&g);
}

/* Two events of one happening two days apart merge; the event kept spans
 * both days, so a report 29 days before the earlier one is within the
 * storyline window of it (30 days) and links to its storyline. */
TEST(group_merged_event_spans_both_days)
{
	rv_error err = { 0 };
	rv_grouper *g = grouper_with(NULL, NULL);
	fillers(g, 100);
	load_event_on(g, 1, FLOOD, 6, day_of("2024-03-01"));
	load_event_on(g, 2, FLOOD, 6, day_of("2024-03-03"));
	struct seen seen = { 0 };
	ASSERT_EQ(rv_grouper_flush(g, on_event, &seen), RV_OK);
	/* joins the event of its day, which then absorbs the other */
	ASSERT_EQ(place_on(g, FLOOD_WORDS, "", "2024-03-03"), 1);
	seen = (struct seen){ 0 };
	ASSERT_EQ(rv_grouper_flush(g, on_event, &seen), RV_OK);
	ASSERT_EQ(seen.merged, 1);
	rv_article a;
	rv_article_init(&a);
	a.lang = strdup("en");
	a.published = strdup("2024-01-31"); /* 29 days before 1 March */
	a.terms = calloc(6, sizeof *a.terms);
	ASSERT(a.lang && a.published && a.terms);
	for (size_t i = 0; i < 6; i++)
		a.terms[a.n_terms++] = (rv_term){ .term = strdup(FLOOD[i]), .weight = 1.0f };
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	ASSERT(a.event != 1);
	ASSERT_EQ(a.storyline, 1);
	rv_article_release(&a);
	rv_grouper_free(&g);
}

/* What the vocabulary hands back: every term's name whole, the short ones
 * kept beside its counts, the long ones apart, and past the first chunk
 * of terms. */
#define VOCAB_ARTICLES 400
#define VOCAB_WORDS 12
static const char *const LONG_WORDS[] = {
	"abcdefghijklmnopqrstuvwxyzabcd",                /* 30 bytes: the longest kept inline */
	"abcdefghijklmnopqrstuvwxyzabcde",               /* 31: the shortest kept apart */
	"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs", /* 45 */
};

struct vocab_seen {
	int numbered[VOCAB_ARTICLES * VOCAB_WORDS];
	int long_df[3], long_centroid[3];
	int other;
};

static int vocab_df(const char *term, uint32_t df, void *ctx)
{
	struct vocab_seen *s = ctx;
	int k;
	char tail;
	if (sscanf(term, "v%d%c", &k, &tail) == 1 && k >= 0 && k < VOCAB_ARTICLES * VOCAB_WORDS) {
		s->numbered[k] += (int)df;
		return RV_OK;
	}
	for (int i = 0; i < 3; i++)
		if (!strcmp(term, LONG_WORDS[i])) {
			s->long_df[i] += (int)df;
			return RV_OK;
		}
	s->other++;
	return RV_OK;
}

static int vocab_centroid(const rv_event *ev, void *ctx)
{
	struct vocab_seen *s = ctx;
	for (size_t i = 0; i < ev->n_centroid; i++)
		for (int j = 0; j < 3; j++)
			if (!strcmp(ev->centroid[i].term, LONG_WORDS[j]))
				s->long_centroid[j]++;
	return RV_OK;
}

TEST(group_vocabulary_keeps_every_name_whole)
{
	rv_grouper *g = grouper_with(NULL, NULL);
	char words[VOCAB_WORDS * 8 + 1];
	for (int i = 0; i < VOCAB_ARTICLES; i++) {
		size_t at = 0;
		for (int j = 0; j < VOCAB_WORDS; j++)
			at += (size_t)snprintf(words + at, sizeof words - at, "%sv%05d", j ? " " : "",
					       i * VOCAB_WORDS + j);
		place_words(g, words);
	}
	char longs[128];
	snprintf(longs, sizeof longs, "%s %s %s", LONG_WORDS[0], LONG_WORDS[1], LONG_WORDS[2]);
	place_words(g, longs);
	struct vocab_seen *seen = calloc(1, sizeof *seen);
	ASSERT(seen);
	ASSERT_EQ(rv_grouper_flush_df(g, vocab_df, seen), RV_OK);
	ASSERT_EQ(rv_grouper_flush(g, vocab_centroid, seen), RV_OK);
	for (int k = 0; k < VOCAB_ARTICLES * VOCAB_WORDS; k++)
		ASSERT_EQ(seen->numbered[k], 1);
	for (int i = 0; i < 3; i++) {
		ASSERT_EQ(seen->long_df[i], 1);
		ASSERT_EQ(seen->long_centroid[i], 1);
	}
	ASSERT_EQ(seen->other, 0);
	free(seen);
	rv_grouper_free(&g);
}
