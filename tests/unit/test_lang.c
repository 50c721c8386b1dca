/* test_lang.c - language identification (src/analyze/lang.c).
 * The sentences are written for these tests. */
#include "test.h"

#include "analyze/analyze.h"
#include "analyze/lang.h"

#include <time.h>

static const char *detect(const char *s)
{
	return rv_detect_language(NULL, s, strlen(s));
}

static bool supported(const char *code)
{
	for (size_t i = 0; rv_lang_supported[i]; i++)
		if (!strcmp(rv_lang_supported[i], code))
			return true;
	return false;
}

static const struct {
	const char *lang, *text;
} sentences[] = {
    {"fr", "Le gouvernement a présenté mardi son projet de loi sur les retraites, qui sera "
           "débattu à l'Assemblée nationale dès le mois prochain."},
    {"en", "The city council voted on Tuesday to close two schools, despite protests from "
           "parents who say the buses will take much longer."},
    {"de", "Die Regierung will die Steuern für kleine Unternehmen senken, sagte der Minister "
           "am Montag nach einem Treffen mit den Verbänden."},
    {"es", "El Ayuntamiento aprobó ayer un nuevo plan para reducir el tráfico en el centro "
           "de la ciudad durante los fines de semana."},
    {"it", "Il sindaco ha annunciato che i lavori sulla strada principale inizieranno "
           "lunedì e dureranno almeno tre mesi."},
    {"pt", "O governo anunciou nesta quarta-feira um novo pacote de medidas para conter a "
           "subida dos preços da energia nas próximas semanas."},
    {"nl", "De gemeente heeft besloten om het oude zwembad te sluiten, omdat de kosten van "
           "een renovatie veel te hoog zijn geworden."},
    {"ru", "Правительство объявило о новых мерах поддержки семей с детьми, которые вступят "
           "в силу уже в следующем месяце."},
    {"uk", "Уряд оголосив про нові заходи підтримки родин з дітьми, які набудуть чинності "
           "вже наступного місяця."},
    {"pl", "Rząd ogłosił w środę nowy program pomocy dla rolników, którzy ucierpieli z "
           "powodu suszy w tym roku."},
    {"ar", "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم الأسر ذات الدخل المحدود خلال "
           "الأشهر المقبلة."},
    {"zh", "政府周二宣布了一项新的计划，以支持低收入家庭度过接下来的几个月。"},
    {"ja", "政府は火曜日、低所得の家庭を支援するための新しい計画を発表しました。"},
    {"el", "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τις οικογένειες με "
           "χαμηλό εισόδημα."},
    {"tr", "Hükümet salı günü düşük gelirli aileler için yeni bir destek paketi açıkladı ve "
           "önümüzdeki ay yürürlüğe girecek."},
    {"sv", "Regeringen presenterade på tisdagen ett nytt stöd till familjer med låga "
           "inkomster, som ska gälla från nästa månad."},
    {"cs", "Vláda v úterý představila nový balíček pomoci pro rodiny s nízkými příjmy, "
           "který začne platit příští měsíc."},
    {"ko", "정부는 화요일 저소득 가정을 지원하기 위한 새로운 계획을 발표했다."},
    {"he", "הממשלה הודיעה ביום שלישי על תוכנית חדשה לתמיכה במשפחות בעלות הכנסה נמוכה."},
    {"fa", "دولت روز سه‌شنبه برنامه‌ای تازه برای کمک به خانواده‌های کم‌درآمد اعلام "
           "کرد."},
    {"hi", "सरकार ने मंगलवार को कम आय वाले परिवारों की मदद के लिए एक नई योजना की घोषणा की है।"},
};

TEST(lang_sentences_in_many_languages)
{
	for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
		const char *got = detect(sentences[i].text);
		if (strcmp(got, sentences[i].lang))
			TEST_FAIL("expected %s, got %s for \"%.60s\"", sentences[i].lang, got,
			          sentences[i].text);
	}
	rv_lang_cleanup();
}

TEST(lang_titles_in_capitals)
{
	ASSERT_STR_EQ(detect("LE PRÉSIDENT DE LA RÉPUBLIQUE EN VISITE DANS LE NORD"), "fr");
	ASSERT_STR_EQ(detect("Der Bundestag stimmt über das neue Gesetz ab"), "de");
	rv_lang_cleanup();
}

/* Headlines crawled or typed without accents: "apres", "ete", "meme" are
 * French words then, while Spanish or Portuguese texts keep theirs. */
TEST(lang_texts_written_without_accents)
{
	ASSERT_STR_EQ(detect("Certes, apres 2020, se negocie en mairie"), "fr");
	ASSERT_STR_EQ(detect("L'accord a d'abord ete signe en"), "fr");
	ASSERT_STR_EQ(detect("Despues de la huelga, los trabajadores estan mas tranquilos"), "es");
	ASSERT_STR_EQ(detect("Nao ha acordo e a greve continua ate a proxima semana"), "pt");
	/* with an accent anywhere the text is read as written */
	ASSERT_STR_EQ(detect("Después de la huelga, el sindicato está más tranquilo"), "es");
	rv_lang_cleanup();
}

TEST(lang_russian_and_ukrainian_letters)
{
	/* Same words but for the letters that only Ukrainian writes. */
	ASSERT_STR_EQ(detect("Київ і Харків готуються до зими, кажуть у міській раді."), "uk");
	ASSERT_STR_EQ(detect("Москва и Петербург готовятся к зиме, сообщили в мэрии."), "ru");
	rv_lang_cleanup();
}

TEST(lang_short_texts_are_undetermined)
{
	ASSERT_STR_EQ(detect("Le chat"), "und");
	ASSERT_STR_EQ(detect("Paris"), "und");
	ASSERT_STR_EQ(detect("Hello world"), "und");
	ASSERT_STR_EQ(detect("a"), "und");
	ASSERT_STR_EQ(detect("12345 678 90"), "und");
	ASSERT_STR_EQ(detect("!!! ... ???"), "und");
	/* Long strings with few letters: dates, codes. */
	ASSERT_STR_EQ(detect("2022-01-24T12:00:00Z 2022-01-24T12:00:00Z 2022"), "und");
	ASSERT_STR_EQ(detect("ID: 12345 / 67890 / 13579 / 24680 / XYZ"), "und");
	/* Whatever is answered for a short text must be supported. */
	const char *got = detect("Breaking: vote");
	ASSERT(!strcmp(got, "und") || supported(got));
	rv_lang_cleanup();
}

TEST(lang_short_texts_with_a_decisive_script)
{
	ASSERT_STR_EQ(detect("東京で地震"), "ja");
	ASSERT_STR_EQ(detect("서울 날씨"), "ko");
	ASSERT_STR_EQ(detect("Αθήνα"), "el");
	rv_lang_cleanup();
}

TEST(lang_empty_and_null)
{
	ASSERT_STR_EQ(rv_detect_language(NULL, "", 0), "und");
	ASSERT_STR_EQ(rv_detect_language(NULL, NULL, 0), "und");
	ASSERT_STR_EQ(detect("   \n\t  "), "und");
	rv_lang_cleanup();
	rv_lang_cleanup(); /* twice is harmless */
}

TEST(lang_mixed_scripts)
{
	/* Latin names inside Cyrillic, Chinese and Arabic text. */
	ASSERT_STR_EQ(detect("Компания Apple представила новый iPhone 15 Pro на презентации в "
	                     "Калифорнии во вторник."),
	              "ru");
	ASSERT_STR_EQ(detect("苹果公司周二在加利福尼亚发布了新款 iPhone 15 Pro 手机。"), "zh");
	ASSERT_STR_EQ(detect("أعلنت شركة Apple عن هاتف iPhone الجديد في مؤتمر بولاية كاليفورنيا."),
	              "ar");
	/* An English sentence quoting a few Greek words stays English. */
	ASSERT_STR_EQ(detect("The minister said the word καλημέρα to the reporters before the "
	                     "meeting started in Brussels on Monday."),
	              "en");
	rv_lang_cleanup();
}

TEST(lang_invalid_utf8)
{
	const char bad[] = "Le gouvernement \xff\xfe a pr\xe9sent\xe9 mardi son projet de loi sur "
	                   "les retraites \xc3 qui sera d\xc3\xa9"
	                   "battu";
	ASSERT_STR_EQ(rv_detect_language(NULL, bad, sizeof bad - 1), "fr");
	const char junk[] = "\xff\xfe\xfd\xfc\x80\x81\x82\x83\xc0\xc1\xf5\xf6\xf7\xf8\xf9\xfa"
	                    "\xfb\xfc\xfd\xfe\xff\xc3";
	ASSERT_STR_EQ(rv_detect_language(NULL, junk, sizeof junk - 1), "und");
	/* A multi-byte character cut by the end of the buffer. */
	const char *s = "Правительство объявило о новых мерах поддержки семей";
	ASSERT_STR_EQ(rv_detect_language(NULL, s, strlen(s) - 1), "ru");
	rv_lang_cleanup();
}

TEST(lang_ten_megabytes_in_bounded_time)
{
	const char *unit = "Die Regierung will die Steuern für kleine Unternehmen senken. ";
	size_t ul = strlen(unit), n = 10u << 20;
	char *big = malloc(n);
	ASSERT(big);
	for (size_t i = 0; i < n; i++)
		big[i] = unit[i % ul];
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *got = rv_detect_language(NULL, big, n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ASSERT_STR_EQ(got, "de");
	/* Only the head is read: far below the time of a pass over 10 MB under ASan. */
	if (secs > 0.5)
		TEST_FAIL("10 MB took %.3f s", secs);
	free(big);
	rv_lang_cleanup();
}

TEST(lang_answers_are_supported_codes)
{
	static const char *const samples[] = {
	    "Tämä on suomenkielinen lause, jossa kerrotaan uutisista ja säästä.",
	    "Ez egy magyar mondat, amely a mai hírekről és az időjárásról szól.",
	    "Ово је реченица на српском језику о данашњим вестима и времену.",
	    "Aceasta este o propoziție în limba română despre știrile de astăzi.",
	    "xkcd qwrtp zzzv bnmm kkkj hhhg fffd sssa",
	};
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const char *got = detect(samples[i]);
		ASSERT(!strcmp(got, "und") || supported(got));
	}
	ASSERT_STR_EQ(detect(samples[0]), "fi");
	ASSERT_STR_EQ(detect(samples[1]), "hu");
	ASSERT_STR_EQ(detect(samples[2]), "sr");
	ASSERT_STR_EQ(detect(samples[3]), "ro");
	rv_lang_cleanup();
}

TEST(lang_context_rebuilt_after_cleanup)
{
	ASSERT_STR_EQ(detect(sentences[0].text), "fr");
	rv_lang_cleanup();
	ASSERT_STR_EQ(detect(sentences[1].text), "en");
	rv_lang_cleanup();
}

TEST(lang_close_neighbours)
{
	static const struct {
		const char *lang, *text;
	} pairs[] = {
		{ "es", "La ciudad ha decidido cerrar el puente durante las obras de este verano." },
		{ "pt", "A cidade decidiu fechar a ponte durante as obras deste verão." },
		{ "ca", "La ciutat ha decidit tancar el pont durant les obres d'aquest estiu." },
		{ "da", "Byen besluttede efter et langt møde at lukke broen, fordi den var blevet "
			"meget farlig." },
		{ "sv", "Staden har beslutat att stänga bron under arbetet i sommar." },
		{ "cs", "Město se rozhodlo uzavřít most během letošních letních oprav." },
		{ "sk", "Mesto sa rozhodlo uzavrieť most počas tohtoročných letných opráv." },
		{ "bg", "Градът реши да затвори моста по време на ремонта това лято." },
		{ "be", "Горад вырашыў зачыніць мост падчас рамонту гэтым летам." },
		{ "ur", "شہر نے اس موسم گرما میں مرمت کے دوران پل بند کرنے کا فیصلہ کیا ہے۔" },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		const char *got = detect(pairs[i].text);
		if (strcmp(got, pairs[i].lang))
			TEST_FAIL("expected %s, got %s for \"%s\"", pairs[i].lang, got,
				  pairs[i].text);
	}
	rv_lang_cleanup();
}
