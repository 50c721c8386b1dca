/* entity_list.h - the people, organisations and places of the store, or of
 * one event, grouped one way for every list that shows them: `revue
 * entities`, GET /api/entities, and a story's entities (`revue story`,
 * GET /api/stories/{id}).
 *
 * An entity is every mention stored under one key (entities.key, the
 * rv_entity_key of the name and type, computed at insert): the spellings of
 * a name meet ("PORT-AURÈLE" = "Port-Aurèle"), and so do the gazetteer's
 * variants ("Poutine" = "Putin" = "Путин"). Groups are per key, not per
 * type and key: a name two articles typed differently ("SUD-Dockers" an
 * organisation here, a person there) is one entity, of the type most of its
 * mentions have (ties: the first type alphabetically). Its name is its most
 * mentioned form, except that a person is named by a full name (two words
 * or more) when one was seen ("Vladimir Poutine" over "Putin"); ties go to
 * the form in more articles, then not in capitals, then the longer, then
 * the first alphabetically. articles counts the articles with an analysis of
 * their own that name it (an original, or a copy that adds text to its
 * original; a plain copy has none), mentions their mentions. A name with no
 * key (too long to fold) is in no list.
 */
#ifndef RV_ENTITY_LIST_H
#define RV_ENTITY_LIST_H

#include "core/str.h"
#include "store/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct rv_entity_query {
	const char *prefix;   /* NULL: any; else a form of the entity starts with
			       * it (ASCII case aside), or folded does (any case,
			       * accents or not) */
	const char *type;     /* NULL: any; else the entity's type */
	int64_t event;        /* 0: every article; else this event's */
	bool aliases;         /* fill rv_entity_row.aliases */
	bool days;            /* fill rv_entity_row.days */
	int limit;            /* 0: all */
	int offset;
} rv_entity_query;

/* The mentions of an entity on one day its articles were published. */
typedef struct rv_entity_day {
	const char *day;              /* YYYY-MM-DD, "" for undated articles */
	int64_t mentions;
} rv_entity_day;

/* One entity; every pointer is borrowed for the callback's duration. */
typedef struct rv_entity_row {
	const char *key;
	const char *name;
	const char *type;             /* "" when no article typed it */
	int64_t articles;
	int64_t mentions;
	const rv_strlist *aliases;    /* its other forms, sorted: names and the
				       * variants an article folded into one;
				       * NULL unless asked */
	const rv_entity_day *days;    /* oldest first ("" first); NULL unless asked */
	size_t n_days;
} rv_entity_row;

typedef int (*rv_entity_row_fn)(const rv_entity_row *e, void *ctx);

/* The entities q picks, named by the most articles first (then the most
 * mentions, then by name). Every entity of the store (or event) is read
 * and sorted before the first is given: a page costs the whole list. fn's
 * non-zero return stops the list and is returned. */
int rv_store_each_entity(rv_store *s, const rv_entity_query *q, rv_entity_row_fn fn, void *ctx,
			 rv_error *err);

#endif
