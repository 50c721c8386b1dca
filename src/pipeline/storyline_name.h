/* storyline_name.h - a readable name for a storyline (storyline_name.c),
 * for `revue stories` and the web API. */
#ifndef RV_STORYLINE_NAME_H
#define RV_STORYLINE_NAME_H

#include "store/store.h"

/* The words that recur most in the titles of the storyline's articles
 * ("Port-Aurèle, dockers, grève"), to free; NULL when fewer than two
 * titles or no word recurs (or out of memory). */
char *rv_storyline_name(rv_store *store, int64_t storyline);

#endif
