/* story_facts.h - the facts of one event across its articles: who said what
 * (grouped by speaker, with the outlets that carried each quote), the
 * figures ledger (one quantity as each outlet reported it, disagreements
 * flagged) and entity mentions over time.
 *
 * rv_store_story_facts() fills an rv_story_facts the caller releases with
 * rv_story_facts_release(); every string in it is owned by it.
 */
#ifndef RV_STORE_STORY_FACTS_H
#define RV_STORE_STORY_FACTS_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One quotation and the outlets (articles) that carried it. */
typedef struct rv_fact_quote {
	char *text;
	char *role;            /* NULL when no outlet stated one */
	rv_strlist sources;    /* outlets, in order of first publication */
	rv_strlist published;  /* the matching dates ("" when undated) */
} rv_fact_quote;

typedef struct rv_fact_speaker {
	char *speaker;         /* NULL: unattributed */
	rv_fact_quote *quotes;
	size_t n_quotes;
	rv_strlist sources;    /* every outlet quoting this speaker */
} rv_fact_speaker;

/* One figure as one article reported it. */
typedef struct rv_fact_report {
	int64_t article;
	char *source;
	double value, value_max;
	char *qualifier;
	char *text;
	char *context;
} rv_fact_report;

/* One quantity: figures of the same thing (unit class) with compatible values. */
typedef struct rv_fact_quantity {
	char *unit;            /* as first written ("soldats") */
	char *key;             /* its class ("soldiers") */
	rv_fact_report *reports;
	size_t n_reports;
	int n_sources;
	bool disagree;         /* outlets give different values */
} rv_fact_quantity;

typedef struct rv_fact_day {
	char *day;             /* YYYY-MM-DD or "" */
	int mentions;
} rv_fact_day;

typedef struct rv_fact_entity {
	char *name;
	char *type;
	rv_strlist aliases;    /* every other surface form seen in the event, sorted
				* (RV_FACTS_ENTITY_ALIASES) */
	int mentions;
	int articles;
	rv_fact_day *days;     /* ascending (RV_FACTS_ENTITY_DAYS) */
	size_t n_days;
} rv_fact_entity;

typedef struct rv_story_facts {
	rv_fact_speaker *speakers;     /* most quoted first */
	size_t n_speakers;
	rv_fact_quantity *quantities;  /* most outlets first */
	size_t n_quantities;
	rv_fact_entity *entities;      /* grouped as every entity list (entity_list.h):
					* named by the most articles first */
	size_t n_entities;
} rv_story_facts;

/* What a caller wants of the entities beyond their names, types and counts:
 * reading each one's forms and days costs a pass over every mention's
 * aliases and a join with the articles, thrown away when nobody shows them. */
enum {
	RV_FACTS_ENTITY_ALIASES = 1,  /* fill rv_fact_entity.aliases */
	RV_FACTS_ENTITY_DAYS = 2,     /* fill rv_fact_entity.days */
};

/* The facts of event; want is a set of RV_FACTS_* (0: the entities without
 * their aliases and days, left empty). */
int rv_store_story_facts(rv_store *s, int64_t event, unsigned want, rv_story_facts *out, rv_error *err);
void rv_story_facts_release(rv_story_facts *f);

#endif
