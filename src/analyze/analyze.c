/* analyze.c - the analyzer object, tokens, stems, stop words, and the order
 * of the passes.
 *
 * Tokens are case- and accent-folded before stemming ("États" -> "etats"),
 * so the same key comes out of accented and unaccented spellings (French
 * headlines often lose their accents) and so names and numbers match across
 * languages. Snowball copes with unaccented input; it loses a little
 * precision on French suffixes, which matters less than matching. */
#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "analyze/stemcache.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <libstemmer.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#define TOKEN_MAX 64          /* longer "words" are junk (URLs, hashes) */
#define BODY_TOKENS_MAX 1500  /* the lead carries the event; bound the cost */
#define SHORT_TEXT_WORDS 20   /* a headline: its detected language is a guess */

/* Languages with a stemmer and a stop list, and libstemmer's names. */
static const struct lang_info {
	const char *code;
	const char *snowball;
	const char *stop;
} langs[] = {
	{ "fr", "french",
	  "a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur "
	  "leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui "
	  "sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete "
	  "etre avoir a ont est sont fait plus aussi selon apres avant entre sans sous depuis "
	  "comme dont ainsi alors tres tout tous toute toutes si deja encore ni car donc or lors "
	  "quand cela ceci celui celle ceux celles autre autres mois jour jours an ans annee "
	  "lundi mardi mercredi jeudi vendredi samedi dimanche "
	  "comment pourquoi quoi voici voila chez contre vers va vont peut peuvent doit doivent "
	  "veut veulent faut bien trop peu moins quel quelle quels quelles aucun aucune chaque "
	  "sera seront etait avait font" },
	{ "en", "english",
	  "a an and are as at be been but by for from had has have he her his i in is it its "
	  "of on or she that the their them they this to was were which who will with would "
	  "not no we you your our us after before about over into than then there these those "
	  "also can could more most said says say new one two up out all just may when what "
	  "while where other some such only its if so do does did being him my me am "
	  "monday tuesday wednesday thursday friday saturday sunday year years week" },
	{ "de", "german",
	  "aber als am an auch auf aus bei bin bis das dass dem den der des die dies diese "
	  "diesem diesen dieser du ein eine einem einen einer eines er es fur hat hatte ich im "
	  "in ist ja kein mit nach nicht noch nun nur oder sein sich sie sind so uber um und "
	  "uns von vor war waren was wie wir wird wurde zu zum zur" },
	{ "es", "spanish",
	  "a al como con de del el en es esta este ha han la las lo los mas no o para pero por "
	  "que se sin sobre su sus un una y ya fue son entre tras desde cuando tambien muy "
	  "hay le les me mi nos" },
	{ "it", "italian",
	  "a al alla alle anche che chi con da dal dalla dei del della delle di e gli ha hanno "
	  "il in la le lo ma nei nel nella non per piu se si sono su sua suo tra un una uno "
	  "ad come dopo questo questa quello" },
	{ "pt", "portuguese",
	  "a ao aos as com como da das de do dos e em entre era foi ha isso mais mas na nas "
	  "no nos o os ou para pela pelo por que se sem ser seu sua suas tem um uma ja ate "
	  "apos sobre tambem quando" },
};
#define N_LANGS (sizeof langs / sizeof *langs)

struct rv_analyzer {
	struct sb_stemmer *stemmer[N_LANGS];
	bool stemmer_failed[N_LANGS];
	double title_weight;
	unsigned stemmed[N_LANGS]; /* languages texts were stemmed in so far, for short texts */
	unsigned passes;           /* RV_ANALYZE_* */
	rv_stem_cache *stems;      /* created on first use */
	bool stems_failed;
};

/* Stop words of every language in one open-addressing set keyed by a hash
 * of (language index, word); built once, read-only after. */
#define STOP_SLOTS 4096
static uint64_t stop_set[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint64_t stop_key(size_t lang, const char *w, size_t n)
{
	uint64_t h = XXH3_64bits_withSeed(w, n, lang + 1);
	return h ? h : 1;
}

static void stop_add(uint64_t k)
{
	size_t i = k & (STOP_SLOTS - 1);
	while (stop_set[i] && stop_set[i] != k)
		i = (i + 1) & (STOP_SLOTS - 1);
	stop_set[i] = k;
}

static void stop_build(void)
{
	for (size_t l = 0; l < N_LANGS; l++) {
		const char *p = langs[l].stop;
		while (*p) {
			const char *e = strchr(p, ' ');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (n)
				stop_add(stop_key(l, p, n));
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

static int lang_index(const char *lang)
{
	if (!lang || strlen(lang) < 2)
		return -1;
	for (size_t i = 0; i < N_LANGS; i++)
		if (!strncmp(lang, langs[i].code, 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_'))
			return (int)i;
	return -1;
}

static bool stop_has(int l, const char *tok, size_t len)
{
	if (l < 0)
		return false;
	pthread_once(&stop_once, stop_build);
	uint64_t k = stop_key((size_t)l, tok, len);
	size_t i = k & (STOP_SLOTS - 1);
	while (stop_set[i]) {
		if (stop_set[i] == k)
			return true;
		i = (i + 1) & (STOP_SLOTS - 1);
	}
	return false;
}

int rv_is_stopword(const char *lang, const char *tok, size_t len)
{
	return stop_has(lang_index(lang), tok, len);
}

int rv_analyzer_new(rv_analyzer **out, rv_error *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	(*out)->title_weight = RV_TITLE_WEIGHT_DEFAULT;
	(*out)->passes = RV_ANALYZE_ALL;
	return RV_OK;
}

void rv_analyzer_free(rv_analyzer **a)
{
	if (!a || !*a)
		return;
	for (size_t i = 0; i < N_LANGS; i++)
		if ((*a)->stemmer[i])
			sb_stemmer_delete((*a)->stemmer[i]);
	rv_stem_cache_free((*a)->stems);
	free(*a);
	*a = NULL;
	rv_lang_cleanup(); /* the detector's per-thread context */
}

void rv_analyzer_set_passes(rv_analyzer *an, unsigned passes)
{
	an->passes = passes & RV_ANALYZE_ALL;
}

void rv_analyzer_set_title_weight(rv_analyzer *an, double w)
{
	an->title_weight = w > 0 ? w : 1.0;
}

/* Append the folded form of cp to out (at most cap bytes in total). */
static size_t fold_cp(int32_t cp, char *out, size_t at, size_t cap)
{
	if (cp < 128) {
		if (at < cap)
			out[at++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return at;
	}
	utf8proc_int32_t dec[8];
	int boundclass = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
		cp, dec, 8, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
		&boundclass);
	if (n < 0 || n > 8) {
		dec[0] = cp;
		n = 1;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		char enc[4];
		size_t k = rv_utf8_encode(dec[i], enc);
		if (at + k > cap)
			return at;
		memcpy(out + at, enc, k);
		at += k;
	}
	return at;
}

/* Three ASCII digits at p, then no more digits or letters: a group of a
 * figure's thousands ("000" of "2 000"). */
static bool digit_group_at(const char *p, const char *end)
{
	if (end - p < 3 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] < '0' ||
	    p[2] > '9')
		return false;
	return end - p == 3 || !((p[3] >= '0' && p[3] <= '9') || (p[3] >= 'a' && p[3] <= 'z') ||
				 (p[3] >= 'A' && p[3] <= 'Z'));
}

/* A figure's thousands written apart ("2 000", "1 200 000", with a space,
 * a no-break space or a thin one, as French writes them): the token so far
 * is digits in groups of at most three, the last group 1-3 digits long,
 * and three digits follow the space (digit_group_at). "2019 200"
 * stays apart; "Top 10 100" reads as ten thousand one hundred, as it may
 * well be. */
static bool thousands_space(int32_t cp, const char *tok, size_t n, const char *p, const char *end)
{
	if (cp != ' ' && cp != 0xA0 && cp != 0x202F && cp != 0x2009 && cp != 0x2007)
		return false;
	size_t group = 0, groups = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && tok[i] >= '0' && tok[i] <= '9') {
			group++;
			continue;
		}
		if (i < n && tok[i] != '.')
			return false;
		/* the first group has 1-3 digits, every later one 3 ("3.5" is a decimal) */
		if (groups ? group != 3 : group < 1 || group > 3)
			return false;
		groups++;
		group = 0;
	}
	return digit_group_at(p, end);
}

void rv_tokenize(const char *text, size_t len, rv_token_fn fn, void *ctx)
{
	const char *p = text, *end = text + len;
	char tok[TOKEN_MAX + 8];
	size_t n = 0, start = 0;
	bool in = false, overlong = false;
	while (p < end) {
		const char *at = p;
		int32_t cp;
		if ((unsigned char)*p < 128) {
			cp = (unsigned char)*p++;
		} else {
			cp = rv_utf8_next(&p, end);
		}
		/* "8.500", "3,5", "1,000": one number, separators folded to '.' */
		if (in && (cp == '.' || cp == ',') && n && tok[n - 1] >= '0' && tok[n - 1] <= '9' &&
		    p < end && *p >= '0' && *p <= '9') {
			if (n < TOKEN_MAX)
				tok[n++] = '.';
			continue;
		}
		/* "2 000 soldats": one figure, as "2,000 troops" is */
		if (in && n && thousands_space(cp, tok, n, p, end)) {
			if (n < TOKEN_MAX)
				tok[n++] = '.';
			continue;
		}
		if (rv_cp_is_alnum(cp)) {
			if (!in) {
				in = true;
				overlong = false;
				n = 0;
				start = (size_t)(at - text);
			}
			size_t m = fold_cp(cp, tok, n, TOKEN_MAX);
			/* nothing added (the token is full), and not a combining mark
			 * that folding drops on purpose */
			if (m == n && (cp < 128 || (utf8proc_category(cp) != UTF8PROC_CATEGORY_MN &&
						    utf8proc_category(cp) != UTF8PROC_CATEGORY_MC)))
				overlong = true;
			n = m;
			continue;
		}
		if (in) {
			if (n && !overlong) {
				tok[n] = '\0';
				fn(tok, n, start, ctx);
			}
			in = false;
		}
	}
	if (in && n && !overlong) {
		tok[n] = '\0';
		fn(tok, n, start, ctx);
	}
}

size_t rv_token_span(const char *text, size_t off, const char *tok, size_t len)
{
	const char *start = text + off, *p = start, *end = start + strlen(start);
	if (tok[0] >= '0' && tok[0] <= '9') {
		/* a figure: one character of the text for each of the token's, a
		 * digit, or a separator of any width for its '.' */
		for (size_t i = 0; i < len && p < end; i++)
			rv_utf8_next(&p, end);
		return (size_t)(p - start);
	}
	while (p < end) {
		const char *at = p;
		if (!rv_cp_is_alnum(rv_utf8_next(&p, end))) {
			p = at;
			break;
		}
	}
	return (size_t)(p - start);
}

static struct sb_stemmer *stemmer_for(rv_analyzer *an, int l)
{
	if (l < 0 || an->stemmer_failed[l])
		return NULL;
	if (!an->stemmer[l]) {
		an->stemmer[l] = sb_stemmer_new(langs[l].snowball, "UTF_8");
		if (!an->stemmer[l])
			an->stemmer_failed[l] = true;
	}
	return an->stemmer[l];
}

static size_t copy_out(const char *s, size_t len, char *out, size_t cap)
{
	if (!cap)
		return 0;
	size_t n = len < cap - 1 ? len : cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

size_t rv_stem(rv_analyzer *an, const char *lang, const char *tok, size_t len, char *out,
	       size_t cap)
{
	struct sb_stemmer *st = an ? stemmer_for(an, lang_index(lang)) : NULL;
	if (!st)
		return copy_out(tok, len, out, cap);
	if (!an->stems && !an->stems_failed) {
		an->stems = rv_stem_cache_new();
		an->stems_failed = !an->stems;
	}
	int sl;
	const char *s = rv_stem_cached(an->stems, st, tok, len, &sl);
	if (!s)
		return copy_out(tok, len, out, cap);
	return copy_out(s, (size_t)sl, out, cap);
}

/* ---- language guess from stop words, when detection said nothing ---- */

struct guess {
	int hits[N_LANGS];
	int seen;
};

static void guess_token(const char *tok, size_t len, size_t off, void *ctx)
{
	(void)off;
	struct guess *g = ctx;
	if (g->seen >= 300)
		return;
	g->seen++;
	for (size_t l = 0; l < N_LANGS; l++)
		if (stop_has((int)l, tok, len))
			g->hits[l]++;
}

/* The language whose stop words are most frequent, NULL when too few. The
 * lists overlap ("a", "de"), so a clear winner is required. */
static const char *guess_language(const char *title, const char *text)
{
	struct guess g = { 0 };
	if (text)
		rv_tokenize(text, strlen(text), guess_token, &g);
	if (g.seen < 300 && title)
		rv_tokenize(title, strlen(title), guess_token, &g);
	int best = -1, second = 0;
	for (size_t l = 0; l < N_LANGS; l++) {
		if (best < 0 || g.hits[l] > g.hits[best]) {
			if (best >= 0)
				second = g.hits[best];
			best = (int)l;
		} else if (g.hits[l] > second) {
			second = g.hits[l];
		}
	}
	if (best < 0 || g.hits[best] < 2 || g.hits[best] <= second)
		return NULL;
	return langs[best].code;
}

/* ---- terms: stems with weights ---- */

typedef struct term_map {
	rv_term *slots; /* open addressing by term; term NULL = empty */
	size_t cap, len;
} term_map;

struct term_ctx {
	const char *src; /* the text being tokenized, for capitals */
	bool caps;       /* capitals mark names here (not a headline-case title) */
	rv_analyzer *an;
	const char *lang;
	int li;
	term_map *map;
	float weight;
	int count, max;
	bool nomem;
	bool headline; /* a short text: see headline_word() */
	uint8_t weekdays; /* the days of the week named (rv_article.weekdays) */
};

static bool map_grow(term_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 256;
	rv_term *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return false;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].term)
			continue;
		size_t j = XXH3_64bits(m->slots[i].term, strlen(m->slots[i].term)) & (ncap - 1);
		while (ns[j].term)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return true;
}

static bool map_add(term_map *m, const char *t, size_t n, float w)
{
	if ((m->len + 1) * 2 > m->cap && !map_grow(m))
		return false;
	size_t j = XXH3_64bits(t, n) & (m->cap - 1);
	while (m->slots[j].term) {
		if (!strncmp(m->slots[j].term, t, n) && !m->slots[j].term[n]) {
			m->slots[j].weight += w;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	if (!(m->slots[j].term = rv_strndup(t, n)))
		return false;
	m->slots[j].weight = w;
	m->len++;
	return true;
}

/* A word written with a capital inside a sentence is most likely a name:
 * the cheapest entity evidence there is, and it works in every language
 * that has capitals. */
#define RV_NAME_BOOST 1.5f

static bool looks_like_name(const char *src, size_t off)
{
	const char *p = src + off;
	int32_t cp = rv_utf8_next(&p, p + 4);
	if (!rv_cp_is_upper(cp))
		return false;
	/* sentence start: only spaces/quotes back to . ! ? : or the start */
	size_t i = off;
	while (i > 0) {
		unsigned char ch = (unsigned char)src[i - 1];
		if (ch == ' ' || ch == '"' || ch == '\'' || ch == '(' || ch == '\t' || ch >= 0x80) {
			if (ch >= 0x80 && ch != 0xC2 && ch != 0xA0 && ch != 0xAB && ch != 0xBB &&
			    ch != 0xE2 && ch != 0x80 && ch != 0x9C && ch != 0x9D && ch != 0x98 &&
			    ch != 0x99)
				return true; /* a letter before: inside a sentence */
			i--;
			continue;
		}
		return !(ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '\n' || ch == '-');
	}
	return false;
}

/* Headline case ("Judge Orders White House To ...") says nothing about
 * names: capitals count only when most words are lower-case. */
struct caps_count {
	int words, upper;
	const char *src;
};

static void caps_token(const char *tok, size_t len, size_t off, void *ctx)
{
	(void)tok;
	(void)len;
	struct caps_count *c = ctx;
	const char *p = c->src + off;
	c->words++;
	if (rv_cp_is_upper(rv_utf8_next(&p, p + 4)))
		c->upper++;
}

static bool capitals_mark_names(const char *s)
{
	struct caps_count c = { .src = s };
	rv_tokenize(s, strlen(s) < 400 ? strlen(s) : 400, caps_token, &c);
	return c.words > 0 && c.upper * 2 < c.words;
}

#ifndef RV_NUMBER_BOOST
#define RV_NUMBER_BOOST 5.0f
#endif

/* Three digits or more, and not a year of the last century or this one. */
static bool is_specific_number(const char *tok, size_t len)
{
	size_t digits = 0;
	long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (tok[i] >= '0' && tok[i] <= '9') {
			digits++;
			if (v < 100000000)
				v = v * 10 + (tok[i] - '0');
		}
	}
	if (digits < 3)
		return false;
	return !(digits == 4 && len == 4 && v >= 1900 && v <= 2100);
}

/* The bit of a (folded) day of the week, English or French, 0 for any
 * other word. A report says on which day its happening took place ("the
 * House voted Thursday"): two reports of one happening name the same day,
 * two turns of one story name different ones (the grouper reads it). */
static uint8_t weekday_bit(const char *tok, size_t len)
{
	static const char *const days[][2] = {
		{ "monday", "lundi" }, { "tuesday", "mardi" }, { "wednesday", "mercredi" },
		{ "thursday", "jeudi" }, { "friday", "vendredi" }, { "saturday", "samedi" },
		{ "sunday", "dimanche" },
	};
	/* most stop words are shorter, or start otherwise: one test each */
	if (len < 5 || len > 9 || !strchr("mtwfsljvd", tok[0]))
		return 0;
	for (unsigned d = 0; d < 7; d++)
		for (unsigned l = 0; l < 2; l++)
			if (strlen(days[d][l]) == len && !memcmp(days[d][l], tok, len))
				return (uint8_t)(1u << d);
	return 0;
}

static void term_token(const char *tok, size_t len, size_t off, void *ctx)
{
	struct term_ctx *c = ctx;
	if (c->nomem || c->count >= c->max)
		return;
	c->count++;
	/* One-letter words carry nothing; numbers of one digit neither. */
	if (len < 2 || stop_has(c->li, tok, len)) {
		c->weekdays |= weekday_bit(tok, len);
		return;
	}
	/* A headline's date ("Horoscope du 28 juin 2019", "Euronews Soir :
	 * l'actualite du 26 juin") says when it was written, which the
	 * publication date tells, not what happened: headlines of one day on
	 * unrelated subjects met on it. In a full report a date names the
	 * happening (two attacks on one city years apart), so it stays. */
	if (c->headline && rv_month_number(tok, len, RV_MONTH_FULL_NAME))
		return;
	char stem[TOKEN_MAX + 8];
	float w = c->weight;
	size_t n;
	if (tok[0] >= '0' && tok[0] <= '9') {
		/* numbers are evidence in any language; not stemmed. A figure
		 * ("8.500", "130000") names one happening far better than a
		 * small count or a year does. Not in a headline, though: its
		 * few words make one boosted number most of its vector, and
		 * prices, scores and counts recur in unrelated headlines ("a 89
		 * euros", "Top 10", "Soldes 2019"). */
		n = copy_out(tok, len, stem, sizeof stem);
		if (!c->headline)
			w *= is_specific_number(tok, len) ? RV_NUMBER_BOOST : RV_NAME_BOOST;
	} else {
		n = rv_stem(c->an, c->lang, tok, len, stem, sizeof stem);
		if (c->caps && looks_like_name(c->src, off))
			w *= RV_NAME_BOOST;
	}
	if (!n)
		return;
	if (!map_add(c->map, stem, n, w))
		c->nomem = true;
}

static int term_cmp(const void *a, const void *b)
{
	return strcmp(((const rv_term *)a)->term, ((const rv_term *)b)->term);
}

/* Is the body just the title again (headline-only records)? */
static bool body_is_title(const char *title, const char *text)
{
	const char *t = rv_str_ltrim(title), *b = rv_str_ltrim(text);
	size_t tn = rv_str_rtrim_len(t, strlen(t)), bn = rv_str_rtrim_len(b, strlen(b));
	return tn == bn && !memcmp(t, b, tn);
}

static void count_word(const char *tok, size_t len, size_t off, void *ctx)
{
	(void)tok;
	(void)len;
	(void)off;
	(*(size_t *)ctx)++;
}

/* Words of the title and the body, counted up to a little more than limit. */
static size_t text_words(const rv_article *a, size_t limit)
{
	size_t n = 0;
	if (a->title)
		rv_tokenize(a->title, strnlen(a->title, limit * 16), count_word, &n);
	if (a->text && n <= limit && !(a->title && body_is_title(a->title, a->text)))
		rv_tokenize(a->text, strnlen(a->text, limit * 16), count_word, &n);
	return n;
}

static bool is_headline(const rv_article *a)
{
	return text_words(a, SHORT_TEXT_WORDS) <= SHORT_TEXT_WORDS;
}

/* headline: is_headline(a), which the caller may already know. */
static int build_terms(rv_analyzer *an, rv_article *a, const char *lang, bool headline, rv_error *err)
{
	term_map m = { 0 };
	struct term_ctx c = { .an = an, .lang = lang, .li = lang_index(lang), .map = &m,
			      .headline = headline };
	bool has_title = a->title && *a->title;
	bool has_text = a->text && *a->text;
	if (has_title) {
		c.weight = (float)an->title_weight;
		c.max = 200;
		c.src = a->title;
		c.caps = capitals_mark_names(a->title);
		rv_tokenize(a->title, strlen(a->title), term_token, &c);
	}
	if (has_text && !(has_title && body_is_title(a->title, a->text))) {
		c.weight = 1.0f;
		c.count = 0;
		c.src = a->text;
		c.caps = capitals_mark_names(a->text);
		c.max = BODY_TOKENS_MAX;
		rv_tokenize(a->text, strlen(a->text), term_token, &c);
	}
	if (c.nomem) {
		for (size_t i = 0; i < m.cap; i++)
			free(m.slots[i].term);
		free(m.slots);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	/* Compact in place, then sort by term. */
	size_t n = 0;
	for (size_t i = 0; i < m.cap; i++)
		if (m.slots[i].term)
			m.slots[n++] = m.slots[i];
	if (n)
		qsort(m.slots, n, sizeof *m.slots, term_cmp);
	for (size_t i = 0; i < a->n_terms; i++)
		free(a->terms[i].term);
	free(a->terms);
	a->terms = n ? m.slots : NULL;
	a->n_terms = n;
	a->weekdays = c.weekdays;
	if (!n)
		free(m.slots);
	return RV_OK;
}

int rv_terms_build(rv_analyzer *an, rv_article *a, const char *lang, rv_error *err)
{
	return build_terms(an, a, lang, is_headline(a), err);
}

static int analyze_terms(rv_analyzer *an, rv_article *a, bool detected, rv_error *err);

int rv_analyze(rv_analyzer *an, rv_article *a, rv_error *err)
{
	int rc;
	rv_article_clear_analysis(a); /* analysing twice gives the same result */
	bool detected = !a->lang || !*a->lang;
	if (detected) {
		/* The title and the start of the body: a page whose extracted body
		 * is tiny still has a telling title. */
		rv_buf basis;
		rv_buf_init(&basis, 8192);
		if (a->title && *a->title) {
			rv_buf_puts(&basis, a->title);
			rv_buf_puts(&basis, "\n");
		}
		if (a->text) {
			rv_buf_append(&basis, a->text, rv_utf8_prefix(a->text, strlen(a->text), 4096));
		}
		const char *lang = rv_detect_language(an, rv_buf_str(&basis), basis.len);
		rv_buf_release(&basis);
		free(a->lang);
		a->lang = strcmp(lang, "und") ? strdup(lang) : NULL;
	}
	if (an->passes & RV_ANALYZE_TERMS && (rc = analyze_terms(an, a, detected, err)))
		return rc;
	if (an->passes & RV_ANALYZE_FACTS &&
	    ((rc = rv_find_entities(a, err)) || (rc = rv_find_quotes(a, err)) ||
	     (rc = rv_find_figures(a, err))))
		return rc;
	return RV_OK;
}

void rv_analyzer_count_stemmed(rv_analyzer *an, const char *lang, unsigned n)
{
	int li = lang_index(lang);
	if (li >= 0)
		an->stemmed[li] = an->stemmed[li] > UINT_MAX - n ? UINT_MAX : an->stemmed[li] + n;
}

void rv_analyzer_uncount_stemmed(rv_analyzer *an, const char *lang)
{
	int li = lang_index(lang);
	if (li >= 0 && an->stemmed[li] > 0)
		an->stemmed[li]--;
}

int rv_analyzer_each_stemmed(const rv_analyzer *an, rv_stem_count_fn fn, void *ctx)
{
	int rc = RV_OK;
	for (size_t l = 0; l < N_LANGS && !rc; l++)
		if (an->stemmed[l])
			rc = fn(langs[l].code, an->stemmed[l], ctx);
	return rc;
}

/* The language most of the stream's texts were stemmed in, when it clearly
 * has one; -1 otherwise. */
static int stream_language(const rv_analyzer *an)
{
	unsigned total = 0, top = 0;
	int best = -1;
	for (size_t l = 0; l < N_LANGS; l++) {
		total += an->stemmed[l];
		if (an->stemmed[l] > top) {
			top = an->stemmed[l];
			best = (int)l;
		}
	}
	return best >= 0 && total >= 10 && top * 10 >= total * 8 ? best : -1;
}

/* Stems for grouping; detected: a->lang is detection's answer, not the
 * record's own. */
static int analyze_terms(rv_analyzer *an, rv_article *a, bool detected, rv_error *err)
{
	/* Stems need a language. Detection on a headline of a few words is a
	 * guess (a French headline typed without accents comes out Romanian,
	 * Italian or English), so for a short text, as when detection was
	 * unsure, the stop words decide, and without telling stop words the
	 * language of most of the stream so far (French .8034 -> .8084 on the
	 * clustering set's headlines). A language the record declared is kept;
	 * a->lang itself is not changed. */
	const char *stem_lang = a->lang;
	bool headline = is_headline(a);
	if (lang_index(stem_lang) < 0 || (detected && headline)) {
		const char *guess = guess_language(a->title, a->text);
		if (lang_index(guess) >= 0) {
			stem_lang = guess;
		} else {
			int best = stream_language(an);
			if (best >= 0)
				stem_lang = langs[best].code;
		}
	}
	int li = lang_index(stem_lang);
	a->stem_lang = NULL;
	if (li >= 0) {
		an->stemmed[li]++;
		a->stem_lang = langs[li].code;
	}
	return build_terms(an, a, stem_lang, headline, err);
}
