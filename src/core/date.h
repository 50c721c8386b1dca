/* date.h - calendar dates as news pages write them.
 *
 * A date keeps what its source said and no more: a day without a time stays
 * a day ("2022-01-24"), a time without seconds prints without seconds, and a
 * time zone is kept when given. Years outside 1900-2100 are rejected.
 */
#ifndef RV_DATE_H
#define RV_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rv_date {
	int year, month, day;
	int hour, minute, second;
	bool has_time;
	bool has_seconds;
	bool has_tz;
	int tz_minutes; /* offset east of UTC */
} rv_date;

#define RV_DATE_ISO_MAX 40

/* ISO 8601 and its common relatives: "2022-01-24", "2022-01-24T11:48+0100",
 * "2022-01-24 11:48:00Z", "2022-01-24T11:48:00.123+01:00", "20220124".
 * The whole string (trimmed) must be a date. */
bool rv_date_parse_iso(const char *s, rv_date *out);

/* HTTP and RSS dates (RFC 1123 / RFC 822): "Mon, 24 Jan 2022 11:48:00 GMT". */
bool rv_date_parse_rfc822(const char *s, rv_date *out);

/* Any of the above, or a date written in words or numbers in the text
 * ("lundi 24 janvier 2022, 19:17", "January 24, 2022", "24.01.2022",
 * "24 Jan. 2022", "2022/01/24", "March 4, 2026 10:15 PM EST"), month names
 * in FR EN DE ES IT PT. A slashed day ("03/04/2026") is day first unless
 * that is impossible or its time is in a US zone.
 * Finds the first date in s; *at and *len (may be NULL) receive where. */
bool rv_date_find(const char *s, rv_date *out, size_t *at, size_t *len);

/* What may follow a clock time the caller read into d: a 12-hour marker
 * ("PM", "p.m.", "am") that moves d's hour to the 24-hour clock (12 AM is
 * 00, 12 PM is 12), then a zone ("+01:00", "GMT", or an abbreviation in
 * capitals: "EST", "CEST"; "est" is a French word). Returns the bytes read
 * from s, 0 when neither is there (d unchanged then). */
size_t rv_date_clock_suffix(const char *s, rv_date *d);

/* The forms of a month's name a word may take, to be or-ed. Abbreviations
 * ("feb", "janv", "sept", "out", "set", "mar") are often words of their own:
 * a caller takes them only where a date is expected. */
enum {
	RV_MONTH_FULL_NAME = 1,
	RV_MONTH_ABBREVIATION = 2,
	RV_MONTH_ANY_FORM = RV_MONTH_FULL_NAME | RV_MONTH_ABBREVIATION,
};

/* The month (1-12) that the word word[0..len) names in FR EN DE ES IT PT in
 * one of the forms (RV_MONTH_* bits), written with its accents or without,
 * in any case ("février", "Fevrier", "MÄRZ", "Feb"); 0 when none. The one
 * list of month names: rv_date_find() reads the same. */
int rv_month_number(const char *word, size_t len, unsigned forms);

/* A month's name and the day after it, as a dateline or a deadline writes
 * them ("Feb. 3", "March 14", "sept 12"): the month's name in any form
 * fills s[0..month_len), then come an optional '.', spaces (no-break ones
 * too) and a day of one or two digits, all within s[0..len). The bytes up
 * to the day's end; 0 when that is not there ("Jan 2026" is a year). */
size_t rv_month_and_day_length(const char *s, size_t month_len, size_t len);

/* Words that make the day after them a page's update, not its publication
 * ("mis à jour", "Updated", "modifié le", "Aktualisiert:", "last updated"),
 * accents and case ignored, starting a word in s[0..len): the offset of the
 * first, its byte length in *n; len (and *n 0) when there are none. */
size_t rv_date_update_words(const char *s, size_t len, size_t *n);

/* The day written right after update words that start at byte from or later
 * ("Publié le 14 mars, mis à jour le 16 mars 2026 à 08h30", "Updated March
 * 16"): true with that day in *out. */
bool rv_date_after_update_words(const char *s, size_t from, rv_date *out);

/* Parse a whole string in any supported form. */
bool rv_date_parse(const char *s, rv_date *out);

/* Write the ISO form: "2022-01-24", "2022-01-24T11:48+01:00",
 * "2022-01-24T11:48:05Z". */
void rv_date_format(const rv_date *d, char out[RV_DATE_ISO_MAX]);

/* Days since 1970-01-01 of the calendar day (time zone ignored). */
int64_t rv_date_days(const rv_date *d);
/* Seconds since the epoch, UTC (local times taken as UTC). */
int64_t rv_date_epoch(const rv_date *d);
/* The same of an ISO 8601 string; 0 when it is NULL or no date. */
int64_t rv_date_iso_epoch(const char *iso);
/* The date of an epoch second, UTC. */
void rv_date_from_epoch(int64_t t, rv_date *out);
/* Negative, zero or positive as a is before, equal to or after b. */
int rv_date_cmp(const rv_date *a, const rv_date *b);

bool rv_date_check(const rv_date *d);

#endif
