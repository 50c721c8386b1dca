/* story_json.h - a story (event) as the API's JSON.
 *
 * Built from store.h alone (rv_store_get_story + rv_store_each_article), so
 * richer story facts (src/store/story_facts.h, when it lands) slot in by
 * adding members in rv_story_json() without touching the HTTP layer.
 */
#ifndef RV_STORY_JSON_H
#define RV_STORY_JSON_H

#include "store/store.h"
#include "store/story_facts.h"

#include <jansson.h>

/* A string list as a JSON array of strings; a new array the caller owns. */
json_t *rv_strlist_json(const rv_strlist *l);

/* id, storyline, title, first, last, articles, sources[], langs[],
 * n_sources, n_langs. */
json_t *rv_story_summary_json(const rv_story *st);

/* The summary plus: articles[] (each with excerpt, quotes, figures),
 * outlets[{source, articles[]}], timeline[{day, articles[]}],
 * quotes[{speaker, quotes[]}] (each article's quotes, by the speaker as
 * written), speakers[] (as rv_story_speakers_json), figures[] (with the
 * reporting outlet), ledger[], entities[{name, type, mentions, articles}].
 * RV_EINPUT when no such story. */
int rv_story_json(rv_store *s, int64_t id, json_t **out, rv_error *err);

/* Who said what, as `revue story --json` and the page show it:
 * [{speaker (null: unattributed), sources[], quotes[{text, role, sources[]}]}],
 * one speaker however named, the most quoted first, each quote once with
 * every outlet that carried it. A new array the caller owns. */
json_t *rv_story_speakers_json(const rv_story_facts *f);

#endif
