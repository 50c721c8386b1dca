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

/* Full month names only: an abbreviation is also a word of its own ("out", "set"). */
TEST(date_is_month_name_full_names_only)
{
	ASSERT(rv_is_month_name("juin", 4));
	ASSERT(rv_is_month_name("fevrier", 7));
	ASSERT(rv_is_month_name("september", 9));
	ASSERT(rv_is_month_name("juin2019", 4)); /* the length decides */
	ASSERT(!rv_is_month_name("sept", 4));
	ASSERT(!rv_is_month_name("out", 3));
	ASSERT(!rv_is_month_name("jui", 3));
	ASSERT(!rv_is_month_name("juinx", 5));
}
