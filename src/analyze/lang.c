/* lang.c - language identification of a text (titles, feed items, bodies).
 *
 * Evidence, strongest first:
 *  1. the writing system: Greek, Hebrew, Georgian, Hangul, Thai, kana ...
 *     each belong to one supported language, so the script answers alone;
 *  2. letters that only some languages of a script use (Ukrainian ї є ґ,
 *     Belarusian ў, Serbian ђ ћ џ, Urdu ے ں ٹ, Persian پ چ ژ گ ک ی ...);
 *  3. libexttextcat's character n-gram fingerprints, compared with the text
 *     for every candidate language of its script (fp_Compare, without the
 *     cut-off textcat_Classify applies, so every candidate gets a distance);
 *  4. frequent function words (lang_words.c), which separate the neighbours
 *     n-grams confuse (pt/es, da/nb, hr/bs, id/ms, cs/sk ...).
 * Only the first RV_LANG_SCAN bytes are read: a few kilobytes decide as well
 * as a whole article, and the time per call stays bounded.
 *
 * The fingerprints and the word table live in a per-thread context built on
 * first use and freed by rv_lang_cleanup() (lang.h).
 */
#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "analyze/lang_words.h"
#include "core/utf8.h"

#include <fingerprint.h>
#include <textcat.h>

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Bytes of the text that are looked at. */
#define RV_LANG_SCAN 2048
/* Texts shorter than this (in characters) need decisive evidence. */
#define RV_LANG_SHORT 20
/* ... and so are texts with fewer letters than this in their script. */
#define RV_LANG_FEW_LETTERS 10
/* Where Debian's libexttextcat-data puts the fingerprints. */
#define RV_TEXTCAT_DIR "/usr/share/libexttextcat"
/* Bytes of the normalized text: look-alikes may double a letter. */
#define NORM_CAP (2 * RV_LANG_SCAN + 64)
/* n-grams per fingerprint, as textcat_Init uses. */
#define RV_NGRAMS 400

enum script {
	SC_NONE,
	SC_LATIN,
	SC_CYRILLIC,
	SC_ARABIC,
	SC_DEVANAGARI,
	SC_GREEK,
	SC_HEBREW,
	SC_ARMENIAN,
	SC_GEORGIAN,
	SC_THAI,
	SC_HANGUL,
	SC_HAN,
	SC_KANA,
	SC_BENGALI,
	SC_GURMUKHI,
	SC_GUJARATI,
	SC_ORIYA,
	SC_TAMIL,
	SC_TELUGU,
	SC_KANNADA,
	SC_MALAYALAM,
	SC_SINHALA,
	SC_LAO,
	SC_TIBETAN,
	SC_MYANMAR,
	SC_ETHIOPIC,
	SC_KHMER,
	SC_INHERITED, /* combining marks: take the script of the letter before */
	SC_COUNT
};

static const struct script_range {
	int32_t lo, hi;
	uint8_t script;
} script_ranges[] = {
    {0x0041, 0x005A, SC_LATIN},      {0x0061, 0x007A, SC_LATIN},     {0x00AA, 0x00AA, SC_LATIN},
    {0x00BA, 0x00BA, SC_LATIN},      {0x00C0, 0x00D6, SC_LATIN},     {0x00D8, 0x00F6, SC_LATIN},
    {0x00F8, 0x02AF, SC_LATIN},      {0x0300, 0x036F, SC_INHERITED}, {0x0370, 0x03FF, SC_GREEK},
    {0x0400, 0x052F, SC_CYRILLIC},   {0x0531, 0x058F, SC_ARMENIAN},  {0x0591, 0x05FF, SC_HEBREW},
    {0x0600, 0x06FF, SC_ARABIC},     {0x0750, 0x077F, SC_ARABIC},    {0x08A0, 0x08FF, SC_ARABIC},
    {0x0900, 0x097F, SC_DEVANAGARI}, {0x0980, 0x09FF, SC_BENGALI},   {0x0A00, 0x0A7F, SC_GURMUKHI},
    {0x0A80, 0x0AFF, SC_GUJARATI},   {0x0B00, 0x0B7F, SC_ORIYA},     {0x0B80, 0x0BFF, SC_TAMIL},
    {0x0C00, 0x0C7F, SC_TELUGU},     {0x0C80, 0x0CFF, SC_KANNADA},   {0x0D00, 0x0D7F, SC_MALAYALAM},
    {0x0D80, 0x0DFF, SC_SINHALA},    {0x0E00, 0x0E7F, SC_THAI},      {0x0E80, 0x0EFF, SC_LAO},
    {0x0F00, 0x0FFF, SC_TIBETAN},    {0x1000, 0x109F, SC_MYANMAR},   {0x10A0, 0x10FF, SC_GEORGIAN},
    {0x1100, 0x11FF, SC_HANGUL},     {0x1200, 0x139F, SC_ETHIOPIC},  {0x1780, 0x17FF, SC_KHMER},
    {0x1AB0, 0x1AFF, SC_INHERITED},  {0x1C80, 0x1C8F, SC_CYRILLIC},  {0x1C90, 0x1CBF, SC_GEORGIAN},
    {0x1DC0, 0x1DFF, SC_INHERITED},  {0x1E00, 0x1EFF, SC_LATIN},     {0x1F00, 0x1FFF, SC_GREEK},
    {0x2C60, 0x2C7F, SC_LATIN},      {0x2D00, 0x2D2F, SC_GEORGIAN},  {0x2DE0, 0x2DFF, SC_CYRILLIC},
    {0x3040, 0x309F, SC_KANA},       {0x30A0, 0x30FF, SC_KANA},      {0x3130, 0x318F, SC_HANGUL},
    {0x31F0, 0x31FF, SC_KANA},       {0x3400, 0x4DBF, SC_HAN},       {0x4E00, 0x9FFF, SC_HAN},
    {0xA640, 0xA69F, SC_CYRILLIC},   {0xA720, 0xA7FF, SC_LATIN},     {0xAB30, 0xAB6F, SC_LATIN},
    {0xAC00, 0xD7AF, SC_HANGUL},     {0xF900, 0xFAFF, SC_HAN},       {0xFB00, 0xFB06, SC_LATIN},
    {0xFB1D, 0xFB4F, SC_HEBREW},     {0xFB50, 0xFDFF, SC_ARABIC},    {0xFE70, 0xFEFF, SC_ARABIC},
    {0xFF21, 0xFF3A, SC_LATIN},      {0xFF41, 0xFF5A, SC_LATIN},     {0xFF66, 0xFF9F, SC_KANA},
    {0x20000, 0x3134F, SC_HAN},
};

/* Scripts written by a single supported language. */
static const char *const script_lang[SC_COUNT] = {
    [SC_GREEK] = "el",    [SC_HEBREW] = "he",   [SC_ARMENIAN] = "hy", [SC_GEORGIAN] = "ka",
    [SC_THAI] = "th",     [SC_HANGUL] = "ko",   [SC_HAN] = "zh",      [SC_KANA] = "ja",
    [SC_BENGALI] = "bn",  [SC_GURMUKHI] = "pa", [SC_GUJARATI] = "gu", [SC_ORIYA] = "or",
    [SC_TAMIL] = "ta",    [SC_TELUGU] = "te",   [SC_KANNADA] = "kn",  [SC_MALAYALAM] = "ml",
    [SC_SINHALA] = "si",  [SC_LAO] = "lo",      [SC_TIBETAN] = "bo",  [SC_MYANMAR] = "my",
    [SC_ETHIOPIC] = "am", [SC_KHMER] = "km",
};

/* The languages told apart by n-grams and words, with their fingerprint. */
static const struct lang_model {
	const char *code;
	const char *lm; /* file name in RV_TEXTCAT_DIR, without ".lm" */
	uint8_t script;
} models[] = {
    {"en", "en", SC_LATIN},      {"fr", "fr", SC_LATIN},    {"de", "de", SC_LATIN},
    {"es", "es", SC_LATIN},      {"it", "it", SC_LATIN},    {"pt", "pt", SC_LATIN},
    {"nl", "nl", SC_LATIN},      {"pl", "pl", SC_LATIN},    {"ca", "ca", SC_LATIN},
    {"ro", "ro", SC_LATIN},      {"cs", "cs", SC_LATIN},    {"sk", "sk", SC_LATIN},
    {"sl", "sl", SC_LATIN},      {"hr", "hr", SC_LATIN},    {"bs", "bs", SC_LATIN},
    {"hu", "hu", SC_LATIN},      {"fi", "fi", SC_LATIN},    {"et", "et", SC_LATIN},
    {"lv", "lv", SC_LATIN},      {"lt", "lt", SC_LATIN},    {"sv", "sv", SC_LATIN},
    {"da", "da", SC_LATIN},      {"nb", "nb", SC_LATIN},    {"nn", "nn", SC_LATIN},
    {"is", "is", SC_LATIN},      {"tr", "tr", SC_LATIN},    {"az", "az", SC_LATIN},
    {"id", "id", SC_LATIN},      {"ms", "ms", SC_LATIN},    {"tl", "tl", SC_LATIN},
    {"sw", "sw", SC_LATIN},      {"af", "af", SC_LATIN},    {"ga", "ga", SC_LATIN},
    {"cy", "cy", SC_LATIN},      {"eu", "eu", SC_LATIN},    {"eo", "eo", SC_LATIN},
    {"la", "la", SC_LATIN},      {"sq", "sq", SC_LATIN},    {"vi", "vi", SC_LATIN},
    {"mi", "mi", SC_LATIN},      {"yo", "yo", SC_LATIN},    {"so", "so", SC_LATIN},
    {"zu", "zu", SC_LATIN},      {"xh", "xh", SC_LATIN},    {"st", "st", SC_LATIN},
    {"tn", "tn", SC_LATIN},      {"ts", "ts", SC_LATIN},    {"lg", "lg", SC_LATIN},
    {"ru", "ru", SC_CYRILLIC},   {"uk", "uk", SC_CYRILLIC}, {"be", "be", SC_CYRILLIC},
    {"bg", "bg", SC_CYRILLIC},   {"mk", "mk", SC_CYRILLIC}, {"sr", "sr-Cyrl", SC_CYRILLIC},
    {"kk", "kk", SC_CYRILLIC},   {"mn", "mn", SC_CYRILLIC}, {"ar", "ar", SC_ARABIC},
    {"fa", "fa", SC_ARABIC},     {"ur", "ur", SC_ARABIC},   {"hi", "hi", SC_DEVANAGARI},
    {"mr", "mr", SC_DEVANAGARI},
};
#define N_MODELS (sizeof models / sizeof models[0])
_Static_assert(N_MODELS <= 64, "word masks are 64 bits");

/* Letters that set languages of one script apart. "own": frequent in the
 * language, rare in its neighbours; "never": not in its alphabet (a few
 * may come with a quoted name, so they weigh by their share of letters).
 * For the Latin script, "alpha" lists the letters beyond ASCII a language
 * writes (NULL: no such limit); every other accented letter is a "never". */
static const struct letter_rule {
	const char *code;
	const char *own;
	const char *never;
	const char *alpha;
} letter_rules[] = {
    {"ru", "ыэё", "іїєґўђћџѓќѕјљњәғқңөұүһ", NULL},
    {"uk", "іїєґ", "ыэёъўђћџѓќѕјљњәғқңөұүһ", NULL},
    {"be", "ўі", "ищъїєґђћџѓќѕјљњәғқңөұүһ", NULL},
    {"bg", "ъ", "ыэёіїєґўђћџѓќѕјљњәғқңөұүһ", NULL},
    {"mk", "ѓќѕјљњ", "йщьъюяыэёіїєґўђћәғқңөұүһ", NULL},
    {"sr", "ђћџјљњ", "йщьъюяыэёіїєґўѓќѕәғқңөұүһ", NULL},
    {"kk", "әғқңөұүһі", "їєґўђћџѓќѕјљњ", NULL},
    {"mn", "өү", "әғқңұһіїєґўђћџѓќѕјљњ", NULL},
    {"ar", "يكةى", "پچژگکیےںٹڈڑھ", NULL},
    {"fa", "پچژگکی", "ےںٹڈڑھيكة", NULL},
    {"ur", "ےںٹڈڑھ", "ژيكة", NULL},
    {"mr", "ळ", "", NULL},
    {"hi", "", "ळ", NULL},
    {"en", "", "", ""},
    {"fr", "œ", "", "àâæçéèêëîïôœùûüÿ"},
    {"de", "ß", "", "äöüßé"},
    {"es", "ñ", "", "áéíóúüñ"},
    {"it", "", "", "àèéìíòóùú"},
    {"pt", "ãõ", "", "áâãàçéêíóôõú"},
    {"nl", "", "", "éëïöüèáóäí"},
    {"pl", "łąęśźżćń", "", "ąćęłńóśźż"},
    {"ca", "", "", "àçéèíïòóúü"},
    {"ro", "ășțşţ", "", "ăâîșțşţã"}, /* ã: ă in legacy fonts */
    {"cs", "ěřů", "", "áčďéěíňóřšťúůýž"},
    {"sk", "ľĺŕô", "", "áäčďéíĺľňóôŕšťúýž"},
    {"sl", "", "", "čšžćđ"},
    {"hr", "", "", "čćđšž"},
    {"bs", "", "", "čćđšž"},
    {"hu", "őű", "", "áéíóöőúüűõû"}, /* õ û: ő ű in Latin-1 */
    {"fi", "", "", "äöåšž"},
    {"et", "", "", "äöõüšž"},
    {"lv", "āēīķļņģ", "", "āčēģīķļņšūž"},
    {"lt", "ėįų", "", "ąčęėįšųūž"},
    {"sv", "", "", "åäöé"},
    {"da", "", "", "æøåé"},
    {"nb", "", "", "æøåéòóô"},
    {"nn", "", "", "æøåéòóô"},
    {"is", "ðþ", "", "áðéíóúýþæö"},
    {"tr", "", "", "çğıöşüâîûþýð"}, /* þ ý ð: ş ı ğ read as Latin-1 */
    {"az", "ə", "", "çəğıöşü"},
    {"id", "", "", "é"},
    {"ms", "", "", "é"},
    {"tl", "", "", "ñ"},
    {"sw", "", "", ""},
    {"af", "", "", "êëéèôîïûáóú"},
    {"ga", "", "", "áéíóú"},
    {"cy", "ŵŷ", "", "âêîôûŵŷáéíóúàèìòùäëïöü"},
    {"eu", "", "", "ñ"},
    {"eo", "ĉĝĥĵŝŭ", "", "ĉĝĥĵŝŭ"},
    {"la", "", "", "āēīōūȳæœë"},
    {"sq", "", "", "çë"},
    {"vi", "ơưđạảấầẩẫậắằẳẵặẻẽếềểễệỉịỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", "",
     "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"},
    {"mi", "", "", "āēīōū"},
    {"yo", "ẹọṣ", "", "àáèéẹìíòóọṣùúńǹḿ"},
    {"so", "", "", ""},
    {"zu", "", "", ""},
    {"xh", "", "", ""},
    {"st", "", "", "š"},
    {"tn", "", "", "šêô"},
    {"ts", "", "", ""},
    {"lg", "", "", "ŋ"},
};

const char *const rv_lang_supported[] = {
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "ca", "ro", "cs", "sk", "sl", "hr",
    "bs", "hu", "fi", "et", "lv", "lt", "sv", "da", "nb", "nn", "is", "tr", "az", "id",
    "ms", "tl", "sw", "af", "ga", "cy", "eu", "eo", "la", "sq", "vi", "mi", "yo", "so",
    "zu", "xh", "st", "tn", "ts", "lg", "ru", "uk", "be", "bg", "mk", "sr", "kk", "mn",
    "ar", "fa", "ur", "hi", "mr", "el", "he", "hy", "ka", "th", "ko", "zh", "ja", "bn",
    "pa", "gu", "or", "ta", "te", "kn", "ml", "si", "lo", "bo", "my", "am", "km", NULL,
};

struct word_slot {
	const char *w; /* into rv__lang_words, not NUL-terminated */
	size_t len;
	uint64_t langs;        /* bit i: models[i] */
	uint64_t folded_langs; /* languages with an accented word written so without its accents */
};

struct letter_slot {
	int32_t cp; /* 0: free */
	uint64_t own, never, allowed;
};
#define N_LETTER_SLOTS 512

struct lang_ctx {
	struct letter_slot letters[N_LETTER_SLOTS];
	uint64_t latin_limited; /* models whose Latin alphabet is listed */
	void *fp[N_MODELS];     /* NULL when the fingerprint could not be read */
	void *empty;            /* a fingerprint without n-grams, to scale distances */
	struct word_slot *slots;
	size_t nslots; /* a power of two */
	char *folded;  /* the accent-folded words the slots point into */
	size_t folded_used, folded_cap;
	char *norm;    /* scratch: the text reduced to lower-case words */
};

static _Thread_local struct lang_ctx *tls_ctx;

static uint8_t script_of(int32_t cp)
{
	size_t lo = 0, hi = sizeof script_ranges / sizeof script_ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < script_ranges[mid].lo)
			hi = mid;
		else if (cp > script_ranges[mid].hi)
			lo = mid + 1;
		else
			return script_ranges[mid].script;
	}
	return SC_NONE;
}

static bool is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

static uint64_t hash_word(const char *w, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h;
}

static struct word_slot *word_find(struct lang_ctx *c, const char *w, size_t len)
{
	size_t i = hash_word(w, len) & (c->nslots - 1);
	while (c->slots[i].w && (c->slots[i].len != len || memcmp(c->slots[i].w, w, len)))
		i = (i + 1) & (c->nslots - 1);
	return &c->slots[i];
}

static int model_index(const char *code)
{
	for (size_t i = 0; i < N_MODELS; i++)
		if (!strcmp(models[i].code, code))
			return (int)i;
	return -1;
}

/* Calls fn for each word of language m's list. */
static int each_listed_word(struct lang_ctx *c, int (*fn)(struct lang_ctx *, int, const char *, size_t))
{
	for (unsigned i = 0; i < rv__lang_words_count; i++) {
		int m = model_index(rv__lang_words[i].code);
		if (m < 0)
			continue;
		const char *p = rv__lang_words[i].words;
		while (*p) {
			while (*p == ' ')
				p++;
			const char *s = p;
			while (*p && *p != ' ')
				p++;
			if (p > s && fn(c, m, s, (size_t)(p - s)))
				return -1;
		}
	}
	return 0;
}

static int add_word(struct lang_ctx *c, int m, const char *w, size_t len)
{
	struct word_slot *sl = word_find(c, w, len);
	sl->w = w;
	sl->len = len;
	sl->langs |= 1ULL << m;
	return 0;
}

/* Texts typed or crawled without accents ("apres", "meme", "etait") are
 * common in news headlines; an accented function word is also listed as
 * it reads then, for texts with no accent at all. */
static int add_folded_word(struct lang_ctx *c, int m, const char *w, size_t len)
{
	bool plain = true;
	for (size_t i = 0; i < len && plain; i++)
		plain = (unsigned char)w[i] < 0x80;
	char word[64];
	if (plain || len >= sizeof word)
		return 0;
	memcpy(word, w, len);
	word[len] = '\0';
	char *folded = rv_utf8_fold(word);
	if (!folded)
		return -1;
	size_t n = strlen(folded);
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)folded[i] < 0x80;
	size_t used = c->folded_used;
	if (ascii && n && used + n <= c->folded_cap) {
		memcpy(c->folded + used, folded, n);
		struct word_slot *sl = word_find(c, c->folded + used, n);
		if (!sl->w) {
			sl->w = c->folded + used;
			sl->len = n;
			c->folded_used += n;
		}
		/* a word another language writes so is read as that one's */
		if (!(sl->langs & ~(1ULL << m)))
			sl->folded_langs |= 1ULL << m;
	}
	free(folded);
	return 0;
}

static int build_words(struct lang_ctx *c)
{
	size_t n = 0, bytes = 0;
	for (unsigned i = 0; i < rv__lang_words_count; i++) {
		for (const char *p = rv__lang_words[i].words; *p; p++)
			n += *p == ' ';
		bytes += strlen(rv__lang_words[i].words);
	}
	n += rv__lang_words_count;
	c->nslots = 64;
	while (c->nslots < 4 * n) /* every word and its folded form */
		c->nslots *= 2;
	c->slots = calloc(c->nslots, sizeof *c->slots);
	/* folding never lengthens a word that ends up in ASCII */
	c->folded_cap = bytes;
	c->folded = malloc(bytes ? bytes : 1);
	if (!c->slots || !c->folded)
		return -1;
	if (each_listed_word(c, add_word))
		return -1;
	return each_listed_word(c, add_folded_word);
}

static struct letter_slot *letter_find(struct lang_ctx *c, int32_t cp)
{
	size_t i = ((uint32_t)cp * 2654435761u) % N_LETTER_SLOTS;
	while (c->letters[i].cp && c->letters[i].cp != cp)
		i = (i + 1) % N_LETTER_SLOTS;
	return &c->letters[i];
}

enum { L_OWN, L_NEVER, L_ALLOWED };

static void add_letters(struct lang_ctx *c, const char *set, int m, int kind)
{
	const char *p = set, *end = set + strlen(set);
	while (p < end) {
		int32_t cp = rv_utf8_next(&p, end);
		if (cp <= 0)
			continue;
		struct letter_slot *sl = letter_find(c, cp);
		sl->cp = cp;
		if (kind == L_OWN)
			sl->own |= 1ULL << m;
		else if (kind == L_NEVER)
			sl->never |= 1ULL << m;
		else
			sl->allowed |= 1ULL << m;
	}
}

static void build_letters(struct lang_ctx *c)
{
	for (size_t i = 0; i < sizeof letter_rules / sizeof letter_rules[0]; i++) {
		int m = model_index(letter_rules[i].code);
		if (m < 0)
			continue;
		add_letters(c, letter_rules[i].own, m, L_OWN);
		add_letters(c, letter_rules[i].never, m, L_NEVER);
		if (letter_rules[i].alpha) {
			add_letters(c, letter_rules[i].alpha, m, L_ALLOWED);
			add_letters(c, letter_rules[i].own, m, L_ALLOWED);
			c->latin_limited |= 1ULL << m;
		}
	}
	for (size_t i = 0; i < N_LETTER_SLOTS; i++) {
		struct letter_slot *sl = &c->letters[i];
		if (sl->cp >= 0x80 && script_of(sl->cp) == SC_LATIN)
			sl->never |= c->latin_limited & ~sl->allowed;
	}
}

static void ctx_free(struct lang_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < N_MODELS; i++)
		if (c->fp[i])
			fp_Done(c->fp[i]);
	if (c->empty)
		fp_Done(c->empty);
	free(c->slots);
	free(c->folded);
	free(c->norm);
	free(c);
}

static struct lang_ctx *ctx_get(void)
{
	if (tls_ctx)
		return tls_ctx;
	struct lang_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->norm = malloc(NORM_CAP);
	if (!c->norm || build_words(c))
		goto fail;
	build_letters(c);
	const char *dir = getenv("REVUE_TEXTCAT_DIR");
	if (!dir || !*dir)
		dir = RV_TEXTCAT_DIR;
	for (size_t i = 0; i < N_MODELS; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s.lm", dir, models[i].lm);
		void *fp = fp_Init(models[i].code);
		if (!fp)
			goto fail;
		fp_SetProperty(fp, TCPROP_UTF8AWARE, TC_TRUE);
		/* A missing fingerprint leaves that language to its words. */
		if (!fp_Read(fp, path, RV_NGRAMS)) {
			fp_Done(fp);
			continue;
		}
		c->fp[i] = fp;
	}
	c->empty = fp_Init("empty");
	if (!c->empty)
		goto fail;
	tls_ctx = c;
	return c;
fail:
	ctx_free(c);
	return NULL;
}

void rv_lang_cleanup(void)
{
	ctx_free(tls_ctx);
	tls_ctx = NULL;
}

/* What a pass over the text found. */
struct scan {
	size_t chars; /* code points, outer white space excluded */
	size_t letters[SC_COUNT];
};

static void scan_text(const char *text, size_t len, struct scan *s)
{
	const char *p = text, *end = text + len;
	size_t total = 0, trailing = 0;
	while (p < end) {
		int32_t cp = rv_utf8_next(&p, end);
		if (cp < 0) {
			total++;
			trailing = 0;
			continue;
		}
		if (rv_cp_is_space(cp)) {
			if (total) {
				total++;
				trailing++;
			}
			continue;
		}
		total++;
		trailing = 0;
		if (is_letter(cp))
			s->letters[script_of(cp)]++;
	}
	s->chars = total - trailing;
}

/* The script most letters are written in. Latin letters count half:
 * inside another script they are names, brands, URLs and markup, while
 * the reverse is rare. Kana and Han count together (Japanese mixes them)
 * and, like Hangul, double again: one such character carries about as
 * much as a few alphabetic letters. */
static uint8_t main_script(const struct scan *s)
{
	size_t best = 0;
	uint8_t sc = SC_NONE;
	for (unsigned i = 1; i < SC_COUNT; i++) {
		size_t n = s->letters[i];
		if (i == SC_HAN || i == SC_KANA)
			n = 4 * (s->letters[SC_HAN] + s->letters[SC_KANA]);
		else if (i == SC_HANGUL)
			n *= 4;
		else if (i != SC_LATIN)
			n *= 2;
		if (n > best) {
			best = n;
			sc = (uint8_t)i;
		}
	}
	if (sc == SC_HAN || sc == SC_KANA) {
		/* Japanese prose always has kana; Chinese almost never. */
		size_t kana = s->letters[SC_KANA], cjk = s->letters[SC_HAN] + kana;
		sc = kana && kana * 20 >= cjk ? SC_KANA : SC_HAN;
	}
	return sc;
}

/* Latin letters typed for their Cyrillic look-alikes (old Ukrainian text
 * often has Latin i for і): counted as Cyrillic inside Cyrillic words. */
static int32_t cyrillic_lookalike(int32_t lc)
{
	switch (lc) {
	case 'a': return 0x430;
	case 'c': return 0x441;
	case 'e': return 0x435;
	case 'i': return 0x456;
	case 0xEF: return 0x457; /* ï -> ї */
	case 'o': return 0x43E;
	case 'p': return 0x440;
	case 'x': return 0x445;
	case 'y': return 0x443;
	default: return lc;
	}
}

#define WORD_MAX 64

/* Appends the letters of script sc among word[0..n) to out. */
static size_t emit_word(const int32_t *word, size_t n, uint8_t sc, char *out, size_t len,
                        size_t cap)
{
	bool has_cyr = false;
	if (sc == SC_CYRILLIC)
		for (size_t i = 0; i < n && !has_cyr; i++)
			has_cyr = script_of(word[i]) == SC_CYRILLIC;
	bool kept = false;
	for (size_t i = 0; i < n && len + 8 < cap; i++) {
		int32_t lc = utf8proc_tolower(word[i]);
		bool keep;
		if (is_letter(lc)) {
			if (has_cyr && lc < 0x100)
				lc = cyrillic_lookalike(lc);
			keep = script_of(lc) == sc;
		} else {
			keep = kept; /* vowel signs, combining accents */
		}
		if (keep) {
			len += rv_utf8_encode(lc, out + len);
			kept = true;
		} else {
			if (len && out[len - 1] != ' ')
				out[len++] = ' ';
			kept = false;
		}
	}
	if (len && out[len - 1] != ' ' && len + 1 < cap)
		out[len++] = ' ';
	return len;
}

/* The letters of script sc from text, lower-cased, as words separated by
 * one space (what the fingerprints were built from). out holds cap bytes;
 * returns the length. */
static size_t normalize(const char *text, size_t len, uint8_t sc, char *out, size_t cap)
{
	const char *p = text, *end = text + len;
	int32_t word[WORD_MAX];
	size_t n = 0, wn = 0;
	while (p < end) {
		int32_t cp = rv_utf8_next(&p, end);
		bool part = cp >= 0 && (is_letter(cp) || (wn && is_mark(cp)));
		if (part)
			word[wn++] = cp;
		if (!part || wn == WORD_MAX) {
			n = emit_word(word, wn, sc, out, n, cap);
			wn = 0;
		}
	}
	n = emit_word(word, wn, sc, out, n, cap);
	if (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return n;
}

/* Weights of the evidence, against the n-gram distance (0..1). */
#define W_WORDS 0.6 /* times the share of the words that are function words of L */
#define W_OWN 0.03  /* per telling letter of L, at most 3 */
#define W_NEVER 3.0 /* times the share of the letters missing from L's alphabet */

/* For a short text, how far the best must be ahead of the second. */
#define SHORT_MARGIN 0.15

struct cand {
	int m;
	double tc, words, own, never, bonus, score;
};

static const char *decide(struct lang_ctx *c, uint8_t sc, const char *norm, size_t nlen,
                          bool is_short)
{
	struct cand cd[N_MODELS];
	size_t nc = 0;
	for (size_t i = 0; i < N_MODELS; i++)
		if (models[i].script == sc)
			cd[nc++] = (struct cand){.m = (int)i, .tc = 1.0};
	if (!nc)
		return "und";
	if (nc == 1)
		return models[cd[0].m].code;

	bool accentless = true;
	for (size_t i = 0; i < nlen && accentless; i++)
		accentless = (unsigned char)norm[i] < 0x80;
	size_t ntok = 0, nlet = 0;
	const char *p = norm, *end = norm + nlen;
	while (p < end) {
		const char *w = p;
		while (p < end && *p != ' ')
			p++;
		ntok++;
		struct word_slot *ws = word_find(c, w, (size_t)(p - w));
		uint64_t langs = ws->langs | (accentless ? ws->folded_langs : 0);
		if (langs) {
			int share = 0;
			for (size_t k = 0; k < nc; k++)
				share += (int)(langs >> cd[k].m & 1);
			/* A word many candidates share tells less. */
			double wt = 1.0 / sqrt(share < 1 ? 1 : share);
			for (size_t k = 0; k < nc; k++)
				if (langs >> cd[k].m & 1)
					cd[k].words += wt;
		}
		const char *q = w;
		while (q < p) {
			int32_t cp = rv_utf8_next(&q, p);
			if (cp <= 0)
				continue;
			nlet++;
			struct letter_slot *ls = letter_find(c, cp);
			if (!ls->cp) {
				/* An accented Latin letter no listed alphabet has. */
				if (cp >= 0x80 && is_letter(cp) && script_of(cp) == SC_LATIN)
					for (size_t k = 0; k < nc; k++)
						cd[k].never +=
						    (double)(c->latin_limited >> cd[k].m & 1);
				continue;
			}
			for (size_t k = 0; k < nc; k++) {
				if (ls->own >> cd[k].m & 1)
					cd[k].own += 1;
				if (ls->never >> cd[k].m & 1)
					cd[k].never += 1;
			}
		}
		p++;
	}
	if (!ntok || !nlet)
		return "und";

	/* Everything but the n-grams, then the n-gram distance, best
	 * candidates first: fp_Compare() stops as soon as a candidate cannot
	 * come within the margin of the best so far, which saves most of the
	 * comparisons without changing the answer. */
	for (size_t k = 0; k < nc; k++) {
		struct cand *x = &cd[k];
		x->bonus = W_WORDS * x->words / (double)ntok + W_OWN * (x->own < 3 ? x->own : 3) -
		           W_NEVER * x->never / (double)nlet;
		/* Croatian and Bosnian fingerprints are closer to each other than
		 * a sentence is to either: near-ties go to the larger press. */
		if (!strcmp(models[x->m].code, "hr"))
			x->bonus += 0.02;
	}
	for (size_t k = 1; k < nc; k++)
		for (size_t j = k; j > 0 && cd[j].bonus > cd[j - 1].bonus; j--) {
			struct cand t = cd[j];
			cd[j] = cd[j - 1];
			cd[j - 1] = t;
		}
	double margin = is_short ? SHORT_MARGIN : 0.0;
	void *in = fp_Init("text");
	double scale = 0;
	if (in) {
		fp_SetProperty(in, TCPROP_UTF8AWARE, TC_TRUE);
		if (fp_Create(in, norm, (uint4)nlen, RV_NGRAMS))
			scale = fp_Compare(c->empty, in, INT_MAX);
	}
	size_t best = 0, second = SIZE_MAX;
	for (size_t k = 0; k < nc; k++) {
		struct cand *x = &cd[k];
		if (scale > 0 && c->fp[x->m]) {
			double lim =
			    k ? (cd[best].score + x->bonus + margin) * scale : (double)INT_MAX;
			int cutoff = lim < 0                ? 0
			             : lim >= INT_MAX - 1.0 ? INT_MAX - 1
			                                    : (int)lim + 1;
			int d = fp_Compare(c->fp[x->m], in, cutoff);
			x->tc = d >= INT_MAX - 1 ? 2.0 : d / scale;
		}
		x->score = x->tc - x->bonus;
		if (k && x->score < cd[best].score) {
			second = best;
			best = k;
		} else if (k && (second == SIZE_MAX || x->score < cd[second].score)) {
			second = k;
		}
	}
	if (in)
		fp_Done(in);
	if (is_short) {
		/* A few letters decide only when the evidence is not close. */
		if (cd[second].score - cd[best].score < SHORT_MARGIN || cd[best].words < 1)
			return "und";
	}
	return models[cd[best].m].code;
}

const char *rv_detect_language(rv_analyzer *an, const char *text, size_t len)
{
	(void)an;
	if (!text || !len)
		return "und";
	size_t n = len < RV_LANG_SCAN ? len : RV_LANG_SCAN;
	struct scan s = {0};
	scan_text(text, n, &s);
	bool is_short = s.chars < RV_LANG_SHORT && n == len;
	uint8_t sc = main_script(&s);
	if (sc == SC_NONE || sc == SC_INHERITED)
		return "und";
	size_t main_letters =
	    sc == SC_KANA || sc == SC_HAN ? s.letters[SC_HAN] + s.letters[SC_KANA] : s.letters[sc];
	if (script_lang[sc])
		return main_letters >= 2 ? script_lang[sc] : "und";
	if (main_letters < 3)
		return "und";
	struct lang_ctx *c = ctx_get();
	if (!c)
		return "und";
	size_t nlen = normalize(text, n, sc, c->norm, NORM_CAP);
	/* Dates, codes and units: a long string with few letters is short too. */
	if (main_letters < RV_LANG_FEW_LETTERS)
		is_short = true;
	return decide(c, sc, c->norm, nlen, is_short);
}
