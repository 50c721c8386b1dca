/* test_figures.c - numbers with what they count. */
#include "test.h"

#include "analyze/analyze.h"
#include "analyze/facts.h"
#include "seeds_helper.h"

#include <math.h>

static void run(rv_article *a, const char *text)
{
	rv_article_init(a);
	a->text = strdup(text);
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_find_figures(a, &err), RV_OK);
}

static const rv_figure *with_value(const rv_article *a, double v)
{
	for (size_t i = 0; i < a->n_figures; i++)
		if (fabs(a->figures[i].value - v) < 1e-6 * (fabs(v) + 1))
			return &a->figures[i];
	return NULL;
}

static const rv_figure *must(const rv_article *a, double v)
{
	const rv_figure *f = with_value(a, v);
	if (!f)
		TEST_FAIL("no figure with value %g (%zu figures)", v, a->n_figures);
	return f;
}

TEST(figures_french_formats)
{
	rv_article a;
	run(&a, "Ces options incluent l’envoi de 1.000 à 5.000 soldats. Le Pentagone a placé jusqu’à "
		"8.500 militaires en alerte. La Russie a massé environ 130 000 soldats. Un millier de "
		"militaires seront transférés. La guerre a tué plus de 14 000 personnes.");
	const rv_figure *f = must(&a, 1000);
	ASSERT_EQ((long)f->value_max, 5000);
	ASSERT_STR_EQ(f->unit, "soldats");
	f = must(&a, 8500);
	ASSERT_STR_EQ(f->unit, "militaires");
	ASSERT_STR_EQ(f->qualifier, "jusqu’à");
	f = must(&a, 130000);
	ASSERT_STR_EQ(f->qualifier, "environ");
	ASSERT_CONTAINS(f->context, "massé");
	f = must(&a, 14000);
	ASSERT_STR_EQ(f->unit, "personnes");
	ASSERT_STR_EQ(f->qualifier, "plus de");
	/* "un millier" is 1000 too, counted once per mention */
	size_t n1000 = 0;
	for (size_t i = 0; i < a.n_figures; i++)
		n1000 += a.figures[i].value == 1000;
	ASSERT_EQ(n1000, 2);
	ASSERT(with_value(&a, 5000) == NULL); /* the range end is not a figure of its own */
	rv_article_release(&a);
	run(&a, "Washington envisage de déployer plusieurs milliers de soldats. Le taux atteint 12,5 %.");
	f = must(&a, 2000);
	ASSERT_STR_EQ(f->qualifier, "plusieurs");
	ASSERT(f->value_max > 2000);
	f = must(&a, 12.5);
	ASSERT_STR_EQ(f->unit, "%");
	rv_article_release(&a);
}

TEST(figures_english_formats)
{
	rv_article a;
	run(&a, "More than 14,000 people have died. The deal is worth $1.2bn, up 3.5 percent. Up to "
		"50,000 troops and between 1,000 and 2,000 soldiers were sent.");
	const rv_figure *f = must(&a, 14000);
	ASSERT_STR_EQ(f->unit, "people");
	ASSERT_STR_EQ(f->qualifier, "more than");
	f = must(&a, 1.2e9);
	ASSERT_STR_EQ(f->unit, "$");
	f = must(&a, 3.5);
	ASSERT_STR_EQ(f->unit, "%");
	f = must(&a, 50000);
	ASSERT_STR_EQ(f->qualifier, "up to");
	f = must(&a, 1000);
	ASSERT_EQ((long)f->value_max, 2000);
	rv_article_release(&a);
	run(&a, "Some 2,500 U.S. troops will deploy; the plan costs 1,2 milliard d’euros.");
	f = must(&a, 2500);
	ASSERT_STR_EQ(f->unit, "troops");
	ASSERT_STR_EQ(f->qualifier, "some");
	f = must(&a, 1.2e9);
	ASSERT_STR_EQ(f->unit, "euros");
	rv_article_release(&a);
}

/* The sign after the amount (French usage), and a count that is only a noun
 * followed by a verb has no unit. */
TEST(figures_currency_after_and_bare_counts)
{
	rv_article a;
	run(&a, "Le billet coûte 1 000 € contre 50 € avant ; la facture atteint 3 millions € et "
		"le péage 2000 €. Thousands were evacuated on Monday.");
	const rv_figure *f = must(&a, 1000);
	ASSERT_STR_EQ(f->unit, "€");
	ASSERT_STR_EQ(f->text, "1 000 €");
	ASSERT_STR_EQ(must(&a, 50)->unit, "€");
	ASSERT_STR_EQ(must(&a, 3e6)->unit, "€");
	ASSERT_STR_EQ(must(&a, 2000)->unit, "€"); /* an amount, not a year */
	for (size_t i = 0; i < a.n_figures; i++)
		ASSERT(strcmp(a.figures[i].unit, "were"));
	rv_article_release(&a);
}

/* Units of two words, and crowd counts per source ("12 000 personnes selon
 * les organisateurs, 4 500 selon la police"): the second takes the first's
 * unit instead of "selon". */
TEST(figures_compound_units_and_counts_per_source)
{
	rv_article a;
	run(&a, "La manifestation a réuni 12 000 personnes selon les organisateurs (4 500 selon la "
		"police). Un entrepôt de 4 000 mètres carrés a brûlé. The fire burned 300 square "
		"kilometres. Some 20,000 people marched according to the unions, 9,000 according to "
		"police.");
	ASSERT_STR_EQ(must(&a, 4500)->unit, "personnes");
	ASSERT_STR_EQ(must(&a, 4000)->unit, "mètres carrés");
	ASSERT_STR_EQ(must(&a, 300)->unit, "square kilometres");
	ASSERT_STR_EQ(must(&a, 9000)->unit, "people");
	rv_article_release(&a);
	/* no count before it in the sentence: "selon" is no unit */
	run(&a, "Le bilan s'élève à 4 500 selon la préfecture.");
	ASSERT(with_value(&a, 4500) == NULL);
	rv_article_release(&a);
}

/* Days are no counts ("du 10 au 14 juillet", "14 de marzo"); German counts
 * its nouns with a capital and its scales in words. */
TEST(figures_days_and_german_nouns)
{
	rv_article a;
	run(&a, "Le festival se tiendra du 10 au 14 juillet sur la place. El incendio del 14 de marzo "
		"obligó a evacuar a 300 vecinos.");
	ASSERT(with_value(&a, 10) == NULL);
	ASSERT(with_value(&a, 14) == NULL);
	ASSERT_STR_EQ(must(&a, 300)->unit, "vecinos");
	rv_article_release(&a);
	rv_article_init(&a);
	a.text = strdup("Rund 120 Feuerwehrleute und 40 Fahrzeuge waren im Einsatz; der Schaden liegt "
			"bei 3 Millionen Euro.");
	a.lang = strdup("de");
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_find_figures(&a, &err), RV_OK);
	ASSERT_STR_EQ(must(&a, 120)->unit, "Feuerwehrleute");
	ASSERT_STR_EQ(must(&a, 40)->unit, "Fahrzeuge");
	ASSERT_STR_EQ(must(&a, 3e6)->unit, "Euro");
	rv_article_release(&a);
}

TEST(figures_dates_are_not_figures)
{
	rv_article a;
	run(&a, "Le 24 janvier 2022 à 11:48, en 2014, le 24.01.2022, on 2022-01-24 at 10/02. "
		"The F-16 and COVID-19 and the 3rd round, in 1999.");
	ASSERT_EQ(a.n_figures, 0);
	rv_article_release(&a);
	/* a day before a month's abbreviation or a capitalised name, in any of
	 * the languages the dates are read in */
	run(&a, "Le 12 juil. 2022, le 3 avr. et le 5 févr., 300 personnes ont manifesté. Am 15. "
		"MÄRZ und am 2 dez. Il 5 ago e il 9 ott., 40 vetture.");
	ASSERT_EQ(a.n_figures, 2);
	ASSERT_STR_EQ(must(&a, 300)->unit, "personnes");
	ASSERT_STR_EQ(must(&a, 40)->unit, "vetture");
	rv_article_release(&a);
}

TEST(figures_unit_keys)
{
	char a[64], b[64], c[64];
	rv_figure_unit_key("soldats", a, sizeof a);
	rv_figure_unit_key("troops", b, sizeof b);
	rv_figure_unit_key("militaires", c, sizeof c);
	ASSERT_STR_EQ(a, b);
	ASSERT_STR_EQ(b, c);
	/* the last words of a long class count too */
	rv_figure_unit_key("Soldaten", b, sizeof b);
	rv_figure_unit_key("effectifs", c, sizeof c);
	ASSERT_STR_EQ(a, b);
	ASSERT_STR_EQ(a, c);
	rv_figure_unit_key("personnes", a, sizeof a);
	rv_figure_unit_key("people", b, sizeof b);
	ASSERT_STR_EQ(a, b);
	/* "€4 million" and "4 millions d'euros" are one amount */
	rv_figure_unit_key("€", a, sizeof a);
	rv_figure_unit_key("euros", b, sizeof b);
	ASSERT_STR_EQ(a, b);
	rv_figure_unit_key("dollars", a, sizeof a);
	ASSERT(strcmp(a, b));
	/* the nouns news counts, French and English */
	static const char *const same[][2] = { { "voix", "votes" }, { "bulletins", "ballots" },
					       { "sapeurs-pompiers", "firefighters" },
					       { "vacanciers", "holidaymakers" } };
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		rv_figure_unit_key(same[i][0], a, sizeof a);
		rv_figure_unit_key(same[i][1], b, sizeof b);
		ASSERT_STR_EQ(a, b);
	}
	rv_figure_unit_key("voix", a, sizeof a);
	rv_figure_unit_key("bulletins", b, sizeof b);
	ASSERT(strcmp(a, b));
	ASSERT(rv_figure_compatible(1000, 5000, 5000, 5000));
	ASSERT(rv_figure_compatible(8500, 8500, 8000, 8000));
	ASSERT(!rv_figure_compatible(1000, 5000, 130000, 130000));
}

TEST(figures_hostile_input)
{
	rv_article a;
	run(&a, "1.2.3.4.5 ,,, 999999999999999999999999 soldats $ € 1 à à 2 - - 3 un millier");
	rv_article_release(&a);
	run(&a, "9");
	rv_article_release(&a);
}

TEST(figures_seeds)
{
	rv_article a;
	if (!seed_article("000", &a))
		return;
	bool range = false;
	for (size_t i = 0; i < a.n_figures; i++)
		range |= a.figures[i].value == 1000 && a.figures[i].value_max == 5000;
	ASSERT(range);
	rv_article_release(&a);
	if (!seed_article("002", &a))
		return;
	must(&a, 8500);
	rv_article_release(&a);
	if (!seed_article("001", &a))
		return;
	must(&a, 2000);
	rv_article_release(&a);
	if (!seed_article("004", &a))
		return;
	must(&a, 130000);
	must(&a, 14000);
	rv_article_release(&a);
}
