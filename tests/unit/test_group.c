/* test_group.c - duplicates, events, storylines, languages, persistence.
 * Every text here is written for these tests. */
#include "analyze/analyze.h"
#include "group/group.h"
#include "pipeline/pipeline.h"
#include "store/group_store.h"
#include "store/store.h"
#include "test.h"
#include "db_helper.h"

#include <unistd.h>

/* ---- helpers ---- */

static void make_article(rv_analyzer *an, rv_article *a, const char *lang, const char *title,
			 const char *text, const char *published)
{
	rv_error err = { 0 };
	rv_article_init(a);
	a->lang = lang ? strdup(lang) : NULL;
	a->title = title ? strdup(title) : NULL;
	a->text = text ? strdup(text) : NULL;
	a->published = published ? strdup(published) : NULL;
	if (rv_analyze(an, a, &err))
		TEST_FAIL("analyze: %s", err.msg);
}

/* Place one article; returns its event. */
static int64_t place(rv_grouper *g, rv_analyzer *an, const char *lang, const char *title,
		     const char *text, const char *published, int64_t *storyline)
{
	rv_article a;
	rv_error err = { 0 };
	make_article(an, &a, lang, title, text, published);
	if (rv_grouper_place(g, &a, &err))
		TEST_FAIL("place: %s", err.msg);
	int64_t ev = a.event;
	if (storyline)
		*storyline = a.storyline;
	rv_article_release(&a);
	return ev;
}

static const char *FLOOD1 =
	"Heavy rain flooded the river valley of Norvale on Tuesday, forcing the evacuation of "
	"four hundred families from the lower districts. The mayor of Norvale, Irena Castell, "
	"said the dam above the town held but the river rose two metres overnight.";
static const char *FLOOD2 =
	"Families in Norvale spent the night in school gyms after the river burst its banks. "
	"Mayor Irena Castell said the dam held and that rescue teams evacuated four hundred "
	"families from the flooded lower districts.";
static const char *CHESS =
	"The grandmaster Tobias Lindqvist won the Halden chess open on Sunday after a long "
	"endgame against the defending champion, taking the trophy and the prize money.";
static const char *FLOOD_LATER =
	"Two weeks after the flood, Norvale is counting the cost: the river valley farms lost "
	"their harvest and the mayor Irena Castell asked the government for help to rebuild "
	"the dam district and the lower town.";

static void new_pair(rv_grouper **g, rv_analyzer **an)
{
	rv_group_config cfg;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	ASSERT_EQ(rv_grouper_new(&cfg, g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(an, &err), RV_OK);
}

/* ---- events ---- */

TEST(group_events_join_and_split)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", NULL);
	int64_t e2 = place(g, an, "en", "Norvale families evacuated as river bursts banks", FLOOD2,
			   "2023-03-08", NULL);
	int64_t e3 = place(g, an, "en", "Lindqvist wins the Halden open", CHESS, "2023-03-08", NULL);
	ASSERT_EQ(e1, e2);
	ASSERT(e3 != e1);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

static int keep_title(const rv_event *ev, void *ctx)
{
	rv_strlist *titles = ctx;
	return rv_strlist_push(titles, ev->title ? ev->title : "");
}

/* The event is named by the headline: a title ending with its own outlet's
 * name loses it there; another label stays. */
TEST(group_event_title_without_the_outlet)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	rv_article a;
	rv_error err = { 0 };
	make_article(an, &a, "en", "Floods force evacuation in Norvale | The Valley Herald", FLOOD1,
		     "2023-03-07");
	a.source = strdup("The Valley Herald");
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	rv_article_release(&a);
	make_article(an, &a, "en", "Lindqvist wins the Halden open | Chess", CHESS, "2023-03-07");
	a.source = strdup("Board Weekly");
	ASSERT_EQ(rv_grouper_place(g, &a, &err), RV_OK);
	rv_article_release(&a);
	rv_strlist titles;
	rv_strlist_init(&titles);
	ASSERT_EQ(rv_grouper_flush(g, keep_title, &titles), RV_OK);
	ASSERT(rv_strlist_contains(&titles, "Floods force evacuation in Norvale", false));
	ASSERT(rv_strlist_contains(&titles, "Lindqvist wins the Halden open | Chess", false));
	rv_strlist_release(&titles);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_events_time_window_splits)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t s1, s2;
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", &s1);
	/* the same wording a month later is not the same happening */
	int64_t e2 = place(g, an, "en", "Norvale families evacuated as river bursts banks", FLOOD2,
			   "2023-04-20", &s2);
	ASSERT(e1 != e2);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_undated_placed_by_content)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", NULL);
	int64_t e2 = place(g, an, "en", "Norvale families evacuated as river bursts banks", FLOOD2, NULL, NULL);
	int64_t e3 = place(g, an, "en", "Lindqvist wins the Halden open", CHESS, NULL, NULL);
	ASSERT_EQ(e1, e2);
	ASSERT(e3 != e1);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_storyline_links_later_event)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t s1, s2, s3;
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", &s1);
	place(g, an, "en", "Lindqvist wins the Halden open", CHESS, "2023-03-12", &s3);
	int64_t e2 = place(g, an, "en", "Norvale counts the cost of the flood", FLOOD_LATER,
			   "2023-03-21", &s2);
	ASSERT(e1 != e2); /* two weeks apart: another event */
	ASSERT_EQ(s1, s2); /* of the same storyline */
	ASSERT(s3 != s1);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

/* More events than are compared all at once: candidates come from the
 * index, and an event outside the event window (set aside until the
 * article starts an event of its own) still gives it its storyline. */
TEST(group_storyline_links_through_the_index)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t s1, s2;
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", &s1);
	/* 80 unrelated events around the flood, each in words of its own */
	int64_t filler[80];
	for (int i = 0; i < 80; i++) {
		char text[256] = "", day[16];
		size_t len = 0;
		for (int k = 0; k < 10; k++)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%c%c%c%cor",
						k ? " " : "", 'b' + i / 20, 'a' + i % 20, 'k' + k, 'a' + k);
		snprintf(day, sizeof day, "2023-03-%02d", 8 + i % 12);
		filler[i] = place(g, an, "en", NULL, text, day, NULL);
		for (int j = 0; j < i; j++)
			ASSERT(filler[j] != filler[i]);
	}
	int64_t e2 = place(g, an, "en", "Norvale counts the cost of the flood", FLOOD_LATER,
			   "2023-03-21", &s2);
	ASSERT(e1 != e2);
	ASSERT_EQ(s1, s2);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_cross_language_with_map)
{
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	/* a tiny French->English stem map, as build/fr-en.map holds */
	const char *pairs[][2] = { { "inond", "flood" }, { "rivier", "river" }, { "famill", "famili" },
				   { "barrag", "dam" }, { "mair", "mayor" }, { "evacu", "evacu" },
				   { "quatr", "four" }, { "cent", "hundr" }, { "nuit", "night" },
				   { "ville", "town" }, { "quarti", "district" }, { "bas", "lower" } };
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		ASSERT_EQ(rv_grouper_map_add(g, "fr", pairs[i][0], pairs[i][1]), RV_OK);
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", NULL);
	place(g, an, "en", "Lindqvist wins the Halden open", CHESS, "2023-03-07", NULL);
	int64_t e2 = place(g, an, "fr", "Inondations à Norvale : quatre cents familles évacuées",
			   "La rivière a inondé les quartiers bas de Norvale mardi. La maire Irena Castell "
			   "affirme que le barrage a tenu ; quatre cents familles ont été évacuées dans la nuit.",
			   "2023-03-07", NULL);
	ASSERT_EQ(e1, e2);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_explain_names_the_article_words)
{
	/* "revue story --why" shows what the article wrote: a French report
	 * explained against an English event shares "famili" through the map,
	 * and its own word for it is the French stem "famill" */
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	const char *pairs[][2] = { { "inond", "flood" }, { "rivier", "river" }, { "famill", "famili" },
				   { "barrag", "dam" }, { "mair", "mayor" } };
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		ASSERT_EQ(rv_grouper_map_add(g, "fr", pairs[i][0], pairs[i][1]), RV_OK);
	rv_article en, fr;
	make_article(an, &en, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07");
	make_article(an, &fr, "fr", "Inondations à Norvale : quatre cents familles évacuées",
		     "La rivière a inondé les quartiers bas de Norvale mardi. La maire Irena Castell "
		     "affirme que le barrage a tenu ; quatre cents familles ont été évacuées.",
		     "2023-03-07");
	rv_event ev = { 0 };
	ev.centroid = en.terms; /* borrowed: the English report's terms as a centroid */
	ev.n_centroid = en.n_terms;
	rv_shared_term shared[8];
	size_t n = 0;
	double cos = rv_group_explain(g, &fr, &ev, shared, 8, &n);
	ASSERT(cos > 0.1);
	ASSERT(n >= 3);
	bool family = false, norvale = false;
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		ASSERT(shared[i].weight > 0);
		ASSERT(i == 0 || shared[i].weight <= shared[i - 1].weight);
		sum += shared[i].weight;
		if (!strcmp(shared[i].term, "famili")) {
			ASSERT_STR_EQ(shared[i].own, "famill");
			family = true;
		}
		if (!strcmp(shared[i].term, "norval")) {
			ASSERT_STR_EQ(shared[i].own, "norval"); /* not translated: its own stem */
			norvale = true;
		}
	}
	ASSERT(family && norvale);
	ASSERT(sum <= cos * (1 + 1e-5)); /* the shares shown are parts of the cosine */
	rv_article_release(&en);
	rv_article_release(&fr);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

static bool has_term(const rv_shared_term *t, size_t n, const char *term)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].term, term))
			return true;
	return false;
}

TEST(group_peers_leave_the_article_out)
{
	/* "--why" against the other articles: a word only the article wrote
	 * ("Halvorsen", the stem "sandbag") is not shared, a word two others
	 * wrote is; an article alone shares nothing */
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	rv_article a, b, c;
	make_article(an, &a, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07");
	make_article(an, &b, "en", "Norvale families evacuated as river bursts banks", FLOOD2, "2023-03-07");
	make_article(an, &c, "en", "Sandbags and Halvorsen: Norvale waits for the river",
		     "Volunteers filled sandbags in Norvale on Tuesday as the river rose. Captain Halvorsen "
		     "said sandbags would hold the old quay.",
		     "2023-03-07");
	rv_error err;
	rv_group_peers *alone, *peers;
	ASSERT_EQ(rv_group_peers_new(g, &alone, &err), RV_OK);
	ASSERT_EQ(rv_group_peers_new(g, &peers, &err), RV_OK);
	ASSERT_EQ(rv_group_peers_add(alone, &c), RV_OK);
	rv_shared_term shared[8];
	size_t n = 9;
	ASSERT(rv_group_peers_explain(alone, 0, &c, shared, 8, &n) == 0);
	ASSERT_EQ(n, 0);
	ASSERT_EQ(rv_group_peers_add(peers, &a), RV_OK);
	ASSERT_EQ(rv_group_peers_add(peers, &b), RV_OK);
	ASSERT_EQ(rv_group_peers_add(peers, &c), RV_OK);
	double cos = rv_group_peers_explain(peers, 2, &c, shared, 8, &n);
	ASSERT(cos > 0.05 && cos < 0.9);
	ASSERT(n >= 1);
	ASSERT(has_term(shared, n, "norval"));
	ASSERT(!has_term(shared, n, "sandbag"));
	ASSERT(!has_term(shared, n, "@halvorsen"));
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += shared[i].weight;
	ASSERT(sum <= cos * (1 + 1e-5));
	/* against a centroid that holds it, its own words are shared */
	rv_event ev = { 0 };
	ev.centroid = c.terms; /* borrowed */
	ev.n_centroid = c.n_terms;
	ASSERT(rv_group_explain(g, &c, &ev, shared, 8, &n) > 0.9);
	ASSERT(has_term(shared, n, "sandbag"));
	rv_group_peers_free(&alone);
	rv_group_peers_free(&peers);
	rv_article_release(&a);
	rv_article_release(&b);
	rv_article_release(&c);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_cross_language_needs_evidence)
{
	/* the same French report with no map and no shared names stays apart */
	rv_grouper *g;
	rv_analyzer *an;
	new_pair(&g, &an);
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", NULL);
	place(g, an, "en", "Lindqvist wins the Halden open", CHESS, "2023-03-07", NULL);
	int64_t e2 = place(g, an, "fr", "Inondations : quatre cents familles évacuées",
			   "La rivière a inondé les quartiers bas mardi. La maire affirme que le barrage "
			   "a tenu ; quatre cents familles ont été évacuées dans la nuit.",
			   "2023-03-07", NULL);
	ASSERT(e1 != e2);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

TEST(group_config_set_and_errors)
{
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT_EQ(rv_group_config_set(&c, "event_threshold", "0.42", &err), RV_OK);
	ASSERT(c.event_threshold > 0.419 && c.event_threshold < 0.421);
	ASSERT_EQ(rv_group_config_set(&c, "event_window_days", "5", &err), RV_OK);
	ASSERT_EQ(c.event_window_days, 5);
	ASSERT_EQ(rv_group_config_set(&c, "no_such", "1", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "event_threshold", "abc", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "event_threshold", "7", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "event_threshold", "nan", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "event_threshold", "-inf", &err), RV_EINPUT);
	ASSERT(c.event_threshold > 0.419 && c.event_threshold < 0.421);
	/* an int setting refuses a fraction instead of dropping it */
	ASSERT_EQ(rv_group_config_set(&c, "event_window_days", "2.5", &err), RV_EINPUT);
	ASSERT(strstr(err.msg, "whole number") != NULL);
	ASSERT_EQ(c.event_window_days, 5);
	ASSERT_EQ(rv_group_config_set(&c, "event_window_days", "4.0", &err), RV_OK);
	ASSERT_EQ(c.event_window_days, 4);
	char path[] = "/tmp/rv_group_cfg_XXXXXX";
	int fd = mkstemp(path);
	ASSERT(fd >= 0);
	const char *body = "# thresholds\nstoryline_threshold = 0.2\n\ncentroid_terms=33 # comment\n";
	ASSERT_EQ(write(fd, body, strlen(body)), (long)strlen(body));
	close(fd);
	ASSERT_EQ(rv_group_config_load(&c, path, &err), RV_OK);
	ASSERT_EQ(c.centroid_terms, 33);
	ASSERT(c.storyline_threshold > 0.199 && c.storyline_threshold < 0.201);
	/* a bad line names the file and its line; a line too long for the
	 * buffer is refused whole rather than read as two lines */
	FILE *f = fopen(path, "w");
	ASSERT(f != NULL);
	fputs("# thresholds\nevent_threshold = 0.5\nevent_window_days = 2.5\n", f);
	fclose(f);
	ASSERT_EQ(rv_group_config_load(&c, path, &err), RV_EINPUT);
	char where[64];
	snprintf(where, sizeof where, "%s:3: event_window_days", path);
	ASSERT(strstr(err.msg, where) != NULL);
	f = fopen(path, "w");
	ASSERT(f != NULL);
	fputs("event_threshold = 0.5", f);
	for (int i = 0; i < 600; i++)
		fputc(' ', f);
	fputs("\n", f);
	fclose(f);
	ASSERT_EQ(rv_group_config_load(&c, path, &err), RV_EINPUT);
	ASSERT(strstr(err.msg, ":1: line longer than") != NULL);
	unlink(path);
}

/* Two undated headlines sharing one name out of several words. */
static bool headlines_join(const char *name, const char *value)
{
	rv_group_config cfg;
	rv_grouper *g;
	rv_analyzer *an;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	if (rv_group_config_set(&cfg, name, value, &err))
		TEST_FAIL("config: %s", err.msg);
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	/* unrelated headlines first, so the shared name is not the most common word */
	place(g, an, "en", "Lindqvist wins the Halden chess open", NULL, NULL, NULL);
	place(g, an, "en", "Bakers protest flour prices in Osterby", NULL, NULL, NULL);
	int64_t e1 = place(g, an, "en", "Storm floods Norvale harbour overnight", NULL, NULL, NULL);
	int64_t e2 = place(g, an, "en", "Norvale mayor opens emergency shelters", NULL, NULL, NULL);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return e1 == e2;
}

TEST(group_short_undated_threshold)
{
	/* the short threshold alone decides for undated headlines */
	ASSERT(headlines_join("short_threshold", "0.01"));
	ASSERT(!headlines_join("short_threshold", "0.99"));
	/* and only for texts of at most short_terms terms: past it, event_threshold */
	ASSERT(!headlines_join("short_terms", "0"));
}

/* Headlines of one story whose only common ground is a word's other forms
 * ("Tunisiennes" / "Tunisie", "marche" as verb and noun), the last two of
 * FORMS, after four unrelated ones. */
static const char *FORMS[] = {
	"Lindqvist remporte l'open d'echecs de Halden",
	"Les boulangers d'Osterby protestent contre le prix de la farine",
	"Un festival de jazz s'ouvre a Valmont",
	"La mairie de Corvel renove son ecole",
	"Les Tunisiennes ont marche pour leurs droits",
	"Tunisie : une marche des femmes",
};

/* Do the last two of FORMS join, read as undated headlines in lang (the
 * text is the title, as in a set of headlines)? */
static bool forms_join(const char *lang, const char *char_grams)
{
	rv_group_config cfg;
	rv_grouper *g;
	rv_analyzer *an;
	rv_error err = { 0 };
	rv_group_config_default(&cfg);
	if (char_grams && rv_group_config_set(&cfg, "char_grams", char_grams, &err))
		TEST_FAIL("config: %s", err.msg);
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	int64_t ev[6];
	for (size_t i = 0; i < 6; i++)
		ev[i] = place(g, an, lang, FORMS[i], FORMS[i], NULL, NULL);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
	return ev[4] == ev[5];
}

TEST(group_french_headlines_char_grams)
{
	/* a French headline's character 3-grams let the word's forms meet */
	ASSERT(forms_join("fr", NULL));
	ASSERT(!forms_join("fr", "0"));
	/* only in French: the same words read as English are stemmed and kept apart */
	ASSERT(!forms_join("en", NULL));
	ASSERT(!forms_join("en", "2"));
}

TEST(group_member_link_and_cohesion_settings)
{
	rv_group_config c;
	rv_error err = { 0 };
	rv_group_config_default(&c);
	ASSERT(c.member_link == 0 && c.cohesion == 0); /* off by default */
	ASSERT_EQ(rv_group_config_set(&c, "member_link", "1", &err), RV_OK);
	ASSERT_EQ(rv_group_config_set(&c, "member_keep", "4", &err), RV_OK);
	ASSERT_EQ(c.member_keep, 4);
	ASSERT_EQ(rv_group_config_set(&c, "member_keep", "999", &err), RV_EINPUT);
	ASSERT_EQ(rv_group_config_set(&c, "cohesion", "0.5", &err), RV_OK);
	/* with members kept, events still form and join */
	rv_grouper *g;
	rv_analyzer *an;
	ASSERT_EQ(rv_grouper_new(&c, &g, &err), RV_OK);
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	int64_t e1 = place(g, an, "en", "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", NULL);
	int64_t e2 = place(g, an, "en", "Norvale families evacuated as river bursts banks", FLOOD2,
			   "2023-03-08", NULL);
	int64_t e3 = place(g, an, "en", "Lindqvist wins the Halden open", CHESS, "2023-03-08", NULL);
	for (int i = 0; i < 10; i++) /* the ring of members wraps */
		ASSERT_EQ(place(g, an, "en", "Norvale families evacuated as river bursts banks",
				FLOOD2, "2023-03-08", NULL), e1);
	ASSERT_EQ(e1, e2);
	ASSERT(e3 != e1);
	rv_grouper_free(&g);
	rv_analyzer_free(&an);
}

/* ---- duplicates ---- */

TEST(group_url_canonical)
{
	struct {
		const char *in, *out;
	} cases[] = {
		{ "https://www.example.com/news/story-1/?utm_source=x&id=3&fbclid=abc#top", "example.com/news/story-1?id=3" },
		{ "http://example.com/news/story-1?id=3", "example.com/news/story-1?id=3" },
		{ "https://m.example.com/news/story-1/amp?id=3", "example.com/news/story-1?id=3" },
		{ "https://amp.example.com/news/story-1.amp.html", "example.com/news/story-1.html" },
		{ "https://EXAMPLE.com:443/a", "example.com/a" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *c = rv_url_canonical(cases[i].in);
		ASSERT_STR_EQ(c, cases[i].out);
		free(c);
	}
	ASSERT(rv_url_canonical("ftp://example.com/x") == NULL);
	ASSERT(rv_url_canonical("not a url") == NULL);
}

static const char *WIRE =
	"The central bank of Estavia raised its main interest rate by half a point on Thursday, "
	"the third rise this year, saying inflation in the services sector had not slowed. "
	"The governor, Paulo Renner, told reporters the bank was ready to act again in June. "
	"Markets had expected a smaller move and the currency gained against the euro. "
	"Economists said the decision would weigh on mortgage holders already squeezed by prices. "
	"The bank will publish its next forecast at the end of the quarter.";

TEST(group_near_duplicate_similarity)
{
	/* the same wire text without its last paragraph */
	char *cut = strdup(WIRE);
	*strstr(cut, " The bank will publish") = '\0';
	double s = rv_dedup_similarity(WIRE, cut);
	ASSERT(s >= 0.7);
	ASSERT(rv_dedup_similarity(WIRE, FLOOD1) < 0.2);
	free(cut);
}

TEST(group_pipeline_duplicates)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	int64_t orig, exact, near, url, other;
	test_add_text(p, "a", "https://www.wire.example/estavia-rates", "Estavia raises rates", WIRE,
		   "2023-05-04", &orig);
	test_add_text(p, "b", "https://paper.example/x", "Estavia raises rates", WIRE, "2023-05-04", &exact);
	char *cut = strdup(WIRE);
	*strstr(cut, " The bank will publish") = '\0';
	test_add_text(p, "c", "https://other.example/y", "Estavia's bank surprises markets", cut,
		   "2023-05-04", &near);
	test_add_text(p, "d", "http://wire.example/estavia-rates/?utm_medium=rss",
		   "Rates up in Estavia (updated)", FLOOD1, "2023-05-04", &url);
	test_add_text(p, "e", "https://paper.example/flood", "Floods in Norvale", FLOOD1, "2023-05-04", &other);
	ASSERT_EQ(rv_pipeline_stats_get(p)->duplicates, 3);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_article a;
	int64_t ids[] = { exact, near, url };
	for (size_t i = 0; i < 3; i++) {
		rv_article_init(&a);
		ASSERT_EQ(rv_store_get_article(s, ids[i], &a, &err), RV_OK);
		ASSERT_EQ(a.duplicate_of, orig);
		if (i < 2) /* the URL duplicate has other text: its Jaccard may be 0 */
			ASSERT(a.duplicate_similarity >= 0.7);
		rv_article oa;
		rv_article_init(&oa);
		ASSERT_EQ(rv_store_get_article(s, orig, &oa, &err), RV_OK);
		ASSERT_EQ(a.event, oa.event); /* takes the original's event */
		rv_article_release(&oa);
		rv_article_release(&a);
	}
	rv_article_init(&a);
	ASSERT_EQ(rv_store_get_article(s, other, &a, &err), RV_OK);
	ASSERT_EQ(a.duplicate_of, 0);
	rv_article_release(&a);
	rv_store_close(&s);
	free(cut);
	test_db_remove(path);
}

/* A feed's teaser then the page behind it, under one URL: the page is far
 * richer, so it is stored whole as the original and the teaser becomes its
 * duplicate; met again, the page is a copy. The other order makes the
 * teaser the copy at once. */
TEST(group_page_after_its_teaser)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	static const char *teaser = "The central bank of Estavia raised its main rate again, "
				    "its third rise this year.";
	int64_t t, page, again, page2, late_teaser;
	test_add_text(p, "feed#1", "https://wire.example/estavia-rates", "Estavia raises rates", teaser,
		      "2023-05-04", &t);
	test_add_text(p, "page", "https://wire.example/estavia-rates?utm_source=rss",
		      "Estavia raises rates", WIRE, "2023-05-04", &page);
	test_add_text(p, "recrawl", "http://www.wire.example/estavia-rates", "Estavia raises rates",
		      WIRE, "2023-05-05", &again);
	test_add_text(p, "page2", "https://paper.example/flood", "Floods in Norvale", FLOOD1, "2023-05-04",
		      &page2);
	test_add_text(p, "feed#2", "https://paper.example/flood", "Floods in Norvale",
		      "Heavy rain flooded the river valley of Norvale.", "2023-05-04", &late_teaser);
	ASSERT_EQ(rv_pipeline_stats_get(p)->duplicates, 3);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	struct {
		int64_t id, dup_of;
	} want[] = { { t, page }, { page, 0 }, { again, page }, { late_teaser, page2 } };
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_store_get_article(s, want[i].id, &a, &err), RV_OK);
		ASSERT_EQ(a.duplicate_of, want[i].dup_of);
		if (want[i].id == page)
			ASSERT(a.text && strstr(a.text, "next forecast"));
		if (want[i].id == t) /* the teaser keeps its own words */
			ASSERT(a.text && !strstr(a.text, "next forecast"));
		rv_article_release(&a);
	}
	rv_store_close(&s);
	test_db_remove(path);
}

TEST(group_persistence_round_trip)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	int64_t id1, id2, id3;
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	test_add_text(p, "f1", NULL, "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", &id1);
	test_add_text(p, "c1", NULL, "Lindqvist wins the Halden open", CHESS, "2023-03-07", &id3);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_store_close(&s);
	/* a new process: the event comes back from the store and is joined */
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	test_add_text(p, "f2", NULL, "Norvale families evacuated as river bursts banks", FLOOD2,
		   "2023-03-08", &id2);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_article a, b, c;
	rv_article_init(&a);
	rv_article_init(&b);
	rv_article_init(&c);
	ASSERT_EQ(rv_store_get_article(s, id1, &a, &err), RV_OK);
	ASSERT_EQ(rv_store_get_article(s, id2, &b, &err), RV_OK);
	ASSERT_EQ(rv_store_get_article(s, id3, &c, &err), RV_OK);
	ASSERT(a.event != 0);
	ASSERT_EQ(a.event, b.event);
	ASSERT(c.event != a.event);
	/* the document frequencies came back too: three articles counted */
	rv_group_config cfg;
	rv_group_config_default(&cfg);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_store_load_group_state(s, g, &err), RV_OK);
	ASSERT_EQ(rv_grouper_docs(g), 3);
	rv_grouper_free(&g);
	rv_story st = { 0 };
	ASSERT_EQ(rv_store_get_story(s, a.event, &st, &err), RV_OK);
	ASSERT_EQ(st.n_articles, 2);
	rv_story_release(&st);
	rv_article_release(&a);
	rv_article_release(&b);
	rv_article_release(&c);
	rv_store_close(&s);
	test_db_remove(path);
}

static int take_language(const char *lang, uint32_t n, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 64 - len, "%s%s=%u", len ? "," : "", lang, n);
	return RV_OK;
}

static int take_stemmed(const char *lang, unsigned n, void *ctx)
{
	return take_language(lang, n, ctx);
}

/* The stream's languages outlive the run: a resumed ingest and an
 * explanation stem a headline as the first run did. */
TEST(group_stream_languages_are_saved)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	int64_t id;
	test_add_text(p, "f1", NULL, "Floods force evacuation in Norvale", FLOOD1, "2023-03-07", &id);
	test_add_text(p, "f2", NULL, "Norvale families evacuated", FLOOD2, "2023-03-07", &id);
	test_add_text(p, "c1", NULL, "Lindqvist wins the Halden open", CHESS, "2023-03-07", &id);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_group_config cfg;
	rv_group_config_default(&cfg);
	rv_grouper *g;
	ASSERT_EQ(rv_grouper_new(&cfg, &g, &err), RV_OK);
	ASSERT_EQ(rv_store_load_group_languages(s, g, &err), RV_OK);
	char seen[64] = "";
	ASSERT_EQ(rv_grouper_each_language(g, take_language, seen), RV_OK);
	ASSERT_STR_EQ(seen, "en=3");
	rv_grouper_free(&g);
	/* and the analyzer's: the languages texts were stemmed in */
	rv_analyzer *an;
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_load_stemmed(s, an, &err), RV_OK);
	seen[0] = '\0';
	ASSERT_EQ(rv_analyzer_each_stemmed(an, take_stemmed, seen), RV_OK);
	ASSERT_STR_EQ(seen, "en=3");
	rv_analyzer_free(&an);
	rv_store_close(&s);
	test_db_remove(path);
}

/* A near copy with a paragraph its original lacks is a duplicate that keeps
 * its own text (searchable, readable); a trimmed copy reads the original's. */
TEST(group_fuller_copy_keeps_its_text)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	size_t fuller_cap = strlen(WIRE) + 400;
	char *fuller = malloc(fuller_cap);
	ASSERT(fuller);
	snprintf(fuller, fuller_cap, "%s The bank also said its deputy governor, Ilse Marten, would retire in "
			"September after twelve years, and that a successor would be named by the "
			"finance minister before the summer recess.",
		WIRE);
	char *cut = strdup(WIRE);
	*strstr(cut, " The bank will publish") = '\0';
	int64_t orig, full, trimmed;
	test_add_text(p, "a", "https://wire.example/a", "Estavia raises rates", WIRE, "2023-05-04", &orig);
	test_add_text(p, "b", "https://paper.example/b", "Estavia's bank acts", fuller, "2023-05-04", &full);
	test_add_text(p, "c", "https://other.example/c", "Rates up", cut, "2023-05-04", &trimmed);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_store_get_article(s, full, &a, &err), RV_OK);
	ASSERT_EQ(a.duplicate_of, orig);
	ASSERT(a.text && strstr(a.text, "Ilse Marten"));
	rv_article_release(&a);
	rv_article_init(&a);
	ASSERT_EQ(rv_store_get_article(s, trimmed, &a, &err), RV_OK);
	ASSERT_EQ(a.duplicate_of, orig);
	ASSERT(a.text && strstr(a.text, "next forecast")); /* the original's */
	rv_article_release(&a);
	free(fuller);
	free(cut);
	rv_store_close(&s);
	test_db_remove(path);
}

/* The original is the text published first: a wire story read after its
 * reprint (exact or trimmed) takes its place, and the reprint becomes its
 * duplicate. */
TEST(group_earlier_copy_is_the_original)
{
	char path[256];
	test_db_path(path, sizeof path, "rv_test_group");
	rv_store *s;
	rv_pipeline *p;
	rv_error err = { 0 };
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_pipeline_open(s, NULL, &p, &err), RV_OK);
	char *cut = strdup(WIRE);
	*strstr(cut, " The bank will publish") = '\0';
	int64_t reprint, exact_reprint, wire, same_hour;
	test_add_text(p, "reprint", "https://paper.example/r", "Estavia raises rates", cut,
		      "2023-05-04T15:00:00Z", &reprint);
	test_add_text(p, "wire", "https://wire.example/w", "Estavia raises rates", WIRE,
		      "2023-05-04T09:00:00Z", &wire);
	test_add_text(p, "exact", "https://daily.example/e", "Floods in Norvale", FLOOD1,
		      "2023-05-04T18:00:00Z", &exact_reprint);
	test_add_text(p, "agency", "https://agency.example/a", "Floods in Norvale", FLOOD1,
		      "2023-05-04T08:00:00Z", &same_hour);
	ASSERT_EQ(rv_pipeline_close(&p, &err), RV_OK);
	struct {
		int64_t id, dup_of;
	} want[] = { { reprint, wire }, { wire, 0 }, { exact_reprint, same_hour }, { same_hour, 0 } };
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_store_get_article(s, want[i].id, &a, &err), RV_OK);
		if (a.duplicate_of != want[i].dup_of)
			TEST_FAIL("row %zu: duplicate of %lld, want %lld", i, (long long)a.duplicate_of,
				  (long long)want[i].dup_of);
		rv_article_release(&a);
	}
	free(cut);
	rv_store_close(&s);
	test_db_remove(path);
}
