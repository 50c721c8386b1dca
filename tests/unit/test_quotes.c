/* test_quotes.c - direct quotes, reported speech and speakers. */
#include "test.h"

#include "analyze/analyze.h"
#include "seeds_helper.h"

static void run(rv_article *a, const char *text)
{
	rv_article_init(a);
	a->text = strdup(text);
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_find_entities(a, &err), RV_OK);
	ASSERT_EQ(rv_find_quotes(a, &err), RV_OK);
}

/* The quote containing words, or NULL. */
static const rv_quote *quote_with(const rv_article *a, const char *words)
{
	for (size_t i = 0; i < a->n_quotes; i++)
		if (strstr(a->quotes[i].text, words))
			return &a->quotes[i];
	return NULL;
}

static void assert_said(const rv_article *a, const char *words, const char *speaker)
{
	const rv_quote *q = quote_with(a, words);
	if (!q)
		TEST_FAIL("no quote with \"%s\" (%zu quotes)", words, a->n_quotes);
	ASSERT_STR_EQ(q->speaker, speaker);
}

TEST(quotes_fr_split_by_attribution)
{
	rv_article a;
	run(&a, "Le porte-parole du Pentagone, John Kirby, a tenu un point presse lundi.\n\n"
		"«Nous sommes prêts à agir», a déclaré John Kirby, «mais aucune décision n’a été prise».");
	ASSERT_EQ(a.n_quotes, 1);
	assert_said(&a, "prêts à agir", "John Kirby");
	ASSERT_CONTAINS(a.quotes[0].text, "aucune décision");
	rv_article_release(&a);
}

TEST(quotes_fr_pronoun_and_role)
{
	rv_article a;
	run(&a, "Le secrétaire général de l'Otan, Jens Stoltenberg, est arrivé à Bruxelles.\n\n"
		"« Nous renforçons notre présence à l'est de l'Alliance », a-t-il ajouté.");
	assert_said(&a, "renforçons notre présence", "Jens Stoltenberg");
	rv_article_release(&a);
	run(&a, "La guerre pourrait éclater à tout moment, a déclaré mercredi le porte-parole du "
		"Pentagone John Kirby.");
	assert_said(&a, "pourrait éclater", "John Kirby");
	const rv_quote *q = quote_with(&a, "pourrait éclater");
	ASSERT(q->role != NULL);
	ASSERT_CONTAINS(q->role, "porte-parole");
	rv_article_release(&a);
}

TEST(quotes_en_direct)
{
	rv_article a;
	run(&a, "“We are ready to respond to any scenario,” said Ned Price, the State Department "
		"spokesman.\n\nAntony Blinken told reporters: \"The door to diplomacy remains open for "
		"now, but not for long.\"");
	assert_said(&a, "ready to respond", "Ned Price");
	assert_said(&a, "door to diplomacy", "Antony Blinken");
	rv_article_release(&a);
}

TEST(quotes_reported_speech)
{
	rv_article a;
	run(&a, "Selon Josep Borrell, les Européens ne suivront pas cette décision américaine.\n\n"
		"Boris Johnson said that the talks would continue next week in Geneva.\n\n"
		"The sanctions will hurt the economy for years, according to Christine Lagarde.");
	assert_said(&a, "Européens ne suivront pas", "Josep Borrell");
	assert_said(&a, "talks would continue", "Boris Johnson");
	assert_said(&a, "sanctions will hurt", "Christine Lagarde");
	rv_article_release(&a);
}

TEST(quotes_reported_speech_drops_the_dateline)
{
	/* a wire story's dateline opens its first sentence: where it was
	 * filed, not what was said; a dash that is no dateline stays */
	rv_article a;
	run(&a, "HALDEN, March 3 (NWA) - The harbour will stay closed until the storm has passed, "
		"Mayor Ingrid Solvang said.\n\n"
		"LONDON, March 4 -- The talks over the bridge tolls will resume next week, Owen Mabry "
		"said.\n\n"
		"OSLO (NWA) \xe2\x80\x94 The ferry strike will end on Friday morning, Per Lunde said.\n\n"
		"EU - Canada trade talks will need another round before the summer, Ana Ferreira said.");
	const rv_quote *q = quote_with(&a, "harbour will stay closed");
	ASSERT(q != NULL);
	ASSERT(!strstr(q->text, "HALDEN") && !strstr(q->text, "NWA"));
	ASSERT_STR_EQ(q->speaker, "Ingrid Solvang");
	q = quote_with(&a, "talks over the bridge");
	ASSERT(q != NULL);
	ASSERT(!strstr(q->text, "LONDON") && !strstr(q->text, "March"));
	q = quote_with(&a, "ferry strike will end");
	ASSERT(q != NULL);
	ASSERT(!strstr(q->text, "OSLO"));
	q = quote_with(&a, "Canada trade talks");
	ASSERT(q != NULL);
	ASSERT(!strncmp(q->text, "EU - Canada", 11));
	rv_article_release(&a);
}

/* A wire dateline's month is often abbreviated ("Feb. 3", "Sept 12"), with
 * or without the agency after it; a comma and a lower-case word that is
 * also an abbreviation ("set", "out") is no date. */
TEST(quotes_reported_speech_drops_an_abbreviated_dateline)
{
	rv_article a;
	run(&a, "WASHINGTON, Feb. 3 - The budget talks will resume on Monday morning, Owen Mabry "
		"said.\n\n"
		"HALDEN, Sept 12 -- The harbour will stay closed until the storm has passed, Per "
		"Lunde said.\n\n"
		"The plan, set out - in full - last week, will cost more than expected, Ana Ferreira "
		"said.");
	const rv_quote *q = quote_with(&a, "budget talks will resume");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "The budget talks will resume on Monday morning");
	ASSERT_STR_EQ(q->speaker, "Owen Mabry");
	q = quote_with(&a, "harbour will stay closed");
	ASSERT(q != NULL);
	ASSERT(!strncmp(q->text, "The harbour", 11));
	q = quote_with(&a, "will cost more");
	ASSERT(q != NULL);
	ASSERT(!strncmp(q->text, "The plan, set out", 17));
	rv_article_release(&a);
}

/* An American dateline names the city's state after it, AP style
 * ("Ill.", "N.Y."), with no agency or date needed; a state after a
 * clause's comma ("Voters in Erie, Pa. - ") is no dateline. */
TEST(quotes_reported_speech_drops_a_state_dateline)
{
	rv_article a;
	run(&a, "CEDAR GROVE, Ill. - The county fair will open a week late this summer, Owen Mabry "
		"said.\n\n"
		"LAKE TALLIS, N.Y. \xe2\x80\x94 The water plant will need new pumps next year, Per "
		"Lunde said.\n\n"
		"Voters in Erie, Pa. - the county seat - backed the school levy by a wide margin, "
		"Ana Ferreira said.");
	const rv_quote *q = quote_with(&a, "county fair will open");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "The county fair will open a week late this summer");
	ASSERT_STR_EQ(q->speaker, "Owen Mabry");
	q = quote_with(&a, "water plant will need");
	ASSERT(q != NULL);
	ASSERT(!strncmp(q->text, "The water plant", 15));
	q = quote_with(&a, "backed the school levy");
	ASSERT(q != NULL);
	ASSERT(!strncmp(q->text, "Voters in Erie, Pa.", 19));
	rv_article_release(&a);
}

TEST(quotes_organisation_speaks)
{
	rv_article a;
	run(&a, "Le département d’État a ordonné dimanche l’évacuation, expliquant dans un communiqué "
		"que la situation \"est imprévisible et peut se détériorer\".");
	const rv_quote *q = quote_with(&a, "imprévisible");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->speaker, "département d’État");
	rv_article_release(&a);
}

TEST(quotes_scare_quotes_are_not_speech)
{
	rv_article a;
	run(&a, "Ces informations jugées «alarmistes» circulent depuis dimanche dans la capitale.\n\n"
		"The so-called \"peacekeepers\" crossed the border at night.");
	ASSERT_EQ(a.n_quotes, 0);
	rv_article_release(&a);
}

TEST(quotes_words_inside_reported_speech)
{
	rv_article a;
	/* quoted words inside a reported clause: the quotation is the clause, to the sentence end */
	run(&a, "Senator Maria Olsen described the meeting as a “very positive step toward unity” that "
		"recognized common ground on taxes. The talks resume in May.");
	const rv_quote *q = quote_with(&a, "positive step");
	ASSERT(q != NULL);
	ASSERT_CONTAINS(q->text, "recognized common ground on taxes");
	ASSERT(strstr(q->text, "resume") == NULL);
	ASSERT_STR_EQ(q->speaker, "Maria Olsen");
	rv_article_release(&a);
}

TEST(quotes_mixed_quotation_ends_with_its_clause)
{
	rv_article a;
	/* a new clause ("and said", "and he", "and asserting") ends the quotation, and "and
	 * said" after the quote does not attribute it */
	run(&a, "Senator Maria Olsen called both candidates “reckless” and said the party would lose.\n\n"
		"Later, Peter Quarvel praised Olsen, calling her a “fair rival” and he left early.");
	const rv_quote *q = quote_with(&a, "reckless");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "both candidates “reckless”");
	ASSERT_STR_EQ(q->speaker, "Maria Olsen");
	q = quote_with(&a, "fair rival");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "her a “fair rival”");
	rv_article_release(&a);
}

TEST(quotes_and_after_a_quote_starts_another_clause)
{
	rv_article a;
	/* "and then wrote that she was" neither attributes the first quote nor joins the two */
	run(&a, "Peter Quarvel criticised the witness Maria Olsen during a rally, calling her a "
		"“terrible, terrible witness,” and then wrote that she was “Shameful!”");
	const rv_quote *q = quote_with(&a, "terrible");
	ASSERT(q != NULL);
	ASSERT(strstr(q->text, "Shameful") == NULL);
	ASSERT_STR_EQ(q->speaker, "Peter Quarvel");
	rv_article_release(&a);
}

TEST(quotes_pronoun_agrees_with_the_speaker)
{
	rv_article a;
	/* "she" goes to the last woman named, not to the man named after her */
	run(&a, "Governor Maria Olsen met voters in Dayton. Her rival Peter Quarvel was not there.\n\n"
		"\"We will win this state,\" she said.");
	assert_said(&a, "We will win this state", "Maria Olsen");
	rv_article_release(&a);
}

/* French typed without accents ("a declare"), an office as the speaker
 * ("le ministre des Transports", not "Transports"), and two quotes of two
 * speakers in two sentences kept apart. */
TEST(quotes_accentless_offices_and_two_speakers)
{
	rv_article a;
	run(&a, "Le port est bloque depuis lundi.\n\n"
		"« Nous ne cederons pas », a declare le ministre des Transports. "
		"« La greve est illegale », a dit Paul Mercier, le ministre. "
		"Le ministre du Travail a denonce : « Cette greve est politique et doit cesser ».");
	assert_said(&a, "Nous ne cederons pas", "le ministre des Transports");
	ASSERT(!strstr(quote_with(&a, "Nous ne cederons pas")->text, "illegale"));
	assert_said(&a, "La greve est illegale", "Paul Mercier");
	assert_said(&a, "Cette greve est politique", "le ministre du Travail");
	rv_article_release(&a);
	/* the English habit goes on: one speaker, one quotation */
	run(&a, "“We are ready,” the governor, Ana Ruiz, said. “But nothing has been decided.”");
	ASSERT_EQ(a.n_quotes, 1);
	rv_article_release(&a);
}

TEST(quotes_hostile_input)
{
	rv_article a;
	run(&a, "« « » » “ ” \" \" ‹ a déclaré , said \" selon , according to «");
	rv_article_release(&a);
	run(&a, "«");
	rv_article_release(&a);
}

TEST(quotes_seeds)
{
	rv_article a;
	if (!seed_article("002", &a))
		return;
	const rv_quote *q = quote_with(&a, "8.500");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->speaker, "John Kirby");
	assert_said(&a, "il n’y a aucune divergence", "Ned Price");
	rv_article_release(&a);
	if (!seed_article("000", &a))
		return;
	bool borrell = false;
	for (size_t i = 0; i < a.n_quotes; i++)
		borrell |= a.quotes[i].speaker && !strcmp(a.quotes[i].speaker, "Josep Borrell");
	ASSERT(borrell);
	/* the State Department, through its communiqué */
	const rv_quote *sd = quote_with(&a, "imprévisible");
	ASSERT(sd != NULL);
	ASSERT(sd->speaker != NULL);
	ASSERT_CONTAINS(sd->speaker, "État");
	rv_article_release(&a);
	if (!seed_article("004", &a))
		return;
	bool ouchakov = false;
	for (size_t i = 0; i < a.n_quotes; i++)
		ouchakov |= a.quotes[i].speaker && !strcmp(a.quotes[i].speaker, "Yuri Ouchakov");
	ASSERT(ouchakov);
	rv_article_release(&a);
}

/* A common-noun subject right before the verb speaks ("after inspectors said"), not the
 * person the main clause is about. */
TEST(quotes_common_noun_subject)
{
	rv_article a;
	run(&a, "Governor Ellen Park left office on Friday, a month after inspectors said the state "
		"prison had ignored safety rules for years.");
	assert_said(&a, "prison had ignored safety rules", "inspectors");
	rv_article_release(&a);
	run(&a, "La gouverneure Ellen Park a quitté ses fonctions vendredi, un mois après que des "
		"inspecteurs ont affirmé que la prison ignorait les règles de sécurité.");
	assert_said(&a, "la prison ignorait les règles", "des inspecteurs");
	rv_article_release(&a);
}

/* "X, who …, said content": the apposition is not the content. */
TEST(quotes_apposition_is_not_content)
{
	rv_article a;
	run(&a, "Senator Paula Grant, who chairs the finance committee, said the budget would be cut "
		"next year.");
	const rv_quote *q = quote_with(&a, "budget");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "the budget would be cut next year");
	ASSERT_STR_EQ(q->speaker, "Paula Grant");
	ASSERT(quote_with(&a, "finance committee") == NULL);
	rv_article_release(&a);
}

/* "Content, X said, as …": the content is the clause before the attribution; the
 * clause after it is not speech. */
TEST(quotes_content_before_attribution_and_a_clause)
{
	rv_article a;
	run(&a, "The ferry service was suspended for two days, the port authority said, as the storm "
		"moved up the coast toward the capital.");
	const rv_quote *q = quote_with(&a, "ferry service");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "The ferry service was suspended for two days");
	ASSERT_STR_EQ(q->speaker, "the port authority");
	ASSERT(quote_with(&a, "storm") == NULL);
	rv_article_release(&a);
	run(&a, "Le trafic des ferries a été suspendu pendant deux jours, a indiqué la compagnie, "
		"alors que la tempête remontait la côte vers la capitale.");
	q = quote_with(&a, "trafic des ferries");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "Le trafic des ferries a été suspendu pendant deux jours");
	ASSERT_STR_EQ(q->speaker, "la compagnie");
	rv_article_release(&a);
}

/* "s'est déclaré" (broke out), "s'est dit inquiet": reflexive, no quoted content. */
TEST(quotes_reflexive_verb_is_not_saying)
{
	rv_article a;
	run(&a, "Une fuite de gaz s'est déclarée jeudi matin dans un immeuble de Grenoble.\n\n"
		"Un incendie s’est déclaré dans la nuit de mardi à mercredi près de la gare.\n\n"
		"Le maire s'est dit très inquiet après la fermeture de l'usine de Grenoble.");
	ASSERT_EQ(a.n_quotes, 0);
	rv_article_release(&a);
}

/* "selon les gendarmes de l'Isère": the noun phrase with its complement is the source. */
TEST(quotes_according_to_a_noun_phrase)
{
	rv_article a;
	run(&a, "Le chantier prendra deux ans, selon le conseil régional de Bretagne.\n\n"
		"Deux personnes ont été blessées, selon les pompiers du Finistère.\n\n"
		"The bridge will stay closed until June, according to the highway agency of Oregon.");
	assert_said(&a, "chantier prendra", "le conseil régional de Bretagne");
	assert_said(&a, "Deux personnes", "les pompiers du Finistère");
	assert_said(&a, "bridge will stay closed", "the highway agency of Oregon");
	rv_article_release(&a);
}

/* A comma between digits ("3,5 millions") does not end a clause. */
TEST(quotes_decimal_comma)
{
	rv_article a;
	run(&a, "Les enseignants, qui ont rassemblé 3,5 millions de signatures selon la FSU, ont "
		"manifesté à Paris.");
	const rv_quote *q = quote_with(&a, "signatures");
	ASSERT(q != NULL);
	ASSERT_CONTAINS(q->text, "3,5 millions de signatures");
	rv_article_release(&a);
}

/* "…», a reconnu l'entraîneur marseillais après le match": the noun phrase after the
 * verb speaks, without the time that follows it. */
TEST(quotes_noun_phrase_after_the_verb)
{
	rv_article a;
	run(&a, "« Nous avons manqué de rigueur », a reconnu l'entraîneur marseillais après le match.\n\n"
		"« Il faut se reprendre », a ajouté l’entraîneur adjoint mardi soir.\n\n"
		"\"We lacked discipline,\" admitted the Boston coach after the match.");
	assert_said(&a, "manqué de rigueur", "l'entraîneur marseillais");
	assert_said(&a, "se reprendre", "l’entraîneur adjoint");
	assert_said(&a, "lacked discipline", "the Boston coach");
	rv_article_release(&a);
}

/* A role of several words before a name: "la directrice générale", "House Minority Leader". */
TEST(quotes_role_of_several_words)
{
	rv_article a;
	run(&a, "La directrice générale Claire Morel a déclaré : « Nous allons recruter cent "
		"personnes cette année. »\n\n"
		"Le directeur général Paul Lenoir a déclaré : « Les comptes sont à l'équilibre. »\n\n"
		"House Minority Leader Nancy Pelosi said the vote would be held on Thursday.");
	const rv_quote *q = quote_with(&a, "recruter");
	ASSERT(q != NULL && q->role != NULL);
	ASSERT_STR_EQ(q->role, "directrice générale");
	q = quote_with(&a, "comptes");
	ASSERT(q != NULL && q->role != NULL);
	ASSERT_STR_EQ(q->role, "directeur général");
	q = quote_with(&a, "vote would be held");
	ASSERT(q != NULL && q->role != NULL);
	ASSERT_STR_EQ(q->role, "House Minority Leader");
	rv_article_release(&a);
}

/* "a déclaré la secrétaire générale de SUD-Dockers, Mathilde Garnier": the
 * name after "de" completes the office; the person in apposition speaks. */
TEST(quotes_office_of_an_organisation_then_the_person)
{
	rv_article a;
	run(&a, "« Nous ne reprendrons pas le travail pour des miettes », a déclaré la secrétaire "
		"générale de SUD-Dockers, Mathilde Garnier, devant les grilles du terminal.");
	assert_said(&a, "pour des miettes", "Mathilde Garnier");
	rv_article_release(&a);
}

/* The subject of a passive ("have been told to", "were warned") was spoken
 * to; it does not speak. */
TEST(quotes_passive_told_is_not_speech)
{
	rv_article a;
	run(&a, "Residents have been told to stay indoors and close their windows until further notice.");
	for (size_t i = 0; i < a.n_quotes; i++)
		if (a.quotes[i].speaker && strstr(a.quotes[i].speaker, "Residents"))
			TEST_FAIL("speaker %s", a.quotes[i].speaker);
	rv_article_release(&a);
	run(&a, "Parents were told to keep their children at home, the prefect said on Sunday.");
	assert_said(&a, "keep their children", "the prefect");
	rv_article_release(&a);
}

/* "told reporters …": whom it was said to is not what was said. */
TEST(quotes_told_skips_the_addressee)
{
	rv_article a;
	run(&a, "The mayor told reporters the water was safe to drink again.");
	const rv_quote *q = quote_with(&a, "the water was safe");
	ASSERT(q);
	ASSERT(!strstr(q->text, "reporters"));
	rv_article_release(&a);
}

/* A named addressee, an outlet or a person, is neither the speaker nor part of
 * what was said: "told the BBC that", "a déclaré à l'AFP que", "a confié au
 * Monde". */
static void assert_not_in(const rv_article *a, const char *words, const char *addressee)
{
	const rv_quote *q = quote_with(a, words);
	if (!q)
		TEST_FAIL("no quote with \"%s\" (%zu quotes)", words, a->n_quotes);
	if (strstr(q->text, addressee))
		TEST_FAIL("addressee \"%s\" in quote \"%s\"", addressee, q->text);
	if (q->speaker && strstr(q->speaker, addressee))
		TEST_FAIL("addressee \"%s\" as speaker \"%s\"", addressee, q->speaker);
}

TEST(quotes_named_addressee_en)
{
	rv_article a;
	run(&a, "Mayor Alice Brennan presented the budget of Marrowby on Tuesday.\n\n"
		"Alice Brennan told the BBC that the town would keep all its schools open next year.\n\n"
		"Brennan told Reuters the budget would be balanced by the end of the year.\n\n"
		"Harold Pike told Alice Brennan on Monday that the plan would fail within a year.\n\n"
		"The treasurer told the Marrowby Gazette, the new bridge will cost four million pounds.");
	assert_said(&a, "keep all its schools", "Alice Brennan");
	assert_not_in(&a, "keep all its schools", "BBC");
	ASSERT(!strncmp(quote_with(&a, "keep all its schools")->text, "the town", 8));
	assert_said(&a, "budget would be balanced", "Alice Brennan");
	assert_not_in(&a, "budget would be balanced", "Reuters");
	assert_said(&a, "plan would fail", "Harold Pike");
	assert_not_in(&a, "plan would fail", "Brennan");
	assert_not_in(&a, "bridge will cost", "Gazette");
	ASSERT(!strncmp(quote_with(&a, "bridge will cost")->text, "the new bridge", 14));
	rv_article_release(&a);
}

TEST(quotes_reported_words_never_open_with_a_comma)
{
	/* with or without someone told, and after "that" */
	rv_article a;
	run(&a, "Mayor Alice Brennan presented the budget of Marrowby on Tuesday.\n\n"
		"Alice Brennan said that, in the end, the town would keep its two schools open.\n\n"
		"Harold Pike told the Marrowby Gazette that, after the vote, the bridge would be rebuilt.");
	ASSERT(!strncmp(quote_with(&a, "keep its two schools")->text, "in the end", 10));
	ASSERT(!strncmp(quote_with(&a, "bridge would be rebuilt")->text, "after the vote", 14));
	rv_article_release(&a);
}

TEST(quotes_named_addressee_fr)
{
	rv_article a;
	run(&a, "Le maire de Vauclair, Jean Dufresne, a présenté son budget mardi.\n\n"
		"Jean Dufresne a déclaré à l'AFP que la ville ne fermerait aucune école cette année.\n\n"
		"Il a confié au Monde que les travaux du pont commenceraient en juin prochain.\n\n"
		"Claire Vasseur a expliqué à Jean Dufresne que le budget serait en équilibre dès 2027.\n\n"
		"« Rien ne fermera avant l'été », a confié au Figaro un proche du maire.\n\n"
		"« Nous tiendrons nos promesses », a-t-il confié au Monde.");
	assert_said(&a, "aucune école", "Jean Dufresne");
	assert_not_in(&a, "aucune école", "AFP");
	ASSERT(!strncmp(quote_with(&a, "aucune école")->text, "la ville", 8));
	assert_said(&a, "travaux du pont", "Jean Dufresne");
	assert_not_in(&a, "travaux du pont", "Monde");
	assert_said(&a, "en équilibre", "Claire Vasseur");
	assert_not_in(&a, "en équilibre", "Dufresne");
	assert_not_in(&a, "Rien ne fermera", "Figaro");
	assert_said(&a, "Rien ne fermera", "un proche du maire");
	assert_said(&a, "tiendrons nos promesses", "Jean Dufresne");
	assert_not_in(&a, "tiendrons nos promesses", "Monde");
	rv_article_release(&a);
}

/* English puts the comma before the attribution inside the quotation marks
 * ("… for crumbs," she said); it belongs to the sentence around the quote,
 * not to the words quoted, and the story page showed « … for crumbs, ». */
TEST(quotes_en_comma_before_attribution_is_not_quoted)
{
	rv_article a;
	run(&a, "Dockers at the harbour stopped work on Monday.\n\n"
		"\"We will not go back to work for crumbs,\" said Mathilde Garnier, the union leader.\n\n"
		"\"Nobody gains if this lasts, \" Etienne Rocheval told reporters.");
	const rv_quote *q = quote_with(&a, "for crumbs");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "We will not go back to work for crumbs");
	q = quote_with(&a, "Nobody gains");
	ASSERT(q != NULL);
	ASSERT_STR_EQ(q->text, "Nobody gains if this lasts");
	rv_article_release(&a);
}

/* A quotation's own words never name who said it: a name inside the
 * sentence's quotation is not the subject of "en précisant" (the
 * quotation's speaker is), a name after "à" is the one offered
 * something, and a day may stand between the verb and its subject ("a
 * annoncé lundi l'Elysée"). */
TEST(quotes_fr_speaker_outside_the_quoted_words)
{
	rv_article a;
	run(&a, "Crise diplomatique à Vauclair.\n\n"
		"La ministre Claire Dufossé a appelé à éviter les réactions hâtives. "
		"Le président Marc Lenvers va, lui, proposer «un chemin de désescalade» à Igor Vassiliev, "
		"a annoncé lundi l’Elysée. «Le président s’entretiendra bientôt avec Igor Vassiliev pour "
		"lui proposer un chemin de désescalade», a déclaré la présidence, en précisant que "
		"l’échange aurait lieu «dans les prochains jours». «Il pense qu’il y a de l’espace pour "
		"la diplomatie», a-t-elle ajouté.");
	assert_said(&a, "s’entretiendra bientôt", "la présidence");
	assert_said(&a, "prochains jours", "la présidence");
	assert_said(&a, "Marc Lenvers va", "l’Elysée");
	rv_article_release(&a);
}

/* "a indiqué la préfète de l'Ysse, Anne-Sophie Belval": the name set
 * after the office is who spoke. */
TEST(quotes_fr_office_then_name_after_the_verb)
{
	rv_article a;
	run(&a, "Inondations dans la vallée.\n\n"
		"Quelque 900 habitants de Montrieux ont été évacués dans la nuit, a indiqué "
		"la préfète de la Lorne, Hélène Garrigue.\n\n"
		"« Nous avons évacué tout le quartier en deux heures », a-t-elle déclaré.");
	assert_said(&a, "900 habitants", "Hélène Garrigue");
	assert_said(&a, "tout le quartier", "Hélène Garrigue");
	rv_article_release(&a);
}
