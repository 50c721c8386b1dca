/* events.c - STUB: every article its own event, until grouping lands. */
#include "group/group.h"

#include <stdlib.h>
#include <string.h>

struct rv_grouper {
	rv_group_config cfg;
	int64_t next_event, next_storyline;
	rv_event pending[1];
	int n_pending;
};

void rv_group_config_default(rv_group_config *c)
{
	c->event_threshold = 0.3;
	c->event_window_days = 3;
	c->storyline_threshold = 0.15;
	c->storyline_window_days = 30;
	c->title_weight = 3.0;
	c->centroid_terms = 64;
}

int rv_grouper_new(const rv_group_config *cfg, rv_grouper **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	(*out)->cfg = *cfg;
	(*out)->next_event = (*out)->next_storyline = 1;
	return RV_OK;
}

void rv_grouper_free(rv_grouper **g)
{
	if (g && *g) {
		free(*g);
		*g = NULL;
	}
}

int rv_grouper_load_event(rv_grouper *g, const rv_event *ev)
{
	(void)g; (void)ev;
	return RV_OK;
}

void rv_grouper_set_next_ids(rv_grouper *g, int64_t next_event, int64_t next_storyline)
{
	g->next_event = next_event;
	g->next_storyline = next_storyline;
}

int rv_grouper_place(rv_grouper *g, rv_article *a, rv_error *err)
{
	(void)err;
	a->event = g->next_event++;
	a->storyline = g->next_storyline++;
	return RV_OK;
}

int rv_grouper_flush(rv_grouper *g, rv_event_fn fn, void *ctx)
{
	(void)g; (void)fn; (void)ctx;
	return RV_OK;
}

void rv_event_release(rv_event *ev)
{
	for (size_t i = 0; i < ev->n_centroid; i++)
		free(ev->centroid[i].term);
	free(ev->centroid);
	free(ev->title);
	memset(ev, 0, sizeof *ev);
}
