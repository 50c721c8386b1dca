/* test_textdump.c - articles from crawler text dumps.
 *
 * Through rv_extract() (so the ISO dates of extract.c are covered) on the
 * fixtures in tests/fixtures/textdump (written for this project in the
 * seeds' shape, in FR/EN/DE/ES), and on ../shared/seeds when present.
 */
#include "test.h"

#include "core/article.h"
#include "core/error.h"
#include "core/utf8.h"
#include "extract/extract.h"
#include "extract/textdump_int.h"

#include <unistd.h>

#define SEEDS "../shared/seeds/"

/* Boilerplate none of the bodies may keep. */
static const char *const junk[] = {
    "Posté par",
    "Check Also",
    "Laisser une réponse",
    "cdnnfr1",
    "/html/head",
    "Share Post",
    "ABONNEZ-VOUS",
    "1920 1080 true",
    "feedback.fr@",
    "Stay Connected",
    "You might also enjoy",
    "Inscrivez-vous",
    "Leave a Reply",
    "SUBSCRIBE",
    "http",
    "Geschrieben von",
    "Kommentare",
    "Lesezeit",
    "Compartir",
    "Noticias relacionadas",
    "Required fields",
    "More Updates",
    NULL,
};

static void extract_file(const char *path, rv_article *a)
{
	size_t len;
	char *data = rv_test_read_file(path, &len);
	rv_record rec = {.data = data, .len = len, .format = RV_FORMAT_TEXT, .ref = path};
	rv_error err = {0};
	rv_article_init(a);
	int rc = rv_extract(&rec, a, &err);
	if (rc)
		TEST_FAIL("rv_extract(%s): %d %s", path, rc, err.msg);
	free(data);
}

static void assert_clean(const rv_article *a)
{
	ASSERT(a->text && *a->text);
	for (size_t i = 0; junk[i]; i++)
		ASSERT_NOT_CONTAINS(a->text, junk[i]);
	/* the title is not repeated in the body */
	if (a->title)
		for (size_t i = 0; i < a->paragraphs.len; i++)
			ASSERT(strcmp(a->paragraphs.items[i], a->title));
}

static bool starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static bool ends(const char *s, const char *suffix)
{
	size_t n = s ? strlen(s) : 0, k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

#define ASSERT_STARTS(s, p)                                                                        \
	do {                                                                                       \
		if (!starts((s), (p)))                                                             \
			TEST_FAIL("%s should start \"%s\": \"%.120s\"", #s, p,                     \
			          (s) ? (s) : "(null)");                                           \
	} while (0)
#define ASSERT_ENDS(s, p)                                                                          \
	do {                                                                                       \
		const char *s_ = (s);                                                              \
		size_t n_ = s_ ? strlen(s_) : 0;                                                   \
		if (!ends(s_, (p)))                                                                \
			TEST_FAIL("%s should end \"%s\": \"...%s\"", #s, p,                        \
			          n_ > 120 ? s_ + n_ - 120                                         \
			          : s_     ? s_                                                    \
			                   : "(null)");                                                \
	} while (0)

static void assert_list(const rv_strlist *l, const char *const *want)
{
	size_t n = 0;
	while (want[n])
		n++;
	if (l->len != n) {
		for (size_t i = 0; i < l->len; i++)
			fprintf(stderr, "  got [%zu] %s\n", i, l->items[i]);
		TEST_FAIL("list has %zu items, expected %zu", l->len, n);
	}
	for (size_t i = 0; i < n; i++)
		ASSERT_STR_EQ(l->items[i], want[i]);
}

/* ------------------------------------------------------------ helpers */

static void assert_split(const char *in, const char *const *want)
{
	rv_strlist out;
	rv_strlist_init(&out);
	ASSERT_EQ(rv__textdump_split_glued(in, &out), RV_OK);
	assert_list(&out, want);
	rv_strlist_release(&out);
}

TEST(textdump_split_glued_sentences)
{
	assert_split("Il a refusé.Le département a répondu.",
	             (const char *const[]){"Il a refusé.", "Le département a répondu.", NULL});
	assert_split(
	    "un effet sur Washington.Le département d’État",
	    (const char *const[]){"un effet sur Washington.", "Le département d’État", NULL});
	/* a closing quote before the glued capital */
	assert_split("peut se détériorer \"à tout moment\".Londres a suivi.",
	             (const char *const[]){"peut se détériorer \"à tout moment\".",
	                                   "Londres a suivi.", NULL});
}

TEST(textdump_split_glued_headings)
{
	assert_split("Londres emboîte le pas, l’UE s’abstientAu lendemain du rappel",
	             (const char *const[]){"Londres emboîte le pas, l’UE s’abstient",
	                                   "Au lendemain du rappel", NULL});
	assert_split("de ses diplomates à KievL’hystérie attisée",
	             (const char *const[]){"de ses diplomates à Kiev", "L’hystérie attisée", NULL});
}

TEST(textdump_split_glued_keeps_abbreviations_numbers_links)
{
	const char *keep[] = {
	    "D’après le New York Times, M.Biden devrait décider.",
	    "Washington a placé 8.500 militaires et 1.000 à 5.000 soldats.",
	    "The U.S.Army said so.",
	    "Le détail est publié sur exemple-mairie.fr depuis mercredi.",
	    "See https://example.com/news/a.Html for more.",
	    "Write to desk@example.Com today.",
	    "Posted on LinkedIn and YouTube from an iPhone and macOS.",
	    "Visit www.LeMonde.fr today.",
	    NULL,
	};
	for (size_t i = 0; keep[i]; i++)
		assert_split(keep[i], (const char *const[]){keep[i], NULL});
}

TEST(textdump_person_names)
{
	ASSERT(rv__textdump_is_name("Victor Koulakov"));
	ASSERT(rv__textdump_is_name("Jean de La Fontaine"));
	ASSERT(rv__textdump_is_name("María López"));
	ASSERT(!rv__textdump_is_name("Sputnik"));
	ASSERT(!rv__textdump_is_name("AFP Reuters"));
	ASSERT(!rv__textdump_is_name("lecarrefour dalgerie"));
	ASSERT(!rv__textdump_is_name("Room 101"));
	ASSERT(!rv__textdump_is_name("Le président américain a déclaré samedi soir"));
}

TEST(textdump_url_dates_and_hosts)
{
	rv_date d;
	ASSERT(rv__textdump_url_date("https://fr.example.com/20220124/title-1054570776.html", &d));
	ASSERT_EQ(d.year, 2022);
	ASSERT_EQ(d.month, 1);
	ASSERT_EQ(d.day, 24);
	ASSERT(!d.has_time);
	ASSERT(rv__textdump_url_date("https://example.es/int/2023/03/15/x.html", &d));
	ASSERT_EQ(d.day, 15);
	ASSERT(rv__textdump_url_date("https://example.org/2021-12-31-year-end", &d));
	ASSERT_EQ(d.month, 12);
	/* an id that happens to hold eight digits is not a date */
	ASSERT(!rv__textdump_url_date("https://example.com/news/1054570776.html", &d));
	ASSERT(!rv__textdump_url_date("https://example.com/2022/13/45/x", &d));

	char *h = rv__textdump_host_name("https://fr.sputniknews.com/20220124/x.html");
	ASSERT_STR_EQ(h, "sputniknews.com");
	free(h);
	h = rv__textdump_host_name("https://www.diario-ejemplo.es/a");
	ASSERT_STR_EQ(h, "diario-ejemplo.es");
	free(h);
	h = rv__textdump_host_name("http://m.News.Example.co.uk:8080/a");
	ASSERT_STR_EQ(h, "news.example.co.uk");
	free(h);
}

TEST(textdump_photo_credits)
{
	char s1[] = "sont une affaire interne. Vladimir Poutine | SPUTNIK / VIA AFP-JIJI Poutine "
	            "s’est entretenu samedi.";
	rv__textdump_strip_credits(s1);
	ASSERT_STR_EQ(s1, "sont une affaire interne. Poutine s’est entretenu samedi.");
	char s2[] = "la crise ukrainienne. | TYLER HICKS/THE NEW YORK TIMES Les tensions montent.";
	rv__textdump_strip_credits(s2);
	ASSERT_STR_EQ(s2, "la crise ukrainienne. Les tensions montent.");
	/* a pipe in prose that is not followed by capitals stays */
	char s3[] = "Le score | selon la presse | reste serré.";
	rv__textdump_strip_credits(s3);
	ASSERT_STR_EQ(s3, "Le score | selon la presse | reste serré.");
}

TEST(textdump_subscription_pitch)
{
	char *p = strdup(
	    "Les responsables ont parlé aux journalistes. L’ambassade reste ouverte. "
	    "À une époque de désinformation, un journalisme de qualité est plus crucial "
	    "que jamais. En vous abonnant, vous pouvez nous aider. ABONNEZ-VOUS MAINTENANT .");
	ASSERT_EQ(rv__textdump_cut_pitch(&p), RV_OK);
	ASSERT_STR_EQ(p, "Les responsables ont parlé aux journalistes. L’ambassade reste ouverte.");
	free(p);
	p = strdup("Adjei has signed a five-year contract. Good reporting takes time and money. "
		   "If you value journalism from the waterfront, please consider a subscription. "
		   "SUBSCRIBE TODAY .");
	ASSERT_EQ(rv__textdump_cut_pitch(&p), RV_OK);
	ASSERT_STR_EQ(p, "Adjei has signed a five-year contract.");
	free(p);
	/* far from the end, a word about subscriptions is the article's */
	p = strdup("Netflix a perdu des abonnés. Le titre a chuté. Les analystes sont prudents. "
	           "La direction promet des films. Le conseil se réunit lundi.");
	ASSERT_EQ(rv__textdump_cut_pitch(&p), RV_OK);
	ASSERT_ENDS(p, "Le conseil se réunit lundi.");
	free(p);
}

/* ------------------------------------------------------------ fixtures */

TEST(textdump_fixture_agency_page)
{
	rv_article a;
	extract_file(FIXTURE("textdump/fr_agency.txt"), &a);
	ASSERT_STR_EQ(a.title, "La ville de Marennes vote un budget record pour ses écoles");
	ASSERT_STR_EQ(a.url,
	              "https://fr.exemple-actu.com/20230314/"
	              "la-ville-de-marennes-vote-un-budget-record-pour-ses-ecoles-1077001234.html");
	ASSERT_STR_EQ(a.published, "2023-03-14T09:05+01:00");
	ASSERT_STR_EQ(a.published_source, "meta");
	ASSERT(!a.published_inferred);
	ASSERT_STR_EQ(a.modified, "2023-03-14T17:40+01:00");
	ASSERT_STR_EQ(a.source, "Exemple Actu");
	assert_list(&a.authors, (const char *const[]){"Claire Fontaine", NULL});
	assert_list(&a.tags, (const char *const[]){"éducation", "budget municipal", "écoles",
	                                           "charente-maritime", NULL});
	ASSERT_CONTAINS(a.description, "Le conseil municipal a adopté mardi soir");
	ASSERT_NOT_CONTAINS(a.description, "14.03.2023");
	ASSERT_STARTS(a.text, "Le conseil municipal de Marennes a adopté");
	ASSERT_ENDS(a.text, "pendant quinze ans.");
	ASSERT_CONTAINS(a.text, "M.Dupont");
	ASSERT_CONTAINS(a.text, "3.200.000 euros");
	ASSERT_CONTAINS(a.text, "exemple-mairie.fr depuis");
	ASSERT_CONTAINS(a.text, "primaires.\n\nSelon le maire");
	ASSERT_CONTAINS(a.text, "\n\nDes classes plus économes\n\nLa moitié");
	assert_clean(&a);
	ASSERT_NOT_CONTAINS(a.text, "redaction@");
	ASSERT_NOT_CONTAINS(a.text, "fr_FR");
	ASSERT_NOT_CONTAINS(a.text, "Actus");
	ASSERT_NOT_CONTAINS(a.text, "2023\n");
	ASSERT(a.image && strstr(a.image, "ecole_1920x0"));
	rv_article_release(&a);
}

TEST(textdump_fixture_related_list_and_reply_form)
{
	rv_article a;
	extract_file(FIXTURE("textdump/en_check_also.txt"), &a);
	ASSERT_STR_EQ(a.title, "Harbour strike. Dockers in Portoria halt 40 ships for a third day");
	/* the only date is in a teaser of another article */
	ASSERT(!a.published);
	ASSERT_EQ(a.paragraphs.len, 1);
	ASSERT_STARTS(a.text, "The strike at the port of Portoria");
	ASSERT_ENDS(a.text, "meet both sides on Friday morning.");
	ASSERT_CONTAINS(a.text, "2.4 million tonnes");
	assert_clean(&a);
	ASSERT_NOT_CONTAINS(a.text, "newsdesk");
	ASSERT_NOT_CONTAINS(a.text, "Floods");
	ASSERT_EQ(a.authors.len, 0);
	rv_article_release(&a);
}

TEST(textdump_fixture_comment_dates_are_an_upper_bound)
{
	rv_article a;
	extract_file(FIXTURE("textdump/de_comments.txt"), &a);
	ASSERT_STR_EQ(a.title, "Neue Fähre verbindet Kiel und die Insel Nordholm ab Mai");
	/* the earliest of the comments, as a day, marked as a guess */
	ASSERT_STR_EQ(a.published, "2023-03-13");
	ASSERT_STR_EQ(a.published_source, "comments");
	ASSERT(a.published_inferred);
	ASSERT_STARTS(a.text, "Die Reederei setzt ab Mai");
	ASSERT_ENDS(a.text, "steigende Preise für die Tickets.");
	assert_clean(&a);
	ASSERT_NOT_CONTAINS(a.text, "Startseite");
	ASSERT_NOT_CONTAINS(a.text, "Endlich eine gute Nachricht");
	ASSERT_NOT_CONTAINS(a.text, "Newsletter");
	ASSERT_NOT_CONTAINS(a.text, "Newsticker");
	rv_article_release(&a);
}

TEST(textdump_fixture_share_credit_and_pitch)
{
	rv_article a;
	extract_file(FIXTURE("textdump/en_share_pitch.txt"), &a);
	ASSERT_STR_EQ(a.title,
	              "Lakeside town votes to keep its last cinema open despite rising costs");
	ASSERT(!a.published);
	ASSERT_STARTS(a.text, "The town council of Lakeside voted on Thursday");
	ASSERT_ENDS(a.text, "a weekly film club for schools.");
	ASSERT_CONTAINS(a.text, "audiences back. The Roxy opened in 1936");
	ASSERT_CONTAINS(a.text, "past decade. The cinema now plans");
	ASSERT_NOT_CONTAINS(a.text, "JOHN CARTER");
	ASSERT_NOT_CONTAINS(a.text, "journalism");
	ASSERT_NOT_CONTAINS(a.text, "subscribing");
	assert_clean(&a);
	rv_article_release(&a);
}

TEST(textdump_fixture_byline_and_url_date)
{
	rv_article a;
	extract_file(FIXTURE("textdump/es_byline.txt"), &a);
	ASSERT_STR_EQ(a.title,
	              "El puerto de Valdemar amplía su muelle norte para recibir cruceros");
	ASSERT_STR_EQ(a.published, "2023-03-15");
	ASSERT_STR_EQ(a.published_source, "url");
	ASSERT_STR_EQ(a.source, "diario-ejemplo.es");
	assert_list(&a.authors, (const char *const[]){"María López", "Juan Pérez", NULL});
	ASSERT_EQ(a.paragraphs.len, 3);
	ASSERT_STARTS(a.text, "El puerto de Valdemar comenzará en abril");
	ASSERT_ENDS(a.text, "temen la masificación.");
	assert_clean(&a);
	ASSERT_NOT_CONTAINS(a.text, "Menú");
	ASSERT_NOT_CONTAINS(a.text, "Por María");
	ASSERT_NOT_CONTAINS(a.text, "lonja");
	rv_article_release(&a);
}

TEST(textdump_record_metadata_wins)
{
	/* What the transport knew (a JSONL record) is kept over the dump. */
	size_t len;
	char *data = rv_test_read_file(FIXTURE("textdump/fr_agency.txt"), &len);
	rv_record rec = {.data = data,
	                 .len = len,
	                 .format = RV_FORMAT_TEXT,
	                 .ref = "x#1",
	                 .title = "Titre donné",
	                 .published = "2023-03-10"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.title, "Titre donné");
	ASSERT_STR_EQ(a.published, "2023-03-10");
	ASSERT_STR_EQ(a.ref, "x#1");
	ASSERT(a.content_hash);
	rv_article_release(&a);
	free(data);
}

TEST(textdump_hostile_input)
{
	/* Nothing but furniture: no article. */
	const char *s = "1920 1080 true\n\n/html/head/meta[@name='x']/@content\n\n2022\n\nfr_FR\n";
	rv_record rec = {.data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "f"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_EINPUT);
	rv_article_release(&a);

	/* One huge line of glued sentences, many lines, stray bytes: bounded. */
	size_t n = 3u << 20;
	char *big = malloc(n + 1);
	ASSERT(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "Mot.Autre phrase ici et là|\n\xC3"[i % 29];
	big[n] = '\0';
	rv_record r2 = {.data = big, .len = n, .format = RV_FORMAT_TEXT, .ref = "big"};
	rv_article_init(&a);
	int rc = rv_extract(&r2, &a, &err);
	ASSERT(rc == RV_OK || rc == RV_EINPUT);
	rv_article_release(&a);
	free(big);
}

/* ------------------------------------------------------------ seeds */

static bool seeds_present(void)
{
	if (access(SEEDS "000_00bdff7ae8828c4a.txt", R_OK)) {
		printf("skip: %s absent\n", SEEDS);
		return false;
	}
	return true;
}

TEST(textdump_seeds_titles_and_bodies)
{
	if (!seeds_present())
		return;
	static const struct {
		const char *file, *title, *start, *end;
	} want[] = {
	    {"000_00bdff7ae8828c4a.txt",
	     "Imbroglio entre alliés sur le rapatriement des diplomates en Ukraine: personne n'est "
	     "d'accord",
	     "Alors que la Russie attend", "dans le Donbass."},
	    {"001_8ef91929f74e1bc7.txt",
	     "Le Pentagone n’exclut pas l’envoi de troupes en Ukraine, avec une précision",
	     "En cas de nécessité de mener une mission", "en vue de contenir la Russie."},
	    {"002_95838161fa9b6d51.txt",
	     "Conflit Ukraine-Russie. Washington a placé 8.500 militaires en état d’alerte",
	     "Le changement de ton et de stratégie", "au niveau des conseillers diplomatiques."},
	    {"003_079d4f8d1d047cbb.txt",
	     "Conflit en Ukraine: les Etats-Unis étudient l’envoi de troupes dans les pays de "
	     "l’Otan",
	     "Alors que les Etats-Unis se font", "d’une invasion russe en Ukraine."},
	    {"004_1d638f912a8ffb5e.txt",
	     "L’appel Biden-Poutine n’est pas concluant alors que les tensions en Ukraine montent "
	     "en flèche",
	     "Le président américain Joe Biden a tenté",
	     "continuaient à perfo rm leurs fonctions clés."},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		char path[256];
		snprintf(path, sizeof path, SEEDS "%s", want[i].file);
		rv_article a;
		extract_file(path, &a);
		ASSERT_STR_EQ(a.title, want[i].title);
		ASSERT_STARTS(a.text, want[i].start);
		ASSERT_ENDS(a.text, want[i].end);
		assert_clean(&a);
		rv_article_release(&a);
	}
}

TEST(textdump_seed_000_metadata)
{
	if (!seeds_present())
		return;
	rv_article a;
	extract_file(SEEDS "000_00bdff7ae8828c4a.txt", &a);
	ASSERT_STR_EQ(a.url, "https://fr.sputniknews.com/20220124/"
	                     "imbroglio-entre-allies-sur-le-rapatriement-des-diplomates-en-ukraine-"
	                     "personne-nest-daccord-1054570776.html");
	ASSERT_STR_EQ(a.published, "2022-01-24T11:48+01:00");
	ASSERT_STR_EQ(a.published_source, "meta");
	ASSERT(!a.modified); /* the three timestamps are the same */
	assert_list(&a.tags,
	            (const char *const[]){"international", "joe biden", "ambassade",
	                                  "europe de l'est", "militaires américains", NULL});
	assert_list(&a.authors, (const char *const[]){"Victor Koulakov", NULL});
	ASSERT_STR_EQ(a.source, "Sputnik France");
	/* glued paragraphs split, abbreviations kept */
	ASSERT_CONTAINS(a.text, "lui adresser un refus.\n\nLe New York Times rapporte");
	ASSERT_CONTAINS(a.text, "M.Biden devrait");
	ASSERT_CONTAINS(a.text, "1.000 à 5.000 soldats");
	ASSERT_CONTAINS(a.text, "\n\nLondres emboîte le pas, l’UE s’abstient\n\nAu lendemain");
	ASSERT_CONTAINS(a.text, "à Kiev\n\nL’hystérie");
	ASSERT_NOT_CONTAINS(a.text, "24.01.2022");
	ASSERT_NOT_CONTAINS(a.text, "europe de l'est");
	rv_article_release(&a);
}

TEST(textdump_seed_001_metadata)
{
	if (!seeds_present())
		return;
	rv_article a;
	extract_file(SEEDS "001_8ef91929f74e1bc7.txt", &a);
	ASSERT_STR_EQ(a.url, "https://fr.sputniknews.com/20220202/"
	                     "le-pentagone-nexclut-pas-lenvoi-de-troupes-en-ukraine-avec-une-"
	                     "precision-1054950200.html");
	ASSERT_STR_EQ(a.published, "2022-02-02T19:14+01:00");
	ASSERT_STR_EQ(a.modified, "2022-02-02T19:58+01:00");
	assert_list(&a.tags,
	            (const char *const[]){"états-unis", "ukraine", "john kirby", "pentagone",
	                                  "joe biden", "garanties de sécurité", NULL});
	assert_list(&a.authors, (const char *const[]){"Dmitri Bassenko", NULL});
	ASSERT_CONTAINS(a.text, "\n\nEnvoi de soldats US supplémentaires\n\nSur fond de");
	rv_article_release(&a);
}

TEST(textdump_seed_003_dated_by_comments)
{
	if (!seeds_present())
		return;
	rv_article a;
	extract_file(SEEDS "003_079d4f8d1d047cbb.txt", &a);
	ASSERT_STR_EQ(a.published, "2022-01-24");
	ASSERT_STR_EQ(a.published_source, "comments");
	ASSERT(a.published_inferred);
	ASSERT_NOT_CONTAINS(a.text, "Temps de lecture");
	ASSERT_NOT_CONTAINS(a.text, "Le fil info");
	ASSERT_NOT_CONTAINS(a.text, "Accueil");
	ASSERT_NOT_CONTAINS(a.text, "Commentaires");
	ASSERT_NOT_CONTAINS(a.text, "keyboard warrior");
	rv_article_release(&a);
}

TEST(textdump_seed_004_credits_and_pitch)
{
	if (!seeds_present())
		return;
	rv_article a;
	extract_file(SEEDS "004_1d638f912a8ffb5e.txt", &a);
	ASSERT(!a.published);
	ASSERT_NOT_CONTAINS(a.text, "SPUTNIK / VIA AFP-JIJI");
	ASSERT_NOT_CONTAINS(a.text, "TYLER HICKS");
	ASSERT_NOT_CONTAINS(a.text, "En vous abonnant");
	ASSERT_NOT_CONTAINS(a.text, "journalisme de qualité");
	ASSERT_NOT_CONTAINS(a.text, "GALERIE PHOTO");
	ASSERT_CONTAINS(a.text, "affaire interne. Poutine s’est entretenu");
	rv_article_release(&a);
}

TEST(textdump_seed_002_no_teaser_date)
{
	if (!seeds_present())
		return;
	rv_article a;
	extract_file(SEEDS "002_95838161fa9b6d51.txt", &a);
	/* "Ce jeudi 27 janvier 2022, ..." belongs to another article */
	ASSERT(!a.published);
	ASSERT_EQ(a.paragraphs.len, 1);
	ASSERT_NOT_CONTAINS(a.text, "Accueil");
	ASSERT_NOT_CONTAINS(a.text, "lecarrefour");
	ASSERT_NOT_CONTAINS(a.text, "Cédéao");
	rv_article_release(&a);
}

TEST(textdump_fixture_datelines_bylines_headings)
{
	rv_article a;
	extract_file(FIXTURE("textdump/fr_datelines.txt"), &a);
	ASSERT_STR_EQ(a.title, "Le tramway de Vallonne roulera la nuit le week-end dès avril");
	/* "Publié le ... à 10:05" / "Mis à jour le ... à 08:30" */
	ASSERT_STR_EQ(a.published, "2023-03-14T10:05");
	ASSERT_STR_EQ(a.published_source, "text");
	ASSERT_STR_EQ(a.modified, "2023-03-15T08:30");
	assert_list(&a.authors, (const char *const[]){"Hélène Marchand", "Paul Girard", NULL});
	/* headings that start like a byline or an author box are the article's */
	ASSERT_EQ(a.paragraphs.len, 5);
	ASSERT_STR_EQ(a.paragraphs.items[1], "De nouvelles rames la nuit");
	ASSERT(starts(a.paragraphs.items[2], "Par ailleurs, une rame sur deux"));
	ASSERT_STR_EQ(a.paragraphs.items[3], "À propos de la sécurité");
	ASSERT_ENDS(a.text, "1,2 million d'euros par an.");
	assert_clean(&a);
	ASSERT_NOT_CONTAINS(a.text, "Rédaction Vallonne");
	ASSERT_NOT_CONTAINS(a.text, "Partager");
	ASSERT_NOT_CONTAINS(a.text, "Transports");
	ASSERT_NOT_CONTAINS(a.text, "marché couvert");
	rv_article_release(&a);
}

TEST(textdump_brief_without_long_paragraph)
{
	const char *s = "Accueil\n\nLa piscine de Vallonne ferme pour travaux cet été\n\n"
	                "Partager\n\nLa piscine municipale fermera du 1er juillet au 31 août.\n\n"
	                "Les nageurs pourront aller au centre aquatique voisin.\n\nLire aussi\n\n"
	                "Le stade sera rénové en 2024 comme prévu par la ville.\n";
	rv_record rec = {.data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "brief"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.title, "La piscine de Vallonne ferme pour travaux cet été");
	ASSERT_EQ(a.paragraphs.len, 2);
	ASSERT_ENDS(a.text, "au centre aquatique voisin.");
	rv_article_release(&a);
}

TEST(textdump_unspaced_script_and_credit_lines)
{
	/* Chinese has no spaces: words are counted by characters, and 。 ends
	 * a sentence. Credit and copyright lines are furniture. */
	const char *s =
	    "首页 > 新闻 > 本地\n\n"
	    "河谷市新建的图书馆本周六正式开放\n\n"
	    "Foto: Archiv/Stadt\n\n"
	    "河谷市新建的图书馆将于本周六上午九点正式向市民开放，馆内共有藏书十二万册，并设有儿童阅"
	    "读区和自习室。\n\n"
	    "市图书馆馆长表示，开放第一个月内，市民可以免费办理借书证，每人每次最多可借五本书。\n\n"
	    "© 2023 河谷日报\n";
	rv_record rec = {.data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "zh"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.title, "河谷市新建的图书馆本周六正式开放");
	ASSERT_EQ(a.paragraphs.len, 2);
	ASSERT(starts(a.text, "河谷市新建的图书馆将于"));
	ASSERT_NOT_CONTAINS(a.text, "Foto");
	ASSERT_NOT_CONTAINS(a.text, "2023");
	ASSERT_NOT_CONTAINS(a.text, "首页");
	rv_article_release(&a);
}

TEST(textdump_pitch_as_its_own_paragraphs)
{
	const char *s =
	    "Lakeside opens a new ferry pier on the north shore next month\n\n"
	    "The new pier on the north shore of Lakeside will open next month, the harbour "
	    "office said on Monday, after two years of works that cost four million.\n\n"
	    "Ferries to the islands will leave from there every hour in summer.\n\n"
	    "In a time of noise, quality journalism matters more than ever.\n\n"
	    "By subscribing, you help us report the stories that matter to you.\n\n"
	    "More Updates\n";
	rv_record rec = {.data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "p"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_EQ(a.paragraphs.len, 2);
	ASSERT_ENDS(a.text, "every hour in summer.");
	rv_article_release(&a);
}

TEST(textdump_headings_that_look_like_prompts)
{
	/* "Comment ..." (how), "Les champs ..." and "Réactions ..." headings
	 * inside the story are the article's. */
	const char *s =
	    "Les agriculteurs de la plaine face à la sécheresse de cet été\n\n"
	    "La sécheresse de cet été a réduit de moitié les récoltes de blé dans la plaine, selon "
	    "la chambre d'agriculture qui a publié lundi ses premières estimations.\n\n"
	    "Comment les fermes s'adaptent\n\n"
	    "Plusieurs exploitations ont déjà semé des variétés plus résistantes au manque d'eau, "
	    "et d'autres installent des réserves pour stocker la pluie de l'hiver.\n\n"
	    "Les champs de maïs aussi touchés\n\n"
	    "Le maïs, qui demande beaucoup d'eau en juillet, a souffert plus encore que le blé "
	    "dans les communes du sud de la plaine.\n\n"
	    "Réactions des élus\n\n"
	    "Les élus de la région demandent une aide d'urgence à l'État et un plan pour l'eau, "
	    "que le préfet doit présenter avant la fin du mois.\n\n"
	    "Le maire de Vallonne souhaite que les petites fermes soient aidées en premier.\n";
	rv_record rec = {.data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "h"};
	rv_article a;
	rv_article_init(&a);
	rv_error err = {0};
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_CONTAINS(a.text, "\n\nComment les fermes s'adaptent\n\n");
	ASSERT_CONTAINS(a.text, "\n\nLes champs de maïs aussi touchés\n\n");
	ASSERT_CONTAINS(a.text, "\n\nRéactions des élus\n\n");
	ASSERT_ENDS(a.text, "soient aidées en premier.");
	rv_article_release(&a);
}

/* A paragraph over the 1 MiB a line is read to is cut at a character: cut
 * inside "é" it used to read as junk and the article came out empty. */
TEST(textdump_huge_line_cut_at_a_character)
{
	const char *word = "éléphant ";
	size_t wlen = strlen(word), n = (((size_t)1 << 20) / wlen + 10) * wlen;
	const char *head = "Grève au port : les dockers bloquent tout\n\n";
	size_t hlen = strlen(head);
	char *data = malloc(hlen + n + 1);
	ASSERT(data);
	memcpy(data, head, hlen);
	for (size_t i = 0; i < n; i += wlen)
		memcpy(data + hlen + i, word, wlen);
	data[hlen + n] = '\0';
	/* the 1 MiB mark falls inside a two-byte letter */
	ASSERT((unsigned char)data[hlen + ((size_t)1 << 20)] == 0xA9 ||
	       (unsigned char)data[hlen + ((size_t)1 << 20) - 1] == 0xC3);
	rv_record rec = {.data = data, .len = hlen + n, .format = RV_FORMAT_TEXT, .ref = "huge.txt"};
	rv_error err = {0};
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT(a.text && strlen(a.text) > 500000);
	ASSERT(rv_utf8_valid(a.text, strlen(a.text)));
	rv_article_release(&a);
	free(data);
}

/* The words before a contact address name the outlet only when they are not
 * a prompt ("Contactez la rédaction :", "Write to us:"). */
TEST(textdump_contact_prompt_is_not_the_outlet)
{
	static const char *const dumps[] = {
		"Le port bloqué\n\nLes dockers sont en grève depuis lundi, selon le syndicat du port.\n\n"
		"Contactez la rédaction : redaction@journal.example – 03 29 00 41 17\n",
		"The port is shut\n\nDockers walked out on Monday, the union said, and ships wait.\n\n"
		"Write to us: newsroom@ledger.example\n",
	};
	for (size_t i = 0; i < sizeof dumps / sizeof *dumps; i++) {
		rv_record rec = {.data = dumps[i], .len = strlen(dumps[i]), .format = RV_FORMAT_TEXT,
				 .ref = "contact.txt"};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		if (a.source)
			TEST_FAIL("source '%s' from a contact prompt", a.source);
		rv_article_release(&a);
	}
	const char *named = "Le port bloqué\n\nLes dockers sont en grève depuis lundi, selon le syndicat.\n\n"
			    "Exemple Actu redaction@exemple.example\n";
	rv_record rec = {.data = named, .len = strlen(named), .format = RV_FORMAT_TEXT, .ref = "c.txt"};
	rv_error err = {0};
	rv_article a;
	rv_article_init(&a);
	ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
	ASSERT_STR_EQ(a.source, "Exemple Actu");
	rv_article_release(&a);
}

/* Extract an inline dump; the caller releases *a. */
static void extract_text(const char *s, rv_article *a)
{
	rv_record rec = {
	    .data = s, .len = strlen(s), .format = RV_FORMAT_TEXT, .ref = "inline.txt"};
	rv_error err = {0};
	rv_article_init(a);
	int rc = rv_extract(&rec, a, &err);
	if (rc)
		TEST_FAIL("rv_extract: %d %s", rc, err.msg);
}

/* A breadcrumb is never the title nor text, even when its last crumb holds
 * « quotes » (a » closing a « is not a separator) or a "you are here"
 * prompt leads it; a « quote » in prose is no breadcrumb. */
TEST(textdump_breadcrumb_is_not_the_title)
{
	static const struct {
		const char *dump, *title, *crumb;
	} cases[] = {
	    {"Accueil » VILLE » Marché. « On n'a jamais vu ça » disent les forains\n\n"
	     "Marché. « On n'a jamais vu ça » disent les forains\n\n"
	     "Le marché du dimanche a attiré trois fois plus de monde que d'habitude, selon la "
	     "mairie qui a compté les entrées toute la matinée.\n\n"
	     "« On n'a jamais vu ça », a résumé une marchande de fruits installée depuis vingt "
	     "ans.\n",
	     "Marché. « On n'a jamais vu ça » disent les forains", "VILLE"},
	    {"Vous êtes ici : Accueil > Monde > La pluie revient sur la côte après deux mois\n\n"
	     "La pluie revient sur la côte après deux mois\n\n"
	     "Après deux mois sans une goutte, la pluie est enfin tombée mardi sur la côte, au "
	     "grand soulagement des agriculteurs de la région.\n",
	     "La pluie revient sur la côte après deux mois", "Monde"},
	    {"Home > World > Ferry service to the islands resumes after the storm\n\n"
	     "Ferry service to the islands resumes after the storm\n\n"
	     "The first ferry in a week left the harbour on Monday morning, after the storm that "
	     "cut the islands off from the mainland died down.\n",
	     "Ferry service to the islands resumes after the storm", "World"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rv_article a;
		extract_text(cases[i].dump, &a);
		ASSERT_STR_EQ(a.title, cases[i].title);
		ASSERT_NOT_CONTAINS(a.text, cases[i].crumb);
		rv_article_release(&a);
	}
	rv_article a;
	extract_text("Les forains du dimanche\n\n"
	             "Le maire parle d'« une réussite » et « d'un marché » qui revit, après des "
	             "années difficiles pour les commerçants du centre.\n",
	             &a);
	ASSERT_CONTAINS(a.text, "Le maire parle d'« une réussite »");
	rv_article_release(&a);
}

/* "À lire aussi : <title>", "Read more: <title>" lines link to another
 * article from inside the story: not text, and the story goes on after
 * them; nor is the title after a bare "Lire aussi" line. */
TEST(textdump_read_also_links_are_not_text)
{
	static const struct {
		const char *dump, *link, *last;
	} cases[] = {
	    {"Le pont de la Garde rouvre aux voitures\n\n"
	     "Le pont de la Garde rouvre lundi aux voitures après huit mois de travaux sur ses "
	     "piles, a annoncé la mairie dans un communiqué.\n\n"
	     "À lire aussi : Travaux, la rue du Port fermée tout l'été\n\n"
	     "Les cyclistes garderont une voie réservée dans chaque sens, séparée de la route par "
	     "une bordure en béton.\n\n"
	     "Voir aussi Le calendrier des chantiers de la ville\n\n"
	     "Le chantier a coûté 3,4 millions d'euros, un peu plus que prévu au départ.\n",
	     "Travaux", "un peu plus que prévu au départ."},
	    {"The Garde bridge reopens to cars on Monday\n\n"
	     "The Garde bridge reopens to cars on Monday after eight months of work on its "
	     "piers, the town hall said in a statement.\n\n"
	     "Read more: Harbour road closed for the summer\n\n"
	     "Cyclists keep a lane of their own in each direction, set apart from the road by a "
	     "concrete kerb.\n\n"
	     "See also - The town's roadworks calendar\n\n"
	     "The works cost 3.4 million euros, a little more than planned.\n",
	     "Harbour road", "a little more than planned."},
	    {"Le pont de la Garde rouvre aux voitures\n\n"
	     "Le pont de la Garde rouvre lundi aux voitures après huit mois de travaux sur ses "
	     "piles, a annoncé la mairie dans un communiqué.\n\n"
	     "Lire aussi\n\n"
	     "Travaux : la rue du Port fermée tout l'été\n\n"
	     "Les cyclistes garderont une voie réservée dans chaque sens, séparée de la route par "
	     "une bordure en béton.\n\n"
	     "Le chantier a coûté 3,4 millions d'euros, un peu plus que prévu au départ, et la "
	     "mairie promet de ne plus fermer le pont avant dix ans.\n",
	     "Travaux", "avant dix ans."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rv_article a;
		extract_text(cases[i].dump, &a);
		ASSERT_NOT_CONTAINS(a.text, cases[i].link);
		ASSERT_NOT_CONTAINS(a.text, "aussi");
		ASSERT_NOT_CONTAINS(a.text, "Read more");
		ASSERT_ENDS(a.text, cases[i].last);
		rv_article_release(&a);
	}
	/* a sentence that starts with the words is prose */
	rv_article a;
	extract_text("The Garde bridge reopens\n\n"
	             "The Garde bridge reopens to cars on Monday after eight months of work on its "
	             "piers, the town hall said in a statement.\n\n"
	             "See also the mayor's answer to the cyclists, published on the town's site "
	             "last week.\n",
	             &a);
	ASSERT_CONTAINS(a.text, "See also the mayor's answer");
	rv_article_release(&a);
}

/* "Par X | Publié le <date>", "By X | Published <date>": the names are the
 * author, the date the publication (or the update), and the words before
 * the date are not the description. */
TEST(textdump_dated_byline_gives_the_author)
{
	static const struct {
		const char *dump, *author, *published, *modified;
	} cases[] = {
	    {"La médiathèque ouvre le dimanche\n\n"
	     "Par Lucie Ferrand | Publié le 05/02/2026 à 08h30\n\n"
	     "La médiathèque du centre ouvrira le dimanche après-midi dès le mois de mars, a "
	     "décidé le conseil municipal réuni lundi soir.\n",
	     "Lucie Ferrand", "2026-02-05T08:30", NULL},
	    {"The library opens on Sundays\n\n"
	     "By Tom Ashby | Published 3 March 2026\n\n"
	     "The central library will open on Sunday afternoons from April, the council decided "
	     "at its meeting on Monday night.\n",
	     "Tom Ashby", "2026-03-03", NULL},
	    {"The library opens on Sundays\n\n"
	     "Published 2 March 2026\n\n"
	     "By Tom Ashby | Updated 3 March 2026\n\n"
	     "The central library will open on Sunday afternoons from April, the council decided "
	     "at its meeting on Monday night.\n",
	     "Tom Ashby", "2026-03-02", "2026-03-03"},
	    {"La médiathèque ouvre le dimanche\n\n"
	     "Par Lucie Ferrand le 5 février 2026\n\n"
	     "La médiathèque du centre ouvrira le dimanche après-midi dès le mois de mars, a "
	     "décidé le conseil municipal réuni lundi soir.\n",
	     "Lucie Ferrand", "2026-02-05", NULL},
	    /* the byline's sentence stop is not the name's */
	    {"The library opens on Sundays\n\n"
	     "By Tom Ashby. Published 3 March 2026\n\n"
	     "The central library will open on Sunday afternoons from April, the council decided "
	     "at its meeting on Monday night.\n",
	     "Tom Ashby", "2026-03-03", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rv_article a;
		extract_text(cases[i].dump, &a);
		const char *const want[] = {cases[i].author, NULL};
		assert_list(&a.authors, want);
		ASSERT_STR_EQ(a.published, cases[i].published);
		if (cases[i].modified)
			ASSERT_STR_EQ(a.modified, cases[i].modified);
		ASSERT(a.description && !strstr(a.description, cases[i].author));
		ASSERT_NOT_CONTAINS(a.text, cases[i].author);
		rv_article_release(&a);
	}
}

/* With no contact line naming it, the outlet is the one a copyright notice
 * names, else the first crumb of a breadcrumb when it is not "Accueil",
 * "Home" or a section (and is the host's name, when there is a host). */
TEST(textdump_outlet_from_copyright_or_breadcrumb)
{
	static const char *const story_fr =
	    "Le marché de Noël ouvre vendredi sur la place\n\n"
	    "Le marché de Noël ouvrira vendredi sur la place de l'Hôtel-de-Ville avec quarante "
	    "chalets, dix de plus que l'an dernier, a annoncé la mairie.\n\n";
	static const char *const story_en =
	    "The Christmas market opens on Friday in the square\n\n"
	    "The Christmas market opens on Friday in the town hall square with forty stalls, ten "
	    "more than last year, the council said.\n\n";
	static const struct {
		const char *head, *story, *tail, *url, *source;
	} cases[] = {
	    {"Accueil > Ville > Le marché de Noël\n\n", story_fr,
	     "Commentaires (0)\n\n© La Gazette du Plateau 2026 – Tous droits réservés\n", NULL,
	     "La Gazette du Plateau"},
	    {"", story_en, "© 2026 Northern Ledger. All rights reserved\n", NULL,
	     "Northern Ledger"},
	    {"", story_en, "Copyright 2026 Valley Post\n", NULL, "Valley Post"},
	    {"", story_en, "Copyright © 2003-2026 The Valley Post, Inc.\n", NULL,
	     "The Valley Post"},
	    {"La Gazette du Plateau > Ville > Le marché de Noël\n\n", story_fr, "", NULL,
	     "La Gazette du Plateau"},
	    {"Vous êtes ici : Valley Post > Town > Christmas market\n\n", story_en, "",
	     "https://www.valleypost.example/2026/12/01/market", "Valley Post"},
	    /* a crumb that is not the host's name: the host */
	    {"Weekend Out > Town > Christmas market\n\n", story_en, "",
	     "https://www.valleypost.example/2026/12/01/market", "valleypost.example"},
	    /* a contact line naming the outlet is the stronger evidence */
	    {"", story_fr,
	     "Exemple Actu redaction@exemple.example\n\n© 2026 Groupe Presse Exemple. Tous droits "
	     "réservés\n",
	     NULL, "Exemple Actu"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char dump[2048];
		snprintf(dump, sizeof dump, "%s%s%s", cases[i].head, cases[i].story, cases[i].tail);
		rv_record rec = {.data = dump,
		                 .len = strlen(dump),
		                 .format = RV_FORMAT_TEXT,
		                 .ref = "outlet.txt",
		                 .url = cases[i].url};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		ASSERT_STR_EQ(a.source, cases[i].source);
		ASSERT_NOT_CONTAINS(a.text, "2026");
		rv_article_release(&a);
	}
	/* "Accueil", "Home", a section, a photo credit: no outlet */
	static const char *const none[] = {
	    "Accueil > Monde > Le marché de Noël\n\n",
	    "Home > News > Christmas market\n\n",
	    "Sport > Football > Christmas market\n\n",
	    "© AFP\n\n",
	};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
		char dump[2048];
		snprintf(dump, sizeof dump, "%s%s", none[i], story_en);
		rv_article a;
		extract_text(dump, &a);
		if (a.source)
			TEST_FAIL("source '%s' from \"%s\"", a.source, none[i]);
		rv_article_release(&a);
	}
}

/* The page's lead, a teaser cut before its date and the outlet ("...
 * 02.03.2026, Le Petit Vallonnais"), is the description, not text, however
 * long it is. */
TEST(textdump_cut_lead_with_date_is_not_text)
{
	static const char *const leads[] = {
	    "Les dockers ont cessé le travail ce lundi pour réclamer une hausse de six pour cent "
	    "de "
	    "leurs salaires, et les armateurs disent déjà craindre de longs retards. Des dizaines "
	    "de navires... 02.03.2026, Le Petit Vallonnais",
	    "La médiation n'a pas permis de rapprocher les dockers et les employeurs. Au neuvième "
	    "jour, des navires attendent au... 10.03.2026, Le Petit Vallonnais",
	};
	for (size_t i = 0; i < sizeof leads / sizeof *leads; i++) {
		char dump[2048];
		snprintf(
		    dump, sizeof dump,
		    "Grève au port : les quais à l'arrêt\n\n%s\n\n"
		    "Le premier jour de grève a paralysé lundi le port, où les dockers réclament "
		    "une hausse de leurs salaires depuis le début de l'hiver.\n",
		    leads[i]);
		rv_article a;
		extract_text(dump, &a);
		ASSERT_STARTS(a.text, "Le premier jour de grève");
		ASSERT_NOT_CONTAINS(a.text, "Vallonnais");
		char head[24];
		snprintf(head, sizeof head, "%s", leads[i]);
		ASSERT_STARTS(a.description, head);
		ASSERT_ENDS(a.description, "...");
		ASSERT_STR_EQ(a.source, "Le Petit Vallonnais");
		rv_article_release(&a);
	}
}

/* A date glued before the story's first words is the date, not text; a
 * sentence that opens with a day of its own stays whole. */
TEST(textdump_dateline_before_the_first_words)
{
	static const struct {
		const char *dump, *starts;
	} cases[] = {
		{ "Dockers walk out\n\nShare Post:\n\nMar 2, 2026 06:30 GMT Dockers at the port walked "
		  "out on Monday, stranding 38 ships, the union said.\n",
		  "Dockers at the port walked out" },
		{ "Grève au port\n\n2 mars 2026 – Les dockers du port ont cessé le travail lundi, "
		  "a indiqué le syndicat.\n",
		  "Les dockers du port ont cessé" },
		{ "Grève au port\n\nLundi 2 mars, les dockers du port ont cessé le travail, a indiqué "
		  "le syndicat.\n",
		  "Lundi 2 mars, les dockers" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rv_record rec = {.data = cases[i].dump, .len = strlen(cases[i].dump),
				 .format = RV_FORMAT_TEXT, .ref = "d.txt"};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		if (!a.text || strncmp(a.text, cases[i].starts, strlen(cases[i].starts)))
			TEST_FAIL("case %zu: text starts \"%.60s\"", i, a.text ? a.text : "");
		rv_article_release(&a);
	}
}

/* A short headline opening the dump is its title; a byline's date words
 * ("Published", "Publié le … mis à jour le …") end the names. */
TEST(textdump_short_title_and_byline_dates)
{
	static const struct {
		const char *dump, *title, *author, *published;
	} cases[] = {
		{ "Port strike ends\n\nBy Jane Roe Published 3 March 2026, updated 4 March 2026\n\n"
		  "Dockers at the port went back to work on Tuesday after a deal on pay, the union "
		  "said, ending a strike of three weeks.\n",
		  "Port strike ends", "Jane Roe", "2026-03-03" },
		{ "Grève au port\n\nPar Jean Dupont Publié le 3 mars 2026 à 10h00, mis à jour le 4 mars "
		  "2026 à 08h00\n\nLes dockers ont repris le travail mardi après un accord sur les "
		  "salaires, a indiqué le syndicat.\n",
		  "Grève au port", "Jean Dupont", "2026-03-03T10:00" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rv_record rec = {.data = cases[i].dump, .len = strlen(cases[i].dump),
				 .format = RV_FORMAT_TEXT, .ref = "b.txt"};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		ASSERT_STR_EQ(a.title, cases[i].title);
		ASSERT_EQ(a.authors.len, 1);
		ASSERT_STR_EQ(a.authors.items[0], cases[i].author);
		ASSERT_STR_EQ(a.published, cases[i].published);
		rv_article_release(&a);
	}
}

/* A dateline with a 12-hour clock and a zone: the marker and the zone are
 * the date's, not the outlet's name after it. */
TEST(textdump_twelve_hour_dateline)
{
	static const struct {
		const char *line, *published;
	} cases[] = {
		{ "Published March 4, 2026 10:15 PM", "2026-03-04T22:15" },
		{ "Published March 4, 2026 10:15 p.m.", "2026-03-04T22:15" },
		{ "Published March 4, 2026 10.15pm", "2026-03-04T22:15" },
		{ "Published March 4, 2026 12:40 AM", "2026-03-04T00:40" },
		{ "Published 03/04/2026 10:15 AM EST", "2026-03-04T10:15-05:00" },
		{ "Published 2026-03-04 at 10:15 PM", "2026-03-04T22:15" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char dump[512];
		snprintf(dump, sizeof dump,
			 "Council approves the new harbour budget\n%s\nThe town council approved the "
			 "harbour budget late on Wednesday by nine votes to four, after a debate of "
			 "five hours.\n",
			 cases[i].line);
		rv_record rec = {.data = dump, .len = strlen(dump), .format = RV_FORMAT_TEXT,
				 .ref = "c.txt"};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		ASSERT_STR_EQ(a.published, cases[i].published);
		if (a.source)
			TEST_FAIL("\"%s\": source \"%s\"", cases[i].line, a.source);
		rv_article_release(&a);
	}
}

/* A dateline with its update ("Publié le … - Mis à jour le …", "Published
 * …, updated …") gives both days. */
TEST(textdump_dateline_with_its_update)
{
	static const struct {
		const char *line, *published, *modified;
	} cases[] = {
		{ "Publié le 14/03/2026 à 10h05 - Mis à jour le 16/03/2026 à 08h30", "2026-03-14T10:05",
		  "2026-03-16T08:30" },
		{ "Published March 14, 2026 at 10:05 a.m., updated March 16, 2026", "2026-03-14T10:05",
		  "2026-03-16" },
		{ "Publié le 3 mars 2026 à 10h, modifié le 4 mars 2026 à 08h", "2026-03-03T10:00",
		  "2026-03-04T08:00" },
		{ "Published March 3, 2026; updated March 4, 2026", "2026-03-03", "2026-03-04" },
		{ "Published March 3, 2026; modified March 4, 2026", "2026-03-03", "2026-03-04" },
		/* a byline before the two days */
		{ "Par Lucie Ferrand | Publié le 3 mars 2026 à 10h, modifié le 4 mars 2026 à 08h",
		  "2026-03-03T10:00", "2026-03-04T08:00" },
		{ "By Tom Ashby | Published March 3, 2026; updated March 4, 2026", "2026-03-03",
		  "2026-03-04" },
		{ "Von Anna Keller, veröffentlicht am 03.03.2026, geändert am 04.03.2026", "2026-03-03",
		  "2026-03-04" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char dump[512];
		snprintf(dump, sizeof dump,
			 "Incendie dans une usine chimique à Saint-Marcel\n\n%s\n\nUn violent incendie a "
			 "ravagé samedi une usine chimique de Saint-Marcel, a indiqué la préfecture.\n",
			 cases[i].line);
		rv_record rec = {.data = dump, .len = strlen(dump), .format = RV_FORMAT_TEXT, .ref = "u.txt"};
		rv_error err = {0};
		rv_article a;
		rv_article_init(&a);
		ASSERT_EQ(rv_extract(&rec, &a, &err), RV_OK);
		ASSERT_STR_EQ(a.published, cases[i].published);
		ASSERT_STR_EQ(a.modified, cases[i].modified);
		rv_article_release(&a);
	}
}
