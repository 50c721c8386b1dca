/* test_storyline_name.c - a storyline's name from its titles, read back
 * from a real (temporary) store. */
#include "db_helper.h"
#include "test.h"

#include "pipeline/storyline_name.h"

static void add_titled_in(rv_store *s, int64_t storyline, const char *ref, const char *lang,
			  const char *title)
{
	rv_article a;
	rv_article_init(&a);
	a.ref = strdup(ref);
	a.lang = strdup(lang);
	a.title = strdup(title);
	a.text = strdup(title);
	a.content_hash = strdup(ref);
	a.event = 3;
	a.storyline = storyline;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_insert_article(s, &a, &err), RV_OK);
	rv_article_release(&a);
}

static void add_titled(rv_store *s, const char *ref, const char *lang, const char *title)
{
	add_titled_in(s, 2, ref, lang, title);
}

/* A person's given name and surname are one name, although the surname
 * also stands alone; two words that only happen to meet ("Marrowby
 * mayoral") or a lower-case word after a name stay apart. */
TEST(storyline_name_keeps_a_two_word_name_whole)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-name");
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	add_titled(s, "t1", "en", "Kofi Adjei joins Port-Aurèle in record transfer");
	add_titled(s, "t2", "en", "Adjei completes record move to Port-Aurèle");
	add_titled(s, "t3", "fr", "Transfert record : Kofi Adjei signe à Port-Aurèle");
	add_titled(s, "t4", "en", "Why Port-Aurèle paid a record fee for Adjei");
	add_titled(s, "t5", "en", "Kofi Adjei: the striker Port-Aurèle wanted");
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	char *name = rv_storyline_name(s, 2);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Kofi Adjei, Port-Aurèle, record");
	free(name);
	/* in titles that capitalise their words, capitals name nothing */
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	add_titled_in(s, 4, "u1", "en", "Truck Driver Surrenders To Police After Standoff");
	add_titled_in(s, 4, "u2", "en", "Police Arrest Truck Driver In Capitol Standoff");
	add_titled_in(s, 4, "u3", "en", "Truck Driver Ends Standoff, Gives Himself Up");
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	name = rv_storyline_name(s, 4);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Truck, Driver, Standoff");
	free(name);
	rv_store_close(&s);
	test_db_remove(path);
}

/* A name of three capitalised words is named whole ("Ama Serwaa Boateng",
 * not "Serwaa Boateng"), as is one with a particle between its words
 * ("Élodie de Castelnau", "Jonas von der Ahlen"), under the two-word rule's
 * conditions; a capitalised word that only sometimes follows a name
 * ("Kumasi") stays apart, and a particle between a name and a lower-case
 * word ("Lorvaux van crash") is counted as a word. */
TEST(storyline_name_keeps_a_three_word_name_whole)
{
	char path[256];
	test_db_path(path, sizeof path, "revue-name3");
	rv_store *s = NULL;
	rv_error err;
	rv_error_clear(&err);
	ASSERT_EQ(rv_store_open(path, false, &s, &err), RV_OK);
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	add_titled_in(s, 5, "a1", "en", "Ama Serwaa Boateng wins the Lorvaux marathon");
	add_titled_in(s, 5, "a2", "en", "Lorvaux marathon: Boateng breaks the course record");
	add_titled_in(s, 5, "a3", "en", "Ama Serwaa Boateng Kumasi homecoming after Lorvaux");
	add_titled_in(s, 5, "a4", "en", "Why Ama Serwaa Boateng runs without a watch");
	add_titled_in(s, 5, "a5", "en", "Boateng to defend her Lorvaux title in Kumasi");
	add_titled_in(s, 6, "b1", "en", "Élodie de Castelnau named to lead the Ysse valley board");
	add_titled_in(s, 6, "b2", "en", "Castelnau sets out her plans for the valley");
	add_titled_in(s, 6, "b3", "fr", "Vallée de l'Ysse : Élodie de Castelnau rencontre les éleveurs");
	add_titled_in(s, 6, "b4", "en", "Élodie de Castelnau, the engineer who wants to save the Ysse");
	add_titled_in(s, 7, "c1", "de", "Jonas von der Ahlen übernimmt den Vorsitz");
	add_titled_in(s, 7, "c2", "de", "Jonas von der Ahlen will es anders machen");
	add_titled_in(s, 7, "c3", "de", "Was Jonas von der Ahlen im Vorsitz vorhat");
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	char *name = rv_storyline_name(s, 5);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Ama Serwaa Boateng, Lorvaux, marathon");
	free(name);
	name = rv_storyline_name(s, 6);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Élodie de Castelnau, Ysse, valley");
	free(name);
	name = rv_storyline_name(s, 7);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Jonas von der Ahlen, Vorsitz");
	free(name);
	/* a particle no capitalised word follows is a word like the others */
	ASSERT_EQ(rv_store_begin(s, &err), RV_OK);
	add_titled_in(s, 8, "d1", "en", "Lorvaux van crash: driver held overnight");
	add_titled_in(s, 8, "d2", "en", "Driver of the Lorvaux van questioned");
	add_titled_in(s, 8, "d3", "en", "Police find the van used in Lorvaux");
	ASSERT_EQ(rv_store_commit(s, &err), RV_OK);
	name = rv_storyline_name(s, 8);
	ASSERT(name != NULL);
	ASSERT_STR_EQ(name, "Lorvaux, van, driver");
	free(name);
	rv_store_close(&s);
	test_db_remove(path);
}
