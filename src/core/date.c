#include "core/date.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool rv_date_check(const rv_date *d)
{
	if (d->year < 1900 || d->year > 2100 || d->month < 1 || d->month > 12)
		return false;
	if (d->day < 1 || d->day > days_in_month(d->year, d->month))
		return false;
	if (d->has_time && (d->hour < 0 || d->hour > 23 || d->minute < 0 ||
			    d->minute > 59 || d->second < 0 || d->second > 60))
		return false;
	if (d->has_tz && (d->tz_minutes < -14 * 60 || d->tz_minutes > 14 * 60))
		return false;
	return true;
}

/* Read exactly n digits. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

/* "Z", "+01:00", "+0100", "+01", " GMT", " UTC". */
static bool parse_tz(const char **p, rv_date *d)
{
	const char *s = *p;
	while (*s == ' ')
		s++;
	if ((*s == 'Z' || *s == 'z') && !isalpha((unsigned char)s[1])) { /* not "10:15 Zurich" */
		d->has_tz = true;
		d->tz_minutes = 0;
		*p = s + 1;
		return true;
	}
	if (!strncasecmp(s, "GMT", 3) || !strncasecmp(s, "UTC", 3)) {
		s += 3;
		d->has_tz = true;
		d->tz_minutes = 0;
		if (*s != '+' && *s != '-') {
			*p = s;
			return true;
		}
	}
	if (*s == '+' || *s == '-') {
		int sign = *s == '-' ? -1 : 1, hh, mm = 0;
		s++;
		if (!digits(&s, 2, &hh))
			return false;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && !digits(&s, 2, &mm))
			return false;
		d->has_tz = true;
		d->tz_minutes = sign * (hh * 60 + mm);
		*p = s;
		return true;
	}
	return false;
}

/* Zone abbreviations news pages print, in capitals only: in running text
 * "est" is a French word and "cet" one too. GMT and UTC are read by
 * parse_tz, which also takes the "GMT+1" forms. */
static const struct {
	const char *name;
	int minutes;
	bool us;
} zone_words[] = {
	{ "EST", -300, true }, { "EDT", -240, true }, { "CST", -360, true }, { "CDT", -300, true },
	{ "MST", -420, true }, { "MDT", -360, true }, { "PST", -480, true }, { "PDT", -420, true },
	{ "BST", 60, false },  { "CET", 60, false },  { "CEST", 120, false },
};

/* A zone after a time: a named one ("EST") or what parse_tz reads.
 * Returns the bytes read; *us is set for a US zone (a slashed date in
 * one is month first: "03/04/2026 10:15 AM EST"). */
static size_t read_zone(const char *s, rv_date *d, bool *us)
{
	const char *p = s;
	while (*p == ' ')
		p++;
	for (size_t i = 0; i < sizeof zone_words / sizeof *zone_words; i++) {
		size_t n = strlen(zone_words[i].name);
		if (!strncmp(p, zone_words[i].name, n) && !isalnum((unsigned char)p[n])) {
			d->has_tz = true;
			d->tz_minutes = zone_words[i].minutes;
			*us = zone_words[i].us;
			return (size_t)(p + n - s);
		}
	}
	p = s;
	if (!parse_tz(&p, d))
		return 0;
	return (size_t)(p - s);
}

/* A 12-hour marker after a time: "PM", "pm", "p.m.", "p. m." (Spanish),
 * "am", "a.m", a whole word. Returns its length with the spaces before it,
 * 0 when there is none; *pm tells which. */
static size_t clock_marker(const char *s, bool *pm)
{
	const char *p = s;
	while (*p == ' ')
		p++;
	char c = (char)tolower((unsigned char)*p);
	if (c != 'a' && c != 'p')
		return 0;
	p++;
	bool dotted = *p == '.';
	if (dotted && *++p == ' ')
		p++;
	if (tolower((unsigned char)*p) != 'm')
		return 0;
	p++;
	if (dotted && *p == '.')
		p++;
	if (isalnum((unsigned char)*p))
		return 0;
	*pm = c == 'p';
	return (size_t)(p - s);
}

/* The marker, then the zone, after a time read into d (see date.h). The
 * marker is not read when with_marker is false (German "um 12:15 am
 * Montag": "am" is "on"). */
static size_t clock_suffix(const char *s, rv_date *d, bool with_marker, bool *us)
{
	bool pm = false;
	size_t n = with_marker ? clock_marker(s, &pm) : 0;
	if (n) {
		/* "12:05 AM" is 00:05, "12:30 PM" 12:30; a 24-hour time with a
		 * stray marker ("14:30 PM") keeps its hour */
		if (d->hour >= 1 && d->hour <= 12)
			d->hour = d->hour % 12 + (pm ? 12 : 0);
	}
	return n + read_zone(s + n, d, us);
}

size_t rv_date_clock_suffix(const char *s, rv_date *d)
{
	bool us = false;
	rv_date t = *d;
	size_t n = clock_suffix(s, &t, true, &us);
	if (n)
		*d = t;
	return n;
}

/* "11:48", "11:48:05", "11:48:05.123", "11h48", "11h". */
static bool parse_time(const char **p, rv_date *d)
{
	const char *s = *p;
	int h, m, sec = 0;
	if (!digits(&s, 2, &h) && !(isdigit((unsigned char)*s) && digits(&s, 1, &h)))
		return false;
	if (*s != ':' && *s != 'h')
		return false;
	bool hour_only = *s == 'h' && !isalnum((unsigned char)s[1]) && (unsigned char)s[1] < 0x80;
	s++;
	if (hour_only) {
		m = 0; /* "à 10h": the French hour alone */
	} else if (!digits(&s, 2, &m)) {
		return false;
	}
	d->has_seconds = false;
	if (*s == ':' && isdigit((unsigned char)s[1])) {
		s++;
		if (!digits(&s, 2, &sec))
			return false;
		d->has_seconds = true;
		if (*s == '.' || *s == ',' ||
		    (*s == ':' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
		     isdigit((unsigned char)s[3]))) {
			/* fractions, also the odd "08:684" milliseconds */
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	d->hour = h;
	d->minute = m;
	d->second = sec;
	d->has_time = true;
	*p = s;
	return true;
}

static const char *skip_space(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return s;
}

bool rv_date_parse_iso(const char *str, rv_date *out)
{
	rv_date d = { 0 };
	const char *s = skip_space(str);
	if (!digits(&s, 4, &d.year))
		return false;
	if (*s == '-' || *s == '/' || *s == '.') {
		char sep = *s++;
		if (!digits(&s, 2, &d.month) || *s++ != sep || !digits(&s, 2, &d.day))
			return false;
	} else if (!digits(&s, 2, &d.month) || !digits(&s, 2, &d.day)) {
		return false;
	}
	if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		if (!parse_time(&s, &d))
			return false;
		parse_tz(&s, &d);
	}
	s = skip_space(s);
	if (*s || !rv_date_check(&d))
		return false;
	*out = d;
	return true;
}

/* A character of a date as one lower-case ASCII byte: ASCII lower-cased, the
 * accented Latin-1 letters of the month names and update words bare ("é" ->
 * 'e', "Ä" -> 'a'), anything else a space (a byte that ends a word). */
static char fold_date_char(int32_t cp)
{
	if (cp >= 0 && cp < 128)
		return (char)tolower(cp);
	if (cp == 0xE9 || cp == 0xC9 || cp == 0xE8 || cp == 0xC8 || cp == 0xEA || cp == 0xCA)
		return 'e';
	if (cp == 0xFB || cp == 0xFC || cp == 0xDB || cp == 0xDC)
		return 'u';
	if (cp == 0xE4 || cp == 0xC4 || cp == 0xE0 || cp == 0xC0 || cp == 0xE2 || cp == 0xC2)
		return 'a';
	if (cp == 0xE7 || cp == 0xC7)
		return 'c';
	if (cp == 0xF4 || cp == 0xD4 || cp == 0xF6 || cp == 0xD6)
		return 'o';
	return ' ';
}

struct month_name {
	const char *name;
	int month;
	bool abbreviation; /* "janv", "sept", "out": also a word of its own */
};

/* Accent-folded, lower-case; longest first within a prefix family so that
 * "juillet" is not read as "juil". Abbreviations may be followed by '.'. */
static const struct month_name month_names[] = {
	{ "january", 1, false }, { "janvier", 1, false }, { "januar", 1, false }, { "enero", 1, false }, { "gennaio", 1, false }, { "janeiro", 1, false }, { "janv", 1, true }, { "jan", 1, true }, { "ene", 1, true }, { "jaenner", 1, false }, { "janner", 1, false },
	{ "february", 2, false }, { "fevrier", 2, false }, { "februar", 2, false }, { "febrero", 2, false }, { "febbraio", 2, false }, { "fevereiro", 2, false }, { "fevr", 2, true }, { "fev", 2, true }, { "feb", 2, true },
	{ "march", 3, false }, { "mars", 3, false }, { "marz", 3, false }, { "maerz", 3, false }, { "marzo", 3, false }, { "marco", 3, false }, { "mar", 3, true }, { "mrz", 3, true },
	{ "april", 4, false }, { "avril", 4, false }, { "abril", 4, false }, { "aprile", 4, false }, { "avr", 4, true }, { "apr", 4, true }, { "abr", 4, true },
	{ "may", 5, false }, { "mai", 5, false }, { "mayo", 5, false }, { "maggio", 5, false }, { "maio", 5, false }, { "mag", 5, true },
	{ "june", 6, false }, { "juin", 6, false }, { "juni", 6, false }, { "junio", 6, false }, { "giugno", 6, false }, { "junho", 6, false }, { "jun", 6, true }, { "giu", 6, true },
	{ "july", 7, false }, { "juillet", 7, false }, { "juli", 7, false }, { "julio", 7, false }, { "luglio", 7, false }, { "julho", 7, false }, { "juil", 7, true }, { "jul", 7, true }, { "lug", 7, true },
	{ "august", 8, false }, { "aout", 8, false }, { "agosto", 8, false }, { "aug", 8, true }, { "ago", 8, true },
	{ "september", 9, false }, { "septembre", 9, false }, { "septiembre", 9, false }, { "setiembre", 9, false }, { "settembre", 9, false }, { "setembro", 9, false }, { "sept", 9, true }, { "sep", 9, true }, { "set", 9, true },
	{ "october", 10, false }, { "octobre", 10, false }, { "oktober", 10, false }, { "octubre", 10, false }, { "ottobre", 10, false }, { "outubro", 10, false }, { "oct", 10, true }, { "okt", 10, true }, { "ott", 10, true }, { "out", 10, true },
	{ "november", 11, false }, { "novembre", 11, false }, { "noviembre", 11, false }, { "novembro", 11, false }, { "nov", 11, true },
	{ "december", 12, false }, { "decembre", 12, false }, { "dezember", 12, false }, { "diciembre", 12, false }, { "dicembre", 12, false }, { "dezembro", 12, false }, { "dec", 12, true }, { "dez", 12, true }, { "dic", 12, true },
};

int rv_month_number(const char *word, size_t len, unsigned forms)
{
	char folded[16]; /* "septiembre", the longest name, and room to spare */
	size_t n = 0;
	for (const char *p = word, *end = word + len; p < end;) {
		char c = fold_date_char(rv_utf8_next(&p, end));
		if (c < 'a' || c > 'z' || n + 1 >= sizeof folded)
			return 0;
		folded[n++] = c;
	}
	folded[n] = '\0';
	for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
		if ((forms & (month_names[i].abbreviation ? RV_MONTH_ABBREVIATION
							      : RV_MONTH_FULL_NAME)) &&
		    !strcmp(month_names[i].name, folded))
			return month_names[i].month;
	return 0;
}

size_t rv_month_and_day_length(const char *s, size_t month_len, size_t len)
{
	if (!month_len || month_len > len || !rv_month_number(s, month_len, RV_MONTH_ANY_FORM))
		return 0;
	size_t i = month_len;
	if (i < len && s[i] == '.')
		i++;
	for (;;) {
		if (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < len && !memcmp(s + i, "\xc2\xa0", 2))
			i += 2;
		else if (i + 2 < len && !memcmp(s + i, "\xe2\x80\xaf", 3))
			i += 3;
		else
			break;
	}
	size_t digits = 0;
	while (i + digits < len && digits < 3 && isdigit((unsigned char)s[i + digits]))
		digits++;
	return digits >= 1 && digits <= 2 ? i + digits : 0;
}

/* Match a month word at the start of folded text f; returns its length. */
static size_t match_month(const char *f, int *month)
{
	/* called at every word of a text: most words start with no month's
	 * first letter */
	if (!f[0] || !strchr("adefgjlmnos", f[0]))
		return 0;
	size_t best = 0;
	for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++) {
		if (month_names[i].name[0] != f[0])
			continue;
		size_t n = strlen(month_names[i].name);
		if (n > best && !strncmp(f, month_names[i].name, n) &&
		    !isalpha((unsigned char)f[n])) {
			best = n;
			*month = month_names[i].month;
		}
	}
	if (best && f[best] == '.')
		best++;
	return best;
}

static bool read_int(const char **p, int maxdigits, int *out, int *ndigits)
{
	const char *s = *p;
	int v = 0, n = 0;
	while (isdigit((unsigned char)*s) && n < maxdigits) {
		v = v * 10 + (*s - '0');
		s++;
		n++;
	}
	if (!n || isdigit((unsigned char)*s))
		return false;
	*p = s;
	*out = v;
	if (ndigits)
		*ndigits = n;
	return true;
}

/* A time only a 12-hour marker makes one: "9 p.m.", "10.15pm" (without
 * the marker, "10.15" is a number). The marker is left for clock_suffix. */
static bool marked_time(const char **p, rv_date *d)
{
	const char *s = *p;
	int h = 0, m = 0, nh = 0;
	bool pm;
	if (!read_int(&s, 2, &h, &nh) || h < 1 || h > 12)
		return false;
	if (*s == '.' && isdigit((unsigned char)s[1])) {
		s++;
		int nm;
		if (!read_int(&s, 2, &m, &nm) || nm != 2 || m > 59)
			return false;
	}
	if (!clock_marker(s, &pm))
		return false;
	d->hour = h;
	d->minute = m;
	d->second = 0;
	d->has_time = true;
	d->has_seconds = false;
	*p = s;
	return true;
}

/* Optional time after a date: ", 19:17", " à 11h48", " at 10:30 GMT",
 * " 10:15 PM EST". *p is in the folded text f; u is f with its case kept
 * (zone abbreviations are read in capitals). Returns whether the time is
 * in a US zone. */
static bool trailing_time(const char **p, const char *f, const char *u, rv_date *d)
{
	const char *s = *p;
	bool german = false;
	while (*s == ' ' || *s == ',' || *s == '-' || *s == '|')
		s++;
	if (!strncmp(s, "at ", 3) || (german = !strncmp(s, "um ", 3)))
		s += 3;
	else if (!strncmp(s, "a ", 2)) /* "à ": rv_date_find folds it to "a" */
		s += 2;
	else if (!strncmp(s, "\xc3\xa0 ", 3)) /* "à " unfolded */
		s += 3;
	else if (!strncmp(s, "a las ", 6))
		s += 6;
	rv_date t = *d;
	bool us = false;
	if (parse_time(&s, &t) || (!german && marked_time(&s, &t))) {
		s += clock_suffix(u + (s - f), &t, !german, &us);
		*d = t;
		*p = s;
	}
	return us;
}

/* Try all forms at the start of folded text f (u: the same with its case
 * kept). Returns the length matched. */
static size_t date_at(const char *f, const char *u, rv_date *out)
{
	rv_date d = { 0 };
	const char *s = f;
	int a = 0, b = 0, c = 0, na = 0, nb = 0, nc = 0;

	/* ISO-like: 2022-01-24[T..] or 2022/01/24 */
	if (read_int(&s, 4, &a, &na) && na == 4 && (*s == '-' || *s == '/' || *s == '.')) {
		char sep = *s++;
		if (read_int(&s, 2, &b, NULL) && *s == sep) {
			s++;
			if (read_int(&s, 2, &c, NULL)) {
				d.year = a;
				d.month = b;
				d.day = c;
				if (*s == 'T' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
					const char *t = s + 1;
					rv_date tmp = d;
					if (parse_time(&t, &tmp)) {
						bool us = false;
						t += clock_suffix(u + (t - f), &tmp, true, &us);
						d = tmp;
						s = t;
					}
				}
				if (rv_date_check(&d)) {
					*out = d;
					return (size_t)(s - f);
				}
			}
		}
		return 0;
	}
	s = f;
	/* Numeric day first: 24.01.2022, 24/01/2022, 24-01-2022 */
	if (read_int(&s, 2, &a, &na) && (*s == '.' || *s == '/' || *s == '-')) {
		char sep = *s++;
		if (read_int(&s, 2, &b, &nb) && *s == sep) {
			s++;
			const char *y = s;
			/* "02.12.19": a two-digit year only with dots and two-digit
			 * day and month (the German short form), read as 20yy */
			if (sep == '.' && na == 2 && nb == 2 && read_int(&y, 2, &c, &nc) && nc == 2 &&
			    !isalnum((unsigned char)*y) && *y != '.') {
				s = y;
				c += 2000;
				nc = 4;
			} else if (!read_int(&s, 4, &c, &nc)) {
				nc = 0;
			}
			if (nc == 4) {
				d.year = c;
				bool us_zone = trailing_time(&s, f, u, &d);
				/* Day first unless that is impossible, or the
				 * time is in a US zone ("03/04/2026 10:15 AM
				 * EST"). A 12-hour clock alone is no sign:
				 * Latin America, Britain and Israel write
				 * "10/05/2022 05:22 pm" day first. Dots are
				 * European. */
				if (a <= 12 && (b > 12 || (us_zone && sep != '.'))) {
					d.month = a;
					d.day = b;
				} else {
					d.day = a;
					d.month = b;
				}
				if (rv_date_check(&d)) {
					*out = d;
					return (size_t)(s - f);
				}
			}
		}
		/* not numeric: "24. Januar 2022" is tried below */
	}
	s = f;
	/* Day month year: "24 janvier 2022", "1er février 2022", "24. Januar 2022",
	 * "24 de enero de 2022" */
	if (read_int(&s, 2, &a, NULL)) {
		if (!strncmp(s, "er", 2) || !strncmp(s, "st", 2) || !strncmp(s, "nd", 2) ||
		    !strncmp(s, "rd", 2) || !strncmp(s, "th", 2))
			s += 2;
		if (*s == '.')
			s++;
		if (*s != ' ')
			return 0;
		s++;
		if (!strncmp(s, "de ", 3))
			s += 3;
		int m;
		size_t ml = match_month(s, &m);
		if (!ml)
			return 0;
		s += ml;
		while (*s == ' ' || *s == ',')
			s++;
		if (!strncmp(s, "de ", 3))
			s += 3;
		if (!read_int(&s, 4, &c, &nc) || nc != 4)
			return 0;
		d.day = a;
		d.month = m;
		d.year = c;
		trailing_time(&s, f, u, &d);
		if (rv_date_check(&d)) {
			*out = d;
			return (size_t)(s - f);
		}
		return 0;
	}
	/* Month day, year: "January 24, 2022", "Jan. 24 2022" */
	int m;
	size_t ml = match_month(s, &m);
	if (ml) {
		s += ml;
		if (*s != ' ')
			return 0;
		s++;
		if (!read_int(&s, 2, &a, NULL))
			return 0;
		if (!strncmp(s, "st", 2) || !strncmp(s, "nd", 2) ||
		    !strncmp(s, "rd", 2) || !strncmp(s, "th", 2))
			s += 2;
		while (*s == ' ' || *s == ',')
			s++;
		if (!read_int(&s, 4, &c, &nc) || nc != 4)
			return 0;
		d.day = a;
		d.month = m;
		d.year = c;
		trailing_time(&s, f, u, &d);
		if (rv_date_check(&d)) {
			*out = d;
			return (size_t)(s - f);
		}
	}
	return 0;
}

/* Map positions in the folded copy back to the original: folding may
 * change byte lengths, so we fold one code point at a time. */
bool rv_date_find(const char *str, rv_date *out, size_t *at, size_t *len)
{
	size_t n = strlen(str);
	if (n > (1u << 20))
		n = 1u << 20; /* dates live near the top; bound the scan */
	/* every form has digits: most text has none, and costs nothing then */
	size_t k = 0;
	while (k < n && !isdigit((unsigned char)str[k]))
		k++;
	if (k == n)
		return false;
	char *f = calloc(n + 1, 1); /* calloc: the scanner never reads an unset byte */
	char *u = calloc(n + 1, 1); /* f with the case kept, for zone abbreviations */
	size_t *map = calloc(n + 1, sizeof *map);
	if (!f || !u || !map) {
		free(f);
		free(u);
		free(map);
		return false;
	}
	/* one byte per character, so that offsets map back simply */
	size_t j = 0;
	const char *p = str, *end = str + n;
	while (p < end) {
		const char *start = p;
		int32_t cp = rv_utf8_next(&p, end);
		char c = fold_date_char(cp);
		map[j] = (size_t)(start - str);
		u[j] = cp >= 0 && cp < 128 ? (char)cp : c;
		f[j++] = c;
	}
	map[j] = n;
	f[j] = '\0';
	u[j] = '\0';
	bool found = false;
	for (size_t i = 0; i < j && !found; i++) {
		/* Only start at a word boundary. */
		if (i && isalnum((unsigned char)f[i - 1]))
			continue;
		if (!isalnum((unsigned char)f[i]))
			continue;
		size_t m = date_at(f + i, u + i, out);
		if (m) {
			found = true;
			if (at)
				*at = map[i];
			if (len)
				*len = map[i + m] - map[i];
		}
	}
	free(f);
	free(u);
	free(map);
	return found;
}

/* Words that make the day after them a page's update, not its publication
 * (folded as fold_date_char folds; a space stands for any run of spaces or
 * punctuation). */
static const char *const update_words[] = {
	"mis a jour", "mise a jour", "modifie", "modifiee", "modified", "actualise", "actualisee",
	"last updated", "updated", "aktualisiert", "geandert", "actualizado", "modificado",
	"aggiornato", NULL,
};

/* One of update_words written at s[i] and ending a word: its byte length, or 0. */
static size_t update_words_at(const char *s, size_t len, size_t i)
{
	const char *end = s + len;
	for (const char *const *w = update_words; *w; w++) {
		const char *p = s + i, *f = *w;
		while (*f && p < end) {
			char c = fold_date_char(rv_utf8_next(&p, end));
			if (c == *f)
				f++;
			else if (!(c == ' ' && f > *w && f[-1] == ' '))
				break;
		}
		const char *after = p;
		if (!*f && (p == end ||
			    !isalnum((unsigned char)fold_date_char(rv_utf8_next(&after, end)))))
			return (size_t)(p - (s + i));
	}
	return 0;
}

size_t rv_date_update_words(const char *s, size_t len, size_t *n)
{
	bool in_word = false;
	for (const char *p = s, *end = s + len; p < end;) {
		size_t i = (size_t)(p - s);
		bool alnum = isalnum((unsigned char)fold_date_char(rv_utf8_next(&p, end)));
		if (alnum && !in_word && (*n = update_words_at(s, len, i)))
			return i;
		in_word = alnum;
	}
	*n = 0;
	return len;
}

bool rv_date_after_update_words(const char *s, size_t from, rv_date *out)
{
	size_t len = strlen(s);
	for (size_t i = 0, n = 0; i < len; i += n) {
		i += rv_date_update_words(s + i, len - i, &n);
		size_t where;
		/* the day right after the words: "Mis à jour le 16/03" */
		if (n && i >= from && rv_date_find(s + i, out, &where, NULL) && where <= n + 8)
			return true;
	}
	return false;
}

static int month_from_abbr(const char *s)
{
	int m = 0;
	char low[4] = { 0 };
	for (int i = 0; i < 3 && s[i]; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return match_month(low, &m) ? m : 0;
}

bool rv_date_parse_rfc822(const char *str, rv_date *out)
{
	rv_date d = { 0 };
	const char *s = skip_space(str);
	/* optional weekday */
	if (isalpha((unsigned char)*s)) {
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == ',')
			s++;
		s = skip_space(s);
	}
	if (!read_int(&s, 2, &d.day, NULL) || *s++ != ' ')
		return false;
	d.month = month_from_abbr(s);
	if (!d.month)
		return false;
	while (isalpha((unsigned char)*s))
		s++;
	s = skip_space(s);
	int ny;
	if (!read_int(&s, 4, &d.year, &ny))
		return false;
	if (ny == 2)
		d.year += d.year < 70 ? 2000 : 1900;
	s = skip_space(s);
	if (*s) {
		if (!parse_time(&s, &d))
			return false;
		bool us = false;
		size_t k = read_zone(s, &d, &us);
		if (k)
			s += k;
		else {
			/* zones we do not know: drop the zone */
			while (isalpha((unsigned char)*skip_space(s)))
				s = skip_space(s) + 1;
		}
	}
	if (*skip_space(s) || !rv_date_check(&d))
		return false;
	*out = d;
	return true;
}

bool rv_date_parse(const char *s, rv_date *out)
{
	if (!s)
		return false;
	if (rv_date_parse_iso(s, out) || rv_date_parse_rfc822(s, out))
		return true;
	size_t at, len;
	rv_date d;
	if (rv_date_find(s, &d, &at, &len)) {
		/* Accept only when the date is (nearly) the whole string. */
		size_t total = strlen(s);
		if (len + 12 >= total) {
			*out = d;
			return true;
		}
	}
	return false;
}

void rv_date_format(const rv_date *d, char out[RV_DATE_ISO_MAX])
{
	int n = snprintf(out, RV_DATE_ISO_MAX, "%04d-%02d-%02d", d->year, d->month, d->day);
	if (!d->has_time || n < 0)
		return;
	size_t k = (size_t)n;
	if (d->has_seconds)
		n = snprintf(out + k, RV_DATE_ISO_MAX - k, "T%02d:%02d:%02d", d->hour, d->minute, d->second);
	else
		n = snprintf(out + k, RV_DATE_ISO_MAX - k, "T%02d:%02d", d->hour, d->minute);
	if (n < 0 || !d->has_tz)
		return;
	k += (size_t)n;
	if (d->tz_minutes == 0)
		snprintf(out + k, RV_DATE_ISO_MAX - k, "Z");
	else {
		int tz = abs(d->tz_minutes);
		snprintf(out + k, RV_DATE_ISO_MAX - k, "%c%02d:%02d",
			 d->tz_minutes < 0 ? '-' : '+', tz / 60, tz % 60);
	}
}

/* Howard Hinnant's days_from_civil. */
int64_t rv_date_days(const rv_date *d)
{
	int64_t y = d->year - (d->month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (d->month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + d->day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t rv_date_iso_epoch(const char *iso)
{
	rv_date d;
	return iso && rv_date_parse_iso(iso, &d) ? rv_date_epoch(&d) : 0;
}

int64_t rv_date_epoch(const rv_date *d)
{
	int64_t t = rv_date_days(d) * 86400;
	if (d->has_time)
		t += d->hour * 3600 + d->minute * 60 + d->second;
	if (d->has_tz)
		t -= d->tz_minutes * 60;
	return t;
}

void rv_date_from_epoch(int64_t t, rv_date *out)
{
	int64_t z = (t >= 0 ? t : t - 86399) / 86400;
	int64_t secs = t - z * 86400;
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	memset(out, 0, sizeof *out);
	out->year = (int)(y + (mm <= 2));
	out->month = (int)mm;
	out->day = (int)dd;
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs % 3600 / 60);
	out->second = (int)(secs % 60);
	out->has_time = out->has_seconds = out->has_tz = true;
}

int rv_date_cmp(const rv_date *a, const rv_date *b)
{
	int64_t x = rv_date_epoch(a), y = rv_date_epoch(b);
	return x < y ? -1 : x > y;
}
