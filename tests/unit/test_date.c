/* test_date.c - dates as pages write them (src/core/date.c). */
#include "test.h"

#include "core/date.h"

static void find_iso(const char *s, const char *want)
{
	rv_date d;
	char out[RV_DATE_ISO_MAX];
	if (!rv_date_find(s, &d, NULL, NULL))
		TEST_FAIL("no date found in \"%s\"", s);
	rv_date_format(&d, out);
	ASSERT_STR_EQ(out, want);
}

TEST(date_find_forms)
{
	find_iso("lundi 24 janvier 2022, 19:17", "2022-01-24T19:17");
	find_iso("January 24, 2022", "2022-01-24");
	find_iso("le 24.01.2022", "2022-01-24");
	find_iso("24 de enero de 2022", "2022-01-24");
	find_iso("1er février 2022", "2022-02-01");
	find_iso("am 29.12.2010, 13:36 Uhr", "2010-12-29T13:36");
	/* the French time lead survives accent folding */
	find_iso("Publié le 14 mars 2023 à 10:05", "2023-03-14T10:05");
	find_iso("le 24/01/2022 à 11h48", "2022-01-24T11:48");
	find_iso("14. März 2023", "2023-03-14");
	/* the French hour alone: "à 10h" */
	find_iso("Publié le 3 mars 2026 à 10h, modifié le 4 mars", "2026-03-03T10:00");
	find_iso("le 3 mars 2026 à 8h", "2026-03-03T08:00");
	find_iso("le 3 mars 2026 à 10heures", "2026-03-03");
}

TEST(date_find_german_day_dot_month_name)
{
	/* "14." first looks like a numeric date; the month name must still win */
	find_iso("14. Februar 2012", "2012-02-14");
	find_iso("Samstag, 5. Oktober 2013", "2013-10-05");
	find_iso("Veröffentlicht am 2. März 2020 um 10:15", "2020-03-02T10:15");
	/* the short German form with a two-digit year */
	find_iso("Stand: 02.12.19", "2019-12-02");
}

TEST(date_iso_odd_milliseconds)
{
	rv_date d;
	char out[RV_DATE_ISO_MAX];
	ASSERT(rv_date_parse("2022-01-10T22:06:08:684Z", &d));
	rv_date_format(&d, out);
	ASSERT_STR_EQ(out, "2022-01-10T22:06:08Z");
	ASSERT(rv_date_parse("2022-01-24T11:48:00.123+01:00", &d));
	rv_date_format(&d, out);
	ASSERT_STR_EQ(out, "2022-01-24T11:48:00+01:00");
}

TEST(date_rejects_non_dates)
{
	rv_date d;
	ASSERT(!rv_date_find("14. Kapitel 2012", &d, NULL, NULL));
	ASSERT(!rv_date_parse("2022-13-40", &d));
	ASSERT(!rv_date_find("version 3.14.15", &d, NULL, NULL));
	ASSERT(!rv_date_find("v1.2.19", &d, NULL, NULL));
	ASSERT(!rv_date_find("02.12.19.5", &d, NULL, NULL));
	ASSERT(!rv_date_find("no digits at all", &d, NULL, NULL));
}

/* One list of month names for every reader: full names, or abbreviations
 * too where a date is expected ("out", "set" are words of their own). */
TEST(date_month_number_of_a_word)
{
	ASSERT_EQ(rv_month_number("juin", 4, RV_MONTH_FULL_NAME), 6);
	ASSERT_EQ(rv_month_number("fevrier", 7, RV_MONTH_FULL_NAME), 2);
	ASSERT_EQ(rv_month_number("février", strlen("février"), RV_MONTH_FULL_NAME), 2);
	ASSERT_EQ(rv_month_number("MÄRZ", strlen("MÄRZ"), RV_MONTH_FULL_NAME), 3);
	ASSERT_EQ(rv_month_number("September", 9, RV_MONTH_FULL_NAME), 9);
	ASSERT_EQ(rv_month_number("setiembre", 9, RV_MONTH_FULL_NAME), 9);
	ASSERT_EQ(rv_month_number("juin2019", 4, RV_MONTH_FULL_NAME), 6); /* the length decides */
	ASSERT_EQ(rv_month_number("sept", 4, RV_MONTH_FULL_NAME), 0);
	ASSERT_EQ(rv_month_number("out", 3, RV_MONTH_FULL_NAME), 0);
	ASSERT_EQ(rv_month_number("jui", 3, RV_MONTH_FULL_NAME), 0);
	ASSERT_EQ(rv_month_number("juinx", 5, RV_MONTH_FULL_NAME), 0);
	ASSERT_EQ(rv_month_number("", 0, RV_MONTH_ANY_FORM), 0);
	ASSERT_EQ(rv_month_number("Feb", 3, RV_MONTH_ANY_FORM), 2);
	ASSERT_EQ(rv_month_number("sept", 4, RV_MONTH_ANY_FORM), 9);
	ASSERT_EQ(rv_month_number("juil", 4, RV_MONTH_ANY_FORM), 7);
	ASSERT_EQ(rv_month_number("juillet", 7, RV_MONTH_ANY_FORM), 7);
	ASSERT_EQ(rv_month_number("Feb.", 4, RV_MONTH_ANY_FORM), 0); /* a word, no dot */
	ASSERT_EQ(rv_month_number("septiembresss", 13, RV_MONTH_ANY_FORM), 0);
	ASSERT_EQ(rv_month_number("Sept", 4, RV_MONTH_ABBREVIATION), 9);
	ASSERT_EQ(rv_month_number("May", 3, RV_MONTH_ABBREVIATION), 0); /* no dot after it */
}

/* The words of a page's update, in any case, with or without accents, at a
 * word's start and ending one; and the day that follows them. */
TEST(date_update_words)
{
	size_t n;
	const char *s = "Publié le 3 mars, MIS À JOUR le 4 mars";
	ASSERT_EQ(rv_date_update_words(s, strlen(s), &n), strlen("Publié le 3 mars, "));
	ASSERT_EQ(n, strlen("MIS À JOUR"));
	s = "Last updated: March 16";
	ASSERT_EQ(rv_date_update_words(s, strlen(s), &n), 0);
	ASSERT_EQ(n, strlen("Last updated"));
	s = "modifiée le 4 mars";
	ASSERT_EQ(rv_date_update_words(s, strlen(s), &n), 0);
	ASSERT_EQ(n, strlen("modifiée"));
	/* inside or at the start of another word: none */
	s = "an outdated unmodified page, to modifier";
	ASSERT_EQ(rv_date_update_words(s, strlen(s), &n), strlen(s));
	ASSERT_EQ(n, 0);
	s = "Updated";
	ASSERT_EQ(rv_date_update_words(s, 3, &n), 3); /* the length bounds it */
	rv_date d;
	ASSERT(rv_date_after_update_words("Publié le 14 mars 2026, mis à jour le 16 mars 2026", 0,
					  &d));
	ASSERT_EQ(d.day, 16);
	ASSERT(rv_date_after_update_words("Aktualisiert am 2. März 2026 um 10:00", 0, &d));
	ASSERT_EQ(d.month, 3);
	/* the day must follow the words, and the words start at from */
	ASSERT(!rv_date_after_update_words("Updated by the desk, on the 16 March 2026", 0, &d));
	ASSERT(!rv_date_after_update_words("Updated 16 March 2026", 1, &d));
}

/* The 12-hour clock: the marker moves the hour (12 AM is midnight, 12 PM
 * noon) and is part of the date, not a word after it. */
TEST(date_twelve_hour_clock)
{
	find_iso("Published March 4, 2026 10:15 PM", "2026-03-04T22:15");
	find_iso("March 4, 2026 10:15 p.m.", "2026-03-04T22:15");
	find_iso("March 4, 2026 10.15pm", "2026-03-04T22:15");
	find_iso("March 4, 2026 10:15pm", "2026-03-04T22:15");
	find_iso("March 4, 2026, at 12:05 AM", "2026-03-04T00:05");
	find_iso("March 4, 2026 at 12:30 PM", "2026-03-04T12:30");
	find_iso("March 4, 2026 at 9 p.m.", "2026-03-04T21:00");
	find_iso("4 March 2026 at 9.30am", "2026-03-04T09:30");
	find_iso("2026-03-04 11:45 PM", "2026-03-04T23:45");
	/* German "am" is "on": no marker after "um" */
	find_iso("4. März 2026 um 12:15 am Hafen", "2026-03-04T12:15");
	/* a number after a date is no hour without its marker */
	find_iso("March 4, 2026 10.15 million", "2026-03-04");
	const char *s = "March 4, 2026 10:15 PM";
	rv_date d;
	size_t at, len;
	ASSERT(rv_date_find(s, &d, &at, &len));
	ASSERT_EQ(at, 0);
	ASSERT_EQ(len, strlen(s));
}

/* Zone abbreviations of news pages, in capitals ("est" is French). */
TEST(date_named_zones)
{
	find_iso("March 4, 2026 at 4:30 p.m. PDT", "2026-03-04T16:30-07:00");
	find_iso("4 March 2026 14:30 CET", "2026-03-04T14:30+01:00");
	find_iso("4 March 2026 14:30 CEST", "2026-03-04T14:30+02:00");
	find_iso("4 March 2026, 9:10 am BST", "2026-03-04T09:10+01:00");
	find_iso("le 4 mars 2026 à 14:30 est reporté", "2026-03-04T14:30");
	find_iso("March 4, 2026 10:15 AM ESTIMATED", "2026-03-04T10:15");
	rv_date d;
	char out[RV_DATE_ISO_MAX];
	ASSERT(rv_date_parse("Wed, 04 Mar 2026 10:15:00 EST", &d));
	rv_date_format(&d, out);
	ASSERT_STR_EQ(out, "2026-03-04T10:15:00-05:00");
	/* and after a time the caller read */
	d = (rv_date){ .year = 2026, .month = 3, .day = 4, .hour = 10, .minute = 15,
		       .has_time = true };
	ASSERT_EQ(rv_date_clock_suffix(" p.m. CST, Chicago", &d), 9);
	rv_date_format(&d, out);
	ASSERT_STR_EQ(out, "2026-03-04T22:15-06:00");
	ASSERT_EQ(rv_date_clock_suffix(" Chicago", &d), 0);
}

/* "03/04/2026" is day-first, unless the same date's time is in a US zone;
 * a 12-hour clock alone is written day-first too (Mexico, Britain). */
TEST(date_slashed_month_first_in_us_zone)
{
	find_iso("Published 03/04/2026 10:15 AM EST", "2026-03-04T10:15-05:00");
	find_iso("03/04/2026 14:15 PST", "2026-03-04T14:15-08:00");
	find_iso("03-04-2026 at 9:30 p.m. CDT", "2026-03-04T21:30-05:00");
	find_iso("10/05/2022 05:22 pm", "2022-05-10T17:22");
	find_iso("03/04/2026 10:15", "2026-04-03T10:15");
	find_iso("03/04/2026", "2026-04-03");
	find_iso("03/04/2026 10:15 am BST", "2026-04-03T10:15+01:00");
	find_iso("03.04.2026 10:15 AM", "2026-04-03T10:15");
	/* impossible as day-first: month-first as before */
	find_iso("03/14/2026 10:15", "2026-03-14T10:15");
}

TEST(date_iso_epoch)
{
	ASSERT_EQ(rv_date_iso_epoch("2026-03-02T10:00Z"), (int64_t)1772445600);
	ASSERT_EQ(rv_date_iso_epoch("2026-03-02T11:00+01:00"), (int64_t)1772445600);
	ASSERT_EQ(rv_date_iso_epoch(NULL), 0);
	ASSERT_EQ(rv_date_iso_epoch("yesterday"), 0);
}

static size_t month_and_day(const char *s, size_t month_len)
{
	return rv_month_and_day_length(s, month_len, strlen(s));
}

/* One reading of "a month, then its day" for the entity and quote finders:
 * the day has one or two digits, so a year or a count is no day. */
TEST(date_month_and_day_length)
{
	ASSERT_EQ(month_and_day("Feb. 3 (ACP) -", 3), strlen("Feb. 3"));
	ASSERT_EQ(month_and_day("March 14, the", 5), strlen("March 14"));
	ASSERT_EQ(month_and_day("sept\xc2\xa0" "12", 4), strlen("sept\xc2\xa0" "12"));
	ASSERT_EQ(month_and_day("Oct.9", 3), strlen("Oct.9"));
	ASSERT_EQ(month_and_day("juillet   22", 7), strlen("juillet   22"));
	ASSERT_EQ(month_and_day("Jan 2026", 3), 0);
	ASSERT_EQ(month_and_day("Jan 150 people", 3), 0);
	ASSERT_EQ(month_and_day("May the", 3), 0);
	ASSERT_EQ(month_and_day("May", 3), 0);
	ASSERT_EQ(month_and_day("Mayor 3", 5), 0);
	ASSERT_EQ(month_and_day("Mayor 3", 3), 0); /* the month's word is the whole word given */
	/* the day must lie within the bytes given */
	ASSERT_EQ(rv_month_and_day_length("June 12", 4, 5), 0);
	ASSERT_EQ(rv_month_and_day_length("June 12", 4, 6), strlen("June 1"));
}
