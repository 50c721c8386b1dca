/* test_analyze.c - tokens, stems, stop words and terms. */
#include "analyze/analyze.h"
#include "test.h"

struct toks {
	char buf[1024];
	size_t n;
	int count;
	size_t offs[16];
};

static void collect(const char *tok, size_t len, size_t off, void *ctx)
{
	struct toks *t = ctx;
	if (t->count < 16)
		t->offs[t->count] = off;
	t->n += (size_t)snprintf(t->buf + t->n, sizeof t->buf - t->n, "%s%.*s", t->count ? "|" : "",
				 (int)len, tok);
	t->count++;
}

static struct toks toks;

static const char *tokens(const char *s)
{
	memset(&toks, 0, sizeof toks);
	rv_tokenize(s, strlen(s), collect, &toks);
	return toks.buf;
}

TEST(analyze_tokenize_folds_case_and_accents)
{
	ASSERT_STR_EQ(tokens("Les États-Unis l'ont dit"), "les|etats|unis|l|ont|dit");
	ASSERT_STR_EQ(tokens("ÉLYSÉE  Straße"), "elysee|strasse");
	ASSERT_STR_EQ(tokens("Москва и Киев"), "москва|и|киев");
	ASSERT_STR_EQ(tokens(""), "");
	ASSERT_STR_EQ(tokens("...!?"), "");
}

TEST(analyze_tokenize_keeps_numbers_whole)
{
	ASSERT_STR_EQ(tokens("8.500 militaires, 3,5 milliards et 2022."),
		      "8.500|militaires|3.5|milliards|et|2022");
	ASSERT_STR_EQ(tokens("$1,000 a day"), "1.000|a|day");
	/* thousands apart, as French writes them: one figure, as in English */
	ASSERT_STR_EQ(tokens("2 000 militaires et 1\u00a0200\u202f000 euros"),
		      "2.000|militaires|et|1.200.000|euros");
	/* a year, a decimal and groups not of three stay apart */
	ASSERT_STR_EQ(tokens("en 2019 200 morts"), "en|2019|200|morts");
	ASSERT_STR_EQ(tokens("3,5 000"), "3.5|000");
	ASSERT_STR_EQ(tokens("12 34 5 0001 2 000x"), "12|34|5|0001|2|000x");
}

/* the bytes of each token as written, for showing words to people */
struct spans {
	const char *text;
	char buf[256];
	size_t n;
};

static void collect_span(const char *tok, size_t len, size_t off, void *ctx)
{
	struct spans *sp = ctx;
	size_t w = rv_token_span(sp->text, off, tok, len);
	sp->n += (size_t)snprintf(sp->buf + sp->n, sizeof sp->buf - sp->n, "%s%.*s", sp->n ? "|" : "",
				  (int)w, sp->text + off);
}

TEST(analyze_token_span_is_the_word_as_written)
{
	struct spans sp = { .text = "Норвальске: «Ирина» a dit 2 000, 1,5 et l'État" };
	rv_tokenize(sp.text, strlen(sp.text), collect_span, &sp);
	ASSERT_STR_EQ(sp.buf, "Норвальске|Ирина|a|dit|2 000|1,5|et|l|État");
}

TEST(analyze_tokenize_offsets_and_hostile_bytes)
{
	tokens("Un été chaud");
	ASSERT_EQ(toks.count, 3);
	ASSERT_EQ(toks.offs[0], 0);
	ASSERT_EQ(toks.offs[1], 3);
	ASSERT_EQ(toks.offs[2], 9); /* é is two bytes */
	/* invalid UTF-8 and an overlong word: no crash, the junk word dropped */
	char junk[200];
	memset(junk, 'x', sizeof junk);
	junk[199] = '\0';
	ASSERT_STR_EQ(tokens(junk), "");
	ASSERT_STR_EQ(tokens("a\xff\xfe b"), "a|b");
}

TEST(analyze_stem_per_language)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	char out[64];
	rv_stem(an, "en", "troops", 6, out, sizeof out);
	ASSERT_STR_EQ(out, "troop");
	rv_stem(an, "fr", "militaires", 10, out, sizeof out);
	ASSERT_STR_EQ(out, "militair");
	rv_stem(an, "fr", "militaire", 9, out, sizeof out);
	ASSERT_STR_EQ(out, "militair");
	rv_stem(an, "xx", "troops", 6, out, sizeof out);
	ASSERT_STR_EQ(out, "troops");
	rv_stem(an, NULL, "troops", 6, out, 4); /* truncated to the buffer */
	ASSERT_STR_EQ(out, "tro");
	rv_analyzer_free(&an);
	ASSERT(an == NULL);
}

TEST(analyze_stopwords)
{
	ASSERT(rv_is_stopword("fr", "les", 3));
	ASSERT(rv_is_stopword("en", "the", 3));
	ASSERT(rv_is_stopword("de", "und", 3));
	ASSERT(rv_is_stopword("es", "los", 3));
	ASSERT(rv_is_stopword("it", "della", 5));
	ASSERT(rv_is_stopword("pt", "pelo", 4));
	ASSERT(!rv_is_stopword("fr", "ukraine", 7));
	ASSERT(!rv_is_stopword("en", "les", 3));
	ASSERT(!rv_is_stopword(NULL, "the", 3));
}

static float weight_of(const rv_article *a, const char *term)
{
	for (size_t i = 0; i < a->n_terms; i++)
		if (!strcmp(a->terms[i].term, term))
			return a->terms[i].weight;
	return 0;
}

TEST(analyze_terms_sorted_weighted_title)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	a.lang = strdup("fr");
	a.title = strdup("Les soldats américains en alerte");
	a.text = strdup("Washington a placé des soldats en alerte. Les militaires de Kirby attendent.");
	ASSERT_EQ(rv_analyze(an, &a, &err), RV_OK);
	ASSERT(a.n_terms > 3);
	for (size_t i = 1; i < a.n_terms; i++)
		ASSERT(strcmp(a.terms[i - 1].term, a.terms[i].term) < 0);
	/* title terms count RV_TITLE_WEIGHT_DEFAULT times, plus the body */
	ASSERT(weight_of(&a, "soldat") > weight_of(&a, "militair"));
	ASSERT(weight_of(&a, "le") == 0 && weight_of(&a, "les") == 0);
	/* a capitalised word inside a sentence counts as a name */
	ASSERT(weight_of(&a, "kirby") > 1.0f);
	ASSERT(weight_of(&a, "washington") == 1.0f); /* sentence start: no evidence */
	rv_article_release(&a);
	rv_analyzer_free(&an);
}

TEST(analyze_terms_guess_language_when_unknown)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	rv_article_init(&a);
	a.text = strdup("The troops of the alliance were sent to the border and the soldiers are waiting.");
	ASSERT_EQ(rv_analyze(an, &a, &err), RV_OK);
	ASSERT(weight_of(&a, "troop") > 0); /* stemmed as English */
	ASSERT(weight_of(&a, "soldier") > 0);
	rv_article_release(&a);
	rv_analyzer_free(&an);
}

/* a, initialised, holds text (and lang, unless NULL) analysed by an. */
static void analyze_text(rv_analyzer *an, rv_article *a, const char *lang, const char *text)
{
	rv_error err = { 0 };
	rv_article_init(a);
	if (lang)
		a->lang = strdup(lang);
	a->text = strdup(text);
	ASSERT_EQ(rv_analyze(an, a, &err), RV_OK);
}

/* The days of the week a text names (stop words: no term) are kept for
 * the grouper, in English and French, title and body. */
TEST(analyze_weekdays_named)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	analyze_text(an, &a, "en",
		     "The council voted on Thursday to close the old bridge, a week after the "
		     "storm of Monday damaged its pillars.");
	ASSERT_EQ(a.weekdays, (1u << 3) | (1u << 0));
	ASSERT(weight_of(&a, "thursday") == 0);
	rv_article_release(&a);
	analyze_text(an, &a, "fr", "Le conseil a vote dimanche la fermeture du vieux pont.");
	ASSERT_EQ(a.weekdays, 1u << 6);
	rv_article_release(&a);
	analyze_text(an, &a, "en", "The council voted to close the old bridge after the storm.");
	ASSERT_EQ(a.weekdays, 0);
	rv_article_release(&a);
	rv_analyzer_free(&an);
}

/* A short headline typed without accents is stemmed in the stream's
 * language whatever detection makes of it ("Vehicules electriques : ..."
 * comes out English), when its stop words do not tell. */
TEST(analyze_short_headline_takes_the_stream_language)
{
	static const char *stream[] = {
		"Le maire a signe un accord avec la region",
		"Une tempete a frappe la cote ce matin",
		"Le ministre a presente un plan pour les ecoles",
		"La banque centrale va relever ses taux",
		"Un incendie ravage une usine pres du port",
		"Le club a recrute un attaquant pour la saison",
		"Les syndicats appellent a la greve jeudi",
		"Le prix du pain augmente dans les boulangeries",
		"Une exposition sur les volcans ouvre au musee",
		"Le conseil vote le budget de la ville",
	};
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	for (size_t i = 0; i < sizeof stream / sizeof *stream; i++) {
		analyze_text(an, &a, NULL, stream[i]);
		rv_article_release(&a);
	}
	analyze_text(an, &a, NULL, "Vehicules electriques : Zorbex rachete la start-up Kalamo");
	ASSERT(weight_of(&a, "electr") > 0); /* French stem; English would be "electriqu" */
	rv_article_release(&a);
	/* a language the record declares is kept */
	analyze_text(an, &a, "en", "Vehicules electriques : Zorbex rachete la start-up Kalamo");
	ASSERT(weight_of(&a, "electr") == 0);
	rv_article_release(&a);
	rv_analyzer_free(&an);
}

/* A headline's date says when it was written, not what happened: no month
 * name, and its day and year weigh as plain words, as its other numbers do;
 * a longer text keeps its dates (they name the happening). */
TEST(analyze_headline_date_is_no_content)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	analyze_text(an, &a, "fr", "Horoscope du vendredi 28 juin 2019 par Zorbex");
	ASSERT(weight_of(&a, "juin") == 0);
	ASSERT(weight_of(&a, "2019") == 1.0f);
	ASSERT(weight_of(&a, "28") == 1.0f);
	ASSERT(weight_of(&a, "horoscop") > 0);
	rv_article_release(&a);
	/* nor does a price: headlines of unrelated deals share their figures */
	analyze_text(an, &a, "fr", "Soldes : la tablette Zorbex a 129 euros");
	ASSERT(weight_of(&a, "129") == 1.0f);
	rv_article_release(&a);
	analyze_text(an, &a, "fr", "Le conseil municipal de Brenne a vote le budget le 28 juin 2019 apres un long debat "
			"sur les ecoles, les routes et la piscine que les habitants attendaient depuis des annees.");
	ASSERT(weight_of(&a, "juin") > 0);
	ASSERT(weight_of(&a, "2019") > 1.0f);
	rv_article_release(&a);
	rv_analyzer_free(&an);
}

/* The words a French headline asks or hedges with ("Pourquoi ... va ...",
 * "Comment ... peut ...") are no content: two unrelated headlines met on
 * them. */
TEST(analyze_french_headline_function_words)
{
	rv_analyzer *an;
	rv_error err = { 0 };
	ASSERT_EQ(rv_analyzer_new(&an, &err), RV_OK);
	rv_article a;
	analyze_text(an, &a, "fr", "Pourquoi Zorbex va quitter Brenne : comment le club peut rebondir");
	ASSERT(weight_of(&a, "pourquoi") == 0);
	ASSERT(weight_of(&a, "comment") == 0);
	ASSERT(weight_of(&a, "va") == 0);
	ASSERT(weight_of(&a, "peut") == 0);
	ASSERT(weight_of(&a, "zorbex") > 0);
	rv_article_release(&a);
	rv_analyzer_free(&an);
}
