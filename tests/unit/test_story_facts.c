/* test_story_facts.c - who said what, the figures ledger and entity counts
 * of one event, read back from a real (temporary) store. */
#include "test.h"

#include "analyze/analyze.h"
#include "store/entity_list.h"
#include "store/story_facts.h"

#include <unistd.h>

static void add_article(rv_store *s, const char *ref, const char *source, const char *day,
			const char *text)
{
	rv_article a;
	rv_article_init(&a);
	a.ref = strdup(ref);
	a.source = strdup(source);
	a.published = strdup(day);
	a.text = strdup(text);
	a.content_hash = strdup(ref);
	a.event = 7;
	a.storyline = 1;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_find_entities(&a, &err), RV_OK);
	ASSERT_EQ(rv_find_quotes(&a, &err), RV_OK);
	ASSERT_EQ(rv_find_figures(&a, &err), RV_OK);
	ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
	rv_article_release(&a);
}

static int count_entity(const rv_entity_row *e, void *ctx)
{
	(void)e;
	++*(int *)ctx;
	return RV_OK;
}

TEST(story_facts_ledger_and_speakers)
{
	char path[] = "/tmp/revue-facts-XXXXXX";
	int fd = mkstemp(path);
	ASSERT(fd >= 0);
	close(fd);
	unlink(path);
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	add_article(s, "a1", "Le Quotidien", "2022-01-24",
		    "Washington envisage l’envoi de 1.000 à 5.000 soldats en Europe de l’Est.\n\n"
		    "«Aucune décision n’a été prise», a déclaré le porte-parole John Kirby.\n\n"
		    "Vladimir Poutine n’a pas réagi.");
	add_article(s, "a2", "La Gazette", "2022-01-24",
		    "Les États-Unis pourraient envoyer jusqu’à 5.000 militaires.\n\n"
		    "«Aucune décision n’a été prise», a déclaré John Kirby lundi.\n\n"
		    "Poutine garde le silence.");
	add_article(s, "a3", "The Courier", "2022-01-25",
		    "Between 1,000 and 5,000 troops could be sent, and 130,000 Russian soldiers are "
		    "massed at the border.\n\n“Putin has not decided yet,” said Antony Blinken.");
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);

	rv_story_facts f;
	ASSERT_EQ(rv_store_story_facts(s, 7, RV_FACTS_ENTITY_ALIASES | RV_FACTS_ENTITY_DAYS, &f, &err), RV_OK);
	/* Kirby's quote, carried by two outlets, once */
	const rv_fact_speaker *kirby = NULL;
	for (size_t i = 0; i < f.n_speakers; i++)
		if (f.speakers[i].speaker && !strcmp(f.speakers[i].speaker, "John Kirby"))
			kirby = &f.speakers[i];
	ASSERT(kirby != NULL);
	ASSERT_EQ(kirby->n_quotes, 1);
	ASSERT_EQ(kirby->quotes[0].sources.len, 2);
	/* the troops: three outlets, with different figures */
	const rv_fact_quantity *troops = NULL;
	for (size_t i = 0; i < f.n_quantities; i++)
		if (!strcmp(f.quantities[i].key, "soldiers") && f.quantities[i].reports[0].value < 10000)
			troops = &f.quantities[i];
	ASSERT(troops != NULL);
	ASSERT_EQ(troops->n_sources, 3);
	ASSERT(troops->disagree);
	/* 130,000 is another quantity */
	bool big = false;
	for (size_t i = 0; i < f.n_quantities; i++)
		big |= f.quantities[i].reports[0].value == 130000 && f.quantities[i].n_reports == 1;
	ASSERT(big);
	/* Poutine and Putin are one entity, seen on two days */
	const rv_fact_entity *putin = NULL;
	for (size_t i = 0; i < f.n_entities; i++) {
		const rv_fact_entity *e = &f.entities[i];
		if (!strcmp(e->name, "Vladimir Poutine") || rv_strlist_contains(&e->aliases, "Putin", false))
			putin = e;
	}
	ASSERT(putin != NULL);
	ASSERT(rv_strlist_contains(&putin->aliases, "Putin", false) || !strcmp(putin->name, "Putin"));
	ASSERT_EQ(putin->articles, 3);
	ASSERT_EQ(putin->n_days, 2);
	size_t n_entities = f.n_entities;
	int putin_mentions = putin->mentions;
	rv_story_facts_release(&f);

	/* without their details, the same entities and counts, no aliases or days */
	ASSERT_EQ(rv_store_story_facts(s, 7, 0, &f, &err), RV_OK);
	ASSERT_EQ(f.n_entities, n_entities);
	putin = NULL;
	for (size_t i = 0; i < f.n_entities; i++) {
		ASSERT_EQ(f.entities[i].aliases.len, 0);
		ASSERT_EQ(f.entities[i].n_days, 0);
		ASSERT(f.entities[i].days == NULL);
		if (!strcmp(f.entities[i].name, "Vladimir Poutine") || !strcmp(f.entities[i].name, "Putin"))
			putin = &f.entities[i];
	}
	ASSERT(putin != NULL);
	ASSERT_EQ(putin->articles, 3);
	ASSERT_EQ(putin->mentions, putin_mentions);
	rv_story_facts_release(&f);
	/* the days without the aliases */
	ASSERT_EQ(rv_store_story_facts(s, 7, RV_FACTS_ENTITY_DAYS, &f, &err), RV_OK);
	for (size_t i = 0; i < f.n_entities; i++) {
		ASSERT_EQ(f.entities[i].aliases.len, 0);
		ASSERT(f.entities[i].n_days > 0);
	}
	rv_story_facts_release(&f);

	/* the whole store's list, a page of it */
	rv_entity_query q = { .limit = 5 };
	int n = 0;
	ASSERT_EQ(rv_store_each_entity(s, &q, count_entity, &n, &err), RV_OK);
	ASSERT(n <= 5 && n > 0);
	rv_store_close(&s);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
}

/* One name typed two ways by two articles is one entity of the type most of
 * its mentions have. */
TEST(story_facts_one_entity_per_name)
{
	char path[] = "/tmp/revue-facts-XXXXXX";
	int fd = mkstemp(path);
	ASSERT(fd >= 0);
	close(fd);
	unlink(path);
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	static const struct {
		const char *ref, *day, *type;
		int count;
	} rows[] = { { "b1", "2026-03-02", "organization", 3 },
		     { "b2", "2026-03-02", "person", 1 },
		     { "b3", "2026-03-03", "organization", 2 } };
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		rv_article a;
		rv_article_init(&a);
		a.ref = strdup(rows[i].ref);
		a.content_hash = strdup(rows[i].ref);
		a.published = strdup(rows[i].day);
		a.text = strdup("Le syndicat SUD-Dockers appelle à la grève.");
		a.event = 9;
		a.entities = calloc(1, sizeof *a.entities);
		ASSERT(a.entities);
		a.n_entities = 1;
		a.entities[0].name = strdup("SUD-Dockers");
		a.entities[0].type = strdup(rows[i].type);
		a.entities[0].count = rows[i].count;
		rv_strlist_init(&a.entities[0].aliases);
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	rv_story_facts f;
	ASSERT_EQ(rv_store_story_facts(s, 9, RV_FACTS_ENTITY_ALIASES | RV_FACTS_ENTITY_DAYS, &f, &err), RV_OK);
	ASSERT_EQ(f.n_entities, 1);
	ASSERT_STR_EQ(f.entities[0].type, "organization");
	ASSERT_EQ(f.entities[0].mentions, 6);
	ASSERT_EQ(f.entities[0].articles, 3);
	ASSERT_EQ(f.entities[0].n_days, 2);
	rv_story_facts_release(&f);
	rv_store_close(&s);
	unlink(path);
}

/* Outlets disagree when two give no value in common; one that reports the
 * new count and the old one agrees with one that gives only the new. */
TEST(story_facts_disagreement_needs_no_common_value)
{
	char path[] = "/tmp/revue-facts-XXXXXX";
	int fd = mkstemp(path);
	ASSERT(fd >= 0);
	close(fd);
	unlink(path);
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	static const struct {
		int64_t event;
		const char *ref, *source, *text;
	} rows[] = {
		{ 21, "v1", "Meridian Post", "The margin fell from 214 votes to 187 votes after the recount." },
		{ 21, "v2", "Le Courrier", "Achebe-Hart l'emporte avec 187 voix d'avance." },
		{ 22, "w1", "Meridian Post", "Some 850 firefighters fought the fire." },
		{ 22, "w2", "Le Courrier", "Plus de 1 000 pompiers luttaient contre le feu." },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		rv_article a;
		rv_article_init(&a);
		a.ref = strdup(rows[i].ref);
		a.content_hash = strdup(rows[i].ref);
		a.source = strdup(rows[i].source);
		a.published = strdup("2026-05-15");
		a.text = strdup(rows[i].text);
		a.event = rows[i].event;
		ASSERT_EQ(rv_find_figures(&a, &err), RV_OK);
		ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
		rv_article_release(&a);
	}
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	for (int64_t ev = 21; ev <= 22; ev++) {
		rv_story_facts f;
		ASSERT_EQ(rv_store_story_facts(s, ev, 0, &f, &err), RV_OK);
		ASSERT_EQ(f.n_quantities, 1); /* votes = voix, firefighters = pompiers */
		ASSERT_EQ(f.quantities[0].n_sources, 2);
		ASSERT_EQ(f.quantities[0].disagree, ev == 22);
		rv_story_facts_release(&f);
	}
	rv_store_close(&s);
	unlink(path);
}
