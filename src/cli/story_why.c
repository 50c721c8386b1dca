/* story_why.c - revue story ID --why: why each article is in its event,
 * as text or JSON. The explanation itself is src/pipeline/explain.c (the
 * web API serves the same). */
#include "cli/cli.h"
#include "pipeline/explain.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

static double number(const json_t *o, const char *key)
{
	return json_number_value(json_object_get(o, key));
}

static void print_article(const json_t *a, bool *seen_start)
{
	long long id = (long long)json_integer_value(json_object_get(a, "id"));
	const char *title = json_string_value(json_object_get(a, "title"));
	if (json_object_get(a, "duplicate_of")) {
		printf("  #%-6lld duplicate of #%lld (text similarity %.2f)  %s\n", id,
		       (long long)json_integer_value(json_object_get(a, "duplicate_of")),
		       number(a, "duplicate_similarity"), title ? title : "");
		return;
	}
	double now = number(a, "others_similarity");
	const json_t *words = json_object_get(a, "shared_words");
	/* the first article that started an event (by id) started this one,
	 * any later one an event merged into it since */
	if (json_is_true(json_object_get(a, "started_event"))) {
		if (!*seen_start)
			printf("  #%-6lld started the event", id);
		else
			printf("  #%-6lld started an event merged into this one", id);
		*seen_start = true;
	} else {
		printf("  #%-6lld joined at %.2f", id, number(a, "similarity"));
	}
	if (!json_array_size(words))
		printf(", now %.2f to the other articles; shares nothing with them", now);
	else
		printf(", now %.2f to the other articles; shared:", now);
	size_t shown = 0;
	for (size_t i = 0; i < json_array_size(words); i++) {
		const char *w = json_string_value(json_array_get(words, i));
		/* a name and the word it is written with say one thing */
		bool again = !w;
		for (size_t j = 0; j < i && !again; j++)
			again = !strcasecmp(json_string_value(json_array_get(words, j)), w);
		if (!again)
			printf("%s %s", shown++ ? "," : "", w);
	}
	printf("\n      %s\n", title ? title : "(no title)");
}

int cli_story_why(rv_store *store, int64_t event, bool json)
{
	rv_group_config cfg;
	rv_error err;
	rv_error_clear(&err);
	json_t *why = NULL;
	int rc = rv_group_config_from_env(&cfg, &err);
	if (!rc)
		rc = rv_explain_event(store, event, &cfg, &why, &err);
	if (rc) {
		fprintf(stderr, "revue: %s\n", err.msg);
		return rc == RV_EINPUT ? RV_EXIT_USAGE : RV_EXIT_FAILURE;
	}
	if (json) {
		char *s = json_dumps(why, JSON_COMPACT | JSON_REAL_PRECISION(10));
		if (s)
			puts(s);
		free(s);
	} else {
		/* the threshold an article met depends on what it is (a headline,
		 * a full article, one that no other event came close to): name the
		 * main ones rather than one that would contradict "joined at" */
		const json_t *t = json_object_get(why, "thresholds");
		printf("why: each article's similarity to event #%lld (joins at %.2f; undated headlines "
		       "%.2f, full articles %.2f, %.2f when no other event comes close; all: "
		       "revue regroup --show-config)\n",
		       (long long)event, number(t, "event"), number(t, "headline"), number(t, "full_article"),
		       number(t, "clear"));
		const json_t *list = json_object_get(why, "why");
		bool seen_start = false;
		for (size_t i = 0; i < json_array_size(list); i++)
			print_article(json_array_get(list, i), &seen_start);
		if (json_is_true(json_object_get(why, "truncated")))
			printf("  (the first %zu of %lld articles)\n", json_array_size(list),
			       (long long)json_integer_value(json_object_get(why, "articles")));
	}
	json_decref(why);
	return RV_EXIT_OK;
}
