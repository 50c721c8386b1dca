/* fuzz_store.h - a tiny in-memory store, built once per process, for the
 * targets that read from a store (fuzz_api, fuzz_search). The articles are
 * written here; they give the handlers something to find, page and export. */
#ifndef RV_FUZZ_STORE_H
#define RV_FUZZ_STORE_H

#include "core/article.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rv_store *fuzz_store_get(void)
{
	static rv_store *s;
	static int tried;
	if (tried)
		return s;
	tried = 1;
	rv_error err;
	if (rv_store_open(":memory:", false, &s, &err) != RV_OK) {
		fprintf(stderr, "fuzz store: %s\n", err.msg);
		abort();
	}
	static const struct {
		const char *title, *text, *lang, *source, *published;
		int64_t event;
	} rows[] = {
		{ "Le conseil vote le budget des écoles", "Le conseil municipal a voté mardi un budget de 3,5 millions d'euros pour les écoles.",
		  "fr", "Le Courrier", "2024-05-02", 1 },
		{ "Budget scolaire : l'opposition s'abstient", "L'opposition s'est abstenue, jugeant les écoles rurales oubliées.",
		  "fr", "La Vigie", "2024-05-03", 1 },
		{ "Council approves school budget", "The council approved a budget of 3.5 million euros for schools on Tuesday.",
		  "en", "Harbour Post", "2024-05-02", 1 },
		{ "Hochwasser am Fluss erwartet", "Die Behörden erwarten am Wochenende steigende Pegel.", "de", "Tagesbote",
		  "2024-06-10", 2 },
		{ "\"Quoted\" title with <b>tags</b>, commas; and =SUM(1)", "Text with \"quotes\", a\ttab and ünïcödé.",
		  "und", "Odd Source", "", 3 },
	};
	if (rv_store_begin(s, &err) != RV_OK)
		abort();
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		rv_article a;
		rv_article_init(&a);
		char ref[16];
		snprintf(ref, sizeof ref, "fz%zu", i);
		a.ref = strdup(ref);
		a.content_hash = strdup(ref);
		a.title = strdup(rows[i].title);
		a.text = strdup(rows[i].text);
		a.lang = strdup(rows[i].lang);
		a.source = strdup(rows[i].source);
		if (*rows[i].published)
			a.published = strdup(rows[i].published);
		a.url = strdup("https://news.example/a");
		a.event = rows[i].event;
		a.storyline = rows[i].event;
		if (i == 0) {
			a.quotes = calloc(1, sizeof *a.quotes);
			a.quotes[0].text = strdup("Les écoles passent en premier");
			a.quotes[0].speaker = strdup("Anne Morel");
			a.n_quotes = 1;
			a.figures = calloc(1, sizeof *a.figures);
			a.figures[0].value = a.figures[0].value_max = 3500000;
			a.figures[0].unit = strdup("euros");
			a.figures[0].text = strdup("3,5 millions d'euros");
			a.n_figures = 1;
			a.entities = calloc(1, sizeof *a.entities);
			a.entities[0].name = strdup("Anne Morel");
			a.entities[0].type = strdup("person");
			a.entities[0].count = 1;
			a.n_entities = 1;
		}
		if (rv_store_insert_article(s, &a, &err) != RV_OK) {
			fprintf(stderr, "fuzz store: %s\n", err.msg);
			abort();
		}
		rv_article_release(&a);
	}
	if (rv_store_commit(s, &err) != RV_OK)
		abort();
	return s;
}

#endif
