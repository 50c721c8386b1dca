/* figures.c - numbers with what they count: "8.500 militaires", "1.000 à
 * 5.000 soldats", "plus de 14 000 personnes", "more than 14,000 people",
 * "$1.2bn", "un millier", "plusieurs milliers", "12%".
 *
 * French and English digit groups are both read: a dot, comma or (narrow)
 * space followed by exactly three digits groups thousands, otherwise a dot
 * or comma is the decimal mark. Dates, years, times, ordinals and numbers
 * glued to letters (F-16, COVID-19) are not figures.
 */
#include "analyze/analyze.h"
#include "analyze/facts.h"
#include "analyze/ner_names.h"

#include "core/date.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FIGURES 1000

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha_at(const char *t, size_t i, size_t len)
{
	if (i >= len)
		return false;
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	const char *p = t + i;
	int32_t cp = rv_utf8_next(&p, t + len);
	return rv_cp_is_alnum(cp) && !(cp >= '0' && cp <= '9');
}

/* Length of a thin/non-breaking/plain space at t[i], or 0. */
static size_t space_at(const char *t, size_t i, size_t len)
{
	if (i < len && t[i] == ' ')
		return 1;
	if (i + 1 < len && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
		return 2;
	if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0xAF || (unsigned char)t[i + 2] == 0x89))
		return 3;
	return 0;
}

static size_t skip_spaces(const char *t, size_t i, size_t len)
{
	size_t n;
	while ((n = space_at(t, i, len)) || (i < len && t[i] == '\t'))
		i += n ? n : 1;
	return i;
}

/* Parse a number at t[i]; returns bytes consumed (0 if none). */
static size_t parse_number(const char *t, size_t i, size_t len, double *out, bool *grouped)
{
	size_t p = i;
	double v = 0;
	*grouped = false;
	if (p >= len || !is_digit(t[p]))
		return 0;
	size_t nd = 0;
	while (p < len && is_digit(t[p])) {
		v = v * 10 + (t[p] - '0');
		p++;
		nd++;
	}
	for (;;) {
		size_t sep = 0;
		if (p < len && (t[p] == '.' || t[p] == ',' || t[p] == '\''))
			sep = 1;
		else
			sep = space_at(t, p, len);
		if (!sep || nd > 3)
			break;
		size_t q = p + sep;
		size_t k = 0;
		while (q + k < len && is_digit(t[q + k]))
			k++;
		if (k == 3 && !(q + 3 < len && is_digit(t[q + 3]))) {
			for (size_t x = 0; x < 3; x++)
				v = v * 10 + (t[q + x] - '0');
			p = q + 3;
			*grouped = true;
			continue;
		}
		if (sep == 1 && t[p] != '\'' && k > 0 && !*grouped) {
			/* decimal: "1.2", "1,5" */
			double f = 0.1;
			for (size_t x = 0; x < k; x++, f /= 10)
				v += (t[q + x] - '0') * f;
			p = q + k;
		}
		break;
	}
	*out = v;
	return p - i;
}

typedef struct word {
	const char *w;
	double v;
} word;

static const word scales[] = {
	{"milliards", 1e9}, {"milliard", 1e9}, {"milliarden", 1e9}, {"mrd", 1e9},
	{"millionen", 1e6}, {"mio", 1e6}, {"billions", 1e9}, {"billion", 1e9}, {"bn", 1e9},
	{"md", 1e9}, {"mds", 1e9}, {"millions", 1e6}, {"million", 1e6}, {"mln", 1e6}, {"m", 1e6},
	{"trillions", 1e12}, {"trillion", 1e12}, {"tn", 1e12}, {"thousands", 1e3},
	{"thousand", 1e3}, {"mille", 1e3}, {"k", 1e3}, {"hundred", 100}, {"cents", 100},
	{"cent", 100}, {NULL, 0},
};

/* "un millier", "des milliers", "several thousand": value and max */
typedef struct approx {
	const char *w;
	double v, max;
} approx;

static const approx approx_nouns[] = {
	{"milliers", 1000, 9999}, {"millier", 1000, 1000}, {"centaines", 100, 999},
	{"centaine", 100, 100}, {"dizaines", 10, 99}, {"dizaine", 10, 10},
	{"douzaines", 12, 99}, {"douzaine", 12, 12}, {"dozens", 12, 99}, {"dozen", 12, 12},
	{"thousands", 1000, 9999}, {"hundreds", 100, 999}, {"tens", 10, 99},
	{"millions", 1e6, 9.99e6}, {"milliards", 1e9, 9.99e9}, {"billions", 1e9, 9.99e9},
	{NULL, 0, 0},
};

static const char *const qualifiers[] = {
	"jusqu'à", "jusqu’à", "environ", "près de", "plus de", "moins de", "au moins", "quelque",
	"autour de", "pas moins de", "plus d'", "plus d’", "moins d'", "moins d’", "presque",
	"quasiment", "au total", "plusieurs", "quelques", "des", "more than", "up to", "about",
	"around", "nearly", "almost", "at least", "over", "some", "approximately", "roughly",
	"fewer than", "less than", "as many as", "no fewer than", "under", "several", "about",
	"an estimated", "estimated", "a total of", "at most", "au plus", "entre", "between", NULL,
};

/* A word (ASCII-case-insensitive) at t[i] followed by a boundary. */
static size_t word_is(const char *t, size_t i, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (i + n > len || strncasecmp(t + i, w, n))
		return 0;
	if (w[n - 1] != '\'' && is_alpha_at(t, i + n, len))
		return 0;
	return n;
}

/* The word at t[i] (letters, inner hyphens/apostrophes): its length. */
static size_t word_len(const char *t, size_t i, size_t len)
{
	size_t p = i;
	while (p < len) {
		unsigned char c = (unsigned char)t[p];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			p++; /* ASCII letters, most of the text: no decoding */
			continue;
		}
		if (is_alpha_at(t, p, len)) {
			const char *q = t + p;
			rv_utf8_next(&q, t + len);
			p = (size_t)(q - t);
		} else if ((t[p] == '-') && p > i && is_alpha_at(t, p + 1, len)) {
			p++;
		} else {
			break;
		}
	}
	return p - i;
}

static const char *const skip_units[] = {
	"h", "heures", "heure", "hours", "hour", "ans", "an", "années", "years", "year", "jours",
	"jour", "days", "day", "minutes", "minute", "secondes", "seconds", "mois", "months",
	"month", "semaines", "weeks", "week", "siècle", "siècles", "er", "e", "ème", "eme", "st",
	"nd", "rd", "th", "am", "pm", NULL,
};

static bool in_wlist(const char *t, size_t i, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncasecmp(t + i, *list, n))
			return true;
	return false;
}

static const char *const fillers[] = {
	"de", "d'", "d’", "of", "more", "additional", "extra", "new", "other", "autres", "nouveaux",
	"nouvelles", "supplementary", "about", NULL,
};

typedef struct fctx {
	rv_article *a;
	const char *t;
	size_t len;
	size_t last_sentence; /* where the sentence of the last figure starts */
	bool nouns_capitalised; /* German: a counted noun starts with a capital */
} fctx;

static size_t sent_start(const char *t, size_t i)
{
	while (i > 0) {
		char c = t[i - 1];
		if (c == '\n' || ((c == '.' || c == '!' || c == '?') && (t[i] == ' ' || t[i] == '\n')))
			break;
		i--;
	}
	while (t[i] == ' ')
		i++;
	return i;
}

static size_t sent_end(const char *t, size_t i, size_t len)
{
	while (i < len) {
		char c = t[i];
		if (c == '\n')
			return i;
		if ((c == '.' || c == '!' || c == '?') && (i + 1 >= len || t[i + 1] == ' ' || t[i + 1] == '\n'))
			return i + 1;
		i++;
	}
	return len;
}

static int add_figure(fctx *c, double v, double vmax, const char *unit, size_t ul,
		      const char *qual, size_t s, size_t e)
{
	rv_article *a = c->a;
	if (a->n_figures >= MAX_FIGURES)
		return 0;
	rv_figure *p = realloc(a->figures, (a->n_figures + 1) * sizeof *p);
	if (!p)
		return -1;
	a->figures = p;
	rv_figure *f = &a->figures[a->n_figures];
	memset(f, 0, sizeof *f);
	f->value = v;
	f->value_max = vmax;
	size_t cs = sent_start(c->t, s), ce = sent_end(c->t, e, c->len);
	if (ce - cs > 600) {
		cs = s > 200 ? s - 200 : 0;
		ce = e + 200 < c->len ? e + 200 : c->len;
		while (cs < s && ((unsigned char)c->t[cs] & 0xC0) == 0x80)
			cs++;
		while (ce > e && ce < c->len && ((unsigned char)c->t[ce] & 0xC0) == 0x80)
			ce--;
	}
	c->last_sentence = cs;
	f->unit = unit ? rv_strndup(unit, ul) : NULL;
	f->qualifier = qual ? rv_strdup(qual) : NULL;
	f->text = rv_strndup(c->t + s, e - s);
	f->context = rv_strndup(c->t + cs, ce - cs);
	a->n_figures++;
	if ((unit && !f->unit) || (qual && !f->qualifier) || !f->text || !f->context)
		return -1;
	rv_str_squeeze(f->context);
	return 0;
}

/* The qualifier right before position s: its canonical text, start in *qs. */
static const char *qualifier_before(const char *t, size_t s, size_t *qs)
{
	size_t e = s;
	while (e > 0 && (t[e - 1] == ' '))
		e--;
	for (const char *const *q = qualifiers; *q; q++) {
		size_t n = strlen(*q);
		if (n > e)
			continue;
		size_t b = e - n;
		if (strncasecmp(t + b, *q, n))
			continue;
		/* an elided qualifier touches the number: "plus d'8" is rare but "jusqu'à 5" */
		if (b > 0 && is_alpha_at(t, b - 1, e))
			continue;
		*qs = b;
		return *q;
	}
	return NULL;
}

/* Unit after position p: the counted noun, skipping "de", "of", adjectives. */
static size_t unit_after(const char *t, size_t p, size_t len, bool nouns_capitalised, size_t *us)
{
	for (int hops = 0; hops < 3; hops++) {
		p = skip_spaces(t, p, len);
		size_t n = word_len(t, p, len);
		if (!n) {
			/* d'hommes: the elision */
			if (p + 1 < len && (t[p] == 'd' || t[p] == 'D') && (t[p + 1] == '\''))
				n = 1;
			else
				return 0;
		}
		if (p + n < len && (t[p + n] == '\'' || !strncmp(t + p + n, "’", 3))) {
			/* d'hommes */
			p += n + (t[p + n] == '\'' ? 1 : 3);
			continue;
		}
		if (in_wlist(t, p, n, fillers)) {
			p += n;
			continue;
		}
		/* a counted noun is a lower-case word, not "la", "true" or "min";
		 * German writes it with a capital ("120 Feuerwehrleute") */
		if (t[p] >= 'A' && t[p] <= 'Z' && hops < 2 && !nouns_capitalised) {
			/* "130,000 Russian troops", "2,000 U.S. troops": skip the adjective */
			p += n;
			while (p + 1 < len && t[p] == '.' && t[p + 1] >= 'A' && t[p + 1] <= 'Z')
				p += 2;
			if (p < len && t[p] == '.')
				p++;
			continue;
		}
		if (!(t[p] >= 'a' && t[p] <= 'z') && !(nouns_capitalised && t[p] >= 'A' && t[p] <= 'Z') &&
		    (unsigned char)t[p] < 0x80)
			return 0;
		if (in_wlist(t, p, n, (const char *const[]){"la", "le", "les", "l", "the", "a", "an",
							    "et", "and", "ou", "or", "true", "false",
							    "min", "sec", "px", "x", "à", "en", "in",
							    "on", "at", "par", "per", "pour", "for",
							    "sur", "dans", "du", "des", "que", "qui",
							    "to", "is", "was", "est", "sont",
							    /* "Thousands were evacuated" */
							    "were", "are", "be", "been", "have", "has",
							    "had", "will", "would", "could", "can", "may",
							    "did", "do", "ont", "avait", "avaient", "était",
							    "étaient", "sera", "seront", "fut", "furent",
							    "peuvent", "doivent",
							    /* "4 500 selon la police" */
							    "selon", "according", "contre", "against",
							    "versus", "soit",
							    /* "du 10 au 14 juillet", "120 … und" */
							    "au", "aux", "und", "oder", "bis", "y", "o",
							    "e", "ou", "or", "de", "waren", "wurden",
							    "sind", "ist", "hat", "haben", "wird", NULL}))
			return 0;
		*us = p;
		/* one unit of two words: "mètres carrés", "square kilometres" */
		size_t q = skip_spaces(t, p + n, len), m = word_len(t, q, len);
		if (m && q > p + n &&
		    (in_wlist(t, q, m, (const char *const[]){"carrés", "carré", "cubes", "cube",
							     "carrées", NULL}) ||
		     in_wlist(t, p, n, (const char *const[]){"square", "cubic", NULL})))
			n = q + m - p;
		return n;
	}
	return 0;
}

static int scan_figures(fctx *c)
{
	const char *t = c->t;
	size_t len = c->len;
	size_t i = 0;
	while (i < len) {
		/* approximate nouns without digits: "un millier de", "plusieurs milliers" */
		if (!is_digit(t[i])) {
			if (i > 0 && is_alpha_at(t, i - 1, len)) {
				i++;
				continue;
			}
			size_t wl = word_len(t, i, len);
			if (!wl) {
				i++;
				continue;
			}
			char f0 = (char)(t[i] | 0x20);
			bool maybe = f0 == 'm' || f0 == 'c' || f0 == 'd' || f0 == 't' || f0 == 'h';
			for (const approx *ap = approx_nouns; maybe && ap->w; ap++) {
				/* every word of the text comes here: the cheap tests first */
				if (ap->w[0] != f0 || strlen(ap->w) != wl)
					continue;
				size_t n = word_is(t, i, len, ap->w);
				if (!n || n != wl)
					continue;
				/* what comes before: "un", "des", "plusieurs", "several" */
				size_t qs = i;
				const char *qual = qualifier_before(t, i, &qs);
				double v = ap->v, vmax = ap->max;
				size_t b = i;
				while (b > 0 && t[b - 1] == ' ')
					b--;
				size_t ws = b;
				while (ws > 0 && is_alpha_at(t, ws - 1, len))
					ws--;
				if (ws < b && (word_is(t, ws, len, "un") || word_is(t, ws, len, "a") ||
					       word_is(t, ws, len, "one"))) {
					qs = ws;
					qual = NULL;
					vmax = v;
				} else if (!qual) {
					/* "milliers" alone after a number word is handled with digits */
					if (ws < b && in_wlist(t, ws, b - ws, (const char *const[]){"les", "the", NULL}))
						break;
				}
				size_t us = 0;
				size_t ul = unit_after(t, i + n, len, c->nouns_capitalised, &us);
				if (!ul)
					break;
				/* "plusieurs milliers", "several thousand": at least two */
				if (qual && (!strcmp(qual, "plusieurs") || !strcmp(qual, "several") ||
					     !strcmp(qual, "quelques")) && vmax > v)
					v *= 2;
				if (add_figure(c, v, vmax, t + us, ul, qual, qs, i + n))
					return -1;
				break;
			}
			i += wl;
			continue;
		}
		size_t s = i;
		/* glued to letters or inside dates/times/identifiers */
		if (s > 0 && (is_alpha_at(t, s - 1, len) || t[s - 1] == '-' || t[s - 1] == '/' ||
			      t[s - 1] == ':' || t[s - 1] == '_' || t[s - 1] == '#' || t[s - 1] == '+')) {
			while (i < len && (is_digit(t[i]) || t[i] == '.' || t[i] == ','))
				i++;
			continue;
		}
		double v;
		bool grouped;
		size_t n = parse_number(t, s, len, &v, &grouped);
		size_t e = s + n;
		/* dates and times: 24.01.2022, 2022-01-24, 11:48, 22h30, 10/02 */
		if (e < len && (t[e] == ':' || t[e] == '/' || t[e] == '-' || t[e] == '_' ||
				((t[e] == '.' || t[e] == ',') && e + 1 < len && is_digit(t[e + 1])) ||
				(is_alpha_at(t, e, len) && !(t[e] == 'k' || t[e] == 'm' || t[e] == 'b' ||
							     t[e] == 'M' || t[e] == 'K')))) {
			i = e;
			while (i < len && (is_digit(t[i]) || is_alpha_at(t, i, len) || t[i] == ':' ||
					   t[i] == '/' || t[i] == '-' || t[i] == '.'))
				i++;
			continue;
		}
		i = e;
		/* currency before: $1.2bn, € 3 */
		const char *unit = NULL;
		size_t ul = 0;
		char cur[8] = "";
		size_t fs = s;
		if (s > 0 && (t[s - 1] == '$')) {
			memcpy(cur, "$", 2);
			fs = s - 1;
		} else if (s >= 2 && !strncmp(t + s - 2, "£", 2)) {
			memcpy(cur, "£", 3);
			fs = s - 2;
		} else if (s >= 3 && !strncmp(t + s - 3, "€", 3)) {
			memcpy(cur, "€", 4);
			fs = s - 3;
		}
		size_t p = e;
		/* scale word: million, bn, milliers */
		size_t q = skip_spaces(t, p, len);
		for (const word *w = scales; w->w; w++) {
			size_t m = word_is(t, (strlen(w->w) <= 2 ? p : q), len, w->w);
			if (m) {
				v *= w->v;
				p = (strlen(w->w) <= 2 ? p : q) + m;
				break;
			}
		}
		if (word_is(t, q, len, "milliers")) {
			v *= 1000;
			p = q + 8;
		}
		/* range: "1.000 à 5.000", "1,000 to 5,000", "1,000-5,000", "entre X et Y" */
		double vmax = v;
		q = skip_spaces(t, p, len);
		size_t rl = 0;
		if ((rl = word_is(t, q, len, "à")) || (rl = word_is(t, q, len, "to")) ||
		    (rl = word_is(t, q, len, "et")) || (rl = word_is(t, q, len, "and")) ||
		    (q < len && t[q] == '-' && (rl = 1)) || (!strncmp(t + q, "–", 3) && (rl = 3))) {
			size_t r = skip_spaces(t, q + rl, len);
			if (cur[0] && t[r] == cur[0])
				r += strlen(cur);
			double v2;
			bool g2;
			size_t n2 = parse_number(t, r, len, &v2, &g2);
			bool is_and = t[q] == 'e' || t[q] == 'a';
			if (n2 && !(r + n2 < len && (is_alpha_at(t, r + n2, len) && !space_at(t, r + n2, len)) &&
				    t[r + n2] != 'm' && t[r + n2] != 'b')) {
				size_t p2 = r + n2;
				size_t q2 = skip_spaces(t, p2, len);
				double sc = 1;
				for (const word *w = scales; w->w; w++) {
					size_t m = word_is(t, (strlen(w->w) <= 2 ? p2 : q2), len, w->w);
					if (m) {
						sc = w->v;
						p2 = (strlen(w->w) <= 2 ? p2 : q2) + m;
						break;
					}
				}
				v2 *= sc;
				if (sc > 1 && v < v2 / sc * 1.0001 && vmax == v && v < sc)
					v *= sc; /* "1 to 2 million" */
				size_t qsx;
				const char *qb = qualifier_before(t, fs, &qsx);
				bool between = qb && (!strcmp(qb, "entre") || !strcmp(qb, "between"));
				if (v2 > v && (!is_and || between)) {
					vmax = v2;
					p = p2;
				}
			}
		}
		e = p;
		if (p > i)
			i = p;
		/* the unit */
		size_t us = 0;
		q = skip_spaces(t, p, len);
		if (q < len && t[q] == '%') {
			unit = "%";
			ul = 1;
			e = q + 1;
		} else if (word_is(t, q, len, "pour cent") || word_is(t, q, len, "percent") ||
			   word_is(t, q, len, "per cent") || word_is(t, q, len, "pourcent")) {
			unit = "%";
			ul = 1;
			e = q + (t[q] == 'p' && t[q + 1] == 'e' && t[q + 2] == 'r' && t[q + 3] == ' ' ? 8 :
				 word_is(t, q, len, "pour cent") ? 9 : word_is(t, q, len, "percent") ? 7 : 8);
		} else if (cur[0]) {
			unit = cur;
			ul = strlen(cur);
		} else if (q < len && (t[q] == '$' || !strncmp(t + q, "€", 3) || !strncmp(t + q, "£", 2))) {
			/* the sign after the amount, as French and Canadian texts
			 * write it: "1 000 €", "50 $" */
			ul = t[q] == '$' ? 1 : !strncmp(t + q, "€", 3) ? 3 : 2;
			memcpy(cur, t + q, ul);
			cur[ul] = '\0';
			unit = cur;
			e = q + ul;
		} else {
			ul = unit_after(t, p, len, c->nouns_capitalised, &us);
			if (ul) {
				unit = t + us;
				/* "12 juil.", "3 März", "14 de setiembre": a day, not a count */
				if (rv_month_number(t + us, ul, RV_MONTH_ANY_FORM) ||
				    in_wlist(t, us, ul, skip_units))
					continue;
			}
		}
		/* "12 000 personnes selon les organisateurs (4 500 selon la police)":
		 * a count given per source takes the unit of the one before it in
		 * the sentence */
		if (!unit && n && c->a->n_figures) {
			size_t w = skip_spaces(t, p, len);
			const rv_figure *prev = &c->a->figures[c->a->n_figures - 1];
			if ((word_is(t, w, len, "selon") || word_is(t, w, len, "according")) && prev->unit &&
			    c->last_sentence == sent_start(t, s)) {
				unit = prev->unit;
				ul = strlen(prev->unit);
			}
		}
		/* a bare year or small number with nothing counted is not a figure */
		if (!unit) {
			continue;
		}
		if (!grouped && v >= 1900 && v <= 2100 && vmax == v && n == 4 && !cur[0] &&
		    strcmp(unit, "%"))
			continue;
		/* "le 24 janvier": the day before a month was skipped above; "en 2014" too */
		size_t qs = fs;
		const char *qual = qualifier_before(t, fs, &qs);
		if (qual && (!strcmp(qual, "des") || !strcmp(qual, "entre") || !strcmp(qual, "between")) &&
		    vmax == v)
			qual = NULL, qs = fs;
		if (qual && !strcmp(qual, "des"))
			qual = NULL, qs = fs;
		if (add_figure(c, v, vmax, unit, ul, qual, qs, unit == t + us && ul ? us + ul : e))
			return -1;
	}
	return 0;
}

int rv_find_figures(rv_article *a, rv_error *err)
{
	if (!a->text)
		return RV_OK;
	fctx c = {a, a->text, strlen(a->text), (size_t)-1,
		  a->lang && (!strncmp(a->lang, "de", 2) || !strncmp(a->lang, "lb", 2))};
	if (scan_figures(&c))
		return rv_fail(err, RV_ENOMEM, "out of memory");
	return RV_OK;
}

/* ---- keys for the story ledger ---- */

/* Nouns that count the same thing in the languages read (folded, as
 * rv__ner_fold writes them): one row of the ledger for "2 400 habitants"
 * and "2,400 people". The key is the class's first word. */
static const char *const soldiers[] = {
	"soldiers", "soldat", "soldats", "militaire", "militaires", "troupe", "troupes", "troops",
	"troop", "soldier", "homme", "hommes", "servicemen", "service members", "personnel",
	"militares", "soldados", "soldaten", "effectifs", NULL,
};
static const char *const people[] = {
	"people", "personne", "personnes", "persons", "habitants", "residents", "civils",
	"civilians", "victimes", "victims", "morts", "dead", "killed", "tues", "menschen", NULL,
};
static const char *const votes[] = { "votes", "voix", "vote", "suffrages", "suffrage", NULL };
static const char *const ballots[] = { "ballots", "bulletins", "bulletin", "ballot", NULL };
static const char *const firefighters[] = {
	"firefighters", "pompiers", "sapeurs-pompiers", "firefighter", "firemen", "bomberos",
	"feuerwehrleute", NULL,
};
static const char *const tourists[] = {
	"tourists", "vacanciers", "touristes", "holidaymakers", "holidaymaker", "tourist",
	"campeurs", "campers", NULL,
};
static const char *const homes[] = { "homes", "maisons", "logements", "habitations", "houses",
				     "home", "house", "maison", NULL };
static const char *const jobs[] = { "jobs", "emplois", "postes", "job", "emploi", NULL };
static const char *const ships[] = { "ships", "navires", "bateaux", "ship", "vessels", "navire",
				     "bateau", NULL };
static const char *const workers[] = { "workers", "salaries", "employes", "employees", "travailleurs",
				       "ouvriers", "staff", NULL };
/* each row NULL-terminated, of any length (a fixed width dropped words) */
static const char *const *const unit_classes[] = { soldiers, people, votes, ballots, firefighters,
						   tourists, homes, jobs, ships, workers };

/* A currency's sign and its names in the languages read: "€4 million" and
 * "4 millions d'euros" are one amount. */
static const struct currency {
	const char *key;
	const char *const names[6];
} currencies[] = {
	{ "€", { "€", "euro", "euros", "eur", NULL } },
	{ "$", { "$", "dollar", "dollars", "usd", NULL } },
	{ "£", { "£", "gbp", "sterling", NULL } }, /* not "pounds": a weight too */
};

size_t rv_figure_unit_key(const char *unit, char *out, size_t cap)
{
	if (!unit || !*unit || cap < 16)
		return 0;
	for (size_t c = 0; c < sizeof currencies / sizeof *currencies; c++)
		for (size_t k = 0; k < 6 && currencies[c].names[k]; k++)
			if (!strcasecmp(unit, currencies[c].names[k]))
				return (size_t)snprintf(out, cap, "%s", currencies[c].key);
	size_t n = rv__ner_fold(unit, strlen(unit), out, cap);
	if (!n)
		return 0;
	for (size_t c = 0; c < sizeof unit_classes / sizeof *unit_classes; c++)
		for (size_t k = 0; unit_classes[c][k]; k++)
			if (!strcmp(out, unit_classes[c][k]))
				return (size_t)snprintf(out, cap, "%s", unit_classes[c][0]);
	if (n > 3 && (out[n - 1] == 's' || out[n - 1] == 'x'))
		out[--n] = '\0';
	return n;
}

int rv_figure_compatible(double v1, double m1, double v2, double m2)
{
	if (m1 < v1)
		m1 = v1;
	if (m2 < v2)
		m2 = v2;
	if (v1 <= m2 && v2 <= m1)
		return 1;
	double a = m1 < v2 ? m1 : m2, b = m1 < v2 ? v2 : v1;
	return a > 0 && b / a <= 1.5;
}
